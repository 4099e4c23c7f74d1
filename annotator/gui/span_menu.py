"""The workbench's right-click menu on the article: what can be done to the span or
suggestion under the pointer (relabel with each label, delete, accept, reject)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from .i18n import arabic_ui, neutralise

# The MainWindow this menu serves. Not imported (it imports this module).
MainWindow = Any


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", text)


def _label_name(lab) -> str:  # type: ignore[no-untyped-def]
    return neutralise((lab.name_ar if arabic_ui() else lab.name_en) or lab.name)


def _add(menu: QMenu, text: str, slot, name: str, key: str | None = None) -> QAction:  # type: ignore[no-untyped-def]
    action = menu.addAction(text)
    action.setObjectName(name)
    if key:  # shown as a reminder; the keys themselves are the view's
        action.setShortcut(QKeySequence(key))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_span_menu(w: MainWindow, point: QPoint) -> QMenu:
    """The menu for the point (viewport coordinates) of the article view.

    The menu takes the *application's* direction: the article view is right to left for
    its Arabic text even in the English UI, and a menu inheriting that would put the
    English items and their keys on the wrong sides."""
    view = w.view
    menu = QMenu(view)
    menu.setObjectName("spanMenu")
    menu.setLayoutDirection(QApplication.layoutDirection())
    item = view.shown_at(view.cp_at_point(point))
    span = w.session.span(item.span_id) if item is not None and item.kind != "suggestion" else None
    if span is not None:
        w.select_span(span.id)
        for lab in w.labels:
            action = _add(menu, tr("Relabel as %1").replace("%1", _label_name(lab)),
                          lambda name=lab.name, sid=span.id: w.relabel_span(sid, name), f"relabel_{lab.name}",
                          lab.key or None)
            action.setEnabled(lab.name != span.label)
        menu.addSeparator()
        _add(menu, tr("Delete span"), lambda sid=span.id: w.delete_span(sid), "deleteSpan", "Delete")
    elif item is not None:  # a suggestion
        sugg = next((s for s in w.visible_suggestions if (s.start, s.end, s.label) ==
                     (item.start, item.end, item.label)), None)
        if sugg is not None:
            _add(menu, tr("Accept suggestion"), lambda: w.accept_suggestion(sugg), "acceptSuggestion", "Return")
            _add(menu, tr("Reject suggestion"), lambda: w.reject_suggestion(sugg), "rejectSuggestion", "Backspace")
            menu.addSeparator()
            for lab in w.labels:
                if lab.name != sugg.label:
                    _add(menu, tr("Accept as %1").replace("%1", _label_name(lab)),
                         lambda name=lab.name: w.accept_suggestion(sugg, name), f"acceptAs_{lab.name}")
    if menu.actions():
        menu.addSeparator()
    copy = _add(menu, tr("Copy"), view.copy, "copy", "Ctrl+C")
    copy.setEnabled(view.textCursor().hasSelection())
    return menu
