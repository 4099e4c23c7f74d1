"""Training sets (spaCy DocBin, CoNLL): records, the train/dev split and the report.

A *record* is ``(text, spans, meta)``: ``spans`` are :class:`annotator.core.domain.Span`
objects (or ``(start, end, label)`` tuples / dicts), ``meta`` a dict whose ``article_id`` /
``id`` / ``external_id`` names the article for the train/dev split. Writers consume records
as a stream.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ExportError
from ..tokenizer import AlignmentReport

Record = tuple[str, Sequence[Any], Mapping[str, Any]]

@dataclass
class ExportReport:
    """What an export wrote. ``spans_misaligned`` should be 0 for guideline-conforming data."""

    articles: int = 0
    spans: int = 0
    spans_split: int = 0
    spans_misaligned: int = 0
    tokens_split: int = 0
    train_articles: int = 0
    dev_articles: int = 0
    paths: list[Path] = field(default_factory=list)
    misaligned_examples: list[str] = field(default_factory=list)

    @property
    def path(self) -> Path | None:
        """The first file written (``train.*`` for a split export)."""
        return self.paths[0] if self.paths else None

    def _add(self, rep: AlignmentReport, meta: Mapping[str, Any]) -> None:
        self.spans += rep.spans
        self.spans_split += rep.split
        self.spans_misaligned += rep.misaligned
        self.tokens_split += rep.tokens_split
        room = 20 - len(self.misaligned_examples)
        if room > 0 and rep.misaligned_examples:
            name = record_key(meta, "")
            self.misaligned_examples.extend(f"{name}: {m}" if name else m for m in rep.misaligned_examples[:room])

    def summary(self) -> str:
        """One line for the CLI/GUI."""
        where = ", ".join(str(p) for p in self.paths)
        return (
            f"{self.articles} articles ({self.train_articles} train / {self.dev_articles} dev), "
            f"{self.spans} spans, {self.spans_split} needed a token split, "
            f"{self.spans_misaligned} misaligned → {where}"
        )


def unpack(record: Any) -> tuple[str, Sequence[Any], Mapping[str, Any]]:
    if isinstance(record, Mapping):
        return record["text"], record.get("spans", ()), record.get("meta", {}) or {}
    if len(record) == 2:
        text, spans = record
        return text, spans, {}
    text, spans, meta = record
    return text, spans, meta or {}


def record_key(meta: Mapping[str, Any], text: str) -> str:
    for k in ("article_id", "id", "external_id"):
        v = meta.get(k)
        if v is not None and v != "":
            return f"{k}={v}"
    return text


def is_dev(key: str, dev_fraction: float, seed: int = 0) -> bool:
    """Whether the article with this key goes to dev: a seeded hash, so an article stays on
    the same side when the corpus grows or is exported in another order."""
    if dev_fraction <= 0:
        return False
    h = hashlib.blake2b(f"{seed}\0{key}".encode(), digest_size=8).digest()
    return int.from_bytes(h, "big") / 2**64 < dev_fraction


class Splitter:
    """Routes a stream of items to train/dev by :func:`is_dev`, holding back only the most
    recent item so that, with ≥ 2 items and 0 < dev_fraction < 1, neither side ends empty."""

    def __init__(self, dev_fraction: float, seed: int, emit: Any):
        if not 0 <= dev_fraction < 1:
            raise ExportError(f"dev_fraction must be in [0, 1), not {dev_fraction}")
        self.frac = dev_fraction
        self.seed = seed
        self.emit = emit  # emit(item, dev: bool)
        self.pending: tuple[Any, bool] | None = None
        self.n_train = 0
        self.n_dev = 0

    def push(self, item: Any, key: str) -> None:
        if self.pending is not None:
            self._send(*self.pending)
        self.pending = (item, is_dev(key, self.frac, self.seed))

    def _send(self, item: Any, dev: bool) -> None:
        self.emit(item, dev)
        if dev:
            self.n_dev += 1
        else:
            self.n_train += 1

    def close(self) -> None:
        if self.pending is None:
            return
        item, dev = self.pending
        if self.frac > 0 and self.n_dev == 0 and self.n_train > 0:
            dev = True
        elif self.n_train == 0 and self.n_dev > 0:
            dev = False
        elif self.n_train == 0 and self.n_dev == 0:
            dev = False  # a single record: train gets it
        self.pending = None
        self._send(item, dev)
