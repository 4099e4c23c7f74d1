"""The full-text index catching up in the background while a project is open (issue #13).

Imports, merges and hub syncs store articles without indexing them (store/search.py).
A window therefore starts :class:`SearchIndexJob` — on its own connection, a short
transaction per chunk, so the annotator's own saves never wait long — a moment after it
opens (:data:`START_AFTER_MS`), again after it imported articles or pulled from the hub,
and cancels it when it closes.

Searches are exact either way: the store searches the articles not indexed yet in
memory. That costs about a third of a millisecond an article, though, so while more than
:data:`FILTER_SCAN_LIMIT` are waiting, a text typed into the article list's search box
waits for the job (the status bar says so) and is applied when the job is done, rather
than freezing the window for seconds.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from .i18n import plural_form
from .workers import Job, start_job

log = logging.getLogger(__name__)

#: Articles not yet indexed that the list's search box still searches on the spot (about
#: a third of a second the first time; the store keeps them indexed in memory after that).
FILTER_SCAN_LIMIT = 1_000
#: The catch-up starts this long after the window is made: well after its first article is
#: on screen, so that start-up (benchmarked) never shares the CPU with the folding.
START_AFTER_MS = 2_000


def tr_n(text: str, n: int) -> str:
    from PySide6.QtCore import QCoreApplication

    return plural_form(QCoreApplication.translate("MainWindow", text, None, n), n)


class SearchIndexJob(Job):
    """Catch the project's full-text index up, in a pool thread, through its own connection.
    ``progress`` reports how many articles are left; the result is how many were indexed."""

    def __init__(self, project_path: str) -> None:
        super().__init__()
        self.project_path = project_path
        self.cancelled = threading.Event()

    def work(self, progress: Callable[[int], None]) -> Any:
        from ..core.store import Project

        with Project.open(self.project_path) as project:
            pending = project.search_index_pending()
            progress(pending)
            return project.update_search_index(should_stop=self.cancelled.is_set,
                                               progress=lambda done: progress(max(0, pending - done)))


class SearchIndexWarmer(QObject):
    """One window's background catch-up, and the list filter that waits for it."""

    def __init__(self, window: QMainWindow, reapply_filter: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.reapply_filter = reapply_filter
        self.job: SearchIndexJob | None = None
        self.filter_waiting = False
        self.unavailable = False  # the file cannot be indexed (read-only): search the tail
        self.left = 0
        self._again = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(START_AFTER_MS)
        self.timer.timeout.connect(self.start)
        self.timer.start()

    def start(self) -> None:
        """Catch up now (or once more after the job running: articles arrived meanwhile)."""
        if self.job is not None:
            self._again = True
            return
        project = self.window.project  # type: ignore[attr-defined]
        if self.unavailable or project.search_index_pending(at_most=1) == 0:
            return
        self.job = SearchIndexJob(str(project.path))
        start_job(self.window, self.job, finished=self._finished, failed=self._failed, progress=self._progress)

    def stop(self) -> None:
        """The window closes: the job ends after the chunk it is writing."""
        self.timer.stop()
        self._again = False
        if self.job is not None:
            self.job.cancelled.set()

    def defers(self, search: str | None) -> bool:
        """Whether the list's text filter ``search`` must wait for the index (then it is
        applied by ``reapply_filter`` when the job is done)."""
        from ..core.search import fts_match

        project = self.window.project  # type: ignore[attr-defined]
        self.filter_waiting = bool(
            search and not self.unavailable and fts_match(search) is not None
            and project.search_index_pending(at_most=FILTER_SCAN_LIMIT + 1) > FILTER_SCAN_LIMIT)
        if self.filter_waiting:
            if self.job is None:  # until the job reports
                self.left = project.search_index_pending()
            self.start()
            self._show_waiting()
        return self.filter_waiting

    def _progress(self, left: int) -> None:
        self.left = left
        if self.filter_waiting:
            self._show_waiting()

    def _show_waiting(self) -> None:
        self.window.statusBar().showMessage(tr_n("Search waits for the text index: %n article left to index.|Search waits for the text index: %n articles left to index.", self.left))  # noqa: E501

    def _finished(self, indexed: int) -> None:
        self.job = None
        log.info("search index: %d articles indexed", indexed)
        if self._again:
            self._again = False
            self.start()
        if self.job is None and self.filter_waiting:
            self.window.statusBar().clearMessage()
            self.reapply_filter()

    def _failed(self, message: str) -> None:
        log.warning("search index not updated: %s", message)
        self.job = None
        self.unavailable = True
        if self.filter_waiting:
            self.window.statusBar().clearMessage()
            self.reapply_filter()


def attach(window: QMainWindow, reapply_filter: Callable[[], None]) -> SearchIndexWarmer:
    """Give ``window`` its background catch-up: soon after it opens, and after hub pulls
    (the window starts it after imports, and stops it when it closes)."""
    warmer = SearchIndexWarmer(window, reapply_filter)
    hub_sync = getattr(window, "hub_sync", None)
    if hub_sync is not None:
        hub_sync.pulled.connect(warmer.start)
    return warmer
