"""Arabic text handling: normalisation with an exact offset map, folding, clitic-aware span edges.

Normalisation is for *matching and search only*; stored text is never changed. What
:func:`normalize` does to each character (in this order), using camel-tools' utilities:

* ``normalize_unicode`` (NFKC, plus camel's fixes for ﷼ and ﷽): presentation forms and
  ligatures become plain letters, e.g. ``ﻻ`` → ``لا``, ``ﷲ`` → ``الله`` (one-to-many);
* ``normalize_alef_ar`` (أ إ آ ٱ → ا), ``normalize_alef_maksura_ar`` (ى → ي),
  ``normalize_teh_marbuta_ar`` (ة → ه);
* ``dediac_ar`` (harakat, shadda, sukun, dagger alef), and also the other Arabic
  combining marks (Quranic marks, stray hamza/madda marks), which carry no spelling;
* drops tatweel ``ـ``, bidi marks (U+200E, U+200F, U+061C, embeddings and isolates),
  ZWJ/ZWNJ, the BOM and the soft hyphen: invisible to a reader, so invisible to a search;
* Arabic-Indic ``٠-٩`` and Extended ``۰-۹`` digits become ASCII digits, and letters are
  case-folded, so «٣٤» finds «34» and «AFP» finds «afp».

Each *cluster* (a base character with the combining marks that follow it) is normalised on
its own, which is what makes an exact offset map possible: every normalised character
remembers the cluster it came from. Dropped clusters map to nothing; a cluster that expands
(``ﻻ`` → ``لا``) maps every output character back to the same source cluster.
:func:`fold` applies the same per-cluster function without building the map, so
``fold(text[a:b]) == normalize(text).text[i:j]`` whenever ``(a, b) == to_original(i, j)``
and ``i, j`` do not cut an expansion in half.

Why ``camel_tools.utils.dediac`` is imported lazily: it imports
``camel_tools.utils.charsets``, which walks all 1.1 M code points at import (≈0.7 s here).
``camel_tools.utils.normalize`` is light (≈8 ms) and neither pulls in torch.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import lru_cache

from annotator.core.lang.ar.charsets import COMBINING_RANGES as _COMBINING_RANGES
from annotator.core.lang.ar.charsets import DROP_CHARS as _DROP_CHARS
from annotator.core.lang.ar.charsets import EXTRA_ARABIC_MARKS as _EXTRA_ARABIC_MARKS
from annotator.core.lang.ar.charsets import HARAKAT as _HARAKAT
from annotator.core.lang.ar.charsets import STABLE_CANDIDATES as _STABLE_CANDIDATES
from annotator.core.lang.ar.charsets import range_chars as _range_chars
from annotator.core.lang.ar.clitics import ProcliticRules, default_rules
from annotator.core.lang.ar.lexicon import BRACKETS, PROCLITICS, stem_words
from annotator.core.lang.ar.lexicon import QUOTES as LEXICON_QUOTES

__all__ = [
    "NormalizedText",
    "normalize",
    "fold",
    "warm_up",
    "snap_span",
    "word_bounds",
    "proclitic_length",
    "clitic_lexicon",
    "is_arabic_char",
    "is_word_char",
    "to_ascii_digits",
    "to_arabic_digits",
    "PROCLITICS",
    "QUOTES",
]

# --------------------------------------------------------------------------------------
# Character classes
# --------------------------------------------------------------------------------------
_EXTRA_DROP_TABLE = {ord(c): None for c in _DROP_CHARS + _EXTRA_ARABIC_MARKS}
_DIGIT_TABLE = {0x0660 + i: 0x30 + i for i in range(10)} | {0x06F0 + i: 0x30 + i for i in range(10)}
_TO_ARABIC_TABLE = {0x30 + i: 0x0660 + i for i in range(10)}

_CLUSTER_RE = re.compile(f".[{_COMBINING_RANGES}]*", re.S)
_TRAILING_MARKS_RE = re.compile(f"[{_COMBINING_RANGES}]*")

#: Quotes and brackets that sit outside a span (a clitic may be glued to them: ل”المدن”).
QUOTES = LEXICON_QUOTES + BRACKETS

# --------------------------------------------------------------------------------------
# Per-cluster normalisation (camel-tools), cached
# --------------------------------------------------------------------------------------
_dediac: Callable[[str], str] | None = None


def _camel_dediac() -> Callable[[str], str]:
    global _dediac
    if _dediac is None:
        from camel_tools.utils.dediac import dediac_ar  # ≈0.7 s once: see module docstring

        _dediac = dediac_ar
    return _dediac


def warm_up() -> None:
    """Pay the one-off costs now (camel's dediac import, ≈0.7 s; the clitic lexicon):
    the GUI may call this in a background thread at start-up so the first search or
    selection does not wait."""
    _camel_dediac()
    fold("قُتِلَ ٣ عناصر")
    default_rules()


def _normalize_cluster(cluster: str) -> str:
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    s = normalize_unicode(cluster)
    s = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(s)))
    if any(ch in _HARAKAT for ch in s):
        # dediac_ar removes exactly these; asking camel only when one is present keeps its
        # slow import (see the module docstring) off paths that never meet a haraka.
        s = _camel_dediac()(s)
    s = s.translate(_EXTRA_DROP_TABLE).translate(_DIGIT_TABLE)
    return s.casefold()


class _ClusterTable(dict):
    """cluster → normalised string, computed on first sight (the alphabet of news is small)."""

    def __missing__(self, key: str) -> str:
        value = _normalize_cluster(key)
        self[key] = value
        return value


_CLUSTERS = _ClusterTable()


# --------------------------------------------------------------------------------------
# NormalizedText
# --------------------------------------------------------------------------------------
class NormalizedText:
    """A normalised copy of a text and the map between the two.

    ``text`` is the normalised string. ``_src[j]`` is the offset in the original of the
    base character that produced normalised character ``j`` (``None`` means identity:
    nothing was dropped or expanded, the common case for clean text costs nothing).

    When characters were only dropped (harakat, tatweel: the usual case for news), ``drops``
    replaces the list: the sorted normalised positions before which one character was
    dropped, so ``src(j) = j + bisect_right(drops, j)``; the full list is only made when
    :meth:`to_normalized` needs it.
    """

    __slots__ = ("original", "text", "_src", "_drops")

    def __init__(self, original: str, text: str, src: list[int] | None, drops: list[int] | None = None):
        self.original = original
        self.text = text
        self._src = src
        self._drops = drops

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"NormalizedText({self.text[:40]!r}{'…' if len(self.text) > 40 else ''})"

    def __len__(self) -> int:
        return len(self.text)

    def src(self, j: int) -> int:
        """Original offset of the base character behind normalised character ``j``."""
        if self._drops is not None:
            return j + bisect_right(self._drops, j)
        return j if self._src is None else self._src[j]

    def to_original(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised range ``[norm_start, norm_end)``.

        The start is the first source character; the end is past the last source character
        *and* the combining marks that follow it (a trailing haraka belongs to its letter).
        Characters dropped inside the range are covered; dropped characters around it are not.
        A range that cuts an expansion (half of ``ﻻ`` → ``لا``) widens to the whole source.
        """
        n = len(self.text)
        if not 0 <= norm_start <= norm_end <= n:
            raise ValueError(f"normalised range {norm_start}:{norm_end} outside 0:{n}")
        orig = self.original
        if norm_start == norm_end:
            pos = self.src(norm_start) if norm_start < n else len(orig)
            return pos, pos
        drops = self._drops  # src() inlined: the suggester maps dozens of spans per article
        if drops is not None:
            start = norm_start + bisect_right(drops, norm_start)
            end = norm_end + bisect_right(drops, norm_end - 1)
        elif self._src is None:
            start, end = norm_start, norm_end
        else:
            start, end = self._src[norm_start], self._src[norm_end - 1] + 1
        if end < len(orig) and orig[end] in _COMBINING:
            m = _TRAILING_MARKS_RE.match(orig, end)
            end = m.end()  # type: ignore[union-attr]  # always matches (may be empty)
        return start, end

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Normalised ``(start, end)`` covering the original range ``[start, end)``.

        Every normalised character whose source lies in the range is included; a range that
        starts on a combining mark excludes its base letter, one that ends inside a cluster
        includes it.
        """
        if not 0 <= start <= end <= len(self.original):
            raise ValueError(f"range {start}:{end} outside 0:{len(self.original)}")
        if self._drops is not None:
            self._src = [self.src(j) for j in range(len(self.text))]
            self._drops = None
        if self._src is None:
            return start, end
        return bisect_left(self._src, start), bisect_left(self._src, end)


#: Every combining mark (a cluster's tail), and those other than the harakat: their
#: presence sends text down the cluster path.
_COMBINING = _range_chars(_COMBINING_RANGES)
_COMPOSING = _COMBINING - frozenset(_HARAKAT)



@lru_cache(maxsize=1)
def _unstable_re() -> re.Pattern[str]:
    """Regex matching one character that normalisation may change (the complement of the
    verified stable set)."""
    stable = sorted(ch for ch in _range_chars(_STABLE_CANDIDATES) if _CLUSTERS[ch] == ch)
    return re.compile("[^" + re.escape("".join(stable)) + "]")


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` for matching (see the module docstring) and keep the offset map.

    One C-level regex scan finds the few characters that may change (typically under one
    in ten: أ ة ى, harakat, tatweel, Arabic-Indic digits); runs of unchanged text between
    them are copied, and their offsets added with ``range()``, without a per-character loop.

    The last result is kept: combined suggesters (rules, patterns) each normalise the same
    article string in turn, and the second asks for the very object the first did.
    """
    global _last_normalized
    last = _last_normalized
    if last is not None and last.original is text:
        return last
    _last_normalized = result = _normalize(text)
    return result


#: The last :func:`normalize` result (read and replaced whole, so threads may share it).
_last_normalized: NormalizedText | None = None


def _normalize(text: str) -> NormalizedText:
    """Per character (no composing marks): the text in one ``str.translate``; the offset map
    only when a character is dropped or expands, built from the positions of those few
    characters (news: the harakat, tatweel) with ``range()`` runs, not a loop per change."""
    unstable = set(_unstable_re().findall(text))
    if not unstable:
        return NormalizedText(text, text, None)
    if not _COMPOSING.isdisjoint(unstable):
        return _normalize_clusters(text)
    table = _CLUSTERS
    shifting = frozenset(ch for ch in unstable if len(table[ch]) != 1)
    changed = shifting or any(table[ch] != ch for ch in unstable)
    if not changed:
        return NormalizedText(text, text, None)
    normalized = _replace_each(text, unstable)
    if not shifting:
        return NormalizedText(text, normalized, None)
    if not any(table[ch] for ch in shifting):  # only drops: their positions are the map
        dropped = _chars_re(shifting).finditer(text)
        return NormalizedText(text, normalized, None, [m.start() - k for k, m in enumerate(dropped)])
    src: list[int] = []
    prev = 0
    for m in _chars_re(shifting).finditer(text):
        i = m.start()
        if i > prev:
            src.extend(range(prev, i))
        width = len(table[m.group()])
        if width:
            src.extend([i] * width)
        prev = i + 1
    src.extend(range(prev, len(text)))
    return NormalizedText(text, normalized, src)


def _replace_each(text: str, chars: set[str]) -> str:
    """``text`` with each of ``chars`` (no composing mark among them) replaced by its
    normalised form: one C-level ``str.replace`` per distinct character is several times
    cheaper than ``str.translate`` through a dict over every character."""
    table = _CLUSTERS
    if any(c in chars for ch in chars for c in table[ch]):
        return text.translate(_FOLD_TABLE)  # a replacement would be replaced again
    for ch in chars:
        text = text.replace(ch, table[ch])
    return text


@lru_cache(maxsize=256)
def _chars_re(chars: frozenset[str]) -> re.Pattern[str]:
    """A regex matching one of ``chars`` (the characters that drop or expand in a text)."""
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


def _normalize_clusters(text: str) -> NormalizedText:
    """Slow path, per cluster: there are combining marks that may compose with their base
    under NFKC (e.g. و + U+0654 → ؤ), so a character cannot be normalised on its own."""
    clusters = _CLUSTERS
    out: list[str] = []
    src: list[int] = []
    for m in _CLUSTER_RE.finditer(text):
        v = clusters[m.group()]
        if v:
            out.append(v)
            src.extend([m.start()] * len(v))
    return NormalizedText(text, "".join(out), src)


class _FoldTable(dict):
    """``str.translate`` table: code point → its normalised form, filled on first sight.

    Without composing marks every character normalises on its own (a cluster of one), so
    folding is one C-level ``translate`` instead of a Python loop over the characters that
    change (about 1 ms → 0.1 ms for a 1,200-character article: it runs for every article
    imported, to keep the search index)."""

    def __missing__(self, code_point: int) -> str:
        value = _CLUSTERS[chr(code_point)]
        self[code_point] = value
        return value


_FOLD_TABLE = _FoldTable()


@lru_cache(maxsize=1)
def _composing_re() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(_COMPOSING))) + "]")


def fold(s: str) -> str:
    """The normalised form of ``s`` without the offset map: a search/filter key."""
    if _composing_re().search(s):
        return "".join(_CLUSTERS[c.group()] for c in _CLUSTER_RE.finditer(s))
    return s.translate(_FOLD_TABLE)


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------
def is_arabic_char(ch: str) -> bool:
    """True for a character of the Arabic blocks (letters, marks, digits, punctuation)."""
    o = ord(ch)
    return (
        0x0600 <= o <= 0x06FF
        or 0x0750 <= o <= 0x077F
        or 0x08A0 <= o <= 0x08FF
        or 0xFB50 <= o <= 0xFDFF
        or 0xFE70 <= o <= 0xFEFF and o != 0xFEFF
    )


def to_ascii_digits(s: str) -> str:
    """Arabic-Indic and Extended Arabic-Indic digits → ASCII (same length, offsets kept)."""
    return s.translate(_DIGIT_TABLE)


def to_arabic_digits(s: str) -> str:
    """ASCII digits → Arabic-Indic ``٠-٩`` (same length)."""
    return s.translate(_TO_ARABIC_TABLE)


_JOINERS = "\u200c\u200d"


# ``str.isalnum`` is exactly "category L* or N*" and nothing below U+0300 is a mark or a
# joiner (tests/core/test_text.py checks both over every code point): letters, digits,
# spaces and ASCII punctuation, a span's usual edges, need no ``unicodedata`` look-up.
_BELOW_MARKS = "\u0300"


def is_word_char(ch: str) -> bool:
    """A character that belongs to a word: letter, combining mark, digit, tatweel, ZWJ/ZWNJ."""
    if ch.isalnum():
        return True
    if ch < _BELOW_MARKS:
        return False
    return ch in _JOINERS or unicodedata.category(ch)[0] == "M"


def _is_edge_char(ch: str) -> bool:
    """A character a span may start or end with: a word character other than ZWJ/ZWNJ."""
    return ch.isalnum() or (ch >= _BELOW_MARKS and unicodedata.category(ch)[0] == "M")


def word_bounds(text: str, pos: int) -> tuple[int, int]:
    """The word containing ``pos`` (or ending right before it); ``(pos, pos)`` if none."""
    n = len(text)
    pos = max(0, min(pos, n))
    if pos < n and is_word_char(text[pos]):
        anchor = pos
    elif pos > 0 and is_word_char(text[pos - 1]):
        anchor = pos - 1
    else:
        return pos, pos
    start = anchor
    while start > 0 and is_word_char(text[start - 1]):
        start -= 1
    end = anchor + 1
    while end < n and is_word_char(text[end]):
        end += 1
    # A joiner at either edge is not part of the word.
    while start < end and text[start] in _JOINERS:
        start += 1
    while end > start and text[end - 1] in _JOINERS:
        end -= 1
    return start, end


# --------------------------------------------------------------------------------------
# Proclitics (the rules: annotator/core/lang/ar/clitics.py, shared with the tokenizer)
# --------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def clitic_lexicon() -> frozenset[str]:
    """The normalised stems of the Arabic lexicon (:func:`annotator.core.lang.ar.lexicon.
    stem_words`): words known to take a proclitic directly. A word *in* the lexicon is never
    stripped («لبنان», «بادية»), a clitic is stripped when what remains is in it («بريف»)."""
    return frozenset(fold(w) for w in stem_words())


@lru_cache(maxsize=4)
def _rules_for(lexicon: frozenset[str] | None) -> ProcliticRules:
    return default_rules() if lexicon is None else ProcliticRules(lexicon)


def proclitic_length(word: str, lexicon: Iterable[str] | frozenset[str] | None = None) -> int:
    """How many leading characters of ``word`` are proclitics outside a span: exactly where
    the tokenizer splits (:mod:`annotator.core.lang.ar.clitics`).

    Rules (guidelines): و ف ب ل ك, possibly stacked (وب، ول، فل، وك…), come off before the
    article ال when at least two letters follow it (not «والي», «وكالة»); before لل the span
    starts at the second ل («للتنظيم» → «لتنظيم»); before a digit («و17»); and before a
    word of the lexicon («بريف» → «ريف»). A word that is itself in the lexicon, or is a
    known single word like «والد», keeps its first letter. Returns 0 when nothing comes off.
    ``lexicon`` replaces the lexicon's stems (tests, other domains).
    """
    if len(word) < 2 or word[0] not in PROCLITICS:
        return 0
    return _rules_for(None if lexicon is None else frozenset(lexicon)).proclitic_end(word)


# --------------------------------------------------------------------------------------
# Span snapping
# --------------------------------------------------------------------------------------
def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # ``isalnum`` first: a span nearly always starts and ends with a letter or a digit.
    while start < end and not (text[start].isalnum() or _is_edge_char(text[start])):
        start += 1
    while end > start and not (text[end - 1].isalnum() or _is_edge_char(text[end - 1])):
        end -= 1
    return start, end


def _strip_proclitic(text: str, start: int, end: int, lexicon: frozenset[str] | None) -> int:
    """New start after removing the proclitics of the first word of ``text[start:end]``, and a
    quote or bracket a clitic is glued to (ل”المدن” → المدن): where the tokenizer splits."""
    rules: ProcliticRules | None = None
    pos = start
    # proclitic_end applies the prefixes until none is left, then the لل infix once; only a
    # quote after the clitics (ل”المدن”) starts a new round, as in the tokenizer.
    while pos < end and text[pos] in PROCLITICS:  # the common case: no clitic letter
        rules = rules or _rules_for(lexicon)
        k = rules.proclitic_end(text[pos:end])
        if k == 0:
            break
        new, _ = _trim(text, pos + k, end)
        if new >= end:
            return start  # nothing would be left: keep the selection as it is
        if new == pos + k:
            return new
        pos = new
    return pos


_APOSTROPHES = "'’"


def _is_quote_inside_word(text: str, i: int) -> bool:
    """An apostrophe between two Latin letters («O'Brien», «Reuters’s») is part of the word."""
    return (
        text[i] in _APOSTROPHES
        and 0 < i < len(text) - 1
        and text[i - 1].isascii() and text[i - 1].isalpha()
        and text[i + 1].isascii() and text[i + 1].isalpha()
    )


def _opens(text: str, i: int, start: int) -> bool:
    """Does the quote at ``i`` open a quotation (its text follows it) rather than close one?
    An opening quote is followed by a word and preceded by a space, by the start of the span,
    or by nothing but proclitics (ل”المدن”): quotes in Arabic news are not reliably paired
    by shape (” opens as often as “)."""
    if i + 1 >= len(text) or not is_word_char(text[i + 1]):
        return False
    j = i
    while j > start and is_word_char(text[j - 1]):
        j -= 1
    return j == i or all(c in PROCLITICS for c in fold(text[j:i]))


_QUOTES_RE = re.compile("[" + re.escape(QUOTES) + "]")


def _first_quote(text: str, start: int, end: int) -> int | None:
    """The offset of the first quote or bracket in ``text[start:end]`` that is not an
    apostrophe inside a word, or None (one C-level search instead of a loop per character)."""
    search = _QUOTES_RE.search
    m = search(text, start, end)
    while m is not None:
        i = m.start()
        if not _is_quote_inside_word(text, i):
            return i
        m = search(text, i + 1, end)
    return None


def _without_quotes_or_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed until no quote or bracket is left inside the span.

    A bracket ends the span: the name comes before its alias («مدينة المالكية (ديريك)» →
    «مدينة المالكية»), and a selection that started inside brackets keeps the alias («SDF)
    قال» → «SDF»). An opening quote starts it, a closing quote ends it: the quoted name is
    the span («ميليشيا «لواء فاطميون»» → «لواء فاطميون», «“داعش” في حلب» → «داعش»). The
    result is trimmed again; it never grows.
    """
    for _ in range(8):  # each round removes at least one quote or bracket
        cut = _first_quote(text, start, end)
        if cut is None:
            return start, end
        if text[cut] in BRACKETS or not _opens(text, cut, start):
            new = _trim(text, start, cut)
            if new[0] >= new[1]:  # nothing before it (cannot happen after a trim): the rest
                new = _trim(text, cut + 1, end)
        else:
            new = _trim(text, cut + 1, end)
        if new[0] >= new[1]:
            return start, end
        start, end = new
    return start, end


def snap_span(
    text: str,
    start: int,
    end: int,
    *,
    to_words: bool = True,
    keep_clitic: bool = False,
    lexicon: frozenset[str] | None = None,
) -> tuple[int, int]:
    """Snap a selection to the guideline boundaries.

    1. Trim whitespace, punctuation and quotes (« » “ ” " ' ( ) …) from both ends.
    2. With ``to_words``, widen a partial word at either end to the whole word.
    3. Keep one name when a quote or bracket is left inside, so that no span ever holds an
       unbalanced one (guidelines): an alias in brackets is its own span («قوات سوريا
       الديمقراطية (SDF)» → «قوات سوريا الديمقراطية»), and when part of a name is quoted the
       quoted name is the span («تنظيم “داعش”» → «داعش»); see :func:`_without_quotes_or_brackets`.
    4. Unless ``keep_clitic``, drop a leading proclitic of the first word per
       :func:`proclitic_length` (and a quote that follows a lone clitic: ل”المدن” → المدن).

    Returns ``(start, end)``; ``start == end`` when the selection holds no word character.
    ``keep_clitic=True`` gives the GUI's "put the clitic back" span: trimmed and widened,
    nothing stripped. ``lexicon`` overrides :func:`clitic_lexicon` (tests, other domains).
    """
    n = len(text)
    if not 0 <= start <= end <= n:
        start, end = max(0, min(start, n)), max(0, min(end, n))
        if start > end:
            start, end = end, start
    start, end = _trim(text, start, end)
    if start >= end:
        return start, start
    if to_words:
        # (``isalnum`` first, inline: the common neighbours are a letter or a space)
        while start > 0 and (text[start - 1].isalnum() or is_word_char(text[start - 1])):
            start -= 1
        while end < n and (text[end].isalnum() or is_word_char(text[end])):
            end += 1
        if not (text[start].isalnum() and text[end - 1].isalnum()):
            start, end = _trim(text, start, end)
    if _QUOTES_RE.search(text, start, end):  # rare: most spans hold no quote or bracket
        start, end = _without_quotes_or_brackets(text, start, end)
    if not keep_clitic and text[start] in PROCLITICS:  # (start < end here)
        start = _strip_proclitic(text, start, end, lexicon)
    return start, end
