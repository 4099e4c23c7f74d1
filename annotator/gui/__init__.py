"""The PySide6 user interface. Every Qt import of the project lives under this package."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow


def create_main_window(project_path: str, annotator: str, review: bool = False) -> QMainWindow:
    """Build the workbench (or, for a reviewer, the review mode) with no modal dialogs.

    Raises AnnotatorError subclasses for a bad project file or a non-reviewer asking
    for review mode; the caller decides how to show them.
    """
    from ..core.store import Project
    from .app import ensure_app

    ensure_app()
    project = Project.open(project_path)
    try:
        if review:
            project.require_reviewer(annotator)
            from .review import ReviewWindow

            window = ReviewWindow(project, annotator)
        else:
            from .main_window import MainWindow

            window = MainWindow(project, annotator)
    except BaseException:
        project.close()
        raise
    window.destroyed.connect(lambda *_: project.close())
    return window
