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


def test_phrases_by_first_word_keep_every_phrase_in_its_order(rules: RuleSuggester) -> None:
    """The COUNT rules try only the phrases listed under a token: each list must hold every
    phrase with that first word, longest first as in the full list."""
    for phrases, by_first in (
        (rules._qualifiers, rules._qualifiers_by_first),
        (rules._blocker_phrases, rules._blocker_phrases_by_first),
    ):
        assert sorted(p for group in by_first.values() for p in group) == sorted(phrases)
        for first, group in by_first.items():
            assert group == [p for p in phrases if p[0] == first]
    assert [t for t in rules.suggest("قتل ما لا يقل عن 50 مدنيا في القصف") if t.label == "COUNT"][0].attributes[
        "approx"
    ] is True


def test_a_word_memo_computes_once_per_word_and_answers_from_memory() -> None:
    from annotator.core.suggest.rules.lexicon import _WordMemo

    seen: list[str] = []

    def length(word: str) -> int:
        seen.append(word)
        return len(word)

    memo = _WordMemo(length)
    assert list(map(memo.__getitem__, ["حلب", "في", "حلب", "🙂", "حلب"])) == [3, 2, 3, 1, 3]
    assert seen == ["حلب", "في", "🙂"]
    assert memo.get("دمشق") is None and "دمشق" not in memo  # get() does not compute


def test_a_backing_adjective_of_either_gender_makes_the_state_after_it_act(rules: RuleSuggester) -> None:
    def labels(text: str) -> set[tuple[str, str]]:
        return {(text[s.start : s.end], s.label) for s in rules.suggest(text)}

    assert ("إيران", "ACTOR") in labels("اجتمع قادة الفصيل المقرب من إيران في بغداد.")
    assert ("إيران", "ACTOR") in labels("اجتمع قادة الفصائل المقربة من إيران في بغداد.")
    # Without a backing word before it, the state is where the delegation went.
    assert ("إيران", "LOCATION") in labels("وصل الوفد إلى إيران أمس.")


def test_two_states_after_between_are_parties_unless_a_place_relation_comes_first(found) -> None:
    """«بين X وY»: two states in a tension, a dispute or an exchange of fire act; a border, a
    road, where something lies or a trip between them makes them places."""
    assert {("تركيا", "ACTOR"), ("اليونان", "ACTOR")} <= found("تتصاعد التوترات بين تركيا واليونان منذ أشهر.")
    assert ("إسرائيل", "ACTOR") in found("تواصل تبادل القصف بين إسرائيل وحزب الله أمس.")
    assert {("أرمينيا", "ACTOR"), ("أذربيجان", "ACTOR")} <= found("يقع الإقليم المتنازع عليه بين أرمينيا وأذربيجان في الجبال.")
    # Places: a border, where it lies, a trip, the region right before «بين».
    assert {("النيجر", "LOCATION"), ("مالي", "LOCATION")} <= found("وقع الهجوم قرب الحدود بين النيجر ومالي.")
    assert {("تشاد", "LOCATION"), ("النيجر", "LOCATION")} <= found("وقع الهجوم في المنطقة الواقعة بين تشاد والنيجر.")
    assert {("تشاد", "LOCATION"), ("النيجر", "LOCATION")} <= found("وقع الهجوم في المنطقة بين تشاد والنيجر.")
    assert {("سوريا", "LOCATION"), ("لبنان", "LOCATION")} <= found("يتنقل آلاف اللاجئين بين سوريا ولبنان خلال العام.")


def test_a_state_that_reacts_helps_or_mediates_acts(found) -> None:
    assert ("موسكو", "ACTOR") in found("لم يصدر أي تعليق رسمي من موسكو حتى الآن.")
    assert ("أنقرة", "ACTOR") in found("لم يصدر رد من أنقرة على الاتهامات.")
    assert ("فرنسا", "ACTOR") in found("طلب الرئيس مساعدة فرنسا في مواجهة المسلحين.")
    assert ("قطر", "ACTOR") in found("أطلق سراح الرهائن بوساطة قطر.")
    # Where people come from is a place.
    assert ("تركيا", "LOCATION") in found("عاد اللاجئون من تركيا إلى بلداتهم.")
