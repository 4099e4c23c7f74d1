"""Benchmark: the PostgreSQL team hub on this machine (a throw-away server in a temp folder).

Targets (issue 15): publish 100,000 articles <= 60 s; clone 10,000 assigned articles <= 10 s;
sync 1,000 new annotations <= 5 s; a no-op sync of a 100,000-article project <= 1 s.

The reviewer's project holds generated ~600-character Arabic-script articles; 10,000 of them
are assigned to one annotator, who clones them over TCP with a password (as a desktop would),
labels 1,000 articles with two spans each and syncs. The reviewer then pulls that work once
and the timed no-op sync of the 100,000-article project follows.

Run: .venv/bin/python bench/bench_hub.py [--articles N] [--assigned N] [--annotations N].
Exit status 1 if a target is missed.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, Result, arabic_article

sys.path.insert(0, str(ROOT / "tests" / "hub"))
from pg_server import running_server


def build_reviewer_project(path: Path, n_articles: int, n_assigned: int) -> None:
    from annotator.core.importing import content_hash
    from annotator.core.store import Project

    rng = random.Random(15)
    now = _dt.datetime.now(_dt.UTC).isoformat()
    with Project.create(path, creator="rev") as p:
        batch = []
        for i in range(n_articles):
            text, _ = arabic_article(rng, 600)
            batch.append((f"a{i}", f"خبر رقم {i}", text, "المدن", None, None, "{}", content_hash(text),
                          f"خبر رقم {i}", now))
            if len(batch) == 10_000:
                p.insert_articles(batch)
                batch = []
        p.insert_articles(batch)
        p.hub.add_assignments([(aid, "ann0") for aid in p.article_ids()[:n_assigned]])


def timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--assigned", type=int, default=10_000)
    parser.add_argument("--annotations", type=int, default=1_000)
    args = parser.parse_args()

    from annotator.core.store import Project
    from annotator.core.sync.hub import add_user, clone, init_hub, publish, sync

    ok = True
    with running_server() as server, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db, owner_url = server.create_database()
        init_hub(owner_url)
        reviewer = folder / "reviewer.db"
        build_reviewer_project(reviewer, args.articles, args.assigned)

        with Project.open(reviewer) as p:
            seconds, summary = timed(lambda: publish(p, owner_url, "rev"))
        assert summary.articles_total == args.articles, summary.line()
        results = [Result(f"hub publish {args.articles:,} articles", seconds, "s", "<= 60 s", seconds <= 60,
                          f"{args.articles / seconds:,.0f} articles/s")]

        login, password, _ = add_user(owner_url, "ann0", "annotator")
        server.remember_password(db, login, password)
        desk = folder / "ann0.db"
        seconds, summary = timed(lambda: clone(server.member_url(db, login), desk, "ann0"))
        assert summary.received_articles == args.assigned, summary.line()
        results.append(Result(f"hub clone {args.assigned:,} assigned articles", seconds, "s", "<= 10 s",
                              seconds <= 10, "over TCP, as the annotator's own role"))

        with Project.open(desk) as p:
            with p.transaction():
                for aid in p.article_ids()[:args.annotations]:
                    text = p.article_text(aid)
                    first = text.index(" ")
                    p.add_span(aid, "ann0", 0, first, "ACTOR")
                    p.add_span(aid, "ann0", first + 1, text.index(" ", first + 1), "LOCATION")
                    p.set_status(aid, "ann0", "done")
            seconds, summary = timed(lambda: sync(p))
        assert summary.sent_annotations == args.annotations, summary.line()
        results.append(Result(f"hub sync {args.annotations:,} new annotations", seconds, "s", "<= 5 s",
                              seconds <= 5, "one desktop, up and back"))

        rev_login, rev_password, _ = add_user(owner_url, "rev", "reviewer")
        server.remember_password(db, rev_login, rev_password)
        rev_url = server.member_url(db, rev_login)
        with Project.open(reviewer) as p:
            pulled = sync(p, rev_url)
            assert pulled.annotations_added == args.annotations, pulled.line()
            seconds, summary = timed(lambda: sync(p, rev_url))
        assert not summary.changed, summary.line()
        results.append(Result(f"hub no-op sync, {args.articles:,}-article project", seconds, "s", "<= 1 s",
                              seconds <= 1, "reviewer, nothing new either way"))
    for r in results:
        r.emit()
        ok = ok and bool(r.ok)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
