"""What the annotate and review windows share: actions, error reporting, help dialogs."""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QWidget,
)

from ..core.domain import Label
from ..core.errors import AnnotatorError, StorageError
from .i18n import arabic_ui, neutralise, tooltip

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", text)

MIN_FONT, MAX_FONT = 10, 40


class WindowBase(QMainWindow):
    """Subclasses set ``self.labels``, ``self.settings``, ``self.undo_stack`` and ``self.view``,
    build ``self.banner`` with :meth:`make_banner`, and implement ``apply_label``."""

    banner: QLabel
    undo_stack: QUndoStack
    labels: list[Label]
    settings: QSettings

    # ------------------------------------------------------------------ layout
    def make_banner(self) -> QLabel:
        """The red line that says a change could not be saved (hidden until then)."""
        self.banner = QLabel()
        self.banner.setObjectName("errorBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet("background:#b3261e;color:white;padding:8px;font-weight:bold;")
        self.banner.hide()
        return self.banner

    @staticmethod
    def make_data_label(name: str) -> QLabel:
        """A label that shows data from the project (titles, outlets, names): plain text
        always, so ``<img …>`` in a title is shown, never loaded or laid out."""
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def make_title_label(self, point_size: int = 17, padding: str = "14px 28px 4px 28px") -> QLabel:
        self.title_label = self.make_data_label("articleTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet(
            f"QLabel#articleTitle {{ font-size: {point_size}pt; font-weight: bold; padding: {padding};"
            " background: #fffdf8; color: #1b1b1b; }"
        )
        return self.title_label

    def make_palette(self, button_padding: str = "5px 14px") -> tuple[QWidget, QHBoxLayout]:
        """One button per label, in its colour, with its key; clicking applies the label.

        The buttons sit in a row that scrolls sideways, so however many labels the schema
        has (up to the store's MAX_LABELS) the window keeps its width. Returns the bar and
        the layout where callers add their own controls after the labels."""
        from .article_view import tint

        bar = QWidget()
        bar.setObjectName("labelPalette")
        bar.setStyleSheet("QWidget#labelPalette { background: #f3efe6; border-bottom: 1px solid #ddd6c8; }")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(20, 6, 20, 6)
        strip = QWidget()
        strip.setObjectName("labelStrip")
        strip_layout = QHBoxLayout(strip)
        strip_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("labelScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setStyleSheet("QScrollArea, QWidget#labelStrip { background: transparent; }")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label_buttons: dict[str, QPushButton] = {}
        arabic = arabic_ui()
        from ..core.store import MAX_LABELS

        # A file with more labels than the store allows (made by other means) still opens.
        for lab in self.labels[:MAX_LABELS]:
            name = neutralise((lab.name_ar if arabic else lab.name_en) or lab.name)
            button = QPushButton(f"{lab.key}  {name}" if lab.key else name)
            button.setObjectName(f"label_{lab.name}")
            button.setToolTip(tooltip(f"{lab.name} — {lab.description}"))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            dark = QColor(lab.color).darker(150).name()
            button.setStyleSheet(
                f"QPushButton {{ background: {tint(lab.color, 0.42).name()}; border: 1px solid {dark};"
                f" border-bottom: 3px solid {dark}; border-radius: 6px; padding: {button_padding};"
                f" font-weight: bold; color: #1b1b1b; }}"
                f" QPushButton:hover {{ background: {tint(lab.color, 0.65).name()}; }}"
            )
            button.clicked.connect(lambda _c=False, name=lab.name: self.apply_label(name))  # type: ignore[attr-defined]
            strip_layout.addWidget(button)
            self.label_buttons[lab.name] = button
        strip_layout.addStretch(1)
        scroll.setWidget(strip)
        # One row of buttons high (plus the scroll bar when it shows): never taller.
        row = max((b.sizeHint().height() for b in self.label_buttons.values()), default=24)
        scroll.setFixedHeight(row + scroll.horizontalScrollBar().sizeHint().height() + 4)
        layout.addWidget(scroll, 1)
        return bar, layout

    def prepare_view(self, view) -> None:  # type: ignore[no-untyped-def]
        """Labels and the remembered text size for an article view."""
        view.set_labels(self.labels)
        size = int(self.settings.value("font_size", 0) or 0)
        if MIN_FONT <= size <= MAX_FONT:
            view.set_font_size(size)

    def change_font_size(self, step: int) -> None:
        view = self.view  # type: ignore[attr-defined]
        size = max(MIN_FONT, min(MAX_FONT, view.font().pointSize() + step))
        view.set_font_size(size)
        self.settings.setValue("font_size", size)

    def install_panes(self, left: QWidget, centre: QWidget, right: QWidget, sizes: list[int]) -> QSplitter:
        """List | article | side panel; only the article grows with the window."""
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        for i, pane in enumerate((left, centre, right)):
            splitter.addWidget(pane)
            splitter.setStretchFactor(i, 1 if i == 1 else 0)
        splitter.setSizes(sizes)
        self.setCentralWidget(splitter)
        return splitter

    @staticmethod
    def select_row(table, row: int | None) -> None:  # type: ignore[no-untyped-def]
        """Make ``row`` of a list the current, selected and visible one (None: no selection)."""
        if row is None:
            table.clearSelection()
            return
        index = table.model().index(row, 0)
        table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        table.scrollTo(index)

    def make_status_labels(self, count: int) -> list[QLabel]:
        labels = []
        for _ in range(count):
            w = QLabel()
            w.setTextFormat(Qt.TextFormat.PlainText)  # annotator names and titles are data
            w.setStyleSheet("padding: 0 10px;")
            self.statusBar().addPermanentWidget(w)
            labels.append(w)
        return labels

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

    # -------------------------------------------------------------- navigation
    def navigation_ids(self) -> list[int]:
        """Article ids in the order next/previous walk them (the list, or the review queue)."""
        raise NotImplementedError

    def navigation_row(self, article_id: int | None) -> int | None:
        """The current article's position in :meth:`navigation_ids` (models keep an index)."""
        raise NotImplementedError

    def edge_message(self, last: bool) -> str:
        """What to say at the end (``last``) or the start of that order."""
        raise NotImplementedError

    def _neighbour(self, step: int) -> int | None:
        ids = self.navigation_ids()
        row = self.navigation_row(self.article_id)  # type: ignore[attr-defined]
        if row is None:
            return ids[0] if ids else None
        target = row + step
        return ids[target] if 0 <= target < len(ids) else None

    def next_article(self) -> None:
        self._go(+1)

    def previous_article(self) -> None:
        self._go(-1)

    def _go(self, step: int) -> None:
        target = self._neighbour(step)
        if target is None:
            self.statusBar().showMessage(self.edge_message(last=step > 0), 4000)
            return
        self.open_article(target)  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ errors
    def report_error(self, message: str, *, persistent: bool = False) -> None:
        log.warning("%s", message)
        message = neutralise(message)
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
