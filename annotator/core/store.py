"""The project store: one SQLite file, opened through sqlite-utils.

Every public method that writes is one transaction (``BEGIN IMMEDIATE`` … ``COMMIT``):
when it returns, the change is on disk, and a crash afterwards loses nothing. A
method either applies all of its change or none of it.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any


def _import_sqlite_utils():  # type: ignore[no-untyped-def]
    """Import sqlite-utils without pandas.

    sqlite-utils imports pandas when it is installed (camel-tools brings it) only to
    convert pandas values on insert, which this project never does; that import costs
    about half a second of every start-up. Blocking it affects only sqlite-utils: the
    entry is removed again, so camel-tools can still import pandas later.
    """
    import importlib
    import sys

    blocked = "pandas" not in sys.modules
    if blocked:
        sys.modules["pandas"] = None  # type: ignore[assignment]
    try:
        return importlib.import_module("sqlite_utils")
    finally:
        if blocked:
            del sys.modules["pandas"]


sqlite_utils = _import_sqlite_utils()

from .errors import (  # noqa: E402
    LabelError,
    PermissionDenied,
    ProjectError,
    SchemaVersionError,
    SpanError,
    StorageError,
)
from .model import ROLES, STATUSES, Annotation, Article, Label, Span  # noqa: E402
from .schema import SCHEMA_VERSION, migrations  # noqa: E402

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
SQLITE_MAGIC = b"SQLite format 3\x00"


def now_iso() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="microseconds")


def default_labels() -> list[Label]:
    """The label schema a new project starts with (resources/labels.yaml)."""
    import yaml

    from .paths import resources_dir

    with open(resources_dir() / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return [Label(**{k: str(v) for k, v in item.items()}) for item in data["labels"]]


def load_labels_file(path: str | os.PathLike[str]) -> list[Label]:
    """Read a label schema from YAML (``labels: [...]``) or JSON; raise LabelError if bad."""
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise LabelError(f"{path}: cannot read label schema: {exc}") from None
    items = data.get("labels") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise LabelError(f"{path}: expected a list of labels under 'labels'")
    labels = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or "name" not in item:
            raise LabelError(f"{path}: label {n} has no name")
        name = str(item["name"])
        labels.append(
            Label(
                name=name,
                name_ar=str(item.get("name_ar", name)),
                name_en=str(item.get("name_en", name)),
                color=str(item.get("color", "#999999")),
                key=str(item.get("key", "")),
                description=str(item.get("description", "")),
            )
        )
    return labels


# The most labels a schema may have. Annotation schemas have a handful to a few dozen;
# each label is a palette button and a colour to tell apart, and a schema of thousands
# (a hostile or broken file) made the window hundreds of thousands of pixels wide.
MAX_LABELS = 100


def _check_label(label: Label, existing: Sequence[Label]) -> None:
    import re

    if len(existing) >= MAX_LABELS:
        raise LabelError(f"a project can have at most {MAX_LABELS} labels; {label.name!r} would be one too many")

    if not label.name or not label.name.strip() or len(label.name) > 64:
        raise LabelError("a label name must be 1–64 characters and not blank")
    if any(ch in label.name for ch in "\n\r\t"):
        raise LabelError(f"label name {label.name!r} contains a line break or tab")
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", label.color):
        raise LabelError(f"label {label.name!r}: colour must look like #rrggbb, got {label.color!r}")
    if label.key and not re.fullmatch(r"[1-9]", label.key):
        raise LabelError(f"label {label.name!r}: key must be a digit 1–9, got {label.key!r}")
    for other in existing:
        if other.name == label.name:
            raise LabelError(f"label {label.name!r} already exists")
        if label.key and other.key == label.key:
            raise LabelError(f"key {label.key} is already used by label {other.name!r}")


@dataclass(frozen=True)
class ArticleRow:
    """What the article list shows for one article and annotator."""

    id: int
    title: str
    source: str | None
    status: str
    span_count: int
    assigned: bool


class Project:
    """An open project file. Not thread-safe: use one Project per thread."""

    def __init__(self, path: str | os.PathLike[str], *, _create: bool = False,
                 _labels: Sequence[Label] | None = None, _creator: str | None = None):
        self.path = Path(path)
        if not _create:
            _check_is_project_file(self.path)
        try:
            conn = _connect(self.path, create=_create)
        except sqlite3.Error as exc:
            raise ProjectError(f"{self.path}: cannot open project file: {exc}") from None
        self.db = sqlite_utils.Database(conn)
        self.conn = conn
        # Which file we opened, so a write can tell when it was moved or deleted under us.
        self._abs_path = Path(os.path.abspath(self.path))
        self._identity = _file_identity(self._abs_path)
        self._rescued: Path | None = None
        try:
            self._configure(create=_create)
            self._migrate(create=_create)
            if _create:
                self._initialise(_labels or default_labels(), _creator)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if "disk I/O" in str(exc) and _disk_nearly_full(self.path):
                # Opening a WAL project creates its -shm index: on a full disk that fails as
                # an I/O error, which would read like a damaged file.
                raise StorageError(
                    f"{self.path}: the disk is full; even opening the project needs a little room. "
                    "Free some space and try again (nothing in the project is lost)"
                ) from None
            raise ProjectError(f"{self.path}: not a usable project file: {exc}") from None
        except Exception:
            conn.close()
            raise
        self._labels_cache: list[Label] | None = None

    # ----------------------------------------------------------------- opening
    @classmethod
    def create(cls, path: str | os.PathLike[str], labels: Sequence[Label] | None = None,
               creator: str | None = None) -> "Project":
        p = Path(path)
        if p.is_dir():
            raise ProjectError(f"{p}: is a folder; give the name of a new project file")
        if p.exists() and p.stat().st_size > 0:
            raise ProjectError(f"{p}: file already exists; open it instead of creating it")
        if not p.parent.exists():
            raise ProjectError(f"{p}: folder {p.parent} does not exist")
        try:
            return cls(p, _create=True, _labels=labels, _creator=creator)
        except BaseException:
            # A failed create (bad label schema, full disk) must not leave a half-made
            # project behind: it has no labels, and the next `init` would refuse the name.
            for leftover in (p, *(p.with_name(p.name + sfx) for sfx in ("-wal", "-shm", "-journal"))):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            raise

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> "Project":
        return cls(path)

    def close(self) -> None:
        if getattr(self, "_closed", False):
            return
        self._closed = True
        # Moved or deleted since the last write: SQLite will not checkpoint into it, so
        # whatever is still in the -wal would be lost; save a copy (see _check_not_moved).
        if self._identity is not None and self._rescued is None and \
                _file_identity(self._abs_path) != self._identity:
            with contextlib.suppress(sqlite3.Error):
                self._rescued = _rescue_copy(self.conn, self._abs_path)
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _configure(self, create: bool = False) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        # Switching to WAL rewrites the file header: never do it to a file that _migrate
        # is about to refuse (someone else's SQLite database, a newer project).
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        refused = version > SCHEMA_VERSION or (version == 0 and not create)
        mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal" and not refused:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError as exc:
                # A read-only file or folder cannot switch journal mode; reading still works.
                log.warning("%s: could not switch to WAL: %s", self.path, exc)
        # NORMAL is durable in WAL mode against process crashes (the case we care
        # about: a killed GUI); only an OS crash can lose the last transactions.
        self.conn.execute("PRAGMA synchronous = NORMAL")

    def _migrate(self, create: bool) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.path} was written by a newer version of the annotator "
                f"(schema version {version}; this version supports up to {SCHEMA_VERSION}). "
                "Update the annotator to open it."
            )
        if not create and version == 0:
            raise ProjectError(f"{self.path}: this SQLite file is not an annotator project")
        if version == SCHEMA_VERSION:
            return
        try:
            with self._write():
                migrations.apply(self.db)
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.OperationalError as exc:
            raise ProjectError(f"{self.path}: cannot upgrade project file: {exc}") from None
        if version:
            log.info("%s: migrated schema %d -> %d", self.path, version, SCHEMA_VERSION)

    def _initialise(self, labels: Sequence[Label], creator: str | None) -> None:
        with self._write():
            existing: list[Label] = []
            for pos, label in enumerate(labels):
                _check_label(label, existing)
                existing.append(label)
                self._insert_label(label, pos)
            self._set("created_at", now_iso())
            if creator:
                self._set("created_by", creator)
                self.conn.execute(
                    "INSERT INTO annotators(name, role, created_at) VALUES (?, 'reviewer', ?)",
                    (creator, now_iso()),
                )

    # ----------------------------------------------------------- transactions
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; nestable (an inner one joins the outer), like
        sqlite-utils' ``atomic()``. IMMEDIATE takes the write lock up front so a
        concurrent writer makes us wait (busy_timeout) instead of failing mid-way.

        A user action that writes several things wraps them in one ``transaction()``:
        either all of it is on disk or none of it is."""
        conn = self.conn
        if conn.in_transaction:  # nested: part of the outer transaction
            yield conn
            return
        self._check_not_moved()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _storage_error(self.path, exc) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.IntegrityError):
                raise SpanError(f"rejected by the project's rules: {exc}") from None
            if isinstance(exc, sqlite3.DatabaseError):  # disk full, read-only, I/O error...
                raise _storage_error(self.path, exc) from None
            raise

    # Old private name, still used across the code base until every caller moves to
    # the public one.
    _write = transaction

    def check_writable(self) -> None:
        """Raise StorageError now if the file has gone or cannot be written."""
        with self._write():
            pass

    def _check_not_moved(self) -> None:
        """Refuse to write once the file at ``path`` is no longer the file we opened.

        SQLite goes on writing into a deleted or renamed file without complaint, and in
        WAL mode it then never checkpoints: the changes stay in the -wal beside the *old*
        name and vanish (a renamed project even loses everything since its last
        checkpoint). So the first write after the move fails, and everything committed
        so far, which this connection can still read, is saved to a new file first.
        """
        if self._identity is None or _file_identity(self._abs_path) == self._identity:
            return
        if self._rescued is None:
            self._rescued = _rescue_copy(self.conn, self._abs_path)
        if self._rescued is not None:
            where = f"Everything saved before it is in {self._rescued}; open that file to go on."
        else:
            where = "No copy could be written beside it; put the file back to keep working."
        raise StorageError(
            f"{self.path}: the project file was moved or deleted while it was open, "
            f"so this change was not saved. {where}"
        )

    # ---------------------------------------------------------------- settings
    def _set(self, key: str, value: Any) -> None:
        self.conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )

    def set_setting(self, key: str, value: Any) -> None:
        with self._write():
            self._set(key, value)

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # ------------------------------------------------------------------ labels
    def labels(self) -> list[Label]:
        if self._labels_cache is None:
            rows = self.conn.execute(
                "SELECT name, name_ar, name_en, color, key, description FROM labels ORDER BY position, name"
            ).fetchall()
            self._labels_cache = [Label(*[r if r is not None else "" for r in row]) for row in rows]
        return list(self._labels_cache)

    def label_names(self) -> list[str]:
        return [lab.name for lab in self.labels()]

    def label(self, name: str) -> Label:
        for lab in self.labels():
            if lab.name == name:
                return lab
        raise LabelError(f"unknown label {name!r}; the project's labels are {', '.join(self.label_names())}")

    def _insert_label(self, label: Label, position: int) -> None:
        self.conn.execute(
            "INSERT INTO labels(name, name_ar, name_en, color, key, description, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (label.name, label.name_ar, label.name_en, label.color, label.key, label.description, position),
        )

    def add_label(self, label: Label) -> None:
        _check_label(label, self.labels())
        with self._write():
            self._insert_label(label, len(self.labels()))
        self._labels_cache = None

    def update_label(self, label_name: str, /, **changes: str) -> Label:
        """Rename, recolour, re-key or re-describe a label. Spans follow a rename."""
        name = label_name
        old = self.label(name)
        new = replace(old, **changes)
        others = [lab for lab in self.labels() if lab.name != name]
        _check_label(new, others)
        with self._write():
            self.conn.execute(
                "UPDATE labels SET name=?, name_ar=?, name_en=?, color=?, key=?, description=? WHERE name=?",
                (new.name, new.name_ar, new.name_en, new.color, new.key, new.description, name),
            )
        self._labels_cache = None
        return new

    def remove_label(self, name: str) -> None:
        self.label(name)
        used = self.conn.execute("SELECT count(*) FROM spans WHERE label = ?", (name,)).fetchone()[0]
        used += self.conn.execute("SELECT count(*) FROM gold_spans WHERE label = ?", (name,)).fetchone()[0]
        if used:
            raise LabelError(f"label {name!r} is used by {used} spans; rename it or delete those spans first")
        with self._write():
            self.conn.execute("DELETE FROM labels WHERE name = ?", (name,))
        self._labels_cache = None

    # -------------------------------------------------------------- annotators
    def ensure_annotator(self, name: str, role: str = "annotator") -> str:
        name = _check_annotator_name(name)
        if role not in ROLES:
            raise ProjectError(f"role must be one of {', '.join(ROLES)}, got {role!r}")
        row = self.conn.execute("SELECT 1 FROM annotators WHERE name = ?", (name,)).fetchone()
        if row is None:
            with self._write():
                self.conn.execute(
                    "INSERT OR IGNORE INTO annotators(name, role, created_at) VALUES (?, ?, ?)",
                    (name, role, now_iso()),
                )
        return name

    def set_role(self, name: str, role: str) -> None:
        if role not in ROLES:
            raise ProjectError(f"role must be one of {', '.join(ROLES)}, got {role!r}")
        name = _check_annotator_name(name)
        with self._write():
            self.conn.execute(
                "INSERT INTO annotators(name, role, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET role = excluded.role",
                (name, role, now_iso()),
            )

    def role(self, name: str) -> str | None:
        row = self.conn.execute("SELECT role FROM annotators WHERE name = ?", (name,)).fetchone()
        return None if row is None else row[0]

    def require_reviewer(self, name: str) -> None:
        if self.role(name) != "reviewer":
            raise PermissionDenied(
                f"{name!r} is not a reviewer of this project; only reviewers adjudicate and write gold. "
                f"A reviewer can grant the role with: annotator role PROJECT {name} reviewer"
            )

    def annotators(self) -> list[tuple[str, str]]:
        return [tuple(r) for r in self.conn.execute("SELECT name, role FROM annotators ORDER BY name")]

    # ---------------------------------------------------------------- articles
    def article(self, article_id: int) -> Article:
        row = self.conn.execute(
            "SELECT id, external_id, title, text, source, url, published, meta, content_hash "
            "FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise ProjectError(f"no article with id {article_id}")
        return Article(
            id=row[0], external_id=row[1], title=row[2] or "", text=row[3], source=row[4],
            url=row[5], published=row[6], meta=json.loads(row[7] or "{}"), content_hash=row[8],
        )

    def articles_many(self, ids: Sequence[int]) -> dict[int, Article]:
        """Several articles in one query (exports read them a chunk at a time)."""
        out: dict[int, Article] = {}
        for start in range(0, len(ids), 500):
            part = list(ids[start:start + 500])
            rows = self.conn.execute(
                "SELECT id, external_id, title, text, source, url, published, meta, content_hash "
                f"FROM articles WHERE id IN ({','.join('?' * len(part))})",
                part,
            ).fetchall()
            for row in rows:
                out[row[0]] = Article(
                    id=row[0], external_id=row[1], title=row[2] or "", text=row[3], source=row[4], url=row[5],
                    published=row[6], meta=json.loads(row[7] or "{}"), content_hash=row[8],
                )
        return out

    def spans_many(self, article_ids: Sequence[int]) -> dict[tuple[int, str], list[Span]]:
        """Every annotation's spans on these articles, keyed by (article id, annotator)."""
        out: dict[tuple[int, str], list[Span]] = {}
        for start in range(0, len(article_ids), 500):
            part = list(article_ids[start:start + 500])
            rows = self.conn.execute(
                'SELECT an.article_id, an.annotator, s.id, s.start, s."end", s.label, s.attributes, s.origin, '
                "s.created_at FROM spans s JOIN annotations an ON an.id = s.annotation_id "
                f"WHERE an.article_id IN ({','.join('?' * len(part))}) ORDER BY s.start, s.\"end\"",
                part,
            ).fetchall()
            for row in rows:
                out.setdefault((row[0], row[1]), []).append(_span_from_row(row[2:]))
        return out

    def article_text(self, article_id: int) -> str:
        row = self.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ProjectError(f"no article with id {article_id}")
        return row[0]

    def article_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def article_ids(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]

    def article_id_by_hash(self, content_hash: str) -> int | None:
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return None if row is None else int(row[0])

    def list_articles(self, annotator: str, *, status: str | None = None,
                      search: str | None = None) -> list[int]:
        """Article ids in list order for this annotator: assigned first, then by id.

        ``status`` filters on this annotator's status ("new" includes articles never
        opened). ``search`` matches the folded title/outlet/id (diacritics, tatweel and
        letter variants ignored).
        """
        where, params = [], [annotator, annotator]
        if status:
            if status not in STATUSES:
                raise ProjectError(f"status must be one of {', '.join(STATUSES)}")
            where.append("coalesce(an.status, 'new') = ?")
            params.append(status)
        if search and search.strip():
            from .text import fold

            where.append("instr(a.search_key, ?) > 0")
            params.append(fold(search.strip()))
        sql = (
            "SELECT a.id FROM articles a "
            "LEFT JOIN annotations an ON an.article_id = a.id AND an.annotator = ? "
            "LEFT JOIN assignments asg ON asg.article_id = a.id AND asg.annotator = ? "
            + ("WHERE " + " AND ".join(where) + " " if where else "")
            + "ORDER BY asg.article_id IS NULL, a.id"
        )
        return [r[0] for r in self.conn.execute(sql, params)]

    def article_rows(self, ids: Sequence[int], annotator: str) -> dict[int, ArticleRow]:
        """The list columns for a page of article ids (the Qt model asks page by page)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        sql = (
            "SELECT a.id, a.title, a.source, coalesce(an.status, 'new'), "
            "(SELECT count(*) FROM spans s WHERE s.annotation_id = an.id), "
            "EXISTS (SELECT 1 FROM assignments g WHERE g.article_id = a.id AND g.annotator = ?) "
            "FROM articles a LEFT JOIN annotations an ON an.article_id = a.id AND an.annotator = ? "
            f"WHERE a.id IN ({marks})"
        )
        rows = self.conn.execute(sql, [annotator, annotator, *ids]).fetchall()
        return {r[0]: ArticleRow(r[0], r[1] or "", r[2], r[3], int(r[4] or 0), bool(r[5])) for r in rows}

    def insert_articles(self, rows: Sequence[tuple]) -> int:
        """Insert prepared article rows, skipping content duplicates; return how many were new.

        A row is (external_id, title, text, source, url, published, meta_json,
        content_hash, search_key, created_at). One transaction for the whole batch.
        """
        with self._write() as conn:
            before = conn.total_changes
            conn.executemany(
                "INSERT OR IGNORE INTO articles(external_id, title, text, source, url, published, "
                "meta, content_hash, search_key, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
            return conn.total_changes - before

    def delete_article(self, article_id: int) -> None:
        with self._write():
            self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    # ------------------------------------------------------------- annotations
    def annotation(self, article_id: int, annotator: str) -> Annotation | None:
        row = self.conn.execute(
            "SELECT id, article_id, annotator, status, comment, seconds, updated_at "
            "FROM annotations WHERE article_id = ? AND annotator = ?",
            (article_id, annotator),
        ).fetchone()
        return None if row is None else Annotation(*row)

    def annotations_of(self, article_id: int) -> list[Annotation]:
        rows = self.conn.execute(
            "SELECT id, article_id, annotator, status, comment, seconds, updated_at "
            "FROM annotations WHERE article_id = ? ORDER BY annotator",
            (article_id,),
        ).fetchall()
        return [Annotation(*r) for r in rows]

    def _annotation_id(self, article_id: int, annotator: str, *, create: bool) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM annotations WHERE article_id = ? AND annotator = ?", (article_id, annotator)
        ).fetchone()
        if row is not None:
            return int(row[0])
        if not create:
            return None
        if self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            raise ProjectError(f"no article with id {article_id}")
        self.conn.execute(
            "INSERT OR IGNORE INTO annotators(name, role, created_at) VALUES (?, 'annotator', ?)",
            (_check_annotator_name(annotator), now_iso()),
        )
        cur = self.conn.execute(
            "INSERT INTO annotations(article_id, annotator, status, updated_at) VALUES (?, ?, 'new', ?)",
            (article_id, annotator, now_iso()),
        )
        return int(cur.lastrowid)

    def _touch(self, annotation_id: int, *, started: bool = True) -> None:
        self.conn.execute(
            "UPDATE annotations SET updated_at = ?, "
            "status = CASE WHEN ? AND status = 'new' THEN 'in_progress' ELSE status END WHERE id = ?",
            (now_iso(), int(started), annotation_id),
        )

    def set_status(self, article_id: int, annotator: str, status: str, comment: str | None = None) -> None:
        if status not in STATUSES:
            raise ProjectError(f"status must be one of {', '.join(STATUSES)}, got {status!r}")
        with self._write():
            ann = self._annotation_id(article_id, annotator, create=True)
            self.conn.execute(
                "UPDATE annotations SET status = ?, comment = coalesce(?, comment), updated_at = ? WHERE id = ?",
                (status, comment, now_iso(), ann),
            )

    def add_seconds(self, article_id: int, annotator: str, seconds: float) -> None:
        if seconds <= 0:
            return
        with self._write():
            ann = self._annotation_id(article_id, annotator, create=True)
            self.conn.execute("UPDATE annotations SET seconds = seconds + ? WHERE id = ?", (float(seconds), ann))

    def done_count(self, annotator: str) -> int:
        return int(
            self.conn.execute(
                "SELECT count(*) FROM annotations WHERE annotator = ? AND status = 'done'", (annotator,)
            ).fetchone()[0]
        )

    # ------------------------------------------------------------------- spans
    def spans(self, article_id: int, annotator: str) -> list[Span]:
        rows = self.conn.execute(
            'SELECT s.id, s.start, s."end", s.label, s.attributes, s.origin, s.created_at '
            "FROM spans s JOIN annotations an ON an.id = s.annotation_id "
            'WHERE an.article_id = ? AND an.annotator = ? ORDER BY s.start, s."end"',
            (article_id, annotator),
        ).fetchall()
        return [_span_from_row(r) for r in rows]

    def span(self, span_id: int) -> Span:
        row = self.conn.execute(
            'SELECT id, start, "end", label, attributes, origin, created_at FROM spans WHERE id = ?', (span_id,)
        ).fetchone()
        if row is None:
            raise SpanError(f"no span with id {span_id}")
        return _span_from_row(row)

    def validate_span(self, text: str, start: int, end: int, label: str,
                      existing: Iterable[Span] = ()) -> tuple[int, int]:
        """Check a span against the rules and return its whitespace-trimmed offsets."""
        if label not in self.label_names():
            raise SpanError(
                f"unknown label {label!r}; the project's labels are {', '.join(self.label_names())}"
            )
        return check_span(text, start, end, existing, allow_overlap=bool(self.setting("allow_overlap", False)))

    def add_span(self, article_id: int, annotator: str, start: int, end: int, label: str,
                 attributes: dict[str, Any] | None = None, origin: str = "manual",
                 span_id: int | None = None) -> Span:
        """Create one span (one transaction). Returns it with trimmed offsets and its id.

        ``span_id`` restores a deleted span under its old id (undo), so that older
        undo steps that refer to it stay valid.
        """
        with self._write():
            ann = self._annotation_id(article_id, annotator, create=True)
            text = self.article_text(article_id)
            start, end = self.validate_span(text, start, end, label, self._spans_near(ann, start, end))
            attrs = dict(attributes or {})
            created = now_iso()
            cur = self.conn.execute(
                'INSERT INTO spans(id, annotation_id, start, "end", label, attributes, origin, created_at) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (span_id, ann, start, end, label, json.dumps(attrs, ensure_ascii=False), origin, created),
            )
            self._touch(ann)
        return Span(start, end, label, attrs, origin, int(cur.lastrowid), created)

    def add_spans(self, article_id: int, annotator: str, spans: Sequence[Span], *,
                  keep_ids: bool = False) -> list[Span]:
        """Create several spans in one transaction (accept-all, label-all-mentions)."""
        out: list[Span] = []
        with self._write():
            for s in spans:
                out.append(self.add_span(article_id, annotator, s.start, s.end, s.label, s.attributes, s.origin,
                                         span_id=s.id if keep_ids else None))
        return out

    def delete_spans(self, span_ids: Sequence[int]) -> None:
        """Delete several spans in one transaction."""
        with self._write():
            for span_id in span_ids:
                self.delete_span(span_id)

    def delete_span(self, span_id: int) -> Span:
        with self._write():
            span = self.span(span_id)
            ann = self.conn.execute("SELECT annotation_id FROM spans WHERE id = ?", (span_id,)).fetchone()[0]
            self.conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))
            self._touch(ann)
        return span

    def update_span(self, span_id: int, *, label: str | None = None,
                    attributes: dict[str, Any] | None = None,
                    start: int | None = None, end: int | None = None) -> Span:
        with self._write():
            old = self.span(span_id)
            ann, article_id = self.conn.execute(
                "SELECT s.annotation_id, an.article_id FROM spans s JOIN annotations an ON an.id = s.annotation_id "
                "WHERE s.id = ?",
                (span_id,),
            ).fetchone()
            new_label = label if label is not None else old.label
            new_start = start if start is not None else old.start
            new_end = end if end is not None else old.end
            others = [s for s in self._spans_near(ann, new_start, new_end) if s.id != span_id]
            new_start, new_end = self.validate_span(
                self.article_text(article_id), new_start, new_end, new_label, others
            )
            attrs = old.attributes if attributes is None else dict(attributes)
            self.conn.execute(
                'UPDATE spans SET label = ?, attributes = ?, start = ?, "end" = ? WHERE id = ?',
                (new_label, json.dumps(attrs, ensure_ascii=False), new_start, new_end, span_id),
            )
            self._touch(ann)
        return Span(new_start, new_end, new_label, attrs, old.origin, span_id, old.created_at)

    def replace_spans(self, article_id: int, annotator: str, spans: Sequence[Span]) -> None:
        """Replace an annotation's spans wholesale (import, merge) in one transaction."""
        with self._write():
            ann = self._annotation_id(article_id, annotator, create=True)
            text = self.article_text(article_id)
            accepted: list[Span] = []
            for s in spans:
                start, end = self.validate_span(text, s.start, s.end, s.label, accepted)
                accepted.append(replace(s, start=start, end=end))
            self.conn.execute("DELETE FROM spans WHERE annotation_id = ?", (ann,))
            self._insert_spans(ann, accepted)
            self._touch(ann, started=bool(accepted))

    def _insert_spans(self, annotation_id: int, spans: Iterable[Span]) -> None:
        now = now_iso()
        self.conn.executemany(
            'INSERT INTO spans(annotation_id, start, "end", label, attributes, origin, created_at) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (annotation_id, s.start, s.end, s.label, json.dumps(s.attributes, ensure_ascii=False),
                 s.origin, s.created_at or now)
                for s in spans
            ],
        )

    def _spans_near(self, annotation_id: int, start: int, end: int) -> list[Span]:
        """The annotation's spans overlapping [start, end): all an overlap check needs
        (the index on (annotation_id, start) keeps this cheap on long articles)."""
        rows = self.conn.execute(
            'SELECT id, start, "end", label, attributes, origin, created_at FROM spans '
            'WHERE annotation_id = ? AND start < ? AND "end" > ?',
            (annotation_id, end, start),
        ).fetchall()
        return [_span_from_row(r) for r in rows]

    def _spans_by_annotation(self, annotation_id: int) -> list[Span]:
        rows = self.conn.execute(
            'SELECT id, start, "end", label, attributes, origin, created_at FROM spans '
            'WHERE annotation_id = ? ORDER BY start, "end"',
            (annotation_id,),
        ).fetchall()
        return [_span_from_row(r) for r in rows]

    # -------------------------------------------------------------- suggestions
    def reject_suggestion(self, article_id: int, annotator: str, start: int, end: int, label: str) -> None:
        with self._write():
            ann = self._annotation_id(article_id, annotator, create=True)
            self.conn.execute(
                'INSERT OR IGNORE INTO rejected_suggestions(annotation_id, start, "end", label, created_at) '
                "VALUES (?, ?, ?, ?, ?)",
                (ann, start, end, label, now_iso()),
            )

    def unreject_suggestion(self, article_id: int, annotator: str, start: int, end: int, label: str) -> None:
        with self._write():
            ann = self._annotation_id(article_id, annotator, create=False)
            if ann is not None:
                self.conn.execute(
                    'DELETE FROM rejected_suggestions WHERE annotation_id = ? AND start = ? AND "end" = ? AND label = ?',
                    (ann, start, end, label),
                )

    def rejected_suggestions(self, article_id: int, annotator: str) -> set[tuple[int, int, str]]:
        rows = self.conn.execute(
            'SELECT r.start, r."end", r.label FROM rejected_suggestions r '
            "JOIN annotations an ON an.id = r.annotation_id WHERE an.article_id = ? AND an.annotator = ?",
            (article_id, annotator),
        )
        return {(r[0], r[1], r[2]) for r in rows}

    # -------------------------------------------------------------------- stats
    def stats(self) -> dict[str, Any]:
        per_annotator = {}
        for name, role in self.annotators():
            annotated, done = self.conn.execute(
                "SELECT count(*), coalesce(sum(status = 'done'), 0) FROM annotations an "
                "WHERE annotator = ? AND (status != 'new' OR EXISTS (SELECT 1 FROM spans s WHERE s.annotation_id = an.id))",
                (name,),
            ).fetchone()
            per_annotator[name] = {"role": role, "annotated": int(annotated), "done": int(done)}
        labels = {name: 0 for name in self.label_names()}
        for label, n in self.conn.execute("SELECT label, count(*) FROM spans GROUP BY label"):
            labels[label] = int(n)
        gold = int(self.conn.execute("SELECT count(*) FROM gold").fetchone()[0])
        return {
            "articles": self.article_count(),
            "annotators": per_annotator,
            "spans_per_label": labels,
            "gold_articles": gold,
            "schema_version": self.schema_version,
        }

    # ---- added by guiarch ----
    def review_state(self, article_id: int) -> dict[str, Any] | None:
        """The reviewer's notes on an article: ``{"strategy", "k", "resolved"}`` (resolved
        as a list of [start, end] conflict extents), or None if review mode kept none."""
        row = self.conn.execute(
            "SELECT r.strategy, r.k, r.resolved FROM review_state r "
            "JOIN articles a ON a.content_hash = r.content_hash WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        return {"strategy": row[0], "k": row[1], "resolved": [tuple(x) for x in json.loads(row[2] or "[]")]}

    def set_review_state(self, article_id: int, strategy: str, k: int,
                         resolved: Iterable[tuple[int, int]]) -> None:
        """Save the reviewer's notes on an article (one transaction, or part of the caller's)."""
        with self.transaction():
            row = self.conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise ProjectError(f"no article with id {article_id}")
            self.conn.execute(
                "INSERT INTO review_state(content_hash, strategy, k, resolved, updated_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(content_hash) DO UPDATE SET strategy = excluded.strategy, k = excluded.k, "
                "resolved = excluded.resolved, updated_at = excluded.updated_at",
                (row[0], strategy, int(k), json.dumps(sorted([list(x) for x in resolved])), now_iso()),
            )

    def gold_strategy(self, article_id: int) -> str | None:
        """The merge strategy the article's gold came from (None: no gold, or unknown)."""
        row = self.conn.execute("SELECT strategy FROM gold WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else row[0]


# --------------------------------------------------------------------- helpers
def check_span(text: str, start: int, end: int, existing: Iterable[Span] = (),
               *, allow_overlap: bool = False) -> tuple[int, int]:
    """Validate offsets against ``text``; return them with edge whitespace trimmed."""
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise SpanError(f"{name} must be an integer, got {type(value).__name__} {value!r}")
    if start < 0 or end > len(text) or start >= end:
        raise SpanError(
            f"offsets {start}–{end} are outside the text or empty (text has {len(text)} characters; "
            "0 ≤ start < end ≤ length)"
        )
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise SpanError("a span must contain more than whitespace")
    if not allow_overlap:
        for other in existing:
            if start < other.end and other.start < end:
                raise SpanError(
                    f"span {start}–{end} overlaps the {other.label} span {other.start}–{other.end} "
                    f"«{text[other.start:other.end]}»"
                )
    return start, end


def _span_from_row(row: Sequence[Any]) -> Span:
    return Span(
        start=row[1], end=row[2], label=row[3],
        attributes={} if not row[4] or row[4] == "{}" else json.loads(row[4]),
        origin=row[5], id=row[0], created_at=row[6],
    )


def _check_annotator_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 100 or any(ch in name for ch in "\n\r\t"):
        raise ProjectError("an annotator name must be 1–100 characters on one line")
    return name


def _check_is_project_file(path: Path) -> None:
    if not path.exists():
        raise ProjectError(f"{path}: no such project file (create one with: annotator init {path})")
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read project file: {exc.strerror}") from None
    if head != SQLITE_MAGIC:
        raise ProjectError(f"{path}: not a project file (not an SQLite database)")


def _connect(path: Path, *, create: bool) -> sqlite3.Connection:
    """Open the file; a project in a read-only folder is opened immutable (read-only).

    SQLite needs the -wal/-shm files even to *read* a WAL database; in a read-only
    folder (read-only mount, CD, share) it cannot create them and reports only "unable
    to open database file". Nothing can write there, so reading the file as immutable
    is safe, and every write then fails as "read-only" (a clear StorageError).
    """
    timeout = BUSY_TIMEOUT_MS / 1000
    conn = sqlite3.connect(str(path), timeout=timeout)
    if create:
        return conn
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error as exc:
        folder = path.parent if str(path.parent) else Path(".")
        wal = path.with_name(path.name + "-wal")
        # With a -wal present, immutable would hide its committed changes: keep the error.
        if "unable to open" in str(exc) and not os.access(folder, os.W_OK) and not wal.exists():
            conn.close()
            return sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True, timeout=timeout)
        # Anything else (not a database, …) is reported when the project is configured.
    return conn


def _disk_nearly_full(path: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path.parent if str(path.parent) else ".").free < 256 * 1024
    except OSError:
        return False


def _file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file now at ``path``, or None if there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _rescue_copy(conn: sqlite3.Connection, path: Path) -> Path | None:
    """Copy the open database to a new file beside ``path`` (else in the home folder)."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folders = [path.parent]
    with contextlib.suppress(RuntimeError, KeyError):  # no resolvable home folder
        folders.append(Path.home())
    for folder in folders:
        for n in range(100):
            target = folder / f"{path.stem}.recovered-{stamp}{f'-{n}' if n else ''}{path.suffix or '.db'}"
            if not target.exists():
                break
        else:
            continue
        try:
            with contextlib.closing(sqlite3.connect(str(target))) as dst:
                conn.backup(dst)
        except (sqlite3.Error, OSError) as exc:
            log.warning("%s: could not save a copy of the moved project: %s", target, exc)
            with contextlib.suppress(OSError):
                target.unlink()
            continue
        log.warning("%s was moved or deleted while open; saved a copy to %s", path, target)
        return target
    return None


def _storage_error(path: Path, exc: sqlite3.Error) -> StorageError:
    msg = str(exc)
    if "readonly" in msg or "read-only" in msg:
        reason = "the project file is read-only; nothing was saved (copy it somewhere writable)"
    elif "disk is full" in msg or "full" in msg:
        reason = "the disk is full; the last change was not saved, everything before it is safe"
    elif "locked" in msg or "busy" in msg:
        reason = "the project file stayed locked by another program; try again"
    elif "disk I/O" in msg or "no such table" in msg or "unable to open" in msg:
        reason = f"the project file cannot be written ({msg}); was it moved or deleted?"
    else:
        reason = msg
    return StorageError(f"{path}: {reason}")
