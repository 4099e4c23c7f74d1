"""core/suggest/rules/actors.py: the ACTOR rules, through the rule suggester.

The cases are the ones the package docstring promises (written for these tests)."""
from __future__ import annotations

from collections.abc import Callable

Found = Callable[[str], set[tuple[str, str]]]


def test_forces_and_institutions_named_by_a_head(found: Found) -> None:
    text = "وقالت قوات الدعم السريع إن ميليشيا الحوثي هاجمت مواقع وزارة الصحة."
    assert {("قوات الدعم السريع", "ACTOR"), ("ميليشيا الحوثي", "ACTOR"), ("وزارة الصحة", "ACTOR")} <= found(text)


def test_numbered_units_and_known_groups(found: Found) -> None:
    text = "واشتبك اللواء 444 قتال مع عناصر تنظيم داعش."
    assert {("اللواء 444 قتال", "ACTOR"), ("تنظيم داعش", "ACTOR")} <= found(text)


def test_a_known_short_name_and_a_state_army(found: Found) -> None:
    text = "وقال الجيش السوري إن قسد انسحبت من المنطقة."
    assert {("الجيش السوري", "ACTOR"), ("قسد", "ACTOR")} <= found(text)


def test_no_actor_in_plain_words(found: Found) -> None:
    assert not {label for _text, label in found("كان الطقس باردا في الصباح.")} & {"ACTOR"}
