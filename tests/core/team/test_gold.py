"""Gold annotations: who may write them, provenance, span-by-span drafts, batch adjudication."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from team_helpers import annotate, find, ids_of

from annotator.core.domain import Span
from annotator.core.errors import (
    PermissionDenied,
    ProjectError,
    SpanError,
)
from annotator.core.store import Project
from annotator.core.team import gold as team_gold


def test_only_reviewers_write_gold(proj: Project) -> None:
    aid = ids_of(proj)[0]
    text = proj.article_text(aid)
    spans = [find(text, "قوات النظام", "ACTOR")]
    with pytest.raises(PermissionDenied, match="not a reviewer"):
        team_gold.save_gold(proj, aid, "a", spans, "manual")
    with pytest.raises(PermissionDenied):
        team_gold.add_gold_span(proj, aid, "a", 0, 4, "ACTOR")
    with pytest.raises(PermissionDenied):
        team_gold.adjudicate_batch(proj, "a")
    assert team_gold.gold_draft(proj, aid) is None
    proj.set_role("a", "reviewer")
    saved = team_gold.save_gold(proj, aid, "a", spans, "manual")
    assert [(s.start, s.end, s.label) for s in saved] == [(spans[0].start, spans[0].end, "ACTOR")]
    assert team_gold.gold_rows(proj) == [(aid, "a", team_gold.gold_rows(proj)[0][2])]


def test_gold_provenance_names_the_annotators_who_had_each_span(proj: Project) -> None:
    aid = ids_of(proj)[0]
    text = proj.article_text(aid)
    annotate(proj, aid, "a", [("قوات النظام", "ACTOR"), ("حلب", "LOCATION"), ("5", "COUNT")])
    annotate(proj, aid, "b", [("قوات النظام", "ACTOR"), ("حلب", "LOCATION")])
    gold = [
        find(text, "قوات النظام", "ACTOR", note="checked"),
        find(text, "5", "COUNT"),
        find(text, "المرصد السوري", "SOURCE"),  # nobody marked it: drawn by the reviewer
    ]
    team_gold.save_gold(proj, aid, "lead", gold, "manual")
    stored = {proj.article_text(aid)[s.start:s.end]: s for s in team_gold.gold_spans(proj, aid)}
    assert set(stored) == {"قوات النظام", "5", "المرصد السوري"}
    assert stored["قوات النظام"].attributes["annotators"] == ["a", "b"]
    assert stored["قوات النظام"].attributes["note"] == "checked"  # the reviewer's own attributes stay
    assert stored["5"].attributes["annotators"] == ["a"]
    assert stored["المرصد السوري"].attributes["annotators"] == []
    for s in stored.values():
        assert s.attributes["adjudicator"] == "lead"
        assert s.attributes["adjudicated_at"]
        assert s.origin == "gold"
    assert team_gold.gold_draft(proj, aid)[0] == "accepted"  # type: ignore[index]


def test_save_gold_validates_and_a_bad_span_keeps_the_old_gold(proj: Project) -> None:
    aid = ids_of(proj)[1]
    text = proj.article_text(aid)
    good = find(text, "تنظيم الدولة", "ACTOR")
    team_gold.save_gold(proj, aid, "lead", [good], None)
    before = team_gold.gold_spans(proj, aid)
    with pytest.raises(SpanError, match="unknown label"):
        team_gold.save_gold(proj, aid, "lead", [find(text, "دير الزور", "WEAPON")], None)
    overlapping = Span(good.start + 2, good.end + 3, "ACTOR")
    with pytest.raises(SpanError, match="overlaps"):
        team_gold.save_gold(proj, aid, "lead", [good, overlapping], None)
    assert team_gold.gold_spans(proj, aid) == before
    # Edge whitespace is trimmed exactly as for annotators.
    loc = find(text, "دير الزور", "LOCATION")
    saved = team_gold.save_gold(proj, aid, "lead", [Span(loc.start - 1, loc.end + 1, "LOCATION")], None)
    assert [text[s.start:s.end] for s in saved] == ["دير الزور"]


def test_draft_is_edited_span_by_span_and_exported_only_when_accepted(proj: Project, tmp_path: Path) -> None:
    from annotator.core.exporting import export_jsonl

    aid = ids_of(proj)[2]
    text = proj.article_text(aid)
    annotate(proj, aid, "a", [("مصادر ميدانية", "SOURCE"), ("7", "COUNT")])
    src = find(text, "مصادر ميدانية", "SOURCE")
    added = team_gold.add_gold_span(proj, aid, "lead", src.start, src.end, "SOURCE")
    assert added.id is not None and added.attributes["annotators"] == ["a"]
    status, spans = team_gold.gold_draft(proj, aid)  # type: ignore[misc]
    assert status == "draft" and [s.id for s in spans] == [added.id]
    assert team_gold.gold_rows(proj) == []  # a draft is not gold yet
    with pytest.raises(SpanError, match="overlaps"):
        team_gold.add_gold_span(proj, aid, "lead", src.start + 1, src.end, "ACTOR")

    region = find(text, "ريف حمص", "LOCATION")
    loc = team_gold.add_gold_span(proj, aid, "lead", region.start, region.end, "LOCATION")
    assert loc.attributes["annotators"] == []
    # Relabel the source span as ACTOR: nobody marked that, so provenance follows the change.
    changed = team_gold.update_gold_span(proj, added.id, "lead", label="ACTOR")
    assert changed.label == "ACTOR" and changed.attributes["annotators"] == []
    deleted = team_gold.delete_gold_span(proj, loc.id, "lead")  # type: ignore[arg-type]
    assert deleted.label == "LOCATION"
    assert [(s.label, s.id) for s in team_gold.gold_spans(proj, aid)] == [("ACTOR", added.id)]

    out = tmp_path / "gold.jsonl"
    assert export_jsonl(proj, out, gold=True).records == 0
    team_gold.set_gold_status(proj, aid, "lead", "accepted")
    summary = export_jsonl(proj, out, gold=True)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.records == 1 and records[0]["meta"]["gold"] is True
    assert [(s["text"], s["label"]) for s in records[0]["spans"]] == [("مصادر ميدانية", "ACTOR")]
    assert records[0]["spans"][0]["attributes"]["adjudicator"] == "lead"
    with pytest.raises(ProjectError, match="no gold"):
        team_gold.set_gold_status(proj, ids_of(proj)[3], "lead", "accepted")


def test_batch_adjudication_writes_only_settled_articles(proj: Project) -> None:
    a1, a2, a3, a4, _, _ = ids_of(proj)
    same = [("قوات النظام", "ACTOR"), ("حلب", "LOCATION")]
    annotate(proj, a1, "a", same)
    annotate(proj, a1, "b", same)
    annotate(proj, a2, "a", [("تنظيم الدولة", "ACTOR"), ("دير الزور", "LOCATION")])
    annotate(proj, a2, "b", [("تنظيم الدولة", "ACTOR")])
    annotate(proj, a3, "a", [("مصادر ميدانية", "SOURCE")])
    annotate(proj, a3, "b", [("مصادر ميدانية", "SOURCE")])
    annotate(proj, a4, "a", [("إدلب", "LOCATION")])
    existing = team_gold.save_gold(proj, a3, "lead", [], "manual")  # a reviewer decided: keep it

    summary = team_gold.adjudicate_batch(proj, "lead", "unanimous")
    assert (summary.written, summary.conflicts_remaining, summary.skipped_existing) == (1, 1, 1)
    assert summary.considered == 3 and summary.conflict_articles == [a2]
    assert "1 articles adjudicated" in summary.line() and summary.to_dict()["written"] == 1
    gold = team_gold.gold_spans(proj, a1)
    text = proj.article_text(a1)
    assert [(text[s.start:s.end], s.label) for s in gold] == [("قوات النظام", "ACTOR"), ("حلب", "LOCATION")]
    assert all(s.attributes["annotators"] == ["a", "b"] and s.attributes["adjudicator"] == "lead" for s in gold)
    assert team_gold.gold_spans(proj, a3) == existing
    assert team_gold.gold_draft(proj, a2) is None and team_gold.gold_draft(proj, a4) is None

    # A third annotator agreeing with a makes a2 a 2-of-3 majority.
    annotate(proj, a2, "c", [("تنظيم الدولة", "ACTOR"), ("دير الزور", "LOCATION")])
    again = team_gold.adjudicate_batch(proj, "lead", "majority")
    assert (again.written, again.conflicts_remaining, again.skipped_existing) == (1, 0, 2)
    t2 = proj.article_text(a2)
    by_text = {t2[s.start:s.end]: s.attributes["annotators"] for s in team_gold.gold_spans(proj, a2)}
    assert by_text == {"تنظيم الدولة": ["a", "b", "c"], "دير الزور": ["a", "c"]}
    with pytest.raises(Exception, match="strategy"):
        team_gold.adjudicate_batch(proj, "lead", "loudest")


def test_batch_min_strategy_needs_that_many_supporters(proj: Project) -> None:
    a1 = ids_of(proj)[0]
    annotate(proj, a1, "a", [("قوات النظام", "ACTOR"), ("حلب", "LOCATION")])
    annotate(proj, a1, "b", [("قوات النظام", "ACTOR")])
    annotate(proj, a1, "c", [("قوات النظام", "ACTOR"), ("حلب", "LOCATION")])
    assert team_gold.adjudicate_batch(proj, "lead", "min", min_annotators=3).conflicts_remaining == 1
    summary = team_gold.adjudicate_batch(proj, "lead", "min", min_annotators=2)
    assert summary.written == 1
    assert len(team_gold.gold_spans(proj, a1)) == 2
