"""Merging other project files into this one (annotators working on separate machines).

Articles are matched by content hash, annotations by article × annotator, and the newer
edit wins; the summary names every case where the losing side's work differed. The other
files are untrusted input: they are opened read-only (nothing is left beside them), and
every row is validated against this project's rules and its own copy of each article before
the single write transaction, so a failure (not a project, a newer schema, unmapped labels,
a malformed row) changes nothing and names the file, the table and the row.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import math
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from ..domain import ROLES, STATUSES, Span
from ..errors import MergeError, ProjectError, SpanError
from ..store import (
    Project,
    check_annotator_name,
    content_hash,
    now_iso,
    parse_attributes,
)
from ..store.connection import check_is_project_file
from ..store.received import ReceivedFile, read_received
from ..store.rules import json_object
from ..store.table import RawSpan
from ..team.gold import GOLD_STATUSES, SpanKey


# =================================================================================== merge
@dataclass(frozen=True)
class MergeConflict:
    """Both sides had different spans for the same annotation (or gold) and the losing side
    was not empty, so someone's spans were discarded. (A loser with no spans lost nothing:
    typically an article opened here but annotated in the other file.)"""

    file: str
    article_id: int  # id in this project
    external_id: str | None
    annotator: str | None  # None: the conflict is about gold
    winner: str  # "this" or "other"
    this_updated_at: str | None
    other_updated_at: str | None
    # Identifies this exact disagreement, so a re-merge of unchanged work does not report it again.
    key: str = field(default="", compare=False, repr=False)

    @property
    def what(self) -> str:
        return "gold" if self.annotator is None else f"annotator {self.annotator}"

    def line(self) -> str:
        kept = "kept this project's version (newer)" if self.winner == "this" else "took the other file's (newer)"
        ext = f" ({self.external_id})" if self.external_id else ""
        return f"article {self.article_id}{ext}, {self.what}: spans differ; {kept} [{self.file}]"

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "article_id": self.article_id,
            "external_id": self.external_id,
            "annotator": self.annotator,
            "kind": "gold" if self.annotator is None else "annotation",
            "winner": self.winner,
            "this_updated_at": self.this_updated_at,
            "other_updated_at": self.other_updated_at,
        }


@dataclass
class MergeSummary:
    """What :func:`merge_projects` did, counted over all merged files."""

    files: list[str] = field(default_factory=list)
    articles_added: int = 0
    articles_matched: int = 0
    annotators_added: int = 0
    reviewers_added: int = 0  # existing annotators who became reviewers (roles never go down)
    annotations_added: int = 0
    annotations_updated: int = 0  # the other file's version was newer
    annotations_kept: int = 0  # this project's version was newer and differs
    annotations_unchanged: int = 0
    gold_added: int = 0
    gold_updated: int = 0
    gold_kept: int = 0
    gold_unchanged: int = 0
    conflicts: list[MergeConflict] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.articles_added or self.annotators_added or self.reviewers_added
            or self.annotations_added or self.annotations_updated or self.gold_added or self.gold_updated
        )

    def line(self) -> str:
        n = len(self.files)
        return (
            f"merged {n} file{'s' if n != 1 else ''}: {self.articles_added} new articles "
            f"({self.articles_matched} already here); annotations {self.annotations_added} added, "
            f"{self.annotations_updated} updated, {self.annotations_kept} kept (newer here), "
            f"{self.annotations_unchanged} unchanged; gold {self.gold_added} added, "
            f"{self.gold_updated} updated, {self.gold_kept} kept; "
            f"{self.annotators_added} annotators added, {self.reviewers_added} made reviewer; "
            f"{len(self.conflicts)} conflict{'s' if len(self.conflicts) != 1 else ''}"
        )

    def conflict_lines(self) -> list[str]:
        return [c.line() for c in self.conflicts]

    def to_dict(self) -> dict[str, Any]:
        # Every counter, in field order, as the hub's SyncSummary does it.
        out: dict[str, Any] = {k: v for k, v in self.__dict__.items() if k != "conflicts"}
        out["files"] = list(self.files)
        out["conflicts"] = [c.to_dict() for c in self.conflicts]
        return out



# Settings key: the conflicts already reported, so merging the same file again stays quiet.
REPORTED_CONFLICTS_KEY = "merge:reported_conflicts"
_MAX_REPORTED = 10_000


@dataclass
class _Article:
    other_id: int
    row: tuple  # ready for Articles.insert_one
    content_hash: str  # recomputed from the text: the other file's own hash is not trusted


@dataclass
class _Source:
    """One other project file, every row checked and converted, before anything is written."""

    path: Path
    annotators: dict[str, str]
    articles: list[_Article]
    annotations: list[tuple]  # (id, article_id, annotator, status, comment, seconds, updated_at)
    spans: dict[int, list[RawSpan]]  # annotation id -> spans, mapped, trimmed, checked here
    rejected: dict[int, list[tuple]]  # annotation id -> (start, end, label, created_at)
    gold: list[tuple]  # (id, article_id, adjudicator, strategy, status, created_at, updated_at)
    gold_spans: dict[int, list[RawSpan]]
    assignments: list[tuple[int, str]]


class _BadRow(Exception):
    """One row of another file is unusable; becomes a MergeError naming file, table and row."""


def merge_projects(project: Project, others: Sequence[str | os.PathLike[str]],
                   mapping: Mapping[str, str] | None = None) -> MergeSummary:
    """Bring other project files' work into this one; all files in one transaction.

    * Articles are matched by content hash, recomputed from their text; new ones come with
      their metadata.
    * Annotations are matched by (article, annotator): the newer ``updated_at`` wins
      (spans, status, comment, seconds). When the spans differ and the losing side had
      spans, that is a conflict and is reported with the winner — work was discarded. A
      conflict already reported by an earlier merge of the same work is not reported again.
    * Gold likewise (newer wins). Annotators come along; roles only go up, never down.
    * Assignments and rejected suggestions are united.
    * Labels must match by name: every label of another file must exist here, or be mapped
      with ``mapping`` {OLD: NEW} (NEW must exist here); otherwise MergeError lists the
      differences.

    The other files are only read, and every row is read and validated against this
    project's own articles before the write starts, so any failure — not a project, newer
    schema, label mismatch, a malformed row, a span that breaks this project's rules —
    changes nothing. Merging the same file twice changes nothing the second time: winners
    keep the other side's timestamps.
    """
    if not others:
        raise MergeError("give at least one project file to merge")
    mapping = dict(mapping or {})
    received = [_read_source(project, Path(p)) for p in others]
    mapped = _check_labels(project, received, mapping)
    sources = [_validate(project, r, mapped) for r in received]
    summary = MergeSummary(files=[str(s.path) for s in sources])
    reported = set(project.setting(REPORTED_CONFLICTS_KEY, []) or [])
    with project.transaction():
        for src in sources:
            _merge_source(project, src, summary, reported)
        fresh = [c for c in summary.conflicts if c.key not in reported]
        if fresh:
            keys = list(reported | {c.key for c in fresh})
            project.settings.put(REPORTED_CONFLICTS_KEY, keys[-_MAX_REPORTED:])
    summary.conflicts = [c for c in summary.conflicts if c.key not in reported]
    return summary


def _read_source(project: Project, path: Path) -> ReceivedFile:
    try:
        check_is_project_file(path)
    except ProjectError as exc:
        raise MergeError(f"cannot merge {path}: {exc}") from None
    try:
        if path.resolve() == project.path.resolve() or os.path.samefile(path, project.path):
            raise MergeError(f"{path}: that is this project itself; merge another project's file")
    except OSError:
        pass
    return read_received(path)


def _check_labels(project: Project, sources: list[ReceivedFile],
                  mapping: dict[str, str]) -> Callable[[str], str]:
    """Refuse label schemas that differ, unless every extra label is mapped; return the map."""
    here = project.label_names()
    here_set = set(here)
    for old, new in mapping.items():
        if new not in here_set:
            raise MergeError(
                f"--map {old}={new}: this project has no label {new!r}; its labels are {', '.join(here)}"
            )
    theirs_all: set[str] = set()
    problems = []
    for src in sources:
        used = _labels_used(src)
        theirs_all |= used
        missing = sorted(lab for lab in used if lab not in here_set and lab not in mapping)
        if missing:
            only_here = sorted(here_set - used)
            problems.append(
                f"{src.path}: labels not in this project: {', '.join(missing)}"
                + (f"; labels only in this project: {', '.join(only_here)}" if only_here else "")
            )
    unused = sorted(old for old in mapping if old not in theirs_all)
    if unused:
        raise MergeError(f"--map names labels no merged file has: {', '.join(unused)}")
    if problems:
        example = next(lab for src in sources for lab in sorted(_labels_used(src))
                       if lab not in here_set and lab not in mapping)
        raise MergeError(
            "label schemas differ; nothing was merged:\n  " + "\n  ".join(problems)
            + f"\nMap each missing label to one of this project's labels ({', '.join(here)}) "
            f"with --map OLD=NEW, for example --map {example}={here[0] if here else 'LABEL'}"
        )
    return lambda lab: mapping.get(lab, lab)


def _labels_used(src: ReceivedFile) -> set[str]:
    """Label names of the file's schema and spans; a label that is not text is refused."""
    used: set[str] = set()
    for table, rows in (("labels", [(r[0], r[1]) for r in src.labels]),
                        ("spans", [(s[0], s[3]) for spans in src.spans.values() for s in spans]),
                        ("gold_spans", [(s[0], s[3]) for spans in src.gold_spans.values() for s in spans])):
        for row_id, label in rows:
            if not isinstance(label, str) or not label:
                raise MergeError(f"{src.path}: table {table}, row {row_id}: the label is not a name "
                                 f"({_shown(label)}); nothing was merged")
            used.add(label)
    return used


# ------------------------------------------------------------------------- validation
def _validate(project: Project, rec: ReceivedFile, map_label: Callable[[str], str]) -> _Source:
    """Check and convert every row of another file, or raise MergeError naming the first bad one."""
    table, row_id = "", None
    try:
        table = "annotators"
        annotators: dict[str, str] = {}
        for _row_id, name, role in rec.annotators:
            annotators[_name(name)] = role if role in ROLES else "annotator"

        table = "articles"
        articles: list[_Article] = []
        texts: dict[int, str] = {}
        by_hash = project.articles.ids_by_hash()
        local = project.articles.texts([by_hash[h] for h in
                                        {content_hash(r[3]) for r in rec.articles if isinstance(r[3], str)}
                                        if h in by_hash])
        for row in rec.articles:
            row_id = row[0]
            article = _article(row)
            articles.append(article)
            here = by_hash.get(article.content_hash)
            # Spans are checked against the text they will sit on: this project's own copy.
            texts[row_id] = local[here] if here is not None else article.row[2]

        table = "annotations"
        annotations, spans, rejected = [], {}, {}
        for row_id, aid, name, status, comment, seconds, updated in rec.annotations:
            if aid not in texts:
                raise _BadRow(f"its article {_shown(aid)} is not in the file")
            if status not in STATUSES:
                raise _BadRow(f"unknown status {_shown(status)}")
            name = _name(name)
            annotations.append((row_id, aid, name, status, _text(comment, "comment"),
                                _seconds(seconds), _text(updated, "updated_at")))
            annotators.setdefault(name, "annotator")
            ann_id = row_id
            table = "spans"
            spans[ann_id] = _spans(project, texts[aid], rec.spans.get(ann_id, []), map_label)
            table = "rejected_suggestions"
            rejected[ann_id] = []
            for _row_id, start, end, label, created in rec.rejected.get(ann_id, []):
                rejected[ann_id].append((_offset(start), _offset(end), map_label(_text(label, "label") or ""),
                                         _text(created, "created_at")))
            table = "annotations"
        orphans = set(rec.spans) - {a[0] for a in annotations}
        if orphans:
            table, row_id = "spans", rec.spans[min(orphans, key=repr)][0][0]
            raise _BadRow("its annotation is not in the file")

        table = "gold"
        gold, gold_spans = [], {}
        for row_id, aid, adjudicator, strategy, status, created, updated in rec.gold:
            if aid not in texts:
                raise _BadRow(f"its article {_shown(aid)} is not in the file")
            if status not in GOLD_STATUSES:
                raise _BadRow(f"unknown status {_shown(status)}")
            gold.append((row_id, aid, _name(adjudicator), _text(strategy, "strategy"), status,
                         _text(created, "created_at"), _text(updated, "updated_at")))
            table = "gold_spans"
            gold_spans[row_id] = _spans(project, texts[aid], rec.gold_spans.get(row_id, []), map_label)
            table = "gold"

        table = "assignments"
        assignments = []
        for _row_id, aid, name in rec.assignments:
            if aid not in texts:
                raise _BadRow(f"its article {_shown(aid)} is not in the file")
            name = _name(name)
            assignments.append((aid, name))
            annotators.setdefault(name, "annotator")
    except _BadRow as exc:
        raise MergeError(f"{rec.path}: table {table}, row {row_id}: {exc}; nothing was merged") from None
    return _Source(rec.path, annotators, articles, annotations, spans, rejected, gold, gold_spans, assignments)


def _article(row: tuple) -> _Article:
    aid, ext, title, text, source, url, published, meta, _their_hash, search_key, created = row
    if not isinstance(text, str) or not text.strip():
        raise _BadRow("the article has no text")
    if "\x00" in text:
        raise _BadRow("the text contains NUL characters")
    return _Article(aid, (
        _text(ext, "external_id"), _text(title, "title"), text, _text(source, "source"), _text(url, "url"),
        _text(published, "published"), _meta(meta), content_hash(text), _text(search_key, "search_key"),
        _text(created, "created_at") or now_iso(),
    ), content_hash(text))


def _spans(project: Project, text: str, raw: list[tuple], map_label: Callable[[str], str]) -> list[RawSpan]:
    """Map labels and check spans against ``text`` and this project's rules; trimmed and
    de-duplicated, ready to copy."""
    out: list[RawSpan] = []
    accepted: list[Span] = []
    seen: set[SpanKey] = set()
    for span_id, start, end, label, attrs, origin, created in raw:
        label = map_label(label)
        try:
            attributes = parse_attributes(attrs)
            s, e = project.check_span(text, start, end, accepted)
        except SpanError as exc:
            raise _BadRow(f"span id {span_id} ({_shown(start)}–{_shown(end)} {label}): {exc}") from None
        if (s, e, label) in seen:
            continue  # two old labels mapped onto one new label
        seen.add((s, e, label))
        accepted.append(Span(s, e, label))
        out.append((s, e, label, json.dumps(attributes, ensure_ascii=False), _text(origin, "origin") or "manual",
                    _text(created, "created_at")))
    return out


def _name(value: object) -> str:
    try:
        return check_annotator_name(value)
    except ProjectError as exc:
        raise _BadRow(f"annotator name {_shown(value)}: {exc}") from None


def _text(value: object, column: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise _BadRow(f"{column} must be text, got {type(value).__name__}")


def _offset(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _BadRow(f"offset {_shown(value)} is not a whole number")
    return value


def _seconds(value: object) -> float:
    if value is None:
        return 0.0
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise _BadRow(f"seconds must be a number ≥ 0, got {_shown(value)}")
    return float(value)


def _meta(value: object) -> str:
    try:
        json_object(value, "meta")
    except ValueError as exc:
        raise _BadRow(str(exc)) from None
    return value if isinstance(value, str) and value else "{}"


def _shown(value: object) -> str:
    """A value from a hostile file, safe to print: short, one line."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


# ----------------------------------------------------------------------------- writing
def _merge_source(project: Project, src: _Source, summary: MergeSummary, reported: set[str]) -> None:
    # --- annotators: add the missing, promote to reviewer, never demote
    roles = dict(project.annotators())
    for name, role in sorted(src.annotators.items()):
        if name not in roles:
            project.annotators_table.add_missing([name], role)
            summary.annotators_added += 1
        elif role == "reviewer" and roles[name] != "reviewer":
            project.annotators_table.promote(name)
            summary.reviewers_added += 1

    # --- articles, matched by content hash
    by_hash = project.articles.ids_by_hash()
    id_map: dict[int, int] = {}
    hashes: dict[int, str] = {}
    external: dict[int, str | None] = {}
    fold: Callable[[str], str] | None = None
    for art in src.articles:
        ext, title, _, source = art.row[:4]
        here_id = by_hash.get(art.content_hash)
        if here_id is None:
            row = art.row
            if row[8] is None:
                if fold is None:
                    from .text import fold as fold_
                    fold = fold_
                row = (*row[:8], fold(" ".join(x for x in (title or "", source or "", ext or "") if x)), row[9])
            here_id = project.articles.insert_one(row)
            by_hash[art.content_hash] = here_id
            summary.articles_added += 1
        else:
            summary.articles_matched += 1
        id_map[art.other_id] = here_id
        hashes[here_id] = art.content_hash
        external[here_id] = ext

    # --- annotations: newer wins
    mine = project.annotations.all_rows()
    for other_ann, other_aid, name, status, comment, seconds, updated in src.annotations:
        aid = id_map[other_aid]
        theirs = src.spans.get(other_ann, [])
        here = mine.get((aid, name))
        if here is None:
            ann_id = project.annotations.insert_received(aid, name, status, comment, seconds, updated, theirs)
            summary.annotations_added += 1
        else:
            ann_id = here[0]
            outcome = _newer_wins(
                summary, _Side(str(src.path), aid, external.get(aid), hashes[aid], name),
                ours=project.annotations.raw_spans(ann_id), theirs=theirs,
                same_meta=(here[3], here[4], float(here[5] or 0), here[6]) == (status, comment, seconds, updated),
                ours_updated=here[6], theirs_updated=updated,
                take_theirs=partial(project.annotations.replace_received,
                                    ann_id, status, comment, seconds, updated, theirs),
            )
            _count(summary, "annotations", outcome)
        project.suggestions.add_rejected(ann_id, src.rejected.get(other_ann, []))

    # --- gold: newer wins
    my_gold = project.gold.all_rows()
    for other_gold, other_aid, adjudicator, strategy, status, created, updated in src.gold:
        aid = id_map[other_aid]
        theirs = src.gold_spans.get(other_gold, [])
        here = my_gold.get(aid)
        if here is None:
            project.gold.insert_received(aid, adjudicator, strategy, status, created, updated, theirs)
            summary.gold_added += 1
            continue
        gold_id = here[0]
        outcome = _newer_wins(
            summary, _Side(str(src.path), aid, external.get(aid), hashes[aid], None),
            ours=project.gold.raw_spans(gold_id), theirs=theirs,
            same_meta=(here[2], here[3], here[4], here[6]) == (adjudicator, strategy, status, updated),
            ours_updated=here[6], theirs_updated=updated,
            take_theirs=partial(project.gold.replace_received, gold_id, adjudicator, strategy, status, updated, theirs),
        )
        _count(summary, "gold", outcome)

    # --- assignments: union (who should do what is not a matter of newer-wins)
    project.assignments.add([(id_map[aid], name) for aid, name in src.assignments])


@dataclass(frozen=True)
class _Side:
    """Where one received version belongs: the file, the article here, whose work (None: gold)."""

    path: str
    article_id: int
    external_id: str | None
    article_hash: str
    annotator: str | None


def _newer_wins(summary: MergeSummary, where: _Side, *, ours: list[RawSpan], theirs: list[RawSpan], same_meta: bool,
                ours_updated: str | None, theirs_updated: str | None, take_theirs: Callable[[], object]) -> str:
    """Annotations and gold merge alike: identical versions are left alone, otherwise the newer
    ``updated_at`` wins, and a loser with other spans is reported as a conflict (work that was
    overwritten or ignored must never vanish silently). Returns unchanged, updated or kept."""
    same_spans = _signature(ours) == _signature(theirs)
    if same_spans and same_meta:
        return "unchanged"
    other_newer = _when(theirs_updated) > _when(ours_updated)
    if other_newer:
        take_theirs()
    loser = ours if other_newer else theirs
    if not same_spans and loser:
        _conflict(summary, MergeConflict(
            where.path, where.article_id, where.external_id, where.annotator,
            "other" if other_newer else "this", ours_updated, theirs_updated,
        ), where.article_hash, theirs)
    return "updated" if other_newer else "kept"


def _count(summary: MergeSummary, kind: str, outcome: str) -> None:
    field = f"{kind}_{outcome}"
    setattr(summary, field, getattr(summary, field) + 1)


def _conflict(summary: MergeSummary, conflict: MergeConflict, article_hash: str, theirs: list[RawSpan]) -> None:
    """Record a conflict with the key that says "this exact disagreement was reported":
    the article's content, whose work, the other side's version and its spans."""
    digest = hashlib.sha256(json.dumps(
        [article_hash, conflict.annotator, conflict.winner, conflict.other_updated_at, _signature(theirs)],
        ensure_ascii=False,
    ).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    summary.conflicts.append(replace(conflict, key=digest))


def _signature(spans: Iterable[RawSpan]) -> list[tuple[int, int, str, str]]:
    """What makes two span lists "the same": offsets, label and attributes (key order ignored)."""
    return sorted(
        (s[0], s[1], s[2], json.dumps(parse_attributes(s[3]), sort_keys=True, ensure_ascii=False))
        for s in spans
    )


_EPOCH = _dt.datetime.min.replace(tzinfo=_dt.UTC)


def _when(stamp: str | None) -> _dt.datetime:
    """Parse an updated_at; missing or unreadable stamps count as oldest."""
    if not stamp:
        return _EPOCH
    try:
        value = _dt.datetime.fromisoformat(stamp)
    except ValueError:
        return _EPOCH
    return value if value.tzinfo else value.replace(tzinfo=_dt.UTC)
