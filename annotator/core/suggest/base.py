"""What every suggester is, flat-NER overlap resolution, and the gazetteer files.

Kept free of spaCy and of anything heavy: the GUI and CLI import it at start-up, and
:mod:`annotator.core.text` reads the gazetteers' first words from here for clitic stripping.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from annotator.core.errors import AnnotatorError
from annotator.core.model import Suggestion

__all__ = [
    "Suggester",
    "resolve_overlaps",
    "gazetteer_dir",
    "load_gazetteer",
    "gazetteer_names",
    "gazetteer_first_words",
    "GAZETTEERS",
]

#: The gazetteer files under ``resources/gazetteers/`` (``<name>.yaml``).
GAZETTEERS = ("actors", "locations", "sources", "counts")


class Suggester(ABC):
    """Proposes spans for a text. Implementations: rules, camel, model.

    ``suggest`` must return spans with exact code-point offsets into ``text`` that already
    follow the boundary guidelines (clitics and quotes outside), sorted by start and not
    overlapping each other (see :func:`resolve_overlaps`).
    """

    name: str = "base"

    @abstractmethod
    def suggest(self, text: str) -> list[Suggestion]:
        """Suggestions for one article text."""

    def suggest_many(self, texts: Iterable[str]) -> list[list[Suggestion]]:
        """Suggestions for several texts; suggesters with batching override this."""
        return [self.suggest(t) for t in texts]


def resolve_overlaps(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """Keep a non-overlapping subset (flat NER), sorted by start.

    Greedy by priority: a longer span wins over a shorter one it overlaps (``ريف حلب
    الشمالي`` over ``حلب``), then a higher score, then the earlier start. Exact duplicates
    collapse to one.
    """
    ranked = sorted(suggestions, key=lambda s: (-(s.end - s.start), -s.score, s.start, s.label))
    kept: list[Suggestion] = []
    starts: list[int] = []  # kept spans, sorted by start; they never overlap each other
    ends: list[int] = []
    for sug in ranked:
        if sug.end <= sug.start:
            continue
        # Only the kept span starting just before sug.end can reach into it.
        k = bisect_left(starts, sug.end)
        if k > 0 and ends[k - 1] > sug.start:
            continue
        kept.append(sug)
        starts.insert(k, sug.start)
        ends.insert(k, sug.end)
    kept.sort(key=lambda s: (s.start, s.end))
    return kept


# --------------------------------------------------------------------------------------
# Gazetteers
# --------------------------------------------------------------------------------------
def gazetteer_dir() -> Path:
    """``resources/gazetteers`` (inside a PyInstaller bundle too)."""
    from annotator.core.paths import resources_dir

    return resources_dir() / "gazetteers"


@lru_cache(maxsize=None)
def load_gazetteer(name: str, directory: str | None = None) -> dict[str, Any]:
    """The parsed ``<name>.yaml`` (cached). Raises :class:`AnnotatorError` if broken."""
    import yaml

    path = (Path(directory) if directory else gazetteer_dir()) / f"{name}.yaml"
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AnnotatorError(f"gazetteer {path} cannot be read: {exc}") from exc
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(raw, Loader=loader)
    except yaml.YAMLError as exc:
        raise AnnotatorError(f"gazetteer {path} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise AnnotatorError(f"gazetteer {path} must be a mapping at the top level")
    return data


def _flatten(node: Any) -> list[str]:
    """All strings in a nested structure of lists and mappings, in order."""
    if node is None:
        return []
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        out: list[str] = []
        for value in node.values():
            out.extend(_flatten(value))
        return out
    if isinstance(node, (list, tuple)):
        out = []
        for value in node:
            out.extend(_flatten(value))
        return out
    return [str(node)]


def gazetteer_names(name: str, key: str = "names", directory: str | None = None) -> list[str]:
    """Every string under ``key`` of gazetteer ``name`` (groups flattened), stripped, unique."""
    data = load_gazetteer(name, directory)
    seen: dict[str, None] = {}
    for item in _flatten(data.get(key)):
        item = " ".join(item.split())
        if item:
            seen.setdefault(item, None)
    return list(seen)


#: Gazetteer keys whose entries may start a span or a cue, and so may carry a proclitic.
_CLITIC_KEYS = {
    "actors": ("names", "context_names", "action_words", "force_heads", "air_heads"),
    "locations": ("names", "context_names", "head_only", "heads", "place_cues", "name_prefixes"),
    "sources": ("names", "activists", "quoted_only", "unnamed_heads", "attribution_words", "outlet_heads"),
    "counts": ("people_nouns", "vague", "qualifiers", "triggers"),
}


@lru_cache(maxsize=1)
def gazetteer_first_words() -> frozenset[str]:
    """First word of every name, head, cue and count word in the gazetteers.

    These are the words a proclitic may be glued to («بحلب», «لقوات», «وبحسب», «بنحو»), so
    :func:`annotator.core.text.clitic_lexicon` adds them to its stems.
    """
    words: set[str] = set()
    for gaz, keys in _CLITIC_KEYS.items():
        data = load_gazetteer(gaz)
        for key in keys:
            for item in _flatten(data.get(key)):
                parts = item.split()
                if parts:
                    words.add(parts[0])
    return frozenset(words)
