"""Exports for other tools: doccano JSONL and Prodigy-shaped JSONL without tokens."""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.core.domain import Span
from annotator.core.errors import ExportError
from annotator.core.exporting import export_jsonl
from annotator.core.importing import content_hash, import_paths
from annotator.core.store import Project

TEXT = "قال مُراسِلُنا 👨‍👩‍👧 في حلب إن قوات النظام قصفت بلدة كفرنبل 😀 وقتلت 4 مدنيين."
MARKS = [("حلب", "LOCATION"), ("قوات النظام", "ACTOR"), ("كفرنبل", "LOCATION"), ("4 مدنيين", "COUNT")]


@pytest.fixture
def annotated(project: Project, add_article: Callable[..., int]) -> int:
    article_id = add_article(TEXT, title="قصف كفرنبل", source="عنب بلدي", external_id="k-1")
    spans = [Span(TEXT.index(n), TEXT.index(n) + len(n), label) for n, label in MARKS]
    project.replace_spans(article_id, "huda", spans)
    project.replace_spans(article_id, "amal", spans[:2])
    return article_id


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_doccano_export_shape_and_reimport(project: Project, annotated: int, tmp_path: Path) -> None:
    out = tmp_path / "doccano.jsonl"
    summary = export_jsonl(project, out, style="doccano")
    assert (summary.records, summary.spans) == (2, 6)
    _amal, huda = read_lines(out)
    assert huda["text"] == TEXT and huda["annotator"] == "huda"
    assert [TEXT[s:e] for s, e, _ in huda["label"]] == [n for n, _ in MARKS]  # code points, as doccano counts
    assert (huda["id"], huda["title"], huda["source"]) == ("k-1", "قصف كفرنبل", "عنب بلدي")
    again = Project.create(tmp_path / "again.db", creator="lead")
    try:
        result = import_paths(again, [out], annotator="huda")
        assert (result.new, result.duplicate, result.rejected) == (1, 1, 0)
        article_id = again.article_id_by_hash(content_hash(TEXT))
        assert [(s.start, s.end, s.label) for s in again.spans(article_id, "huda")] == \
            [(s.start, s.end, s.label) for s in project.spans(annotated, "amal")]  # the first line: amal's
        assert again.article(article_id).external_id == "k-1"
    finally:
        again.close()


def test_no_tokens_is_the_same_record_without_tokens(project: Project, annotated: int, tmp_path: Path) -> None:
    full, small = tmp_path / "full.jsonl", tmp_path / "small.jsonl"
    export_jsonl(project, full)
    export_jsonl(project, small, style="no-tokens")
    for with_tokens, without in zip(read_lines(full), read_lines(small)):
        assert "tokens" in with_tokens and "tokens" not in without
        assert all("token_start" not in s and "token_end" not in s for s in without["spans"])
        stripped = [{k: v for k, v in s.items() if k not in ("token_start", "token_end")} for s in with_tokens["spans"]]
        assert without["spans"] == stripped
        assert {k: v for k, v in with_tokens.items() if k not in ("tokens", "spans")} == \
            {k: v for k, v in without.items() if k != "spans"}
    assert small.stat().st_size * 2 < full.stat().st_size
    # And it imports back like the full export.
    again = Project.create(tmp_path / "again.db", creator="lead")
    try:
        assert import_paths(again, [small]).rejected == 0
    finally:
        again.close()


def test_unknown_style_is_refused_before_writing(project: Project, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown JSONL style"):
        export_jsonl(project, tmp_path / "x.jsonl", style="brat")
    assert not (tmp_path / "x.jsonl").exists()


@pytest.mark.skipif(os.cpu_count() == 1, reason="one core: exports never use workers")
@pytest.mark.parametrize("style", ["no-tokens", "doccano"])
def test_parallel_export_without_tokens_equals_serial(project: Project, add_article: Callable[..., int],
                                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       style: str) -> None:
    from annotator.core import exporting

    for n in range(30):
        text = f"{TEXT} ({n})"
        article_id = add_article(text)
        project.replace_spans(article_id, "huda", [Span(text.index("حلب"), text.index("حلب") + 3, "LOCATION")])
    serial, parallel = tmp_path / "serial.jsonl", tmp_path / "parallel.jsonl"
    monkeypatch.setattr(exporting, "PARALLEL_MIN_RECORDS", 10**9)
    exporting.export_jsonl(project, serial, style=style)
    monkeypatch.setattr(exporting, "PARALLEL_MIN_RECORDS", 1)
    monkeypatch.setattr(exporting, "CHUNK", 7)
    summary = exporting.export_jsonl(project, parallel, style=style)
    assert (summary.records, summary.spans) == (30, 30)
    assert parallel.read_bytes() == serial.read_bytes()
