"""The ``annotator`` command line, through click's CliRunner and one real subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from annotator.cli import main
from annotator.core.store import Project

TEXT_A = "قصفت طائرات روسية ريف إدلب الجنوبي، ما أدى إلى مقتل 3 مدنيين."
TEXT_B = "قال المرصد السوري لحقوق الإنسان إن قوات النظام استعادت بلدة كفرنبل."


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args])
    # Whatever happened, a user never sees a traceback.
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr
    return result


def ok(*args: str) -> Result:
    result = run(*args)
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def fails(*args: str, message: str) -> Result:
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: "), result.stderr
    assert message in result.stderr
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    return result


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    ok("init", path, "--creator", "lead")
    return path


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    start = TEXT_A.index("ريف إدلب الجنوبي")
    recs = [
        {"text": TEXT_A, "id": "a1", "spans": [{"start": start, "end": start + 16, "label": "LOCATION"}]},
        {"text": TEXT_B, "id": "b1"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


def test_init_creates_a_project(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    result = ok("init", path, "--creator", "lead")
    assert result.output == f"created {path} with labels ACTOR, LOCATION, COUNT, SOURCE; lead is its reviewer\n"
    with Project.open(path) as p:
        assert p.role("lead") == "reviewer"
    fails("init", path, message="already exists")
    fails("init", tmp_path / "missing" / "x.db", message="does not exist")


def test_init_with_a_labels_file(tmp_path: Path) -> None:
    labels = tmp_path / "labels.yaml"
    labels.write_text("labels:\n  - {name: WEAPON, color: '#112233', key: '1'}\n  - {name: PLACE, color: '#445566'}\n",
                      encoding="utf-8")
    ok("init", tmp_path / "p.db", "--labels", labels, "--creator", "x")
    with Project.open(tmp_path / "p.db") as p:
        assert p.label_names() == ["WEAPON", "PLACE"]
        assert p.label("WEAPON").color == "#112233"
    bad = tmp_path / "bad.yaml"
    bad.write_text("labels:\n  - {name: A, color: red}\n", encoding="utf-8")
    fails("init", tmp_path / "q.db", "--labels", bad, message="colour must look like #rrggbb")
    # A failed init leaves nothing behind, so the same name can be used once the file is fixed.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "labels.yaml", "p.db"]
    bad.write_text("labels:\n  - {name: A, color: '#aa0000'}\n", encoding="utf-8")
    ok("init", tmp_path / "q.db", "--labels", bad)


def test_import_prints_a_summary_line(proj: Path, articles: Path) -> None:
    result = ok("import", proj, articles)
    assert result.stdout == "imported: 2 new, 0 duplicate, 0 rejected; 1 spans in 1 annotations (1 in_progress)\n"
    result = ok("import", proj, articles)
    assert result.stdout == "imported: 0 new, 2 duplicate, 0 rejected\n"


def test_import_bad_records_exit_1_and_name_them(proj: Path, tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_text(json.dumps({"text": TEXT_A}, ensure_ascii=False) + "\n{broken\n"
                 + json.dumps({"text": TEXT_B, "spans": [{"start": "3", "end": 9, "label": "ACTOR"}]}) + "\n",
                 encoding="utf-8")
    result = run("import", proj, f)
    assert result.exit_code == 1
    assert result.stdout == "imported: 1 new, 0 duplicate, 2 rejected\n"
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"rejected: {f}:2: malformed JSON")
    assert lines[1].startswith(f"rejected: {f}:3: span 1: 'start' must be an integer, got str \"3\"")
    with Project.open(proj) as p:
        assert p.article_count() == 1


def test_import_strict_writes_nothing(proj: Path, tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_text(json.dumps({"text": TEXT_A}, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    fails("import", proj, f, "--strict", message=f"{f}:2: malformed JSON")
    with Project.open(proj) as p:
        assert p.article_count() == 0


def test_import_txt_folder_and_csv_column(proj: Path, tmp_path: Path) -> None:
    folder = tmp_path / "txt"
    folder.mkdir()
    (folder / "one.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "two.txt").write_text(TEXT_B, encoding="utf-8")
    assert ok("import", proj, folder).stdout == "imported: 2 new, 0 duplicate, 0 rejected\n"
    sheet = tmp_path / "s.csv"
    sheet.write_text("body,title\nنص جديد عن حماة,حماة\n", encoding="utf-8")
    result = run("import", proj, sheet)
    assert result.exit_code == 1 and "no 'text' column" in result.stderr
    assert ok("import", proj, sheet, "--text-column", "body").stdout.startswith("imported: 1 new")
    result = run("import", proj, tmp_path / "nope.jsonl")  # a missing path is a rejection, named (#16 item 11)
    assert result.exit_code == 1
    assert result.stderr == f"rejected: {tmp_path / 'nope.jsonl'}: no such file or folder\n"
    (tmp_path / "x.docx").write_bytes(b"PK")
    result = run("import", proj, tmp_path / "x.docx")  # one unreadable file is one rejected record
    assert result.exit_code == 1
    assert result.stderr.startswith(f"rejected: {tmp_path / 'x.docx'}: unknown file type '.docx'")
    assert result.stdout == "imported: 0 new, 0 duplicate, 1 rejected\n"


def test_export_and_stats(proj: Path, articles: Path, tmp_path: Path) -> None:
    ok("import", proj, articles, "--annotator", "amal")
    out = tmp_path / "out.jsonl"
    result = ok("export", proj, out)
    assert result.stdout == f"exported 1 records, 1 spans → {out}\n"
    [rec] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert rec["_annotator_id"] == "amal"
    assert [s["text"] for s in rec["spans"]] == ["ريف إدلب الجنوبي"]
    assert ok("export", proj, out, "--status", "done").stdout.startswith("exported 0 records")
    fails("export", proj, tmp_path / "missing" / "out.jsonl", message="does not exist")

    stats = json.loads(ok("stats", proj, "--json").stdout)
    assert stats["articles"] == 2
    assert stats["spans_per_label"] == {"ACTOR": 0, "LOCATION": 1, "COUNT": 0, "SOURCE": 0}
    assert stats["annotators"]["amal"] == {"role": "annotator", "annotated": 1, "done": 0}
    assert stats["annotators"]["lead"]["role"] == "reviewer"
    text = ok("stats", proj).stdout
    assert "articles: 2" in text and "LOCATION" in text and "amal" in text


def test_labels_add_rename_recolor(proj: Path, articles: Path) -> None:
    ok("import", proj, articles)
    listing = ok("labels", proj).stdout.splitlines()
    assert [line.split()[1] for line in listing] == ["ACTOR", "LOCATION", "COUNT", "SOURCE"]
    assert ok("labels", proj, "add", "WEAPON", "--color", "#123456", "--key", "5", "--ar", "سلاح").stdout == \
        "added label WEAPON\n"
    assert ok("labels", proj, "rename", "LOCATION", "PLACE").stdout == "renamed LOCATION → PLACE\n"
    assert ok("labels", proj, "recolor", "PLACE", "#abcdef").stdout == "PLACE is now #abcdef\n"
    with Project.open(proj) as p:
        assert p.label_names() == ["ACTOR", "PLACE", "COUNT", "SOURCE", "WEAPON"]
        assert p.label("WEAPON").name_ar == "سلاح"
        assert p.label("PLACE").color == "#abcdef"
        [span] = p.spans(p.article_ids()[0], "imported")
        assert span.label == "PLACE"
    fails("labels", proj, "add", "ACTOR", "--color", "#123456", message="already exists")
    fails("labels", proj, "add", "X", "--color", "blue", message="colour")
    fails("labels", proj, "rename", "NOPE", "X", message="unknown label 'NOPE'")
    fails("labels", proj, "recolor", "ACTOR", "#12", message="colour")


def test_role(proj: Path) -> None:
    assert ok("role", proj, "amal", "reviewer").stdout == "amal is now a reviewer\n"
    assert ok("role", proj, "amal", "annotator").stdout == "amal is now a annotator\n"
    with Project.open(proj) as p:
        assert p.role("amal") == "annotator"
    result = run("role", proj, "amal", "boss")
    assert result.exit_code == 2 and "boss" in result.stderr  # click's usage error


@pytest.mark.parametrize(
    ("kind", "message"),
    [("text", "not an SQLite database"), ("sqlite", "not an annotator project"),
     ("missing", "no such project file"), ("folder", "is a folder")],
)
def test_commands_on_a_non_project(tmp_path: Path, kind: str, message: str) -> None:
    path = tmp_path / "x.db"
    if kind == "text":
        path.write_text("hello", encoding="utf-8")
    elif kind == "sqlite":
        import sqlite3

        conn = sqlite3.connect(str(path))
        conn.execute("CREATE TABLE t(x)")
        conn.commit()
        conn.close()
    elif kind == "folder":
        path.mkdir()
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    for args in (["stats"], ["labels"], ["export", tmp_path / "o.jsonl"], ["role", "a", "reviewer"],
                 ["import", tmp_path / "a.txt"], ["labels", "add", "X", "--color", "#000000"]):
        result = fails(args[0], path, *args[1:], message=message)
        assert result.stderr.startswith(f"error: {path}: ")  # names the file first
    assert not (tmp_path / "o.jsonl").exists()
    if kind == "folder":
        fails("init", path, message="is a folder")


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = [prefix]
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            out.extend(_all_commands(cmd, (*prefix, name)))
        else:
            out.append((*prefix, name))
    return out


@pytest.mark.parametrize("path", _all_commands(main), ids=lambda p: " ".join(p) or "main")
def test_help_works_on_every_command(path: tuple[str, ...]) -> None:
    # Groups that take PROJECT before their subcommand (labels) need a placeholder for it.
    args: list[str] = []
    for i, name in enumerate(path):
        args.append(name)
        if name == "labels" and i < len(path) - 1:
            args.append("p.db")
    result = ok(*args, "--help")
    assert result.output.startswith("Usage: ")
    assert "Show this message and exit." in result.output


def test_real_console_script_help() -> None:
    exe = Path(sys.executable).parent / "annotator"
    assert exe.exists(), f"{exe} missing: run pip install -e ."
    proc = subprocess.run([str(exe), "--help"], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    for cmd in ("init", "import", "export", "stats", "labels", "role", "gui"):
        assert cmd in proc.stdout
    assert proc.stderr == ""


def test_real_console_script_error(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "annotator"
    proc = subprocess.run([str(exe), "stats", str(tmp_path / "nope.db")], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: ") and "no such project file" in proc.stderr
    assert "Traceback" not in proc.stderr


# ------------------------------------------------------------------ other tools (issue 17)
INTEROP = Path(__file__).resolve().parent / "data" / "interop"


def test_import_from_other_tools_with_label_map(proj: Path, tmp_path: Path) -> None:
    result = run("import", proj, INTEROP / "doccano.jsonl")
    assert result.exit_code == 1
    assert "map it with --map GPE=LABEL or create it with --add-labels" in result.stderr
    result = ok("import", proj, INTEROP / "doccano.jsonl", "--map", "ORG=ACTOR,PERSON=ACTOR", "--map",
                "LOC=LOCATION,GPE=LOCATION")
    assert result.stdout == ("imported: 2 new, 0 duplicate, 0 rejected; 4 spans in 2 annotations (2 in_progress); "
                             "1 repeated spans kept once\n")
    result = ok("import", proj, INTEROP / "label_studio_export.json", "--map", "PER=ACTOR,ORG=ACTOR,LOC=LOCATION,GPE=LOCATION")
    # Two texts came with the doccano file; their Label Studio annotations are added all the same.
    assert result.stdout == ("imported: 1 new, 2 duplicate, 0 rejected; 10 spans in 3 annotations (3 done); "
                             "2 suggestions\n")
    result = ok("import", proj, INTEROP / "conll2003.conll", "--add-labels", "--keep-tokens")
    assert result.stdout.endswith("; labels added: LOC, ORG\n")
    bad = run("import", proj, INTEROP / "doccano.jsonl", "--map", "ORG")
    assert bad.exit_code == 1 and "--map expects OLD=NEW" in bad.stderr


def test_export_for_other_tools(proj: Path, articles: Path, tmp_path: Path) -> None:
    ok("import", proj, articles)
    for fmt, name in (("label-studio", "ls.json"), ("doccano", "doccano.jsonl")):
        result = ok("export", proj, tmp_path / name, "--format", fmt)
        assert result.stdout == f"exported 1 records, 1 spans → {tmp_path / name}\n"
    [task] = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))
    assert task["annotations"][0]["result"][0]["value"]["text"] == "ريف إدلب الجنوبي"
    ok("export", proj, tmp_path / "small.jsonl", "--no-tokens")
    record = json.loads((tmp_path / "small.jsonl").read_text(encoding="utf-8"))
    assert "tokens" not in record and record["spans"][0]["text"] == "ريف إدلب الجنوبي"
    again = tmp_path / "again.db"
    ok("init", again, "--creator", "lead")
    assert ok("import", again, tmp_path / "ls.json").stdout.startswith("imported: 1 new")


def test_unusable_paths_are_named_and_the_rest_imported(proj: Path, articles: Path, tmp_path: Path) -> None:
    """A missing file, a folder named like a file, a FIFO: each is one rejection (#16 items 10, 11)."""
    missing = tmp_path / "missing.jsonl"
    folder = tmp_path / "x.jsonl"
    folder.mkdir()
    fifos = [tmp_path / f"pipe.{ext}" for ext in ("jsonl", "txt", "csv")]
    for fifo in fifos:
        os.mkfifo(fifo)
    exe = Path(sys.executable).parent / "annotator"
    # A FIFO nobody writes to blocks a reader forever: the timeout is the test.
    proc = subprocess.run([str(exe), "import", str(proj), str(missing), str(folder), *map(str, fifos), str(articles)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [
        f"rejected: {missing}: no such file or folder",
        f"rejected: {folder}: folder has no *.txt files",
        *(f"rejected: {fifo}: is not a regular file (a pipe, socket or device); give a file" for fifo in fifos),
    ]
    assert proc.stdout.startswith("imported: 2 new, 0 duplicate, 5 rejected")


def test_fifo_given_with_a_format_is_refused(proj: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)
    exe = Path(sys.executable).parent / "annotator"
    proc = subprocess.run([str(exe), "import", str(proj), str(fifo), "--format", "jsonl"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1
    assert proc.stderr == f"rejected: {fifo}: is not a regular file (a pipe, socket or device); give a file\n"


# ------------------------------------------------------- from Prodigy files to a model (#14 item 3)
WORKFLOW_TEXTS = [
    "قال المرصد السوري لحقوق الإنسان إن قوات النظام قصفت بلدة كفرنبل في ريف إدلب.",
    "أفادت مصادر محلية بأن الطيران الروسي شن غارات على مدينة حلب ما أدى إلى مقتل 4 مدنيين.",
    "أعلن الجيش الوطني أسر 7 عناصر من تنظيم داعش في بادية حمص.",
    "قالت مصادر ميدانية إن الميليشيات الإيرانية انسحبت من مدينة دير الزور.",
    "ذكر ناشطون أن قوات النظام استعادت مدينة تدمر بعد اشتباكات مع تنظيم داعش.",
    "قال المرصد السوري لحقوق الإنسان إن 12 مدنيا قتلوا في قصف على ريف حماة.",
]
WORKFLOW_SPANS = {
    "SOURCE": ["المرصد السوري لحقوق الإنسان", "مصادر محلية", "مصادر ميدانية", "ناشطون"],
    "ACTOR": ["قوات النظام", "الطيران الروسي", "الجيش الوطني", "تنظيم داعش", "الميليشيات الإيرانية"],
    "LOCATION": ["كفرنبل", "ريف إدلب", "حلب", "بادية حمص", "دير الزور", "تدمر", "ريف حماة"],
    "COUNT": ["4 مدنيين", "7 عناصر", "12 مدنيا"],
}


def prodigy_file(path: Path, annotator: str, *, drop_last_span: bool) -> Path:
    lines = []
    for n, text in enumerate(WORKFLOW_TEXTS):
        spans = sorted(({"start": text.index(w), "end": text.index(w) + len(w), "label": label, "text": w}
                        for label, words in WORKFLOW_SPANS.items() for w in words if w in text),
                       key=lambda s: s["start"])
        if drop_last_span and n == 0:
            spans = spans[:-1]  # one disagreement, left for review mode
        lines.append(json.dumps({"text": text, "spans": spans, "answer": "accept", "_annotator_id": annotator,
                                 "meta": {"id": f"w{n}"}}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_prodigy_files_to_a_trained_model_without_the_gui(proj: Path, tmp_path: Path) -> None:
    for name, drop in (("amal", False), ("badr", True)):
        result = ok("import", proj, prodigy_file(tmp_path / f"{name}.jsonl", name, drop_last_span=drop),
                    "--annotator", name)
        assert result.stdout.endswith(f"in {len(WORKFLOW_TEXTS)} annotations ({len(WORKFLOW_TEXTS)} done)\n")

    agreement = json.loads(ok("agreement", proj, "--json").stdout)
    assert agreement["annotators"] == ["amal", "badr"]
    assert agreement["articles_compared"] == len(WORKFLOW_TEXTS)

    adjudicated = ok("adjudicate", proj, "--reviewer", "lead").stdout
    assert adjudicated.startswith(f"{len(WORKFLOW_TEXTS) - 1} articles adjudicated")
    assert "1 left with conflicts for review" in adjudicated
    gold_out = tmp_path / "gold.jsonl"
    ok("export", proj, gold_out, "--gold")
    gold = [json.loads(x) for x in gold_out.read_text(encoding="utf-8").splitlines()]
    assert len(gold) == len(WORKFLOW_TEXTS) - 1  # the disagreement waits for review mode
    assert all(r["answer"] == "accept" and r["meta"]["status"] == "gold" for r in gold)

    spacy_out = tmp_path / "trainset"
    exported = ok("export", proj, spacy_out, "--format", "spacy").stdout
    assert exported.startswith(f"exported {len(WORKFLOW_TEXTS)} articles")
    assert (spacy_out / "train.spacy").is_file() and (spacy_out / "dev.spacy").is_file()

    trained = ok("train", proj, tmp_path / "model", "--gold", "--max-steps", "4")
    assert "recorded as the project's current model" in trained.stdout
    # Each run trains into its own folder, OUTDIR/run-STAMP (core/train.py, #16 item 18).
    shown = next(line for line in trained.stdout.splitlines() if line.startswith("model: "))
    model_best = Path(shown.removeprefix("model: ").split("   P ")[0])
    assert model_best.is_dir() and model_best.name == "model-best"
    assert model_best.parent.parent == tmp_path / "model" and model_best.parent.name.startswith("run-")


# ------------------------------------------------------------------ outputs (#16 items 15, 19a)
def test_outputs_never_replace_the_project(proj: Path, articles: Path, tmp_path: Path) -> None:
    ok("import", proj, articles, "--annotator", "amal", "--status", "done")
    before = proj.read_bytes()
    for args in (["export", proj, proj], ["export", proj, proj, "--format", "conll"],
                 ["export", proj, f"{proj}-wal"], ["export", proj, f"{proj}-shm", "--format", "spacy"],
                 ["suggest", proj, "--output", proj]):
        fails(*args, message="this is the project file")
    assert proj.read_bytes() == before
    assert json.loads(ok("stats", proj, "--json").stdout)["articles"] == 2


def test_exports_follow_the_umask(proj: Path, articles: Path, tmp_path: Path) -> None:
    ok("import", proj, articles, "--annotator", "amal", "--status", "done")
    old = os.umask(0o022)
    try:
        ok("export", proj, tmp_path / "out.jsonl")
        ok("export", proj, tmp_path / "conll", "--format", "conll")
    finally:
        os.umask(old)
    assert (tmp_path / "out.jsonl").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "conll" / "train.conll").stat().st_mode & 0o777 == 0o644
