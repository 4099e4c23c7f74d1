"""Review mode and the agreement dialog, driven like a reviewer drives them.

The project is built in ``tmp_path`` with three annotators whose agreements and conflicts
are known by construction (see :func:`build_review_project`). Every check of what was
saved opens a *second* connection to the file, so "saved" means "on disk".
"""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QTextEdit
from review_helpers import (
    AMAL,
    ART_AGREED,
    BADR,
    CHADI,
    REVIEWER,
    at,
)

from annotator.core.errors import PermissionDenied
from annotator.core.store import Project
from annotator.core.team.gold import gold_draft, gold_rows, gold_spans

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def view_of(window) -> QTextEdit:
    view = window.findChild(QTextEdit, "articleView")
    assert view is not None
    return view


def gold_as_text(window) -> set[tuple[str, str]]:
    return {(window.text[s.start:s.end], s.label) for s in window.spans}


def stored_gold(path: Path, article_id: int) -> tuple[str | None, set[tuple[str, str]]]:
    with Project.open(path) as other:
        found = gold_draft(other, article_id)
        if found is None:
            return None, set()
        text = other.article_text(article_id)
        return found[0], {(text[s.start:s.end], s.label) for s in found[1]}


def key(qtbot, window, k, mods=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(view_of(window), k, mods)


def go_to_conflict_with(qtbot, window, needle: str) -> None:
    """Press F8 from the first conflict until the current one covers ``needle``."""
    start, end = at(window.text, needle)
    window.go_to_conflict(0)
    for _ in range(len(window.conflicts)):
        c = window.current_conflict()
        if c.start <= start and end <= c.end:
            return
        key(qtbot, window, Qt.Key.Key_F8)
    raise AssertionError(f"no conflict over {needle}")


OBSERVATORY = "المرصد السوري لحقوق الإنسان"
UNANIMOUS = {("مصادر محلية", "SOURCE"), ("قوات النظام", "ACTOR"), ("5 عناصر", "COUNT"), ("الطيران الروسي", "ACTOR")}
MAJORITY = UNANIMOUS | {("التنظيم", "ACTOR"), ("الميادين", "LOCATION"), (OBSERVATORY, "SOURCE")}
AT_LEAST_ONE = MAJORITY | {("ريف دير الزور", "LOCATION")}


# ---------------------------------------------------------------------------- queue
def test_queue_has_articles_done_twice_lowest_agreement_first(review_project, open_review):
    path, ids = review_project
    w = open_review(path)
    queue = [it.article_id for it in w.queue_model.items]
    # ART_DISAGREED: no span in common (0.0); ART_MIXED: partly; ART_AGREED: identical (1.0).
    # ART_UNFINISHED has only one done annotation and is not in the queue.
    assert queue == [ids["disagreed"], ids["mixed"], ids["agreed"]]
    scores = [it.score for it in w.queue_model.items]
    assert scores[0] == 0.0 and scores[-1] == 1.0 and 0.0 < scores[1] < 1.0
    assert w.article_id == ids["disagreed"]  # the worst first
    model = w.queue_model
    assert model.data(model.index(0, 2)) == "0.00"
    assert model.data(model.index(2, 2)) == "1.00"
    assert model.data(model.index(0, 0)) == ""  # no gold yet
    assert w.status_position.text().endswith("1 / 3")
    assert REVIEWER in w.status_reviewer.text()
    assert w.status_score.text().endswith("0.00")


def test_queue_click_and_article_keys(review_project, open_review, qtbot):
    path, ids = review_project
    w = open_review(path)
    w.queue_table.clicked.emit(w.queue_model.index(2, 1))
    assert w.article_id == ids["agreed"]
    key(qtbot, w, Qt.Key.Key_PageUp, CTRL)
    assert w.article_id == ids["mixed"]
    key(qtbot, w, Qt.Key.Key_PageDown, CTRL)
    assert w.article_id == ids["agreed"]
    assert view_of(w).toPlainText() == ART_AGREED


# ------------------------------------------------------------------------- strategies
def test_draft_under_each_strategy(review_project, open_review):
    path, ids = review_project
    w = open_review(path)
    w.open_article(ids["mixed"])
    assert w.strategy_box.currentData() == "unanimous"
    assert not w.k_spin.isEnabled()
    assert gold_as_text(w) == UNANIMOUS
    # Unsettled: التنظيم (2 of 3), الميادين (boundaries), المرصد (label), ريف دير الزور (1 of 3).
    assert len(w.conflicts) == 4
    assert w.status_conflicts.text().endswith("4 / 4")

    w.strategy_box.setCurrentIndex(w.strategy_box.findData("majority"))
    assert gold_as_text(w) == MAJORITY
    assert [w.text[c.start:c.end] for c in w.conflicts] == ["ريف دير الزور"]

    w.strategy_box.setCurrentIndex(w.strategy_box.findData("min"))
    assert w.k_spin.isEnabled()
    w.k_spin.setValue(1)
    assert gold_as_text(w) == AT_LEAST_ONE
    # Accepted but beaten: «مدينة الميادين» (1 vs 2) and the ACTOR reading of the observatory.
    assert len(w.conflicts) == 2
    w.k_spin.setValue(3)
    assert gold_as_text(w) == UNANIMOUS

    # Browsing strategies writes nothing: the draft is derived until the reviewer edits.
    assert stored_gold(path, ids["mixed"]) == (None, set())


def test_strategy_change_on_a_stored_draft_is_saved_and_undoable(review_project, open_review, qtbot):
    path, ids = review_project
    w = open_review(path)
    w.open_article(ids["mixed"])
    go_to_conflict_with(qtbot, w, "ريف دير الزور")
    key(qtbot, w, Qt.Key.Key_3, ALT)  # chadi's version: the span goes in
    assert stored_gold(path, ids["mixed"]) == ("draft", UNANIMOUS | {("ريف دير الزور", "LOCATION")})
    w.strategy_box.setCurrentIndex(w.strategy_box.findData("majority"))
    assert stored_gold(path, ids["mixed"]) == ("draft", MAJORITY)
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert w.strategy_box.currentData() == "unanimous"
    assert stored_gold(path, ids["mixed"]) == ("draft", UNANIMOUS | {("ريف دير الزور", "LOCATION")})
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert stored_gold(path, ids["mixed"]) == (None, set())  # back to the derived draft
    assert gold_as_text(w) == UNANIMOUS


# -------------------------------------------------------------------------- conflicts
def test_conflict_navigation_keys(review_project, open_review, qtbot):
    path, ids = review_project
    w = open_review(path)
    w.open_article(ids["mixed"])
    view = view_of(w)
    assert w.conflict_index == 0  # opening goes to the first open conflict
    starts = [c.start for c in w.conflicts]
    assert starts == sorted(starts)
    key(qtbot, w, Qt.Key.Key_F8)
    assert w.conflict_index == 1
    assert w.view.cursor_cp() == w.conflicts[1].start
    key(qtbot, w, Qt.Key.Key_F8)
    assert w.conflict_index == 2
    key(qtbot, w, Qt.Key.Key_F8, SHIFT)
    assert w.conflict_index == 1
    key(qtbot, w, Qt.Key.Key_Down, ALT)
    assert w.conflict_index == 2
    key(qtbot, w, Qt.Key.Key_Up, ALT)
    key(qtbot, w, Qt.Key.Key_Up, ALT)
    assert w.conflict_index == 0
    key(qtbot, w, Qt.Key.Key_Up, ALT)  # no wrap-around: stays, says so
    assert w.conflict_index == 0
    # The conflict list and the annotator panels follow.
    assert w.conflict_tree.topLevelItem(0).isSelected()
    assert view.hasFocus()


def test_conflict_table_lists_options_with_supporters(review_project, open_review, qtbot):
    path, ids = review_project
    w = open_review(path)
    w.open_article(ids["mixed"])
    go_to_conflict_with(qtbot, w, OBSERVATORY)
    item = w.conflict_tree.topLevelItem(w.conflict_index)
    options = {(item.child(i).text(1), item.child(i).text(2), item.child(i).text(3))
               for i in range(item.childCount())}
    # Supporters by the numbers the panels and Alt+N use: 1 amal, 2 badr, 3 chadi.
    assert options == {("Source", f"«{OBSERVATORY}»", "1 3"), ("Actor", f"«{OBSERVATORY}»", "2")}
    assert item.text(1) == "para. 3"


def test_agreement_classes_in_annotator_panels(review_project, open_review):
    path, ids = review_project
    w = open_review(path)
    w.open_article(ids["mixed"])
    panels = w.panels[:3]
    assert [p.name for p in panels] == [AMAL, BADR, CHADI]

    def marks(panel):
        m = panel.model
        return {m.data(m.index(r, 2)): m.data(m.index(r, 0)) for r in range(m.rowCount())}

    assert marks(panels[0]) == {"مصادر محلية": "✓", "قوات النظام": "✓", "5 عناصر": "✓", "الطيران الروسي": "✓",
                                "التنظيم": "~", "الميادين": "✗", OBSERVATORY: "✗"}
    assert marks(panels[2])["ريف دير الزور"] == "~"
    assert marks(panels[1])["مدينة الميادين"] == "✗"
    # The colour repeats the mark: conflict rows are red-tinted, agreed rows green-tinted.
    m = panels[0].model
    rows = {m.data(m.index(r, 2)): r for r in range(m.rowCount())}
    red = m.data(m.index(rows[OBSERVATORY], 0), Qt.ItemDataRole.BackgroundRole).color()
    green = m.data(m.index(rows["مصادر محلية"], 0), Qt.ItemDataRole.BackgroundRole).color()
    assert red.red() > red.green() and green.green() > green.red()


def test_pick_versions_and_reject_all(review_project, open_review, qtbot):
    path, ids = review_project
    aid = ids["mixed"]
    w = open_review(path)
    w.open_article(aid)

    go_to_conflict_with(qtbot, w, OBSERVATORY)
    key(qtbot, w, Qt.Key.Key_2, ALT)  # badr: ACTOR
    assert (OBSERVATORY, "ACTOR") in gold_as_text(w) and (OBSERVATORY, "SOURCE") not in gold_as_text(w)
    status, stored = stored_gold(path, aid)
    assert status == "draft" and (OBSERVATORY, "ACTOR") in stored
    assert w.conflicts_left() == 3
    # The window moved on to the next open conflict.
    assert (w.current_conflict().start, w.current_conflict().end) not in w.resolved

    go_to_conflict_with(qtbot, w, OBSERVATORY)
    key(qtbot, w, Qt.Key.Key_1, ALT)  # amal: SOURCE replaces badr's reading
    assert stored_gold(path, aid)[1] >= {(OBSERVATORY, "SOURCE")}
    assert (OBSERVATORY, "ACTOR") not in stored_gold(path, aid)[1]

    go_to_conflict_with(qtbot, w, "مدينة الميادين")
    key(qtbot, w, Qt.Key.Key_2, ALT)  # badr: the longer boundaries
    assert ("مدينة الميادين", "LOCATION") in stored_gold(path, aid)[1]
    key(qtbot, w, Qt.Key.Key_F8, SHIFT)
    go_to_conflict_with(qtbot, w, "مدينة الميادين")
    key(qtbot, w, Qt.Key.Key_3, ALT)  # chadi: the shorter ones
    assert ("الميادين", "LOCATION") in stored_gold(path, aid)[1]
    assert ("مدينة الميادين", "LOCATION") not in stored_gold(path, aid)[1]

    go_to_conflict_with(qtbot, w, "التنظيم")
    key(qtbot, w, Qt.Key.Key_1, ALT)
    assert ("التنظيم", "ACTOR") in stored_gold(path, aid)[1]
    go_to_conflict_with(qtbot, w, "التنظيم")
    key(qtbot, w, Qt.Key.Key_0, ALT)  # reject both amal's and badr's span
    assert not any(t == "التنظيم" for t, _ in stored_gold(path, aid)[1])

    go_to_conflict_with(qtbot, w, "ريف دير الزور")
    key(qtbot, w, Qt.Key.Key_1, ALT)  # amal marked nothing there: her version is "no span"
    assert not any(t == "ريف دير الزور" for t, _ in stored_gold(path, aid)[1])
    assert w.conflicts_left() == 0
    assert w.status_conflicts.text().endswith("0 / 4")

    # Undo goes back one decision at a time.
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert w.conflicts_left() == 1
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert ("التنظيم", "ACTOR") in stored_gold(path, aid)[1]
    key(qtbot, w, Qt.Key.Key_Z, CTRL, )
    key(qtbot, w, Qt.Key.Key_Z, SHIFT | CTRL)
    assert ("التنظيم", "ACTOR") in stored_gold(path, aid)[1]


def test_pick_with_arabic_indic_digits(review_project, open_review, qtbot):
    path, ids = review_project
    w = open_review(path)
    w.open_article(ids["mixed"])
    go_to_conflict_with(qtbot, w, OBSERVATORY)
    qtbot.keyClick(view_of(w), Qt.Key(0x0662), ALT)  # Alt+٢ (Arabic-Indic two): badr
    assert (OBSERVATORY, "ACTOR") in stored_gold(path, ids["mixed"])[1]


def test_settled_conflicts_survive_a_restart(review_project, open_review, qtbot):
    path, ids = review_project
    w = open_review(path)
    w.open_article(ids["mixed"])
    go_to_conflict_with(qtbot, w, "التنظيم")
    key(qtbot, w, Qt.Key.Key_0, ALT)
    w.close()
    w.project.close()
    w2 = open_review(path)
    w2.open_article(ids["mixed"])
    assert w2.conflicts_left() == 3
    assert not any(t == "التنظيم" for t, _ in gold_as_text(w2))


def test_pick_needs_a_conflict_and_an_annotator(review_project, open_review, qtbot):
    path, ids = review_project
    w = open_review(path)
    w.open_article(ids["disagreed"])  # two annotators
    key(qtbot, w, Qt.Key.Key_3, ALT)
    assert "3" in w.statusBar().currentMessage()
    assert stored_gold(path, ids["disagreed"]) == (None, set())
    w.open_article(ids["agreed"])  # no conflicts at all
    key(qtbot, w, Qt.Key.Key_1, ALT)
    assert stored_gold(path, ids["agreed"]) == (None, set())
    key(qtbot, w, Qt.Key.Key_F8)
    assert w.current_conflict() is None


# ------------------------------------------------------------------------ editing
def select_text(view: QTextEdit, needle: str, occurrence: int = 0) -> None:
    start, end = at(view.toPlainText(), needle, occurrence)
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_editing_the_draft_is_saved_at_once(review_project, open_review, qtbot):
    path, ids = review_project
    aid = ids["mixed"]
    w = open_review(path)
    w.open_article(aid)
    view = view_of(w)
    # Add: select «المرصد…» (with its proclitic و left out by snapping) and press 4 (SOURCE).
    select_text(view, "وأفاد المرصد السوري لحقوق الإنسان"[6:])
    key(qtbot, w, Qt.Key.Key_4)
    status, stored = stored_gold(path, aid)
    assert status == "draft" and stored == UNANIMOUS | {(OBSERVATORY, "SOURCE")}
    # Provenance of a hand-drawn span still names the annotators who had exactly it.
    with Project.open(path) as other:
        span = next(s for s in gold_spans(other, aid) if s.label == "SOURCE" and s.end - s.start == len(OBSERVATORY))
        assert span.attributes["annotators"] == [AMAL, CHADI]
        assert span.attributes["adjudicator"] == REVIEWER
    # Relabel the selected span with 1 (ACTOR).
    key(qtbot, w, Qt.Key.Key_1)
    assert (OBSERVATORY, "ACTOR") in stored_gold(path, aid)[1]
    # Delete it.
    key(qtbot, w, Qt.Key.Key_Delete)
    assert stored_gold(path, aid)[1] == UNANIMOUS
    # Undo three times: the derived draft again, nothing stored.
    for _ in range(2):
        key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert stored_gold(path, aid)[1] == UNANIMOUS | {(OBSERVATORY, "SOURCE")}
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert stored_gold(path, aid) == (None, set())
    key(qtbot, w, Qt.Key.Key_Y, CTRL)
    assert stored_gold(path, aid)[1] == UNANIMOUS | {(OBSERVATORY, "SOURCE")}


def test_refused_first_edit_leaves_nothing_stored(review_project, open_review, qtbot):
    path, ids = review_project
    aid = ids["mixed"]
    w = open_review(path)
    w.open_article(aid)
    # «قوات النظام» is in the draft already: a span overlapping it is refused.
    select_text(view_of(w), "إن قوات")
    key(qtbot, w, Qt.Key.Key_1)
    assert w.statusBar().currentMessage()
    assert stored_gold(path, aid) == (None, set())
    assert w.gold_status is None


# ------------------------------------------------------------------------- accept
def test_accept_as_gold_saves_provenance_and_moves_on(review_project, open_review, qtbot):
    path, ids = review_project
    w = open_review(path)
    w.open_article(ids["mixed"])
    w.strategy_box.setCurrentIndex(w.strategy_box.findData("majority"))
    key(qtbot, w, Qt.Key.Key_Return, CTRL)
    with Project.open(path) as other:
        assert [(aid, who) for aid, who, _ in gold_rows(other)] == [(ids["mixed"], REVIEWER)]
        spans = gold_spans(other, ids["mixed"])
        text = other.article_text(ids["mixed"])
    assert {(text[s.start:s.end], s.label) for s in spans} == MAJORITY
    by_text = {text[s.start:s.end]: s.attributes for s in spans}
    assert by_text["قوات النظام"]["annotators"] == [AMAL, BADR, CHADI]
    assert by_text["التنظيم"]["annotators"] == [AMAL, BADR]
    assert by_text["الميادين"]["annotators"] == [AMAL, CHADI]
    assert all(a["adjudicator"] == REVIEWER and a["adjudicated_at"] for a in by_text.values())
    # On to the next article without gold (after the accepted one in queue order).
    assert w.article_id == ids["agreed"]
    row = w.queue_model.row_of(ids["mixed"])
    assert w.queue_model.data(w.queue_model.index(row, 0)) == "✓"
    # The button does the same.
    qtbot.mouseClick(w.accept_button, Qt.MouseButton.LeftButton)
    with Project.open(path) as other:
        assert {aid for aid, _, _ in gold_rows(other)} == {ids["mixed"], ids["agreed"]}
    assert w.article_id == ids["disagreed"]
    # Undo of an accept goes back to that article and its previous state.
    key(qtbot, w, Qt.Key.Key_Z, CTRL)
    assert w.article_id == ids["agreed"]
    assert stored_gold(path, ids["agreed"]) == (None, set())


def test_accepted_gold_reopens_with_its_strategy_and_no_open_conflicts(review_project, open_review, qtbot):
    path, ids = review_project
    w = open_review(path)
    w.open_article(ids["mixed"])
    w.strategy_box.setCurrentIndex(w.strategy_box.findData("majority"))
    key(qtbot, w, Qt.Key.Key_Return, CTRL)
    w.strategy_box.setCurrentIndex(w.strategy_box.findData("unanimous"))  # for the next article
    w.open_article(ids["mixed"])
    assert w.strategy_box.currentData() == "majority"
    assert w.gold_status == "accepted"
    assert w.conflicts_left() == 0
    assert gold_as_text(w) == MAJORITY


# ------------------------------------------------------------------------ permissions
def test_non_reviewer_gets_permission_denied(review_project, qapp):
    from annotator.gui import create_main_window

    path, _ = review_project
    with pytest.raises(PermissionDenied):
        create_main_window(str(path), AMAL, review=True)


def test_gui_review_for_non_reviewer_shows_the_message(review_project, qapp, monkeypatch):
    import sys

    from annotator.gui import app as app_module

    path, _ = review_project
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    try:
        assert app_module.run(str(path), annotator=AMAL, review=True, lang="en") == 1
    finally:
        app_module.set_language(QApplication.instance(), "en")
    assert len(shown) == 1 and "not a reviewer" in shown[0] and AMAL in shown[0]


def test_rtl_review_window_mirrors_and_speaks_arabic(review_project, open_review, qtbot):
    from annotator.gui.app import set_language

    path, ids = review_project
    set_language(QApplication.instance(), "ar")
    try:
        w = open_review(path)
        w.open_article(ids["mixed"])
        assert w.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert w.label_buttons["ACTOR"].text().endswith("فاعل")
        assert w.conflict_tree.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # Counts take Arabic's plural forms (#12 item 10): 7 مقاطع, not «المقاطع: 7».
        counts = {len(p.model.spans): p.stats.text() for p in w.panels}
        assert counts[7].startswith("\u20687 مقاطع\u2069")
        # Next article is to the left in a right-to-left layout.
        key(qtbot, w, Qt.Key.Key_Left, ALT)
        assert w.article_id == ids["agreed"]
        w.grab().save(str(path.parent / "review-ar.png"))
    finally:
        set_language(QApplication.instance(), "en")


# ------------------------------------------------------------- #12: a working day
def test_review_window_never_jumps_after_a_decision(review_project, open_review, qtbot):
    """#12 item 4: the draft marker widened the queue column and the text reflowed."""
    from PySide6.QtWidgets import QSplitter

    path, ids = review_project
    w = open_review(path)
    w.open_article(ids["mixed"])
    qtbot.wait(50)
    view = view_of(w)
    splitter = w.findChild(QSplitter, "mainSplitter")

    def layout():
        qh = w.queue_table.horizontalHeader()
        ch = w.conflict_tree.header()
        return (view.geometry(), view.mapTo(w, view.rect().topLeft()), splitter.sizes(),
                [qh.sectionSize(c) for c in range(qh.count())], [ch.sectionSize(c) for c in range(ch.count())])

    before = layout()
    go_to_conflict_with(qtbot, w, OBSERVATORY)
    key(qtbot, w, Qt.Key.Key_2, ALT)  # the first decision: the draft is saved, ✎ in the queue
    assert stored_gold(path, ids["mixed"])[0] == "draft"
    row = w.queue_model.row_of(ids["mixed"])
    assert "✎" in str(w.queue_model.data(w.queue_model.index(row, 0)))
    qtbot.wait(50)
    assert layout() == before
    go_to_conflict_with(qtbot, w, "التنظيم")
    key(qtbot, w, Qt.Key.Key_0, ALT)
    qtbot.wait(50)
    assert layout() == before


def test_review_mode_quits_from_the_file_menu_and_ctrl_q(review_project, open_review, qtbot):
    """#12 item 12: review mode had no File → Quit and no Ctrl+Q."""
    path, ids = review_project
    w = open_review(path)
    file_menu = w.menuBar().actions()[0].menu()
    quit_action = next(a for a in file_menu.actions() if a.objectName() == "actQuit")
    assert quit_action.shortcut().toString() == "Ctrl+Q"
    assert w.isVisible()
    key(qtbot, w, Qt.Key.Key_Q, CTRL)
    assert not w.isVisible()


def test_arabic_cells_in_review_tables_read_right_to_left(review_project, open_review):
    """#12 item 6 in the review tables and the conflict list (`5 عناصر` read `عناصر 5`)."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    def option_of(view, index):
        option = QStyleOptionViewItem()
        option.initFrom(view.viewport())
        view.itemDelegateForIndex(index).initStyleOption(option, index)
        return option

    path, ids = review_project
    w = open_review(path)
    w.open_article(ids["mixed"])
    panel = w.panels[0]
    model = panel.model
    rows = {model.data(model.index(r, 2)): r for r in range(model.rowCount())}
    count_cell = option_of(panel.table, model.index(rows["5 عناصر"], 2))
    assert count_cell.direction == Qt.LayoutDirection.RightToLeft
    assert count_cell.textElideMode == Qt.TextElideMode.ElideRight
    assert option_of(panel.table, model.index(rows["5 عناصر"], 0)).displayAlignment & Qt.AlignmentFlag.AlignHCenter
    queue = w.queue_table
    title = option_of(queue, queue.model().index(0, 1))
    assert title.direction == Qt.LayoutDirection.RightToLeft
    assert title.displayAlignment & Qt.AlignmentFlag.AlignRight
    tree = w.conflict_tree
    options = [option_of(tree, tree.model().index(r, 2)) for r in range(tree.topLevelItemCount())]
    assert options and all(o.direction == Qt.LayoutDirection.RightToLeft for o in options if o.text)


def test_not_a_reviewer_message_isolates_an_arabic_name_and_is_translated(review_project, qapp, monkeypatch):
    """#12 item 10: the refusal quoted the name in English developer words, and an Arabic
    name inside the sentence reordered it."""
    import sys

    from annotator.gui import app as app_module

    path, _ = review_project
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    try:
        assert app_module.run(str(path), annotator="أمل", review=True, lang="en") == 1
        assert app_module.run(str(path), annotator="<b>amal</b>", review=True, lang="ar") == 1
    finally:
        app_module.set_language(QApplication.instance(), "en")
    english, arabic = shown
    assert english == ("<qt>\u2068أمل\u2069 is not a reviewer of this project. Only reviewers open review mode; "
                       "the project's lead can make \u2068أمل\u2069 a reviewer.</qt>")
    assert arabic.startswith("<qt>\u200f\u2068&lt;b&gt;amal&lt;/b&gt;\u2069 ليس مراجعًا في هذا المشروع.")
