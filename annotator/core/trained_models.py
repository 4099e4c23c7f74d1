"""The project's trained models: which one is current (used for model suggestions)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .store import Project


def record_model(project: Project, path: str | Path, metrics: dict[str, Any]) -> int:
    """Record a trained model and make it the current one (one transaction)."""
    return project.trained_models.record(path, metrics)


def current_model_path(project: Project) -> str | None:
    return project.trained_models.current_path()
