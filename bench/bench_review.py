"""Benchmark: opening an article in review mode with 3 annotators' spans; target <= 150 ms.

A project of ~2,000-character Arabic-script articles, each finished by three annotators who
mostly agree but drop spans, shift a boundary and change labels at realistic rates (so the
article has conflicts, the annotator panels have all three agreement classes and the gold
view has dashed options). The reviewer's window is built once; then each timed run opens
another article of the queue and repaints the whole window synchronously — what the
reviewer waits for after pressing Alt+Left or clicking the queue: store reads, merge,
agreement classes, the article layout, the panels and the conflict list, painted.

Run: .venv/bin/python bench/bench_review.py [--articles N] [--runs N] [--profile].
Exit status 1 if the median is over target.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Result  # noqa: E402

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_MS = 150.0
LABELS = ("ACTOR", "LOCATION", "COUNT", "SOURCE")
ANNOTATORS = ("amina", "bilal", "carim")
REVIEWER = "rev"
WORDS = (
    "قوات النظام السوري شنت هجوما على مواقع تنظيم داعش في بادية دير الزور وقال المرصد السوري لحقوق "
    "الإنسان إن الاشتباكات أدت إلى مقتل عناصر من الجانبين وأفادت مصادر ميدانية بأن الطيران الروسي "
    "استهدف خلايا التنظيم في ريف حمص الشرقي بالتزامن مع عملية تمشيط واسعة في محيط مدينة السخنة وتدمر"
).split()


def make_article(rng: random.Random, n_words: int) -> tuple[str, list[tuple[int, int]]]:
    parts, words, pos = [], [], 0
    for i in range(n_words):
        w = rng.choice(WORDS)
        words.append((pos, pos + len(w)))
        parts.append(w)
        pos += len(w)
        sep = "\n\n" if i and i % 70 == 0 else (" " if rng.random() > 0.08 else "، ")
        parts.append(sep)
        pos += len(sep)
    return "".join(parts).strip(), words


def annotator_spans(rng: random.Random, gold: list[tuple[int, int, str]],
                    words: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Drop 10 %, move the start one word left 8 %, relabel 6 %: like real disagreements."""
    out = []
    starts = {s: i for i, (s, _) in enumerate(words)}
    for start, end, label in gold:
        r = rng.random()
        if r < 0.10:
            continue
        if r < 0.18 and starts.get(start, 0) > 0:
            prev = words[starts[start] - 1][0]
            if not any(o[0] < start and o[1] > prev for o in gold if o[1] <= start):
                out.append((prev, end, label))
                continue
        if r < 0.24:
            out.append((start, end, rng.choice([lab for lab in LABELS if lab != label])))
            continue
        out.append((start, end, label))
    return out


def build_project(path: Path, n_articles: int, seed: int = 11) -> list[int]:
    from annotator.core.domain import Span
    from annotator.core.importing import ArticleRecord, content_hash, import_records
    from annotator.core.store import Project

    rng = random.Random(seed)
    texts, golds = [], []
    for i in range(n_articles):
        text, words = make_article(rng, rng.randint(330, 400))
        chosen = sorted(rng.sample(range(1, len(words) - 3, 5), rng.randint(12, 18)))
        gold = [(words[j][0], words[j + rng.randint(0, 1)][1], rng.choice(LABELS)) for j in chosen]
        texts.append((f"خبر رقم {i}", text))
        golds.append((gold, words))
    with Project.create(path, creator=REVIEWER) as project:
        import_records(project, [ArticleRecord(text=t, title=title) for title, t in texts])
        ids = [project.article_id_by_hash(content_hash(t)) for _, t in texts]
        for name in ANNOTATORS:
            project.ensure_annotator(name)
        for aid, (gold, words) in zip(ids, golds):
            for name in ANNOTATORS:
                spans = annotator_spans(rng, gold, words)
                project.add_spans(aid, name, [Span(s, e, lab) for s, e, lab in spans])
                project.set_status(aid, name, "done")
    return [int(i) for i in ids if i is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the timed opens")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings

    from annotator.gui.app import ensure_app, set_language

    app = ensure_app()
    app.setOrganizationName("annotator-bench")  # never the user's settings
    QSettings().clear()
    set_language(app, "en")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "review.db"
        build_project(path, args.articles)
        from annotator.gui import create_main_window

        window = create_main_window(str(path), REVIEWER, review=True)
        window.resize(1400, 860)
        window.show()
        app.processEvents()
        queue = [it.article_id for it in window.queue_model.items]
        # Warm-up: fonts, glyph caches and lazy imports are paid once per session, not per article.
        for aid in queue[:3]:
            window.open_article(aid)
            window.repaint()
        app.processEvents()

        profiler = None
        if args.profile:
            import cProfile

            profiler = cProfile.Profile()
        timings: list[float] = []
        conflicts: list[int] = []
        for run in range(args.runs):
            aid = queue[(run + 3) % len(queue)]
            app.processEvents()
            if profiler:
                profiler.enable()
            started = time.perf_counter()
            window.open_article(aid)
            window.repaint()
            timings.append((time.perf_counter() - started) * 1000)
            if profiler:
                profiler.disable()
            conflicts.append(len(window.conflicts))
        # Delete the window (which closes its project) while the file still exists.
        from PySide6.QtCore import QCoreApplication, QEvent

        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if profiler:
        import pstats

        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    median = statistics.median(timings)
    ok = median <= TARGET_MS
    Result(
        "review mode: open article, 3 annotators",
        median,
        "ms",
        f"≤ {TARGET_MS:.0f} ms",
        ok,
        f"median of {len(timings)}; max {max(timings):.0f} ms; "
        f"{statistics.mean(conflicts):.1f} conflicts/article on average",
    ).emit()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
