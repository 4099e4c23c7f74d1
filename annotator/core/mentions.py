"""Finding the other mentions of a labelled string ("label all mentions")."""
from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Span

# Proclitic letters that may precede a mention inside the same written word
# (وداعش، لداعش، وبريف...). The article ال is part of the mention itself.
_CLITIC_PREFIX = re.compile(r"^[وف]?[بلك]?$")


def _is_letter(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_mentions(text: str, start: int, end: int, existing: Iterable[Span] = ()) -> list[tuple[int, int]]:
    """Other occurrences of ``text[start:end]``, matched after normalisation.

    Spelling variants (hamza forms of alef, ى/ي, ة/ه), diacritics and tatweel are
    ignored; an occurrence counts when it is a whole word, optionally carrying
    proclitics, which stay outside the returned range. Ranges that overlap
    ``existing`` spans (or the source span) are left out.
    """
    from .text import fold, normalize

    needle = fold(text[start:end]).strip()
    if not needle:
        return []
    norm = normalize(text)
    hay = norm.text
    taken = [(s.start, s.end) for s in existing] + [(start, end)]
    found: list[tuple[int, int]] = []
    pos = hay.find(needle)
    while pos != -1:
        stop = pos + len(needle)
        word_start = pos
        while word_start > 0 and _is_letter(hay[word_start - 1]):
            word_start -= 1
        after_ok = stop == len(hay) or not _is_letter(hay[stop])
        if after_ok and _CLITIC_PREFIX.match(hay[word_start:pos]):
            a, b = norm.to_original(pos, stop)
            if not any(a < e and s < b for s, e in taken):
                found.append((a, b))
                taken.append((a, b))
        pos = hay.find(needle, pos + 1)
    return found
