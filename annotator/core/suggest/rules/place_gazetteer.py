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

from annotator.core.suggest.rules.lexicon import _WordMemo

# A one-word name this frequent (Zipf ≥ 3.3: twice in a million words and more) is a common word
# first wherever it is a place; one this frequent (≥ 3) needs a place cue («في», a head).
COMMON_WORD_ZIPF = 33
CUE_ZIPF = 30
# A one-word name of a place this populous, rare as a word, is proposed without a cue.
LARGE_POPULATION = 100_000
# Shorter one-word names are too often a word or an abbreviation to stand alone.
MIN_SAFE_LETTERS = 4

# Spelling variants of foreign names («خاركيف» in the news, «خاركوف» in GeoNames; «بورت أو
# برنس» / «بورت أو برانس»): two spellings with one consonant skeleton (:func:`skeleton`) are
# one name. The skeletons that Arabic words of some frequency also have (wordfreq Zipf ≥ 2.5,
# listed by ``tools/build_place_gazetteer.py --variants``) are never matched as variants.
VARIANT_BLOCKLIST = "places_variant_blocked.txt"
# A one-word name needs this many skeleton letters to be matched by its skeleton: shorter
# skeletons are shared by too many words.
MIN_VARIANT_SKELETON = 4
# Places of these countries have Arabic names of their own, written one way; variants are
# sought for transliterated foreign names only.
ARAB_COUNTRIES = frozenset(
    "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split()
)
_SKELETON_FOLD = str.maketrans({"ؤ": "و", "ئ": "ي", "ء": None, "ى": "ي", "ة": "ه"})
_LONG_VOWELS_OUT = str.maketrans("", "", "اوي")  # (one C pass per word: skeletons are taken of every new word)


class GeoPlace(NamedTuple):
    name: str  # folded
    country: str
    kind: str  # city, admin1, admin2
    population: int
    zipf10: int


@lru_cache(maxsize=2)
def load_places(path: str | Path) -> tuple[GeoPlace, ...]:
    """The rows of the derived resource at ``path``."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            name, country, kind, population, zipf10 = line.rstrip("\n").split("\t")
            out.append(GeoPlace(name, country, kind, int(population), int(zipf10)))
    return tuple(out)


def classify(
    places: tuple[GeoPlace, ...], is_common_word: Callable[[str], bool], name_prefixes: frozenset[str] = frozenset()
) -> tuple[list[str], list[str]]:
    """Names safe alone, and names that need a place cue; ``is_common_word`` tells a word of
    the project's lexicon (stop words, heads, cues, verbs, actor, count and source words).

    * A name with a common word at its start or end, or made of common words only, is dropped;
      a word that opens place names (``name_prefixes``: «عين», «بئر», «تل») may start one of
      several words.
    * A one-word name is safe alone when the place is large (a region, or a city of
      ``LARGE_POPULATION``), the name is rare as a word and has ``MIN_SAFE_LETTERS``; a name
      frequent as a word (``COMMON_WORD_ZIPF``) is dropped; others need a cue.
    * A name of several words is safe alone unless it is frequent as a phrase.
    """
    safe: list[str] = []
    cued: list[str] = []
    for place in places:
        words = place.name.split()
        opens_a_name = len(words) > 1 and words[0] in name_prefixes  # «عين الدفلى», «بئر العبد»
        if (is_common_word(words[0]) and not opens_a_name) or is_common_word(words[-1]):
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


def skeleton(name: str) -> str:
    """The consonant skeleton of a folded name, word by word: hamza forms folded, «ة» as «ه»,
    and the long vowels «ا و ي» dropped after each word's first letter, where transliterations
    of one foreign name differ most («خاركوف», «خاركيف» → «خركف»)."""
    return " ".join(w[:1] + w[1:].translate(_LONG_VOWELS_OUT) for w in name.translate(_SKELETON_FOLD).split())


COMMON_WORDS = "arabic_common_words.txt"


def load_word_list(path: str | Path) -> frozenset[str]:
    """The words of a derived word list (one a line, ``#`` comments), such as the skeletons
    never matched as variants (``VARIANT_BLOCKLIST``) or the frequent Arabic words
    (``COMMON_WORDS``); none if the resource is missing."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return frozenset()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def variant_names(
    places: tuple[GeoPlace, ...], groups: dict[str, str], blocked: frozenset[str]
) -> dict[str, tuple[str, str]]:
    """Skeleton → (name, group) for the foreign names of ``places`` the rules read (``groups``:
    name → its match group): a one-word name of a large place is a place alone (``LOC``),
    another needs a cue (``LOC_CTX``), a name of several words keeps its group. A skeleton
    shared by two names, or by an Arabic word (``blocked``), or too short, is left out."""
    by_key: dict[str, set[str]] = {}
    for place in places:
        by_key.setdefault(skeleton(place.name), set()).add(place.name)
    out: dict[str, tuple[str, str]] = {}
    for place in places:
        group = groups.get(place.name)
        key = skeleton(place.name)
        if group is None or place.country in ARAB_COUNTRIES or key in blocked or len(by_key[key]) > 1:
            continue
        if " " not in key:
            if len(key) < MIN_VARIANT_SKELETON:
                continue
            large = place.kind == "admin1" or place.population >= LARGE_POPULATION
            group = "LOC" if large and place.zipf10 < CUE_ZIPF else "LOC_CTX"
        out[key] = (place.name, group)
    return out


class PhrasesWithPlaces:
    """A spaCy ``PhraseMatcher`` on ``NORM`` and the gazetteer's names, matched as one.

    Tens of thousands of names in the ``PhraseMatcher`` made it ten times slower per article;
    here a one-word name is looked up by the hash of its norm, a longer one by the hashes of
    its first two norms («ابو» opens hundreds of names), in a pass over the article's norms.
    Hits have the matcher's shape, ``(match_id, start, end)``, every name that matches at a
    token included."""

    __slots__ = ("matcher", "_single", "_multi", "_firsts", "_norm_attr", "_variants", "_variant_pairs", "_word", "_skeleton_of")

    def __init__(
        self,
        matcher: Any,
        names: dict[int, list[tuple[int, ...]]],
        variants: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], int]]] | None = None,
        word: Callable[[int], tuple[str, str, bool]] | None = None,
    ) -> None:
        """``names`` maps a match id (the group's string hash) to the names' norm hashes.
        ``variants`` maps the skeleton of a name's first word to the name's skeleton words, its
        words and its match id; ``word`` gives, for a norm hash, the word, its skeleton and
        whether it may differ from the name it is a variant of (see :func:`variant_names`)."""
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
        # A word that may not differ from a name (a short or common word: «في», «من») can only
        # be that name's own word: it looks up the names that open with it («=word»), a word
        # that may differ the names that open with its skeleton. Without this split, most
        # words of an article had to be tried against the names sharing their skeleton.
        self._variants: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], int]]] = dict(variants or {})
        for entries in list(self._variants.values()):
            for entry in entries:
                self._variants.setdefault("=" + entry[1][0], []).append(entry)
        # The entries under a first key, by the lookup key their second word may have (``None``
        # for a one-word name), each with its rank in the key's list: a word that opens hundreds
        # of names («=ابو») is then tried against the few whose second word follows it.
        self._variant_pairs: dict[str, dict[str | None, list[tuple[int, tuple[tuple[str, ...], tuple[str, ...], int]]]]] = {}
        for first_key, entries in self._variants.items():
            by_second = self._variant_pairs[first_key] = {}
            for rank, entry in enumerate(entries):
                keys, words, _ = entry
                for second in ((None,) if len(keys) == 1 else dict.fromkeys((keys[1], "=" + words[1]))):
                    by_second.setdefault(second, []).append((rank, entry))
        self._word = word
        # norm hash → its lookup key, so that an article's keys come in one C-level ``map``.
        self._skeleton_of = _WordMemo(self._variant_key) if word is not None else None

    def _variant_key(self, norm_hash: int) -> str:
        assert self._word is not None
        text, skeleton, may_differ = self._word(norm_hash)
        return skeleton if may_differ else "=" + text

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
        if self._variants and self._word is not None:
            hits.extend(self._variant_hits(norms, hits))
        return hits

    def _variant_hits(self, norms: list[int], hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """Spelling variants of the names, where no name of any list matched: every word has
        the name's skeleton, and a word spelt otherwise than the name is no word of the lexicon."""
        assert self._word is not None and self._skeleton_of is not None
        word, variants = self._word, self._variants
        if len(self._skeleton_of) > 200_000:
            self._skeleton_of.clear()  # a long-lived suggester fed unbounded text
        lookups = list(map(self._skeleton_of.__getitem__, norms))  # a skeleton, or «=word»
        out: list[tuple[int, int, int]] = []
        n = len(norms)
        covered: set[int] | None = None
        pairs = self._variant_pairs
        for i in compress(range(n), map(variants.__contains__, lookups)):
            by_second = pairs[lookups[i]]
            tried = by_second.get(None, [])
            if i + 1 < n and lookups[i + 1] in by_second:
                tried = sorted(tried + by_second[lookups[i + 1]])  # in the names' order, as before
            for _, (keys, words, match_id) in tried:
                end = i + len(keys)
                if end > n or not all(
                    got == key or got == "=" + name_word
                    for got, key, name_word in zip(lookups[i:end], keys, words)
                ):
                    continue
                if covered is None:
                    covered = {k for _, s, e in hits for k in range(s, e)}
                if any(k in covered for k in range(i, end)):
                    continue
                infos = [word(h) for h in norms[i:end]]
                differ = [ok for (w, _, ok), name_word in zip(infos, words) if w != name_word]
                if differ and all(differ):
                    out.append((match_id, i, end))
                    covered.update(range(i, end))
                    break
        return out
