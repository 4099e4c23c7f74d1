"""Importing: files → records (:mod:`annotator.core.formats`) → the project store.

Decisions, documented in the README:
- Text is stored exactly as read (after UTF-8 decoding and removal of a leading
  BOM). Line endings are NOT normalised: CRLF stays CRLF, so offsets that came
  with the file stay valid. The article view maps Qt's positions to these offsets.
- An article is identified by the SHA-256 of its text; importing the same text
  again adds nothing.
- A bad record (bad JSON, no text, a span that breaks the rules) is reported with
  file, line and reason and skipped; the others are imported (exit status 1).
  With ``strict=True`` one bad record aborts the import and nothing is written.
- Records are written in batches, one transaction each, so a killed import leaves
  a consistent project; running it again completes it without duplicates.
- Annotations arrive with the status their record carries (our own ``meta.status``
  exactly; Prodigy's ``answer``: accept → done, ignore → skipped, reject → flagged
  with the comment "rejected in source"), else with ``default_status``
  (:data:`IMPORT_STATUSES`, ``in_progress`` unless told).
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, SpanError
from .formats import ArticleRecord, detect_format, reader
from .model import Span
from .store import Project, check_span, now_iso

__all__ = [
    "BATCH_SIZE",
    "ArticleRecord",
    "ImportSummary",
    "content_hash",
    "import_paths",
    "import_records",
    "read_records",
    "resolve_paths",
]

BATCH_SIZE = 5000
MAX_ERRORS_KEPT = 1000
#: What ``--status`` may give annotations whose file says nothing about their status.
IMPORT_STATUSES = ("in_progress", "done")
DEFAULT_STATUS = "in_progress"


@dataclass
class ImportSummary:
    new: int = 0
    duplicate: int = 0
    rejected: int = 0
    annotations: int = 0
    spans: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    errors: list[InputError] = field(default_factory=list)

    def add_error(self, err: InputError) -> None:
        self.rejected += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(err)

    def line(self) -> str:
        return (
            f"{self.new} new, {self.duplicate} duplicate, {self.rejected} rejected"
            + (f"; {self.spans} spans in {self.annotations} annotations" if self.annotations else "")
            + (f" ({self._status_counts()})" if self.annotations else "")
        )

    def _status_counts(self) -> str:
        return ", ".join(f"{n} {status}" for status, n in sorted(self.statuses.items()))


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# ------------------------------------------------------------------- reading
def resolve_paths(paths: Iterable[str | os.PathLike[str]], fmt: str | None) -> list[Path | InputError]:
    """The files to read, in order, with an InputError in place of each unusable path.

    A folder stands for its ``*.txt`` files (or ``*.<fmt>``). A path that is missing, a
    folder with no such files, or not a regular file (a FIFO named ``x.jsonl`` would block
    forever) becomes a rejection naming it; the other paths are still imported.
    """
    out: list[Path | InputError] = []
    for raw in paths:
        p = Path(raw)
        try:
            if p.is_dir():
                pattern = f"*.{fmt}" if fmt else "*.txt"
                found = sorted(p.glob(pattern))
                out.extend(q if q.is_file() else _not_a_file(q) for q in found)
                if not found:
                    out.append(InputError(f"folder has no {pattern} files", str(p)))
            elif p.is_file():
                out.append(p)
            elif p.exists():
                out.append(_not_a_file(p))
            else:
                out.append(InputError("no such file or folder", str(p)))
        except OSError as exc:  # a path the system cannot even look at (too long, a loop...)
            out.append(InputError(f"cannot read: {exc.strerror or exc}", str(p)))
    return out


def _not_a_file(path: Path) -> InputError:
    if path.is_dir():
        return InputError("is a folder, not a file", str(path))
    return InputError("is not a regular file (a pipe, socket or device); give a file", str(path))


def read_records(path: Path, fmt: str | None, text_column: str = "text") -> Iterator[ArticleRecord | InputError]:
    kind = fmt or detect_format(path)
    read = reader(kind)
    return read(path, text_column) if kind == "csv" else read(path)


# ------------------------------------------------------------------- writing
_TEXT_FIELDS = ("title", "external_id", "source", "url", "published")


def _check_types(rec: ArticleRecord) -> None:
    """Refuse a record (however it was made) whose fields SQLite would refuse mid-batch."""
    if not isinstance(rec.text, str):
        raise InputError(f"'text' must be a string, got {type(rec.text).__name__}", rec.file, rec.line)
    for name in _TEXT_FIELDS:
        value = getattr(rec, name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"'{name}' must be a string, got {type(value).__name__}", rec.file, rec.line)
    if not isinstance(rec.meta, dict):
        raise InputError(f"'meta' must be an object, got {type(rec.meta).__name__}", rec.file, rec.line)


def _prepare(rec: ArticleRecord, labels: set[str], fold: Callable[[str], str], created: str) -> tuple:
    _check_types(rec)
    if rec.spans is None and rec.status is not None:
        rec.spans = []  # an answered record without entities: the annotator found none
    if rec.spans:
        accepted: list[Span] = []
        for s in sorted(rec.spans, key=lambda s: (s.start, s.end)):
            if s.label not in labels:
                raise InputError(
                    f"span {s.start}–{s.end}: unknown label {s.label!r} (labels: {', '.join(sorted(labels))})",
                    rec.file, rec.line,
                )
            try:
                start, end = check_span(rec.text, s.start, s.end, accepted)
            except SpanError as exc:
                raise InputError(f"span {s.start}–{s.end} {s.label}: {exc}", rec.file, rec.line) from None
            accepted.append(Span(start, end, s.label, s.attributes, s.origin))
        rec.spans = accepted
    h = content_hash(rec.text)
    key = fold(" ".join(x for x in (rec.title, rec.source or "", rec.external_id or "") if x))
    return (
        rec.external_id, rec.title, rec.text, rec.source, rec.url, rec.published,
        json.dumps(rec.meta, ensure_ascii=False) if rec.meta else "{}", h, key, created,
    )


def import_records(
    project: Project,
    records: Iterable[ArticleRecord | InputError],
    *,
    annotator: str = "imported",
    strict: bool = False,
    progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
    default_status: str = DEFAULT_STATUS,
) -> ImportSummary:
    """Write records into the project. See the module docstring for the rules."""
    from .text import fold

    if default_status not in IMPORT_STATUSES:
        raise InputError(f"--status must be one of {', '.join(IMPORT_STATUSES)}, got {default_status!r}")

    summary = ImportSummary()
    labels = set(project.label_names())
    created = now_iso()
    batch: list[tuple[tuple, ArticleRecord]] = []
    seen = 0

    def flush() -> None:
        if not batch:
            return
        with project.transaction():
            new = project.insert_articles([row for row, _ in batch])
            summary.new += new
            summary.duplicate += len(batch) - new
            with_spans = [(row, rec) for row, rec in batch if rec.spans is not None]
            if with_spans:
                project.ensure_annotator(annotator)
                for row, rec in with_spans:
                    article_id = project.article_id_by_hash(row[7])
                    assert article_id is not None  # inserted or already there, in this transaction
                    existing = project.annotation(article_id, annotator)
                    if existing is not None and project.spans(article_id, annotator):
                        continue  # re-import: keep what is stored
                    project.replace_spans(article_id, annotator, rec.spans or [])
                    status = rec.status or default_status
                    project.set_status(article_id, annotator, status, rec.comment)
                    summary.annotations += 1
                    summary.spans += len(rec.spans or [])
                    summary.statuses[status] += 1
        batch.clear()

    if strict:
        # Everything in one transaction: validate all first so a late error writes nothing.
        prepared: list[tuple[tuple, ArticleRecord]] = []
        for item in records:
            if isinstance(item, InputError):
                raise item
            prepared.append((_prepare(item, labels, fold, created), item))
        with project.transaction():
            for start in range(0, len(prepared), batch_size):
                batch.extend(prepared[start:start + batch_size])
                flush()
                if progress:
                    progress(min(start + batch_size, len(prepared)))
        return summary

    for item in records:
        seen += 1
        if isinstance(item, InputError):
            summary.add_error(item)
            continue
        try:
            batch.append((_prepare(item, labels, fold, created), item))
        except InputError as err:
            summary.add_error(err)
            continue
        if len(batch) >= batch_size:
            flush()
            if progress:
                progress(seen)
    flush()
    if progress:
        progress(seen)
    return summary


def import_paths(
    project: Project,
    paths: Iterable[str | os.PathLike[str]],
    *,
    fmt: str | None = None,
    annotator: str = "imported",
    strict: bool = False,
    text_column: str = "text",
    progress: Callable[[int], None] | None = None,
    default_status: str = DEFAULT_STATUS,
) -> ImportSummary:
    files = resolve_paths(paths, fmt)

    def records() -> Iterator[ArticleRecord | InputError]:
        for path in files:
            if isinstance(path, InputError):
                yield path
                continue
            try:
                yield from read_records(path, fmt, text_column)
            except InputError as err:
                yield err

    return import_records(project, records(), annotator=annotator, strict=strict, progress=progress,
                          default_status=default_status)
