"""Importing articles (and optionally their spans) from .txt, .jsonl and .csv.

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
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import InputError, SpanError
from .model import Span, Suggestion
from .store import Project, check_span, now_iso

BATCH_SIZE = 5000
MAX_ERRORS_KEPT = 1000
FORMATS = ("txt", "jsonl", "csv", "label-studio", "conll")
# File extensions read as CoNLL without --format.
CONLL_EXTENSIONS = ("conll", "iob", "iob2", "bio", "bilou", "bioes")


@dataclass
class ArticleRecord:
    text: str
    title: str = ""
    external_id: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[Span] | None = None
    file: str = ""
    line: int | None = None
    # Formats that carry several people's work (Label Studio): spans per annotator name,
    # written instead of ``spans``, and a model's predictions to keep as suggestions.
    annotations: dict[str, list[Span]] | None = None
    suggestions: list[Suggestion] | None = None


@dataclass
class ImportSummary:
    new: int = 0
    duplicate: int = 0
    rejected: int = 0
    annotations: int = 0
    spans: int = 0
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
            + (f"; {self.duplicate_spans} repeated spans kept once" if self.duplicate_spans else "")
            + (f"; {self.suggestions} suggestions" if self.suggestions else "")
            + (f"; labels added: {', '.join(self.labels_added)}" if self.labels_added else "")
        )


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# ------------------------------------------------------------------- reading
def detect_format(path: Path) -> str:
    from .formats.label_studio import looks_like_label_studio

    ext = path.suffix.lower().lstrip(".")
    if ext in ("json", "jsonl", "ndjson"):
        # Label Studio exports a JSON array of tasks; anything else is read as JSON Lines.
        return "label-studio" if looks_like_label_studio(path) else "jsonl"
    if ext in ("txt", "csv"):
        return ext
    if ext in CONLL_EXTENSIONS:
        return "conll"
    raise InputError(f"unknown file type {path.suffix!r}; use --format {'|'.join(FORMATS)}", str(path))


# The files a folder given with --format contributes, when the format is not an extension.
_FOLDER_EXTENSION = {"label-studio": "json"}


def expand_paths(paths: Iterable[str | os.PathLike[str]], fmt: str | None) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            pattern = f"*.{_FOLDER_EXTENSION.get(fmt, fmt)}" if fmt else "*.txt"
            found = sorted(q for q in p.glob(pattern) if q.is_file())
            if not found:
                raise InputError(f"folder has no {pattern} files", str(p))
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise InputError("no such file or folder", str(p))
    return out


def _decode(data: bytes, file: str, line: int | None = None) -> str:
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        raise InputError("file is UTF-16 encoded; save it as UTF-8", file, line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 at byte {exc.start}", file, line) from None
    return text[1:] if text.startswith("\ufeff") else text


def _check_text(text: Any, file: str, line: int | None) -> str:
    if not isinstance(text, str):
        raise InputError(f"'text' must be a string, got {type(text).__name__}", file, line)
    if not text.strip():
        raise InputError("empty text" if not text else "text is only whitespace", file, line)
    if "\x00" in text:
        raise InputError("text contains NUL characters", file, line)
    return text


def read_txt(path: Path) -> Iterator[ArticleRecord | InputError]:
    file = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror}", file)
        return
    try:
        text = _check_text(_decode(data, file), file, None)
    except InputError as err:
        yield err
        return
    title = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    yield ArticleRecord(text=text, title=title[:500], external_id=path.stem, file=file, line=None)


def read_jsonl(path: Path) -> Iterator[ArticleRecord | InputError]:
    file = str(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror}", file)
        return
    with fh:
        first = True
        for lineno, raw in enumerate(fh, 1):
            if first:
                first = False
                if raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
                    yield InputError("file is UTF-16 encoded; save it as UTF-8", file, lineno)
                    return
                if raw.lstrip().startswith(b"["):
                    yield InputError(
                        "this is a JSON array, not JSON Lines; write one JSON object per line", file, lineno
                    )
                    return
            if not raw.strip():
                continue
            try:
                # json.loads decodes UTF-8 bytes itself (faster than decoding first).
                obj = json.loads(raw)
            except UnicodeDecodeError as exc:
                yield InputError(f"invalid UTF-8 at byte {exc.start}", file, lineno)
                continue
            except json.JSONDecodeError as exc:
                yield InputError(f"malformed JSON ({exc.msg}; column {exc.colno})", file, lineno)
                continue
            except RecursionError:  # [[[[… thousands deep: the decoder gives up
                yield InputError("malformed JSON (nested too deeply)", file, lineno)
                continue
            try:
                yield record_from_json(obj, file, lineno, may_have_surrogates=_SURROGATE_ESCAPE.search(raw) is not None)
            except InputError as err:
                yield err


def _opt_str(obj: dict, key: str, file: str, line: int | None) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"'{key}' must be a string, got {type(value).__name__}", file, line)


_EXPORT_META_KEYS = frozenset(("title", "source", "url", "published", "article_id", "external_id", "status", "gold"))


def _check_no_lone_surrogates(obj: Any, file: str, line: int | None) -> None:
    # JSON can spell a lone surrogate (\ud800); SQLite cannot store it, and one such
    # record would otherwise abort the whole batch with a UnicodeEncodeError.
    try:
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            "record contains an unpaired surrogate escape (\\ud800–\\udfff): not valid Unicode", file, line
        ) from None


# A JSON escape of a UTF-16 surrogate (\ud800–\udfff): the only way JSON can carry one.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def record_from_json(obj: Any, file: str, line: int | None, *, may_have_surrogates: bool = True) -> ArticleRecord:
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}", file, line)
    if may_have_surrogates:
        _check_no_lone_surrogates(obj, file, line)
    text = _check_text(obj.get("text"), file, line) if "text" in obj else None
    if text is None:
        raise InputError("record has no 'text'", file, line)
    meta_in = obj.get("meta") or {}
    if not isinstance(meta_in, dict):
        raise InputError("'meta' must be an object", file, line)
    meta = dict(meta_in)
    title = _opt_str(obj, "title", file, line) or str(meta.get("title") or "")
    # Our own export keeps the original id under meta.external_id.
    ext_id = _opt_str(obj, "id", file, line) or meta.get("external_id")
    rec = ArticleRecord(
        text=text,
        title=title or next((ln.strip() for ln in text.splitlines() if ln.strip()), "")[:200],
        external_id=str(ext_id) if ext_id is not None else None,
        source=_opt_str(obj, "source", file, line) or meta.get("source"),
        url=_opt_str(obj, "url", file, line) or meta.get("url"),
        published=_opt_str(obj, "published", file, line) or meta.get("published"),
        # Keys our own export adds to meta describe the annotation, not the article.
        meta={k: v for k, v in meta.items() if k not in _EXPORT_META_KEYS},
        file=file,
        line=line,
    )
    rec.spans = _spans_from_json(obj, file, line)
    return rec


def _span_int(value: Any, what: str, n: int, file: str, line: int | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(
            f"span {n}: '{what}' must be an integer, got {type(value).__name__} {json.dumps(value, ensure_ascii=False)}",
            file, line,
        )
    return value


def _spans_from_json(obj: dict, file: str, line: int | None) -> list[Span] | None:
    """Spans in Prodigy form (``spans``) or doccano form (``label`` / ``labels``)."""
    if "spans" in obj and obj["spans"] is not None:
        raw = obj["spans"]
        if not isinstance(raw, list):
            raise InputError("'spans' must be a list", file, line)
        spans = []
        for n, s in enumerate(raw, 1):
            if not isinstance(s, dict):
                raise InputError(f"span {n}: expected an object with start, end, label", file, line)
            for key in ("start", "end", "label"):
                if key not in s:
                    raise InputError(f"span {n}: missing '{key}'", file, line)
            if not isinstance(s["label"], str):
                raise InputError(f"span {n}: 'label' must be a string", file, line)
            attrs = s.get("attributes") or {}
            if not isinstance(attrs, dict):
                raise InputError(f"span {n}: 'attributes' must be an object", file, line)
            start = _span_int(s["start"], "start", n, file, line)
            end = _span_int(s["end"], "end", n, file, line)
            # Prodigy spans carry their text: when the offsets point elsewhere (UTF-16 units or
            # bytes counted by another tool), refuse the record rather than store a wrong span.
            doc = obj["text"]
            claimed = s.get("text")
            if isinstance(claimed, str) and 0 <= start < end <= len(doc) and doc[start:end] != claimed:
                raise InputError(
                    f"span {n}: offsets {start}–{end} cover {doc[start:end]!r} but the span's text is "
                    f"{claimed!r}; offsets must count code points (not UTF-16 units or bytes)",
                    file, line,
                )
            spans.append(Span(start, end, s["label"], dict(attrs), str(s.get("origin") or "import")))
        return spans
    for key in ("label", "labels"):
        raw = obj.get(key)
        if isinstance(raw, list):
            spans = []
            for n, s in enumerate(raw, 1):
                if not (isinstance(s, list) and len(s) == 3 and isinstance(s[2], str)):
                    raise InputError(f"span {n}: expected [start, end, \"LABEL\"] (doccano form)", file, line)
                spans.append(
                    Span(_span_int(s[0], "start", n, file, line), _span_int(s[1], "end", n, file, line), s[2],
                         {}, "import")
                )
            return spans
    return None


def read_csv(path: Path, text_column: str = "text") -> Iterator[ArticleRecord | InputError]:
    file = str(path)
    try:
        data = _decode(path.read_bytes(), file)
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror}", file)
        return
    except InputError as err:
        yield err
        return
    if "\x00" in data:
        yield InputError("file contains NUL bytes; is it a CSV file?", file)
        return
    # The csv module refuses fields over 128 KiB by default: a long article is not an error.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    try:
        reader = csv.DictReader(io.StringIO(data, newline=""))
        fields = reader.fieldnames or []
    except csv.Error as exc:
        yield InputError(f"malformed CSV: {exc}", file, 1)
        return
    if text_column not in fields:
        yield InputError(
            f"no '{text_column}' column (columns: {', '.join(fields) or 'none'}); choose one with --text-column",
            file, 1,
        )
        return
    known = {"title", "id", "url", "source", "published", "outlet"}
    try:
        for row in reader:
            line = reader.line_num
            try:
                text = _check_text(row.get(text_column), file, line)
            except InputError as err:
                yield err
                continue
            meta = {k: v for k, v in row.items() if k not in known and k != text_column and k and v}
            yield ArticleRecord(
                text=text,
                title=(row.get("title") or next((ln.strip() for ln in text.splitlines() if ln.strip()), ""))[:500],
                external_id=row.get("id") or None,
                source=row.get("source") or row.get("outlet") or None,
                url=row.get("url") or None,
                published=row.get("published") or None,
                meta=meta,
                file=file,
                line=line,
            )
    except csv.Error as exc:
        yield InputError(f"malformed CSV: {exc}", file, reader.line_num)


def read_records(path: Path, fmt: str | None, text_column: str = "text", *, annotator: str | None = None,
                 keep_tokens: bool = False) -> Iterator[ArticleRecord | InputError]:
    """Records of one file. ``annotator`` (Label Studio): put every user's annotation under
    this name; ``keep_tokens`` (CoNLL): record that the file's tokens are the text's."""
    kind = fmt or detect_format(path)
    if kind == "txt":
        return read_txt(path)
    if kind == "jsonl":
        return read_jsonl(path)
    if kind == "csv":
        return read_csv(path, text_column)
    if kind == "label-studio":
        from .formats.label_studio import read_label_studio

        return read_label_studio(path, text_key=text_column, annotator=annotator)
    if kind == "conll":
        from .formats.conll import read_conll

        return read_conll(path, keep_tokens=keep_tokens)
    raise InputError(f"unknown format {kind!r}; use {', '.join(FORMATS)}", str(path))


# ------------------------------------------------------------------- writing
@dataclass
class LabelPolicy:
    """What the import does with labels: ``--map`` renames, ``--add-labels`` creates unknown ones."""

    known: set[str]
    mapping: dict[str, str] = field(default_factory=dict)
    add_unknown: bool = False
    to_add: list[str] = field(default_factory=list)  # new labels not yet written to the project

    def check(self, label: str, where: str, rec: ArticleRecord) -> None:
        if label in self.known:
            return
        if not self.add_unknown:
            from .formats.label_map import unknown_label_reason

            raise InputError(f"{where}: {unknown_label_reason(label, self.known)}", rec.file, rec.line)
        self.known.add(label)
        self.to_add.append(label)


def _checked_spans(rec: ArticleRecord, spans: list[Span], policy: LabelPolicy, who: str = "") -> tuple[list[Span], int]:
    """The spans, mapped, deduplicated and validated; and how many repeats were dropped."""
    from .formats.label_map import map_and_dedupe

    spans, repeated = map_and_dedupe(spans, policy.mapping)
    accepted: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        policy.check(s.label, f"{who}span {s.start}–{s.end}", rec)
        try:
            start, end = check_span(rec.text, s.start, s.end, accepted)
        except SpanError as exc:
            raise InputError(f"{who}span {s.start}–{s.end} {s.label}: {exc}", rec.file, rec.line) from None
        accepted.append(Span(start, end, s.label, s.attributes, s.origin))
    return accepted, repeated


def _prepare(rec: ArticleRecord, policy: LabelPolicy, fold: Callable[[str], str], created: str) -> tuple[tuple, int]:
    """The article row of a valid record and the number of repeated spans dropped from it."""
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
    h = content_hash(rec.text)
    key = fold(" ".join(x for x in (rec.title, rec.source or "", rec.external_id or "") if x))
    return (
        rec.external_id, rec.title, rec.text, rec.source, rec.url, rec.published,
        json.dumps(rec.meta, ensure_ascii=False) if rec.meta else "{}", h, key, created,
    ), repeated


def import_records(
    project: Project,
    records: Iterable[ArticleRecord | InputError],
    *,
    annotator: str = "imported",
    strict: bool = False,
    progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
    label_map: dict[str, str] | None = None,
    add_labels: bool = False,
) -> ImportSummary:
    """Write records into the project. See the module docstring for the rules.

    ``label_map`` renames the records' labels; ``add_labels`` creates labels the project
    lacks instead of rejecting their records.
    """
    from .text import fold

    summary = ImportSummary()
    policy = LabelPolicy(set(project.label_names()), dict(label_map or {}), add_labels)
    created = now_iso()
    batch: list[tuple[tuple, ArticleRecord]] = []
    seen = 0

    def flush() -> None:
        if not batch:
            return
        with project._write():
            _add_labels(project, policy, summary)
            new = project.insert_articles([row for row, _ in batch])
            summary.new += new
            summary.duplicate += len(batch) - new
            for row, rec in batch:
                _write_annotations(project, row[7], rec, annotator, summary)
        batch.clear()

    def prepared(item: ArticleRecord) -> tuple[tuple, ArticleRecord]:
        row, repeated = _prepare(item, policy, fold, created)
        summary.duplicate_spans += repeated
        return row, item

    if strict:
        # Everything in one transaction: validate all first so a late error writes nothing.
        prepared_rows: list[tuple[tuple, ArticleRecord]] = []
        for item in records:
            if isinstance(item, InputError):
                raise item
            prepared_rows.append(prepared(item))
        with project._write():
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


def _write_annotations(project: Project, content_hash_: str, rec: ArticleRecord, default_annotator: str,
                       summary: ImportSummary) -> None:
    """The record's spans (under ``default_annotator``), per-user annotations and suggestions."""
    by_annotator = dict(rec.annotations or {})
    if rec.spans is not None:
        by_annotator[default_annotator] = rec.spans
    if not by_annotator and not rec.suggestions:
        return
    article_id = project.article_id_by_hash(content_hash_)
    for name, spans in by_annotator.items():
        project.ensure_annotator(name)
        if project.annotation(article_id, name) is not None and project.spans(article_id, name):
            continue  # re-import: keep what is stored
        project.replace_spans(article_id, name, spans)
        summary.annotations += 1
        summary.spans += len(spans)
    if rec.suggestions:
        from .preannotate import store_suggestions

        # Shown where the GUI shows a model's suggestions; each keeps its model_version.
        store_suggestions(project, article_id, IMPORTED_SUGGESTIONS_SOURCE, rec.suggestions)
        summary.suggestions += len(rec.suggestions)


# The suggestion source imported predictions are stored under.
IMPORTED_SUGGESTIONS_SOURCE = "model"


def import_paths(
    project: Project,
    paths: Iterable[str | os.PathLike[str]],
    *,
    fmt: str | None = None,
    annotator: str | None = None,
    strict: bool = False,
    text_column: str = "text",
    progress: Callable[[int], None] | None = None,
    label_map: dict[str, str] | None = None,
    add_labels: bool = False,
    keep_tokens: bool = False,
) -> ImportSummary:
    """Import files. ``annotator``: whose annotation the records' spans become (default
    "imported"); for Label Studio, which otherwise keeps one annotation per user, it puts
    them all under that name."""
    files = expand_paths(paths, fmt)

    def records() -> Iterator[ArticleRecord | InputError]:
        for path in files:
            try:
                yield from read_records(path, fmt, text_column, annotator=annotator, keep_tokens=keep_tokens)
            except InputError as err:
                yield err

    return import_records(project, records(), annotator=annotator or "imported", strict=strict,
                          progress=progress, label_map=label_map, add_labels=add_labels)
