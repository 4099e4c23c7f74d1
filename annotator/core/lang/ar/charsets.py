"""Character classes of Arabic normalisation (:mod:`annotator.core.text`): what is dropped,
which combining marks follow a base character, which characters never change. Pure data
and one helper; no camel-tools."""
from __future__ import annotations

import unicodedata

__all__ = ["DROP_CHARS", "EXTRA_ARABIC_MARKS", "HARAKAT", "COMBINING_RANGES", "STABLE_CANDIDATES", "range_chars"]

#: Characters dropped outright: tatweel, bidi marks and controls, zero-width joiners, BOM,
#: soft hyphen. (ZWSP U+200B is kept: some editors use it as a word separator.)
DROP_CHARS = "\u0640\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"

#: Arabic combining marks beyond camel's AR_DIAC set (which is U+064B-0652 and U+0670).
EXTRA_ARABIC_MARKS = (
    "".join(chr(c) for c in range(0x0610, 0x061B))
    + "".join(chr(c) for c in range(0x0653, 0x0660))
    + "".join(chr(c) for c in range(0x06D6, 0x06EE) if unicodedata.category(chr(c)) == "Mn")
    + "".join(chr(c) for c in range(0x08D3, 0x0900) if unicodedata.category(chr(c)) == "Mn")
)


#: The harakat camel's ``dediac_ar`` removes. They never take part in a canonical
#: composition, so text whose only combining marks are these can be normalised per
#: character (the fast path) with the same result as per cluster.
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"


# Combining marks that start no cluster of their own: they belong to the preceding base.
# Listed as ranges (not computed from unicodedata at import) to keep the import cheap;
# these cover Latin, Cyrillic, Hebrew, Arabic, Syriac and the generic combining blocks.
COMBINING_RANGES = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0711\u0730-\u074a\u08d3-\u08e1\u08e3-\u08ff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    "\ufe00-\ufe0f\ufe20-\ufe2f"
)


# Characters that normalisation leaves as they are, listed so that its scan can skip them
# in C: ASCII other than capitals, common quotes and dashes, and the Arabic letters other
# than أ إ آ ة ى and tatweel. Checked against the real normalisation on first use
# (``annotator.core.text._unstable_re``); anything that turns out to change is left out.
STABLE_CANDIDATES = (
    "\t\n\r\x20-\x40\x5b-\x7e\u00ab\u00bb\u060c\u061b\u061f"
    "\u0621\u0624\u0626-\u0628\u062a-\u063a\u0641-\u0648\u064a"
    "\u2013\u2014\u2018\u2019\u201c\u201d"
)


def range_chars(ranges: str) -> frozenset[str]:
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
