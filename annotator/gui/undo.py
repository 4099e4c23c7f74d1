"""The Edit menu's undo/redo over a session's history.

The session (annotator.core.session) records each committed action as a step; this
mirrors each step as a QUndoCommand so QUndoStack's actions, texts and shortcuts work.
QUndoStack only ever undoes its top command and the history its top step, so the two
stay in step. A step the store refuses to undo or redo is dropped by the history and
made obsolete here (QUndoStack then deletes it instead of moving past it).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.session import History, Step


class _StepCommand(QUndoCommand):
    def __init__(self, step: Step, run: Callable[[bool], bool]):
        super().__init__(step.text)
        self._run = run
        self._first = True  # already applied when recorded

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._call(True)

    def undo(self) -> None:
        self._call(False)

    def _call(self, redo: bool) -> None:
        if not self._run(redo):
            self.setObsolete(True)


def bind_history(history: History, stack: QUndoStack, run: Callable[[bool], bool],
                 translate: Callable[[str], str]) -> None:
    """Mirror every step ``history`` records on ``stack``. ``run(redo)`` undoes (False) or
    redoes (True) the session's top step, reports any error itself and returns False if
    the store refused (the command is then dropped)."""
    def pushed(step: Step) -> None:
        command = _StepCommand(step, run)
        command.setText(translate(step.text))
        stack.push(command)

    history.pushed.append(pushed)
