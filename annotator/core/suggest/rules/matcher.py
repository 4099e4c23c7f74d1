"""The rule suggester's spaCy tokenizer and its phrase matcher on lexeme norms (clitics stripped)."""
from __future__ import annotations

import re
from typing import Any

from annotator.core.lang.ar.lexicon import PROCLITICS
from annotator.core.lang.ar.punctuation import (
    BRACKET_BETWEEN_WORDS,
    COMMA_BETWEEN_WORDS,
    DASH_AFTER_WORD,
    DASH_BEFORE_WORD,
    STOP_BETWEEN_WORDS,
    ascii_only_url_match,
)
from annotator.core.suggest.rules.lexicon import _QUOTE_CHARS, RuleLexicon, _spelling_variants, _WordMemo
from annotator.core.suggest.rules.source_bodies import _CIVIC_HEADS
from annotator.core.text import proclitic_length

# A word of Arabic letters (hamza to yeh, tatweel included) and marks only: no affix of the
# rules' tokenizer can split it.
ARABIC_WORD = re.compile("[\u0621-\u065f\u0670]+")
TOKENIZER_CACHE_WORDS = 200_000


class RuleMatcher(RuleLexicon):
    """The tokenizer (``nlp``, a blank Arabic spaCy pipeline) and the ``PhraseMatcher`` on ``NORM``."""

    nlp: Any  # spacy.blank("ar"), made by the suggester
    _construct_duals: frozenset[str]  # «جثتي»: the dual nouns in construct, without «ن»

    def _build_phrases(self, phrase_matcher: Any, groups: dict[str, list[str]]) -> None:
        """The clitic forms of known words (through the lexeme NORM) and the phrase matcher of ``groups``."""
        vocab = self.nlp.vocab
        # ---- clitic forms through the lexeme NORM (filled lazily, see _norm_for) -----
        self._known = set(self._lexicon) | self._people | set(self._numbers) | self._vague
        self._known |= self._duals | self._fatha_duals | self._triggers | self._attribution
        self._known |= self._place_cues | self._action_words | self._plural_heads | self._outlet_heads
        self._known |= self._force_heads | self._unit_heads | self._official_heads | self._accusation
        self._known |= self._org_heads | self._collective_heads | self._place_only_heads
        self._known |= self._rescue_heads | self._broadcaster_heads
        # A dual in construct, «جثتي القتيلين», takes a glued «و» or «ب» like a people noun.
        self._construct_duals = frozenset(d[:-1] for d in self._duals if d.endswith("ين"))
        # Token form → its matching norm, computed on first sight (see _norm_for).
        self._norm_cache: dict[str, str] = _WordMemo(self._norm_for)

        # ---- matchers ------------------------------------------------------------------
        self.phrases = phrase_matcher(vocab, attr="NORM")
        self._inner_ok: set[tuple[str, ...]] = set()
        self._group_of: dict[int, str] = {}
        # A spelling variant of a known word takes clitics like it («والمليشيات»).
        for nm in (nm for names in groups.values() for nm in names):
            first = nm.split(" ", 1)[0]
            if first in self._known:
                self._known.update(v.split(" ", 1)[0] for v in _spelling_variants(nm))
        for key, names in groups.items():
            docs = []
            for name in dict.fromkeys(v for nm in names for v in _spelling_variants(nm)):
                doc = self.nlp.make_doc(name)
                for t in doc:
                    self._norm_for(t.text)
                docs.append(doc)
                inner = tuple(t.text for t in doc[1:])
                if any(t.norm_ != t.text for t in doc[1:]):
                    self._inner_ok.add(inner)
            if docs:
                self.phrases.add(key, docs)
                self._group_of[vocab.strings[key]] = key

    def _tune_tokenizer(self) -> None:
        """Split a clitic glued to a digit or a quote, and a quote between two letters."""
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

        quotes = re.escape(_QUOTE_CHARS)
        defaults = self.nlp.Defaults
        # A dash glued to a word opens or closes an aside: «-بينهم طفلان-».
        prefixes = [f"[{PROCLITICS}]{{1,2}}(?=[0-9{quotes}])", "/", "\u2032+", DASH_BEFORE_WORD, *defaults.prefixes]
        infixes = [
            *defaults.infixes,
            rf"(?<=[^\W\d_])[{quotes}](?=[^\W_])",
            # A closing quote between a word and the punctuation glued after it: «الزاوية".وقال».
            rf"(?<=[^\W\d_])[{quotes}](?=[.،,؛:])",
            # Names touching punctuation: «الفرنسية(أ ف ب)», «سوريا.وقال», «سوريا/العراق».
            BRACKET_BETWEEN_WORDS,
            STOP_BETWEEN_WORDS,
            # A comma or semicolon glued between two words: «حلب،وأضاف».
            COMMA_BETWEEN_WORDS,
            # A number glued to the noun it counts: «13شخصا».
            r"(?<=[0-9])(?=[\u0621-\u064a])",
        ]
        # A full stop ends the sentence whatever precedes it («دير الزور 24.», «والعراق».»);
        # spaCy's own rule only splits it after Latin letters. A dash after a closing bracket
        # ends a dateline («(رويترز)-»), and a slash closes an agency tag («/سانا/»).
        # A double prime closes a quote in some outlets' typesetting («لـ”فرانس 24″»); the
        # normalised text has it as two primes, one quote token (QUOTES lists «′′»), so that
        # the quote rules see «″» as they see «”».
        suffixes = [r"(?<=[^\s.])\.", r"(?<=[)\]])[-–—]+", DASH_AFTER_WORD, "/", "\u2032+", *defaults.suffixes]
        tok = self.nlp.tokenizer
        tok.prefix_search = compile_prefix_regex(prefixes).search
        tok.suffix_search = compile_suffix_regex(suffixes).search
        tok.infix_finditer = compile_infix_regex(infixes).finditer
        # spaCy's URL pattern takes «سوريا.وقال» for a domain name: only ASCII is a URL here.
        if tok.url_match is not None:
            tok.url_match = ascii_only_url_match(tok.url_match)
        # Most words of a text are Arabic letters and marks alone, and every prefix, suffix and
        # infix pattern above needs some other character (punctuation, a digit, a quote) to
        # match. Saying so through ``token_match`` spares spaCy its three regex searches on
        # each word met for the first time (its cache serves only words already seen): a
        # quarter of the rules' time on new text. The tokens are the same (tested).
        tok.token_match = ARABIC_WORD.fullmatch
        # spaCy caches 10,000 split words; a project's vocabulary passes that within a few
        # hundred articles, after which each new word would be split again on every sight.
        tok.max_cache_size = TOKENIZER_CACHE_WORDS
        # A word met for the first time becomes a lexeme, and spaCy computes its 23 lexical
        # attributes in Python (shape, like_num, is_stop…): the rules read NORM alone (the
        # phrase matcher's attribute), so it is the only one computed.
        from spacy.attrs import NORM

        vocab = self.nlp.vocab
        vocab.lex_attr_getters = {NORM: vocab.lex_attr_getters[NORM]}

    def _norm_for(self, form: str) -> str:
        """The matching norm of token ``form``: the bare word when ``form`` is a known word
        with a proclitic that :func:`proclitic_length` strips («بريف» → «ريف», «للتنظيم» →
        «التنظيم»), else ``form``. Cached, and written to the lexeme's ``NORM`` so that the
        matchers see it; computed on first sight of a word, so set-up stays fast."""
        cached = self._norm_cache.get(form)
        if cached is not None:
            return cached
        result = form
        if form[:1] in PROCLITICS and form not in self._known:
            k = proclitic_length(form)
            if k:
                rest = form[k:]
                bare = "ا" + rest if form[k - 1] == "ل" and rest[:1] == "ل" else rest
                if bare in self._known or (bare[:2] == "ال" and bare[2:] in self._duals):  # «بالطفلين»
                    result = bare
                    self.nlp.vocab[form].norm_ = bare
            elif form[0] in "وب" and (form[1:] in self._people or form[1:] in _CIVIC_HEADS or form[1:] in self._construct_duals):
                # «وطفلتان», «وشرطيان»: a people noun's derived dual, which the clitic
                # lexicon does not list, behind «و» or «ب»; so «ومنظمات», «والمنظمات».
                result = form[1:]
                self.nlp.vocab[form].norm_ = result
            elif self._world_stems:
                result = self._world_state_norm(form)
        self._norm_cache[form] = result
        return result

    def _world_state_norm(self, form: str) -> str:
        """The first word of a derived world state or capital after its proclitics («وهايتي»,
        «لبوروندي», «وبكينشاسا» → the name), which the clitic lexicon does not know; else
        ``form``."""
        for k in (1, 2):
            rest = form[k:]
            if rest in self._world_stems and (k == 1 or (form[0] in "وف" and form[1] in "بلك")):
                self.nlp.vocab[form].norm_ = rest
                return rest
        return form
