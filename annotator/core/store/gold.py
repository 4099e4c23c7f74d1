"""The ``gold`` and ``gold_spans`` tables: adjudicated annotations.

The workflow (who may write gold, provenance, strategies) lives in :mod:`annotator.core.team.gold`;
this family only reads and writes the rows, inside the caller's transaction."""
from __future__ import annotations

import json
from collections.abc import Iterable

from ..domain import Span
from ..errors import SpanError
from .rules import span_from_row
from .table import RawSpan, TableFamily, in_text, raw_spans, replace_raw_spans

_GOLD_COLUMNS = "id, article_id, adjudicator, strategy, status, created_at, updated_at"


class Gold(TableFamily):
    def accepted_rows(self) -> list[tuple[int, str, str | None]]:
        """(article_id, adjudicator, updated_at) of every ACCEPTED gold article, by article id."""
        rows = self.conn.execute(
            "SELECT article_id, adjudicator, updated_at FROM gold WHERE status = 'accepted' ORDER BY article_id"
        ).fetchall()
        return [(int(r[0]), r[1], r[2]) for r in rows]

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM gold").fetchone()[0])

    def article_ids(self) -> set[int]:
        return {r[0] for r in self.conn.execute("SELECT article_id FROM gold")}

    def all_rows(self) -> dict[int, tuple]:
        """{article id: (id, article_id, adjudicator, strategy, status, created_at, updated_at)}."""
        return {r[1]: r for r in self.conn.execute(f"SELECT {_GOLD_COLUMNS} FROM gold")}

    def status(self, article_id: int) -> str | None:
        row = self.conn.execute("SELECT status FROM gold WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else row[0]

    def strategy(self, article_id: int) -> str | None:
        row = self.conn.execute("SELECT strategy FROM gold WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else row[0]

    def id_for(self, article_id: int) -> int | None:
        row = self.conn.execute("SELECT id FROM gold WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else int(row[0])

    def spans(self, article_id: int) -> list[Span]:
        rows = self.conn.execute(
            'SELECT gs.id, gs.start, gs."end", gs.label, gs.attributes, gs.origin, gs.created_at, '
            "(SELECT length(text) FROM articles WHERE id = ?) "
            "FROM gold_spans gs JOIN gold g ON g.id = gs.gold_id "
            'WHERE g.article_id = ? ORDER BY gs.start, gs."end", gs.label',
            (article_id, article_id),
        ).fetchall()
        if not rows:
            return []
        return in_text(self.project, "gold_spans", [span_from_row(r) for r in rows], rows[0][7])

    def spans_by_id(self, gold_id: int) -> list[Span]:
        rows = self.conn.execute(
            'SELECT id, start, "end", label, attributes, origin, created_at FROM gold_spans '
            'WHERE gold_id = ? ORDER BY start, "end"',
            (gold_id,),
        ).fetchall()
        return [span_from_row(r) for r in rows]

    def span_row(self, span_id: int) -> tuple[Span, int, int]:
        """(span, gold id, article id) of one gold span."""
        row = self.conn.execute(
            'SELECT gs.id, gs.start, gs."end", gs.label, gs.attributes, gs.origin, gs.created_at, '
            "gs.gold_id, g.article_id FROM gold_spans gs JOIN gold g ON g.id = gs.gold_id WHERE gs.id = ?",
            (span_id,),
        ).fetchone()
        if row is None:
            raise SpanError(f"no gold span with id {span_id}")
        return span_from_row(row[:7]), int(row[7]), int(row[8])

    def upsert(self, article_id: int, adjudicator: str, strategy: str | None, status: str, when: str) -> int:
        self.conn.execute(
            "INSERT INTO gold(article_id, adjudicator, strategy, status, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET "
            "adjudicator = excluded.adjudicator, strategy = excluded.strategy, "
            "status = excluded.status, updated_at = excluded.updated_at",
            (article_id, adjudicator, strategy, status, when, when),
        )
        gold_id = self.id_for(article_id)
        assert gold_id is not None
        return gold_id

    def set_status(self, article_id: int, adjudicator: str, status: str, when: str) -> bool:
        """False when the article has no gold."""
        cur = self.conn.execute(
            "UPDATE gold SET status = ?, adjudicator = ?, updated_at = ? WHERE article_id = ?",
            (status, adjudicator, when, article_id),
        )
        return cur.rowcount > 0

    def delete(self, article_id: int) -> bool:
        cur = self.conn.execute("DELETE FROM gold WHERE article_id = ?", (article_id,))
        return cur.rowcount > 0

    def touch(self, gold_id: int, adjudicator: str, when: str) -> None:
        # The last editor is the adjudicator of record; updated_at drives newer-wins merging.
        self.conn.execute("UPDATE gold SET adjudicator = ?, updated_at = ? WHERE id = ?", (adjudicator, when, gold_id))

    def replace_spans(self, gold_id: int, spans: Iterable[Span], when: str) -> None:
        self.conn.execute("DELETE FROM gold_spans WHERE gold_id = ?", (gold_id,))
        self.insert_spans(gold_id, spans, when)

    def insert_spans(self, gold_id: int, spans: Iterable[Span], when: str) -> None:
        self.conn.executemany(
            'INSERT INTO gold_spans(gold_id, start, "end", label, attributes, origin, created_at) '
            "VALUES (?, ?, ?, ?, ?, 'gold', ?)",
            [(gold_id, s.start, s.end, s.label, json.dumps(s.attributes, ensure_ascii=False), when) for s in spans],
        )

    def insert_span(self, gold_id: int, span: Span, when: str) -> int:
        cur = self.conn.execute(
            'INSERT INTO gold_spans(gold_id, start, "end", label, attributes, origin, created_at) '
            "VALUES (?, ?, ?, ?, ?, 'gold', ?)",
            (gold_id, span.start, span.end, span.label, json.dumps(span.attributes, ensure_ascii=False), when),
        )
        return int(cur.lastrowid)  # type: ignore[arg-type]

    def update_span(self, span_id: int, span: Span) -> None:
        self.conn.execute(
            'UPDATE gold_spans SET start = ?, "end" = ?, label = ?, attributes = ? WHERE id = ?',
            (span.start, span.end, span.label, json.dumps(span.attributes, ensure_ascii=False), span_id),
        )

    def delete_span(self, span_id: int) -> None:
        self.conn.execute("DELETE FROM gold_spans WHERE id = ?", (span_id,))

    def review_info(self, eligible_sql: str, params: list) -> dict[int, tuple[str, str | None]]:
        """{article id: (title, gold status)} for the articles the sub-select ``eligible_sql`` yields."""
        return {
            aid: (title or "", status)
            for aid, title, status in self.conn.execute(
                "SELECT a.id, a.title, g.status FROM articles a LEFT JOIN gold g ON g.article_id = a.id "
                f"WHERE a.id IN ({eligible_sql})",
                params,
            )
        }

    # ------------------------------------------------------------ merging
    def raw_spans(self, gold_id: int) -> list[RawSpan]:
        return raw_spans(self.conn, "gold_spans", gold_id)

    def insert_received(self, article_id: int, adjudicator: str, strategy: str | None, status: str,
                        created_at: str | None, updated_at: str | None, spans: list[RawSpan]) -> None:
        cur = self.conn.execute(
            "INSERT INTO gold(article_id, adjudicator, strategy, status, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (article_id, adjudicator, strategy, status, created_at, updated_at),
        )
        replace_raw_spans(self.conn, "gold_spans", int(cur.lastrowid), spans)  # type: ignore[arg-type]

    def replace_received(self, gold_id: int, adjudicator: str, strategy: str | None, status: str,
                         updated_at: str | None, spans: list[RawSpan]) -> None:
        replace_raw_spans(self.conn, "gold_spans", gold_id, spans)
        self.conn.execute(
            "UPDATE gold SET adjudicator = ?, strategy = ?, status = ?, updated_at = ? WHERE id = ?",
            (adjudicator, strategy, status, updated_at, gold_id),
        )
