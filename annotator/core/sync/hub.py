"""Publishing to, cloning from and syncing with a PostgreSQL hub.

The rules are merge's (core/sync/files.py): articles are matched by content hash, there is one
annotation per article and annotator, the newer edit wins per annotation (and per gold row),
a winner keeps its own timestamps, and a conflict is listed whenever the losing side had
spans that differ. So syncing twice changes nothing.

A sync is one server transaction (push, then read what comes back) followed by one local
transaction (apply it, clear the sent outbox entries, move the high-water mark). Killed
before the server commits: nothing happened anywhere. Killed between the two commits: the
hub has the changes, the desktop does not know; the next sync pushes the same rows again,
which the hub finds unchanged, and pulls from the old mark. Killed after: done.
"""
from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import Label
from ..errors import HubError, ProjectError
from ..store import Project, now_iso
from ..store.hub_server import HubStore, Pull, describe, safe_conninfo
from .files import MergeConflict, _signature, _when

# Project settings of a linked project (no password is ever among them).
URL, HUB_ID, ANNOTATOR, SCOPE, REV, LAST_SYNC = (
    "hub_url", "hub_id", "hub_annotator", "hub_scope", "hub_rev", "hub_last_sync")


@dataclass
class SyncSummary:
    """What one sync did, both ways."""

    hub: str
    sent_annotations: int = 0
    sent_gold: int = 0
    sent_assignments: int = 0
    unchanged_on_hub: int = 0
    kept_on_hub: int = 0  # the hub's version was newer
    not_on_hub: int = 0  # annotations of articles the hub does not have
    received_articles: int = 0
    received_assignments: int = 0
    annotations_added: int = 0
    annotations_updated: int = 0
    annotations_kept: int = 0  # this desktop's version was newer
    gold_added: int = 0
    gold_updated: int = 0
    labels_changed: int = 0
    conflicts: list[MergeConflict] = field(default_factory=list)
    pending: int = 0  # local changes still to send (made during the sync)

    @property
    def changed(self) -> bool:
        return bool(self.sent_annotations or self.sent_gold or self.sent_assignments or self.received_articles
                    or self.received_assignments or self.annotations_added or self.annotations_updated
                    or self.gold_added or self.gold_updated or self.labels_changed)

    def line(self) -> str:
        n = len(self.conflicts)
        return (
            f"synced with {self.hub}: sent {self.sent_annotations} annotations, {self.sent_gold} gold, "
            f"{self.sent_assignments} assignments ({self.kept_on_hub} newer on the hub, "
            f"{self.not_on_hub} of articles not on the hub); received {self.received_articles} articles, "
            f"{self.received_assignments} assignments, annotations {self.annotations_added} added, "
            f"{self.annotations_updated} updated ({self.annotations_kept} newer here), gold "
            f"{self.gold_added} added, {self.gold_updated} updated; {n} conflict{'s' if n != 1 else ''}"
        )

    def conflict_lines(self) -> list[str]:
        return [c.line() for c in self.conflicts]

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k != "conflicts"}
        out["conflicts"] = [c.to_dict() for c in self.conflicts]
        return out


@dataclass(frozen=True)
class HubLink:
    url: str
    hub_id: str
    annotator: str
    scope: str  # "all" or "assigned"
    rev: int


def hub_link(project: Project) -> HubLink | None:
    """The project's hub, or None when it has none."""
    url = project.setting(URL)
    if not url:
        return None
    return HubLink(url, project.setting(HUB_ID, ""), project.setting(ANNOTATOR, ""),
                   project.setting(SCOPE, "assigned"), int(project.setting(REV, 0) or 0))


# ------------------------------------------------------------------ admin
def init_hub(url: str) -> bool:
    """Create the hub schema on a PostgreSQL database; False if it was there already."""
    with HubStore(url) as hub:
        return hub.initialise()


def add_user(url: str, name: str, role: str) -> tuple[str, str, str]:
    """Create the member's PostgreSQL role; return (role, one-time password, connection line)."""
    if role not in ("annotator", "reviewer"):
        raise HubError("role must be annotator or reviewer")
    from psycopg.conninfo import conninfo_to_dict

    with HubStore(url) as hub, hub.transaction():
        login, password = hub.add_user(name, role)
    params = conninfo_to_dict(url)
    params.pop("password", None)
    params["user"] = login
    line = _url(params, password)
    return login, password, line


def _url(params: dict[str, Any], password: str) -> str:
    from urllib.parse import quote, urlencode

    host = str(params.pop("host", "localhost"))
    port = params.pop("port", None)
    db = params.pop("dbname", "")
    user = params.pop("user")
    netloc = f"{quote(user, safe='')}:{quote(password, safe='')}@"
    if host.startswith("/"):  # a socket folder cannot sit in the URL's host part
        params["host"] = host
    else:
        netloc += host + (f":{port}" if port else "")
        port = None
    if port:
        params["port"] = port
    query = f"?{urlencode(params)}" if params else ""
    return f"postgresql://{netloc}/{quote(str(db))}{query}"


def hub_status(url: str) -> list[tuple[str, str, int, int, Any]]:
    with HubStore(url) as hub, hub.transaction(lock=False):
        return hub.status()


# ------------------------------------------------------------------ publish / clone
@dataclass
class PublishSummary:
    hub: str
    articles_added: int
    articles_total: int
    assignments_added: int
    members: int
    labels: int
    sync: SyncSummary | None = None

    def line(self) -> str:
        return (f"published to {self.hub}: {self.articles_added} new articles ({self.articles_total} on the hub), "
                f"{self.assignments_added} new assignments, {self.members} members, {self.labels} labels")


def publish(project: Project, url: str, reviewer: str) -> PublishSummary:
    """Upload the project's articles, labels, members and assignments (one server
    transaction), then link the project to the hub as ``reviewer``'s and sync it."""
    project.require_reviewer(reviewer)
    link = hub_link(project)
    with HubStore(url) as hub:
        hub_id = hub.hub_id()
        if link is not None and link.hub_id != hub_id:
            raise HubError(f"{project.path} is linked to another hub ({describe(link.url)})")
        assignments = project.hub.all_assignments()
        with hub.transaction():
            fresh_hub = hub.article_count() == 0
            members = dict(project.annotators())
            members[reviewer] = "reviewer"
            for _, name in assignments:
                members.setdefault(name, "annotator")
            hub.upsert_members(sorted(members.items()))
            labels = [(lab.name, lab.name_ar, lab.name_en, lab.color, lab.key, lab.description, pos)
                      for pos, lab in enumerate(project.labels())]
            hub.upsert_labels(labels)
            added = hub.add_articles(project.hub.all_articles())
            assigned = hub.add_assignments(assignments)
            hub.set_open(not assignments)  # no assignments: everyone annotates everything
            total = hub.article_count()
            # A fresh hub now holds this project's articles, and its members are read here:
            # the first sync need not pull 100,000 articles back.
            start_rev = hub.max_rev() if fresh_hub else 0
            hub_members = hub.members()
    summary = PublishSummary(describe(url), added, total, assigned, len(members), len(labels))
    if link is None:
        with project.transaction():
            _link(project, url, hub_id, reviewer, "all", rev=start_rev)
            project.hub.put_members(hub_members)
            project.hub.mark_pending(reviewer, gold=True, assignments=False)
    summary.sync = sync(project, url)
    return summary


def _link(project: Project, url: str, hub_id: str, annotator: str, scope: str, *, rev: int = 0) -> None:
    with project.transaction():
        project.set_setting(URL, safe_conninfo(url))
        project.set_setting(HUB_ID, hub_id)
        project.set_setting(ANNOTATOR, annotator)
        project.set_setting(SCOPE, scope)
        project.set_setting(REV, rev)


def clone(url: str, path: str | os.PathLike[str], annotator: str, *, all_articles: bool = False) -> SyncSummary:
    """A new local project for ``annotator`` holding their assigned articles (``all_articles``:
    every article they may read), their annotations and, for a reviewer, everyone's and gold."""
    target = Path(path)
    if target.exists():
        raise ProjectError(f"{target}: file already exists; clone into a new file")
    with HubStore(url) as hub:
        with hub.transaction(lock=False):
            hub_id = hub.meta("hub_id")
            role = hub.member_role(annotator)
            if role is None:
                raise HubError(f"{annotator!r} is not a member of the hub {hub.where}; the hub's owner adds "
                               f"them with: annotator hub add-user URL {annotator!r} --role annotator")
            labels = [Label(r[0], r[1] or r[0], r[2] or r[0], r[3], r[4] or "", r[5] or "") for r in hub.labels()]
            # On an open hub (a project without assignments) everyone annotates everything.
            all_articles = all_articles or role == "reviewer" or hub.meta("open") == "true"
    project = Project.create(target, labels=labels or None)
    try:
        project.ensure_annotator(annotator, role)
        _link(project, url, hub_id, annotator, "all" if all_articles else "assigned")
        return sync(project, url)
    except BaseException:
        project.close()
        for leftover in (target, *(target.with_name(target.name + s) for s in ("-wal", "-shm"))):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    finally:
        project.close()


# ------------------------------------------------------------------ sync
@dataclass
class _Outgoing:
    entries: list[tuple[str, int, str, int]]
    annotations: list[tuple]  # (local article id, content_hash, status, comment, seconds, updated_at, spans, rejected)
    gold: list[tuple]  # (local article id, content_hash, adjudicator, strategy, status, created, updated, spans)
    assignments: list[tuple[str, str]]


def _wire_spans(raw: Sequence[tuple]) -> list[list]:
    return [[s, e, lab, json.loads(attrs or "{}"), origin, created] for s, e, lab, attrs, origin, created in raw]


def _raw_spans(wire: Sequence[Sequence]) -> list[tuple]:
    return [(int(s), int(e), lab, json.dumps(attrs or {}, ensure_ascii=False), origin or "manual", created)
            for s, e, lab, attrs, origin, created in wire]


def _read_outgoing(project: Project, annotator: str, reviewer: bool) -> _Outgoing:
    entries = project.hub.entries()
    ann_ids = [ref for kind, ref, _, _ in entries if kind == "annotation"]
    rows = [r for r in project.hub.annotations_by_id(ann_ids) if r[2] == annotator]
    ids_by_hash = project.hub.article_ids([r[1] for r in rows])
    spans = project.hub.raw_spans([r[0] for r in rows])
    rejected = project.hub.rejected([r[0] for r in rows])
    annotations = [
        (ids_by_hash[r[1]], r[1], r[3], r[4], float(r[5] or 0), r[6], _wire_spans(spans.get(r[0], [])),
         [list(x) for x in rejected.get(r[0], [])])
        for r in rows
    ]
    gold: list[tuple] = []
    assignments: list[tuple[str, str]] = []
    if reviewer:
        gold_rows = project.hub.gold_by_id([ref for kind, ref, _, _ in entries if kind == "gold"])
        gold_spans = project.hub.raw_spans([r[0] for r in gold_rows], gold=True)
        gold_ids = project.hub.article_ids([r[1] for r in gold_rows])
        gold = [(gold_ids[r[1]], r[1], r[2], r[3], r[4], r[5], r[6], _wire_spans(gold_spans.get(r[0], [])))
                for r in gold_rows]
        assignments = project.hub.assignment_hashes(
            [(ref, who) for kind, ref, who, _ in entries if kind == "assignment"])
    return _Outgoing(entries, annotations, gold, assignments)


def _decide(here_meta: tuple, here_spans: Sequence[tuple], there_meta: tuple,
            there_spans: Sequence[tuple]) -> tuple[str, bool]:
    """Merge's rule for one annotation (or gold row): "same", "there" (take theirs) or
    "here" (keep ours), and whether that discarded spans that differ (a conflict).
    The last element of each meta is its updated_at. Time spent (seconds) is not part of
    it: adding time does not move updated_at, so the callers keep the larger total."""
    same_spans = _signature(here_spans) == _signature(there_spans)
    if same_spans and here_meta == there_meta:
        return "same", False
    there_newer = _when(there_meta[-1]) > _when(here_meta[-1])
    loser = here_spans if there_newer else there_spans
    return ("there" if there_newer else "here"), (not same_spans and bool(loser))


def sync(project: Project, url: str | None = None) -> SyncSummary:
    """Two-way sync of a linked project; see the module docstring for what a crash does."""
    link = hub_link(project)
    if link is None:
        raise HubError(f"{project.path} has no hub; make one with `annotator hub publish` or "
                       "`annotator clone`")
    url = url or link.url
    summary = SyncSummary(describe(url))
    local_role = project.role(link.annotator) or "annotator"
    with HubStore(url) as hub:
        with hub.transaction():
            if hub.meta("hub_id") != link.hub_id:
                raise HubError(f"{describe(url)} is not the hub {project.path} was cloned from")
            role = hub.member_role(link.annotator)
            if role is None:
                raise HubError(f"{link.annotator!r} is no longer a member of the hub {describe(url)}")
            connected_as = hub.current_member()
            if connected_as is None and not hub.is_owner():
                raise HubError(f"the PostgreSQL role in {describe(url)} is not a member of the hub")
            if connected_as is not None and connected_as != link.annotator:
                raise HubError(f"connected as {connected_as!r}, but this project belongs to {link.annotator!r}")
            reviewer = role == "reviewer"
            out = _read_outgoing(project, link.annotator, reviewer or local_role == "reviewer")
            if not reviewer:
                out.gold, out.assignments = [], []
            kept_annotations, kept_gold = _push(hub, link.annotator, out, summary)
            pull = hub.pull(since=link.rev, member=link.annotator, everyone=reviewer,
                            all_articles=link.scope == "all", also_annotations=kept_annotations,
                            also_gold=kept_gold)
            have = {a[0] for a in pull.articles}
            wanted = {a[0] for a in pull.annotations} | {g[0] for g in pull.gold}
            wanted |= {h for h, name in pull.assignments if reviewer or name == link.annotator}
            wanted -= have
            if wanted:
                wanted -= set(project.hub.article_ids(sorted(wanted)))
            if wanted:
                pull.articles += hub.articles_by_hash(sorted(wanted))
            hub.record_sync(link.annotator)
    _apply(project, link, pull, out, role, summary)
    return summary


def _push(hub: HubStore, annotator: str, out: _Outgoing, summary: SyncSummary) -> tuple[list[int], list[int]]:
    """Write the desktop's newer rows; return the hub ids whose hub version won (sent back)."""
    ids = hub.article_ids([a[1] for a in out.annotations] + [g[1] for g in out.gold])
    kept_ann: list[int] = []
    sendable = [a for a in out.annotations if a[1] in ids]
    summary.not_on_hub = len(out.annotations) - len(sendable)
    theirs = hub.annotations_for_update(annotator, [ids[a[1]] for a in sendable])
    writes = []
    for local_id, chash, status, comment, seconds, updated, spans, rejected in sendable:
        hub_id = ids[chash]
        row = theirs.get(hub_id)
        if row is None:
            writes.append((hub_id, annotator, status, comment, seconds, updated, spans, rejected))
            continue
        h_status, h_comment, h_seconds, h_updated, h_spans, h_rejected = row
        verdict, conflict = _decide((h_status, h_comment, h_updated), _raw_spans(h_spans),
                                    (status, comment, updated), _raw_spans(spans))
        if conflict:
            summary.conflicts.append(MergeConflict(summary.hub, local_id, None, annotator,
                                                   "this" if verdict == "there" else "other", updated, h_updated))
        if verdict == "there":  # "there" is the desktop here: its edit is newer
            merged_rejected = _union(h_rejected, rejected)
            writes.append((hub_id, annotator, status, comment, seconds, updated, spans, merged_rejected))
        elif verdict == "here":
            summary.kept_on_hub += 1
            kept_ann.append(hub_id)
        elif seconds > float(h_seconds or 0):  # only more time spent: time adds up, it is not an edit
            writes.append((hub_id, annotator, h_status, h_comment, seconds, h_updated, h_spans, h_rejected))
        else:
            summary.unchanged_on_hub += 1
    if writes:
        hub.write_annotations(writes)
    summary.sent_annotations = len(writes)

    kept_gold: list[int] = []
    gold_sendable = [g for g in out.gold if g[1] in ids]
    hub_gold = hub.gold_for_update([ids[g[1]] for g in gold_sendable]) if gold_sendable else {}
    gold_writes = []
    for local_id, chash, adjudicator, strategy, status, created, updated, spans in gold_sendable:
        hub_id = ids[chash]
        row = hub_gold.get(hub_id)
        if row is None:
            gold_writes.append((hub_id, adjudicator, strategy, status, created, updated, spans))
            continue
        h_adj, h_strategy, h_status, _h_created, h_updated, h_spans = row
        verdict, conflict = _decide((h_adj, h_strategy, h_status, h_updated), _raw_spans(h_spans),
                                    (adjudicator, strategy, status, updated), _raw_spans(spans))
        if conflict:
            summary.conflicts.append(MergeConflict(summary.hub, local_id, None, None,
                                                   "this" if verdict == "there" else "other", updated, h_updated))
        if verdict == "there":
            gold_writes.append((hub_id, adjudicator, strategy, status, created, updated, spans))
        elif verdict == "here":
            kept_gold.append(hub_id)
    if gold_writes:
        hub.write_gold(gold_writes)
    summary.sent_gold = len(gold_writes)
    summary.sent_assignments = hub.add_assignments(out.assignments)
    return kept_ann, kept_gold


def _union(a: Sequence[Sequence], b: Sequence[Sequence]) -> list[list]:
    seen: dict[tuple, list] = {}
    for r in [*a, *b]:
        seen.setdefault((r[0], r[1], r[2]), list(r))
    return [seen[k] for k in sorted(seen)]


def _apply(project: Project, link: HubLink, pull: Pull, out: _Outgoing, role: str, summary: SyncSummary) -> None:
    """The local half: one transaction that applies what came down, forgets what went up and
    moves the high-water mark."""
    with project.hub.applying():
        if pull.labels:
            here = {(lab, pos) for pos, lab in enumerate(project.labels())}
            theirs = [(Label(r[0], r[1] or r[0], r[2] or r[0], r[3], r[4] or "", r[5] or ""), r[6])
                      for r in pull.labels]
            changed = [item for item in theirs if item not in here]
            project.hub.put_labels(changed)
            summary.labels_changed = len(changed)
        if pull.members:
            project.hub.put_members(pull.members)
        if role == "reviewer" and project.role(link.annotator) != "reviewer":
            project.hub.put_members([(link.annotator, "reviewer")])
        if pull.articles:
            summary.received_articles = project.insert_articles(
                [(a[1], a[2], a[3], a[4], a[5], a[6], a[7] or "{}", a[0], a[8], a[9] or now_iso())
                 for a in pull.articles])
        hashes = {a[0] for a in pull.annotations} | {g[0] for g in pull.gold} | {h for h, _ in pull.assignments}
        local_ids = project.hub.article_ids(sorted(hashes))
        if pull.assignments:
            pairs = [(local_ids[h], name) for h, name in pull.assignments if h in local_ids]
            before = len(project.hub.assignment_hashes(pairs))
            project.hub.add_assignments(pairs)
            summary.received_assignments = len(pairs) - before
        _apply_annotations(project, pull, local_ids, summary)
        _apply_gold(project, pull, local_ids, summary)
        project.hub.clear_sent(out.entries)
        project.set_setting(REV, pull.rev)
        project.set_setting(LAST_SYNC, now_iso())
    summary.pending = project.hub.pending_count()


def _apply_annotations(project: Project, pull: Pull, local_ids: dict[str, int], summary: SyncSummary) -> None:
    rows = [r for r in pull.annotations if r[0] in local_ids]
    here = project.hub.annotations_by_key([(local_ids[r[0]], r[1]) for r in rows])
    here_spans = project.hub.raw_spans([h[0] for h in here.values()])
    replaced: list[int] = []
    for chash, name, status, comment, seconds, updated, spans, rejected in rows:
        aid = local_ids[chash]
        theirs = _raw_spans(spans)
        mine = here.get((aid, name))
        rejected_rows = [tuple(r) for r in rejected]
        if mine is None:
            project.hub.put_annotation(aid, name, status, comment, float(seconds or 0), updated, theirs,
                                       rejected_rows, None)
            summary.annotations_added += 1
            continue
        ann_id, m_status, m_comment, m_seconds, m_updated = mine
        verdict, conflict = _decide((m_status, m_comment, m_updated), here_spans.get(ann_id, []),
                                    (status, comment, updated), theirs)
        if conflict:
            summary.conflicts.append(MergeConflict(summary.hub, aid, None, name,
                                                   "other" if verdict == "there" else "this", m_updated, updated))
        more_time = verdict == "same" and float(seconds or 0) > float(m_seconds or 0)
        if verdict == "there" or more_time:
            project.hub.put_annotation(aid, name, status, comment, float(seconds or 0), updated, theirs,
                                       rejected_rows, ann_id)
            replaced.append(ann_id)
            summary.annotations_updated += 1
        elif verdict == "here":
            summary.annotations_kept += 1
    project.hub.drop("annotation", replaced)


def _apply_gold(project: Project, pull: Pull, local_ids: dict[str, int], summary: SyncSummary) -> None:
    rows = [g for g in pull.gold if g[0] in local_ids]
    here = project.hub.gold_by_article([local_ids[g[0]] for g in rows])
    here_spans = project.hub.raw_spans([h[0] for h in here.values()], gold=True)
    replaced: list[int] = []
    for chash, adjudicator, strategy, status, created, updated, spans in rows:
        aid = local_ids[chash]
        theirs = _raw_spans(spans)
        mine = here.get(aid)
        if mine is None:
            project.hub.put_gold(aid, adjudicator, strategy, status, created, updated, theirs, None)
            summary.gold_added += 1
            continue
        gold_id, m_adj, m_strategy, m_status, _m_created, m_updated = mine
        verdict, conflict = _decide((m_adj, m_strategy, m_status, m_updated), here_spans.get(gold_id, []),
                                    (adjudicator, strategy, status, updated), theirs)
        if conflict:
            summary.conflicts.append(MergeConflict(summary.hub, aid, None, None,
                                                   "other" if verdict == "there" else "this", m_updated, updated))
        if verdict == "there":
            project.hub.put_gold(aid, adjudicator, strategy, status, created, updated, theirs, gold_id)
            replaced.append(gold_id)
            summary.gold_updated += 1
    project.hub.drop("gold", replaced)
