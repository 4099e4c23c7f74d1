"""core/offsets.py: stored code-point offsets against Qt's UTF-16 positions (no Qt needed).

The same map is driven through the real widgets in tests/gui/test_offsets_gui.py.
"""
from __future__ import annotations

import pytest

from annotator.core.offsets import QtOffsetMap, qt_document_text


def test_plain_arabic_text_maps_to_itself() -> None:
    text = "قال المرصد السوري"
    m = QtOffsetMap(text)
    assert m.length_qt == m.length_cp == len(text)
    assert [m.to_qt(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert m.span_to_cp(4, 10) == (4, 10)


def test_a_character_outside_the_bmp_is_two_positions() -> None:
    text = "a😀b"
    m = QtOffsetMap(text)
    assert m.length_qt == 4
    assert [m.to_qt(i) for i in range(4)] == [0, 1, 3, 4]
    assert m.to_cp(2) == 1  # inside the surrogate pair: its start
    assert m.span_to_cp(1, 2) == (1, 2)  # an end inside the pair takes the whole character
    assert m.span_to_qt(1, 2) == (1, 3)


def test_crlf_is_one_position_and_a_lone_cr_is_one() -> None:
    text = "ab\r\ncd\re"
    m = QtOffsetMap(text)
    assert m.length_qt == len(text) - 1
    assert m.to_qt(4) == 3  # "c" comes right after the one separator
    assert m.to_cp(3) == 4
    assert m.to_qt(7) == 6 and m.to_cp(6) == 7  # after the lone \r


@pytest.mark.parametrize("text", ["abc", "a😀\r\nb"])
def test_out_of_range_offsets_are_refused(text: str) -> None:
    m = QtOffsetMap(text)
    with pytest.raises(ValueError):
        m.to_qt(len(text) + 1)
    with pytest.raises(ValueError):
        m.to_cp(-1)
    with pytest.raises(ValueError):
        m.to_cp(m.length_qt + 1)


def test_document_text_keeps_a_leading_bom_as_a_word_joiner() -> None:
    assert qt_document_text("\ufeffنص") == "\u2060نص"
    assert len(qt_document_text("\ufeffنص")) == len("\ufeffنص")
    assert qt_document_text("نص\ufeff") == "نص\ufeff"  # only a leading one is dropped by Qt
