"""The ``suggestions``, ``suggestion_runs`` and ``rejected_suggestions`` tables."""
from __future__ import annotations

import json

from ..domain import Suggestion
from .rules import now_iso
from .table import TableFamily


class Suggestions(TableFamily):
    def store(self, article_id: int, source: str, suggestions: list[Suggestion]) -> None:
        """Replace the stored suggestions of one article and source (one transaction)."""
        now = now_iso()
        with self.project.transaction() as conn:
            conn.execute("DELETE FROM suggestions WHERE article_id = ? AND source = ?", (article_id, source))
            conn.execute("INSERT OR REPLACE INTO suggestion_runs(article_id, source, created_at) VALUES (?, ?, ?)",
                         (article_id, source, now))
            conn.executemany(
                'INSERT INTO suggestions(article_id, source, start, "end", label, score, attributes, created_at, '
                "origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, source, s.start, s.end, s.label, float(s.score),
                  json.dumps(s.attributes, ensure_ascii=False), now, s.origin) for s in suggestions],
            )

    def stored(self, article_id: int, source: str) -> list[Suggestion] | None:
        """The stored suggestions, or None when this source never ran on the article."""
        rows = self.conn.execute(
            'SELECT start, "end", label, score, attributes, origin FROM suggestions '
            "WHERE article_id = ? AND source = ? ORDER BY start",
            (article_id, source),
        ).fetchall()
        ran = rows or self.conn.execute(
            "SELECT 1 FROM suggestion_runs WHERE article_id = ? AND source = ?", (article_id, source)
        ).fetchone()
        if not ran:
            return None
        # Rows from before m_learning_suggestion_origin have an empty origin: read as their source.
        return [Suggestion(r[0], r[1], r[2], r[5] or (source if source != "rules" else "rule"), r[3],
                           json.loads(r[4])) for r in rows]

    # ------------------------------------------------------------ rejected
    def reject(self, article_id: int, annotator: str, start: int, end: int, label: str) -> None:
        with self.project.transaction():
            ann = self.project.annotations.id_for(article_id, annotator, create=True)
            self.add_rejected(ann, [(start, end, label, now_iso())])  # type: ignore[arg-type]

    def add_rejected(self, annotation_id: int, rows: list[tuple]) -> None:
        """(start, end, label, created_at) rows, inside the caller's transaction; duplicates ignored."""
        self.conn.executemany(
            'INSERT OR IGNORE INTO rejected_suggestions(annotation_id, start, "end", label, created_at) '
            "VALUES (?, ?, ?, ?, ?)",
            [(annotation_id, *r) for r in rows],
        )

    def unreject(self, article_id: int, annotator: str, start: int, end: int, label: str) -> None:
        with self.project.transaction():
            ann = self.project.annotations.id_for(article_id, annotator, create=False)
            if ann is not None:
                self.conn.execute(
                    "DELETE FROM rejected_suggestions "
                    'WHERE annotation_id = ? AND start = ? AND "end" = ? AND label = ?',
                    (ann, start, end, label),
                )

    def rejected(self, article_id: int, annotator: str) -> set[tuple[int, int, str]]:
        rows = self.conn.execute(
            'SELECT r.start, r."end", r.label FROM rejected_suggestions r '
            "JOIN annotations an ON an.id = r.annotation_id WHERE an.article_id = ? AND an.annotator = ?",
            (article_id, annotator),
        )
        return {(r[0], r[1], r[2]) for r in rows}
