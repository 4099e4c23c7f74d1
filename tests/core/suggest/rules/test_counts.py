"""core/suggest/rules/counts.py: the COUNT rules, through the rule suggester."""
from __future__ import annotations

from annotator.core.suggest.rules import RuleSuggester


def counts(rules: RuleSuggester, text: str) -> dict[str, dict]:
    return {text[s.start:s.end]: s.attributes for s in rules.suggest(text) if s.label == "COUNT"}


def test_a_number_and_a_people_noun_with_its_attributes(rules: RuleSuggester) -> None:
    assert counts(rules, "وقال المرصد إن 5 مدنيين قتلوا.") == \
        {"5 مدنيين": {"value": 5, "approx": False, "category": "killed"}}


def test_a_qualifier_makes_it_approximate(rules: RuleSuggester) -> None:
    assert counts(rules, "وأصيب نحو 30 شخصا في القصف.") == \
        {"نحو 30 شخصا": {"value": 30, "approx": True, "category": "wounded"}}


def test_duals_and_vague_quantities(rules: RuleSuggester) -> None:
    found = counts(rules, "قتل طفلان وأصيب عشرات المدنيين.")
    assert found["طفلان"]["value"] == 2
    assert found["عشرات المدنيين"] == {"value": [20, 99], "approx": True, "category": "wounded"}


def test_never_a_year_a_distance_a_duration_or_things(rules: RuleSuggester) -> None:
    text = "وقع الهجوم عام 2023 على بعد 20 كيلومترا واستمر 3 ساعات وطال 12 منزلا."
    assert counts(rules, text) == {}
