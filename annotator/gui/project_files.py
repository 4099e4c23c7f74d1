"""The workbench's File menu: open another project, import articles in the background."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow

from .workers import ImportJob, start_job

# The MainWindow these functions build or serve. Not imported (it imports this module):
# the window is the only caller, and the layering stays one-way.
MainWindow = Any


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", text)


def open_project_dialog(w: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(w, tr("Open project"), str(w.project.path.parent),
                                          tr("Project files (*.db *.sqlite);;All files (*)"))
    if path:
        open_project(w, path)


def import_dialog(w: MainWindow) -> None:
    paths, _ = QFileDialog.getOpenFileNames(w, tr("Import articles"), str(w.project.path.parent),
                                            tr("Articles (*.jsonl *.txt *.csv);;All files (*)"))
    if paths:
        import_files(w, paths)


def import_files(w: MainWindow, paths: list[str]) -> ImportJob:
    """Import in a worker with a progress line; the list refreshes when it is done."""
    w.statusBar().showMessage(tr("Importing…"))

    def progress(n: int) -> None:
        w.statusBar().showMessage(tr("Importing…") + f" {n:,}")

    def finished(summary) -> None:  # type: ignore[no-untyped-def]
        w.article_model.reload()
        if w.article_id is None and w.article_model.ids:
            w.open_article(w.article_model.ids[0])
        w.update_status()
        message = tr("Imported:") + f" {summary.line()}"
        if summary.errors:
            message += " — " + str(summary.errors[0])
        w.statusBar().showMessage(message, 15000)
        w.last_import = summary

    job = ImportJob(str(w.project.path), list(paths), w.annotator)
    start_job(w, job, finished=finished, failed=w.report_error, progress=progress)
    return job


def open_project(w: MainWindow, path: str) -> QMainWindow | None:
    """Replace the window by one on another project file (same annotator)."""
    from . import create_main_window

    window = w._guard(lambda: create_main_window(path, w.annotator))
    if window is None:
        return None
    window.show()
    w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closes this project file too
    w.close()
    return window
