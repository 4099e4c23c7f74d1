"""A large import reads and prepares its records in a worker process: the project, the summary
and every error message must be exactly those of the one-process import."""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import annotator.core.import_pipeline as pipeline
from annotator.core.errors import InputError
from annotator.core.importing import BATCH_SIZE, import_paths, resolve_paths
from annotator.core.store import Project

pytestmark = pytest.mark.skipif(os.cpu_count() == 1, reason="one core: imports never use a worker")

TEXT = "قال المرصد السوري إن {n} عناصر قتلوا في ريف حمص الشرقي، وأفادت مصادر ميدانية بنزوح عائلات."


def article(n: int, **extra: Any) -> dict[str, Any]:
    text = TEXT.format(n=n)
    return {"id": f"a{n}", "title": f"خبر {n}", "text": text, "source": "المدن", **extra}


def span(text: str, needle: str, label: str) -> dict[str, Any]:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "label": label}


def mixed_lines() -> list[str]:
    """Good records, records with spans and statuses, and every kind of bad record."""
    lines = []
    for n in range(40):
        rec = article(n)
        if n % 3 == 0:
            rec["spans"] = [span(rec["text"], "المرصد السوري", "SOURCE"), span(rec["text"], "ريف حمص", "LOCATION"),
                            span(rec["text"], "ريف حمص", "LOCATION")]  # a repeat, kept once
        if n % 5 == 0:
            rec["answer"] = "accept"
        lines.append(json.dumps(rec, ensure_ascii=False))
        if n % 7 == 0:
            lines.append('{"text": "نص بلا نهاية')  # malformed JSON
            lines.append(json.dumps([TEXT.format(n=1000 + n)], ensure_ascii=False))  # not an object
            lines.append(json.dumps({"text": TEXT.format(n=2000 + n), "url": ["x"]}, ensure_ascii=False))
            lines.append(json.dumps({**article(3000 + n), "spans": [{"start": 3, "end": 1, "label": "ACTOR"}]},
                                    ensure_ascii=False))
            lines.append(json.dumps({**article(4000 + n), "spans": [{"start": 0, "end": 3, "label": "WEATHER"}]},
                                    ensure_ascii=False))
            lines.append(json.dumps(article(n), ensure_ascii=False))  # a duplicate
    return lines


def project_contents(project: Project) -> dict[str, list[tuple]]:
    """Everything an import writes, without the import's time."""
    q = project.conn.execute
    return {
        "articles": q("SELECT id, external_id, title, text, source, url, published, meta, content_hash, search_key "
                      "FROM articles ORDER BY id").fetchall(),
        "annotations": q("SELECT article_id, annotator, status, comment FROM annotations ORDER BY id").fetchall(),
        "spans": q('SELECT annotation_id, start, "end", label, origin FROM spans ORDER BY id').fetchall(),
        "labels": q("SELECT name FROM labels ORDER BY name").fetchall(),
    }


def summary_fields(summary: Any) -> tuple:
    return (summary.new, summary.duplicate, summary.rejected, summary.annotations, summary.spans,
            dict(summary.statuses), summary.duplicate_spans, summary.labels_added,
            [(str(e), e.reason, e.file, e.line) for e in summary.errors])


def import_both_ways(tmp_path: Path, paths: list[Path], **kw: Any) -> tuple[tuple, tuple]:
    results = []
    for worker in (False, True):
        with Project.create(tmp_path / f"worker-{worker}.db", creator="lead") as project:
            summary = import_paths(project, paths, worker=worker, **kw)
            results.append((summary_fields(summary), project_contents(project)))
    return results[0], results[1]


@pytest.fixture
def small_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many small messages and a short queue, so the worker often waits for the writer."""
    monkeypatch.setattr(pipeline, "CHUNK", 4)
    monkeypatch.setattr(pipeline, "AHEAD", 2)


def test_worker_import_equals_one_process_import(tmp_path: Path, small_messages: None) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join(mixed_lines()) + "\n", encoding="utf-8")
    second = tmp_path / "second.jsonl"
    second.write_text(json.dumps(article(99), ensure_ascii=False) + "\n\n[1]\n", encoding="utf-8")
    paths = [first, tmp_path / "missing.jsonl", second]
    serial, parallel = import_both_ways(tmp_path, paths, annotator="amal")
    assert parallel == serial
    summary, contents = serial
    assert summary[:3] == (41, 6, 32)  # the test exercises what it claims to
    assert summary[6] == 14 and len(contents["spans"]) == 28
    errors = summary[-1]
    assert (errors[0][2], errors[0][3]) == (str(first), 2)
    assert any(reason == "no such file or folder" for _, reason, _, _ in errors)


def test_worker_import_adds_labels_and_maps_them_as_one_process_does(tmp_path: Path, small_messages: None) -> None:
    f = tmp_path / "labels.jsonl"
    f.write_text("\n".join(mixed_lines()) + "\n", encoding="utf-8")
    serial, parallel = import_both_ways(tmp_path, [f], add_labels=True, label_map={"SOURCE": "ORIGIN"})
    assert parallel == serial
    assert serial[0][7] == ["ORIGIN", "WEATHER"]


def test_strict_worker_import_raises_the_same_error_and_writes_nothing(tmp_path: Path) -> None:
    f = tmp_path / "strict.jsonl"
    f.write_text("\n".join(mixed_lines()) + "\n", encoding="utf-8")
    raised = []
    for worker in (False, True):
        with Project.create(tmp_path / f"strict-{worker}.db", creator="lead") as project:
            with pytest.raises(InputError) as info:
                import_paths(project, [f], strict=True, worker=worker)
            raised.append((str(info.value), info.value.file, info.value.line))
            assert project.article_count() == 0
            assert not project.conn.in_transaction
    assert raised[0] == raised[1] == (f"{f}:2: malformed JSON (Invalid control character at; column 23)",
                                      str(f), 2)
    assert not mp.active_children()


def test_an_interrupted_worker_import_keeps_whole_batches_and_stops_the_worker(tmp_path: Path) -> None:
    f = tmp_path / "big.jsonl"
    with open(f, "w", encoding="utf-8") as fh:
        for n in range(BATCH_SIZE * 2 + 10):
            rec = article(n)
            if n % 2:
                rec["spans"] = [span(rec["text"], "ريف حمص", "LOCATION")]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

    def stop_after_first_batch(seen: int) -> None:
        raise KeyboardInterrupt

    with Project.create(tmp_path / "p.db", creator="lead") as project:
        with pytest.raises(KeyboardInterrupt):
            import_paths(project, [f], worker=True, progress=stop_after_first_batch)
        assert not mp.active_children()  # the worker is gone
        assert project.article_count() == BATCH_SIZE  # one whole batch, with its spans
        assert project.conn.execute("SELECT count(*) FROM spans").fetchone()[0] == BATCH_SIZE // 2
        summary = import_paths(project, [f], worker=True)
        assert (summary.new, summary.duplicate, summary.rejected) == (10 + BATCH_SIZE, BATCH_SIZE, 0)
        assert project.conn.execute("SELECT count(*) FROM spans").fetchone()[0] == BATCH_SIZE + 5


def _read_then_fail(path: Path) -> Any:
    from annotator.core.formats.record import ArticleRecord

    yield ArticleRecord(text="نص أول")
    raise ZeroDivisionError("a bug in a reader")


def _read_then_die(path: Path) -> Any:
    from annotator.core.formats.record import ArticleRecord

    yield ArticleRecord(text="نص أول")
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_failure_in_the_worker_reaches_the_import(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text("{}\n", encoding="utf-8")
    files = resolve_paths([f], None)
    with pipeline.prepared_records(files, _read_then_fail, "now") as records:
        first = next(records)
        assert first.row[2] == "نص أول".encode()
        with pytest.raises(ZeroDivisionError, match="a bug in a reader"):
            next(records)
    with pipeline.prepared_records(files, _read_then_die, "now") as records:
        with pytest.raises(RuntimeError, match="reader process stopped unexpectedly"):
            list(records)
    assert not mp.active_children()


def test_small_inputs_stay_in_one_process(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps(article(1), ensure_ascii=False) + "\n", encoding="utf-8")
    files = resolve_paths([f, tmp_path / "missing.jsonl"], None)
    assert not pipeline.worth_a_worker(files, load=0.0)
    assert pipeline.worth_a_worker(files, threshold=f.stat().st_size, load=0.0)
    assert not pipeline.worth_a_worker(files, threshold=f.stat().st_size + 1, load=0.0)


def test_no_worker_when_every_core_is_busy(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps(article(1), ensure_ascii=False) + "\n", encoding="utf-8")
    files = resolve_paths([f], None)
    cores = os.cpu_count() or 1
    assert pipeline.worth_a_worker(files, threshold=1, load=cores - 1.0)
    assert not pipeline.worth_a_worker(files, threshold=1, load=cores - 0.9)


_ORPHAN_SCRIPT = """
import sys, time, multiprocessing as mp
from pathlib import Path
import annotator.core.import_pipeline as pipeline
from annotator.core.importing import read_records, resolve_paths
import functools
pipeline.AHEAD = 1
pipeline.CHUNK = 1
files = resolve_paths([sys.argv[1]], None)
with pipeline.prepared_records(files, functools.partial(read_records, fmt="jsonl"), "now") as records:
    next(records)
    print(mp.active_children()[0].pid, flush=True)
    time.sleep(600)  # never reads on: the worker waits with a full queue
"""


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as fh:
            return not any(line.startswith("State:") and "Z" in line for line in fh)
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to see the worker")
def test_the_worker_does_not_outlive_a_killed_import(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text("".join(json.dumps(article(n), ensure_ascii=False) + "\n" for n in range(50)), encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", _ORPHAN_SCRIPT, str(f)], stdout=subprocess.PIPE, text=True)
    try:
        worker_pid = int(child.stdout.readline())  # type: ignore[union-attr]
        assert _running(worker_pid)
    finally:
        child.kill()
        child.wait()
    deadline = time.monotonic() + 15
    try:
        while _running(worker_pid):
            assert time.monotonic() < deadline, "the worker outlived the killed import"
            time.sleep(0.1)
    finally:
        if _running(worker_pid):
            os.kill(worker_pid, signal.SIGKILL)


def test_a_spawned_worker_imports_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where a Qt application runs, the worker is spawned, not forked: same result."""
    monkeypatch.setattr(pipeline, "_start_method", lambda: "spawn")
    f = tmp_path / "spawned.jsonl"
    f.write_text("\n".join(mixed_lines()) + "\n", encoding="utf-8")
    serial, parallel = import_both_ways(tmp_path, [f], annotator="amal")
    assert parallel == serial
    assert not mp.active_children()
