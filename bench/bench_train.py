"""Benchmark: train the NER pipeline on 500 generated annotated articles (CPU).

Target: ≤ 5 minutes on the reference machine (2 cores) with the shipped config's steps.
Prints one result line with the time and the dev F1.

Usage: python bench/bench_train.py [N_ARTICLES] [MAX_STEPS]
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_docbin import generate_records  # noqa: E402

TARGET_MINUTES = 5.0


def main(argv: list[str]) -> int:
    from annotator.core.formats.docbin import write as write_docbin
    from annotator.core.train import train

    n = int(argv[1]) if len(argv) > 1 else 500
    steps = int(argv[2]) if len(argv) > 2 else None
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        report = write_docbin(generate_records(n, seed=7), corpus)
        t0 = time.perf_counter()

        def show(p):  # one line per evaluation, so a long run shows it is alive
            print(f"  step {p.step:5d}  dev F1 {p.score:.3f}  {p.seconds:6.1f} s", flush=True)

        result = train(report.paths[0], report.paths[1], Path(tmp) / "model", max_steps=steps, progress=show)
        minutes = (time.perf_counter() - t0) / 60
    from common import Result

    labels = ", ".join(f"{k} {v.f:.2f}" for k, v in result.per_label.items())
    Result(
        name=f"NER training, {n} articles ({report.train_articles}/{report.dev_articles} train/dev)",
        value=minutes,
        unit="min",
        target=f"<= {TARGET_MINUTES:.0f} min",
        ok=minutes <= TARGET_MINUTES,
        note=f"{result.steps} steps, dev P/R/F {result.precision:.2f}/{result.recall:.2f}/{result.f1:.2f} ({labels})",
    ).emit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
