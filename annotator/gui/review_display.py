"""What the review window shows of its ReviewSession: the gold draft, the annotators'
panels, the conflicts, the strategy controls, the status bar and the title.

These functions read the session and set widgets; they change nothing in it (the window's
actions do, through the session). The widgets are made by :mod:`.review_layout`.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem

from ..core.domain import Label
from ..core.session.review import STRATEGIES, ReviewSession
from .article_view import tint
from .i18n import neutralise, tooltip, translate
from .review_models import CONFLICT_COLOR, AnnotatorPanel, label_name

# The ReviewWindow these functions serve. Not imported (it imports this module): the window
# is the only caller, and the layering stays one-way.
ReviewWindow = Any


def tr(text: str) -> str:
    return translate("Review", text)


def show_gold(w: ReviewWindow) -> None:
    """The gold draft in the article view: its spans, the open options, the current conflict."""
    w.view.set_spans(w.spans, w.selected_span_id)
    w.view.set_suggestions(w.session.open_options())
    current = w.current_conflict()
    w.view.set_conflict_range((current.start, current.end) if current is not None else None)
    show_gold_badge(w.gold_badge, w.gold_status)


def show_current_conflict(w: ReviewWindow) -> None:
    """Mark the current conflict in the view, the conflict list and the annotators' panels."""
    current = w.current_conflict()
    w.view.set_conflict_range((current.start, current.end) if current is not None else None)
    select_conflict_row(w.conflict_tree, w.conflict_index)
    highlight_panels(w)


def highlight_panels(w: ReviewWindow) -> None:
    current = w.current_conflict()
    for panel in w.panels[:len(w.annotators)]:
        panel.highlight(*((current.start, current.end) if current is not None else (None, None)))


def show_conflicts(w: ReviewWindow) -> None:
    fill_conflict_tree(w.conflict_tree, w.session, w.label_map)
    left, total = w.conflicts_left(), len(w.conflicts)
    w.conflict_heading.setText(
        tr("Conflicts") + "  " + tr("%1 left of %2").replace("%1", str(left)).replace("%2", str(total))
        if total else tr("Conflicts") + " — " + tr("No conflicts in this article."))
    select_conflict_row(w.conflict_tree, w.conflict_index)


def show_status(w: ReviewWindow) -> None:
    w.status_reviewer.setText(tr("Reviewer:") + f" {neutralise(w.reviewer)}")
    n = len(w.queue_model.items)
    row = w.queue_model.row_of(w.article_id)
    w.status_position.setText(tr("Queue") + f" {(row + 1) if row is not None else '–'} / {n}")
    w.status_conflicts.setText(tr("Conflicts left:") + f" {w.conflicts_left()} / {len(w.conflicts)}")
    w.status_score.setText(tr("Agreement:") + (f" {w.score:.2f}" if w.score is not None else " –"))


def show_title(w: ReviewWindow) -> None:
    name = w.project.setting("project_name") or w.project.path.stem
    mode = tr("Review")
    w.setWindowTitle(neutralise(f"{name} — {w.reviewer} — ") + f"{mode} — " + tr("Arabic News Annotator"))


def fill_conflict_tree(tree: QTreeWidget, session: ReviewSession, label_map: dict[str, Label]) -> None:
    """One row per conflict (✓ settled, ✗ open), its options and who supported each."""
    tree.clear()
    text, names = session.text, session.annotators
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"] if session.conflicts else [0]
    bold = QFont()
    bold.setBold(True)
    for i, c in enumerate(session.conflicts):
        settled = session.is_settled(c)
        top = QTreeWidgetItem([f"{'✓' if settled else '✗'} {i + 1}", position_text(text, c.start, line_starts),
                               "«" + text[c.start:c.end].replace("\n", " ") + "»", ""])
        top.setData(0, Qt.ItemDataRole.UserRole, i)
        top.setToolTip(0, tr("settled") if settled else tr("open"))
        top.setToolTip(1, f"{c.start}–{c.end}")
        top.setToolTip(2, tooltip(text[c.start:c.end]))
        top.setForeground(0, QBrush(QColor("#1c7c3c" if settled else CONFLICT_COLOR)))
        top.setFont(0, bold)
        top.setFont(2, bold)
        tree.addTopLevelItem(top)
        for o in c.options:
            numbers = [str(names.index(a) + 1) for a in o.supporters if a in names]
            lab = label_map.get(o.label)
            child = QTreeWidgetItem(["●" if o.in_draft else "", label_name(lab, o.label),
                                     "«" + text[o.start:o.end].replace("\n", " ") + "»", " ".join(numbers)])
            child.setData(0, Qt.ItemDataRole.UserRole, i)
            if o.in_draft:
                child.setToolTip(0, tr("in the draft"))
            if lab is not None:
                child.setBackground(1, QBrush(tint(lab.color, 0.45)))
            who = ", ".join(f"{names.index(a) + 1} · {a}" if a in names else a for a in o.supporters)
            for col in (2, 3):
                child.setToolTip(col, tooltip(f"{text[o.start:o.end]}\n{o.label} {o.start}–{o.end}\n{who}"))
            child.setTextAlignment(3, Qt.AlignmentFlag.AlignCenter)
            top.addChild(child)
        top.setExpanded(True)


def position_text(text: str, start: int, line_starts: list[int]) -> str:
    """Paragraph number (blank lines not counted): offsets mean nothing to a reader."""
    line = bisect_right(line_starts, start) - 1
    para = sum(1 for j in range(line + 1)
               if text[line_starts[j]:(line_starts[j + 1] - 1 if j + 1 < len(line_starts) else None)].strip())
    return tr("para. %1").replace("%1", str(max(para, 1)))


def show_strategy(w: ReviewWindow, strategy: str, k: int) -> None:
    """Set the strategy controls without reacting to the change."""
    w._loading = True
    try:
        w.k_spin.setRange(1, max(1, len(w.session.annotators)))
        w.strategy_box.setCurrentIndex(STRATEGIES.index(strategy))
        w.k_spin.setValue(k)
        w.k_spin.setEnabled(strategy == "min")
        w.k_label.setEnabled(strategy == "min")
    finally:
        w._loading = False


def show_gold_badge(badge: QLabel, status: str | None) -> None:
    text, color = {
        None: (tr("Draft, not saved yet: derived from the strategy"), "#6b6b6b"),
        "draft": ("✎ " + tr("Draft saved"), "#8a5a00"),
        "accepted": ("✓ " + tr("Accepted gold"), "#1c7c3c"),
    }[status if status in ("draft", "accepted") else None]
    badge.setText(text)
    badge.setStyleSheet(f"color: {color}; font-weight: bold;")


def show_panels(w: ReviewWindow) -> None:
    """One panel per annotator of the article (made as needed, spare ones hidden)."""
    session = w.session
    while len(w.panels) < len(session.annotators):
        panel = AnnotatorPanel()
        panel.table.clicked.connect(lambda index, p=panel: w._panel_clicked(p, index))
        w.panel_row.addWidget(panel, 1)
        w.panels.append(panel)
    for i, panel in enumerate(w.panels):
        if i < len(session.annotators):
            name = session.annotators[i]
            panel.set_content(i + 1, name, session.text, session.by_annotator.get(name, []),
                              session.classes(name), w.label_map)
            panel.show()
        else:
            panel.hide()
    highlight_panels(w)


def select_conflict_row(tree: QTreeWidget, index: int | None) -> None:
    tree.clearSelection()
    item = tree.topLevelItem(index) if index is not None else None
    if item is None:
        return
    item.setSelected(True)
    tree.scrollToItem(item)
