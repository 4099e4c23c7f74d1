"""Plain data objects shared by the store, import/export, suggestions and the GUI.

Offsets everywhere are Unicode code-point offsets into the article text as stored,
``start`` inclusive, ``end`` exclusive (Python slicing: ``text[start:end]``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STATUSES = ("new", "in_progress", "done", "skipped", "flagged")
ROLES = ("annotator", "reviewer")


@dataclass(frozen=True)
class Label:
    name: str
    name_ar: str
    name_en: str
    color: str  # "#rrggbb"
    key: str  # shortcut, "1".."9"
    description: str = ""


@dataclass(frozen=True)
class Article:
    id: int
    external_id: str | None
    title: str
    text: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    content_hash: str = ""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str
    attributes: dict[str, Any] = field(default_factory=dict)
    origin: str = "manual"
    id: int | None = None
    created_at: str | None = None

    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Annotation:
    id: int
    article_id: int
    annotator: str
    status: str = "new"
    comment: str | None = None
    seconds: float = 0.0
    updated_at: str | None = None


@dataclass(frozen=True)
class Suggestion:
    """A proposed span. ``origin`` names the suggester (rule, camel, model)."""

    start: int
    end: int
    label: str
    origin: str
    score: float = 1.0
    attributes: dict[str, Any] = field(default_factory=dict)

    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)
