"""Stored code-point offsets against Qt's UTF-16 positions, through the real widgets.

Every case marks its target with ⟦ ⟧. The Qt positions used to select it are
computed twice: by the view's QtOffsetMap and, independently, by counting UTF-16
code units here (a CRLF pair is one document position). The stored span must cut
exactly the intended characters out of the stored text, and a stored span must be
drawn over exactly its characters.
"""
from __future__ import annotations

import pytest
from gui_helpers import stored_spans
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from annotator.core.offsets import QtOffsetMap, qt_document_text
from annotator.core.store import Project

CASES = {
    "emoji before and inside": "قال 😀 المرصد إن ⟦قوات 🇸🇾 النظام⟧ قصفت 👍🏽 القرية",
    "emoji at both edges": "تقرير 🔥🔥 عن ⟦😀غارة😀⟧ جديدة",
    "other non-BMP": "رموز 𝟙𝟚 ثم ⟦𐎀𐎁 𠀀⟧ وبعدها 𝒜",
    "crlf": "عنوان الخبر\r\n\r\nقتل ⟦5 مدنيين⟧ في\r\nريف حلب\r\n",
    "crlf inside the span": "سطر أول\r\n⟦دير\r\nالزور⟧ سطر\r\nثالث",
    "lone cr": "سطر\rآخر ⟦دير الزور⟧\rنهاية\r",
    "mixed breaks and emoji": "أ\r\n😀\rب\n⟦ج 😀\r\nد⟧\r\n\rهـ",
    "bidi marks": "\u200fقال \u200e⟦AFP\u200e⟧ \u061cإن ⟦\u200fالجيش\u200f⟧",
    "zwj and zwnj": "ال\u200dجيش ⟦ال\u200cحر\u200d⟧ وال\u200cقوات",
    "combining diacritics": "⟦قُتِلَ⟧ شخصٌ وأُصيبَ ⟦اثنانِ⟧ e\u0301te\u0301",
    "tatweel": "في ⟦مـــدينة⟧ حلـــب",
    "arabic-indic digits": "مقتل ⟦٣٤⟧ مدنياً و۱۲ جريحاً",
    "latin and digits in arabic": "قالت وكالة ⟦Reuters 2024⟧ إن 17 مقاتلا من ⟦SDF⟧ قتلوا",
    "tabs and runs of spaces": "قال\t\tالمرصد   ⟦السوري  لحقوق\tالإنسان⟧\t  إن",
    "leading byte-order mark": "\ufeff⟦حلب⟧ تحت ⟦القصف⟧",
    "ascii only with crlf": "Aleppo\r\n\r\nReuters said ⟦five people⟧ died\r\nin ⟦Idlib⟧.",
}


def parse(template: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without the ⟦ ⟧ marks, and the marked ranges in code points."""
    text, ranges, start = "", [], None
    for ch in template:
        if ch == "⟦":
            start = len(text)
        elif ch == "⟧":
            ranges.append((start, len(text)))
        else:
            text += ch
    return text, ranges


def utf16_position(text: str, cp: int) -> int:
    """Qt position of code point ``cp``, counted here without QtOffsetMap."""
    head = text[:cp]
    return len(head.encode("utf-16-le")) // 2 - head.count("\r\n")


def as_document_text(s: str) -> str:
    """What a QTextDocument holds for ``s``: every line break is one U+2029."""
    return s.replace("\r\n", "\u2029").replace("\r", "\u2029").replace("\n", "\u2029")


def view_of(window) -> QTextEdit:
    return window.findChild(QTextEdit, "articleView")


@pytest.mark.parametrize("name", list(CASES))
def test_exact_selection_stores_the_intended_characters(name, qtbot, make_project, open_window):
    text, ranges = parse(CASES[name])
    path, ids = make_project([text])
    window = open_window(path)
    view = view_of(window)
    everything = QTextCursor(view.document())
    everything.select(QTextCursor.SelectionType.Document)
    assert everything.selectedText() == as_document_text(qt_document_text(text))
    window.exact_button.setChecked(True)
    for n, (start, end) in enumerate(ranges):
        a, b = utf16_position(text, start), utf16_position(text, end)
        assert (view.offsets.to_qt(start), view.offsets.to_qt(end)) == (a, b)
        cursor = view.textCursor()
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        assert cursor.selectedText() == as_document_text(text[start:end])
        assert view.selection_cp() == (start, end)
        qtbot.keyClick(view, Qt.Key.Key_1)
        saved = stored_spans(path, ids[0], "hala")
        assert sorted((s.start, s.end) for s in saved) == sorted(ranges[: n + 1])
        assert sorted(text[s.start:s.end] for s in saved) == sorted(text[x:y] for x, y in ranges[: n + 1])


@pytest.mark.parametrize("name", list(CASES))
def test_stored_spans_are_drawn_over_their_characters(name, qtbot, make_project, open_window):
    text, ranges = parse(CASES[name])
    path, ids = make_project([text])
    with Project.open(path) as project:
        for start, end in ranges:
            project.add_span(ids[0], "hala", start, end, "LOCATION")
    window = open_window(path)
    view = view_of(window)
    drawn = sorted((sel.cursor.selectionStart(), sel.cursor.selectionEnd(), sel.cursor.selectedText())
                   for sel in view.extraSelections())
    expected = sorted((utf16_position(text, s), utf16_position(text, e), as_document_text(text[s:e]))
                      for s, e in ranges)
    assert drawn == expected

    # Clicking inside a span (between its last two characters) selects that span.
    start, end = ranges[-1]
    inside = utf16_position(text, end - 1)
    cursor = QTextCursor(view.document())
    cursor.setPosition(inside)
    view.setTextCursor(cursor)
    assert view.cursor_cp() == end - 1
    item = view.shown_at(view.cursor_cp())
    assert item is not None and (item.start, item.end) == (start, end)


# ⟦ ⟧ mark a sloppy selection; the second item is what the guidelines make of it.
SNAP_CASES = [
    ("قال 😀 المرصد إن قو⟦ات 🇸🇾 النظا⟧م قصفت", "قوات 🇸🇾 النظام"),
    ("عنوان\r\n\r\nقتل 5 مد⟦نيين في\r\nريف حـ⟧لب\r\n", "مدنيين في\r\nريف حـلب"),
    ("أ\r\n😀\rب\n😀⟦والجيش⟧\r\n", "الجيش"),
    ("ال\u200dجيش وال\u200c⟦حر⟧ 😀", "ال\u200cحر"),
    ("\u200fقال \u200e«⟦للتنظيم»⟧ ٣٤", "لتنظيم"),
]


@pytest.mark.parametrize(("template", "expected"), SNAP_CASES)
def test_snapped_selection_matches_the_core_rules(template, expected, qtbot, make_project, open_window):
    """Without exact selection the window snaps through core.text.snap_span, on code points."""
    from annotator.core.text import snap_span

    text, [(a, b)] = parse(template)
    path, ids = make_project([text])
    window = open_window(path)
    view = view_of(window)
    cursor = view.textCursor()
    cursor.setPosition(utf16_position(text, a))
    cursor.setPosition(utf16_position(text, b), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_2)
    (span,) = stored_spans(path, ids[0], "hala")
    assert (span.start, span.end) == snap_span(text, a, b)
    assert text[span.start:span.end] == expected


def test_a_selection_ending_inside_a_surrogate_pair_takes_the_whole_character(qtbot, make_project, open_window):
    text = "قبل 😀😀 بعد"
    path, _ids = make_project([text])
    view = view_of(open_window(path))
    first = text.index("😀")
    m = view.offsets
    assert m.span_to_cp(m.to_qt(first), m.to_qt(first) + 1) == (first, first + 1)
    assert m.span_to_cp(m.to_qt(first) + 1, m.to_qt(first + 2)) == (first, first + 2)


# ---------------------------------------------------------------- property test
_SPECIAL = st.sampled_from(["\r\n", "\r", "\n", "😀", "🇸🇾", "𝟙", "𠀀", "\u200f", "\u200d", "ـ", "ُ", "\t", " "])
_ANY = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
_TEXT = st.lists(st.one_of(_SPECIAL, _ANY, st.sampled_from("حلب دير الزور")), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.data())
def test_offset_map_round_trips_and_agrees_with_qt(qapp, s, data):
    m = QtOffsetMap(s)
    crlf_mid = {i for i in range(1, len(s)) if s[i - 1] == "\r" and s[i] == "\n"}
    for i in range(len(s) + 1):
        qt = m.to_qt(i)
        assert qt == utf16_position(s, i)
        # The \n of a CRLF shares the \r's separator: its position maps to the next character.
        assert m.to_cp(qt) == (i + 1 if i in crlf_mid else i)
    for q in range(m.length_qt + 1):
        cp = m.to_cp(q)
        assert m.to_qt(cp) <= q  # inside a surrogate pair: the character's start
        assert q - m.to_qt(cp) <= 1
    assert m.length_qt == utf16_position(s, len(s))

    # And against the document Qt really builds from the text.
    doc = QTextDocument()
    doc.setPlainText(qt_document_text(s))  # what the view hands to Qt
    assert doc.characterCount() - 1 == m.length_qt
    a = data.draw(st.integers(0, len(s)))
    b = data.draw(st.integers(a, len(s)))
    cursor = QTextCursor(doc)
    cursor.setPosition(m.to_qt(a))
    cursor.setPosition(m.to_qt(b), QTextCursor.MoveMode.KeepAnchor)
    shown = qt_document_text(s)[a:b]
    piece = shown[1:] if a in crlf_mid else shown  # the zero-width half of a CRLF
    assert cursor.selectedText() == _doc_form(as_document_text(piece))


def test_a_leading_byte_order_mark_does_not_shift_the_document(qapp) -> None:
    """Found by the property above: Qt drops a BOM at the very start of a document."""
    for text in ("\ufeff", "\ufeffحلب", "\ufeff\ufeffدير الزور"):
        doc = QTextDocument()
        doc.setPlainText(qt_document_text(text))
        assert doc.characterCount() - 1 == QtOffsetMap(text).length_qt == len(text)


def _doc_form(s: str) -> str:
    # Qt also turns its own paragraph separator and frame marks into block separators.
    return s.replace("\ufdd0", "\u2029").replace("\ufdd1", "\u2029")
