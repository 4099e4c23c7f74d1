"""doccano's sequence-labeling JSONL: ``{"text": …, "label": [[start, end, "LABEL"], …]}``.

doccano counts code points, as we do. Fields besides ``text`` and ``label`` are kept by
doccano as the example's metadata; our importer reads ``id``, ``title``, ``source``,
``url``, ``published`` and ``meta`` back, so an export imports again unchanged.
"""
from __future__ import annotations

import json
from typing import Any

from ..domain import Article, Span


def doccano_record(article: Article, spans: list[Span], annotator: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": article.external_id or str(article.id),
        "text": article.text,
        "label": [[s.start, s.end, s.label] for s in spans],
        "annotator": annotator,
    }
    for key in ("title", "source", "url", "published"):
        value = getattr(article, key)
        if value:
            record[key] = value
    if article.meta:
        record["meta"] = article.meta
    return record


def doccano_line(article: Article, spans: list[Span], annotator: str, **_: Any) -> tuple[str, int]:
    """The record as a JSON line; the second value (token splits) is always 0: no tokens."""
    return json.dumps(doccano_record(article, spans, annotator), ensure_ascii=False), 0
