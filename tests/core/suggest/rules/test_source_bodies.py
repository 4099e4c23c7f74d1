"""core/suggest/rules/source_bodies.py: bodies and media named by what they are, through the
rule suggester."""
from __future__ import annotations

from collections.abc import Callable

import pytest

Labelled = Callable[[str], list[tuple[str, str]]]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # Organisations in the plural named by what they are need no attribution word
        # (guidelines §6, round 6); this sentence was a negative case before.
        ("وقدمت منظمات إنسانية مساعدات للنازحين.", "منظمات إنسانية"),
        ("وطالبت البعثة ومنظمات حقوقية بتحقيق عاجل.", "منظمات حقوقية"),
        ("وتتهم مجموعات حقوقية الشرطة بتعذيب الموقوفين.", "مجموعات حقوقية"),
        ("وسط صمت من المنظمات الدولية والمحلية.", "المنظمات الدولية والمحلية"),
        ("وأكدت السلطات والمنظمات الإنسانية متابعتها.", "المنظمات الإنسانية"),
        # Witnesses in the plural are who tells, with no attribution word.
        ("وجاء في رواية الشهود أن المسلحين فروا.", "الشهود"),
        ("وأظهرت صور التقطها شهود دمارا واسعا.", "شهود"),
    ],
)
def test_plural_civic_bodies_and_witnesses_are_sources_anywhere(labelled: Labelled, text: str, source: str) -> None:
    assert (source, "SOURCE") in labelled(text)


@pytest.mark.parametrize(
    "text",
    [
        "وتنشط جماعات مسلحة ومجموعات متطرفة في المنطقة.",
        "ونشطت الجماعات الدولية للتهريب على الحدود.",
        "والتقى المحققون مع شهود الحادث.",  # witnesses met, not who tells
    ],
)
def test_armed_groups_and_witnesses_met_are_no_source(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "SOURCE"]


def test_news_media_named_as_such_need_no_attribution_word(labelled: Labelled) -> None:
    got = labelled("وأظهرت صور نشرتها قنوات إخبارية على تطبيق تلغرام دمارا واسعا.")
    assert ("قنوات إخبارية", "SOURCE") in got
    assert ("وسائل الإعلام الوطنية", "SOURCE") in labelled("وذكرت وسائل الإعلام الوطنية أن الهجوم فشل.")
    # After a preposition they are what is talked about; other adjectives still need one.
    assert not [s for s, label in labelled("واطلع الوفد على قنوات إخبارية جديدة.") if label == "SOURCE"]
    assert not [s for s, label in labelled("وأغلقت الحكومة قنوات حكومية.") if label == "SOURCE"]
