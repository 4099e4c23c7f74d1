"""The one atomic writer (core/formats/atomic.py): permissions, leftovers, the project file,
and training sets whose train and dev change together even when the writer is killed."""
from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.core.errors import ExportError
from annotator.core.formats import atomic, conll

ROOT = Path(__file__).resolve().parents[3]


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


# ------------------------------------------------------------------ permissions (#16 item 19a)
def test_a_file_follows_the_umask_not_0600(tmp_path: Path, umask_027: None) -> None:
    out = tmp_path / "out.jsonl"
    with atomic.atomic_file(out) as fh:
        fh.write("{}\n")
    assert mode_of(out) == 0o640
    os.umask(0o022)
    with atomic.atomic_file(out) as fh:
        fh.write("{}\n")
    assert mode_of(out) == 0o644


def test_a_training_set_follows_the_umask(tmp_path: Path, umask_027: None) -> None:
    report = conll.write(records(1), tmp_path / "set")
    assert mode_of(tmp_path / "set") == 0o750
    assert [mode_of(p) for p in report.paths] == [0o640, 0o640]


# ------------------------------------------------------------------ leftovers (#16 item 16)
def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_leftovers_of_dead_writers_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    dead = dead_pid()
    (tmp_path / f".out.jsonl.{dead}.0123abcd.tmp").write_text("half")
    (tmp_path / f".out.jsonl.{dead}.89abcdef.tmp").mkdir()  # the parallel export's part files
    (tmp_path / f".out.jsonl.{dead}.89abcdef.tmp" / "0000001.jsonl").write_text("part")
    live = tmp_path / f".out.jsonl.{os.getppid()}.deadbeef.tmp"  # a writer still running
    live.write_text("busy")
    other = tmp_path / f".other.jsonl.{dead}.0123abcd.tmp"  # another output's: not ours to judge
    other.write_text("x")
    with atomic.atomic_file(out) as fh:
        fh.write("{}\n")
    assert hidden(tmp_path) == sorted([live.name, other.name])


def test_old_leftovers_of_earlier_versions_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    old_tmp = tmp_path / ".out.jsonl.k3j_9x2a.tmp"
    old_parts = tmp_path / ".export-ab12cd34"
    recent_parts = tmp_path / ".export-zz99yy88"
    old_tmp.write_text("half")
    old_parts.mkdir()
    (old_parts / "0000000.jsonl").write_text("part")
    recent_parts.mkdir()
    long_ago = time.time() - 2 * atomic.LEGACY_AGE_SECONDS
    for p in (old_tmp, old_parts):
        os.utime(p, (long_ago, long_ago))
    with atomic.atomic_file(out) as fh:
        fh.write("{}\n")
    assert hidden(tmp_path) == [recent_parts.name]


def test_a_killed_jsonl_export_leaves_nothing_after_the_next_run(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    script = (
        "import sys, time\n"
        "from annotator.core.formats import atomic\n"
        "with atomic.atomic_file(sys.argv[1]) as fh:\n"
        "    fh.write('{}\\n'); fh.flush(); print('writing', flush=True); time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(out)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None and proc.stdout.readline() == "writing\n"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert len(hidden(tmp_path)) == 1 and not out.exists()  # what a kill strands...
    with atomic.atomic_file(out) as fh:
        fh.write("{}\n")
    assert hidden(tmp_path) == [] and out.read_text() == "{}\n"  # ...the next run removes


# ------------------------------------------------------------------ the project file (#16 item 15)
def test_the_project_file_and_its_journal_are_refused(tmp_path: Path) -> None:
    project = tmp_path / "p.db"
    project.write_bytes(b"")
    link = tmp_path / "link.jsonl"
    link.symlink_to(project)
    for out in (project, tmp_path / "p.db-wal", tmp_path / "p.db-shm", tmp_path / "." / "p.db", link):
        with pytest.raises(ExportError, match="this is the project file"):
            atomic.refuse_project_path(out, project)
    atomic.refuse_project_path(tmp_path / "p.db.jsonl", project)


def test_a_folder_holding_other_files_is_not_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    with pytest.raises(ExportError, match="holds other files \\(notes.txt\\)"):
        conll.write(records(1), folder)
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    conll.write(records(1), tmp_path / "set")
    conll.write(records(2), tmp_path / "set")  # an earlier export there is replaced
    assert sorted(p.name for p in (tmp_path / "set").iterdir()) == ["dev.conll", "train.conll"]


# ------------------------------------------------------------------ train + dev together (#16 item 17)
def records(generation: int) -> list[tuple[str, list, dict]]:
    """Ten articles whose text names the export generation they belong to."""
    return [(f"الجيل {generation} خبر رقم {n} عن قصف على حلب .", [], {"article_id": n}) for n in range(10)]


def generations(folder: Path) -> set[str]:
    """The generations found in train.conll and dev.conll (one when they belong together)."""
    found = set()
    for name in conll.FILES:
        path = folder / name
        if path.exists():
            for article in conll.read(path):
                found.add(article[0][1][0])  # the token after "الجيل"
    return found


KILLERS = {
    # Killed after writing, before anything is renamed.
    "before the swap": "atomic._swap_in = die\n",
    # The two-rename fallback (no renameat2): killed between moving the old folder out and the new one in.
    "between the renames": (
        "atomic._rename_exchange = lambda a, b: False\n"
        "real_rename = os.rename\n"
        "calls = []\n"
        "def rename(a, b):\n"
        "    calls.append(a)\n"
        "    if len(calls) == 2: die()\n"
        "    real_rename(a, b)\n"
        "atomic.os.rename = rename\n"
    ),
    # After the exchange, before the old folder is removed.
    "after the exchange": "atomic.shutil.rmtree = lambda *a, **k: die()\n",
}


@pytest.mark.parametrize("where", list(KILLERS))
def test_train_and_dev_change_together_when_killed(tmp_path: Path, where: str) -> None:
    folder = tmp_path / "set"
    conll.write(records(1), folder, dev_fraction=0.3)
    assert generations(folder) == {"1"}
    script = (
        "import os, signal, sys\n"
        "from annotator.core.formats import atomic, conll\n"
        "from tests.core.formats.test_atomic import records\n"
        "def die(*a, **k): os.kill(os.getpid(), signal.SIGKILL)\n"
        + KILLERS[where]
        + "conll.write(records(2), sys.argv[1], dev_fraction=0.3)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(folder)], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120, check=False)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    # Never a new train beside an old dev: one generation, complete, or (between the two
    # renames of the fallback) no training set at all.
    found = generations(folder)
    assert found in ({"1"}, {"2"}) or (where == "between the renames" and not folder.exists())
    if folder.exists():
        assert sorted(p.name for p in folder.iterdir()) == ["dev.conll", "train.conll"]
    # The next export completes and leaves nothing behind.
    conll.write(records(3), folder, dev_fraction=0.3)
    assert generations(folder) == {"3"}
    assert hidden(tmp_path) == []
