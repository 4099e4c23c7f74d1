"""The ``settings`` table: project-wide key → JSON value."""
from __future__ import annotations

import json
from typing import Any

from .table import TableFamily


class Settings(TableFamily):
    def put(self, key: str, value: Any) -> None:
        """Write inside the caller's transaction."""
        self.conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )

    def set(self, key: str, value: Any) -> None:
        with self.project.transaction():
            self.put(key, value)

    def get(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except (TypeError, ValueError):
            return default  # a hand-edited value: behave as if unset; `annotator check` reports it
