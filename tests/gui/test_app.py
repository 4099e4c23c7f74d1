"""gui/app.py: who is working, remembered per mode."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from annotator.gui.app import resolve_annotator


def test_review_mode_does_not_overwrite_the_remembered_annotator(clean_settings: QSettings) -> None:
    assert resolve_annotator("hala", clean_settings) == "hala"
    assert resolve_annotator("rev", clean_settings, review=True) == "rev"
    # The next plain start opens the workbench as hala again, not as the reviewer…
    assert resolve_annotator(None, clean_settings) == "hala"
    # …and the next review start remembers the reviewer.
    assert resolve_annotator(None, clean_settings, review=True) == "rev"


def test_a_first_review_start_falls_back_to_the_remembered_name(clean_settings: QSettings) -> None:
    clean_settings.setValue("annotator", "omar")
    assert resolve_annotator(None, clean_settings, review=True) == "omar"
