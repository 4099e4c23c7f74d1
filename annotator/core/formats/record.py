"""What every reader yields: :class:`ArticleRecord`, and the checks all readers share."""
from __future__ import annotations

import io
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import Span, Suggestion
from ..errors import InputError

SAVE_AS_UTF8 = "file is UTF-16 encoded; save it as UTF-8"


@dataclass
class ArticleRecord:
    """One article read from a file, with its spans and annotation status if it carried any.

    ``status`` is None when the format says nothing about it (the importer then applies its
    default); ``comment`` goes with the status (e.g. "rejected in source").
    """

    text: str
    title: str = ""
    external_id: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[Span] | None = None
    file: str = ""
    line: int | None = None
    status: str | None = None
    comment: str | None = None
    # Formats that carry several people's work (Label Studio): spans per annotator name,
    # written besides ``spans``, and a model's predictions to keep as suggestions.
    annotations: dict[str, list[Span]] | None = None
    suggestions: list[Suggestion] | None = None


def first_line(text: str, limit: int) -> str:
    """The first non-blank line, as a title when the record has none."""
    return next((ln.strip() for ln in text.splitlines() if ln.strip()), "")[:limit]


def looks_utf16(data: bytes) -> bool:
    """UTF-16 with a BOM, or without one (every other byte NUL in ASCII-heavy text)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # Without a BOM: ASCII (braces, quotes, digits, spaces, line ends) in UTF-16LE has a NUL
    # in every odd byte, in UTF-16BE in every even one; UTF-8 text has NUL bytes only
    # where it holds NUL characters, with no preference for one parity.
    half = len(sample) // 2
    most = max(even, odd)
    return most >= 8 and most >= 0.05 * half and min(even, odd) * 10 <= most


def decode(data: bytes, file: str, line: int | None = None) -> str:
    """UTF-8 text without its BOM, or InputError naming the file (and line)."""
    if looks_utf16(data):
        raise InputError(SAVE_AS_UTF8, file, line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 at byte {exc.start}", file, line) from None
    return text.removeprefix("\ufeff")


def check_text(text: Any, file: str, line: int | None) -> str:
    if not isinstance(text, str):
        raise InputError(f"'text' must be a string, got {type(text).__name__}", file, line)
    if not text.strip():
        raise InputError("empty text" if not text else "text is only whitespace", file, line)
    if "\x00" in text:
        raise InputError("text contains NUL characters", file, line)
    return text


def open_regular(path: Path) -> io.BufferedReader:
    """Open ``path`` for reading if it is a regular file, else InputError naming it.

    A FIFO or device named ``x.jsonl`` would block the import forever: it is opened
    without blocking and refused.
    """
    file = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise InputError("is a folder, not a file", file) from None
    except FileNotFoundError:
        raise InputError("no such file", file) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("is a folder, not a file", file)
        if not stat.S_ISREG(mode):
            raise InputError("is not a regular file (a pipe, socket or device); give a file", file)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return io.BufferedReader(io.FileIO(fd, "rb"))


def read_bytes(path: Path) -> bytes:
    with open_regular(path) as fh:
        try:
            return fh.read()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", str(path)) from None
