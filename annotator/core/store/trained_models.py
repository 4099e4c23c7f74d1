"""The ``models`` table: trained models and which one is current."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .rules import now_iso
from .table import TableFamily


class TrainedModels(TableFamily):
    def record(self, path: str | Path, metrics: dict[str, Any]) -> int:
        """Record a trained model and make it the current one (one transaction)."""
        with self.project.transaction() as conn:
            conn.execute("UPDATE models SET is_current = 0")
            cur = conn.execute(
                "INSERT INTO models(path, created_at, metrics, is_current) VALUES (?, ?, ?, 1)",
                (str(Path(path).resolve()), now_iso(), json.dumps(metrics, ensure_ascii=False)),
            )
            return int(cur.lastrowid)  # type: ignore[arg-type]

    def current_path(self) -> str | None:
        row = self.conn.execute("SELECT path FROM models WHERE is_current = 1 ORDER BY id DESC LIMIT 1").fetchone()
        return None if row is None else row[0]
