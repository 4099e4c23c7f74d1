"""core/formats/csv.py: one row per article, the text in a chosen column."""
from __future__ import annotations

from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.formats import csv as csv_format
from annotator.core.formats.record import ArticleRecord


def _write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "articles.csv"
    path.write_text(content, encoding="utf-8")
    return path


def test_known_columns_fill_fields_and_the_rest_goes_to_meta(tmp_path: Path) -> None:
    path = _write(tmp_path, 'id,title,text,outlet,url,published,region,empty\n'
                            'a1,عنوان,"نص الخبر، بفاصلة",المدن,http://x,2024-01-02,حمص,\n')
    (record,) = list(csv_format.read(path))
    assert isinstance(record, ArticleRecord)
    assert (record.external_id, record.title, record.text) == ("a1", "عنوان", "نص الخبر، بفاصلة")
    assert (record.source, record.url, record.published) == ("المدن", "http://x", "2024-01-02")
    assert record.meta == {"region": "حمص"}
    assert record.line == 2


def test_a_row_without_title_takes_the_first_line_of_its_text(tmp_path: Path) -> None:
    path = _write(tmp_path, 'body\n"السطر الأول\nالثاني"\n')
    (record,) = list(csv_format.read(path, text_column="body"))
    assert isinstance(record, ArticleRecord) and record.title == "السطر الأول"


def test_a_missing_text_column_is_one_error_naming_the_columns(tmp_path: Path) -> None:
    path = _write(tmp_path, "title,body\nt,b\n")
    (error,) = list(csv_format.read(path))
    assert isinstance(error, InputError)
    assert str(error) == f"{path}:1: no 'text' column (columns: title, body); choose one with --text-column"


def test_an_empty_row_is_reported_and_the_next_row_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "text\n\" \"\nنص\n")
    first, second = list(csv_format.read(path))
    assert isinstance(first, InputError) and first.line == 2
    assert isinstance(second, ArticleRecord) and second.text == "نص"


def test_a_long_field_is_not_an_error(tmp_path: Path) -> None:
    long_text = "كلمة " * 40_000  # 200 KB: over the csv module's default field limit
    path = _write(tmp_path, f'text\n"{long_text}"\n')
    (record,) = list(csv_format.read(path))
    assert isinstance(record, ArticleRecord) and record.text == long_text


def test_nul_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"text\nab\x00c\n")
    (error,) = list(csv_format.read(path))
    assert isinstance(error, InputError) and "NUL" in str(error)
