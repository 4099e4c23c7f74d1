"""The rule suggester on constructions of published news (issue #11, part 1): each rule with
sentences where it applies and sentences where it must not.

Every sentence here was written for these tests.
"""
from __future__ import annotations

import pytest

from annotator.core.suggest.rules import RuleSuggester


@pytest.fixture(scope="module")
def rules() -> RuleSuggester:
    return RuleSuggester()


def labelled(sugg: RuleSuggester, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in sugg.suggest(text)]


# --------------------------------------------------------------------------------------
# ACTOR
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "actor", "adjective"),
    [
        ("قتل عنصران من تنظيم داعش الإرهابي في كمين.", "تنظيم داعش", "الإرهابي"),
        ("وقصفت ميليشيا الدعم السريع المتمردة حي السلام.", "ميليشيا الدعم السريع", "المتمردة"),
        ("وشنت جماعة الحوثي الانقلابية هجوماً على المواقع.", "جماعة الحوثي", "الانقلابية"),
        ("وهاجم عناصر حزب العمال الكردستاني الإرهابي نقطة.", "حزب العمال الكردستاني", "الإرهابي"),
    ],
)
def test_an_evaluative_adjective_stays_outside_the_actor(rules: RuleSuggester, text: str, actor: str, adjective: str) -> None:
    got = labelled(rules, text)
    assert (actor, "ACTOR") in got
    assert not any(adjective in s for s, _ in got)


def test_a_nationality_after_a_force_stays_inside(rules: RuleSuggester) -> None:
    text = "وقصفت قوات الجيش السوداني مواقع في المدينة."
    assert ("قوات الجيش السوداني", "ACTOR") in labelled(rules, text)


def test_short_forms_in_either_spelling_and_after_a_bare_name(rules: RuleSuggester) -> None:
    # The short form in another spelling than the full name.
    text = "وقصفت مليشيا الدعم السريع حي السلام، وقال الجيش إن الميليشيا تستهدف المدنيين."
    assert ("الميليشيا", "ACTOR") in labelled(rules, text)
    # A name listed bare and with a head: the bare name licenses the head's short form.
    text = "وقتل مقاتلان من حماس في الاشتباك، فيما قالت الحركة إن مقاتليها صدوا الهجوم."
    assert ("الحركة", "ACTOR") in labelled(rules, text)
    text = "وأعلن الحوثيون إسقاط طائرة، وقال متحدث باسم الجماعة إن العملية نجحت."
    assert ("الجماعة", "ACTOR") in labelled(rules, text)


def test_no_short_form_without_an_actor_it_belongs_to(rules: RuleSuggester) -> None:
    text = "وقال شهود إن الحركة في الأسواق عادت، وإن الجماعة من السكان غادرت."
    assert not [s for s, label in labelled(rules, text) if label == "ACTOR"]
