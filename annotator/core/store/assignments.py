"""The ``assignments`` table: which annotator should do which article."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from .table import TableFamily, marks


class Assignments(TableFamily):
    def replace_for(self, names: Sequence[str], rows: Sequence[tuple[int, str]]) -> None:
        """These annotators' assignments become ``rows`` (article id, annotator); one transaction."""
        with self.project.transaction() as conn:
            self.project.annotators_table.add_missing(list(names))
            conn.execute(f"DELETE FROM assignments WHERE annotator IN ({marks(names)})", list(names))
            conn.executemany("INSERT INTO assignments(article_id, annotator) VALUES (?, ?)", rows)

    def add(self, rows: Sequence[tuple[int, str]]) -> None:
        """Add (article id, annotator) pairs inside the caller's transaction; duplicates ignored."""
        self.conn.executemany("INSERT OR IGNORE INTO assignments(article_id, annotator) VALUES (?, ?)", rows)

    def by_annotator(self, annotator: str | None = None) -> dict[str, list[int]]:
        """{annotator: assigned article ids} (all annotators, or one)."""
        sql = "SELECT annotator, article_id FROM assignments"
        params: tuple[Any, ...] = ()
        if annotator is not None:
            sql += " WHERE annotator = ?"
            params = (annotator,)
        out: dict[str, list[int]] = defaultdict(list)
        for name, aid in self.conn.execute(sql + " ORDER BY annotator, article_id", params):
            out[name].append(int(aid))
        return dict(out)
