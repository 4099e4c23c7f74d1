"""Every file of the bad-input corpus (tests/data/bad) through the real CLI.

For each case in cases.yaml: the exit status and messages are the documented ones, no
traceback is ever shown, and what the project held before is unchanged — only the
documented new articles and spans are added.
"""
from __future__ import annotations

import importlib.util
import json
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from annotator.cli import main
from annotator.core.store import Project

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
CASES: list[dict[str, Any]] = yaml.safe_load((BAD / "cases.yaml").read_text(encoding="utf-8"))["cases"]


def _load_generator() -> Any:
    spec = importlib.util.spec_from_file_location("make_corpus", BAD / "make_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_corpus", module)
    spec.loader.exec_module(module)
    return module


make_corpus = _load_generator()


def case_id(case: dict[str, Any]) -> str:
    return case.get("id") or case["file"]


def cli(*args: Any) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr
    # A domain error ends with sys.exit(1); anything else escaping is a bug.
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def dump(path: Path) -> dict[str, Any]:
    """Everything an import could touch, read through a separate connection."""
    conn = sqlite3.connect(str(path))
    try:
        articles = {
            r[0]: r[1:]
            for r in conn.execute(
                "SELECT id, external_id, title, text, source, url, published, meta, content_hash FROM articles"
            )
        }
        spans = conn.execute(
            'SELECT an.article_id, an.annotator, an.status, s.start, s."end", s.label, s.attributes, s.origin '
            'FROM spans s JOIN annotations an ON an.id = s.annotation_id ORDER BY an.article_id, s.start'
        ).fetchall()
        annotations = conn.execute(
            "SELECT article_id, annotator, status, comment, seconds FROM annotations ORDER BY article_id"
        ).fetchall()
        labels = conn.execute("SELECT * FROM labels ORDER BY position").fetchall()
        annotators = conn.execute("SELECT name, role FROM annotators ORDER BY name").fetchall()
    finally:
        conn.close()
    return {"articles": articles, "spans": spans, "annotations": annotations, "labels": labels,
            "annotators": annotators}


@pytest.fixture(scope="module")
def base_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("base") / "base.db"
    assert cli("init", path, "--creator", "lead").exit_code == 0
    result = cli("import", path, BAD / "base.jsonl")
    assert result.stdout == "imported: 2 new, 0 duplicate, 0 rejected; 4 spans in 2 annotations (2 in_progress)\n"
    return path


def copy_project(src: Path, dst: Path) -> None:
    """A consistent copy (SQLite's backup API includes what is still in the -wal file)."""
    a, b = sqlite3.connect(str(src)), sqlite3.connect(str(dst))
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()


def input_file(case: dict[str, Any], tmp_path: Path) -> Path:
    if case.get("generated"):
        path = tmp_path / case["file"]
        path.write_bytes(make_corpus.big_files()[case["file"]])
        return path
    return BAD / case["file"]


def check_messages(case: dict[str, Any], result: Result) -> None:
    assert result.exit_code == case["exit"], (result.stdout, result.stderr)
    pos = 0
    for needle in case.get("errors", []):
        found = result.stderr.find(needle, pos)
        assert found >= 0, f"{needle!r} not in stderr (in order):\n{result.stderr}"
        pos = found + len(needle)
    if case["exit"] == 0:
        assert result.stderr == ""


@pytest.mark.parametrize("case", [c for c in CASES if c.get("command", "import") == "import"], ids=case_id)
def test_import_case(case: dict[str, Any], base_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "project.db"
    copy_project(base_project, project)
    source = input_file(case, tmp_path)
    before = dump(project)

    result = cli("import", project, source, *case.get("args", []))
    check_messages(case, result)

    new, dup, rejected = case.get("new", 0), case.get("duplicate", 0), case.get("rejected", 0)
    if case.get("summary", True):
        assert result.stdout.startswith(f"imported: {new} new, {dup} duplicate, {rejected} rejected"), result.stdout
        assert result.stderr.count("rejected: ") == rejected
    else:
        assert result.stdout == ""

    after = dump(project)
    # What was there is untouched.
    assert {k: after["articles"][k] for k in before["articles"]} == before["articles"]
    old_ids = set(before["articles"])
    assert [s for s in after["spans"] if s[0] in old_ids] == before["spans"]
    assert [a for a in after["annotations"] if a[0] in old_ids] == before["annotations"]
    assert after["labels"] == before["labels"]
    assert after["annotators"] == before["annotators"]
    # Only the documented additions.
    new_ids = sorted(set(after["articles"]) - old_ids)
    assert len(new_ids) == new
    new_spans = [s for s in after["spans"] if s[0] in new_ids]
    assert len(new_spans) == case.get("spans", 0)
    if "span_texts" in case:
        texts = [after["articles"][s[0]][2][s[3]:s[4]] for s in new_spans]
        assert texts == case["span_texts"]
    if case.get("stored_literally"):
        data = source.read_bytes()
        expected = data.decode("utf-8").removeprefix("\ufeff")
        [article_id] = new_ids
        assert after["articles"][article_id][2] == expected
    # Every stored text is what some record said, never altered: spans stay inside it.
    for article_id, _, _, start, end, *_ in after["spans"]:
        text = after["articles"][article_id][2]
        assert 0 <= start < end <= len(text) and not text[start].isspace() and not text[end - 1].isspace()


@pytest.mark.parametrize("case", [c for c in CASES if c.get("command") == "project"], ids=case_id)
def test_file_given_as_project(case: dict[str, Any], tmp_path: Path) -> None:
    project = tmp_path / case["file"]
    shutil.copy(BAD / case["file"], project)
    original = project.read_bytes()
    for args in (["import", project, BAD / "base.jsonl"], ["stats", project], ["labels", project]):
        result = cli(*args)
        check_messages(case, result)
        assert result.stderr.startswith(f"error: {project}"), result.stderr
        assert result.stdout == ""
    assert project.read_bytes() == original, "a file that is not a project must not be modified"
    assert sorted(p.name for p in tmp_path.iterdir()) == [case["file"]]  # no -wal/-shm/-journal


@pytest.mark.parametrize("case", [c for c in CASES if c.get("command") == "init-labels"], ids=case_id)
def test_label_schema_for_init(case: dict[str, Any], tmp_path: Path) -> None:
    project = tmp_path / "new.db"
    result = cli("init", project, "--labels", BAD / case["file"], "--creator", "lead")
    check_messages(case, result)
    if case["exit"] == 0:
        with Project.open(project) as p:
            assert p.label_names() == case["labels"]
            assert {"spans", "labels", "articles"} <= set(p.db.table_names())
        # The labels list as written, through the CLI too.
        listing = cli("labels", project).stdout
        for name in case["labels"]:
            assert name in listing
    else:
        assert result.stderr.startswith("error: ")
        assert list(tmp_path.iterdir()) == [], "a failed init leaves no project file behind"


# ---------------------------------------------------------------------- the corpus itself
def test_corpus_is_complete_and_matches_its_generator() -> None:
    on_disk = {p.name for p in BAD.iterdir() if p.is_file() and p.name not in ("make_corpus.py", "make_projects.py", "cases.yaml")}
    generated = make_corpus.files()
    assert on_disk == set(generated), "run tests/data/bad/make_corpus.py and commit its output"
    for name, data in generated.items():
        if not name.endswith(".db"):  # SQLite headers carry the library version
            assert (BAD / name).read_bytes() == data, f"{name} differs from make_corpus.py's output"
    used = {c["file"] for c in CASES}
    assert on_disk - used == {"base.jsonl"} - used
    assert set(make_corpus.big_files()) <= used
    assert len(CASES) >= 30
    assert len({case_id(c) for c in CASES}) == len(CASES), "case ids must be unique"


def test_big_article_really_is_5_mb() -> None:
    assert len(make_corpus.big_files()["big_article.txt"]) >= 5 * 1024 * 1024


def test_every_case_is_well_formed() -> None:
    allowed = {"file", "id", "command", "args", "exit", "errors", "new", "duplicate", "rejected", "spans",
               "span_texts", "stored_literally", "labels", "generated", "note", "summary"}
    for case in CASES:
        assert set(case) <= allowed, (case_id(case), set(case) - allowed)
        assert case.get("command", "import") in ("import", "project", "init-labels")
        assert case["exit"] in (0, 1)
        if case["exit"] == 1:
            assert case.get("errors"), f"{case_id(case)}: a failing case names its error"
        json.dumps(case)  # plain data only
