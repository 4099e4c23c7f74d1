"""Training-set exports from a project: which annotations feed spaCy/CoNLL, and in what order."""
from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from .errors import ExportError
from .model import Article
from .store import Project


def training_records(project: Project, *, gold: bool = False, annotator: str | None = None,
                     status: str | None = "done") -> Iterator[tuple[str, list, dict[str, Any]]]:
    """(text, spans, meta) per article: gold, one annotator's, or every annotator's finished work.

    Without ``--gold`` or ``--annotator`` an article annotated by several people would
    appear several times with different spans; the newest finished annotation is used.
    """
    if gold:
        from .team import gold_rows, gold_spans

        for article_id, _adjudicator, _updated in gold_rows(project):
            article = project.article(article_id)
            yield article.text, gold_spans(project, article_id), _meta(article)
        return
    where = ["1 = 1"]
    params: list[Any] = []
    if annotator:
        where.append("annotator = ?")
        params.append(annotator)
    if status:
        where.append("status = ?")
        params.append(status)
    rows = project.conn.execute(
        "SELECT article_id, annotator FROM annotations WHERE " + " AND ".join(where)
        + " ORDER BY article_id, updated_at DESC",
        params,
    ).fetchall()
    seen: set[int] = set()
    for article_id, name in rows:
        if article_id in seen:
            continue
        seen.add(article_id)
        article = project.article(article_id)
        yield article.text, project.spans(article_id, name), _meta(article)


def _meta(article: Article) -> dict[str, Any]:
    """The record's meta: its id and, for an article imported with its own tokens, that."""
    from .formats.conll import TOKENIZATION_KEY

    meta: dict[str, Any] = {"article_id": article.id}
    tokenization = article.meta.get(TOKENIZATION_KEY)
    if tokenization:
        meta[TOKENIZATION_KEY] = tokenization
    return meta


def export_trainset(project: Project, out: str | os.PathLike[str], *, fmt: str, gold: bool = False,
                    annotator: str | None = None, status: str | None = None,
                    dev_fraction: float = 0.2, seed: int = 0):
    """Write DocBins (``fmt='spacy'``) or CoNLL IOB2 (``fmt='conll'``); return the ExportReport."""
    from .trainset import write_conll, write_docbin

    if not 0 <= dev_fraction < 1:
        raise ExportError(f"--dev-fraction must be in [0, 1), got {dev_fraction}")
    records = list(training_records(project, gold=gold, annotator=annotator, status=status or "done"))
    if not records:
        what = "gold annotations" if gold else "finished annotations (status done)"
        raise ExportError(f"nothing to export: the project has no {what}")
    if fmt == "spacy":
        return write_docbin(records, out, dev_fraction=dev_fraction, seed=seed)
    if fmt == "conll":
        return write_conll(records, out, dev_fraction=dev_fraction, seed=seed)
    raise ExportError(f"unknown training-set format {fmt!r}")
