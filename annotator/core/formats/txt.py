"""Plain text: one ``.txt`` file is one article; its first line is the title.

Import only (there is no plain-text export): :func:`read`.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .record import ArticleRecord, check_text, decode, first_line, read_bytes


def read(path: Path) -> Iterator[ArticleRecord | InputError]:
    file = str(path)
    try:
        text = check_text(decode(read_bytes(path), file), file, None)
    except InputError as err:
        yield err
        return
    yield ArticleRecord(text=text, title=first_line(text, 500), external_id=path.stem, file=file, line=None)
