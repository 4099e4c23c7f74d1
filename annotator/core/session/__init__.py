"""Workflow sessions: what a user action does, one method and one transaction each.

The windows in :mod:`annotator.gui` only show a session's state and call its methods.
"""
from .annotation import AnnotationSession
from .history import History, Step
from .review import GoldState, ReviewSession

__all__ = ["AnnotationSession", "GoldState", "History", "ReviewSession", "Step"]
