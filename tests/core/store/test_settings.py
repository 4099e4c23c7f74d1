"""The settings family: JSON values; a hand-broken value reads as unset."""
from __future__ import annotations

import sqlite3

from annotator.core.store import Project


def test_values_round_trip_and_broken_ones_read_as_default(project: Project) -> None:
    project.settings.set("allow_overlap", True)
    project.settings.set("name", "مشروع")
    assert project.settings.get("allow_overlap") is True and project.setting("name") == "مشروع"
    conn = sqlite3.connect(project.path)
    conn.execute("UPDATE settings SET value = '{oops' WHERE key = 'name'")
    conn.commit()
    conn.close()
    assert project.settings.get("name", "none") == "none"
