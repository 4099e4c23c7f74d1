"""Benchmark: a large, freshly imported project, as a user meets it (issue #14 item 1).

For each size (100,000 and 1,000,000 articles by default):

1. write a JSONL file of generated Arabic articles (~1,500 characters each);
2. **bare executemany**: parse the same file and insert its rows with plain ``sqlite3``
   ``executemany`` into an empty project file (same schema and indexes) — the floor of what
   any import can cost on this machine, measured in the same run;
3. **import**: ``annotator import PROJECT FILE`` in a fresh process, as a user runs it
   (validation, duplicates check); target ≤ 5 min at 1,000,000 and ≤ 2× the bare figure.
   The full-text index is not filled by the import (issue #13): it catches up afterwards;
4. **start**: ``annotator gui PROJECT`` in a fresh process with fresh settings, timed to
   the window showing the first article (bench_startup's probe), and the process's RSS at
   that moment; targets ≤ 1.5 s / 250 MB at 100,000, ≤ 2 s / 300 MB at 1,000,000. The
   project is not indexed yet, as after an import: the window starts the catch-up in the
   background after its first article, which must not slow this;
5. **first search before the index caught up**: ``Project.search_articles`` (20 results)
   over the unindexed project, in this process — the tail searched in memory;
6. **index catch-up**: ``Project.update_search_index`` over the imported articles (what
   the window's background job and ``annotator search`` run), in this process;
7. **search**: in this process, the full-text search (``Project.search_articles``, what
   ``annotator search`` runs) and the article list's search filter on the indexed
   project, median over a few queries; target ≤ 100 ms at 100,000 articles.

Each start-up figure is printed beside the same measurement on the 15-article demo.
``--body-chars`` shortens the generated articles (default ~1,500 characters) where a slow
machine cannot import a million full-length ones in the time it has.

Run: .venv/bin/python bench/bench_large.py [--articles 100000 1000000] [--runs 3]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_startup import build_demo, one_run  # noqa: E402
from common import ROOT, Result, write_jsonl  # noqa: E402

# articles -> (start-up seconds, RSS MB) targets
START_TARGETS = {100_000: (1.5, 250.0), 1_000_000: (2.0, 300.0)}
IMPORT_TARGET_S = {1_000_000: 300.0}
IMPORT_VS_BARE = 2.0
SEARCH_TARGET_MS = {100_000: 100.0}
#: Words of the generated articles: common (in most articles) to rare, and a prefix.
QUERIES = ("قوات النظام", "الطيران الروسي", "السخنة", "بادية دير", "الرقة", "تمشي")


def child_env(folder: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[var] = str(folder / var.lower())
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return env


def start_figures(project: Path, folder: Path, runs: int) -> tuple[float, float]:
    """Median seconds to the first article shown, and the largest RSS then (MB)."""
    env = child_env(folder)
    times, rss = [], []
    for _ in range(runs):
        seconds, info = one_run(project, env)
        times.append(seconds)
        rss.append(info["rss_mb"])
    return statistics.median(times), max(rss)


def bare_executemany(jsonl: Path, project: Path) -> float:
    """Seconds to parse ``jsonl`` and executemany its rows into an empty project file."""
    from annotator.core.store import Project

    Project.create(project, creator="bench").close()
    started = time.perf_counter()
    conn = sqlite3.connect(project)

    def rows():
        with open(jsonl, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = rec["text"]
                yield (rec["id"], rec["title"], text, rec["source"], None, None, "{}",
                       hashlib.sha256(text.encode("utf-8")).hexdigest(), rec["title"], "2026-01-01T00:00:00")

    with conn:
        conn.executemany("INSERT INTO articles(external_id, title, text, source, url, published, meta, "
                         "content_hash, search_key, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)", rows())
    conn.close()
    return time.perf_counter() - started


def first_search_unindexed(project: Path) -> tuple[float, int]:
    """Milliseconds of one search (20 results) before the index caught up; articles pending."""
    from annotator.core.store import Project

    with Project.open(project) as p:
        pending = p.search_index_pending()
        started = time.perf_counter()
        p.search_articles(QUERIES[0], limit=20)
        return (time.perf_counter() - started) * 1000, pending


def catch_up(project: Path) -> tuple[float, int]:
    """Seconds to bring the full-text index up to date, and how many articles it indexed."""
    from annotator.core.store import Project

    with Project.open(project) as p:
        started = time.perf_counter()
        indexed = p.update_search_index()
        return time.perf_counter() - started, indexed


def search_figures(project: Path) -> tuple[float, float]:
    """Median milliseconds of the full-text search (20 results) and of the list's search filter."""
    from annotator.core.store import Project

    search_ms, filter_ms = [], []
    with Project.open(project) as p:
        p.search_articles("تدمر")  # first query: SQLite reads the index pages in
        for query in QUERIES:
            started = time.perf_counter()
            p.search_articles(query, limit=20)
            search_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            p.article_list_runs("bench", search=query)
            filter_ms.append((time.perf_counter() - started) * 1000)
    return statistics.median(search_ms), statistics.median(filter_ms)


def cli_import(jsonl: Path, project: Path, folder: Path) -> float:
    env = child_env(folder)
    subprocess.run([sys.executable, "-m", "annotator.cli", "init", str(project), "--creator", "bench"],
                   env=env, cwd=ROOT, check=True, capture_output=True)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "annotator.cli", "import", str(project), str(jsonl)],
                          env=env, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"import failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--body-chars", type=int, default=1500, help="length of the generated articles")
    args = parser.parse_args()
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo_s, demo_rss = start_figures(build_demo(folder), folder, args.runs)
        for n in args.articles:
            jsonl = write_jsonl(folder / f"articles-{n}.jsonl", n, size=args.body_chars)
            bare = bare_executemany(jsonl, folder / f"bare-{n}.db")
            (folder / f"bare-{n}.db").unlink()
            project = folder / f"big-{n}.db"
            imported = cli_import(jsonl, project, folder)
            jsonl.unlink()
            ratio = imported / bare
            limit = IMPORT_TARGET_S.get(n)
            ok = ratio <= IMPORT_VS_BARE and (limit is None or imported <= limit)
            target = (f"<= {limit:.0f} s, " if limit else "") + f"<= {IMPORT_VS_BARE:.0f}x bare"
            results.append(Result(f"import {n:,} articles (annotator import)", imported, "s", target, ok,
                                  f"bare executemany {bare:.1f} s, {ratio:.2f}x; ~{args.body_chars} chars each; "
                                  "no full-text index"))
            seconds, rss = start_figures(project, folder, args.runs)
            max_s, max_rss = START_TARGETS.get(n, (None, None))
            results.append(Result(f"start to first article, {n:,} freshly imported", seconds, "s",
                                  f"<= {max_s} s" if max_s else "", None if max_s is None else seconds <= max_s,
                                  f"demo {demo_s:.2f} s; median of {args.runs}"))
            results.append(Result(f"RSS at first article, {n:,} freshly imported", rss, "MB",
                                  f"<= {max_rss:.0f} MB" if max_rss else "", None if max_rss is None else rss <= max_rss,
                                  f"demo {demo_rss:.0f} MB"))
            first_ms, pending = first_search_unindexed(project)
            results.append(Result(f"first search before indexing, {n:,} articles", first_ms, "ms", "reported", None,
                                  f"{pending:,} not indexed; 20 results"))
            index_s, indexed = catch_up(project)
            results.append(Result(f"full-text index catch-up, {n:,} articles", index_s, "s", "reported", None,
                                  f"{indexed:,} indexed, {indexed / index_s:,.0f}/s; import + catch-up "
                                  f"{(imported + index_s) / bare:.2f}x bare"))
            search_ms, filter_ms = search_figures(project)
            limit_ms = SEARCH_TARGET_MS.get(n)
            for name, value in (("full-text search (annotator search)", search_ms),
                                ("article list search filter", filter_ms)):
                results.append(Result(f"{name}, {n:,} articles", value, "ms",
                                      f"<= {limit_ms:.0f} ms" if limit_ms else "",
                                      None if limit_ms is None else value <= limit_ms,
                                      f"median of {len(QUERIES)} queries, in process"))
            project.unlink()
    for r in results:
        r.emit()
    return 0 if all(r.ok is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
