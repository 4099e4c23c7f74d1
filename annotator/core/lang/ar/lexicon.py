"""The one Arabic lexicon: every word list the boundary and COUNT rules share.

Span snapping (:func:`annotator.core.text.snap_span`), the export tokenizer
(:mod:`annotator.core.tokenizer`), COUNT parsing (:mod:`annotator.core.counts`) and the rule
suggester all read their proclitics, "not a clitic" words, stems, quotes, brackets and number
words from here, so a span edge the GUI snaps to is always a token edge of the tokenizer. The
layout follows spaCy's ``spacy/lang/ar/`` (``stop_words.py``, ``lex_attrs.py``,
``punctuation.py``): plain data, in ordinary spelling; whoever matches folds it.

This module imports nothing from the project at import time: the tokenizer is also loaded by
path by spaCy's CLI (``--code``), and :mod:`annotator.core.text` imports it. The gazetteers
join the stems lazily (:func:`stem_words`).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = [
    "CONJUNCTIONS",
    "PREPOSITIONS",
    "PROCLITICS",
    "PROCLITIC_SEQUENCES",
    "ARTICLE",
    "NOT_CLITIC_WORDS",
    "BUILTIN_STEMS",
    "QUOTES",
    "BRACKET_PAIRS",
    "OPENING_BRACKETS",
    "CLOSING_BRACKETS",
    "BRACKETS",
    "LETTER_VARIANTS",
    "MARKS",
    "JOINERS",
    "NUMBER_WORDS",
    "VAGUE_QUANTITIES",
    "stem_words",
    "dual_forms",
    "dual_construct_forms",
]

# --------------------------------------------------------------------------------------
# Proclitics (guidelines: they stay outside a span, the article ال stays inside)
# --------------------------------------------------------------------------------------
#: Conjunctions glued to the next word.
CONJUNCTIONS = "وف"
#: Prepositions glued to the next word (ل + ال is written لل).
PREPOSITIONS = "بلك"
#: Single-letter proclitics.
PROCLITICS = CONJUNCTIONS + PREPOSITIONS
#: Every proclitic sequence, longest first: و/ف optionally followed by ب/ل/ك, or ب/ل/ك alone.
PROCLITIC_SEQUENCES: tuple[str, ...] = tuple(c + p for c in CONJUNCTIONS for p in PREPOSITIONS) + tuple(PROCLITICS)
#: The definite article (inside a span).
ARTICLE = "ال"

#: Words whose first letters look like a clitic (+ ال) but belong to the root: never split.
NOT_CLITIC_WORDS: tuple[str, ...] = tuple(
    (
        "والد والدة والده والدي والدها والدهم والدته والدتها والدين والديه والدان "
        "والي والى والاة واليا والت والتر والاس فالح فالنتين بالغ بالغة بالغا بالغاً بالغين "
        "بالغون بالون بالونات بالي وكالة وكالات وكالته وكالتها وكالتهم وكالتي وكالتين وكالاتها "
        "لالا كالوس بالتيمور واللا"
    ).split()
)

#: Stems that commonly carry a proclitic directly (no article) in conflict news. The
#: gazetteers' first words, the number words and ``resources/gazetteers/clitic_stems.txt``
#: join them in :func:`stem_words`.
BUILTIN_STEMS: tuple[str, ...] = tuple(
    (
        "ريف بادية قوات داعش مدينة مدينتي قرية قرى بلدة بلدات محافظة محافظات منطقة مناطق محيط "
        "مواقع حواجز المرصد مرصد تنظيم جيش حزب هيئة جبهة حركة فصائل فصيل ميليشيات ميلشيات "
        "مليشيات كتائب كتيبة لواء عناصر عنصر مقاتلي مقاتلين جنود مصادر مصدر وكالة مخيم حي جبل "
        "سهل وادي ناحية حلب دمشق حمص حماة إدلب درعا دير الرقة تدمر منبج عفرين جرابلس تل عين "
        "كفر روسيا إيران تركيا إسرائيل لبنان سوريا العراق غزة بغداد أمريكا واشنطن موسكو طهران "
        "أنقرة قسد فاغنر مقتل إصابة جرح قتيلين قتيلان جريحين جريحان"
    ).split()
)

# --------------------------------------------------------------------------------------
# Quotes and brackets (outside a span; a clitic may be glued to them: ل”المدن”)
# --------------------------------------------------------------------------------------
# The double prime «″» closes (or opens) a quote in some outlets' typesetting
# («لـ”دارفور24″»). NFKC folds it to two primes, which the rule tokenizer keeps as one
# token: «′′» is listed whole so that a token test (``tok in QUOTES``) takes it too.
QUOTES = "«»“”„‟\"'‘’‚‹›`´″′′"
#: Opening bracket → closing bracket.
BRACKET_PAIRS = {"(": ")", "[": "]", "{": "}"}
OPENING_BRACKETS = "".join(BRACKET_PAIRS)
CLOSING_BRACKETS = "".join(BRACKET_PAIRS.values())
BRACKETS = OPENING_BRACKETS + CLOSING_BRACKETS

# --------------------------------------------------------------------------------------
# Spelling
# --------------------------------------------------------------------------------------
#: Letters that news writes interchangeably, by the form matching folds them to (the same
#: folding as :func:`annotator.core.text.normalize`: alef forms, alef maksura, ta marbuta).
LETTER_VARIANTS = {"ا": "اأإآٱ", "ي": "يى", "ه": "هة"}
#: Arabic combining marks (harakat, Quranic marks, superscript alef) and the tatweel, as a
#: regex class body: they may sit anywhere inside a word («وَالقوات», «لـداعش»).
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
#: Zero-width non-joiner and joiner: invisible, they may sit inside a word («ال\u200cحر»).
JOINERS = "\u200c\u200d"

# --------------------------------------------------------------------------------------
# Number words (COUNT), like spaCy's lex_attrs
# --------------------------------------------------------------------------------------
#: kind → {value: spellings}. Kinds: unit, ten, tens, hundred, thousand, thousands (plural,
#: multiplies), million, millions.
NUMBER_WORDS: dict[str, dict[int, str]] = {
    "unit": {
        1: "واحد واحدة أحد إحدى",
        2: "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي إثنان إثنين",
        3: "ثلاث ثلاثة",
        4: "أربع أربعة",
        5: "خمس خمسة",
        6: "ست ستة",
        7: "سبع سبعة",
        8: "ثمان ثماني ثمانية",
        9: "تسع تسعة",
    },
    "ten": {10: "عشر عشرة"},
    "tens": {
        20: "عشرون عشرين",
        30: "ثلاثون ثلاثين",
        40: "أربعون أربعين",
        50: "خمسون خمسين",
        60: "ستون ستين",
        70: "سبعون سبعين",
        80: "ثمانون ثمانين",
        90: "تسعون تسعين",
    },
    "hundred": {
        100: "مئة مائة",
        200: "مئتان مئتين مائتان مائتين مئتا مائتا مئتي مائتي",  # «مئتي مدني»: the construct oblique
        300: "ثلاثمئة ثلاثمائة",
        400: "أربعمئة أربعمائة",
        500: "خمسمئة خمسمائة",
        600: "ستمئة ستمائة",
        700: "سبعمئة سبعمائة",
        800: "ثمانمئة ثمانمائة ثمانيمئة ثمانيمائة",
        900: "تسعمئة تسعمائة",
    },
    "thousand": {1000: "ألف ألفا", 2000: "ألفان ألفين ألفي"},  # «ألفاً»: accusative after 11-99
    "thousands": {1000: "آلاف ألوف"},
    "million": {1_000_000: "مليون", 2_000_000: "مليونان مليونين مليوني مليونا"},
    "millions": {1_000_000: "ملايين"},
}
#: Vague quantities: spelling → (low, high). «عشرات الآلاف» is read as a sequence.
VAGUE_QUANTITIES: dict[str, tuple[int, int]] = {
    "عشرات": (20, 99),
    "مئات": (200, 999),
    "مآت": (200, 999),
    "آلاف": (2000, 9999),
    "ألوف": (2000, 9999),
    "بضعة": (3, 9),
    "بضع": (3, 9),
    "عدة": (3, 10),
}


def dual_forms(noun: str) -> tuple[str, str]:
    """The dual forms of ``noun``, «-ان» then «-ين» («امرأة» → «امرأتان», «امرأتين»): a final
    ta marbuta (or its folded ه) is written ت before the suffix, a hamza on a line stays."""
    stem = noun[:-1] + "ت" if noun.endswith(("ة", "ه")) else noun
    return (stem + "ان", stem + "ين")


#: Pronoun suffixes a dual in construct takes after losing its ن: «طفلاه», «طفليها». Not
#: «هما» (of the two of them): «جثتيهما» points back to two people counted already.
DUAL_CONSTRUCT_SUFFIXES = ("ه", "ها", "هم")


def dual_construct_forms(noun: str) -> tuple[str, ...]:
    """The dual of ``noun`` in construct with a pronoun («طفل» → «طفلاه», «طفلاها», «طفليها»).
    Not «-يه»/«-ية»: folded, «عنصريه» is also «عنصرية» (racism), a feminine nisba."""
    stem = noun[:-1] + "ت" if noun.endswith(("ة", "ه")) else noun
    return tuple(
        stem + case + suffix
        for case in ("ا", "ي")
        for suffix in DUAL_CONSTRUCT_SUFFIXES
        if not (case == "ي" and suffix == "ه")
    )


def _stem_file_words() -> list[str]:
    """``resources/gazetteers/clitic_stems.txt``: one stem a line, ``#`` comments (optional)."""
    try:
        from annotator.core.paths import resources_dir

        path = resources_dir() / "gazetteers" / "clitic_stems.txt"
    except ImportError:  # loaded by path (spaCy --code) without the package
        path = Path(__file__).resolve().parents[4] / "resources" / "gazetteers" / "clitic_stems.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    words = []
    for line in lines:
        word = line.split("#", 1)[0].strip()
        if word and not any(ch.isspace() for ch in word):
            words.append(word)
    return words


@lru_cache(maxsize=1)
def stem_words() -> tuple[str, ...]:
    """Every word known to take a proclitic directly, in ordinary spelling: the built-in stems,
    ``clitic_stems.txt``, the first word of every gazetteer name, head, cue and count word,
    the number words, vague quantities and dual nouns. Sorted, unique."""
    words: set[str] = set(BUILTIN_STEMS)
    words.update(_stem_file_words())
    for spellings in NUMBER_WORDS.values():
        for text in spellings.values():
            words.update(text.split())
    words.update(VAGUE_QUANTITIES)
    try:
        from annotator.core.suggest.base import gazetteer_first_words, load_gazetteer

        words.update(gazetteer_first_words())
        counts = load_gazetteer("counts")
        for noun in counts.get("dual_nouns") or ():
            words.update(dual_forms(str(noun)))
            words.update(dual_construct_forms(str(noun)))
        for noun in counts.get("dual_nouns_an_only") or ():
            words.update(dual_forms(str(noun)))
    except Exception:  # noqa: BLE001 - a broken gazetteer must not break snapping or tokenizing
        import logging

        logging.getLogger(__name__).warning("gazetteers not loaded into the clitic stems", exc_info=True)
    return tuple(sorted(w for w in words if w and not any(ch.isspace() for ch in w)))
