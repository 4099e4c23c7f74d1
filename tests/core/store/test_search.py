"""The full-text index catches up lazily (store/search.py; issue #13): imports no longer
index, and every search answers as a fully indexed project would meanwhile."""
from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from annotator.core.importing import ArticleRecord, import_records
from annotator.core.store import Project
from annotator.core.store.search import CATCH_UP_CHUNK

# Written with diacritics, hamza and alef variants, ة and ى; searched for without them.
FOLDED = [
    ("أعلنت الأُمم المتحدة إرسال مساعدات إلى القرى المنكوبة.", "الامم", "اعلنت مساعدات"),
    ("قُتِلَ ثلاثةُ مدنيين في قصفٍ على مدرسةٍ.", "قتل", "مدرسه"),
    ("وصلت قـــوات جديدة إلى الحدود.", "قوات", "الي الحدود"),
]
WORDS = "قوات النظام المرصد السوري الطيران الروسي مدينة السخنة تدمر الرقة حلب إدلب القصف الأهالي".split()
QUERIES = ["قوات", "النظام المرصد", "الرقه", "ادلب", "السخ", "حلب القصف", "الاهالي", "غائب"]


def _texts(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(12)) + f" {i}" for i in range(n)]


def _project(path: Path, texts: list[str]) -> Project:
    project = Project.create(path, creator="lead")
    import_records(project, [ArticleRecord(text=t, title=f"خبر {i}", external_id=f"a{i}") for i, t in enumerate(texts)])
    return project


def _results(project: Project) -> dict[str, object]:
    """Every way to search, for every query: what must not depend on the index's progress."""
    out: dict[str, object] = {}
    for q in QUERIES:
        out[q] = [h.to_dict() for h in project.search_articles(q, limit=1000)]
        out[q + "/3"] = [h.id for h in project.search_articles(q, limit=3)]
        for status in (None, "new", "done"):
            out[f"{q}/{status}"] = project.article_list_runs("lead", search=q, status=status)
    return out


def test_import_does_not_index(tmp_path: Path) -> None:
    with _project(tmp_path / "p.db", _texts(30)) as p:
        assert p.search_index_pending() == 30
        assert p.search.indexed_upto() == 0


def test_a_fresh_import_is_found_by_folded_words_before_any_indexing(tmp_path: Path) -> None:
    with _project(tmp_path / "p.db", [text for text, _q1, _q2 in FOLDED]) as p:
        ids = p.article_ids()
        for (_text, q1, q2), article_id in zip(FOLDED, ids):
            for query in (q1, q2):
                assert [h.id for h in p.search_articles(query)] == [article_id], query
                assert sum(p.article_list_runs("lead", search=query), []) == [article_id], query
        assert p.search_index_pending() == len(FOLDED)  # searching did not need the index
        assert p.update_search_index() == len(FOLDED)
        assert p.search_index_pending() == 0
        assert [h.id for h in p.search_articles("الامم")] == ids[:1]


def test_a_search_during_catch_up_equals_a_full_one(tmp_path: Path) -> None:
    texts = _texts(3 * CATCH_UP_CHUNK // 10)
    full_path = tmp_path / "full.db"
    with _project(full_path, texts) as made:
        made.set_status(made.article_ids()[4], "lead", "done")
        made.assignments.add([(made.article_ids()[7], "lead"), (made.article_ids()[100], "lead")])
    shutil.copy(full_path, tmp_path / "partial.db")
    with Project.open(full_path) as full:
        full.update_search_index()
        assert full.search_index_pending() == 0
        expected = _results(full)
    assert any(expected[q] for q in QUERIES) and not expected["غائب"]
    with Project.open(tmp_path / "partial.db") as partial:
        assert _results(partial) == expected  # nothing indexed
        chunks = iter(range(3))
        partial.search.catch_up(chunk=40, should_stop=lambda: next(chunks, None) is None)
        assert partial.search.indexed_upto() == partial.article_ids()[119]
        assert _results(partial) == expected  # 120 indexed, the rest not
        # A new article past the tail, and one taken out of it, while the tail is kept in memory.
        import_records(partial, [ArticleRecord(text="قوات حلب الجديدة", title="جديد")])
        partial.delete_article(partial.article_ids()[130])
        with Project.open(full_path) as again:
            import_records(again, [ArticleRecord(text="قوات حلب الجديدة", title="جديد")])
            again.delete_article(again.article_ids()[130])
            again.update_search_index()
            expected = _results(again)
        assert _results(partial) == expected


def test_an_interrupted_catch_up_resumes(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    texts = _texts(25)
    with _project(path, texts) as p:
        def interrupt(done: int) -> None:
            if done >= 10:
                raise KeyboardInterrupt  # the process killed after two chunks
        with pytest.raises(KeyboardInterrupt):
            p.search.catch_up(chunk=5, progress=interrupt)
        assert p.search_index_pending() == 15
    with Project.open(path) as p:  # another process
        assert p.update_search_index() == 15
        assert p.search_index_pending() == 0
        count = p.conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
        assert count == 25  # each article once
        for word in ("قوات", "حلب", "الرقة"):
            expected = [i for i, t in zip(p.article_ids(), texts) if word in t.split()]
            assert [h.id for h in p.search_articles(word, limit=100)] == expected


def test_deleted_articles_vanish_indexed_or_not(tmp_path: Path) -> None:
    texts = ["خبر عن حلب", "خبر عن حلب ايضا", "خبر ثالث عن حلب", "خبر رابع عن حلب"]
    with _project(tmp_path / "p.db", texts) as p:
        first, second, third, fourth = p.article_ids()
        p.search.catch_up(chunk=2, should_stop=iter([False, True]).__next__)
        assert p.search.indexed_upto() == second
        p.delete_article(first)   # indexed
        p.delete_article(fourth)  # not indexed: must not be "removed" from the index
        assert [h.id for h in p.search_articles("حلب")] == [second, third]
        assert sum(p.article_list_runs("lead", search="حلب"), []) == [second, third]
        p.update_search_index()
        assert [h.id for h in p.search_articles("حلب")] == [second, third]
        p.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 0)")
        # The last indexed article deleted: the next article gets its id, and is indexed.
        p.delete_article(third)
        import_records(p, [ArticleRecord(text="خبر جديد عن ادلب", title="جديد")])
        (new,) = [h.id for h in p.search_articles("ادلب")]
        assert new == third
        p.update_search_index()
        assert [h.id for h in p.search_articles("ادلب")] == [new]
        assert [h.id for h in p.search_articles("حلب")] == [second]


def test_a_long_tail_is_searched_a_chunk_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core.store import search

    texts = _texts(60)
    with _project(tmp_path / "p.db", texts) as p:
        kept = _results(p)
        monkeypatch.setattr(search, "TAIL_KEPT", 10)
        monkeypatch.setattr(search, "_TAIL_CHUNK", 7)
        assert _results(p) == kept
        p.update_search_index()
        assert _results(p) == kept


def test_two_connections_catching_up_index_each_article_once(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    _project(path, _texts(40)).close()
    with Project.open(path) as one, Project.open(path) as two:
        # Interleaved chunk by chunk: each re-reads where the index stands under the lock.
        steps = iter(range(100))
        one.search.catch_up(chunk=6, should_stop=lambda: next(steps) % 2 == 1 and two.search.catch_up(
            chunk=6, should_stop=iter([False, True]).__next__) < 0)
        two.update_search_index()
        assert one.conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0] == 40
        assert one.search_index_pending() == two.search_index_pending() == 0


def test_searching_never_writes(tmp_path: Path) -> None:
    """A search works on a project that cannot be written (a read-only folder): it indexes
    nothing itself, the tail is searched in memory."""
    with _project(tmp_path / "p.db", [text for text, _q1, _q2 in FOLDED]) as p:
        before = p.conn.total_changes
        assert len(p.search_articles("قتل")) == 1
        assert sum(p.article_list_runs("lead", search="قوات"), []) == p.article_ids()[2:]
        assert p.conn.total_changes == before
        assert p.search_index_pending() == len(FOLDED)


def test_cli_search_leaves_the_project_indexed(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from annotator.cli import main

    path = tmp_path / "p.db"
    _project(path, [text for text, _q1, _q2 in FOLDED]).close()
    result = CliRunner().invoke(main, ["search", str(path), "مدرسه", "--json"])
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in map(json.loads, result.output.splitlines())] == [2]
    with Project.open(path) as p:
        assert p.search_index_pending() == 0


def test_the_tail_is_tokenized_like_the_index(tmp_path: Path) -> None:
    """The in-memory index of the tail repeats the project index's options: a search finds
    the same words in both (unicode61 also drops Latin accents, which fold keeps)."""
    from annotator.core.store.search import FTS_OPTIONS

    with _project(tmp_path / "p.db", ["Le café de l'AFP à Alep", "حلب"]) as p:
        sql = p.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
        assert FTS_OPTIONS in sql
        before = [h.id for h in p.search_articles("cafe alep")]
        p.update_search_index()
        assert [h.id for h in p.search_articles("cafe alep")] == before == p.article_ids()[:1]
