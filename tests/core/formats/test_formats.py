"""core/formats/__init__.py: choosing an import format from a file and loading its reader."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.formats import READERS, ArticleRecord, detect_format, reader


@pytest.mark.parametrize(("name", "fmt"), [
    ("a.txt", "txt"), ("a.JSONL", "jsonl"), ("a.ndjson", "jsonl"), ("a.csv", "csv"),
    ("a.conll", "conll"), ("a.iob2", "conll"), ("a.bilou", "conll"),
])
def test_detect_format_by_extension(tmp_path: Path, name: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_text('{"text": "نص"}\n', encoding="utf-8")
    assert detect_format(path) == fmt


def test_a_label_studio_export_is_recognised_by_its_shape(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"id": 1, "data": {"text": "نص"}, "annotations": []}]), encoding="utf-8")
    assert detect_format(path) == "label-studio"


def test_an_unknown_extension_names_the_formats(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown file type '.docx'.*--format txt\\|jsonl"):
        detect_format(tmp_path / "a.docx")


def test_every_reader_loads_and_reads(tmp_path: Path) -> None:
    assert set(READERS) == {"txt", "jsonl", "csv", "label-studio", "conll"}
    for fmt in READERS:
        assert callable(reader(fmt))
    path = tmp_path / "one.txt"
    path.write_text("عنوان\nنص المقال", encoding="utf-8")
    (record,) = list(reader("txt")(path))
    assert isinstance(record, ArticleRecord) and record.title == "عنوان"


def test_an_unknown_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown format 'docx'"):
        reader("docx")
