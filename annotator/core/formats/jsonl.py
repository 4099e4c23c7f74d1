"""JSON Lines in Prodigy's NER shape (doccano's ``label`` form is read too).

- :func:`read` yields an :class:`~.record.ArticleRecord` (or an ``InputError``) per line.
- :func:`write` writes lines made by :func:`record_line` to a file, atomically.

A record read back from our own export restores the article fields, the spans and the
annotation status (``meta.status``); see :func:`status_of` for how statuses map.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring as _encode_json_str
from pathlib import Path
from typing import Any, Literal, overload

from ..domain import STATUSES, Article, Span
from ..errors import InputError
from .atomic import atomic_file
from .record import (
    SAVE_AS_UTF8,
    ArticleRecord,
    check_text,
    first_line,
    looks_utf16,
    open_regular,
)
from .token_json import token_columns  # light: numpy and spaCy load on the first export

# Keys our own export adds to meta: they describe the annotation, not the article.
EXPORT_META_KEYS = frozenset(("title", "source", "url", "published", "article_id", "external_id", "status", "gold"))
# A JSON escape of a UTF-16 surrogate (\ud800–\udfff).
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
# A surrogate encoded as if it were a character (ED A0 80 – ED BF BF): not UTF-8, but
# json.loads decodes bytes with "surrogatepass" and would let it through.
_ENCODED_SURROGATE = re.compile(rb"\xed[\xa0-\xbf]")
_decode_json = json.JSONDecoder().decode
# Article fields: stored as text; a number is kept as its text, anything else is refused.
ARTICLE_FIELDS = ("title", "source", "url", "published")


# ---------------------------------------------------------------------- reading
def read(path: Path) -> Iterator[ArticleRecord | InputError]:
    file = str(path)
    try:
        fh = open_regular(path)
    except InputError as err:
        yield err
        return
    with fh:
        first = True
        for lineno, raw in enumerate(fh, 1):
            if first:
                first = False
                if raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if looks_utf16(raw + fh.peek(4096)[:4096]):
                    yield InputError(SAVE_AS_UTF8, file, lineno)
                    return
                if raw.lstrip().startswith(b"["):
                    yield InputError(
                        "this is a JSON array, not JSON Lines; write one JSON object per line", file, lineno
                    )
                    return
            if not raw.startswith(b'{"') and not raw.strip():  # (strip copies the line)
                continue
            try:
                obj = _parse_line(raw, file, lineno)
                yield record_from_json(obj, file, lineno, may_have_surrogates=b"\\" in raw  # (memchr)
                                       and _SURROGATE_ESCAPE.search(raw) is not None)
            except InputError as err:
                yield err


def _parse_line(raw: bytes, file: str, lineno: int) -> Any:
    """The JSON value of one line, or InputError saying why it is not one."""
    if raw.startswith(b'{"'):
        # The usual line: json.loads(raw) would decode it as UTF-8 (what it detects for such
        # a start) with "surrogatepass". A strict decode that succeeds gives the same text and
        # proves there is no encoded surrogate; any other line takes the full path.
        try:
            line_text = raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            try:
                return _decode_json(line_text)
            except json.JSONDecodeError as exc:
                raise InputError(f"malformed JSON ({exc.msg}; column {exc.colno})", file, lineno) from None
            except (RecursionError, ValueError):
                pass  # rare: worded by the full path
    encoded_surrogate = _ENCODED_SURROGATE.search(raw)
    if encoded_surrogate:
        raise InputError(f"invalid UTF-8 at byte {encoded_surrogate.start()} (an encoded UTF-16 surrogate)",
                         file, lineno)
    try:
        # json.loads decodes UTF-8 bytes itself (faster than decoding first).
        return json.loads(raw)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 at byte {exc.start}", file, lineno) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON ({exc.msg}; column {exc.colno})", file, lineno) from None
    except RecursionError:  # [[[[… thousands deep: the decoder gives up
        raise InputError("malformed JSON (nested too deeply)", file, lineno) from None
    except ValueError as exc:  # an integer literal over sys.get_int_max_str_digits()
        raise InputError(f"malformed JSON (a number with more than {_int_digits_limit()} digits)"
                         if "digits" in str(exc) else f"malformed JSON ({exc})", file, lineno) from None


def _int_digits_limit() -> int:
    import sys

    return sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 4300


def _opt_str(obj: dict, key: str, file: str, line: int | None, *, where: str = "") -> str | None:
    """``obj[key]`` as text (a number as its text), None if absent; InputError for any other type."""
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"'{where}{key}' must be a string, got {type(value).__name__}", file, line)


def _field(obj: dict, meta: dict, key: str, meta_key: str, file: str, line: int | None) -> str | None:
    """``obj[key]``, else ``meta[meta_key]``, as text (see :func:`_opt_str`). A non-empty
    string, the usual case, returns at once: this runs four times per imported line."""
    value = obj.get(key)
    if value.__class__ is str and value:
        return value
    return _opt_str(obj, key, file, line) or _opt_str(meta, meta_key, file, line, where="meta.")


def check_no_lone_surrogates(obj: Any, file: str, line: int | None) -> None:
    # JSON can spell a lone surrogate (\ud800); SQLite cannot store it, and one such
    # record would otherwise abort the whole batch with a UnicodeEncodeError.
    try:
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            "record contains an unpaired surrogate escape (\\ud800–\\udfff): not valid Unicode", file, line
        ) from None


def status_of(obj: dict, meta: dict, file: str, line: int | None) -> tuple[str | None, str | None]:
    """(status, comment) a record carries, or (None, None).

    Our own ``meta.status`` is restored exactly (gold → done); otherwise Prodigy's
    ``answer`` maps accept → done, ignore → skipped, reject → flagged ("rejected in source").
    """
    status = meta.get("status")
    if status == "gold":  # an adjudicated record: finished work
        return "done", None
    if status is not None:
        if status not in STATUSES:
            raise InputError(f"'meta.status' must be one of {', '.join(STATUSES)}, got {status!r}", file, line)
        return status, None
    answer = obj.get("answer")
    if answer is None:
        return None, None
    if answer == "accept":
        return "done", None
    if answer == "ignore":
        return "skipped", None
    if answer == "reject":
        return "flagged", "rejected in source"
    if answer == "suggested":  # our suggestion files: nobody has looked at them yet
        return None, None
    raise InputError(f"'answer' must be accept, ignore or reject, got {answer!r}", file, line)


def record_from_json(obj: Any, file: str, line: int | None, *, may_have_surrogates: bool = True) -> ArticleRecord:
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}", file, line)
    if may_have_surrogates:
        check_no_lone_surrogates(obj, file, line)
    text = check_text(obj.get("text"), file, line) if "text" in obj else None
    if text is None:
        raise InputError("record has no 'text'", file, line)
    meta_in = obj.get("meta") or {}
    if not isinstance(meta_in, dict):
        raise InputError("'meta' must be an object", file, line)
    meta = meta_in  # only read here; the record gets a filtered copy
    # Every field is checked here, before the record joins a batch: one wrong type must
    # cost this record only, never the batch it would have been written with.
    title = _field(obj, meta, "title", "title", file, line)  # (the ARTICLE_FIELDS, in order)
    source = _field(obj, meta, "source", "source", file, line)
    url = _field(obj, meta, "url", "url", file, line)
    published = _field(obj, meta, "published", "published", file, line)
    # Our own export keeps the original id under meta.external_id.
    ext_id = _field(obj, meta, "id", "external_id", file, line)
    status, comment = status_of(obj, meta, file, line) if meta or "answer" in obj else (None, None)
    rec = ArticleRecord(
        text=text,
        title=title or first_line(text, 200),
        external_id=ext_id,
        source=source,
        url=url,
        published=published,
        meta={k: v for k, v in meta.items() if k not in EXPORT_META_KEYS} if meta else {},
        file=file,
        line=line,
        status=status,
        comment=comment,
    )
    rec.spans = _spans_from_json(obj, file, line)
    return rec


def _span_int(value: Any, what: str, n: int, file: str, line: int | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(
            f"span {n}: '{what}' must be an integer, "
            f"got {type(value).__name__} {json.dumps(value, ensure_ascii=False)}",
            file, line,
        )
    return value


def _spans_from_json(obj: dict, file: str, line: int | None) -> list[Span] | None:
    """Spans in Prodigy form (``spans``) or doccano form (``label`` / ``labels``)."""
    if "spans" in obj and obj["spans"] is not None:
        raw = obj["spans"]
        if not isinstance(raw, list):
            raise InputError("'spans' must be a list", file, line)
        spans = []
        for n, s in enumerate(raw, 1):
            if not isinstance(s, dict):
                raise InputError(f"span {n}: expected an object with start, end, label", file, line)
            for key in ("start", "end", "label"):
                if key not in s:
                    raise InputError(f"span {n}: missing '{key}'", file, line)
            if not isinstance(s["label"], str):
                raise InputError(f"span {n}: 'label' must be a string", file, line)
            attrs = s.get("attributes") or {}
            if not isinstance(attrs, dict):
                raise InputError(f"span {n}: 'attributes' must be an object", file, line)
            start = _span_int(s["start"], "start", n, file, line)
            end = _span_int(s["end"], "end", n, file, line)
            # Prodigy spans carry their text: when the offsets point elsewhere (UTF-16 units or
            # bytes counted by another tool), refuse the record rather than store a wrong span.
            doc = obj["text"]
            claimed = s.get("text")
            if isinstance(claimed, str) and 0 <= start < end <= len(doc) and doc[start:end] != claimed:
                raise InputError(
                    f"span {n}: offsets {start}–{end} cover {doc[start:end]!r} but the span's text is "
                    f"{claimed!r}; offsets must count code points (not UTF-16 units or bytes)",
                    file, line,
                )
            spans.append(Span(start, end, s["label"], dict(attrs), str(s.get("origin") or "import")))
        return spans
    for key in ("label", "labels"):
        raw = obj.get(key)
        if isinstance(raw, list):
            spans = []
            for n, s in enumerate(raw, 1):
                if not (isinstance(s, list) and len(s) == 3 and isinstance(s[2], str)):
                    raise InputError(f"span {n}: expected [start, end, \"LABEL\"] (doccano form)", file, line)
                spans.append(
                    Span(_span_int(s[0], "start", n, file, line), _span_int(s[1], "end", n, file, line), s[2],
                         {}, "import")
                )
            return spans
    return None


# ---------------------------------------------------------------------- writing
def answer_of(status: str | None) -> str:
    """Prodigy's ``answer`` for a status: only finished work is ``accept``.

    done and gold → accept, flagged → reject; skipped and work not finished (new,
    in_progress, or no status) → ignore, so no tool reads it as accepted. Our own
    ``meta.status`` beside it says which status exactly.
    """
    if status in ("done", "gold"):
        return "accept"
    if status == "flagged":
        return "reject"
    return "ignore"


def _hash32(text: str) -> int:
    """A stable signed 32-bit hash, like Prodigy's ``_input_hash``/``_task_hash``."""
    return _hash32_utf8(text.encode("utf-8", "surrogatepass"))


def _hash32_utf8(data: bytes) -> int:
    value = zlib.crc32(data)
    return value - (1 << 32) if value >= (1 << 31) else value


# What json.dumps(ensure_ascii=False) escapes: '"', '\\' and the control characters.
_CONTROL_BYTES = bytes(range(0x20))


def _json_string_utf8(data: bytes) -> bytes | None:
    """The JSON string of a UTF-8 text, as ``json.dumps(text, ensure_ascii=False).encode()``
    writes it, or None for a text with a control character other than newline, carriage
    return and tab (the caller then takes json.dumps). An article's text is most of a record
    head: escaping its bytes costs a third of escaping the text and encoding the result."""
    if b"\\" in data:
        data = data.replace(b"\\", b"\\\\")
    if b'"' in data:
        data = data.replace(b'"', b'\\"')
    data = data.replace(b"\n", b"\\n")
    if b"\r" in data:
        data = data.replace(b"\r", b"\\r")
    if b"\t" in data:
        data = data.replace(b"\t", b"\\t")
    if len(data.translate(None, _CONTROL_BYTES)) != len(data):
        return None
    return b'"' + data + b'"'


def _timestamp(iso: str | None) -> int:
    if not iso:
        return 0
    try:
        return int(_dt.datetime.fromisoformat(iso).timestamp())
    except ValueError:
        return 0


@overload
def record_line(article: Article, spans: list[Span], annotator: str, *, updated_at: str | None = None,
                status: str | None = None, tokens: bool = True, utf8: Literal[False] = False) -> tuple[str, int]: ...


@overload
def record_line(article: Article, spans: list[Span], annotator: str, *, updated_at: str | None = None,
                status: str | None = None, tokens: bool = True, utf8: Literal[True]) -> tuple[bytes, int]: ...


def record_line(article: Article, spans: list[Span], annotator: str, *, updated_at: str | None = None,
                status: str | None = None, tokens: bool = True, utf8: bool = False) -> tuple[str | bytes, int]:
    """One Prodigy-compatible NER record as a JSON line (without the newline).

    Returns the line and the number of spans that needed a token split (an edge the
    tokenizer did not foresee): such a token is split in the record's ``tokens`` too,
    so no span is ever lost or widened. ``tokens=False`` leaves out the token list and
    the spans' token indices (five to seven times smaller, and no tokenizing). ``utf8``
    returns the line as UTF-8 bytes, what the export writes: the token list is rendered in
    UTF-8 (see :mod:`.token_json`), and a 20 KB line then needs no encoding pass.
    """
    text = article.text
    if not tokens:
        line = json.dumps(_record_head(article, spans, annotator, updated_at, status, {}), ensure_ascii=False)
        return (line.encode() if utf8 else line), 0
    columns = token_columns(text)
    # Fast path: every span edge is a token edge (the tokenizer splits the guideline clitics).
    edges = [(s.start, s.end) for s in spans]
    pairs = columns.token_indices(edges)
    split = 0
    resplit = None  # the tokens, re-split at span edges inside a token
    if pairs is None:
        from ..tokenizer import align_spans, tokenize

        alignment = align_spans(tokenize(text), spans, text)
        token_of = {(a.start, a.end): (a.token_start, a.token_end) for a in alignment.aligned}
        split = alignment.report.split
        resplit = alignment.tokens
    else:
        token_of = dict(zip(edges, pairs))
    if utf8 and resplit is None:
        return columns.to_json_bytes(_head_utf8(article, spans, annotator, updated_at, status, token_of), b"}"), split
    head = _record_head(article, spans, annotator, updated_at, status, token_of)
    # The token list is most of the record: rendered from cached pieces, not per-token dicts,
    # and joined with the head in the same pass.
    before = json.dumps(head, ensure_ascii=False)[:-1] + ', "tokens": '
    if resplit is not None:
        from ..tokenizer import tokens_to_json

        line = before + tokens_to_json(resplit) + "}"
        return (line.encode() if utf8 else line), split
    return columns.to_json(before, "}"), split


def _head_utf8(article: Article, spans: list[Span], annotator: str, updated_at: str | None, status: str | None,
               token_of: dict[tuple[int, int], tuple[int, int]]) -> bytes:
    """The record's line up to its token list, in UTF-8: the text is escaped as bytes (see
    :func:`_json_string_utf8`), encoded once for both the line and its hash."""
    try:
        text_utf8 = article.text.encode()
    except UnicodeEncodeError:  # a lone surrogate: json.dumps, and the encoding error it meets
        text_utf8 = None
    text_json = None if text_utf8 is None else _json_string_utf8(text_utf8)
    if text_utf8 is None or text_json is None:
        head = _record_head(article, spans, annotator, updated_at, status, token_of)
        return (json.dumps(head, ensure_ascii=False)[:-1] + ', "tokens": ').encode()
    tail = _encode_json(_head_tail(article, spans, annotator, updated_at, status, _hash32_utf8(text_utf8)))
    return b''.join((b'{"text": ', text_json, b', "spans": ', _spans_json(article.text, spans, token_of).encode(),
                     b", ", tail[1:-1].encode(), b', "tokens": '))


def _record_head(article: Article, spans: list[Span], annotator: str, updated_at: str | None,
                 status: str | None, token_of: dict[tuple[int, int], tuple[int, int]],
                 input_hash: int | None = None) -> dict[str, Any]:
    """The record without its token list (``input_hash``: the text's, when known)."""
    text = article.text
    return {"text": text, "spans": [_span_item(text, s, token_of) for s in spans],
            **_head_tail(article, spans, annotator, updated_at, status,
                         _hash32(text) if input_hash is None else input_hash)}


def _span_item(text: str, s: Span, token_of: dict[tuple[int, int], tuple[int, int]]) -> dict[str, Any]:
    item: dict[str, Any] = {"start": s.start, "end": s.end, "label": s.label, "text": text[s.start:s.end]}
    pair = token_of.get((s.start, s.end))
    if pair is not None:
        item["token_start"], item["token_end"] = pair
    if s.attributes:
        item["attributes"] = s.attributes
    if s.origin and s.origin != "manual":
        item["origin"] = s.origin
    return item


def _head_tail(article: Article, spans: list[Span], annotator: str, updated_at: str | None, status: str | None,
               input_hash: int) -> dict[str, Any]:
    """The record's keys after its spans."""
    meta: dict[str, Any] = {"article_id": article.id}
    for key in ("external_id", "title", "source", "url", "published"):
        value = getattr(article, key)
        if value:
            meta[key] = value
    if article.meta:
        meta.update({k: v for k, v in article.meta.items() if k not in meta})
    if status:
        meta["status"] = status
    if status == "gold":
        meta["gold"] = True
    return {
        "meta": meta,
        "_input_hash": input_hash,
        "_task_hash": _hash32(f"{input_hash}|" + "|".join(f"{s.start}:{s.end}:{s.label}" for s in spans)),
        "answer": answer_of(status),
        "_annotator_id": annotator,
        "_timestamp": _timestamp(updated_at),
    }


# json.dumps(obj, ensure_ascii=False) without making an encoder per call (same output; the
# records hold no cycles to check for).
_encode_json = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
_SPAN_JSON = '{"start": %d, "end": %d, "label": %s, "text": %s'


def _spans_json(text: str, spans: list[Span], token_of: dict[tuple[int, int], tuple[int, int]]) -> str:
    """``json.dumps([_span_item(...) ...], ensure_ascii=False)``, formatted directly for spans
    of the stored types (five spans cost what the rest of the record head costs)."""
    items = []
    for s in spans:
        start, end, label, origin = s.start, s.end, s.label, s.origin
        if not (type(start) is int and type(end) is int and type(label) is str
                and (origin is None or type(origin) is str)):
            items.append(_encode_json(_span_item(text, s, token_of)))
            continue
        item = _SPAN_JSON % (start, end, _encode_json_str(label), _encode_json_str(text[start:end]))
        pair = token_of.get((start, end))
        if pair is not None:
            item += f', "token_start": {pair[0]}, "token_end": {pair[1]}'
        if s.attributes:
            item += ', "attributes": ' + _encode_json(s.attributes)
        if origin and origin != "manual":
            item += ', "origin": ' + _encode_json_str(origin)
        items.append(item + "}")
    return "[" + ", ".join(items) + "]"


def record_dict(article: Article, spans: list[Span], annotator: str, **kw: Any) -> dict[str, Any]:
    """The record of :func:`record_line` as a dict."""
    return json.loads(record_line(article, spans, annotator, **kw)[0])


def write(path: str | os.PathLike[str], lines: Iterable[str | bytes]) -> int:
    """Write JSON lines (without their newlines; text, or UTF-8 bytes as ``record_line(...,
    utf8=True)`` makes them) to ``path`` atomically; return how many."""
    n = 0
    with atomic_file(path, "wb") as fh:
        for line in lines:
            fh.write(line if isinstance(line, bytes) else line.encode())
            fh.write(b"\n")  # not line + "\n": a record with tokens is ~20 KB to copy
            n += 1
    return n
