"""JSONL export in Prodigy's NER shape, written atomically (temporary file + rename)."""
from __future__ import annotations

import bisect
import contextlib
import datetime as _dt
import json
import os
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
    path: str = ""

    def line(self) -> str:
        return f"{self.records} records, {self.spans} spans → {self.path}"


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


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int
    id: int
    ws: bool


def tokens_for(text: str, spans: list[Span]) -> list[Tok]:
    """The project tokenizer's tokens, further split where a span edge falls inside one.

    The tokenizer already splits the guideline clitics; a span edge it did not
    foresee (an unusual clitic) splits that token here, so no span is ever lost
    or silently widened.
    """
    from .tokenizer import tokenize

    edges = sorted({s.start for s in spans} | {s.end for s in spans})
    out: list[Tok] = []
    for t in tokenize(text):
        cuts = [e for e in edges if t.start < e < t.end]
        bounds = [t.start, *cuts, t.end]
        for i in range(len(bounds) - 1):
            a, b = bounds[i], bounds[i + 1]
            last = i == len(bounds) - 2
            out.append(Tok(text[a:b], a, b, len(out), bool(t.ws) if last else False))
    return out


def token_index_for_span(starts: list[int], start: int, end: int) -> tuple[int, int]:
    """Inclusive indices of the tokens covering [start, end), given the tokens' start offsets."""
    first = bisect.bisect_right(starts, start) - 1
    last = bisect.bisect_left(starts, end) - 1
    return max(first, 0), max(last, 0)


def record_for(article: Article, spans: list[Span], annotator: str, *, updated_at: str | None = None,
               status: str | None = None, tokens: list | None = None) -> dict[str, Any]:
    """One Prodigy-compatible NER record."""
    toks = tokens if tokens is not None else tokens_for(article.text, spans)
    starts = [t.start for t in toks]
    out_spans = []
    for s in spans:
        token_start, token_end = token_index_for_span(starts, s.start, s.end)
        item: dict[str, Any] = {
            "start": s.start,
            "end": s.end,
            "label": s.label,
            "text": article.text[s.start:s.end],
            "token_start": token_start,
            "token_end": token_end,
        }
        if s.attributes:
            item["attributes"] = s.attributes
        if s.origin and s.origin != "manual":
            item["origin"] = s.origin
        out_spans.append(item)
    input_hash = _hash32(article.text)
    task_hash = _hash32(
        f"{input_hash}|" + "|".join(f"{s.start}:{s.end}:{s.label}" for s in spans)
    )
    meta: dict[str, Any] = {"article_id": article.id}
    for key in ("external_id", "title", "source", "url", "published"):
        value = getattr(article, key)
        if value:
            meta[key] = value
    if article.meta:
        meta.update({k: v for k, v in article.meta.items() if k not in meta})
    if status:
        meta["status"] = status
    return {
        "text": article.text,
        "spans": out_spans,
        "tokens": [
            {"text": t.text, "start": t.start, "end": t.end, "id": t.id, "ws": t.ws} for t in toks
        ],
        "meta": meta,
        "_input_hash": input_hash,
        "_task_hash": task_hash,
        "answer": "accept",
        "_annotator_id": annotator,
        "_timestamp": _timestamp(updated_at),
    }


def iter_annotation_rows(project: Project, *, annotator: str | None = None,
                         status: str | None = None) -> Iterator[tuple[int, str, str, str | None]]:
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
    yield from project.conn.execute(sql, params).fetchall()


def export_jsonl(project: Project, out: str | os.PathLike[str], *, annotator: str | None = None,
                 status: str | None = None, gold: bool = False,
                 progress: Callable[[int], None] | None = None) -> ExportSummary:
    """Write one JSON object per (article, annotator) — or per gold article with ``gold``."""
    summary = ExportSummary(path=str(out))
    with atomic_output(out) as fh:
        if gold:
            from .team import gold_rows, gold_spans

            for n, (article_id, adjudicator, updated_at) in enumerate(gold_rows(project), 1):
                article = project.article(article_id)
                spans = gold_spans(project, article_id)
                rec = record_for(article, spans, adjudicator, updated_at=updated_at, status="gold")
                rec["meta"]["gold"] = True
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                summary.records += 1
                summary.spans += len(spans)
                if progress and n % 1000 == 0:
                    progress(n)
        else:
            for n, (article_id, name, st, updated_at) in enumerate(
                iter_annotation_rows(project, annotator=annotator, status=status), 1
            ):
                article = project.article(article_id)
                spans = project.spans(article_id, name)
                rec = record_for(article, spans, name, updated_at=updated_at, status=st)
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                summary.records += 1
                summary.spans += len(spans)
                if progress and n % 1000 == 0:
                    progress(n)
    return summary
