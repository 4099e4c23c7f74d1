"""core/formats/txt.py: one .txt file is one article; its first non-blank line is the title."""
from __future__ import annotations

from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.formats import txt
from annotator.core.formats.record import ArticleRecord


def test_a_file_is_one_article_titled_by_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "idlib-01.txt"
    path.write_bytes("\ufeff\n  قصف على إدلب  \nنص الخبر.\r\n".encode())
    (record,) = list(txt.read(path))
    assert isinstance(record, ArticleRecord)
    assert record.text == "\n  قصف على إدلب  \nنص الخبر.\r\n"  # BOM dropped, the rest kept as is
    assert record.title == "قصف على إدلب"
    assert record.external_id == "idlib-01"
    assert (record.file, record.line) == (str(path), None)


def test_an_empty_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    (error,) = list(txt.read(path))
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: text is only whitespace"


def test_a_utf16_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_text("نص عربي", encoding="utf-16")
    (error,) = list(txt.read(path))
    assert isinstance(error, InputError) and "UTF-16" in str(error)
