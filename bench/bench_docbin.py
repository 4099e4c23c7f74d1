"""Benchmark: 100,000 generated ~1.5 KB Arabic articles × 5 spans → DocBin (train/dev).

Target: ≥ 2,000 articles/s on the reference machine (2 cores). Prints one result line.
Also home of :func:`generate_records`, the synthetic annotated corpus used by
``bench_train.py`` (sentences written for this benchmark, with the guideline cases:
clitics outside spans, ل + article, quotes around names, ريف X locations).

Usage: python bench/bench_docbin.py [N_ARTICLES]
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_PER_S = 2000.0

ACTORS = ["قوات النظام", "الجيش الوطني", "الميليشيات الإيرانية", "الطيران الروسي", "قوات سوريا الديمقراطية",
          "هيئة تحرير الشام", "التحالف الدولي", "الفصائل المعارضة", "الجيش التركي", "الحرس الثوري"]
ACTORS_QUOTED = ["داعش", "قسد", "حزب الله", "فاغنر"]  # written between quotes
PLACES = ["حمص", "حلب", "إدلب", "دير الزور", "الرقة", "درعا", "تدمر", "السخنة", "منبج", "الميادين", "البوكمال", "جرابلس"]
REGIONS = ["ريف حمص الشرقي", "بادية السخنة", "ريف حلب الشمالي", "ريف إدلب الجنوبي", "بادية دير الزور", "ريف درعا الغربي"]
SOURCES = ["المرصد السوري لحقوق الإنسان", "مصادر ميدانية", "مصادر محلية", "وكالة سانا", "ناشطون محليون"]
OUTLETS = ["المدن", "عنب بلدي", "الشرق الأوسط"]
VICTIMS = ["عناصر", "مدنيين", "جنود", "مقاتلين"]
FILLER = [
    "وتشهد المنطقة توتراً أمنياً متصاعداً منذ أسابيع، في ظل غياب أي حلول سياسية قريبة.",
    "ويأتي ذلك بعد أيام من اجتماعات عقدها مسؤولون محليون لبحث الأوضاع الخدمية والمعيشية.",
    "وتعاني المناطق القريبة من خطوط التماس من نقص حاد في المياه والكهرباء والوقود.",
    "ولم يصدر أي تعليق رسمي حتى ساعة إعداد هذا التقرير على ما جرى خلال الساعات الماضية.",
    "ويرى مراقبون أن التصعيد الأخير يرتبط بتطورات إقليمية أوسع تشهدها المنطقة.",
    "وتتكرر مثل هذه الحوادث على الطرق الرئيسية التي تربط المدن الكبرى بعضها ببعض.",
]


class _Builder:
    """Appends text pieces and records span offsets as it goes (code points)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n = 0
        self.size = 0  # UTF-8 bytes
        self.spans: list[tuple[int, int, str]] = []

    def text(self, s: str) -> None:
        self.parts.append(s)
        self.n += len(s)
        self.size += len(s.encode("utf-8"))

    def span(self, s: str, label: str) -> None:
        self.spans.append((self.n, self.n + len(s), label))
        self.text(s)


def _sentence(b: _Builder, rng: random.Random) -> None:
    kind = rng.randrange(5)
    if kind == 0:
        b.text("قال ")
        b.span(rng.choice(SOURCES), "SOURCE")
        b.text(" إن ")
        b.span(str(rng.randint(2, 40)), "COUNT")
        b.text(f" من {rng.choice(VICTIMS)} ")
        b.span(rng.choice(ACTORS), "ACTOR")
        b.text(" قتلوا في هجوم على حواجز عسكرية في ")
        b.span(rng.choice(REGIONS), "LOCATION")
        b.text(". ")
    elif kind == 1:
        b.text("وأفادت ")
        b.span(rng.choice(SOURCES[1:3]), "SOURCE")
        b.text(" ل”")
        b.span(rng.choice(OUTLETS), "SOURCE")
        b.text("” بأن ")
        b.span(rng.choice(ACTORS), "ACTOR")
        b.text(" شنّت غارات على مواقع في مدينة ")
        b.span(rng.choice(PLACES), "LOCATION")
        b.text("، ما أدى إلى مقتل ")
        b.span(str(rng.randint(2, 15)), "COUNT")
        b.text(" مدنيين. ")
    elif kind == 2:
        actor = rng.choice([a for a in ACTORS if a.startswith("ال")])
        b.text("وهاجم مسلحون تابعون ل")  # ل + ال is written لل: the span starts at the second ل
        b.span(actor[1:], "ACTOR")
        b.text(" مواقع بريف ")
        b.span(rng.choice(PLACES), "LOCATION")
        b.text(" الشرقي، وفق ")
        b.span(rng.choice(SOURCES), "SOURCE")
        b.text(". ")
    elif kind == 3:
        b.text("واستأنف تنظيم “")
        b.span(rng.choice(ACTORS_QUOTED), "ACTOR")
        b.text("” هجماته ضد ")
        b.span(rng.choice(ACTORS), "ACTOR")
        b.text(" و")
        b.span(rng.choice(ACTORS), "ACTOR")
        b.text(" في ")
        b.span(rng.choice(REGIONS), "LOCATION")
        b.text(". ")
    else:
        b.text("وأسفرت الاشتباكات عن إصابة ")
        b.span(str(rng.randint(2, 60)), "COUNT")
        b.text(f" {rng.choice(VICTIMS)} على أطراف ")
        b.span(rng.choice(PLACES), "LOCATION")
        b.text(" بحسب ")
        b.span(rng.choice(SOURCES), "SOURCE")
        b.text(".\n")


def generate_records(n: int, seed: int = 0, size_bytes: int = 1500, spans_per_article: int = 5) -> Iterator[tuple[str, list[Any], dict[str, Any]]]:
    """``n`` synthetic annotated articles of about ``size_bytes`` UTF-8 bytes.

    Sentences with entities come first until the article has ``spans_per_article`` spans
    (a sentence brings 3–5, so 5–8 in all), then entity-free filler up to the size. Every
    mention is annotated, as in real gold data, so the corpus is also fit for training.
    Records are ``(text, [Span...], {"id": i})``, the export's input shape.
    """
    from annotator.core.domain import Span

    rng = random.Random(seed)
    for i in range(n):
        b = _Builder()
        b.text(f"{rng.choice(PLACES)}: تصعيد جديد\n\n")
        while len(b.spans) < spans_per_article:
            _sentence(b, rng)
        while b.size < size_bytes:
            b.text(rng.choice(FILLER) + rng.choice([" ", " ", "\n"]))
        text = "".join(b.parts).rstrip()
        yield text, [Span(s, e, label) for s, e, label in b.spans], {"id": i}


def main(argv: list[str]) -> int:
    from annotator.core.formats.docbin import write as write_docbin
    from annotator.core.tokenizer import make_nlp

    n = int(argv[1]) if len(argv) > 1 else 100_000
    make_nlp()  # load spaCy outside the timed part
    # Generated up front so that only the export is timed (~0.3 GB for 100,000 articles);
    # write_docbin itself consumes the iterator as a stream.
    records = list(generate_records(n))
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        c0 = time.process_time()
        report = write_docbin(iter(records), Path(tmp) / "corpus")
        wall = time.perf_counter() - t0
        cpu = time.process_time() - c0
        size = sum(p.stat().st_size for p in report.paths)
    from common import Result, peak_rss_mb

    rate = n / wall
    Result(
        name=f"DocBin export, {n:,} articles × {report.spans / max(n, 1):.1f} spans",
        value=rate,
        unit="articles/s",
        target=f">= {TARGET_PER_S:,.0f}/s",
        ok=rate >= TARGET_PER_S,
        note=(
            f"{wall:.1f} s (cpu {cpu:.1f} s), split {report.spans_split}, misaligned "
            f"{report.spans_misaligned}, {size / 1e6:.1f} MB, peak RSS {peak_rss_mb():.0f} MB"
        ),
    ).emit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
