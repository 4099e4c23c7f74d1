"""core/suggest/rules/matcher.py: the rules' tokenizer and phrase matcher, seen in what the
suggester finds: names under any clitic and in any spelling, clitics off digits and quotes."""
from __future__ import annotations

from collections.abc import Callable

from annotator.core.suggest.rules import RuleSuggester

Labelled = Callable[[str], list[tuple[str, str]]]


def spans(rules: RuleSuggester, text: str) -> list[tuple[str, str, int]]:
    return [(text[s.start:s.end], s.label, s.start) for s in rules.suggest(text)]


def test_a_name_is_found_under_its_clitics_which_stay_outside(rules: RuleSuggester) -> None:
    text = "وقال مقاتلون إن الهجوم وقع وبحلب أمس."
    assert ("حلب", "LOCATION", text.index("حلب")) in spans(rules, text)


def test_a_name_in_another_spelling(rules: RuleSuggester) -> None:
    assert ("ادلب", "LOCATION") in {(t, label) for t, label, _ in spans(rules, "وقصفت الطائرات احياء ادلب.")}


def test_a_clitic_comes_off_a_digit_and_a_quote(rules: RuleSuggester) -> None:
    text = "وقالت مصادر ل”المدن” إن و50 مدنيا نزحوا."
    found = spans(rules, text)
    assert ("المدن", "SOURCE", text.index("المدن")) in found
    assert ("50 مدنيا", "COUNT", text.index("50")) in found


def test_a_slash_between_letters_is_its_own_token(rules: RuleSuggester) -> None:
    text = "وقالت وكالة سانا/سانا/ إن القصف توقف."
    assert ("سانا", "SOURCE", text.index("/") + 1) in spans(rules, text)


# --------------------------------------------------------------------------------------
# Constructions of published news (issue #11, part 1); written for these tests.
# --------------------------------------------------------------------------------------
def test_a_name_glued_to_a_comma(labelled: Labelled) -> None:
    assert ("حلب", "LOCATION") in labelled("قتل شخص في حلب،وأضاف المصدر أن القصف مستمر.")


def test_dashes_around_an_aside_and_a_quote_before_glued_punctuation(labelled: Labelled) -> None:
    assert ("جنديان", "COUNT") in labelled("قتل خمسة أشخاص -بينهم جنديان- في الهجوم.")
    assert ("مدينة الرمانة", "LOCATION") in labelled("وقال إن \"القصف طال مدينة الرمانة\".وأضاف أن الضحايا مدنيون.")
