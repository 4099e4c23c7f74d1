"""JSONL export in Prodigy's NER shape, written atomically (temporary file + rename)."""
from __future__ import annotations

import bisect
import contextlib
import functools
import datetime as _dt
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .errors import ExportError
from .model import Article, Span
from .store import Project


@dataclass
class ExportSummary:
    records: int = 0
    spans: int = 0
    spans_split: int = 0
    path: str = ""

    def add(self, records: int, spans: int, split: int, progress: Callable[[int], None] | None) -> None:
        self.records += records
        self.spans += spans
        self.spans_split += split
        if progress:
            progress(self.records)

    def line(self) -> str:
        split = f" ({self.spans_split} needed a token split)" if self.spans_split else ""
        return f"{self.records} records, {self.spans} spans{split} → {self.path}"


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and rename it into place on success.

    A failed or interrupted export never leaves a half-written file under the
    final name, and an older export there survives until the new one is complete.
    """
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target}: is a folder; give a file name")
    if not target.parent.exists():
        raise ExportError(f"{target}: folder {target.parent} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write here: {exc.strerror}") from None
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8", newline=None if "b" in mode else "\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ExportError(f"{target}: export failed: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _hash32(text: str) -> int:
    """A stable signed 32-bit hash, like Prodigy's ``_input_hash``/``_task_hash``."""
    import zlib

    value = zlib.crc32(text.encode("utf-8", "surrogatepass"))
    return value - (1 << 32) if value >= (1 << 31) else value


def _timestamp(iso: str | None) -> int:
    if not iso:
        return 0
    try:
        return int(_dt.datetime.fromisoformat(iso).timestamp())
    except ValueError:
        return 0


def record_json(article: Article, spans: list[Span], annotator: str, *, updated_at: str | None = None,
                status: str | None = None, tokens: bool = True) -> tuple[str, int]:
    """One Prodigy-compatible NER record as a JSON line (without the newline).

    Returns the line and the number of spans that needed a token split (an edge the
    tokenizer did not foresee): such a token is split in the record's ``tokens`` too,
    so no span is ever lost or widened. ``tokens=False`` leaves out the token list and
    the spans' token indices (a tenth of the size, and no tokenizing).
    """
    from .tokenizer import offsets_to_json, token_offsets

    text = article.text
    if not tokens:
        return json.dumps(_record_head(article, spans, annotator, updated_at, status, {}), ensure_ascii=False), 0
    starts, ends, spaces = token_offsets(text)
    # Fast path: every span edge is a token edge (the tokenizer splits the guideline clitics).
    token_of = _token_indices(starts, ends, spans)
    split = 0
    if token_of is None:
        from .tokenizer import align_spans, tokenize, tokens_to_json

        alignment = align_spans(tokenize(text), spans, text)
        token_of = {(a.start, a.end): (a.token_start, a.token_end) for a in alignment.aligned}
        tokens_json = tokens_to_json(alignment.tokens)
        split = alignment.report.split
    else:
        tokens_json = offsets_to_json(text, starts, ends, spaces)
    head = _record_head(article, spans, annotator, updated_at, status, token_of)
    # The token list is most of the record: render it in one format call, not per-token dicts.
    line = json.dumps(head, ensure_ascii=False)[:-1] + ', "tokens": ' + tokens_json + "}"
    return line, split


def _record_head(article: Article, spans: list[Span], annotator: str, updated_at: str | None,
                 status: str | None, token_of: dict[tuple[int, int], tuple[int, int]]) -> dict[str, Any]:
    """The record without its token list."""
    text = article.text
    out_spans = []
    for s in spans:
        item: dict[str, Any] = {"start": s.start, "end": s.end, "label": s.label, "text": text[s.start:s.end]}
        pair = token_of.get((s.start, s.end))
        if pair is not None:
            item["token_start"], item["token_end"] = pair
        if s.attributes:
            item["attributes"] = s.attributes
        if s.origin and s.origin != "manual":
            item["origin"] = s.origin
        out_spans.append(item)
    input_hash = _hash32(text)
    meta: dict[str, Any] = {"article_id": article.id}
    for key in ("external_id", "title", "source", "url", "published"):
        value = getattr(article, key)
        if value:
            meta[key] = value
    if article.meta:
        meta.update({k: v for k, v in article.meta.items() if k not in meta})
    if status:
        meta["status"] = status
    if status == "gold":
        meta["gold"] = True
    return {
        "text": text,
        "spans": out_spans,
        "meta": meta,
        "_input_hash": input_hash,
        "_task_hash": _hash32(f"{input_hash}|" + "|".join(f"{s.start}:{s.end}:{s.label}" for s in spans)),
        "answer": "accept",
        "_annotator_id": annotator,
        "_timestamp": _timestamp(updated_at),
    }


def _token_indices(starts: list[int], ends: list[int], spans: list[Span]) -> dict[tuple[int, int], tuple[int, int]] | None:
    """(start, end) → inclusive token indices, or None if some edge falls inside a token."""
    out = {}
    for s in spans:
        i = bisect.bisect_left(starts, s.start)
        j = bisect.bisect_left(ends, s.end)
        if i == len(starts) or starts[i] != s.start or j == len(ends) or ends[j] != s.end:
            return None
        out[(s.start, s.end)] = (i, j)
    return out


def record_for(article: Article, spans: list[Span], annotator: str, **kw: Any) -> dict[str, Any]:
    """The record of :func:`record_json` as a dict."""
    return json.loads(record_json(article, spans, annotator, **kw)[0])


def iter_annotation_rows(project: Project, *, annotator: str | None = None,
                         status: str | None = None) -> list[tuple[int, str, str, str | None]]:
    """(article_id, annotator, status, updated_at) for every annotation to export."""
    where, params = [], []
    if annotator:
        where.append("annotator = ?")
        params.append(annotator)
    if status:
        where.append("status = ?")
        params.append(status)
    sql = "SELECT article_id, annotator, status, updated_at FROM annotations"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY article_id, annotator"
    # Materialise the keys (small) so the long-running export does not hold a read cursor open.
    return project.conn.execute(sql, params).fetchall()


# Rows of one export task: (article_id, annotator, status, updated_at, gold?).
_Row = tuple[int, str, str, "str | None", bool]
PARALLEL_MIN_RECORDS = 4000
CHUNK = 400
_worker_project: Project | None = None


# How export_jsonl renders a record: Prodigy's shape with tokens, without them, or doccano's.
JSONL_STYLES = ("tokens", "no-tokens", "doccano")


def _renderer(style: str) -> Callable[..., tuple[str, int]]:
    if style == "tokens":
        return record_json
    if style == "no-tokens":
        return functools.partial(record_json, tokens=False)
    if style == "doccano":
        from .formats.doccano import doccano_line

        return doccano_line
    raise ExportError(f"unknown JSONL style {style!r} (one of {', '.join(JSONL_STYLES)})")


def _lines(project: Project, rows: list[_Row], style: str = "tokens") -> tuple[list[str], int, int]:
    """Render a chunk of records: (lines, spans, spans that needed a token split)."""
    from .team import gold_spans

    render = _renderer(style)

    lines, n_spans, n_split = [], 0, 0
    ids = list(dict.fromkeys(r[0] for r in rows))
    articles = project.articles_many(ids)
    spans_of = {} if rows and rows[0][4] else project.spans_many(ids)
    for article_id, name, status, updated_at, gold in rows:
        article = articles[article_id]
        spans = gold_spans(project, article_id) if gold else spans_of.get((article_id, name), [])
        line, split = render(article, spans, name, updated_at=updated_at, status=status)
        lines.append(line)
        n_spans += len(spans)
        n_split += split
    return lines, n_spans, n_split


def _worker_chunk(args: tuple[str, list[_Row], str]) -> tuple[str, int, int, int]:
    """In a worker process: render a chunk into its own file (one read connection per process).

    Records are ~15 KB each with their tokens; writing them here instead of sending them
    back through a pipe saves pickling the whole export twice.
    """
    global _worker_project
    path, rows, out = args
    if _worker_project is None:
        _worker_project = Project.open(path)
    lines, n_spans, n_split = _lines(_worker_project, rows)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        if lines:
            fh.write("\n".join(lines) + "\n")
    return out, len(lines), n_spans, n_split


def _pool(n_records: int):  # type: ignore[no-untyped-def]
    """Worker processes for a large export, or None to render in this process.

    Tokenizing is most of an export's time and it is pure Python: a second core nearly
    doubles throughput. ``fork`` is cheap and shares the loaded tokenizer; a process
    running a Qt application must not fork, so there the workers are spawned.
    """
    import multiprocessing as mp
    import sys

    cores = os.cpu_count() or 1
    if n_records < PARALLEL_MIN_RECORDS or cores < 2:
        return None
    widgets = sys.modules.get("PySide6.QtWidgets")
    qt_running = widgets is not None and widgets.QApplication.instance() is not None
    method = "fork" if "fork" in mp.get_all_start_methods() and not qt_running else "spawn"
    if method == "fork":
        from .tokenizer import make_nlp

        make_nlp()  # load once; forked workers inherit it
    return mp.get_context(method).Pool(min(cores, 4))


def _append_file(path: str, out_fd: int) -> None:
    """Append a part file to the output in the kernel (no copy through Python)."""
    with open(path, "rb") as src:
        size = os.fstat(src.fileno()).st_size
        sent = 0
        while sent < size:
            try:
                n = os.sendfile(out_fd, src.fileno(), sent, size - sent)
            except OSError:  # a filesystem without sendfile: copy the rest through Python
                src.seek(sent)
                with os.fdopen(os.dup(out_fd), "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
                return
            if n == 0:
                break
            sent += n


def export_jsonl(project: Project, out: str | os.PathLike[str], *, annotator: str | None = None,
                 status: str | None = None, gold: bool = False,
                 progress: Callable[[int], None] | None = None, style: str = "tokens") -> ExportSummary:
    """Write one JSON object per (article, annotator) — or per gold article with ``gold``.

    ``style``: Prodigy's shape with its token list (``tokens``), without it (``no-tokens``),
    or doccano's ``{"text", "label": [[start, end, label]]}`` (``doccano``).
    """
    _renderer(style)  # an unknown style fails before the output file is touched
    if gold:
        from .team import gold_rows

        rows: list[_Row] = [(aid, who, "gold", when, True) for aid, who, when in gold_rows(project)]
    else:
        rows = [(*r, False) for r in iter_annotation_rows(project, annotator=annotator, status=status)]
    chunks = [rows[i:i + CHUNK] for i in range(0, len(rows), CHUNK)]
    summary = ExportSummary(path=str(out))
    # Without tokens a record is a json.dumps: worker processes would cost more than they save.
    pool = _pool(len(rows)) if style == "tokens" else None
    with atomic_output(out) as fh:
        if pool is None:
            for chunk in chunks:
                lines, n_spans, n_split = _lines(project, chunk, style)
                if lines:
                    fh.write("\n".join(lines) + "\n")
                summary.add(len(lines), n_spans, n_split, progress)
            return summary
        with tempfile.TemporaryDirectory(prefix=".export-", dir=Path(out).resolve().parent) as parts:
            try:
                tasks = [(str(project.path), c, os.path.join(parts, f"{i:07d}.jsonl")) for i, c in enumerate(chunks)]
                fh.flush()
                for part, n_records, n_spans, n_split in pool.imap(_worker_chunk, tasks):
                    _append_file(part, fh.fileno())
                    os.unlink(part)
                    summary.add(n_records, n_spans, n_split, progress)
            finally:
                pool.terminate()
    return summary
