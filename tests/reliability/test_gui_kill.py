"""Kill -9 the workbench while it is saving: nothing it showed is lost, the file stays sound.

A child process builds the real MainWindow on a project and, in a loop, selects
random ranges in the article view and presses label keys (or Delete on a span)
through QTest, the same code path as a user's keyboard. After every edit it prints
what the window now shows ("ACK …"), and before every edit what it is about to do
("DO …"). The parent SIGKILLs it at a random moment, opens the file and checks:

* ``PRAGMA integrity_check`` is ``ok``;
* every span the window acknowledged is stored with the same offsets and label, and
  every span it acknowledged deleting is gone; the only allowed difference is the
  effect of the one edit that was under way when the kill came.

Start-up costs seconds (Qt, sqlite-utils, camel-tools imports), so a "zygote" child
imports everything once and ``fork()``s one process per trial *before* any Qt object
exists; each forked process opens the project and builds its own QApplication and
window, exactly as ``annotator gui`` does, and is what gets killed.
"""
from __future__ import annotations

import os
import queue
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

TRIALS = 20
SEED = 20240611
ARTICLE = "\n\n".join(
    f"وقالت مصادر ميدانية إن قوات النظام قصفت بلدة رقم {i} في ريف إدلب الجنوبي، "
    f"ما أدى إلى مقتل {i + 2} مدنيين وإصابة آخرين، بينما ردت فصائل المعارضة بقصف مواقع في ريف حماة."
    for i in range(25)
)


# ------------------------------------------------------------------ child side
def _emit(line: str) -> None:
    # One write(2) per line: atomic on a pipe, so a kill never leaves half a line.
    os.write(1, (line + "\n").encode("utf-8"))


def run_child(project_path: str, seed: int) -> None:
    """A forked trial: the real window, driven by random keys until it is killed."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QTextEdit

    from annotator.gui import create_main_window
    from annotator.gui.app import ensure_app

    app = ensure_app()
    QSettings().setValue("suggest_source", "off")
    window = create_main_window(project_path, "hala")
    window.show()
    window.activateWindow()
    app.processEvents()
    view = window.findChild(QTextEdit, "articleView")
    text = view.toPlainText()
    rng = random.Random(seed)
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4]
    shown = {s.id: (s.start, s.end, s.label) for s in window.spans}
    while True:
        if shown and rng.random() < 0.25:
            target = rng.choice(sorted(shown))
            _emit(f"DO delete {target}")
            window.select_span(target)
            view.moveCursor(QTextCursor.MoveOperation.Start)  # no text selection
            QTest.keyClick(view, Qt.Key.Key_Delete)
        else:
            a = rng.randrange(len(text) - 1)
            b = min(len(text), a + rng.randint(1, 30))
            _emit("DO create")
            cursor = view.textCursor()
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            view.setTextCursor(cursor)
            QTest.keyClick(view, rng.choice(keys))
        now = {s.id: (s.start, s.end, s.label) for s in window.spans}
        for span_id in sorted(now.keys() - shown.keys()):
            start, end, label = now[span_id]
            _emit(f"ACK ADD {span_id} {start} {end} {label}")
        for span_id in sorted(shown.keys() - now.keys()):
            _emit(f"ACK DEL {span_id}")
        shown = now
        app.processEvents()


def zygote() -> None:
    """Import everything, then fork one trial per line ``<project> <seed>`` on stdin."""
    import PySide6.QtTest  # noqa: F401

    import annotator.core.store  # noqa: F401  (the slow imports, paid once)
    import annotator.gui.main_window  # noqa: F401
    from annotator.core.counts import count_attributes
    from annotator.core.text import snap_span

    snap_span(ARTICLE, 0, 20)  # loads camel's tables and the clitic lexicon (pure Python, no Qt)
    count_attributes(ARTICLE, ARTICLE.index("مقتل") + 5, ARTICLE.index("مقتل") + 6)

    _emit("READY")
    for line in sys.stdin:
        path, seed = line.split()
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                run_child(path, int(seed))
            finally:
                os._exit(1)
        _emit(f"PID {pid}")
        _pid, status = os.waitpid(pid, 0)
        _emit(f"DONE {pid} {status}")


# ----------------------------------------------------------------- parent side
def _make_template(folder: Path) -> Path:
    from annotator.core.importing import ArticleRecord, import_records
    from annotator.core.store import Project

    path = folder / "template.db"
    with Project.create(path, creator="lead") as project:
        import_records(project, [ArticleRecord(text=ARTICLE, title="kill test")])
        project.ensure_annotator("hala")
    return path


class _Lines:
    def __init__(self, stream) -> None:
        self.q: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream) -> None:
        for raw in stream:
            self.q.put(raw.decode("utf-8", "replace").rstrip("\n"))
        self.q.put(None)

    def next(self, timeout: float) -> str:
        line = self.q.get(timeout=timeout)
        if line is None:
            raise AssertionError("the zygote process ended")
        return line


def _check_trial(path: Path, lines: list[str]) -> int:
    acked: dict[int, tuple[int, int, str]] = {}
    pending: str | None = None
    for line in lines:
        words = line.split()
        if words[0] == "DO":
            pending = line
        elif words[:2] == ["ACK", "ADD"]:
            acked[int(words[2])] = (int(words[3]), int(words[4]), words[5])
        elif words[:2] == ["ACK", "DEL"]:
            del acked[int(words[2])]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {
            r[0]: (r[1], r[2], r[3])
            for r in conn.execute(
                'SELECT s.id, s.start, s."end", s.label FROM spans s JOIN annotations a ON a.id = s.annotation_id '
                "WHERE a.annotator = 'hala'"
            )
        }
    finally:
        conn.close()
    missing = {k: v for k, v in acked.items() if stored.get(k) != v}
    extra = {k: v for k, v in stored.items() if k not in acked}
    # Only the edit under way at the kill may have committed without being acknowledged.
    if pending is not None and pending.startswith("DO delete"):
        allowed_missing = {int(pending.split()[2])}
        assert set(missing) <= allowed_missing and not extra, (pending, missing, extra)
    else:
        assert not missing, (pending, missing)
        assert len(extra) <= 1, (pending, extra)
    return len(acked)


def test_killing_the_gui_loses_nothing_it_showed(tmp_path: Path) -> None:
    template = _make_template(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    root = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")])
    zyg = subprocess.Popen([sys.executable, __file__, "zygote"], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, env=env, cwd=tmp_path)
    rng = random.Random(SEED)
    lines = _Lines(zyg.stdout)
    total_acked = 0
    try:
        assert lines.next(120) == "READY"
        for trial in range(TRIALS):
            path = tmp_path / f"trial{trial}.db"
            shutil.copy(template, path)
            zyg.stdin.write(f"{path} {rng.randrange(1 << 30)}\n".encode())
            zyg.stdin.flush()
            first = lines.next(60)
            assert first.startswith("PID "), first
            pid = int(first.split()[1])
            got: list[str] = []
            while True:  # wait for the first acknowledged span
                line = lines.next(60)
                assert not line.startswith("DONE"), ("the trial ended by itself", got)
                got.append(line)
                if line.startswith("ACK"):
                    break
            time.sleep(rng.uniform(0.3, 2.0))
            os.kill(pid, signal.SIGKILL)
            while True:
                line = lines.next(60)
                if line.startswith("DONE"):
                    break
                got.append(line)
            assert line.split()[1] == str(pid)
            assert os.WIFSIGNALED(int(line.split()[2])), line  # it really was killed mid-work
            total_acked += _check_trial(path, got)
    finally:
        zyg.stdin.close()
        zyg.wait(timeout=30)
    assert total_acked >= TRIALS  # the trials did real work


if __name__ == "__main__" and sys.argv[1:] == ["zygote"]:
    zygote()
