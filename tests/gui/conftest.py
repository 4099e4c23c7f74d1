"""Fixtures for the workbench tests: offscreen Qt, private settings, projects, windows.

The tests drive the real widgets with qtbot key and mouse events. Three things keep
them from touching the user's machine:

* ``QT_QPA_PLATFORM=offscreen`` is set here, before anything creates the QApplication
  (pytest-qt creates it lazily in its ``qapp`` fixture), so no display is needed;
* the XDG folders and QSettings' paths point at a per-session temporary folder, so
  the font size, language and suggestion source a test writes never reach the real
  ``~/.config``; every test starts from empty settings with suggestions ``off``
  (suggesters run in a thread pool and would make the span tests timing-dependent);
* every window is closed, its clock stopped and its project file closed at teardown.
"""
from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = tempfile.mkdtemp(prefix="annotator-gui-tests-")
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = os.path.join(_SANDBOX, _var.lower())
    os.makedirs(os.environ[_var], exist_ok=True)
os.environ.setdefault("XDG_RUNTIME_DIR", os.path.join(_SANDBOX, "runtime"))
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)

from collections.abc import Callable, Iterator, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from gui_helpers import close_window, project_with_articles  # noqa: E402
from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402
from review_helpers import REVIEWER, build_review_project  # noqa: E402

QStandardPaths.setTestModeEnabled(True)
for _fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
    for _scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(_fmt, _scope, os.path.join(_SANDBOX, "settings"))


@pytest.fixture(autouse=True)
def clean_settings(qapp) -> Iterator[QSettings]:
    """Empty settings for every test, with suggestions switched off."""
    from annotator.gui.app import ensure_app

    ensure_app()  # organisation and application name: the QSettings() the window uses
    settings = QSettings()
    settings.clear()
    settings.setValue("suggest_source", "off")
    settings.sync()
    yield settings
    settings.clear()
    settings.sync()


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., tuple[Path, list[int]]]:
    """``make_project(articles, name="p.db") -> (path, ids)``."""

    def make(articles: Sequence[str | tuple[str, str]], name: str = "project.db") -> tuple[Path, list[int]]:
        path = tmp_path / name
        return path, project_with_articles(path, articles)

    return make


@pytest.fixture
def open_window(qtbot) -> Iterator[Callable[..., object]]:
    """``open_window(path, annotator="hala") -> MainWindow``, shown and exposed.

    Built with :func:`annotator.gui.create_main_window`, the same call ``annotator gui``
    makes. Windows are closed (and their project files released) at teardown.
    """
    from annotator.gui import create_main_window

    windows = []

    def open_(path: Path, annotator: str = "hala"):
        return _shown_and_active(qtbot, windows, create_main_window(str(path), annotator))

    yield open_
    for window in windows:
        close_window(window)


def _shown_and_active(qtbot, windows: list, window):
    """Show ``window`` and make it the active one: window shortcuts (Ctrl+Z, Ctrl+Return, …)
    fire only in the active window. Kept in ``windows`` for the fixture's teardown."""
    windows.append(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window


@pytest.fixture
def review_project(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "review.db"
    return path, build_review_project(path)


@pytest.fixture
def open_review(qtbot):
    """``open_review(path, reviewer="rev") -> ReviewWindow``, shown, active, closed at teardown."""
    from annotator.gui import create_main_window

    windows = []

    def open_(path: Path, reviewer: str = REVIEWER):
        return _shown_and_active(qtbot, windows, create_main_window(str(path), reviewer, review=True))

    yield open_
    for window in windows:
        try:
            if window.isVisible():
                window.close()
        except RuntimeError:
            continue
        window.project.close()
