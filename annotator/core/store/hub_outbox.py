"""The local side of a hub sync (``project.hub``): the ``hub_outbox`` table, and the reads
and writes a sync makes in this project. ``annotator/core/sync/hub.py`` decides what goes
up and what comes down (merge's rules); this family runs the SQL.

The outbox is filled by the triggers of migration ``m_hub_outbox`` (store/schema.py): every
change to an annotation, gold row or assignment of a project linked to a hub, except those
made inside :meth:`HubOutbox.applying`. An entry is ``(kind, ref, who, n)``: ``kind`` is
``annotation``, ``gold`` or ``assignment``; ``ref`` the annotation or gold id (the article
id for an assignment, ``who`` its annotator); ``n`` counts the changes, so a sync forgets
only the entries nobody touched while it was talking to the hub.

A raw span is ``(start, end, label, attributes_json, origin, created_at)``, as in merge.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

from ..domain import Label
from .table import CHUNK, RawSpan, TableFamily, marks

OutboxEntry = tuple[str, int, str, int]  # (kind, ref, who, n)
APPLYING = "hub_applying"  # settings key the outbox triggers look for


class HubOutbox(TableFamily):
    # ------------------------------------------------------------------ outbox
    def entries(self) -> list[OutboxEntry]:
        """The local changes not yet sent."""
        return [tuple(r) for r in self.conn.execute("SELECT kind, ref, who, n FROM hub_outbox")]  # type: ignore[misc]

    def pending_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM hub_outbox").fetchone()[0])

    def clear_sent(self, entries: Sequence[OutboxEntry]) -> None:
        """Forget sent changes, unless they changed again since they were read (``n`` moved on)."""
        with self.project.transaction() as conn:
            conn.executemany("DELETE FROM hub_outbox WHERE kind = ? AND ref = ? AND who = ? AND n = ?", entries)

    def drop(self, kind: str, refs: Sequence[int]) -> None:
        """Forget pending changes the hub's newer version has just replaced."""
        with self.project.transaction() as conn:
            conn.executemany("DELETE FROM hub_outbox WHERE kind = ? AND ref = ?", [(kind, r) for r in refs])

    def mark_pending(self, annotator: str | None, *, gold: bool, assignments: bool) -> None:
        """Queue existing work for the first sync (a project just linked to a hub)."""
        with self.project.transaction() as conn:
            if annotator is not None:
                conn.execute("INSERT OR IGNORE INTO hub_outbox(kind, ref) SELECT 'annotation', id FROM annotations "
                             "WHERE annotator = ?", (annotator,))
            if gold:
                conn.execute("INSERT OR IGNORE INTO hub_outbox(kind, ref) SELECT 'gold', id FROM gold")
            if assignments:
                conn.execute("INSERT OR IGNORE INTO hub_outbox(kind, ref, who) "
                             "SELECT 'assignment', article_id, annotator FROM assignments")

    @contextlib.contextmanager
    def applying(self) -> Iterator[None]:
        """One transaction whose writes are the hub's, so the outbox triggers ignore them."""
        with self.project.transaction() as conn:
            self.project.settings.put(APPLYING, True)
            yield
            conn.execute("DELETE FROM settings WHERE key = ?", (APPLYING,))

    # ------------------------------------------------------------ reads (going up)
    def _by_ids(self, sql: str, ids: Sequence[Any]) -> list[tuple]:
        """``sql`` with its ``{}`` filled by an IN list, run over ``ids`` in chunks."""
        out: list[tuple] = []
        ids = list(ids)
        for start in range(0, len(ids), CHUNK):
            part = ids[start:start + CHUNK]
            out.extend(tuple(r) for r in self.conn.execute(sql.format(marks(part)), part))
        return out

    def annotations_by_id(self, ids: Sequence[int]) -> list[tuple]:
        """(id, content_hash, annotator, status, comment, seconds, updated_at) of these annotations."""
        return self._by_ids(
            "SELECT an.id, a.content_hash, an.annotator, an.status, an.comment, an.seconds, an.updated_at "
            "FROM annotations an JOIN articles a ON a.id = an.article_id WHERE an.id IN ({})", ids)

    def gold_by_id(self, ids: Sequence[int]) -> list[tuple]:
        """(id, content_hash, adjudicator, strategy, status, created_at, updated_at) of these gold rows."""
        return self._by_ids(
            "SELECT g.id, a.content_hash, g.adjudicator, g.strategy, g.status, g.created_at, g.updated_at "
            "FROM gold g JOIN articles a ON a.id = g.article_id WHERE g.id IN ({})", ids)

    def assignment_hashes(self, pairs: Sequence[tuple[int, str]]) -> list[tuple[str, str]]:
        """(content_hash, annotator) of these (article id, annotator) assignments that still exist."""
        out: list[tuple[str, str]] = []
        for article_id, name in pairs:
            row = self.conn.execute(
                "SELECT a.content_hash FROM assignments g JOIN articles a ON a.id = g.article_id "
                "WHERE g.article_id = ? AND g.annotator = ?", (article_id, name)).fetchone()
            if row is not None:
                out.append((row[0], name))
        return out

    def raw_spans(self, ids: Sequence[int], *, gold: bool = False) -> dict[int, list[RawSpan]]:
        """Raw spans of these annotations (or gold rows), by owner id, in offset order."""
        table, key = ("gold_spans", "gold_id") if gold else ("spans", "annotation_id")
        out: dict[int, list[RawSpan]] = {}
        for row in self._by_ids(
            f'SELECT {key}, start, "end", label, attributes, origin, created_at FROM {table} '
            f'WHERE {key} IN ({{}}) ORDER BY {key}, start, "end"', ids):
            out.setdefault(row[0], []).append(row[1:])  # type: ignore[arg-type]
        return out

    def rejected(self, ids: Sequence[int]) -> dict[int, list[tuple]]:
        """Rejected suggestions of these annotations: (start, end, label, created_at)."""
        out: dict[int, list[tuple]] = {}
        for row in self._by_ids(
            'SELECT annotation_id, start, "end", label, created_at FROM rejected_suggestions '
            'WHERE annotation_id IN ({}) ORDER BY annotation_id, start, "end", label', ids):
            out.setdefault(row[0], []).append(row[1:])
        return out

    def all_articles(self) -> Iterator[tuple]:
        """Every article as (content_hash, external_id, title, text, source, url, published, meta,
        search_key, created_at), streamed (publish reads 100,000 of them)."""
        yield from self.conn.execute(
            "SELECT content_hash, external_id, title, text, source, url, published, meta, search_key, "
            "created_at FROM articles ORDER BY id")

    def all_assignments(self) -> list[tuple[str, str]]:
        """Every assignment as (content_hash, annotator)."""
        return [tuple(r) for r in self.conn.execute(  # type: ignore[misc]
            "SELECT a.content_hash, g.annotator FROM assignments g JOIN articles a ON a.id = g.article_id")]

    # ----------------------------------------------------------- reads (coming down)
    def article_ids(self, hashes: Sequence[str]) -> dict[str, int]:
        """Local article ids of these content hashes (those present)."""
        return {r[0]: int(r[1]) for r in self._by_ids(
            "SELECT content_hash, id FROM articles WHERE content_hash IN ({})", hashes)}

    def annotations_by_key(self, keys: Sequence[tuple[int, str]]) -> dict[tuple[int, str], tuple]:
        """Local annotations of these (article id, annotator) pairs:
        key -> (id, status, comment, seconds, updated_at)."""
        out: dict[tuple[int, str], tuple] = {}
        by_article: dict[int, set[str]] = {}
        for aid, name in keys:
            by_article.setdefault(aid, set()).add(name)
        for row in self._by_ids(
            "SELECT article_id, annotator, id, status, comment, seconds, updated_at FROM annotations "
            "WHERE article_id IN ({})", list(by_article)):
            if row[1] in by_article[row[0]]:
                out[(row[0], row[1])] = row[2:]
        return out

    def gold_by_article(self, article_ids: Sequence[int]) -> dict[int, tuple]:
        """Local gold of these articles: article id -> (id, adjudicator, strategy, status, created, updated)."""
        return {r[0]: r[1:] for r in self._by_ids(
            "SELECT article_id, id, adjudicator, strategy, status, created_at, updated_at FROM gold "
            "WHERE article_id IN ({})", article_ids)}

    # ------------------------------------------------------- writes (coming down)
    # Rows from the hub were written there through the same rules (and row-level security);
    # they are put here as they are, like merge's received rows, inside applying().
    def put_annotation(self, article_id: int, annotator: str, status: str, comment: str | None,
                       seconds: float, updated_at: str | None, spans: list[RawSpan],
                       rejected: list[tuple], existing_id: int | None) -> int:
        """Write the hub's version of an annotation (spans replaced, rejected suggestions united)."""
        p = self.project
        with p.transaction():
            if existing_id is None:
                p.annotators_table.add_missing([annotator])
                ann_id = p.annotations.insert_received(article_id, annotator, status, comment, seconds,
                                                       updated_at, spans)
            else:
                ann_id = existing_id
                p.annotations.replace_received(ann_id, status, comment, seconds, updated_at, spans)
            p.suggestions.add_rejected(ann_id, rejected)
        return ann_id

    def put_gold(self, article_id: int, adjudicator: str, strategy: str | None, status: str,
                 created_at: str | None, updated_at: str | None, spans: list[RawSpan],
                 existing_id: int | None) -> None:
        """Write the hub's version of an article's gold (its spans replaced)."""
        p = self.project
        with p.transaction():
            if existing_id is None:
                p.gold.insert_received(article_id, adjudicator, strategy, status, created_at, updated_at, spans)
            else:
                p.gold.replace_received(existing_id, adjudicator, strategy, status, updated_at, spans)

    def add_assignments(self, pairs: Sequence[tuple[int, str]]) -> None:
        """(article id, annotator) assignments; unknown annotators are added, duplicates ignored."""
        with self.project.transaction():
            self.project.annotators_table.add_missing(sorted({name for _, name in pairs}))
            self.project.assignments.add(pairs)

    def put_labels(self, labels: Sequence[tuple[Label, int]]) -> None:
        """Take the hub's label schema: add missing labels, update the others (by name)."""
        with self.project.transaction():
            self.project.labels_table.take(labels)

    def put_members(self, members: Sequence[tuple[str, str]]) -> None:
        """Hub members become annotators here; roles only go up, as in merge."""
        reviewers = sorted(name for name, role in members if role == "reviewer")
        with self.project.transaction():
            self.project.annotators_table.add_missing(sorted(name for name, role in members if role != "reviewer"))
            self.project.annotators_table.add_missing(reviewers, "reviewer")
            for name in reviewers:
                self.project.annotators_table.promote(name)
