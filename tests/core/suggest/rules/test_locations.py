"""core/suggest/rules/locations.py: the LOCATION rules, through the rule suggester."""
from __future__ import annotations

from collections.abc import Callable

Found = Callable[[str], set[tuple[str, str]]]


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
