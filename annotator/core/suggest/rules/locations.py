"""LOCATION rules: heads before names, directions and facility adjectives after them, context
for ambiguous names and heads, places in no list after a head, quoted and listed places."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.lang.ar.lexicon import PROCLITICS
from annotator.core.suggest.rules.lexicon import (
    _CLOSING_QUOTES_ONLY,
    _QUOTE_CHARS,
    _S_NAME,
    _S_UNKNOWN,
    _Cand,
    _WordMemo,
    _words,
)
from annotator.core.suggest.rules.place_context import PlaceContextRules
from annotator.core.suggest.rules.place_gazetteer import (
    COMMON_WORDS,
    VARIANT_BLOCKLIST,
    PhrasesWithPlaces,
    classify,
    load_places,
    load_word_list,
    skeleton,
    variant_names,
)
from annotator.core.text import proclitic_length


class LocationRules(PlaceContextRules):
    """The LOCATION rules of :class:`RuleSuggester`."""

    # Made by the matcher (:class:`.matcher.RuleMatcher`, mixed in by the suggester): the
    # tokenizer, the phrase matcher and its tables, which the place gazetteer extends.
    nlp: Any
    phrases: Any
    _group_of: dict[int, str]
    _inner_ok: set[tuple[str, ...]]
    _known: set[str]
    _norm_cache: dict[str, str]

    def _load_word_sets(
        self, actors: dict[str, Any], places: dict[str, Any], sources: dict[str, Any], counts: dict[str, Any]
    ) -> dict[str, list[str]]:
        """The lexicon's word sets, and every listed place as a folded string: a known place
        ends an unknown name after a head, and a source may be named with its place."""
        groups = super()._load_word_sets(actors, places, sources, counts)
        self._indefinite_name_heads = set(_words(places.get("indefinite_name_heads")))
        self._place_named_bodies = set(_words(places.get("place_named_body_heads")))
        self._compass_zone_heads = set(_words(places.get("compass_zone_heads")))
        self._geonames_stems: frozenset[str] = frozenset()
        self._context_places: frozenset[str] = frozenset()
        self._arabic_words: frozenset[str] = frozenset()
        self._listed_words: frozenset[str] = frozenset()
        self._geonames: dict[str, list[str]] = {}
        if places.get("geonames"):
            self._add_geonames_places(str(places["geonames"]), groups)
        self._place_names = frozenset(groups["LOC"]) | frozenset(groups["LOC_CTX"])
        self._context_places = frozenset(groups["LOC_CTX"]) | frozenset(self._geonames.get("LOC_CTX", ()))
        self._common_words_set = self._common_words()
        self._arabic_words = load_word_list(self._resource_path(COMMON_WORDS))
        self._anaphora_or_heads = self._anaphora | {"ال" + h for h in self._heads}
        self._place_names |= frozenset(n for names in self._geonames.values() for n in names)
        groups["LOC"].extend(self._glued_spellings(groups))
        self._state_set = frozenset(groups["STATE"])
        return groups

    def _build_phrases(self, phrase_matcher: Any, groups: dict[str, list[str]]) -> None:
        """The phrase matcher of the lists (:meth:`RuleMatcher._build_phrases`), then the
        GeoNames names matched beside it (:class:`.place_gazetteer.PhrasesWithPlaces`) in
        their groups, on the same norms."""
        super()._build_phrases(phrase_matcher, groups)  # type: ignore[misc]
        if not self._geonames:
            return
        strings = self.nlp.vocab.strings
        names: dict[int, list[tuple[int, ...]]] = {}
        for group, group_names in self._geonames.items():
            key = strings.add(group)
            self._group_of[key] = group
            for name in group_names:
                words = name.split()
                norms = [self._norm_for(w) if w[:1] in PROCLITICS else w for w in words]  # as the matcher does
                if norms[1:] != words[1:]:
                    self._inner_ok.add(tuple(words[1:]))
                names.setdefault(key, []).append(tuple(strings.add(w) for w in norms))
        self.phrases = PhrasesWithPlaces(self.phrases, names, *self._variant_matching())

    def _variant_matching(self) -> tuple[dict[str, list[tuple[tuple[str, ...], tuple[str, ...], int]]], Any]:
        """The spelling variants of the foreign gazetteer names (:func:`.place_gazetteer.
        variant_names`) by the skeleton of their first word, and the memo that tells, for a
        norm hash, the word, its skeleton and whether it may be a variant: a word of five
        letters or more, in no list, no gazetteer name as spelt, no word of the lexicon."""
        places = self._geonames_rows
        group_of = {name: group for group, names in self._geonames.items() for name in names}
        found = variant_names(places, group_of, load_word_list(self._resource_path(VARIANT_BLOCKLIST)))
        strings = self.nlp.vocab.strings
        variants: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], int]]] = {}
        for key, (name, group) in found.items():
            keys = tuple(key.split())
            variants.setdefault(keys[0], []).append((keys, tuple(name.split()), strings.add(group)))
        spelt = {place.name for place in places} | {w for p in places for w in p.name.split()}
        spelt |= self._place_names | self._common_words() | self._lexicon | self._known

        def word(h: int) -> tuple[str, str, bool]:
            w = strings[h]
            return w, skeleton(w), len(w) >= 5 and w.isalpha() and w not in spelt

        return variants, _WordMemo(word).__getitem__

    def _add_geonames_places(self, resource: str, groups: dict[str, list[str]]) -> None:
        """The GeoNames-derived place names (``geonames`` in locations.yaml names the
        resource, see :mod:`.place_gazetteer`): those safe alone are read as listed places
        (group ``LOC``), those that need a cue as context names (``LOC_CTX``); a name any
        list already has keeps its list's reading (an actor, a source, a place with its own
        rules). Matched beside the phrase matcher, see ``_build_phrases``."""
        path = Path(resource) if Path(resource).is_absolute() else self._resource_path(resource)
        if not path.exists():
            return  # a gazetteer directory of another domain, without the resource: no GeoNames
        self._geonames_rows = load_places(path)  # read once: the variants are built from it too
        common = self._common_words()
        listed = {name for names in groups.values() for name in names}
        safe, cued = classify(self._geonames_rows, common.__contains__, frozenset(self._name_prefixes))
        # A name that reads as a clitic and a known word («لابل» = «ل» + «ابل») would match
        # that word with any clitic: left out.
        listed |= {n for n in (*safe, *cued) if n[:1] in PROCLITICS and proclitic_length(n.split(" ", 1)[0])}
        self._geonames = {"LOC": [n for n in safe if n not in listed], "LOC_CTX": [n for n in cued if n not in listed]}
        # A clitic glued to a gazetteer name comes off in matching («وبوكافو» → «بوكافو»),
        # see ``_norm_for``; short names are left whole, too often a clitic and a word.
        self._listed_words = frozenset(w for name in listed for w in name.split())
        self._geonames_stems = frozenset(
            first for first in (n.split(" ", 1)[0] for n in safe if n not in listed) if len(first) > 3
        )

    def _norm_for(self, form: str) -> str:
        """The matching norm of ``form`` (:meth:`RuleMatcher._norm_for`), and also the bare
        first word of a GeoNames place safe alone after a conjunction, with or without a
        preposition («وبوكافو», «وبغوما»), which the clitic lexicon does not know. A lone
        preposition stays: «بليدا», «كبيرا» are words of their own more often than «ب» or
        «ك» before a place far away."""
        result: str = super()._norm_for(form)  # type: ignore[misc]
        if result == form and len(form) > 4 and form[form[:1] in "وف" :][:2] == "لل":
            # «لليبيا», «وللبنان»: «ل» before a name that opens with «ل», which the clitic
            # lexicon reads as «ل» + «ال» («للتنظيم» → «التنظيم»)
            rest = form[form[:1] in "وف" :][1:]
            if rest in self._place_names or rest in self._state_set:
                self.nlp.vocab[form].norm_ = rest
                self._norm_cache[form] = rest
                return rest
        if result != form and form[0] == "ف" and result in self._context_places and form in self._arabic_words:
            # «فعالية» (an event) is a frequent word, not «ف» + «عالية», a place only after a
            # cue: «ف» and a place that is also a word make no frequent form («ومالي» does).
            self.nlp.vocab[form].norm_ = form
            self._norm_cache[form] = form
            return form
        if result != form or not self._geonames_stems or form in self._geonames_stems or form in self._known:
            return result
        if form in self._listed_words:
            return result  # «فرانس برس»: a word of a listed name, not «ف» + «رانس»
        for k in (1, 2):
            rest = form[k:]
            if rest in self._geonames_stems and form[0] in "وف" and (k == 1 or form[1] in "بل"):
                self.nlp.vocab[form].norm_ = rest
                self._norm_cache[form] = rest
                return rest
        return result

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
        # «محافظة ريف دمشق». Only the outermost head may carry a proclitic («بريف»); a
        # name or inner head with a glued preposition opens a phrase of its own, so the
        # head before it is another word: «منطقة بضحيان», «منطقة بمحافظة ديالى».
        for _ in range(2):
            if (
                s > 0
                and norm[s - 1] in self._heads
                and orth[s] == norm[s]
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

    _NAME_ADJECTIVES = frozenset(
        "القديمه الجديده القديم الجديد الكبيره الكبير الكبري الصغيره الصغير الصغري "
        "السفلي العليا العلوي العلويه الوسطي الاسفل الاعلي "
        "الاول الاولي الثاني الثانيه الثالث الثالثه الرابع الرابعه الخامس الخامسه".split()
    )

    _SIZE_ADJECTIVES = frozenset("الكبيره الكبير الصغيره الصغير".split())

    def _romance_start(self, s: int, orth: list[str], norm: list[str]) -> int:
        """Start of a Spanish or Portuguese place name whose last word is the listed name at
        ``s``: one or two words that could be transliterated and «دي/دا…» before it («نورت دي
        سانتاندر», «موسيمبوا دا برايا»); else ``s``."""
        if s < 2 or norm[s - 1] not in self._ROMANCE_LINKS or orth[s - 1] != norm[s - 1]:
            return s
        k = s - 2
        if orth[k] != norm[k] or not self._transliterated_word(norm[k]) or norm[k] in self._OUTLET_END:
            return s
        before = k - 1
        if (
            before >= 0 and orth[before] == norm[before] and self._transliterated_word(norm[before])
            and not self._frequent_word(norm[before]) and norm[before] not in self._OUTLET_END
        ):
            k = before  # «موك أوشمبوا دا برايا»
        return k

    def _extend_name_adjective(self, e: int, orth: list[str], norm: list[str]) -> int:
        """«منطقة السلمة القديمة», «مدينة حلب الجديدة», «حي الدرجة الأولى», «منطقة دارة
        الكبيرة», «إقليم شبيلي السفلى»: after a head and a name, «old», «new», «great»,
        «small», «upper», «lower», «middle» and an ordinal name a part of the place and belong
        to its name."""
        if e < len(norm) and orth[e] == norm[e] and norm[e] in self._NAME_ADJECTIVES:
            return e + 1
        return e

    # Who governs a place: the place after them is a place, even a name that needs a cue
    # («حاكم خيرسون»); «رئيس بلدية X» is the mayor of X, the municipality no part of the span.
    _GOVERNORS = frozenset(("حاكم", "محافظ", "بلديه"))
    _MAYORS = frozenset(("رئيس", "عمده"))

    def _location(self, group: str, s: int, e: int, orth: list[str], norm: list[str], loc_ends: set[int]) -> _Cand | None:
        start, head = self._extend_head(s, norm, orth)
        if start == s and s > 0 and norm[s - 1] in self._STATE_HEADS and " ".join(norm[s:e]) in self._state_set:
            start, head = s - 1, norm[s - 1]  # «دولة النيجر», «جمهورية تشاد»: one name, as listed ones
        if head == "بلديه" and start == s - 1 and start > 0 and norm[start - 1] in self._MAYORS:
            start, head = s, None  # «رئيس بلدية خاركيف» → «خاركيف»
        if group == "LOC_HEAD" and head is None:
            return None
        before = (s - 1 if s > 1 and orth[s - 1] in _QUOTE_CHARS else s) if head is None else start  # «جامعة "X"»
        if before > 0 and orth[s] == norm[s] and self._building_head(norm[before - 1]):
            return None  # «مستشفى الفاشر», «مشفى مدينة الباب»: a building's name, not a place span
        if before > 0 and orth[s] == norm[s] and self._names_a_body(norm[before - 1]):
            return None  # «كارتل سينالوا», «أسقفية موبتي»: a body named after its place
        if self._names_a_road(start, head, e, orth, norm):
            return None  # «طريق جلال آباد», «طريق مطار دمشق»: a road named after where it leads
        if head is None and e - s == 1 and (self._month_not_place(s, orth, norm) or self._birthplace_idiom(e, norm)):
            return None  # «في آب/أغسطس» (August, not «إب»); «مسقط رأسه» (a birthplace, not Muscat)
        if head is None and e - s == 1 and self._coordinated_nisba(s, orth, norm):
            return None  # «طائرات حربية روسية وسورية»: the second of two adjectives
        if head is None and e - s == 1 and self._agrees_as_adjective(s, orth, norm):
            return None  # «عدوانا جويا», «قوات سورية»: an adjective of the noun before
        if group == "LOC_CTX" and e < len(norm) and norm[e] == "من" and norm[s] in ("الشمال", "الجنوب"):
            return None  # «إلى الشمال الشرقي من بعقوبة»: a direction from a place, no region
        if group == "LOC_CTX" and head is None:
            prev = norm[s - 1] if s > 0 else ""
            glued = orth[s] != norm[s] and orth[s][:1] in "بو"
            coordinated = orth[s][:1] == "و" and s in loc_ends
            # «أن مالي تشهد…»: a name that opens a clause as the topic of a verb a place
            # undergoes is a place («دعم مالي يشهد له…» is an adjective).
            undergoes = (
                e < len(norm) and orth[e] == norm[e] and norm[e] in self._state_place_verbs
                and (s == 0 or not prev.isalpha() or prev in self._TOPIC_OPENERS)
            ) or (
                # «وتعاني مالي من…», «وشهدت تشاد…»: a state, the subject of such a verb right
                # before it («وكانت الضفة مزدحمة» is the river bank).
                orth[s] == norm[s] and " ".join(norm[s:e]) in self._state_set
                and (prev if prev in self._state_place_verbs else prev[1:]) in self._state_place_verbs
                and (prev[:1] in "وف" or s < 2 or not norm[s - 2].isalpha())
            )
            if not (
                prev in self._place_cues or prev in self._GOVERNORS or (glued and orth[s][:1] == "ب") or coordinated or undergoes
                or self._border_with(s, norm)
            ):
                return None
        if head is None:
            start = self._romance_start(s, orth, norm)  # «نورت دي سانتاندر»: the name's first words
        end = self._hyphen_end(e, orth, len(norm))
        first = norm[start]
        if first in self._chain_heads:
            end = self._extend_direction(end, norm, len(norm))
        end = self._extend_facility(start, end, norm, len(norm))
        if head is not None and not (end < len(norm) and norm[end] in self._SIZE_ADJECTIVES):
            # «مدينة خاركيف الكبيرة»: a listed place is known by its name, its size describes it
            # (a local name in no list keeps it: «منطقة دارة الكبيرة», see _unknown_place)
            end = self._extend_name_adjective(end, orth, norm)
        elif end < len(norm) and orth[end] == norm[end] and norm[end] in self._UPPER_LOWER:
            end += 1  # «سرعين التحتا»: one of two villages of one name, even without a head
        elif (
            end < len(norm) and orth[end] == norm[end] and norm[end] in self._BARE_NAME_ADJECTIVES
            and " ".join(norm[s:e]) not in self._state_set  # «العراق الجديد»: a political phrase
        ):
            end += 1  # «طرابلس الكبرى», «شبيلي السفلى»: without a head too
        return _Cand(start, end, "LOCATION", _S_NAME)

    # The Levantine «lower» and «upper» of a village pair: a part of the name wherever it stands.
    _UPPER_LOWER = frozenset("التحتا الفوقا التحتاني الفوقاني التحتانيه الفوقانيه".split())

    def _unknown_place(
        self, h: int, orth: list[str], norm: list[str], n: int, known: dict[int, int] | None = None
    ) -> _Cand | None:
        """Head + a name found in no list: «قرية الكبير», «قرية الشيخ عيسى». ``known`` maps
        where names of the lists start to where they end: a known name is never the second
        word of an unknown one («بمديرية شعوب صنعاء»), and a known name of several words keeps
        its own end; a known word may open a longer name («بلدة عدن يابال»)."""
        if norm[h] in self._FRONT_HEADS and norm[h] != self._AXIS:
            return None  # «جبهة التحرير»: unquoted, a front head names a body
        if norm[h] == self._LAND and not (h + 1 < n and orth[h + 1] == norm[h + 1] and self._family_name(norm[h + 1])):
            return None  # «أرض الواقع», «أرض المعركة»: a land, no family's plot
        known = known or {}
        i = h + 1 + self._compass_after_head(h, orth, norm, n, known)  # «إقليم شمال كيفو»
        if i >= n:
            return None
        w = norm[i]
        if norm[h] in self._indefinite_name_heads and w.startswith("ال"):
            return None  # «مقاطعة الانتخابات»: a boycott of what follows, no place
        definite_nationality = w.startswith("ال") and w in self._nationalities  # «ناحية الصينية»
        if (
            orth[i] != norm[i]  # a glued clitic: «قرية وبلدة…»
            or self._preposition_l(w)  # «مخيم للنازحين», not «منطقة لوبيرو»
            or not w.isalpha()
            or (self._is_people(w) and not definite_nationality)
            or w in self._not_names
            or w in self._place_cues
            or w in self._heads
            or w in self._numbers
            or w in self._vague
            or w in self._people
            or (w in self._anaphora and norm[h] in self._FEATURE_HEADS)  # «مرتفعات البلاد»: of a place named before
            or w in self._ROMANCE_LINKS  # «مدينة دي X»: the head of a name that goes on
            or (w in self._nationalities and not definite_nationality)
            or len(w) < 2
            or not self._head_ok(h, orth, norm)
        ):
            return None
        if norm[h] in self._ambiguous_heads and orth[h] == norm[h] and not self._cued(h, orth, norm) and not self._located(i, norm, n):
            return None  # «ولاية المجلس», «قضاء العطلة», «منفذ الهجوم»
        if norm[h] in self._ambiguous_heads and (w in self._conflict_nouns or w.removeprefix("ال") in self._conflict_nouns):
            return None  # «منطقة الاشتباكات», «منطقة النزاع»: where the fighting is, no name
        if i + 1 < n and norm[i + 1] in self._PRONOUN_PREPOSITIONS:
            return None  # «منطقة يسيطر عليها…»: a verb, no name
        if self._agrees_with_head(norm[h], w) and i not in known:
            return None  # «منطقة مضطربة», «جزيرة جنوبية»: an adjective of the head, no name
        if norm[h] in self._facility_heads and w in self._SERVED:
            return None  # «محطة كهرباء», «مصفاة نفط»: what the facility serves, no name
        if w in self._force_heads or self._common_noun_phrase(h, i, orth, norm, n):
            return None  # «قاعدة جماعة منافسة», «محطة تلفزيونية», «منطقة نشاط تجاري»
        # A known name of several words keeps its own end; otherwise a second word may follow.
        end = max(i + 1, known.get(i, 0))
        # After a word that opens names («البو», «أبو») a known name is the second word too.
        if end == i + 1 and end < n and (end not in known or w in self._name_prefixes):
            end = self._second_word_end(w, end, orth, norm, n, first_known=i in known)
        if norm[h] == self._AXIS:
            # «محور الرويحة» → «الرويحة» (guidelines §6); «محور الصراع», «محور المحافظة»,
            # «محور يربط…» name no front.
            bare = w.removeprefix("ال")
            if w in self._anaphora or bare in self._conflict_nouns or w in self._conflict_nouns or (w[:1] == "ي" and len(w) == 4):
                return None
            return _Cand(i, self._extend_direction(end, norm, n), "LOCATION", _S_UNKNOWN)
        start, _ = self._extend_head(h, norm, orth)
        start = min(start, h)
        if self._names_a_road(start, norm[start], end, orth, norm) or (
            start > 0 and orth[start] == norm[start] and self._building_head(norm[start - 1])
        ):
            return None  # «طريق مطار X», «مشفى مدينة X»: a road's or a building's name
        if norm[start] in self._chain_heads or norm[h] in self._chain_heads:
            end = self._extend_direction(end, norm, n)
        end = self._extend_facility(h, self._hyphen_end(end, orth, n), norm, n)
        if not (i in known and end < n and norm[end] in self._SIZE_ADJECTIVES):  # as in _location
            end = self._extend_name_adjective(end, orth, norm)
        return _Cand(start, end, "LOCATION", _S_UNKNOWN)

    def _compass_after_head(self, h: int, orth: list[str], norm: list[str], n: int, known: dict[int, int]) -> int:
        """How many compass words follow the head at ``h`` and belong to the name in no list
        after them (0 if none): after an administrative head («إقليم شمال كيفو», «ولاية جنوب
        كردفان»), or after a zone head before an indefinite name in no list («بمنطقة شمال
        شيوا»; in «منطقة شمال سوريا» the compass word tells where in a known place)."""
        zone = norm[h] in self._compass_zone_heads
        if norm[h] not in self._admin_heads and not zone:
            return 0
        for c in self._compass:
            k = h + 1 + len(c)
            if k < n and tuple(norm[h + 1 : k]) == c and orth[h + 1 : k] == norm[h + 1 : k] and orth[k] == norm[k]:
                if zone and (k in known or norm[k].startswith("ال") or norm[k] in self._place_names):
                    return 0
                return len(c)
        return 0

    def _second_word_end(self, w: str, end: int, orth: list[str], norm: list[str], n: int, first_known: bool = False) -> int:
        """End of a place name in no list whose first word ``w`` ends at ``end``: after a word
        that opens names («قرية دير سريان», «بلدة كفر كلا»), a definite word after an
        indefinite one («حي باب التبانة») unless it describes the place («مدينة درنة
        الساحلية»), or two indefinite words that end at a boundary («بلدة طير حرفا،»). After a
        known name a second indefinite word is more often a verb («منطقة سوبا تسبب…») than
        the rest of a longer name, and is left out."""
        if self._prefix_name_word(w, end, orth, norm):
            return end + 1
        nxt = norm[end]
        if orth[end] != nxt or not nxt.isalpha() or nxt in self._not_names or w in self._name_prefixes or w.startswith("ال"):
            return end
        if nxt.startswith("ال"):
            return end + 1 if (nxt,) not in self._directions and not self._describes(nxt) else end
        if first_known:
            return self._foreign_tail_end(end, orth, norm, n)
        # A frequent word after a rare word or a place's name is no second word of its name
        # («ولاية زمفارا موجة من…», «منطقة دونيتسك واحدا من…»); two frequent words may be one
        # («منطقة نفط خانة»).
        if (
            self._second_name_word(nxt) and not self._looks_like_verb(nxt)
            and not (
                self._frequent_word(nxt) and nxt[1:] not in self._place_names
                and (w not in self._arabic_words or w in self._place_names)
            )
            and (self._name_ends(end + 1, orth, norm, n) or self._described(end + 1, orth, norm, n))
        ):
            return end + 1
        return self._transliterated_end(w, end, orth, norm, n)

    def _quoted_place(self, h: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """A quoted name after a place head: «قرية "الطيبة"», «بلدة «كفرنبل»» → the quoted name
        (guidelines §3.4: when part of a name is quoted, the quoted name is the span)."""
        if not self._head_ok(h, orth, norm):
            return None
        if norm[h] in self._ambiguous_heads and orth[h] == norm[h] and not self._cued(h, orth, norm):
            return None
        if self._closes_a_quote(h + 1, orth):
            return None  # «مستشفى "قرة تبة" ومستشفى "X"»: the quote after «تبة» closes a name
        j = h + 2
        while j < n and j - h <= 4 and orth[j] not in _QUOTE_CHARS:
            # Inside quotes an opening «ل» is the name's («منطقة “لامو”»), not a preposition's.
            if not norm[j].isalpha() or (j == h + 2 and not (self._place_word(norm[j]) or (norm[j][:1] == "ل" and self._place_word("ا" + norm[j][1:])))):
                return None
            j += 1
        if j == h + 2 or j >= n or orth[j] not in _QUOTE_CHARS:
            return None
        return _Cand(h + 2, j, "LOCATION", _S_UNKNOWN)

    _SENTENCE_ENDS = frozenset(".!؟?\n")

    @staticmethod
    def _closes_a_quote(q: int, orth: list[str]) -> bool:
        """Does the straight quote at ``q`` close a quote opened earlier in its sentence (an
        odd number of the same quote before it)?"""
        mark = orth[q]
        if mark not in ('"', "'"):
            return False
        count = 0
        for k in range(q - 1, -1, -1):
            if orth[k] in LocationRules._SENTENCE_ENDS:
                break
            count += orth[k] == mark
        return count % 2 == 1

    def _preposition_l(self, w: str) -> bool:
        """Does ``w`` open with the preposition «ل» («للنازحين», «لحماية», «لسكان»), not with
        the «ل» of a name in no list («لوبيرو», «لامو»)? A name's «ل» comes before a long
        vowel; a preposition comes before anything else, «لل», or a word the lexicon knows
        (a clitic the rules strip, a people noun)."""
        if w[:1] != "ل":
            return False
        rest = w[1:]
        return (
            rest[:1] not in "واي"
            or rest.startswith("ال")
            or proclitic_length(w) > 0
            or rest in self._lexicon
            or self._is_people(rest)
            or rest in self._heads
            or rest in self._plural_heads
            or rest in self._conflict_nouns
            or rest in self._action_words
        )

    def _cued(self, h: int, orth: list[str], norm: list[str]) -> bool:
        """Does a cue show the ambiguous head at ``h`` is a place: right before it («على
        منطقة…»), a verb before its definite subject («قصفت الطائرات منطقة…»), or a quote
        that opens with the head and closes after one or two words («“منطقة مسغاف”»)?"""
        if h > 0 and (self._ambiguous_cue(norm[h - 1]) or (norm[h - 1][:1] in "وف" and self._ambiguous_cue(norm[h - 1][1:]))):
            return True  # «شهدت ولاية…», «وشهدت ولاية…»
        if h > 0 and norm[h - 1] in ("حاكم", "محافظ"):
            return True  # «حاكم منطقة دنيبروبيتروفسك»: who governs it, a place
        if h > 0 and orth[h - 1] in _QUOTE_CHARS and orth[h - 1] not in _CLOSING_QUOTES_ONLY:
            if any(orth[q] in _QUOTE_CHARS for q in range(h + 2, min(len(orth), h + 4))):
                return True
        return h > 1 and norm[h - 1].startswith("ال") and self._ambiguous_cue(norm[h - 2]) and (
            norm[h - 2] not in self._place_cues
        )

    def _ambiguous_cue(self, w: str) -> bool:
        """A cue of an ambiguous head, also as a verb with a dual or plural subject
        («استهدفتا منطقة…», «اقتحموا ناحية…»)."""
        if w in self._ambiguous_cues:
            return True
        if w.endswith("تا") and len(w) > 4:
            return w[:-1] in self._ambiguous_cues  # «استهدفتا» ← «استهدفت»
        return w.endswith("وا") and len(w) > 4 and w[:-2] in self._ambiguous_cues  # «اقتحموا» ← «اقتحم»

    def _second_name_word(self, w: str) -> bool:
        """Could the indefinite ``w`` be the second word of a place name in no list? Not an
        adjective (a nisba «غربي», a listed word), a direction or a function word."""
        return (
            w.isalpha()
            and not w.startswith("ال")
            and len(w) > 1
            and not (len(w) > 3 and w.endswith(("ي", "يه")))
            and w not in self._name_stops
            and w not in self._ambiguous_cues  # «مدينة X مركز مقاطعة…»: a noun of its own
            and self._place_word(w)
        )

    def _name_ends(self, k: int, orth: list[str], norm: list[str], n: int) -> bool:
        """Does a place name end before token ``k``: punctuation, a glued clitic, a place cue
        or a compass word follows («… بقضاء صور», «… شمال المحافظة», «…،»)?"""
        return k >= n or not norm[k].isalpha() or orth[k] != norm[k] or norm[k] in self._name_stops

    # Heads of a part or feature of a place: after them a place named before («مرتفعات
    # البلاد», «ضاحية العاصمة») is no name of their own, unlike after «حي» («حي المدينة»).
    _FEATURE_HEADS = frozenset("مرتفعات غابه غابات بركه ممر ضاحيه".split())

    # «أرض» + a family's name is a plot named after the family that owns it («أرض الشنطي»
    # in Gaza); any other word after «أرض» is a land («أرض الواقع», «أرض المعركة»).
    _LAND = "ارض"

    def _family_name(self, w: str) -> bool:
        """Is ``w`` shaped like a family's name: a definite nisba («الـ…ي») that no list
        knows and the language does not use as a word?"""
        return (
            w.startswith("ال") and w.endswith("ي") and len(w) > 5 and not self._frequent_word(w)
            and w[2:] not in self._arabic_words and w not in self._known and w not in self._place_names
        )

    # Front heads: the front is named after them and stays outside («محور X» → «X»). Unquoted,
    # a known place is found by the lists; a name in no list is taken only in quotes
    # («بجبهة «الشقب»», see ``_quoted_place``), since «جبهة النصرة» names no place.
    _FRONT_HEADS = frozenset(("محور", "جبهه"))
    # A front named after a place in no list: the place, unquoted too («محور بوعطني»).
    _AXIS = "محور"
