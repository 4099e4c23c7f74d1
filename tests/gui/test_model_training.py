"""Model → Train in the workbench: `annotator train` runs in the background while the
window keeps working; the new model becomes the project's and joins the suggestions."""
from __future__ import annotations

import time

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from annotator.core.store import Project
from annotator.gui.model_training import models_folder

PLACES = ["حلب", "دمشق", "حمص", "إدلب", "درعا", "الرقة"]


def articles() -> list[str]:
    return [f"قالت قوات الأمن إن اشتباكات وقعت في {PLACES[i % len(PLACES)]} صباح اليوم رقم {i}."
            for i in range(10)]


def done_project(make_project):
    texts = articles()
    path, ids = make_project(texts)
    with Project.open(path) as p, p.transaction():
        for aid, text in zip(ids, texts):
            place = PLACES[ids.index(aid) % len(PLACES)]
            p.add_span(aid, "hala", text.index("قوات الأمن"), text.index("قوات الأمن") + len("قوات الأمن"), "ACTOR")
            p.add_span(aid, "hala", text.index(place), text.index(place) + len(place), "LOCATION")
            p.set_status(aid, "hala", "done")
    return path, ids


def current_model(path) -> str | None:
    with Project.open(path) as p:
        return p.trained_models.current_path()


def start_from_dialog(qtbot, window, steps: int) -> None:
    """Model → Train…, choose the finished annotations and ``steps``, OK."""
    window.act_train.trigger()
    dialog = window.findChild(QDialog, "trainDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.corpus.setCurrentIndex(dialog.corpus.findData("done"))
    dialog.steps.setValue(steps)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_train_in_the_background_then_the_model_joins_the_suggestions(qtbot, make_project, open_window):
    path, ids = done_project(make_project)
    QSettings().setValue("suggest_source", "rules,patterns")
    window = open_window(path)
    trainer = window.trainer
    ticks: list[float] = []
    progress: list[int] = []
    before_done: list[str | None] = []
    clock = QTimer(window)
    clock.setInterval(50)
    clock.timeout.connect(lambda: ticks.append(time.perf_counter()))
    trainer.progress_bar.valueChanged.connect(progress.append)
    trainer.progress_bar.valueChanged.connect(
        lambda _v: before_done.append(current_model(path)) if not before_done else None)

    start_from_dialog(qtbot, window, steps=4)
    assert trainer.busy() and trainer.progress_bar.isVisible()
    assert not window.act_train.isEnabled() and window.act_cancel_training.isEnabled()
    clock.start()
    started = time.perf_counter()
    qtbot.waitUntil(lambda: not trainer.busy(), timeout=300_000)
    clock.stop()
    took = time.perf_counter() - started

    # The event loop ran all along: a 50 ms timer kept firing, with no long gap.
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(ticks) >= took / 0.05 / 4, (len(ticks), took)
    assert max(gaps) < 1.0, max(gaps)
    # Progress reached the status bar, and the model switched only once complete.
    assert progress and max(progress) == 100
    assert before_done == [None]
    assert not trainer.progress_bar.isVisible() and window.act_train.isEnabled()
    model = current_model(path)
    assert model is not None and model.startswith(str(models_folder(path).resolve()))
    assert "F1" in window.statusBar().currentMessage()

    # Its suggestions join the rules and the patterns.
    assert window.suggest_source.currentData() == "rules,patterns,model"
    assert QSettings().value("suggest_source") == "rules,patterns,model"
    assert window.suggestion_feed.plan()[0] == ["rules", "patterns", "model"]
    with qtbot.waitSignal(window.suggestion_feed.shown, timeout=120_000):
        window.open_article(ids[1])
    from annotator.gui.workers import cached_suggester

    assert cached_suggester("model", {"model_path": model})._nlp is not None  # it was asked


def test_cancelled_training_leaves_the_current_model(qtbot, make_project, open_window):
    path, _ids = done_project(make_project)
    window = open_window(path)
    trainer = window.trainer
    start_from_dialog(qtbot, window, steps=100_000)
    qtbot.wait(3000)  # the child is exporting or training by now
    assert trainer.busy()
    window.act_cancel_training.trigger()
    qtbot.waitUntil(lambda: not trainer.busy(), timeout=60_000)
    assert "cancelled" in window.statusBar().currentMessage()
    assert current_model(path) is None
