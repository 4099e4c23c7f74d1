"""core/suggest/rules/actor_contexts.py: names read by their context, through the rule
suggester (round 7, issue #11; sentences written for these tests)."""
from __future__ import annotations

from collections.abc import Callable

import pytest

Labelled = Callable[[str], list[tuple[str, str]]]


# Round 7 (issue #11): a group name that is also a common word, alone, in the contexts that
# make it the group; sentences written for these tests.
@pytest.mark.parametrize(
    "text",
    [
        "وأسفر الهجوم عن مقتل جنديين وخمسة مقاتلين من القاعدة.",
        "وقال إن عناصر أخرى من القاعدة اشتبكت مع الجنود.",
        "وتبنت جماعة مرتبطة بتنظيم \"القاعدة\" الهجوم.",
        "واستغل تنظيما القاعدة و\"داعش\" الفوضى في البلاد.",
        "وتتنافس في الصحراء جماعات تابعة لداعش والقاعدة.",
    ],
)
def test_a_common_word_group_name_in_context(labelled: Labelled, text: str) -> None:
    assert ("القاعدة", "ACTOR") in labelled(text)


def test_a_common_word_group_name_a_group_is_loyal_to(labelled: Labelled) -> None:
    # «للقاعدة»: the span starts at the article's lam, as for every «لل» form.
    assert ("لقاعدة", "ACTOR") in labelled("وتنشط في المنطقة جماعات موالية للقاعدة منذ سنوات.")
    assert not [s for s, label in labelled("وعاد الجنود للقاعدة منذ سنوات.") if label == "ACTOR"]


@pytest.mark.parametrize(
    "text",
    [
        "وهاجم المسلحون القاعدة العسكرية فجرا وسيطروا عليها.",
        "وانفجرت سيارة مفخخة بالقرب من القاعدة قبل أن يقتحمها المسلحون.",
        "وعاد الجنود إلى القاعدة بعد انتهاء الدورية.",
    ],
)
def test_a_common_word_group_name_elsewhere_is_a_word(labelled: Labelled, text: str) -> None:
    assert ("القاعدة", "ACTOR") not in labelled(text)


# Round 7: the nationality of a force in the plural, and in the feminine after its adjective.
@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وقال إن هجوما شنه حرس الحدود الطاجيكيون أوقع قتيلا.", "حرس الحدود الطاجيكيون"),
        ("واتهمت دوشنبه أربعة من حرس الحدود القرغيزيين بعبور الحدود.", "حرس الحدود القرغيزيين"),
        ("ودأبت القوات الحكومية المالية على مهاجمة القرى.", "القوات الحكومية المالية"),
        ("وقتل أربعة من القوات العسكرية المالية في الكمين.", "القوات العسكرية المالية"),
        ("وأكد حرس الحدود القيرغيزي وقوع الاشتباك.", "حرس الحدود القيرغيزي"),
    ],
)
def test_a_force_takes_its_nationality_in_the_plural_and_after_its_adjective(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


def test_a_feminine_nisba_alone_after_a_force_is_no_nationality(labelled: Labelled) -> None:
    # «المالية» right after the head may be «financial» («الشرطة المالية»: the financial
    # police); only after a feminine adjective of the name does it agree as a nationality.
    got = labelled("وأحالت الشرطة المالية الملف إلى القضاء.")
    assert ("الشرطة", "ACTOR") in got and ("الشرطة المالية", "ACTOR") not in got


# Round 7: a state's body named without its state, where it speaks or acts.
@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وقالت الرئاسة في بيان إن عشرين جنديا قتلوا.", "الرئاسة"),
        ("وأعلنت القيادة العسكرية أن العملية انتهت.", "القيادة العسكرية"),
        ("وذلك بحسب النيابة العامة الأوكرانية.", "النيابة العامة الأوكرانية"),
        ("وقال الادعاء العام في الولاية إن الجثث نقلت.", "الادعاء العام"),
        ("وقال مسؤول مكتب الرئيس الأوكراني إن 17 شخصا قتلوا.", "مكتب الرئيس الأوكراني"),
    ],
)
def test_a_state_body_that_speaks_or_acts(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


@pytest.mark.parametrize(
    "text",
    ["وتولى الرئاسة بعد انتخابات عام 2019.", "وترشح لانتخابات الرئاسة في البلاد.", "وأحيل الملف إلى النيابة العامة في المدينة."],
)
def test_a_state_body_elsewhere_is_a_common_noun(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "ACTOR"]


def test_a_name_takes_a_second_adjective_coordinated_with_its_own(labelled: Labelled) -> None:
    assert ("الحشد الشعبي والعشائري", "ACTOR") in labelled("وقتل ستة عناصر من الحشد الشعبي والعشائري في الهجوم.")
    # A second nationality may be a second party: not taken in.
    got = labelled("وقصفت القوات الأمريكية والبريطانية مواقع للحوثيين.")
    assert ("القوات الأمريكية", "ACTOR") in got and ("القوات الأمريكية والبريطانية", "ACTOR") not in got
    # Of another gender, the adjective qualifies something else.
    got = labelled("وقال الحشد الشعبي والعسكرية الأمريكية إن الهجوم فشل.")
    assert ("الحشد الشعبي والعسكرية", "ACTOR") not in got


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("ودعا المحافظ الحكومة الوطنية لجنوب السودان إلى التدخل.", "الحكومة الوطنية لجنوب السودان"),
        ("وقالت الحكومة الانتقالية لمالي إن الهجوم فشل.", "الحكومة الانتقالية لمالي"),
    ],
)
def test_a_government_named_with_its_state_after_lam(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


def test_a_state_after_lam_that_is_no_part_of_the_name(labelled: Labelled) -> None:
    # Without an adjective of the name, the state after «ل» is whom it speaks to.
    got = labelled("وقالت الحكومة لإيران إن التهدئة ممكنة.")
    assert ("الحكومة لإيران", "ACTOR") not in got and ("الحكومة", "ACTOR") in got
