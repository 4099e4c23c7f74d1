"""``annotator --smoke-test``: prove an installation works end to end, without a person.

With a real main window open (normally on the demo project, offscreen), the test does what
an annotator does and checks what the store says after each step:

1. select a word in the article view and press the first label key — the same key event
   the view turns into ``labelKeyPressed`` → ``MainWindow.label_key`` → ``apply_label``;
2. read the spans back through a *second* connection to the project file (saved means on
   disk) and find exactly one new span, inside the selection, at the guideline boundaries;
3. press Delete — ``deletePressed`` → ``delete_selected_span`` — and check it is gone;
4. tokenize the article with the project's spaCy tokenizer (a bundle missing spaCy's
   Arabic data or the tokenizer module fails here, not in an annotator's export);
5. run the rules suggester on the article (its module and the bundled gazetteers load);
6. load the Arabic translations, ours and Qt's own (standard buttons and dialogs);
7. report, without failing, whether the CAMeL NER suggester is available (a packaged build
   leaves torch out on purpose, and says so in one line).

It prints one line, ``smoke test ok: …`` or ``smoke test FAILED: …``, and returns the exit
status. Every exception is caught: the app's excepthook would open a modal dialog, which
nobody can dismiss offscreen.
"""
from __future__ import annotations

import re
import sys
import time
import traceback
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

#: An Arabic word of at least three letters: what the test selects and labels.
_WORD = re.compile(r"[\u0621-\u064a]{3,}")


class SmokeTestError(Exception):
    """A check failed; the message is the one-line reason."""


def _process_events(seconds: float = 0.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        QApplication.processEvents()
        if time.monotonic() >= deadline:
            return
        time.sleep(0.01)


def _press(widget: Any, key: Qt.Key, text: str = "") -> None:
    """Deliver a key press the way Qt delivers a real one to a focused widget."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
    QApplication.processEvents()


def _stored_spans(window: Any, article_id: int) -> list:
    """This annotator's spans as another process would read them from the file."""
    from ..core.store import Project

    with Project.open(window.project.path) as other:
        return other.spans(article_id, window.annotator)


def _pick_word(text: str, taken: list) -> tuple[int, int]:
    """The first word of the article that none of the annotator's spans touches."""
    for m in _WORD.finditer(text):
        if not any(s.start < m.end() and m.start() < s.end for s in taken):
            return m.start(), m.end()
    raise SmokeTestError("no free word to label in the open article")


def _check(window: Any) -> str:
    if not hasattr(window, "apply_label") or not hasattr(window, "delete_selected_span"):
        raise SmokeTestError(f"{type(window).__name__} is not the annotation workbench (drop --review)")
    _process_events(0.2)  # let the window lay out and paint once
    # Opening an article starts a suggestion job in the worker pool; let it finish so the
    # steps below run alone, as an annotator's first key press usually does.
    from .workers import pool

    pool().waitForDone(60_000)
    _process_events(0.1)
    article_id = window.article_id
    if article_id is None:
        raise SmokeTestError("the project has no articles to open")
    view = window.view
    text = view.text
    if not text:
        raise SmokeTestError(f"article {article_id} shows no text")
    keyed = [lab for lab in window.labels if lab.key]
    if not keyed:
        raise SmokeTestError("no label has a shortcut key")
    label = keyed[0]

    before = _stored_spans(window, article_id)
    start, end = _pick_word(text, before)
    window.select_span(None)
    view.setFocus()
    view.select_cp(start, end)
    if view.selection_cp() != (start, end):
        raise SmokeTestError(f"selecting [{start}, {end}) in the article view gave {view.selection_cp()}")
    _press(view, Qt.Key(Qt.Key.Key_0.value + int(label.key)), label.key)

    after = _stored_spans(window, article_id)
    old = {s.id for s in before}
    new = [s for s in after if s.id not in old]
    if len(new) != 1:
        raise SmokeTestError(f"label key {label.key} saved {len(new)} new spans, expected 1")
    span = new[0]
    from ..core.text import snap_span

    if span.label != label.name:
        raise SmokeTestError(f"the new span is {span.label}, expected {label.name}")
    if (span.start, span.end) != snap_span(text, start, end) or not start <= span.start < span.end <= end:
        raise SmokeTestError(f"the new span [{span.start}, {span.end}) is not the snapped selection "
                             f"[{start}, {end}) → {snap_span(text, start, end)}")
    if window.selected_span_id != span.id or span.id not in {s.id for s in window.spans}:
        raise SmokeTestError("the window does not show the new span as selected")

    _press(view, Qt.Key.Key_Delete)
    if any(s.id == span.id for s in _stored_spans(window, article_id)):
        raise SmokeTestError("Delete left the span in the project file")
    if any(s.id == span.id for s in window.spans):
        raise SmokeTestError("Delete left the span on screen")

    from ..core.tokenizer import tokenize

    tokens = tokenize(text)
    if not tokens or any(t.text != text[t.start:t.end] for t in tokens):
        raise SmokeTestError("the spaCy tokenizer returned no tokens or wrong offsets")

    from ..core.suggest import get_suggester

    rules = get_suggester("rules").suggest(text)  # the bundled gazetteers load and match

    _check_translations()

    from ..core.suggest.camel import camel_ner_available

    camel_ok, camel_reason = camel_ner_available()
    camel = "available" if camel_ok else f"unavailable ({camel_reason})"
    word = text[span.start:span.end]
    return (f"labelled «{word}» {label.name} and deleted it in article {article_id} of "
            f"{window.project.path.name} ({QApplication.platformName()}); spaCy tokenizer: "
            f"{len(tokens)} tokens; rules: {len(rules)} suggestions; Arabic translations loaded; "
            f"CAMeL NER: {camel}")


def _check_translations() -> None:
    """Both translation files the Arabic interface installs (see app.set_language) load."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from ..core.paths import resources_dir

    ours = resources_dir() / "translations" / "annotator_ar.qm"
    if not QTranslator().load(str(ours)):
        raise SmokeTestError(f"cannot load the interface translation {ours}")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load(QLocale(QLocale.Language.Arabic), "qtbase", "_", qt_dir):
        raise SmokeTestError(f"no Arabic Qt translation (qtbase_ar.qm) in {qt_dir}")


def run_smoke_test(window: Any) -> int:
    """Run the checks on an open :class:`MainWindow`; print one line; 0 when all pass."""
    try:
        detail = _check(window)
    except SmokeTestError as exc:
        print(f"smoke test FAILED: {exc}", flush=True)
        return 1
    except Exception as exc:  # noqa: BLE001 - report any bug as a failure, never a dialog
        traceback.print_exc(file=sys.stderr)
        print(f"smoke test FAILED: {type(exc).__name__}: {exc}", flush=True)
        return 1
    finally:
        _close(window)
    print(f"smoke test ok: {detail}", flush=True)
    return 0


#: Name the smoke test annotates under when no --annotator is given (it never asks).
SMOKE_ANNOTATOR = "smoke-test"


def _isolate_settings() -> str:
    """Point QSettings at a throw-away folder so a smoke test never overwrites the user's
    remembered name, font size or suggestion source. Must run before any QSettings exists."""
    import tempfile

    from PySide6.QtCore import QSettings

    folder = tempfile.mkdtemp(prefix="annotator-smoke-settings-")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
    return folder


def run_standalone(project: str | None = None, *, annotator: str | None = None, review: bool = False,
                   lang: str | None = None) -> int:
    """``annotator --smoke-test``, for the pip-installed command and the packaged program alike:
    open ``project`` (default: the demo project) with throw-away settings, run the checks,
    print one line and return the exit status."""
    import shutil
    from pathlib import Path

    if project is not None and not Path(project).is_file():
        # Without a display nobody could dismiss the error dialog the window would show.
        print(f"smoke test FAILED: no such project file: {project}", file=sys.stderr)
        return 1
    settings_dir = _isolate_settings()
    try:
        from .app import run

        return run(project, annotator=annotator or SMOKE_ANNOTATOR, review=review, lang=lang, smoke_test=True)
    finally:
        shutil.rmtree(settings_dir, ignore_errors=True)


def _close(window: Any) -> None:
    """Close the window as a user would (saves time spent, waits for suggestion jobs)."""
    try:
        if hasattr(window, "clock"):
            window.clock.stop()
        window.close()
        QApplication.processEvents()
    except RuntimeError:  # already deleted by Qt
        pass
