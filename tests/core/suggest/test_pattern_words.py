"""Word-level matching of the pattern suggester (``annotator/core/suggest/pattern_words.py``).

Every sentence here was written for these tests; texts are normalised as the matcher reads them.
"""
from __future__ import annotations

from annotator.core.suggest.pattern_words import (
    Words,
    context_word,
    continues_phrase,
    first_word_forms,
    lil_name,
    loose,
)
from annotator.core.text import normalize


def norm(text: str) -> str:
    return loose(normalize(text).text)


def test_words_keep_their_offsets_and_know_which_runs_are_one_name() -> None:
    text = norm("قوات الساحل-الغربي، ثم\nلواء النصر")
    at = Words(text)
    assert at.words == ["قوات", "الساحل", "الغربي", "ثم", "لواء", "النصر"]
    assert [text[at.start(j):at.end(j)] for j in range(len(at.words))] == at.words
    assert at.joined(0, 3)  # a space and a hyphen
    assert not at.joined(2, 4)  # a comma
    assert not at.joined(3, 5)  # a line break
    assert at.joined(4, 6)


def test_loose_folds_hamza_seats_and_persian_letters_one_for_one() -> None:
    assert loose("مسئول مسؤول") == "مسءول مسءول"
    assert loose("کتیبه") == "كتيبه"
    assert len(loose("ڤيلق ی")) == len("ڤيلق ی")


def test_first_word_forms_strip_a_proclitic_and_read_the_lil_spelling() -> None:
    learned = {"المرصد": None, "سرايا": None}
    assert first_word_forms("المرصد", learned) == [("المرصد", 0)]
    assert ("المرصد", 1) in first_word_forms("للمرصد", learned)  # ل + «المرصد», the span from the second ل
    assert ("سرايا", 1) in first_word_forms("وسرايا", learned)  # a learned word the lexicon does not know
    assert lil_name("لمرصد", learned) == "المرصد"


def test_the_context_word_is_the_glued_clitic_or_the_word_before() -> None:
    text = norm("وقالت الشرطة إن قوات الأمن وصلت بالرقة")
    assert context_word(text, text.index("الشرطه")) == "وقالت"
    assert context_word(text, text.index("الرقه")) == "ب-"
    assert context_word(text, 0) == ""


def test_a_definite_word_continues_into_a_phrase_only_before_an_agreeing_definite_adjective() -> None:
    def continued(sentence: str, word: str) -> bool:
        text = norm(sentence)
        at = Words(text)
        return continues_phrase(at, at.words, at.words.index(norm(word)))

    # Feminine head, feminine adjective; masculine head, nisba; sound plural, its like.
    assert continued("قرب القاعدة العسكرية شرقاً", "القاعدة")
    assert continued("تقدم الجيش السوري شرقاً", "الجيش")
    assert continued("وصل المتمردين الشماليين أمس", "المتمردين")
    assert continued("هاجمت الفصائل الكردية المدينة", "الفصائل")  # a broken plural takes the feminine
    # An adjective that only describes the force stays outside its name (guidelines: «داعش
    # الإرهابي» → «داعش»), as the rules read it: the short form is still the party.
    assert not continued("هاجمت الفصائل المسلحة المدينة", "الفصائل")
    assert not continued("تبنت الحركة الإرهابية الهجوم", "الحركة")
    # A definite object after the subject does not agree; a time word ends the phrase; so
    # does punctuation; an indefinite word or a clitic does not continue it.
    assert not continued("تبنت القاعدة الهجوم أمس", "القاعدة")
    assert not continued("اتهمت الحكومة الحوثيين بالتصعيد", "الحكومة")
    assert not continued("قالت الحكومة الأربعاء إن", "الحكومة")
    assert not continued("قالت الحكومة، الإسرائيلية سابقاً", "الحكومة")
    assert not continued("قالت الحكومة والمعارضة", "الحكومة")
    assert not continued("قالت حكومة الوحدة", "حكومة")  # not definite itself
