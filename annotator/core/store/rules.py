"""The project's rules for names, labels and spans: pure functions, no SQL.

The store applies them on every write (a project's own setting such as ``allow_overlap``
comes from :meth:`Project.check_span`), and merge applies the same ones to rows arriving
from other files, so a rule is written once.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from ..domain import Label, Span
from ..errors import LabelError, ProjectError, SpanError

ANNOTATOR_NAME_MAX = 100
# Embeddings, overrides and isolates reorder what follows them on screen; marks (LRM, RLM)
# are harmless and an Arabic name typed on some keyboards contains them.
_BIDI_EMBEDDINGS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def now_iso() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="microseconds")


def default_labels() -> list[Label]:
    """The label schema a new project starts with (resources/labels.yaml)."""
    import yaml

    from ..paths import resources_dir

    with open(resources_dir() / "labels.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return [Label(**{k: str(v) for k, v in item.items()}) for item in data["labels"]]


def load_labels_file(path: str | os.PathLike[str]) -> list[Label]:
    """Read a label schema from YAML (``labels: [...]``) or JSON; raise LabelError if bad."""
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise LabelError(f"{path}: cannot read label schema: {exc}") from None
    items = data.get("labels") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise LabelError(f"{path}: expected a list of labels under 'labels'")
    labels = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or "name" not in item:
            raise LabelError(f"{path}: label {n} has no name")
        name = str(item["name"])
        labels.append(
            Label(
                name=name,
                name_ar=str(item.get("name_ar", name)),
                name_en=str(item.get("name_en", name)),
                color=str(item.get("color", "#999999")),
                key=str(item.get("key", "")),
                description=str(item.get("description", "")),
            )
        )
    return labels


# The most labels a schema may have. Annotation schemas have a handful to a few dozen;
# each label is a palette button and a colour to tell apart, and a schema of thousands
# (a hostile or broken file) made the window hundreds of thousands of pixels wide.
MAX_LABELS = 100


def check_label(label: Label, existing: Sequence[Label]) -> None:
    if len(existing) >= MAX_LABELS:
        raise LabelError(f"a project can have at most {MAX_LABELS} labels; {label.name!r} would be one too many")
    if not label.name or not label.name.strip() or len(label.name) > 64:
        raise LabelError("a label name must be 1–64 characters and not blank")
    if any(ch in label.name for ch in "\n\r\t"):
        raise LabelError(f"label name {label.name!r} contains a line break or tab")
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", label.color):
        raise LabelError(f"label {label.name!r}: colour must look like #rrggbb, got {label.color!r}")
    if label.key and not re.fullmatch(r"[1-9]", label.key):
        raise LabelError(f"label {label.name!r}: key must be a digit 1–9, got {label.key!r}")
    for other in existing:
        if other.name == label.name:
            raise LabelError(f"label {label.name!r} already exists")
        if label.key and other.key == label.key:
            raise LabelError(f"key {label.key} is already used by label {other.name!r}")


def check_annotator_name(name: object) -> str:
    """A usable annotator name: text, 1–100 characters, one line, no control characters
    (names reach terminals, file names and window titles)."""
    if not isinstance(name, str):
        raise ProjectError(f"an annotator name must be text, got {type(name).__name__}")
    name = name.strip()
    if not name or len(name) > ANNOTATOR_NAME_MAX or any(
            unicodedata.category(ch) in ("Cc", "Zl", "Zp") or ch in _BIDI_EMBEDDINGS for ch in name):
        raise ProjectError(
            f"an annotator name must be 1–{ANNOTATOR_NAME_MAX} characters on one line, "
            "without control characters"
        )
    return name


def check_span(text: str, start: int, end: int, existing: Iterable[Span] = (),
               *, allow_overlap: bool = False) -> tuple[int, int]:
    """Validate offsets against ``text``; return them with edge whitespace trimmed."""
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise SpanError(f"{name} must be an integer, got {type(value).__name__} {value!r}")
    if start < 0 or end > len(text) or start >= end:
        raise SpanError(
            f"offsets {start}–{end} are outside the text or empty (text has {len(text)} characters; "
            "0 ≤ start < end ≤ length)"
        )
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise SpanError("a span must contain more than whitespace")
    if not allow_overlap:
        for other in existing:
            if start < other.end and other.start < end:
                raise SpanError(
                    f"span {start}–{end} overlaps the {other.label} span {other.start}–{other.end} "
                    f"«{text[other.start:other.end]}»"
                )
    return start, end


def json_object(raw: object, what: str) -> dict[str, Any]:
    """Stored JSON text that must hold an object (NULL and "" read as empty); ValueError
    naming ``what`` for anything else."""
    if raw is None or raw == "" or raw == "{}":
        return {}
    if not isinstance(raw, str):
        raise ValueError(f"{what} must be JSON text holding an object, got {type(raw).__name__}")
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise ValueError(f"{what} is not valid JSON: {str(exc)[:80]}") from None
    if not isinstance(value, dict):
        raise ValueError(f"{what} must be a JSON object, got {type(value).__name__} {raw[:40]!r}")
    return value


def parse_attributes(raw: object) -> dict[str, Any]:
    """A span's stored attributes: a JSON object (SpanError for anything else, so a row a
    hand edit or another file broke never reaches the views as a list or a number)."""
    try:
        return json_object(raw, "attributes")
    except ValueError as exc:
        raise SpanError(str(exc)) from None


def span_from_row(row: Sequence[Any]) -> Span:
    """(id, start, end, label, attributes, origin, created_at) -> Span."""
    try:
        attributes = parse_attributes(row[4])
    except SpanError:
        attributes = {}  # unreadable attributes are shown as none; `annotator check` reports them
    return Span(start=row[1], end=row[2], label=row[3], attributes=attributes,
                origin=row[5], id=row[0], created_at=row[6])
