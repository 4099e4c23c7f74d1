"""Benchmark: rule suggester throughput on 1.5 KB Arabic news articles; target ≥ 300/s.

Articles are cut from the demo articles (resources/samples/demo_articles.jsonl) at shifted
offsets and joined, so each is a realistic ~1,500-character text with names, counts and
sources; without the samples, bench/common.arabic_article makes them. The suggester is built
once (its set-up time is reported separately), warmed on 20 articles, then timed.

With ``--texts FILE`` (repeatable; JSONL with a ``text`` field, e.g. real published news kept
outside the repository) the articles are those texts instead, joined in order and cut at a
space into ~1,500-character articles, each timed once: a project's suggester meets every
article once, and new words cost more than the repeated vocabulary of the demo excerpts
(spaCy's tokenizer and the rules' word norms are computed on first sight, then cached). The
first 20 articles (``--warm N``) only warm the suggester; the rest are timed. A larger
``--warm`` stands for a project whose suggester has met that many articles already.

Throughput is reported twice: wall clock, and this process's CPU time. On a shared 2-core
machine other work steals wall time; CPU time is the suggester's own cost and is what the
target is checked against (the wall figure is printed next to it).

Run: .venv/bin/python bench/bench_suggest.py [--articles N] [--texts FILE ...]. Exit status 1
if under target.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import ROOT, Result, arabic_article  # noqa: E402

TARGET_PER_SECOND = 300.0
SIZE = 1500


def articles(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    path = ROOT / "resources/samples/demo_articles.jsonl"
    texts = []
    if path.exists():
        texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not texts:
        return [arabic_article(rng, SIZE)[0] for _ in range(n)]
    pool = "\n\n".join(texts)
    out = []
    for _ in range(n):
        start = rng.randrange(0, max(1, len(pool) - SIZE))
        out.append(pool[start : start + SIZE])
    return out


def articles_from(paths: list[Path], size: int = SIZE) -> list[str]:
    """The texts of ``paths`` (JSONL, field ``text``) in order, joined by a blank line and cut
    at the last space before ``size`` characters: every text once, none repeated."""
    out: list[str] = []
    pending = ""
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            text = json.loads(line)["text"]
            pending = f"{pending}\n\n{text}" if pending else text
            while len(pending) >= size:
                cut = pending.rfind(" ", 0, size)
                cut = cut if cut > size // 2 else size
                out.append(pending[:cut])
                pending = pending[cut:].lstrip()
    return out


def warm_and_timed(texts: list[Path] | None, n: int, warm: int = 20) -> tuple[list[str], list[str], str]:
    """The articles that only warm a suggester, those that are timed, and what they are: the
    real ``texts`` cut into 1.5 KB articles, the first ``warm`` apart and the rest each timed
    once; or ``n`` demo excerpts, all timed after the first ``warm`` of them."""
    if texts:
        pool = articles_from(texts)
        material = f"texts of {', '.join(str(p) for p in texts)}, each once, after {min(warm, len(pool))} that only warm"
        return pool[:warm], pool[warm:], material
    docs = articles(n)
    return docs[:warm], docs, "demo excerpts"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--texts", action="append", type=Path, default=None,
                        help="JSONL file of real texts (field text), repeatable: each is read once")
    parser.add_argument("--warm", type=int, default=20, help="articles that only warm the suggester")
    args = parser.parse_args()

    t = time.perf_counter()
    from annotator.core.suggest import get_suggester

    suggester = get_suggester("rules")
    setup = time.perf_counter() - t

    warm, docs, material = warm_and_timed(args.texts, args.articles, args.warm)
    for doc in warm:
        suggester.suggest(doc)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    n_sugg = 0
    for doc in docs:
        n_sugg += len(suggester.suggest(doc))
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0

    per_s_cpu = len(docs) / cpu
    per_s_wall = len(docs) / wall
    note = (f"{len(docs)} articles of ~{SIZE} chars ({material}), {n_sugg / len(docs):.1f} suggestions each; "
            f"wall {per_s_wall:.0f}/s")
    Result("rule suggester throughput (CPU time)", per_s_cpu, "articles/s", f">= {TARGET_PER_SECOND:.0f}/s",
           per_s_cpu >= TARGET_PER_SECOND, note).emit()
    Result("rule suggester set-up (incl. spaCy import)", setup, "s", "-", None).emit()
    return 0 if per_s_cpu >= TARGET_PER_SECOND else 1


if __name__ == "__main__":
    sys.exit(main())
