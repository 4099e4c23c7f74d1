"""gui/span_menu.py: the right-click menu on the article view."""
from __future__ import annotations

from gui_helpers import stored_spans

from annotator.gui.span_menu import build_span_menu

TEXT = "قال المرصد السوري إن قوات النظام قصفت ريف حمص."


def _point_at(window, cp: int):  # type: ignore[no-untyped-def]
    window.view.place_cursor_cp(cp)
    return window.view.cursorRect().center()


def test_the_menu_on_a_span_relabels_and_deletes(make_project, open_window) -> None:
    path, (article,) = make_project([TEXT])
    window = open_window(path)
    start = TEXT.index("قوات النظام")
    span = window.create_span(start, start + len("قوات النظام"), "ACTOR")
    assert span is not None
    menu = build_span_menu(window, _point_at(window, start + 2))
    names = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert {"relabel_LOCATION", "relabel_SOURCE", "deleteSpan", "copy"} <= set(names)
    assert not names["relabel_ACTOR"].isEnabled()  # its own label
    assert window.selected_span_id == span.id
    names["relabel_LOCATION"].trigger()
    assert [s.label for s in stored_spans(path, article, "hala")] == ["LOCATION"]
    menu = build_span_menu(window, _point_at(window, start + 2))
    next(a for a in menu.actions() if a.objectName() == "deleteSpan").trigger()
    assert stored_spans(path, article, "hala") == []


def test_the_menu_on_plain_text_only_copies(make_project, open_window) -> None:
    path, _ids = make_project([TEXT])
    window = open_window(path)
    menu = build_span_menu(window, _point_at(window, 1))
    assert [a.objectName() for a in menu.actions() if a.objectName()] == ["copy"]
    assert not menu.actions()[-1].isEnabled()  # nothing selected to copy
    assert menu.objectName() == "spanMenu"
