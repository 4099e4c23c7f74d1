"""Quality of the rule suggester: per-label precision, recall and F1 against gold spans.

Two matchings: *overlap* (a suggestion counts if it overlaps a gold span of the same label)
and *exact* (same offsets and label). Data sets, when present:

* ``tests/data/gold/gold.jsonl`` — the gold test set (``{"id", "text", "spans"}``);
* ``tests/data/gold/heldout.jsonl`` — a held-out set written without sight of the rules;
* ``resources/samples/demo_articles.jsonl`` + ``demo_annotations.jsonl`` — the demo
  articles with one annotator's spans (``--annotator``, default ``lina``).

Aims (on the gold set): recall ≥ 0.8 for SOURCE and COUNT, ≥ 0.7 for ACTOR and LOCATION,
at precision ≥ 0.8. Run: ``.venv/bin/python bench/suggest_quality.py [--annotator NAME]``.
Exit status 1 if the gold set misses an aim.

``--gold PATH`` (repeatable) scores other gold files in the same shape instead — e.g. real
published news annotated by the guidelines and kept outside the repository
(``--gold /work/realnews/gold.jsonl``); ``--source rules,patterns`` scores other suggesters.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.suggest import get_suggester  # noqa: E402
from annotator.core.suggest.base import evaluate  # noqa: E402

AIMS = {"ACTOR": (0.8, 0.7), "LOCATION": (0.8, 0.7), "COUNT": (0.8, 0.8), "SOURCE": (0.8, 0.8)}  # (P, R)


#: The repository's gold sets, scored when no --gold is given.
DEFAULT_GOLD = [ROOT / "tests/data/gold/gold.jsonl", ROOT / "tests/data/gold/heldout.jsonl"]


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_records() -> list[dict]:
    path = ROOT / "tests/data/gold/gold.jsonl"
    return load_jsonl(path) if path.exists() else []


def demo_records(annotator: str) -> list[dict]:
    arts_path = ROOT / "resources/samples/demo_articles.jsonl"
    ann_path = ROOT / "resources/samples/demo_annotations.jsonl"
    if not (arts_path.exists() and ann_path.exists()):
        return []
    texts = {r["id"]: r["text"] for r in load_jsonl(arts_path)}
    return [
        {"id": r["article"], "text": texts[r["article"]], "spans": r["spans"]}
        for r in load_jsonl(ann_path)
        if r.get("annotator") == annotator and r["article"] in texts
    ]


def print_table(title: str, scores: dict[str, dict[str, float]], aims: bool) -> bool:
    print(f"\n{title}")
    header = f"{'label':<9} {'P':>5} {'R':>5} {'F1':>5}   {'exP':>5} {'exR':>5} {'exF1':>5}   {'pred':>5} {'gold':>5}"
    print(header + ("   aim (P/R)" if aims else ""))
    print("-" * (len(header) + (14 if aims else 0)))
    ok = True
    for label, s in scores.items():
        line = (
            f"{label:<9} {s['p']:5.2f} {s['r']:5.2f} {s['f1']:5.2f}   "
            f"{s['exact_p']:5.2f} {s['exact_r']:5.2f} {s['exact_f1']:5.2f}   {int(s['n_pred']):5d} {int(s['n_gold']):5d}"
        )
        if aims and label in AIMS:
            ap, ar = AIMS[label]
            met = s["p"] >= ap and s["r"] >= ar
            ok &= met
            line += f"   {ap:.1f}/{ar:.1f} {'ok' if met else 'MISSED'}"
        print(line)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--annotator", default="lina", help="demo annotator to score against")
    parser.add_argument("--gold", action="append", type=Path, default=None,
                        help="score this gold JSONL file (text + spans) instead of the repo's; repeatable")
    parser.add_argument("--source", default="rules", help="suggester(s), e.g. rules or rules,camel")
    args = parser.parse_args()
    t = time.perf_counter()
    suggester = get_suggester(args.source)
    print(f"{args.source} suggester built in {time.perf_counter() - t:.2f} s")
    if args.gold:
        ok = True
        for path in args.gold:
            records = load_jsonl(path)
            ok &= print_table(f"{path}: {len(records)} texts", evaluate(suggester, records), True)
        return 0 if ok else 1
    ok = True
    gold = gold_records()
    if gold:
        ok = print_table(f"Gold set: {len(gold)} texts (tests/data/gold/gold.jsonl)", evaluate(suggester, gold), True)
    else:
        print("no gold set at tests/data/gold/gold.jsonl")
    heldout_path = ROOT / "tests/data/gold/heldout.jsonl"
    if heldout_path.exists():
        # Written by someone who never saw the gazetteers or rules: the honest figure.
        heldout = load_jsonl(heldout_path)
        print_table(f"Held-out set: {len(heldout)} texts (tests/data/gold/heldout.jsonl, never tuned on)",
                    evaluate(suggester, heldout), True)
    demo = demo_records(args.annotator)
    if demo:
        print_table(
            f"Demo articles: {len(demo)} texts annotated by {args.annotator} (resources/samples)",
            evaluate(suggester, demo),
            False,
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
