"""core/suggest/rules/locations.py: the LOCATION rules, through the rule suggester."""
from __future__ import annotations

from collections.abc import Callable

import pytest

Found = Callable[[str], set[tuple[str, str]]]
Labelled = Callable[[str], list[tuple[str, str]]]


def test_heads_before_names_and_directions_after(found: Found) -> None:
    text = "وقصفت الطائرات مدينة حمص وريف حلب الشمالي وولاية شمال دارفور."
    assert {("مدينة حمص", "LOCATION"), ("ريف حلب الشمالي", "LOCATION"),
            ("ولاية شمال دارفور", "LOCATION")} <= found(text)


def test_a_facility_adjective_after_an_airport(found: Found) -> None:
    assert ("مطار دمشق الدولي", "LOCATION") in found("وقصفت إسرائيل مطار دمشق الدولي فجر اليوم.")


def test_a_place_in_no_list_after_a_head(found: Found) -> None:
    assert ("بلدة الباغوز", "LOCATION") in found("وسيطرت القوات على بلدة الباغوز.")


def test_the_clitic_stays_outside(found: Found) -> None:
    assert ("ريف حمص", "LOCATION") in found("وقصفت المدفعية بريف حمص.")


# --------------------------------------------------------------------------------------
# Constructions of published news (issue #11, part 1); written for these tests.
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وامتدت المعارك إلى جنوب كردفان.", "جنوب كردفان"),
        ("وقصفت المسيرات مواقع في غرب دارفور.", "غرب دارفور"),
        ("واندلعت اشتباكات في ولاية شمال دارفور.", "ولاية شمال دارفور"),
    ],
)
def test_states_named_by_a_compass_word(labelled: Labelled, text: str, place: str) -> None:
    assert (place, "LOCATION") in labelled(text)


def test_a_direction_before_a_country_stays_outside(labelled: Labelled) -> None:
    got = labelled("وتقدمت القوات في شمال شرق سوريا.")
    assert ("سوريا", "LOCATION") in got
    assert not any("شمال" in s for s, _ in got)


def test_generic_anaphora_after_a_plural_head_is_no_place(labelled: Labelled) -> None:
    got = labelled("وسقطت قذائف على أحياء المدينة وقرى المنطقة.")
    assert not [s for s, label in got if label == "LOCATION"]
    # A name after the same head is still a place.
    assert ("الهوشرية", "LOCATION") in labelled("وسقطت قذائف على قرى الهوشرية.")


def test_a_compass_state_after_a_verb_is_a_direction(labelled: Labelled) -> None:
    got = labelled("وفرّ المدنيون شمال دارفور هرباً من القصف.")
    assert ("دارفور", "LOCATION") in got
    assert ("شمال دارفور", "LOCATION") in labelled("وتعد الفاشر عاصمة شمال دارفور.")


def test_old_and_new_belong_to_a_place_named_with_a_head(labelled: Labelled) -> None:
    assert ("منطقة السلمة القديمة", "LOCATION") in labelled("وسقطت قذائف في منطقة السلمة القديمة.")
    assert ("مدينة حلب القديمة", "LOCATION") in labelled("وتجول الزوار في مدينة حلب القديمة.")
    # Without a head the adjective stays outside, and anaphora stays unannotated.
    assert ("حلب", "LOCATION") in labelled("وقصفت الطائرات حلب القديمة.")
    assert not labelled("وعاد السكان إلى البلدة القديمة.")


def test_names_listed_with_commas_after_a_plural_head(labelled: Labelled) -> None:
    got = labelled("وقصفت المدفعية قرى الهوشرية، الصيادة، والمشرفة في ريف حماة.")
    assert [s for s, label in got if label == "LOCATION"] == ["الهوشرية", "الصيادة", "المشرفة", "ريف حماة"]
    # A list needs its closing «و»: after a comma the clause may go on.
    got = labelled("وقصفت قرى الهوشرية، الصيادة، المدنيين.")
    assert [s for s, label in got if label == "LOCATION"] == ["الهوشرية"]
    got = labelled("وقصفت المدفعية قرى الهوشرية، ما أدى إلى أضرار.")
    assert [s for s, label in got if label == "LOCATION"] == ["الهوشرية"]


def test_an_ambiguous_head_cued_by_a_verb_before_its_subject(labelled: Labelled) -> None:
    assert ("معسكر الحامية", "LOCATION") in labelled("وهاجمت الفصائل معسكر الحامية.")
    assert not labelled("وقالت الحكومة إن ولاية الرئيس انتهت.")
    assert not labelled("وشهدت الولاية منطقة الاشتباكات.")
