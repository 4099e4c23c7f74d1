"""Hostile project files, as a teammate's ``.db`` could arrive: built with sqlite3 by the tests.

Nothing here is committed as a binary: :func:`make` writes a sound project (two annotated
articles, gold, an assignment) and then applies one case's SQL to it, the way a hand edit,
another tool or an attacker would. ``CASES`` says, for each case, the table a merge must name
when it refuses the file.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.domain import Span
from annotator.core.importing import ArticleRecord, content_hash, import_records
from annotator.core.store import Project

# Written for these tests.
TEXT_A = "قصفت قوات النظام مدينة حلب وقتل 5 مدنيين بحسب المرصد السوري."
TEXT_B = "هاجم تنظيم الدولة مواقع الجيش في دير الزور وأسر 3 جنود."
LONG_TEXT = ("أفادت مصادر ميدانية بأن اشتباكات عنيفة دارت في ريف حمص الشرقي. " * 12)[:700]


def _span(text: str, word: str, label: str) -> Span:
    start = text.index(word)
    return Span(start, start + len(word), label)


def make_sound(path: Path) -> Path:
    """A valid project file: articles A and B annotated by 'amal', gold on A, an assignment."""
    from annotator.core.team import assignment as team_assignment
    from annotator.core.team import gold as team_gold

    with Project.create(path, creator="lead") as p:
        import_records(p, [ArticleRecord(text=TEXT_A, title="أ"), ArticleRecord(text=TEXT_B, title="ب")])
        a = p.article_id_by_hash(content_hash(TEXT_A))
        b = p.article_id_by_hash(content_hash(TEXT_B))
        assert a is not None and b is not None
        p.replace_spans(a, "amal", [_span(TEXT_A, "قوات النظام", "ACTOR"), _span(TEXT_A, "حلب", "LOCATION")])
        p.replace_spans(b, "amal", [_span(TEXT_B, "دير الزور", "LOCATION")])
        p.set_status(a, "amal", "done")
        team_gold.save_gold(p, a, "lead", [_span(TEXT_A, "حلب", "LOCATION")], "manual")
        team_assignment.assign(p, ["amal"], 1)
    return path


# case -> (table a merge must name, SQL applied to the sound file)
CASES: dict[str, tuple[str, list[str]]] = {
    "attributes_list": ("spans", ["UPDATE spans SET attributes = '[1,2,3]'"]),
    "attributes_number": ("spans", ["UPDATE spans SET attributes = '5'"]),
    "attributes_string": ("spans", ["UPDATE spans SET attributes = '\"str\"'"]),
    "attributes_null": ("spans", ["UPDATE spans SET attributes = 'null'"]),
    "span_past_end": ("spans", ['UPDATE spans SET "end" = 9999 WHERE id = (SELECT min(id) FROM spans)']),
    "gold_span_past_end": ("gold_spans", ['UPDATE gold_spans SET start = 600, "end" = 699']),
    "annotation_on_missing_article": ("annotations", [
        "INSERT INTO annotations(article_id, annotator, status, seconds, updated_at) "
        "VALUES (999, 'amal', 'done', 0, '2030-01-01T00:00:00+00:00')"]),
    "gold_on_missing_article": ("gold", [
        "INSERT INTO gold(article_id, adjudicator, strategy, status, created_at, updated_at) "
        "VALUES (999, 'lead', 'manual', 'accepted', '2030', '2030')"]),
    "assignment_on_missing_article": ("assignments", [
        "INSERT INTO assignments(article_id, annotator) VALUES (999, 'amal')"]),
    "seconds_text": ("annotations", ["UPDATE annotations SET seconds = 'lots'"]),
    "title_blob": ("articles", ["UPDATE articles SET title = x'00ff10'"]),
    "updated_at_blob": ("annotations", ["UPDATE annotations SET updated_at = x'01'"]),
    "gold_updated_at_blob": ("gold", ["UPDATE gold SET updated_at = x'01'"]),
    "meta_not_json": ("articles", ["UPDATE articles SET meta = '{not json'"]),
    "meta_not_object": ("articles", ["UPDATE articles SET meta = '[1, 2]'"]),
    "name_empty": ("annotators", ["INSERT INTO annotators(name, role) VALUES ('', 'annotator')"]),
    "name_multiline": ("annotators", ["INSERT INTO annotators(name, role) VALUES ('a' || char(10) || 'b', 'reviewer')"]),
    "name_huge": ("annotators", ["INSERT INTO annotators(name, role) VALUES (printf('%.*c', 1100000, 'x'), 'annotator')"]),
    "name_terminal_escape": ("annotators", [
        "INSERT INTO annotators(name, role) VALUES ('x' || char(27) || ']0;pwned' || char(7), 'annotator')"]),
    "annotation_name_escape": ("annotations", [
        "UPDATE annotations SET annotator = 'amal' || char(27) || '[2J' WHERE article_id = "
        "(SELECT min(article_id) FROM annotations)"]),
    "span_offset_text": ("spans", ["UPDATE spans SET start = 'two' WHERE id = (SELECT min(id) FROM spans)"]),
}


def make(folder: Path, case: str) -> Path:
    """The sound file with ``case`` applied, at ``folder/<case>.db`` (foreign keys and CHECK
    constraints off: a hostile file need not have kept either)."""
    path = make_sound(folder / f"{case}.db")
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA ignore_check_constraints = ON")
    try:
        for sql in CASES[case][1]:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()
    return path


def make_hash_spoof(folder: Path) -> Path:
    """Article A's row keeps A's content hash but holds a 700-character text, with a span
    at 600–699: a merge that trusts the hash writes that span onto the local, short A."""
    path = make_sound(folder / "hash_spoof.db")
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("UPDATE articles SET text = ? WHERE content_hash = ?", (LONG_TEXT, content_hash(TEXT_A)))
        conn.execute(
            "UPDATE spans SET start = 600, \"end\" = 699, label = 'LOCATION' WHERE id = (SELECT min(s.id) "
            "FROM spans s JOIN annotations an ON an.id = s.annotation_id JOIN articles a ON a.id = an.article_id "
            "WHERE a.content_hash = ?)", (content_hash(TEXT_A),))
        conn.execute('DELETE FROM spans WHERE start < 600 AND annotation_id = (SELECT an.id FROM annotations an '
                     "JOIN articles a ON a.id = an.article_id WHERE a.content_hash = ?)", (content_hash(TEXT_A),))
        conn.execute("DELETE FROM gold")
        conn.commit()
    finally:
        conn.close()
    return path


def make_with_trigger(folder: Path) -> Path:
    """A file whose trigger would promote 'amal' and mark every annotation done on any write."""
    path = make_sound(folder / "trigger.db")
    conn = sqlite3.connect(str(path))
    try:
        conn.execute(
            "CREATE TRIGGER evil AFTER INSERT ON spans BEGIN "
            "UPDATE annotators SET role = 'reviewer' WHERE name = 'amal'; "
            "UPDATE annotations SET status = 'done'; END"
        )
        conn.execute("CREATE VIEW sneaky AS SELECT * FROM labels")
        conn.commit()
    finally:
        conn.close()
    return path


def make_with_recursive_view(folder: Path) -> Path:
    """``labels`` replaced by a recursive view: `stats` used to hang reading it."""
    path = make_sound(folder / "recursive_view.db")
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("ALTER TABLE labels RENAME TO labels_old")
        conn.execute(
            "CREATE VIEW labels AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
            "SELECT 'L' || n AS name, '' AS name_ar, '' AS name_en, '#000000' AS color, '' AS key, "
            "'' AS description, n AS position FROM r"
        )
        conn.commit()
    finally:
        conn.close()
    return path


def make_span_past_text(folder: Path) -> Path:
    """A sound file where a hand edit moved one of amal's spans to 600–699 (article A has 60
    characters): the workbench used to fail on every open of A, and export wrote it."""
    path = make_sound(folder / "span_past_text.db")
    conn = sqlite3.connect(str(path))
    try:
        conn.execute('UPDATE spans SET start = 600, "end" = 699 WHERE id = (SELECT min(id) FROM spans)')
        conn.commit()
    finally:
        conn.close()
    return path


DAMAGE = ("dropped_spans", "dropped_gold", "dropped_settings", "dropped_labels", "overwritten_pages")


def make_damaged(folder: Path, kind: str) -> Path:
    """A project file broken the way disks, crashes and careless tools break them."""
    path = make_sound(folder / f"{kind}.db")
    if kind.startswith("overwritten_"):
        # Enough rows that the tables span many pages, then garbage over interior ones: every
        # third page, or (late) three pages near the end, which only reads of texts meet.
        with Project.open(path) as p:
            texts = [f"{TEXT_B} فقرة رقم {n} " * 30 for n in range(400)]
            import_records(p, [ArticleRecord(text=t, title=f"t{n}") for n, t in enumerate(texts)])
        data = bytearray(path.read_bytes())
        page = int.from_bytes(data[16:18], "big") or 65536
        pages = len(data) // page
        hit = range(2, pages - 1, 3) if kind == "overwritten_pages" else range(pages * 9 // 10, pages * 9 // 10 + 3)
        for n in hit:
            data[n * page:(n + 1) * page] = bytes([0xA5]) * page
        path.write_bytes(bytes(data))
        return path
    table = kind.removeprefix("dropped_")
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(f"DROP TABLE {table}")
        conn.commit()
    finally:
        conn.close()
    return path
