"""Terminal escapes in data never reach the terminal raw (issue #16 item 14).

Annotator names and external ids with ESC/OSC sequences made ``stats`` clear the screen and
set the window title. Every command's output now shows control characters as ``\\xNN``.
"""
from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import main
from annotator.core.store import Project
from annotator.terminal import terminal_safe

CLEAR_AND_TITLE = "\x1b[2J\x1b]0;pwned\x07"
CSI_C1 = "\x9b31m"


def test_terminal_safe_escapes_controls_and_keeps_layout_and_arabic() -> None:
    assert terminal_safe("a" + CLEAR_AND_TITLE) == "a\\x1b[2J\\x1b]0;pwned\\x07"
    assert terminal_safe(CSI_C1 + "\x7f\x00") == "\\x9b31m\\x7f\\x00"
    assert terminal_safe("قوات\tالنظام\n") == "قوات\tالنظام\n"
    assert terminal_safe("line\rover") == "line\\x0dover"


def _hostile_project(path: Path) -> Path:
    from annotator.core.importing import ArticleRecord, import_records

    with Project.create(path, creator="lead") as project:
        import_records(project, [ArticleRecord(text="قتل ثلاثة عناصر في درعا", title="خبر" + CLEAR_AND_TITLE + CSI_C1,
                                               external_id="id" + CLEAR_AND_TITLE)])
    # The store refuses such a name; a file edited by hand or made by another tool has one.
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("INSERT INTO annotators(name, role, created_at) VALUES (?, 'annotator', '2026-01-01')",
                     ("eve" + CLEAR_AND_TITLE,))
    return path


def _no_raw_controls(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text, repr(text)


def test_stats_escapes_annotator_names(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stats", str(_hostile_project(tmp_path / "p.db"))])
    assert result.exit_code == 0, result.output
    _no_raw_controls(result.output)
    # (click itself drops the CSI "clear screen" when output is not a terminal; the OSC
    # title sequence it keeps is escaped.)
    assert "eve" in result.output and "\\x1b]0;pwned\\x07" in result.output


def test_search_and_errors_escape_titles_and_arguments(tmp_path: Path) -> None:
    path = _hostile_project(tmp_path / "p.db")
    result = CliRunner().invoke(main, ["search", str(path), "درعا"])
    assert result.exit_code == 0, result.output
    _no_raw_controls(result.output)
    assert "خبر" in result.output and "\\x1b]0;pwned\\x07\\x9b31m" in result.output
    # An error line quoting a hostile argument (here: a missing project file's name).
    bad = CliRunner().invoke(main, ["stats", str(tmp_path / ("x" + CLEAR_AND_TITLE + ".db"))])
    assert bad.exit_code == 1
    _no_raw_controls(bad.output)


def test_real_process_output_is_escaped(tmp_path: Path) -> None:
    """The console script itself, stdout and stderr as a terminal would receive them."""
    path = _hostile_project(tmp_path / "p.db")
    proc = subprocess.run([sys.executable, "-m", "annotator.cli", "stats", str(path)], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    _no_raw_controls(proc.stdout + proc.stderr)
    assert "eve\\x1b" in proc.stdout
    as_json = subprocess.run([sys.executable, "-m", "annotator.cli", "stats", str(path), "--json"],
                             capture_output=True, text=True, timeout=120)
    assert "eve" + CLEAR_AND_TITLE in json.loads(as_json.stdout)["annotators"]  # JSON still round-trips
