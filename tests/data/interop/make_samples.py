"""Write the sample files of other annotation tools next to this script:
``python tests/data/interop/make_samples.py``. The files are committed too.

Each file has the shape the tool documents for its export, with Arabic text written for
these tests: emoji (outside the BMP: two UTF-16 units each), ZWJ sequences, a flag
(two regional indicators) and diacritics before the spans, so offsets counted in UTF-16
units or bytes would land on the wrong characters.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# 👨‍👩‍👧 is five code points (three emoji joined by two ZWJ), eight UTF-16 units.
TEXT_A = "قال مُراسِلُنا 👨‍👩‍👧 في حلب إن قوات النظام قصفت بلدة كفرنبل 😀 وقتلت 4 مدنيين."
TEXT_B = "أكّد المرصدُ السوري 🇸🇾 أنّ 12 عنصراً من تنظيم داعش قُتلوا في بادية حمص 💥."
TEXT_C = "نقلت وكالة سانا عن مصدر عسكري أن الجيش استعاد قرية 🏳️‍🌈 جديدة قرب تدمر."


def units(text: str, cp: int) -> int:
    """A code-point offset as Label Studio (JavaScript) counts it: UTF-16 code units."""
    return len(text[:cp].encode("utf-16-le")) // 2


def ls_result(text: str, needle: str, label: str, n: int, *, with_text: bool = True) -> dict[str, Any]:
    start = text.index(needle)
    value: dict[str, Any] = {"start": units(text, start), "end": units(text, start + len(needle)), "labels": [label]}
    if with_text:
        value["text"] = needle
    return {"value": value, "id": f"r{n}", "from_name": "label", "to_name": "text", "type": "labels",
            "origin": "manual"}


def label_studio_export() -> list[dict[str, Any]]:
    """Three tasks: two users and a cancelled annotation on the first, a prediction on the
    second, the third not annotated yet. Labels as a typical Label Studio NER config names them."""
    return [
        {
            "id": 101,
            "data": {"text": TEXT_A, "source": "عنب بلدي"},
            "annotations": [
                {"id": 1, "completed_by": 3, "was_cancelled": False, "ground_truth": False,
                 "created_at": "2024-03-09T21:52:49.513742Z", "updated_at": "2024-03-09T22:16:08.746926Z",
                 "lead_time": 12.5, "task": 101,
                 "result": [ls_result(TEXT_A, "مُراسِلُنا", "PER", 1), ls_result(TEXT_A, "حلب", "LOC", 2),
                            ls_result(TEXT_A, "قوات النظام", "ORG", 3), ls_result(TEXT_A, "كفرنبل", "LOC", 4),
                            ls_result(TEXT_A, "4 مدنيين", "COUNT", 5)]},
                {"id": 2, "completed_by": {"id": 7, "email": "amal@example.org", "first_name": "Amal"},
                 "was_cancelled": False, "task": 101,
                 "result": [ls_result(TEXT_A, "حلب", "LOC", 1, with_text=False),
                            ls_result(TEXT_A, "كفرنبل", "GPE", 2)]},
                {"id": 3, "completed_by": 9, "was_cancelled": True, "task": 101, "result": []},
            ],
            "predictions": [],
        },
        {
            "id": 102,
            "data": {"text": TEXT_B},
            "annotations": [
                {"id": 4, "completed_by": 3, "was_cancelled": False, "task": 102,
                 "result": [ls_result(TEXT_B, "المرصدُ السوري", "ORG", 1), ls_result(TEXT_B, "12 عنصراً", "COUNT", 2),
                            ls_result(TEXT_B, "بادية حمص", "LOC", 3),
                            {"value": {"choices": ["عاجل"]}, "id": "c1", "from_name": "urgency",
                             "to_name": "text", "type": "choices"}]},
            ],
            "predictions": [
                {"id": 11, "model_version": "ner-ar-v2", "score": 0.83, "task": 102,
                 "result": [ls_result(TEXT_B, "تنظيم داعش", "ORG", 1), ls_result(TEXT_B, "حمص", "LOC", 2)]},
            ],
        },
        {"id": 103, "data": {"text": TEXT_C}, "annotations": [], "predictions": []},
    ]


def span(text: str, needle: str, label: str) -> list[Any]:
    start = text.index(needle)
    return [start, start + len(needle), label]


def doccano_lines() -> list[dict[str, Any]]:
    """doccano's sequence-labeling JSONL export; the second record holds a span twice, as
    doccano writes when two users marked the same words."""
    return [
        {"id": 1, "text": TEXT_A, "label": [span(TEXT_A, "قوات النظام", "ORG"), span(TEXT_A, "حلب", "GPE")],
         "Comments": []},
        {"id": 2, "text": TEXT_B, "label": [span(TEXT_B, "تنظيم داعش", "ORG"), span(TEXT_B, "تنظيم داعش", "ORG"),
                                             span(TEXT_B, "بادية حمص", "LOC")], "Comments": []},
    ]


# Token-per-line files. CoNLL-2003 shape: four columns, -DOCSTART- between documents, IOB2.
CONLL_2003 = """-DOCSTART- -X- -X- O

قال VBD B-VP O
مُراسِلُنا NN B-NP O
👨‍👩‍👧 NN I-NP O
في IN B-PP O
حلب NNP B-NP B-LOC
إن IN B-SBAR O
قوات NNS B-NP B-ORG
النظام NN I-NP I-ORG
قصفت VBD B-VP O
. PUNC O O

-DOCSTART- -X- -X- O

أكّد VBD B-VP O
المرصدُ NN B-NP B-ORG
السوري JJ I-NP I-ORG
🇸🇾 NN O O
أنّ IN O O
12 CD B-NP O
عنصراً NN I-NP O
قُتلوا VBD B-VP O
في IN B-PP O
بادية NN B-NP B-LOC
حمص NNP I-NP I-LOC

-DOCSTART- -X- -X- O

نقلت VBD B-VP O
وكالة NN B-NP B-ORG
سانا NNP I-NP I-ORG
عن IN B-PP O
مصدر NN B-NP O
عسكري JJ I-NP O
"""

# ANERcorp shape: token and tag separated by a space, IOB1-ish tags (an entity may start
# with I-), no document boundaries: one sentence after another.
ANERCORP_LIKE = """قال O
مُراسِلُنا O
😀 O
إن O
عبد I-PERS
الله I-PERS
الخطيب I-PERS
وصل O
إلى O
دمشق B-LOC
. O

وأعلنت O
الأمم B-ORG
المتحدة I-ORG
أن O
3 O
قوافل O
دخلت O
إدلب B-LOC
. O
"""

# BILOU (U- for a one-token entity, L- for the last token).
BILOU = """-DOCSTART-	O

قصفت	O
طائرات	B-ORG
روسية	L-ORG
مدينة	O
إدلب	U-LOC
✨	O
وقتلت	O
5	O
مدنيين	O
"""


def files() -> dict[str, bytes]:
    return {
        "label_studio_export.json": json.dumps(label_studio_export(), ensure_ascii=False, indent=2).encode("utf-8"),
        "doccano.jsonl": "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in doccano_lines()).encode("utf-8"),
        "conll2003.conll": CONLL_2003.encode("utf-8"),
        "anercorp_like.txt": ANERCORP_LIKE.encode("utf-8"),
        "bilou.conll": BILOU.encode("utf-8"),
    }


def main(out: Path = HERE) -> int:
    for name, data in files().items():
        (out / name).write_bytes(data)
    print(f"{len(files())} files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
