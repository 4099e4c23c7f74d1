"""Word lists of the rule suggester: the gazetteers folded into sets, and what every rule shares.

:class:`RuleLexicon` holds the folded word sets (``_load_word_sets`` fills them from the
gazetteers in ``resources/gazetteers/``, and the world's states and capitals from the derived
``states.tsv``, see :mod:`.state_names`) and the word tests the rules of several labels use;
the rules of each label are mixins over it (:mod:`.actors`, :mod:`.locations`,
:mod:`.sources`, :mod:`.counts`), tied together by :class:`.suggester.RuleSuggester`.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple

from annotator.core.counts import count_lexicon
from annotator.core.lang.ar.lexicon import QUOTES
from annotator.core.suggest.rules.state_names import RESOURCE as _STATES_RESOURCE
from annotator.core.suggest.rules.state_names import StateRow
from annotator.core.suggest.rules.state_names import classify as _classify_states
from annotator.core.suggest.rules.state_names import load_rows as _load_state_rows
from annotator.core.text import clitic_lexicon, fold, proclitic_length

ORIGIN = "rule"

_QUOTE_CHARS = QUOTES + "/"
_CLOSING_QUOTES = frozenset("”»’")
# Quotes that only ever close a quotation («»» after a name is never an opening quote).
_CLOSING_QUOTES_ONLY = frozenset("»")
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
_OUTLET_STOP = frozenset(
    ("مقربه", "مواليه", "معارضه", "تابعه", "قريبه", "مدعومه", "مموله", "رسميه")
    + ("مقرب", "موالي", "معارض", "تابع", "قريب", "مدعوم", "ممول")  # «تلفزيون المسيرة التابع لـ…»
)

# Number words that follow their noun: «مدنيين اثنين», «عنصر واحد».
_AFTER_NOUN_NUMBERS = frozenset(("اثنين", "اثنان", "اثنتين", "اثنتان", "واحد", "واحده"))
# Words after a bare number (or a vague quantity) that show it counts the people of the
# trigger before it: «مقتل 3 في القصف», «أصيب ثلاثة بجروح», «وأصيب العشرات في غارة».
_AFTER_BARE_COUNT = frozenset(("في", "علي", "جراء", "اثر", "خلال", "بينهم", "بجروح", "بجراح"))


class _Cand(NamedTuple):
    """A candidate span in token indices. A named tuple, not a frozen dataclass: the rules
    make dozens per article, and a frozen dataclass pays an ``object.__setattr__`` call
    per field on creation (about twice the cost)."""

    start: int  # token index
    end: int  # token index, exclusive
    label: str
    score: float


class _WordMemo(dict):
    """word → ``compute(word)``, computed on the first lookup: ``map(memo.__getitem__,
    words)`` answers for a whole article in one C-level pass. Words of news repeat, so
    the memo stays small; an owner that feeds it unbounded text empties it now and then."""

    __slots__ = ("compute",)

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, word: Any) -> Any:
        value = self[word] = self.compute(word)
        return value


def _words(items: Iterable[Any] | None) -> list[str]:
    """Folded, whitespace-normalised strings."""
    out = []
    for item in items or ():
        s = " ".join(fold(str(item)).split())
        if s:
            out.append(s)
    return out


# Spellings that normalisation does not unify but news uses interchangeably (folded forms).
_VARIANT_GROUPS = (("ميليشي", "ميلشي", "مليشي"), ("امريك", "اميرك"), ("ايران", "اران"), ("ديمقراط", "ديموقراط"))


def _spelling_variants(name: str) -> list[str]:
    """``name`` and its common alternative spellings («الميليشيات» / «الميلشيات»)."""
    out = [name]
    for group in _VARIANT_GROUPS:
        for form in group:
            if form in name:
                out.extend(name.replace(form, other) for other in group if other != form)
                break
    return out


def _canonical_spelling(word: str) -> str:
    """``word`` with its variant spelling replaced by the first of its group («المليشيا» →
    «الميليشيا»), so that two spellings of one word compare equal."""
    for group in _VARIANT_GROUPS:
        for form in group[1:]:
            if form in word:
                return word.replace(form, group[0])
    return word


def _by_first_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """Word tuples grouped by their first word, in their order: a phrase that matches at a
    token is among those listed under that token (the first match found is the same)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(phrase)
    return out


def _flat(node: Any) -> list[str]:
    if node is None:
        return []
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [x for v in node.values() for x in _flat(v)]
    return [x for v in node for x in _flat(v)]


class RuleLexicon:
    """The folded word sets of the gazetteers, shared by the rules of every label."""

    # The gazetteer directory the word sets come from (None: ``resources/gazetteers``); the
    # derived world states (``states.tsv``) are read from it too, when it has them.
    _gazetteer_dir: Path | None = None
    # First words of the derived world states and capitals that a proclitic may be glued to
    # («وهايتي», «لبوروندي»): the clitic lexicon does not know them (see RuleMatcher._norm_for).
    _world_stems: frozenset[str] = frozenset()

    # Function words that end an unquoted outlet name: «قالت لجنة أطباء السودان إن…».
    _OUTLET_END = frozenset(
        "ان بان انه انها بانه بانها في علي من عن الي مع بعد قبل خلال حول ضد عبر امس اليوم "
        "الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت يوم صباح مساء فجر ليل بيان "
        "التي الذي الذين كما حيث قد لا لم لن ما هذا هذه ذلك تلك منذ حتي بين عند لدي نحو اثر "
        "جراء بشان عبر الان ايضا فان فانه فانها فقد".split()
    )

    def _load_word_sets(
        self, actors: dict[str, Any], places: dict[str, Any], sources: dict[str, Any], counts: dict[str, Any]
    ) -> dict[str, list[str]]:
        """Fill the word sets from the four gazetteers; return the names the phrase matcher
        looks for, by match group."""
        self._lexicon = clitic_lexicon()

        # ---- word sets (folded) -------------------------------------------------------
        nat = _words(actors.get("nationalities"))
        air = _words(actors.get("air_heads"))
        actor_names = _words(_flat(actors.get("names")))
        actor_names += [f"{h} {n}" for h in air for n in nat]
        actor_names += [f"{h} {n}" for h in ("الجيش", "القوات", "الفصائل", "الميليشيات", "الميليشيا") for n in nat]
        actor_names += [f"{h} {n}" for h in _words(actors.get("state_heads")) for n in nat]
        actor_names += [f"الحكومه {a}" for a in _words(actors.get("government_adjectives"))]
        self._state_names = _words(actors.get("context_names"))
        self._action_words = set(_words(actors.get("action_words")))
        # Verbs after a state that make it their subject («إسرائيل تقصف», «إيران نفت»):
        # the feminine forms of the action words (a state is grammatically feminine).
        self._state_verbs_after = {w for w in self._action_words if w[:1] == "ت" or w[:2] == "ست" or w.endswith("ت")}
        self._state_place_verbs = set(_words(actors.get("state_place_verbs")))
        # The masculine imperfect too, for the masculine states («العراق يعاني», «لبنان يشهد»).
        self._state_place_verbs |= {"ي" + w[1:] for w in self._state_place_verbs if w[:1] == "ت"}
        self._accusation = set(_words(actors.get("accusation_words")))
        self._backing = set(_words(actors.get("backing_words")))
        # Words after which a state is its government, whatever else the sentence says: the
        # one accused («تتهم رواندا», «واتهمت إيران», «اتهام موسكو»), the one a claim is
        # attributed to («وفق باكو», «بحسب موسكو»), the one in control («تحت سيطرة الهند»).
        self._government_cues = (
            self._accusation | {"و" + w for w in self._accusation}
            | {"وفق", "بحسب", "حسب", "سيطره", "لسيطره", "بسيطره"}
            # The one who helps, mediates or intervenes: «مساعدة فرنسا», «بوساطة قطر».
            | {"مساعده", "بمساعده", "وساطه", "بوساطه", "تدخل", "بتدخل"}
        )
        # Every gender and number of a backing adjective: «المقربة من إيران» lists «المقرب من
        # إيران», «المقربين من…» too (the masculine, and its sound plural). Not «التابع»: «المركز
        # التابع للهيئة…» is a body's, and «تابع» a verb.
        masculine = {w[:-1] for w in self._backing if w.endswith("ه") and len(w) > 4} - {"تابع", "التابع"}
        self._backing |= masculine | {w + "ين" for w in masculine}
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
        self._short_form_heads = {_canonical_spelling(w) for w in _words(actors.get("short_form_heads"))}
        # Every spelling of a short form («الميليشيا», «المليشيا») → its canonical spelling.
        self._short_form_spellings = {
            v: "ال" + h for h in self._short_form_heads for v in _spelling_variants("ال" + h)
        }
        # A name listed both bare and with a short-form head («حماس» / «حركة حماس»): the
        # bare name licenses the short form too («الحركة»); so do the plural forms of a nisba
        # name («جماعة الحوثي» → «الحوثيون», «الحوثيين»).
        self._short_form_of: dict[str, str] = {}
        for name in actor_names:
            head, _, rest = name.partition(" ")
            head = _canonical_spelling(head)
            if rest and head in self._short_form_heads:
                self._short_form_of.setdefault(rest, "ال" + head)
                if " " not in rest and rest.endswith("ي") and rest.startswith("ال"):
                    for plural in (rest + "ون", rest + "ين"):
                        self._short_form_of.setdefault(plural, "ال" + head)
        # Heads that take a construct chain as a name («قوات حماية الشعب», «وزارة شؤون
        # المرأة»); «جهاز تحديد المواقع» or «فرقة إنقاذ…» are things, not forces.
        self._chain_force_heads = self._force_heads - set(_words("جهاز فرقة قبيلة قبائل عشيرة عشائر".split()))
        # Heads before a quoted name in no list, a force: «فرقة "الحمزات"», «فصيل "X"»;
        # not «جهاز "X"» (a device) nor a tribe.
        self._quoted_force_heads = (self._force_heads | set(_words("مجموعة حركة تجمع".split()))) - set(
            _words("جهاز قبيلة قبائل عشيرة عشائر وزارة".split())
        )
        # Numbered units («الفرقة 25», «اللواء 444 قتال», «الكتيبة الخامسة»).
        self._unit_heads = set(_words(actors.get("unit_heads")))
        self._unit_ordinals = sorted(
            (tuple(o.split()) for o in _words(actors.get("unit_ordinals")) + _words(actors.get("unit_ordinal_tens"))),
            key=len, reverse=True,
        )
        self._unit_missions = set(_words(actors.get("unit_missions")))
        self._unit_branches = sorted((tuple(b.split()) for b in _words(actors.get("unit_branches"))), key=len, reverse=True)
        adjective_like = _words(actors.get("adjective_like"))
        # Groups named by a generic head («الفصائل المعارضة»), services by their head
        # («الشرطة»), groups after their members («مسلحي الحوثي»): see actors.py.
        self._faction_heads = {f for h in _words(actors.get("faction_heads")) for f in (h, "ال" + h)}
        self._faction_adjectives = set(_words(actors.get("faction_adjectives")))
        self._faction_not_after = set(_words(actors.get("faction_not_after")))
        self._service_names = set(_words(actors.get("service_names")))
        self._member_nouns = set(_words(actors.get("member_nouns")))
        self._member_group_names = set(_words(actors.get("member_group_names")))
        # Every word ``_group_references`` starts at, to skip the others at once.
        self._group_reference_words = (
            self._faction_heads | self._service_names | self._member_group_names | self._air_construct
            | set(self._short_form_spellings)
        )
        self._clause_openers = set(_words(actors.get("clause_openers")))
        self._place_body_prefixes = set(_words(actors.get("place_body_prefixes")))

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
        self._anaphora = set(_words(places.get("anaphora")))
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
        self._official_heads |= set(_words(sources.get("attributed_unnamed_heads")))
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
        # With an object pronoun: «بحسب ما ذكرته شبكة…», «في بيان نشرته قناة…».
        self._attribution |= {a + p for a in self._attribution for p in ("ه", "ها") if a[-1:] not in "اه"}
        # Words that, a few tokens before «ل“X”», show X is who was talked to.
        self._talked_to = self._attribution | set(self._unnamed_heads)
        self._talked_to |= set(_words("تصريح تصريحات حديث حديثه حديثها لقاء مقابلة".split()))
        # Reports and statements an outlet published: «تقرير لموقع X», «تحقيق لصحيفة X».
        self._reported_in = self._talked_to | set(_words("تقرير تقريرا تحقيق تحقيقا بيان مقال مقالا".split()))
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
        # The same lists by first word (order kept): the COUNT rules try the phrases that
        # can start at a token, not every phrase at every candidate.
        self._qualifiers_by_first = _by_first_word(self._qualifiers)
        self._blocker_phrases_by_first = _by_first_word(self._blocker_phrases)
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
        # Rescue services named by a head and their service word («خدمة الإسعاف الليبية»).
        self._rescue_heads = set(_words(sources.get("rescue_heads")))
        self._rescue_words = set(_words(sources.get("rescue_words")))
        # State media named by nationality or as official («التلفزيون الإيراني الرسمي»).
        self._broadcaster_heads = set(_words(sources.get("broadcaster_heads")))
        self._broadcaster_needs_attribution = set(_words(sources.get("broadcaster_needs_attribution")))
        self._broadcaster_adjectives = self._nationalities | self._outlet_adjectives | set(_words("العبري العبرية الموالي الموالية".split()))

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
        self._add_world_states(groups)
        return groups

    # Troops counted, then the state they come from: «آلاف الجنود من رواندا».
    _TROOPS = frozenset("جنود الجنود جندي جنديا قوات القوات عسكري عسكريا عسكريين العسكريين".split())
    _TROOP_COUNTS = frozenset("الاف الف مئات عشرات مئه الفي".split())
    # A reaction a government gives: «تعليق (رسمي) من X», «رد من X».
    _REACTIONS = frozenset("تعليق تعليقا رد ردا موقف تاكيد نفي اعتراف احتجاج".split())
    _REACTION_ADJECTIVES = frozenset("رسمي رسميا فوري فوريا علني".split())
    # A preposition with the pronoun of a relative's antecedent, after its verb: «التي تسيطر
    # عليها X».
    _RESUMPTIVES = frozenset("فيها فيه عليها عليه بها به منها منه".split())
    _RELATIVES = frozenset(("ما", "التي", "الذي", "الذين", "اللذين", "اللتين"))

    def _state_acts_by_context(self, s: int, norm: list[str], verb_of_a_state: Callable[[str], bool]) -> bool:
        """Do the words before the state at ``s`` make it its government, whatever follows:
        a word of ``_government_cues`` («تتهم رواندا», «وفق باكو», «تحت سيطرة الهند»), a
        relative's verb and a resumptive preposition («المناطق التي تسيطر عليها تركيا», the
        state its subject), a counted contingent («آلاف الجنود من رواندا»)? ``verb_of_a_state``
        tells a verb whose subject a state may be (the actor rules')."""
        prev = norm[s - 1] if s > 0 else ""
        if prev in self._government_cues:
            return True
        if prev == "من" and s > 1 and (
            norm[s - 2] in self._REACTIONS or (s > 2 and norm[s - 2] in self._REACTION_ADJECTIVES and norm[s - 3] in self._REACTIONS)
        ):
            return True  # «لم يصدر تعليق رسمي من كييف»: a reaction comes from a government
        if prev in self._RESUMPTIVES and s > 2 and norm[s - 3] in self._RELATIVES and verb_of_a_state(norm[s - 2]):
            return True
        return prev == "من" and s > 2 and norm[s - 2] in self._TROOPS and (
            norm[s - 3].isdigit() or norm[s - 3] in self._TROOP_COUNTS
        )

    # Words before «بين» that make what follows the two ends of a place relation: a border, a
    # road, a crossing, a distance, where something lies or is spread, travel between places
    # («على الحدود بين الكونغو وأوغندا», «الطريق الرابط بين X وY», «الواقعة بين X وY»).
    _BETWEEN_PLACES = frozenset(
        "الحدود حدود الحدوديه الحدودي الحد حد الطريق طريق الطرق الرابط الرابطه يربط تربط الواصل "
        "الواقع الواقعه يقع تقع الممتد الممتده تمتد يمتد المسافه مسافه الفاصل الفاصله يفصل تفصل "
        "المعبر معبر المعابر الجسر جسر الخط خط الرحلات رحلات الرحله رحله الطيران السفر التنقل "
        "النقل العبور الانتقال انتقل ينتقل تنقل يتنقل متنقلا موزعين موزعه تتوزع يتوزع".split()
    )
    # A region right before «بين» lies between the two («في المنطقة بين تشاد والنيجر»); further
    # before, something else says what it is («المنطقة المتنازع عليها بين الهند وباكستان»).
    _REGIONS = frozenset("المنطقه منطقه مناطق المناطق".split())

    def _parties_between(self, s: int, e: int, orth: list[str], norm: list[str], partners: set[int]) -> bool:
        """Is the state at ``s:e``, after «بين» and before «و» and another state or actor (a
        start in ``partners``), one of two parties («توترات متصاعدة بين الهند وباكستان», «القصف
        المتبادل بين إسرائيل وحزب الله», «المنطقة المتنازع عليها بين X وY»)? Between two
        states there is a tension, a dispute, talks or fire unless the words just before
        «بين» relate two places (``_BETWEEN_PLACES``: «الحدود بين X وY»). A capital is a
        party only after a word of a fight or a deal (the suggester's own check): «بين دمشق
        وحمص» is a road or a trip more often than a dispute."""
        if s < 2 or norm[s - 1] != "بين" or e >= len(norm) or " ".join(norm[s:e]) not in self._territories:
            return False
        if orth[e] == "و":
            partner = e + 1
        elif orth[e][:1] == "و" and orth[e] != norm[e]:
            partner = e
        else:
            return False
        if partner not in partners:
            return False
        if norm[s - 2] in self._REGIONS:
            return False
        before = norm[max(0, s - 4) : s - 1]
        return not any(w in self._BETWEEN_PLACES or w[1:] in self._BETWEEN_PLACES for w in before)

    @property
    def _territories(self) -> frozenset[str]:
        """The folded names of the world's states and territories (not their capitals), from
        ``states.tsv``, computed once."""
        found: frozenset[str] | None = getattr(self, "_territory_names", None)
        if found is None:
            found = self._territory_names = frozenset(r.name for r in self._world_state_rows() if r.kind == "territory")
        return found

    def _resource_path(self, name: str) -> Path:
        """The derived resource ``name`` (a word list, a TSV) in the suggester's gazetteer
        directory: the one it was given, else ``resources/gazetteers``. A directory of another
        domain has its own resources, or none."""
        from annotator.core.suggest.base import gazetteer_dir

        return (self._gazetteer_dir if self._gazetteer_dir is not None else gazetteer_dir()) / name

    def _world_state_rows(self) -> list[StateRow]:
        """The rows of ``states.tsv`` in the suggester's gazetteer directory, read once: the
        world states and the forces named by their nationality adjective both come from them."""
        rows: list[StateRow] | None = getattr(self, "_state_rows", None)
        if rows is None:
            rows = self._state_rows = _load_state_rows(self._resource_path(_STATES_RESOURCE))
        return rows

    def _add_world_states(self, groups: dict[str, list[str]]) -> None:
        """The states, territories and capitals of the world the hand lists do not name
        (``states.tsv``, see :mod:`.state_names`): states join the hand-listed ones (an ACTOR
        when they act, a LOCATION elsewhere), the names that need a cue the places that do."""
        rows = self._world_state_rows()
        if not rows:
            return
        listed = {name for names in groups.values() for name in names}
        # A territory the hand lists name as a place only («اليابان», «قبرص») is a state too:
        # it acts like the listed states («وأعلنت اليابان…»), and so does a capital of the news
        # list («كمبالا»); another capital keeps its place reading («طرابلس» is also Lebanon's,
        # «جوبا» the peace of Juba).
        elsewhere = {name for group, names in groups.items() if group != "LOC" for name in names}
        place_only = set(groups["LOC"]) - elsewhere
        listed -= {row.name for row in rows if (row.kind == "territory" or row.form == "news") and row.name in place_only}
        # And the other way round: a state or capital the hand lists name only as one that acts
        # («هايتي», «كينشاسا» among the acting states) is a place where it does not act.
        places = set(groups["LOC"]) | set(groups["LOC_CTX"]) | set(groups["LOC_HEAD"])
        listed -= {row.name for row in rows if row.name in elsewhere and row.name not in places}
        # A name that reads as a proclitic and a known word («فلبين» = «ف» + «ل» + «بين») would
        # match that word wherever it stands: left out.
        listed.update(row.name for row in rows if proclitic_length(row.name.split(" ", 1)[0]))
        readings = _classify_states(rows, listed, self._common_words().__contains__)
        acting = set(groups["STATE"])
        groups["STATE"].extend(n for n in readings.states if n not in acting)
        groups["LOC"].extend(n for n in readings.states if n not in place_only)
        # A state the hand lists name only as one that acts, in no row here («الكونغو
        # الديمقراطية», «نيودلهي»), is a place too where it does not act: its long form is
        # the place span, not the shorter listed place inside it. A body named by its head
        # («ولاية جوبالاند») stays an actor only.
        places |= set(groups["LOC"])
        groups["LOC"].extend(
            n for n in dict.fromkeys(groups["STATE"]) if n not in places and n.split(" ", 1)[0] not in self._heads
        )
        groups["LOC_CTX"].extend(n for n in readings.cued_places if n not in place_only)
        self._world_stems = frozenset(
            first
            for first in (n.split(" ", 1)[0] for n in readings.states + readings.cued_places)
            if len(first) > 3 and first not in self._lexicon
        )

    def _common_words(self) -> frozenset[str]:
        """Words that are the lexicon's before they are a place or a state: spaCy's Arabic stop
        words and the words the rules read as heads, cues, verbs, people, numbers, actors or
        sources. One definition for the world states and the GeoNames places: the location
        rules had their own, which shadowed this one in the suggester."""
        from spacy.lang.ar.stop_words import STOP_WORDS

        words = {fold(w) for w in STOP_WORDS}
        for group in (
            self._heads, self._strong_heads, self._plural_heads, self._place_cues, self._not_names,
            self._anaphora, self._name_stops, self._people, self._vague, self._nationalities,
            self._action_words, self._force_heads, self._unit_heads, self._official_heads,
            self._attribution, self._triggers, self._casualty_words, self._org_heads, self._outlet_heads,
            self._conflict_nouns, self._duals, self._member_nouns, self._faction_heads, self._ambiguous_cues,
            self._numbers, self._building_heads, self._facility_heads, self._name_prefixes,
        ):
            words.update(group)
        words.update(c[0] for c in self._compass)
        words.update(d[0] for d in self._directions)
        words.update("ال" + w for w in list(words) if not w.startswith("ال"))
        return frozenset(words)

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

    def _is_people(self, w: str) -> bool:
        if w in self._people:
            return True
        return w.startswith("ال") and w[2:] in self._people

    def _force_adjective(self, w: str) -> bool:
        """An adjective that belongs to a force name: a nationality, a listed word, or a
        definite nisba («الشعبي», «الجنوبي», «الشبوانية»), never a time word or participle."""
        if not w.startswith("ال") or w in self._force_stops or not w.isalpha():
            return False
        if w in self._nationalities or w in self._force_adjectives:
            return True
        return len(w) > 4 and (w.endswith("ي") or w.endswith("يه")) and w not in self._not_names
