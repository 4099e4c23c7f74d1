"""Where a proclitic comes off a word: one set of rules for the tokenizer and for snapping.

The rules are regular expressions built from :mod:`annotator.core.lang.ar.lexicon`. The
export tokenizer (:mod:`annotator.core.tokenizer`) hands :attr:`ProcliticRules.prefixes` and
:attr:`ProcliticRules.lam_lam_infix` to spaCy; span snapping
(:func:`annotator.core.text.snap_span`) applies the very same patterns the way spaCy's
tokenizer does (prefixes again and again, then the لل infix once), so the start of a snapped
span is always a token start. A clitic comes off (guidelines):

* before the article ال followed by at least two letters (``والقوات``; not ``والي``);
* before a quote or an opening bracket (``ل”المدن”``) and before a digit (``و17``);
* before a stem of the lexicon that ends the word (``بريف``, ``وداعش``);
* ل + ال is written لل: the span starts at the second ل (``للتنظيم`` → ``ل`` + ``لتنظيم``);
* never from a "not a clitic" word (``والد``, ``وكالة``) nor from a word that is itself a
  stem (``لبنان``, ``بلدة``).

Stems match whatever their spelling variant (أ/ا, ى/ي, ة/ه), with marks after their last
letter (a case ending); marks and a tatweel may follow a clitic. Pure ``re``; no spaCy, no
camel-tools, nothing from the project but the lexicon (the tokenizer may be loaded by path).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from annotator.core.lang.ar.lexicon import (
    CONJUNCTIONS,
    JOINERS,
    LETTER_VARIANTS,
    MARKS,
    NOT_CLITIC_WORDS,
    OPENING_BRACKETS,
    PREPOSITIONS,
    PROCLITICS,
    QUOTES,
    stem_words,
)

__all__ = ["ProcliticRules", "default_rules", "word_alternation", "skeleton", "DIGITS", "WORD_END"]

# Marks, a tatweel or a joiner may follow any letter of a clitic or of the article.
_M = f"[{MARKS}{JOINERS}]*"
#: A letter of any script (``\w`` minus digits and underscore).
_L = r"[^\W\d_]"
#: ASCII, Arabic-Indic and Extended Arabic-Indic digits (regex class body).
DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
#: "Not followed by a letter, a mark or a joiner": the end of a word.
WORD_END = f"(?![^\\W\\d_{DIGITS}]|[{MARKS}{JOINERS}])"

_MARK_RE = re.compile(f"[{MARKS}]")
_CANONICAL = {v: k for k, vs in LETTER_VARIANTS.items() for v in vs}


def skeleton(word: str) -> str:
    """``word`` without marks and with each letter in the form matching folds it to: the
    key under which two spellings of a stem are one («إدلب» and «ادلب» → «ادلب»)."""
    return "".join(_CANONICAL.get(ch, ch) for ch in _MARK_RE.sub("", word)).casefold()


def _letter(ch: str) -> str:
    variants = LETTER_VARIANTS.get(ch)
    if variants:
        return f"[{variants}]"
    if ch.isascii() and ch.isalpha():
        return f"[{ch.lower()}{ch.upper()}]"
    return re.escape(ch)


def word_alternation(words: Iterable[str]) -> str:
    """One regex matching any of ``words`` in any spelling variant (أ/ا, ى/ي, ة/ه), factored
    as a trie so that matching costs one branch per letter, not one per word. Marks inside
    the word are not allowed: with a mark class after every letter the regex is five times
    longer and takes seconds to compile (news rarely vowels a name; a final haraka is fine,
    see :data:`WORD_END` users)."""
    trie: dict[str, dict] = {}
    for word in {skeleton(w) for w in words}:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [_letter(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie) or "(?!)"


#: Entries of a :class:`ProcliticRules` cache before it is emptied (words of news repeat).
_CACHE_LIMIT = 100_000


class ProcliticRules:
    """The proclitic patterns for one stem list (see the module docstring)."""

    def __init__(self, stems: Iterable[str], not_clitic: Iterable[str] = NOT_CLITIC_WORDS) -> None:
        # A one-letter "stem" (a letter of an abbreviation such as «د ب أ») would let a
        # proclitic come off any word ending in that letter: «ولد» → و + ل + «د».
        stems = sorted({sk for sk in map(skeleton, stems) if len(sk) >= 2})
        # A word that is itself a stem keeps its first letter («لبنان», «بلدة»).
        keep_whole = set(not_clitic) | {s for s in stems if s[:1] in PROCLITICS}
        article = f"ا{_M}ل{_M}{_L}{_M}{_L}"  # ال + at least two letters: not «والي», «بالغ»
        openers = re.escape(QUOTES + OPENING_BRACKETS)
        target = f"(?:{article}|[{openers}]|[{DIGITS}]|(?:{word_alternation(stems)}){_M}{WORD_END})"
        not_word = f"(?!(?:{word_alternation(keep_whole)}){_M}{WORD_END})"
        #: Prefix patterns (spaCy anchors each with ``^``), one proclitic letter each; spaCy
        #: applies them again and again, so «وبالقوات» loses و then ب. They only look ahead.
        self.prefixes: list[str] = [
            # One clitic letter (و ف ب ل ك) when the word goes on with at most one more
            # (و/ف then ب/ل/ك) and then a target: والقوات، فبريف، وب”داعش”، بالقوات، بريف.
            # The stem list appears once: a second copy would double the compile time.
            f"{not_word}(?=(?:[{CONJUNCTIONS}]{_M})?(?:[{PREPOSITIONS}]{_M})?{target})[{PROCLITICS}]{_M}",
            # و / ف before لل + word: وللتنظيم → و + للتنظيم (then split by the infix).
            f"[{CONJUNCTIONS}]{_M}(?=ل{_M}ل{_M}{_L}{_M}{_L})",
        ]
        #: ل + article is written لل: للتنظيم → ل + لتنظيم. Not a prefix (the prefixes would
        #: run again on «لتنظيم» and take its ل too): an infix, which runs once, at the start.
        self.lam_lam_infix: str = rf"(?<=\Aل)(?=ل{_M}{_L}{_M}{_L})|(?<=\Aل[{MARKS}])(?=ل{_M}{_L}{_M}{_L})"
        self._prefix_re = re.compile("|".join("^" + p for p in self.prefixes))
        # The infix as a match from the start: the cut is where the infix matches.
        self._lam_lam_re = re.compile(f"ل[{MARKS}]?(?=ل{_M}{_L}{_M}{_L})")
        self._ends: dict[str, int] = {}

    def proclitic_end(self, s: str) -> int:
        """How many leading characters of ``s`` are proclitics (with their marks): the same
        cut the tokenizer makes. ``s`` is the text from the word's start on; what follows
        the word matters (a quote after «ل»).

        Cached by the text up to the first space: no pattern reads past a whitespace
        character (stems hold no space), and one there answers like the end of the text. A
        search through the stem alternations costs 5-12 µs; span snapping asks for the
        same few hundred words again and again."""
        key = s.partition(" ")[0]
        ends = self._ends
        k = ends.get(key)
        if k is None:
            if len(ends) >= _CACHE_LIMIT:
                ends.clear()
            k = ends[key] = self._proclitic_end(key)
        return k

    def _proclitic_end(self, s: str) -> int:
        """:meth:`proclitic_end` without the cache."""
        pos = 0
        while pos < len(s):
            m = self._prefix_re.search(s[pos:])
            if not m or not m.end():
                break
            pos += m.end()
        m = self._lam_lam_re.match(s, pos)
        if m:
            pos = m.end()
        return pos


@lru_cache(maxsize=1)
def default_rules() -> ProcliticRules:
    """The rules for the lexicon's stems (built once, ≈0.1 s)."""
    return ProcliticRules(stem_words())
