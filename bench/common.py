"""Shared helpers for the benchmarks: generated Arabic articles, timing, peak memory, result rows."""
from __future__ import annotations

import json
import os
import random
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RESULTS_ENV = "ANNOTATOR_BENCH_RESULTS"

_WORDS = (
    "قوات النظام السوري شنت هجوما على مواقع تنظيم داعش في بادية دير الزور وقال المرصد السوري لحقوق "
    "الإنسان إن الاشتباكات أدت إلى مقتل عناصر من الجانبين وأفادت مصادر ميدانية بأن الطيران الروسي "
    "استهدف خلايا التنظيم في ريف حمص الشرقي بالتزامن مع عملية تمشيط واسعة في محيط مدينة السخنة وتدمر "
    "بينما أكدت مصادر محلية نزوح عشرات العائلات من القرى القريبة نحو مدينة الرقة"
).split()


def arabic_article(rng: random.Random, size: int = 1500) -> tuple[str, list[tuple[int, int, str]]]:
    """A ~``size``-character Arabic text and 5 non-overlapping word spans on it."""
    words: list[str] = []
    length = 0
    while length < size:
        w = rng.choice(_WORDS)
        words.append(w)
        length += len(w) + 1
        if rng.random() < 0.05:
            words[-1] += "."
    text = " ".join(words) + f" {rng.randrange(10**9)}"
    starts, pos = [], 0
    for w in words:
        starts.append((pos, pos + len(w)))
        pos += len(w) + 1
    labels = ("ACTOR", "LOCATION", "COUNT", "SOURCE", "ACTOR")
    step = max(1, len(starts) // 5)
    spans = [(starts[i * step][0], starts[i * step][1], labels[i]) for i in range(5)]
    return text, spans


def write_jsonl(path: Path, n: int, *, with_spans: bool = False, seed: int = 0) -> Path:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text, spans = arabic_article(rng)
            rec = {"id": f"a{i}", "title": f"خبر رقم {i}", "text": text, "source": "المدن"}
            if with_spans:
                rec["spans"] = [{"start": s, "end": e, "label": lab} for s, e, lab in spans]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return peak_rss_mb()


class Timer:
    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start


@dataclass
class Result:
    name: str
    value: float
    unit: str
    target: str
    ok: bool | None
    note: str = ""

    def emit(self) -> None:
        """Print the row, and append it to the results file when run by run_all.py."""
        mark = {True: "ok", False: "MISSED", None: "-"}[self.ok]
        print(f"{self.name:<48} {self.value:>12.3f} {self.unit:<10} target {self.target:<18} {mark}  {self.note}")
        out = os.environ.get(RESULTS_ENV)
        if out:
            with open(out, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(self.__dict__, ensure_ascii=False) + "\n")


def run_in_process(target, *args):  # type: ignore[no-untyped-def]
    """Run ``target(*args, queue)`` in a fresh process (its own peak memory, no warm caches)
    and return what it put on the queue."""
    import multiprocessing as mp

    q: mp.Queue = mp.Queue()
    p = mp.Process(target=target, args=(*args, q))
    p.start()
    result = q.get()
    p.join()
    return result
