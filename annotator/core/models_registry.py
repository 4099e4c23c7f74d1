"""The project's trained models: which one is current (used for model suggestions)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .store import Project, now_iso


def record_model(project: Project, path: str | Path, metrics: dict[str, Any]) -> int:
    """Record a trained model and make it the current one (one transaction)."""
    with project._write() as conn:
        conn.execute("UPDATE models SET is_current = 0")
        cur = conn.execute(
            "INSERT INTO models(path, created_at, metrics, is_current) VALUES (?, ?, ?, 1)",
            (str(Path(path).resolve()), now_iso(), json.dumps(metrics, ensure_ascii=False)),
        )
        return int(cur.lastrowid)


def current_model_path(project: Project) -> str | None:
    row = project.conn.execute("SELECT path FROM models WHERE is_current = 1 ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else row[0]
