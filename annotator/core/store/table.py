"""The base of every table family: one object per group of tables, owning their SQL, in
the spirit of sqlite-utils' ``db["table"]`` objects. A family reaches the connection and
the other families through the :class:`~annotator.core.store.project.Project` it belongs to."""
from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .project import Project

log = logging.getLogger("annotator.core.store")

class TableFamily:
    def __init__(self, project: Project) -> None:
        self.project = project

    @property
    def conn(self) -> sqlite3.Connection:
        return self.project.conn


def marks(values: object) -> str:
    """``?,?,?`` for an IN list of ``len(values)`` parameters."""
    return ",".join("?" * len(values))  # type: ignore[arg-type]


CHUNK = 500  # ids per IN list: well under SQLite's variable limit


# A span as copied between files: (start, end, label, attributes_json, origin, created_at).
RawSpan = tuple[int, int, str, str, str, "str | None"]
_SPAN_TABLES = {"spans": "annotation_id", "gold_spans": "gold_id"}


def raw_spans(conn: sqlite3.Connection, table: str, owner_id: int) -> list[RawSpan]:
    """An annotation's (``spans``) or a gold row's (``gold_spans``) spans, as stored."""
    key = _SPAN_TABLES[table]
    return [
        tuple(r)  # type: ignore[misc]
        for r in conn.execute(
            f'SELECT start, "end", label, attributes, origin, created_at FROM {table} '
            f'WHERE {key} = ? ORDER BY start, "end"',
            (owner_id,),
        )
    ]


def replace_raw_spans(conn: sqlite3.Connection, table: str, owner_id: int, spans: list[RawSpan]) -> None:
    """Replace an owner's spans with already validated ones (inside the caller's transaction)."""
    key = _SPAN_TABLES[table]
    conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (owner_id,))
    conn.executemany(
        f'INSERT INTO {table}({key}, start, "end", label, attributes, origin, created_at) '
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(owner_id, *s) for s in spans],
    )


def in_text(project: Project, table: str, spans: list, length: int | None) -> list:
    """The spans that fit a text of ``length`` characters. The others (a hand edit, or a file
    from before merge checked its rows) would break every view and export: they are left out
    and logged once by id; `annotator check --repair` moves them aside."""
    limit = length or 0
    if all(type(s.start) is int and type(s.end) is int and 0 <= s.start < s.end <= limit for s in spans):
        return spans  # the usual case, checked without building a new list
    kept = []
    for span in spans:
        if type(span.start) is int and type(span.end) is int and 0 <= span.start < span.end <= limit:
            kept.append(span)
        elif (table, span.id) not in project.hidden_spans:
            project.hidden_spans.add((table, span.id))
            log.warning("%s: %s id %s (%s–%s) lies outside its article's text (%s characters); it is not "
                        "shown or exported. Run: annotator check %s --repair",
                        project.path, table, span.id, span.start, span.end, length, project.path)
    return kept
