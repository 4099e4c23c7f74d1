"""Finding the other mentions of a labelled string ("label all mentions")."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

# Proclitic letters that may precede a mention inside the same written word
# (وداعش، لداعش، وبريف...). The article ال is part of the mention itself.
_CLITIC_PREFIX = re.compile(r"^[وف]?[بلك]?$")


class _Ranged(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Mentions:
    """What a search for the other mentions found.

    ``ranges`` are free to label. ``inside_longer`` counts whole-word occurrences left
    alone because a longer span or suggestion already holds them (``إدلب`` inside
    ``ريف إدلب الجنوبي``); ``already_labelled`` those that exactly coincide with one.
    """

    ranges: list[tuple[int, int]]
    inside_longer: int = 0
    already_labelled: int = 0


def _is_letter(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def search_mentions(text: str, start: int, end: int, taken: Iterable[_Ranged] = ()) -> Mentions:
    """Other whole-word occurrences of ``text[start:end]``, matched after normalisation.

    Spelling variants (hamza forms of alef, ى/ي, ة/ه), diacritics and tatweel are
    ignored; an occurrence counts when it is a whole word, optionally carrying
    proclitics, which stay outside the returned range. Occurrences that overlap
    ``taken`` (spans *and* suggestions: anything already claimed on the text) or the
    source span are left out and counted.
    """
    from .text import fold, normalize

    needle = fold(text[start:end]).strip()
    if not needle:
        return Mentions([])
    norm = normalize(text)
    hay = norm.text
    claimed = [(t.start, t.end) for t in taken]
    own = [(start, end)]
    found: list[tuple[int, int]] = []
    inside_longer = already = 0
    pos = hay.find(needle)
    while pos != -1:
        stop = pos + len(needle)
        word_start = pos
        while word_start > 0 and _is_letter(hay[word_start - 1]):
            word_start -= 1
        after_ok = stop == len(hay) or not _is_letter(hay[stop])
        if after_ok and _CLITIC_PREFIX.match(hay[word_start:pos]):
            a, b = norm.to_original(pos, stop)
            hits = [(s, e) for s, e in claimed if a < e and s < b]
            if any((s, e) == (a, b) for s, e in hits):
                already += 1
            elif hits:
                inside_longer += 1
            elif not any(a < e and s < b for s, e in own + found):
                found.append((a, b))
        pos = hay.find(needle, pos + 1)
    return Mentions(found, inside_longer, already)


def find_mentions(text: str, start: int, end: int, existing: Iterable[_Ranged] = ()) -> list[tuple[int, int]]:
    """The ranges of :func:`search_mentions` (free whole-word occurrences)."""
    return search_mentions(text, start, end, existing).ranges
