"""Background sync with the team hub, and its state in the status bar.

When the project has a hub, the window syncs after each finished article and every few
minutes, in a thread of its own with its own connection to the project file (a Project is
not thread-safe). A sync is all-or-nothing on both sides, so a window closed in the middle
of one loses nothing; the network being down only changes the status text. Annotating
never waits for the hub.
"""
from __future__ import annotations

import datetime as _dt
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from ..core.errors import AnnotatorError, HubUnavailable
from ..core.store import Project

log = logging.getLogger(__name__)

SYNC_EVERY_MS = 3 * 60 * 1000
FIRST_SYNC_AFTER_MS = 2000


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("HubSync", text)


def _sync_once(path: Path) -> tuple[str, str, int]:
    """(state, detail, pending) after one sync; runs in the worker thread."""
    from ..core.sync.hub import sync

    try:
        with Project.open(path) as project:
            try:
                summary = sync(project)
            except HubUnavailable as exc:
                return "offline", str(exc), project.hub.pending_count()
            return "synced", _dt.datetime.now().strftime("%H:%M"), summary.pending
    except AnnotatorError as exc:
        return "error", str(exc), -1
    except Exception as exc:  # a bug in sync must not take the window down
        log.exception("hub sync failed")
        return "error", f"{type(exc).__name__}: {exc}", -1


class HubSyncStatus(QObject):
    """Owns the status-bar label and the sync thread of one window's project."""

    finished = Signal(str, str, int)  # state, detail, pending (-1: unknown)
    pulled = Signal()  # a sync completed (on the GUI thread): what came down is in the project

    def __init__(self, project: Project, parent: QObject | None = None, *, every_ms: int = SYNC_EVERY_MS):
        super().__init__(parent)
        self.project = project
        self.path = Path(project.path)
        self.label = QLabel()
        self.label.setObjectName("hubSyncStatus")
        self.state = "pending"
        self._thread: threading.Thread | None = None
        self._again = False
        self.finished.connect(self._show)
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self.request)
        self.timer.start()
        self.show_pending()

    def article_finished(self) -> None:
        """An article was finished: show it as pending and send it."""
        self.show_pending()
        self.request()

    def show_pending(self) -> None:
        pending = self.project.hub.pending_count()
        if pending or self.state in ("synced", "pending"):
            self._set("pending" if pending else "synced",
                      tr("Hub: pending") + f" {pending}" if pending else tr("Hub: synced"), "")

    def request(self) -> None:
        """Start a sync now, or right after the one running."""
        if self.busy():
            self._again = True
            return
        self._again = False
        self._thread = threading.Thread(target=self._run, name="hub-sync", daemon=True)
        self._thread.start()

    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        self.finished.emit(*_sync_once(self.path))

    def _show(self, state: str, detail: str, pending: int) -> None:
        if state == "synced":
            text = tr("Hub: synced") + f" {detail}" if pending <= 0 else tr("Hub: pending") + f" {pending}"
        elif state == "offline":
            text = tr("Hub: offline") + (f", {tr('pending')} {pending}" if pending > 0 else "")
        else:
            text = tr("Hub: error") + f": {detail.splitlines()[0][:80]}"
        self._set(state, text, detail)
        if state == "synced":
            self.pulled.emit()
        if self._again:
            self.request()

    def _set(self, state: str, text: str, detail: str) -> None:
        self.state = state
        self.label.setText(text)
        self.label.setToolTip(detail)

    def stop(self) -> None:
        self.timer.stop()


def attach(window: QMainWindow, project: Project, *, first_after_ms: int = FIRST_SYNC_AFTER_MS
           ) -> HubSyncStatus | None:
    """Give the window a hub status and background sync when its project has a hub."""
    if not project.setting("hub_url"):
        return None
    status = HubSyncStatus(project, window)
    window.statusBar().addPermanentWidget(status.label)
    QTimer.singleShot(first_after_ms, status.request)
    return status


def attach_review(window: QMainWindow, project: Project, rebuild_queue: Callable[[], None]
                  ) -> HubSyncStatus | None:
    """The review window pulls from the hub as soon as it opens, in the background, and
    rebuilds its queue with what came down; the queue it shows meanwhile is the local one,
    so opening never waits for the network. Team → Pull from the hub does it again."""
    status = attach(window, project, first_after_ms=0)
    if status is not None:
        status.pulled.connect(rebuild_queue)
    return status
