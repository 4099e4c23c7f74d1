"""The project file's schema, as an ordered list of sqlite-utils migrations.

A migration is never edited once released: new columns and tables come as new
migrations appended to the list. ``SCHEMA_VERSION`` is the number of migrations;
it is mirrored in ``PRAGMA user_version`` so a newer file can be refused before
anything is touched.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .connection import import_sqlite_utils

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations
else:
    # The first import of sqlite-utils in the process happens here: through the helper
    # that keeps pandas out (half a second of every start-up).
    _sqlite_utils = import_sqlite_utils()
    Database = _sqlite_utils.Database
    Migrations = _sqlite_utils.Migrations

MIGRATION_SET = "annotator"
migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_base(db: Database) -> None:
    db.table("settings").create({"key": str, "value": str}, pk="key")
    db.table("labels").create(
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
    db.table("annotators").create(
        {"name": str, "role": str, "created_at": str}, pk="name", not_null={"role"}
    )
    db.table("articles").create(
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
    db.table("articles").create_index(["content_hash"], unique=True)
    db.table("articles").create_index(["external_id"])
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


@migrations()
def m_learning_suggestion_origin(db: Database) -> None:
    """Each stored suggestion keeps the suggesters that proposed it (``"rule+patterns"``):
    a run of several sources (``annotator suggest --source rules,patterns``) stores one
    merged row per suggestion. Older rows keep an empty origin, read as their source."""
    db.execute("ALTER TABLE suggestions ADD COLUMN origin TEXT NOT NULL DEFAULT ''")


@migrations()
def m_review_state(db: Database) -> None:
    """Which conflicts a reviewer has settled, and with which strategy, per article.

    Keyed by the article's content hash rather than its local id, so that merging
    project files can carry it (ids differ between files). Replaces the settings rows
    ``review:<article id>``, which are moved here.
    """
    db.execute(
        """
        CREATE TABLE review_state (
            content_hash TEXT PRIMARY KEY,
            strategy TEXT,
            k INTEGER,
            resolved TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT
        )
        """
    )
    db.execute(
        "INSERT OR REPLACE INTO review_state(content_hash, strategy, k, resolved) "
        "SELECT a.content_hash, json_extract(s.value, '$.strategy'), json_extract(s.value, '$.k'), "
        "coalesce(json_extract(s.value, '$.resolved'), '[]') "
        "FROM settings s JOIN articles a ON s.key = 'review:' || a.id "
        "WHERE json_valid(s.value)"
    )
    db.execute("DELETE FROM settings WHERE key GLOB 'review:[0-9]*'")


@migrations()
def m_size_fts(db: Database) -> None:
    """Full-text search over article bodies (SQLite FTS5), and an index for the list's filter.

    ``articles_fts`` holds the *folded* text — hamza and alef forms, ى/ي, ة/ه, diacritics and
    tatweel made equal, as everywhere else in the app — so a search finds the words however
    they were written; rowid = article id. It is contentless (``content=''``): the text is
    already in ``articles``, and a second folded copy would double the file.

    No trigger keeps it in step: project files are opened with ``trusted_schema = OFF``
    (store/connection.py), under which a trigger may neither write a virtual table nor call
    an application function. The store (store/search.py) keeps it instead — and the store
    is the only code that writes articles. The articles already there are indexed by its
    catch-up, like every new article (see ``m_search_index_catches_up``), not here: opening
    an old project of 100,000 articles would take half a minute.
    """
    db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(body, content='', tokenize='unicode61')")
    # The list's search also matches titles, outlets and ids as substrings of the folded
    # search_key; an index holding it lets that scan skip the article bodies (it read the
    # whole table — 400 MB at 100,000 articles — on every keystroke).
    db.execute("CREATE INDEX idx_articles_search_key ON articles(search_key)")


# Which local changes a hub sync still has to send. Triggers note every change to an
# annotation, gold or assignment while the project is linked to a hub (settings 'hub_url'),
# except the changes a sync itself applies (settings 'hub_applying', set inside that
# transaction). ``n`` counts the changes, so a sync clears only entries nobody touched
# while it was talking to the hub (store/hub_outbox.py reads and clears them).
_HUB_GUARD = ("(SELECT 1 FROM settings WHERE key = 'hub_url') IS NOT NULL "
              "AND (SELECT 1 FROM settings WHERE key = 'hub_applying') IS NULL")
_HUB_WATCHED = [  # (trigger name, event, table, kind, ref, who)
    ("annotation_ins", "INSERT", "annotations", "annotation", "NEW.id", "''"),
    ("annotation_upd", "UPDATE", "annotations", "annotation", "NEW.id", "''"),
    ("span_ins", "INSERT", "spans", "annotation", "NEW.annotation_id", "''"),
    ("span_upd", "UPDATE", "spans", "annotation", "NEW.annotation_id", "''"),
    ("span_del", "DELETE", "spans", "annotation", "OLD.annotation_id", "''"),
    ("rejected_ins", "INSERT", "rejected_suggestions", "annotation", "NEW.annotation_id", "''"),
    ("rejected_del", "DELETE", "rejected_suggestions", "annotation", "OLD.annotation_id", "''"),
    ("gold_ins", "INSERT", "gold", "gold", "NEW.id", "''"),
    ("gold_upd", "UPDATE", "gold", "gold", "NEW.id", "''"),
    ("gold_span_ins", "INSERT", "gold_spans", "gold", "NEW.gold_id", "''"),
    ("gold_span_upd", "UPDATE", "gold_spans", "gold", "NEW.gold_id", "''"),
    ("gold_span_del", "DELETE", "gold_spans", "gold", "OLD.gold_id", "''"),
    ("assignment_ins", "INSERT", "assignments", "assignment", "NEW.article_id", "NEW.annotator"),
]
HUB_OUTBOX_TRIGGERS = {
    f"hub_outbox_{name}": (
        f"CREATE TRIGGER hub_outbox_{name} AFTER {event} ON {table} WHEN {_HUB_GUARD} BEGIN "
        f"INSERT INTO hub_outbox(kind, ref, who) VALUES ('{kind}', {ref}, {who}) "
        "ON CONFLICT(kind, ref, who) DO UPDATE SET n = n + 1; END"
    )
    for name, event, table, kind, ref, who in _HUB_WATCHED
}


@migrations()
def m_hub_outbox(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE hub_outbox (
            kind TEXT NOT NULL CHECK (kind IN ('annotation', 'gold', 'assignment')),
            ref INTEGER NOT NULL,
            who TEXT NOT NULL DEFAULT '',
            n INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (kind, ref, who)
        )
        """
    )
    for create in HUB_OUTBOX_TRIGGERS.values():
        db.execute(create)


@migrations()
def m_search_index_catches_up(db: Database) -> None:
    """From here on the full-text index may lag behind the articles: writing articles no
    longer indexes them, and the index catches up later, in id order (store/search.py).

    Nothing to change in the file; the version number is what matters. A version that
    indexed every write would take this index for complete, index new articles past
    the ones waiting (which then would never be indexed) and remove from it articles
    it does not hold (which corrupts a contentless index): it must refuse the file.
    """


#: The triggers and views the migrations leave in a project, {(type, name): CREATE statement},
#: so that opening a file recognises them without running every migration first (start-up;
#: see store/integrity.py). tests/core/store/test_integrity.py holds it equal to what the
#: migrations make: a migration that adds, drops or rebuilds code updates it.
DECLARED_CODE: dict[tuple[str, str], str] = {("trigger", name): sql for name, sql in HUB_OUTBOX_TRIGGERS.items()}


SCHEMA_VERSION = len(migrations.pending(Database(memory=True, execute_plugins=False)))
"""The number of migrations, counted through the public API (what a new, empty file needs)."""
