"""Word-level matching for the project pattern suggester (:mod:`.patterns`): how a normalised
text splits into words and gaps, which forms a word may take as a pattern's first word (behind
a proclitic, the «لل» spelling), the context word before a span, and where a definite word
goes on into a longer noun phrase. Pure functions over normalised text; the evidence and the
matcher's state stay in :mod:`.patterns`.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from itertools import accumulate
from typing import Any

from annotator.core.lang.ar.lexicon import PROCLITIC_SEQUENCES
from annotator.core.text import normalize, proclitic_length

# Words of normalised text (normalisation has removed the marks, so \w is enough).
WORD_RE = re.compile(r"\w+")
SPLIT_RE = re.compile(r"(\w+)")
HAS_DIGIT_RE = re.compile(r"\d")
#: Spellings that normalisation keeps apart but outlets use for the same name, folded for
#: matching only (one character for one, so offsets are unchanged): hamza on a seat or
#: alone («مسؤول», «مسئول»), and Persian/Kurdish letters some sites type for Arabic ones
#: (ی ک ە ۀ ڤ).
LOOSE = (("ؤ", "ء"), ("ئ", "ء"), ("ی", "ي"), ("ک", "ك"), ("ە", "ه"), ("ۀ", "ه"), ("ڤ", "ف"))


def loose(text: str) -> str:
    """``text`` (already normalised) with the spelling variants of :data:`LOOSE` folded
    (a replace per variant present: ``str.translate`` with a mapping is ten times slower
    on Arabic text)."""
    for variant, letter in LOOSE:
        if variant in text:
            text = text.replace(variant, letter)
    return text


#: Longest run of words looked at before a span for its context word.
CONTEXT_WINDOW = 40


#: The label whose spans are counts of people (see :func:`bare_number_word`).
COUNT_LABEL = "COUNT"


def bare_number_word(key: str) -> bool:
    """A one-word count that is only a number («ثلاثة», «العشرات» of «ثلاثة من عناصره»):
    whether it counts people depends on what follows, which the rule grammar reads and a
    string match cannot, so it is not learned («ثلاثة أسابيع» is no count)."""
    if " " in key:
        return False
    from annotator.core.counts import count_lexicon

    lexicon = count_lexicon()
    word = key[2:] if key.startswith("ال") else key
    return any(w in lexicon["number"] or w in lexicon["vague"] for w in (key, word))


class Words:
    """The words of a normalised text with their offsets and the gaps between them, from
    one split done in C: ``parts`` alternates gap, word, gap, … (``SPLIT_RE.split``), and
    ``bounds[2j]``/``bounds[2j + 1]`` are where word ``j`` starts and ends."""

    __slots__ = ("parts", "words", "bounds")

    def __init__(self, text: str):
        self.parts = SPLIT_RE.split(text)
        self.words = self.parts[1::2]
        self.bounds = list(accumulate(map(len, self.parts)))

    def start(self, j: int) -> int:
        return self.bounds[2 * j]

    def end(self, j: int) -> int:
        return self.bounds[2 * j + 1]

    def joined(self, first: int, stop: int) -> bool:
        """Whether words ``first``…``stop - 1`` are one run of a name: only spaces (or a
        hyphen, slash, underscore) between them — no line break, no comma or full stop."""
        parts = self.parts
        return all(GAP_RE.fullmatch(parts[2 * j + 2]) for j in range(first, stop - 1))


def continues_phrase(at: Words, words: list[str], i: int) -> bool:
    """Whether the definite word ``i`` goes on into a longer noun phrase: the next word,
    with nothing but a space between, is a definite adjective agreeing with it (below) and
    no time word. A learned short form is then another thing or a cut name — «القاعدة»
    (al-Qaeda) in «القاعدة العسكرية» (the military base), «الحركة» in «الحركة الوطنية من
    أجل …», «الشرطة» in «الشرطة الإقليمية» — while the longer names annotators marked are
    patterns of their own and are matched first.

    Agreement, read from the endings of normalised words (ة is ه here): a feminine head
    takes a feminine adjective («الحركه الوطنيه»), a sound masculine plural its like
    («المتمردين الحوثيين»), any other head a nisba or a feminine form («الجيش السوري»,
    «الفصائل المسلحه»). A definite object after a verb and its subject does not agree so:
    «تبنت القاعدة الهجوم», «اتهمت الحكومة الحوثيين» keep the learned name."""
    head = words[i]
    if not head.startswith("ال") or i + 1 >= len(words):
        return False
    after = words[i + 1]
    if not after.startswith("ال") or after in phrase_stop_words() or not at.joined(i, i + 2):
        return False
    if head.endswith("ه"):
        return after.endswith("ه")
    if head.endswith(("ين", "ون")):
        return after.endswith(("ين", "ون"))
    return after.endswith(("ي", "ه"))


def first_word_forms(word: str, learned: Mapping[str, Any]) -> list[tuple[str, int]]:
    """``word`` as it may be stored as a pattern's first word, with how many leading
    characters are a clitic outside the span: itself, without its proclitic, and — for the
    «لل» spelling of ل + ال — the ال form (``للمرصد`` → ``المرصد``, span from the second ل).

    The lexicon's rule (:func:`proclitic_length`, its patterns compiled once) decides for
    the words it knows; a learned first word the lexicon does not know is checked directly
    («وسرايا» once «سرايا» is learned). Asking the rule with the learned words added to its
    lexicon would recompile its patterns (a third of a second) after every new name."""
    if word in learned:
        return [(word, 0)]  # a learned word keeps its first letter, as a lexicon word does
    forms = [(word, 0)]
    k = proclitic_length(word) or learned_clitic_length(word, learned)
    if k:
        rest = word[k:]
        forms.append((rest, k))
        if word[k - 1] == "ل" and rest.startswith("ل") and not rest.startswith("ال"):
            # «للمرصد» is ل + «المرصد»; «للواء» is ل + «اللواء» (the article's lam merges).
            forms += [("ا" + rest, k), ("ال" + rest, k)]
    return forms


def lil_name(word: str, learned: Mapping[str, Any]) -> str:
    """The ال form of a span's first word written after the ل of «لل» («لمرصد» of
    «للمرصد» → «المرصد»): «ال» + the word when the word itself is a known stem whose own
    first letter is ل («لواء» of «للواء» → «اللواء») or that form was learned already,
    else «ا» + the word."""
    if "ال" + word in learned or word in clitic_stems():
        return "ال" + word
    return "ا" + word


@cache
def clitic_stems() -> frozenset[str]:
    """The lexicon's stems (:func:`annotator.core.text.clitic_lexicon`), built once."""
    from annotator.core.text import clitic_lexicon

    return clitic_lexicon()


def learned_clitic_length(word: str, learned: Mapping[str, Any]) -> int:
    """The proclitics glued to a learned word (one of و ف ب ل ك, or و/ف then ب/ل/ك), or 0."""
    for sequence in PROCLITIC_SEQUENCES:  # longest first
        if word.startswith(sequence) and len(word) - len(sequence) >= 2 and word[len(sequence):] in learned:
            return len(sequence)
    return 0


#: Labels whose one-word patterns stop where a definite word follows (see
#: :func:`continues_phrase`). Places keep theirs: «القدس المحتلة» is the place
#: «القدس» and a description after it.
NOUN_PHRASE_LABELS = frozenset({"ACTOR", "SOURCE"})


@cache
def phrase_stop_words() -> frozenset[str]:
    """Definite words that end a noun phrase instead of extending it — days, «اليوم»,
    «الماضي» («قالت السلطات الأحد إن …»), and adjectives that only describe a force and stay
    outside its name («الإرهابية», «المسلحة») — from the gazetteer's ``force_stop_words``,
    normalised and folded like the texts the matcher reads."""
    from annotator.core.suggest.base import load_gazetteer

    words = load_gazetteer("actors").get("force_stop_words") or []
    return frozenset(loose(normalize(str(w)).text) for w in words)


#: What may separate the words of one name: spaces, a hyphen, a slash, an underscore.
GAP_RE = re.compile(r"[ \t\u00a0\-/_]+")


def context_word(norm: str, start: int) -> str:
    """What precedes a span starting at ``start`` of normalised text: the letters glued to
    it followed by ``-`` (a clitic: «ب-»), else the previous word, else ``""``."""
    i = start
    while i > 0 and norm[i - 1].isalnum():
        i -= 1
    if i < start:
        return norm[i:start] + "-"
    words = WORD_RE.findall(norm[max(0, start - CONTEXT_WINDOW) : start])
    return words[-1] if words else ""
