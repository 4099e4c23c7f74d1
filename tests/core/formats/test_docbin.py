"""core/formats/docbin.py: spaCy's train.spacy/dev.spacy, written atomically and read back.

The train/dev split shared with CoNLL is tested in tests/core/formats/test_trainsplit.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.domain import Span
from annotator.core.errors import ExportError
from annotator.core.formats import docbin

TEXTS = [
    ("قال المرصد السوري إن 4 جنود قتلوا في ريف حمص.", [("المرصد السوري", "SOURCE"), ("ريف حمص", "LOCATION")]),
    ("قصفت قوات النظام مدينة إدلب.", [("قوات النظام", "ACTOR"), ("إدلب", "LOCATION")]),
    ("وأفادت مصادر محلية بمقتل 3 مدنيين.", [("مصادر محلية", "SOURCE"), ("3 مدنيين", "COUNT")]),
]


def records() -> list[tuple[str, list[Span], dict]]:
    out = []
    for n, (text, marks) in enumerate(TEXTS):
        spans = [Span(text.index(t), text.index(t) + len(t), label) for t, label in marks]
        out.append((text, spans, {"article_id": n + 1}))
    return out


def test_write_then_read_gives_back_every_span(tmp_path: Path) -> None:
    report = docbin.write(records(), tmp_path / "corpus", dev_fraction=0.34)
    assert [p.name for p in report.paths] == list(docbin.FILES)
    assert report.articles == 3 and report.train_articles + report.dev_articles == 3
    assert report.dev_articles >= 1 and report.spans_misaligned == 0
    back = {text: {(s.start, s.end, s.label) for s in spans}
            for name in docbin.FILES for text, spans, _meta in docbin.read(tmp_path / "corpus" / name)}
    assert back == {text: {(s.start, s.end, s.label) for s in spans} for text, spans, _meta in records()}


def test_a_rewrite_replaces_both_files_together(tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    docbin.write(records(), out, dev_fraction=0.34)
    docbin.write(records()[:2], out, dev_fraction=0.0)
    assert sum(1 for name in docbin.FILES for _ in docbin.read(out / name)) == 2
    assert sorted(p.name for p in out.iterdir()) == sorted(docbin.FILES)


def test_reading_a_file_that_is_not_a_docbin_is_an_export_error(tmp_path: Path) -> None:
    bad = tmp_path / "train.spacy"
    bad.write_bytes(b"not a docbin")
    with pytest.raises(ExportError, match="cannot read"):
        list(docbin.read(bad))
