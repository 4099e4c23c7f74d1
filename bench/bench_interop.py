"""Other tools' formats (issue 17): import speed of Label Studio and CoNLL against JSONL for
the same annotated articles, and the ``--no-tokens`` JSONL export rate.

Targets: Label Studio and CoNLL import ≤ 1.5× the JSONL import of the same articles;
``export --no-tokens`` ≥ 10,000 records/s. Every file holds the same generated articles
(~1,500 characters, 5 spans each; one in ten starts with an emoji so Label Studio's UTF-16
offsets differ from code points). Each import runs in its own process into a new project.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Result, Timer, arabic_article, run_in_process

LABELS = ("ACTOR", "LOCATION", "COUNT", "SOURCE")


def articles(n: int, seed: int = 0) -> list[tuple[str, list[tuple[int, int, str]]]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        text, spans = arabic_article(rng)
        if i % 10 == 0:  # an emoji before every span: UTF-16 offsets are one more
            text = "😀 " + text
            spans = [(s + 2, e + 2, label) for s, e, label in spans]
        out.append((text, spans))
    return out


def utf16(text: str, cp: int) -> int:
    return len(text[:cp].encode("utf-16-le")) // 2


def write_files(folder: Path, n: int) -> dict[str, Path]:
    docs = articles(n)
    paths = {"jsonl": folder / "articles.jsonl", "label-studio": folder / "tasks.json", "conll": folder / "articles.conll"}
    with open(paths["jsonl"], "w", encoding="utf-8") as fh:
        for i, (text, spans) in enumerate(docs):
            rec = {"id": f"a{i}", "text": text, "spans": [{"start": s, "end": e, "label": lab} for s, e, lab in spans]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(paths["label-studio"], "w", encoding="utf-8") as fh:
        fh.write("[\n")
        for i, (text, spans) in enumerate(docs):
            result = [{"type": "labels", "from_name": "label", "to_name": "text",
                       "value": {"start": utf16(text, s), "end": utf16(text, e), "text": text[s:e], "labels": [lab]}}
                      for s, e, lab in spans]
            task = {"id": i, "data": {"text": text, "external_id": f"a{i}"},
                    "annotations": [{"completed_by": 1, "was_cancelled": False, "result": result}]}
            fh.write(("," if i else "") + json.dumps(task, ensure_ascii=False) + "\n")
        fh.write("]\n")
    with open(paths["conll"], "w", encoding="utf-8") as fh:
        for text, spans in docs:
            fh.write("-DOCSTART-\tO\n\n")
            starts = {s: lab for s, _e, lab in spans}
            pos = 0
            for token in text.split(" "):  # the generator's spans are single words
                tag = f"B-{starts[pos]}" if pos in starts else "O"
                fh.write(f"{token}\t{tag}\n")
                pos += len(token) + 1
            fh.write("\n")
    return paths


def do_import(fmt: str, src: str, db: str, q: mp.Queue) -> None:
    from annotator.core.importing import import_paths
    from annotator.core.store import Project

    project = Project.create(db, creator="bench")
    with Timer() as t:
        summary = import_paths(project, [src], fmt=fmt, annotator="bench")
    project.close()
    q.put((t.seconds, summary.new, summary.spans, summary.rejected))


def do_export(db: str, out: str, style: str, q: mp.Queue) -> None:
    from annotator.core.exporting import export_jsonl
    from annotator.core.store import Project

    project = Project.open(db)
    with Timer() as t:
        summary = export_jsonl(project, out, style=style)
    project.close()
    q.put((t.seconds, summary.records, Path(out).stat().st_size))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=20_000, help="articles (default 20,000)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_files(folder, args.n)
        seconds = {}
        for fmt, path in paths.items():
            s, new, spans, rejected = run_in_process(do_import, fmt, str(path), str(folder / f"{fmt}.db"))
            assert (new, spans, rejected) == (args.n, 5 * args.n, 0), (fmt, new, spans, rejected)
            seconds[fmt] = s
        Result(f"import {args.n:,} annotated articles (JSONL)", seconds["jsonl"], "s", "-", None,
               f"{args.n / seconds['jsonl']:,.0f}/s").emit()
        for fmt in ("label-studio", "conll"):
            ratio = seconds[fmt] / seconds["jsonl"]
            Result(f"import {fmt}: ratio to JSONL", ratio, "x", "≤ 1.5x", ratio <= 1.5,
                   f"{seconds[fmt]:.1f} s, {args.n / seconds[fmt]:,.0f}/s").emit()
        s, records, size = run_in_process(do_export, str(folder / "jsonl.db"), str(folder / "small.jsonl"), "no-tokens")
        rate = records / s
        Result(f"export {records:,} records JSONL --no-tokens", rate, "rec/s", "≥ 10,000/s", rate >= 10_000,
               f"{s:.1f} s, {size / 2**20:,.0f} MiB").emit()
        s, records, size = run_in_process(do_export, str(folder / "jsonl.db"), str(folder / "doccano.jsonl"), "doccano")
        Result(f"export {records:,} records doccano", records / s, "rec/s", "-", None,
               f"{s:.1f} s, {size / 2**20:,.0f} MiB").emit()


if __name__ == "__main__":
    main()
