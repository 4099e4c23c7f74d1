"""The article view: the article's plain text, right to left, with spans drawn on it.

The view knows nothing about the store. It shows text, spans and suggestions it is
given, converts between Qt positions and stored code-point offsets, and reports
the user's keys as signals; the main window decides what they mean.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress, count
from operator import attrgetter, is_not, sub

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from ..core.domain import Label, Span, Suggestion
from ..core.offsets import QtOffsetMap, qt_document_text
from .item_models import origin_text, spans_in_order

ARABIC_FONTS = [
    "Noto Naskh Arabic",
    "Noto Naskh Arabic UI",
    "Amiri",
    "Scheherazade New",
    "Noto Sans Arabic",
    "Noto Sans Arabic UI",
    "Segoe UI",
    "Arial",
    "DejaVu Sans",
]
DEFAULT_FONT_SIZE = 16
LINE_HEIGHT_PERCENT = 165

# Keys 1–9 as typed on a Latin keyboard, and the Arabic-Indic and Eastern digits
# some Arabic layouts put on the number row.
_DIGITS = {**{str(i): str(i) for i in range(1, 10)},
           **{chr(0x0660 + i): str(i) for i in range(1, 10)},
           **{chr(0x06F0 + i): str(i) for i in range(1, 10)}}


def tint(color: str, strength: float) -> QColor:
    """The label colour mixed with white: light enough to read Arabic on top of it."""
    c = QColor(color)
    r = round(255 - (255 - c.red()) * strength)
    g = round(255 - (255 - c.green()) * strength)
    b = round(255 - (255 - c.blue()) * strength)
    return QColor(r, g, b)


def darker(color: str, factor: int = 160) -> QColor:
    return QColor(color).darker(factor)


@dataclass
class _Shown:
    start: int  # code points
    end: int
    label: str
    span_id: int | None
    attributes: dict
    kind: str = "span"  # how it is drawn: "span", "selected" or "suggestion"
    note: str = ""  # suggestions: where it came from, how sure

    def tooltip(self, labels: dict[str, Label]) -> str:
        # Made on hover, not for each of thousands of spans whenever they are shown.
        return _tooltip(self.label, self.attributes, labels) + self.note


class ArticleView(QTextEdit):
    """Read-only, selectable plain text with span highlights (objectName ``articleView``)."""

    labelKeyPressed = Signal(str)  # "1".."9"
    deletePressed = Signal()
    acceptSuggestionPressed = Signal()
    rejectSuggestionPressed = Signal()
    spanClicked = Signal(object)  # span id or None
    escapePressed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        # A scroll bar that comes and goes re-wraps the whole article (a second layout on
        # opening every long article after a short one, and a visible jump); keep it.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewport().setMouseTracking(True)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.setStyleSheet(
            "QTextEdit#articleView { background: #fffdf8; color: #1b1b1b; border: none;"
            " selection-background-color: #2f6fde; selection-color: white; }"
        )
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(28)
        font = QFont()
        font.setFamilies(ARABIC_FONTS)
        font.setPointSize(DEFAULT_FONT_SIZE)
        self.setFont(font)
        self.text = ""
        self.offsets = QtOffsetMap("")
        self.labels: dict[str, Label] = {}
        # What is drawn, spans and suggestions apart, each sorted by (start, end) with the
        # starts alongside for bisection (see _Layer).
        self._spans = _Layer()
        self._suggestions = _Layer()
        self._selected_id: int | None = None
        self._selected_range: tuple[int, int] | None = None
        self._selected_label: str | None = None
        self._formats: dict[tuple[str, str], QTextCharFormat] = {}
        # Highlights exist only for spans near what is on screen (see _refresh_selections),
        # kept by (start, end, label, kind) so an edit or a scroll rebuilds only what changed.
        self._sel_cache: dict[tuple[int, int, str, str], QTextEdit.ExtraSelection] = {}
        self._built_range: tuple[int, int] | None = None  # code points the highlights cover
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._refresh_selections(force=False))
        self.exact_selection = False  # set while an Alt-drag selects exact characters
        self._press_pos: QPoint | None = None

    # ------------------------------------------------------------------ content
    def set_labels(self, labels: list[Label]) -> None:
        self.labels = {lab.name: lab for lab in labels}
        self._formats.clear()
        self._sel_cache.clear()

    def set_article(self, text: str) -> None:
        self.text = text
        self.offsets = QtOffsetMap(text)
        self._spans = _Layer()
        self._suggestions = _Layer()
        self._selected_id = None
        self._selected_range = None
        self._selected_label = None
        self._sel_cache.clear()  # its cursors belong to the old document
        self._built_range = None
        self.setExtraSelections([])
        # Plain text: markup in an article is shown literally.
        self.setPlainText(qt_document_text(text))
        self._apply_block_format()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _apply_block_format(self) -> None:
        """Generous line spacing inside paragraphs; blank lines between them stay short."""
        text_fmt = QTextBlockFormat()
        text_fmt.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        text_fmt.setBottomMargin(self.font().pointSize() * 0.5)
        text_fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        text_fmt.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        # A blank line is kept short with a small font, not with a line height under 100%:
        # such a line keeps its full-height rectangle while the next paragraph moves up
        # into it, and clicks on the top of that paragraph's first line hit the blank line.
        blank_fmt = QTextBlockFormat(text_fmt)
        blank_fmt.setLineHeight(100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        blank_fmt.setBottomMargin(0)
        small = QTextCharFormat()
        small.setFontPointSize(max(1.0, self.font().pointSize() * 0.4))
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        block = self.document().begin()
        while block.isValid():
            cursor.setPosition(block.position())
            if block.length() <= 1 or not block.text().strip():
                cursor.setBlockFormat(blank_fmt)
                cursor.setBlockCharFormat(small)
                if block.length() > 1:  # spaces only: their glyphs set the line's height
                    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(small)
            else:
                cursor.setBlockFormat(text_fmt)
            block = block.next()
        cursor.endEditBlock()

    def set_font_size(self, size: int) -> None:
        font = self.font()
        font.setPointSize(size)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._apply_block_format()
        self._refresh_selections()  # other text is on screen now

    def _format(self, label: str, kind: str) -> QTextCharFormat:
        key = (label, kind)
        fmt = self._formats.get(key)
        if fmt is None:
            color = self.labels[label].color if label in self.labels else "#999999"
            fmt = QTextCharFormat()
            if kind == "span":
                fmt.setBackground(tint(color, 0.42))
            elif kind == "selected":
                fmt.setBackground(tint(color, 0.75))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(darker(color, 200))
            else:  # suggestion: no fill, a dashed underline in the label's colour
                fmt.setBackground(tint(color, 0.12))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(darker(color, 130))
            self._formats[key] = fmt
        return fmt

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def set_spans(self, spans: list[Span], selected_id: int | None = None) -> None:
        """Show these spans, ``selected_id`` drawn as selected. An edit changes one span
        of maybe thousands: only what changed gets new items (_Layer.reused_for)."""
        outline_before = self._outline()
        new = spans_in_order(spans)
        items = self._spans.reused_for(new)
        # The selected span is drawn differently: the items of the span selected before and
        # of the one selected now are made anew where they were kept above.
        targets = {self._selected_id, selected_id} - {None}
        self._selected_id = selected_id
        self._selected_range = self._selected_label = None
        if targets:
            for i, s in enumerate(new):
                if s.id in targets:
                    kind = "selected" if s.id == selected_id else "span"
                    if items[i].kind != kind:
                        items[i] = _Shown(s.start, s.end, s.label, s.id, s.attributes, kind)
                    if kind == "selected":
                        self._selected_range, self._selected_label = (s.start, s.end), s.label
        self._spans = _Layer(items, new)
        self._refresh_selections()
        if self._outline() != outline_before:
            self._update_outline(outline_before)
            self._update_outline(self._outline())

    def set_suggestions(self, suggestions: list[Suggestion]) -> None:
        if not suggestions and not self._suggestions.items:
            return  # none shown, none to show (the usual case after an edit)
        shown = [_Shown(s.start, s.end, s.label, None, s.attributes, "suggestion",
                        f"\n{origin_text(s.origin)} ({s.score:.2f})  ↵ / ⌫")
                 for s in sorted(suggestions, key=_SPAN_POSITION)]
        self._suggestions = _Layer(shown)
        self._refresh_selections()

    def _outline(self) -> tuple[tuple[int, int], str | None] | None:
        """Where the selected span's frame is drawn, and in which label's colour."""
        return None if self._selected_range is None else (self._selected_range, self._selected_label)

    def _update_outline(self, outline: tuple[tuple[int, int], str | None] | None) -> None:
        """Repaint where a selection frame is or was: Qt repaints the highlights that
        changed, but the frame (paintEvent) reaches a little beyond them."""
        if outline is None or not self.isVisible():
            return
        for rect in self._range_rects(*outline[0]):
            self.viewport().update(rect.adjusted(-_FRAME_MARGIN, -_FRAME_MARGIN, _FRAME_MARGIN, _FRAME_MARGIN))

    def _visible_range(self, screens: int) -> tuple[int, int] | None:
        """Code points from ``screens`` screenfuls above the viewport to as many below it."""
        vp = self.viewport()
        if not self.isVisible() or vp.height() <= 0:
            return None
        h, w = vp.height(), vp.width()
        # Hit-testing a layout that is out of date (new text, new block formats) answers
        # "end of document"; laying out now costs nothing extra, the paint needs it anyway.
        self.document().size()
        top = [self.cursorForPosition(QPoint(x, -h * screens)).position() for x in (0, w)]
        bottom = [self.cursorForPosition(QPoint(x, h + h * screens)).position() for x in (0, w)]
        return self.offsets.to_cp(min(top)), min(self.offsets.length_cp, self.offsets.to_cp(max(bottom)) + 1)

    def _refresh_selections(self, force: bool = True) -> None:
        """Give Qt highlights for the spans near the screen only.

        Qt copies and walks every extra selection on each change and each paint, and making
        one costs Python time: with thousands of spans that made opening an article and every
        edit slow. A screenful above and below is covered, so small scrolls need no rebuild
        (``force=False``: rebuild only once the screen leaves the covered part).
        """
        if not force and self._built_range is not None:
            seen = self._visible_range(0)
            if seen is None or (self._built_range[0] <= seen[0] and seen[1] <= self._built_range[1]):
                return
        covered = self._visible_range(1)
        lo, hi = covered if covered is not None else (0, self.offsets.length_cp)
        cache, built = self._sel_cache, {}
        selections = []
        for layer in (self._suggestions, self._spans):  # spans drawn over suggestions
            for x in layer.between(lo, hi):
                key = (x.start, x.end, x.label, x.kind)
                sel = built.get(key) or cache.get(key)
                if sel is None:
                    sel = self._selection(x.start, x.end, self._format(x.label, x.kind))
                built[key] = sel
                selections.append(sel)
        self._sel_cache = built
        self._built_range = (lo, hi)
        # Qt repaints where a highlight appeared, went or changed; the rest of the
        # viewport is left as it is (no repaint of the whole article on each edit).
        self.setExtraSelections(selections)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._refresh_selections()  # lines re-wrap: other text is on screen

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self._refresh_selections()

    # ---------------------------------------------------------------- positions
    def selection_cp(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.offsets.span_to_cp(cursor.selectionStart(), cursor.selectionEnd())

    def cursor_cp(self) -> int:
        return self.offsets.to_cp(self.textCursor().position())

    def select_cp(self, start: int, end: int, *, scroll: bool = True) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if scroll:
            self.ensureCursorVisible()

    def place_cursor_cp(self, pos: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(pos))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def cp_at_point(self, point: QPoint) -> int:
        return self.offsets.to_cp(self.cursorForPosition(point).position())

    def shown_at(self, cp: int) -> _Shown | None:
        """The span (preferred) or suggestion covering code point ``cp``."""
        return self._spans.first_at(cp) or self._suggestions.first_at(cp)

    # -------------------------------------------------------------------- input
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        text = event.text()
        if mods == Qt.KeyboardModifier.NoModifier and text in _DIGITS:
            self.labelKeyPressed.emit(_DIGITS[text])
            return
        if plain and key in (Qt.Key.Key_Delete,):
            self.deletePressed.emit()
            return
        if mods == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.acceptSuggestionPressed.emit()
            return
        if mods == Qt.KeyboardModifier.NoModifier and key == Qt.Key.Key_Backspace:
            self.rejectSuggestionPressed.emit()
            return
        if mods == Qt.KeyboardModifier.NoModifier and key == Qt.Key.Key_Escape:
            self.escapePressed.emit()
            return
        if event.matches(QKeySequence.StandardKey.SelectAll) or event.matches(QKeySequence.StandardKey.Copy):
            super().keyPressEvent(event)
            return
        if key in _NAV_KEYS and not mods & Qt.KeyboardModifier.AltModifier:
            self.exact_selection = False  # keyboard selections snap to words
            super().keyPressEvent(event)
            return
        event.ignore()  # let the window's shortcuts see everything else

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # Alt held while pressing selects exact characters instead of snapping to words.
        self.exact_selection = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if self._press_pos is not None and (pos - self._press_pos).manhattanLength() < 4 \
                and not self.textCursor().hasSelection():
            item = self.shown_at(self.cp_at_point(pos))
            self.spanClicked.emit(item.span_id if item is not None else None)
        self._press_pos = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            pos = event.position().toPoint()
            item = self.shown_at(self.cp_at_point(pos))
            if item is not None:
                QToolTip.showText(self.viewport().mapToGlobal(pos), item.tooltip(self.labels), self.viewport())
            else:
                QToolTip.hideText()

    def event(self, event: QEvent) -> bool:
        # Digits, Delete, Enter and Backspace belong to the view, not to window shortcuts.
        if event.type() == QEvent.Type.ShortcutOverride:
            ke = event  # type: ignore[assignment]
            if isinstance(ke, QKeyEvent) and ke.modifiers() == Qt.KeyboardModifier.NoModifier and (
                ke.text() in _DIGITS
                or ke.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            ):
                event.accept()
                return True
        return super().event(event)

    # -------------------------------------------------------------------- paint
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        if self._selected_range is None:
            return
        label = self._selected_label
        color = self.labels[label].color if label in self.labels else "#444444"
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(darker(color, 210))
        pen.setWidthF(2.0)
        painter.setPen(pen)
        for rect in self._range_rects(*self._selected_range):
            painter.drawRoundedRect(rect.adjusted(-2, 0, 2, 0), 4, 4)
        painter.end()

    def _range_rects(self, start: int, end: int) -> list[QRect]:
        """Viewport rectangles covering [start, end), one per visual line."""
        q_start, q_end = self.offsets.to_qt(start), self.offsets.to_qt(end)
        doc = self.document()
        layout = doc.documentLayout()
        offset_x = -self.horizontalScrollBar().value()
        offset_y = -self.verticalScrollBar().value()
        rects: list[QRect] = []
        block = doc.findBlock(q_start)
        while block.isValid() and block.position() <= q_end:
            tl = block.layout()
            origin = layout.blockBoundingRect(block).topLeft()
            for i in range(tl.lineCount()):
                line = tl.lineAt(i)
                a = max(q_start, block.position() + line.textStart())
                b = min(q_end, block.position() + line.textStart() + line.textLength())
                if a >= b:
                    continue
                x1 = line.cursorToX(a - block.position())[0]
                x2 = line.cursorToX(b - block.position())[0]
                left, right = min(x1, x2), max(x1, x2)
                r = line.rect()
                rects.append(
                    QRect(
                        int(origin.x() + left + offset_x), int(origin.y() + r.top() + offset_y),
                        int(right - left), int(r.height()),
                    )
                )
            block = block.next()
        return rects


_NAV_KEYS = {
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End,
    Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
}


_SPAN_POSITION = attrgetter("start", "end")
_START, _END = attrgetter("start"), attrgetter("end")
_FRAME_MARGIN = 4  # pixels: the selection frame is drawn 2 px outside the span, with a 2 px pen


class _Layer:
    """Spans or suggestions as drawn, sorted by (start, end), with their starts alongside:
    the ones near the screen, or at a position, are found by bisection, not by a walk
    over thousands. ``sources`` are the spans the items were made from (set_spans reuses
    the items of those that did not change)."""

    def __init__(self, items: list[_Shown] | None = None, sources: list[Span] | None = None):
        self.items = items or []
        self.sources = sources or []
        self.starts = list(map(_START, self.items))
        self.longest = max(map(sub, map(_END, self.items), self.starts), default=0)

    def reused_for(self, spans: list[Span]) -> list[_Shown]:
        """Items for ``spans`` (in order): the runs at either end that are the very span
        objects shown before keep their items, and in between a span equal to one shown
        before (a reload after undo) keeps its item too; only the rest are made anew."""
        old, n = self.sources, min(len(self.sources), len(spans))
        # The first position from each end where the objects differ (found at C speed).
        head = next(compress(count(), map(is_not, old, spans)), n)
        tail = min(next(compress(count(), map(is_not, reversed(old), reversed(spans))), n), n - head)
        old_end = len(old) - tail
        before = {s.id: (s, x) for s, x in zip(old[head:old_end], self.items[head:old_end]) if s.id is not None}
        middle = []
        for s in spans[head:len(spans) - tail]:
            known = before.get(s.id) if s.id is not None else None
            if known is not None and (known[0] is s or known[0] == s):
                middle.append(known[1])
            else:
                middle.append(_Shown(s.start, s.end, s.label, s.id, s.attributes))
        return self.items[:head] + middle + self.items[old_end:]

    def between(self, lo: int, hi: int) -> list[_Shown]:
        """The items that overlap [lo, hi), in order."""
        first = bisect_left(self.starts, lo - self.longest)
        last = bisect_left(self.starts, hi)
        return [x for x in self.items[first:last] if x.end > lo]

    def first_at(self, cp: int) -> _Shown | None:
        """The first item (in order) that covers code point ``cp``."""
        first = bisect_left(self.starts, cp - self.longest + 1)
        last = bisect_right(self.starts, cp)
        return next((x for x in self.items[first:last] if x.start <= cp < x.end), None)


def _tooltip(label: str, attributes: dict, labels: dict[str, Label]) -> str:
    lab = labels.get(label)
    name = f"{lab.name_ar} · {lab.name_en}" if lab else label
    parts = [name]
    from PySide6.QtCore import QCoreApplication

    from .item_models import category_text, format_value

    attributes = attributes or {}
    if "value" in attributes:  # `~50` says approximate: no `approx: True` line
        parts.append(QCoreApplication.translate("SpanList", "Number: %1").replace("%1", format_value(attributes)))
    if attributes.get("category"):
        parts.append(QCoreApplication.translate("SpanList", "Category: %1")
                     .replace("%1", category_text(str(attributes["category"]))))
    for k, v in attributes.items():
        if k in ("annotators", "adjudicator", "adjudicated_at", "value", "approx", "category"):
            continue
        parts.append(f"{k}: {v}")
    return "\n".join(parts)
