"""Storage faults: a read-only project, a full disk, a project file deleted or moved while open.

For each: the user gets one clear sentence (a StorageError in the core and the GUI's red
banner, an ``error:`` line and exit status 1 on the command line, never a traceback),
nothing crashes, and nothing saved before the fault is lost.

The faults are real where the machine allows it. Tests run as root here and in CI, and
root ignores permission bits, so a read-only *folder* is a read-only bind mount and a
read-only *file* is ``chattr +i`` (plain chmod for a normal user); a full disk is a
small tmpfs filled to the last byte. A test whose fault this machine cannot make is
skipped with the reason. The always-available checks: a write refused with SQLite's own
"database or disk is full" (``PRAGMA max_page_count``), and files deleted or moved.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.domain import Span
from annotator.core.errors import StorageError
from annotator.core.importing import (
    BATCH_SIZE,
    ArticleRecord,
    content_hash,
    import_records,
)
from annotator.core.store import Project

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # for the GUI tests; set before any QApplication

ROOT = Path(__file__).resolve().parents[2]
_SCRIPT = Path(sys.executable).with_name("annotator")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "annotator.cli"]

# Written for these tests in the style of the genre (not taken from any outlet).
ARTICLE = (
    "ريف حمص: هجوم على مواقع قوات النظام\n\n"
    "أفادت مصادر ميدانية بأن عناصر تابعة للتنظيم هاجموا مواقع قوات النظام في ريف حمص الشرقي، "
    "ما أدى إلى مقتل أربعة جنود، بينما شنّ الطيران الروسي غارات على بادية دير الزور والسخنة وتدمر "
    "ومحيط مدينة الميادين وقرى ريف الرقة الجنوبي وجبل البشري."
)
ANNOTATOR = "hala"


# ----------------------------------------------------------------- helpers
def words(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for w in text.split():
        start = text.index(w, pos)
        pos = start + len(w)
        out.append((start, pos))
    return out


def make_project(path: Path, n_spans: int = 3) -> tuple[int, list[Span]]:
    """A project with ARTICLE and ``n_spans`` saved spans of ANNOTATOR; return (article id, spans)."""
    with Project.create(path, creator="lead") as p:
        assert import_records(p, [ArticleRecord(text=ARTICLE)]).new == 1
        aid = p.article_id_by_hash(content_hash(ARTICLE))
        assert aid is not None
        ws = words(ARTICLE)
        for k in range(n_spans):
            p.add_span(aid, ANNOTATOR, *ws[2 * k + 3], ("ACTOR", "LOCATION", "SOURCE")[k % 3])
        p.set_status(aid, ANNOTATOR, "done")
        return aid, p.spans(aid, ANNOTATOR)


def stored(path: Path, aid: int) -> list[Span]:
    with Project.open(path) as p:
        return p.spans(aid, ANNOTATOR)


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def assert_clean_error(result: subprocess.CompletedProcess, *phrases: str) -> None:
    """Exit 1 with ``error: …`` naming the cause, and no traceback."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    for phrase in phrases:
        assert phrase in errors[0], errors[0]


def _run(*cmd: str) -> bool:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _unmount(where: Path) -> None:
    if not _run("umount", str(where)):
        _run("umount", "-l", str(where))  # something still holds it: detach lazily


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@contextlib.contextmanager
def small_filesystem(where: Path, size_kib: int = 1024) -> Iterator[Path]:
    """A real, tiny filesystem (tmpfs) at ``where``; skips when this machine cannot mount."""
    where.mkdir()
    if not (_is_root() and shutil.which("mount") and
            _run("mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0755", "tmpfs", str(where))):
        pytest.skip("a real full disk needs root with CAP_SYS_ADMIN to mount a small tmpfs")
    try:
        yield where
    finally:
        _unmount(where)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the filesystem of ``folder`` to the last byte, then free ``leave`` bytes; return the filler."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for chunk in (1 << 16, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * chunk)
            except OSError as exc:
                assert exc.errno == 28, exc  # ENOSPC
        if leave:
            os.ftruncate(fd, os.fstat(fd).st_size - leave)
    finally:
        os.close(fd)
    return filler


@contextlib.contextmanager
def read_only(kind: str, folder: Path, file: Path) -> Iterator[str]:
    """Make ``file`` (kind "file") or its whole folder (kind "folder") read-only, for real."""
    if not _is_root():
        modes = [(file, 0o444)] + ([(folder, 0o555)] if kind == "folder" else [])
        for p, mode in modes:
            p.chmod(mode)
        try:
            yield "chmod"
        finally:
            folder.chmod(0o755)
            file.chmod(0o644)
        return
    if kind == "folder":
        if _run("mount", "--bind", str(folder), str(folder)):
            if _run("mount", "-o", "remount,bind,ro", str(folder)):
                try:
                    yield "read-only bind mount"
                finally:
                    _unmount(folder)
                return
            _unmount(folder)
        pytest.skip("root without CAP_SYS_ADMIN cannot make a read-only folder")
    if _run("chattr", "+i", str(file)):
        try:
            yield "chattr +i"
        finally:
            _run("chattr", "-i", str(file))
        return
    pytest.skip("root without CAP_LINUX_IMMUTABLE (or a filesystem without chattr) cannot make a read-only file")


# ---------------------------------------------------------------- read-only
@pytest.mark.parametrize("kind", ["folder", "file"])
def test_read_only_project_is_readable_and_refuses_writes_clearly(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "project.db"
    aid, saved = make_project(path)
    before = path.read_bytes()
    ws = words(ARTICLE)
    with read_only(kind, folder, path):
        with Project.open(path) as p:
            assert p.spans(aid, ANNOTATOR) == saved  # reading works
            writes = [
                lambda: p.add_span(aid, ANNOTATOR, *ws[0], "LOCATION"),
                lambda: p.delete_span(saved[0].id),
                lambda: p.update_span(saved[1].id, label="COUNT"),
                lambda: p.set_status(aid, ANNOTATOR, "flagged", "تحقق"),
                lambda: p.set_setting("last_article:hala", aid),
                lambda: import_records(p, [ArticleRecord(text="خبر جديد عن قصف في إدلب")]),
            ]
            for write in writes:
                with pytest.raises(StorageError) as err:
                    write()
                assert "read-only" in str(err.value) and str(path) in str(err.value)
            assert p.spans(aid, ANNOTATOR) == saved
            assert p.annotation(aid, ANNOTATOR).status == "done"
    assert path.read_bytes() == before
    # Writable again: nothing was lost, and work goes on.
    with Project.open(path) as p:
        assert p.spans(aid, ANNOTATOR) == saved
        p.add_span(aid, ANNOTATOR, *ws[0], "LOCATION")
    assert integrity(path) == "ok"


@pytest.mark.parametrize("kind", ["folder", "file"])
def test_cli_on_read_only_project(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "project.db"
    aid, saved = make_project(path)
    before = path.read_bytes()
    incoming = tmp_path / "incoming.jsonl"
    incoming.write_text(json.dumps({"text": "قصف مدفعي على بلدات جبل الزاوية"}, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with read_only(kind, folder, path):
        stats = cli("stats", str(path))
        assert stats.returncode == 0 and "articles: 1" in stats.stdout, stats.stderr
        export = cli("export", str(path), str(out))  # reading a read-only project works
        assert export.returncode == 0, export.stderr
        assert "Traceback" not in export.stderr
        assert_clean_error(cli("import", str(path), str(incoming)), "read-only", str(path))
        assert_clean_error(cli("labels", str(path), "add", "WEAPON", "--color", "#123456"), "read-only")
        assert_clean_error(cli("role", str(path), "omar", "reviewer"), "read-only")
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(s["start"], s["end"], s["label"]) for s in exported[0]["spans"]] == \
        [(s.start, s.end, s.label) for s in saved]
    assert path.read_bytes() == before
    assert stored(path, aid) == saved


# ---------------------------------------------------------------- full disk
def test_write_refused_as_full_is_reported_and_rolled_back(project_path: Path) -> None:
    """SQLite's own SQLITE_FULL (via max_page_count, no privileges needed)."""
    aid, saved = make_project(project_path)
    ws = words(ARTICLE)
    with Project.open(project_path) as p:
        pages = p.conn.execute("PRAGMA page_count").fetchone()[0]
        p.conn.execute(f"PRAGMA max_page_count = {pages}")
        big = {"note": "ملاحظة طويلة " * 4000}  # needs new pages: the file cannot grow
        with pytest.raises(StorageError) as err:
            p.add_span(aid, ANNOTATOR, *ws[0], "LOCATION", big)
        assert "disk is full" in str(err.value) and "everything before it is safe" in str(err.value)
        assert p.spans(aid, ANNOTATOR) == saved  # the failed transaction left nothing behind
        assert p.annotation(aid, ANNOTATOR).status == "done"
        p.conn.execute(f"PRAGMA max_page_count = {pages * 100}")
        p.add_span(aid, ANNOTATOR, *ws[0], "LOCATION", big)  # room again: the same write works
    assert len(stored(project_path, aid)) == len(saved) + 1
    assert integrity(project_path) == "ok"


def test_full_disk_keeps_saved_work_and_recovers(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "small") as fs:
        path = fs / "project.db"
        aid, saved = make_project(path)
        ws = words(ARTICLE)
        p = Project.open(path)
        try:
            acked = list(saved)
            acked.append(p.add_span(aid, ANNOTATOR, *ws[0], "LOCATION"))
            filler = fill(fs)
            refused = 0
            for k in range(1, 3):  # every further write is refused the same clean way
                with pytest.raises(StorageError) as err:
                    p.add_span(aid, ANNOTATOR, *ws[k], "ACTOR")
                assert "disk is full" in str(err.value)
                refused += 1
            with pytest.raises(StorageError):
                p.set_status(aid, ANNOTATOR, "flagged")
            assert p.spans(aid, ANNOTATOR) == sorted(acked, key=lambda s: (s.start, s.end))
        finally:
            p.close()  # its final checkpoint fails on the full disk; nothing may be lost by that
        assert refused == 2
        # Still full: the project opens and shows everything saved.
        with Project.open(path) as q:
            assert {s.id for s in q.spans(aid, ANNOTATOR)} == {s.id for s in acked}
            assert q.annotation(aid, ANNOTATOR).status == "done"
        filler.unlink()
        with Project.open(path) as q:
            q.add_span(aid, ANNOTATOR, *ws[1], "ACTOR")  # space again: work goes on
            assert len(q.spans(aid, ANNOTATOR)) == len(acked) + 1
        assert integrity(path) == "ok"


def test_cli_on_full_disk(tmp_path: Path) -> None:
    incoming = tmp_path / "incoming.jsonl"
    with open(incoming, "w", encoding="utf-8") as fh:
        for i in range(300):
            text = f"ريف إدلب: قصف مدفعي على بلدات جبل الزاوية في اليوم {i} من الحملة. " + ARTICLE
            fh.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    with small_filesystem(tmp_path / "small") as fs:
        path = fs / "project.db"
        aid, saved = make_project(path)

        # Room to open the project, not to store the import: the batch's write fails.
        filler = fill(fs, leave=96 * 1024)
        assert_clean_error(cli("import", str(path), str(incoming)), "disk is full", str(path))
        # Completely full: even opening fails, with the same plain cause.
        filler.unlink()
        filler = fill(fs)
        assert_clean_error(cli("labels", str(path), "add", "WEAPON", "--color", "#123456"), "disk is full")
        assert_clean_error(cli("stats", str(path)), "disk is full", "nothing in the project is lost")
        filler.unlink()

        with Project.open(path) as p:
            assert p.article_count() == 1  # the refused import wrote nothing
            assert p.spans(aid, ANNOTATOR) == saved
        assert integrity(path) == "ok"
        again = cli("import", str(path), str(incoming))
        assert again.returncode == 0, again.stderr
        assert "imported: 300 new" in again.stdout
        assert integrity(path) == "ok"


def test_cli_export_onto_full_disk_keeps_previous_export(tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    aid, saved = make_project(path)
    with small_filesystem(tmp_path / "small") as fs:
        target = fs / "export.jsonl"
        assert cli("export", str(path), str(target)).returncode == 0
        previous = target.read_bytes()
        with Project.open(path) as p:  # make the next export bigger than the room left
            assert import_records(
                p, [ArticleRecord(text=f"{ARTICLE} ({i})", spans=[Span(0, 7, "LOCATION")]) for i in range(400)]
            ).new == 400
        fill(fs)
        assert_clean_error(cli("export", str(path), str(target)), "export failed", str(target))
        assert target.read_bytes() == previous
        assert sorted(os.listdir(fs)) == ["export.jsonl", "filler.bin"], "a temporary export file was left behind"
    assert stored(path, aid) == saved


# --------------------------------------------------- deleted or moved while open
def rescue_path(message: str) -> Path:
    match = re.search(r"Everything saved before it is in (.+?); open that file", message)
    assert match, f"the message does not say where the work went: {message}"
    return Path(match.group(1))


@pytest.mark.parametrize("how", ["deleted", "moved"])
def test_file_deleted_or_moved_while_open(tmp_path: Path, how: str) -> None:
    path = tmp_path / "project.db"
    aid, saved = make_project(path, n_spans=0)
    ws = words(ARTICLE)
    p = Project.open(path)
    try:
        acked = [p.add_span(aid, ANNOTATOR, *ws[k], "LOCATION") for k in (1, 4, 7)]
        p.set_status(aid, ANNOTATOR, "flagged", "مراجعة")
        if how == "deleted":
            path.unlink()
        else:
            path.rename(tmp_path / "elsewhere.db")
        with pytest.raises(StorageError) as err:
            p.add_span(aid, ANNOTATOR, *ws[10], "ACTOR")
        message = str(err.value)
        assert "moved or deleted while it was open" in message and "not saved" in message
        with pytest.raises(StorageError) as again:  # further writes: refused too, no crash
            p.delete_span(acked[0].id)
        assert rescue_path(str(again.value)) == rescue_path(message)  # one copy, not one per write
        assert p.spans(aid, ANNOTATOR) == acked  # the open project still reads
    finally:
        p.close()
    rescued = rescue_path(message)
    assert rescued.parent == tmp_path
    assert integrity(rescued) == "ok"
    with Project.open(rescued) as r:
        assert r.spans(aid, ANNOTATOR) == acked
        assert r.annotation(aid, ANNOTATOR).status == "flagged"
        r.add_span(aid, ANNOTATOR, *ws[10], "ACTOR")  # the copy is a working project
    assert len(list(tmp_path.glob("project.recovered-*.db"))) == 1


def test_file_moved_while_open_then_closed_without_a_write(tmp_path: Path) -> None:
    """A rename just before quitting: SQLite would leave the last changes in the old -wal."""
    path = tmp_path / "project.db"
    aid, _ = make_project(path, n_spans=0)
    ws = words(ARTICLE)
    p = Project.open(path)
    acked = [p.add_span(aid, ANNOTATOR, *ws[k], "SOURCE") for k in (2, 5)]
    path.rename(tmp_path / "renamed.db")
    p.close()
    copies = list(tmp_path.glob("project.recovered-*.db"))
    assert len(copies) == 1
    assert stored(copies[0], aid) == acked


def test_cli_import_when_project_deleted_midway(tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    make_project(path, n_spans=1)
    incoming = tmp_path / "incoming.jsonl"
    with open(incoming, "w", encoding="utf-8") as fh:
        for i in range(40_000):
            fh.write(json.dumps({"text": f"ريف درعا: مقتل {i % 50 + 2} مدنيين في قصف، وهو الهجوم {i} هذا العام"},
                                ensure_ascii=False) + "\n")
    child = subprocess.Popen([*CLI, "import", str(path), str(incoming)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
            try:
                n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            finally:
                conn.close()
            if n > BATCH_SIZE:
                break
            assert child.poll() is None and time.monotonic() < deadline, child.stderr.read() if child.stderr else ""
            time.sleep(0.01)
        path.unlink()
        out, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            child.wait()
    result = subprocess.CompletedProcess(child.args, child.returncode, out, err)
    assert_clean_error(result, "moved or deleted while it was open")
    rescued = rescue_path(err)
    assert integrity(rescued) == "ok"
    with Project.open(rescued) as r:
        count = r.article_count()
        assert count > BATCH_SIZE and (count - 1) % BATCH_SIZE == 0  # whole batches, as committed
        assert len(r.spans(r.article_ids()[0], ANNOTATOR)) == 1  # the work from before the import


# ----------------------------------------------------------------------- GUI
@pytest.mark.parametrize("fault", ["file deleted", "disk full"])
def test_gui_write_failure_shows_banner_and_no_span(qtbot, tmp_path: Path, fault: str) -> None:
    from PySide6.QtCore import QSettings

    from annotator.gui.app import ensure_app
    from annotator.gui.main_window import MainWindow

    ensure_app()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("suggest_source", "off")
    with contextlib.ExitStack() as stack:
        folder = stack.enter_context(small_filesystem(tmp_path / "small")) if fault == "disk full" else tmp_path
        path = folder / "project.db"
        aid, _ = make_project(path, n_spans=0)
        project = Project.open(path)
        stack.callback(project.close)
        window = MainWindow(project, ANNOTATOR, settings)
        stack.callback(window.clock.stop)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        ws = words(ARTICLE)

        window.view.select_cp(*ws[1])
        window.label_buttons["LOCATION"].click()  # saved normally
        assert [s.label for s in window.spans] == ["LOCATION"]
        assert not window.banner.isVisible()
        first = window.spans[0]

        filler = None
        if fault == "disk full":
            filler = fill(folder)
        else:
            path.unlink()
        window.view.select_cp(*ws[4])
        window.label_buttons["ACTOR"].click()

        assert window.banner.isVisible()
        expected = "disk is full" if fault == "disk full" else "moved or deleted while it was open"
        assert expected in window.banner.text()
        # The refused span is nowhere: not in the list, the span table or the highlighting.
        assert [s.label for s in window.spans] == ["LOCATION"]
        assert window.span_model.rowCount() == 1
        assert window.view.shown_at(ws[4][0]) is None
        assert len(window.view.extraSelections()) == 1
        # Still usable, still refusing clearly.
        window.mark_done_and_next()
        assert window.banner.isVisible() and expected in window.banner.text()
        assert window.article_id == aid

        window.close()
        project.close()
        if filler is not None:
            filler.unlink()
            kept = stored(path, aid)
        else:
            kept = stored(rescue_path(window.banner.text()), aid)
        assert kept == [first]
