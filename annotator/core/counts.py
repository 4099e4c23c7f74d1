"""Reading a COUNT span: how many people, and what happened to them.

The attributes of a COUNT span have one shape (all keys optional except ``value``)::

    {"value": 34}                                          # exact: «34», «أربعة وثلاثين», «قتيلين» (2)
    {"value": 30, "approx": True}                          # about: «نحو 30», «حوالي ثلاثين»
    {"value": None, "min": 40, "max": 50}                  # explicit range: «40-50», «بين 40 و50»
    {"value": None, "min": 10, "max": 99, "approx": True}  # vague: «العشرات», «عشرات»
    {"value": None, "min": 51, "max": None, "approx": True}  # bound: «أكثر من 50»

:func:`count_attributes` (what the store and the GUI call) adds ``"category"``: one of
``killed``, ``wounded``, ``captured``, ``displaced``, ``other``.

All matching is on :func:`annotator.core.text.fold`-ed text, so hamza/alef, ta marbuta,
alef maksura, diacritics, tatweel and the three digit sets need no special cases here.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from annotator.core.text import fold

__all__ = ["parse_count", "count_category", "count_attributes", "CATEGORIES", "number_word_value"]

CATEGORIES = ("killed", "wounded", "captured", "displaced", "other")

# --------------------------------------------------------------------------------------
# Lexicon (written in ordinary spelling, folded once on first use)
# --------------------------------------------------------------------------------------
_UNITS_SRC = {
    1: "واحد واحدة أحد إحدى",
    2: "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي إثنان إثنين",
    3: "ثلاث ثلاثة",
    4: "أربع أربعة",
    5: "خمس خمسة",
    6: "ست ستة",
    7: "سبع سبعة",
    8: "ثمان ثماني ثمانية",
    9: "تسع تسعة",
}
_TEN_SRC = "عشر عشرة"
_TENS_SRC = {
    20: "عشرون عشرين",
    30: "ثلاثون ثلاثين",
    40: "أربعون أربعين",
    50: "خمسون خمسين",
    60: "ستون ستين",
    70: "سبعون سبعين",
    80: "ثمانون ثمانين",
    90: "تسعون تسعين",
}
_HUNDREDS_SRC = {
    100: "مئة مائة",
    200: "مئتان مئتين مائتان مائتين مئتا مائتا",
    300: "ثلاثمئة ثلاثمائة",
    400: "أربعمئة أربعمائة",
    500: "خمسمئة خمسمائة",
    600: "ستمئة ستمائة",
    700: "سبعمئة سبعمائة",
    800: "ثمانمئة ثمانمائة ثمانيمئة ثمانيمائة",
    900: "تسعمئة تسعمائة",
}
_THOUSAND_SRC = {1000: "ألف", 2000: "ألفان ألفين ألفا"}
_THOUSANDS_PLURAL_SRC = "آلاف ألوف"
_MILLION_SRC = {1_000_000: "مليون", 2_000_000: "مليونان مليونين"}
_MILLIONS_PLURAL_SRC = "ملايين"

# Vague quantities: word → (min, max). «عشرات الآلاف» is handled as a sequence.
_VAGUE_SRC = {
    "عشرات": (10, 99),
    "مئات": (100, 999),
    "مئات_": (100, 999),
    "آلاف": (1000, 9999),
    "ألوف": (1000, 9999),
    "بضعة": (3, 9),
    "بضع": (3, 9),
    "عدة": (3, 10),
}
_VAGUE_EXTRA_SPELLINGS = {"مئات": ("مئات", "مآت", "ميات")}

# Singular nouns whose dual (-ان / -ين) is unambiguous: their plural is not the sound -ين
# plural, so «قتيلين» is two killed, while «مدنيين» (plural) is not two.
_DUAL_STEMS_SRC = (
    "قتيل جريح عنصر جندي شخص طفل رجل شاب ضابط أسير شهيد امرأت سيدت فتات طفلت "
    "شقيق مقاتل_ صحفي_ مسلح_"
).split()

# Qualifiers before a number.
_MORE_THAN_SRC = ("أكثر من", "أزيد من", "ما يزيد عن", "ما يزيد على", "يزيد عن", "يزيد على", "ما يربو على", "يربو على", "فوق")
_LESS_THAN_SRC = ("أقل من", "ما دون", "دون")
_AT_LEAST_SRC = ("ما لا يقل عن", "لا يقل عن", "ما لا يقل عن", "على الأقل")
_ABOUT_SRC = ("نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب", "يقارب", "ما يقرب من", "يقرب من", "تقريبا", "تقريباً", "قرابه")

# Category cue words. «event» words (مقتل، إصابة…) govern a count that *follows* them;
# the others (nouns for people, verbs) may stand on either side of the number.
_CUES_SRC: dict[str, dict[str, str]] = {
    "killed": {
        "event": "مقتل قتل مصرع استشهاد إعدام اغتيال تصفية وفاة",
        "other": (
            "قتلى قتيل قتيلا قتيلاً قتيلان قتيلين قتلوا قتلت قتلتهم يقتل قتلهم لقي لقوا حتفهم حتفه "
            "شهيد شهداء شهيدا استشهد استشهدوا قضوا قضى جثث جثة جثامين أعدم أعدمت أعدموا "
            "مصرعهم مصرعه توفي توفوا ماتوا ضحايا ضحية القتلى الضحايا اغتيل"
        ),
    },
    "wounded": {
        "event": "إصابة إصابات جرح",
        "other": (
            "جرحى جريح جريحا جريحاً جريحان جريحين جرحوا أصيب أصيبوا أصيبت أصابت مصاب مصابا مصاباً "
            "مصابين مصابون بجروح جروح إصابتهم إصابته المصابين الجرحى"
        ),
    },
    "captured": {
        "event": "أسر اعتقال اختطاف خطف احتجاز توقيف القبض",
        "other": (
            "أسرى أسير أسيرا أسيرين اعتقل اعتقلت اعتقلوا معتقل معتقلا معتقلين معتقلون "
            "اختطف اختطفت مختطف مختطفين مخطوفين احتجز احتجزت محتجز محتجزين موقوفين أوقف أسرهم "
            "المعتقلين الأسرى"
        ),
    },
    "displaced": {
        "event": "نزوح تهجير تشريد فرار لجوء",
        "other": (
            "نازح نازحا نازحين نازحون نزح نزحوا هجر هجروا مهجر مهجرين مهجرون لاجئ لاجئا لاجئين "
            "لاجئون فروا فر مشرد مشردين شردوا النازحين اللاجئين المهجرين"
        ),
    },
}

_WORD_RE = re.compile(r"[0-9]+(?:[,٬][0-9]{3})*(?:[.٫][0-9]+)?|[^\W\d_]+")
_CLAUSE_END = frozenset(".!?؟؛;\n")


@lru_cache(maxsize=1)
def _lex() -> dict[str, Any]:
    """All word lists folded to the matching form; built once."""

    def words(s: str) -> list[str]:
        return [fold(w) for w in s.split()]

    number: dict[str, tuple[str, int]] = {}
    for value, ws in _UNITS_SRC.items():
        for w in words(ws):
            number[w] = ("unit", value)
    for w in words(_TEN_SRC):
        number[w] = ("ten", 10)
    for value, ws in _TENS_SRC.items():
        for w in words(ws):
            number[w] = ("tens", value)
    for value, ws in _HUNDREDS_SRC.items():
        for w in words(ws):
            number[w] = ("hundred", value)
    for value, ws in _THOUSAND_SRC.items():
        for w in words(ws):
            number[w] = ("thousand", value)
    for w in words(_THOUSANDS_PLURAL_SRC):
        number[w] = ("thousands", 1000)
    for value, ws in _MILLION_SRC.items():
        for w in words(ws):
            number[w] = ("million", value)
    for w in words(_MILLIONS_PLURAL_SRC):
        number[w] = ("millions", 1_000_000)

    vague: dict[str, tuple[int, int]] = {}
    for key, rng in _VAGUE_SRC.items():
        base = key.rstrip("_")
        for spelling in _VAGUE_EXTRA_SPELLINGS.get(base, (base,)):
            vague[fold(spelling)] = rng

    duals: set[str] = set()
    for stem in _DUAL_STEMS_SRC:
        s = fold(stem.rstrip("_"))
        if stem.endswith("_"):
            # Sound-plural nouns: only the nominative dual -ان is unambiguous (مقاتلان).
            duals.add(s + "ان")
        else:
            duals.update((s + "ان", s + "ين"))
    cues: dict[str, tuple[str, bool]] = {}
    for cat, groups in _CUES_SRC.items():
        for w in words(groups["other"]):
            cues.setdefault(w, (cat, False))
        for w in words(groups["event"]):
            cues[w] = (cat, True)
    return {
        "number": number,
        "vague": vague,
        "duals": frozenset(duals),
        "more": tuple(fold(p) for p in _MORE_THAN_SRC),
        "less": tuple(fold(p) for p in _LESS_THAN_SRC),
        "at_least": tuple(fold(p) for p in _AT_LEAST_SRC),
        "about": tuple(fold(p) for p in _ABOUT_SRC),
        "cues": cues,
    }


def _strip_clitics(word: str, known: dict | frozenset | set) -> str:
    """``word`` without a leading و/ف/ب/ل and/or ال when that makes it a known word."""
    if word in known:
        return word
    for pre in ("وال", "فال", "بال", "وب", "ول", "فب", "ال", "لل", "و", "ف", "ب", "ل"):
        if word.startswith(pre) and len(word) > len(pre) + 1:
            rest = word[len(pre) :]
            if pre == "لل":
                rest = "ال" + rest
            if rest in known:
                return rest
            if rest.startswith("ال") and rest[2:] in known:
                return rest[2:]
    return word


def _to_int(token: str) -> float:
    token = token.replace(",", "").replace("٬", "").replace("٫", ".")
    return float(token) if "." in token else int(token)


def number_word_value(tokens: list[str]) -> tuple[int | None, int]:
    """Value of the number expression at the start of folded ``tokens`` and how many tokens
    it used; ``(None, 0)`` if the first token is no number. Handles digits, words, compounds
    joined by و («ثلاثة وعشرين»), teens («خمسة عشر»), «ثلاث مئة», «3 آلاف»."""
    lex = _lex()
    number = lex["number"]
    total = 0
    current: float = 0
    used = 0
    seen = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if seen and tok == "و" and i + 1 < len(tokens) and tokens[i + 1] in number:
            i += 1  # «ثلاثة و عشرين» written apart
            continue
        if seen and tok.startswith("و") and len(tok) > 1 and (tok[1:] in number or tok[1:2].isdigit()):
            tok = tok[1:]  # «وعشرين», «و50»
        if tok[:1].isdigit():
            if seen and current and not _is_multiplier(tokens, i + 1):
                break  # a second number: «3 4» is not one number
            current += _to_int(tok)
        elif tok in number:
            kind, value = number[tok]
            if kind == "unit":
                if i + 1 < len(tokens) and tokens[i + 1] in number and number[tokens[i + 1]][0] == "ten":
                    current += value + 10  # خمسة عشر
                    i += 1
                else:
                    current += value
            elif kind in ("ten", "tens"):
                current += value
            elif kind == "hundred":
                if value == 100 and 0 < current < 10:
                    current *= 100  # ثلاث مئة
                else:
                    current += value
            elif kind == "thousand":
                if value == 1000 and current:
                    total += int(current * 1000)  # ثلاثة ألف (rare) / 3 ألف
                else:
                    total += value
                current = 0
            elif kind == "thousands":
                if not current:
                    break  # bare «آلاف» is vague, not a number
                total += int(current * 1000)
                current = 0
            elif kind == "million":
                total += int(current * 1_000_000) if (value == 1_000_000 and current) else value
                current = 0
            elif kind == "millions":
                if not current:
                    break
                total += int(current * 1_000_000)
                current = 0
        else:
            break
        seen = True
        i += 1
        used = i
    if not seen:
        return None, 0
    value = total + current
    return int(value), used


def _is_multiplier(tokens: list[str], i: int) -> bool:
    if i >= len(tokens):
        return False
    kind = _lex()["number"].get(tokens[i], ("", 0))[0]
    return kind in ("thousand", "thousands", "million", "millions", "hundred")


def _starts_with_any(text: str, prefixes: tuple[str, ...]) -> bool:
    return any(text == p or text.startswith(p + " ") for p in prefixes)


def parse_count(span_text: str) -> dict[str, Any] | None:
    """The quantity a COUNT span states (see the module docstring for the shape), or None."""
    folded = fold(span_text)
    tokens = _WORD_RE.findall(folded)
    if not tokens:
        return None
    lex = _lex()
    number, vague = lex["number"], lex["vague"]
    # Drop a leading conjunction/preposition glued to the first word: «و17», «بعشرات».
    tokens = [_strip_clitics(t, {**number, **vague}) if not t[:1].isdigit() else t for t in tokens]
    joined = " ".join(tokens)

    # Find the first number expression.
    first = None
    for i, tok in enumerate(tokens):
        if tok[:1].isdigit() or tok in number and number[tok][0] not in ("thousands", "millions"):
            first = i
            break
    if first is not None:
        value, used = number_word_value(tokens[first:])
        if value is not None:
            before = " ".join(tokens[:first])
            after = tokens[first + used :]
            # Ranges: «40-50», «40 إلى 50», «بين 40 و50», «3 أو 4».
            rest = after
            if rest and (rest[0] in ("الي", "حتي", "او") or rest[0] == "و" and "بين" in tokens[:first]):
                second, _ = number_word_value(rest[1:])
                if second is not None and second > value:
                    return {"value": None, "min": value, "max": second, **({"approx": True} if rest[0] == "او" else {})}
            dash = re.search(r"([0-9]+)\s*[-–—]\s*([0-9]+)", folded)
            if dash and int(dash.group(2)) > int(dash.group(1)):
                return {"value": None, "min": int(dash.group(1)), "max": int(dash.group(2))}
            tail = before.split()
            for n in range(min(4, len(tail)), 0, -1):
                q = " ".join(tail[-n:])
                if q in lex["more"]:
                    return {"value": None, "min": value + 1, "max": None, "approx": True}
                if q in lex["at_least"]:
                    return {"value": None, "min": value, "max": None, "approx": True}
                if q in lex["less"]:
                    return {"value": None, "min": None, "max": max(value - 1, 0), "approx": True}
                if q in lex["about"]:
                    return {"value": value, "approx": True}
            after_text = " ".join(after)
            if _starts_with_any(after_text, lex["at_least"]) or _starts_with_any(after_text, lex["about"]):
                return {"value": value, "approx": True} if _starts_with_any(after_text, lex["about"]) else {
                    "value": None, "min": value, "max": None, "approx": True}
            return {"value": value}

    # Vague quantities: «العشرات», «عشرات الآلاف», «مئات».
    for i, tok in enumerate(tokens):
        if tok in vague:
            lo, hi = vague[tok]
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            nxt = _strip_clitics(nxt, vague)
            if nxt in vague and vague[nxt][0] >= 1000 and lo < 1000:
                lo, hi = lo * 1000, (hi + 1) * 1000 - 1  # عشرات الآلاف
            return {"value": None, "min": lo, "max": hi, "approx": True}

    # Duals: «جريحان», «قتيلين», «عنصرين».
    for tok in tokens:
        if _strip_clitics(tok, lex["duals"]) in lex["duals"]:
            return {"value": 2}
    if "عدد" in joined.split():
        return {"value": None, "min": 2, "max": None, "approx": True}
    return None


# --------------------------------------------------------------------------------------
# Category
# --------------------------------------------------------------------------------------
def _is_numberish(word: str) -> bool:
    lex = _lex()
    if word[:1].isdigit():
        return True
    w = _strip_clitics(word, {**lex["number"], **lex["vague"]})
    return w in lex["number"] or w in lex["vague"]


def _cue(word: str) -> tuple[str, bool] | None:
    cues = _lex()["cues"]
    w = _strip_clitics(word, cues)
    return cues.get(w)


def _words_with_stops(segment: str) -> list[str]:
    """Folded words of ``segment``, with ``"|"`` where a clause ends (and at commas)."""
    out: list[str] = []
    for m in re.finditer(r"[0-9]+|[^\W\d_]+|[.!?؟؛;\n،,]", fold(segment)):
        tok = m.group()
        if tok in _CLAUSE_END or tok in "،,":
            out.append("|" if tok in _CLAUSE_END else ",")
        else:
            out.append(tok)
    return out


def count_category(text: str, start: int, end: int, window: int = 5) -> str:
    """killed / wounded / captured / displaced / other, from cue words near ``text[start:end]``.

    Looks at up to ``window`` words on each side (and inside the span), within the clause,
    and stops at another number (it has its own cues). Nearer cues weigh more; an event
    noun (مقتل، إصابة، اعتقال، نزوح) only counts *before* the number, since after it it
    introduces the next count («مقتل 3 وإصابة 5»).
    """
    scores = dict.fromkeys(CATEGORIES, 0.0)
    for word in _words_with_stops(text[start:end]):
        cue = _cue(word) if word not in ("|", ",") else None
        if cue:
            scores[cue[0]] += 3.0
    left = _words_with_stops(text[max(0, start - 40 * window) : start])
    dist = 0
    for word in reversed(left):
        if word == "|":
            break
        if word == ",":
            continue
        dist += 1
        if dist > window:
            break
        if _is_numberish(word):
            break
        cue = _cue(word)
        if cue:
            scores[cue[0]] += 2.0 / dist
    right = _words_with_stops(text[end : end + 40 * (window + 1)])
    dist = 0
    for word in right:
        if word in ("|", ","):
            break
        dist += 1
        if dist > window + 1:
            break
        if _is_numberish(word):
            break
        cue = _cue(word)
        if cue and not cue[1]:
            scores[cue[0]] += (2.5 if dist == 1 else 1.0) / dist
    best = max(CATEGORIES[:-1], key=lambda c: scores[c])
    return best if scores[best] > 0 else "other"


def count_attributes(text: str, start: int, end: int) -> dict[str, Any]:
    """Attributes of a COUNT span ``text[start:end]``: the parsed quantity and its category.

    Always has ``value`` (None when the span states no readable quantity) and ``category``.
    """
    parsed = parse_count(text[start:end]) or {"value": None}
    return {**parsed, "category": count_category(text, start, end)}
