"""gui/review_display.py: what the review window shows of its session."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTreeWidget

from annotator.gui.review_display import (
    position_text,
    select_conflict_row,
    show_gold_badge,
    show_status,
    show_strategy,
    show_title,
)


def test_status_and_title_follow_the_session(review_project, open_review) -> None:
    path, ids = review_project
    window = open_review(path)
    window.open_article(ids["mixed"])
    show_status(window)
    assert window.status_reviewer.text() == "Reviewer: rev"
    assert window.status_conflicts.text() == f"Conflicts left: {window.conflicts_left()} / {len(window.conflicts)}"
    assert window.status_score.text().startswith("Agreement: 0.")
    show_title(window)
    assert window.windowTitle().endswith("— rev — Review — Arabic News Annotator")


def test_the_conflict_list_has_one_row_per_conflict(review_project, open_review) -> None:
    path, ids = review_project
    window = open_review(path)
    window.open_article(ids["mixed"])
    tree = window.conflict_tree
    assert tree.topLevelItemCount() == len(window.conflicts) > 0
    assert window.conflict_heading.text().startswith("Conflicts")
    window.go_to_conflict(1)
    assert tree.selectedItems() == [tree.topLevelItem(1)]


def test_show_strategy_sets_the_controls_without_recomputing(review_project, open_review) -> None:
    path, ids = review_project
    window = open_review(path)
    window.open_article(ids["mixed"])
    before = (window.strategy, window.k)
    show_strategy(window, "min", 3)
    assert window.strategy_box.currentData() == "min" and window.k_spin.value() == 3
    assert window.k_spin.isEnabled()
    assert (window.strategy, window.k) == before  # the session's strategy did not change


def test_gold_badge_texts(qapp) -> None:
    badge = QLabel()
    show_gold_badge(badge, "accepted")
    assert badge.text() == "✓ Accepted gold"
    show_gold_badge(badge, "draft")
    assert badge.text() == "✎ Draft saved"
    show_gold_badge(badge, None)
    assert badge.text().startswith("Draft, not saved yet")


def test_position_is_a_paragraph_number(qapp) -> None:
    text = "عنوان\n\nفقرة أولى\n\nفقرة ثانية"
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    assert position_text(text, 0, starts) == "para. 1"
    assert position_text(text, text.index("ثانية"), starts) == "para. 3"  # blank lines not counted


def test_select_conflict_row_out_of_range_selects_nothing(qapp) -> None:
    tree = QTreeWidget()
    select_conflict_row(tree, 3)
    select_conflict_row(tree, None)
    assert tree.selectedItems() == []
