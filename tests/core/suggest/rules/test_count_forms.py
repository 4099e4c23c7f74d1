"""core/suggest/rules/count_forms.py: the forms of counted people nouns — duals in every
form, and counted nouns known by their form."""
from __future__ import annotations

from collections.abc import Callable

import pytest

Labelled = Callable[[str], list[tuple[str, str]]]


# Round 7 (issue #11): duals the lists do not spell out — in construct («جثتي القتيلين»,
# «عنصريه»), the feminine of a nisba people noun («مدنيتان»), a couple («زوجان»).
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("ونقلت سيارات الإسعاف الجرحى وجثتي القتيلين إلى المستشفى.", "جثتي القتيلين"),
        ("وقال قائد الكتيبة إن عنصريه قتلا في الاشتباك.", "عنصريه"),
        ("وأسفر القصف عن مقتل عنصريه في الموقع.", "عنصريه"),
        ("واستشهدت مدنيتان في القصف على الحي.", "مدنيتان"),
        ("ونفذ الهجوم زوجان من المدينة.", "زوجان"),
    ],
)
def test_duals_in_construct_of_a_nisba_and_of_a_couple(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


@pytest.mark.parametrize(
    "text",
    [
        "وندد البيان بالعنصرية وبخطاب عنصريه في المدينة.",  # «عنصرية» folded, no dual context
        "ودمرت الغارة عربتان عسكريتان قرب الحاجز.",  # the feminine nisba dual after a noun: an adjective
        "وقال إن الموقف شخصي الطابع.",  # «شخصي» with no definite people noun after it
    ],
)
def test_words_shaped_like_those_duals_are_no_count(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "COUNT"]


def test_one_of_the_two_makes_the_word_before_it_a_dual(labelled: Labelled) -> None:
    assert ("أوروبيين", "COUNT") in labelled("وكان من بين القتلى أوروبيين أحدهما فرنسي والآخر بلجيكي.")
    # After two attacks it is one of the attacks: no people counted.
    assert not [s for s, label in labelled("ووقع الهجوم في هجومين منفصلين، أحدهما في الشمال.") if label == "COUNT"]
    assert [s for s, label in labelled("واستشهد شخصين أحدهما طفل.") if label == "COUNT"] == ["شخصين"]
