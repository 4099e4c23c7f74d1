"""Train the spaCy NER pipeline (tok2vec + ner, CPU) on exported ``.spacy`` files.

:func:`train` runs spaCy's own training loop (``spacy.training.loop.train``) on the shipped
``resources/spacy/config.cfg`` with overrides (paths, steps, seed), so a model trained here
is the same as one from ``python -m spacy train ... --code annotator/core/tokenizer.py``.
Progress reaches the caller through a registered spaCy logger that calls ``progress`` at
every evaluation step; returning ``False`` from it stops training early (keeping the best
model so far), which is how the GUI's Cancel works.

Every run trains into a new hidden folder ``OUTDIR/.training-STAMP-PID`` and only a finished
run is renamed to ``OUTDIR/run-STAMP`` (one atomic rename). spaCy's loop replaces
``model-best`` by deleting it and copying ``model-last`` over it, so training into the folder
of the project's current model would leave no model, or half of one, if killed then. Folders
of killed runs are removed by the next run into the same OUTDIR.

This module imports spaCy only inside functions, and is meant to be imported lazily.
"""
from __future__ import annotations

import contextvars
import io
import os
import shutil
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.formats.atomic import pid_alive

DEFAULT_CONFIG = Path(__file__).resolve().parents[2] / "resources" / "spacy" / "config.cfg"
PROGRESS_LOGGER = "annotator.progress_logger.v1"
MODEL_BEST = "model-best"
MODEL_LAST = "model-last"
#: Name start of the folder a run trains into, before it is complete.
STAGING_PREFIX = ".training-"


@dataclass(frozen=True)
class LabelScore:
    """Precision, recall and F1 for one label on the dev set (0..1)."""

    p: float
    r: float
    f: float


@dataclass(frozen=True)
class TrainProgress:
    """One evaluation step: ``score`` is the dev F1 (0..1), ``losses`` per component."""

    step: int
    epoch: int
    score: float
    losses: dict[str, float]
    seconds: float
    max_steps: int
    per_label: dict[str, LabelScore] = field(default_factory=dict)

    @property
    def fraction(self) -> float:
        """How far training is (0..1) by steps, for a progress bar."""
        return min(1.0, self.step / self.max_steps) if self.max_steps else 0.0


@dataclass(frozen=True)
class TrainResult:
    """The trained model (``model_path`` = OUTDIR/run-STAMP/model-best) and its dev scores."""

    model_path: Path
    last_path: Path
    precision: float
    recall: float
    f1: float
    per_label: dict[str, LabelScore]
    steps: int
    seconds: float
    cancelled: bool = False
    history: list[TrainProgress] = field(default_factory=list)


class TrainingError(AnnotatorError):
    """Training could not run or failed (bad corpus, config error...)."""


ProgressCallback = Callable[[TrainProgress], "bool | None"]

# The callback of the train() call running in this thread/context; read by the logger.
_CURRENT: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("annotator_train", default=None)


class _Stop(Exception):
    """Raised inside spaCy's loop when the progress callback asks to stop."""


def _per_label(scores: Mapping[str, Any]) -> dict[str, LabelScore]:
    per = scores.get("ents_per_type") or {}
    return {
        label: LabelScore(float(v.get("p", 0.0)), float(v.get("r", 0.0)), float(v.get("f", 0.0)))
        for label, v in sorted(per.items())
    }


def _progress_logger() -> Callable[..., Any]:
    """spaCy logger factory: calls the active train()'s callback at each evaluation."""

    def setup(nlp: Any, stdout: Any = None, stderr: Any = None) -> tuple[Callable[..., None], Callable[[], None]]:
        def log_step(info: dict[str, Any] | None) -> None:
            state = _CURRENT.get()
            if info is None or state is None:
                return
            other = info.get("other_scores") or {}
            prog = TrainProgress(
                step=int(info.get("step", 0)),
                epoch=int(info.get("epoch", 0)),
                score=float(info.get("score") or 0.0),
                losses={k: float(v) for k, v in (info.get("losses") or {}).items()},
                seconds=time.monotonic() - state["t0"],
                max_steps=state["max_steps"],
                per_label=_per_label(other),
            )
            state["history"].append(prog)
            callback = state["callback"]
            if callback is not None and callback(prog) is False:
                raise _Stop()

        def finalize() -> None:
            return None

        return log_step, finalize

    return setup


def _register_logger() -> None:
    from annotator.core.spacy_loader import import_spacy
    spacy = import_spacy()

    if PROGRESS_LOGGER not in spacy.registry.loggers.get_all():
        spacy.registry.loggers.register(PROGRESS_LOGGER, func=_progress_logger)


def _check_corpus(path: Path, what: str) -> None:
    if not path.exists():
        raise InputError(f"{what} corpus not found", file=str(path))
    if path.is_file() and path.stat().st_size == 0:
        raise InputError(f"{what} corpus is empty", file=str(path))


def train(
    train_path: str | Path,
    dev_path: str | Path,
    outdir: str | Path,
    max_steps: int | None = None,
    progress: ProgressCallback | None = None,
    *,
    config_path: str | Path = DEFAULT_CONFIG,
    eval_frequency: int | None = None,
    seed: int | None = None,
    overrides: Mapping[str, Any] | None = None,
    stdout: Any = None,
) -> TrainResult:
    """Train tok2vec + ner on CPU and evaluate the best model on ``dev_path``.

    ``max_steps``/``eval_frequency``/``seed`` override the config; ``overrides`` takes any
    other dotted config keys (``{"training.patience": 200}``). ``progress`` is called after
    each evaluation with a :class:`TrainProgress`; if it returns ``False`` training stops and
    the best model so far is kept (``cancelled=True``). spaCy's console output goes to
    ``stdout`` (default: discarded). Raises :class:`InputError` for a missing corpus and
    :class:`TrainingError` when spaCy cannot train on it.
    """
    from annotator.core.spacy_loader import import_spacy
    import_spacy()  # before any spacy.* import: keeps torch out
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_nlp
    from spacy.util import load_config

    import annotator.core.tokenizer  # noqa: F401  (registers ar_news.tokenizer.v1)

    train_path, dev_path, out = Path(train_path), Path(dev_path), Path(outdir)
    _check_corpus(train_path, "training")
    _check_corpus(dev_path, "dev")
    config_path = Path(config_path)
    if not config_path.is_file():
        raise InputError("training config not found", file=str(config_path))
    _register_logger()

    ov: dict[str, Any] = {
        "paths.train": str(train_path),
        "paths.dev": str(dev_path),
        "training.logger": {"@loggers": PROGRESS_LOGGER},
    }
    if max_steps is not None:
        ov["training.max_steps"] = int(max_steps)
    if eval_frequency is not None:
        ov["training.eval_frequency"] = int(eval_frequency)
    elif max_steps is not None:
        # At least ~5 evaluations (progress updates) whatever the run length.
        ov["training.eval_frequency"] = max(1, min(200, int(max_steps) // 5))
    if seed is not None:
        ov["system.seed"] = int(seed)
    ov.update(overrides or {})

    out.mkdir(parents=True, exist_ok=True)
    _remove_killed_runs(out)
    config = load_config(config_path, overrides=ov, interpolate=False)
    staging = _new_staging(out)
    staging.mkdir()
    steps_total = int(config["training"]["max_steps"])
    state: dict[str, Any] = {"callback": progress, "t0": time.monotonic(), "max_steps": steps_total, "history": []}
    token = _CURRENT.set(state)
    cancelled = False
    sink = stdout if stdout is not None else io.StringIO()
    try:
        try:
            nlp = init_nlp(config, use_gpu=-1)
        except (ValueError, KeyError, OSError) as e:
            raise TrainingError(f"cannot initialise the pipeline: {e}") from e
        try:
            train_nlp(nlp, staging, use_gpu=-1, stdout=sink, stderr=sink)
        except _Stop:
            cancelled = True
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        _CURRENT.reset(token)
    seconds = time.monotonic() - state["t0"]
    run = _publish(staging, out)
    best = run / MODEL_BEST
    last = run / MODEL_LAST
    if not best.exists():
        if not last.exists():
            raise TrainingError("training stopped before any model was saved")
        best = last
    scores = evaluate(best, dev_path)
    history: list[TrainProgress] = state["history"]
    return TrainResult(
        model_path=best,
        last_path=last,
        precision=float(scores.get("ents_p") or 0.0),
        recall=float(scores.get("ents_r") or 0.0),
        f1=float(scores.get("ents_f") or 0.0),
        per_label=_per_label(scores),
        steps=history[-1].step if history else 0,
        seconds=seconds,
        cancelled=cancelled,
        history=history,
    )


def _new_staging(out: Path) -> Path:
    """A folder name no run has used: ``.training-STAMP-PID``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    n = 1
    while (staging := out / f"{STAGING_PREFIX}{stamp}{'' if n == 1 else f'.{n}'}-{os.getpid()}").exists():
        n += 1
    return staging


def _publish(staging: Path, out: Path) -> Path:
    """Rename a finished run's folder to a new ``run-STAMP`` folder next to it; return that."""
    stamp = staging.name[len(STAGING_PREFIX):].rsplit("-", 1)[0]
    run = out / f"run-{stamp}"
    n = 1
    while run.exists():
        n += 1
        run = out / f"run-{stamp}-{n}"
    staging.rename(run)
    return run


def _remove_killed_runs(out: Path) -> None:
    """Delete the staging folders of runs whose process is gone (killed mid-training)."""
    for folder in out.glob(STAGING_PREFIX + "*"):
        pid = folder.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not pid_alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def evaluate(model_path: str | Path, dev_path: str | Path) -> dict[str, Any]:
    """spaCy's scores (``ents_p/r/f``, ``ents_per_type``) of a saved model on a ``.spacy`` file."""
    from annotator.core.spacy_loader import import_spacy
    spacy = import_spacy()
    from spacy.training import Corpus

    import annotator.core.tokenizer  # noqa: F401

    nlp = spacy.load(model_path)
    examples = list(Corpus(str(dev_path))(nlp))
    if not examples:
        return {"ents_p": 0.0, "ents_r": 0.0, "ents_f": 0.0, "ents_per_type": {}}
    return nlp.evaluate(examples)
