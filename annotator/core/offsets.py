"""Exact conversion between stored offsets and Qt's text positions.

The store counts Unicode code points in the stored text. Qt counts UTF-16 code
units, and QTextDocument turns each line break — ``\\n``, a lone ``\\r`` and the
pair ``\\r\\n`` alike — into one block separator. A character outside the BMP
(emoji, some CJK) is therefore two Qt positions, and CRLF is one.
"""
from __future__ import annotations

import bisect
from itertools import accumulate

_BOM = "\ufeff"
_WORD_JOINER = "\u2060"


def qt_document_text(text: str) -> str:
    """``text`` as the view hands it to Qt: one code unit for one code unit.

    QTextDocument silently drops a byte-order mark at the very start of the text, which
    would shift every position after it by one. The store keeps such a character (only
    one leading BOM is dropped on import), so the view shows a word joiner there instead:
    equally invisible, and kept by Qt.
    """
    return _WORD_JOINER + text[1:] if text.startswith(_BOM) else text


class QtOffsetMap:
    """Maps code-point offsets of ``text`` to Qt document positions and back."""

    __slots__ = ("_cp_to_qt", "_qt_to_cp", "length_cp", "length_qt")

    def __init__(self, text: str):
        self.length_cp = len(text)
        if "\r" not in text and (text.isascii() or max(text, default="\0") <= "\uffff"):
            self._cp_to_qt: list[int] | None = None  # identity: the common case costs nothing
            self._qt_to_cp: list[int] | None = None
            self.length_qt = len(text)
            return
        widths = []
        prev_cr = False
        for ch in text:
            if ch == "\n" and prev_cr:
                widths.append(0)  # second half of CRLF: shares the separator of the \r
            else:
                widths.append(2 if ch > "\uffff" else 1)
            prev_cr = ch == "\r"
        cp_to_qt = [0, *accumulate(widths)]
        self._cp_to_qt = cp_to_qt
        self.length_qt = cp_to_qt[-1]
        # For every Qt position, the code point that starts there (positions inside a
        # surrogate pair round down to the start of the character).
        self._qt_to_cp = cp_to_qt  # searched with bisect

    def to_qt(self, cp: int) -> int:
        if not 0 <= cp <= self.length_cp:
            raise ValueError(f"offset {cp} outside text of {self.length_cp} code points")
        return cp if self._cp_to_qt is None else self._cp_to_qt[cp]

    def to_cp(self, qt: int) -> int:
        """The code-point offset at Qt position ``qt`` (inside a surrogate pair: its start)."""
        if not 0 <= qt <= self.length_qt:
            raise ValueError(f"position {qt} outside document of {self.length_qt} positions")
        if self._qt_to_cp is None:
            return qt
        # The last code point starting at or before ``qt``: after a CRLF separator that
        # is the character following the pair, never the zero-width \n.
        return bisect.bisect_right(self._qt_to_cp, qt) - 1

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def span_to_cp(self, start: int, end: int) -> tuple[int, int]:
        """A Qt selection as code points; an end inside a surrogate pair takes the whole character."""
        s = self.to_cp(start)
        e = self.to_cp(end)
        if self._cp_to_qt is not None and self._cp_to_qt[e] < end:
            e += 1
        return s, e
