"""The project store: opening, refusing, migrating, span and label rules, durability."""
from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from annotator.core.domain import Label, Span
from annotator.core.errors import (
    LabelError,
    ProjectError,
    SchemaVersionError,
    SpanError,
)
from annotator.core.store import BUSY_TIMEOUT_MS, Project
from annotator.core.store.schema import SCHEMA_VERSION, migrations


def other_connection(path: Path) -> sqlite3.Connection:
    """A second, independent connection: it only sees what was committed."""
    return sqlite3.connect(str(path), timeout=5)


def table_dump(path: Path) -> dict[str, list[tuple]]:
    conn = other_connection(path)
    try:
        return {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("articles", "annotations", "annotators", "spans", "labels", "settings")
        }
    finally:
        conn.close()


# --------------------------------------------------------------------------- create / open
def test_create_then_open_keeps_labels_and_version(project_path: Path) -> None:
    with Project.create(project_path, creator="lead") as p:
        assert p.label_names() == ["ACTOR", "LOCATION", "COUNT", "SOURCE"]
        assert p.schema_version == SCHEMA_VERSION
    with Project.open(project_path) as p:
        assert p.label_names() == ["ACTOR", "LOCATION", "COUNT", "SOURCE"]
        assert p.role("lead") == "reviewer"
        assert p.label("COUNT").key == "3"
        assert p.setting("created_at")


def test_create_refuses_an_existing_file_and_a_missing_folder(project: Project, tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(project.path)
    with pytest.raises(ProjectError, match="does not exist"):
        Project.create(tmp_path / "no-such-folder" / "p.db")


def test_pragmas_wal_foreign_keys_busy_timeout(project: Project) -> None:
    conn = project.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
    # WAL is a property of the file: a plain second connection sees it too.
    other = other_connection(project.path)
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other.close()


def test_pragmas_are_set_again_on_open(project_path: Path) -> None:
    Project.create(project_path).close()
    with Project.open(project_path) as p:
        assert p.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert p.conn.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS


# ------------------------------------------------------------------ not a project
def _text_file(tmp: Path) -> Path:
    p = tmp / "notes.db"
    p.write_text("this is a text file, not a database\n", encoding="utf-8")
    return p


def _empty_file(tmp: Path) -> Path:
    p = tmp / "empty.db"
    p.write_bytes(b"")
    return p


def _other_sqlite(tmp: Path) -> Path:
    p = tmp / "other.db"
    conn = sqlite3.connect(str(p))
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers(name) VALUES ('x')")
    conn.commit()
    conn.close()
    return p


def _folder(tmp: Path) -> Path:
    p = tmp / "folder.db"
    p.mkdir()
    return p


def _missing(tmp: Path) -> Path:
    return tmp / "missing.db"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_text_file, "not an SQLite database"),
        (_empty_file, "not an SQLite database"),
        (_other_sqlite, "not an annotator project"),
        (_folder, "is a folder"),
        (_missing, "no such project file"),
    ],
    ids=["text-file", "empty-file", "other-sqlite", "folder", "missing"],
)
def test_not_a_project_is_refused_and_left_untouched(tmp_path: Path, make: Callable[[Path], Path],
                                                     message: str) -> None:
    path = make(tmp_path)
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(ProjectError, match=message) as info:
        Project.open(path)
    assert str(path) in str(info.value)  # the message names the file
    if before is not None:
        assert path.read_bytes() == before, "opening a non-project must not modify it"
    else:
        assert not path.is_file()
    # No -wal/-shm/-journal files (or a new database) left behind.
    assert sorted(q.name for q in tmp_path.iterdir()) == ([path.name] if path.exists() else [])


def test_newer_schema_is_refused_naming_both_versions(project_path: Path, tmp_path: Path) -> None:
    Project.create(project_path).close()
    newer = tmp_path / "newer.db"
    shutil.copy(project_path, newer)
    conn = sqlite3.connect(str(newer))
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = newer.read_bytes()
    with pytest.raises(SchemaVersionError) as info:
        Project.open(newer)
    msg = str(info.value)
    assert "99" in msg and str(SCHEMA_VERSION) in msg
    assert "newer version" in msg
    assert isinstance(info.value, ProjectError)  # callers catching ProjectError see it too
    assert newer.read_bytes() == before


def test_older_schema_is_migrated_without_losing_anything(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    db = sqlite_utils.Database(str(path))
    migrations.apply(db, stop_before="m002_team")
    db.execute("PRAGMA user_version = 1")
    assert "gold" not in db.table_names()
    text = "قتل 3 مدنيين في ريف إدلب"
    db.execute("INSERT INTO labels(name, name_ar, name_en, color, key, description, position) "
               "VALUES ('LOCATION', 'مكان', 'Location', '#56B4E9', '2', '', 0)")
    db.execute("INSERT INTO labels(name, name_ar, name_en, color, key, description, position) "
               "VALUES ('COUNT', 'عدد', 'Count', '#009E73', '3', '', 1)")
    db.execute("INSERT INTO annotators(name, role, created_at) VALUES ('amal', 'annotator', '2024-01-01')")
    db.execute("INSERT INTO articles(id, external_id, title, text, meta, content_hash, search_key) "
               "VALUES (7, 'ext-7', 'title', ?, '{\"k\": 1}', 'h7', 'title')", [text])
    db.execute("INSERT INTO annotations(id, article_id, annotator, status, seconds) "
               "VALUES (3, 7, 'amal', 'done', 12.5)")
    db.execute("INSERT INTO spans(annotation_id, start, \"end\", label, origin) VALUES (3, 4, 5, 'COUNT', 'manual')")
    db.execute("INSERT INTO spans(annotation_id, start, \"end\", label, origin) VALUES (3, 16, 24, 'LOCATION', 'manual')")
    db.conn.commit()
    db.conn.close()

    with Project.open(path) as p:
        assert p.schema_version == SCHEMA_VERSION
        assert [(s.start, s.end, s.label) for s in p.spans(7, "amal")] == [(4, 5, "COUNT"), (16, 24, "LOCATION")]
        assert [text[s.start:s.end] for s in p.spans(7, "amal")] == ["3", "ريف إدلب"]
        art = p.article(7)
        assert (art.text, art.external_id, art.meta) == (text, "ext-7", {"k": 1})
        ann = p.annotation(7, "amal")
        assert ann is not None and (ann.status, ann.seconds) == ("done", 12.5)
        assert p.label_names() == ["LOCATION", "COUNT"]
        # The new tables exist and work.
        assert p.stats()["gold_articles"] == 0
        p.reject_suggestion(7, "amal", 0, 3, "COUNT")
        assert p.rejected_suggestions(7, "amal") == {(0, 3, "COUNT")}
    # And the upgrade is on disk: a second open does not migrate again.
    conn = other_connection(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 2
    conn.close()


# ----------------------------------------------------------------------------- spans
@pytest.fixture
def article(add_article: Callable[..., int], sample_text: str) -> int:
    return add_article(sample_text)


def _find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def test_add_span_stores_exact_offsets(project: Project, article: int, sample_text: str) -> None:
    s, e = _find(sample_text, "المرصد السوري لحقوق الإنسان")
    span = project.add_span(article, "amal", s, e, "SOURCE")
    assert (span.start, span.end, span.label, span.origin) == (s, e, "SOURCE", "manual")
    assert span.id is not None
    [stored] = project.spans(article, "amal")
    assert sample_text[stored.start:stored.end] == "المرصد السوري لحقوق الإنسان"
    assert project.span(span.id) == stored


def test_whitespace_is_trimmed(project: Project, article: int, sample_text: str) -> None:
    s, e = _find(sample_text, "ريف حمص")
    span = project.add_span(article, "amal", s - 1, e + 1, "LOCATION")  # " ريف حمص " with spaces
    assert sample_text[s - 1] == " " and sample_text[e] == " "
    assert (span.start, span.end) == (s, e)
    assert [(x.start, x.end) for x in project.spans(article, "amal")] == [(s, e)]


def _bad_span_cases(text: str) -> list[tuple[Any, Any, str, str]]:
    s, e = _find(text, "ريف حمص")
    ws = text.index("\n\n")
    return [
        (-1, 3, "ACTOR", "outside the text"),
        (0, len(text) + 1, "ACTOR", "outside the text"),
        (5, 5, "ACTOR", "outside the text or empty"),
        (9, 4, "ACTOR", "outside the text or empty"),
        (s, e, "PERSON", "unknown label"),
        (s, e, "location", "unknown label"),
        (ws, ws + 2, "ACTOR", "more than whitespace"),
        ("3", 9, "ACTOR", "must be an integer"),
        (3, 9.0, "ACTOR", "must be an integer"),
        (None, 9, "ACTOR", "must be an integer"),
        (True, 9, "ACTOR", "must be an integer"),
    ]


def test_bad_spans_raise_span_error_and_write_nothing(project: Project, article: int, sample_text: str) -> None:
    before = table_dump(project.path)
    for start, end, label, message in _bad_span_cases(sample_text):
        with pytest.raises(SpanError, match=message):
            project.add_span(article, "amal", start, end, label)
        assert not project.conn.in_transaction
    # Not even the annotation or annotator rows that add_span creates on the way.
    assert table_dump(project.path) == before
    assert project.annotation(article, "amal") is None


def test_overlap_is_refused(project: Project, article: int, sample_text: str) -> None:
    s, e = _find(sample_text, "ريف حمص الشرقي")
    project.add_span(article, "amal", s, e, "LOCATION")
    before = table_dump(project.path)
    hs, he = _find(sample_text, "حمص الشرقي")
    with pytest.raises(SpanError, match="overlaps the LOCATION span"):
        project.add_span(article, "amal", hs, he, "ACTOR")
    with pytest.raises(SpanError, match="overlaps"):
        project.add_span(article, "amal", s - 3, s + 1, "ACTOR")
    assert table_dump(project.path) == before
    # Touching is not overlapping, and another annotator's spans do not count.
    assert sample_text[e] == "،"
    project.add_span(article, "amal", e, e + 1, "ACTOR")
    project.add_span(article, "bilal", hs, he, "LOCATION")


def test_add_spans_is_all_or_nothing(project: Project, article: int, sample_text: str) -> None:
    a = Span(*_find(sample_text, "قوات النظام"), "ACTOR")
    b = Span(*_find(sample_text, "4 جنود"), "COUNT")
    bad = Span(len(sample_text) - 2, len(sample_text) + 5, "LOCATION")
    with pytest.raises(SpanError):
        project.add_spans(article, "amal", [a, b, bad])
    assert project.spans(article, "amal") == []
    out = project.add_spans(article, "amal", [a, b])
    assert [(x.start, x.end) for x in out] == [(a.start, a.end), (b.start, b.end)]


def test_update_and_delete_span(project: Project, article: int, sample_text: str) -> None:
    s, e = _find(sample_text, "ريف حمص الشرقي")
    span = project.add_span(article, "amal", s, e, "ACTOR")
    new = project.update_span(span.id, label="LOCATION", attributes={"note": "x"})
    assert (new.label, new.attributes) == ("LOCATION", {"note": "x"})
    hs, _ = _find(sample_text, "حمص الشرقي")
    new = project.update_span(span.id, start=hs)
    assert sample_text[new.start:new.end] == "حمص الشرقي"
    with pytest.raises(SpanError):
        project.update_span(span.id, end=len(sample_text) + 1)
    with pytest.raises(SpanError):
        project.update_span(span.id, label="NOPE")
    assert project.span(span.id) == new
    removed = project.delete_span(span.id)
    assert removed.id == span.id
    assert project.spans(article, "amal") == []
    with pytest.raises(SpanError, match="no span"):
        project.delete_span(span.id)


def test_replace_spans_is_all_or_nothing(project: Project, article: int, sample_text: str) -> None:
    keep = project.add_span(article, "amal", *_find(sample_text, "قوات النظام"), "ACTOR")
    s1 = Span(*_find(sample_text, "ريف حمص"), "LOCATION")
    s2 = Span(*_find(sample_text, "حمص الشرقي"), "LOCATION")  # overlaps s1
    with pytest.raises(SpanError):
        project.replace_spans(article, "amal", [s1, s2])
    assert project.spans(article, "amal") == [keep]
    project.replace_spans(article, "amal", [s1])
    assert [(x.start, x.end, x.label) for x in project.spans(article, "amal")] == [(s1.start, s1.end, "LOCATION")]


def test_span_on_missing_article(project: Project) -> None:
    with pytest.raises(ProjectError, match="no article"):
        project.add_span(12345, "amal", 0, 1, "ACTOR")


# ---------------------------------------------------------------------------- labels
def test_label_add_rename_recolor_remove(project: Project, article: int, sample_text: str) -> None:
    project.add_label(Label("WEAPON", "سلاح", "Weapon", "#112233", "5", "arms"))
    assert project.label_names()[-1] == "WEAPON"
    s, e = _find(sample_text, "الطيران الروسي")
    span = project.add_span(article, "amal", s, e, "ACTOR")

    project.update_label("ACTOR", name="PERPETRATOR")
    assert "ACTOR" not in project.label_names()
    assert project.span(span.id).label == "PERPETRATOR"  # spans follow the rename
    conn = other_connection(project.path)
    assert conn.execute("SELECT label FROM spans").fetchall() == [("PERPETRATOR",)]
    conn.close()
    assert project.label_names().index("PERPETRATOR") == 0  # keeps its place

    project.update_label("PERPETRATOR", color="#000000")
    assert project.label("PERPETRATOR").color == "#000000"

    with pytest.raises(LabelError, match="used by 1 spans"):
        project.remove_label("PERPETRATOR")
    project.remove_label("WEAPON")
    assert "WEAPON" not in project.label_names()
    with pytest.raises(LabelError, match="unknown label"):
        project.remove_label("WEAPON")
    # Re-opening reads the same schema from disk.
    with Project.open(project.path) as again:
        assert again.labels() == project.labels()


@pytest.mark.parametrize(
    ("label", "message"),
    [
        (Label("X", "x", "x", "red", ""), "colour"),
        (Label("X", "x", "x", "#12345", ""), "colour"),
        (Label("X", "x", "x", "#GG0000", ""), "colour"),
        (Label("ACTOR", "x", "x", "#123456", ""), "already exists"),
        (Label("X", "x", "x", "#123456", "1"), "already used by label 'ACTOR'"),
        (Label("X", "x", "x", "#123456", "0"), "key must be a digit"),
        (Label("X", "x", "x", "#123456", "12"), "key must be a digit"),
        (Label("  ", "x", "x", "#123456", ""), "not blank"),
        (Label("A\nB", "x", "x", "#123456", ""), "line break"),
    ],
)
def test_bad_labels_are_refused(project: Project, label: Label, message: str) -> None:
    before = table_dump(project.path)
    with pytest.raises(LabelError, match=message):
        project.add_label(label)
    assert table_dump(project.path) == before


def test_bad_label_updates_are_refused(project: Project) -> None:
    before = table_dump(project.path)
    with pytest.raises(LabelError, match="already exists"):
        project.update_label("ACTOR", name="LOCATION")
    with pytest.raises(LabelError, match="colour"):
        project.update_label("ACTOR", color="orange")
    with pytest.raises(LabelError, match="already used"):
        project.update_label("ACTOR", key="2")
    with pytest.raises(LabelError, match="unknown label"):
        project.update_label("NOPE", color="#000000")
    assert table_dump(project.path) == before


# ------------------------------------------------------------------------ durability
def _writes(project: Project, article: int, text: str) -> list[tuple[str, Callable[[], Any], str, Any]]:
    """(name, write, SQL checked from a second connection, expected first column)."""
    s, e = _find(text, "ريف حمص")
    a, b = _find(text, "قوات النظام")
    return [
        ("add_label", lambda: project.add_label(Label("W", "w", "w", "#010203", "")),
         "SELECT count(*) FROM labels WHERE name='W'", 1),
        ("update_label", lambda: project.update_label("W", color="#aabbcc"),
         "SELECT color FROM labels WHERE name='W'", "#aabbcc"),
        ("remove_label", lambda: project.remove_label("W"), "SELECT count(*) FROM labels WHERE name='W'", 0),
        ("set_role", lambda: project.set_role("bilal", "reviewer"),
         "SELECT role FROM annotators WHERE name='bilal'", "reviewer"),
        ("ensure_annotator", lambda: project.ensure_annotator("cyra"),
         "SELECT count(*) FROM annotators WHERE name='cyra'", 1),
        ("set_setting", lambda: project.set_setting("allow_overlap", False),
         "SELECT value FROM settings WHERE key='allow_overlap'", "false"),
        ("add_span", lambda: project.add_span(article, "amal", s, e, "LOCATION"),
         "SELECT count(*) FROM spans", 1),
        ("add_spans", lambda: project.add_spans(article, "amal", [Span(a, b, "ACTOR")]),
         "SELECT count(*) FROM spans", 2),
        ("update_span", lambda: project.update_span(project.spans(article, "amal")[0].id, label="SOURCE"),
         "SELECT count(*) FROM spans WHERE label='SOURCE'", 1),
        ("delete_span", lambda: project.delete_span(project.spans(article, "amal")[0].id),
         "SELECT count(*) FROM spans", 1),
        ("replace_spans", lambda: project.replace_spans(article, "amal", []), "SELECT count(*) FROM spans", 0),
        ("set_status", lambda: project.set_status(article, "amal", "done", "checked"),
         "SELECT status || ':' || comment FROM annotations", "done:checked"),
        ("add_seconds", lambda: project.add_seconds(article, "amal", 2.5), "SELECT seconds FROM annotations", 2.5),
        ("reject_suggestion", lambda: project.reject_suggestion(article, "amal", s, e, "ACTOR"),
         "SELECT count(*) FROM rejected_suggestions", 1),
        ("unreject_suggestion", lambda: project.unreject_suggestion(article, "amal", s, e, "ACTOR"),
         "SELECT count(*) FROM rejected_suggestions", 0),
        ("delete_article", lambda: project.delete_article(article), "SELECT count(*) FROM articles", 0),
    ]


def test_every_write_is_committed_when_it_returns(project: Project, article: int, sample_text: str) -> None:
    other = other_connection(project.path)
    try:
        for name, write, sql, expected in _writes(project, article, sample_text):
            write()
            assert not project.conn.in_transaction, f"{name} left a transaction open"
            assert other.execute(sql).fetchone()[0] == expected, name
    finally:
        other.close()
    # Deleting the article cascaded to its annotations and spans.
    assert table_dump(project.path)["annotations"] == []


def test_a_reader_does_not_block_writes(project: Project, article: int, sample_text: str) -> None:
    """WAL: an open read transaction elsewhere does not stop the annotator saving."""
    other = other_connection(project.path)
    other.execute("BEGIN")
    assert other.execute("SELECT count(*) FROM spans").fetchone()[0] == 0
    project.add_span(article, "amal", *_find(sample_text, "ريف حمص"), "LOCATION")
    assert other.execute("SELECT count(*) FROM spans").fetchone()[0] == 0  # its snapshot
    other.execute("COMMIT")
    assert other.execute("SELECT count(*) FROM spans").fetchone()[0] == 1
    other.close()


# -------------------------------------------------------------------- status & time
def test_status_seconds_done_count(project: Project, add_article: Callable[..., int], sample_text: str) -> None:
    a1 = add_article(sample_text)
    a2 = add_article(sample_text + " إضافة")
    assert project.annotation(a1, "amal") is None
    project.add_span(a1, "amal", *_find(sample_text, "ريف حمص"), "LOCATION")
    assert project.annotation(a1, "amal").status == "in_progress"  # a span starts the work
    project.set_status(a1, "amal", "done")
    project.set_status(a2, "amal", "flagged", comment="مصدر غير واضح")
    ann2 = project.annotation(a2, "amal")
    assert (ann2.status, ann2.comment) == ("flagged", "مصدر غير واضح")
    project.set_status(a2, "amal", "done")
    assert project.annotation(a2, "amal").comment == "مصدر غير واضح"  # kept when not given
    assert project.done_count("amal") == 2
    assert project.done_count("bilal") == 0
    # Adding a span to a done article keeps it done.
    project.add_span(a1, "amal", *_find(sample_text, "4 جنود"), "COUNT")
    assert project.annotation(a1, "amal").status == "done"

    project.add_seconds(a1, "amal", 30)
    project.add_seconds(a1, "amal", 12.5)
    project.add_seconds(a1, "amal", 0)
    project.add_seconds(a1, "amal", -100)
    assert project.annotation(a1, "amal").seconds == pytest.approx(42.5)

    with pytest.raises(ProjectError, match="status must be one of"):
        project.set_status(a1, "amal", "finished")
    assert project.annotation(a1, "amal").status == "done"


# ------------------------------------------------------------------- article list
@pytest.fixture
def listed(project: Project, add_article: Callable[..., int]) -> dict[str, int]:
    ids = {
        "idlib": add_article("نص أول", title="الطيران الروسي يقصف إدلب", source="المدن"),
        "forces": add_article("نص ثان", title="قـــوات النظام تتقدم", source="عنب بلدي"),
        "marks": add_article("نص ثالث", title="مَقْتَلُ عناصر في الرَّقة", external_id="syr-0042"),
        "plain": add_article("نص رابع", title="اجتماع في أنقرة"),
    }
    return ids


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ادلب", ["idlib"]),          # hamza-less alef matches إ
        ("إدلب", ["idlib"]),
        ("الطَّيران", ["idlib"]),      # diacritics in the query are ignored
        ("قوات", ["forces"]),          # tatweel in the title is ignored
        ("مقتل", ["marks"]),           # diacritics in the title are ignored
        ("الرقة", ["marks"]),
        ("انقرة", ["plain"]),
        ("عنب", ["forces"]),           # the outlet is searched
        ("syr-0042", ["marks"]),       # and the external id
        ("SYR-0042", ["marks"]),
        ("بغداد", []),
    ],
)
def test_search_ignores_diacritics_tatweel_and_alef_variants(project: Project, listed: dict[str, int],
                                                             query: str, expected: list[str]) -> None:
    ids = project.list_articles("amal", search=query)
    assert ids == [listed[k] for k in expected]


def test_list_filters_by_status_including_never_opened(project: Project, listed: dict[str, int]) -> None:
    project.set_status(listed["idlib"], "amal", "done")
    project.set_status(listed["forces"], "amal", "skipped")
    project.set_status(listed["marks"], "bilal", "done")  # someone else's status
    assert project.list_articles("amal", status="done") == [listed["idlib"]]
    assert project.list_articles("amal", status="skipped") == [listed["forces"]]
    assert project.list_articles("amal", status="new") == [listed["marks"], listed["plain"]]
    assert project.list_articles("bilal", status="new") == [listed["idlib"], listed["forces"], listed["plain"]]
    assert project.list_articles("amal") == sorted(listed.values())
    assert project.list_articles("amal", status="done", search="ادلب") == [listed["idlib"]]
    assert project.list_articles("amal", status="new", search="ادلب") == []
    with pytest.raises(ProjectError):
        project.list_articles("amal", status="bogus")


def test_assigned_articles_come_first_and_rows(project: Project, listed: dict[str, int], sample_text: str) -> None:
    with project.transaction() as conn:
        conn.execute("INSERT INTO annotators(name, role) VALUES ('amal', 'annotator')")
        conn.execute("INSERT INTO assignments(article_id, annotator) VALUES (?, 'amal')", (listed["plain"],))
    order = project.list_articles("amal")
    assert order[0] == listed["plain"]
    assert sorted(order[1:]) == order[1:]
    project.add_span(listed["idlib"], "amal", 0, 2, "ACTOR")
    project.add_span(listed["idlib"], "amal", 3, 6, "ACTOR")
    rows = project.article_rows([listed["idlib"], listed["plain"], listed["forces"]], "amal")
    assert set(rows) == {listed["idlib"], listed["plain"], listed["forces"]}
    r = rows[listed["idlib"]]
    assert (r.title, r.source, r.status, r.span_count, r.assigned) == (
        "الطيران الروسي يقصف إدلب", "المدن", "in_progress", 2, False)
    r = rows[listed["plain"]]
    assert (r.status, r.span_count, r.assigned) == ("new", 0, True)
    assert rows[listed["forces"]].source == "عنب بلدي"
    assert project.article_rows([], "amal") == {}
    # Another annotator sees none of amal's work.
    other = project.article_rows([listed["idlib"]], "bilal")[listed["idlib"]]
    assert (other.status, other.span_count, other.assigned) == ("new", 0, False)


# --------------------------------------------------------------------- exact offsets
TRICKY = {
    "emoji": ("قصف 💥 على حلب 👨‍👩‍👧 ثم 🇸🇾 قتل 5 أشخاص", "حلب", "5 أشخاص"),
    "crlf": ("سطر أول\r\nقوات النظام في حماة\r\n\r\nقتل 3", "حماة", "قتل 3"),
    "bidi": ("\u200fقال \u202bالمرصد\u202c إن \u2067قسد\u2069 سيطرت على منبج\u200e", "قسد", "منبج"),
    "diacritics": ("قَصَفَ الطَّيَرَانُ الرُّوسِيُّ مَدِينَةَ إِدْلِبَ", "الطَّيَرَانُ الرُّوسِيُّ", "إِدْلِبَ"),
    "tatweel": ("هاجم تنظيـــم داعـش بلـدة السخنـة", "تنظيـــم داعـش", "السخنـة"),
    "mixed": ("🔴 عاجل | «مصادر ميدانية»: مقتل ١٢ عنصراً من «قسد» في ريف دير الزور 🔴", "مصادر ميدانية",
              "١٢ عنصراً"),
}


@pytest.mark.parametrize("case", sorted(TRICKY))
def test_offsets_are_exact_on_tricky_texts(project: Project, add_article: Callable[..., int], case: str) -> None:
    text, first, second = TRICKY[case]
    article_id = add_article(text)
    spans = [(*_find(text, first), "ACTOR"), (*_find(text, second), "COUNT")]
    for s, e, label in spans:
        project.add_span(article_id, "amal", s, e, label)
    project.close()
    with Project.open(project.path) as again:
        stored = again.article_text(article_id)
        assert stored == text
        assert stored.encode("utf-8") == text.encode("utf-8")
        got = [(s.start, s.end, s.label) for s in again.spans(article_id, "amal")]
        assert got == spans
        assert [stored[s:e] for s, e, _ in got] == [first, second]
    conn = other_connection(project.path)
    raw = conn.execute("SELECT CAST(text AS BLOB) FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    conn.close()
    assert bytes(raw) == text.encode("utf-8")


def test_settings_round_trip(project: Project) -> None:
    project.set_setting("allow_overlap", True)
    project.set_setting("nested", {"a": [1, "ب"]})
    with Project.open(project.path) as again:
        assert again.setting("allow_overlap") is True
        assert again.setting("nested") == {"a": [1, "ب"]}
        assert again.setting("missing", 7) == 7
    conn = other_connection(project.path)
    assert json.loads(conn.execute("SELECT value FROM settings WHERE key='nested'").fetchone()[0]) == {"a": [1, "ب"]}
    conn.close()


def test_allow_overlap_setting(project: Project, article: int, sample_text: str) -> None:
    project.set_setting("allow_overlap", True)
    project.add_span(article, "amal", *_find(sample_text, "ريف حمص الشرقي"), "LOCATION")
    project.add_span(article, "amal", *_find(sample_text, "حمص"), "LOCATION")
    assert len(project.spans(article, "amal")) == 2


def test_label_schema_is_capped(project: Project, tmp_path: Path) -> None:
    """#16 item 13: a schema of thousands of labels made the window 206,325 px wide (and
    50,000 crashed it). The store refuses more than MAX_LABELS, on create and on add."""
    from annotator.core.store import MAX_LABELS

    many = [Label(f"L{i}", f"و{i}", f"L{i}", "#336699", "") for i in range(MAX_LABELS + 1)]
    with pytest.raises(LabelError, match=f"at most {MAX_LABELS}"):
        Project.create(tmp_path / "many.db", labels=many)
    assert not (tmp_path / "many.db").exists()  # no half-made project left behind
    for i in range(MAX_LABELS - len(project.labels())):
        project.add_label(Label(f"EXTRA{i}", f"إضافي{i}", f"Extra {i}", "#336699", ""))
    assert len(project.labels()) == MAX_LABELS
    with pytest.raises(LabelError, match=f"at most {MAX_LABELS}"):
        project.add_label(Label("ONE_TOO_MANY", "زائد", "One too many", "#336699", ""))
    project.update_label("EXTRA0", description="still editable at the cap")
