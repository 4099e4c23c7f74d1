"""CSV with a header row: one row per article, the text in ``--text-column``.

Columns ``title``, ``id``, ``url``, ``source`` (or ``outlet``) and ``published`` fill
those fields; any other non-empty column goes to the article's meta. Import only: :func:`read`.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from .record import ArticleRecord, check_text, decode, first_line, read_bytes

KNOWN_COLUMNS = frozenset({"title", "id", "url", "source", "published", "outlet"})


def read(path: Path, text_column: str = "text") -> Iterator[ArticleRecord | InputError]:
    file = str(path)
    try:
        data = decode(read_bytes(path), file)
    except InputError as err:
        yield err
        return
    if "\x00" in data:
        yield InputError("file contains NUL bytes; is it a CSV file?", file)
        return
    # The csv module refuses fields over 128 KiB by default: a long article is not an error.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    try:
        reader = csv.DictReader(io.StringIO(data, newline=""))
        fields = reader.fieldnames or []
    except csv.Error as exc:
        yield InputError(f"malformed CSV: {exc}", file, 1)
        return
    if text_column not in fields:
        yield InputError(
            f"no '{text_column}' column (columns: {', '.join(fields) or 'none'}); choose one with --text-column",
            file, 1,
        )
        return
    try:
        for row in reader:
            line = reader.line_num
            try:
                text = check_text(row.get(text_column), file, line)
            except InputError as err:
                yield err
                continue
            meta = {k: v for k, v in row.items() if k not in KNOWN_COLUMNS and k != text_column and k and v}
            yield ArticleRecord(
                text=text,
                title=(row.get("title") or first_line(text, 500))[:500],
                external_id=row.get("id") or None,
                source=row.get("source") or row.get("outlet") or None,
                url=row.get("url") or None,
                published=row.get("published") or None,
                meta=meta,
                file=file,
                line=line,
            )
    except csv.Error as exc:
        yield InputError(f"malformed CSV: {exc}", file, reader.line_num)
