"""Render resources/icons/annotator.svg to the PNG sizes desktops and the window use.

Run after editing the SVG:  .venv/bin/python packaging/render_icons.py

Uses Qt's own SVG renderer (QtSvg ships in PySide6-Essentials), so no extra tool is needed.
The PNGs are committed: the app and the .desktop file use them without rendering anything.
"""
from __future__ import annotations

import sys
from pathlib import Path

SIZES = (16, 32, 48, 64, 128, 256)
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def render(svg: Path, out_dir: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Write ``annotator-<size>.png`` for every size; return the written paths."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"annotator-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in render(ICONS / "annotator.svg", ICONS):
        print(p)
    sys.exit(0)
