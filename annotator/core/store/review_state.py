"""The ``review_state`` table: which conflicts a reviewer has settled on an article, and
with which strategy. Keyed by the article's content hash, not its local id, so that it
means the same article in every project file (merging can carry it)."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..errors import ProjectError
from .rules import now_iso
from .table import TableFamily


class ReviewState(TableFamily):
    def get(self, article_id: int) -> dict[str, Any] | None:
        """``{"strategy", "k", "resolved"}`` (resolved: a list of (start, end) conflict
        extents), or None if review mode kept none for the article."""
        row = self.conn.execute(
            "SELECT r.strategy, r.k, r.resolved FROM review_state r "
            "JOIN articles a ON a.content_hash = r.content_hash WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        try:
            resolved = [tuple(x) for x in json.loads(row[2] or "[]")]
        except (ValueError, TypeError):
            resolved = []  # a damaged row from a received file: as if nothing was settled
        return {"strategy": row[0], "k": row[1], "resolved": resolved}

    def set(self, article_id: int, strategy: str, k: int, resolved: Iterable[tuple[int, int]]) -> None:
        """Save the reviewer's notes on an article (one transaction, or part of the caller's)."""
        with self.project.transaction() as conn:
            row = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise ProjectError(f"no article with id {article_id}")
            conn.execute(
                "INSERT INTO review_state(content_hash, strategy, k, resolved, updated_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(content_hash) DO UPDATE SET strategy = excluded.strategy, k = excluded.k, "
                "resolved = excluded.resolved, updated_at = excluded.updated_at",
                (row[0], strategy, int(k), json.dumps(sorted([list(x) for x in resolved])), now_iso()),
            )
