"""gui/smoke.py: the installation smoke test — the code the bundle's ``--smoke-test`` runs —
passes on the demo project and fails when it should."""
from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def window_on(qapp, tmp_path: Path):
    """``window_on(project_path) -> MainWindow`` with private settings, closed afterwards."""
    from PySide6.QtCore import QSettings

    from annotator.core.store import Project
    from annotator.gui.main_window import MainWindow

    opened = []

    def make(path: Path):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("suggest_source", "off")  # no background jobs: nothing timing-dependent
        project = Project.open(path)
        window = MainWindow(project, "smoke-tester", settings=settings)
        opened.append(window)
        window.show()
        return window

    yield make
    for window in opened:
        try:
            window.clock.stop()
            window.close()
        except RuntimeError:
            pass
        window.project.close()


def _all_spans(path: Path) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT * FROM spans").fetchall())


def test_smoke_test_passes_on_the_demo_project(window_on, tmp_path: Path, capsys) -> None:
    from annotator.core.demo import build_demo_project
    from annotator.gui.smoke import run_smoke_test

    path = build_demo_project(tmp_path / "demo.db")
    before = _all_spans(path)
    assert before, "the demo project should come with annotations"
    window = window_on(path)

    assert run_smoke_test(window) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("smoke test ok: labelled «")
    assert "CAMeL NER: " in lines[0]
    # The span it made is gone again and nobody else's work was touched.
    assert _all_spans(path) == before
    assert not window.isVisible()


def test_smoke_test_fails_without_articles(window_on, tmp_path: Path, capsys) -> None:
    from annotator.core.store import Project
    from annotator.gui.smoke import run_smoke_test

    path = tmp_path / "empty.db"
    Project.create(path, creator="lead").close()

    assert run_smoke_test(window_on(path)) == 1
    assert capsys.readouterr().out.strip() == "smoke test FAILED: the project has no articles to open"


def test_smoke_test_fails_when_the_label_key_saves_nothing(window_on, tmp_path: Path, capsys,
                                                         monkeypatch) -> None:
    """If the label key path is broken, the smoke test must notice (not just the happy path)."""
    from annotator.core.demo import build_demo_project
    from annotator.gui.smoke import run_smoke_test

    window = window_on(build_demo_project(tmp_path / "demo.db"))
    monkeypatch.setattr(window, "create_span", lambda *a, **k: None)

    assert run_smoke_test(window) == 1
    assert "saved 0 new spans, expected 1" in capsys.readouterr().out
