"""Arabic place names derived from GeoNames, and which of them the rules may take alone.

``resources/gazetteers/places_geonames.tsv`` (built by ``tools/build_place_gazetteer.py``
from GeoNames data, CC BY 4.0) lists some 27,000 folded Arabic place names of the world with
their country, kind (``city``, ``admin1``, ``admin2``), population and how often the name
occurs as a word of Arabic text (Zipf frequency × 10). Many place names are also common
words («الكرامة», «النصر», «السلام»): :func:`classify` sorts the names into those safe alone
and those that need a place cue, and drops the rest, so that a gazetteer name never becomes
a LOCATION where it is a common word. Read on first use only, when a rule suggester is built.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any, Callable, NamedTuple

# A one-word name this frequent (Zipf ≥ 3.3: twice in a million words and more) is a common word
# first wherever it is a place; one this frequent (≥ 3) needs a place cue («في», a head).
COMMON_WORD_ZIPF = 33
CUE_ZIPF = 30
# A one-word name of a place this populous, rare as a word, is proposed without a cue.
LARGE_POPULATION = 100_000
# Shorter one-word names are too often a word or an abbreviation to stand alone.
MIN_SAFE_LETTERS = 4


class GeoPlace(NamedTuple):
    name: str  # folded
    country: str
    kind: str  # city, admin1, admin2
    population: int
    zipf10: int


@lru_cache(maxsize=2)
def load_places(path: str | Path) -> tuple[GeoPlace, ...]:
    """The rows of the derived resource at ``path`` (cached)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            name, country, kind, population, zipf10 = line.rstrip("\n").split("\t")
            out.append(GeoPlace(name, country, kind, int(population), int(zipf10)))
    return tuple(out)


def classify(places: tuple[GeoPlace, ...], is_common_word: Callable[[str], bool]) -> tuple[list[str], list[str]]:
    """Names safe alone, and names that need a place cue; ``is_common_word`` tells a word of
    the project's lexicon (stop words, heads, cues, verbs, actor, count and source words).

    * A name with a common word at its start or end, or made of common words only, is dropped.
    * A one-word name is safe alone when the place is large (a region, or a city of
      ``LARGE_POPULATION``), the name is rare as a word and has ``MIN_SAFE_LETTERS``; a name
      frequent as a word (``COMMON_WORD_ZIPF``) is dropped; others need a cue.
    * A name of several words is safe alone unless it is frequent as a phrase.
    """
    safe: list[str] = []
    cued: list[str] = []
    for place in places:
        words = place.name.split()
        if is_common_word(words[0]) or is_common_word(words[-1]):
            continue
        if len(words) > 1:
            (cued if place.zipf10 >= CUE_ZIPF else safe).append(place.name)
            continue
        if place.zipf10 >= COMMON_WORD_ZIPF:
            continue
        large = place.kind == "admin1" or place.population >= LARGE_POPULATION
        if large and place.zipf10 < CUE_ZIPF and len(place.name) >= MIN_SAFE_LETTERS:
            safe.append(place.name)
        else:
            cued.append(place.name)
    return safe, cued


class PhrasesWithPlaces:
    """A spaCy ``PhraseMatcher`` on ``NORM`` and the gazetteer's names, matched as one.

    Tens of thousands of names in the ``PhraseMatcher`` made it ten times slower per article;
    here a one-word name is looked up by the hash of its norm, a longer one by the hashes of
    its first two norms («ابو» opens hundreds of names), in a pass over the article's norms.
    Hits have the matcher's shape, ``(match_id, start, end)``, every name that matches at a
    token included."""

    __slots__ = ("matcher", "_single", "_multi", "_firsts", "_norm_attr")

    def __init__(self, matcher: Any, names: dict[int, list[tuple[int, ...]]]) -> None:
        """``names`` maps a match id (the group's string hash) to the names' norm hashes."""
        from spacy.attrs import NORM

        self.matcher = matcher
        self._norm_attr = NORM
        self._single: dict[int, list[int]] = {}
        self._multi: dict[tuple[int, int], list[tuple[tuple[int, ...], int]]] = {}
        for key, phrases in names.items():
            for phrase in phrases:
                if len(phrase) == 1:
                    self._single.setdefault(phrase[0], []).append(key)
                else:
                    self._multi.setdefault((phrase[0], phrase[1]), []).append((phrase, key))
        self._firsts = frozenset(self._single) | frozenset(first for first, _ in self._multi)

    def __call__(self, doc: Any) -> list[tuple[int, int, int]]:
        hits = list(self.matcher(doc))
        n = len(doc)
        if not self._firsts or not n:
            return hits
        norms = doc.to_array(self._norm_attr).tolist()
        single, multi = self._single, self._multi
        for i in compress(range(n), map(self._firsts.__contains__, norms)):
            for key in single.get(norms[i], ()):
                hits.append((key, i, i + 1))
            if i + 1 < n:
                for phrase, key in multi.get((norms[i], norms[i + 1]), ()):
                    end = i + len(phrase)
                    if end <= n and tuple(norms[i:end]) == phrase:
                        hits.append((key, i, end))
        return hits
