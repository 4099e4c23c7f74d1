"""core/lang/ar/clitics.py: where a proclitic comes off a word (the guideline cases)."""
from __future__ import annotations

import re

import pytest

from annotator.core.lang.ar.clitics import ProcliticRules, default_rules, skeleton, word_alternation


@pytest.mark.parametrize(("text", "cut"), [
    ("والقوات", 1),        # before the article + two letters
    ("وبالقوات", 2),       # two clitics, one after the other
    ("بريف حمص", 1),       # before a stem of the lexicon
    ("وداعش", 1),
    ("ل”المدن”", 1),       # before a quote
    ("و17 قتيلا", 1),      # before a digit
    ("للتنظيم", 1),        # ل + ال written لل: the span starts at the second ل
    ("وللتنظيم", 2),
])
def test_guideline_cuts(text: str, cut: int) -> None:
    assert default_rules().proclitic_end(text) == cut


@pytest.mark.parametrize("word", [
    "والد", "وكالة", "والي",   # "not a clitic" words and ال + one letter
    "لبنان", "بلدة",          # words that are themselves stems
    "وطن",                     # no target after the letter
])
def test_words_that_keep_their_first_letter(word: str) -> None:
    assert default_rules().proclitic_end(word) == 0


def test_a_stem_matches_in_any_spelling_variant() -> None:
    rules = ProcliticRules(["إدلب"])
    assert rules.proclitic_end("بادلب") == 1
    assert rules.proclitic_end("بإدلب") == 1
    assert rules.proclitic_end("بإدلبٍ") == 1   # a case ending after the last letter
    assert rules.proclitic_end("بإدلبي") == 0   # the stem must end the word


def test_skeleton_folds_variants_and_marks() -> None:
    assert skeleton("إدلب") == skeleton("ادلب") == "ادلب"
    assert skeleton("قريةٌ") == skeleton("قريه")
    assert skeleton("ABC") == "abc"


def test_word_alternation_matches_exactly_the_words_in_their_variants() -> None:
    pattern = re.compile(f"(?:{word_alternation(['حمص', 'حماة', 'حلب'])})$")
    for word in ("حمص", "حماة", "حماه", "حلب"):
        assert pattern.match(word), word
    for word in ("حم", "حمصي", "دمشق"):
        assert not pattern.match(word), word
    assert re.compile(word_alternation([])).match("x") is None  # an empty list matches nothing


def test_default_rules_are_built_once() -> None:
    assert default_rules() is default_rules()
    assert len(default_rules().prefixes) == 2


def test_a_one_letter_stem_never_cuts_a_word() -> None:
    """The agency «د ب أ» put «د» and «أ» in the stem list, so «ولد» (boy) was cut as
    و + ل + «د» and a span over it snapped down to its last letter."""
    rules = ProcliticRules(["د", "أ", "ب", "حمص"])
    assert rules.proclitic_end("ولد") == 0
    assert rules.proclitic_end("وأ") == 0
    assert rules.proclitic_end("بحمص") == 1  # longer stems still take their clitics
    assert default_rules().proclitic_end("ولد صغير") == 0


def test_the_cached_proclitic_end_equals_the_uncached_one_on_whatever_follows_the_word() -> None:
    """The cache is keyed on the text up to the first space: what follows must not change
    the answer, whether a quote, a digit, punctuation, marks or another word comes next."""
    rules = ProcliticRules(["ريف", "داعش", "أ.ف.ب"])
    words = ["بريف", "والقوات", "للتنظيم", "ل”المدن”", "و17", "وأ.ف.ب", "لبنان", "فَبِريفِ", "ولـالقوات", "و"]
    tails = ["", " حلب", "، حلب", "\nحلب", ".", "ـ", "\u064e حلب", " «داعش»", "  "]
    for word in words:
        for tail in tails:
            text = word + tail
            assert rules.proclitic_end(text) == rules._proclitic_end(text), text
            assert rules.proclitic_end(text) == rules._proclitic_end(text), text  # from the cache
