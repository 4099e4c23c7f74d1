"""What the annotate and review windows share: actions, error reporting, help dialogs."""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu

from ..core.errors import AnnotatorError, StorageError

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", text)


class WindowBase(QMainWindow):
    """Subclasses create ``self.banner`` (a hidden QLabel) and ``self.undo_stack``."""

    banner: QLabel
    undo_stack: QUndoStack

    def make_action(self, menu: QMenu, text: str, keys: list[str] | str | None, slot: Callable[[], Any],
                    name: str) -> QAction:
        """A menu action whose shortcut works anywhere in the window."""
        a = QAction(text, self)
        a.setObjectName(name)
        if keys:
            keys = [keys] if isinstance(keys, str) else keys
            a.setShortcuts([QKeySequence(k) for k in keys])
        a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.triggered.connect(lambda _checked=False: slot())
        menu.addAction(a)
        self.addAction(a)
        return a

    def add_undo_actions(self, menu: QMenu) -> None:
        self.act_undo = self.undo_stack.createUndoAction(self, tr("Undo"))
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_redo = self.undo_stack.createRedoAction(self, tr("Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for a in (self.act_undo, self.act_redo):
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            menu.addAction(a)
            self.addAction(a)

    def add_help_actions(self, team_menu: QMenu, help_menu: QMenu) -> None:
        self.make_action(team_menu, tr("Agreement…"), None, self.show_agreement, "actAgreement")
        self.make_action(help_menu, tr("Annotation guidelines"), "F1", self.show_guidelines, "actGuidelines")
        self.make_action(help_menu, tr("Keyboard shortcuts"), None, self.show_shortcuts, "actShortcuts")

    # ------------------------------------------------------------------ errors
    def report_error(self, message: str, *, persistent: bool = False) -> None:
        log.warning("%s", message)
        if persistent:
            self.banner.setText(message)
            self.banner.show()
        self.statusBar().showMessage(message, 8000)
        QApplication.beep()

    def _guard(self, fn: Callable[[], Any]) -> Any:
        """Run a user action; a domain error becomes a message, never a crash (returns None)."""
        try:
            result = fn()
        except StorageError as exc:
            self.report_error(str(exc), persistent=True)
            return None
        except AnnotatorError as exc:
            self.report_error(str(exc))
            return None
        if self.banner.isVisible():
            self.banner.hide()
        return result

    # ----------------------------------------------------------------- dialogs
    def show_guidelines(self) -> None:
        from .dialogs import GuidelinesDialog

        GuidelinesDialog(self).show()

    def show_shortcuts(self) -> None:
        from .dialogs import ShortcutsDialog

        ShortcutsDialog(self).show()

    def show_agreement(self) -> None:
        from .agreement_dialog import AgreementDialog

        self._guard(lambda: AgreementDialog(self.project, self).show())  # type: ignore[attr-defined]
