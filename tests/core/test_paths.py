"""core/paths.py: where resources and per-user data live."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotator.core.paths import resources_dir, user_data_dir


def test_resources_dir_in_a_checkout_holds_the_labels_and_samples() -> None:
    folder = resources_dir()
    assert (folder / "labels.yaml").is_file()
    assert (folder / "samples" / "demo_articles.jsonl").is_file()


def test_resources_dir_inside_a_pyinstaller_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"


def test_user_data_dir_is_made_under_xdg_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = user_data_dir()
    assert folder == tmp_path / "data" / "arabic-news-annotator"
    assert folder.is_dir()
