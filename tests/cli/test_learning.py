"""cli/learning.py: suggest, train (its refusals) and patterns export."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import yaml
from click.testing import Result

from annotator.core.store import Project


def test_suggest_stores_rule_suggestions_and_writes_them(news: Path, tmp_path: Path,
                                                        cli: Callable[..., Result]) -> None:
    out = tmp_path / "suggested.jsonl"
    line = cli("suggest", news, "--source", "rules", "--output", out).output.strip().splitlines()[-1]
    assert line.startswith("rules: ") and line.endswith(f"on 2 articles; written to {out}")
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2 and all(r["answer"] == "suggested" for r in records)
    with Project.open(news) as project:
        stored = [project.suggestions.stored(i, "rules") for i in project.article_ids()]
    assert all(s is not None for s in stored)
    assert sum(len(s or []) for s in stored) == sum(len(r["spans"]) for r in records) > 0


def test_suggest_refuses_unknown_sources_and_blind_without_annotator(news: Path, cli: Callable[..., Result]) -> None:
    assert cli("suggest", news, "--source", "oracle", code=2).exit_code == 2
    assert "--blind needs --annotator" in cli("suggest", news, "--source", "patterns", "--blind", code=2).output


def test_suggest_from_a_model_needs_one(news: Path, cli: Callable[..., Result]) -> None:
    assert "no trained model yet" in cli("suggest", news, "--source", "model", code=1).stderr


def test_patterns_export_writes_the_learned_spans(news: Path, tmp_path: Path, cli: Callable[..., Result]) -> None:
    out = tmp_path / "learned.yaml"
    assert cli("patterns", "export", news, out).output.endswith(f"written to {out}\n")
    assert "ريف إدلب الجنوبي" in json.dumps(yaml.safe_load(out.read_text(encoding="utf-8")), ensure_ascii=False)
