"""core/lang/ar/charsets.py: the character classes behind normalisation."""
from __future__ import annotations

import unicodedata

from annotator.core.lang.ar.charsets import (
    COMBINING_RANGES,
    DROP_CHARS,
    EXTRA_ARABIC_MARKS,
    HARAKAT,
    STABLE_CANDIDATES,
    range_chars,
)
from annotator.core.text import fold


def test_range_chars_reads_single_characters_and_ranges() -> None:
    assert range_chars("a-cـx") == frozenset("abcـx")
    assert range_chars("") == frozenset()
    assert range_chars("-") == frozenset("-")


def test_dropped_characters_and_marks_fold_to_nothing() -> None:
    for ch in DROP_CHARS + EXTRA_ARABIC_MARKS + HARAKAT:
        assert fold("ب" + ch + "ت") == "بت", hex(ord(ch))


def test_every_haraka_and_extra_mark_is_a_combining_mark_of_the_ranges() -> None:
    combining = range_chars(COMBINING_RANGES)
    for ch in HARAKAT + EXTRA_ARABIC_MARKS:
        assert ch in combining and unicodedata.category(ch) == "Mn", hex(ord(ch))


def test_stable_candidates_are_plain_text_unchanged_by_folding() -> None:
    stable = range_chars(STABLE_CANDIDATES)
    assert {"ا", "ب", "ه", "ي", "«", "»", "،", " ", "\n", "5", "a"} <= stable
    assert not {"أ", "إ", "آ", "ة", "ى", "ـ", "A"} & stable  # these change
    assert sum(fold(ch) == ch for ch in stable) == len(stable)
