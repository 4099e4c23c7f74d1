"""The rule suggester: builds the tokenizer, word sets and matcher once, then per article
tokenizes, matches and applies the rules of each label (see the package docstring)."""
from __future__ import annotations

from itertools import compress
from operator import add
from pathlib import Path
from typing import Any, Iterable

from annotator.core.counts import count_attributes_from_words, words_for_category
from annotator.core.domain import Suggestion
from annotator.core.errors import SuggesterUnavailable
from annotator.core.suggest.base import Suggester, load_gazetteer, resolve_overlaps
from annotator.core.suggest.rules.actor_groups import NAMING_VERBS
from annotator.core.suggest.rules.actors import _EMIRATE, _MOVEMENTS, _SELF_NAMING, ActorRules
from annotator.core.suggest.rules.counts import CountRules
from annotator.core.suggest.rules.lexicon import (
    _BOILERPLATE_RE,
    _CLOSING_QUOTES_ONLY,
    _COUNT_FATHA,
    _QUOTE_CHARS,
    _S_NAME,
    _S_PATTERN,
    _S_STATE_ACTS,
    _S_UNKNOWN,
    ORIGIN,
    _Cand,
    _canonical_spelling,
)
from annotator.core.suggest.rules.locations import LocationRules
from annotator.core.suggest.rules.matcher import RuleMatcher
from annotator.core.suggest.rules.source_bodies import _CIVIC_HEADS, _NGO_HEADS
from annotator.core.suggest.rules.sources import SourceRules
from annotator.core.text import fold, normalize, snap_span


#: «الأمن» after a masdar of which it is the object: security, not a security service.
_SECURITY = "الامن"
_SECURITY_AS_OBJECT = frozenset(("زعزعه", "حفظ", "استتباب", "تهديد", "اخلال", "ضبط", "تعزيز", "بسط", "فرض"))
#: Witnesses in the plural: a SOURCE without an attribution word near them.
_WITNESSES = frozenset(("شهود", "الشهود"))
#: Prepositions that make them the ones heard or met, not who tells («استمع إلى شهود»).
_NOT_BEFORE_WITNESSES = frozenset(("الي", "علي", "مع", "ضد"))
#: «تعرف باسم "X"»: the name a group goes by (see ``_known_as_group``).
_KNOWN_AS_NAME = "باسم"
#: «إعلام X»: the media office of the actor X.
_MEDIA_OF = "اعلام"
#: The ambulance service named by its service word alone («مدير الإسعاف»).
_AMBULANCE = "الاسعاف"
#: The adjective that closes an outlet's name in no list («المنشر الإخباري»).
_NEWSY = frozenset(("الاخباري", "الاخباريه"))


class RuleSuggester(ActorRules, LocationRules, SourceRules, CountRules, RuleMatcher, Suggester):
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
        self._gazetteer_dir = Path(gazetteer_dir) if gazetteer_dir is not None else None
        actors = load_gazetteer("actors", gdir)
        places = load_gazetteer("locations", gdir)
        sources = load_gazetteer("sources", gdir)
        counts = load_gazetteer("counts", gdir)

        self.nlp = spacy.blank("ar")
        self._tune_tokenizer()
        groups = self._load_word_sets(actors, places, sources, counts)
        self._load_discourse_words(actors)
        self._add_national_forces(groups)
        self._add_group_head_variants(groups)  # «تنظيم الشباب» as «حركة الشباب»
        self._add_hard_g_variants(groups)  # «فاجنر» as «فاغنر»
        self._build_phrases(PhraseMatcher, groups)

        # Words that start a pattern handled by the token pass in ``suggest``.
        self._pattern_starts = (
            self._strong_heads | self._plural_heads | set(self._unnamed_heads) | self._attribution
            | self._force_heads | self._unit_heads | self._official_heads | self._org_heads
            | self._territory_bodies | self._collective_heads | self._place_only_heads | self._directorate_only_heads
            | self._rescue_heads | self._broadcaster_heads | self._outlet_heads | self._quoted_force_heads
            | {"اسم", _KNOWN_AS_NAME, _EMIRATE, _AMBULANCE} | NAMING_VERBS | _NEWSY | _NGO_HEADS | _CIVIC_HEADS | _MOVEMENTS | set(self._unit_clitic_forms) | self._liberation_heads
        )
        # Head nouns spelt with a hamza: a token with a hamza its head never has is a verb
        # that folds to the head («وأدى» → «وادي»), not the head.
        self._hamza_heads = {fold(h) for h in (places.get("heads") or []) + (places.get("strong_heads") or [])
                             if any(c in "أإآ" for c in str(h))}
        self._hamza_free_heads = (self._heads | self._strong_heads) - self._hamza_heads  # see _drop_false_heads


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
        orth = list(map(body.__getitem__, map(slice, idx, map(add, idx, lengths))))  # in C: body[a : a + length]
        cache = self._norm_cache
        norm = list(map(cache.__getitem__, orth))  # a form met for the first time is computed
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
                if self._heads_another_body(s, e, orth, norm, n):
                    continue  # «الهيئة العامة للإعلام» is not «الهيئة» (HTS)
                if s > 0 and norm[s] == _SECURITY and (
                    norm[s - 1] in _SECURITY_AS_OBJECT or (norm[s - 1][:1] in "وبل" and norm[s - 1][1:] in _SECURITY_AS_OBJECT)
                ):
                    continue  # «زعزعة الأمن العام»: public security, not the service
                if (
                    s > 0 and orth[s] == norm[s] and norm[s - 1] == _MEDIA_OF and orth[s - 1] == norm[s - 1]
                    and (s < 2 or norm[s - 2] != "وسائل")  # «وسائل إعلام الحوثيين»: the media of a side
                ):
                    # «إعلام الحشد الشعبي»: a force's media office reports (guidelines §6)
                    cands.append(_Cand(s - 1, e, "SOURCE", _S_STATE_ACTS))
                    continue
                if self._people_of_group(s, e, norm):
                    continue  # «القادة الحوثيين»: members, not the group
                act_starts[s] = max(e, act_starts.get(s, 0))
                end = self._government_adjective_end(s, self._extend_nationality(e, orth, norm, n), orth, norm, n)
                if end == e and e - s == 1 and norm[s] == "الجيش":
                    end = self._army_nisba_end(e, orth, norm, n)  # «الجيش الأوغندي»: a country in no list
                if norm[s] in self._unit_heads:
                    end = self._unit_mission(end, orth, norm, n)  # «اللواء الرابع للحماية الرئاسية»
                cands.append(_Cand(s, end, "ACTOR", _S_NAME))
            elif group == "ACT_ADJ":
                # «الانتقالي» is the Southern Transitional Council unless it qualifies the
                # definite noun before it («الحكم الانتقالي»).
                if orth[s] != norm[s] or s == 0 or not norm[s - 1].startswith("ال"):
                    cands.append(_Cand(s, e, "ACTOR", _S_PATTERN))
            elif group == "STATE":
                state_hits.append((s, e))
                # «إسرائيل تقصف دمشق», «الطائرات الإسرائيلية قصفت سوريا»: an actor right
                # before the verb is its subject, the state after the verb its object.
                # Not after a masdar: in «التحالف بقيادة الولايات المتحدة» the state leads.
                verb = norm[s - 1] if s > 0 else ""
                subject_before = (
                    s > 1
                    and verb in self._action_words
                    and verb not in self._government_cues  # «السلطات تتهم رواندا»: the accused acts
                    and (verb.endswith("ت") or self._verb_of_a_state(verb))
                    and any(c.end == s - 1 and c.label == "ACTOR" for c in cands[-4:])
                )
                if s > 0 and orth[s] == norm[s] and _canonical_spelling(norm[s - 1]) in self._state_militia_heads:
                    cands.append(_Cand(s - 1, e, "ACTOR", _S_STATE_ACTS))  # «ميليشيات إيران»: its militias
                    acting.add((s, e))
                elif not subject_before and (
                    self._state_acts_by_context(s, norm, self._verb_of_a_state) or self._state_acts(s, e, orth, norm, n)
                ):
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
                # «وقال فلان، شاهد عيان، إن…»: in apposition to the speaker, the attribution is
                # before the name and its comma.
                apposed = s > 1 and orth[s - 1] in "،," and self._attributed(s - 3, e, norm)
                # Witnesses in the plural are who tells (dev sets: every «شهود» and «الشهود»
                # is annotated: «رواية الشهود», «صور التقطها شهود»), unless heard or met.
                witnesses = norm[s] in _WITNESSES and (s == 0 or norm[s - 1] not in _NOT_BEFORE_WITNESSES)
                # The nominative is the subject of the verb before it («تداول ناشطون»), not a
                # participle after a name («"X" ناشطون في بلدة»: active in).
                nominative = norm[s].endswith("ون") and s > 0 and orth[s - 1].isalpha()
                if nominative or witnesses or self._attributed(s, e, norm) or apposed:
                    cands.append(_Cand(s, self._activists_end(e, orth, norm, n), "SOURCE", _S_NAME))
            elif group == "SRC":
                # «وكالة سانا», «لموقع المدن»: the outlet's head is inside (its clitic is not).
                # «موقع تلفزيون سوريا»: a name that starts with a medium takes no head before it.
                start = s - 1 if s > 0 and norm[s - 1] in self._outlet_heads and norm[s] not in self._MEDIUM_HEADS else s
                if s > 1 and norm[s - 1] == "انباء" and norm[s - 2] in self._outlet_heads:
                    start = s - 2  # «وكالة أنباء أسوشيتد برس»: the generic head is inside
                # «وكالة الأنباء اللبنانية الرسمية»: the adjectives of a source are inside
                end = self._outlet_adjective_end(self._extend_nationality(e, orth, norm, n), orth, norm, n)
                if start < s and end == e and end < n and orth[end] in self._NEWS_COMPLEMENTS:
                    end += 1  # «وكالة رويترز للأنباء»: with its head, the agency's full name
                cands.append(_Cand(start, end, "SOURCE", _S_NAME))
            elif group == "SRC_Q":
                if s > 1 and norm[s - 2] in self._building_heads and self._quoted(s, e, orth):
                    continue  # «مستشفى "الأمل"»: a building's name
                if self._quoted(s, e, orth) or (s > 0 and norm[s - 1] in self._attribution) or (
                    s > 0 and norm[s - 1] in self._outlet_heads
                ) or self._document_seen_by(s, norm) or self._in_dateline(s, e, orth) or self._talked_to_outlet(
                    s, orth, norm, cands
                ):
                    # Quoted and talked to («قالت مصادر لـ«الشرق الأوسط»»): the outlet, not
                    # the region of the same name.
                    talked_to = self._quoted(s, e, orth) and s > 1 and orth[s - 2][:1] == "ل" and any(
                        w in self._talked_to for w in norm[max(0, s - 8) : s - 2]
                    )
                    start, end = s, e
                    if not self._quoted(s, e, orth) and s > 0 and norm[s - 1] in self._outlet_heads:
                        # «صحيفة الثورة اليمنية»: unquoted, the head and the nationality are inside
                        start, end = s - 1, self._outlet_adjective_end(self._extend_nationality(e, orth, norm, n), orth, norm, n)
                    cands.append(_Cand(start, end, "SOURCE", _S_STATE_ACTS if talked_to else _S_NAME))
        # «اتهمت إيران إسرائيل…», «تتهم الحكومة السودانية الإمارات…»: a state right after
        # an accuser that follows an accusation word is accused of acting.
        # «… الولايات المتحدة وبريطانيا وفرنسا»: a state coordinated with an acting state
        # acts too; «الاتفاق الموقع بين روسيا وتركيا»: the parties to an agreement act.
        if state_hits:
            accusers = {
                c.end for c in cands if c.label == "ACTOR" and c.start > 0 and norm[c.start - 1] in self._accusation
            }
            acting_ends = {e for _, e in acting}
            # «قيادة الجيش الصومالي وولاية هيرشابيل»: coordinated with a named force, a party too.
            named_ends = {c.end for c in cands if c.label == "ACTOR" and c.score == _S_NAME}
            # «سلطات أرمينيا وأذربيجان», «حكومتي مالي وبوركينا فاسو»: a state under a force's
            # head is an actor (matched later), the state coordinated with it one too.
            named_ends |= {e for s, e in state_hits if s > 0 and norm[s - 1] in self._place_force_heads}
            # «توترات بين الهند وباكستان»: a state and the state or actor after it are parties.
            partners = {s for s, _ in state_hits} | {c.start for c in cands if c.label == "ACTOR"}
            for s, e in state_hits:
                if (s, e) in acting:
                    continue
                # «بين "حزب الله" وإسرائيل»: the quote closing the named actor may stand between.
                after = s - 1 if s > 0 and orth[s - 1] in _QUOTE_CHARS else s
                coordinated = orth[s][:1] == "و" and orth[s] != norm[s] and (
                    s in acting_ends or s in named_ends or after in named_ends
                )
                party = s > 1 and norm[s - 1] == "بين" and any(  # «بالحرب بين إسرائيل وحماس»
                    w in self._agreement_words or (w[:1] in "وبل" and w[1:] in self._agreement_words)
                    for w in norm[max(0, s - 5) : s - 1]
                ) or self._parties_between(s, e, orth, norm, partners)
                if s in accusers or coordinated or party:
                    cands.append(_Cand(s, e, "ACTOR", _S_STATE_ACTS))
                    acting_ends.add(e)

        # Token patterns (a plain pass: cheaper than spaCy's Matcher for these few shapes).
        for i in compress(range(n), map(self._pattern_starts.__contains__, norm)):  # the few pattern words
            w = norm[i]
            if w in self._unnamed_heads:  # «مصادر ميدانية», «مصدران طبيان», «مصادر طبية وأمنية»
                j = self._source_adjectives_end(i + 1, orth, norm, n)
                if j == i + 1 and (i + 1) not in act_starts:
                    j = self._sources_of_a_body_end(i, orth, norm, n)  # «تحدثت مصادر الميادين»
                if j > i + 1 or self._bare_unnamed(i, orth, norm, n, placed=True):
                    cands.append(_Cand(i, j, "SOURCE", _S_PATTERN))
            if w in self._collective_heads:  # «وسائل إعلام», «صحف ومواقع يمنية»
                cand = self._media_collective(i, orth, norm, n)
                if cand is not None:
                    cands.append(cand)
            if w in self._attributed_bodies:  # «تقول منظمات حقوقية», not «قال مسؤول أمني»
                j = self._source_adjectives_end(i + 1, orth, norm, n)
                # «نقلت رويترز عن مسؤولين أمنيين»: the reported speaker after «عن»
                reported = i > 0 and norm[i - 1] == "عن" and any(a in self._attribution for a in norm[max(0, i - 6) : i - 1])
                # Without an adjective an official is an unnamed individual, not annotated
                # (guidelines §6: «مسؤول»), unlike a bare «مصادر».
                if j > i + 1 and (self._attributed(i, j, norm) or reported):
                    cands.append(_Cand(i, j, "SOURCE", _S_PATTERN))
            if w in self._strong_heads and i + 1 < n and orth[i + 1] in _QUOTE_CHARS:
                cand = self._quoted_place(i, orth, norm, n)  # «قرية "الطيبة"»
                if cand is not None:
                    cands.append(cand)
            if w in self._quoted_force_heads and i + 1 < n and orth[i + 1] in _QUOTE_CHARS:
                cand = self._quoted_force(i, orth, norm, n)  # «فرقة "الحمزات"»
                if cand is not None:
                    cands.append(cand)
            if w in _MOVEMENTS and i + 1 < n and norm[i + 1] not in self._liberation_masdars:
                cand = self._acting_movement(i, orth, norm, n)  # «أعلنت حركة المجاهدين»
                if cand is not None:
                    cands.append(cand)
            if w in self._bracket_force_heads and i + 1 < n and orth[i + 1] == "(":
                cand = self._bracketed_force(i, orth, norm, n)  # «حركة (الشباب)»
                if cand is not None:
                    cands.append(cand)
            if w == "اسم" and 0 < i < n - 1 and orth[i + 1] in _QUOTE_CHARS and (
                norm[i - 1] in _SELF_NAMING or (norm[i - 1] == "تحت" and self._names_a_group_before(i - 1, cands, norm))
            ):
                cand = self._quoted_force(i, orth, norm, n)  # «تطلق على نفسها اسم "X"»
                if cand is not None:
                    # The name a group goes by, even where it reads as a place («ولاية X»).
                    cands.append(_Cand(cand.start, cand.end, "ACTOR", _S_STATE_ACTS))
            if w == _KNOWN_AS_NAME and i + 2 < n and orth[i + 1] in _QUOTE_CHARS:
                cand = self._known_as_group(i, cands, orth, norm, n)  # «تعرف باسم "X"»
                if cand is not None:
                    cands.append(cand)
            if w in NAMING_VERBS and i + 2 < n:
                cand = self._called_group(i, cands, orth, norm, n)  # «مجموعة مسلحة تدعى "X"»
                if cand is not None:
                    cands.append(cand)
            if w in self._plural_heads and i + 2 < n and orth[i + 1] in _QUOTE_CHARS:
                cands.extend(self._listed_places(i + 1, orth, norm, n))  # «قريتي “الفدغمي، والدشيشة”»
            if i + 1 >= n or not norm[i + 1].isalnum():
                continue
            if (
                w == _EMIRATE and orth[i + 1] == norm[i + 1] and (i + 1) not in name_starts
                and norm[i + 1] not in self._emirate_places and self._force_name_word(norm[i + 1])
            ):
                # «إمارة الصحراء»: an armed group's emirate; «إمارة دبي» is a known place
                cands.append(_Cand(i, self._force_adjectives_end(i + 2, orth, norm, n), "ACTOR", _S_PATTERN))
            if w in self._liberation_heads and (norm[i + 1] in self._liberation_masdars or w[:2] == "ال"):
                cand = self._liberation_movement(i, orth, norm, n, name_starts)  # «جبهة تحرير أزواد»
                if cand is not None:
                    cands.append(cand)
            if w in self._unit_heads or w in self._unit_clitic_forms:  # «الفرقة 25», «اللواء 444 قتال», «للواء 22»
                cand = self._numbered_unit(i, orth, norm, n)
                if cand is not None:
                    cands.append(cand)
            if (
                w in self._place_only_heads or (w in self._directorate_only_heads and self._directorate_before(i, norm))
            ) and orth[i + 1] == norm[i + 1]:
                # «شرطة ديالى», «مجلس منبج العسكري», «شرطة محافظة الأنبار», «مديرية أمن X»
                place = i + 2 if norm[i + 1] in self._admin_heads and i + 2 < n and orth[i + 2] == norm[i + 2] else i + 1
                if place in loc_starts:
                    opens_at = i - 1 if orth[i] == w and self._directorate_before(i, norm) else i  # «مديرية شرطة ديالى»
                    # «مجلس منبج العسكري» takes its adjective; «مديرية أمن طرابلس الليبية» does not
                    # take the country of the place (guidelines §2.2: a country adjective is outside).
                    end = name_starts[place]
                    if end < n and norm[end] not in self._nationalities:
                        end = self._force_adjectives_end(end, orth, norm, n)
                    cands.append(_Cand(opens_at, end, "ACTOR", _S_PATTERN))
                elif w in self._directorate_only_heads and self._force_name_word(norm[place]) and orth[place] == norm[place]:
                    # «مديرية أمن الزاوية»: after the directorate, the word is the place's name
                    # even where no list has it (or has it for something else).
                    cands.append(_Cand(i - 1, place + 1, "ACTOR", _S_UNKNOWN))
                elif (
                    w in self._police_heads and self._unlisted_place_name(place, orth, norm, admin=place > i + 1)
                    and not self._names_a_building(i, orth, norm)  # «مركز شرطة X»: a building
                ):
                    end = place + 1
                    if place > i + 1 and end < n and self._unlisted_place_name(end, orth, norm, admin=True) and (
                        end + 1 >= n or not norm[end + 1].isalpha()
                    ):
                        end += 1  # «شرطة منطقة X Y،»: a name of two words, closed by punctuation
                    cands.append(_Cand(i, end, "ACTOR", _S_UNKNOWN))  # «شرطة زمفارا», «شرطة إقليم الساحل»
                elif w in self._police_heads and not self._names_a_building(i, orth, norm):
                    cand = self._police_of_a_territory(i, orth, norm, n)  # «شرطة الولاية», «شرطة منطقة X Y»
                    if cand is not None:
                        cands.append(cand)
            if w in self._force_heads:  # «قوات الدعم السريع», «قوات العمالقة الجنوبية»
                cand = self._force(i, orth, norm, n, name_starts, loc_starts)
                if cand is not None:
                    cands.append(cand)
            if w in self._org_heads:  # «المركز اليمني لحقوق الإنسان»
                cand = self._org_name(i, orth, norm, n)
                if cand is not None:
                    cands.append(cand)
            if w in self._strong_heads and (i + 1) not in act_starts:  # «قرية الكبير», not «معسكر الجيش»
                cand = self._unknown_place(i, orth, norm, n, name_starts)
                if cand is not None:
                    cands.append(cand)
            if w in self._rescue_heads:  # «خدمة الإسعاف الليبية», «الهيئة العامة للإسعاف»
                cand = self._rescue_service(i, orth, norm, n, name_starts, loc_starts)
                if cand is not None:
                    cands.append(cand)
            if w in self._broadcaster_heads:  # «التلفزيون الإيراني الرسمي»
                cand = self._broadcaster(i, orth, norm, n)
                if cand is not None:
                    cands.append(cand)
            if w in self._CORRESPONDENTS and (i + 1) not in name_starts:  # «قال مراسل وطن إف إم إن»
                cand = self._correspondent_outlet(i, orth, norm, n)
                if cand is not None:
                    cands.append(cand)
            if w in self._territory_bodies and (i + 1) in loc_starts:  # «صحة غزة»: a source
                cands.append(_Cand(i, name_starts[i + 1], "SOURCE", _S_STATE_ACTS))
            if w in self._plural_heads:  # «قرى الهوشرية والصيادة»
                cands.extend(self._listed_places(i + 1, orth, norm, n))
            if (
                w in self._outlet_heads
                and orth[i][:1] == "ل"
                and orth[i] != w
                and (i + 1) not in name_starts
                and norm[i + 1].isalpha()
                and any(t in self._reported_in for t in norm[max(0, i - 2) : i])
            ):
                cand = self._unquoted_outlet(i, orth, norm, n, name_starts, loc_starts)  # «تحقيق لموقع بيلينغكات»
                if cand is not None:
                    cands.append(cand)
            if w in self._outlet_heads and norm[i + 1] == "انباء" and (i + 2) not in name_starts and i + 2 < n and norm[i + 2].isalpha():
                cand = self._unquoted_outlet(i, orth, norm, n, name_starts, loc_starts)  # «وكالة أنباء صابرين»
                if cand is not None:
                    cands.append(cand)
            if w in _NGO_HEADS:
                cand = self._coordinated_body(i, orth, norm, n, cands)  # «قال شاهد وجماعة حقوقية»
                if cand is not None:
                    cands.append(cand)
            if w in _CIVIC_HEADS:
                cand = self._civic_bodies(i, orth, norm, n)  # «منظمات حقوقية», «المنظمات الإنسانية»
                if cand is not None:
                    cands.append(cand)
            if w in _NEWSY:
                cand = self._newsy_outlet(i, orth, norm)  # «لـ المنشر الإخباري»
                if cand is not None:
                    cands.append(cand)
            if w == _AMBULANCE:
                cand = self._titled_rescue(i, orth, norm)  # «قال مدير الإسعاف»
                if cand is not None:
                    cands.append(cand)
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
        if state_hits:
            # «سلطات أرمينيا», «سلطات مالي»: the authorities of a state are the state, the head
            # outside (as «سلطات الحوثيين» → «الحوثيين»; dev sets: 3 of 3).
            states = set(state_hits)
            cands = [
                _Cand(c.start + 1, c.end, c.label, _S_STATE_ACTS)
                if c.label == "ACTOR" and norm[c.start] in self._authority_heads and (c.start + 1, c.end) in states
                else c
                for c in cands
            ]
            cands = self._forces_of_a_state(cands, orth, norm, state_hits)  # «الحكومة الوطنية لجنوب السودان»
        cands.extend(self._coded_groups(orth, norm, n))
        cands.extend(self._kunya_groups(orth, norm, n))
        cands.extend(self._coordinated_places(cands, orth, norm, n))  # «في X و[place]» (locations.py)
        cands = self._group_heads_before_names(cands, orth, norm)
        cands = [self._to_closing_quote(c, orth, norm, n) for c in cands]
        cands = self._joint_portfolios(cands, orth, norm, n, name_starts)
        cands.extend(self._quoted_outlets(orth, norm))
        cands.extend(self._coded_sources(orth, norm, n))
        cands.extend(self._contextual_sources(cands, orth, norm, n, name_starts, loc_starts, act_starts))  # «المتحدث باسم X»
        cands.extend(self._counts(orth, norm, n))
        cands.extend(self._group_references(cands, orth, norm, n))
        cands.extend(self._bracketed_acronyms(cands, orth, n))
        cands.extend(self._short_forms(cands, orth, norm))
        cands.extend(self._coordinated_security(cands, orth, norm, n))
        cands.extend(self._discourse_names(cands, orth, norm, n))
        cands.extend(self._context_groups(cands, orth, norm, n))  # «مقاتلاً من القاعدة»
        cands.extend(self._speaking_state_bodies(cands, orth, norm, n))  # «وقالت الرئاسة»
        cands = self._government_qualifiers(cands, orth, norm, n)
        cands = self._coordinated_adjectives(cands, orth, norm, n)  # «الحشد الشعبي والعشائري»
        cands = self._construct_heads_before_actors(cands, orth, norm)  # «قوة الدفاع الوطني»
        cands = self._titled_leaders(cands, orth, norm, n)  # «حكومة الرئيس حميد كرزاي»
        cands = self._names_over_counted_words(cands)
        cands = self._bodies_of_places(cands, orth, norm, n, {s for s, _ in state_hits})

        out: list[Suggestion] = []
        spans: dict[tuple[int, int, str], tuple[int, int]] = {}  # a quarter of the candidates repeat one
        for c in cands:
            label = "COUNT" if c.label == _COUNT_FATHA else c.label
            if label not in self.labels:
                continue
            a = idx[c.start]
            span = spans.get((c.start, c.end, label))
            if span is None:
                start, end = snap_span(text, *nt.to_original(a, idx[c.end - 1] + len(orth[c.end - 1])))
                start = self._after_token_clitic(start, end, a, orth[c.start], norm[c.start], nt, label)
                span = spans[(c.start, c.end, label)] = (start, end)
            start, end = span
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

    @staticmethod
    def _names_over_counted_words(cands: list[_Cand]) -> list[_Cand]:
        """A word that is both an ACTOR name and a dual or plural is the name: «طالبان» is the
        movement, not two students, once it is listed or named as a group in the article
        («حركة "X"», then «X» alone), whatever the scores of the two readings."""
        actor_spans = {(c.start, c.end) for c in cands if c.label == "ACTOR"}
        if not actor_spans:
            return cands
        return [
            c for c in cands
            if not (c.label in ("COUNT", _COUNT_FATHA) and (c.start, c.end) in actor_spans)
        ]

    def _to_closing_quote(self, c: _Cand, orth: list[str], norm: list[str], n: int) -> _Cand:
        """A name that opens a quote runs to the closing quote (guidelines §3.4: the quoted
        name is the span): «"لواء الثوار الأحرار"», where the lists know «لواء الثوار» only.
        Up to two plain words may follow what the rules found, no clitic, no function word."""
        if c.label not in ("ACTOR", "SOURCE") or c.start == 0 or orth[c.start - 1] not in _QUOTE_CHARS:
            return c
        if c.score == _S_STATE_ACTS:
            return c  # «صحيفة "واشنطن بوست"»: a state is a whole name, never the start of a quoted one
        quote = orth[c.start - 1]
        if quote in _CLOSING_QUOTES_ONLY:
            return c
        if quote in "\"'":  # a straight quote opens when an even number of them precede it on the line
            k, seen = c.start - 2, 0
            while k >= 0 and "\n" not in orth[k]:
                seen += orth[k] == quote
                k -= 1
            if seen % 2:
                return c
        for q in range(c.end, min(n, c.end + 3)):
            if orth[q] in _QUOTE_CHARS:
                return _Cand(c.start, q, c.label, c.score) if q > c.end else c
            w = norm[q]
            if orth[q] != w or not w.isalpha() or w[:1] in "وف" or w in self._OUTLET_END or w in self._attribution:
                return c
        return c

    @staticmethod
    def _after_token_clitic(start: int, end: int, a: int, form: str, bare: str, nt: Any, label: str) -> int:
        """The start past the clitic the tokenizer split off the first word («لقوّات» → «قوّات»),
        where ``snap_span`` kept it because a diacritic hides the word it knows (guidelines
        §3.1). A COUNT keeps its «و» before digits («و50»), not before a word («وطفلتان»)."""
        if (label == "COUNT" and bare[:1].isdigit()) or form == bare or not form.endswith(bare):
            return start
        return max(start, min(end, nt.to_original(a + len(form) - len(bare), a + len(form))[0]))

    _HAMZA_ALEFS = frozenset("أإآ")

    def _drop_false_heads(self, text: str, nt: Any, idx: list[int], orth: list[str], norm: list[str]) -> None:
        """A head noun whose stored spelling has a hamza the head never has is another word
        that folds to it («وأدى القصف» is a verb, not «وادي»): its norm stops being the head."""
        # The heads spelt without a hamza («وادي»), found in C: few tokens of an article are.
        for i in compress(range(len(norm)), map(self._hamza_free_heads.__contains__, norm)):
            a, b = nt.to_original(idx[i], idx[i] + len(orth[i]))
            if not self._HAMZA_ALEFS.isdisjoint(text[a:b]):
                norm[i] = "\u0000" + norm[i]

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"RuleSuggester(labels={sorted(self.labels)})"
