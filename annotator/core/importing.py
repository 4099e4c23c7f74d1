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
- A large input is read, checked and prepared in a worker process while this one
  writes (:mod:`annotator.core.import_pipeline`): the same rows, batches and messages.
- Annotations arrive with the status their record carries (our own ``meta.status``
  exactly; Prodigy's ``answer``: accept → done, ignore → skipped, reject → flagged
  with the comment "rejected in source"), else with ``default_status``
  (:data:`IMPORT_STATUSES`, ``in_progress`` unless told).
"""
from __future__ import annotations

import functools
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from . import import_pipeline
from .domain import Span
from .errors import InputError, SpanError
from .formats import FOLDER_EXTENSIONS, ArticleRecord, detect_format, reader
from .store import Project, check_span, content_hash, now_iso, utf8_content_hash

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
    duplicate_spans: int = 0  # identical spans repeated in a record, kept once
    suggestions: int = 0
    labels_added: list[str] = field(default_factory=list)

    def add_error(self, err: InputError) -> None:
        self.rejected += 1
        if len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(err)

    def line(self) -> str:
        return (
            f"{self.new} new, {self.duplicate} duplicate, {self.rejected} rejected"
            + (f"; {self.spans} spans in {self.annotations} annotations" if self.annotations else "")
            + (f" ({self._status_counts()})" if self.annotations else "")
            + (f"; {self.duplicate_spans} repeated spans kept once" if self.duplicate_spans else "")
            + (f"; {self.suggestions} suggestions" if self.suggestions else "")
            + (f"; labels added: {', '.join(self.labels_added)}" if self.labels_added else "")
        )

    def _status_counts(self) -> str:
        return ", ".join(f"{n} {status}" for status, n in sorted(self.statuses.items()))


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
                pattern = f"*.{FOLDER_EXTENSIONS.get(fmt, fmt)}" if fmt else "*.txt"
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


def read_records(path: Path, fmt: str | None, text_column: str = "text", *, annotator: str | None = None,
                 keep_tokens: bool = False) -> Iterator[ArticleRecord | InputError]:
    """Records of one file. ``annotator`` (Label Studio): put every user's annotation under
    this name; ``keep_tokens`` (CoNLL): record that the file's tokens are the text's."""
    kind = fmt or detect_format(path)
    read = reader(kind)
    if kind == "csv":
        return read(path, text_column)
    if kind == "label-studio":
        return read(path, text_key=text_column, annotator=annotator)
    if kind == "conll":
        return read(path, keep_tokens=keep_tokens)
    return read(path)


# ------------------------------------------------------------------- writing
_TEXT_FIELDS = ("title", "external_id", "source", "url", "published")


_STR_OR_NONE = (str, type(None))


def _check_types(rec: ArticleRecord) -> None:
    """Refuse a record (however it was made) whose fields SQLite would refuse mid-batch."""
    if (rec.text.__class__ is str and rec.meta.__class__ is dict and rec.title.__class__ in _STR_OR_NONE
            and rec.external_id.__class__ in _STR_OR_NONE and rec.source.__class__ in _STR_OR_NONE
            and rec.url.__class__ in _STR_OR_NONE and rec.published.__class__ in _STR_OR_NONE):
        return  # the usual record, from one of our readers: nothing to diagnose
    if not isinstance(rec.text, str):
        raise InputError(f"'text' must be a string, got {type(rec.text).__name__}", rec.file, rec.line)
    for name in _TEXT_FIELDS:
        value = getattr(rec, name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"'{name}' must be a string, got {type(value).__name__}", rec.file, rec.line)
    if not isinstance(rec.meta, dict):
        raise InputError(f"'meta' must be an object, got {type(rec.meta).__name__}", rec.file, rec.line)


@dataclass
class LabelPolicy:
    """What the import does with labels: ``--map`` renames, ``--add-labels`` creates unknown ones.

    ``span_check`` is the project's own span rule (``Project.check_span``: offsets, overlap
    unless the project allows it), so an import accepts exactly what the store accepts."""

    known: set[str]
    mapping: dict[str, str] = field(default_factory=dict)
    add_unknown: bool = False
    to_add: list[str] = field(default_factory=list)  # new labels not yet written to the project
    span_check: Callable[..., tuple[int, int]] = check_span

    def check(self, label: str, where: str, rec: ArticleRecord) -> None:
        if label in self.known:
            return
        if not self.add_unknown:
            from .formats.label_map import unknown_label_reason

            raise InputError(f"{where}: {unknown_label_reason(label, self.known)}", rec.file, rec.line)
        self.known.add(label)
        self.to_add.append(label)


def _checked_spans(rec: ArticleRecord, spans: list[Span], policy: LabelPolicy, who: str = "") -> tuple[list[Span], int]:
    """The spans mapped, without repeats, validated; and how many repeats were dropped."""
    from .formats.label_map import map_and_dedupe

    spans, repeated = map_and_dedupe(spans, policy.mapping)
    accepted: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        policy.check(s.label, f"{who}span {s.start}–{s.end}", rec)
        try:
            start, end = policy.span_check(rec.text, s.start, s.end, accepted)
        except SpanError as exc:
            raise InputError(f"{who}span {s.start}–{s.end} {s.label}: {exc}", rec.file, rec.line) from None
        accepted.append(Span(start, end, s.label, s.attributes, s.origin))
    return accepted, repeated


def _article_row(rec: ArticleRecord, fold: Callable[[str], str], created: str) -> tuple:
    """The article row of a record whose own fields are valid (else InputError).

    It depends on the record alone, so a worker process can make it (see
    :mod:`annotator.core.import_pipeline`); the span checks need the project's labels."""
    _check_types(rec)
    if rec.spans is None and rec.annotations is None and rec.status is not None:
        rec.spans = []  # an answered record without entities: the annotator found none
    key = fold(" ".join(x for x in (rec.title, rec.source or "", rec.external_id or "") if x))
    # The text goes to the store as the UTF-8 it is hashed from (Articles.insert_many takes
    # it as text): encoded once, not again by sqlite3, nor decoded from a worker's message.
    # Strict: SQLite could not take a lone surrogate either (the import stops, as it did).
    encoded = rec.text.encode("utf-8")
    return (
        rec.external_id, rec.title, encoded, rec.source, rec.url, rec.published,
        json.dumps(rec.meta, ensure_ascii=False) if rec.meta else "{}", utf8_content_hash(encoded),
        key, created,
    )


def _carries_work(rec: ArticleRecord) -> bool:
    """Whether the record brings more than its article: spans, annotations or suggestions."""
    return rec.spans is not None or bool(rec.annotations) or bool(rec.suggestions)


def _check_record_spans(rec: ArticleRecord, policy: LabelPolicy) -> int:
    """Map and check the record's spans, annotations and suggestions in place (InputError
    for the first that breaks a rule); the number of repeated spans dropped."""
    repeated = 0
    if rec.spans:
        rec.spans, repeated = _checked_spans(rec, rec.spans, policy)
    if rec.annotations:
        for name, spans in rec.annotations.items():
            rec.annotations[name], n = _checked_spans(rec, spans, policy, f"{name}: ")
            repeated += n
    if rec.suggestions:
        kept = []
        for sug in rec.suggestions:
            label = policy.mapping.get(sug.label, sug.label)
            policy.check(label, f"prediction {sug.origin}: span {sug.start}–{sug.end}", rec)
            kept.append(sug if label == sug.label else replace(sug, label=label))
        rec.suggestions = kept
    return repeated


class PreparedRecord(NamedTuple):
    """A record whose own fields passed the checks, with its article row made (by the import
    worker process). ``record`` is None when it brings nothing but the article."""

    row: tuple
    record: ArticleRecord | None


def import_records(
    project: Project,
    records: Iterable[ArticleRecord | PreparedRecord | InputError],
    *,
    annotator: str = "imported",
    strict: bool = False,
    progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
    default_status: str = DEFAULT_STATUS,
    label_map: dict[str, str] | None = None,
    add_labels: bool = False,
) -> ImportSummary:
    """Write records into the project. See the module docstring for the rules.

    ``label_map`` renames the records' labels; ``add_labels`` creates labels the project
    lacks instead of rejecting their records.
    """
    from .text import fold

    if default_status not in IMPORT_STATUSES:
        raise InputError(f"--status must be one of {', '.join(IMPORT_STATUSES)}, got {default_status!r}")

    summary = ImportSummary()
    policy = LabelPolicy(set(project.label_names()), dict(label_map or {}), add_labels,
                         span_check=project.check_span)
    created = now_iso()
    # (article row, the record if it brings spans, annotations or suggestions, else None)
    batch: list[tuple[tuple, ArticleRecord | None]] = []
    seen = 0

    def flush() -> None:
        if not batch:
            return
        with project.transaction():
            _add_labels(project, policy, summary)
            new = project.insert_articles([row for row, _ in batch])
            summary.new += new
            summary.duplicate += len(batch) - new
            for row, rec in batch:
                if rec is not None:
                    _write_annotations(project, row[7], rec, annotator, default_status, summary)
        batch.clear()

    def prepared(item: ArticleRecord | PreparedRecord) -> tuple[tuple, ArticleRecord | None]:
        rec: ArticleRecord | None
        if isinstance(item, PreparedRecord):
            row, rec = item.row, item.record
        else:
            row = _article_row(item, fold, created)
            rec = item if _carries_work(item) else None
        if rec is not None:
            summary.duplicate_spans += _check_record_spans(rec, policy)
        return row, rec

    with project.articles.bulk_insert_cache():
        if strict:
            # Everything in one transaction: validate all first so a late error writes nothing.
            prepared_rows: list[tuple[tuple, ArticleRecord | None]] = []
            for item in records:
                if isinstance(item, InputError):
                    raise item
                prepared_rows.append(prepared(item))
            with project.transaction():
                for start in range(0, len(prepared_rows), batch_size):
                    batch.extend(prepared_rows[start:start + batch_size])
                    flush()
                    if progress:
                        progress(min(start + batch_size, len(prepared_rows)))
            return summary

        for item in records:
            seen += 1
            if isinstance(item, InputError):
                summary.add_error(item)
                continue
            try:
                batch.append(prepared(item))
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


def _add_labels(project: Project, policy: LabelPolicy, summary: ImportSummary) -> None:
    """Create the labels ``--add-labels`` met since the last batch (inside its transaction)."""
    from .formats.label_map import new_label

    for name in policy.to_add:
        project.add_label(new_label(name, project.labels()))
        summary.labels_added.append(name)
    policy.to_add.clear()


# The suggestion source imported predictions are stored under: the GUI shows them where it
# shows a model's suggestions; each keeps its model_version in its attributes.
IMPORTED_SUGGESTIONS_SOURCE = "model"


def _write_annotations(project: Project, article_hash: str, rec: ArticleRecord, default_annotator: str,
                       default_status: str, summary: ImportSummary) -> None:
    """The record's spans (under ``default_annotator``), per-user annotations and suggestions."""
    by_annotator = dict(rec.annotations or {})
    if rec.spans is not None:
        by_annotator[default_annotator] = rec.spans
    if not by_annotator and not rec.suggestions:
        return
    article_id = project.article_id_by_hash(article_hash)
    assert article_id is not None  # inserted or already there, in this transaction
    for name, spans in by_annotator.items():
        project.ensure_annotator(name)
        if project.annotation(article_id, name) is not None and project.spans(article_id, name):
            continue  # re-import: keep what is stored
        project.replace_spans(article_id, name, spans)
        status = rec.status or default_status
        project.set_status(article_id, name, status, rec.comment)
        summary.annotations += 1
        summary.spans += len(spans)
        summary.statuses[status] += 1
    if rec.suggestions:
        from .preannotate import store_suggestions

        store_suggestions(project, article_id, IMPORTED_SUGGESTIONS_SOURCE, rec.suggestions)
        summary.suggestions += len(rec.suggestions)


def import_paths(
    project: Project,
    paths: Iterable[str | os.PathLike[str]],
    *,
    fmt: str | None = None,
    annotator: str | None = None,
    strict: bool = False,
    text_column: str = "text",
    progress: Callable[[int], None] | None = None,
    default_status: str = DEFAULT_STATUS,
    label_map: dict[str, str] | None = None,
    add_labels: bool = False,
    keep_tokens: bool = False,
    worker: bool | None = None,
) -> ImportSummary:
    """Import files. ``annotator``: whose annotation the records' spans become (default
    "imported"); Label Studio keeps one annotation per user unless it is given.

    ``worker``: read and prepare the records in a second process (see
    :mod:`annotator.core.import_pipeline`); None decides by the size of the input."""
    files = resolve_paths(paths, fmt)
    read = functools.partial(read_records, fmt=fmt, text_column=text_column, annotator=annotator,
                             keep_tokens=keep_tokens)
    options: dict[str, Any] = dict(annotator=annotator or "imported", strict=strict, progress=progress,
                                   default_status=default_status, label_map=label_map, add_labels=add_labels)
    if worker if worker is not None else import_pipeline.worth_a_worker(files):
        with import_pipeline.prepared_records(files, read, now_iso()) as prepared:
            return import_records(project, prepared, **options)

    def records() -> Iterator[ArticleRecord | InputError]:
        for path in files:
            if isinstance(path, InputError):
                yield path
                continue
            try:
                yield from read(path)
            except InputError as err:
                yield err

    return import_records(project, records(), **options)
