"""ReviewSession without Qt: strategy, draft, conflicts, decisions, accept, undo.

Every action is one transaction: a refused or failing action leaves the file as it was.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.core.errors import AnnotatorError, PermissionDenied, SpanError
from annotator.core.importing import ArticleRecord, content_hash, import_records
from annotator.core.session import ReviewSession
from annotator.core.store import Project
from annotator.core.store.schema import migrations
from annotator.core.team.gold import gold_draft

REVIEWER = "rev"
AMAL, BADR = "amal", "badr"
# Written for these tests in the style of the genre (not copied from any outlet).
TEXT = ("دير الزور: اشتباكات\n\nقالت مصادر محلية إن قوات النظام اشتبكت مع عناصر التنظيم قرب مدينة الميادين، "
        "وأفاد المرصد السوري بأن الطيران الروسي قصف ريف دير الزور.")


def find(needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


@pytest.fixture
def article(project: Project) -> int:
    """Two done annotations: agreement on two spans, a label conflict, a boundary conflict,
    and a span only one annotator marked."""
    project.ensure_annotator(REVIEWER, "reviewer")
    import_records(project, [ArticleRecord(text=TEXT, title="دير الزور")])
    aid = project.article_id_by_hash(content_hash(TEXT))
    assert aid is not None
    both = [("مصادر محلية", "SOURCE"), ("قوات النظام", "ACTOR")]
    spans = {
        AMAL: both + [("المرصد السوري", "SOURCE"), ("الميادين", "LOCATION")],
        BADR: both + [("المرصد السوري", "ACTOR"), ("مدينة الميادين", "LOCATION"), ("ريف دير الزور", "LOCATION")],
    }
    for name, items in spans.items():
        project.ensure_annotator(name)
        for needle, label in items:
            project.add_span(aid, name, *find(needle), label)
        project.set_status(aid, name, "done")
    return aid


@pytest.fixture
def session(project: Project, article: int) -> ReviewSession:
    s = ReviewSession(project, REVIEWER)
    s.open(article)
    return s


def gold(project_path: Path, aid: int) -> tuple[str | None, set[tuple[str, str]]]:
    with Project.open(project_path) as other:
        stored = gold_draft(other, aid)
    if stored is None:
        return None, set()
    return stored[0], {(TEXT[s.start:s.end], s.label) for s in stored[1]}


AGREED = {("مصادر محلية", "SOURCE"), ("قوات النظام", "ACTOR")}


def test_only_reviewers_open_a_review_session(project: Project) -> None:
    project.ensure_annotator("hala")
    with pytest.raises(PermissionDenied):
        ReviewSession(project, "hala")


def test_browsing_writes_nothing_and_strategy_recomputes_the_derived_draft(session: ReviewSession,
                                                                         project_path: Path) -> None:
    assert session.annotators == (AMAL, BADR)
    assert session.gold_status is None
    assert {(TEXT[s.start:s.end], s.label) for s in session.spans} == AGREED
    assert len(session.conflicts) >= 2 and session.conflicts_left() == len(session.conflicts)
    assert session.set_strategy("min", 1) is False
    assert ("ريف دير الزور", "LOCATION") in {(TEXT[s.start:s.end], s.label) for s in session.spans}
    assert gold(project_path, session.article_id) == (None, set())
    assert session.history.count() == 0
    with pytest.raises(AnnotatorError):
        session.set_strategy("loudest")


def test_take_version_reject_all_and_accept(session: ReviewSession, project_path: Path) -> None:
    aid = session.article_id
    observatory = next(c for c in session.conflicts if TEXT[c.start:c.end] == "المرصد السوري")
    assert session.take_version(observatory, 2) == BADR
    assert gold(project_path, aid) == ("draft", AGREED | {("المرصد السوري", "ACTOR")})
    assert session.is_settled(observatory)
    town = next(c for c in session.conflicts if "الميادين" in TEXT[c.start:c.end])
    session.reject_all(town)
    assert gold(project_path, aid)[1] == AGREED | {("المرصد السوري", "ACTOR")}
    with pytest.raises(AnnotatorError):
        session.take_version(town, 3)
    session.accept_gold()
    assert gold(project_path, aid)[0] == "accepted"
    assert session.conflicts_left() == 0
    # The settled conflicts are in the store: a new session sees them.
    with Project.open(project_path) as other:
        again = ReviewSession(other, REVIEWER)
        again.open(aid)
        assert again.conflicts_left() == 0 and again.gold_status == "accepted"


def test_undo_walks_back_whole_states(session: ReviewSession, project_path: Path) -> None:
    aid = session.article_id
    observatory = next(c for c in session.conflicts if TEXT[c.start:c.end] == "المرصد السوري")
    session.take_version(observatory, 1)
    session.set_strategy("min", 1)
    session.undo()
    assert session.strategy == "unanimous"
    assert gold(project_path, aid) == ("draft", AGREED | {("المرصد السوري", "SOURCE")})
    session.undo()
    assert gold(project_path, aid) == (None, set())
    assert session.conflicts_left() == len(session.conflicts)
    session.redo()
    assert gold(project_path, aid)[1] == AGREED | {("المرصد السوري", "SOURCE")}
    assert session.is_settled(observatory)


def test_span_edits_store_the_derived_draft_in_the_same_transaction(session: ReviewSession,
                                                                    project_path: Path) -> None:
    aid = session.article_id
    span = session.create_span(*find("الطيران الروسي"), "ACTOR")
    assert span.id is not None and span.id > 0
    assert gold(project_path, aid) == ("draft", AGREED | {("الطيران الروسي", "ACTOR")})
    relabelled = session.relabel(span.id, "SOURCE")
    assert relabelled is not None and relabelled.label == "SOURCE"
    session.delete_span(relabelled.id)
    assert gold(project_path, aid) == ("draft", AGREED)
    for _ in range(3):
        session.undo()
    assert gold(project_path, aid) == (None, set())


def test_a_refused_edit_on_a_derived_draft_leaves_no_gold(session: ReviewSession, project_path: Path) -> None:
    """Old behaviour: the draft was stored, the edit refused, and the draft deleted again
    in a third transaction. Now the refusal rolls the whole action back."""
    a, b = find("قوات النظام")
    with pytest.raises(SpanError, match="overlap"):
        session.create_span(a + 5, b, "LOCATION", exact=True)
    assert gold(project_path, session.article_id) == (None, set())
    assert session.history.count() == 0
    assert session.gold_status is None


def test_gold_and_review_state_are_written_together(session: ReviewSession, project_path: Path) -> None:
    """If saving the review state fails, the gold written just before is rolled back too."""
    with sqlite3.connect(project_path) as conn:
        conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON review_state "
                     "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    with pytest.raises(AnnotatorError):
        session.accept_gold()
    with sqlite3.connect(project_path) as conn:  # a file with a foreign trigger is not reopened
        conn.execute("DROP TRIGGER refuse")
    assert gold(project_path, session.article_id) == (None, set())
    assert session.history.count() == 0


def test_take_option_settles_its_conflict(session: ReviewSession, project_path: Path) -> None:
    option = next(o for o in session.open_options() if TEXT[o.start:o.end] == "مدينة الميادين")
    session.take_option(option.start, option.end, option.label)
    assert ("مدينة الميادين", "LOCATION") in gold(project_path, session.article_id)[1]
    assert all(TEXT[o.start:o.end] != "مدينة الميادين" for o in session.open_options())
    nxt = session.next_open_after(session.conflicts[session.conflict_at(option.start)])
    assert nxt is None or not session.is_settled(session.conflicts[nxt])


def test_review_state_is_keyed_by_content_hash(session: ReviewSession, project: Project) -> None:
    observatory = next(c for c in session.conflicts if TEXT[c.start:c.end] == "المرصد السوري")
    session.take_version(observatory, 1)
    state = project.review.get(session.article_id)
    assert state == {"strategy": "unanimous", "k": 2, "resolved": [(observatory.start, observatory.end)]}
    assert project.setting(f"review:{session.article_id}") is None


def test_migration_moves_review_settings_into_the_table(tmp_path: Path) -> None:
    """A file from before the review_state table keeps its settled conflicts."""
    path = tmp_path / "old.db"
    db = Database(str(path))
    names = [m.name for m in migrations._migrations]
    migrations.apply(db, stop_before="m_review_state")
    conn = db.conn
    conn.execute(f"PRAGMA user_version = {names.index('m_review_state')}")
    with conn:
        conn.execute("INSERT INTO labels(name, name_ar, name_en, color, key, description, position) "
                     "VALUES ('ACTOR', 'فاعل', 'Actor', '#1f77b4', '1', '', 0)")
        aid = conn.execute(
            "INSERT INTO articles(external_id, title, text, meta, content_hash, search_key, created_at) "
            "VALUES ('x', 't', ?, '{}', ?, '', '2024-01-01')", (TEXT, content_hash(TEXT))).lastrowid
        conn.execute("INSERT INTO settings(key, value) VALUES (?, ?)",
                     (f"review:{aid}", json.dumps({"strategy": "majority", "k": 2, "resolved": [[3, 9]]})))
        conn.execute("INSERT INTO settings(key, value) VALUES ('review:junk', '1')")
    db.close()
    with Project.open(path) as project:
        assert project.review.get(aid) == {"strategy": "majority", "k": 2, "resolved": [(3, 9)]}
        assert project.setting(f"review:{aid}") is None
