"""The hub's security lives in PostgreSQL: run SQL as an annotator's own role and expect refusals."""
from __future__ import annotations

import json

import psycopg
import pytest
from hub_helpers import annotate, make_team

from annotator.core.store import Project
from annotator.core.store.hub_server import HubStore, login_role_for
from annotator.core.sync.hub import init_hub, sync


@pytest.fixture
def team_with_work(pg_server, hub_db, tmp_path):
    team = make_team(pg_server, hub_db, tmp_path, ["alice", "bob"], n_articles=6, overlap=1)
    for name in ("alice", "bob"):
        annotate(team.desktops[name], name)
        with Project.open(team.desktops[name]) as p:
            sync(p, team.urls[name])
    return team


def bob_annotation(owner_url: str) -> tuple:
    with psycopg.connect(owner_url) as conn:
        return conn.execute("SELECT article_id, status, spans FROM annotator_hub.annotations "
                            "WHERE annotator = 'bob' ORDER BY article_id LIMIT 1").fetchone()


def test_annotator_cannot_change_anothers_annotations(team_with_work):
    team = team_with_work
    before = bob_annotation(team.owner_url)
    with psycopg.connect(team.urls["alice"]) as alice:
        # Bob's rows are invisible to Alice: the update finds nothing to change.
        cur = alice.execute("UPDATE annotator_hub.annotations SET status = 'flagged', spans = '[]' "
                            "WHERE annotator = 'bob'")
        assert cur.rowcount == 0
        assert alice.execute("SELECT count(*) FROM annotator_hub.annotations WHERE annotator = 'bob'"
                             ).fetchone()[0] == 0
        alice.rollback()
        # Handing her own annotation to Bob, or writing one in his name, is refused.
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            alice.execute("UPDATE annotator_hub.annotations SET annotator = 'bob' WHERE annotator = 'alice'")
        alice.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            alice.execute("INSERT INTO annotator_hub.annotations(article_id, annotator, status) "
                          "VALUES (%s, 'bob', 'done')", (before[0],))
        alice.rollback()
    assert bob_annotation(team.owner_url) == before


def test_annotator_cannot_write_gold_or_assignments_or_articles(team_with_work):
    team = team_with_work
    with psycopg.connect(team.urls["alice"]) as alice:
        aid = alice.execute("SELECT article_id FROM annotator_hub.assignments LIMIT 1").fetchone()[0]
        for statement in (
            f"INSERT INTO annotator_hub.gold(article_id, adjudicator, spans) VALUES ({aid}, 'alice', '[]')",
            "UPDATE annotator_hub.gold SET spans = '[]'",
            "SELECT * FROM annotator_hub.gold",
            f"INSERT INTO annotator_hub.assignments(article_id, annotator) VALUES ({aid}, 'bob')",
            "INSERT INTO annotator_hub.articles(content_hash, text) VALUES ('x', 'نص')",
            "UPDATE annotator_hub.members SET role = 'reviewer' WHERE name = 'alice'",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                alice.execute(statement)
            alice.rollback()


def test_annotator_reads_only_assigned_articles_reviewer_reads_all(team_with_work):
    team = team_with_work
    with psycopg.connect(team.urls["alice"]) as alice:
        seen = alice.execute("SELECT count(*) FROM annotator_hub.articles").fetchone()[0]
    with psycopg.connect(team.urls["rev"]) as rev:
        everything = rev.execute("SELECT count(*) FROM annotator_hub.articles").fetchone()[0]
        # A reviewer writes gold and assignments.
        aid = rev.execute("SELECT id FROM annotator_hub.articles LIMIT 1").fetchone()[0]
        rev.execute("INSERT INTO annotator_hub.gold(article_id, adjudicator, spans) VALUES (%s, 'rev', %s)",
                    (aid, json.dumps([])))
        rev.rollback()
    assert (seen, everything) == (3, 6)


def test_init_is_idempotent_and_login_roles_are_ascii(pg_server, hub_db):
    _, url = hub_db
    assert init_hub(url) is False
    with HubStore(url) as hub:
        assert len(hub.hub_id()) == 36
    assert login_role_for("alice") == "alice"
    arabic = login_role_for("سارة")
    assert arabic.isascii() and arabic.startswith("u_") and arabic != login_role_for("ليلى")
