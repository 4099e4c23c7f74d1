"""Reading a teammate's project file: rows as stored, nothing written, foreign code refused."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import MergeError
from annotator.core.store import SCHEMA_VERSION, Project
from annotator.core.store.received import read_received


def _sound(path: Path) -> Path:
    with Project.create(path, creator="lead") as p:
        p.insert_articles([(None, "t", "نص المقال", None, None, None, "{}", "not-the-real-hash", None, "x")])
        (aid,) = p.article_ids()
        p.add_span(aid, "amal", 0, 2, "ACTOR")
    return path


def test_rows_come_as_stored_and_the_folder_is_left_alone(tmp_path: Path) -> None:
    path = _sound(tmp_path / "other.db")
    conn = sqlite3.connect(str(path))
    conn.execute("UPDATE spans SET attributes = '[1]'")
    conn.commit()
    conn.close()
    got = read_received(path)
    assert [a[8] for a in got.articles] == ["not-the-real-hash"]  # the caller recomputes it
    (spans,) = got.spans.values()
    assert spans[0][1:5] == (0, 2, "ACTOR", "[1]")  # validation is the caller's job
    assert {name for _, name, _ in got.annotators} == {"lead", "amal"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_newer_files_and_foreign_triggers_are_refused(tmp_path: Path) -> None:
    path = _sound(tmp_path / "other.db")
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TRIGGER t AFTER UPDATE ON labels BEGIN DELETE FROM spans; END")
    conn.commit()
    with pytest.raises(MergeError, match="trigger 't'"):
        read_received(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(MergeError, match="newer version"):
        read_received(path)
