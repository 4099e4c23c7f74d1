"""gui/review_layout.py: the review window's widgets, and the remembered strategy."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTextEdit

from annotator.gui.review_layout import default_strategy


def test_default_strategy_is_the_reviewers_last_choice(clean_settings: QSettings) -> None:
    assert default_strategy(clean_settings) == ("unanimous", 2)
    clean_settings.setValue("review_strategy", "min")
    clean_settings.setValue("review_min_annotators", 3)
    assert default_strategy(clean_settings) == ("min", 3)
    clean_settings.setValue("review_strategy", "coin-toss")
    clean_settings.setValue("review_min_annotators", "x")
    assert default_strategy(clean_settings) == ("unanimous", 2)
    clean_settings.setValue("review_min_annotators", -4)
    assert default_strategy(clean_settings)[1] == 1


def test_the_window_is_built_with_its_panes_and_keys(review_project, open_review) -> None:
    path, _ids = review_project
    window = open_review(path)
    assert window.findChild(QTextEdit, "articleView") is window.view  # the workbench's testing contract
    assert window.queue_model.rowCount() == 3  # articles done by at least two annotators
    assert window.strategy_box.count() == 3
    names = {a.objectName() for a in window.findChildren(QAction)}
    assert {"actQuit", "actAcceptGold", "actNextConflict", "actPrevConflict", "actRejectAll", "actDelete"} <= names
    assert window.panels and window.panels[0].isVisible()
    assert window.legend_labels and len(window.legend_labels) == 3
