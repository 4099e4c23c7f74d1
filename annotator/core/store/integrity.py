"""Checking a project file that may have been damaged or tampered with.

A project file travels between people, so it is untrusted input: it may hold triggers or
views that nobody's migration made (they would run on our writes, or hang a read), spans a
hand edit pushed past their text, or pages a crash or a bad copy overwrote. These checks
are read-only; :func:`repair` removes what they find, inside one transaction.
"""
from __future__ import annotations

import contextlib
import functools
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .table import marks

# Tables a project cannot work without; an older file (before m002) lacks the team tables.
REQUIRED_TABLES = ("settings", "labels", "annotators", "articles", "annotations", "spans")
# Every table of a migrated project that the commands read. Opening checks these (cheap, no
# migration run); `annotator check` and merge compare against everything the migrations make.
CORE_TABLES = (*REQUIRED_TABLES, "gold", "gold_spans", "assignments", "rejected_suggestions", "models",
               "suggestions", "suggestion_runs")
ASIDE_TABLE = "spans_set_aside"


def _normalise(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip().lower()


@functools.cache
def _migrated_schema() -> tuple[dict[tuple[str, str], str], frozenset[str]]:
    from sqlite_utils import Database

    from .schema import migrations

    db = Database(memory=True, execute_plugins=False)
    migrations.apply(db)
    rows = db.conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    db.close()
    code = {(t, n): _normalise(s) for t, n, s in rows if t in ("trigger", "view")}
    tables = frozenset(n for t, n, _ in rows if t == "table" and not n.startswith(("sqlite_", "_sqlite")))
    return code, tables


def expected_schema() -> dict[tuple[str, str], str]:
    """{(type, name): normalised SQL} of every trigger and view the migrations create
    (a migration that adds one is then accepted automatically)."""
    return _migrated_schema()[0]


@functools.cache
def _declared() -> dict[tuple[str, str], str]:
    """The code schema.DECLARED_CODE lists, normalised (a test holds it equal to expected_schema())."""
    from .schema import DECLARED_CODE

    return {key: _normalise(sql) for key, sql in DECLARED_CODE.items()}


def expected_tables() -> frozenset[str]:
    """The tables a project at the current schema version has."""
    return _migrated_schema()[1]


def unexpected_objects(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(type, name) of the triggers and views in the file that no migration made (a view
    standing in for a dropped table among them)."""
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') ORDER BY type, name"
    ).fetchall()
    if not rows:
        return []
    # The usual case: only the code the migrations declare (the hub outbox's triggers), checked
    # without running every migration to build the expected schema (start-up time).
    if all(_declared().get((kind, name)) == _normalise(sql) for kind, name, sql in rows):
        return []
    expected = expected_schema()
    found = []
    for kind, name, sql in rows:
        if expected.get((kind, name)) != _normalise(sql):
            found.append((kind, name))
    return found


def schema_message(path: object, objects: list[tuple[str, str]]) -> str:
    shown = ", ".join(f"{kind} {name!r}" for kind, name in objects[:10])
    more = f" and {len(objects) - 10} more" if len(objects) > 10 else ""
    return (
        f"{path}: this project file contains {shown}{more}, which this annotator never creates; "
        "a file from someone else could run them on your data, so it was not opened. "
        f"`annotator check {path} --repair` removes them"
    )


def integrity_problems(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    """SQLite's own check of the file's pages and indexes; [] when sound."""
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA integrity_check({int(limit)})")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def missing_tables(conn: sqlite3.Connection, required: Iterable[str] = REQUIRED_TABLES) -> list[str]:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return sorted(t for t in required if t not in tables)


@dataclass(frozen=True)
class BadSpan:
    """A stored span that cannot be shown or exported as it is."""

    table: str  # spans or gold_spans
    id: int
    article_id: int
    start: object
    end: object
    reason: str

    def line(self) -> str:
        return (f"{self.table} id {self.id} (article {self.article_id}, {self.start}–{self.end}): "
                f"{self.reason}")


_SPAN_QUERIES = {
    "spans": ('SELECT s.id, an.article_id, s.start, s."end", s.attributes, length(a.text) '
              "FROM spans s JOIN annotations an ON an.id = s.annotation_id "
              "JOIN articles a ON a.id = an.article_id"),
    "gold_spans": ('SELECT s.id, g.article_id, s.start, s."end", s.attributes, length(a.text) '
                   "FROM gold_spans s JOIN gold g ON g.id = s.gold_id JOIN articles a ON a.id = g.article_id"),
}


def bad_spans(conn: sqlite3.Connection) -> list[BadSpan]:
    """Spans whose offsets are not integers inside their article's text, or whose attributes
    are not a JSON object (both make the views fail)."""
    from ..errors import SpanError
    from .rules import parse_attributes

    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    found: list[BadSpan] = []
    for table, sql in _SPAN_QUERIES.items():
        if table not in tables:
            continue
        for span_id, article_id, start, end, attributes, length in conn.execute(sql):
            reason = None
            if not (isinstance(start, int) and isinstance(end, int)):
                reason = "offsets are not whole numbers"
            elif not 0 <= start < end <= (length or 0):
                reason = f"outside the text ({length} characters)"
            else:
                try:
                    parse_attributes(attributes)
                except SpanError as exc:
                    reason = str(exc)
            if reason:
                found.append(BadSpan(table, int(span_id), int(article_id), start, end, reason))
    return found


@dataclass
class CheckReport:
    """What :func:`check` found; ``ok`` when nothing."""

    integrity: list[str] = field(default_factory=list)
    missing_tables: list[str] = field(default_factory=list)
    unexpected: list[tuple[str, str]] = field(default_factory=list)
    bad_spans: list[BadSpan] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.missing_tables or self.unexpected or self.bad_spans)

    def lines(self) -> list[str]:
        out = [f"integrity: {p}" for p in self.integrity]
        out += [f"missing table: {t}" for t in self.missing_tables]
        out += [f"unexpected {kind}: {name}" for kind, name in self.unexpected]
        out += [f"bad span: {b.line()}" for b in self.bad_spans]
        out += self.repaired
        return out

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "integrity": list(self.integrity),
            "missing_tables": list(self.missing_tables),
            "unexpected": [{"type": k, "name": n} for k, n in self.unexpected],
            "bad_spans": [b.__dict__ for b in self.bad_spans],
            "repaired": list(self.repaired),
        }


def check(conn: sqlite3.Connection) -> CheckReport:
    report = CheckReport(integrity=integrity_problems(conn))
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        from .schema import SCHEMA_VERSION

        report.missing_tables = missing_tables(conn, expected_tables() if version == SCHEMA_VERSION
                                               else REQUIRED_TABLES)
        report.unexpected = unexpected_objects(conn)
        if not report.unexpected:  # a view standing in for a table could hang the span query
            report.bad_spans = bad_spans(conn)
    except sqlite3.DatabaseError as exc:
        report.integrity.append(str(exc))
    return report


def repair(conn: sqlite3.Connection, report: CheckReport) -> list[str]:
    """Drop unexpected triggers and views; move bad spans into ``spans_set_aside`` (their
    rows kept as they were, with the reason). Inside the caller's transaction."""
    done = []
    for kind, name in report.unexpected:
        conn.execute(f'DROP {kind.upper()} IF EXISTS "{name.replace(chr(34), chr(34) * 2)}"')
        done.append(f"dropped {kind} {name}")
    if report.unexpected:  # spans were not examined while a view could stand in for a table
        report.bad_spans = bad_spans(conn)
    if report.bad_spans:
        conn.execute(
            f'CREATE TABLE IF NOT EXISTS {ASIDE_TABLE} (from_table TEXT, span_id INTEGER, article_id INTEGER, '
            'start, "end", label TEXT, attributes, reason TEXT, moved_at TEXT)'
        )
        from .rules import now_iso

        for table in ("spans", "gold_spans"):
            bad = [b for b in report.bad_spans if b.table == table]
            if not bad:
                continue
            reasons = {b.id: (b.article_id, b.reason) for b in bad}
            ids = list(reasons)
            rows = conn.execute(
                f'SELECT id, start, "end", label, attributes FROM {table} WHERE id IN ({marks(ids)})', ids
            ).fetchall()
            conn.executemany(
                f'INSERT INTO {ASIDE_TABLE}(from_table, span_id, article_id, start, "end", label, attributes, '
                "reason, moved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(table, r[0], reasons[r[0]][0], r[1], r[2], r[3], r[4], reasons[r[0]][1], now_iso()) for r in rows],
            )
            conn.execute(f"DELETE FROM {table} WHERE id IN ({marks(ids)})", ids)
        done.append(f"moved {len(report.bad_spans)} bad spans into the table {ASIDE_TABLE} of this file "
                    "(their rows as they were, with the reason)")
    return done


def check_file(path: Path, *, repair_it: bool = False) -> CheckReport:
    """`annotator check`: run every check on the file at ``path`` (it need not open as a
    project: that is what a damaged or tampered file fails to do) and, with ``repair_it``,
    drop unexpected triggers and views and move bad spans aside."""
    from ..errors import ProjectError, SchemaVersionError
    from .connection import check_is_project_file, connect, storage_error
    from .schema import SCHEMA_VERSION

    check_is_project_file(path)
    conn = connect(path, create=False)
    try:
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            return CheckReport(integrity=[str(exc)])
        if version == 0:
            raise ProjectError(f"{path}: this SQLite file is not an annotator project")
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(f"{path} was written by a newer version of the annotator "
                                     f"(schema version {version}); update the annotator to check it")
        report = check(conn)
        if repair_it and (report.unexpected or report.bad_spans) and not report.integrity:
            try:
                conn.execute("BEGIN IMMEDIATE")
                report.repaired = repair(conn, report)
                conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise storage_error(path, exc) from None
        return report
    finally:
        conn.close()
