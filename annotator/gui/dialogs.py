"""Small windows: the guidelines, the keyboard shortcuts."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


# A block of raw HTML in Markdown (here the `<div dir="rtl">` that makes the Arabic file
# read right to left on web viewers) is passed through by Qt's Markdown reader as HTML,
# and everything up to the closing tag is then lost as unparsed markup: the Arabic
# guidelines showed blank. Qt gets the direction from the document instead.
_HTML_WRAPPER_LINE = re.compile(r"^[ \t]*</?div\b[^>]*>[ \t]*$", re.MULTILINE | re.IGNORECASE)


def markdown_without_wrappers(markdown: str) -> str:
    """``markdown`` without lines that only open or close a ``<div>`` wrapper."""
    return _HTML_WRAPPER_LINE.sub("", markdown)


class _TextDialog(QDialog):
    def __init__(self, title: str, markdown: str, parent: QWidget | None = None, *,
                 right_to_left: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        if right_to_left:
            self.browser.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            option = self.browser.document().defaultTextOption()
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            self.browser.document().setDefaultTextOption(option)
        self.browser.setMarkdown(markdown_without_wrappers(markdown))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)


class GuidelinesDialog(_TextDialog):
    """The annotation guidelines, in the UI's language."""

    def __init__(self, parent: QWidget | None = None):
        from ..core.paths import resources_dir

        arabic = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        folder = resources_dir() / "guidelines"
        path = folder / ("guidelines.ar.md" if arabic else "guidelines.en.md")
        missing = _tr("The guidelines are missing from this installation.")
        text = path.read_text(encoding="utf-8") if path.exists() else missing
        super().__init__(_tr("Annotation guidelines"), text, parent, right_to_left=arabic)
        self.setObjectName("guidelinesDialog")


SHORTCUTS = [
    ("1 … 9", "Label the selection (or relabel the selected span) with that label"),
    ("Delete", "Delete the selected span"),
    ("Enter / Backspace", "Accept / reject the suggestion under the cursor"),
    ("F8 / Shift+F8", "Go to the next / previous suggestion"),
    ("Ctrl+Shift+A", "Accept all suggestions in the article"),
    ("Ctrl+M", "Label all other mentions of the selected span"),
    ("Ctrl+K", "Toggle the clitic (و ف ب ل ك) in or out of the selected span"),
    ("Alt+drag, Ctrl+E", "Select exact characters instead of whole words"),
    ("Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y", "Undo / redo"),
    ("Ctrl+Enter", "Mark done and go to the next article"),
    ("Ctrl+Shift+Enter", "Skip the article"),
    ("Ctrl+Shift+F", "Flag the article with a comment"),
    ("Alt+Left / Alt+Right", "Next / previous article (mirrored in the Arabic layout)"),
    ("Ctrl+= / Ctrl+-", "Larger / smaller text"),
    ("Ctrl+F, F6", "Search the article list; back to the article"),
    ("Ctrl+O, Ctrl+I", "Open another project; import articles"),
    ("F1", "Annotation guidelines"),
]


class ShortcutsDialog(_TextDialog):
    def __init__(self, parent: QWidget | None = None):
        rows = "\n".join(f"| `{k}` | {_tr(v)} |" for k, v in SHORTCUTS)
        md = f"| {_tr('Keys')} | {_tr('Action')} |\n|---|---|\n{rows}\n"
        super().__init__(_tr("Keyboard shortcuts"), md, parent)
        self.setObjectName("shortcutsDialog")
