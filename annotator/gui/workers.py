"""Background work: suggestions run off the GUI thread and never touch widgets.

A job computes, then emits a signal; the window (GUI thread) applies the result.
spaCy and camel-tools are imported inside the job, so start-up never pays for them.
"""
from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..core.errors import AnnotatorError

log = logging.getLogger(__name__)

_suggesters: dict[str, Any] = {}
_lock = threading.Lock()


def _suggester(source: str, options: dict[str, Any]) -> Any:
    key = source + repr(sorted(options.items()))
    with _lock:
        if key not in _suggesters:
            from ..core.suggest import get_suggester

            _suggesters[key] = get_suggester(source, **options)
        return _suggesters[key]


class _Signals(QObject):
    finished = Signal(int, str, object)  # article id, source, list[Suggestion]
    failed = Signal(int, str, str)  # article id, source, one-line message


class SuggestJob(QRunnable):
    def __init__(self, article_id: int, text: str, source: str, options: dict[str, Any] | None = None):
        super().__init__()
        self.article_id = article_id
        self.text = text
        self.source = source
        self.options = options or {}
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = _suggester(self.source, self.options).suggest(self.text)
        except AnnotatorError as exc:
            self.signals.failed.emit(self.article_id, self.source, str(exc))
            return
        except Exception as exc:  # a suggester bug must not take the annotator's window down
            log.exception("suggester %s failed", self.source)
            self.signals.failed.emit(self.article_id, self.source, f"{type(exc).__name__}: {exc}")
            return
        self.signals.finished.emit(self.article_id, self.source, result)


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


class WarmUpJob(QRunnable):
    """Pay one-off import costs (camel-tools' character tables) before the first keypress needs them."""

    def run(self) -> None:
        try:
            from ..core.text import warm_up

            warm_up()
        except Exception:  # only a speed-up: a failure here must never reach the user
            log.exception("warm-up failed")


class _ImportSignals(QObject):
    progress = Signal(int)  # records read so far
    finished = Signal(object)  # ImportSummary
    failed = Signal(str)


class ImportJob(QRunnable):
    """Import files into the project on a worker thread, through its own connection.

    SQLite connections belong to one thread, and the window's connection keeps serving
    the GUI meanwhile; WAL lets both work on the file at once.
    """

    def __init__(self, project_path: str, paths: list[str], annotator: str):
        super().__init__()
        self.project_path = project_path
        self.paths = paths
        self.annotator = annotator
        self.signals = _ImportSignals()

    def run(self) -> None:
        from ..core.importer import import_paths
        from ..core.store import Project

        try:
            with Project.open(self.project_path) as project:
                summary = import_paths(project, self.paths, annotator=self.annotator,
                                       progress=self.signals.progress.emit)
        except AnnotatorError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # never let a worker bug take the window down
            log.exception("import failed")
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.signals.finished.emit(summary)
