"""core/store/schema.py: the ordered migrations and the version a project file records."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from annotator.core.store import Project
from annotator.core.store.schema import DECLARED_CODE, MIGRATION_SET, SCHEMA_VERSION, migrations


def test_a_new_project_has_every_migration_and_records_the_version(project: Project) -> None:
    assert project.schema_version == SCHEMA_VERSION
    assert migrations.pending(project.db) == []
    assert len(migrations.applied(project.db)) == SCHEMA_VERSION
    tables = set(project.db.table_names())
    assert {"settings", "labels", "annotators", "articles", "annotations", "spans", "gold", "gold_spans",
            "suggestions", "review_state", "hub_outbox", "articles_fts"} <= tables


def test_released_migrations_keep_their_names_and_order(project: Project) -> None:
    """A released migration is never renamed or moved: files record them by name."""
    names = [m.name for m in migrations.applied(project.db)]
    released = ["m001_base", "m002_team", "m003_gold_status", "m004_suggestions", "m005_span_ids_never_reused",
                "m_learning_suggestion_origin", "m_review_state", "m_size_fts", "m_hub_outbox"]
    assert names[:len(released)] == released
    assert MIGRATION_SET == "annotator"


def test_declared_code_is_what_a_new_project_holds(project: Project) -> None:
    held = {(t, n): sql for t, n, sql in project.conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')")}
    assert set(held) == set(DECLARED_CODE)


def test_review_notes_move_from_settings_to_their_table(tmp_path: Path) -> None:
    """m_review_state: the old ``settings["review:<id>"]`` rows become rows keyed by content hash."""
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before="m_review_state")
    version = len(migrations.applied(db))
    db.execute("INSERT INTO articles(id, title, text, content_hash, search_key) VALUES (7, 't', 'نص', 'h7', 'نص')")
    db.execute("""INSERT INTO settings(key, value) VALUES ('review:7', '{"strategy": "min", "k": 2, "resolved": [[0, 2]]}'),
                  ('review:8', 'not json'), ('project_name', '"old"')""")
    db.execute(f"PRAGMA user_version = {version}")
    db.conn.commit()
    db.close()
    with Project.open(path) as project:
        assert project.schema_version == SCHEMA_VERSION
        assert project.review.get(7) == {"strategy": "min", "k": 2, "resolved": [(0, 2)]}
        assert project.setting("review:7") is None
        assert project.setting("project_name") == "old"
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM settings WHERE key GLOB 'review:*'").fetchone()[0] == 0
    finally:
        conn.close()
