"""Measure: spans whose edges the tokenizer does not split (the exporter's token-split repair).

The tokenizer (annotator/core/tokenizer.py) and span snapping (annotator/core/text.py) derive
their clitic rules from one lexicon (annotator/core/lang/ar/lexicon.py), so annotated data
should export to spaCy with no token split. This reports, per data set, the spans exported
and how many needed a split: the demo annotations (resources/samples), the gold sets
(tests/data/gold) and ``--generated N`` articles from bench_docbin's generator.

Run: .venv/bin/python bench/token_splits.py [--generated 100000]. Exit status 1 on any split.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _records(name: str) -> Iterable[tuple[str, list[Any], dict[str, Any]]]:
    from annotator.core.domain import Span

    if name == "demo":
        texts = {r["id"]: r["text"] for r in _jsonl(ROOT / "resources/samples/demo_articles.jsonl")}
        for i, r in enumerate(_jsonl(ROOT / "resources/samples/demo_annotations.jsonl")):
            spans = [Span(s["start"], s["end"], s["label"]) for s in r["spans"]]
            yield texts[r["article"]], spans, {"id": f"{r['article']}:{r['annotator']}:{i}"}
        return
    for i, r in enumerate(_jsonl(ROOT / "tests/data/gold" / name)):
        yield r["text"], [Span(s["start"], s["end"], s["label"]) for s in r["spans"]], {"id": i}


def measure(name: str, records: Iterable[tuple[str, list[Any], dict[str, Any]]]) -> int:
    from annotator.core.formats.docbin import write as write_docbin

    with tempfile.TemporaryDirectory() as tmp:
        report = write_docbin(records, Path(tmp) / "corpus")
    print(f"{name:<22} {report.articles:>8} articles {report.spans:>8} spans  "
          f"token splits {report.spans_split}  misaligned {report.spans_misaligned}")
    return report.spans_split


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=0, help="also N generated articles (bench_docbin)")
    args = parser.parse_args()
    splits = sum(measure(name, _records(name)) for name in ("demo", "gold.jsonl", "heldout.jsonl"))
    if args.generated:
        from bench_docbin import generate_records

        splits += measure("generated", generate_records(args.generated))
    return 1 if splits else 0


if __name__ == "__main__":
    sys.exit(main())
