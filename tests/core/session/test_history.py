"""The undo history shared by the sessions: only committed steps, one transaction per undo or
redo, and a step the store refuses to undo leaves the history instead of lying about it."""
from __future__ import annotations

import pytest

from annotator.core.errors import ProjectError
from annotator.core.session.history import History, Step
from annotator.core.store import Project


def setting_step(project: Project, key: str, before: str, after: str, article_id: int = 1) -> Step:
    """A step that writes a setting: real store writes, so transactions are real."""
    return Step(f"set {key}", article_id,
                undo=lambda: project.settings.set(key, before),
                redo=lambda: project.settings.set(key, after))


def test_undo_and_redo_run_the_steps_in_order(project: Project) -> None:
    history = History(project)
    assert (history.can_undo(), history.can_redo(), history.count()) == (False, False, 0)
    assert history.undo() is None and history.redo() is None
    project.settings.set("k", "1")
    history.push(setting_step(project, "k", "0", "1"))
    project.settings.set("k", "2")
    history.push(setting_step(project, "k", "1", "2"))
    assert history.undo().text == "set k"  # type: ignore[union-attr]
    assert project.settings.get("k") == "1"
    assert (history.can_undo(), history.can_redo(), history.count()) == (True, True, 2)
    history.undo()
    assert project.settings.get("k") == "0"
    history.redo()
    assert project.settings.get("k") == "1"


def test_a_new_step_clears_what_was_undone_and_tells_listeners(project: Project) -> None:
    history = History(project)
    heard: list[str] = []
    history.pushed.append(lambda step: heard.append(step.text))
    history.push(setting_step(project, "a", "0", "1"))
    history.undo()
    assert history.can_redo()
    history.push(setting_step(project, "b", "0", "1"))
    assert not history.can_redo()
    assert history.count() == 1
    assert heard == ["set a", "set b"]


def test_a_refused_undo_drops_the_step_and_rolls_back(project: Project) -> None:
    history = History(project)

    def half_then_fail() -> None:
        project.settings.set("half", "written")
        raise ProjectError("the span was changed elsewhere")

    history.push(Step("edit", 1, undo=half_then_fail, redo=lambda: None))
    with pytest.raises(ProjectError, match="changed elsewhere"):
        history.undo()
    assert project.settings.get("half") is None  # one transaction: the partial write is gone
    assert (history.can_undo(), history.can_redo(), history.count()) == (False, False, 0)
