"""Reading a COUNT span: how many people, and what happened to them.

The attributes follow the annotation guidelines (§4.2, resources/guidelines)::

    {"value": 34, "approx": False}            # «34 عنصراً», «أربعة وثلاثين», «قتيلين» (2)
    {"value": 50, "approx": True}             # «أكثر من 50», «نحو 50», «ما لا يقل عن 50»
    {"value": [40, 50], "approx": True}       # «بين 40 و50», «40-50», «3 أو 4»
    {"value": [20, 99], "approx": True}       # «عشرات», «العشرات» (orders of magnitude:
                                              #  مئات → [200, 999], آلاف → [2000, 9999])

``value`` is an int or a ``[low, high]`` list; ``approx`` is true with a qualifier, a range
or a vague quantity. :func:`count_attributes` (what the store and the GUI call) adds
``category``: ``killed``, ``wounded``, ``captured``, ``displaced`` or ``other``.

All matching is on :func:`annotator.core.text.fold`-ed text, so hamza/alef, ta marbuta,
alef maksura, diacritics, tatweel and the three digit sets need no special cases here.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from annotator.core.lang.ar.lexicon import ARTICLE, NUMBER_WORDS, PROCLITIC_SEQUENCES, VAGUE_QUANTITIES, dual_construct_forms, dual_forms
from annotator.core.text import fold

__all__ = [
    "parse_count",
    "count_category",
    "count_attributes",
    "count_attributes_from_words",
    "category_from_words",
    "words_for_category",
    "count_lexicon",
    "CATEGORIES",
    "number_word_value",
]

CATEGORIES = ("killed", "wounded", "captured", "displaced", "other")

# --------------------------------------------------------------------------------------
# Lexicon (written in ordinary spelling, folded once on first use)
# --------------------------------------------------------------------------------------
# Number words and vague quantities are language data: annotator/core/lang/ar/lexicon.py.

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
            "مصرعهم مصرعه توفي توفوا ماتوا ضحايا ضحية القتلى الضحايا اغتيل قتلا قتلتا قتلن قضيا"
        ),
    },
    "wounded": {
        "event": "إصابة إصابات جرح",
        "other": (
            "جرحى جريح جريحا جريحاً جريحان جريحين جرحوا أصيب أصيبوا أصيبت أصابت مصاب مصابا مصاباً "
            "مصابين مصابون بجروح جروح إصابتهم إصابته المصابين الجرحى أصيبا أصبن جرحا"
        ),
    },
    "captured": {
        "event": "أسر اعتقال اختطاف خطف احتجاز توقيف القبض",
        "other": (
            "أسرى أسير أسيرا أسيرين اعتقل اعتقلت اعتقلوا معتقل معتقلا معتقلين معتقلون "
            "اختطف اختطفت مختطف مختطفين مخطوفين احتجز احتجزت محتجز محتجزين موقوفين أوقف أسرهم "
            "المعتقلين الأسرى سجون سجن السجون مجهولي مختفين مغيبين اعتقلا اختطفا أسرا اعتقلن"
        ),
    },
    "displaced": {
        "event": "نزوح تهجير تشريد فرار لجوء",
        "other": (
            "نازح نازحا نازحين نازحون نزح نزحوا نزحت نزحن فرت هجرت هجر هجروا مهجر مهجرين مهجرون لاجئ لاجئا لاجئين "
            "لاجئون فروا فر مشرد مشردين شردوا النازحين اللاجئين المهجرين"
        ),
    },
}

def count_lexicon() -> dict[str, Any]:
    """The folded word lists behind the parser: ``number`` (word → (kind, value)), ``vague``
    (word → (low, high)), ``duals`` and ``fatha_duals``. Shared with the rule suggester."""
    return _lex()


def _dual_words() -> tuple[frozenset[str], frozenset[str]]:
    """Dual forms from resources/gazetteers/counts.yaml: sure duals, and «-ين» forms that
    are duals only when written with a fatha before the ي («آخرَين»)."""
    try:
        from annotator.core.suggest.base import load_gazetteer

        data = load_gazetteer("counts")
    except Exception:  # noqa: BLE001 - parsing still works, without duals
        data = {}
    sure: set[str] = set()
    fatha: set[str] = set()
    for noun in data.get("dual_nouns") or ():
        sure.update(fold(form) for form in dual_forms(noun) + dual_construct_forms(noun))
    for noun in data.get("dual_nouns_an_only") or ():
        an, ayn = dual_forms(noun)
        sure.add(fold(an))
        fatha.add(fold(ayn))
    return frozenset(sure), frozenset(fatha)


_WORD_RE = re.compile(r"[0-9]+(?:[,٬][0-9]{3})*(?:[.٫][0-9]+)?|[^\W\d_]+")
_CLAUSE_END = frozenset(".!?؟؛;\n")


@lru_cache(maxsize=1)
def _lex() -> dict[str, Any]:
    """All word lists folded to the matching form; built once."""

    def words(s: str) -> list[str]:
        return [fold(w) for w in s.split()]

    number: dict[str, tuple[str, int]] = {}
    for kind, spellings in NUMBER_WORDS.items():
        for value, ws in spellings.items():
            for w in words(ws):
                number[w] = (kind, value)
    vague = {fold(w): rng for w, rng in VAGUE_QUANTITIES.items()}

    duals, fatha_duals = _dual_words()
    cues: dict[str, tuple[str, bool]] = {}
    for cat, groups in _CUES_SRC.items():
        for w in words(groups["other"]):
            cues.setdefault(w, (cat, False))
        for w in words(groups["event"]):
            cues[w] = (cat, True)
    return {
        "number": number,
        "vague": vague,
        "number_or_vague": {**number, **vague},
        "duals": duals,
        "fatha_duals": fatha_duals,
        "more": tuple(fold(p) for p in _MORE_THAN_SRC),
        "less": tuple(fold(p) for p in _LESS_THAN_SRC),
        "at_least": tuple(fold(p) for p in _AT_LEAST_SRC),
        "about": tuple(fold(p) for p in _ABOUT_SRC),
        "cues": cues,
    }


# Proclitic sequences then the article, longest first: «وال», «بال», «وب», «ال», «لل», «و»…
_CLITIC_PREFIXES = tuple(
    sorted({seq + ARTICLE for seq in PROCLITIC_SEQUENCES if len(seq) == 1 and seq != "ل"}
           | set(PROCLITIC_SEQUENCES) | {ARTICLE, "لل"}, key=lambda p: (-len(p), p))
)


def _strip_clitics(word: str, known: dict | frozenset | set) -> str:
    """``word`` without a leading proclitic and/or ال when that makes it a known word (folded
    words; the proclitics are the lexicon's, ل + ال is «لل»)."""
    if word in known:
        return word
    for pre in _CLITIC_PREFIXES:
        if word.startswith(pre) and len(word) > len(pre) + 1:
            rest = word[len(pre) :]
            if pre == "لل":
                rest = ARTICLE + rest
            if rest in known:
                return rest
            if rest.startswith(ARTICLE) and rest[2:] in known:
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
        if seen and tok == "و" and i + 1 < len(tokens) and (
            tokens[i + 1] in number or (tokens[i + 1][:1].isdigit() and total and not current)
        ):
            i += 1  # «ثلاثة و عشرين» written apart; «42 ألفاً و 519» after a thousand
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
    """Is ``text`` one of ``prefixes``, or does it start with one and a space?"""
    whole, spaced = _prefix_forms(prefixes)
    return text in whole or text.startswith(spaced)


@lru_cache(maxsize=16)
def _prefix_forms(prefixes: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """``prefixes`` as a set, and each with a space after it (one ``str.startswith``)."""
    return frozenset(prefixes), tuple(p + " " for p in prefixes)


def _exact(value: int, approx: bool = False) -> dict[str, Any]:
    return {"value": value, "approx": approx}


_DASH_RANGE_RE = re.compile(r"([0-9]+)\s*[-–—]\s*([0-9]+)")


@lru_cache(maxsize=8192)
def _number_stem(word: str) -> str:
    """``word`` without the clitics that hide a number or a vague quantity («بعشرات»);
    cached: the words of count spans repeat from article to article."""
    return _strip_clitics(word, _lex()["number_or_vague"])


@lru_cache(maxsize=1)
def _qualifier_phrases() -> frozenset[str]:
    """Every qualifier before a number (more than, at least, less than, about), folded."""
    lex = _lex()
    return frozenset(lex["more"] + lex["at_least"] + lex["less"] + lex["about"])


#: Fractions of a large number inside a count: «نصف مليون», «مليون ونصف المليون».
_FRACTIONS = {"نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3}


def parse_count(span_text: str) -> dict[str, Any] | None:
    """The quantity a COUNT span states, ``{"value": int | [low, high], "approx": bool}``,
    or None when it states none (see the module docstring)."""
    folded = fold(span_text)
    tokens = _WORD_RE.findall(folded)
    if not tokens:
        return None
    lex = _lex()
    number, vague = lex["number"], lex["vague"]
    # Drop a conjunction/preposition glued to a word: «و17» is split by the regex, «بعشرات».
    tokens = [t if t[:1].isdigit() else _number_stem(t) for t in tokens]

    first = None
    for i, tok in enumerate(tokens):
        if tok[:1].isdigit() or tok in number and number[tok][0] not in ("thousands", "millions"):
            first = i
            break
    if first is not None:
        value, used = number_word_value(tokens[first:])
        if value is not None:
            before = [t for t in tokens[:first] if t != "ال"]  # «قرابة الـ100»: the article is no word
            after = tokens[first + used :]
            if before and before[-1] in _FRACTIONS:  # «نصف مليون» → 500000
                value = round(value * _FRACTIONS[before.pop()])
            elif len(after) > 1 and after[0].removeprefix("و") in _FRACTIONS and after[1].removeprefix("ال") == tokens[first + used - 1]:
                value += round(value * _FRACTIONS[after[0].removeprefix("و")])  # «مليون ونصف المليون»
                after = after[2:]
            # Ranges: «40-50», «40 إلى 50», «بين 40 و50», «3 أو 4».
            if after and (after[0] in ("الي", "حتي", "او") or after[0] == "و" and "بين" in before):
                second, _ = number_word_value(after[1:])
                if second is not None and second > value:
                    return {"value": [value, second], "approx": True}
            dash = _DASH_RANGE_RE.search(folded)
            if dash and int(dash.group(2)) > int(dash.group(1)):
                return {"value": [int(dash.group(1)), int(dash.group(2))], "approx": True}
            for n in range(min(4, len(before)), 0, -1):
                q = " ".join(before[-n:])
                if q in _qualifier_phrases():
                    return _exact(value, True)
            after_text = " ".join(after)
            if _starts_with_any(after_text, lex["at_least"]) or _starts_with_any(after_text, lex["about"]):
                return _exact(value, True)
            return _exact(value)

    # Vague quantities: «العشرات», «عشرات الآلاف», «مئات».
    for i, tok in enumerate(tokens):
        if tok in vague:
            lo, hi = vague[tok]
            nxt = _strip_clitics(tokens[i + 1], vague) if i + 1 < len(tokens) else ""
            if nxt in vague and vague[nxt][0] >= 1000 and lo < 1000:
                lo, hi = lo * 1000, (hi + 1) * 1000 - 1  # عشرات الآلاف → [20000, 99999]
            return {"value": [lo, hi], "approx": True}

    # Duals: «جريحان», «قتيلين», «عنصرين»; «آخرَين» only with its fatha.
    for tok in tokens:
        if _strip_clitics(tok, lex["duals"]) in lex["duals"]:
            return _exact(2)
        if _strip_clitics(tok, lex["fatha_duals"]) in lex["fatha_duals"] and "\u064eين" in span_text.replace("\u0651", ""):
            return _exact(2)
        # «عنصريه» (his two members, which the lists leave out as it folds like «عنصرية»),
        # «مدنيتان» (the feminine of «مدنيان»): duals the rules take only in context.
        if (tok.endswith("يه") and tok[:-1] + "ن" in lex["duals"]) or (tok.endswith("يتان") and tok[:-3] + "ان" in lex["duals"]):
            return _exact(2)
    return None


# --------------------------------------------------------------------------------------
# Category
# --------------------------------------------------------------------------------------
@lru_cache(maxsize=8192)
@lru_cache(maxsize=65_536)  # asked for every word around each count; the words of news repeat
def _is_numberish(word: str) -> bool:
    lex = _lex()
    if word[:1].isdigit():
        return True
    w = _strip_clitics(word, lex["number_or_vague"])
    return w in lex["number"] or w in lex["vague"]


@lru_cache(maxsize=65_536)  # a new article's words would evict a smaller memo before they repeat
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


_SUBSET_WORDS = frozenset(("بينهم", "بينهن", "منهم", "منهن", "بينها", "منها"))


def count_category(text: str, start: int, end: int, window: int = 5) -> str:
    """killed / wounded / captured / displaced / other, from cue words near ``text[start:end]``.

    Looks at up to ``window`` words on each side (and inside the span), within the sentence,
    and stops at another number, which has cues of its own. Nearer cues weigh more. An event
    noun (مقتل، إصابة، اعتقال، نزوح) only counts *before* the number; a word after it with a
    glued و/ف («وأصيب») opens the next clause and ends the right-hand look. A subset
    («…، بينهم 47 طفلاً») or a coordinated count («مقتل ثلاثة … واثنين من…») shares the
    category of the count before it, so the look goes on past that number.
    """
    return category_from_words(
        [w for w in _words_with_stops(text[start:end]) if w not in ("|", ",")],
        _words_with_stops(text[max(0, start - 40 * window) : start]),
        _words_with_stops(text[end : end + 25 * (window + 1)]),
        glued_and=start > 0 and text[start - 1] == "و",
        window=window,
    )


def _category_word(tok: str) -> str:
    """What :func:`category_from_words` reads for token ``tok``: the word, ``"|"`` for a
    sentence end or line break, ``","`` for a comma, ``""`` for nothing."""
    if not tok:
        return ""
    if "\n" in tok or tok in _CLAUSE_END:
        return "|"
    if tok in ("،", ","):
        return ","
    return tok if tok[:1].isalnum() else ""


#: token → :func:`_category_word`: the suggester asks for some sixty tokens around each
#: count, and the words of news repeat. Emptied when it grows past the limit.
_CATEGORY_WORDS: dict[str, str] = {}
_CATEGORY_WORDS_LIMIT = 200_000


def words_for_category(tokens: list[str]) -> list[str]:
    """Folded tokens (e.g. a suggester's) → the word list :func:`category_from_words` reads:
    words kept, ``"|"`` for a sentence end or line break, ``","`` for a comma."""
    known = _CATEGORY_WORDS
    try:
        return [w for w in map(known.__getitem__, tokens) if w]
    except KeyError:
        if len(known) > _CATEGORY_WORDS_LIMIT:
            known.clear()
        for tok in tokens:
            if tok not in known:
                known[tok] = _category_word(tok)
        return [w for w in map(known.__getitem__, tokens) if w]


def category_from_words(
    span_words: list[str], left: list[str], right: list[str], *, glued_and: bool = False, window: int = 5
) -> str:
    """The category from folded words inside, before and after a count (see
    :func:`count_category`); ``left``/``right`` may hold ``"|"`` and ``","`` marks."""
    scores = dict.fromkeys(CATEGORIES, 0.0)
    for word in span_words:
        cue = _cue(word)
        if cue:
            scores[cue[0]] += 3.0
    span_has_noun = any(not _is_numberish(w) for w in span_words)
    # A count joined to the previous one by a glued و («واثنين») shares its category.
    passes = 1 if glued_and else 0
    budget = 2 * window if passes else window
    dist = 0
    for word in reversed(left):
        if word == "|":
            break
        if word == ",":
            continue
        dist += 1
        if dist > budget:
            break
        if word in _SUBSET_WORDS:
            passes = 1
            budget = dist + 3 * window
            continue
        if _is_numberish(word):
            if passes:
                passes -= 1
                continue
            break
        cue = _cue(word)
        if cue:
            scores[cue[0]] += 2.0 / dist
    dist = 0
    for word in right:
        if word in ("|", ","):
            break
        dist += 1
        if dist > window + 1 or _is_numberish(word):
            break
        cue = _cue(word)
        if cue and word[:1] in "وف" and word not in _lex()["cues"]:
            break  # «… وأصيب آخرون»: the next clause
        if cue and not cue[1]:
            boost = 2.5 if dist == 1 and not span_has_noun else 1.0
            scores[cue[0]] += boost / dist
    best = max(CATEGORIES[:-1], key=lambda c: scores[c])
    return best if scores[best] > 0 else "other"


def count_attributes(text: str, start: int, end: int) -> dict[str, Any]:
    """Attributes of a COUNT span ``text[start:end]``: the parsed quantity and its category.

    Always has ``value`` (None when the span states no readable quantity), ``approx`` and
    ``category``.
    """
    parsed = parse_count(text[start:end]) or {"value": None, "approx": True}
    return {**parsed, "category": count_category(text, start, end)}


def count_attributes_from_words(
    span_text: str, span_words: list[str], left: list[str], right: list[str], glued_and: bool
) -> dict[str, Any]:
    """:func:`count_attributes` for a caller that has the folded words around the span
    already (the rule suggester): same result, without re-reading the text."""
    value, approx = _parsed_count(span_text)
    return {"value": list(value) if isinstance(value, tuple) else value, "approx": approx,
            "category": category_from_words(span_words, left, right, glued_and=glued_and)}


@lru_cache(maxsize=20_000)
def _parsed_count(span_text: str) -> tuple[int | tuple[int, int] | None, bool]:
    """:func:`parse_count` as ``(value, approx)``, memoised for the rule suggester: count
    phrases repeat from article to article («3 مدنيين», «العشرات»). A range comes back as a
    tuple, so no caller can change the memo through the list it is given."""
    parsed = parse_count(span_text) or {"value": None, "approx": True}
    value = parsed["value"]
    return (tuple(value) if isinstance(value, list) else value), bool(parsed["approx"])
