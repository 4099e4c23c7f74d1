"""Undo history shared by the annotation and review sessions (no Qt).

A step is recorded only after its action has committed, so a refused edit never enters
the history. Undoing or redoing a step is one store transaction; if the store refuses
(the span was changed elsewhere, the file went read-only), the step is dropped from the
history and the error is raised, so the history never claims a change that did not happen.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..store import Project

Listener = Callable[["Step"], None]


@dataclass
class Step:
    """One user action: what undo and redo write (each run in one transaction)."""

    text: str
    article_id: int
    undo: Callable[[], None]
    redo: Callable[[], None]


class History:
    """A linear undo/redo history of committed steps, like QUndoStack but without Qt."""

    def __init__(self, project: Project):
        self.project = project
        self._done: list[Step] = []
        self._undone: list[Step] = []
        self.pushed: list[Listener] = []  # called with each newly recorded step

    def push(self, step: Step) -> None:
        self._done.append(step)
        self._undone.clear()
        for listener in self.pushed:
            listener(step)

    def count(self) -> int:
        return len(self._done) + len(self._undone)

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo(self) -> Step | None:
        """Undo the last step; returns it (None when there is nothing to undo)."""
        if not self._done:
            return None
        step = self._done.pop()
        self._run(step.undo)
        self._undone.append(step)
        return step

    def redo(self) -> Step | None:
        if not self._undone:
            return None
        step = self._undone.pop()
        self._run(step.redo)
        self._done.append(step)
        return step

    def _run(self, action: Callable[[], None]) -> None:
        # On failure the step is already off both lists: it is dropped, not retried.
        with self.project.transaction():
            action()
