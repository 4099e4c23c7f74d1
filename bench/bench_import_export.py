"""Import of 100,000 generated articles, against a bare sqlite3 baseline; JSONL export with tokens.

Targets (issue: foundation): import ≤ 30 s and ≤ 2× the bare ``executemany`` of the
same rows; export ≥ 3,000 articles/s; memory does not grow with the file (streaming).
Each phase runs in its own process so its peak memory is its own.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sqlite3
import sys
import tempfile
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
        our_s, our_mem, new = run_in_process(ours, str(src), str(Path(tmp) / "ours.db"))
        ratio = our_s / base_s
        Result(f"import {args.n:,} articles (JSONL)", our_s, "s", "≤ 30 s", our_s <= 30,
               f"{args.n / our_s:,.0f}/s; {new:,} new").emit()
        Result("import: bare sqlite3 executemany baseline", base_s, "s", "-", None).emit()
        Result("import: ratio to baseline", ratio, "x", "≤ 2x", ratio <= 2).emit()
        Result("import: peak memory", our_mem, "MB", "flat (streams)", None, f"baseline {base_mem:.0f} MB").emit()
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
