"""Time on the open article: the workbench's status-bar clock, saved every minute.

The session counts the seconds (:meth:`~annotator.core.session.AnnotationSession.seconds_on_article`);
this timer shows them once a second and writes the pending time to the project every minute,
so a crash loses at most a minute of timing.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer

# The MainWindow this clock serves. Not imported (it imports this module): the window is the
# only caller, and the layering stays one-way.
MainWindow = Any

#: Pending time is written to the project once it reaches this many seconds.
SAVE_EVERY_SECONDS = 60


class ArticleClock(QTimer):
    """Ticks once a second from construction; ``stop()`` (a QTimer's) stops it."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.setInterval(1000)
        self.timeout.connect(self.tick)
        self.start()

    def tick(self) -> None:
        self.show_time()
        if self.window.session.pending_seconds() >= SAVE_EVERY_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Write the pending time; a refusal that is not for want of disk space drops it."""
        window = self.window
        if window._guard(window.session.flush_time) is None and not window.banner.isVisible():
            window.session.forget_pending_time()  # refused for good, not for want of space: drop it

    def show_time(self) -> None:
        total = int(self.window.session.seconds_on_article())
        self.window.status_time.setText("⏱ " + f"{total // 60:02d}:{total % 60:02d}")
