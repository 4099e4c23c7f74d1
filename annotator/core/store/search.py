"""The full-text index over article bodies (``articles_fts``, made by ``m_size_fts``) and the
queries that use it: ``annotator search`` and the article list's ids and filters.

The index holds each text folded by :func:`annotator.core.text.fold`; the query language
and the snippets are pure Python in :mod:`annotator.core.search`.

**The index catches up lazily.** Writing articles does not index them: folding and
indexing cost about 0.35 ms an article, five times what storing it costs, and an import
of 100,000 articles took 40 s instead of 7 s while it did. :meth:`ArticleSearch.catch_up`
indexes the articles not yet indexed instead, in id order, a chunk per short transaction
(the GUI runs it in the background after a project opens; ``annotator search`` before it
searches). What is indexed needs no bookkeeping of its own: it is every article up to the
largest id in the index (:meth:`ArticleSearch.indexed_upto`). That holds because

* catch-up indexes in id order, each chunk whole or not at all (an interrupted catch-up
  resumes where the last committed chunk ended);
* a new article always gets a larger id than every article there is (``articles.id`` is
  a plain INTEGER PRIMARY KEY: SQLite gives a new row max(id) + 1);
* deleting an article removes it from the index in the same transaction (if it is there).

Every search answers as the fully indexed project would: the index for the articles up
to that id, and the same FTS5 tokenizer over the folded texts of the rest (the *tail*),
in memory (:class:`_TailIndex`), for the articles after it.

The index is contentless, so removing an article from it needs the folded words it was
indexed with: :func:`annotator.core.text.fold` must stay stable, or a migration empty the
index (``'delete-all'``), after which catch-up rebuilds it.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..domain import STATUSES
from ..errors import ProjectError
from .table import CHUNK, TableFamily, marks

#: The index's options (``m_size_fts``), repeated for the in-memory index of the tail:
#: the same tokenizer is what makes a search of the tail equal to a search of the index.
FTS_OPTIONS = "content='', tokenize='unicode61'"
#: Articles indexed per catch-up transaction: about 70 ms of writing (the folding is done
#: before the write lock is taken), so an annotation saved meanwhile waits at most that.
CATCH_UP_CHUNK = 500
#: A tail up to this many articles stays indexed in memory between searches (the article
#: list searches on every keystroke); a longer one is searched a chunk at a time.
TAIL_KEPT = 20_000
_TAIL_CHUNK = 4_000


def index_rows(conn: sqlite3.Connection, rows: Iterable[tuple[int, str]], table: str = "articles_fts") -> None:
    """Add (article id, text) rows to an index, folded (inside the caller's transaction)."""
    from ..text import fold  # here, not at import: opening a project stays light

    conn.executemany(f"INSERT INTO {table}(rowid, body) VALUES (?, ?)",
                     ((article_id, fold(text)) for article_id, text in rows))


class _TailIndex:
    """Folded texts of articles the project's index does not hold yet, in an in-memory
    FTS5 table made like ``articles_fts``: searched with the same MATCH expression, it
    finds exactly what the project's index will find once it holds them."""

    def __init__(self) -> None:
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute(f"CREATE VIRTUAL TABLE tail USING fts5(body, {FTS_OPTIONS})")
        self.held: dict[int, str] = {}  # article id -> the content hash of the text held

    def clear(self) -> None:
        self.conn.execute("INSERT INTO tail(tail) VALUES ('delete-all')")
        self.held.clear()

    def add(self, rows: Sequence[tuple[int, str, str]]) -> None:
        """(article id, text, content hash) rows."""
        index_rows(self.conn, ((i, text) for i, text, _hash in rows), "tail")
        self.held.update((i, h) for i, _text, h in rows)

    def matches(self, match: str) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT rowid FROM tail WHERE tail MATCH ? ORDER BY rowid",
                                                (match,))]


class ArticleSearch(TableFamily):
    _tail: _TailIndex | None = None

    # ------------------------------------------------------------ keeping the index
    def indexed_upto(self) -> int:
        """The largest article id in the index (0 when empty): every article up to it is
        indexed, none after it (see the module docstring)."""
        return int(self.conn.execute("SELECT coalesce(max(id), 0) FROM articles_fts_docsize").fetchone()[0])

    def pending(self, at_most: int | None = None) -> int:
        """How many articles are not indexed yet (counting stops after ``at_most``)."""
        upto = self.indexed_upto()
        if at_most is not None:
            return int(self.conn.execute("SELECT count(*) FROM (SELECT 1 FROM articles WHERE id > ? LIMIT ?)",
                                         (upto, at_most)).fetchone()[0])
        # ``+id``: counted on the smallest covering index, not along the table's rows with
        # their texts (27 ms instead of 400 ms for 100,000 articles).
        return int(self.conn.execute("SELECT count(*) FROM articles WHERE +id > ?", (upto,)).fetchone()[0])

    def catch_up(self, *, chunk: int | None = None, should_stop: Callable[[], bool] | None = None,
                 progress: Callable[[int], None] | None = None) -> int:
        """Index the articles not indexed yet, ``chunk`` (default :data:`CATCH_UP_CHUNK`) at
        a time, each chunk in its own transaction; return how many this call indexed.
        ``should_stop`` is asked before each chunk (a window closing); ``progress`` gets
        the running count after each.

        Texts are read and folded before the write lock is taken, and checked again under
        it: another connection may have indexed, deleted or added articles meanwhile.
        """
        from ..text import fold

        chunk = chunk or CATCH_UP_CHUNK
        done = 0
        while not (should_stop is not None and should_stop()):
            upto = self.indexed_upto()
            rows = self.conn.execute("SELECT id, text FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                                     (upto, chunk)).fetchall()
            if not rows:
                break
            folded = {i: (text, fold(text)) for i, text in rows}
            with self.project.transaction() as conn:
                if self.indexed_upto() != upto:  # another connection indexed these meanwhile
                    continue
                current = conn.execute("SELECT id, text FROM articles WHERE id > ? AND id <= ? ORDER BY id",
                                       (upto, rows[-1][0])).fetchall()
                conn.executemany("INSERT INTO articles_fts(rowid, body) VALUES (?, ?)", (
                    (i, folded[i][1] if i in folded and folded[i][0] == text else fold(text))
                    for i, text in current))
            done += len(current)
            if progress is not None:
                progress(done)
        return done

    def unindex(self, article_id: int) -> None:
        """Remove an article from the index, if it is there, before its row is deleted
        (same transaction). An article not indexed yet must not be: a contentless index
        takes a 'delete' of words it never held on trust, and would be corrupt."""
        from ..text import fold

        if self.conn.execute("SELECT 1 FROM articles_fts_docsize WHERE id = ?", (article_id,)).fetchone() is None:
            return
        row = self.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is not None:
            self.conn.execute("INSERT INTO articles_fts(articles_fts, rowid, body) VALUES ('delete', ?, ?)",
                              (article_id, fold(row[0])))

    # ------------------------------------------------------------------ the tail
    def _tail_matches(self, match: str, upto: int, *, limit: int | None = None) -> list[int]:
        """Ids of the articles after ``upto`` (not indexed) whose folded text matches,
        ascending, at most ``limit``."""
        # Counted first, and only so far: a long tail is streamed, never listed.
        if self.conn.execute("SELECT count(*) FROM (SELECT 1 FROM articles WHERE id > ? LIMIT ?)",
                             (upto, TAIL_KEPT + 1)).fetchone()[0] > TAIL_KEPT:
            self._tail = None
            return self._stream_tail(match, upto, limit)
        tail = dict(self.conn.execute("SELECT id, content_hash FROM articles WHERE id > ?", (upto,)))
        if not tail:
            return []
        kept = self._tail
        if kept is None:
            kept = self._tail = _TailIndex()
        # A held id whose text changed (deleted, and the id given to a new article) cannot
        # be replaced in a contentless table; nor is it worth keeping much no longer in the tail.
        if any(tail.get(i, h) != h for i, h in kept.held.items()) or len(kept.held) > 2 * len(tail) + CHUNK:
            kept.clear()
        missing = sorted(i for i in tail if i not in kept.held)
        for start in range(0, len(missing), CHUNK):
            part = missing[start:start + CHUNK]
            kept.add(self.conn.execute(
                f"SELECT id, text, content_hash FROM articles WHERE id IN ({marks(part)})", part).fetchall())
        found = [i for i in kept.matches(match) if i in tail]
        return found if limit is None else found[:limit]

    def _stream_tail(self, match: str, upto: int, limit: int | None) -> list[int]:
        """A long tail, a chunk at a time through a throwaway in-memory index (flat memory).
        Chunks start small and grow: the first few articles often hold enough matches."""
        scratch = _TailIndex()
        found: list[int] = []
        reader = self.conn.execute("SELECT id, text, content_hash FROM articles WHERE id > ? ORDER BY id", (upto,))
        size = min(CHUNK, _TAIL_CHUNK)
        while limit is None or len(found) < limit:
            rows = reader.fetchmany(size)
            if not rows:
                break
            size = min(2 * size, _TAIL_CHUNK)
            scratch.clear()
            scratch.add(rows)
            found += scratch.matches(match)
        reader.close()
        scratch.conn.close()
        return found if limit is None else found[:limit]

    # ------------------------------------------------------------------ queries
    def find(self, query: str, *, limit: int = 20) -> list[Any]:
        """Articles whose text has every word of ``query`` (folded; each word also as a
        prefix), in id order, at most ``limit``: :class:`annotator.core.search.SearchHit`
        with the id, title and a snippet around the first match."""
        from ..search import SearchHit, fts_match, snippet

        match = fts_match(query)
        if match is None or limit <= 0:
            return []
        # One bound for both halves: a catch-up committing between the two queries then
        # neither hides nor repeats an article.
        upto = self.indexed_upto()
        ids = [r[0] for r in self.conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid <= ? ORDER BY rowid LIMIT ?",
            (match, upto, limit))]
        if len(ids) < limit:
            ids += self._tail_matches(match, upto, limit=limit - len(ids))
        rows = self.conn.execute("SELECT id, title, text FROM articles WHERE id IN (SELECT value FROM json_each(?)) "
                                 "ORDER BY id", (json.dumps(ids),)).fetchall()
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
        if match is not None:  # ...or words of the text: indexed, or in the tail not indexed yet
            upto = self.indexed_upto()
            indexed: list[Any] = [match, upto, *params]
            alternatives.append(("articles_fts", " AND ".join(["a.articles_fts MATCH ? AND a.rowid <= ?", *where]),
                                 indexed))
            tail = self._tail_matches(match, upto)
            if tail:
                alternatives.append(("articles", " AND ".join([*where, "a.rowid IN (SELECT value FROM json_each(?))"]),
                                     [*params, json.dumps(tail)]))
        return alternatives
