"""cli/team.py: assign, merge, agreement and adjudicate over real project files."""
from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from annotator.core.store import Project

from .conftest import TEXT_A


def test_assign_spreads_every_article_over_the_overlap(news: Path, cli: Callable[..., Result]) -> None:
    lines = cli("assign", news, "--annotators", "hala,omar,rana", "--overlap", "2").output.splitlines()
    counts = {line.split()[0]: int(line.split()[1]) for line in lines}
    assert set(counts) == {"hala", "omar", "rana"}
    assert sum(counts.values()) == 2 * 2  # two articles, two annotators each


def test_merge_brings_in_a_colleagues_spans(news: Path, tmp_path: Path, cli: Callable[..., Result]) -> None:
    copy = tmp_path / "omar.db"
    shutil.copy(news, copy)
    with Project.open(copy) as other:
        (article,) = [i for i in other.article_ids() if other.article_text(i) == TEXT_A]
        start = TEXT_A.index("طائرات روسية")
        other.add_span(article, "omar", start, start + len("طائرات روسية"), "ACTOR")
    cli("merge", news, copy)
    with Project.open(news) as project:
        assert [(s.start, s.label) for i in project.article_ids() for s in project.spans(i, "omar")] == \
            [(start, "ACTOR")]
    assert "error: --map expects OLD=NEW" in cli("merge", news, copy, "--map", "nope", code=1).stderr


def test_agreement_and_adjudicate(news: Path, tmp_path: Path, cli: Callable[..., Result]) -> None:
    with Project.open(news) as project:
        (article,) = [i for i in project.article_ids() if project.article_text(i) == TEXT_A]
        start = TEXT_A.index("ريف إدلب الجنوبي")
        project.add_span(article, "omar", start, start + 16, "LOCATION")
        project.set_status(article, "hala", "done")
        project.set_status(article, "omar", "done")
    report = json.loads(cli("agreement", news, "--json").output)
    assert "hala" in json.dumps(report) and "omar" in json.dumps(report)
    assert "error: " in cli("agreement", news, "--label", "NOPE", code=1).stderr
    assert cli("adjudicate", news, "--reviewer", "lead").output.startswith("1 articles adjudicated (unanimous, 1 gold")
    with Project.open(news) as project:
        assert [(s.start, s.end, s.label) for s in project.gold.spans(article)] == [(start, start + 16, "LOCATION")]
