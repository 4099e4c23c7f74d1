"""Merging other project files into this one (annotators working on separate machines).

Articles are matched by content hash, annotations by article × annotator, and the newer
edit wins; the summary names every case where the losing side's work differed. The other
files are opened read-only and fully validated before the single write transaction, so a
failure (not a project, a newer schema, unmapped labels) changes nothing.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import MergeError, ProjectError, SpanError
from .model import ROLES, STATUSES, Span
from .schema import SCHEMA_VERSION
from .store import Project, _check_annotator_name, _check_is_project_file, check_span, now_iso
from .team import GOLD_STATUSES, SpanKey

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
        return {
            "files": list(self.files),
            "articles_added": self.articles_added,
            "articles_matched": self.articles_matched,
            "annotators_added": self.annotators_added,
            "reviewers_added": self.reviewers_added,
            "annotations_added": self.annotations_added,
            "annotations_updated": self.annotations_updated,
            "annotations_kept": self.annotations_kept,
            "annotations_unchanged": self.annotations_unchanged,
            "gold_added": self.gold_added,
            "gold_updated": self.gold_updated,
            "gold_kept": self.gold_kept,
            "gold_unchanged": self.gold_unchanged,
            "conflicts": [c.to_dict() for c in self.conflicts],
        }


# A span as read from another file: (start, end, label, attributes_json, origin, created_at).
_RawSpan = tuple[int, int, str, str, str, str | None]


@dataclass
class _Source:
    """Everything read from one other project file, before anything is written here."""

    path: Path
    labels: list[str]
    annotators: dict[str, str]
    articles: dict[int, tuple]  # id -> (external_id, title, text, source, url, published, meta, hash, search_key, created_at)
    annotations: list[tuple]  # (id, article_id, annotator, status, comment, seconds, updated_at)
    spans: dict[int, list[_RawSpan]]  # annotation id -> spans
    rejected: dict[int, list[tuple]]  # annotation id -> (start, end, label, created_at)
    gold: list[tuple]  # (id, article_id, adjudicator, strategy, status, created_at, updated_at)
    gold_spans: dict[int, list[_RawSpan]]
    assignments: list[tuple[int, str]]


_REQUIRED_TABLES = ("labels", "annotators", "articles", "annotations", "spans")


def merge_projects(project: Project, others: Sequence[str | os.PathLike[str]],
                   mapping: Mapping[str, str] | None = None) -> MergeSummary:
    """Bring other project files' work into this one; all files in one transaction.

    * Articles are matched by content hash; new ones come with their metadata.
    * Annotations are matched by (article, annotator): the newer ``updated_at`` wins
      (spans, status, comment, seconds). When the spans differ and the losing side had
      spans, that is a conflict and is reported with the winner — work was discarded.
    * Gold likewise (newer wins). Annotators come along; roles only go up, never down.
    * Assignments and rejected suggestions are united.
    * Labels must match by name: every label of another file must exist here, or be mapped
      with ``mapping`` {OLD: NEW} (NEW must exist here); otherwise MergeError lists the
      differences.

    The other files are only read (``mode=ro``), and everything is read and validated
    before the write starts, so any failure — not a project, newer schema, label mismatch,
    a span that breaks this project's rules — changes nothing. Merging the same file twice
    changes nothing the second time: winners keep the other side's timestamps.
    """
    if not others:
        raise MergeError("give at least one project file to merge")
    mapping = dict(mapping or {})
    sources = [_read_source(project, Path(p)) for p in others]
    mapped = _check_labels(project, sources, mapping)
    allow_overlap = bool(project.setting("allow_overlap", False))
    for src in sources:
        _validate_source(src, mapped, allow_overlap)
    summary = MergeSummary(files=[str(s.path) for s in sources])
    with project._write():
        for src in sources:
            _merge_source(project, src, summary)
    return summary


def _read_source(project: Project, path: Path) -> _Source:
    try:
        _check_is_project_file(path)
    except ProjectError as exc:
        raise MergeError(f"cannot merge {path}: {exc}") from None
    try:
        if path.resolve() == project.path.resolve() or os.path.samefile(path, project.path):
            raise MergeError(f"{path}: that is this project itself; merge another project's file")
    except OSError:
        pass
    try:
        # Read-only: merging must never alter (or migrate) the other file.
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise MergeError(f"{path}: cannot open: {exc}") from None
    try:
        return _read_tables(conn, path)
    except sqlite3.DatabaseError as exc:
        raise MergeError(f"{path}: not a usable project file: {exc}") from None
    finally:
        conn.close()


def _read_tables(conn: sqlite3.Connection, path: Path) -> _Source:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version == 0 or any(t not in tables for t in _REQUIRED_TABLES):
        raise MergeError(f"{path}: this SQLite file is not an annotator project")
    if version > SCHEMA_VERSION:
        raise MergeError(
            f"{path} was written by a newer version of the annotator (schema {version}, this "
            f"version supports {SCHEMA_VERSION}); update the annotator to merge it"
        )
    annotators = {name: (role if role in ROLES else "annotator") for name, role in conn.execute(
        "SELECT name, role FROM annotators")}
    articles = {
        r[0]: tuple(r[1:])
        for r in conn.execute(
            "SELECT id, external_id, title, text, source, url, published, meta, content_hash, "
            "search_key, created_at FROM articles"
        )
    }
    annotations = conn.execute(
        "SELECT id, article_id, annotator, status, comment, seconds, updated_at FROM annotations"
    ).fetchall()
    spans: dict[int, list[_RawSpan]] = defaultdict(list)
    for row in conn.execute(
        'SELECT annotation_id, start, "end", label, attributes, origin, created_at FROM spans '
        'ORDER BY annotation_id, start, "end"'
    ):
        spans[row[0]].append(tuple(row[1:]))  # type: ignore[arg-type]
    rejected: dict[int, list[tuple]] = defaultdict(list)
    if "rejected_suggestions" in tables:
        for row in conn.execute('SELECT annotation_id, start, "end", label, created_at FROM rejected_suggestions'):
            rejected[row[0]].append(tuple(row[1:]))
    gold: list[tuple] = []
    gold_spans_: dict[int, list[_RawSpan]] = defaultdict(list)
    if "gold" in tables and "gold_spans" in tables:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(gold)")}
        status = "status" if "status" in columns else "'accepted'"  # files from before m003
        gold = conn.execute(
            f"SELECT id, article_id, adjudicator, strategy, {status}, created_at, updated_at FROM gold"
        ).fetchall()
        for row in conn.execute(
            'SELECT gold_id, start, "end", label, attributes, origin, created_at FROM gold_spans '
            'ORDER BY gold_id, start, "end"'
        ):
            gold_spans_[row[0]].append(tuple(row[1:]))  # type: ignore[arg-type]
    assignments_: list[tuple[int, str]] = []
    if "assignments" in tables:
        assignments_ = [tuple(r) for r in conn.execute("SELECT article_id, annotator FROM assignments")]
    # Anyone who annotated or was assigned must exist here even if the file lacks the row.
    for name in [a[2] for a in annotations] + [a[1] for a in assignments_]:
        annotators.setdefault(name, "annotator")
    labels = [r[0] for r in conn.execute("SELECT name FROM labels ORDER BY position, name")]
    return _Source(path, labels, annotators, articles, annotations, dict(spans), dict(rejected),
                   gold, dict(gold_spans_), assignments_)


def _check_labels(project: Project, sources: list[_Source], mapping: dict[str, str]) -> Callable[[str], str]:
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
        used = set(src.labels)
        used |= {s[2] for spans in src.spans.values() for s in spans}
        used |= {s[2] for spans in src.gold_spans.values() for s in spans}
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
        example = _first_missing(sources, here_set, mapping)
        raise MergeError(
            "label schemas differ; nothing was merged:\n  " + "\n  ".join(problems)
            + f"\nMap each missing label to one of this project's labels ({', '.join(here)}) "
            f"with --map OLD=NEW, for example --map {example}={here[0] if here else 'LABEL'}"
        )
    return lambda lab: mapping.get(lab, lab)


def _first_missing(sources: list[_Source], here: set[str], mapping: dict[str, str]) -> str:
    for src in sources:
        for lab in src.labels + [s[2] for spans in src.spans.values() for s in spans]:
            if lab not in here and lab not in mapping:
                return lab
    return "OLD"


def _validate_source(src: _Source, map_label: Callable[[str], str], allow_overlap: bool) -> None:
    """Map labels and check every span against its text before anything is written.

    Replaces ``src.spans`` / ``src.gold_spans`` with the mapped, trimmed, de-duplicated spans
    so the write phase only copies.
    """
    def fix(text: str, raw: list[_RawSpan], where: str) -> list[_RawSpan]:
        out: list[_RawSpan] = []
        accepted: list[Span] = []
        seen: set[SpanKey] = set()
        for start, end, label, attrs, origin, created in raw:
            label = map_label(label)
            try:
                json.loads(attrs or "{}")
                s, e = check_span(text, start, end, accepted, allow_overlap=allow_overlap)
            except (SpanError, ValueError, TypeError) as exc:
                raise MergeError(f"{src.path}: {where}: span {start}–{end} {label}: {exc}") from None
            if (s, e, label) in seen:
                continue  # two old labels mapped onto one new label
            seen.add((s, e, label))
            accepted.append(Span(s, e, label))
            out.append((s, e, label, attrs or "{}", origin or "manual", created))
        return out

    for aid, art in src.articles.items():
        if not isinstance(art[2], str) or not art[7]:
            raise MergeError(f"{src.path}: article {aid} has no text or content hash")
    for ann_id, aid, name, status, *_ in src.annotations:
        if status not in STATUSES:
            raise MergeError(f"{src.path}: article {aid}, annotator {name}: unknown status {status!r}")
        try:
            _check_annotator_name(name)
        except ProjectError as exc:
            raise MergeError(f"{src.path}: {exc}") from None
        if ann_id in src.spans:
            src.spans[ann_id] = fix(src.articles[aid][2], src.spans[ann_id], f"article {aid}, annotator {name}")
        if ann_id in src.rejected:
            src.rejected[ann_id] = [(s, e, map_label(lab), c) for s, e, lab, c in src.rejected[ann_id]]
    for gold_id, aid, _adj, _strategy, status, *_ in src.gold:
        if status not in GOLD_STATUSES:
            raise MergeError(f"{src.path}: gold of article {aid}: unknown status {status!r}")
        if gold_id in src.gold_spans:
            src.gold_spans[gold_id] = fix(src.articles[aid][2], src.gold_spans[gold_id], f"gold of article {aid}")


def _merge_source(project: Project, src: _Source, summary: MergeSummary) -> None:
    conn = project.conn
    now = now_iso()

    # --- annotators: add the missing, promote to reviewer, never demote
    roles = dict(project.annotators())
    for name, role in sorted(src.annotators.items()):
        if name not in roles:
            conn.execute("INSERT INTO annotators(name, role, created_at) VALUES (?, ?, ?)", (name, role, now))
            summary.annotators_added += 1
        elif role == "reviewer" and roles[name] != "reviewer":
            conn.execute("UPDATE annotators SET role = 'reviewer' WHERE name = ?", (name,))
            summary.reviewers_added += 1

    # --- articles, matched by content hash
    by_hash = {h: i for h, i in conn.execute("SELECT content_hash, id FROM articles")}
    id_map: dict[int, int] = {}
    external: dict[int, str | None] = {}
    fold: Callable[[str], str] | None = None
    for other_id, art in sorted(src.articles.items()):
        ext, title, text, source, url, published, meta, chash, search_key, created = art
        here_id = by_hash.get(chash)
        if here_id is None:
            if search_key is None:
                if fold is None:
                    from .text import fold as fold_
                    fold = fold_
                search_key = fold(" ".join(x for x in (title or "", source or "", ext or "") if x))
            cur = conn.execute(
                "INSERT INTO articles(external_id, title, text, source, url, published, meta, "
                "content_hash, search_key, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (ext, title, text, source, url, published, meta or "{}", chash, search_key, created or now),
            )
            here_id = int(cur.lastrowid)
            by_hash[chash] = here_id
            summary.articles_added += 1
        else:
            summary.articles_matched += 1
        id_map[other_id] = here_id
        external[here_id] = ext

    # --- annotations: newer wins
    mine = {
        (r[1], r[2]): r
        for r in conn.execute(
            "SELECT id, article_id, annotator, status, comment, seconds, updated_at FROM annotations"
        )
    }
    for other_ann, other_aid, name, status, comment, seconds, updated in src.annotations:
        aid = id_map[other_aid]
        theirs = src.spans.get(other_ann, [])
        here = mine.get((aid, name))
        if here is None:
            cur = conn.execute(
                "INSERT INTO annotations(article_id, annotator, status, comment, seconds, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (aid, name, status, comment, float(seconds or 0), updated),
            )
            ann_id = int(cur.lastrowid)
            _copy_spans(conn, "spans", "annotation_id", ann_id, theirs)
            summary.annotations_added += 1
        else:
            ann_id = here[0]
            ours = _raw_spans(conn, "spans", "annotation_id", ann_id)
            same_spans = _signature(ours) == _signature(theirs)
            same_meta = (here[3], here[4], float(here[5] or 0), here[6]) == (
                status, comment, float(seconds or 0), updated)
            if same_spans and same_meta:
                summary.annotations_unchanged += 1
            else:
                other_newer = _when(updated) > _when(here[6])
                if other_newer:
                    conn.execute("DELETE FROM spans WHERE annotation_id = ?", (ann_id,))
                    _copy_spans(conn, "spans", "annotation_id", ann_id, theirs)
                    conn.execute(
                        "UPDATE annotations SET status = ?, comment = ?, seconds = ?, updated_at = ? WHERE id = ?",
                        (status, comment, float(seconds or 0), updated, ann_id),
                    )
                    summary.annotations_updated += 1
                else:
                    summary.annotations_kept += 1
                loser = ours if other_newer else theirs
                if not same_spans and loser:
                    summary.conflicts.append(MergeConflict(
                        str(src.path), aid, external.get(aid), name,
                        "other" if other_newer else "this", here[6], updated,
                    ))
        conn.executemany(
            'INSERT OR IGNORE INTO rejected_suggestions(annotation_id, start, "end", label, created_at) '
            "VALUES (?, ?, ?, ?, ?)",
            [(ann_id, *r) for r in src.rejected.get(other_ann, [])],
        )

    # --- gold: newer wins
    my_gold = {
        r[1]: r
        for r in conn.execute(
            "SELECT id, article_id, adjudicator, strategy, status, created_at, updated_at FROM gold"
        )
    }
    for other_gold, other_aid, adjudicator, strategy, status, created, updated in src.gold:
        aid = id_map[other_aid]
        theirs = src.gold_spans.get(other_gold, [])
        here = my_gold.get(aid)
        if here is None:
            cur = conn.execute(
                "INSERT INTO gold(article_id, adjudicator, strategy, status, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (aid, adjudicator, strategy, status, created, updated),
            )
            _copy_spans(conn, "gold_spans", "gold_id", int(cur.lastrowid), theirs)
            summary.gold_added += 1
            continue
        gold_id = here[0]
        ours = _raw_spans(conn, "gold_spans", "gold_id", gold_id)
        same_spans = _signature(ours) == _signature(theirs)
        if same_spans and (here[2], here[3], here[4], here[6]) == (adjudicator, strategy, status, updated):
            summary.gold_unchanged += 1
            continue
        other_newer = _when(updated) > _when(here[6])
        if other_newer:
            conn.execute("DELETE FROM gold_spans WHERE gold_id = ?", (gold_id,))
            _copy_spans(conn, "gold_spans", "gold_id", gold_id, theirs)
            conn.execute(
                "UPDATE gold SET adjudicator = ?, strategy = ?, status = ?, updated_at = ? WHERE id = ?",
                (adjudicator, strategy, status, updated, gold_id),
            )
            summary.gold_updated += 1
        else:
            summary.gold_kept += 1
        loser = ours if other_newer else theirs
        if not same_spans and loser:
            summary.conflicts.append(MergeConflict(
                str(src.path), aid, external.get(aid), None, "other" if other_newer else "this", here[6], updated,
            ))

    # --- assignments: union (who should do what is not a matter of newer-wins)
    conn.executemany(
        "INSERT OR IGNORE INTO assignments(article_id, annotator) VALUES (?, ?)",
        [(id_map[aid], name) for aid, name in src.assignments if aid in id_map],
    )


def _raw_spans(conn: sqlite3.Connection, table: str, key: str, owner_id: int) -> list[_RawSpan]:
    return [
        tuple(r)  # type: ignore[misc]
        for r in conn.execute(
            f'SELECT start, "end", label, attributes, origin, created_at FROM {table} '
            f'WHERE {key} = ? ORDER BY start, "end"',
            (owner_id,),
        )
    ]


def _copy_spans(conn: sqlite3.Connection, table: str, key: str, owner_id: int, spans: list[_RawSpan]) -> None:
    conn.executemany(
        f'INSERT INTO {table}({key}, start, "end", label, attributes, origin, created_at) '
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(owner_id, *s) for s in spans],
    )


def _signature(spans: Iterable[_RawSpan]) -> list[tuple[int, int, str, str]]:
    """What makes two span lists "the same": offsets, label and attributes (key order ignored)."""
    return sorted(
        (s[0], s[1], s[2], json.dumps(json.loads(s[3] or "{}"), sort_keys=True, ensure_ascii=False))
        for s in spans
    )


_EPOCH = _dt.datetime.min.replace(tzinfo=_dt.timezone.utc)


def _when(stamp: str | None) -> _dt.datetime:
    """Parse an updated_at; missing or unreadable stamps count as oldest."""
    if not stamp:
        return _EPOCH
    try:
        value = _dt.datetime.fromisoformat(stamp)
    except ValueError:
        return _EPOCH
    return value if value.tzinfo else value.replace(tzinfo=_dt.timezone.utc)
