"""core/lang/ar/lexicon.py: the Arabic word lists and the forms built from them."""
from __future__ import annotations

from annotator.core.lang.ar.lexicon import (
    BRACKETS,
    BUILTIN_STEMS,
    CLOSING_BRACKETS,
    NOT_CLITIC_WORDS,
    OPENING_BRACKETS,
    PROCLITIC_SEQUENCES,
    PROCLITICS,
    dual_construct_forms,
    dual_forms,
    stem_words,
)


def test_proclitic_sequences_are_a_conjunction_then_a_preposition_or_one_letter() -> None:
    assert PROCLITICS == "وفبلك"
    assert {"وب", "فل", "وك"} <= set(PROCLITIC_SEQUENCES)
    assert set(PROCLITICS) <= set(PROCLITIC_SEQUENCES)
    assert "بو" not in PROCLITIC_SEQUENCES  # a preposition never comes first


def test_brackets_pair_up() -> None:
    assert len(OPENING_BRACKETS) == len(CLOSING_BRACKETS)
    assert BRACKETS == OPENING_BRACKETS + CLOSING_BRACKETS


def test_dual_forms() -> None:
    assert dual_forms("امرأة") == ("امرأتان", "امرأتين")
    assert dual_forms("طفل") == ("طفلان", "طفلين")


def test_dual_construct_forms() -> None:
    forms = dual_construct_forms("طفل")
    assert {"طفلاه", "طفلاها", "طفليها"} <= set(forms)
    assert "طفليه" not in forms  # folded, it would also read as a feminine nisba


def test_stem_words_join_the_builtin_stems_and_the_gazetteers() -> None:
    stems = stem_words()
    assert list(stems) == sorted(set(stems))
    assert set(BUILTIN_STEMS) <= set(stems)
    assert len(stems) > len(BUILTIN_STEMS)  # the gazetteers' first words and count nouns
    assert all(word and " " not in word for word in stems)


def test_not_clitic_words_are_single_words_outside_the_stems() -> None:
    assert "والد" in NOT_CLITIC_WORDS and "وكالة" in NOT_CLITIC_WORDS
    assert all(" " not in w for w in NOT_CLITIC_WORDS)
