"""Labels on import: rename another tool's labels (``--map``), create unknown ones
(``--add-labels``) and drop a span repeated verbatim inside one record.

Pure functions; the importer calls them for every format, so the options behave the same
whether the spans came from JSONL, doccano, Label Studio or CoNLL.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..domain import Label, Span
from ..errors import InputError

# Colours for labels created by --add-labels: Okabe–Ito, then Tol's muted set (colour-blind safe).
NEW_LABEL_COLORS = (
    "#CC79A7", "#0072B2", "#D55E00", "#F0E442", "#882255", "#44AA99", "#999933", "#AA4499",
    "#332288", "#117733", "#88CCEE", "#DDCC77",
)


def parse_label_map(items: Iterable[str]) -> dict[str, str]:
    """``["ORG=ACTOR,PERSON=ACTOR", "LOC=LOCATION"]`` → ``{"ORG": "ACTOR", ...}``.

    Several ``--map`` options and comma-separated pairs in one option both work.
    """
    mapping: dict[str, str] = {}
    for item in items:
        for pair in item.split(","):
            if not pair.strip():
                continue
            old, sep, new = pair.partition("=")
            old, new = old.strip(), new.strip()
            if not sep or not old or not new:
                raise InputError(f"--map expects OLD=NEW pairs separated by commas, got {pair.strip()!r}")
            if mapping.get(old, new) != new:
                raise InputError(f"--map gives two targets for {old!r}: {mapping[old]!r} and {new!r}")
            mapping[old] = new
    return mapping


def map_and_dedupe(spans: Sequence[Span], mapping: dict[str, str]) -> tuple[list[Span], int]:
    """Rename labels by ``mapping``; keep one copy of spans with identical offsets and label.

    Returns the spans (order kept) and how many identical duplicates were dropped. Two
    annotators marking the same words (doccano writes both) or ORG and PERSON on the same
    words both mapped to ACTOR are the same span, not an overlap.
    """
    seen: set[tuple[int, int, str]] = set()
    out: list[Span] = []
    for span in spans:
        label = mapping.get(span.label, span.label)
        key = (span.start, span.end, label)
        if key in seen:
            continue
        seen.add(key)
        out.append(span if label == span.label else replace(span, label=label))
    return out, len(spans) - len(out)


def unknown_label_reason(label: str, known: Iterable[str]) -> str:
    """The rejection of a span whose label the project lacks, naming both ways out."""
    return (
        f"unknown label {label!r} (labels: {', '.join(sorted(known))}); "
        f"map it with --map {label}=LABEL or create it with --add-labels"
    )


def new_label(name: str, existing: Sequence[Label]) -> Label:
    """A label for ``--add-labels``: a colour no other label uses, no shortcut key."""
    used = {lab.color.upper() for lab in existing}
    fallback = NEW_LABEL_COLORS[len(existing) % len(NEW_LABEL_COLORS)]
    color = next((c for c in NEW_LABEL_COLORS if c not in used), fallback)
    return Label(name, name, name, color, "", "created by import --add-labels")
