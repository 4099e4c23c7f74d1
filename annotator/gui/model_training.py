"""Model → Train: ``annotator train`` in a process of its own, its progress in the status
bar, and the new model joining the suggestions once it is the project's current model.

Training runs as a child process, not a thread: spaCy's training loop holds the GIL for
seconds at a time, which would freeze the window, and a process can be stopped at once.
The pool thread that watches it only waits on its output (no GIL held). The child writes
the model into a new folder and makes it the project's current model only when it is
complete, so a cancelled or failed run leaves the current model as it was.
"""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMainWindow,
    QProgressBar,
    QSpinBox,
)

from ..core.errors import AnnotatorError
from .workers import Job, pool, start_job

if TYPE_CHECKING:  # subprocess and datetime load when a model is trained, not at start-up
    import subprocess

#: ``annotator train`` prints one such line per evaluation: ``  step    200/1500  epoch …``.
_STEP_RE = re.compile(r"^\s*step\s+(\d+)/(\d+)")
_SCORES_RE = re.compile(r"^model: .*\bF1 ([0-9.]+)")
DEFAULT_MAX_STEPS = 1500  # resources/spacy/config.cfg [training] max_steps


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", text)


def models_folder(project_path: str | os.PathLike[str]) -> Path:
    """Where the workbench's training runs go: ``<project>-models/`` next to the project."""
    path = Path(project_path)
    return path.with_name(f"{path.stem}-models")


def new_run_folder(project_path: str | os.PathLike[str]) -> Path:
    """A folder no earlier run used (one per run: the current model is never overwritten)."""
    import datetime as _dt

    base = models_folder(project_path) / _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder, n = base, 1
    while folder.exists():
        n += 1
        folder = base.with_name(f"{base.name}-{n}")
    return folder


def train_command(project_path: str, outdir: str, *, gold: bool, max_steps: int | None) -> list[str]:
    """The ``annotator train`` command line for this installation (a bundle runs itself)."""
    if getattr(sys, "frozen", False):
        head = [sys.executable]
    else:
        head = [sys.executable, "-m", "annotator.cli"]
    args = ["train", project_path, outdir]
    if gold:
        args.append("--gold")
    if max_steps:
        args += ["--max-steps", str(max_steps)]
    return head + args


@dataclass(frozen=True)
class TrainOutcome:
    model_dir: Path
    f1: float | None


class TrainJob(Job):
    """Runs ``annotator train`` and reports its progress in percent (0-100)."""

    def __init__(self, project_path: str, outdir: Path, *, gold: bool, max_steps: int | None):
        super().__init__()
        self.outdir = outdir
        self.command = train_command(project_path, str(outdir), gold=gold, max_steps=max_steps)
        self.process: subprocess.Popen[str] | None = None
        self.cancelled = False

    def work(self, progress: Callable[[int], None]) -> TrainOutcome:
        import subprocess

        env = dict(os.environ, PYTHONIOENCODING="utf-8")
        # Where this process found the package, the child finds it too (a source checkout).
        package_root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True, encoding="utf-8", errors="replace", env=env)
        if self.cancelled:  # cancelled while starting
            self.process.terminate()
        lines: list[str] = []
        f1: float | None = None
        assert self.process.stdout is not None
        for line in self.process.stdout:
            lines.append(line.rstrip("\n"))
            step = _STEP_RE.match(line)
            if step:
                done, total = int(step.group(1)), int(step.group(2))
                progress(min(100, done * 100 // total) if total else 0)
            scores = _SCORES_RE.match(line)
            if scores:
                f1 = float(scores.group(1))
        code = self.process.wait()
        if self.cancelled:
            raise AnnotatorError(tr("Training cancelled; the current model is unchanged."))
        if code != 0:
            errors = [x for x in lines if x.startswith("Error")] or [x for x in lines if x.strip()][-1:]
            raise AnnotatorError(tr("Training failed:") + " " + (errors[-1] if errors else f"exit status {code}"))
        return TrainOutcome(self.outdir, f1)

    def cancel(self) -> None:
        self.cancelled = True
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()


class TrainDialog(QDialog):
    """What to train on (finished or gold annotations) and for how many steps."""

    def __init__(self, parent: QMainWindow, *, has_gold: bool):
        super().__init__(parent)
        self.setObjectName("trainDialog")
        self.setWindowTitle(tr("Train a model"))
        form = QFormLayout(self)
        self.corpus = QComboBox()
        self.corpus.setObjectName("trainCorpus")
        self.corpus.addItem(tr("finished annotations (done)"), "done")
        self.corpus.addItem(tr("gold annotations"), "gold")
        self.corpus.setCurrentIndex(1 if has_gold else 0)
        form.addRow(tr("Train on:"), self.corpus)
        self.steps = QSpinBox()
        self.steps.setObjectName("trainSteps")
        self.steps.setRange(1, 100_000)
        self.steps.setValue(DEFAULT_MAX_STEPS)
        form.addRow(tr("Training steps:"), self.steps)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ModelTrainer(QObject):
    """The workbench's Model menu: one training run at a time, shown in the status bar."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.job: TrainJob | None = None
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("trainProgress")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setFormat(tr("training %p%"))
        self.progress_bar.hide()
        window.statusBar().addPermanentWidget(self.progress_bar)
        self.last_outcome: TrainOutcome | None = None

    def busy(self) -> bool:
        return self.job is not None

    def dialog(self) -> TrainDialog:
        """Model → Train…: the dialog, opened without blocking; OK starts training."""
        has_gold = self.window.project.gold.count() > 0
        dialog = TrainDialog(self.window, has_gold=has_gold)
        dialog.accepted.connect(lambda: self.start(gold=dialog.corpus.currentData() == "gold",
                                                   max_steps=dialog.steps.value()))
        dialog.open()
        return dialog

    def start(self, *, gold: bool, max_steps: int | None) -> TrainJob | None:
        if self.job is not None:
            self.window.statusBar().showMessage(tr("A model is being trained already."), 5000)
            return None
        w = self.window
        job = TrainJob(str(w.project.path), new_run_folder(w.project.path), gold=gold, max_steps=max_steps)
        self.job = job
        # The watching thread waits for minutes: give the pool one more thread meanwhile,
        # so suggestions and imports do not queue behind it.
        pool().setMaxThreadCount(pool().maxThreadCount() + 1)
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        w.act_cancel_training.setEnabled(True)
        w.act_train.setEnabled(False)
        w.statusBar().showMessage(tr("Training a model in the background…"), 5000)
        start_job(self, job, finished=self._finished, failed=self._failed, progress=self.progress_bar.setValue)
        return job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _end(self) -> None:
        self.job = None
        pool().setMaxThreadCount(max(1, pool().maxThreadCount() - 1))
        self.progress_bar.hide()
        self.window.act_cancel_training.setEnabled(False)
        self.window.act_train.setEnabled(True)

    def _finished(self, outcome: TrainOutcome) -> None:
        self._end()
        self.last_outcome = outcome
        score = f" (F1 {outcome.f1:.2f})" if outcome.f1 is not None else ""
        self.window.statusBar().showMessage(
            tr("The new model is the project's model now; its suggestions join the rules and patterns.") + score,
            15000)
        self.window.suggestion_feed.model_changed()

    def _failed(self, message: str) -> None:
        self._end()
        self.window.statusBar().showMessage(message.splitlines()[0] if message else tr("Training failed."), 15000)
