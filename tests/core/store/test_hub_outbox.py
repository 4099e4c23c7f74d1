"""The project's side of a hub sync (``project.hub``): what the outbox triggers record, and
the writes a sync applies. The round trips with a real server are in tests/hub/."""
from __future__ import annotations

from collections.abc import Callable

from annotator.core.domain import Label
from annotator.core.store import Project


def link(project: Project) -> None:
    """What publish/clone store: the outbox triggers watch a project with a ``hub_url``."""
    project.set_setting("hub_url", "host=hub.example dbname=team")


def test_an_unlinked_project_records_nothing(project: Project, add_article: Callable[..., int]) -> None:
    aid = add_article("قتل 4 أشخاص في حمص")
    project.add_span(aid, "amal", 0, 3, "ACTOR")
    project.set_status(aid, "amal", "done")
    assert project.hub.entries() == [] and project.hub.pending_count() == 0


def test_a_linked_project_records_each_change_once_per_row_and_counts_them(
        project: Project, add_article: Callable[..., int]) -> None:
    aid = add_article("قتل 4 أشخاص في حمص")
    link(project)
    span = project.add_span(aid, "amal", 0, 3, "ACTOR")
    ann_id = project.annotation(aid, "amal").id  # type: ignore[union-attr]
    entries = project.hub.entries()
    assert [(kind, ref, who) for kind, ref, who, _ in entries] == [("annotation", ann_id, "")]
    project.update_span(span.id, label="LOCATION")
    project.reject_suggestion(aid, "amal", 4, 5, "COUNT")
    ((_, _, _, n_after),) = project.hub.entries()
    assert n_after > entries[0][3]
    project.hub.add_assignments([(aid, "bilal")])
    assert ("assignment", aid, "bilal") in {(k, r, w) for k, r, w, _ in project.hub.entries()}
    assert project.hub.pending_count() == 2


def test_clear_sent_keeps_an_entry_that_changed_after_it_was_read(
        project: Project, add_article: Callable[..., int]) -> None:
    """A sync forgets only what it sent: an edit made while it talked to the hub stays pending."""
    first, second = add_article("قتل 4 أشخاص في حمص"), add_article("قصف على دير الزور")
    link(project)
    project.add_span(first, "amal", 0, 3, "ACTOR")
    project.add_span(second, "amal", 0, 3, "ACTOR")
    sent = project.hub.entries()
    project.add_span(second, "amal", 4, 6, "ACTOR")  # during the sync
    project.hub.clear_sent(sent)
    assert [ref for _, ref, _, _ in project.hub.entries()] == [project.annotation(second, "amal").id]  # type: ignore[union-attr]


def test_writes_applied_from_the_hub_are_not_sent_back(project: Project, add_article: Callable[..., int]) -> None:
    aid = add_article("قتل 4 أشخاص في حمص")
    link(project)
    spans = [(0, 3, "ACTOR", "{}", "manual", "2026-01-01T00:00:00+00:00")]
    assert "EVENT" not in project.label_names()  # the label schema is cached from here on
    with project.hub.applying():
        ann_id = project.hub.put_annotation(aid, "bilal", "done", None, 12.0, "2026-01-01T00:00:00+00:00",
                                            spans, [(4, 5, "COUNT", None)], None)
        project.hub.put_gold(aid, "rev", "union", "accepted", None, "2026-01-01T00:00:00+00:00", spans, None)
        project.hub.add_assignments([(aid, "bilal")])
        project.hub.put_members([("bilal", "reviewer"), ("carla", "annotator")])
        project.hub.put_labels([(Label("EVENT", "حدث", "Event", "#123456", "e", ""), 4)])
    assert project.hub.entries() == []
    assert project.setting("hub_applying") is None  # the triggers watch again afterwards
    assert [(s.start, s.end, s.label) for s in project.spans(aid, "bilal")] == [(0, 3, "ACTOR")]
    assert project.rejected_suggestions(aid, "bilal") == {(4, 5, "COUNT")}
    assert project.hub.raw_spans([project.gold.id_for(aid)], gold=True)[project.gold.id_for(aid)] == spans
    assert dict(project.annotators()) == {"lead": "reviewer", "bilal": "reviewer", "carla": "annotator"}
    assert "EVENT" in project.label_names()  # the cached schema was refreshed
    # A later hub version replaces the spans and keeps the rejections united.
    with project.hub.applying():
        project.hub.put_annotation(aid, "bilal", "done", "ok", 20.0, "2026-02-01T00:00:00+00:00",
                                   [(4, 5, "COUNT", "{}", "manual", None)], [(0, 1, "ACTOR", None)], ann_id)
    assert [(s.start, s.end, s.label) for s in project.spans(aid, "bilal")] == [(4, 5, "COUNT")]
    assert project.rejected_suggestions(aid, "bilal") == {(4, 5, "COUNT"), (0, 1, "ACTOR")}
    assert project.hub.entries() == []


def test_roles_only_go_up(project: Project) -> None:
    project.hub.put_members([("bilal", "reviewer")])
    project.hub.put_members([("bilal", "annotator"), ("lead", "annotator")])
    assert dict(project.annotators()) == {"lead": "reviewer", "bilal": "reviewer"}
