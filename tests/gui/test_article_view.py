"""gui/article_view.py: the article text, its highlights and its keys, on a bare view.

The offsets against Qt's positions are held by tests/gui/test_offsets_gui.py, and thousands
of highlights by tests/gui/test_highlight_stress.py.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent

from annotator.core.domain import Label, Span, Suggestion
from annotator.gui.article_view import ArticleView, darker, tint

TEXT = "قال المرصد السوري 😀 إن قوات النظام قصفت ريف حمص."
ACTOR = Label("ACTOR", "فاعل", "Actor", "#d62728", "1")


@pytest.fixture
def view(qtbot) -> ArticleView:
    v = ArticleView()
    qtbot.addWidget(v)
    v.set_labels([ACTOR])
    v.set_article(TEXT)
    v.resize(600, 400)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_set_article_keeps_the_text_and_reads_right_to_left(view: ArticleView) -> None:
    assert view.objectName() == "articleView" and view.isReadOnly()
    assert view.text == TEXT
    assert view.toPlainText().replace("\u2029", "\n") == TEXT
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_selection_and_cursor_in_code_points_past_an_emoji(view: ArticleView) -> None:
    start = TEXT.index("قوات النظام")
    view.select_cp(start, start + len("قوات النظام"))
    assert view.selection_cp() == (start, start + len("قوات النظام"))
    view.place_cursor_cp(start)
    assert view.cursor_cp() == start and view.selection_cp() is None


def test_shown_at_prefers_a_span_to_a_suggestion(view: ArticleView) -> None:
    start = TEXT.index("قوات النظام")
    end = start + len("قوات النظام")
    view.set_suggestions([Suggestion(start, end + 5, "ACTOR", "rule")])
    assert view.shown_at(start).kind == "suggestion"  # type: ignore[union-attr]
    view.set_spans([Span(start, end, "ACTOR", id=7)], selected_id=7)
    item = view.shown_at(start)
    assert item is not None and item.span_id == 7
    assert view.shown_at(end + 2).kind == "suggestion"  # type: ignore[union-attr]
    assert view.shown_at(0) is None


@pytest.mark.parametrize(("key", "text", "signal", "args"), [
    (Qt.Key.Key_3, "3", "labelKeyPressed", ["3"]),
    (Qt.Key.Key_3, "٣", "labelKeyPressed", ["3"]),  # Arabic-Indic digit from an Arabic layout
    (Qt.Key.Key_Delete, "", "deletePressed", []),
    (Qt.Key.Key_Return, "\r", "acceptSuggestionPressed", []),
    (Qt.Key.Key_Backspace, "", "rejectSuggestionPressed", []),
    (Qt.Key.Key_Escape, "", "escapePressed", []),
])
def test_keys_become_signals(view: ArticleView, qtbot, key: Qt.Key, text: str, signal: str, args: list) -> None:
    with qtbot.waitSignal(getattr(view, signal), timeout=1000) as blocker:
        view.keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text))
    assert blocker.args == args


def test_font_size(view: ArticleView) -> None:
    view.set_font_size(22)
    assert view.font().pointSize() == 22


def test_tint_and_darker() -> None:
    assert tint("#000000", 1.0) == QColor(0, 0, 0)
    assert tint("#000000", 0.0) == QColor(255, 255, 255)
    assert tint("#d62728", 0.5).red() > QColor("#d62728").red() - 1
    assert darker("#808080").lightness() < QColor("#808080").lightness()


def _drawn(view: ArticleView) -> list[tuple[int, int, str, object]]:
    """The highlights handed to Qt, in drawing order: Qt range, fill and underline."""
    return [(sel.cursor.selectionStart(), sel.cursor.selectionEnd(), sel.format.background().color().name(),
             sel.format.underlineStyle()) for sel in view.extraSelections()]


def _found(view: ArticleView) -> list[tuple | None]:
    """What each code point shows (span preferred to suggestion)."""
    found = []
    for cp in range(len(view.text)):
        item = view.shown_at(cp)
        found.append(None if item is None else (item.start, item.end, item.label, item.span_id, item.kind))
    return found


def _expected(view: ArticleView, spans: list[Span], suggestions: list[Suggestion]) -> tuple[list, list]:
    """By brute force: the Qt ranges of the highlights near the screen (suggestions, then
    spans over them, each in text order) and what each code point shows."""
    lo, hi = view._built_range  # type: ignore[misc]
    near = [(view.offsets.to_qt(x.start), view.offsets.to_qt(x.end))
            for group in (suggestions, spans) for x in sorted(group, key=lambda x: (x.start, x.end))
            if x.start < hi and x.end > lo]
    in_order = [*sorted(spans, key=lambda x: (x.start, x.end)), *sorted(suggestions, key=lambda x: (x.start, x.end))]
    at = []
    for cp in range(len(view.text)):
        hit = next((x for x in in_order if x.start <= cp < x.end), None)  # a span before any suggestion
        at.append(None if hit is None else (hit.start, hit.end, hit.label))
    return near, at


def test_edits_update_the_highlights_as_a_fresh_view_draws_them(qtbot) -> None:
    """Add, remove, relabel, select, reload, suggest, scroll: after each change the view
    shows what a view given the same spans afresh shows (and what a walk over all of
    them finds), and the pixels Qt repainted for the change (only those: the whole
    article is not repainted on each edit) are the pixels of a full repaint, the
    selection frame too, where it appeared and where it went."""
    from dataclasses import replace

    from annotator.core.domain import Label

    location = Label("LOCATION", "مكان", "Location", "#1f77b4", "2")
    sentence = "قال المرصد السوري إن قوات النظام قصفت ريف حمص الشرقي وقتلت 5 مدنيين. "
    n = 40
    text = "".join(sentence if i % 4 else sentence + "\n\n" for i in range(n))
    starts = [i for i in range(len(text)) if text.startswith(sentence, i)]
    words = [(at + sentence.index(w), at + sentence.index(w) + len(w))
             for at in starts for w in ("المرصد", "قوات النظام", "ريف حمص")]
    spans = [Span(a, b, "ACTOR" if i % 2 else "LOCATION", id=i + 1) for i, (a, b) in enumerate(words)]
    spans.append(Span(0, 3, "ACTOR", id=500))  # the first word: its frame reaches into the margin
    middle = starts[n // 2]
    long_suggestion = Suggestion(middle - 900, middle + 300, "ACTOR", "model", 0.6)  # starts far above

    def make() -> ArticleView:
        v = ArticleView()
        qtbot.addWidget(v)
        v.set_labels([ACTOR, location])
        v.set_article(text)
        v.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no caret: a blink between two grabs is not a difference
        v.resize(640, 420)
        v.show()
        qtbot.waitExposed(v)
        return v

    view = make()

    def backing_store():
        """The article's pixels on screen now (QWidget.grab would paint them afresh); the
        scroll bar beside it is left out (it animates on its own)."""
        return view.screen().grabWindow(view.winId()).toImage().copy(view.viewport().geometry())

    added = Span(text.index("قصفت"), text.index("قصفت") + 4, "ACTOR", id=1000)
    kept = [s for s in spans if s.id != 2]
    steps: list[tuple[str, list[Span], int | None, list[Suggestion], float]] = [
        ("open", spans, None, [], 0),
        ("select", spans, 3, [], 0),
        ("select at the edge of the line", spans, 500, [], 0),
        ("select away from the edge", spans, 3, [], 0),
        ("add", [*spans, added], added.id, [], 0),
        ("remove the selected", spans, None, [], 0),
        ("remove another", kept, 5, [], 0),
        ("relabel the selected", [replace(s, label="ACTOR") if s.id == 5 else s for s in kept], 5, [], 0),
        ("reload (equal spans, new objects)", [replace(s) for s in kept], 5, [], 0),
        ("suggest", kept, 5, [Suggestion(text.index("مدنيين"), text.index("مدنيين") + 6, "ACTOR", "rule", 0.8),
                              Suggestion(spans[0].start, spans[0].end, "ACTOR", "rule", 0.5)], 0),
        ("scroll to the middle, a long suggestion from far above", kept, 5, [long_suggestion], 0.5),
        ("select in the middle", kept, spans[3 * (n // 2)].id, [long_suggestion], 0.5),
        ("suggestions gone, selection moved", kept, 1, [], 0.5),
        ("nothing selected", kept, None, [], 0.5),
    ]
    for name, shown, selected, suggestions, scrolled in steps:
        bar = view.verticalScrollBar()
        bar.setValue(int(bar.maximum() * scrolled))
        view.set_spans(shown, selected)
        view.set_suggestions(suggestions)
        qtbot.wait(1)  # Qt paints what the change made dirty
        incremental = backing_store()
        view.viewport().repaint()
        full = backing_store()
        assert incremental == full, f"{name}: stale pixels after the update"
        near, at = _expected(view, shown, suggestions)
        assert [(a, b) for a, b, *_ in _drawn(view)] == near, name
        assert [None if x is None else x[:3] for x in _found(view)] == at, name
        fresh = make()
        fresh.verticalScrollBar().setValue(bar.value())
        fresh.set_spans([replace(s) for s in shown], selected)
        fresh.set_suggestions(suggestions)
        assert _drawn(view) == _drawn(fresh), name
        assert _found(view) == _found(fresh), name
        assert view._outline() == fresh._outline(), name
        fresh.close()
