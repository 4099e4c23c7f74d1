"""The Prodigy ``tokens`` list of a JSONL export record, fast (issue #13).

A JSONL export with tokens carries ~300 tokens a record. Slicing each token's text out of
the article and formatting its numbers cost more than spaCy's tokenizing; here a token's
JSON is joined from UTF-8 pieces rendered once per process, all held in one numpy object
array (:data:`_PIECES`) so that a record's pieces are picked by one vectorised ``take``:

- ``{"text":"…","start":`` per token text, in a slot chosen by the low bits of spaCy's ORTH
  hash (:class:`_TokenHeads`; a text not seen yet is spelled once through the StringStore);
- ``123``, ``,"end":127`` and ``,"id":5,"ws":true},`` per number, from tables indexed by it
  (the last one by 2 × id + trailing-space flag).

The pieces are bytes, so the line goes to the file without a UTF-8 encoding pass. The bytes
are those of :func:`annotator.core.tokenizer.offsets_to_json` (tests hold them to
``json.dumps`` of the tokens).
"""
from __future__ import annotations

import threading
from json.encoder import encode_basestring as _encode_json_str
from typing import Any

from ..tokenizer import doc_columns, edge_token_indices, make_nlp, offsets_to_json

_JSON_BOOL = ("false", "true")
_HEADS_MAX = 50_000  # distinct token texts kept (a few MB)
_TABLES_MAX = 1 << 15  # offsets beyond it (an article over 32,768 characters) render the plain way
_HEAD_BITS = 17  # head slots: 131,072, so that 50,000 texts rarely share a slot
_HEAD_SLOTS = 1 << _HEAD_BITS
# Where each kind of piece sits in _PIECES: head slots, then starts, ends, 2 × id + ws.
_STARTS_AT = _HEAD_SLOTS
_ENDS_AT = _STARTS_AT + _TABLES_MAX
_IDS_WS_AT = _ENDS_AT + _TABLES_MAX
_LOCK = threading.Lock()  # one render at a time: a render reads the head slots it checked
_tables_size = 0  # numbers 0.._tables_size-1 have their pieces (the ids: twice that)
_PIECES: Any = None  # numpy object array of bytes, made on first use (numpy loads lazily)


def _pieces() -> Any:
    global _PIECES
    if _PIECES is None:
        import numpy

        _PIECES = numpy.empty(_IDS_WS_AT + 2 * _TABLES_MAX, dtype=object)
    return _PIECES


class _TokenHeads:
    """ORTH hash → slot in :data:`_PIECES` holding ``{"text":"…","start":`` (UTF-8).

    A direct-mapped table: a text's slot is the low :data:`_HEAD_BITS` bits of its hash, and
    ``keys`` says which hash a slot holds, so a whole record is looked up with three numpy
    operations. A text whose slot another text holds is spelled for the record at hand only.
    Bounded: a render that finds :data:`_HEADS_MAX` texts kept starts over.
    """

    def __init__(self) -> None:
        self.keys: Any = None
        self.count = 0

    def __len__(self) -> int:
        return self.count

    def slots(self, orths: Any, strings: Any) -> tuple[Any, list[tuple[int, bytes]]]:
        """Slots of ``orths`` and (token index, head) for the tokens that have none."""
        import numpy

        pieces = _pieces()
        if self.keys is None or self.count >= _HEADS_MAX:
            self.keys = numpy.zeros(_HEAD_SLOTS, dtype=numpy.uint64)
            pieces[:_HEAD_SLOTS] = None
            self.count = 0
        keys = self.keys
        slots = (orths & numpy.uint64(_HEAD_SLOTS - 1)).astype(numpy.intp)
        missing = keys[slots] != orths
        elsewhere: list[tuple[int, bytes]] = []
        if missing.any():
            spelled: dict[int, bytes] = {}  # texts of this record that found their slot taken
            for k in numpy.flatnonzero(missing).tolist():
                orth, slot = int(orths[k]), int(slots[k])
                if keys[slot] == orth:  # an earlier token of this record filled it
                    continue
                head = spelled.get(orth)
                if head is None:
                    head = b'{"text":' + _encode_json_str(strings[orth]).encode() + b',"start":'
                    if keys[slot] == 0 and self.count < _HEADS_MAX:
                        pieces[slot] = head
                        keys[slot] = orth
                        self.count += 1
                        continue
                    spelled[orth] = head
                elsewhere.append((k, head))
        return slots, elsewhere


_HEADS = _TokenHeads()


def _number_tables(size: int) -> None:
    """Make the number pieces cover 0..size-1 (at most :data:`_TABLES_MAX`; under :data:`_LOCK`)."""
    global _tables_size
    if _tables_size < size:
        pieces = _pieces()
        grow = range(_tables_size, size)
        pieces[_STARTS_AT + _tables_size:_STARTS_AT + size] = [str(i).encode() for i in grow]
        pieces[_ENDS_AT + _tables_size:_ENDS_AT + size] = [f',"end":{i}'.encode() for i in grow]
        pieces[_IDS_WS_AT + 2 * _tables_size:_IDS_WS_AT + 2 * size] = [
            f',"id":{i},"ws":{flag}}},'.encode() for i in grow for flag in _JSON_BOOL]
        _tables_size = size


class TokenColumns:
    """One tokenizer pass over a text: numpy columns of token starts, ends, trailing-space
    flags and ORTH hashes, with the Doc's StringStore to spell the hashes."""

    __slots__ = ("text", "_starts", "_ends", "_spaces", "_orths", "strings")

    def __init__(self, text: str, starts: Any, ends: Any, spaces: Any, orths: Any, strings: Any) -> None:
        self.text = text
        self._starts, self._ends, self._spaces, self._orths = starts, ends, spaces, orths
        self.strings = strings

    @property
    def starts(self) -> list[int]:
        return self._starts.tolist()  # type: ignore[no-any-return]

    @property
    def ends(self) -> list[int]:
        return self._ends.tolist()  # type: ignore[no-any-return]

    @property
    def spaces(self) -> list[int]:
        """Trailing-space flags (0/1), as :func:`token_offsets` gives them."""
        return self._spaces.tolist()  # type: ignore[no-any-return]

    def token_indices(self, edges: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
        """Inclusive token indices of each (start, end), or None if an edge falls inside a token."""
        return edge_token_indices(self._starts, self._ends, edges)

    def to_json(self, before: str = "", after: str = "") -> str:
        """The Prodigy ``tokens`` JSON array, byte for byte :func:`offsets_to_json`'s, between
        ``before`` and ``after``."""
        return self.to_json_bytes(before.encode(), after.encode()).decode()

    def to_json_bytes(self, before: bytes = b"", after: bytes = b"") -> bytes:
        """:meth:`to_json` as UTF-8, joined with ``before`` and ``after`` in the same pass (a
        record's line is copied once)."""
        import numpy

        n = len(self._starts)
        if n == 0:
            return before + b"[]" + after
        size = int(self._ends[-1]) + 1
        if size > _TABLES_MAX:
            return before + offsets_to_json(self.text, self.starts, self.ends, self.spaces).encode() + after
        with _LOCK:
            _number_tables(size)
            slots, elsewhere = _HEADS.slots(self._orths, self.strings)
            where = numpy.empty((n, 4), dtype=numpy.intp)
            where[:, 0] = slots
            numpy.add(self._starts, _STARTS_AT, out=where[:, 1])
            numpy.add(self._ends, _ENDS_AT, out=where[:, 2])
            numpy.add(self._spaces, _IDS_WS_AT, out=where[:, 3])
            where[:, 3] += numpy.arange(0, 2 * n, 2, dtype=numpy.intp)
            pieces = _PIECES.take(where.ravel()).tolist()
        for k, head in elsewhere:
            pieces[4 * k] = head
        pieces[0] = before + b"[" + pieces[0]
        pieces[-1] = pieces[-1][:-1] + b"]" + after  # the last token's comma closes the array instead
        return b"".join(pieces)


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
    doc = make_nlp().tokenizer(text)
    orths, starts, ends, spaces = doc_columns(doc, text)
    return TokenColumns(text, starts, ends, spaces, orths, doc.vocab.strings)
