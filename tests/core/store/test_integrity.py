"""Checking received and damaged project files (issue #16 items 3, 4, 6)."""
from __future__ import annotations

import importlib.util
import json
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.errors import DamagedProjectError, ProjectError
from annotator.core.store import Project
from annotator.core.store.integrity import ASIDE_TABLE, check_file

BAD = Path(__file__).resolve().parents[2] / "data" / "bad"


def _load_generator():  # type: ignore[no-untyped-def]
    if "make_projects" in sys.modules:
        return sys.modules["make_projects"]
    spec = importlib.util.spec_from_file_location("make_projects", BAD / "make_projects.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_projects"] = module
    spec.loader.exec_module(module)
    return module


make_projects = _load_generator()


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output, result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def roles(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(str(path))
    try:
        return dict(conn.execute("SELECT name, role FROM annotators"))
    finally:
        conn.close()


def test_a_file_with_triggers_is_not_opened_and_its_triggers_never_run(tmp_path: Path) -> None:
    """#16 item 4: a trigger on spans promoted an annotator to reviewer during `import`."""
    path = make_projects.make_with_trigger(tmp_path)
    with pytest.raises(ProjectError, match="trigger 'evil'") as err:
        Project.open(path)
    assert "annotator check" in str(err.value) and "--repair" in str(err.value)
    code, out = run("import", str(path), str(BAD / "base.jsonl"))
    assert code == 1 and "trigger 'evil'" in out
    assert roles(path)["amal"] == "annotator"  # the trigger did not run


def test_a_recursive_view_in_place_of_a_table_is_refused_not_hung(tmp_path: Path) -> None:
    path = make_projects.make_with_recursive_view(tmp_path)
    code, out = run("stats", str(path))
    assert code == 1 and "view 'labels'" in out


def test_check_repair_drops_the_triggers_and_views(tmp_path: Path) -> None:
    path = make_projects.make_with_trigger(tmp_path)
    code, out = run("check", str(path))
    assert code == 1 and "unexpected trigger: evil" in out and "unexpected view: sneaky" in out
    code, out = run("check", str(path), "--repair")
    assert code == 0 and "dropped trigger evil" in out and "dropped view sneaky" in out
    with Project.open(path) as p:
        assert p.role("amal") == "annotator"
    assert run("check", str(path)) == (0, f"{path}: no problems found\n")


def test_a_span_past_its_text_is_reported_and_the_project_keeps_working(tmp_path: Path) -> None:
    """#16 item 3: such a span made the workbench fail on the article and export wrote it."""
    from annotator.core.exporting import export_jsonl

    path = make_projects.make_span_past_text(tmp_path)
    with Project.open(path) as p:
        (bad,) = p.damaged_spans()
        assert (bad.table, bad.start, bad.end) == ("spans", 600, 699)
        aid = bad.article_id
        text = p.article_text(aid)
        assert all(s.end <= len(text) for s in p.spans(aid, "amal"))  # the view gets only what fits
        assert len(p.spans(aid, "amal")) == 1 and ("spans", bad.id) in p.hidden_spans
        export_jsonl(p, tmp_path / "out.jsonl")
        p.add_span(aid, "amal", text.index("المرصد"), text.index("المرصد") + 6, "SOURCE")  # still usable
    for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert all(s["end"] <= len(rec["text"]) and s.get("text", "x") for s in rec.get("spans", []))
    code, out = run("check", str(path))
    assert code == 1 and f"spans id {bad.id} (article {aid}, 600–699)" in out
    code, out = run("check", str(path), "--repair")
    assert code == 0 and ASIDE_TABLE in out
    conn = sqlite3.connect(str(path))
    assert conn.execute(f"SELECT span_id, start, \"end\" FROM {ASIDE_TABLE}").fetchall() == [(bad.id, 600, 699)]
    conn.close()
    assert check_file(path).ok


def test_hostile_attributes_are_found_by_check(tmp_path: Path) -> None:
    path = make_projects.make(tmp_path, "attributes_list")
    report = check_file(path)
    assert report.bad_spans and all("JSON object" in b.reason for b in report.bad_spans)


COMMANDS = [
    ("stats",), ("export", "{out}"), ("agreement",), ("adjudicate", "--reviewer", "lead"),
    ("labels",), ("suggest",), ("assign", "--annotators", "a,b"), ("merge", "{other}"),
]


@pytest.mark.parametrize("kind", make_projects.DAMAGE)
def test_a_damaged_file_gives_one_clear_message_in_every_command(tmp_path: Path, kind: str) -> None:
    """#16 item 6: tracebacks in stats/export/agreement/merge/adjudicate/labels/suggest/assign."""
    path = make_projects.make_damaged(tmp_path, kind)
    other = make_projects.make_sound(tmp_path / "other.db")
    for command in COMMANDS:
        args = [a.format(out=tmp_path / "out.jsonl", other=other) for a in command[1:]]
        code, out = run(command[0], str(path), *args)
        assert code == 1 and "this project file is damaged" in out, (command, out)
        assert "moved or deleted" not in out
    # ... and merging the damaged file into a sound one says the same about it.
    code, out = run("merge", str(other), str(path))
    assert code == 1 and "this project file is damaged" in out, out


def test_damage_met_late_in_a_command_gives_the_same_message(tmp_path: Path) -> None:
    """Pages only the texts live on: the file opens, and the command that reads them stops
    with the one message instead of a traceback."""
    path = make_projects.make_damaged(tmp_path, "overwritten_late_pages")
    code, out = run("suggest", str(path))
    assert code == 1 and "this project file is damaged: database disk image is malformed" in out
    for command in COMMANDS[:-1]:
        args = [a.format(out=tmp_path / "out.jsonl") for a in command[1:]]
        code, out = run(command[0], str(path), *args)
        assert code == 0 or "this project file is damaged" in out, (command, out)
    code, out = run("check", str(path))
    assert code == 1 and "integrity:" in out


def test_import_and_role_refuse_a_file_that_fails_the_integrity_check(tmp_path: Path) -> None:
    path = make_projects.make_damaged(tmp_path, "overwritten_pages")
    before = path.read_bytes()
    for args in (("import", str(path), str(BAD / "base.jsonl")), ("role", str(path), "amal", "reviewer")):
        code, out = run(*args)
        assert code == 1 and "this project file is damaged" in out, out
    assert path.read_bytes() == before
    with pytest.raises(DamagedProjectError), Project.open(path) as p:
        p.set_role("amal", "reviewer")
    code, out = run("check", str(path))
    assert code == 1 and "integrity:" in out and "--repair cannot mend" in out


# ------------------------------------------------------------- code the migrations make
def test_the_declared_code_is_what_the_migrations_make() -> None:
    """Opening trusts schema.DECLARED_CODE without running the migrations: it must list
    exactly the triggers and views they leave (the hub outbox's triggers today)."""
    from annotator.core.store.integrity import _normalise, expected_schema
    from annotator.core.store.schema import DECLARED_CODE

    assert {key: _normalise(sql) for key, sql in DECLARED_CODE.items()} == expected_schema()
    assert ("trigger", "hub_outbox_span_ins") in DECLARED_CODE


def test_opening_a_project_does_not_run_every_migration(tmp_path: Path) -> None:
    """Every project holds the hub outbox's triggers; recognising them stays cheap."""
    import subprocess

    path = tmp_path / "p.db"
    Project.create(path).close()
    code = ("import sys\nfrom annotator.core.store import Project\nfrom annotator.core.store import integrity\n"
            f"Project.open({str(path)!r}).close()\n"
            "print(integrity._migrated_schema.cache_info().currsize)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0"]


def test_a_changed_hub_trigger_or_one_more_trigger_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Project.create(path).close()
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TRIGGER evil AFTER INSERT ON spans BEGIN DELETE FROM gold; END")
    conn.commit()
    with pytest.raises(ProjectError) as err:
        Project.open(path)
    assert "trigger 'evil'" in str(err.value) and "hub_outbox" not in str(err.value)
    conn.execute("DROP TRIGGER evil")
    conn.execute("DROP TRIGGER hub_outbox_span_del")  # same name, another body
    conn.execute("CREATE TRIGGER hub_outbox_span_del AFTER DELETE ON spans BEGIN DELETE FROM gold; END")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="trigger 'hub_outbox_span_del'"):
        Project.open(path)
    code, out = run("check", str(path))
    assert code == 1 and "unexpected trigger: hub_outbox_span_del" in out
