"""Translation and bidirectional-text helpers shared by every window and dialog.

Data shown in the windows (titles, outlets, annotator names, label descriptions) comes
from files other people made: it is shown as plain text, never as Qt rich text, and the
Unicode controls that could reorder a list around it are neutralised here.
"""
from __future__ import annotations

import html
import unicodedata

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

# Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI) and the marks.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_STRIP = {ord(c): None for c in BIDI_CONTROLS}


def translate(context: str, text: str) -> str:
    """A translation; in the Arabic UI one that starts with Latin still reads right to left."""
    translated = QCoreApplication.translate(context, text)
    return rtl_safe(translated) if translated != text else translated


def tr(text: str) -> str:
    """The windows' own strings (context "MainWindow")."""
    return QCoreApplication.translate("MainWindow", text)


def plural_form(translated: str, n: int) -> str:
    """For a module's counted-string helper::

        def tr_n(text: str, n: int) -> str:
            return plural_form(QCoreApplication.translate("Ctx", text, None, n), n)

    ``%n`` stands for the number; Arabic has six plural forms (ar.yaml lists them, see
    resources/translations/update.py). The English source may give ``singular|plural``:
    without a translation, the form for ``n`` is picked here."""
    if "|" in translated:
        singular, plural = translated.split("|", 1)
        translated = singular if n == 1 else plural
    return translated


def arabic_ui() -> bool:
    return QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def rtl_safe(text: str) -> str:
    """In the Arabic UI, a translation that starts with Latin ("F1 …", "Alt …") still reads
    right to left: a leading RIGHT-TO-LEFT MARK sets the paragraph direction."""
    if text and arabic_ui() and not ("\u0600" <= text[0] <= "\u06ff" or text[0] == "\u200f"):
        return "\u200f" + text
    return text


def isolate(text: str) -> str:
    """Wrap in Unicode first-strong isolates so mixed Arabic/Latin pieces keep their order."""
    return f"\u2068{text}\u2069"


def is_rtl(text: str) -> bool:
    """Whether the first strongly directional character is right-to-left (Arabic, Hebrew...)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def follow_text_direction(box) -> None:  # type: ignore[no-untyped-def]
    """A text box where the annotator writes: right to left (and aligned right) while its
    text starts with Arabic, the UI's direction while it is empty."""
    text = box.toPlainText()
    direction = (Qt.LayoutDirection.RightToLeft if is_rtl(text) else Qt.LayoutDirection.LeftToRight) if text \
        else QApplication.layoutDirection()
    if box.layoutDirection() != direction:
        box.setLayoutDirection(direction)
        option = box.document().defaultTextOption()
        option.setTextDirection(direction)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                            if direction == Qt.LayoutDirection.RightToLeft
                            else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        box.document().setDefaultTextOption(option)


def neutralise(text: str | None) -> str:
    """Data for one line of a list or label: bidi controls removed (a stray U+202E would
    reverse everything after it), line breaks and other control characters turned to spaces."""
    if not text:
        return ""
    text = text.translate(_STRIP)
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def escaped_rich_text(text: str | None) -> str:
    """Data for a place where Qt guesses whether text is rich text (tooltips, message
    boxes): made rich text on purpose, with the data escaped, so ``<img …>`` in a title or
    a name shows as written and is never loaded or laid out."""
    if not text:
        return ""
    lines = (html.escape(neutralise(line), quote=False) for line in text.split("\n"))
    return "<qt>" + "<br>".join(lines) + "</qt>"


tooltip = escaped_rich_text
