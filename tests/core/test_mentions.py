"""core/mentions.py: the other mentions of a labelled string."""
from __future__ import annotations

from annotator.core.domain import Span, Suggestion
from annotator.core.mentions import find_mentions, search_mentions

# Written for this test.
TEXT = "قصفت قوات النظام إدلب أمس. وفي ريف إدلب الجنوبي قُتل ثلاثة. ووصل النازحون إلى بلدة إدلبية قرب لإدلب."


def _at(needle: str, nth: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(nth + 1):
        pos = TEXT.index(needle, pos + 1)
    return pos, pos + len(needle)


def test_whole_words_only_with_proclitics_left_outside() -> None:
    start, end = _at("إدلب")
    found = find_mentions(TEXT, start, end)
    # ريف إدلب الجنوبي's inner word and لإدلب (clitic outside); never إدلبية.
    assert [TEXT[a:b] for a, b in found] == ["إدلب", "إدلب"]
    assert found[1][0] == TEXT.index("لإدلب") + 1


def test_a_match_inside_a_longer_span_or_suggestion_is_left_alone_and_counted() -> None:
    start, end = _at("إدلب")
    a, b = _at("ريف إدلب الجنوبي")
    for holder in (Span(a, b, "LOCATION"), Suggestion(a, b, "LOCATION", "rule")):
        result = search_mentions(TEXT, start, end, [holder])
        assert [TEXT[x:y] for x, y in result.ranges] == ["إدلب"]
        assert result.ranges[0][0] > b
        assert result.inside_longer == 1


def test_an_occurrence_already_labelled_is_counted_not_repeated() -> None:
    start, end = _at("إدلب")
    other = _at("إدلب", 3)  # the one in لإدلب (the third is inside إدلبية)
    result = search_mentions(TEXT, start, end, [Span(other[0], other[1], "LOCATION")])
    assert result.already_labelled == 1
    assert other not in result.ranges


def test_spelling_variants_and_diacritics_match() -> None:
    text = "أعلنت الحكومة الانتخابات. وقالت الحكومه إن الحُكومة باقية."
    start, end = 6, 13
    assert text[start:end] == "الحكومة"
    assert [text[a:b] for a, b in find_mentions(text, start, end)] == ["الحكومه", "الحُكومة"]
