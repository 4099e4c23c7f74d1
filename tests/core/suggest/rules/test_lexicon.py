"""core/suggest/rules/lexicon.py: the gazetteers folded into the rules' word sets."""
from __future__ import annotations

import pytest

from annotator.core.suggest.rules import ORIGIN, RuleSuggester
from annotator.core.suggest.rules.lexicon import _Cand


def test_every_suggestion_is_a_rule_suggestion_of_a_known_label(rules: RuleSuggester) -> None:
    text = "وقال المرصد السوري لحقوق الإنسان إن قوات النظام قصفت مدينة حمص وقتلت 3 مدنيين."
    found = rules.suggest(text)
    assert {s.label for s in found} == {"SOURCE", "ACTOR", "LOCATION", "COUNT"}
    assert {s.origin for s in found} == {ORIGIN} and rules.name == "rules"
    assert [s.start for s in found] == sorted(s.start for s in found)
    assert all(text[s.start:s.end] == text[s.start:s.end].strip() for s in found)


def test_a_candidate_is_an_immutable_record_of_its_fields() -> None:
    cand = _Cand(3, 5, "ACTOR", 0.8)
    assert (cand.start, cand.end, cand.label, cand.score) == (3, 5, "ACTOR", 0.8)
    with pytest.raises(AttributeError):
        cand.end = 6  # type: ignore[misc]
