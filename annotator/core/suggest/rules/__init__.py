"""Rule-based suggester: gazetteers and patterns over normalised text, with spaCy.

How it works, per article:

1. :func:`annotator.core.text.normalize` folds spelling variants (أ/ا، ة/ه، ى/ي, diacritics,
   tatweel, Arabic-Indic digits) and keeps an exact offset map back to the stored text.
2. ``spacy.blank("ar")``'s tokenizer (tokenizer only, ``make_doc``) splits the normalised
   text, with extra rules: a clitic glued to a digit or a quote comes off («و50»,
   «ل”المدن”»); a quote, a bracket or a slash between two letters is its own token
   («الفرنسية(أ ف ب)», «/سانا/»), so is a full stop between Arabic letters («سوريا.وقال»,
   which spaCy's URL rule would otherwise keep whole) and a dash after a bracket («(رويترز)-»).
3. Proclitics are matched through the lexeme ``NORM``: for every word the gazetteers know,
   its clitic forms («بريف», «وللتنظيم») get the bare word as their norm, exactly when
   :func:`annotator.core.text.proclitic_length` would strip that clitic. A
   ``PhraseMatcher`` on ``NORM`` then finds names whatever clitic they carry. A plain token
   pass finds the few pattern shapes (head + unknown name, unnamed sources, outlets): for
   these, spaCy's ``Matcher`` cost more than the rest of the pipeline together.
4. Python glue applies what matchers cannot: heads before names («مدينة», «ريف», «ولاية
   شمال دارفور»), direction adjectives after «ريف X» and facility adjectives after «مطار
   X» («الدولي»), context for ambiguous names and heads, states that act (after or before
   their verb, accused, coordinated, parties to an agreement), and the COUNT grammar
   (qualifier + number + people noun, never a year, distance, duration or count of strikes).
   Generic patterns cover names in no list, so the rules carry beyond the places they were
   written for: a force or institution head with a definite name in construct («قوات
   الدعم السريع», «ميليشيا الحوثي», «وزارة الصحة»), numbered units («اللواء 444 قتال»),
   monitors named «المركز اليمني لحقوق الإنسان», an organisation after an attribution word
   («قالت لجنة أطباء السودان»), officials with an adjective («قال مسؤول أمني»), and an
   alias in parentheses, which takes the label of the name before it («(أوتشا)», «(RSF)»).
5. Each token span is mapped to the stored text with the offset map and passed through
   :func:`annotator.core.text.snap_span`, so every suggestion obeys the boundary rules
   (clitics and quotes outside, «للتنظيم» → «لتنظيم»). COUNT suggestions carry
   :func:`annotator.core.counts.count_attributes`.

Everything is built once per :class:`RuleSuggester`; ``suggest`` only tokenizes and matches.
The gazetteers are YAML files in ``resources/gazetteers/`` (see their headers).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from annotator.core.counts import count_attributes_from_words, count_lexicon, words_for_category
from annotator.core.domain import Suggestion
from annotator.core.errors import SuggesterUnavailable
from annotator.core.suggest.base import Suggester, load_gazetteer, resolve_overlaps
from annotator.core.lang.ar.lexicon import PROCLITICS, QUOTES
from annotator.core.text import clitic_lexicon, fold, normalize, proclitic_length, snap_span

__all__ = ["RuleSuggester", "ORIGIN"]

ORIGIN = "rule"

_QUOTE_CHARS = QUOTES
_CLOSING_QUOTES = frozenset("”»’")
_DIGITS_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*$")

# Scores: a resolved overlap keeps the longer span, then the higher score.
_S_NAME = 1.0
_S_STATE_ACTS = 1.1
_S_PATTERN = 0.8
_S_COUNT = 0.9
_S_UNKNOWN = 0.6

# Candidate label of a sound-plural «-ين» word that is a dual only with a fatha («آخرَين»),
# checked on the stored text since folding drops the fatha.
_COUNT_FATHA = "COUNT?"

# Page furniture that ends the article body (guidelines §1): the «المصدر: …» footer,
# «مقالات ذات صلة» and the related titles, comments, «زر الذهاب إلى الأعلى». Matched on
# normalised text at the start of a line; everything from there on is skipped.
_BOILERPLATE_RE = re.compile(
    r"^[ \t]*(?:المصدر\s*:|مقالات ذات صله|اقرا ايضا|اقرا المزيد|مواضيع ذات صله|اخبار ذات صله|"
    r"تعليق واحد|[0-9]+\s+تعليق|التعليقات|اترك تعليقا|زر الذهاب الي الاعلي)",
    re.M,
)
# Relational adjectives that end an unquoted outlet name: «وكالة هاوار المقربة من…».
_OUTLET_STOP = frozenset(("مقربه", "مواليه", "معارضه", "تابعه", "قريبه", "مدعومه", "مموله", "رسميه"))

# Number words that follow their noun: «مدنيين اثنين», «عنصر واحد».
_AFTER_NOUN_NUMBERS = frozenset(("اثنين", "اثنان", "اثنتين", "اثنتان", "واحد", "واحده"))
# Words after a bare number (or a vague quantity) that show it counts the people of the
# trigger before it: «مقتل 3 في القصف», «أصيب ثلاثة بجروح», «وأصيب العشرات في غارة».
_AFTER_BARE_COUNT = frozenset(("في", "علي", "جراء", "اثر", "خلال", "بينهم", "بجروح", "بجراح"))


@dataclass(frozen=True)
class _Cand:
    start: int  # token index
    end: int  # token index, exclusive
    label: str
    score: float


def _words(items: Iterable[Any]) -> list[str]:
    """Folded, whitespace-normalised strings."""
    out = []
    for item in items or ():
        s = " ".join(fold(str(item)).split())
        if s:
            out.append(s)
    return out


# Spellings that normalisation does not unify but news uses interchangeably (folded forms).
_VARIANT_GROUPS = (("ميليشي", "ميلشي", "مليشي"), ("امريك", "اميرك"), ("ايران", "اران"))


def _spelling_variants(name: str) -> list[str]:
    """``name`` and its common alternative spellings («الميليشيات» / «الميلشيات»)."""
    out = [name]
    for group in _VARIANT_GROUPS:
        for form in group:
            if form in name:
                out.extend(name.replace(form, other) for other in group if other != form)
                break
    return out


def _flat(node: Any) -> list[str]:
    if node is None:
        return []
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [x for v in node.values() for x in _flat(v)]
    return [x for v in node for x in _flat(v)]


class RuleSuggester(Suggester):
    """ACTOR, LOCATION, COUNT and SOURCE suggestions from gazetteers and patterns.

    ``gazetteer_dir`` overrides ``resources/gazetteers`` (tests, other domains);
    ``labels`` restricts the labels proposed (default: all four).
    """

    name = "rules"

    def __init__(self, gazetteer_dir: str | Path | None = None, labels: Iterable[str] | None = None) -> None:
        try:
            from annotator.core.spacy_loader import import_spacy
            spacy = import_spacy()
            from spacy.matcher import PhraseMatcher
        except ImportError as exc:  # pragma: no cover - spaCy is a dependency
            raise SuggesterUnavailable(f"spaCy is not installed: {exc}") from exc

        self.labels = frozenset(labels) if labels is not None else frozenset({"ACTOR", "LOCATION", "COUNT", "SOURCE"})
        gdir = str(gazetteer_dir) if gazetteer_dir is not None else None
        actors = load_gazetteer("actors", gdir)
        places = load_gazetteer("locations", gdir)
        sources = load_gazetteer("sources", gdir)
        counts = load_gazetteer("counts", gdir)

        self.nlp = spacy.blank("ar")
        self._tune_tokenizer()
        vocab = self.nlp.vocab
        self._lexicon = clitic_lexicon()

        # ---- word sets (folded) -------------------------------------------------------
        nat = _words(actors.get("nationalities"))
        air = _words(actors.get("air_heads"))
        actor_names = _words(_flat(actors.get("names")))
        actor_names += [f"{h} {n}" for h in air for n in nat]
        actor_names += [f"{h} {n}" for h in ("الجيش", "القوات") for n in nat]
        actor_names += [f"{h} {n}" for h in _words(actors.get("state_heads")) for n in nat]
        self._state_names = _words(actors.get("context_names"))
        self._action_words = set(_words(actors.get("action_words")))
        # Verbs after a state that make it their subject («إسرائيل تقصف», «إيران نفت»):
        # the feminine forms of the action words (a state is grammatically feminine).
        self._state_verbs_after = {w for w in self._action_words if w[:1] == "ت" or w[:2] == "ست" or w.endswith("ت")}
        self._accusation = set(_words(actors.get("accusation_words")))
        self._backing = set(_words(actors.get("backing_words")))
        self._agreement_words = set(_words(actors.get("agreement_words")))
        self._nationalities = set(nat)
        # Generic «head + name» forces («قوات الدعم السريع», «ميليشيا الحوثي», «وزارة الصحة»).
        self._force_heads = set(_words(actors.get("force_heads")))
        self._force_not_names = set(_words(actors.get("force_not_names")))
        self._force_stops = set(_words(actors.get("force_stop_words")))
        self._force_adjectives = set(_words(actors.get("force_adjectives")))
        self._force_indefinite_not = set(_words(actors.get("force_indefinite_not")))
        # Heads that name a force after a bare place name: «قوات صنعاء», «حكومة طرابلس».
        self._place_force_heads = set(_words(actors.get("place_force_heads")))
        # Heads that make a force or a body only with a place: «شرطة ديالى», «مجلس منبج العسكري».
        self._place_only_heads = set(_words(actors.get("place_only_force_heads")))
        # Indefinite heads in construct with an actor, the air force of that actor: «طيران
        # الاحتلال الإسرائيلي», «مقاتلات التحالف».
        self._air_construct = set(_words(actors.get("air_construct_heads")))
        # A state after «مع»/«ضد» one of these is a party that acts: «اشتباكات مع تركيا».
        self._conflict_nouns = set(_words(actors.get("conflict_nouns")))
        self._short_form_heads = set(_words(actors.get("short_form_heads")))
        # Heads that take a construct chain as a name («قوات حماية الشعب», «وزارة شؤون
        # المرأة»); «جهاز تحديد المواقع» or «فرقة إنقاذ…» are things, not forces.
        self._chain_force_heads = self._force_heads - set(_words("جهاز فرقة قبيلة قبائل عشيرة عشائر".split()))
        # Numbered units («الفرقة 25», «اللواء 444 قتال», «الكتيبة الخامسة»).
        self._unit_heads = set(_words(actors.get("unit_heads")))
        self._unit_ordinals = sorted(
            (tuple(o.split()) for o in _words(actors.get("unit_ordinals")) + _words(actors.get("unit_ordinal_tens"))),
            key=len, reverse=True,
        )
        self._unit_branches = sorted((tuple(b.split()) for b in _words(actors.get("unit_branches"))), key=len, reverse=True)
        adjective_like = _words(actors.get("adjective_like"))

        loc_names = _words(_flat(places.get("names")))
        loc_ctx = _words(places.get("context_names"))
        loc_head_only = _words(places.get("head_only"))
        self._heads = set(_words(places.get("heads")))
        self._strong_heads = set(_words(places.get("strong_heads")))
        self._chain_heads = set(_words(places.get("chain_heads")))
        self._plural_heads = set(_words(places.get("plural_heads")))
        self._name_prefixes = set(_words(places.get("name_prefixes")))
        self._directions = [tuple(d.split()) for d in _words(places.get("direction_adjectives"))]
        self._directions.sort(key=len, reverse=True)
        self._place_cues = set(_words(places.get("place_cues")))
        self._not_names = set(_words(places.get("not_names")))
        self._admin_heads = set(_words(places.get("admin_heads")))
        self._compass = [tuple(c.split()) for c in _words(places.get("compass_nouns"))]
        self._compass.sort(key=len, reverse=True)
        self._cue_heads = set(_words(places.get("cue_heads")))
        self._ambiguous_heads = set(_words(places.get("ambiguous_heads")))
        self._building_heads = set(_words(places.get("building_heads")))
        self._ambiguous_cues = self._place_cues | set(_words(places.get("ambiguous_head_cues")))
        self._facility_heads = set(_words(places.get("facility_heads")))
        self._facility_adj = [tuple(a.split()) for a in _words(places.get("facility_adjectives"))]
        self._facility_adj.sort(key=len, reverse=True)
        # Words after which a place name has ended (and that are never part of one).
        self._name_stops = (
            self._place_cues | {c[0] for c in self._compass} | {d[0] for d in self._directions} | self._OUTLET_END
        )

        src_names = _words(_flat(sources.get("names")))
        src_quoted = set(_words(sources.get("quoted_only")))
        activists = _words(sources.get("activists"))
        self._unnamed_heads = _words(sources.get("unnamed_heads"))
        self._official_heads = set(_words(sources.get("official_heads")))
        self._org_heads = set(_words(sources.get("org_heads")))
        self._org_complements = set(_words(sources.get("org_complements")))
        self._org_tails = set(_words(sources.get("org_complement_tails")))
        self._unnamed_adj = set(_words(sources.get("unnamed_adjectives")))
        # Media taken as a whole («وسائل إعلام», «صحف ومواقع يمنية»): heads and the
        # adjectives that make an ambiguous head («مواقع») a medium.
        self._collective_heads = set(_words(sources.get("media_collective_heads")))
        self._collective_need_media = set(_words(sources.get("media_collective_ambiguous")))
        self._media_adj = set(_words(sources.get("media_adjectives")))
        self._outlet_adjectives = set(_words(sources.get("outlet_adjectives")))
        attribution = _words(sources.get("attribution_words"))
        self._attribution = {a for a in attribution if " " not in a}
        # Words that, a few tokens before «ل“X”», show X is who was talked to.
        self._talked_to = self._attribution | set(self._unnamed_heads)
        self._talked_to |= set(_words("تصريح تصريحات حديث حديثه حديثها لقاء مقابلة".split()))
        self._outlet_heads = set(_words(sources.get("outlet_heads")))

        self._people = self._people_forms(_words(counts.get("people_nouns")))
        clex = count_lexicon()
        self._numbers: dict[str, tuple[str, int]] = clex["number"]
        self._duals: frozenset[str] = clex["duals"]
        self._fatha_duals: frozenset[str] = clex["fatha_duals"]
        self._vague = set(_words(counts.get("vague"))) | set(clex["vague"])
        self._qualifiers = sorted((tuple(q.split()) for q in _words(counts.get("qualifiers"))), key=len, reverse=True)
        self._triggers = set(_words(counts.get("triggers")))
        blockers = _words(counts.get("blockers"))
        self._blockers = {b for b in blockers if " " not in b}
        self._blocker_phrases = [tuple(b.split()) for b in blockers if " " in b]
        self._pre_blockers = set(_words(counts.get("pre_blockers")))
        self._toll_heads = set(_words(counts.get("toll_heads")))
        self._total_heads = set(_words(counts.get("total_heads")))
        self._toll_followers = set(_words(counts.get("toll_followers")))
        self._superlatives = set(_words(counts.get("superlatives")))
        # Injuries counted like people («160 إصابة»), only without a glued clitic: in «مقتل 3
        # وإصابة 5» the word is the trigger of the next count.
        self._injury_nouns = set(_words(counts.get("injury_nouns")))
        # A subset of people already counted: «بينهم ثلاثة في حزب الله».
        self._subset_words = set(_words(counts.get("subset_words")))
        # Casualty words after «عدد»/«إجمالي»: the category cues (killed, wounded…).
        self._casualty_words = set(clex["cues"])
        self._media_tags = set(_words(sources.get("media_tags")))
        self._territory_bodies = set(_words(sources.get("territory_body_heads")))

        # ---- clitic forms through the lexeme NORM (filled lazily, see _norm_for) -----
        self._known = set(self._lexicon) | self._people | set(self._numbers) | self._vague
        self._known |= self._duals | self._fatha_duals | self._triggers | self._attribution
        self._known |= self._place_cues | self._action_words | self._plural_heads | self._outlet_heads
        self._known |= self._force_heads | self._unit_heads | self._official_heads | self._accusation
        self._known |= self._org_heads | self._collective_heads | self._place_only_heads
        self._norm_cache: dict[str, str] = {}

        # ---- matchers ------------------------------------------------------------------
        self.phrases = PhraseMatcher(vocab, attr="NORM")
        self._inner_ok: set[tuple[str, ...]] = set()
        groups = {
            "ACT": actor_names,
            "ACT_ADJ": adjective_like,
            "STATE": self._state_names,
            "LOC": loc_names,
            "LOC_CTX": [n for n in loc_ctx if n not in set(loc_names)],
            "LOC_HEAD": [n for n in loc_head_only if n not in set(loc_names)],
            "SRC": [n for n in src_names if n not in src_quoted and n not in activists],
            "SRC_ACT": activists,
            "SRC_Q": sorted(src_quoted),
        }
        self._group_of: dict[int, str] = {}
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

        # Words that start a pattern handled by the token pass in ``suggest``.
        self._pattern_starts = (
            self._strong_heads | self._plural_heads | set(self._unnamed_heads) | self._attribution
            | self._force_heads | self._unit_heads | self._official_heads | self._org_heads
            | self._territory_bodies | self._collective_heads | self._place_only_heads
        )
        # Head nouns spelt with a hamza: a token with a hamza its head never has is a verb
        # that folds to the head («وأدى» → «وادي»), not the head.
        self._hamza_heads = {fold(h) for h in (places.get("heads") or []) + (places.get("strong_heads") or [])
                             if any(c in "أإآ" for c in str(h))}
        # Words a COUNT may start with (besides digits): qualifiers, numbers, vague
        # quantities, duals, and people nouns followed by «اثنين/واحد».
        self._count_starts = (
            {q[0] for q in self._qualifiers}
            | set(self._numbers)
            | self._vague
            | self._duals
            | self._fatha_duals
            | self._people
        )

    # ----------------------------------------------------------------------------------
    # Construction helpers
    # ----------------------------------------------------------------------------------
    def _tune_tokenizer(self) -> None:
        """Split a clitic glued to a digit or a quote, and a quote between two letters."""
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

        quotes = re.escape(_QUOTE_CHARS)
        defaults = self.nlp.Defaults
        prefixes = [f"[{PROCLITICS}]{{1,2}}(?=[0-9{quotes}])", "/", *defaults.prefixes]
        infixes = [
            *defaults.infixes,
            rf"(?<=[^\W\d_])[{quotes}](?=[^\W_])",
            # Names touching punctuation: «الفرنسية(أ ف ب)», «سوريا.وقال», «سوريا/العراق».
            r"(?<=[^\W\d_])[()\[\]/](?=[^\W_])|(?<=[)\]])(?=[^\W_])",
            r"(?<=[\u0621-\u064a])\.(?=[\u0621-\u064a])",
            # A number glued to the noun it counts: «13شخصا».
            r"(?<=[0-9])(?=[\u0621-\u064a])",
        ]
        # A full stop ends the sentence whatever precedes it («دير الزور 24.», «والعراق».»);
        # spaCy's own rule only splits it after Latin letters. A dash after a closing bracket
        # ends a dateline («(رويترز)-»), and a slash closes an agency tag («/سانا/»).
        suffixes = [r"(?<=[^\s.])\.", r"(?<=[)\]])[-–—]+", "/", *defaults.suffixes]
        tok = self.nlp.tokenizer
        tok.prefix_search = compile_prefix_regex(prefixes).search
        tok.suffix_search = compile_suffix_regex(suffixes).search
        tok.infix_finditer = compile_infix_regex(infixes).finditer
        # spaCy's URL pattern takes «سوريا.وقال» for a domain name: only ASCII is a URL here.
        url_match = tok.url_match
        if url_match is not None:
            tok.url_match = lambda s: url_match(s) if s.isascii() else None

    @staticmethod
    def _people_forms(nouns: list[str]) -> set[str]:
        """People nouns plus their accusative «-ا» and nominative-dual «-ان» forms."""
        forms = set()
        for n in nouns:
            forms.add(n)
            if " " in n:
                continue
            stem = n[:-1] + "ت" if n.endswith("ه") else n
            if not n.endswith(("ا", "ه", "ء")):
                forms.add(n + "ا")  # accusative: «عنصراً» folds to «عنصرا»
            forms.add(stem + "ان")
            if n.endswith("ه"):
                forms.add(n[:-1] + "ات")  # feminine sound plural: «مواطنة» → «مواطنات»
        return forms

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
                if bare in self._known:
                    result = bare
                    self.nlp.vocab[form].norm_ = bare
        self._norm_cache[form] = result
        return result

    # ----------------------------------------------------------------------------------
    # Suggesting
    # ----------------------------------------------------------------------------------
    def suggest(self, text: str) -> list[Suggestion]:
        """Suggestions for ``text``: exact offsets, guideline boundaries, no overlaps."""
        if not text or not text.strip():
            return []
        from spacy.attrs import IDX, LENGTH

        nt = normalize(text)
        body = nt.text
        cut = _BOILERPLATE_RE.search(body)
        if cut:
            body = body[: cut.start()]  # page furniture after the article is never annotated
        doc = self.nlp.make_doc(body)
        n = len(doc)
        # Offsets and lengths in one array call: much cheaper than iterating Token objects.
        idx, lengths = (doc.to_array([IDX, LENGTH]).T.tolist() if n else ([], []))
        orth = [body[a : a + ln] for a, ln in zip(idx, lengths)]
        cache = self._norm_cache
        norm = [cache.get(o) or self._norm_for(o) for o in orth]
        self._drop_false_heads(text, nt, idx, orth, norm)
        cands: list[_Cand] = []

        phrase_hits = sorted(
            ((self._group_of[m], s, e) for m, s, e in self.phrases(doc)), key=lambda h: (h[1], -h[2])
        )
        loc_ends: set[int] = set()
        # Where known names start and end: the generic patterns below defer to them.
        act_starts: dict[int, int] = {}
        name_starts: dict[int, int] = {}
        loc_starts: set[int] = set()
        state_hits: list[tuple[int, int]] = []
        acting: set[tuple[int, int]] = set()  # states already found acting
        for group, s, e in phrase_hits:
            if e - s > 1 and tuple(orth[s + 1 : e]) != tuple(norm[s + 1 : e]) and tuple(orth[s + 1 : e]) not in self._inner_ok:
                continue  # a clitic inside a multi-word match: «حمص ودير الزور» is two names
            if group in ("ACT", "STATE") or (group == "LOC" and norm[s] not in self._heads):
                name_starts[s] = max(e, name_starts.get(s, 0))
                if group == "LOC":
                    loc_starts.add(s)
            if group == "ACT":
                act_starts[s] = max(e, act_starts.get(s, 0))
                cands.append(_Cand(s, self._extend_nationality(e, orth, norm, n), "ACTOR", _S_NAME))
            elif group == "ACT_ADJ":
                # «الانتقالي» is the Southern Transitional Council unless it qualifies the
                # definite noun before it («الحكم الانتقالي»).
                if orth[s] != norm[s] or s == 0 or not norm[s - 1].startswith("ال"):
                    cands.append(_Cand(s, e, "ACTOR", _S_PATTERN))
            elif group == "STATE":
                state_hits.append((s, e))
                if self._state_acts(s, e, orth, norm, n):
                    cands.append(_Cand(s, e, "ACTOR", _S_STATE_ACTS))
                    acting.add((s, e))
            elif group in ("LOC", "LOC_CTX", "LOC_HEAD"):
                cand = self._location(group, s, e, orth, norm, loc_ends)
                if cand is not None:
                    cands.append(cand)
                    loc_ends.add(cand.end)
            elif group == "SRC_ACT":
                # Activists: the nominative «ناشطون» is the subject of what they say («يقول
                # ناشطون», «يتهم ناشطون»); other forms need an attribution word nearby
                # («بحسب ناشطين»), so that «اعتقال ناشطين» stays out.
                if norm[s].endswith("ون") or self._attributed(s, e, norm):
                    cands.append(_Cand(s, e, "SOURCE", _S_NAME))
            elif group == "SRC":
                start = s - 1 if s > 0 and norm[s - 1] in self._outlet_heads and orth[s - 1] == norm[s - 1] else s
                end = self._extend_nationality(e, orth, norm, n)
                if end < n and orth[end] == norm[end] and norm[end] in self._outlet_adjectives:
                    end += 1  # «وكالة الأنباء اللبنانية الرسمية»: the adjectives of a source are inside
                cands.append(_Cand(start, end, "SOURCE", _S_NAME))
            elif group == "SRC_Q":
                if s > 1 and norm[s - 2] in self._building_heads and self._quoted(s, e, orth):
                    continue  # «مستشفى "الأمل"»: a building's name
                if self._quoted(s, e, orth) or (s > 0 and norm[s - 1] in self._attribution) or (
                    s > 0 and norm[s - 1] in self._outlet_heads
                ) or self._document_seen_by(s, norm):
                    cands.append(_Cand(s, e, "SOURCE", _S_NAME))
        # «اتهمت إيران إسرائيل…», «تتهم الحكومة السودانية الإمارات…»: a state right after
        # an accuser that follows an accusation word is accused of acting.
        # «… الولايات المتحدة وبريطانيا وفرنسا»: a state coordinated with an acting state
        # acts too; «الاتفاق الموقع بين روسيا وتركيا»: the parties to an agreement act.
        if state_hits:
            accusers = {
                c.end for c in cands if c.label == "ACTOR" and c.start > 0 and norm[c.start - 1] in self._accusation
            }
            acting_ends = {e for _, e in acting}
            for s, e in state_hits:
                if (s, e) in acting:
                    continue
                coordinated = orth[s][:1] == "و" and orth[s] != norm[s] and s in acting_ends
                party = s > 1 and norm[s - 1] == "بين" and any(
                    w in self._agreement_words for w in norm[max(0, s - 5) : s - 1]
                )
                if s in accusers or coordinated or party:
                    cands.append(_Cand(s, e, "ACTOR", _S_STATE_ACTS))
                    acting_ends.add(e)

        # Token patterns (a plain pass: cheaper than spaCy's Matcher for these few shapes).
        starts = self._pattern_starts
        for i, w in enumerate(norm):
            if w not in starts:
                continue
            if w in self._unnamed_heads:  # «مصادر ميدانية», «مصدران طبيان», «مصادر طبية وأمنية»
                j = self._source_adjectives_end(i + 1, orth, norm, n)
                if j > i + 1:
                    cands.append(_Cand(i, j, "SOURCE", _S_PATTERN))
            if w in self._collective_heads:  # «وسائل إعلام», «صحف ومواقع يمنية»
                cand = self._media_collective(i, orth, norm, n)
                if cand is not None:
                    cands.append(cand)
            if w in self._official_heads:  # «قال مسؤول أمني», not «مقتل مسؤول عسكري»
                j = self._source_adjectives_end(i + 1, orth, norm, n)
                # «نقلت رويترز عن مسؤولين أمنيين»: the reported speaker after «عن»
                reported = i > 0 and norm[i - 1] == "عن" and any(a in self._attribution for a in norm[max(0, i - 6) : i - 1])
                if j > i + 1 and (self._attributed(i, j, norm) or reported):
                    cands.append(_Cand(i, j, "SOURCE", _S_PATTERN))
            if w in self._strong_heads and i + 1 < n and orth[i + 1] in _QUOTE_CHARS:
                cand = self._quoted_place(i, orth, norm, n)  # «قرية "الطيبة"»
                if cand is not None:
                    cands.append(cand)
            if i + 1 >= n or not norm[i + 1].isalnum():
                continue
            if w in self._unit_heads:  # «الفرقة 25», «اللواء 444 قتال», «الكتيبة الخامسة»
                cand = self._numbered_unit(i, orth, norm, n)
                if cand is not None:
                    cands.append(cand)
            if w in self._place_only_heads and (i + 1) in loc_starts and orth[i + 1] == norm[i + 1]:
                cands.append(_Cand(i, self._force_adjectives_end(name_starts[i + 1], orth, norm, n), "ACTOR", _S_PATTERN))
            if w in self._force_heads:  # «قوات الدعم السريع», «قوات العمالقة الجنوبية»
                cand = self._force(i, orth, norm, n, name_starts, loc_starts)
                if cand is not None:
                    cands.append(cand)
            if w in self._org_heads:  # «المركز اليمني لحقوق الإنسان»
                cand = self._org_name(i, orth, norm, n)
                if cand is not None:
                    cands.append(cand)
            if w in self._strong_heads and (i + 1) not in act_starts:  # «قرية الكبير», not «معسكر الجيش»
                cand = self._unknown_place(i, orth, norm, n)
                if cand is not None:
                    cands.append(cand)
            if w in self._territory_bodies and (i + 1) in loc_starts:  # «صحة غزة»: a source
                cands.append(_Cand(i, name_starts[i + 1], "SOURCE", _S_STATE_ACTS))
            if w in self._plural_heads:  # «قرى الهوشرية والصيادة»
                cands.extend(self._listed_places(i + 1, orth, norm, n))
            if (
                w in self._attribution
                and norm[i + 1] in self._outlet_heads
                and i + 2 < n
                and norm[i + 2].isalpha()
                and (i + 1) not in act_starts
            ):
                cand = self._unquoted_outlet(i + 1, orth, norm, n, name_starts, loc_starts)  # «نقلت شبكة إباء»
                if cand is not None:
                    cands.append(cand)

        cands = [  # «طيران الاحتلال الإسرائيلي»: the air force of the actor after it
            _Cand(c.start - 1, c.end, c.label, c.score)
            if c.label == "ACTOR" and c.start > 0 and norm[c.start - 1] in self._air_construct and orth[c.start] == norm[c.start]
            else c
            for c in cands
        ]
        cands.extend(self._quoted_outlets(orth, norm))
        cands.extend(self._counts(orth, norm, n))
        cands.extend(self._short_forms(cands, orth, norm))

        out: list[Suggestion] = []
        for c in cands:
            label = "COUNT" if c.label == _COUNT_FATHA else c.label
            if label not in self.labels:
                continue
            a = idx[c.start]
            b = idx[c.end - 1] + len(orth[c.end - 1])
            start, end = nt.to_original(a, b)
            start, end = snap_span(text, start, end)
            if start >= end:
                continue
            if label != "COUNT" and (text[end - 1] == "\u064b" or text[end - 2 : end] == "\u064bا"):
                continue  # tanween: «قصفاً تركياً», «قصفًا جويًا» are adjectives, not places
            if c.label == _COUNT_FATHA and "\u064eين" not in text[start:end].replace("\u0651", ""):
                continue  # «آخرين» is plural «others»; only «آخرَين» (fatha) is a dual
            attrs: dict[str, Any] = {}
            if label == "COUNT":
                # Same result as count_attributes(text, start, end), from the tokens at hand.
                attrs = count_attributes_from_words(
                    text[start:end],
                    words_for_category(orth[c.start : c.end]),
                    words_for_category(orth[max(0, c.start - 40) : c.start]),
                    words_for_category(orth[c.end : c.end + 15]),
                    glued_and=start > 0 and text[start - 1] == "و",
                )
            out.append(Suggestion(start=start, end=end, label=label, origin=ORIGIN, score=c.score, attributes=attrs))
        return self._with_aliases(text, resolve_overlaps(out), limit=nt.to_original(len(body), len(body))[0])

    _HAMZA_ALEFS = frozenset("أإآ")

    def _drop_false_heads(self, text: str, nt: Any, idx: list[int], orth: list[str], norm: list[str]) -> None:
        """A head noun whose stored spelling has a hamza the head never has is another word
        that folds to it («وأدى القصف» is a verb, not «وادي»): its norm stops being the head."""
        for i, w in enumerate(norm):
            if (w in self._heads or w in self._strong_heads) and w not in self._hamza_heads:
                a, b = nt.to_original(idx[i], idx[i] + len(orth[i]))
                if not self._HAMZA_ALEFS.isdisjoint(text[a:b]):
                    norm[i] = "\u0000" + w

    # ----------------------------------------------------------------------------------
    # ACTOR
    # ----------------------------------------------------------------------------------
    def _short_forms(self, cands: list[_Cand], orth: list[str], norm: list[str]) -> list[_Cand]:
        """Conventional short forms of actors named earlier in the article: after «قوات الحشد
        الشعبي» the lone «الحشد», after «حكومة الوحدة» the lone «الحكومة» (guidelines §2.1).
        The short form is the definite head of the full name; it is proposed only after that
        name, where no other suggestion starts."""
        first: dict[str, int] = {}
        for c in cands:
            if c.label != "ACTOR" or c.end - c.start < 2:
                continue
            for t in range(c.start, min(c.end - 1, c.start + 2)):
                bare = norm[t].removeprefix("ال")
                if bare in self._short_form_heads:
                    key = "ال" + bare
                    first[key] = min(first.get(key, c.start), c.start)
                    break
        if not first:
            return []
        taken = {t for c in cands for t in range(c.start, c.end)}
        n = len(norm)
        return [
            _Cand(i, self._extend_nationality(i + 1, orth, norm, n), "ACTOR", _S_UNKNOWN)  # «الحزب اللبناني»
            for i, w in enumerate(norm)
            if w in first and i > first[w] and i not in taken
        ]

    def _extend_nationality(self, e: int, orth: list[str], norm: list[str], n: int) -> int:
        """End after a nationality adjective that agrees with the name before it: «الجيش
        الوطني» + «الليبي», «الهلال الأحمر» + «السوداني» are one name."""
        if e < n and orth[e] == norm[e] and norm[e] in self._nationalities:
            return e + 1
        return e

    def _state_acts(self, s: int, e: int, orth: list[str], norm: list[str], n: int) -> bool:
        """Is the state at ``s:e`` the one acting? After an action word («اتهمت تركيا»), or
        before a feminine verb («إسرائيل تقصف», «واشنطن لم تشارك») unless a place
        preposition shows it is a place («في إيران تُعدم…»)."""
        prev = norm[s - 1] if s > 0 else ""
        if prev in self._action_words:
            return True
        # A verb with an object pronoun: «وهو ما تنفيه أبوظبي», «التي تدعمها إيران».
        for suffix in ("ها", "ه", "هم", "هما"):
            if prev.endswith(suffix) and len(prev) > len(suffix) + 2 and prev[: -len(suffix)] in self._action_words:
                return True
        # A backer: «فصائل مدعومة من أنقرة», «بدعم من واشنطن», «الموالية لإيران», «التابعة لـ روسيا».
        if prev == "من" and s > 1 and (norm[s - 2] in self._backing or orth[s - 2] in self._backing):
            return True
        if orth[s] != norm[s] and orth[s][:1] == "ل" and prev in self._backing:
            return True
        if prev == "ل" and s > 1 and (norm[s - 2] in self._backing or orth[s - 2] in self._backing):
            return True
        # A party to a fight or a deal: «اشتباكات مع تركيا», «مفاوضات مباشرة مع إيران».
        if prev in ("مع", "ضد") and any(w in self._conflict_nouns for w in norm[max(0, s - 3) : s - 1]):
            return True
        if prev == "ضد" and orth[s] == norm[s]:  # «هجماته ضد إسرائيل»: the other party to a fight
            return True
        # A present-tense verb opening the clause, the state its subject: «تقود السعودية…».
        verb = prev[1:] if prev[:1] in "وف" and len(prev) == 5 else prev
        if len(verb) == 4 and verb[0] == "ت" and (s < 2 or not norm[s - 2].isalpha()) and orth[s] == norm[s]:
            return True
        if s > 0 and (prev in self._place_cues or (orth[s] != norm[s] and orth[s][:1] == "ب")):
            return False
        k = e
        if k < n and norm[k] in ("لم", "لن", "لا", "قد", "ما"):
            k += 1
        return k < n and orth[k] == norm[k] and norm[k] in self._state_verbs_after

    _SEEN_BY = frozenset("اطلعت اطلع حصلت حصل تلقت تلقي".split())

    def _document_seen_by(self, s: int, norm: list[str]) -> bool:
        """«بيان اطلعت عليه الأناضول», «وثيقة حصلت عليها الجزيرة»: the outlet that saw or
        obtained the document is who reports it."""
        return s > 1 and norm[s - 1] in ("عليه", "عليها") and norm[s - 2] in self._SEEN_BY

    def _source_adjective(self, w: str) -> bool:
        """An adjective of an unnamed source, singular, plural or dual («طبي», «طبيان»)."""
        return w in self._unnamed_adj or (w[-2:] in ("ان", "ين") and w[:-2] in self._unnamed_adj)

    def _source_adjectives_end(self, j: int, orth: list[str], norm: list[str], n: int) -> int:
        """End after the adjectives that follow an unnamed-source head at ``j - 1``; after a
        first one, an adjective with a glued «و» is coordinated with it («طبية وأمنية»)."""
        first = j
        while j < n:
            if orth[j] == norm[j] and self._source_adjective(norm[j]):
                j += 1
            elif j > first and orth[j][:1] == "و" and len(orth[j]) > 3 and self._source_adjective(orth[j][1:]):
                j += 1
            else:
                break
        return j

    def _media_collective(self, h: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """Media as a whole in an attribution: «أفادت وسائل إعلام», «قالت مواقع إعلامية
        محلية», «نقلت صحف ومواقع يمنية». «مواقع» alone is positions: it is a medium only
        with a media adjective or coordinated with another medium."""
        k = h + 1
        if norm[h] == "وسائل":
            if k >= n or orth[k] != norm[k] or norm[k] not in ("اعلام", "الاعلام"):
                return None
            k += 1
        heads = [norm[h]]
        if k < n and orth[k][:1] == "و" and orth[k][1:] in self._collective_heads and orth[k][1:] != "وسائل":
            heads.append(orth[k][1:])
            k += 1
        end = self._source_adjectives_end(k, orth, norm, n)
        if len(heads) == 1 and heads[0] in self._collective_need_media and (end == k or norm[k] not in self._media_adj):
            return None
        if end == k and heads[0] != "وسائل":
            return None
        if not self._attributed(h, end, norm):
            return None
        return _Cand(h, end, "SOURCE", _S_PATTERN)

    def _attributed(self, s: int, e: int, norm: list[str]) -> bool:
        """Is an attribution word within three tokens before or two after ``s:e``?"""
        return any(w in self._attribution for w in norm[max(0, s - 3) : s]) or any(
            w in self._attribution for w in norm[e : e + 2]
        )

    def _numbered_unit(self, h: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """«الفرقة 25», «اللواء 444 قتال», «الكتيبة الخامسة»: a unit head with a number or an
        ordinal, and a branch word after it. The head alone is never a span."""
        j = h + 1
        if orth[j] != norm[j]:
            return None
        number = norm[j][2:] if norm[j].startswith("ال") else norm[j]  # «اللواء الـ28»
        if number.isdigit() and len(number) <= 4:
            j += 1
        else:
            for o in self._unit_ordinals:
                if tuple(norm[j : j + len(o)]) == o:
                    j += len(o)
                    break
            else:
                return None
        for b in self._unit_branches:
            if tuple(norm[j : j + len(b)]) == b:
                j += len(b)
                break
        return _Cand(h, self._unit_tail(j, orth, norm, n), "ACTOR", _S_PATTERN)

    def _unit_tail(self, e: int, orth: list[str], norm: list[str], n: int) -> int:
        """End after what completes a unit name: an ordinal («لواء المشاة العشرين») or the
        numbered unit it belongs to («كتيبة دبابات الفرقة الخامسة»)."""
        for o in self._unit_ordinals:
            if tuple(norm[e : e + len(o)]) == o and orth[e] == norm[e]:
                return e + len(o)
        if e + 1 < n and norm[e] in self._unit_heads and orth[e] == norm[e]:
            inner = self._numbered_unit(e, orth, norm, n)
            if inner is not None:
                return inner.end
        return e

    def _force_name_word(self, w: str) -> bool:
        """Could the definite word ``w`` right after a force head be (the start of) a name?"""
        return (
            len(w) > 3
            and w.startswith("ال")
            and w.isalpha()
            and w not in self._force_not_names
            and w not in self._force_stops
            and w not in self._nationalities
            and not self._is_people(w)
        )

    def _force_adjective(self, w: str) -> bool:
        """An adjective that belongs to a force name: a nationality, a listed word, or a
        definite nisba («الشعبي», «الجنوبي», «الشبوانية»), never a time word or participle."""
        if not w.startswith("ال") or w in self._force_stops or not w.isalpha():
            return False
        if w in self._nationalities or w in self._force_adjectives:
            return True
        return len(w) > 4 and (w.endswith("ي") or w.endswith("يه")) and w not in self._not_names

    def _force_adjectives_end(self, end: int, orth: list[str], norm: list[str], n: int) -> int:
        """End after up to three adjectives that belong to a force name («العسكري»)."""
        k = 0
        while end < n and k < 3 and orth[end] == norm[end] and self._force_adjective(norm[end]):
            end += 1
            k += 1
        return end

    def _force(
        self, h: int, orth: list[str], norm: list[str], n: int, name_starts: dict[int, int], loc_starts: set[int]
    ) -> _Cand | None:
        """Head of a force or institution + a name in construct: «قوات الدعم السريع»,
        «ميليشيا الحوثي», «جيش الاحتلال», «وزارة الصحة العامة», «قوات حكومة الوفاق»,
        «ميليشيا حزب الله». The name is a definite word (with the adjectives that agree with
        it) or a known name of any kind; a clitic on it means a new phrase («قوات وعناصر»)."""
        j = h + 1
        if orth[j] != norm[j]:
            return None
        known_end = name_starts.get(j)
        if known_end is not None and j in loc_starts and norm[h] not in self._place_force_heads:
            known_end = None  # «عشائر الرقة» are people of a place; «قوات صنعاء» is a force
        if known_end is not None:
            end = known_end
        elif (
            norm[h] in self._place_force_heads | self._place_only_heads
            and (norm[j] in self._admin_heads or norm[j] in self._place_only_heads)
            and (j + 1) in loc_starts
            and orth[j + 1] == norm[j + 1]
        ):
            end = name_starts[j + 1]  # «حكومة ولاية الخرطوم», «قوات مجلس دير الزور»
        elif self._force_name_word(norm[j]):
            end = j + 1
        elif norm[j] in self._force_heads and j + 1 < n:
            inner = self._force(j, orth, norm, n, name_starts, loc_starts)  # «قوات حكومة الوحدة»
            return None if inner is None else _Cand(h, inner.end, "ACTOR", _S_PATTERN)
        elif (
            j + 1 < n
            and norm[h] in self._chain_force_heads
            and orth[j + 1] == norm[j + 1]
            and norm[j].isalpha()
            and len(norm[j]) > 2
            and norm[j] not in self._force_not_names
            and norm[j] not in self._force_indefinite_not
            and norm[j] not in self._not_names
            and norm[j] not in self._heads  # «عشائر منطقة الباب»: a place, not a name
            and norm[j] not in self._plural_heads
            and not self._is_people(norm[j])
            and self._force_name_word(norm[j + 1])
        ):
            end = j + 2  # a construct chain: «قوات حماية الشعب», «جيش تحرير السودان»
        else:
            return None
        end = self._force_adjectives_end(end, orth, norm, n)
        if norm[h] in self._unit_heads or norm[h] in self._force_heads:
            end = self._unit_tail(end, orth, norm, n)
        return _Cand(h, end, "ACTOR", _S_PATTERN)

    # ----------------------------------------------------------------------------------
    # Aliases in parentheses
    # ----------------------------------------------------------------------------------
    _ALIAS_RE = re.compile(r"\s*\(\s*([^()\n«»“”\"،,.:;؛0-9٠-٩]{2,40}?)\s*\)")
    _ALIAS_SKIP = frozenset(
        "شبه سابقا حاليا المعروفه المعروف التابعه التابع المدعومه الموالية المواليه المقربه المعارضه "
        "اي وهي وهو بحسب وفق حسب مثل نحو قرابه حوالي تقريبا".split()
    )

    def _with_aliases(self, text: str, sugs: list[Suggestion], limit: int) -> list[Suggestion]:
        """An alias in parentheses right after a name gets the name's label: «مكتب تنسيق
        الشؤون الإنسانية (أوتشا)», «قوات الدعم السريع (RSF)», «مدينة المالكية (ديريك)».
        Descriptions in parentheses («(شبه العسكرية)», «(الإيرانية)») are left alone."""
        if "(" not in text:
            return sugs
        extra: list[Suggestion] = []
        taken = {(s.start, s.end) for s in sugs}
        for k, sug in enumerate(sugs):
            if sug.label == "COUNT" or sug.end >= limit or text.find("(", sug.end, sug.end + 3) < 0:
                continue
            m = self._ALIAS_RE.match(text, sug.end)
            if not m or m.end() > limit:
                continue
            a, b = m.span(1)
            start, end = snap_span(text, a, b)
            if start >= end or (start, end) in taken:
                continue
            words = fold(text[start:end]).split()
            if not 1 <= len(words) <= 4 or any(
                w in self._ALIAS_SKIP or w in self._OUTLET_END or w in self._not_names for w in words
            ):
                continue
            if len(words) == 1 and (words[0] in self._nationalities or words[0] in self._not_names):
                continue
            if " ".join(words) in self._media_tags or words[0] in self._media_tags:
                continue  # «(فيديو)», «(بالصور)»: a media tag, not an alias
            nxt = sugs[k + 1] if k + 1 < len(sugs) else None
            if nxt is not None and nxt.start < m.end():
                continue  # the parenthesis already holds a suggestion of its own
            extra.append(Suggestion(start=start, end=end, label=sug.label, origin=ORIGIN, score=_S_PATTERN))
        if not extra:
            return sugs
        return sorted(sugs + extra, key=lambda s: (s.start, s.end))

    # ----------------------------------------------------------------------------------
    # LOCATION
    # ----------------------------------------------------------------------------------
    def _head_ok(self, h: int, orth: list[str], norm: list[str]) -> bool:
        """A cue head («محلية») is a head only after a place cue or with a glued clitic
        («في محلية كرينك», «بمحلية…»); elsewhere it is an adjective («مصادر محلية»)."""
        if norm[h] not in self._cue_heads:
            return True
        return orth[h] != norm[h] or (h > 0 and norm[h - 1] in self._place_cues)

    def _extend_head(self, s: int, norm: list[str], orth: list[str]) -> tuple[int, str | None]:
        """Start index after taking in head nouns before ``s`` («مدينة», «بادية ريف»)."""
        head = None
        # An administrative head keeps a compass noun that is part of the name: «ولاية
        # شمال دارفور», «محافظة شمال سيناء».
        for c in self._compass:
            k = s - len(c)
            if k > 0 and tuple(norm[k:s]) == c and orth[k] == norm[k] and norm[k - 1] in self._admin_heads:
                if self._head_ok(k - 1, orth, norm):
                    return k - 1, norm[k - 1]
        # Up to two heads: «مدينة منبج», «بادية ريف حمص», «منطقة حوض اليرموك»,
        # «محافظة ريف دمشق». Only the outermost head may carry a proclitic («بريف»).
        for _ in range(2):
            if (
                s > 0
                and norm[s - 1] in self._heads
                and (head is None or orth[s] == norm[s])
                and self._head_ok(s - 1, orth, norm)
            ):
                s -= 1
                head = norm[s]
            else:
                break
        return s, head

    def _extend_direction(self, e: int, norm: list[str], n: int) -> int:
        for d in self._directions:
            if e + len(d) <= n and tuple(norm[e : e + len(d)]) == d:
                return e + len(d)
        return e

    def _extend_facility(self, start: int, e: int, norm: list[str], n: int) -> int:
        """«مطار دمشق الدولي», «قاعدة الجفرة الجوية», «منفذ القائم الحدودي»."""
        if norm[start] not in self._facility_heads:
            return e
        for a in self._facility_adj:
            if e + len(a) <= n and tuple(norm[e : e + len(a)]) == a:
                return e + len(a)
        return e

    def _location(self, group: str, s: int, e: int, orth: list[str], norm: list[str], loc_ends: set[int]) -> _Cand | None:
        start, head = self._extend_head(s, norm, orth)
        if group == "LOC_HEAD" and head is None:
            return None
        if head is None and s > 0 and orth[s] == norm[s] and norm[s - 1] in self._building_heads:
            return None  # «مستشفى الفاشر»: a building's name, not a place span
        if group == "LOC_CTX" and head is None:
            prev = norm[s - 1] if s > 0 else ""
            glued = orth[s] != norm[s] and orth[s][:1] in "بو"
            coordinated = orth[s][:1] == "و" and s in loc_ends
            if not (prev in self._place_cues or (glued and orth[s][:1] == "ب") or coordinated):
                return None
        end = e
        first = norm[start]
        if first in self._chain_heads:
            end = self._extend_direction(e, norm, len(norm))
        end = self._extend_facility(start, end, norm, len(norm))
        return _Cand(start, end, "LOCATION", _S_NAME)

    def _unknown_place(self, h: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """Head + a name found in no list: «قرية الكبير», «قرية الشيخ عيسى»."""
        i = h + 1
        w = norm[i]
        if (
            orth[i] != norm[i]  # a glued clitic: «قرية وبلدة…»
            or w[:1] == "ل"  # a preposition: «مخيم للنازحين»
            or not w.isalpha()
            or self._is_people(w)
            or w in self._not_names
            or w in self._place_cues
            or w in self._heads
            or w in self._numbers
            or w in self._vague
            or w in self._people
            or w in self._nationalities
            or len(w) < 2
            or not self._head_ok(h, orth, norm)
        ):
            return None
        if norm[h] in self._ambiguous_heads and orth[h] == norm[h] and not (h > 0 and norm[h - 1] in self._ambiguous_cues):
            return None  # «ولاية المجلس», «قضاء العطلة», «منفذ الهجوم»
        if norm[h] in self._ambiguous_heads and (w in self._conflict_nouns or w.removeprefix("ال") in self._conflict_nouns):
            return None  # «منطقة الاشتباكات», «منطقة النزاع»: where the fighting is, no name
        end = i + 1
        if end < n and orth[end] == norm[end] and norm[end].isalpha() and norm[end] not in self._not_names:
            nxt = norm[end]
            if w in self._name_prefixes or (
                not w.startswith("ال") and nxt.startswith("ال") and (nxt,) not in self._directions
                and nxt not in self._nationalities  # «مدينة حلب السورية»: the adjective is outside
            ):
                end += 1
            elif not w.startswith("ال") and self._second_name_word(nxt) and self._name_ends(end + 1, orth, norm, n):
                end += 1  # two indefinite words that end at a boundary: «بلدة طير حرفا،»
        start, _ = self._extend_head(h, norm, orth)
        start = min(start, h)
        if norm[start] in self._chain_heads or norm[h] in self._chain_heads:
            end = self._extend_direction(end, norm, n)
        end = self._extend_facility(h, end, norm, n)
        return _Cand(start, end, "LOCATION", _S_UNKNOWN)

    def _quoted_place(self, h: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """A quoted name after a place head: «قرية "الطيبة"», «بلدة «كفرنبل»» → the quoted name
        (guidelines §3.4: when part of a name is quoted, the quoted name is the span)."""
        if not self._head_ok(h, orth, norm):
            return None
        if norm[h] in self._ambiguous_heads and orth[h] == norm[h] and not (h > 0 and norm[h - 1] in self._ambiguous_cues):
            return None
        j = h + 2
        while j < n and j - h <= 4 and orth[j] not in _QUOTE_CHARS:
            if not norm[j].isalpha() or (j == h + 2 and not self._place_word(norm[j])):
                return None
            j += 1
        if j == h + 2 or j >= n or orth[j] not in _QUOTE_CHARS:
            return None
        return _Cand(h + 2, j, "LOCATION", _S_UNKNOWN)

    def _second_name_word(self, w: str) -> bool:
        """Could the indefinite ``w`` be the second word of a place name in no list? Not an
        adjective (a nisba «غربي», a listed word), a direction or a function word."""
        return (
            w.isalpha()
            and not w.startswith("ال")
            and len(w) > 1
            and not (len(w) > 3 and w.endswith(("ي", "يه")))
            and w not in self._name_stops
            and self._place_word(w)
        )

    def _name_ends(self, k: int, orth: list[str], norm: list[str], n: int) -> bool:
        """Does a place name end before token ``k``: punctuation, a glued clitic, a place cue
        or a compass word follows («… بقضاء صور», «… شمال المحافظة», «…،»)?"""
        return k >= n or not norm[k].isalpha() or orth[k] != norm[k] or norm[k] in self._name_stops

    def _place_word(self, w: str) -> bool:
        """Could ``w`` (no clitic) be a place name in no list?"""
        return not (
            len(w) < 2
            or not w.isalpha()
            or w[:1] == "ل"
            or self._is_people(w)
            or w in self._not_names
            or w in self._place_cues
            or w in self._heads
            or w in self._plural_heads
            or w in self._numbers
            or w in self._vague
        )

    def _listed_places(self, i: int, orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """Names after a plural or dual head, each its own span: «قرى الهوشرية والصيادة»,
        «مدينتي السخنة وتدمر». The head stays outside."""
        out: list[_Cand] = []
        first = True
        while i < n:
            if first:
                if orth[i] != norm[i] or not self._place_word(norm[i]):
                    break
                word = norm[i]
            else:
                # The next name comes after a lone «و» or with a glued one («والصيادة»).
                if orth[i] == "و" and i + 1 < n:
                    i += 1
                    word = norm[i]
                elif orth[i][:1] == "و" and len(orth[i]) > 2:
                    # A known name has its norm already; an unknown one just loses the و.
                    word = norm[i] if norm[i] != orth[i] else orth[i][1:]
                else:
                    break
                if not self._place_word(word):
                    break
            end = i + 1
            # A two-word name: «ميس الجبل», «عين الحلوة», «بيت لاهيا».
            if end < n and orth[end] == norm[end] and norm[end].isalpha() and norm[end] not in self._not_names:
                if word in self._name_prefixes or (
                    not word.startswith("ال") and norm[end].startswith("ال") and norm[end] not in self._nationalities
                ):
                    end += 1
            out.append(_Cand(i, end, "LOCATION", _S_UNKNOWN))
            first = False
            i = end
        return out

    # ----------------------------------------------------------------------------------
    # SOURCE
    # ----------------------------------------------------------------------------------
    # Function words that end an unquoted outlet name: «قالت لجنة أطباء السودان إن…».
    _OUTLET_END = frozenset(
        "ان بان انه انها بانه بانها في علي من عن الي مع بعد قبل خلال حول ضد عبر امس اليوم "
        "الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت يوم صباح مساء فجر ليل بيان "
        "التي الذي الذين كما حيث قد لا لم لن ما هذا هذه ذلك تلك منذ حتي بين عند لدي نحو اثر "
        "جراء بشان عبر الان ايضا فان فانه فانها فقد".split()
    )
    # «ل»-complements inside a name: «وكالة السودان للأنباء», «مرصد العراق لحقوق الإنسان».
    _OUTLET_LI = frozenset("لحقوق لشؤون لتنسيق لاغاثه لدعم لمساعده لرعايه لرصد لتوثيق لمكافحه".split())

    def _org_name(self, h: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """«المركز اليمني لحقوق الإنسان», «المنظمة الدولية للهجرة»: a definite head, one or
        two adjectives and a «ل» complement that names what the body does."""
        j = h + 1
        while j < n and j - h <= 2 and orth[j] == norm[j] and self._force_adjective(norm[j]):
            j += 1
        if j == h + 1 or j >= n or orth[j] not in self._org_complements:
            return None
        j += 1
        if j < n and orth[j] == norm[j] and norm[j] in self._org_tails:
            j += 1
        return _Cand(h, j, "SOURCE", _S_PATTERN)

    def _unquoted_outlet(
        self, h: int, orth: list[str], norm: list[str], n: int, name_starts: dict[int, int], loc_starts: set[int]
    ) -> _Cand | None:
        """«… نقلت شبكة إباء التابعة…» → «شبكة إباء», «قالت لجنة أطباء السودان» → «لجنة
        أطباء السودان»: an outlet or organisation head after an attribution word, and up to
        four name words, up to a function word, a participle or punctuation. A «ل» phrase
        inside the name is kept («وكالة السودان للأنباء»). A place after a name word ends the
        name of a body named by its territory («تنسيقية لجان مقاومة الفاشر»)."""
        j = h + 1
        while j < n and j - h <= 4:
            o, w = orth[j], norm[j]
            if j > h + 1 and j in loc_starts and o == w:
                j = name_starts[j]
                break
            if j > h + 1 and o == w and w in self._outlet_adjectives:
                j += 1  # «وكالة الأنباء اللبنانية الرسمية»: the adjective closes the name
                break
            # A word that starts with the letter ل is a name word when it is a word of its own
            # («تنسيقية لجان المقاومة»), a preposition otherwise («للأنباء»).
            if o != w or (w[:1] == "ل" and w not in self._lexicon):
                # «للأنباء», «لحقوق الإنسان»: inside the name only after a first name word.
                if j > h + 1 and w.isalpha() and (o.startswith("لل") or o in self._OUTLET_LI):
                    j += 1
                    if o in self._OUTLET_LI and j < n and orth[j] == norm[j] and norm[j].isalpha():
                        j += 1
                    continue
                break
            if (
                not w.isalpha()
                or len(w) < 2
                or w in self._OUTLET_END
                or w in self._attribution
                or w in self._triggers  # «ووثقت منظمة مواطنة لحقوق الإنسان مقتل…»
                or (w in self._action_words and j > h + 1)
                or w in self._numbers
                or w.removeprefix("ال") in _OUTLET_STOP  # «… المقربة من»
            ):
                break
            j += 1
        if j == h + 1:
            return None
        if j == h + 2 and j < n and orth[j] in _QUOTE_CHARS and not norm[h + 1].startswith("ال"):
            return None  # «وكالة أنباء "هاوار"»: a partly quoted name, the quoted part is the span
        return _Cand(h, j, "SOURCE", _S_UNKNOWN)

    @staticmethod
    def _quoted(s: int, e: int, orth: list[str]) -> bool:
        """Is ``s:e`` between quotes, brackets or slashes («(رويترز)», «/سانا/»)?"""
        return (
            s > 0 and e < len(orth)
            and (orth[s - 1] in _QUOTE_CHARS and orth[e] in _QUOTE_CHARS
                 or (orth[s - 1], orth[e]) in (("(", ")"), ("[", "]"), ("/", "/")))
        )

    def _after_outlet_name(self, i: int, orth: list[str], norm: list[str]) -> bool:
        """Does the quote at ``i`` follow an outlet head and one or two name words: «وكالة
        أنباء "هاوار"», «لوكالة الصحافة الفلسطينية "صفا"»?"""
        if orth[i] in _CLOSING_QUOTES:
            return False
        for k in range(i - 2, max(-1, i - 4), -1):
            if norm[k] in self._outlet_heads:
                # «“هيئة تحرير الشام” هجوماً…»: a quote that closes a quoted name opens nothing
                return (k == 0 or orth[k - 1] not in _QUOTE_CHARS) and all(
                    orth[t] == norm[t] and norm[t].isalpha() for t in range(k + 1, i)
                )
        return False

    def _quoted_outlets(self, orth: list[str], norm: list[str]) -> list[_Cand]:
        """A quoted name after an outlet head or in an attribution: «وكالة “أعماق”»,
        «قالت مصادر ل«الراصد»», «أفاد مراسل "الحدث السوري"»."""
        out = []
        n = len(orth)
        for i, tok in enumerate(orth):
            if tok not in _QUOTE_CHARS or i + 1 >= n:
                continue
            j = i + 1
            while j < n and j - i <= 5 and orth[j] not in _QUOTE_CHARS and orth[j].strip():
                j += 1
            if j >= n or j == i + 1 or orth[j] not in _QUOTE_CHARS or j - i > 5:
                continue
            prev = norm[i - 1] if i > 0 else ""
            if prev in self._building_heads:
                continue  # «مستشفى "الشفاء"», «مدرسة "الأمل"»: a building's name, not an outlet
            context = prev in self._outlet_heads or prev in self._attribution or self._after_outlet_name(i, orth, norm)
            if not context and prev in ("ل", "وب", "ب", "ول") and i > 1:
                window = norm[max(0, i - 8) : i - 1]
                context = any(w in self._talked_to for w in window)
            if context:
                out.append(_Cand(i + 1, j, "SOURCE", _S_PATTERN))
        return out

    # ----------------------------------------------------------------------------------
    # COUNT
    # ----------------------------------------------------------------------------------
    def _is_num_token(self, w: str) -> bool:
        return bool(_DIGITS_RE.match(w)) or w in self._numbers

    def _number_core(self, i: int, orth: list[str], norm: list[str], n: int) -> int:
        """End of the number expression starting at ``i`` (``i`` when there is none)."""
        w = norm[i]
        j = i
        if _DIGITS_RE.match(w):
            j = i + 1
        elif w in self._numbers:
            kind = self._numbers[w][0]
            if kind in ("thousands", "millions") or w in ("احد", "احدي"):
                if not (i + 1 < n and norm[i + 1] in self._numbers and self._numbers[norm[i + 1]][0] == "ten"):
                    return i  # «أحد عناصر» is one of, bare «آلاف» is vague
            j = i + 1
        else:
            return i
        # Compounds: «ثلاثة وعشرين», «مئة وخمسين», «21 ألف», «خمسة عشر», «ثلاث مئة».
        while j < n:
            wj = norm[j]
            if wj in self._numbers:
                kind = self._numbers[wj][0]
                glued_and = orth[j].startswith("و") and orth[j] != wj
                if kind in ("ten", "hundred", "thousand", "thousands", "million", "millions") or glued_and:
                    j += 1
                    continue
            if wj == "و" and j + 1 < n and norm[j + 1] in self._numbers:
                j += 2
                continue
            # «42 ألفاً و519»: digits after a thousands word continue the number.
            if wj == "و" and j + 1 < n and _DIGITS_RE.match(norm[j + 1]) and norm[j - 1] in self._numbers and (
                self._numbers[norm[j - 1]][0] in ("thousand", "thousands", "million", "millions")
            ):
                j += 2
                continue
            break
        return j

    def _counts(self, orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        out: list[_Cand] = []
        starts = self._count_starts
        i = 0
        while i < n:
            w = norm[i]
            if w not in starts and not w[:1].isdigit():
                i += 1
                continue
            cand = self._count_at(i, orth, norm, n)
            if cand is not None:
                out.append(cand)
                i = cand.end
            else:
                i += 1
        return out

    def _count_at(self, i: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        w = norm[i]
        if w not in self._count_starts and not w[:1].isdigit():
            return None
        # People noun + «اثنين/واحد»: «مدنيين اثنين», «عنصر واحد».
        if w in self._people and i + 1 < n and norm[i + 1] in _AFTER_NOUN_NUMBERS:
            return _Cand(i, i + 2, "COUNT", _S_COUNT)
        # Duals standing alone: «جنديين», «قتيلين», «امرأتان».
        if w in self._duals:
            return _Cand(i, i + 1, "COUNT", _S_COUNT)
        if w in self._fatha_duals:
            return _Cand(i, i + 1, _COUNT_FATHA, _S_COUNT)
        start = i
        j = i
        qualified = False
        for q in self._qualifiers:
            if tuple(norm[i : i + len(q)]) == q:
                j = i + len(q)
                qualified = True
                break
        if j >= n:
            return None
        if qualified and norm[j] in self._duals:
            return _Cand(start, j + 1, "COUNT", _S_COUNT)  # «ما لا يقل عن جنديين»
        if norm[j] in self._vague:
            k = j + 1
            if k < n and norm[k] in self._vague:
                k += 1  # «عشرات الآلاف»
            if k < n and self._is_people(norm[k]):
                return _Cand(start, k + 1, "COUNT", _S_COUNT)
            if k < n and norm[k] == "من" and k + 1 < n and not self._blocked_word(norm[k + 1]):
                return _Cand(start, k, "COUNT", _S_COUNT)
            if start > 0 and norm[start - 1] in self._triggers and (
                k >= n or not norm[k].isalpha() or norm[k] in _AFTER_BARE_COUNT
            ):
                return _Cand(start, k, "COUNT", _S_COUNT)  # «وأصيب العشرات في غارة»
            return None
        k = self._number_core(j, orth, norm, n)
        if k == j:
            return None
        if not qualified and start > 0 and norm[start - 1] in self._pre_blockers:
            return None
        # Ranges: «40 إلى 50», «بين 40 و50», «3 أو 4».
        if k + 1 < n and (norm[k] in ("الي", "او", "حتي") or norm[k] == "و") and self._is_num_token(norm[k + 1]):
            k = self._number_core(k + 1, orth, norm, n)
        if k < n and self._blocked(norm, k):
            return None
        if k < n and (self._is_people(norm[k]) or self._people_nisba(orth[k], norm[k])):
            return _Cand(start, k + 1, "COUNT", _S_COUNT)
        if k < n and norm[k] in self._injury_nouns and orth[k] == norm[k]:
            return _Cand(start, k + 1, "COUNT", _S_COUNT)  # «160 إصابة»
        if k < n and norm[k] in ("من", "منهم", "منهن", "منها"):
            if norm[k] == "من" and (k + 1 >= n or self._blocked_word(norm[k + 1])):
                return None
            if norm[k] == "من" and k + 1 < n and norm[k + 1] in self._superlatives and not (
                k + 2 < n and self._is_people(norm[k + 2])
            ):
                return None  # «واحدة من أكثر المناطق»: one of the most…, no people counted
            return _Cand(start, k, "COUNT", _S_COUNT)
        # A death toll without a counted noun: «ارتفعت الحصيلة إلى 55», «إجمالي القتلى 426».
        if self._after_toll(start, norm) and not self._year_like(norm, j, k) and (
            k >= n or not norm[k].isalpha() or norm[k] in self._toll_followers or orth[k][:1] == "و"
        ):
            return _Cand(start, k, "COUNT", _S_COUNT)
        # A bare number is a COUNT only right after a trigger («مقتل 3 وإصابة 5»).
        if start > 0 and (norm[start - 1] in self._triggers or norm[start - 1] in self._subset_words):
            glued_by = orth[k][:1] == "ب" and orth[k] != norm[k] if k < n else False  # «أصيب ثلاثة بجروح»
            if k >= n or not norm[k].isalpha() or orth[k][:1] == "و" or glued_by or norm[k] in _AFTER_BARE_COUNT:
                if self._year_like(norm, j, k):
                    return None
                return _Cand(start, k, "COUNT", _S_COUNT)
        return None

    def _after_toll(self, i: int, norm: list[str]) -> bool:
        """Does a toll word come shortly before token ``i``, in the same clause, with no count
        of things in between? «الحصيلة» alone; «عدد/إجمالي» with a casualty word after it.
        A toll head with a casualty word after it may take a longer complement before «إلى»
        («ارتفاع حصيلة ضحايا الهجوم على القطاع إلى 41», «عدد شهداء الغارة على البلدة إلى
        5»): the words after the casualty word name the event, not what is counted."""
        reach = 12 if i > 0 and norm[i - 1] == "الي" else 6
        blocked = False
        for t in range(i - 1, max(-1, i - 1 - reach), -1):
            w = norm[t]
            if not w.isalpha():
                return False
            casualty_after = t + 1 < i and (norm[t + 1] in self._casualty_words or self._is_people(norm[t + 1]))
            if w in self._toll_heads or w in self._total_heads:
                if casualty_after:
                    return True
                return w in self._toll_heads and not blocked
            if self._blocked_word(w):
                if i - t > 6:
                    return False
                blocked = True
        return False

    @staticmethod
    def _people_nisba(o: str, w: str) -> bool:
        """A counted noun in no list that can only be people: a nisba plural («انغماسيين»,
        «عسكريون») after a number."""
        return o == w and len(w) >= 6 and w.endswith(("يين", "يون"))

    def _is_people(self, w: str) -> bool:
        if w in self._people:
            return True
        return w.startswith("ال") and w[2:] in self._people

    def _blocked_word(self, w: str) -> bool:
        return w in self._blockers or (w.startswith("ال") and w[2:] in self._blockers)

    def _blocked(self, norm: list[str], k: int) -> bool:
        if self._blocked_word(norm[k]):
            return True
        return any(tuple(norm[k : k + len(p)]) == p for p in self._blocker_phrases)

    @staticmethod
    def _year_like(norm: list[str], j: int, k: int) -> bool:
        return k - j == 1 and norm[j].isdigit() and len(norm[j]) == 4 and 1900 <= int(norm[j]) <= 2100

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"RuleSuggester(labels={sorted(self.labels)})"
