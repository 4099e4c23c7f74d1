"""Reading a project file received from someone else (``annotator merge``).

The file is opened read-only and immutable (nothing is written beside it, no -wal or
-shm), with ``trusted_schema`` off, and refused if it holds triggers or views no migration
made. Rows are returned exactly as stored — the caller validates every one of them before
anything is written here, since any of them may be hostile.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import MergeError
from .connection import connect_read_only, damaged_message, is_damage
from .integrity import (
    REQUIRED_TABLES,
    expected_tables,
    missing_tables,
    schema_message,
    unexpected_objects,
)
from .schema import SCHEMA_VERSION


@dataclass
class ReceivedFile:
    """Every row of another project file that merge uses, as stored (types unchecked)."""

    path: Path
    labels: list[tuple]  # (rowid, name)
    annotators: list[tuple]  # (rowid, name, role)
    articles: list[tuple]  # (id, external_id, title, text, source, url, published, meta, hash, search_key, created_at)
    annotations: list[tuple]  # (id, article_id, annotator, status, comment, seconds, updated_at)
    spans: dict[object, list[tuple]]  # annotation id -> (id, start, end, label, attributes, origin, created_at)
    rejected: dict[object, list[tuple]]  # annotation id -> (rowid, start, end, label, created_at)
    gold: list[tuple]  # (id, article_id, adjudicator, strategy, status, created_at, updated_at)
    gold_spans: dict[object, list[tuple]]  # gold id -> as spans
    assignments: list[tuple]  # (rowid, article_id, annotator)


def read_received(path: Path) -> ReceivedFile:
    """Read another project file; MergeError (naming the file) when it cannot be used."""
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        raise MergeError(f"{path}: cannot open: {exc}") from None
    try:
        return _read(conn, path)
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise MergeError(f"cannot merge {damaged_message(path, exc)}") from None
        raise MergeError(f"{path}: not a usable project file: {exc}") from None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, path: Path) -> ReceivedFile:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version == 0 or not tables:
        raise MergeError(f"{path}: this SQLite file is not an annotator project")
    if version > SCHEMA_VERSION:
        raise MergeError(
            f"{path} was written by a newer version of the annotator (schema {version}, this "
            f"version supports {SCHEMA_VERSION}); update the annotator to merge it"
        )
    unexpected = unexpected_objects(conn)
    if unexpected:
        raise MergeError(schema_message(path, unexpected))
    # An older file lacks the later tables (merge reads it without them); a current one may not.
    missing = missing_tables(conn, expected_tables() if version == SCHEMA_VERSION else REQUIRED_TABLES)
    if missing:
        raise MergeError(f"cannot merge {damaged_message(path, 'table ' + ', '.join(missing) + ' is missing')}")
    annotators = conn.execute("SELECT rowid, name, role FROM annotators").fetchall()
    articles = conn.execute(
        "SELECT id, external_id, title, text, source, url, published, meta, content_hash, "
        "search_key, created_at FROM articles ORDER BY id"
    ).fetchall()
    annotations = conn.execute(
        "SELECT id, article_id, annotator, status, comment, seconds, updated_at FROM annotations ORDER BY id"
    ).fetchall()
    spans: dict[object, list[tuple]] = defaultdict(list)
    for row in conn.execute(
        'SELECT annotation_id, id, start, "end", label, attributes, origin, created_at FROM spans '
        'ORDER BY annotation_id, start, "end"'
    ):
        spans[row[0]].append(tuple(row[1:]))
    rejected: dict[object, list[tuple]] = defaultdict(list)
    if "rejected_suggestions" in tables:
        for row in conn.execute(
            'SELECT annotation_id, rowid, start, "end", label, created_at FROM rejected_suggestions'
        ):
            rejected[row[0]].append(tuple(row[1:]))
    gold: list[tuple] = []
    gold_spans: dict[object, list[tuple]] = defaultdict(list)
    if "gold" in tables and "gold_spans" in tables:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(gold)")}
        status = "status" if "status" in columns else "'accepted'"  # files from before m003
        gold = conn.execute(
            f"SELECT id, article_id, adjudicator, strategy, {status}, created_at, updated_at FROM gold ORDER BY id"
        ).fetchall()
        for row in conn.execute(
            'SELECT gold_id, id, start, "end", label, attributes, origin, created_at FROM gold_spans '
            'ORDER BY gold_id, start, "end"'
        ):
            gold_spans[row[0]].append(tuple(row[1:]))
    assignments: list[tuple] = []
    if "assignments" in tables:
        assignments = conn.execute("SELECT rowid, article_id, annotator FROM assignments").fetchall()
    labels = conn.execute("SELECT rowid, name FROM labels ORDER BY position, name").fetchall()
    return ReceivedFile(path, labels, annotators, articles, annotations, dict(spans), dict(rejected),
                        gold, dict(gold_spans), assignments)
