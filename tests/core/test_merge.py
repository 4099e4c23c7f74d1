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

from annotator.core.errors import MergeError
from annotator.core.store import Project, content_hash
from annotator.core.sync import files as sync_files

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"


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
    from annotator.core.importing import ArticleRecord, import_records

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
