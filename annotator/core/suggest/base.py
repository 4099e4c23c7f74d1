"""What every suggester is, flat-NER overlap resolution, and the gazetteer files.

Kept free of spaCy and of anything heavy: the GUI and CLI import it at start-up, and
:mod:`annotator.core.text` reads the gazetteers' first words from here for clitic stripping.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from annotator.core.domain import Suggestion
from annotator.core.errors import AnnotatorError

__all__ = [
    "Suggester",
    "resolve_overlaps",
    "merge_sources",
    "origins",
    "CombinedSuggester",
    "gazetteer_dir",
    "load_gazetteer",
    "gazetteer_names",
    "gazetteer_first_words",
    "GAZETTEERS",
    "evaluate",
    "Tally",
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


#: Separates the suggesters in a merged suggestion's origin: ``"rule+patterns"``.
ORIGIN_SEPARATOR = "+"


def origins(suggestion: Suggestion) -> tuple[str, ...]:
    """Every suggester that proposed ``suggestion`` (one, or several after merging)."""
    return tuple(suggestion.origin.split(ORIGIN_SEPARATOR))


def merge_sources(per_source: Iterable[Iterable[Suggestion]], min_score: float = 0.0) -> list[Suggestion]:
    """One flat list from several suggesters' suggestions, keeping every origin.

    Suggestions of the same label that overlap are one suggestion: the span that
    :func:`resolve_overlaps` prefers (the longer, then the higher score) carries the origins
    of all of them, and its score rises by 0.05 for each other suggester that agrees. What
    remains is resolved as usual (spans of different labels never overlap). Suggestions
    scoring under ``min_score`` (after merging) are dropped.
    """
    lists = [list(suggestions) for suggestions in per_source]
    everything = [s for suggestions in lists for s in suggestions]
    # Merged origins are listed in the order of the sources, whichever span won.
    rank: dict[str, int] = {}
    for origin in dict.fromkeys(s.origin for suggestions in lists for s in suggestions):
        for name in origin.split(ORIGIN_SEPARATOR):
            rank.setdefault(name, len(rank))
    kept = resolve_overlaps(everything)
    if len(kept) == len(everything):
        return [s for s in kept if s.score >= min_score]
    starts = [s.start for s in kept]
    agreeing: list[dict[str, None]] = [dict.fromkeys(origins(s)) for s in kept]
    for sug in everything:
        k = bisect_left(starts, sug.end)
        # Kept spans do not overlap each other: only the one starting just before sug.end can.
        # (A kept suggestion itself adds no origin: its own are there already.)
        if k > 0 and kept[k - 1] is not sug and kept[k - 1].end > sug.start and kept[k - 1].label == sug.label:
            agreeing[k - 1].update(dict.fromkeys(origins(sug)))
    out = []
    for sug, names in zip(kept, agreeing):
        if len(names) > 1:
            origin = ORIGIN_SEPARATOR.join(sorted(names, key=rank.__getitem__))
            sug = replace(sug, origin=origin, score=round(sug.score + 0.05 * (len(names) - 1), 3))
        if sug.score >= min_score:
            out.append(sug)
    return out


def _give_way(text: str, suggesters: list[Suggester], lists: list[list[Suggestion]]) -> list[list[Suggestion]]:
    """Let a learning source drop what it suggests on weaker grounds than another source
    that read the sentence (``PatternSuggester.give_way``)."""
    out = []
    for k, (suggester, found) in enumerate(zip(suggesters, lists)):
        give_way = getattr(suggester, "give_way", None)
        if give_way is not None and found:
            found = give_way(text, found, [s for j, other in enumerate(lists) if j != k for s in other])
        out.append(found)
    return out


class CombinedSuggester(Suggester):
    """Several suggesters as one (``annotator suggest --source rules,patterns``).

    Each source suggests on its own; a pattern suggester among them also vetoes what the
    annotators keep rejecting, whichever source proposes it; then :func:`merge_sources`.
    """

    def __init__(self, suggesters: Iterable[Suggester], min_score: float = 0.0):
        self.suggesters = list(suggesters)
        self.min_score = min_score
        self.name = "+".join(getattr(s, "name", "?") for s in self.suggesters)

    def suggest(self, text: str) -> list[Suggestion]:
        vetoes = [s for s in self.suggesters if hasattr(s, "vetoes")]
        lists = []
        for suggester in self.suggesters:
            found = suggester.suggest(text)
            # A pattern suggester already leaves out what its own evidence is against.
            others = [v for v in vetoes if v is not suggester]
            if others:
                found = [s for s in found if not any(v.vetoes(text, s.start, s.end, s.label) for v in others)]
            lists.append(found)
        if len(lists) > 1:
            lists = _give_way(text, self.suggesters, lists)
        return merge_sources(lists, self.min_score)


# --------------------------------------------------------------------------------------
# Gazetteers
# --------------------------------------------------------------------------------------
def gazetteer_dir() -> Path:
    """``resources/gazetteers`` (inside a PyInstaller bundle too)."""
    from annotator.core.paths import resources_dir

    return resources_dir() / "gazetteers"


@cache
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


# --------------------------------------------------------------------------------------
# Quality against gold spans
# --------------------------------------------------------------------------------------
def evaluate(
    suggester: Suggester, records: Iterable[dict[str, Any]]
) -> dict[str, dict[str, float]]:
    """Per-label precision/recall/F1 of ``suggester`` on gold ``records``.

    ``records`` are ``{"text": str, "spans": [{"start", "end", "label"}, ...]}``. Two
    matchings are scored: *overlap* (a suggestion is right if it overlaps a gold span of the
    same label; a gold span is found if a suggestion of its label overlaps it) and *exact*
    (same start, end and label). Returns ``{label: {"p", "r", "f1", "exact_p", "exact_r",
    "exact_f1", "n_pred", "n_gold"}}`` plus an ``"ALL"`` row (micro-averaged).
    """
    tally = Tally()
    for rec in records:
        tally.add(suggester.suggest(rec["text"]), rec["spans"])
    return tally.scores()


class Tally:
    """Counts behind :func:`evaluate`, one article at a time (the replay benchmark scores
    suggestions that change as the suggester learns)."""

    def __init__(self) -> None:
        # label → [n_pred, n_gold, pred_overlapping, gold_found, exact]
        self.counts: dict[str, list[int]] = {}

    def _row(self, label: str) -> list[int]:
        return self.counts.setdefault(label, [0, 0, 0, 0, 0])

    def add(self, suggestions: Iterable[Suggestion], gold_spans: Iterable[dict[str, Any]]) -> None:
        gold = [(int(s["start"]), int(s["end"]), str(s["label"])) for s in gold_spans]
        pred = [(s.start, s.end, s.label) for s in suggestions]
        gold_set = set(gold)
        for p in pred:
            r = self._row(p[2])
            r[0] += 1
            r[2] += any(g[2] == p[2] and g[0] < p[1] and p[0] < g[1] for g in gold)
            r[4] += p in gold_set
        for g in gold:
            r = self._row(g[2])
            r[1] += 1
            r[3] += any(p[2] == g[2] and g[0] < p[1] and p[0] < g[1] for p in pred)

    def scores(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        total = [0, 0, 0, 0, 0]
        for label in sorted(self.counts):
            c = self.counts[label]
            total = [a + b for a, b in zip(total, c)]
            out[label] = _scores(c, _f1)
        out["ALL"] = _scores(total, _f1)
        return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _scores(c: list[int], f1: Any) -> dict[str, float]:
    n_pred, n_gold, pred_ok, gold_found, exact = c
    p = pred_ok / n_pred if n_pred else 0.0
    r = gold_found / n_gold if n_gold else 0.0
    ep = exact / n_pred if n_pred else 0.0
    er = exact / n_gold if n_gold else 0.0
    return {
        "p": p,
        "r": r,
        "f1": f1(p, r),
        "exact_p": ep,
        "exact_r": er,
        "exact_f1": f1(ep, er),
        "n_pred": n_pred,
        "n_gold": n_gold,
    }
