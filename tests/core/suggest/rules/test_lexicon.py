"""core/suggest/rules/lexicon.py: the gazetteers folded into the rules' word sets."""
from __future__ import annotations

from annotator.core.suggest.rules import ORIGIN, RuleSuggester


def test_every_suggestion_is_a_rule_suggestion_of_a_known_label(rules: RuleSuggester) -> None:
    text = "وقال المرصد السوري لحقوق الإنسان إن قوات النظام قصفت مدينة حمص وقتلت 3 مدنيين."
    found = rules.suggest(text)
    assert {s.label for s in found} == {"SOURCE", "ACTOR", "LOCATION", "COUNT"}
    assert {s.origin for s in found} == {ORIGIN} and rules.name == "rules"
    assert [s.start for s in found] == sorted(s.start for s in found)
    assert all(text[s.start:s.end] == text[s.start:s.end].strip() for s in found)
