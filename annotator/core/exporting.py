"""Exporting: the project store → files (:mod:`annotator.core.formats`).

- :func:`export_jsonl`: one Prodigy-shaped JSON line per (article, annotator), or per gold
  article; large exports render in worker processes.
- :func:`export_trainset`: spaCy DocBins or CoNLL from finished (or gold) annotations.
- :func:`export_label_studio`: one Label Studio task per article, one annotation per annotator.

Every output goes through :mod:`annotator.core.formats.atomic`, and none may be the
project file itself.
"""
from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .domain import Article
from .errors import ExportError
from .formats import atomic, jsonl
from .formats.jsonl import record_dict, record_line
from .formats.trainsplit import ExportReport
from .store import Project

__all__ = ["JSONL_STYLES", "ExportSummary", "export_jsonl", "export_label_studio", "export_trainset", "record_dict",
           "record_line", "training_records"]


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


# Rows of one export task: (article_id, annotator, status, updated_at, gold?).
_Row = tuple[int, str, str, "str | None", bool]
PARALLEL_MIN_RECORDS = 4000
CHUNK = 400
_worker_project: Project | None = None


# How export_jsonl renders a record: Prodigy's shape with tokens, without them, or doccano's.
JSONL_STYLES = ("tokens", "no-tokens", "doccano")


def _renderer(style: str) -> Callable[..., tuple[str | bytes, int]]:
    """The record renderer of a style: (line, spans that needed a token split); the line as
    UTF-8 bytes where the renderer makes them (a line with tokens is ~20 KB to encode)."""
    if style == "tokens":
        return functools.partial(record_line, utf8=True)
    if style == "no-tokens":
        return functools.partial(record_line, tokens=False, utf8=True)
    if style == "doccano":
        from .formats.doccano import doccano_line

        return doccano_line
    raise ExportError(f"unknown JSONL style {style!r} (one of {', '.join(JSONL_STYLES)})")


def _lines(project: Project, rows: list[_Row], style: str = "tokens") -> tuple[list[bytes], int, int]:
    """Render a chunk of records: (UTF-8 lines, spans, spans that needed a token split)."""
    from .team.gold import gold_spans

    render = _renderer(style)

    lines: list[bytes] = []
    n_spans = n_split = 0
    ids = list(dict.fromkeys(r[0] for r in rows))
    articles = project.articles_many(ids)
    spans_of = {} if rows and rows[0][4] else \
        project.spans_many(ids, {article_id: len(a.text) for article_id, a in articles.items()})
    for article_id, name, status, updated_at, gold in rows:
        article = articles[article_id]
        spans = gold_spans(project, article_id) if gold else spans_of.get((article_id, name), [])
        line, split = render(article, spans, name, updated_at=updated_at, status=status)
        lines.append(line if isinstance(line, bytes) else line.encode())
        n_spans += len(spans)
        n_split += split
    return lines, n_spans, n_split


def _worker_chunk(args: tuple[str, list[_Row], str, str]) -> tuple[str, int, int, int]:
    """In a worker process: render a chunk into its own file (one read connection per process).

    Records are ~15 KB each with their tokens; writing them here instead of sending them
    back through a pipe saves pickling the whole export twice.
    """
    global _worker_project
    path, rows, out, style = args
    if _worker_project is None:
        _worker_project = Project.open(path)
    lines, n_spans, n_split = _lines(_worker_project, rows, style)
    with open(out, "wb") as fh:
        if lines:
            fh.write(b"\n".join(lines))  # a chunk is megabytes: no second copy to add the newline
            fh.write(b"\n")
    return out, len(lines), n_spans, n_split


def _pool(n_records: int, tokens: bool = True):  # type: ignore[no-untyped-def]
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
    if method == "fork" and tokens:
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
    atomic.refuse_project_path(out, project.path)
    if gold:
        from .team.gold import gold_rows

        rows: list[_Row] = [(aid, who, "gold", when, True) for aid, who, when in gold_rows(project)]
    else:
        rows = [(*r, False) for r in project.annotation_keys(annotator=annotator, status=status)]
    chunks = [rows[i:i + CHUNK] for i in range(0, len(rows), CHUNK)]
    summary = ExportSummary(path=str(out))
    # Without tokens, reading the rows and json.dumps are the work: a second core still helps.
    pool = _pool(len(rows), tokens=style == "tokens")
    if pool is None:
        def lines() -> Iterator[bytes]:
            for chunk in chunks:
                chunk_lines, n_spans, n_split = _lines(project, chunk, style)
                yield from chunk_lines
                summary.add(len(chunk_lines), n_spans, n_split, progress)

        jsonl.write(out, lines())
        return summary
    with atomic.atomic_file(out) as fh:
        # The part files live in a temporary folder named like the output's temporary file,
        # so the next export removes it if this one is killed.
        parts = atomic.temp_name(Path(out))
        try:
            os.mkdir(parts, 0o700)
            tasks = [(str(project.path), c, os.path.join(parts, f"{i:07d}.jsonl"), style)
                     for i, c in enumerate(chunks)]
            fh.flush()
            for part, n_records, n_spans, n_split in pool.imap(_worker_chunk, tasks):
                _append_file(part, fh.fileno())
                os.unlink(part)
                summary.add(n_records, n_spans, n_split, progress)
        finally:
            pool.terminate()
            shutil.rmtree(parts, ignore_errors=True)
    return summary


def training_records(project: Project, *, gold: bool = False, annotator: str | None = None,
                     status: str | None = "done") -> Iterator[tuple[str, list, dict[str, Any]]]:
    """(text, spans, meta) per article: gold, one annotator's, or every annotator's finished work.

    Without ``--gold`` or ``--annotator`` an article annotated by several people would
    appear several times with different spans; the newest finished annotation is used.
    """
    if gold:
        from .team.gold import gold_rows, gold_spans

        for article_id, _adjudicator, _updated in gold_rows(project):
            article = project.article(article_id)
            yield article.text, gold_spans(project, article_id), _training_meta(article)
        return
    for article_id, name in project.newest_annotations(annotator=annotator, status=status):
        article = project.article(article_id)
        yield article.text, project.spans(article_id, name), _training_meta(article)


def _training_meta(article: Article) -> dict[str, Any]:
    """A training record's meta: the article id and, for an article imported from CoNLL with
    its own tokens, that (the CoNLL writer then keeps them)."""
    from .formats.conll import TOKENIZATION_KEY

    meta: dict[str, Any] = {"article_id": article.id}
    if article.meta.get(TOKENIZATION_KEY):
        meta[TOKENIZATION_KEY] = article.meta[TOKENIZATION_KEY]
    return meta


def export_trainset(project: Project, out: str | os.PathLike[str], *, fmt: str, gold: bool = False,
                    annotator: str | None = None, status: str | None = None,
                    dev_fraction: float = 0.2, seed: int = 0) -> ExportReport:
    """Write DocBins (``fmt='spacy'``) or CoNLL IOB2 (``fmt='conll'``); return the ExportReport."""
    from .formats import conll, docbin

    atomic.refuse_project_path(out, project.path)
    if not 0 <= dev_fraction < 1:
        raise ExportError(f"--dev-fraction must be in [0, 1), got {dev_fraction}")
    records = list(training_records(project, gold=gold, annotator=annotator, status=status or "done"))
    if not records:
        what = "gold annotations" if gold else "finished annotations (status done)"
        raise ExportError(f"nothing to export: the project has no {what}")
    if fmt == "spacy":
        return docbin.write(records, out, dev_fraction=dev_fraction, seed=seed)
    if fmt == "conll":
        return conll.write(records, out, dev_fraction=dev_fraction, seed=seed)
    raise ExportError(f"unknown training-set format {fmt!r}")


def export_label_studio(project: Project, out: str | os.PathLike[str], *, annotator: str | None = None,
                        status: str | None = None, gold: bool = False,
                        progress: Callable[[int], None] | None = None) -> ExportSummary:
    """A Label Studio JSON export: one task per article with one annotation per annotator
    (with ``gold``: the adjudicated spans, as the ground-truth annotation). ``records``
    in the summary counts annotations."""
    from itertools import groupby

    from .formats import label_studio

    atomic.refuse_project_path(out, project.path)
    if gold:
        from .team.gold import gold_rows, gold_spans

        rows = [(aid, who, "gold", when) for aid, who, when in gold_rows(project)]
    else:
        rows = project.annotation_keys(annotator=annotator, status=status)
    by_article = [(aid, list(group)) for aid, group in groupby(rows, key=lambda r: r[0])]
    summary = ExportSummary(path=str(out))

    def tasks() -> Iterator[dict[str, Any]]:
        for start in range(0, len(by_article), CHUNK):
            chunk = by_article[start:start + CHUNK]
            ids = [aid for aid, _ in chunk]
            articles = project.articles_many(ids)
            spans_of = {} if gold else \
                project.spans_many(ids, {article_id: len(a.text) for article_id, a in articles.items()})
            for aid, group in chunk:
                annotations = []
                for _aid, name, row_status, updated_at in group:
                    spans = gold_spans(project, aid) if gold else spans_of.get((aid, name), [])
                    annotations.append((name, spans, updated_at, row_status == "gold"))
                    summary.spans += len(spans)
                    summary.records += 1
                yield label_studio.task_for(articles[aid], annotations)

    label_studio.write(out, tasks(), progress)
    return summary
