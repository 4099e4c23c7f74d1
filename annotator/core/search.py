"""Full-text search over article bodies: the query language and the result snippets.

The index (``articles_fts``, see ``m_size_fts`` in :mod:`annotator.core.store.schema`) holds each
article's text folded by :func:`annotator.core.text.fold`. A query is folded the same way
and split into words; an article matches when it has every word, each as a whole word or
as the start of one (``قوا`` finds ``قوات``), so a search box can search as the user types.
The store runs the SQL and keeps the index (:mod:`annotator.core.store.search`); this module
is pure Python.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: Words as SQLite's unicode61 tokenizer cuts them: letters and digits of any script.
_WORD = re.compile(r"[^\W_]+")
SNIPPET_BEFORE = 40
SNIPPET_AFTER = 80


@dataclass(frozen=True)
class SearchHit:
    """One article found: its id, title and a snippet of its text around the first match."""

    id: int
    title: str
    snippet: str

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "snippet": self.snippet}


def query_words(query: str) -> list[str]:
    """The folded words of ``query`` (what the index holds)."""
    from .text import fold

    return _WORD.findall(fold(query))


def fts_match(query: str) -> str | None:
    """An FTS5 MATCH expression for ``query`` (every word, each as a prefix), or None when
    the query has no words. Words are quoted: FTS5 operators typed by the user stay text."""
    words = query_words(query)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def snippet(text: str, query: str) -> str:
    """A one-line piece of ``text`` around the first word of ``query`` it contains."""
    from .text import normalize

    words = query_words(query)
    folded = normalize(text)
    at = -1
    if words:
        found = re.search(r"(?<![^\W_])(?:" + "|".join(re.escape(w) for w in words) + ")", folded.text)
        if found:
            at = folded.to_original(found.start(), found.end())[0]
    if at < 0:
        at = 0
    start, end = max(0, at - SNIPPET_BEFORE), min(len(text), at + SNIPPET_AFTER)
    piece = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")
