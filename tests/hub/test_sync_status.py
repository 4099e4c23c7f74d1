"""The workbench syncs in the background after a finished article; the status bar tells how it went."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hub_helpers import hub_annotations, local_annotations, make_team
from PySide6.QtCore import QSettings

from annotator.core.store import Project


def open_window(qtbot, path, annotator, tmp_path):
    from annotator.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("suggest_source", "off")
    window = MainWindow(Project.open(path), annotator, settings)
    qtbot.addWidget(window)
    return window


def test_finished_article_is_synced_in_the_background(qtbot, pg_server, hub_db, tmp_path):
    team = make_team(pg_server, hub_db, tmp_path, ["alice"], n_articles=3, overlap=1)
    # The clone remembers the hub without a password; it comes from the test .pgpass.
    window = open_window(qtbot, team.desktops["alice"], "alice", tmp_path)
    status = window.hub_sync
    assert status is not None and status.label.text().startswith("Hub:")
    qtbot.waitUntil(lambda: not status.busy(), timeout=20000)
    aid = window.article_id
    window.project.add_span(aid, "alice", 0, 3, "ACTOR")
    window.mark_done_and_next()
    qtbot.waitUntil(lambda: status.state == "synced" and not status.busy(), timeout=20000)
    assert status.label.text().startswith("Hub: synced")
    assert hub_annotations(team.owner_url) == local_annotations(team.desktops["alice"], "alice")
    window.close()


def test_offline_hub_shows_offline_and_annotating_goes_on(qtbot, pg_server, hub_db, tmp_path):
    team = make_team(pg_server, hub_db, tmp_path, ["alice"], n_articles=3, overlap=1)
    with Project.open(team.desktops["alice"]) as p:  # the hub moved away: nothing listens there
        p.set_setting("hub_url", f"host=127.0.0.1 port={pg_server.port + 1} dbname={team.db} user=alice")
    window = open_window(qtbot, team.desktops["alice"], "alice", tmp_path)
    status = window.hub_sync
    aid = window.article_id
    window.project.add_span(aid, "alice", 0, 3, "ACTOR")
    window.mark_done_and_next()
    assert window.article_id != aid  # the next article is open at once
    qtbot.waitUntil(lambda: status.state == "offline" and not status.busy(), timeout=20000)
    assert status.label.text() == "Hub: offline, pending 1"
    assert "cannot reach the hub" in status.label.toolTip()
    window.close()
