"""The project file's schema, as an ordered list of sqlite-utils migrations.

A migration is never edited once released: new columns and tables come as new
migrations appended to the list. ``SCHEMA_VERSION`` is the number of migrations;
it is mirrored in ``PRAGMA user_version`` so a newer file can be refused before
anything is touched.
"""
from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATION_SET = "annotator"
migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_base(db: Database) -> None:
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["labels"].create(
        {
            "name": str,
            "name_ar": str,
            "name_en": str,
            "color": str,
            "key": str,
            "description": str,
            "position": int,
        },
        pk="name",
        not_null={"name", "color"},
    )
    db["annotators"].create(
        {"name": str, "role": str, "created_at": str}, pk="name", not_null={"role"}
    )
    db["articles"].create(
        {
            "id": int,
            "external_id": str,
            "title": str,
            "text": str,
            "source": str,
            "url": str,
            "published": str,
            "meta": str,
            "content_hash": str,
            "search_key": str,
            "created_at": str,
        },
        pk="id",
        not_null={"text", "content_hash"},
    )
    db["articles"].create_index(["content_hash"], unique=True)
    db["articles"].create_index(["external_id"])
    # Foreign keys are declared in SQL: sqlite-utils' create() cannot express
    # ON DELETE/ON UPDATE actions, and label renames must cascade into spans.
    db.execute(
        """
        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name) ON UPDATE CASCADE,
            status TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new','in_progress','done','skipped','flagged')),
            comment TEXT,
            seconds REAL NOT NULL DEFAULT 0,
            updated_at TEXT,
            UNIQUE (article_id, annotator)
        )
        """
    )
    db.execute("CREATE INDEX idx_annotations_annotator ON annotations(annotator, status)")
    db.execute(
        """
        CREATE TABLE spans (
            id INTEGER PRIMARY KEY,
            annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
            attributes TEXT NOT NULL DEFAULT '{}',
            origin TEXT NOT NULL DEFAULT 'manual',
            created_at TEXT,
            CHECK ("end" > start)
        )
        """
    )
    db.execute("CREATE INDEX idx_spans_annotation ON spans(annotation_id, start)")


@migrations()
def m002_team(db: Database) -> None:
    """Gold (adjudicated) annotations, assignments, rejected suggestions and models."""
    db.execute(
        """
        CREATE TABLE gold (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
            adjudicator TEXT NOT NULL,
            strategy TEXT,
            created_at TEXT,
            updated_at TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE gold_spans (
            id INTEGER PRIMARY KEY,
            gold_id INTEGER NOT NULL REFERENCES gold(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
            attributes TEXT NOT NULL DEFAULT '{}',
            origin TEXT NOT NULL DEFAULT 'gold',
            created_at TEXT,
            CHECK ("end" > start)
        )
        """
    )
    db.execute("CREATE INDEX idx_gold_spans_gold ON gold_spans(gold_id, start)")
    db.execute(
        """
        CREATE TABLE assignments (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name) ON UPDATE CASCADE,
            PRIMARY KEY (article_id, annotator)
        )
        """
    )
    db.execute("CREATE INDEX idx_assignments_annotator ON assignments(annotator)")
    db.execute(
        """
        CREATE TABLE rejected_suggestions (
            annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            created_at TEXT,
            PRIMARY KEY (annotation_id, start, "end", label)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE models (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            created_at TEXT,
            metrics TEXT NOT NULL DEFAULT '{}',
            is_current INTEGER NOT NULL DEFAULT 0
        )
        """
    )


@migrations()
def m003_gold_status(db: Database) -> None:
    """Gold becomes 'draft' while a reviewer edits it span by span, 'accepted' when done.

    Drafts are saved as they happen (a crash loses nothing) but only accepted gold is
    exported. Existing gold was all written in one go, so it defaults to 'accepted'.
    """
    db.execute(
        "ALTER TABLE gold ADD COLUMN status TEXT NOT NULL DEFAULT 'accepted' "
        "CHECK (status IN ('draft', 'accepted'))"
    )


@migrations()
def m004_suggestions(db: Database) -> None:
    """Pre-computed suggestions (``annotator suggest``), shown at once when an article opens."""
    db.execute(
        """
        CREATE TABLE suggestions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            score REAL NOT NULL DEFAULT 1.0,
            attributes TEXT NOT NULL DEFAULT '{}',
            created_at TEXT
        )
        """
    )
    db.execute("CREATE INDEX idx_suggestions_article ON suggestions(article_id, source)")
    # Which source has run on which article, so an article with no suggestions is not re-run.
    db.execute(
        """
        CREATE TABLE suggestion_runs (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            created_at TEXT,
            PRIMARY KEY (article_id, source)
        )
        """
    )


def _rebuild_with_autoincrement(db: Database, table: str, body: str, index: str) -> None:
    db.execute(f"CREATE TABLE {table}_new ({body})")
    db.execute(f"INSERT INTO {table}_new SELECT * FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
    db.execute(index)


@migrations()
def m005_span_ids_never_reused(db: Database) -> None:
    """Span ids become AUTOINCREMENT: SQLite otherwise hands a deleted span's id to the
    next new span, and an undo that restores or deletes "span 42" could hit someone else's."""
    _rebuild_with_autoincrement(
        db, "spans",
        """id INTEGER PRIMARY KEY AUTOINCREMENT,
            annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
            attributes TEXT NOT NULL DEFAULT '{}',
            origin TEXT NOT NULL DEFAULT 'manual',
            created_at TEXT,
            CHECK ("end" > start)""",
        "CREATE INDEX idx_spans_annotation ON spans(annotation_id, start)",
    )
    _rebuild_with_autoincrement(
        db, "gold_spans",
        """id INTEGER PRIMARY KEY AUTOINCREMENT,
            gold_id INTEGER NOT NULL REFERENCES gold(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
            attributes TEXT NOT NULL DEFAULT '{}',
            origin TEXT NOT NULL DEFAULT 'gold',
            created_at TEXT,
            CHECK ("end" > start)""",
        "CREATE INDEX idx_gold_spans_gold ON gold_spans(gold_id, start)",
    )


# ---- added by size: full-text search over article bodies ------------------------------
#: SQL function the search triggers call: the app's Arabic folding (core.text.fold).
FOLD_FUNCTION = "annotator_fold"
#: Triggers that keep ``articles_fts`` in step with ``articles`` (names for the store's
#: check of received files).
SEARCH_TRIGGERS = ("articles_fts_insert", "articles_fts_delete", "articles_fts_update")


def register_sql_functions(conn) -> None:  # type: ignore[no-untyped-def]
    """Make :data:`FOLD_FUNCTION` callable on ``conn``; every connection that writes articles
    needs it (the search triggers fold the text they index)."""

    def fold_text(value: object) -> object:
        from .text import fold  # here, not at connect: opening a project stays light

        return fold(value) if isinstance(value, str) else value

    conn.create_function(FOLD_FUNCTION, 1, fold_text, deterministic=True)


@migrations()
def m_size_fts(db: Database) -> None:
    """Full-text search over article bodies (SQLite FTS5).

    The index holds the *folded* text — hamza and alef forms, ى/ي, ة/ه, diacritics and
    tatweel made equal, as everywhere else in the app — so a search finds the words however
    they were written. It is contentless (``content=''``): the text is already in
    ``articles``, and a second folded copy would double the file. Triggers keep it in step
    with every write to ``articles``, whoever makes it; deleting from a contentless index
    needs the indexed tokens again, which folding the old text reproduces. Rowid = article id.
    """
    register_sql_functions(db.conn)
    db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(body, content='', tokenize='unicode61')")
    db.execute(
        f"""CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
              INSERT INTO articles_fts(rowid, body) VALUES (new.id, {FOLD_FUNCTION}(new.text));
            END"""
    )
    db.execute(
        f"""CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
              INSERT INTO articles_fts(articles_fts, rowid, body) VALUES ('delete', old.id, {FOLD_FUNCTION}(old.text));
            END"""
    )
    db.execute(
        f"""CREATE TRIGGER articles_fts_update AFTER UPDATE OF text ON articles BEGIN
              INSERT INTO articles_fts(articles_fts, rowid, body) VALUES ('delete', old.id, {FOLD_FUNCTION}(old.text));
              INSERT INTO articles_fts(rowid, body) VALUES (new.id, {FOLD_FUNCTION}(new.text));
            END"""
    )
    db.execute(f"INSERT INTO articles_fts(rowid, body) SELECT id, {FOLD_FUNCTION}(text) FROM articles")
    # The list's search also matches titles, outlets and ids as substrings of the folded
    # search_key; an index holding it lets that scan skip the article bodies (it read the
    # whole table — 400 MB at 100,000 articles — on every keystroke).
    db.execute("CREATE INDEX idx_articles_search_key ON articles(search_key)")

SCHEMA_VERSION = len(migrations._migrations)
