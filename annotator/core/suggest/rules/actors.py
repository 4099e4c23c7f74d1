"""ACTOR rules: known actors with their nationality, states that act, forces and institutions
named by a head noun, numbered units and short forms of actors named earlier."""
from __future__ import annotations

from itertools import compress
from typing import Any

from annotator.core.suggest.rules.actor_bodies import _LOCAL
from annotator.core.suggest.rules.actor_contexts import ContextRules
from annotator.core.suggest.rules.lexicon import (
    _CLOSING_QUOTES_ONLY,
    _COUNT_FATHA,
    _QUOTE_CHARS,
    _S_NAME,
    _S_PATTERN,
    _S_UNKNOWN,
    _canonical_spelling,
    _Cand,
    _words,
)

# Proclitics a recurring name may carry («والشباب», «بالشباب»); «لل» replaces the article.
_NAME_CLITICS = ("", "و", "ف", "ب", "ك", "وب", "فب", "وك")
_ARTICLE_CLITICS = ("لل", "ولل", "فلل")
_EMIRATE = "اماره"
# Heads of a movement or a front named in no list: a group only when it speaks or acts.
_MOVEMENTS = frozenset(("حركه", "جبهه"))
_OTHER = frozenset(("الاخري", "الاخر"))
# «مجموعة X»: a group by a transliterated name («مجموعة كوبانغو»), which recurs alone.
_GROUP = "مجموعه"
# Adjectives of time after «العام», «الأسبوع»…: «العام الماضي» is a date, not a name's adjective.
_TIME_TAILS = frozenset(("الماضي", "المقبل", "الجاري", "الحالي", "المنصرم", "القادم", "الفائت"))
# Masdars in «ـاية», shaped like a nisba adjective: after a name, the object of the verb
# («ووفر جيش الاحتلال الحماية لهم»), not an adjective of the name.
_IYA_MASDARS = frozenset("الحمايه الرعايه الوقايه الدعايه البدايه النهايه الهدايه الروايه الرمايه الجبايه الوصايه الكفايه".split())
# «الجبهة» is also the front line: after a place preposition or with an adjective.
_FRONT = "الجبهه"
_PLACE_PREPOSITIONS = frozenset(("علي", "في", "الي", "من", "عند"))
# Relatives before a verb with an object pronoun whose subject is the state after it.
_RELATIVES = frozenset(("ما", "التي", "الذي", "الذين", "اللذين", "اللتين"))
# Words before «اسم "X"» that make X the name a group gives itself: «تطلق على نفسها اسم».
_SELF_NAMING = frozenset(("نفسها", "نفسه", "نفسهم"))




def _counted_word(c: _Cand) -> bool:
    """Is ``c`` a COUNT of one word (a dual or a plural read as a number)?"""
    return c.end - c.start == 1 and c.label in ("COUNT", _COUNT_FATHA)


class ActorRules(ContextRules):
    """The ACTOR rules of :class:`RuleSuggester`."""

    def _load_discourse_words(self, actors: dict[str, Any]) -> None:
        """The word sets of the rules that refer back to parties named in the article."""
        self._generic_short_forms = set(_words(actors.get("generic_short_forms")))
        # «السلطات», «الحكومة»: the state's own bodies, a party with no other named before them.
        self._state_short_forms = set(_words(actors.get("state_short_forms")))
        self._nisba_group_nouns = set(_words(actors.get("nisba_group_nouns")))
        self._generic_not_after = set(_words(actors.get("generic_not_after")))
        # Short forms that are a party only as the subject of a statement or an action («قالت
        # الحركة»); elsewhere a common word («الحركة في الأسواق»).
        self._acting_short_forms = set(_words(actors.get("acting_short_forms")))
        self._name_core_heads = {_canonical_spelling(w) for w in _words(actors.get("name_core_heads"))}
        self._listed_name_core_heads = {_canonical_spelling(w) for w in _words(actors.get("listed_name_core_heads"))}
        self._no_lone_names = set(_words(actors.get("no_lone_names")))
        # Their forms with a proclitic («للمتمردين», «وبالحكومة») → the bare word.
        self._generic_clitic_forms = {
            p + w[2:] if p in _ARTICLE_CLITICS else p + w: w
            for w in self._generic_short_forms | self._nisba_group_nouns
            for p in _NAME_CLITICS[1:] + _ARTICLE_CLITICS
        }
        self._authority_heads = set(_words(actors.get("authority_heads")))
        self._load_body_words(actors)
        # Indefinite unit heads behind «ل» («للواء 22», «لكتيبة 13»), which the matcher keeps whole.
        self._unit_clitic_forms = {"ل" + h: h for h in self._unit_heads if not h.startswith("ال")}
        # «جبهة تحرير X»: movement heads and the masdars of liberation after them.
        self._liberation_heads = {f for h in _words(actors.get("liberation_heads")) for f in (h, "ال" + h)}
        self._liberation_masdars = set(_words(actors.get("liberation_masdars")))
        self._ordinal_words = {o[0] for o in self._unit_ordinals}
        self._emirate_places = {w.split()[0] for w in _words(actors.get("emirate_places"))}
        # Every word ``_short_forms`` looks at, to skip the others at once.
        self._short_form_words = (
            set(self._short_form_spellings) | self._generic_short_forms | self._nisba_group_nouns
            | set(self._generic_clitic_forms) | self._acting_short_forms
        )
        self._load_group_words(actors)
        self._load_context_words(actors)
        # Heads before a name in brackets: «حركة (الشباب)», «جماعة (X)».
        self._bracket_force_heads = set(_words("حركة جماعة تنظيم جبهة".split()))

    def _short_forms(self, cands: list[_Cand], orth: list[str], norm: list[str]) -> list[_Cand]:
        """Conventional short forms of actors named earlier in the article: after «قوات الحشد
        الشعبي» the lone «الحشد», after «حكومة الوحدة» the lone «الحكومة» (guidelines §2.1).
        The short form is the definite head of the full name; it is proposed only after that
        name, where no other suggestion starts."""
        first: dict[str, int] = {}
        for c in cands:
            if c.label != "ACTOR":
                continue
            key = self._short_form_of.get(" ".join(norm[c.start : c.end]))  # «حماس» → «الحركة»
            for t in range(c.start, min(c.end - 1, c.start + 2)):
                w = norm[t] if norm[t].startswith("ال") else "ال" + norm[t]
                if w in self._short_form_spellings:
                    key = self._short_form_spellings[w]
                    break
            if key is not None:
                first[key] = min(first.get(key, c.start), c.start)
        for pair in self._short_form_number_pairs:  # «ميليشيات X» … «الميليشيا»
            seen = [first[k] for k in pair if k in first]
            if seen:
                first.update(dict.fromkeys(pair, min(seen)))
        groups_seen = [first[k] for k in self._any_group_heads if k in first]
        if groups_seen:  # «جبهة فانو … الميليشيات»: any armed group named before
            for k in self._any_group_short_forms:
                first[k] = min(first.get(k, len(norm)), min(groups_seen))
        n = len(norm)
        first_actor = min((c.start for c in cands if c.label == "ACTOR"), default=n)
        words = self._short_form_words
        at = [i for i, w in enumerate(norm) if w in words]  # the few words that may be one
        if not first and first_actor == n:  # no party named: only the state's own bodies
            at = [i for i in at if self._generic_clitic_forms.get(norm[i], norm[i]) in self._state_short_forms]
        if not at:
            return []
        taken = {t for c in cands for t in range(c.start, c.end)}
        actor_ends = {c.start: c.end for c in cands if c.label == "ACTOR"}
        spellings = self._short_form_spellings
        generic = self._generic_short_forms
        out: list[_Cand] = []
        for i in at:
            if i in taken:
                continue
            w = self._generic_clitic_forms.get(norm[i], norm[i])  # «للمتمردين»: the matcher does not strip clitics of these
            if w in self._nisba_group_nouns and self._plural_nisba_actor(i + 1, orth, norm, actor_ends):
                out.append(_Cand(i, actor_ends[i + 1], "ACTOR", _S_UNKNOWN))  # «المتمردين الحوثيين»
                continue
            if i + 1 < n and norm[i + 1] in _OTHER:
                continue  # «الميليشيا الأخرى»: another one of a kind, not the party named
            if w == _FRONT and ((i > 0 and norm[i - 1] in _PLACE_PREPOSITIONS) or (i + 1 < n and self._nisba(norm[i + 1]))):
                continue  # «على الجبهة», «الجبهة الشمالية»: a front line, not the front named
            licensed = (
                w in spellings
                and first.get(spellings[w], n) < i
                and (spellings[w] not in self._short_forms_that_act or self._speaks_or_acts(i, norm))
            ) or (
                w in generic
                and (first_actor < i or (w in self._state_short_forms and self._state_body_stands(i, orth, norm, n)))
                and (i == 0 or norm[i - 1] not in self._generic_not_after)
            ) or (w in self._acting_short_forms and first_actor < i and self._speaks_or_acts(i, norm))
            if (
                licensed
                and (i == 0 or norm[i - 1] not in self._faction_not_after)  # «أقوى الفصائل»: a class
                and not self._qualified_otherwise(i + 1, orth, norm, n)
                and not self._names_a_building(i, orth, norm)  # «أكاديمية تدريب الشرطة», «مركز للشرطة»
            ):
                end = actor_ends[i + 1] if self._plural_nisba_actor(i + 1, orth, norm, actor_ends) else i + 1
                if end < n and norm[end] in _LOCAL and orth[end] == norm[end]:
                    end += 1  # «السلطات المحلية»
                out.append(_Cand(i, self._extend_nationality(end, orth, norm, n), "ACTOR", _S_UNKNOWN))  # «الحزب اللبناني»
        return out

    def _speaks_or_acts(self, i: int, norm: list[str]) -> bool:
        """Is the word at ``i`` the subject of a statement or an action, or the group of the
        members before it: «وقالت الحركة», «تبنت الحركة», «مقاتلي الحركة»?"""
        if i == 0:
            return False
        prev = norm[i - 1]
        return prev in self._attribution or prev in self._action_words or self._after_members(i, norm)

    def _acting_movement(self, h: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """«أعلنت حركة المجاهدين», «وتبنت جبهة الأحرار»: a movement in no list, named as the
        subject of a statement or an action; «حركة السير» elsewhere is traffic, «جبهة القتال»
        a front line."""
        j = h + 1
        if not self._speaks_or_acts(h, norm) or orth[j] != norm[j] or not self._force_name_word(norm[j]):
            return None
        return _Cand(h, self._force_adjectives_end(j + 1, orth, norm, n), "ACTOR", _S_PATTERN)

    @staticmethod
    def _plural_nisba_actor(j: int, orth: list[str], norm: list[str], actor_ends: dict[int, int]) -> bool:
        """Does an actor named by a plural nisba («الحوثيين», «الحوثيون») start at ``j``?"""
        return (
            j in actor_ends and actor_ends[j] == j + 1 and orth[j] == norm[j]
            and norm[j].startswith("ال") and norm[j].endswith(("يين", "يون"))
        )

    def _liberation_movement(self, h: int, orth: list[str], norm: list[str], n: int, name_starts: dict[int, int]) -> _Cand | None:
        """«جبهة تحرير أزواد», «حركة تحرير السودان», «جيش إنقاذ X»: a movement head, a masdar
        of liberation and what it would free, a listed name or one plain word in no list,
        with the adjectives of the name after it."""
        j = h + 2
        if norm[h].startswith("ال"):
            # «الجبهة الشعبية لتحرير تيغراي»: the definite head, its adjectives, «ل» + the masdar
            # («الجيش السوداني لتحرير المدينة» is an army and its aim: a nationality is no name).
            j = self._force_adjectives_end(h + 1, orth, norm, n)
            if all(w in self._nationalities for w in norm[h + 1 : j]):
                return None
            if j >= n or orth[j][:1] != "ل" or orth[j][1:] not in self._liberation_masdars:
                return None
            j += 1
            if j < n and j not in name_starts and norm[j].startswith("ال"):
                return None  # «… لتحرير المدينة»: a common noun, not a name
        elif orth[h + 1] != norm[h + 1]:
            return None
        if j >= n or orth[j] != norm[j] or not norm[j].isalpha():
            return None
        if j in name_starts:
            end = name_starts[j]
        elif len(norm[j]) > 2 and norm[j] not in self._OUTLET_END and norm[j] not in self._force_stops:
            end = j + 1
        else:
            return None
        return _Cand(h, self._force_adjectives_end(end, orth, norm, n), "ACTOR", _S_PATTERN)

    def _people_of_group(self, s: int, e: int, norm: list[str]) -> bool:
        """Is the plural nisba at ``s:e`` an adjective of the people before it, who are members
        of the group, not the group: «القادة الحوثيين», «المقاتلين الحوثيين» (guidelines §2.1)."""
        if e - s != 1 or s == 0 or not norm[s].endswith(("يين", "يون")):
            return False
        before = norm[s - 1]
        return before.startswith("ال") and before not in self._nisba_group_nouns and self._is_people(before)

    def _discourse_names(self, cands: list[_Cand], orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """One sense per article: the name of an actor given after a group head («حركة
        الشباب», «قوات النظام», «حركة (الشباب)») is the same actor where it recurs alone,
        with any proclitic («للشباب» → «لشباب», «والشباب»). Not a name that is also a common
        word in the same article («القاعدة»: a base), nor one a nisba makes another thing."""
        cores: set[tuple[str, ...]] = set()
        for c in cands:
            if c.label != "ACTOR":
                continue
            s = c.start
            head = _canonical_spelling(norm[s])
            quoted = False
            if c.end - s >= 2 and (
                head in self._name_core_heads or (head in self._listed_name_core_heads and c.score == _S_NAME)
                or (head == _GROUP and self._transliterated_name(s + 1, orth, norm))
            ):
                core = (norm[s + 1],) + tuple(orth[s + 2 : c.end])  # «حركة الشباب», «قوات النظام»
                # «جماعة لاكوراوا» … «لاكوراوا»: a transliterated name no list has recurs alone too
                # (not after «قوات», «حكومة»: there it is often a person's).
                foreign = head not in self._listed_name_core_heads and self._transliterated_name(s + 1, orth, norm)
            elif s >= 2 and orth[s - 1] in "(" + _QUOTE_CHARS and self._names_quoted_force(norm[s - 2]):
                # «حركة (الشباب)», «فصيل "أحرار الشرقية"», «اسم "نصرة الإسلام والمسلمين"»:
                # a quoted name of two words or more needs no article.
                core = (norm[s],) + tuple(orth[s + 1 : c.end])
                quoted = True
                foreign = self._transliterated_name(s, orth, norm)  # «عصابة "X"» … «X»
            else:
                continue
            if not (core[0].startswith("ال") or (quoted and len(core) > 1) or foreign):
                continue
            if not 1 <= len(core) <= 4 or not all(w.isalpha() for w in core):
                continue
            if len(core) > 1 and (core[-1] in self._nationalities or self._nisba(core[-1])):
                cores.add(core[:-1])  # «حركة الشباب الصومالية», «حكومة الوفاق الوطني»: the name without its adjective
            cores.add(core)
        cores = {c for c in cores if c and " ".join(c) not in self._no_lone_names and len(c[0]) > 4}
        if not cores:
            return []
        forms: dict[str, list[tuple[str, ...]]] = {}
        for core in sorted(cores, key=len, reverse=True):
            head = core[0]
            articles = _ARTICLE_CLITICS if head.startswith("ال") else ()
            for form in [p + head for p in _NAME_CLITICS] + [p + head[2:] for p in articles]:
                forms.setdefault(form, []).append(core)
        # ``forms`` holds every proclitic form of each name, so the written form is enough.
        at = [i for i, o in enumerate(orth) if o in forms]
        if not at:
            return []
        # A one-word dual or plural read as a COUNT does not hide the name: the suggester
        # prefers the name where both readings cover the same word («طالبان»).
        taken = {t for c in cands if not _counted_word(c) for t in range(c.start, c.end)}
        out: list[_Cand] = []
        for i in at:
            if i in taken:
                continue
            options = forms[orth[i]]
            for core in options:
                e = i + len(core)
                if e > n or tuple(norm[i + 1 : e]) != core[1:] or tuple(orth[i + 1 : e]) != core[1:]:
                    continue
                if any(t in taken for t in range(i, e)) or self._qualified_otherwise(e, orth, norm, n):
                    continue
                if i > 0 and norm[i - 1] not in self._member_nouns and self._is_people(norm[i - 1]):
                    continue  # «أبناء العشائر»: people of the group, not the group
                out.append(_Cand(i, e, "ACTOR", _S_UNKNOWN))
                taken.update(range(i, e))
                break
        return out

    def _names_quoted_force(self, w: str) -> bool:
        """Does ``w`` before a quote make the quoted words a group's name?"""
        return _canonical_spelling(w) in self._name_core_heads or w in self._quoted_force_heads or w == "اسم"

    def _army_nisba_end(self, e: int, orth: list[str], norm: list[str], n: int) -> int:
        """End after a masculine nisba that names whose army «الجيش» is, for countries the
        lists lack («الجيش الأوغندي», «الجيش النظامي»); not an ordinal («الجيش الثاني»)."""
        if e < n and orth[e] == norm[e] and norm[e].endswith("ي") and self._nisba(norm[e]) and norm[e] not in self._ordinal_words:
            return e + 1
        return e

    def _bracketed_force(self, h: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """«حركة (الشباب)»: a group head, then a definite name of one to three plain words in
        brackets; the name is the span."""
        j = h + 2
        while j < n and j - h <= 5 and orth[j] != ")":
            if not norm[j].isalpha():
                return None
            j += 1
        if j == h + 2 or j >= n or orth[j] != ")" or not norm[h + 2].startswith("ال"):
            return None
        return _Cand(h + 2, j, "ACTOR", _S_UNKNOWN)

    def _group_references(self, cands: list[_Cand], orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """Groups named without a proper name (guidelines §2.1): factions by what they are
        («الفصائل المقاتلة المعارضة», «فصائل مقاتلة», the lone «الفصائل» once an actor is
        named), a security service by its head («الشرطة القضائية»), a group after its members
        («مسلحي الحوثي», «عناصر من المعارضة»: the group alone is the span), the body a
        force belongs to («ميليشيات تابعة للحكومة»), an air force by its nationality
        («مقاتلات أمريكية», not «طائرات إسرائيلية»: aircraft)."""
        first_actor = min((c.start for c in cands if c.label == "ACTOR"), default=n)
        out: list[_Cand] = []
        for i in compress(range(n), map(self._group_reference_words.__contains__, norm)):
            w = norm[i]
            if w in self._faction_heads:
                cand = self._faction_group(i, orth, norm, n, first_actor)
                if cand is not None:
                    out.append(cand)
            elif w in self._service_names:
                # A security service is an ACTOR wherever it is named (guidelines §6: «الشرطة»),
                # with the adjectives that say which («الشرطة القضائية»); not where it only
                # names a building («مركز الشرطة», «أكاديمية تدريب الشرطة»: §2.2).
                end = self._force_adjectives_end(i + 1, orth, norm, n)
                if end == i + 1 and end < n and norm[end] in _LOCAL and orth[end] == norm[end]:
                    end += 1  # «الشرطة المحلية»: a force word elsewhere, here the service's name
                if not self._names_a_building(i, orth, norm) and not (i > 0 and norm[i - 1] in self._ARRIVAL_VERBS):
                    out.append(_Cand(i, end, "ACTOR", _S_UNKNOWN))
            elif w in self._member_group_names and orth[i] == w and (
                self._after_members(i, norm) or (i > 0 and norm[i - 1] in self._member_group_deeds)
            ):
                out.append(_Cand(i, i + 1, "ACTOR", _S_UNKNOWN))
            elif w in self._air_construct and i + 1 < n and orth[i + 1] == norm[i + 1] and "ال" + norm[i + 1] in self._nationalities:
                out.append(_Cand(i, i + 2, "ACTOR", _S_UNKNOWN))  # «مقاتلات أمريكية»: an air force by its nationality
            elif w in self._short_form_spellings and orth[i].startswith("لل") and i > 0 and norm[i - 1] in self._backing:
                # Whose the force is: «ميليشيات تابعة للحكومة», «الفصائل الموالية للمجلس».
                out.append(_Cand(i, self._force_adjectives_end(i + 1, orth, norm, n), "ACTOR", _S_UNKNOWN))
        return out

    def _after_members(self, i: int, norm: list[str]) -> bool:
        """Is the word at ``i`` the group of the members named before it: «مسلحي الحوثي»,
        «عناصر من المعارضة»?"""
        if i == 0:
            return False
        member = norm[i - 1] if norm[i - 1] != "من" or i < 2 else norm[i - 2]
        return member in self._member_nouns

    def _faction_group(self, h: int, orth: list[str], norm: list[str], n: int, first_actor: int) -> _Cand | None:
        """«الفصائل المعارضة والجهادية», «فصائل معارضة»: the head and the adjectives that agree
        with it; the lone definite head once an actor is named, not after a superlative or a
        partitive («أقوى الفصائل»)."""
        if h > 0 and norm[h - 1] in self._faction_not_after:
            return None
        article = "ال" if norm[h].startswith("ال") else ""
        j = h + 1
        while j < n:
            # «المعارضة والجهادية» coordinates two adjectives; «الفصائل ومسلحة…» is no adjective
            w = orth[j][1:] if j > h + 1 and orth[j][:1] == "و" else norm[j]
            if orth[j] != w and orth[j] != "و" + w:
                break
            if not w.startswith(article) or w[len(article):] not in self._faction_adjectives:
                break
            j += 1
        if j > h + 1:
            return _Cand(h, j, "ACTOR", _S_PATTERN)
        if not article or first_actor >= h:
            return None
        return _Cand(h, h + 1, "ACTOR", _S_UNKNOWN)

    def _qualified_otherwise(self, j: int, orth: list[str], norm: list[str], n: int) -> bool:
        """Does a nisba adjective at ``j`` make the short form before it another body: «المجلس
        البلدي», «الشرطة المحلية»? Not a nationality («الحزب اللبناني») nor an evaluative
        adjective («التنظيم الإرهابي»)."""
        if j >= n or orth[j] != norm[j]:
            return False
        w = norm[j]
        if w in self._government_adjectives and norm[j - 1] in self._governing_heads:
            return False  # «السلطات الانتقالية»: the same government, qualified
        return (
            w.startswith("ال") and len(w) > 4 and w.endswith(("ي", "يه"))
            and w not in self._nationalities and w not in self._state_nisbas
            and w not in self._force_stops and w not in self._force_adjectives
        )

    def _heads_another_body(self, s: int, e: int, orth: list[str], norm: list[str], n: int) -> bool:
        """Is the lone short form at ``s:e`` («الهيئة», «الحركة») the head of another body's
        name: a nisba after it («الهيئة الصحية»), or its adjectives and a «لل» complement
        («الهيئة العامة للإسعاف», «الهيئة الوطنية للإعلام»)?"""
        if e - s != 1 or _canonical_spelling(norm[s].removeprefix("ال")) not in self._short_form_heads:
            return False
        if self._qualified_otherwise(e, orth, norm, n):
            return True  # «الهيئة الصحية الإسلامية», «الحركة الطلابية»: a nisba makes it another body
        j = e
        while j < n and j - e < 2 and orth[j] == norm[j] and self._force_adjective(norm[j]):
            j += 1
        return j < n and orth[j].startswith("لل") and len(orth[j]) > 4

    def _state_acts(self, s: int, e: int, orth: list[str], norm: list[str], n: int) -> bool:
        """Is the state at ``s:e`` the one acting? After an action word («اتهمت تركيا»), or
        before a feminine verb («إسرائيل تقصف», «واشنطن لم تشارك») unless a place
        preposition shows it is a place («في إيران تُعدم…»)."""
        prev = norm[s - 1] if s > 0 else ""
        if prev in self._action_words:
            # «دعم مالي» is financial support; «اتهمت مالي» is the state.
            return norm[s] not in self._adjective_states or prev.endswith("ت")
        # A verb with an object pronoun: «وهو ما تنفيه أبوظبي», «التي تدعمها إيران».
        for suffix in ("ها", "ه", "هم", "هما"):
            if prev.endswith(suffix) and len(prev) > len(suffix) + 2 and prev[: -len(suffix)] in self._action_words:
                return True
            # After a relative, any verb of a state: «وهو ما تعارضه طهران», «التي تدعمها أنقرة».
            if prev.endswith(suffix) and s > 1 and norm[s - 2] in _RELATIVES and self._verb_of_a_state(prev[: -len(suffix)]):
                return True
        # A backer: «فصائل مدعومة من أنقرة», «بدعم من واشنطن», «الموالية لإيران», «التابعة لـ روسيا».
        if prev == "من" and s > 1 and (
            norm[s - 2] in self._backing or orth[s - 2] in self._backing
            or (orth[s - 2][:1] == "و" and orth[s - 2][1:] in self._backing)  # «والمدعومة من رواندا»
        ):
            return True
        if orth[s] != norm[s] and orth[s][:1] == "ل" and prev in self._backing:
            return True
        if prev == "ل" and s > 1 and (norm[s - 2] in self._backing or orth[s - 2] in self._backing):
            return True
        # The agent of a passive: «المدعوم من قبل واشنطن», «استهدافه من قبل روسيا».
        if prev == "قبل" and s > 1 and norm[s - 2] == "من":
            return True
        # An ally alongside others: «تشارك في قوة إقليمية إلى جانب مالي» (the states after it
        # by «و» follow: see the coordination in the suggester).
        if prev == "جانب" and s > 1 and norm[s - 2] in ("الي", "الى", "إلى"):
            return True
        # A party to a fight or a deal: «اشتباكات مع تركيا», «مفاوضات مباشرة مع إيران».
        if prev in ("مع", "ضد") and any(w in self._conflict_nouns for w in norm[max(0, s - 3) : s - 1]):
            return True
        if prev == "ضد" and orth[s] == norm[s]:  # «هجماته ضد إسرائيل»: the other party to a fight
            return True
        # A present-tense verb opening the clause, the state its subject: «تقود السعودية…».
        verb = prev[1:] if prev[:1] in "وف" and len(prev) == 5 else prev
        if len(verb) == 4 and verb[0] == "ت" and verb not in self._state_place_verbs and (s < 2 or not norm[s - 2].isalpha()) and orth[s] == norm[s]:
            return True
        # Any verb of its own opening the clause, the state right after it: «وقتلت إسرائيل»,
        # «ودمرت إسرائيل», «وتتوعد إيران». Not after a subject («القوات دخلت سوريا»).
        opener = orth[s - 1] if s > 0 else ""
        glued = opener[:1] in "وف" and len(opener) > 4
        opens = glued or s < 2 or not norm[s - 2].isalpha() or norm[s - 2] in self._clause_openers  # «بعدما لوحت دمشق»
        if orth[s] == norm[s] and opens:
            if self._verb_of_a_state(opener[1:] if glued else opener):
                return True
        if s > 0 and (prev in self._place_cues or (orth[s] != norm[s] and orth[s][:1] == "ب")):
            return False
        k = e
        if k + 1 < n and orth[k] in _QUOTE_CHARS and orth[k] not in _CLOSING_QUOTES_ONLY and (s == 0 or orth[s - 1] not in _QUOTE_CHARS):
            k += 1  # its words quoted: «أن الولايات المتحدة "سترد في الوقت المناسب"»
        if k < n and norm[k] in ("لم", "لن", "لا", "قد", "ما"):
            k += 1
        if k >= n or orth[k] != norm[k]:
            return False
        if s > 0 and orth[s - 1] in _QUOTE_CHARS and norm[k] not in self._state_verbs_after:
            return False  # «"واشنطن بوست"»: inside a quoted name, the next word is no verb of it
        after = norm[k]
        return after in self._state_verbs_after or self._verb_of_a_state(after) or self._perfect_with_object(after)

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
        return _Cand(h, self._unit_mission(self._unit_tail(j, orth, norm, n), orth, norm, n), "ACTOR", _S_PATTERN)

    # «لل» words that say when, not what a unit is for: «اللواء الرابع للمرة الثانية».
    _NOT_MISSIONS = frozenset("للمره لليوم للسنه للعام للشهر للاسبوع للساعه للمرات".split())

    def _unit_mission(self, e: int, orth: list[str], norm: list[str], n: int) -> int:
        """End after the mission of a numbered unit, a «لل» masdar in no list and its
        adjectives: «اللواء الرابع للحماية الرئاسية», «الكتيبة 13 للمهام الخاصة». A listed
        word after «لل» is whose unit it is («الفرقة الرابعة للنظام»): outside."""
        if e >= n or not orth[e].startswith("لل") or len(orth[e]) < 5 or not orth[e].isalpha():
            return e
        if orth[e] in self._NOT_MISSIONS or (orth[e] != norm[e] and norm[e] not in self._unit_missions):
            return e
        return self._force_adjectives_end(e + 1, orth, norm, n)

    def _unit_tail(self, e: int, orth: list[str], norm: list[str], n: int) -> int:
        """End after what completes a unit name: an ordinal («لواء المشاة العشرين») or the
        numbered unit it belongs to («كتيبة دبابات الفرقة الخامسة»)."""
        if e < n and norm[e] in self._ordinal_words:  # (every ordinal starts with one of them)
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

    def _force_adjectives_end(self, end: int, orth: list[str], norm: list[str], n: int) -> int:
        """End after up to three adjectives that belong to a force name («العسكري»); not a
        noun that a time word qualifies («تنظيم داعش العام الماضي»: last year)."""
        k = 0
        while end < n and k < 3 and orth[end] == norm[end] and self._force_adjective(norm[end]):
            if (end + 1 < n and norm[end + 1] in _TIME_TAILS) or norm[end] in _IYA_MASDARS:
                break
            if norm[end][2:] in self._heads or norm[end][2:] in self._strong_heads:
                break  # «القرية»: a place noun in «ـية», the object, not an adjective
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
        if known_end is not None and norm[h] in self._authority_heads and j not in loc_starts:
            return None  # «سلطات الحوثيين»: the authorities of a named actor are that actor
        if known_end is not None:
            end = known_end
        elif (
            norm[h] in self._place_force_heads | self._place_only_heads
            and (norm[j] in self._admin_heads or norm[j] in self._place_only_heads)
            and (j + 1) in loc_starts
            and orth[j + 1] == norm[j + 1]
        ):
            end = name_starts[j + 1]  # «حكومة ولاية الخرطوم», «قوات مجلس دير الزور»
        elif norm[h] in self._government_heads and (end := self._governed_territory_end(j, orth, norm, n)):
            pass  # «حكومة ولاية البحيرات», «حكومة الولاية»: a territory no list has
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
