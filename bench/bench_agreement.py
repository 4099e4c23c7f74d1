"""Benchmark: agreement report over 10,000 articles x 3 annotators; target <= 10 s (2 cores).

Synthetic but shaped like the real data: ~350-word Arabic-script articles, ~12 spans each,
and three annotators who mostly agree but drop spans, shift boundaries (the proclitic
و/ب/ل question) and change labels at realistic rates. Deterministic (fixed seed).

Run: .venv/bin/python bench/bench_agreement.py [--articles N]. Exit status 1 if over target.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import Result  # noqa: E402  (bench/ is on sys.path when run as a script)

from annotator.core.domain import Span
from annotator.core.team.agreement import ArticleAnnotations, compute_agreement

TARGET_SECONDS = 10.0
LABELS = ("ACTOR", "LOCATION", "COUNT", "SOURCE")
# Letters only: the generated words need not mean anything, only look like Arabic tokens.
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
PUNCT = ("،", ".", "«", "»", ":")


def make_article(rng: random.Random, n_words: int) -> tuple[str, list[tuple[int, int]]]:
    """Text plus the (start, end) of every word, so gold spans fall on word boundaries."""
    parts: list[str] = []
    words: list[tuple[int, int]] = []
    pos = 0
    for _ in range(n_words):
        word = "".join(rng.choice(LETTERS) for _ in range(rng.randint(2, 8)))
        words.append((pos, pos + len(word)))
        parts.append(word)
        pos += len(word)
        sep = " " if rng.random() > 0.08 else rng.choice(PUNCT) + " "
        parts.append(sep)
        pos += len(sep)
    return "".join(parts), words


def gold_spans(rng: random.Random, words: list[tuple[int, int]], n_spans: int) -> list[Span]:
    """Non-overlapping spans of one to three words."""
    chosen = sorted(rng.sample(range(0, len(words) - 3, 4), n_spans))
    return [
        Span(words[i][0], words[i + rng.randint(0, 2)][1], rng.choice(LABELS)) for i in chosen
    ]


def annotator_view(rng: random.Random, gold: list[Span]) -> list[Span]:
    """One annotator's version of the gold: drop 10 %, shift a boundary 10 %, relabel 5 %."""
    spans = []
    for span in gold:
        r = rng.random()
        if r < 0.10:
            continue
        if r < 0.20 and span.end - span.start > 2:
            spans.append(Span(span.start + 1, span.end, span.label))
        elif r < 0.25:
            spans.append(Span(span.start, span.end, rng.choice(LABELS)))
        else:
            spans.append(span)
    return spans


def make_corpus(n_articles: int, seed: int = 7) -> list[ArticleAnnotations]:
    rng = random.Random(seed)
    corpus = []
    for article_id in range(n_articles):
        text, words = make_article(rng, rng.randint(250, 450))
        gold = gold_spans(rng, words, rng.randint(6, 18))
        spans = {name: annotator_view(rng, gold) for name in ("amina", "bilal", "carim")}
        corpus.append(ArticleAnnotations(article_id, text, spans))
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args(argv)
    corpus = make_corpus(args.articles)
    started = time.perf_counter()
    report = compute_agreement(corpus)
    seconds = time.perf_counter() - started
    tokens = report.pairs[0].n_tokens if report.pairs else 0
    ok = seconds <= TARGET_SECONDS
    Result(
        f"agreement report {args.articles:,} art x {len(report.annotators)} annotators",
        seconds,
        "s",
        f"≤ {TARGET_SECONDS:.0f} s",
        ok,
        f"{tokens:,} tokens; overlap F1 {report.overall_overlap_micro.f1:.3f},"
        f" kappa {report.mean_kappa:.3f}, alpha {report.alpha:.3f}",
    ).emit()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
