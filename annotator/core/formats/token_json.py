"""The Prodigy ``tokens`` list of a JSONL export record, fast (issue #13).

A JSONL export with tokens carries ~300 tokens a record. Slicing each token's text out of
the article and formatting its numbers cost more than spaCy's tokenizing; here a token's
JSON is joined from pieces rendered once per process:

- ``{"text":"…","start":`` per token text, keyed by spaCy's ORTH hash (no slicing);
- ``123``, ``,"end":127`` and ``,"id":5,"ws":true},`` per number, from tables indexed by it
  (the last one by 2 × id + trailing-space flag).

The bytes are those of :func:`annotator.core.tokenizer.offsets_to_json` (tests hold them to
``json.dumps`` of the tokens).
"""
from __future__ import annotations

import threading
from array import array
from json.encoder import encode_basestring as _encode_json_str
from typing import Any, NamedTuple

from ..tokenizer import make_nlp, offsets_to_json

_JSON_BOOL = ("false", "true")


class _TokenHeads(dict[int, str]):
    """ORTH hash → ``{"text":"…","start":``; a text not seen yet is spelled through ``strings``
    (the tokenizer's StringStore) on lookup. Bounded: past ``_HEADS_MAX`` texts it starts over."""

    strings: Any = None

    def __missing__(self, orth: int) -> str:
        if len(self) > _HEADS_MAX:
            self.clear()
        head = self[orth] = '{"text":' + _encode_json_str(self.strings[orth]) + ',"start":'
        return head


_HEADS = _TokenHeads()
_HEADS_MAX = 50_000  # distinct token texts kept (a few MB)
_DIGITS: list[str] = []
_ENDS: list[str] = []
_IDS_WS: list[str] = []
_TABLES_MAX = 1 << 15  # offsets beyond it (an article over 32,768 characters) render the plain way
_TABLES_LOCK = threading.Lock()
_tables_size = 0  # entries in each number table (the ids: twice that)


def _number_tables(size: int) -> bool:
    """Make the number tables cover 0..size-1; False if that is over :data:`_TABLES_MAX`."""
    global _tables_size
    if size > _TABLES_MAX:
        return False
    if _tables_size < size:
        with _TABLES_LOCK:
            if _tables_size < size:
                # Entries are only appended, and the size is published after all three tables
                # have them: a thread rendering meanwhile reads only entries that exist.
                grow = range(_tables_size, size)
                _DIGITS.extend(map(str, grow))
                _ENDS.extend(f',"end":{i}' for i in grow)
                _IDS_WS.extend(f',"id":{i},"ws":{flag}}},' for i in grow for flag in _JSON_BOOL)
                _tables_size = size
    return True


class TokenColumns(NamedTuple):
    """One tokenizer pass over a text: token starts, ends, ``2 × index + trailing-space flag``
    and ORTH hashes, with the Doc's StringStore to spell the hashes."""

    text: str
    starts: list[int]
    ends: list[int]
    ids_ws: list[int]
    orths: list[int]
    strings: Any

    @property
    def spaces(self) -> list[int]:
        """Trailing-space flags (0/1), as :func:`token_offsets` gives them."""
        return [k & 1 for k in self.ids_ws]

    def to_json(self, before: str = "", after: str = "") -> str:
        """The Prodigy ``tokens`` JSON array, byte for byte :func:`offsets_to_json`'s, between
        ``before`` and ``after`` (joined in the same pass: a record's line is copied once)."""
        starts, ends = self.starts, self.ends
        n = len(starts)
        if n == 0:
            return before + "[]" + after
        if not _number_tables(ends[-1] + 1):
            return before + offsets_to_json(self.text, starts, ends, self.spaces) + after
        pieces: list[str] = [""] * (4 * n)
        _HEADS.strings = self.strings  # always make_nlp()'s
        pieces[0::4] = map(_HEADS.__getitem__, self.orths)
        pieces[1::4] = map(_DIGITS.__getitem__, starts)
        pieces[2::4] = map(_ENDS.__getitem__, ends)
        pieces[3::4] = map(_IDS_WS.__getitem__, self.ids_ws)
        pieces[0] = before + "[" + pieces[0]
        pieces[-1] = pieces[-1][:-1] + "]" + after  # the last token's comma closes the array instead
        return "".join(pieces)


_COLUMN_ATTRS: list[int | str] = []
# The last text's columns: an export has one record per annotator of an article, in a row.
_last_columns: TokenColumns | None = None


def token_columns(text: str) -> TokenColumns:
    """Tokenize ``text`` once for the export: offsets and what :meth:`TokenColumns.to_json` needs."""
    global _last_columns
    last = _last_columns
    if last is not None and last.text == text:
        return last
    _last_columns = columns = _token_columns(text)
    return columns


def _token_columns(text: str) -> TokenColumns:
    import numpy

    if not _COLUMN_ATTRS:
        from spacy.attrs import IDX, LENGTH, ORTH, SPACY

        _COLUMN_ATTRS.extend([IDX, LENGTH, SPACY, ORTH])
    doc = make_nlp().tokenizer(text)
    n = len(doc)
    if n == 0:
        return TokenColumns(text, [], [], [], [], doc.vocab.strings)
    arr = doc.to_array(_COLUMN_ATTRS)  # n × 4, unsigned 64-bit
    arr[:, 1] += arr[:, 0]  # length → end
    arr[:, 2] += numpy.arange(0, 2 * n, 2, dtype=arr.dtype)  # space flag → 2 × index + flag
    # One C-order copy of the columns read back through array: cheaper than numpy's tolist.
    flat = array(arr.dtype.char, arr.T.tobytes()).tolist()
    return TokenColumns(text, flat[:n], flat[n:2 * n], flat[2 * n:3 * n], flat[3 * n:], doc.vocab.strings)
