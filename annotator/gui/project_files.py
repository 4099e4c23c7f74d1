"""The workbench's File menu: open another project, import articles in the background."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow

from .i18n import isolate, plural_form
from .workers import ImportJob, start_job

# The MainWindow these functions build or serve. Not imported (it imports this module):
# the window is the only caller, and the layering stays one-way.
MainWindow = Any


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MainWindow", text)


def tr_n(text: str, n: int) -> str:
    from PySide6.QtCore import QCoreApplication

    return plural_form(QCoreApplication.translate("MainWindow", text, None, n), n)


def file_dialog(w: MainWindow, title: str, filters: str, *, many: bool) -> QFileDialog:
    """Qt's own file dialog, not the desktop's: its labels ("Look in", "Files of type")
    come from Qt's Arabic translation and it is mirrored with the window, whichever
    desktop (or none) the annotator runs."""
    dialog = QFileDialog(w, title, str(w.project.path.parent), filters)
    dialog.setObjectName("fileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles if many else QFileDialog.FileMode.ExistingFile)
    dialog.setLayoutDirection(w.layoutDirection())
    # Qt 6 writes "&Look in:" and "Files of type:" where its shipped Arabic catalogue
    # still has the Qt 5 sources: those labels stayed English. Ours are always translated.
    labels = QFileDialog.DialogLabel
    for which, text in ((labels.LookIn, tr("Look in:")), (labels.FileName, tr("File name:")),
                        (labels.FileType, tr("Files of type:")), (labels.Accept, tr("Open")),
                        (labels.Reject, tr("Cancel"))):
        dialog.setLabelText(which, text)
    return dialog


def open_project_dialog(w: MainWindow) -> None:
    dialog = file_dialog(w, tr("Open project"), tr("Project files (*.db *.sqlite);;All files (*)"), many=False)
    if dialog.exec() and dialog.selectedFiles():
        open_project(w, dialog.selectedFiles()[0])


def import_dialog(w: MainWindow) -> None:
    dialog = file_dialog(w, tr("Import articles"), tr("Articles (*.jsonl *.txt *.csv);;All files (*)"), many=True)
    if dialog.exec() and dialog.selectedFiles():
        import_files(w, dialog.selectedFiles())


def import_sentence(summary) -> str:  # type: ignore[no-untyped-def]
    """What an import did, as sentences an annotator reads (numbers in Arabic plural forms,
    file names and messages from the importer isolated)."""
    parts = [tr_n("Imported %n new article.|Imported %n new articles.", summary.new)]
    if summary.duplicate:
        parts.append(tr_n("%n was already in the project.|%n were already in the project.", summary.duplicate))
    if summary.spans:
        parts.append(tr_n("%n span came with them.|%n spans came with them.", summary.spans))
    if summary.suggestions:
        parts.append(tr_n("%n suggestion came with them.|%n suggestions came with them.", summary.suggestions))
    if summary.labels_added:
        parts.append(tr("Labels added: %1.").replace("%1", isolate(", ".join(summary.labels_added))))
    if summary.rejected:
        parts.append(tr_n("%n record could not be read:|%n records could not be read:", summary.rejected))
        if summary.errors:
            parts.append(isolate(str(summary.errors[0])))
    return " ".join(parts)


def import_files(w: MainWindow, paths: list[str]) -> ImportJob:
    """Import in a worker with a progress line; the list refreshes when it is done."""
    w.statusBar().showMessage(tr("Importing…"))

    def progress(n: int) -> None:
        w.statusBar().showMessage(tr_n("Importing… %n article read so far.|Importing… %n articles read so far.", n))

    def finished(summary) -> None:  # type: ignore[no-untyped-def]
        w.search_index.start()  # the new articles are not indexed yet
        w.article_model.reload()
        if w.article_id is None and w.article_model.ids:
            w.open_article(w.article_model.ids[0])
        w.update_status()
        w.statusBar().showMessage(import_sentence(summary), 15000)
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
