"""The team workflow: gold and its provenance, review queue, batch adjudication, project
agreement, assignment and merging project files. Small projects built in tmp_path."""
from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.domain import Label, Span
from annotator.core.errors import (
    LabelError,
    MergeError,
    PermissionDenied,
    ProjectError,
    SpanError,
)
from annotator.core.importing import ArticleRecord, content_hash, import_records
from annotator.core.store import Project, default_labels, now_iso
from annotator.core.store.schema import SCHEMA_VERSION
from annotator.core.sync import files as sync_files
from annotator.core.team import agreement as team_agreement
from annotator.core.team import assignment as team_assignment
from annotator.core.team import gold as team_gold
from annotator.core.team import queue as team_queue

# Short invented sentences of the genre; each differs, so each is its own article.
TEXTS = [
    "قصفت قوات النظام مدينة حلب وقتل 5 مدنيين بحسب المرصد السوري.",
    "هاجم تنظيم الدولة مواقع الجيش في دير الزور وأسر 3 جنود.",
    "أفادت مصادر ميدانية بمقتل 7 عناصر من الميليشيات في ريف حمص.",
    "شن الطيران الروسي غارات على إدلب ما أدى إلى جرح 12 شخصا.",
    "سيطرت قوات سوريا الديمقراطية على قرية في ريف الرقة بحسب وكالة سانا.",
    "اشتباكات بين الفصائل وقوات النظام في درعا أسفرت عن مقتل 4 مقاتلين.",
]


def find(text: str, word: str, label: str, **attributes: object) -> Span:
    """The span of the first occurrence of ``word``: tests name words, not offsets."""
    start = text.index(word)
    return Span(start, start + len(word), label, dict(attributes))


def add_texts(project: Project, texts: list[str]) -> list[int]:
    summary = import_records(project, [ArticleRecord(text=t, title=t[:20]) for t in texts])
    assert summary.rejected == 0, summary.errors
    ids = [project.article_id_by_hash(content_hash(t)) for t in texts]
    assert all(i is not None for i in ids)
    return ids  # type: ignore[return-value]


def annotate(project: Project, article_id: int, annotator: str, words: list[tuple[str, str]],
             status: str = "done") -> None:
    text = project.article_text(article_id)
    project.replace_spans(article_id, annotator, [find(text, w, lab) for w, lab in words])
    project.set_status(article_id, annotator, status)


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, through a separate connection (sees only what is committed)."""
    conn = sqlite3.connect(str(path))
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


@pytest.fixture
def proj(tmp_path: Path) -> Iterator[Project]:
    """A project whose creator 'lead' is a reviewer, with annotators a, b, c, and TEXTS imported."""
    p = Project.create(tmp_path / "main.db", creator="lead")
    for name in ("a", "b", "c"):
        p.ensure_annotator(name)
    add_texts(p, TEXTS)
    try:
        yield p
    finally:
        p.close()


def ids_of(project: Project) -> list[int]:
    return [project.article_id_by_hash(content_hash(t)) for t in TEXTS]  # type: ignore[misc]


# ===================================================================================== gold
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


# ============================================================================ review queue
def test_review_queue_lists_lowest_agreement_first(proj: Project) -> None:
    a1, a2, a3, a4, a5, _ = ids_of(proj)
    same = [("قوات النظام", "ACTOR"), ("حلب", "LOCATION")]
    annotate(proj, a1, "a", same)
    annotate(proj, a1, "b", same)
    annotate(proj, a2, "a", [("تنظيم الدولة", "ACTOR"), ("دير الزور", "LOCATION")])
    annotate(proj, a2, "b", [("تنظيم الدولة", "ACTOR")])
    annotate(proj, a3, "a", [("مصادر ميدانية", "SOURCE")])
    annotate(proj, a3, "b", [("ريف حمص", "LOCATION")])
    annotate(proj, a4, "a", [("إدلب", "LOCATION")])  # only one annotator: nothing to compare
    annotate(proj, a5, "a", [("الرقة", "LOCATION")])
    annotate(proj, a5, "b", [("الرقة", "LOCATION")], status="in_progress")  # not done
    team_gold.save_gold(proj, a1, "lead", [], "manual")

    queue = team_queue.review_queue(proj)
    assert [item.article_id for item in queue] == [a3, a2, a1]
    assert [round(item.score, 3) for item in queue] == [0.0, 0.667, 1.0]
    assert [item.has_gold for item in queue] == [False, False, True]
    assert queue[2].gold_status == "accepted"
    assert queue[0].annotators == ("a", "b")
    annotate(proj, a2, "c", [("الجيش", "ACTOR")])
    assert [item.article_id for item in team_queue.review_queue(proj, min_done=3)] == [a2]
    with pytest.raises(ProjectError):
        team_queue.review_queue(proj, min_done=1)


def _bulk_articles(project: Project, n: int) -> list[int]:
    """n articles straight through insert_articles (the importer's fold would dominate the time)."""
    now = now_iso()
    rows = []
    for i in range(n):
        text = f"قتل {i} مدنيين في قصف لقوات النظام على حلب."
        rows.append((None, f"t{i}", text, None, None, None, "{}", content_hash(text), f"t{i}", now))
    project.insert_articles(rows)
    return project.article_ids()


def test_review_queue_handles_ten_thousand_articles_quickly(tmp_path: Path) -> None:
    with Project.create(tmp_path / "big.db", creator="lead") as p:
        ids = _bulk_articles(p, 10_000)
        with p.transaction() as conn:
            conn.executemany("INSERT INTO annotators(name, role) VALUES (?, 'annotator')", [("a",), ("b",)])
            conn.executemany(
                "INSERT INTO annotations(article_id, annotator, status) VALUES (?, ?, 'done')",
                [(aid, name) for aid in ids for name in ("a", "b")],
            )
            # a marks "قتل" on every article; b only on even ones -> scores 1.0 and 0.0
            conn.executemany(
                "INSERT INTO spans(annotation_id, start, \"end\", label) "
                "SELECT id, 0, 3, 'ACTOR' FROM annotations WHERE article_id = ? AND annotator = ?",
                [(aid, "a") for aid in ids] + [(aid, "b") for aid in ids if aid % 2 == 0],
            )
        started = time.perf_counter()
        queue = team_queue.review_queue(p)
        elapsed = time.perf_counter() - started
        assert len(queue) == 10_000
        assert all(item.score == 0.0 for item in queue[:5000])
        assert all(item.article_id % 2 == 1 for item in queue[:5000])
        assert all(item.score == 1.0 for item in queue[5000:])
        assert elapsed < 5.0, f"review queue took {elapsed:.1f}s"


# ====================================================================== batch adjudication
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


# =============================================================================== agreement
def test_project_agreement_counts_done_annotations_by_default(proj: Project) -> None:
    a1, a2, a3, *_ = ids_of(proj)
    annotate(proj, a1, "a", [("قوات النظام", "ACTOR"), ("حلب", "LOCATION")])
    annotate(proj, a1, "b", [("قوات النظام", "ACTOR")])
    annotate(proj, a2, "a", [("تنظيم الدولة", "ACTOR")])
    annotate(proj, a2, "b", [("تنظيم الدولة", "ACTOR")], status="in_progress")
    annotate(proj, a3, "a", [("ريف حمص", "LOCATION")])
    annotate(proj, a3, "c", [("ريف حمص", "LOCATION")])

    report = team_agreement.project_agreement(proj)
    assert sorted(a.article_id for a in report.articles) == [a1, a3]
    assert report.annotators == ("a", "b", "c")
    micro = report.overall_exact_micro
    assert (micro.tp, micro.fp + micro.fn) == (2, 1)

    with_unfinished = team_agreement.project_agreement(proj, include_unfinished=True)
    assert sorted(a.article_id for a in with_unfinished.articles) == [a1, a2, a3]

    only_ab = team_agreement.project_agreement(proj, annotators=["a", "b"])
    assert [a.article_id for a in only_ab.articles] == [a1] and only_ab.annotators == ("a", "b")

    actor = team_agreement.project_agreement(proj, label="ACTOR")
    assert actor.overall_exact_micro.f1 == 1.0
    with pytest.raises(LabelError):
        team_agreement.project_agreement(proj, label="WEAPON")


# ============================================================================== assignment
def test_assign_gives_each_article_exactly_overlap_distinct_annotators(tmp_path: Path) -> None:
    with Project.create(tmp_path / "asg.db", creator="lead") as p:
        ids = _bulk_articles(p, 50)
        counts = team_assignment.assign(p, ["x", "y", "z", "w"], overlap=3, seed=7)
        rows = p.conn.execute("SELECT article_id, annotator FROM assignments").fetchall()
        per_article = Counter(aid for aid, _ in rows)
        assert set(per_article) == set(ids) and set(per_article.values()) == {3}
        assert len(set(rows)) == len(rows) == 150
        assert sum(counts.values()) == 150 and max(counts.values()) - min(counts.values()) <= 1
        assert counts == Counter(name for _, name in rows)
        assert p.role("w") == "annotator"
        # Varied pairs: with overlap 2 of 4 people every pair should occur, not a fixed rotation.
        team_assignment.assign(p, ["x", "y", "z", "w"], overlap=2, seed=7)
        pairs = Counter(tuple(sorted(names)) for names in team_groups(p).values())
        assert len(pairs) == 6


def team_groups(p: Project) -> dict[int, list[str]]:
    groups: dict[int, list[str]] = {}
    for aid, name in p.conn.execute("SELECT article_id, annotator FROM assignments"):
        groups.setdefault(aid, []).append(name)
    return groups


def test_assign_is_seeded_replaces_previous_and_keeps_others(tmp_path: Path) -> None:
    with Project.create(tmp_path / "asg.db", creator="lead") as p:
        _bulk_articles(p, 30)
        team_assignment.assign(p, ["other"], overlap=1)
        team_assignment.assign(p, ["x", "y", "z"], overlap=2, seed=1)
        first = team_assignment.assignments(p)
        team_assignment.assign(p, ["z", "y", "x"], overlap=2, seed=1)  # argument order does not matter
        assert team_assignment.assignments(p) == first
        team_assignment.assign(p, ["x", "y", "z"], overlap=2, seed=2)
        assert team_assignment.assignments(p) != first
        counts = team_assignment.assign(p, ["x", "y", "z"], overlap=1, seed=1)
        assert counts == {"x": 10, "y": 10, "z": 10}
        now = team_assignment.assignments(p)
        assert sum(len(now[n]) for n in "xyz") == 30  # old overlap-2 rows are gone
        assert len(now["other"]) == 30  # someone else's assignments stay
        assert p.list_articles("x")[:10] == sorted(now["x"])  # assigned articles come first
        for bad in (0, 4):
            with pytest.raises(team_assignment.AssignmentError):
                team_assignment.assign(p, ["x", "y", "z"], overlap=bad)
        with pytest.raises(ProjectError, match="more than once"):
            team_assignment.assign(p, ["x", "x"], overlap=1)
        with pytest.raises(ProjectError):
            team_assignment.assign(p, [], overlap=1)
        with pytest.raises(team_assignment.AssignmentError, match="no article"):
            team_assignment.assign(p, ["x"], overlap=1, articles=[999_999])
        assert team_assignment.assignments(p) == now


def test_assign_hundred_thousand_articles_in_seconds(tmp_path: Path) -> None:
    with Project.create(tmp_path / "big.db", creator="lead") as p:
        _bulk_articles(p, 100_000)
        started = time.perf_counter()
        counts = team_assignment.assign(p, ["a", "b", "c", "d", "e"], overlap=2, seed=3)
        elapsed = time.perf_counter() - started
        assert counts == dict.fromkeys("abcde", 40_000)
        assert p.conn.execute("SELECT count(*) FROM assignments").fetchone()[0] == 200_000
        assert elapsed < 10.0, f"assign took {elapsed:.1f}s"


# =================================================================================== merge
@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Project, Project]]:
    """Two projects sharing TEXTS[:4]; the other one also has TEXTS[4]."""
    here = Project.create(tmp_path / "here.db", creator="lead")
    other = Project.create(tmp_path / "other.db", creator="lead")
    add_texts(here, TEXTS[:4])
    add_texts(other, TEXTS[:5])
    try:
        yield here, other
    finally:
        here.close()
        other.close()


def aid(project: Project, n: int) -> int:
    return project.article_id_by_hash(content_hash(TEXTS[n]))  # type: ignore[return-value]


def test_merge_brings_new_work_and_twice_changes_nothing(pair: tuple[Project, Project]) -> None:
    here, other = pair
    annotate(other, aid(other, 0), "b", [("قوات النظام", "ACTOR")])
    annotate(other, aid(other, 4), "b", [("الرقة", "LOCATION")])
    other.reject_suggestion(aid(other, 0), "b", 0, 4, "ACTOR")
    team_gold.save_gold(other, aid(other, 4), "lead", [find(TEXTS[4], "الرقة", "LOCATION")], "manual")
    team_assignment.assign(other, ["b"], overlap=1)
    other_before = dump(other.path)

    summary = sync_files.merge_projects(here, [other.path])
    assert (summary.articles_added, summary.articles_matched) == (1, 4)
    assert (summary.annotations_added, summary.gold_added, summary.annotators_added) == (2, 1, 1)
    assert summary.conflicts == [] and "1 new articles" in summary.line()
    assert summary.to_dict()["annotations_added"] == 2
    new_id = aid(here, 4)
    assert here.article(new_id).title == TEXTS[4][:20]
    assert [(s.start, s.end, s.label) for s in here.spans(new_id, "b")] == [
        find(TEXTS[4], "الرقة", "LOCATION").key()]
    assert here.annotation(new_id, "b").status == "done"  # type: ignore[union-attr]
    assert here.rejected_suggestions(aid(here, 0), "b") == {(0, 4, "ACTOR")}
    assert team_gold.gold_rows(here)[0][0] == new_id
    assert team_gold.gold_spans(here, new_id)[0].attributes["adjudicator"] == "lead"
    assert len(team_assignment.assignments(here)["b"]) == 5
    assert here.list_articles("b", search="سيطرت") == [new_id]  # the search key came along

    after_first = dump(here.path)
    second = sync_files.merge_projects(here, [other.path])
    assert dump(here.path) == after_first
    assert not second.changed and second.conflicts == []
    assert second.annotations_unchanged == 2 and second.gold_unchanged == 1
    assert dump(other.path) == other_before  # the other file is only read


def test_merge_newer_wins_and_reports_conflicts(pair: tuple[Project, Project]) -> None:
    here, other = pair
    # Article 0: here first, other later -> other is newer and wins.
    annotate(here, aid(here, 0), "a", [("قوات النظام", "ACTOR")])
    annotate(other, aid(other, 0), "a", [("قوات النظام", "ACTOR"), ("حلب", "LOCATION")])
    # Article 1: other first, here later -> here is newer and stays.
    annotate(other, aid(other, 1), "a", [("الجيش", "ACTOR")])
    annotate(here, aid(here, 1), "a", [("تنظيم الدولة", "ACTOR")])
    # Article 2: here empty and older -> other wins, nothing was lost, so no conflict.
    here.set_status(aid(here, 2), "a", "in_progress")
    annotate(other, aid(other, 2), "a", [("ريف حمص", "LOCATION")])
    # Gold on article 3: other adjudicated later -> other wins.
    team_gold.save_gold(here, aid(here, 3), "lead", [find(TEXTS[3], "إدلب", "LOCATION")], "manual")
    team_gold.save_gold(other, aid(other, 3), "lead", [find(TEXTS[3], "الطيران الروسي", "ACTOR")], "manual")

    summary = sync_files.merge_projects(here, [other.path])
    assert (summary.annotations_updated, summary.annotations_kept) == (2, 1)
    assert summary.gold_updated == 1
    got = {(c.article_id, c.annotator, c.winner) for c in summary.conflicts}
    assert got == {(aid(here, 0), "a", "other"), (aid(here, 1), "a", "this"), (aid(here, 3), None, "other")}
    assert all(str(other.path) in line for line in summary.conflict_lines())
    assert any("gold" in line for line in summary.conflict_lines())
    t0 = here.article_text(aid(here, 0))
    assert [t0[s.start:s.end] for s in here.spans(aid(here, 0), "a")] == ["قوات النظام", "حلب"]
    t1 = here.article_text(aid(here, 1))
    assert [t1[s.start:s.end] for s in here.spans(aid(here, 1), "a")] == ["تنظيم الدولة"]
    assert here.annotation(aid(here, 2), "a").status == "done"  # type: ignore[union-attr]
    t3 = here.article_text(aid(here, 3))
    assert [t3[s.start:s.end] for s in team_gold.gold_spans(here, aid(here, 3))] == ["الطيران الروسي"]

    before = dump(here.path)
    again = sync_files.merge_projects(here, [other.path])
    assert dump(here.path) == before and not again.changed
    # Issue #16 item 19b: the disagreement kept here was reported by the first merge; merging
    # the same unchanged file again reports nothing (it used to repeat that conflict forever).
    assert again.annotations_kept == 1 and again.conflicts == []


def test_merge_roles_go_up_never_down(pair: tuple[Project, Project]) -> None:
    here, other = pair
    here.set_role("x", "reviewer")
    other.set_role("x", "annotator")
    here.set_role("y", "annotator")
    other.set_role("y", "reviewer")
    other.set_role("z", "reviewer")
    summary = sync_files.merge_projects(here, [other.path])
    assert (here.role("x"), here.role("y"), here.role("z")) == ("reviewer", "reviewer", "reviewer")
    assert summary.reviewers_added == 1 and summary.annotators_added == 1


def test_merge_refuses_other_labels_listing_them_and_changes_nothing(tmp_path: Path,
                                                                     pair: tuple[Project, Project]) -> None:
    here, _ = pair
    weapon = Label("WEAPON", "سلاح", "Weapon", "#123456", "5")
    with Project.create(tmp_path / "w.db", labels=[*default_labels(), weapon], creator="lead") as w:
        add_texts(w, TEXTS[:1])
        annotate(w, aid(w, 0), "b", [("قوات النظام", "WEAPON"), ("حلب", "LOCATION")])
    good = tmp_path / "other.db"
    before = dump(here.path)
    with pytest.raises(MergeError) as err:
        sync_files.merge_projects(here, [good, tmp_path / "w.db"])  # the good file first: still nothing
    assert "WEAPON" in str(err.value) and "w.db" in str(err.value) and "--map" in str(err.value)
    assert dump(here.path) == before
    with pytest.raises(MergeError, match="no label 'GUN'"):
        sync_files.merge_projects(here, [tmp_path / "w.db"], mapping={"WEAPON": "GUN"})
    with pytest.raises(MergeError, match="ARMS"):
        sync_files.merge_projects(here, [tmp_path / "w.db"], mapping={"WEAPON": "ACTOR", "ARMS": "ACTOR"})
    assert dump(here.path) == before

    summary = sync_files.merge_projects(here, [tmp_path / "w.db"], mapping={"WEAPON": "ACTOR"})
    assert summary.annotations_added == 1
    t0 = here.article_text(aid(here, 0))
    assert [(t0[s.start:s.end], s.label) for s in here.spans(aid(here, 0), "b")] == [
        ("قوات النظام", "ACTOR"), ("حلب", "LOCATION")]
    assert "WEAPON" not in here.label_names()


def test_merge_refuses_files_that_are_not_projects(tmp_path: Path, pair: tuple[Project, Project]) -> None:
    here, _ = pair
    text_file = tmp_path / "notes.txt"
    text_file.write_text("ليس مشروعا", encoding="utf-8")
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(str(foreign))
    conn.execute("CREATE TABLE things(x)")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer.db"
    Project.create(newer).close()
    conn = sqlite3.connect(str(newer))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(MergeError, match="newer version"):
        sync_files.merge_projects(here, [newer])
    before = dump(here.path)
    for bad in (text_file, foreign, tmp_path / "missing.db", tmp_path):
        with pytest.raises(MergeError, match="not|no such|folder"):
            sync_files.merge_projects(here, [tmp_path / "other.db", bad])
    with pytest.raises(MergeError, match="itself"):
        sync_files.merge_projects(here, [here.path])
    assert dump(here.path) == before


def test_merge_refuses_a_span_that_breaks_this_projects_rules(tmp_path: Path,
                                                             pair: tuple[Project, Project]) -> None:
    here, other = pair
    annotate(other, aid(other, 0), "b", [("قوات النظام", "ACTOR")])
    other.set_setting("allow_overlap", True)
    t = TEXTS[0]
    other.add_span(aid(other, 0), "b", t.index("النظام"), t.index("النظام") + 6, "LOCATION")
    before = dump(here.path)
    with pytest.raises(MergeError, match="overlaps"):
        sync_files.merge_projects(here, [other.path])
    assert dump(here.path) == before
