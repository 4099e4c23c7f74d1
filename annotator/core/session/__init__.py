"""Workflow sessions: what a user action does, one method and one transaction each.

The windows in :mod:`annotator.gui` only show a session's state and call its methods.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .annotation import AnnotationSession
from .history import History, Step

if TYPE_CHECKING:
    from .review import GoldState, ReviewSession

__all__ = ["AnnotationSession", "GoldState", "History", "ReviewSession", "Step"]

#: Loaded on first use: the workbench's start-up has no use for review mode (and its
#: adjudication modules).
_LAZY = {"GoldState": ".review", "ReviewSession": ".review"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
