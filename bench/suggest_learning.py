"""Replay benchmark: do suggestions improve as annotators work? Rules alone vs rules + patterns.

A gold set is replayed in order, as if one annotator corrected each article in turn: for
article *k* the suggestions come from the rules plus the patterns learned from the gold of
articles 1…k−1 (every gold span is accepted; every shown suggestion that is not exactly a
gold span is rejected, as the annotator would — one inside a longer gold span as a
correction of its boundaries, as the project reports it). Nothing of article k is learned
before its suggestions are scored, and the rules never learn. Per-label precision/recall, with overlap
and exact matching, are reported on the second half of the sequence for the rules alone
and for rules + patterns (``annotator suggest --source rules,patterns``).

Also measured (speed targets of issue #11):
* rules + patterns throughput on 1.5 KB articles (CPU time), patterns learned from the
  whole gold set — target ≥ 300 articles/s;
* learning one accepted span into the matcher (``PatternSuggester.learn``) — target ≤ 50 ms
  (the worst of all spans learned during the replays is checked).

Gold sets: ``tests/data/gold/gold.jsonl`` and ``heldout.jsonl`` by default, or any JSONL
file in the import shape given with ``--gold PATH`` (repeatable), e.g. real published news
kept outside the repository: ``bench/suggest_learning.py --gold /work/realnews/gold.jsonl``.

Aim: rules + patterns micro F1 (overlap) ≥ 0.95 on the second half. Exit status 1 when a
gold set misses it or a speed target is missed.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from common import Result  # noqa: E402
from suggest_quality import DEFAULT_GOLD, load_jsonl, print_table  # noqa: E402

from annotator.core.suggest import CombinedSuggester, get_suggester  # noqa: E402
from annotator.core.suggest.base import Tally  # noqa: E402
from annotator.core.suggest.patterns import PatternSuggester  # noqa: E402

AIM_F1 = 0.95
SPEED_TARGET = 300.0
LEARN_TARGET_MS = 50.0


def replay(rules, records: list[dict], *, reject: bool = True, min_score: float = 0.0) -> tuple[dict, dict, list[float]]:
    """Scores on the second half for rules alone and rules + patterns, and the time (ms)
    each ``learn`` call took."""
    patterns = PatternSuggester()
    combined = CombinedSuggester([rules, patterns], min_score=min_score)
    alone, both = Tally(), Tally()
    learn_ms: list[float] = []
    half = len(records) // 2
    for k, rec in enumerate(records):
        text, gold = rec["text"], rec["spans"]
        shown = combined.suggest(text)
        if k >= half:
            alone.add(rules.suggest(text), gold)
            both.add(shown, gold)
        gold_keys = {(int(s["start"]), int(s["end"]), s["label"]) for s in gold}
        gold_extents = [(int(s["start"]), int(s["end"])) for s in gold]
        for span in gold:
            t = time.perf_counter()
            patterns.learn(text, int(span["start"]), int(span["end"]), span["label"], span.get("attributes"))
            learn_ms.append((time.perf_counter() - t) * 1000)
        if reject:
            for s in shown:
                if s.key() not in gold_keys:
                    patterns.reject(text, s.start, s.end, s.label, covered=_covered(s, gold_extents),
                                    relabelled=(s.start, s.end) in gold_extents)
    return alone.scores(), both.scores(), learn_ms


def _covered(suggestion, extents: list[tuple[int, int]]) -> bool:
    """Whether the annotator kept a longer span around ``suggestion`` (as
    :meth:`Learning.rejections` reports it for the project)."""
    length = suggestion.end - suggestion.start
    return any(s <= suggestion.start and suggestion.end <= e and e - s > length for s, e in extents)


def throughput(rules, records: list[dict], n: int, texts: list[Path] | None = None) -> tuple[float, float]:
    """Articles/s (CPU, wall) of rules + patterns on 1.5 KB articles, patterns from ``records``:
    demo excerpts, or with ``texts`` those real texts cut into 1.5 KB articles, each timed once
    after 20 that warm the suggesters (see bench_suggest)."""
    from bench_suggest import warm_and_timed

    patterns = PatternSuggester()
    for rec in records:
        for span in rec["spans"]:
            patterns.learn(rec["text"], int(span["start"]), int(span["end"]), span["label"])
    combined = CombinedSuggester([rules, patterns])
    warm, docs, _ = warm_and_timed(texts, n)
    for doc in warm:
        combined.suggest(doc)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for doc in docs:
        combined.suggest(doc)
    return len(docs) / (time.process_time() - cpu0), len(docs) / (time.perf_counter() - wall0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", action="append", type=Path, default=None,
                        help="gold JSONL file (text + spans), repeatable; default: the repo's gold sets")
    parser.add_argument("--no-reject", action="store_true", help="learn from gold spans only, no rejections")
    parser.add_argument("--min-score", type=float, default=0.0, help="threshold on suggestion scores")
    parser.add_argument("--articles", type=int, default=1000, help="articles for the throughput run (0: skip)")
    parser.add_argument("--texts", action="append", type=Path, default=None,
                        help="JSONL file of real texts for the throughput run (each read once), repeatable")
    parser.add_argument("--shuffle", type=int, default=None, metavar="SEED",
                        help="replay in a shuffled order (a set grouped by country otherwise meets its "
                             "repeated names late)")
    args = parser.parse_args()

    rules = get_suggester("rules")
    ok = True
    learn_ms: list[float] = []
    all_records: list[dict] = []
    for path in args.gold or DEFAULT_GOLD:
        if not path.exists():
            print(f"no gold set at {path}")
            continue
        records = load_jsonl(path)
        all_records += records
        if args.shuffle is not None:
            import random

            random.Random(args.shuffle).shuffle(records)
        alone, both, ms = replay(rules, records, reject=not args.no_reject, min_score=args.min_score)
        learn_ms += ms
        second = len(records) - len(records) // 2
        print_table(f"{path.name}: rules alone, second half ({second} of {len(records)} texts)", alone, False)
        print_table(f"{path.name}: rules + patterns learned from the texts before each one", both, False)
        met = both["ALL"]["f1"] >= AIM_F1
        ok &= met
        Result(f"replay {path.name}: rules micro F1 (overlap)", alone["ALL"]["f1"], "", "-", None,
               f"exact {alone['ALL']['exact_f1']:.3f}").emit()
        Result(f"replay {path.name}: rules+patterns micro F1", both["ALL"]["f1"], "", f">= {AIM_F1}", met,
               f"exact {both['ALL']['exact_f1']:.3f}").emit()
    if learn_ms:
        worst = max(learn_ms)
        ok &= worst <= LEARN_TARGET_MS
        Result("learn one accepted span (worst)", worst, "ms", f"<= {LEARN_TARGET_MS:.0f} ms",
               worst <= LEARN_TARGET_MS, f"mean {sum(learn_ms) / len(learn_ms):.3f} ms over {len(learn_ms)} spans").emit()
    if args.articles and all_records:
        cpu, wall = throughput(rules, all_records, args.articles, args.texts)
        ok &= cpu >= SPEED_TARGET
        material = "given texts, each once" if args.texts else "demo excerpts"
        Result("rules+patterns throughput (CPU time)", cpu, "articles/s", f">= {SPEED_TARGET:.0f}/s",
               cpu >= SPEED_TARGET, f"1.5 KB articles ({material}); wall {wall:.0f}/s").emit()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
