"""cli/import_export.py: ``annotator import`` and ``annotator export``."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from annotator.core.store import Project


def test_import_prints_what_it_did_and_keeps_the_spans(news: Path, cli: Callable[..., Result]) -> None:
    with Project.open(news) as project:
        assert project.article_count() == 2
        (article,) = [i for i in project.article_ids() if project.spans(i, "hala")]
        assert [s.label for s in project.spans(article, "hala")] == ["LOCATION"]


def test_import_of_a_bad_record_exits_1_and_names_the_line(news: Path, tmp_path: Path,
                                                          cli: Callable[..., Result]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص جديد"}\n{"title": "بلا نص"}\n', encoding="utf-8")
    result = cli("import", news, bad, code=1)
    assert f"{bad}:2" in result.output + result.stderr
    with Project.open(news) as project:
        assert project.article_count() == 3  # the good record went in


def test_csv_with_a_text_column(news: Path, tmp_path: Path, cli: Callable[..., Result]) -> None:
    table = tmp_path / "t.csv"
    table.write_text("body,title\nنص من جدول,عنوان\n", encoding="utf-8")
    cli("import", news, table, "--text-column", "body")
    with Project.open(news) as project:
        assert project.article_count() == 3


def test_export_jsonl_round_trips_the_span(news: Path, tmp_path: Path, cli: Callable[..., Result]) -> None:
    out = tmp_path / "out.jsonl"
    cli("export", news, out, "--annotator", "hala", "--no-tokens")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(s["text"], s["label"]) for r in records for s in r["spans"]] == [("ريف إدلب الجنوبي", "LOCATION")]
    assert all("tokens" not in r for r in records)


def test_export_never_replaces_the_project(news: Path, cli: Callable[..., Result]) -> None:
    before = news.read_bytes()
    assert cli("export", news, news, code=1).stderr.startswith("error: ")
    assert news.read_bytes() == before
