"""Where the app finds its resources and keeps its per-user data."""
from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder: next to the package in a checkout, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def user_data_dir() -> Path:
    """Per-user data folder (the demo project lives here)."""
    import platformdirs

    path = Path(platformdirs.user_data_dir("arabic-news-annotator", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
