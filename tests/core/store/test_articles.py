"""The articles family: identity by content hash, chunked reads, tolerant metadata."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

from annotator.core.importing import content_hash as importer_hash
from annotator.core.store import Project, content_hash


def test_content_hash_is_the_importers(sample_text: str) -> None:
    assert content_hash(sample_text) == importer_hash(sample_text)
    assert content_hash(sample_text + " ") != content_hash(sample_text)


def test_many_and_texts_read_past_one_chunk(project: Project) -> None:
    rows = [(f"e{i}", f"t{i}", f"نص رقم {i}", None, None, None, "{}", content_hash(f"نص رقم {i}"), f"t{i}", "x")
            for i in range(1203)]
    assert project.articles.insert_many(rows) == 1203
    assert project.articles.insert_many(rows[:5]) == 0  # duplicates by content are skipped
    ids = project.articles.ids()
    assert len(project.articles.many(ids)) == 1203
    texts = project.articles.texts(ids)
    assert texts[ids[-1]] == "نص رقم 1202"
    assert project.articles.ids_by_external_id()["e7"] == ids[7]
    assert project.articles.id_by_hash(content_hash("نص رقم 3")) == ids[3]


def test_an_article_with_hand_broken_meta_still_opens(project: Project,
                                                      add_article: Callable[..., int]) -> None:
    """#16 item 5: meta='{not json' made export, suggest and the window fail on the article."""
    aid = add_article("نص قصير عن حلب", meta={"k": 1})
    assert project.article(aid).meta == {"k": 1}
    conn = sqlite3.connect(project.path)
    conn.execute("UPDATE articles SET meta = '{not json' WHERE id = ?", (aid,))
    conn.commit()
    conn.close()
    assert project.article(aid).meta == {}
    assert project.articles.many([aid])[aid].text == "نص قصير عن حلب"


def test_not_done_lists_articles_nobody_finished(project: Project, add_article: Callable[..., int]) -> None:
    a, b = add_article("النص الأول"), add_article("النص الثاني")
    project.set_status(a, "amal", "done")
    assert project.articles.not_done(None) == [b]
    assert project.articles.not_done("amal") == [b]
    assert project.articles.not_done("omar") == [a, b]


def test_a_text_given_as_utf8_bytes_is_stored_as_that_text(project: Project) -> None:
    """The importer hands the texts over as the UTF-8 bytes it hashed; they are text in the file."""
    text = "قصف على ريف حمص\r\nالشرقي 🙂"
    rows = [("e1", "t", text.encode("utf-8"), None, None, None, "{}", content_hash(text), "t", "x"),
            ("e2", "t", "نص ثان", None, None, None, "{}", content_hash("نص ثان"), "t", "x")]
    assert project.articles.insert_many(rows) == 2
    stored = project.conn.execute("SELECT typeof(text), text FROM articles ORDER BY id").fetchall()
    assert stored == [("text", text), ("text", "نص ثان")]


def test_utf8_bytes_are_stored_as_text_in_a_utf16_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """SQLite can keep a file's text as UTF-16 (a project rebuilt by another tool), and it
    documents that a BLOB cast to TEXT is read in the file's encoding: the text must still
    arrive whole."""
    made = tmp_path / "made.db"
    Project.create(made, creator="lead").close()
    source = sqlite3.connect(made)
    path = tmp_path / "utf16.db"
    utf16 = sqlite3.connect(path)
    utf16.execute("PRAGMA encoding = 'UTF-16le'")
    utf16.executescript("\n".join(source.iterdump()))
    utf16.execute(f"PRAGMA user_version = {source.execute('PRAGMA user_version').fetchone()[0]}")
    utf16.commit()
    utf16.close()
    source.close()
    with Project.open(path) as project:
        assert project.conn.execute("PRAGMA encoding").fetchone()[0] == "UTF-16le"
        text = "ريف حمص الشرقي"
        row = ("e1", "t", text.encode("utf-8"), None, None, None, "{}", content_hash(text), "t", "x")
        assert project.articles.insert_many([row]) == 1
        assert project.conn.execute("SELECT typeof(text), text FROM articles").fetchall() == [("text", text)]


def test_the_bulk_insert_cache_is_given_back(project: Project) -> None:
    def cache() -> int:
        return int(project.conn.execute("PRAGMA cache_size").fetchone()[0])

    before = cache()
    assert -before < 32 * 1024
    with project.articles.bulk_insert_cache():
        assert cache() == -32 * 1024
    assert cache() == before
    try:
        with project.articles.bulk_insert_cache():
            raise KeyError("stop")
    except KeyError:
        pass
    assert cache() == before
    project.conn.execute("PRAGMA cache_size = -65536")  # already roomier: left as it is
    with project.articles.bulk_insert_cache():
        assert cache() == -65536
    assert cache() == -65536
