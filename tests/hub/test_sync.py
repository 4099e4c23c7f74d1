"""Publish, clone and sync against a real PostgreSQL server (tests/hub/conftest.py)."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from hub_helpers import annotate, hub_annotations, local_annotations, make_team

from annotator.cli import main
from annotator.core.errors import HubError, HubUnavailable
from annotator.core.store import Project
from annotator.core.sync.files import merge_projects
from annotator.core.sync.hub import sync

REPO = Path(__file__).resolve().parents[2]


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def comparable_export(path: Path) -> list[dict]:
    """Exported records without what legitimately differs between two runs (time stamps)."""
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        rec.pop("_timestamp", None)
        rec["spans"] = [{k: s[k] for k in ("start", "end", "label", "text")} for s in rec["spans"]]
        records.append(rec)
    return sorted(records, key=lambda r: r["meta"]["external_id"])


def test_round_trip_equals_file_merge(pg_server, hub_db, tmp_path):
    names = ["alice", "bob", "carol"]
    team = make_team(pg_server, hub_db, tmp_path, names, n_articles=9, overlap=2)
    before_publish = tmp_path / "by_files.db"
    # The same reviewer project, as it was, for the file-merge route (publish only linked it).
    shutil.copy(team.reviewer, before_publish)
    with Project.open(before_publish) as p, p.transaction():
        for key in ("hub_url", "hub_id", "hub_annotator", "hub_scope", "hub_rev"):
            p.conn.execute("DELETE FROM settings WHERE key = ?", (key,))
    for i, name in enumerate(names):
        with Project.open(team.desktops[name]) as p:
            assert p.article_count() == 6  # 9 articles x overlap 2 / 3 annotators
        annotate(team.desktops[name], name, variant=i == 1)
        with Project.open(team.desktops[name]) as p:
            summary = sync(p, team.urls[name])
        assert summary.sent_annotations == 6 and not summary.conflicts

    with Project.open(team.reviewer) as p:
        pulled = sync(p, team.urls["rev"])
    assert pulled.annotations_added == 18
    with Project.open(before_publish) as p:
        merge_projects(p, [team.desktops[n] for n in names])

    outputs = {}
    for route, path in (("hub", team.reviewer), ("files", before_publish)):
        outputs[route] = (
            json.loads(cli("agreement", str(path), "--json")),
            cli("adjudicate", str(path), "--reviewer", "rev"),
            cli("export", str(path), str(tmp_path / f"{route}.jsonl"), "--gold").split(" → ")[0],
            comparable_export(tmp_path / f"{route}.jsonl"),
        )
    assert outputs["hub"] == outputs["files"]
    assert len(outputs["hub"][3]) > 0  # gold was written and exported

    # The gold goes up to the hub with the reviewer's next sync; a second sync changes nothing.
    with Project.open(team.reviewer) as p:
        assert sync(p, team.urls["rev"]).sent_gold == len(outputs["hub"][3])
        again = sync(p, team.urls["rev"])
    assert not again.changed and again.pending == 0
    # ... and comes down to another reviewer's desktop.
    from hub_helpers import member

    from annotator.core.sync.hub import clone

    second = tmp_path / "rev2.db"
    clone(member(pg_server, team.db, team.owner_url, "rev2", "reviewer"), second, "rev2")
    cli("export", str(second), str(tmp_path / "rev2.jsonl"), "--gold")
    assert comparable_export(tmp_path / "rev2.jsonl") == outputs["hub"][3]  # same ids: same article order


def test_sync_twice_changes_nothing_and_conflicts_are_listed(pg_server, hub_db, tmp_path):
    team = make_team(pg_server, hub_db, tmp_path, ["alice"], n_articles=3, overlap=1)
    laptop = tmp_path / "alice-laptop.db"
    cli("clone", team.urls["alice"], str(laptop), "--annotator", "alice")
    desk = team.desktops["alice"]
    with Project.open(desk) as p:
        aid = p.article_ids()[0]
        p.add_span(aid, "alice", 0, 3, "ACTOR")
    with Project.open(laptop) as p:
        aid_laptop = p.article_ids()[0]
        p.add_span(aid_laptop, "alice", 4, 10, "SOURCE")  # later edit of the same annotation
    with Project.open(desk) as p:
        first = sync(p, team.urls["alice"])
        assert first.sent_annotations == 1
        assert not sync(p, team.urls["alice"]).changed
    with Project.open(laptop) as p:
        second = sync(p, team.urls["alice"])
    assert second.sent_annotations == 1
    assert [c.winner for c in second.conflicts] == ["this"]  # the laptop's newer edit won, listed
    with Project.open(desk) as p:
        back = sync(p, team.urls["alice"])
        assert back.annotations_updated == 1 and [c.winner for c in back.conflicts] == ["other"]
        assert [(s.start, s.label) for s in p.spans(aid, "alice")] == [(4, "SOURCE")]
        assert not sync(p, team.urls["alice"]).changed
    out = cli("sync", str(desk), team.urls["alice"])
    assert "sent 0 annotations" in out and "0 conflicts" in out


def test_ten_desktops_sync_at_once_from_processes(pg_server, hub_db, tmp_path):
    names = [f"ann{i}" for i in range(10)]
    team = make_team(pg_server, hub_db, tmp_path, names, n_articles=40, overlap=2)
    expected = {}
    for i, name in enumerate(names):
        annotate(team.desktops[name], name, variant=i % 2)
        expected.update(local_annotations(team.desktops[name], name))
    assert len(expected) == 80
    children = [fork_sync(team.desktops[n], team.urls[n]) for n in names]
    assert [wait_status(pid) for pid in children] == [0] * 10
    assert hub_annotations(team.owner_url) == expected
    with Project.open(team.reviewer) as p:
        sync(p, team.urls["rev"])
        assert sum(len(p.annotations_of(aid)) for aid in p.article_ids()) == 80
    assert local_annotations(team.reviewer, "ann3") == {k: v for k, v in expected.items() if k[1] == "ann3"}
    for name in names:  # everyone converges: a further sync has nothing to do
        with Project.open(team.desktops[name]) as p:
            assert not sync(p, team.urls[name]).changed


def fork_sync(path: Path, url: str) -> int:
    """Sync in a forked child process (everything is imported already, so it starts at once)."""
    pid = os.fork()
    if pid == 0:  # the child: exit status 0 = synced
        status = 1
        try:
            with Project.open(path) as p:
                sync(p, url)
            status = 0
        finally:
            os._exit(status)
    return pid


def wait_status(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def test_sync_killed_at_random_points_loses_and_duplicates_nothing(pg_server, hub_db, tmp_path):
    team = make_team(pg_server, hub_db, tmp_path, ["alice"], n_articles=60, overlap=1)
    desk = team.desktops["alice"]
    rng = random.Random(20261129)
    finished = 0
    outcomes: list[str] = []
    with Project.open(desk) as p:
        ids = p.article_ids()
    annotate(desk, "alice")
    started = time.perf_counter()
    assert wait_status(fork_sync(desk, team.urls["alice"])) == 0
    duration = time.perf_counter() - started  # kills land anywhere from start to finish
    for trial in range(20):
        with Project.open(desk) as p:  # new work and edits of old work since the last sync
            for aid in rng.sample(ids, 8):
                text = p.article_text(aid)
                start = rng.randrange(0, len(text) - 8)
                for s in p.spans(aid, "alice"):
                    if s.start < start + 4 and start < s.end:
                        p.delete_span(s.id)
                if not text[start:start + 4].strip():
                    continue
                p.add_span(aid, "alice", start, start + 4, rng.choice(["ACTOR", "LOCATION", "COUNT"]))
        pid = fork_sync(desk, team.urls["alice"])
        time.sleep(rng.uniform(0.0, duration))
        os.kill(pid, signal.SIGKILL)
        finished += wait_status(pid) == 0
        with Project.open(desk) as p:
            pending = p.hub.pending_count()
        on_hub = hub_annotations(team.owner_url) == local_annotations(desk, "alice")
        outcomes.append("done" if not pending else "between commits" if on_hub else "before commit")
        with Project.open(desk) as p:
            sync(p, team.urls["alice"])
            assert p.hub.pending_count() == 0
        local = local_annotations(desk, "alice")
        assert hub_annotations(team.owner_url) == local, f"trial {trial}"
        for spans in local.values():
            assert len(spans) == len(set(spans))
    print("kill outcomes:", {k: outcomes.count(k) for k in set(outcomes)})
    assert finished < 20  # most kills landed inside the sync


def test_server_stopped_mid_sync_then_next_sync_completes(pg_server, hub_db, tmp_path):
    team = make_team(pg_server, hub_db, tmp_path, ["alice"], n_articles=5, overlap=1)
    desk = team.desktops["alice"]
    annotate(desk, "alice")
    local_before = local_annotations(desk, "alice")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    # Hold the hub's writer lock so the sync is certainly inside its server transaction
    # when the server goes down.
    blocker = psycopg.connect(team.owner_url)
    blocker.execute("SELECT pg_advisory_xact_lock(%s)", (0x616E6E6F,))
    proc = subprocess.Popen([sys.executable, "-m", "annotator.cli", "sync", str(desk), team.urls["alice"]],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        with psycopg.connect(pg_server.admin_url(), autocommit=True) as watch:
            while not watch.execute("SELECT 1 FROM pg_stat_activity WHERE usename = 'alice' "
                                    "AND wait_event_type = 'Lock'").fetchall():
                assert time.monotonic() < deadline and proc.poll() is None
                time.sleep(0.05)
            # The test server runs with synchronous_commit=off (speed), so a crash may lose the
            # last commits — here the team's set-up, which then looked missing from the hub
            # (a flaky "sent 0" in CI). A real hub commits durably: write them out first.
            watch.execute("CHECKPOINT")
        pg_server.stop("immediate")
        _, err = proc.communicate(timeout=60)
    finally:
        pg_server.start()
    assert proc.returncode == 1
    assert "error: lost the connection to the hub alice@127.0.0.1" in err and "Traceback" not in err
    assert local_annotations(desk, "alice") == local_before
    with Project.open(desk) as p:
        assert p.hub.pending_count() == 5
        summary = sync(p, team.urls["alice"])
    assert summary.sent_annotations == 5 and summary.pending == 0
    assert hub_annotations(team.owner_url) == local_before


def test_unreachable_hub_is_a_clear_error_and_nothing_changes(pg_server, hub_db, tmp_path):
    team = make_team(pg_server, hub_db, tmp_path, ["alice"], n_articles=2, overlap=1)
    annotate(team.desktops["alice"], "alice")
    dead = f"postgresql://alice@127.0.0.1:{pg_server.port + 1 if pg_server.port < 65000 else 1}/{team.db}"
    with Project.open(team.desktops["alice"]) as p:
        with pytest.raises(HubUnavailable, match="cannot reach the hub"):
            sync(p, dead)
        assert p.hub.pending_count() == 2
    result = CliRunner().invoke(main, ["sync", str(team.desktops["alice"]), dead])
    assert result.exit_code == 1 and result.output.startswith("error: cannot reach the hub")


def test_a_desktop_cannot_sync_as_someone_else(pg_server, hub_db, tmp_path):
    team = make_team(pg_server, hub_db, tmp_path, ["alice", "bob"], n_articles=4, overlap=2)
    with Project.open(team.desktops["bob"]) as p:
        with pytest.raises(HubError, match="connected as 'alice', but this project belongs to 'bob'"):
            sync(p, team.urls["alice"])


def test_hub_status_and_project_keeps_no_password(pg_server, hub_db, tmp_path):
    team = make_team(pg_server, hub_db, tmp_path, ["alice"], n_articles=3, overlap=1)
    annotate(team.desktops["alice"], "alice")
    cli("sync", str(team.desktops["alice"]))  # the stored URL, password from .pgpass
    out = cli("hub", "status", team.owner_url, "--json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert rows["alice"]["assigned"] == 3 and rows["alice"]["done"] == 3 and rows["alice"]["last_sync"]
    password = [line.split(":")[-1] for line in pg_server.pgpass.read_text().splitlines() if ":alice:" in line]
    raw = team.desktops["alice"].read_bytes()
    assert password and password[-1].encode() not in raw


def test_new_assignments_and_label_changes_reach_the_annotator(pg_server, hub_db, tmp_path):
    from annotator.core.domain import Label
    from annotator.core.sync.hub import publish

    team = make_team(pg_server, hub_db, tmp_path, ["alice", "bob"], n_articles=6, overlap=1)
    with Project.open(team.desktops["alice"]) as p:
        assert p.article_count() == 3
    with Project.open(team.reviewer) as p:
        bobs = [aid for aid in p.article_ids() if p.conn.execute(
            "SELECT 1 FROM assignments WHERE article_id = ? AND annotator = 'bob'", (aid,)).fetchone()]
        p.hub.add_assignments([(bobs[0], "alice")])  # the reviewer gives Alice one of Bob's articles
        assert sync(p, team.urls["rev"]).sent_assignments == 1
        p.add_label(Label("WEAPON", "سلاح", "Weapon", "#123456", "7", ""))
        again = publish(p, team.owner_url, "rev")  # label changes and new articles go up with publish
        assert again.articles_added == 0 and again.sync is not None and not again.sync.changed
    with Project.open(team.desktops["alice"]) as p:
        received = sync(p, team.urls["alice"])
        assert received.received_articles == 1 and received.received_assignments == 1
        assert p.article_count() == 4 and "WEAPON" in p.label_names()
        assert p.label("WEAPON").key == "7"


def test_open_hub_without_assignments_gives_everyone_every_article(pg_server, hub_db, tmp_path):
    from hub_helpers import member, reviewer_project

    from annotator.core.sync.hub import clone, publish

    db, owner_url = hub_db
    path = reviewer_project(tmp_path, 5, [], 0)
    url = member(pg_server, db, owner_url, "alice", "annotator")
    with Project.open(path) as p:
        publish(p, owner_url, "rev")
    summary = clone(url, tmp_path / "alice.db", "alice")
    assert summary.received_articles == 5


def test_failed_clone_leaves_no_file(pg_server, hub_db, tmp_path):
    from annotator.core.sync.hub import clone

    team = make_team(pg_server, hub_db, tmp_path, ["alice"], n_articles=2, overlap=1)
    with pytest.raises(HubError, match="'mallory' is not a member of the hub"):
        clone(team.owner_url, tmp_path / "mallory.db", "mallory")
    with pytest.raises(HubError, match="connected as 'alice', but this project belongs to 'rev'"):
        clone(team.urls["alice"], tmp_path / "stolen.db", "rev")
    assert not (tmp_path / "mallory.db").exists() and not (tmp_path / "stolen.db").exists()


def test_time_spent_goes_up_without_counting_as_an_edit(pg_server, hub_db, tmp_path):
    team = make_team(pg_server, hub_db, tmp_path, ["alice"], n_articles=2, overlap=1)
    desk = team.desktops["alice"]
    annotate(desk, "alice")
    with Project.open(desk) as p:
        sync(p, team.urls["alice"])
        aid = p.article_ids()[0]
        content_hash = p.article(aid).content_hash
        p.add_seconds(aid, "alice", 42.5)  # the window flushes time without touching updated_at
        summary = sync(p, team.urls["alice"])
        assert (summary.sent_annotations, summary.kept_on_hub, summary.conflicts) == (1, 0, [])
        assert not sync(p, team.urls["alice"]).changed
    with Project.open(team.reviewer) as p:
        sync(p, team.urls["rev"])
        assert p.annotation(p.article_id_by_hash(content_hash), "alice").seconds >= 42.5


def test_linked_files_are_not_foreign_but_a_foreign_trigger_still_is(pg_server, hub_db, tmp_path):
    """Every linked project holds the outbox triggers (migration m_hub_outbox): it opens, passes
    `annotator check`, and a teammate's linked file merges like any other; one trigger more
    and the file is refused, with the hub's triggers not named."""
    import sqlite3

    from annotator.core.errors import MergeError, ProjectError

    team = make_team(pg_server, hub_db, tmp_path, ["alice", "bob"], n_articles=4, overlap=1)
    desk = team.desktops["alice"]
    annotate(desk, "alice")
    with Project.open(desk) as p:
        assert p.hub.pending_count() == 2  # the triggers ran: two annotated articles wait
        sync(p, team.urls["alice"])
        assert p.hub.pending_count() == 0
    assert cli("check", str(desk)) == f"{desk}: no problems found\n"
    with Project.open(team.desktops["bob"]) as p:  # bob's desktop merges alice's file by hand
        summary = merge_projects(p, [desk])
        assert summary.articles_added == 2 and summary.annotations_added == 2 and not summary.conflicts
        # Merged rows are local changes like any other (a sync sends only what bob may write).
        assert sorted(kind for kind, *_ in p.hub.entries()) == ["annotation"] * 2 + ["assignment"] * 2
    assert cli("check", str(team.desktops["bob"])).endswith("no problems found\n")
    # The reviewer's linked project merges both linked files (alice's work once, bob's copy of it unchanged).
    out = cli("merge", str(team.reviewer), str(desk), str(team.desktops["bob"]))
    assert "merged 2 files" in out and "annotations 2 added" in out and "2 unchanged" in out

    tampered = tmp_path / "tampered.db"
    shutil.copy(desk, tampered)
    conn = sqlite3.connect(str(tampered))
    conn.execute("CREATE TRIGGER keep_in_touch AFTER INSERT ON spans BEGIN DELETE FROM gold; END")
    conn.commit()
    conn.close()
    with Project.open(team.desktops["bob"]) as p, pytest.raises(MergeError) as merge_err:
        merge_projects(p, [tampered])
    with pytest.raises(ProjectError) as open_err:
        Project.open(tampered)
    for err in (merge_err, open_err):
        assert "trigger 'keep_in_touch'" in str(err.value) and "hub_outbox" not in str(err.value)
