"""gui/agreement_dialog.py: the agreement numbers, chart and worst articles, as a reviewer sees them."""
from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import project_with_articles
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from review_helpers import AMAL, BADR, REVIEWER, at

from annotator.core.store import Project

AGREE_TEXT = "قوات النظام في مدينة حلب"


@pytest.fixture
def agreement_project(tmp_path: Path) -> Path:
    """Two annotators, five tokens: same ACTOR, LOCATION «حلب» vs «مدينة حلب».

    Exact F1: ACTOR 1, LOCATION 0, micro 2·1/(2·1+1+1) = 0.50; overlap F1 1 everywhere.
    Tokens A = [A, A, O, O, L], B = [A, A, O, L, L]: Cohen's κ = (0.8 − 0.32)/(1 − 0.32) = 0.71;
    Krippendorff's α = 1 − (2/10)/(66/90) = 0.73. LOCATION only: κ = (0.8 − 0.56)/0.44 = 0.55.
    """
    path = tmp_path / "agree.db"
    (aid,) = project_with_articles(path, [("حلب", AGREE_TEXT)], creator=REVIEWER)
    with Project.open(path) as p:
        for name in (AMAL, BADR):
            p.ensure_annotator(name)
            p.add_span(aid, name, *at(AGREE_TEXT, "قوات النظام"), "ACTOR")
            p.set_status(aid, name, "done")
        p.add_span(aid, AMAL, *at(AGREE_TEXT, "حلب"), "LOCATION")
        p.add_span(aid, BADR, *at(AGREE_TEXT, "مدينة حلب"), "LOCATION")
    return path


def overall_row(dialog, name: str) -> list[str]:
    t = dialog.overall_table
    for r in range(t.rowCount()):
        if t.item(r, 0).data(Qt.ItemDataRole.UserRole) == name:
            return [t.item(r, c).text() for c in range(t.columnCount())]
    raise AssertionError(name)


def agreement_dialog(project, qtbot):
    """The agreement dialog over ``project``, its report computed."""
    from annotator.gui.agreement_dialog import AgreementDialog

    dialog = AgreementDialog(project)
    qtbot.addWidget(dialog)
    if dialog.report is None:
        with qtbot.waitSignal(dialog.reportReady, timeout=10000):
            pass
    return dialog


def test_agreement_dialog_numbers_and_chart(agreement_project, qtbot):
    with Project.open(agreement_project) as project:
        dialog = agreement_dialog(project, qtbot)
        # Columns: label, exact P R F1, overlap P R F1.
        assert overall_row(dialog, "ACTOR")[1:7] == ["1.00"] * 6
        assert overall_row(dialog, "LOCATION")[3] == "0.00"
        assert overall_row(dialog, "LOCATION")[6] == "1.00"
        micro = overall_row(dialog, None)
        assert micro[3] == "0.50" and micro[6] == "1.00"
        pair = dialog.pair_tree.topLevelItem(0)
        assert pair.text(0) == f"{AMAL} – {BADR}"
        assert pair.text(1) == "1" and pair.text(2) == "5"
        assert pair.text(3) == "0.71" and pair.text(4) == "0.50" and pair.text(5) == "1.00"
        assert dialog.cards["alpha"].text() == "0.73"
        assert dialog.cards["kappa"].text() == "0.71"  # one pair: the mean is that pair's kappa
        assert dialog.cards["exact"].text() == "0.50" and dialog.cards["overlap"].text() == "1.00"
        assert dialog.cards["articles"].text() == "1"
        assert dialog.worst_table.rowCount() == 1 and dialog.worst_table.item(0, 1).text() == "حلب"

        # The chart: one group per label, bars in the label colours.
        assert [b.name for b in dialog.chart.bars] == ["Actor", "Location"]
        assert [(b.overlap, b.exact) for b in dialog.chart.bars] == [(1.0, 1.0), (1.0, 0.0)]
        dialog.tabs.setCurrentIndex(0)
        dialog.resize(900, 700)
        dialog.show()
        qtbot.waitExposed(dialog)
        image = dialog.chart.grab().toImage()
        assert not image.isNull() and image.width() > 100
        colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3)
                   for y in range(0, image.height(), 3)}
        assert QColor(project.label("ACTOR").color).name() in colours
        assert QColor(project.label("LOCATION").color).name() in colours

        # Filter on one label: binary token kappa.
        with qtbot.waitSignal(dialog.reportReady, timeout=10000):
            dialog.label_filter.setCurrentIndex(dialog.label_filter.findData("LOCATION"))
        assert dialog.pair_tree.topLevelItem(0).text(3) == "0.55"
        assert [b.name for b in dialog.chart.bars] == ["Location"]
        dialog.close()


def test_agreement_dialog_double_click_opens_the_article(review_project, open_review, qtbot):
    from annotator.gui.agreement_dialog import AgreementDialog

    path, ids = review_project
    w = open_review(path)
    w.open_article(ids["agreed"])
    dialog = AgreementDialog(w.project, w)
    if dialog.report is None:
        with qtbot.waitSignal(dialog.reportReady, timeout=10000):
            pass
    assert dialog.worst_table.item(0, 0).data(Qt.ItemDataRole.UserRole) == ids["disagreed"]
    dialog.worst_table.cellDoubleClicked.emit(0, 1)
    assert w.article_id == ids["disagreed"]
    dialog.close()


def test_agreement_table_in_arabic_has_no_english_micro(agreement_project, qtbot, qapp):
    """#12 item 10: "micro" stayed English in the Arabic agreement table."""
    import re

    from annotator.gui.app import set_language

    set_language(qapp, "ar")
    try:
        with Project.open(agreement_project) as project:
            dialog = agreement_dialog(project, qtbot)
            total = overall_row(dialog, None)[0]
            dialog.close()
    finally:
        set_language(qapp, "en")
    assert total == "كل الوسوم (المتوسط الجزئي)" and not re.search("[A-Za-z]", total)
