"""Benchmark: from process start to the window showing the first article; target <= 1.5 s.

Starts the real entry point (``python -m annotator.cli gui PROJECT``) on a demo-like
project (the built-in demo, built into a temporary folder) with fresh settings, as a
first-time user does. A probe, installed by wrapping ``annotator.gui.create_main_window``,
waits until the event loop has shown the window with an article in its view, forces
the first paint, and reports. The parent times from just before it spawns the process
to that report. It also checks that spaCy, torch and camel_tools.ner are not loaded at
that moment: the window must not wait for them.

Run: .venv/bin/python bench/bench_startup.py [--runs N]. Exit status 1 if over target.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Result  # noqa: E402

TARGET_SECONDS = 1.5
HEAVY = ("spacy", "torch", "camel_tools.ner", "transformers")

# Run in the child: wrap create_main_window, then hand over to the real CLI.
CHILD = r"""
import sys, time, json
import annotator.gui as gui

_create = gui.create_main_window

def create_and_probe(*args, **kwargs):
    window = _create(*args, **kwargs)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def probe():
        view = getattr(window, "view", None)
        if not window.isVisible() or view is None or not view.toPlainText():
            QTimer.singleShot(1, probe)
            return
        view.viewport().repaint()  # the first paint of the article is part of the wait
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "torch", "transformers")
                       or m == "camel_tools.ner" or m.startswith("camel_tools.ner."))
        with open("/proc/self/statm") as fh:  # resident memory at that moment, MB
            import os
            rss = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
        print("SHOWN " + json.dumps({"heavy": heavy, "article_id": window.article_id, "rss_mb": rss}), flush=True)
        QApplication.instance().quit()

    QTimer.singleShot(0, probe)
    return window

gui.create_main_window = create_and_probe
from annotator.cli import main
main(["gui", sys.argv[1], "--annotator", "bench", "--lang", "en"])
"""


def build_demo(folder: Path) -> Path:
    from annotator.core.demo import build_demo_project

    return build_demo_project(folder / "demo.db")


def one_run(project: Path, env: dict[str, str]) -> tuple[float, dict]:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(project)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    shown_at, info = None, {}
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("SHOWN "):
            shown_at = time.perf_counter()
            info = json.loads(line[6:])
            break
    if shown_at is None:
        _out, err = proc.communicate(timeout=120)
        raise SystemExit(f"the window never showed an article (exit {proc.returncode}):\n{err[-2000:]}")
    proc.kill()  # measured; do not wait for background suggestion work to wind down
    proc.communicate(timeout=60)
    return shown_at - started, info


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project = build_demo(folder)
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            env[var] = str(folder / var.lower())  # fresh settings each run: a first start
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
        times, heavy = [], set()
        for _ in range(args.runs):
            for var in ("XDG_CONFIG_HOME",):
                cfg = Path(env[var])
                if cfg.exists():
                    for f in cfg.rglob("*"):
                        if f.is_file():
                            f.unlink()
            seconds, info = one_run(project, env)
            times.append(seconds)
            heavy.update(info["heavy"])
    median = statistics.median(times)
    Result("startup to first article shown (median)", median, "s", f"<= {TARGET_SECONDS} s",
           median <= TARGET_SECONDS, f"{args.runs} runs, min {min(times):.2f} max {max(times):.2f}").emit()
    Result("heavy modules loaded at that moment", float(len(heavy)), "modules", "0",
           not heavy, ", ".join(sorted(heavy)) or "none of " + ", ".join(HEAVY)).emit()
    return 0 if median <= TARGET_SECONDS and not heavy else 1


if __name__ == "__main__":
    sys.exit(main())
