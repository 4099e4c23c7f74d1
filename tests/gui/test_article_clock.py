"""gui/article_clock.py: the status bar's clock, and time saved every minute."""
from __future__ import annotations

from gui_helpers import project_with_articles

from annotator.core.store import Project
from annotator.gui.article_clock import SAVE_EVERY_SECONDS, ArticleClock


def test_the_clock_ticks_shows_and_saves_every_minute(tmp_path, open_window) -> None:
    path = tmp_path / "p.db"
    (article,) = project_with_articles(path, ["نص المقال الأول عن ريف حمص."])
    window = open_window(path)
    clock = window.clock
    assert isinstance(clock, ArticleClock) and clock.isActive() and clock.interval() == 1000
    now = [1000.0]
    window.session._clock = lambda: now[0]  # the session's time source, moved by hand
    window.session.open(article)
    now[0] += 75
    clock.tick()
    assert window.status_time.text() == "⏱ 01:15"
    assert window.session.pending_seconds() < SAVE_EVERY_SECONDS  # written: nothing pending
    with Project.open(path) as other:  # a second connection sees it: it survives a crash
        annotation = other.annotation(article, "hala")
        assert annotation is not None and annotation.seconds >= 75
    now[0] += 10
    clock.tick()  # under a minute pending: shown, not written
    assert window.status_time.text() == "⏱ 01:25"
    with Project.open(path) as other:
        assert other.annotation(article, "hala").seconds < 85  # type: ignore[union-attr]
    clock.flush()  # what closing the window or opening another article does
    with Project.open(path) as other:
        assert other.annotation(article, "hala").seconds >= 85  # type: ignore[union-attr]


def test_stop_stops_the_timer(tmp_path, open_window) -> None:
    path = tmp_path / "p.db"
    project_with_articles(path, ["نص"])
    window = open_window(path)
    window.clock.stop()
    assert not window.clock.isActive()
