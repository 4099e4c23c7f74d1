"""Merging project files received from teammates: every row is untrusted (issue #16).

The hostile files are built by tests/data/bad/make_projects.py with sqlite3, one per case.
Each refusal names the file, the table and the row, and leaves this project unchanged.
"""
from __future__ import annotations

import importlib.util
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from team_helpers import TEXTS, add_texts, annotate, find

from annotator.core.domain import Label
from annotator.core.errors import MergeError
from annotator.core.importing import ArticleRecord, import_records
from annotator.core.store import Project, content_hash, default_labels
from annotator.core.store.schema import SCHEMA_VERSION
from annotator.core.sync import files as sync_files
from annotator.core.team import assignment as team_assignment
from annotator.core.team import gold as team_gold

BAD = Path(__file__).resolve().parents[2] / "data" / "bad"


def _load_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_projects", BAD / "make_projects.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_projects", module)
    spec.loader.exec_module(module)
    return module


make_projects = _load_generator()


def dump(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(str(path))
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}  # type: ignore[misc]
    finally:
        conn.close()


@pytest.fixture
def here(tmp_path: Path) -> Iterator[Project]:
    """This project: the reviewer's copy, holding article A only, unannotated."""

    p = Project.create(tmp_path / "here.db", creator="lead")
    import_records(p, [ArticleRecord(text=make_projects.TEXT_A, title="أ")])
    yield p
    p.close()


@pytest.fixture
def received(tmp_path: Path) -> Path:
    folder = tmp_path / "received"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("case", sorted(make_projects.CASES))
def test_a_malformed_file_is_refused_naming_file_table_and_row(here: Project, received: Path, case: str) -> None:
    bad = make_projects.make(received, case)
    before = dump(here.path)
    with pytest.raises(MergeError) as err:
        sync_files.merge_projects(here, [bad])
    message = str(err.value)
    table = make_projects.CASES[case][0]
    assert str(bad) in message and f"table {table}, row " in message and "nothing was merged" in message
    assert "\x1b" not in message and len(message) < 2000 and "\n" not in message
    assert dump(here.path) == before


def test_the_sound_file_merges(here: Project, received: Path) -> None:
    """Guard: the generator's base file is fine, so each refusal above is its case's doing."""
    summary = sync_files.merge_projects(here, [make_projects.make_sound(received / "sound.db")])
    assert summary.articles_added == 1 and summary.annotations_added == 2 and summary.gold_added == 1


def test_the_content_hash_is_recomputed_from_the_text(here: Project, received: Path) -> None:
    """#16 item 2: a row claiming A's hash with another, longer text brought a span 600–699
    onto the local 60-character A; export then wrote "text": ""."""
    a = here.article_id_by_hash(content_hash(make_projects.TEXT_A))
    sync_files.merge_projects(here, [make_projects.make_hash_spoof(received)])
    assert here.spans(a, "amal") == []  # nothing landed on the local article
    long_id = here.article_id_by_hash(content_hash(make_projects.LONG_TEXT))
    assert long_id is not None and long_id != a  # the other text came as an article of its own
    (span,) = here.spans(long_id, "amal")
    assert here.article_text(long_id)[span.start:span.end].strip()
    for aid in here.article_ids():
        text = here.article_text(aid)
        for name, _ in here.annotators():
            assert all(0 <= s.start < s.end <= len(text) for s in here.spans(aid, name))


def test_merge_leaves_nothing_beside_the_other_file(here: Project, received: Path) -> None:
    """#16 item 7: merge left other.db-wal and other.db-shm in the teammate's folder."""
    other = make_projects.make_sound(received / "other.db")
    listing = sorted(p.name for p in received.iterdir())
    assert listing == ["other.db"]
    sync_files.merge_projects(here, [other])
    assert sorted(p.name for p in received.iterdir()) == listing


def test_a_file_with_triggers_or_views_is_refused(here: Project, received: Path) -> None:
    """#16 item 4: a received file's triggers ran during ordinary commands."""
    bad = make_projects.make_with_trigger(received)
    before = dump(here.path)
    with pytest.raises(MergeError, match="trigger 'evil'.*view 'sneaky'|trigger 'evil'"):
        sync_files.merge_projects(here, [bad])
    assert dump(here.path) == before


def test_the_cli_reports_a_refusal_without_a_traceback(here: Project, received: Path) -> None:
    from annotator.cli import main

    bad = make_projects.make(received, "attributes_list")
    here.close()
    result = CliRunner().invoke(main, ["merge", str(here.path), str(bad)])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "table spans, row" in result.output


# ---------------------------------------------- merging small team projects (newer wins)
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
