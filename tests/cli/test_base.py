"""cli/base.py: the ``main`` group, clean ``error:`` lines, opening and closing the project."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from annotator.cli.base import main


def test_a_domain_error_is_one_error_line_and_exit_1(tmp_path: Path, cli: Callable[..., Result]) -> None:
    result = cli("stats", tmp_path / "missing.db", code=1)
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


def test_a_damaged_file_is_named_in_one_line(tmp_path: Path, cli: Callable[..., Result]) -> None:
    path = tmp_path / "news.db"
    cli("init", path)
    data = bytearray(path.read_bytes())
    data[200:4096] = b"\xff" * (4096 - 200)  # the schema page overwritten
    path.write_bytes(bytes(data))
    result = cli("stats", path, code=1)
    assert result.stderr.startswith("error: ") and str(path) in result.stderr


def test_terminal_escapes_in_data_are_not_printed_raw(news: Path, tmp_path: Path,
                                                     cli: Callable[..., Result]) -> None:
    source = tmp_path / "evil.jsonl"
    source.write_text(json.dumps({"title": "عنوان\x1b[2J", "text": "خبر عن دمشق"}) + "\n", encoding="utf-8")
    cli("import", news, source)
    found = cli("search", news, "دمشق").stdout
    assert "عنوان" in found and "\x1b" not in found


def test_version_and_help(cli: Callable[..., Result]) -> None:
    assert "version" in cli("--version").output
    assert main.name == "main"
    usage = cli("--help").output
    for command in ("init", "import", "export", "stats", "assign", "agreement", "suggest"):
        assert command in usage


def test_the_project_is_closed_when_the_command_ends(news: Path, cli: Callable[..., Result]) -> None:
    cli("stats", news)
    assert not Path(str(news) + "-wal").exists() or Path(str(news) + "-wal").stat().st_size == 0
