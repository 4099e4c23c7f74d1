"""The review window pulls from the hub before it builds its queue (#15), in the background."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hub_helpers import annotate, make_team
from PySide6.QtCore import QSettings

from annotator.core.store import Project
from annotator.core.sync.hub import sync


def open_review(qtbot, path, tmp_path):
    from annotator.gui.review import ReviewWindow

    settings = QSettings(str(tmp_path / "review-settings.ini"), QSettings.Format.IniFormat)
    window = ReviewWindow(Project.open(path), "rev", settings)
    qtbot.addWidget(window)
    return window


def test_review_window_pulls_then_rebuilds_its_queue(qtbot, pg_server, hub_db, tmp_path):
    team = make_team(pg_server, hub_db, tmp_path, ["amal", "badr"], n_articles=4, overlap=2)
    with Project.open(team.reviewer) as p:  # the reviewer connects as their own role
        p.set_setting("hub_url", team.urls["rev"])
    for name in ("amal", "badr"):
        annotate(team.desktops[name], name)
        with Project.open(team.desktops[name]) as p:
            assert sync(p).sent_annotations == 4

    window = open_review(qtbot, team.reviewer, tmp_path)
    status = window.hub_sync
    assert status is not None
    # The window opened on what the file held: nothing finished twice yet, never waiting.
    assert window.queue_model.items == [] and window.article_id is None
    qtbot.waitUntil(lambda: bool(window.queue_model.items), timeout=30_000)
    assert len(window.queue_model.items) == 4
    assert window.article_id is not None and set(window.annotators) == {"amal", "badr"}
    assert status.label.text().startswith("Hub: synced")
    with Project.open(team.reviewer) as p:
        assert p.done_count("amal") == 4 and p.done_count("badr") == 4

    # Team → Pull from the hub: a third annotator's new work arrives in the queue.
    qtbot.waitUntil(lambda: not status.busy(), timeout=30_000)
    with Project.open(team.desktops["amal"]) as p:
        aid = p.article_ids()[0]
        text = p.article_text(aid)
        with p.transaction():
            p.add_span(aid, "amal", 0, text.index(" "), "SOURCE")
        sync(p)
    pulls = []
    status.pulled.connect(lambda: pulls.append(True))
    window.act_hub_pull.trigger()
    qtbot.waitUntil(lambda: bool(pulls) and not status.busy(), timeout=30_000)
    with Project.open(team.reviewer) as p:
        assert any(s.label == "SOURCE" for a in p.article_ids() for s in p.spans(a, "amal"))
    window.close()
