"""Run every benchmark and print one table (make bench). Benchmarks report; they never fail the build.

Each benchmark runs in its own process and appends its rows (bench/common.Result) to a
results file; this script prints them together with the machine they ran on.

Real published news is kept outside the repository: name JSONL files of it (field ``text``)
in ``ANNOTATOR_REAL_TEXTS`` (separated by ``:``) and the suggestion-speed benchmarks also
time those texts, each once, cut into 1.5 KB articles (new words cost more than the demo
excerpts' repeated vocabulary), and the time to suggestions is measured on a fresh import
of the first file.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import RESULTS_ENV  # noqa: E402

# (script, extra arguments) in the order the table shows them.
BENCHMARKS = [
    ("bench_import_export.py", []),
    ("bench_interop.py", []),
    ("bench_docbin.py", []),
    ("bench_suggest.py", []),
    ("suggest_learning.py", []),
    ("bench_agreement.py", []),
    ("bench_startup.py", []),
    ("bench_large.py", []),
    ("bench_gui.py", []),
    ("bench_suggest_open.py", []),
    ("bench_review.py", []),
    ("bench_train.py", []),
    ("bench_hub.py", []),
]


def machine() -> str:
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {mem_gb:.0f} GiB, {platform.system()} {platform.machine()}, Python {platform.python_version()}"


REAL_TEXTS_ENV = "ANNOTATOR_REAL_TEXTS"


def real_text_runs(files: list[str]) -> list[tuple[str, list[str]]]:
    """Extra runs of the suggestion benchmarks on the real texts in ``files``."""
    if not files:
        return []
    texts = [arg for f in files for arg in ("--texts", f)]
    return [("bench_suggest.py", texts), ("suggest_learning.py", texts), ("bench_suggest_open.py", ["--import", files[0]])]


def main() -> int:
    only = set(sys.argv[1:])
    real = [f for f in os.environ.get(REAL_TEXTS_ENV, "").split(":") if f]
    missing = [f for f in real if not Path(f).is_file()]
    if missing:
        print(f"{REAL_TEXTS_ENV}: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.NamedTemporaryFile("r", suffix=".jsonl", delete=False) as fh:
        results_path = fh.name
    env[RESULTS_ENV] = results_path
    failures = []
    for script, args in BENCHMARKS + real_text_runs(real):
        if only and script not in only and script.removesuffix(".py") not in only:
            continue
        path = HERE / script
        if not path.exists():
            failures.append(f"{script}: missing")
            continue
        print(f"== {script}", flush=True)
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, str(path), *args], env=env, cwd=HERE.parent)
        if proc.returncode not in (0, 1):  # 1 = ran but missed a target
            failures.append(f"{script}: exit status {proc.returncode}")
        print(f"   ({time.perf_counter() - started:.0f} s)", flush=True)
    rows = [json.loads(line) for line in Path(results_path).read_text(encoding="utf-8").splitlines() if line.strip()]
    os.unlink(results_path)
    print()
    print(f"Benchmarks, {_dt.date.today().isoformat()}, {machine()}")
    print()
    print("| benchmark | measured | target | |")
    print("|---|---:|---|---|")
    for r in rows:
        mark = {True: "ok", False: "**missed**", None: ""}[r["ok"]]
        note = f" ({r['note']})" if r.get("note") else ""
        print(f"| {r['name']}{note} | {r['value']:,.3f} {r['unit']} | {r['target']} | {mark} |")
    for f in failures:
        print(f"| {f} | | | **did not run** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
