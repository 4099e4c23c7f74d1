"""AnnotationSession without Qt: every action is one transaction and one undo step."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.domain import Span, Suggestion
from annotator.core.errors import SpanError
from annotator.core.session import AnnotationSession
from annotator.core.store import Project

ANNOTATOR = "hala"


def find(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


@pytest.fixture
def session(project: Project, add_article, sample_text: str) -> AnnotationSession:
    s = AnnotationSession(project, ANNOTATOR)
    s.open(add_article(sample_text))
    return s


def stored(project_path: Path, article_id: int) -> list[tuple[int, int, str]]:
    """What another connection sees: only committed writes."""
    with Project.open(project_path) as other:
        return [(s.start, s.end, s.label) for s in other.spans(article_id, ANNOTATOR)]


def test_create_span_snaps_and_reads_count_attributes(session: AnnotationSession, project_path: Path) -> None:
    text = session.text
    a, b = find(text, "مقتل 4 جنود")
    # A sloppy selection from the middle of a word: snapped to whole words.
    span = session.create_span(a + 2, b - 1, "ACTOR")
    assert (span.start, span.end) == (a, b)
    session.delete_span(span.id)
    count = session.create_span(*find(text, "4 جنود"), "COUNT")
    assert count.attributes["value"] == 4
    assert stored(project_path, session.article_id) == [(*find(text, "4 جنود"), "COUNT")]


def test_exact_selection_is_not_snapped(session: AnnotationSession) -> None:
    a, b = find(session.text, "للتنظيم")
    span = session.create_span(a + 1, b, "ACTOR", exact=True)
    assert (span.start, span.end) == (a + 1, b)


def test_undo_redo_every_span_action(session: AnnotationSession, project_path: Path) -> None:
    text, aid = session.text, session.article_id
    a = find(text, "مصادر ميدانية")
    b = find(text, "الطيران الروسي")
    first = session.create_span(*a, "SOURCE")
    session.create_span(*b, "ACTOR")
    session.relabel(first.id, "ACTOR")
    session.delete_span(first.id)
    assert stored(project_path, aid) == [(*b, "ACTOR")]
    assert session.history.count() == 4
    session.undo()  # delete
    assert stored(project_path, aid) == [(*a, "ACTOR"), (*b, "ACTOR")]
    assert session.spans[0].id == first.id  # restored under its own id
    session.undo()  # relabel
    assert stored(project_path, aid) == [(*a, "SOURCE"), (*b, "ACTOR")]
    session.undo()
    session.undo()
    assert stored(project_path, aid) == []
    assert session.undo() is None
    session.redo()
    session.redo()
    session.redo()
    session.redo()
    assert stored(project_path, aid) == [(*b, "ACTOR")]
    assert [(s.start, s.end, s.label) for s in session.spans] == [(*b, "ACTOR")]


def test_refused_span_writes_nothing_and_records_no_step(session: AnnotationSession, project_path: Path) -> None:
    a, b = find(session.text, "مصادر ميدانية")
    session.create_span(a, b, "SOURCE")
    with pytest.raises(SpanError, match="overlap"):
        session.create_span(a + 6, b, "ACTOR", exact=True)
    assert stored(project_path, session.article_id) == [(a, b, "SOURCE")]
    assert session.history.count() == 1


def test_reject_suggestion_is_one_undo_step(session: AnnotationSession, project: Project) -> None:
    a, b = find(session.text, "قوات النظام")
    c, d = find(session.text, "ريف حمص")
    first = Suggestion(a, b, "ACTOR", "rule")
    second = Suggestion(c, d, "LOCATION", "rule")
    session.set_suggestions([first, second])
    session.accept_suggestions([second])
    session.reject_suggestion(first)
    assert session.visible_suggestions == []
    assert project.rejected_suggestions(session.article_id, ANNOTATOR) == {first.key()}
    # Undo takes back the rejection, not the earlier accept.
    session.undo()
    assert project.rejected_suggestions(session.article_id, ANNOTATOR) == set()
    assert session.visible_suggestions == [first]
    assert [s.key() for s in session.spans] == [second.key()]
    session.redo()
    assert session.visible_suggestions == []


def test_accept_all_is_one_step_and_takes_one_of_overlapping(session: AnnotationSession,
                                                             project_path: Path) -> None:
    a, b = find(session.text, "قوات النظام")
    c, d = find(session.text, "ريف حمص الشرقي")
    suggestions = [Suggestion(a, b, "ACTOR", "rule"), Suggestion(a, a + 4, "ACTOR", "rule"),
                   Suggestion(c, d, "LOCATION", "rule")]
    session.set_suggestions(suggestions)
    saved = session.accept_all()
    assert [s.key() for s in saved] == [(a, b, "ACTOR"), (c, d, "LOCATION")]
    assert session.visible_suggestions == []
    assert session.history.count() == 1
    session.undo()
    assert stored(project_path, session.article_id) == []


def test_failure_in_the_middle_of_accept_all_writes_nothing(session: AnnotationSession, project: Project,
                                                           project_path: Path) -> None:
    c, d = find(session.text, "ريف حمص الشرقي")
    # The second span overlaps the first: the store refuses it after the first was written.
    with pytest.raises(SpanError):
        session.accept_suggestions([Suggestion(c, d, "LOCATION", "rule"), Suggestion(c, c + 3, "ACTOR", "rule")])
    assert stored(project_path, session.article_id) == []
    assert session.history.count() == 0
    assert session.spans == []


def test_label_all_mentions_is_one_step(project: Project, add_article, project_path: Path) -> None:
    text = "قصف على حلب.\n\nقالت مصادر إن حلب تعرضت لقصف، وإن ريف حلب هادئ وسكان حلب نزحوا."
    session = AnnotationSession(project, ANNOTATOR)
    session.open(add_article(text))
    first = session.create_span(*find(text, "حلب"), "LOCATION")
    added = session.label_all_mentions(first.id)
    assert len(added) == 3
    assert session.history.count() == 2
    session.undo()
    assert stored(project_path, session.article_id) == [(*find(text, "حلب"), "LOCATION")]


def test_label_mentions_leaves_names_inside_longer_spans_and_suggestions(project: Project, add_article) -> None:
    text = "قصف ريف إدلب الجنوبي ومدينة إدلب، وقالت مصادر في إدلب إن إدلب هادئة."
    session = AnnotationSession(project, ANNOTATOR)
    session.open(add_article(text))
    session.create_span(*find(text, "ريف إدلب الجنوبي"), "LOCATION")
    city = find(text, "مدينة إدلب")
    exact = find(text, "إدلب", 3)
    session.set_suggestions([Suggestion(*city, "LOCATION", "rule"), Suggestion(*exact, "LOCATION", "rule")])
    source = session.create_span(*find(text, "إدلب", 2), "LOCATION")
    result = session.label_mentions(source.id)
    # The one inside the suggestion and the one inside the span are left; the exact
    # suggestion is labelled (the span takes its place).
    assert [(s.start, s.end) for s in result.saved] == [exact]
    assert (result.inside_longer, result.already_labelled) == (2, 0)
    assert [(s.start, s.end) for s in session.visible_suggestions] == [city]


def test_reject_all_is_one_undo_step(project: Project, add_article, project_path: Path) -> None:
    text = "قصف على حلب.\n\nقالت مصادر إن حلب تعرضت لقصف من قوات النظام."
    session = AnnotationSession(project, ANNOTATOR)
    article = add_article(text)
    session.open(article)
    offered = [Suggestion(*find(text, "حلب"), "LOCATION", "rule"), Suggestion(*find(text, "قوات النظام"), "ACTOR", "rule")]
    session.set_suggestions(offered)
    assert session.reject_all() == offered
    assert project.rejected_suggestions(article, ANNOTATOR) == {s.key() for s in offered}
    assert session.visible_suggestions == [] and session.history.count() == 1
    session.undo()
    assert project.rejected_suggestions(article, ANNOTATOR) == set()
    assert session.visible_suggestions == offered


def test_toggle_clitic_and_edit_attributes(session: AnnotationSession) -> None:
    a, b = find(session.text, "للتنظيم")
    span = session.create_span(a, b, "ACTOR")
    toggled = session.toggle_clitic(span.id)
    assert toggled is not None and (toggled.start, toggled.end) != (span.start, span.end)
    session.undo()
    assert (session.spans[0].start, session.spans[0].end) == (span.start, span.end)
    count = session.create_span(*find(session.text, "4 جنود"), "COUNT")
    edited = session.edit_attributes(count.id, {**count.attributes, "category": "wounded"})
    assert edited.attributes["category"] == "wounded"
    depth = session.history.count()
    session.edit_attributes(count.id, dict(edited.attributes))  # the same again: no write, no step
    assert session.history.count() == depth


def test_undo_refused_when_the_span_changed_elsewhere(session: AnnotationSession, project_path: Path) -> None:
    span = session.create_span(*find(session.text, "مصادر ميدانية"), "SOURCE")
    with Project.open(project_path) as other:
        other.delete_span(span.id)
    with pytest.raises(SpanError, match="changed elsewhere"):
        session.undo()
    assert session.history.count() == 0  # the step is dropped, not retried


def test_status_actions(session: AnnotationSession, project: Project) -> None:
    session.mark_done()
    assert project.annotation(session.article_id, ANNOTATOR).status == "done"
    session.flag("  النص مكرر  ")
    ann = project.annotation(session.article_id, ANNOTATOR)
    assert (ann.status, ann.comment) == ("flagged", "النص مكرر")
    session.skip()
    assert project.annotation(session.article_id, ANNOTATOR).status == "skipped"
    session.remember_article()
    assert session.last_article() == session.article_id


def test_add_spans_rolls_back_as_a_whole_on_a_database_error(session: AnnotationSession, project: Project,
                                                            project_path: Path) -> None:
    """A write refused by the database itself (here a trigger) in the middle of a
    multi-span action leaves nothing behind either."""
    a, b = find(session.text, "قوات النظام")
    c, d = find(session.text, "ريف حمص الشرقي")
    with sqlite3.connect(project_path) as conn:
        conn.execute("CREATE TRIGGER no_location BEFORE INSERT ON spans WHEN NEW.label = 'LOCATION' "
                     "BEGIN SELECT RAISE(ABORT, 'no locations today'); END")
    with pytest.raises(SpanError):
        session.add_spans([Span(a, b, "ACTOR"), Span(c, d, "LOCATION")], "accept all suggestions")
    with sqlite3.connect(project_path) as conn:  # a file with a foreign trigger is not reopened
        conn.execute("DROP TRIGGER no_location")
    assert stored(project_path, session.article_id) == []
    assert session.history.count() == 0


def test_time_on_an_article_is_saved_in_whole_flushes(project: Project, add_article, sample_text: str) -> None:
    now = [100.0]
    session = AnnotationSession(project, ANNOTATOR, clock=lambda: now[0])
    first = add_article(sample_text)
    session.open(first)
    now[0] += 0.5
    assert session.flush_time() == 0.0  # under a second waits for the next flush
    now[0] += 41.5
    assert session.flush_time() == 42.0
    assert project.annotation(first, ANNOTATOR).seconds == 42.0
    now[0] += 3
    assert session.seconds_on_article() == 45.0
    session.forget_pending_time()
    assert session.pending_seconds() == 0.0
    session.open(add_article("نص آخر.\n\nقصفت قوات النظام بلدات في ريف إدلب."))
    assert session.pending_seconds() == 0.0  # the clock starts again on every article


def test_spans_stay_in_text_order_as_the_store_reads_them(session: AnnotationSession, project: Project) -> None:
    """Created out of order, deleted from the middle: the session's list (which the window
    shows without sorting again) is the store's, in text order, and a new list each time."""
    text = session.text
    for needle in ("الطيران الروسي", "مصادر ميدانية", "4 جنود", "للتنظيم"):
        before = session.spans
        session.create_span(*find(text, needle), "ACTOR")
        assert session.spans is not before
        assert session.spans == project.spans(session.article_id, ANNOTATOR)
    session.delete_span(session.spans[1].id)
    assert session.spans == project.spans(session.article_id, ANNOTATOR)
    assert [s.start for s in session.spans] == sorted(s.start for s in session.spans)
