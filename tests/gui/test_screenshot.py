"""gui/screenshot.py: the README's pictures, rendered offscreen from the demo project."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from annotator.gui.app import set_language
from annotator.gui.screenshot import render, render_guidelines


def test_render_the_workbench(tmp_path: Path, qapp) -> None:
    try:
        out = render(tmp_path / "shots" / "workbench.png", lang="en", wait_seconds=0.2)
    finally:
        set_language(qapp, "en")
    image = QImage(str(out))
    assert not image.isNull() and (image.width(), image.height()) == (1440, 900)
    assert len({image.pixel(x, 450) for x in range(0, 1440, 10)}) > 3  # not a blank picture


def test_render_the_guidelines_in_arabic(tmp_path: Path, qapp) -> None:
    try:
        out = render_guidelines(tmp_path / "guidelines.png", lang="ar")
    finally:
        set_language(qapp, "en")
    image = QImage(str(out))
    assert not image.isNull() and image.width() >= 900
