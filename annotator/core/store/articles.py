"""The ``articles`` table: texts, their metadata and the article list's queries."""
from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..domain import STATUSES, Article
from ..errors import ProjectError
from .rules import json_object
from .table import CHUNK, TableFamily, marks

_COLUMNS = "id, external_id, title, text, source, url, published, meta, content_hash"


def content_hash(text: str) -> str:
    """An article's identity: the SHA-256 of its text (import and merge match on it)."""
    return utf8_content_hash(text.encode("utf-8", "surrogatepass"))


def utf8_content_hash(encoded: bytes) -> str:
    """:func:`content_hash` of a text already encoded as UTF-8 (the import stores those
    same bytes, so it encodes each text once)."""
    return hashlib.sha256(encoded).hexdigest()


def parse_meta(raw: object) -> dict:
    """Stored metadata as a dict; a value that is not a JSON object reads as empty (a hand
    edit must not make an article unopenable; `annotator check` reports it)."""
    try:
        return json_object(raw, "meta")
    except ValueError:
        return {}


def _article(row: Sequence) -> Article:
    return Article(
        id=row[0], external_id=row[1], title=row[2] or "", text=row[3], source=row[4],
        url=row[5], published=row[6], meta=parse_meta(row[7]), content_hash=row[8],
    )


@dataclass(frozen=True)
class ArticleRow:
    """What the article list shows for one article and annotator."""

    id: int
    title: str
    source: str | None
    status: str
    span_count: int
    assigned: bool


class Articles(TableFamily):
    _encoding: str | None = None  # the file's text encoding, once asked

    def get(self, article_id: int) -> Article:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ProjectError(f"no article with id {article_id}")
        return _article(row)

    def many(self, ids: Sequence[int]) -> dict[int, Article]:
        """Several articles in one query per chunk (exports read them a chunk at a time)."""
        out: dict[int, Article] = {}
        for start in range(0, len(ids), CHUNK):
            part = list(ids[start:start + CHUNK])
            for row in self.conn.execute(f"SELECT {_COLUMNS} FROM articles WHERE id IN ({marks(part)})", part):
                out[row[0]] = _article(row)
        return out

    def texts(self, ids: Sequence[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for start in range(0, len(ids), CHUNK):
            part = list(ids[start:start + CHUNK])
            out.update(self.conn.execute(f"SELECT id, text FROM articles WHERE id IN ({marks(part)})", part))
        return out

    def lengths(self, ids: Sequence[int]) -> dict[int, int]:
        """{id: length of the text in characters}, counted by SQLite (no text crosses over)."""
        out: dict[int, int] = {}
        for start in range(0, len(ids), CHUNK):
            part = list(ids[start:start + CHUNK])
            out.update(self.conn.execute(
                f"SELECT id, length(text) FROM articles WHERE id IN ({marks(part)})", part))
        return out

    def text(self, article_id: int) -> str:
        row = self.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ProjectError(f"no article with id {article_id}")
        return row[0]

    def exists(self, article_id: int) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def ids(self) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]

    def ids_by_external_id(self) -> dict[str | None, int]:
        return {ext: aid for aid, ext in self.conn.execute("SELECT id, external_id FROM articles")}

    def ids_by_hash(self) -> dict[str, int]:
        return {h: i for h, i in self.conn.execute("SELECT content_hash, id FROM articles")}

    def id_by_hash(self, chash: str) -> int | None:
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (chash,)).fetchone()
        return None if row is None else int(row[0])

    def list_for(self, annotator: str, *, status: str | None = None, search: str | None = None) -> list[int]:
        """Article ids in list order for this annotator: assigned first, then by id.

        ``status`` filters on this annotator's status ("new" includes articles never
        opened). ``search`` matches the folded title/outlet/id (diacritics, tatweel and
        letter variants ignored).
        """
        where, params = [], [annotator, annotator]
        if status:
            if status not in STATUSES:
                raise ProjectError(f"status must be one of {', '.join(STATUSES)}")
            where.append("coalesce(an.status, 'new') = ?")
            params.append(status)
        if search and search.strip():
            from ..text import fold

            where.append("instr(a.search_key, ?) > 0")
            params.append(fold(search.strip()))
        sql = (
            "SELECT a.id FROM articles a "
            "LEFT JOIN annotations an ON an.article_id = a.id AND an.annotator = ? "
            "LEFT JOIN assignments asg ON asg.article_id = a.id AND asg.annotator = ? "
            + ("WHERE " + " AND ".join(where) + " " if where else "")
            + "ORDER BY asg.article_id IS NULL, a.id"
        )
        return [r[0] for r in self.conn.execute(sql, params)]

    def rows(self, ids: Sequence[int], annotator: str) -> dict[int, ArticleRow]:
        """The list columns for a page of article ids (the Qt model asks page by page)."""
        if not ids:
            return {}
        sql = (
            "SELECT a.id, a.title, a.source, coalesce(an.status, 'new'), "
            "(SELECT count(*) FROM spans s WHERE s.annotation_id = an.id), "
            "EXISTS (SELECT 1 FROM assignments g WHERE g.article_id = a.id AND g.annotator = ?) "
            "FROM articles a LEFT JOIN annotations an ON an.article_id = a.id AND an.annotator = ? "
            f"WHERE a.id IN ({marks(ids)})"
        )
        rows = self.conn.execute(sql, [annotator, annotator, *ids]).fetchall()
        return {r[0]: ArticleRow(r[0], r[1] or "", r[2], r[3], int(r[4] or 0), bool(r[5])) for r in rows}

    def insert_many(self, rows: Sequence[tuple]) -> int:
        """Insert prepared article rows, skipping content duplicates; return how many were new.

        A row is (external_id, title, text, source, url, published, meta_json,
        content_hash, search_key, created_at); the text may also be given as its UTF-8
        bytes (the importer has them: it hashed them), and is stored as text either way.
        One transaction for the whole batch. The full-text index is not written here:
        it catches up later (store/search.py).
        """
        if not self._utf8():
            rows = [(*r[:2], r[2].decode("utf-8"), *r[3:]) if isinstance(r[2], bytes) else r for r in rows]
        with self.project.transaction() as conn:
            return conn.executemany(
                "INSERT OR IGNORE INTO articles(external_id, title, text, source, url, published, "
                "meta, content_hash, search_key, created_at) VALUES (?,?,CAST(? AS TEXT),?,?,?,?,?,?,?)",
                rows,
            ).rowcount

    def _utf8(self) -> bool:
        """Whether the file stores text as UTF-8 (ours do; SQLite can make UTF-16 files), so
        that UTF-8 bytes cast to TEXT are that text."""
        if self._encoding is None:
            self._encoding = str(self.conn.execute("PRAGMA encoding").fetchone()[0])
        return self._encoding == "UTF-8"

    @contextlib.contextmanager
    def bulk_insert_cache(self, mib: int = 32) -> Iterator[None]:
        """A bigger page cache while many articles are inserted (an import), restored after.

        Content hashes arrive in random order, so each insert lands on a random page of
        their unique index; with SQLite's default 2 MB cache most of those pages must be
        read in again (the index of 100,000 articles is about 8 MB). Durability is not
        touched: this is memory only."""
        before = int(self.conn.execute("PRAGMA cache_size").fetchone()[0])
        page = int(self.conn.execute("PRAGMA page_size").fetchone()[0])
        size_kib = -before if before < 0 else before * page // 1024
        if size_kib >= mib * 1024:
            yield
            return
        self.conn.execute(f"PRAGMA cache_size = -{mib * 1024}")
        try:
            yield
        finally:
            with contextlib.suppress(sqlite3.Error):  # never hide why the import stopped
                self.conn.execute(f"PRAGMA cache_size = {before}")

    def insert_one(self, row: tuple) -> int:
        """Insert one prepared row (as :meth:`insert_many`, not indexed either) in the
        caller's transaction; its id."""
        cur = self.conn.execute(
            "INSERT INTO articles(external_id, title, text, source, url, published, meta, "
            "content_hash, search_key, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            row,
        )
        return int(cur.lastrowid)  # type: ignore[arg-type]

    def delete(self, article_id: int) -> None:
        with self.project.transaction():
            self.project.search.unindex(article_id)
            self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def not_done(self, annotator: str | None) -> list[int]:
        """Articles not yet done (by ``annotator``, or by anyone when None)."""
        if annotator:
            sql = ("SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM annotations an "
                   "WHERE an.article_id = a.id AND an.annotator = ? AND an.status = 'done') ORDER BY a.id")
            return [r[0] for r in self.conn.execute(sql, (annotator,))]
        sql = ("SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM annotations an "
               "WHERE an.article_id = a.id AND an.status = 'done') ORDER BY a.id")
        return [r[0] for r in self.conn.execute(sql)]
