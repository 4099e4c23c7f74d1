"""The worker helper: jobs deliver to a live window and never emit on a deleted object."""
from __future__ import annotations

import threading

from annotator.gui import workers


class _HeldSuggester:
    """A suggester that holds its job until the test lets it go (a slow model)."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()

    def suggest(self, text: str) -> list:
        self.started.set()
        self.release.wait(30)
        return []


def test_destroying_the_window_while_a_suggestion_job_runs(qtbot, make_project, monkeypatch, capfd):
    """#16 item 19c: the job's signals were parented to the window, so a window destroyed
    mid-job took them along and the worker printed
    ``RuntimeError: Signal source has been deleted``."""
    held = _HeldSuggester()
    monkeypatch.setitem(workers._suggesters, "rules" + repr([]), held)
    path, _ids = make_project(["حلب: قصف\n\nقصفت قوات النظام أحياء في مدينة حلب."])
    from annotator.gui import create_main_window

    window = create_main_window(str(path), "hala")  # not given to qtbot: this test deletes it
    window.show()
    try:
        window.suggest_source.setCurrentIndex(window.suggest_source.findData("rules"))
        qtbot.waitUntil(held.started.is_set, timeout=30_000)
        window.clock.stop()
        window.deleteLater()  # its project file is closed when it is destroyed
        qtbot.waitUntil(lambda: not _alive(window), timeout=5000)
    finally:
        held.release.set()
    assert workers.pool().waitForDone(30_000)
    qtbot.waitUntil(lambda: not workers._live, timeout=5000)  # nothing kept once the job is over
    err = capfd.readouterr().err
    assert "Signal source has been deleted" not in err
    assert "RuntimeError" not in err


def _alive(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_results_reach_a_live_owner_in_order(qtbot) -> None:
    from PySide6.QtCore import QObject

    class Count(workers.Job):
        def work(self, progress):
            for n in range(3):
                progress(n)
            return "done"

    owner = QObject()
    seen: list[object] = []
    workers.start_job(owner, Count(), finished=seen.append, progress=seen.append)
    qtbot.waitUntil(lambda: "done" in seen, timeout=10_000)
    assert seen == [0, 1, 2, "done"]
    failures: list[str] = []

    class Broken(workers.Job):
        def work(self, progress):
            raise ValueError("bug")

    workers.start_job(owner, Broken(), finished=seen.append, failed=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert failures == ["ValueError: bug"]


_EXIT_WHILE_A_JOB_RUNS = """
import sys, time
from PySide6.QtCore import QObject
from annotator.gui.app import ensure_app
from annotator.gui.workers import Job, start_job

app = ensure_app(sys.argv)

class Slow(Job):
    def work(self, progress):
        time.sleep(1.0)
        return "late"

owner = QObject()
start_job(owner, Slow(), finished=print)
print("leaving main", flush=True)
"""


def test_the_program_exits_cleanly_while_a_job_still_runs(tmp_path) -> None:
    """CI once crashed (exit -11) at the end of ``annotator --smoke-test``: the program
    returned while a suggestion job was still in the pool, interpreter teardown deleted the
    job's signals, and the worker emitted on them (``Signal source has been deleted``)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    script = tmp_path / "exit_mid_job.py"
    script.write_text(_EXIT_WHILE_A_JOB_RUNS, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], env=env, cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "leaving main" in proc.stdout
    assert "Signal source has been deleted" not in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_jobs_signals_are_destroyed_in_the_gui_thread_after_their_last_delivery(qtbot) -> None:
    """A CI run crashed (segfault in the event loop, the pool thread past Python): the GUI
    thread let go of a finished job's signals first, so the pool thread, deleting the job
    after ``run``, destroyed the signals object — a QObject of the GUI thread — while the GUI
    thread could still be delivering its queued calls. The signals must die in the GUI thread,
    after the worker has left ``run``."""
    import time

    from PySide6.QtCore import QObject, Qt, QThread

    gui_thread = QThread.currentThread()

    class Lingering(workers.Job):
        """Stays in its pool thread a moment after its last emit, as a busy machine may."""

        def run(self) -> None:
            super().run()
            time.sleep(0.3)

    owner = QObject()
    seen: list[object] = []
    destroyed_in: list[bool] = []
    job = Lingering()
    job.work = lambda progress: "done"  # type: ignore[method-assign]
    job.signals.destroyed.connect(lambda *_: destroyed_in.append(QThread.currentThread() is gui_thread),
                                  type=Qt.ConnectionType.DirectConnection)
    workers.start_job(owner, job, finished=seen.append)
    del job
    qtbot.waitUntil(lambda: seen == ["done"], timeout=10_000)
    assert workers.pool().waitForDone(10_000)
    qtbot.waitUntil(lambda: bool(destroyed_in), timeout=5000)
    assert destroyed_in == [True]
    assert not workers._live
