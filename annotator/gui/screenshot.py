"""Render the workbench offscreen with the demo project's first article annotated (make screenshot)."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def render(out: Path, *, lang: str = "ar", review: bool = False, wait_seconds: float = 6.0) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtWidgets import QApplication

    from ..core.demo import DEMO_REVIEWER, build_demo_project
    from . import create_main_window
    from .app import ensure_app, set_language

    QStandardPaths.setTestModeEnabled(True)  # never touch the user's settings
    app = ensure_app()
    set_language(app, lang)
    QSettings().setValue("suggest_source", "rules")
    with tempfile.TemporaryDirectory() as tmp:
        path = build_demo_project(Path(tmp) / "demo.db")
        window = create_main_window(str(path), DEMO_REVIEWER if review else "lina", review=review)
        window.resize(1440, 900)
        window.show()
        if not review:
            first = window.article_model.ids[0]
            window.open_article(first)
            if window.spans:
                window.select_span(window.spans[min(3, len(window.spans) - 1)].id)
        deadline = time.monotonic() + wait_seconds
        while time.monotonic() < deadline:  # let the suggestion worker finish
            app.processEvents()
            time.sleep(0.02)
        out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out))
        window.close()
        window.deleteLater()  # closes the project before its temporary folder goes away
        QApplication.processEvents()
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return out


def render_guidelines(out: Path, *, lang: str = "ar") -> Path:
    """The guidelines dialog (F1) as the annotator sees it, rendered offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from .app import ensure_app, set_language
    from .dialogs import GuidelinesDialog

    app = ensure_app()
    set_language(app, lang)
    dialog = GuidelinesDialog()
    dialog.resize(900, 1000)
    dialog.show()
    QApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(out))
    dialog.close()
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png")
    if len(sys.argv) > 2 and sys.argv[2] == "--guidelines":
        print(render_guidelines(target, lang=os.environ.get("ANNOTATOR_LANG", "ar")))
    else:
        print(render(target, lang=os.environ.get("ANNOTATOR_LANG", "ar")))
