"""Import of 100,000 generated articles, against a bare sqlite3 baseline; JSONL export with tokens.

Targets (issue: foundation): import ≤ 30 s and ≤ 2× the bare ``executemany`` of the
same rows; export ≥ 3,000 articles/s; memory does not grow with the file (streaming).
Each phase runs in its own process so its peak memory is its own.

The import does not fill the full-text index (issue #13): it catches up afterwards
(``Project.update_search_index``, what the GUI does in the background after a project
opens and ``annotator search`` does first). Reported beside the import: the time that
catch-up takes over the freshly imported articles, and the search latency after it.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Result, Timer, peak_rss_mb, run_in_process, write_jsonl  # noqa: E402


def baseline(src: str, db: str, q: mp.Queue) -> None:
    """Read and parse the same JSONL, insert the rows with executemany, nothing else."""
    with Timer() as t:
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, external_id TEXT, title TEXT, text TEXT, source TEXT)")
        batch = []
        with open(src, encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                batch.append((r["id"], r["title"], r["text"], r["source"]))
                if len(batch) >= 5000:
                    conn.executemany("INSERT INTO articles(external_id, title, text, source) VALUES (?,?,?,?)", batch)
                    batch.clear()
        conn.executemany("INSERT INTO articles(external_id, title, text, source) VALUES (?,?,?,?)", batch)
        conn.commit()
        conn.close()
    q.put((t.seconds, peak_rss_mb()))


def ours(src: str, db: str, q: mp.Queue) -> None:
    from annotator.core.importing import import_paths
    from annotator.core.store import Project

    with Timer() as t:
        project = Project.create(db, creator="bench")
        summary = import_paths(project, [src], fmt="jsonl")
        project.close()
    q.put((t.seconds, peak_rss_mb(), summary.new))


#: Words of the generated articles: common to rare, and a prefix (as bench_large).
QUERIES = ("قوات النظام", "الطيران الروسي", "السخنة", "بادية دير", "الرقة", "تمشي")


def build_index(db: str, q: mp.Queue) -> None:
    """Catch the full-text index up over the freshly imported project; then the median
    latency of a search (20 results) and of the article list's search filter."""
    from annotator.core.store import Project

    with Project.open(db) as project:
        with Timer() as t:
            indexed = project.update_search_index()
        project.search_articles("تدمر")  # first query: SQLite reads the index pages in
        search_ms, filter_ms = [], []
        for query in QUERIES:
            started = time.perf_counter()
            project.search_articles(query, limit=20)
            search_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            project.article_list_runs("bench", search=query)
            filter_ms.append((time.perf_counter() - started) * 1000)
    q.put((t.seconds, indexed, statistics.median(search_ms), statistics.median(filter_ms)))


def export(db: str, out: str, q: mp.Queue) -> None:
    from annotator.core.exporting import export_jsonl
    from annotator.core.store import Project

    project = Project.open(db)
    from annotator.core.tokenizer import tokenize

    tokenize("تحميل المقسم")  # load the tokenizer outside the timed part
    with Timer() as t:
        summary = export_jsonl(project, out)
    q.put((t.seconds, peak_rss_mb(), summary.records))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=100_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        spans_src = Path(tmp) / "annotated.jsonl"
        write_jsonl(src, args.n)
        base_s, base_mem = run_in_process(baseline, str(src), str(Path(tmp) / "base.db"))
        ours_db = str(Path(tmp) / "ours.db")
        our_s, our_mem, new = run_in_process(ours, str(src), ours_db)
        ratio = our_s / base_s
        Result(f"import {args.n:,} articles (JSONL)", our_s, "s", "≤ 30 s", our_s <= 30,
               f"{args.n / our_s:,.0f}/s; {new:,} new; full-text index not filled").emit()
        Result("import: bare sqlite3 executemany baseline", base_s, "s", "-", None, "same run, no index").emit()
        Result("import: ratio to baseline", ratio, "x", "≤ 2x", ratio <= 2).emit()
        Result("import: peak memory", our_mem, "MB", "flat (streams)", None, f"baseline {base_mem:.0f} MB").emit()
        index_s, indexed, search_ms, filter_ms = run_in_process(build_index, ours_db)
        Result(f"full-text index catch-up after the import ({indexed:,} articles)", index_s, "s", "reported",
               None, f"{indexed / index_s:,.0f}/s; {(our_s + index_s) / base_s:.2f}x baseline with the import").emit()
        Result(f"full-text search after it, {args.n:,} articles", search_ms, "ms", "≤ 100 ms", search_ms <= 100,
               f"median of {len(QUERIES)} queries, 20 results").emit()
        Result(f"article list search filter after it, {args.n:,} articles", filter_ms, "ms", "≤ 100 ms",
               filter_ms <= 100, f"median of {len(QUERIES)} queries").emit()
        Path(ours_db).unlink()
        # Export: the same number of articles, each with 5 spans, imported as annotations.
        write_jsonl(spans_src, args.n, with_spans=True, seed=1)
        db2 = str(Path(tmp) / "spans.db")
        run_in_process(ours, str(spans_src), db2)
        exp_s, exp_mem, records = run_in_process(export, db2, str(Path(tmp) / "out.jsonl"))
        rate = records / exp_s
        Result(f"export {records:,} records JSONL+tokens", rate, "art/s", "≥ 3,000/s", rate >= 3000,
               f"{exp_s:.1f} s").emit()
        Result("export: peak memory", exp_mem, "MB", "flat (streams)", None).emit()


if __name__ == "__main__":
    main()
