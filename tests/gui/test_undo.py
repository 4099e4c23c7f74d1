"""gui/undo.py: a session's history mirrored on a QUndoStack."""
from __future__ import annotations

from PySide6.QtGui import QUndoStack

from annotator.core.session import History, Step
from annotator.core.store import Project
from annotator.gui.undo import bind_history


def test_each_recorded_step_becomes_a_command_and_runs_only_on_undo_redo(project: Project, qapp) -> None:
    history = History(project)
    stack = QUndoStack()
    calls: list[bool] = []

    def run(redo: bool) -> bool:
        calls.append(redo)
        return (history.redo if redo else history.undo)() is not None

    bind_history(history, stack, run, lambda text: text.upper())
    done: list[str] = []
    history.push(Step("add span", 1, undo=lambda: done.append("undo"), redo=lambda: done.append("redo")))
    assert stack.count() == 1 and stack.undoText() == "ADD SPAN"
    assert calls == [] and done == []  # pushing does not run the action again
    stack.undo()
    assert calls == [False] and done == ["undo"]
    stack.redo()
    assert calls == [False, True] and done == ["undo", "redo"]


def test_a_refused_step_is_dropped_from_the_stack(project: Project, qapp) -> None:
    history = History(project)
    stack = QUndoStack()
    bind_history(history, stack, lambda redo: False, str)
    history.push(Step("delete span", 1, undo=lambda: None, redo=lambda: None))
    history.push(Step("add span", 1, undo=lambda: None, redo=lambda: None))
    stack.undo()  # refused: the command is obsolete and deleted, not moved past
    assert stack.count() == 1
    assert stack.undoText() == "delete span"
