"""Building teams of desktop projects around a hub for the tests (synthetic text only)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import psycopg

from annotator.core.store import Project
from annotator.core.sync.hub import add_user, clone, publish

PLACES = ["حلب", "دمشق", "حمص", "إدلب", "درعا", "الرقة", "دير الزور", "اللاذقية"]


def synthetic_articles(n: int) -> list[dict]:
    """Made-up sentences in the shape of the news this tool is for (no third-party text)."""
    return [
        {"id": f"art{i}", "title": f"خبر {i}",
         "text": f"قال مسؤول محلي إن {i + 2} أشخاص قتلوا في {PLACES[i % len(PLACES)]} يوم الأحد رقم {i}."}
        for i in range(n)
    ]


def reviewer_project(tmp: Path, n_articles: int, annotators: list[str], overlap: int,
                     name: str = "reviewer.db") -> Path:
    from annotator.core.importing import import_paths
    from annotator.core.team.assignment import assign

    path = tmp / name
    source = tmp / f"{name}.jsonl"
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in synthetic_articles(n_articles)),
                      encoding="utf-8")
    with Project.create(path, creator="rev") as p:
        import_paths(p, [source])
        if annotators:
            assign(p, annotators, overlap, seed=1)
    return path


@dataclass
class Team:
    db: str
    owner_url: str
    reviewer: Path
    desktops: dict[str, Path]
    urls: dict[str, str]


def member(pg_server, db: str, owner_url: str, name: str, role: str) -> str:
    """Give NAME a PostgreSQL role; its password goes to the test .pgpass; return its URL."""
    login, password, _ = add_user(owner_url, name, role)
    pg_server.remember_password(db, login, password)
    return pg_server.member_url(db, login)


def make_team(pg_server, hub_db: tuple[str, str], tmp: Path, annotators: list[str], *,
              n_articles: int = 12, overlap: int = 2) -> Team:
    """Publish a reviewer project, give everyone a role, clone one desktop per annotator."""
    db, owner_url = hub_db
    reviewer = reviewer_project(tmp, n_articles, annotators, overlap)
    urls = {name: member(pg_server, db, owner_url, name, "annotator") for name in annotators}
    with Project.open(reviewer) as p:
        publish(p, owner_url, "rev")
    urls["rev"] = member(pg_server, db, owner_url, "rev", "reviewer")
    desktops = {}
    for name in annotators:
        desktops[name] = tmp / f"{name}.db"
        clone(urls[name], desktops[name], name)
    return Team(db, owner_url, reviewer, desktops, urls)


def annotate(path: Path, annotator: str, *, variant: int = 0, done: bool = True) -> int:
    """Label the number and the place in every article of the desktop; ``variant`` changes
    the label of the place on some articles (so annotators disagree). Returns articles done."""
    n = 0
    with Project.open(path) as p:
        for aid in p.article_ids():
            text = p.article_text(aid)
            with p.transaction():
                for place in PLACES:
                    at = text.find(place)
                    if at >= 0:
                        label = "ACTOR" if variant and aid % 3 == 0 else "LOCATION"
                        p.add_span(aid, annotator, at, at + len(place), label)
                        break
                digits = next(i for i, ch in enumerate(text) if ch.isdigit())
                end = digits
                while text[end].isdigit():
                    end += 1
                p.add_span(aid, annotator, digits, end, "COUNT")
                if done:
                    p.set_status(aid, annotator, "done")
            n += 1
    return n


def hub_annotations(owner_url: str) -> dict[tuple[str, str], list]:
    with psycopg.connect(owner_url) as conn:
        rows = conn.execute(
            "SELECT a.content_hash, x.annotator, x.spans FROM annotator_hub.annotations x "
            "JOIN annotator_hub.articles a ON a.id = x.article_id").fetchall()
    return {(h, n): sorted((s[0], s[1], s[2]) for s in spans) for h, n, spans in rows}


def local_annotations(path: Path, annotator: str) -> dict[tuple[str, str], list]:
    with Project.open(path) as p:
        out = {}
        for aid in p.article_ids():
            if p.annotation(aid, annotator) is not None:
                out[(p.article(aid).content_hash, annotator)] = sorted(
                    (s.start, s.end, s.label) for s in p.spans(aid, annotator))
        return out
