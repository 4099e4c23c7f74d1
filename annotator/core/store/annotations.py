"""The ``annotations`` and ``spans`` tables: each annotator's work on each article.

Every span written here passes :meth:`Project.check_span` (offsets inside the text,
whitespace trimmed, the project's overlap rule)."""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from ..domain import STATUSES, Annotation, Span
from ..errors import ProjectError, SpanError
from .rules import check_annotator_name, now_iso, span_from_row
from .table import (
    CHUNK,
    RawSpan,
    TableFamily,
    in_text,
    marks,
    raw_spans,
    replace_raw_spans,
)

_SPAN_COLUMNS = 'id, start, "end", label, attributes, origin, created_at'
_ANNOTATION_COLUMNS = "id, article_id, annotator, status, comment, seconds, updated_at"


class Annotations(TableFamily):
    # ----------------------------------------------------------- annotations
    def get(self, article_id: int, annotator: str) -> Annotation | None:
        row = self.conn.execute(
            f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE article_id = ? AND annotator = ?",
            (article_id, annotator),
        ).fetchone()
        return None if row is None else Annotation(*row)

    def of_article(self, article_id: int) -> list[Annotation]:
        rows = self.conn.execute(
            f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE article_id = ? ORDER BY annotator",
            (article_id,),
        ).fetchall()
        return [Annotation(*r) for r in rows]

    def all_rows(self) -> dict[tuple[int, str], tuple]:
        """{(article id, annotator): (id, article_id, annotator, status, comment, seconds, updated_at)}."""
        return {(r[1], r[2]): r for r in self.conn.execute(f"SELECT {_ANNOTATION_COLUMNS} FROM annotations")}

    def id_for(self, article_id: int, annotator: str, *, create: bool) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM annotations WHERE article_id = ? AND annotator = ?", (article_id, annotator)
        ).fetchone()
        if row is not None:
            return int(row[0])
        if not create:
            return None
        if not self.project.articles.exists(article_id):
            raise ProjectError(f"no article with id {article_id}")
        self.project.annotators_table.add_missing([check_annotator_name(annotator)])
        cur = self.conn.execute(
            "INSERT INTO annotations(article_id, annotator, status, updated_at) VALUES (?, ?, 'new', ?)",
            (article_id, annotator, now_iso()),
        )
        return int(cur.lastrowid)  # type: ignore[arg-type]

    def touch(self, annotation_id: int, *, started: bool = True) -> None:
        self.conn.execute(
            "UPDATE annotations SET updated_at = ?, "
            "status = CASE WHEN ? AND status = 'new' THEN 'in_progress' ELSE status END WHERE id = ?",
            (now_iso(), int(started), annotation_id),
        )

    def set_status(self, article_id: int, annotator: str, status: str, comment: str | None = None) -> None:
        if status not in STATUSES:
            raise ProjectError(f"status must be one of {', '.join(STATUSES)}, got {status!r}")
        with self.project.transaction():
            ann = self.id_for(article_id, annotator, create=True)
            self.conn.execute(
                "UPDATE annotations SET status = ?, comment = coalesce(?, comment), updated_at = ? WHERE id = ?",
                (status, comment, now_iso(), ann),
            )

    def add_seconds(self, article_id: int, annotator: str, seconds: float) -> None:
        if seconds <= 0:
            return
        with self.project.transaction():
            ann = self.id_for(article_id, annotator, create=True)
            self.conn.execute("UPDATE annotations SET seconds = seconds + ? WHERE id = ?", (float(seconds), ann))

    def done_count(self, annotator: str) -> int:
        return int(self.conn.execute(
            "SELECT count(*) FROM annotations WHERE annotator = ? AND status = 'done'", (annotator,)
        ).fetchone()[0])

    def progress(self, annotator: str) -> tuple[int, int]:
        """(annotated, done) for the stats: an opened article counts once worked on."""
        annotated, done = self.conn.execute(
            "SELECT count(*), coalesce(sum(status = 'done'), 0) FROM annotations an "
            "WHERE annotator = ? AND (status != 'new' OR EXISTS (SELECT 1 FROM spans s WHERE s.annotation_id = an.id))",
            (annotator,),
        ).fetchone()
        return int(annotated), int(done)

    def keys(self, *, annotator: str | None = None,
             status: str | None = None) -> list[tuple[int, str, str, str | None]]:
        """(article_id, annotator, status, updated_at) of every matching annotation, by
        article then annotator. Materialised (small) so a long export holds no read cursor."""
        where, params = _filter(annotator, status)
        return self.conn.execute(
            "SELECT article_id, annotator, status, updated_at FROM annotations"
            + where + " ORDER BY article_id, annotator", params,
        ).fetchall()

    def newest(self, *, annotator: str | None = None, status: str | None = None) -> list[tuple[int, str]]:
        """(article_id, annotator) of each article's most recently updated matching annotation."""
        where, params = _filter(annotator, status)
        rows = self.conn.execute(
            "SELECT article_id, annotator FROM annotations" + where + " ORDER BY article_id, updated_at DESC",
            params,
        ).fetchall()
        seen: set[int] = set()
        out = []
        for article_id, name in rows:
            if article_id not in seen:
                seen.add(article_id)
                out.append((int(article_id), name))
        return out

    def insert_received(self, article_id: int, annotator: str, status: str, comment: str | None,
                        seconds: float, updated_at: str | None, spans: list[RawSpan]) -> int:
        """An annotation arriving from another file, already validated (caller's transaction)."""
        cur = self.conn.execute(
            "INSERT INTO annotations(article_id, annotator, status, comment, seconds, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (article_id, annotator, status, comment, seconds, updated_at),
        )
        ann_id = int(cur.lastrowid)  # type: ignore[arg-type]
        replace_raw_spans(self.conn, "spans", ann_id, spans)
        return ann_id

    def replace_received(self, annotation_id: int, status: str, comment: str | None, seconds: float,
                         updated_at: str | None, spans: list[RawSpan]) -> None:
        replace_raw_spans(self.conn, "spans", annotation_id, spans)
        self.conn.execute(
            "UPDATE annotations SET status = ?, comment = ?, seconds = ?, updated_at = ? WHERE id = ?",
            (status, comment, seconds, updated_at, annotation_id),
        )

    def raw_spans(self, annotation_id: int) -> list[RawSpan]:
        return raw_spans(self.conn, "spans", annotation_id)

    # ----------------------------------------------------------------- spans
    def spans(self, article_id: int, annotator: str) -> list[Span]:
        # The text's length is a constant subquery: SQLite computes it once per call.
        rows = self.conn.execute(
            'SELECT s.id, s.start, s."end", s.label, s.attributes, s.origin, s.created_at, '
            "(SELECT length(text) FROM articles WHERE id = ?) "
            "FROM spans s JOIN annotations an ON an.id = s.annotation_id "
            'WHERE an.article_id = ? AND an.annotator = ? ORDER BY s.start, s."end"',
            (article_id, article_id, annotator),
        ).fetchall()
        if not rows:
            return []
        return in_text(self.project, "spans", [span_from_row(r) for r in rows], rows[0][7])

    def own_span_ids(self, article_id: int, annotator: str, span_ids: Sequence[int]) -> set[int]:
        """Which of ``span_ids`` are ``annotator``'s spans on ``article_id`` and lie inside its
        text (the ones :meth:`spans` returns), without reading every span of the article."""
        own: set[int] = set()
        ids = list(span_ids)
        for start in range(0, len(ids), CHUNK):
            part = ids[start:start + CHUNK]
            own.update(row[0] for row in self.conn.execute(
                "SELECT s.id FROM spans s JOIN annotations an ON an.id = s.annotation_id "
                f"WHERE s.id IN ({marks(part)}) AND an.article_id = ? AND an.annotator = ? "
                """AND typeof(s.start) = 'integer' AND typeof(s."end") = 'integer' """
                'AND 0 <= s.start AND s.start < s."end" '
                'AND s."end" <= (SELECT length(text) FROM articles WHERE id = ?)',
                (*part, article_id, annotator, article_id),
            ))
        return own

    def spans_many(self, article_ids: Sequence[int],
                   text_lengths: Mapping[int, int] | None = None) -> dict[tuple[int, str], list[Span]]:
        """Every annotation's spans on these articles, keyed by (article id, annotator).

        ``text_lengths`` (article id → characters), when the caller has read the texts, spares
        SQLite counting them again to drop spans that lie outside their text."""
        out: dict[tuple[int, str], list[Span]] = {}
        for start in range(0, len(article_ids), CHUNK):
            part = list(article_ids[start:start + CHUNK])
            rows = self.conn.execute(
                'SELECT an.article_id, an.annotator, s.id, s.start, s."end", s.label, s.attributes, s.origin, '
                "s.created_at FROM spans s JOIN annotations an ON an.id = s.annotation_id "
                f"WHERE an.article_id IN ({marks(part)}) ORDER BY s.start, s.\"end\"",
                part,
            ).fetchall()
            for row in rows:
                out.setdefault((row[0], row[1]), []).append(span_from_row(row[2:]))
        lengths = text_lengths if text_lengths is not None else \
            self.project.articles.lengths(sorted({key[0] for key in out}))
        return {key: in_text(self.project, "spans", spans, lengths.get(key[0])) for key, spans in out.items()}

    def span(self, span_id: int) -> Span:
        row = self.conn.execute(f"SELECT {_SPAN_COLUMNS} FROM spans WHERE id = ?", (span_id,)).fetchone()
        if row is None:
            raise SpanError(f"no span with id {span_id}")
        return span_from_row(row)

    def add_span(self, article_id: int, annotator: str, start: int, end: int, label: str,
                 attributes: dict[str, Any] | None = None, origin: str = "manual",
                 span_id: int | None = None) -> Span:
        with self.project.transaction():
            ann = self.id_for(article_id, annotator, create=True)
            assert ann is not None
            text = self.project.articles.text(article_id)
            start, end = self.project.validate_span(text, start, end, label, self.spans_near(ann, start, end))
            attrs = dict(attributes or {})
            created = now_iso()
            cur = self.conn.execute(
                'INSERT INTO spans(id, annotation_id, start, "end", label, attributes, origin, created_at) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (span_id, ann, start, end, label, json.dumps(attrs, ensure_ascii=False), origin, created),
            )
            self.touch(ann)
        return Span(start, end, label, attrs, origin, int(cur.lastrowid), created)  # type: ignore[arg-type]

    def delete_span(self, span_id: int) -> Span:
        with self.project.transaction():
            span = self.span(span_id)
            ann = self.conn.execute("SELECT annotation_id FROM spans WHERE id = ?", (span_id,)).fetchone()[0]
            self.conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))
            self.touch(ann)
        return span

    def update_span(self, span_id: int, *, label: str | None = None,
                    attributes: dict[str, Any] | None = None,
                    start: int | None = None, end: int | None = None) -> Span:
        with self.project.transaction():
            old = self.span(span_id)
            ann, article_id = self.conn.execute(
                "SELECT s.annotation_id, an.article_id FROM spans s JOIN annotations an ON an.id = s.annotation_id "
                "WHERE s.id = ?",
                (span_id,),
            ).fetchone()
            new_label = label if label is not None else old.label
            new_start = start if start is not None else old.start
            new_end = end if end is not None else old.end
            others = [s for s in self.spans_near(ann, new_start, new_end) if s.id != span_id]
            new_start, new_end = self.project.validate_span(
                self.project.articles.text(article_id), new_start, new_end, new_label, others
            )
            attrs = old.attributes if attributes is None else dict(attributes)
            self.conn.execute(
                'UPDATE spans SET label = ?, attributes = ?, start = ?, "end" = ? WHERE id = ?',
                (new_label, json.dumps(attrs, ensure_ascii=False), new_start, new_end, span_id),
            )
            self.touch(ann)
        return Span(new_start, new_end, new_label, attrs, old.origin, span_id, old.created_at)

    def replace_spans(self, article_id: int, annotator: str, spans: Sequence[Span]) -> None:
        """Replace an annotation's spans wholesale (import, merge) in one transaction."""
        with self.project.transaction():
            ann = self.id_for(article_id, annotator, create=True)
            assert ann is not None
            text = self.project.articles.text(article_id)
            accepted: list[Span] = []
            for s in spans:
                start, end = self.project.validate_span(text, s.start, s.end, s.label, accepted)
                accepted.append(replace(s, start=start, end=end))
            self.conn.execute("DELETE FROM spans WHERE annotation_id = ?", (ann,))
            self._insert_spans(ann, accepted)
            self.touch(ann, started=bool(accepted))

    def _insert_spans(self, annotation_id: int, spans: Iterable[Span]) -> None:
        now = now_iso()
        self.conn.executemany(
            'INSERT INTO spans(annotation_id, start, "end", label, attributes, origin, created_at) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (annotation_id, s.start, s.end, s.label, json.dumps(s.attributes, ensure_ascii=False),
                 s.origin, s.created_at or now)
                for s in spans
            ],
        )

    def spans_near(self, annotation_id: int, start: int, end: int) -> list[Span]:
        """The annotation's spans overlapping [start, end): all an overlap check needs
        (the index on (annotation_id, start) keeps this cheap on long articles)."""
        rows = self.conn.execute(
            f'SELECT {_SPAN_COLUMNS} FROM spans WHERE annotation_id = ? AND start < ? AND "end" > ?',
            (annotation_id, end, start),
        ).fetchall()
        return [span_from_row(r) for r in rows]

    def supporters(self, article_id: int) -> list[tuple[int, int, str, str]]:
        """(start, end, label, annotator) of every span any annotator marked on the article."""
        return self.conn.execute(
            'SELECT s.start, s."end", s.label, an.annotator FROM spans s '
            "JOIN annotations an ON an.id = s.annotation_id WHERE an.article_id = ?",
            (article_id,),
        ).fetchall()

    def spans_by_article(self, statuses: Sequence[str], min_annotations: int,
                         annotators: Sequence[str] | None = None) -> dict[int, dict[str, list[Span]]]:
        """{article: {annotator: spans}} for articles with ≥ ``min_annotations`` annotations in
        ``statuses`` (by ``annotators`` when given).

        One query for everything: per-article round trips are what makes 10,000 articles slow.
        An annotator with no spans still appears (with an empty list): marking nothing is a
        judgement that agreement and adjudication must count.
        """
        names = list(annotators) if annotators is not None else None
        name_filter = f" AND an.annotator IN ({marks(names)})" if names is not None else ""
        sql = (
            'SELECT an.article_id, an.annotator, s.start, s."end", s.label FROM annotations an '
            "LEFT JOIN spans s ON s.annotation_id = an.id "
            f"WHERE an.status IN ({marks(statuses)}){name_filter} "
            f"AND an.article_id IN ({eligible_articles_sql(statuses, names)}) "
            'ORDER BY an.article_id, an.annotator, s.start, s."end"'
        )
        params: list[Any] = [*statuses, *(names or []), *statuses, *(names or []), min_annotations]
        grouped: dict[int, dict[str, list[Span]]] = {}
        for aid, name, start, end, label in self.conn.execute(sql, params):
            spans = grouped.setdefault(aid, {}).setdefault(name, [])
            if start is not None:
                spans.append(Span(start, end, label))
        return grouped


def _filter(annotator: str | None, status: str | None) -> tuple[str, list[Any]]:
    where, params = [], []
    if annotator:
        where.append("annotator = ?")
        params.append(annotator)
    if status:
        where.append("status = ?")
        params.append(status)
    return (" WHERE " + " AND ".join(where)) if where else "", params


def eligible_articles_sql(statuses: Sequence[str], annotators: Sequence[str] | None = None) -> str:
    """Sub-select of article ids with at least ? annotations in ``statuses``
    (params: statuses…, annotators…, n)."""
    where = f"status IN ({marks(statuses)})"
    if annotators is not None:
        where += f" AND annotator IN ({marks(annotators)})"
    return f"SELECT article_id FROM annotations WHERE {where} GROUP BY article_id HAVING count(*) >= ?"
