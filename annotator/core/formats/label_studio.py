"""Label Studio's JSON export: read it in, write it out.

Label Studio exports a JSON array of tasks::

    [{"id": 7, "data": {"text": "..."},
      "annotations": [{"completed_by": 3, "was_cancelled": false,
                       "result": [{"type": "labels", "from_name": "label", "to_name": "text",
                                   "value": {"start": 4, "end": 7, "text": "حلب", "labels": ["LOC"]}}]}],
      "predictions": [{"model_version": "ner-v2", "score": 0.8, "result": [...]}]}]

Its offsets are JavaScript string indices, i.e. UTF-16 code units: after a character
outside the Basic Multilingual Plane (an emoji) they are one more than our code-point
offsets. They are converted both ways here, and on import checked against ``value.text``
when Label Studio wrote it: a result that does not match is refused with its task, never
shifted into place.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate
from pathlib import Path
from typing import IO, Any

from ..domain import Article, Span, Suggestion
from ..errors import InputError
from .atomic import atomic_file
from .jsonl import check_no_lone_surrogates
from .record import ArticleRecord, check_text, decode, first_line, read_bytes

DEFAULT_ANNOTATOR = "label-studio"
DEFAULT_MODEL_VERSION = "label-studio"
_SPACE = re.compile(r"\s*")
# A JSON escape of a UTF-16 surrogate (\ud800–\udfff), as text.
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _BadTask(Exception):
    """Something wrong inside a task; becomes an InputError naming the task and its line."""


def _skip(data: str, pos: int) -> int:
    """The position after the whitespace at ``pos``."""
    match = _SPACE.match(data, pos)
    return match.end() if match else pos


# ------------------------------------------------------------------ offsets
class Utf16Offsets:
    """Converts between code-point offsets of ``text`` and UTF-16 code-unit offsets."""

    __slots__ = ("_cp_of_unit", "_unit_of_cp", "length_cp", "length_units")

    def __init__(self, text: str):
        self.length_cp = len(text)
        if text.isascii() or max(text) <= "\uffff":
            self._unit_of_cp: list[int] | None = None  # every character is one unit
            self._cp_of_unit: dict[int, int] | None = None
            self.length_units = len(text)
            return
        units = [0, *accumulate(2 if ch > "\uffff" else 1 for ch in text)]
        self._unit_of_cp = units
        self._cp_of_unit = {u: cp for cp, u in enumerate(units)}
        self.length_units = units[-1]

    def to_units(self, cp: int) -> int:
        return cp if self._unit_of_cp is None else self._unit_of_cp[cp]

    def to_code_points(self, unit: int) -> int | None:
        """The code point at UTF-16 offset ``unit``; None when it is outside the text or
        between the two halves of a surrogate pair (no character starts there)."""
        if not 0 <= unit <= self.length_units:
            return None
        return unit if self._cp_of_unit is None else self._cp_of_unit.get(unit)


# ------------------------------------------------------------------ reading
def looks_like_label_studio(path: Path) -> bool:
    """A JSON array whose first element is a task with a ``data`` object."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(1 << 16)
    except OSError:
        return False
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not head.startswith(b"["):
        return False
    # The first element's keys: enough of it is in the first 64 KiB to see "data".
    return re.match(rb'\[\s*\{', head) is not None and b'"data"' in head and (
        b'"annotations"' in head or b'"predictions"' in head or b'"text"' in head)


def _tasks(data: str, file: str) -> Iterator[tuple[Any, int] | InputError]:
    """The elements of a top-level JSON array with the line each starts on."""
    decoder = json.JSONDecoder()
    pos = _skip(data, 0)
    line = 1 + data.count("\n", 0, pos)
    if not data.startswith("[", pos):
        yield InputError("a Label Studio export is a JSON array of tasks ([{\"data\": …}, …])", file, line)
        return
    pos += 1
    counted = pos
    first = True
    while True:
        pos = _skip(data, pos)
        if data.startswith("]", pos):
            return
        if not first:
            if not data.startswith(",", pos):
                line += data.count("\n", counted, pos)
                yield InputError("malformed JSON (expected ',' or ']' between tasks)", file, line)
                return
            pos = _skip(data, pos + 1)
        first = False
        line += data.count("\n", counted, pos)
        counted = pos
        try:
            obj, pos = decoder.raw_decode(data, pos)
        except json.JSONDecodeError as exc:
            yield InputError(f"malformed JSON ({exc.msg}; line {exc.lineno} column {exc.colno})", file, exc.lineno)
            return
        except RecursionError:
            yield InputError("malformed JSON (nested too deeply)", file, line)
            return
        except ValueError as exc:  # an integer literal over sys.get_int_max_str_digits()
            yield InputError(f"malformed JSON ({exc})", file, line)
            return
        yield obj, line


def _user_name(completed_by: Any) -> str:
    """Label Studio names a user by id (an int) or, in some exports, by an object with email."""
    if isinstance(completed_by, dict):
        email = completed_by.get("email")
        if isinstance(email, str) and email.strip():
            return email.strip()
        completed_by = completed_by.get("id")
    if isinstance(completed_by, bool) or completed_by is None:
        return DEFAULT_ANNOTATOR
    if isinstance(completed_by, int):
        return f"ls-{completed_by}"
    return str(completed_by).strip() or DEFAULT_ANNOTATOR


def _results(results: Any, text: str, offsets: Utf16Offsets, where: str) -> list[tuple[int, int, str, dict]]:
    """(start, end, label, result) in code points for every labelled-text result."""
    if not isinstance(results, list):
        raise _BadTask(f"{where}: 'result' must be a list")
    out = []
    for n, item in enumerate(results, 1):
        value = item.get("value") if isinstance(item, dict) else None
        if not isinstance(value, dict) or "labels" not in value:
            continue  # choices, text areas, relations: not spans
        labels = value.get("labels")
        if not isinstance(labels, list) or not all(isinstance(lab, str) for lab in labels):
            raise _BadTask(f"{where}, result {n}: 'labels' must be a list of strings")
        start = _offset(value.get("start"), "start", f"{where}, result {n}")
        end = _offset(value.get("end"), "end", f"{where}, result {n}")
        cp_start, cp_end = offsets.to_code_points(start), offsets.to_code_points(end)
        if cp_start is None or cp_end is None or cp_start >= cp_end:
            raise _BadTask(
                f"{where}, result {n}: offsets {start}–{end} are not a span of the text "
                f"({offsets.length_units} UTF-16 units, {offsets.length_cp} characters)"
            )
        claimed = value.get("text")
        if isinstance(claimed, str) and text[cp_start:cp_end] != claimed:
            raise _BadTask(
                f"{where}, result {n}: offsets {start}–{end} (UTF-16) cover "
                f"{text[cp_start:cp_end]!r} but value.text is {claimed!r}; the task's text and its "
                "annotations disagree"
            )
        for label in labels:
            out.append((cp_start, cp_end, label, item))
    return out


def _offset(value: Any, key: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _BadTask(f"{where}: '{key}' must be an integer, got "
                       f"{type(value).__name__} {json.dumps(value, ensure_ascii=False)}")
    return value


def _score(*candidates: Any) -> float:
    for c in candidates:
        if isinstance(c, (int, float)) and not isinstance(c, bool):
            return float(c)
    return 1.0


def record_from_task(task: Any, file: str, line: int, *, text_key: str = "text",
                     annotator: str | None = None, may_have_surrogates: bool = True) -> ArticleRecord:
    """One task → an ArticleRecord with one annotation per user and predictions as suggestions.

    ``annotator`` puts every annotation under that name; a task that several users
    annotated is then refused (their spans would collide).
    """
    if not isinstance(task, dict):
        raise InputError(f"expected a task object, got {type(task).__name__}", file, line)
    task_id = task.get("id")
    name = f"task {task_id}" if task_id is not None else "task"
    if may_have_surrogates:
        try:
            check_no_lone_surrogates(task, file, line)
        except InputError as err:
            raise InputError(f"{name}: {err.reason}", file, line) from None
    data = task.get("data")
    if not isinstance(data, dict):
        raise InputError(f"{name}: no 'data' object", file, line)
    if text_key not in data:
        keys = ", ".join(sorted(map(str, data))) or "none"
        raise InputError(f"{name}: data has no '{text_key}' (keys: {keys}); choose one with --text-column",
                         file, line)
    try:
        text = check_text(data[text_key], file, line)
    except InputError as err:
        raise InputError(f"{name}: {err.reason}", file, line) from None
    offsets = Utf16Offsets(text)
    by_user: dict[str, list[Span]] = {}
    try:
        for k, ann in enumerate(task.get("annotations") or [], 1):
            if not isinstance(ann, dict):
                raise _BadTask(f"annotation {k}: expected an object")
            if ann.get("was_cancelled"):
                continue  # skipped in Label Studio: not an annotation
            user = _user_name(ann.get("completed_by"))
            spans = [Span(s, e, label, {}, "import")
                     for s, e, label, _ in _results(ann.get("result", []), text, offsets, f"annotation by {user}")]
            # Label Studio keeps one annotation per user and task; a repeated one is a later version.
            by_user[user] = spans
        suggestions: list[Suggestion] = []
        for k, pred in enumerate(task.get("predictions") or [], 1):
            if not isinstance(pred, dict):
                raise _BadTask(f"prediction {k}: expected an object")
            version = pred.get("model_version")
            origin = str(version) if version not in (None, "") else DEFAULT_MODEL_VERSION
            for s, e, label, item in _results(pred.get("result", []), text, offsets, f"prediction {origin}"):
                suggestions.append(Suggestion(s, e, label, origin, _score(item.get("score"), pred.get("score")),
                                              {"model_version": origin}))
    except _BadTask as exc:
        raise InputError(f"{name}: {exc}", file, line) from None
    if annotator is not None and len(by_user) > 1:
        raise InputError(
            f"{name}: annotated by {len(by_user)} users ({', '.join(sorted(by_user))}); "
            f"--annotator {annotator} would merge them — leave it out to keep one annotation per user",
            file, line,
        )
    if annotator is not None and by_user:
        [only] = by_user.values()
        by_user = {annotator: only}
    meta = {k: v for k, v in data.items()
            if k not in (text_key, "title", "external_id", "source", "url", "published") and v is not None}
    ext = data.get("external_id", task_id)
    title = data.get("title")
    return ArticleRecord(
        text=text,
        title=str(title) if title else first_line(text, 200),
        external_id=str(ext) if ext is not None else None,
        source=_opt(data.get("source")), url=_opt(data.get("url")), published=_opt(data.get("published")),
        meta=meta, file=file, line=line,
        annotations=by_user, suggestions=suggestions or None,
        # A submitted Label Studio annotation is finished work (cancelled ones were skipped).
        status="done" if by_user else None,
    )


def _opt(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def read(path: Path, *, text_key: str = "text", annotator: str | None = None) -> Iterator[ArticleRecord | InputError]:
    """ArticleRecords (or InputErrors, by task) from a Label Studio JSON export."""
    file = str(path)
    try:
        data = decode(read_bytes(path), file)
    except InputError as err:
        yield err
        return
    # Only a JSON escape can spell a lone surrogate; without one no task needs the check.
    may_have_surrogates = SURROGATE_ESCAPE.search(data) is not None
    for item in _tasks(data, file):
        if isinstance(item, InputError):
            yield item
            continue
        task, line = item
        try:
            yield record_from_task(task, file, line, text_key=text_key, annotator=annotator,
                                   may_have_surrogates=may_have_surrogates)
        except InputError as err:
            yield err


# ------------------------------------------------------------------ writing
def result_item(text: str, offsets: Utf16Offsets, span: Span, n: int) -> dict[str, Any]:
    return {
        "id": f"s{n}",
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "origin": "manual",
        "value": {"start": offsets.to_units(span.start), "end": offsets.to_units(span.end),
                  "text": text[span.start:span.end], "labels": [span.label]},
    }


def task_for(article: Article, annotations: Sequence[tuple[str, list[Span], str | None, bool]]) -> dict[str, Any]:
    """A Label Studio task: the article in ``data`` and one annotation per (annotator, spans,
    updated_at, ground truth?)."""
    text = article.text
    offsets = Utf16Offsets(text)
    data: dict[str, Any] = {"text": text}
    for key in ("title", "external_id", "source", "url", "published"):
        value = getattr(article, key)
        if value:
            data[key] = value
    for key, value in (article.meta or {}).items():
        data.setdefault(key, value)
    return {
        "id": article.id,
        "data": data,
        "annotations": [
            {
                "completed_by": {"email": name},
                "was_cancelled": False,
                "ground_truth": ground_truth,
                "updated_at": updated_at,
                "result": [result_item(text, offsets, s, n) for n, s in enumerate(spans, 1)],
            }
            for name, spans, updated_at, ground_truth in annotations
        ],
        "predictions": [],
    }


def write_tasks(fh: IO[str], tasks: Iterable[dict[str, Any]], progress: Callable[[int], None] | None = None) -> int:
    """Stream tasks into ``fh`` as one JSON array (one task per line, so diffs stay readable)."""
    fh.write("[")
    n = 0
    for task in tasks:
        fh.write(",\n" if n else "\n")
        fh.write(json.dumps(task, ensure_ascii=False))
        n += 1
        if progress:
            progress(n)
    fh.write("\n]\n" if n else "]\n")
    return n


def write(path: str | os.PathLike[str], tasks: Iterable[dict[str, Any]],
          progress: Callable[[int], None] | None = None) -> int:
    """Write tasks to ``path`` atomically as one JSON array; return how many."""
    with atomic_file(path) as fh:
        return write_tasks(fh, tasks, progress)
