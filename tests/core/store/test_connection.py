"""Connections: untrusted schema, read-only reads that leave nothing beside the file."""
from __future__ import annotations

from pathlib import Path

from annotator.core.store import Project
from annotator.core.store.connection import connect_read_only


def test_every_connection_distrusts_the_schema(project: Project) -> None:
    assert project.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    with Project.open(project.path) as again:
        assert again.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0


def test_read_only_leaves_no_wal_or_shm(tmp_path: Path) -> None:
    path = tmp_path / "teammate.db"
    Project.create(path, creator="lead").close()
    before = sorted(p.name for p in tmp_path.iterdir())
    conn = connect_read_only(path)
    assert conn.execute("SELECT count(*) FROM labels").fetchone()[0] > 0
    assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == before == ["teammate.db"]
