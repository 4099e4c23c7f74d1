"""Fixtures of the command tests: a runner that refuses tracebacks, and a project with articles."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli import main

TEXT_A = "قصفت طائرات روسية ريف إدلب الجنوبي، ما أدى إلى مقتل 3 مدنيين."
TEXT_B = "قال المرصد السوري لحقوق الإنسان إن قوات النظام استعادت بلدة كفرنبل."


@pytest.fixture
def cli() -> Callable[..., Result]:
    """``cli(*args, code=0)``: run ``annotator ARGS`` in-process; a user never sees a traceback."""

    def run(*args: object, code: int | None = 0) -> Result:
        result = CliRunner().invoke(main, [str(a) for a in args])
        assert "Traceback" not in result.output and "Traceback" not in result.stderr
        if code is not None:
            assert result.exit_code == code, (result.output, result.stderr, result.exception)
        return result

    return run


@pytest.fixture
def news(tmp_path: Path, cli: Callable[..., Result]) -> Path:
    """A project (creator ``lead``) holding TEXT_A, with a LOCATION span by ``hala``, and TEXT_B."""
    path = tmp_path / "news.db"
    cli("init", path, "--creator", "lead")
    start = TEXT_A.index("ريف إدلب الجنوبي")
    records = [{"text": TEXT_A, "id": "a1", "spans": [{"start": start, "end": start + 16, "label": "LOCATION"}]},
               {"text": TEXT_B, "id": "b1"}]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    cli("import", path, source, "--annotator", "hala")
    return path
