"""Application start-up: QApplication, language and direction, the excepthook, the window."""
from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QLockFile, QSettings, QStandardPaths, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from ..core.errors import AnnotatorError

log = logging.getLogger(__name__)
ORGANIZATION = "arabic-news-annotator"
APPLICATION = "annotator"
_translators: list[QTranslator] = []


def ensure_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Arabic News Annotator")
    return app  # type: ignore[return-value]


def system_language() -> str:
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def set_language(app: QApplication, lang: str) -> None:
    """Install the translations and mirror the whole window for Arabic."""
    from ..core.paths import resources_dir

    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    if lang == "ar":
        ours = QTranslator(app)
        if ours.load(str(resources_dir() / "translations" / "annotator_ar.qm")):
            app.installTranslator(ours)
            _translators.append(ours)
        qt = QTranslator(app)
        qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(QLocale.Language.Arabic), "qtbase", "_", qt_translations):
            app.installTranslator(qt)
            _translators.append(qt)
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def install_excepthook() -> None:
    """Log every uncaught exception and show it, instead of dying silently."""

    def hook(exc_type, exc, tb) -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("uncaught exception:\n%s", text)
        if QApplication.instance() is None:
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "Arabic News Annotator",
                          str(exc) if isinstance(exc, AnnotatorError) else
                          "Something went wrong. Your saved work is safe; details are in the log.")
        box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote names and paths from files
        if not isinstance(exc, AnnotatorError):
            box.setDetailedText(text)
        box.exec()

    sys.excepthook = hook


def _log_file() -> Path:
    from ..core.paths import user_data_dir

    return user_data_dir() / "annotator.log"


def resolve_annotator(name: str | None, settings: QSettings, *, review: bool = False) -> str | None:
    """--annotator, else the remembered name, else ask once and remember.

    The reviewer's name is remembered apart from the annotator's: opening review mode
    once must not make the next plain start open the workbench as the reviewer.
    """
    key = "reviewer" if review else "annotator"
    if name:
        settings.setValue(key, name)
        return name
    remembered = settings.value(key) or (settings.value("annotator") if review else None)
    if remembered:
        return str(remembered)
    text, ok = QInputDialog.getText(None, "Arabic News Annotator",
                                    QApplication.translate("App", "Your name (shown on your annotations):"))
    if not ok or not text.strip():
        return None
    settings.setValue(key, text.strip())
    return text.strip()


def claim_window(project: str, annotator: str) -> QLockFile | None:
    """Hold a lock for (this project file, this person) while a window is open.

    None when another window, in this process or another one, holds it already. The
    lock lives in the user's runtime folder, not beside the project file (a file there
    would travel with the project), and a lock left by a killed program is stale by
    its process id and taken over.
    """
    import hashlib
    import os

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation) or \
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)
    key = hashlib.sha256(f"{os.path.realpath(project)}\0{annotator}".encode()).hexdigest()[:24]
    lock = QLockFile(os.path.join(folder, f"annotator-{key}.lock"))
    lock.setStaleLockTime(0)  # only a dead owner makes it stale, never its age
    return lock if lock.tryLock(0) else None


def confirm_second_window(annotator: str) -> bool:
    """Ask before opening a second window for the same person on the same project."""
    answer = QMessageBox.question(
        None, "Arabic News Annotator",
        # One line and one literal: resources/translations/update.py extracts translate("App", "...").
        QApplication.translate("App", "%1 already has this project open in another window. Two windows for one person each keep their own undo history. Open another one anyway?").replace("%1", f"\u2068{annotator}\u2069"),  # noqa: E501
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Open


def run(project: str | None, *, annotator: str | None = None, review: bool = False,
        lang: str | None = None, smoke_test: bool = False) -> int:
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=[logging.StreamHandler(), logging.FileHandler(_log_file(), encoding="utf-8")],
    )
    app = ensure_app(sys.argv)
    set_language(app, lang or system_language())
    install_excepthook()
    from . import create_main_window
    from .main_window import window_icon

    app.setWindowIcon(window_icon())
    settings = QSettings()
    try:
        if project is None:
            from ..core.demo import ensure_demo_project

            project = str(ensure_demo_project())
        who = resolve_annotator(annotator, settings, review=review)
        if who is None:
            return 1
        window_lock = claim_window(project, who)
        if window_lock is None and not smoke_test and not confirm_second_window(who):
            return 1
        window = create_main_window(project, who, review=review)
    except AnnotatorError as exc:
        log.error("%s", exc)
        from .i18n import escaped_rich_text

        # The message may quote a name or path from the file: never read it as markup.
        QMessageBox.critical(None, "Arabic News Annotator", escaped_rich_text(str(exc)))
        return 1
    window.show()
    if smoke_test:
        from .smoke import run_smoke_test

        return run_smoke_test(window)
    return app.exec()
