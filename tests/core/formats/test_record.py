"""core/formats/record.py: the checks every reader shares."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.formats.record import (
    SAVE_AS_UTF8,
    check_text,
    decode,
    first_line,
    looks_utf16,
    open_regular,
    read_bytes,
)


def test_first_line_skips_blank_lines_and_cuts() -> None:
    assert first_line("\n \n  عنوان الخبر  \nنص", 500) == "عنوان الخبر"
    assert first_line("abcdef", 3) == "abc"
    assert first_line(" \n", 10) == ""


@pytest.mark.parametrize(("data", "expected"), [
    ("نص".encode("utf-16"), True),                 # with a BOM
    ('{"text": "abc"}'.encode("utf-16-le"), True),   # without one
    ('{"text": "abc"}'.encode("utf-16-be"), True),
    ('{"text": "نص عربي"}'.encode(), False),
    (b"ab", False),
])
def test_looks_utf16(data: bytes, expected: bool) -> None:
    assert looks_utf16(data) is expected


def test_decode_drops_the_bom_and_names_bad_bytes() -> None:
    assert decode("\ufeffنص".encode(), "f.txt") == "نص"
    with pytest.raises(InputError) as bad:
        decode(b"ok \xff", "f.txt", 3)
    assert str(bad.value) == "f.txt:3: invalid UTF-8 at byte 3"
    with pytest.raises(InputError, match=SAVE_AS_UTF8):
        decode("نص".encode("utf-16"), "f.txt")


@pytest.mark.parametrize(("value", "message"), [
    (None, "'text' must be a string, got NoneType"),
    ("", "empty text"),
    (" \n", "text is only whitespace"),
    ("a\x00b", "text contains NUL characters"),
])
def test_check_text_refuses(value: object, message: str) -> None:
    with pytest.raises(InputError) as bad:
        check_text(value, "f.jsonl", 2)
    assert str(bad.value) == f"f.jsonl:2: {message}"


def test_check_text_returns_good_text_unchanged() -> None:
    assert check_text(" نص ", "f", None) == " نص "


def test_open_regular_reads_files_and_refuses_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"data")
    assert read_bytes(path) == b"data"
    with pytest.raises(InputError, match="is a folder"):
        open_regular(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        open_regular(tmp_path / "missing.txt")
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        open_regular(fifo)  # refused at once, not blocked on
