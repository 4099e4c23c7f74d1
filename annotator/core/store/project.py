"""The project store: one SQLite file, opened through sqlite-utils.

Every public method that writes is one transaction (``BEGIN IMMEDIATE`` … ``COMMIT``):
when it returns, the change is on disk, and a crash afterwards loses nothing. A
method either applies all of its change or none of it.

:class:`Project` owns the connection and composes one object per table family
(``project.articles``, ``project.annotations``, ``project.gold`` …), each owning its SQL.
The methods on ``Project`` itself are the long-standing public API and delegate to them.
"""
from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..domain import Annotation, Article, Label, Span
from ..errors import (
    DamagedProjectError,
    ProjectError,
    SchemaVersionError,
    SpanError,
    StorageError,
)
from . import integrity
from .annotations import Annotations
from .annotators import Annotators
from .articles import ArticleRow, Articles
from .assignments import Assignments
from .connection import (
    BUSY_TIMEOUT_MS,
    check_is_project_file,
    connect,
    damaged_message,
    disk_nearly_full,
    file_identity,
    import_sqlite_utils,
    rescue_copy,
    storage_error,
)
from .gold import Gold
from .hub_outbox import HubOutbox
from .labels import Labels
from .learning import LEARNING_WINDOW, Learning
from .review_state import ReviewState
from .rules import check_label, check_span, default_labels, now_iso
from .schema import SCHEMA_VERSION, migrations
from .search import ArticleSearch
from .settings import Settings
from .suggestions import Suggestions
from .trained_models import TrainedModels

sqlite_utils = import_sqlite_utils()
log = logging.getLogger(__name__)


class Project:
    """An open project file. Not thread-safe: use one Project per thread."""

    def __init__(self, path: str | os.PathLike[str], *, _create: bool = False,
                 _labels: Sequence[Label] | None = None, _creator: str | None = None):
        self.path = Path(path)
        if not _create:
            check_is_project_file(self.path)
        try:
            conn = connect(self.path, create=_create)
        except sqlite3.Error as exc:
            raise ProjectError(f"{self.path}: cannot open project file: {exc}") from None
        # No sqlite-utils plugins: the project file is not theirs to extend, and looking them
        # up reads the entry points of every installed package (a tenth of the start-up).
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self.conn = conn
        # Which file we opened, so a write can tell when it was moved or deleted under us.
        self._abs_path = Path(os.path.abspath(self.path))
        self._identity = file_identity(self._abs_path)
        self._rescued: Path | None = None
        self._intact = False  # integrity_check passed (see require_intact)
        # (table, id) of stored spans left out of views and exports because they do not fit
        # their text (see table.in_text); each is logged once.
        self.hidden_spans: set[tuple[str, int]] = set()
        self.settings = Settings(self)
        self.labels_table = Labels(self)
        self.annotators_table = Annotators(self)
        self.articles = Articles(self)
        self.search = ArticleSearch(self)  # the full-text index, caught up lazily
        self.annotations = Annotations(self)
        self.gold = Gold(self)
        self.suggestions = Suggestions(self)
        self.assignments = Assignments(self)
        self.trained_models = TrainedModels(self)
        self.learning = Learning(self)
        self.hub = HubOutbox(self)  # the local side of a team hub sync
        self.review = ReviewState(self)
        try:
            self._configure(create=_create)
            self._migrate(create=_create)
            if _create:
                self._initialise(_labels or default_labels(), _creator)
            else:
                self._refuse_missing_tables()
        except sqlite3.DatabaseError as exc:
            conn.close()
            if "malformed" in str(exc):
                raise DamagedProjectError(damaged_message(self.path, exc)) from None
            if "disk I/O" in str(exc) and disk_nearly_full(self.path):
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

    # ----------------------------------------------------------------- opening
    @classmethod
    def create(cls, path: str | os.PathLike[str], labels: Sequence[Label] | None = None,
               creator: str | None = None) -> Project:
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
    def open(cls, path: str | os.PathLike[str]) -> Project:
        return cls(path)

    def close(self) -> None:
        if getattr(self, "_closed", False):
            return
        self._closed = True
        # Moved or deleted since the last write: SQLite will not checkpoint into it, so
        # whatever is still in the -wal would be lost; save a copy (see _check_not_moved).
        if self._identity is not None and self._rescued is None and \
                file_identity(self._abs_path) != self._identity:
            with contextlib.suppress(sqlite3.Error):
                self._rescued = rescue_copy(self.conn, self._abs_path)
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def __enter__(self) -> Project:
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
        if not create:  # before any migration writes: a foreign trigger would run on it
            self._refuse_unexpected_code()
        if version == SCHEMA_VERSION:
            return
        try:
            with self.transaction():
                migrations.apply(self.db)
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.OperationalError as exc:
            raise ProjectError(f"{self.path}: cannot upgrade project file: {exc}") from None
        if version:
            log.info("%s: migrated schema %d -> %d", self.path, version, SCHEMA_VERSION)

    def _initialise(self, labels: Sequence[Label], creator: str | None) -> None:
        with self.transaction():
            existing: list[Label] = []
            for pos, label in enumerate(labels):
                check_label(label, existing)
                existing.append(label)
                self.labels_table.insert(label, pos)
            self.settings.put("created_at", now_iso())
            if creator:
                self.settings.put("created_by", creator)
                self.annotators_table.add_missing([creator], "reviewer")

    # ------------------------------------------------------------ untrusted files
    def _refuse_unexpected_code(self) -> None:
        """A project file may come from someone else: triggers and views that no migration
        made would run on our writes (or hang a read), so such a file is not opened at all."""
        unexpected = integrity.unexpected_objects(self.conn)
        if unexpected:
            raise ProjectError(integrity.schema_message(self.path, unexpected))

    def _refuse_missing_tables(self) -> None:
        missing = integrity.missing_tables(self.conn, integrity.CORE_TABLES)
        if missing:
            raise DamagedProjectError(damaged_message(self.path, f"table {', '.join(missing)} is missing"))

    def require_intact(self) -> None:
        """Run SQLite's integrity_check once per open project before the first bulk write
        (import, role): writing into damaged pages spreads the damage."""
        if self._intact:
            return
        problems = integrity.integrity_problems(self.conn, limit=3)
        if problems:
            raise DamagedProjectError(damaged_message(self.path, "; ".join(problems)))
        self._intact = True

    def damaged_spans(self) -> list[integrity.BadSpan]:
        """Stored spans that cannot be shown as they are (past their text, attributes that
        are not an object). The views and exports skip them; `annotator check` lists them."""
        return integrity.bad_spans(self.conn)

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
            raise storage_error(self.path, exc) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.IntegrityError):
                raise SpanError(f"rejected by the project's rules: {exc}") from None
            if isinstance(exc, sqlite3.DatabaseError):  # disk full, read-only, I/O error...
                raise storage_error(self.path, exc) from None
            raise

    # Old private name, kept for the callers outside the store not yet moved to the public one
    # (tests/test_boundary.py lists them; the lead removes this once that list is empty).
    _write = transaction

    def _check_not_moved(self) -> None:
        """Refuse to write once the file at ``path`` is no longer the file we opened.

        SQLite goes on writing into a deleted or renamed file without complaint, and in
        WAL mode it then never checkpoints: the changes stay in the -wal beside the *old*
        name and vanish (a renamed project even loses everything since its last
        checkpoint). So the first write after the move fails, and everything committed
        so far, which this connection can still read, is saved to a new file first.
        """
        if self._identity is None or file_identity(self._abs_path) == self._identity:
            return
        if self._rescued is None:
            self._rescued = rescue_copy(self.conn, self._abs_path)
        if self._rescued is not None:
            where = f"Everything saved before it is in {self._rescued}; open that file to go on."
        else:
            where = "No copy could be written beside it; put the file back to keep working."
        raise StorageError(
            f"{self.path}: the project file was moved or deleted while it was open, "
            f"so this change was not saved. {where}"
        )

    # ------------------------------------------------------------------ settings
    def set_setting(self, key: str, value: Any) -> None:
        self.settings.set(key, value)

    def setting(self, key: str, default: Any = None) -> Any:
        return self.settings.get(key, default)

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # -------------------------------------------------------------------- labels
    def labels(self) -> list[Label]:
        return self.labels_table.all()

    def label_names(self) -> list[str]:
        return self.labels_table.names()

    def label(self, name: str) -> Label:
        return self.labels_table.get(name)

    def add_label(self, label: Label) -> None:
        self.labels_table.add(label)

    def update_label(self, label_name: str, /, **changes: str) -> Label:
        """Rename, recolour, re-key or re-describe a label. Spans follow a rename."""
        return self.labels_table.update(label_name, **changes)

    def remove_label(self, name: str) -> None:
        self.labels_table.remove(name)

    # ---------------------------------------------------------------- annotators
    def ensure_annotator(self, name: str, role: str = "annotator") -> str:
        return self.annotators_table.ensure(name, role)

    def set_role(self, name: str, role: str) -> None:
        self.require_intact()
        self.annotators_table.set_role(name, role)

    def role(self, name: str) -> str | None:
        return self.annotators_table.role(name)

    def require_reviewer(self, name: str) -> None:
        self.annotators_table.require_reviewer(name)

    def annotators(self) -> list[tuple[str, str]]:
        return self.annotators_table.all()

    # ------------------------------------------------------------------ articles
    def article(self, article_id: int) -> Article:
        return self.articles.get(article_id)

    def articles_many(self, ids: Sequence[int]) -> dict[int, Article]:
        return self.articles.many(ids)

    def article_text(self, article_id: int) -> str:
        return self.articles.text(article_id)

    def article_count(self) -> int:
        return self.articles.count()

    def article_ids(self) -> list[int]:
        return self.articles.ids()

    def article_id_by_hash(self, content_hash: str) -> int | None:
        return self.articles.id_by_hash(content_hash)

    def list_articles(self, annotator: str, *, status: str | None = None,
                      search: str | None = None) -> list[int]:
        return self.articles.list_for(annotator, status=status, search=search)

    def article_rows(self, ids: Sequence[int], annotator: str) -> dict[int, ArticleRow]:
        return self.articles.rows(ids, annotator)

    def insert_articles(self, rows: Sequence[tuple]) -> int:
        """Insert prepared article rows (see Articles.insert_many); the first import into an
        open project checks the file's integrity first."""
        self.require_intact()
        return self.articles.insert_many(rows)

    def delete_article(self, article_id: int) -> None:
        self.articles.delete(article_id)

    def article_list_runs(self, annotator: str, *, status: str | None = None,
                          search: str | None = None) -> tuple[list[int], list[int]]:
        """The article list's ids: (assigned to ``annotator``, the others), each ascending
        (see ArticleSearch.list_runs)."""
        return self.search.list_runs(annotator, status=status, search=search)

    def search_articles(self, query: str, *, limit: int = 20) -> list[Any]:
        """Articles whose text has every word of ``query`` (see ArticleSearch.find)."""
        return self.search.find(query, limit=limit)

    def search_index_pending(self, at_most: int | None = None) -> int:
        """Articles the full-text index does not hold yet (searches find them all the same,
        more slowly; see store/search.py)."""
        return self.search.pending(at_most)

    def update_search_index(self, *, should_stop: Callable[[], bool] | None = None,
                            progress: Callable[[int], None] | None = None) -> int:
        """Index the articles not indexed yet, a short transaction per chunk; how many
        (see ArticleSearch.catch_up)."""
        return self.search.catch_up(should_stop=should_stop, progress=progress)

    # --------------------------------------------------------------- annotations
    def annotation(self, article_id: int, annotator: str) -> Annotation | None:
        return self.annotations.get(article_id, annotator)

    def annotations_of(self, article_id: int) -> list[Annotation]:
        return self.annotations.of_article(article_id)

    def set_status(self, article_id: int, annotator: str, status: str, comment: str | None = None) -> None:
        self.annotations.set_status(article_id, annotator, status, comment)

    def add_seconds(self, article_id: int, annotator: str, seconds: float) -> None:
        self.annotations.add_seconds(article_id, annotator, seconds)

    def done_count(self, annotator: str) -> int:
        return self.annotations.done_count(annotator)

    # --------------------------------------------------------------------- spans
    def spans(self, article_id: int, annotator: str) -> list[Span]:
        return self.annotations.spans(article_id, annotator)

    def spans_many(self, article_ids: Sequence[int],
                   text_lengths: Mapping[int, int] | None = None) -> dict[tuple[int, str], list[Span]]:
        return self.annotations.spans_many(article_ids, text_lengths)

    def own_span_ids(self, article_id: int, annotator: str, span_ids: Sequence[int]) -> set[int]:
        """The ids among ``span_ids`` that :meth:`spans` would return for this article and
        annotator (one indexed look-up each, not a read of the whole span list)."""
        return self.annotations.own_span_ids(article_id, annotator, span_ids)

    def span(self, span_id: int) -> Span:
        return self.annotations.span(span_id)

    def check_span(self, text: str, start: int, end: int, existing: Iterable[Span] = ()) -> tuple[int, int]:
        """Offsets checked against ``text`` under this project's rules (``allow_overlap``);
        returned whitespace-trimmed. Every span the store writes, and every span import and
        merge bring in, goes through here."""
        return check_span(text, start, end, existing, allow_overlap=bool(self.setting("allow_overlap", False)))

    def validate_span(self, text: str, start: int, end: int, label: str,
                      existing: Iterable[Span] = ()) -> tuple[int, int]:
        """Check a span against the rules and its label against the schema; return the
        whitespace-trimmed offsets."""
        if label not in self.label_names():
            raise SpanError(
                f"unknown label {label!r}; the project's labels are {', '.join(self.label_names())}"
            )
        return self.check_span(text, start, end, existing)

    def add_span(self, article_id: int, annotator: str, start: int, end: int, label: str,
                 attributes: dict[str, Any] | None = None, origin: str = "manual",
                 span_id: int | None = None) -> Span:
        """Create one span (one transaction). Returns it with trimmed offsets and its id.

        ``span_id`` restores a deleted span under its old id (undo), so that older
        undo steps that refer to it stay valid.
        """
        return self.annotations.add_span(article_id, annotator, start, end, label, attributes, origin, span_id)

    def add_spans(self, article_id: int, annotator: str, spans: Sequence[Span], *,
                  keep_ids: bool = False) -> list[Span]:
        """Create several spans in one transaction (accept-all, label-all-mentions)."""
        with self.transaction():
            return [self.add_span(article_id, annotator, s.start, s.end, s.label, s.attributes, s.origin,
                                  span_id=s.id if keep_ids else None) for s in spans]

    def delete_spans(self, span_ids: Sequence[int]) -> None:
        """Delete several spans in one transaction."""
        with self.transaction():
            for span_id in span_ids:
                self.annotations.delete_span(span_id)

    def delete_span(self, span_id: int) -> Span:
        return self.annotations.delete_span(span_id)

    def update_span(self, span_id: int, *, label: str | None = None,
                    attributes: dict[str, Any] | None = None,
                    start: int | None = None, end: int | None = None) -> Span:
        return self.annotations.update_span(span_id, label=label, attributes=attributes, start=start, end=end)

    def replace_spans(self, article_id: int, annotator: str, spans: Sequence[Span]) -> None:
        """Replace an annotation's spans wholesale (import, merge) in one transaction."""
        self.annotations.replace_spans(article_id, annotator, spans)

    # --------------------------------------------------------------- suggestions
    def reject_suggestion(self, article_id: int, annotator: str, start: int, end: int, label: str) -> None:
        self.suggestions.reject(article_id, annotator, start, end, label)

    def unreject_suggestion(self, article_id: int, annotator: str, start: int, end: int, label: str) -> None:
        self.suggestions.unreject(article_id, annotator, start, end, label)

    def rejected_suggestions(self, article_id: int, annotator: str) -> set[tuple[int, int, str]]:
        return self.suggestions.rejected(article_id, annotator)

    # --------------------------------------------------------------------- stats
    def stats(self) -> dict[str, Any]:
        per_annotator = {}
        for name, role in self.annotators():
            annotated, done = self.annotations.progress(name)
            per_annotator[name] = {"role": role, "annotated": annotated, "done": done}
        return {
            "articles": self.article_count(),
            "annotators": per_annotator,
            "spans_per_label": self.labels_table.span_counts(),
            "gold_articles": self.gold.count(),
            "schema_version": self.schema_version,
        }

    # ---------------------------------------------------- exports (formats work)
    def annotation_keys(self, *, annotator: str | None = None,
                        status: str | None = None) -> list[tuple[int, str, str, str | None]]:
        """(article_id, annotator, status, updated_at) of every matching annotation, by
        article then annotator (see Annotations.keys)."""
        return self.annotations.keys(annotator=annotator, status=status)

    def newest_annotations(self, *, annotator: str | None = None,
                           status: str | None = None) -> list[tuple[int, str]]:
        """(article_id, annotator) of each article's most recently updated matching annotation."""
        return self.annotations.newest(annotator=annotator, status=status)

    # -------------------------------------------- pattern learning (learning work)
    LEARNING_WINDOW = LEARNING_WINDOW

    def learning_spans(self, annotator: str | None = None, *, after_span: int = 0, after_gold: int = 0
                       ) -> Iterator[tuple[str, int, str, int, int, str, dict]]:
        """See Learning.spans."""
        return self.learning.spans(annotator, after_span=after_span, after_gold=after_gold)

    def learning_rejections(self, annotator: str | None = None, *, after: int = 0
                            ) -> Iterator[tuple[int, str, int, int, str]]:
        """See Learning.rejections."""
        return self.learning.rejections(annotator, after=after)

    def learning_rejections_with_cover(self, annotator: str | None = None, *, after: int = 0
                                       ) -> Iterator[tuple[int, str, int, int, str, bool, bool]]:
        """See Learning.rejections_with_cover."""
        return self.learning.rejections_with_cover(annotator, after=after)

    def learning_gold_misses(self, *, after_gold: int = 0) -> Iterator[tuple[int, str, int, int, str, bool, bool]]:
        """See Learning.gold_misses."""
        return self.learning.gold_misses(after_gold=after_gold)
