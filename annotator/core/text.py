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
from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import lru_cache

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
#: Characters dropped outright: tatweel, bidi marks and controls, zero-width joiners, BOM,
#: soft hyphen. (ZWSP U+200B is kept: some editors use it as a word separator.)
_DROP_CHARS = "\u0640\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"
#: Arabic combining marks beyond camel's AR_DIAC set (which is U+064B-0652 and U+0670).
_EXTRA_ARABIC_MARKS = (
    "".join(chr(c) for c in range(0x0610, 0x061B))
    + "".join(chr(c) for c in range(0x0653, 0x0660))
    + "".join(chr(c) for c in range(0x06D6, 0x06EE) if unicodedata.category(chr(c)) == "Mn")
    + "".join(chr(c) for c in range(0x08D3, 0x0900) if unicodedata.category(chr(c)) == "Mn")
)
_EXTRA_DROP_TABLE = {ord(c): None for c in _DROP_CHARS + _EXTRA_ARABIC_MARKS}
_DIGIT_TABLE = {0x0660 + i: 0x30 + i for i in range(10)} | {0x06F0 + i: 0x30 + i for i in range(10)}
_TO_ARABIC_TABLE = {0x30 + i: 0x0660 + i for i in range(10)}

#: The harakat camel's ``dediac_ar`` removes. They never take part in a canonical
#: composition, so text whose only combining marks are these can be normalised per
#: character (the fast path) with the same result as per cluster.
_HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"

# Combining marks that start no cluster of their own: they belong to the preceding base.
# Listed as ranges (not computed from unicodedata at import) to keep the import cheap;
# these cover Latin, Cyrillic, Hebrew, Arabic, Syriac and the generic combining blocks.
_COMBINING_RANGES = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0711\u0730-\u074a\u08d3-\u08e1\u08e3-\u08ff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    "\ufe00-\ufe0f\ufe20-\ufe2f"
)
_CLUSTER_RE = re.compile(f".[{_COMBINING_RANGES}]*", re.S)
_TRAILING_MARKS_RE = re.compile(f"[{_COMBINING_RANGES}]*")

#: Single-letter proclitics (conjunctions و ف, prepositions ب ل ك).
PROCLITICS = "وفبلك"
#: Quotes and brackets that sit outside a span (a clitic may be glued to them: ل”المدن”).
QUOTES = "«»“”„‟\"'‘’‚‹›`´()[]{}"

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
    clitic_lexicon()


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
    """

    __slots__ = ("original", "text", "_src")

    def __init__(self, original: str, text: str, src: list[int] | None):
        self.original = original
        self.text = text
        self._src = src

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"NormalizedText({self.text[:40]!r}{'…' if len(self.text) > 40 else ''})"

    def __len__(self) -> int:
        return len(self.text)

    def src(self, j: int) -> int:
        """Original offset of the base character behind normalised character ``j``."""
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
        start = self.src(norm_start)
        end = self.src(norm_end - 1) + 1
        if end < len(orig):
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
        if self._src is None:
            return start, end
        return bisect_left(self._src, start), bisect_left(self._src, end)


def _range_chars(ranges: str) -> frozenset[str]:
    """The characters of a regex-style class body made of single chars and ``a-b`` ranges."""
    out: set[str] = set()
    i = 0
    while i < len(ranges):
        if i + 2 < len(ranges) and ranges[i + 1] == "-":
            out.update(chr(c) for c in range(ord(ranges[i]), ord(ranges[i + 2]) + 1))
            i += 3
        else:
            out.add(ranges[i])
            i += 1
    return frozenset(out)


#: Combining marks other than the harakat: their presence sends text down the cluster path.
_COMPOSING = _range_chars(_COMBINING_RANGES) - frozenset(_HARAKAT)

# Characters that normalisation leaves as they are, listed so that the scan below can skip
# them in C: ASCII other than capitals, common quotes and dashes, and the Arabic letters
# other than أ إ آ ة ى and tatweel. Checked against the real normalisation on first use
# (_stable_re); anything that turns out to change is taken out of the list.
_STABLE_CANDIDATES = (
    "\t\n\r\x20-\x40\x5b-\x7e\u00ab\u00bb\u060c\u061b\u061f"
    "\u0621\u0624\u0626-\u0628\u062a-\u063a\u0641-\u0648\u064a"
    "\u2013\u2014\u2018\u2019\u201c\u201d"
)


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
    """
    table = _CLUSTERS
    out: list[str] = []
    src: list[int] = []
    prev = 0
    changed = shifted = False
    for m in _unstable_re().finditer(text):
        ch = m.group()
        if ch in _COMPOSING:
            return _normalize_clusters(text)
        v = table[ch]
        if v == ch:
            continue
        i = m.start()
        changed = True
        if i > prev:
            out.append(text[prev:i])
            src.extend(range(prev, i))
        if len(v) == 1:
            out.append(v)
            src.append(i)
        else:
            shifted = True
            if v:
                out.append(v)
                src.extend([i] * len(v))
        prev = i + 1
    if not changed:
        return NormalizedText(text, text, None)
    out.append(text[prev:])
    if not shifted:
        return NormalizedText(text, "".join(out), None)
    src.extend(range(prev, len(text)))
    return NormalizedText(text, "".join(out), src)


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


def fold(s: str) -> str:
    """The normalised form of ``s`` without the offset map: a search/filter key."""
    table = _CLUSTERS
    out: list[str] = []
    prev = 0
    for m in _unstable_re().finditer(s):
        ch = m.group()
        if ch in _COMPOSING:
            return "".join(table[c.group()] for c in _CLUSTER_RE.finditer(s))
        v = table[ch]
        if v == ch:
            continue
        i = m.start()
        out.append(s[prev:i])
        out.append(v)
        prev = i + 1
    if not out:
        return s
    out.append(s[prev:])
    return "".join(out)


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


def is_word_char(ch: str) -> bool:
    """A character that belongs to a word: letter, combining mark, digit, tatweel, ZWJ/ZWNJ."""
    if ch in _JOINERS:
        return True
    cat = unicodedata.category(ch)
    return cat[0] in "LMN"


def _is_edge_char(ch: str) -> bool:
    """A character a span may start or end with: a word character other than ZWJ/ZWNJ."""
    return ch not in _JOINERS and unicodedata.category(ch)[0] in "LMN"


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
# Proclitics
# --------------------------------------------------------------------------------------
# Proclitic sequences, longest first: و/ف optionally followed by ب/ل/ك, or ب/ل/ك alone.
_CLITIC_SEQS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")

# Words whose first letters look like a clitic + ال but are one word (the letter is part of
# the root). Checked (normalised) before any stripping.
_NOT_CLITIC_TEXT = (
    "والد والدة والده والدي والدها والدهم والدته والدتها والدين والديه والدان "
    "والي والى والاة واليا والت والتر والاس فالح فالنتين بالغ بالغة بالغا بالغاً بالغين "
    "بالغون بالون بالونات بالي وكالة وكالات وكالته وكالتها وكالتهم وكالتي وكالتين وكالاتها "
    "لالا كالوس بالتيمور"
)


@lru_cache(maxsize=1)
def _not_clitic_words() -> frozenset[str]:
    # Folded lazily: folding needs camel's dediac, too slow to import with this module.
    return frozenset(fold(w) for w in _NOT_CLITIC_TEXT.split())


# Stems that commonly carry a proclitic directly (no article) in this domain. The
# gazetteers and resources/gazetteers/clitic_stems.txt add to these (see clitic_lexicon).
_BUILTIN_STEMS = (
    "ريف بادية قوات داعش مدينة مدينتي قرية قرى بلدة بلدات محافظة محافظات منطقة مناطق "
    "المرصد مرصد تنظيم جيش حزب هيئة جبهة حركة فصائل فصيل ميليشيات ميلشيات مليشيات "
    "عناصر عنصر مقاتلي مقاتلين جنود مصادر مصدر وكالة مخيم حي جبل سهل وادي ناحية "
    "حلب دمشق حمص حماة إدلب درعا دير تدمر منبج عفرين جرابلس تل عين كفر "
    "روسيا إيران تركيا إسرائيل لبنان سوريا العراق غزة أمريكا واشنطن موسكو طهران أنقرة "
    "قسد فاغنر مقتل إصابة جرح"
).split()


def _read_stem_file() -> list[str]:
    from annotator.core.paths import resources_dir

    path = resources_dir() / "gazetteers" / "clitic_stems.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    words = []
    for line in lines:
        word = line.split("#", 1)[0].strip()
        if word and not any(ch.isspace() for ch in word):
            words.append(word)
    return words


@lru_cache(maxsize=1)
def clitic_lexicon() -> frozenset[str]:
    """Normalised words known to take a proclitic: built-in stems, clitic_stems.txt, the
    first word of every gazetteer entry and cue, and the number and dual words of counts. A word *in* the lexicon is never stripped
    («لبنان», «بادية»), a clitic is stripped only when what remains is in it («بريف»)."""
    words = set(_BUILTIN_STEMS)
    words.update(_read_stem_file())
    try:
        from annotator.core.counts import count_words
        from annotator.core.suggest.base import gazetteer_first_words

        words.update(gazetteer_first_words())
        words.update(count_words())
    except Exception:  # noqa: BLE001 - a broken gazetteer must not break span snapping
        import logging

        logging.getLogger(__name__).warning("gazetteers not loaded for clitic stripping", exc_info=True)
    return frozenset(fold(w) for w in words)


_DIGITS = frozenset("0123456789")


def proclitic_length(word: str, lexicon: Iterable[str] | frozenset[str] | None = None) -> int:
    """How many leading characters of the *normalised* ``word`` are proclitics outside a span.

    Rules (guidelines): و ف ب ل ك, possibly stacked (وب، ول، فل، وك…), come off before the
    article ال when at least two letters follow it (not «والي», «وكالة»); before لل the span
    starts at the second ل («للتنظيم» → «لتنظيم»); before a digit («و17»); and before a
    word of the lexicon («بريف» → «ريف»). A word that is itself in the lexicon, or is a
    known single word like «والد», keeps its first letter. Returns 0 when nothing comes off.
    """
    lex = clitic_lexicon() if lexicon is None else lexicon
    if len(word) < 2 or word[0] not in PROCLITICS or word in _not_clitic_words() or word in lex:
        return 0
    for seq in _CLITIC_SEQS:
        if not word.startswith(seq):
            continue
        rest = word[len(seq) :]
        if not rest:
            continue
        if seq[-1] == "ل":
            # ل + ال is spelt لل: «للقوات», «وللتنظيم»: the span starts at the second ل.
            if rest[0] == "ل" and len(rest) >= 3:
                return len(seq)
        elif rest.startswith("ال") and len(rest) >= 4 and rest not in _not_clitic_words():
            return len(seq)
        if rest[0] in _DIGITS:
            return len(seq)
        if rest in lex:
            return len(seq)
    return 0


# --------------------------------------------------------------------------------------
# Span snapping
# --------------------------------------------------------------------------------------
def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not _is_edge_char(text[start]):
        start += 1
    while end > start and not _is_edge_char(text[end - 1]):
        end -= 1
    return start, end


def _strip_proclitic(text: str, start: int, end: int, lexicon: frozenset[str] | None) -> int:
    """New start after removing a proclitic from the first word of ``text[start:end]``."""
    wend = start
    while wend < end and is_word_char(text[wend]):
        wend += 1
    word = text[start:wend]
    if not word or fold(word[0])[:1] not in PROCLITICS:
        return start  # the common case: no clitic letter, nothing to normalise
    norm = normalize(word)
    w = norm.text
    if wend < end and text[wend] in QUOTES and w and all(c in PROCLITICS for c in w) and len(w) <= 2:
        # A clitic glued to a quote: ل”المدن” → the span starts after the quote.
        new, _ = _trim(text, wend, end)
        return new if new < end else start
    k = proclitic_length(w, lexicon)
    if k == 0:
        return start
    new = start + norm.to_original(k, len(w))[0]
    # A tatweel left after the clitic («لـداعش») is not part of the span either.
    new, _ = _trim(text, new, end)
    return new if new < end else start


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
    3. Unless ``keep_clitic``, drop a leading proclitic of the first word per
       :func:`proclitic_length` (and a quote that follows a lone clitic: ل”المدن” → المدن).

    Returns ``(start, end)``; ``start == end`` when the selection holds no word character.
    ``keep_clitic=True`` gives the GUI's "put the clitic back" span: trimmed and widened,
    nothing stripped. ``lexicon`` overrides :func:`clitic_lexicon` (tests, other domains).
    """
    n = len(text)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    if start > end:
        start, end = end, start
    start, end = _trim(text, start, end)
    if start >= end:
        return start, start
    if to_words:
        while start > 0 and is_word_char(text[start - 1]):
            start -= 1
        while end < n and is_word_char(text[end]):
            end += 1
        start, end = _trim(text, start, end)
    if not keep_clitic:
        start = _strip_proclitic(text, start, end, lexicon)
    return start, end
