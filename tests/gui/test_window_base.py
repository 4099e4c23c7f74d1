"""What both windows share: the label palette at the schema's size cap."""
from __future__ import annotations

from PySide6.QtWidgets import QScrollArea

from annotator.core.domain import Label
from annotator.core.store import MAX_LABELS, Project


def test_palette_at_the_label_cap_scrolls_and_keeps_the_window_sane(qtbot, make_project, open_window):
    """#16 item 13: with the most labels a schema may have, the palette scrolls sideways
    inside the window instead of widening it (3,000 labels made it 206,325 px wide)."""
    path, _ids = make_project(["حلب: قصف\n\nقصفت قوات النظام أحياء في مدينة حلب."])
    with Project.open(path) as project:
        for i in range(MAX_LABELS - len(project.labels())):
            project.add_label(Label(f"LABEL_NUMBER_{i}", f"وسم طويل الاسم رقم {i}", f"A long label name {i}",
                                    "#336699", "", f"<img width=30000 height=30000> description {i}"))
    window = open_window(path)
    assert len(window.label_buttons) == MAX_LABELS
    assert window.minimumSizeHint().width() < 2000
    assert window.width() < 2000
    scroll = window.findChild(QScrollArea, "labelScroll")
    assert scroll.horizontalScrollBar().maximum() > 0  # the rest is a scroll away
    assert scroll.height() < 120  # one row of buttons, not a wall
    button = window.label_buttons["LABEL_NUMBER_0"]
    assert "&lt;img" in button.toolTip() and "<img " not in button.toolTip()
    button.click()  # still a working palette: with nothing selected it only says so
    assert window.statusBar().currentMessage()
