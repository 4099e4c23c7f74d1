"""The full-text index over article bodies (``articles_fts``, made by ``m_size_fts``) and the
queries that use it: ``annotator search`` and the article list's ids and filters.

The index holds each text folded by :func:`annotator.core.text.fold`; the query language
and the snippets are pure Python in :mod:`annotator.core.search`. The index is kept in step
by the article writes of :class:`~annotator.core.store.articles.Articles`, in their own
transaction (no triggers: see ``m_size_fts``). It is contentless, so removing an article
from it needs the folded words it was indexed with: :func:`annotator.core.text.fold` must
stay stable, or a migration rebuild the index (``'delete-all'``, then :func:`index_rows`).
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from ..domain import STATUSES
from ..errors import ProjectError
from .table import TableFamily


def index_rows(conn: sqlite3.Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Add (article id, text) rows to the index, folded (inside the caller's transaction)."""
    from ..text import fold  # here, not at import: opening a project stays light

    conn.executemany("INSERT INTO articles_fts(rowid, body) VALUES (?, ?)",
                     ((article_id, fold(text)) for article_id, text in rows))


class ArticleSearch(TableFamily):
    # ------------------------------------------------------------ keeping the index
    def last_id(self) -> int:
        """The largest article id now; articles inserted next get larger ones (``articles.id``
        is a plain INTEGER PRIMARY KEY: SQLite gives a new row max(id) + 1)."""
        return int(self.conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])

    def index_after(self, last_id: int) -> None:
        """Index the articles with an id above ``last_id`` (those a batch insert just added)."""
        reader = self.conn.execute("SELECT id, text FROM articles WHERE id > ? ORDER BY id", (last_id,))
        index_rows(self.conn, reader)

    def index(self, article_id: int, text: str) -> None:
        index_rows(self.conn, [(article_id, text)])

    def unindex(self, article_id: int) -> None:
        """Remove an article from the index, before its row is deleted (same transaction)."""
        from ..text import fold

        row = self.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is not None:
            self.conn.execute("INSERT INTO articles_fts(articles_fts, rowid, body) VALUES ('delete', ?, ?)",
                              (article_id, fold(row[0])))

    # ------------------------------------------------------------------ queries
    def find(self, query: str, *, limit: int = 20) -> list[Any]:
        """Articles whose text has every word of ``query`` (folded; each word also as a
        prefix), in id order, at most ``limit``: :class:`annotator.core.search.SearchHit`
        with the id, title and a snippet around the first match."""
        from ..search import SearchHit, fts_match, snippet

        match = fts_match(query)
        if match is None or limit <= 0:
            return []
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.text FROM articles a WHERE a.id IN "
            "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid LIMIT ?) ORDER BY a.id",
            (match, limit),
        ).fetchall()
        return [SearchHit(r[0], r[1] or "", snippet(r[2], query)) for r in rows]

    def list_runs(self, annotator: str, *, status: str | None = None,
                  search: str | None = None) -> tuple[list[int], list[int]]:
        """The article list's ids as two ascending runs: the articles assigned to
        ``annotator``, then all the others — the rows and order of ``Articles.list_for``,
        with ``search`` also matching words of the text.

        Built for a project of a million articles opening in a second: the others come
        from the smallest covering index in one ``group_concat`` (no per-row Python, no
        ``ORDER BY`` over the whole table in SQL) and are sorted here; filters are SQL
        conditions. ``status`` means what it means for ``list_for``.
        """
        assigned: set[int] = set()
        found: list[list[int]] = []
        # One query per way an article can match (title or text): each runs on its own index.
        for table, where, params in self._filters(annotator, status, search):
            assigned.update(r[0] for r in self.conn.execute(
                f"SELECT a.rowid FROM {table} a JOIN assignments g ON g.article_id = a.rowid AND g.annotator = ? "
                f"WHERE {where}", [annotator, *params]))
            packed = self.conn.execute(f"SELECT group_concat(a.rowid) FROM {table} a WHERE {where}",
                                       params).fetchone()[0]
            found.append(json.loads(f"[{packed}]") if packed else [])
        ids = found[0] if len(found) == 1 else list(set().union(*found))
        others = sorted(i for i in ids if i not in assigned) if assigned else sorted(ids)
        return sorted(assigned), others

    def _filters(self, annotator: str, status: str | None,
                 search: str | None) -> list[tuple[str, str, list[Any]]]:
        """(table, SQL condition on its alias ``a``, parameters) for the list's filters: an
        article is listed when it meets any one of them. ``a.rowid`` is the article id in
        both tables: ``articles`` and its full-text index, whose matches need no lookup in
        the articles table (100,000 of those cost a quarter of a second)."""
        where, params = ["1"], []
        if status:
            if status not in STATUSES:
                raise ProjectError(f"status must be one of {', '.join(STATUSES)}")
            if status == "new":  # includes articles never opened
                where.append("a.rowid NOT IN (SELECT article_id FROM annotations WHERE annotator = ? "
                             "AND status != 'new')")
                params.append(annotator)
            else:
                where.append("a.rowid IN (SELECT article_id FROM annotations WHERE annotator = ? AND status = ?)")
                params += [annotator, status]
        if not (search and search.strip()):
            return [("articles", " AND ".join(where), params)]
        from ..search import fts_match
        from ..text import fold

        # The title, outlet or id (a substring of the folded search_key, on its own index)...
        alternatives = [("articles", " AND ".join([*where, "instr(a.search_key, ?) > 0"]),
                         [*params, fold(search.strip())])]
        match = fts_match(search)
        if match is not None:  # ...or words of the text
            alternatives.append(("articles_fts", " AND ".join(["a.articles_fts MATCH ?", *where]),
                                 [match, *params]))
        return alternatives
