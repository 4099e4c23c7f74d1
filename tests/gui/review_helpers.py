"""The review tests' project (``from review_helpers import ...``): three annotators whose
agreements and conflicts are known by construction (see :func:`build_review_project`).
The ``review_project`` and ``open_review`` fixtures in conftest.py use it."""
from __future__ import annotations

from pathlib import Path

from gui_helpers import project_with_articles

from annotator.core.store import Project

REVIEWER = "rev"
AMAL, BADR, CHADI = "amal", "badr", "chadi"  # shown as annotators 1, 2, 3 (sorted)

# Written for these tests in the style of the genre (not copied from any outlet).
ART_MIXED = (
    "دير الزور: اشتباكات في البادية\n"
    "\n"
    "قالت مصادر محلية إن قوات النظام اشتبكت مع عناصر التنظيم قرب مدينة الميادين، "
    "ما أدى إلى مقتل 5 عناصر.\n"
    "\n"
    "وأفاد المرصد السوري لحقوق الإنسان بأن الطيران الروسي قصف مواقع في ريف دير الزور."
)
ART_AGREED = "حلب: قصف على الأحياء الشرقية\n\nقصفت قوات النظام أحياء في مدينة حلب."
ART_DISAGREED = "إدلب: غارات جوية\n\nشنت طائرات التحالف غارات على ريف إدلب الجنوبي."
ART_UNFINISHED = "درعا: توتر أمني\n\nانتشرت دوريات للشرطة العسكرية في مدينة درعا."


def at(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def mixed_spans() -> dict[str, list[tuple[str, int, str]]]:
    """Per annotator: (needle, occurrence, label) on ART_MIXED.

    * all three: «مصادر محلية» SOURCE, «قوات النظام» ACTOR, «5 عناصر» COUNT, «الطيران الروسي» ACTOR
    * amal + badr: «التنظيم» ACTOR (chadi nothing)
    * amal + chadi «الميادين» LOCATION, badr «مدينة الميادين» LOCATION
    * amal + chadi «المرصد السوري لحقوق الإنسان» SOURCE, badr the same text as ACTOR
    * chadi only: «ريف دير الزور» LOCATION
    """
    common = [("مصادر محلية", 0, "SOURCE"), ("قوات النظام", 0, "ACTOR"), ("5 عناصر", 0, "COUNT"),
              ("الطيران الروسي", 0, "ACTOR")]
    observatory = "المرصد السوري لحقوق الإنسان"
    return {
        AMAL: common + [("التنظيم", 0, "ACTOR"), ("الميادين", 0, "LOCATION"), (observatory, 0, "SOURCE")],
        BADR: common + [("التنظيم", 0, "ACTOR"), ("مدينة الميادين", 0, "LOCATION"), (observatory, 0, "ACTOR")],
        CHADI: common + [("الميادين", 0, "LOCATION"), (observatory, 0, "SOURCE"), ("ريف دير الزور", 0, "LOCATION")],
    }


def build_review_project(path: Path) -> dict[str, int]:
    ids = project_with_articles(
        path, [ART_MIXED, ART_AGREED, ART_DISAGREED, ART_UNFINISHED], creator=REVIEWER)
    mixed, agreed, disagreed, unfinished = ids
    with Project.open(path) as p:
        for name in (AMAL, BADR, CHADI):
            p.ensure_annotator(name)
        for name, spans in mixed_spans().items():
            for needle, occ, label in spans:
                p.add_span(mixed, name, *at(ART_MIXED, needle, occ), label)
            p.set_status(mixed, name, "done")
        for name in (AMAL, BADR, CHADI):
            p.add_span(agreed, name, *at(ART_AGREED, "قوات النظام"), "ACTOR")
            p.add_span(agreed, name, *at(ART_AGREED, "حلب", 1), "LOCATION")
            p.set_status(agreed, name, "done")
        p.add_span(disagreed, AMAL, *at(ART_DISAGREED, "طائرات التحالف"), "ACTOR")
        p.add_span(disagreed, BADR, *at(ART_DISAGREED, "ريف إدلب الجنوبي"), "LOCATION")
        p.set_status(disagreed, AMAL, "done")
        p.set_status(disagreed, BADR, "done")
        p.add_span(unfinished, AMAL, *at(ART_UNFINISHED, "لشرطة العسكرية"), "ACTOR")
        p.set_status(unfinished, AMAL, "done")
        p.add_span(unfinished, BADR, *at(ART_UNFINISHED, "درعا", 1), "LOCATION")
        p.set_status(unfinished, BADR, "in_progress")
    return {"mixed": mixed, "agreed": agreed, "disagreed": disagreed, "unfinished": unfinished}
