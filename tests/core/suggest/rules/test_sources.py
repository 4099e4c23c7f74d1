"""core/suggest/rules/sources.py: the SOURCE rules, through the rule suggester."""
from __future__ import annotations

from collections.abc import Callable

Found = Callable[[str], set[tuple[str, str]]]


def test_monitors_outlets_and_unnamed_sources(found: Found) -> None:
    text = "وقال المرصد السوري لحقوق الإنسان لوكالة فرانس برس، بحسب مصادر محلية، إن القصف استمر."
    assert {("المرصد السوري لحقوق الإنسان", "SOURCE"), ("وكالة فرانس برس", "SOURCE"),
            ("مصادر محلية", "SOURCE")} <= found(text)


def test_an_organisation_after_an_attribution_word_and_an_official(found: Found) -> None:
    text = "وقالت لجنة أطباء السودان إن الهجوم وقع، وقال مسؤول أمني إنه انتهى."
    assert {("لجنة أطباء السودان", "SOURCE"), ("مسؤول أمني", "SOURCE")} <= found(text)


def test_an_alias_in_parentheses_takes_the_label_of_the_name(found: Found) -> None:
    text = "وأعلن مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (أوتشا) أن الوضع سيئ."
    assert {("مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية", "SOURCE"), ("أوتشا", "SOURCE")} <= found(text)


def test_a_quoted_outlet_after_a_clitic(found: Found) -> None:
    assert ("المدن", "SOURCE") in found("وقالت مصادر ل”المدن” إن الاشتباكات توقفت.")
