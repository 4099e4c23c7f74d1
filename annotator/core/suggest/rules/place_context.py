"""Context tests of the LOCATION rules: what a word before or after a place name says about
it. A building, a body, a road or a month named with it, a border shared with it, an
adjective that describes it or agrees with the noun before it, a word that places it. A mixin
of :class:`.locations.LocationRules`."""
from __future__ import annotations

from annotator.core.suggest.rules.place_lists import PlaceListRules


class PlaceContextRules(PlaceListRules):
    """Word tests of the location rules (see the module docstring)."""

    # Filled by :meth:`.locations.LocationRules._load_word_sets`.
    _place_named_bodies: set[str]

    def _building_head(self, w: str) -> bool:
        """Is ``w`` a building's head, also with a glued conjunction or preposition
        («ومستشفى», «لجامعة»), which the clitic lexicon leaves on a word it does not list as a
        name?"""
        return w in self._building_heads or (w[:1] in "وفبلك" and (w[1:] in self._building_heads or (
            w[1:2] in "بل" and w[2:] in self._building_heads
        )))

    def _names_a_body(self, w: str) -> bool:
        """Is ``w`` the head of a body named after a place (locations.yaml
        ``place_named_body_heads``: a cartel, a gang, a diocese), also with a glued clitic? The
        place is a part of the body's name, no place span."""
        return w in self._place_named_bodies or (w[:1] in "وفبل" and w[1:] in self._place_named_bodies)

    # Levantine month names that fold to a place's name: «آب» (August) to Yemen's «إب».
    _MONTH_PLACES = frozenset(("اب",))

    def _month_not_place(self, s: int, orth: list[str], norm: list[str]) -> bool:
        """Is the name at ``s`` a month: a Levantine month name with its Gregorian name after
        a slash («آب/أغسطس»), a year after it or a day before it («15 آب», «آب 2021»)?"""
        if norm[s] not in self._MONTH_PLACES:
            return False
        n = len(norm)
        return (s + 1 < n and (orth[s + 1] == "/" or norm[s + 1].isdigit())) or (s > 0 and norm[s - 1].isdigit())

    @staticmethod
    def _birthplace_idiom(e: int, norm: list[str]) -> bool:
        """Is the word before ``e`` the «مسقط» of «مسقط رأسه» (a birthplace), a word «رأس»
        with or without its pronoun right after it?"""
        return e < len(norm) and norm[e - 1] == "مسقط" and norm[e].startswith("راس")

    # Words after which a name opens a clause as its topic: «أن مالي تشهد…», «فيما تعاني…».
    _TOPIC_OPENERS = frozenset("ان لان بان كما فيما بينما حيث".split())

    _ROADS = frozenset(("طريق", "شارع"))

    def _names_a_road(self, start: int, head: str | None, e: int, orth: list[str], norm: list[str]) -> bool:
        """Is the place at ``start`` (its head, if any, included) the name of a road after
        «طريق» or «شارع» (guidelines §6: roads are no places, nor a place named inside a
        road's name)? A bare name or a facility («طريق مطار دمشق الدولي», «شارع مكة المكرمة»)
        names the road; an administrative unit after a road is where it runs («طريق قضاء
        X»), and a road between two places has them as its ends («طريق درعا–دمشق»)."""
        if head in self._ROADS:
            return True  # «شارع مكة المكرمة»
        if start == 0 or orth[start] != norm[start] or norm[start - 1] not in self._ROADS:
            return False
        if head is not None and head not in self._facility_heads:
            return False
        return not self._road_between(e, orth, norm)

    def _road_between(self, e: int, orth: list[str], norm: list[str]) -> bool:
        """Does a road name two places, a dash or a second place after the first («طريق
        درعا–دمشق», «طريق مخمور الموصل»)? The sets annotate its ends; a road named after
        one place only is no place span."""
        if e >= len(norm):
            return False
        return orth[e] in ("-", "–", "—") or norm[e] in self._place_names

    _BORDERS = frozenset(("الحدود", "حدود", "الحدوديه", "المشتركه"))

    def _border_with(self, s: int, norm: list[str]) -> bool:
        """«قرب الحدود مع مالي», «المنطقة الحدودية مع …»: what a border is shared with is a
        place, even when its name is also a word («مالي» financial)."""
        return s > 1 and norm[s - 1] == "مع" and norm[s - 2] in self._BORDERS

    # A preposition with a pronoun after a word shows that word is a verb of a relative
    # clause: «منطقة يسيطر عليها الجيش», «قرية تقع فيها المعارك».
    _PRONOUN_PREPOSITIONS = frozenset("عليها عليه عليهم فيها فيه فيهم بها به منها منه اليها اليه لها له".split())
    # What a facility serves or carries, after its head: «محطة وقود», «مصفاة نفط» name no
    # place (while «منطقة نفط خانة» does).
    _SERVED = frozenset(
        "كهرباء مياه نفط وقود غاز بنزين محروقات ضخ تحليه معالجه توليد تكرير قطار قطارات حافلات ركاب".split()
    )
    # Adjectives that describe a place without naming it: «قاعدة يوناميد السابقة».
    _DESCRIPTIVE = frozenset(
        "السابق السابقه المذكور المذكوره المجاور المجاوره القريب القريبه المحاصر المحاصره "
        "المنكوب المنكوبه المحتل المحتله المدمر المدمره".split()
    )

    def _describes(self, w: str) -> bool:
        """Is the definite ``w`` after an indefinite place name an adjective of the place, not
        the second word of its name: a nisba («مدينة درنة الساحلية», «ولاية جوبالاند
        الفيدرالية»), a nationality or a descriptive word («السابقة»)?"""
        return (
            w in self._nationalities
            or w in self._DESCRIPTIVE
            or (len(w) > 5 and w.startswith("ال") and w.endswith(("ي", "يه")))
            or self._definite_participle(w)
        )

    def _definite_participle(self, w: str) -> bool:
        """Is ``w`` a definite participle that describes the place before it («المتاخمة»,
        «المضطربة», «المجاورتين»): «الم…» in «ـة» or a dual or plural ending, a frequent word of
        the language and no place's name («المنصورة» is one)?"""
        if len(w) < 7 or not w.startswith("الم") or not w.endswith(("ه", "ين")) or w in self._place_names:
            return False
        # A dual or plural is rarer than its singular: «المجاورتين» as «المجاورة».
        stems = (w, w[:-3] + "ه", w[:-2]) if w.endswith("ين") else (w,)
        return any(stem in self._arabic_words for stem in stems)

    # Adverbs in «ـا» that may stand before a place: «وخصوصا سوريا», «حاليا».
    _ADVERBS = frozenset("خصوصا تحديدا ايضا حاليا مؤخرا سابقا لاحقا اساسا مجددا وخصوصا وتحديدا".split())

    @staticmethod
    def _coordinated_nisba(s: int, orth: list[str], norm: list[str]) -> bool:
        """Is the one-word name at ``s``, a feminine nisba («سورية») glued to «و», coordinated
        with an indefinite feminine nisba right before it («روسية وسورية»): an adjective too?"""
        if s == 0 or orth[s] == norm[s] or orth[s][:1] != "و" or not norm[s].endswith("يه"):
            return False
        prev = norm[s - 1]
        return orth[s - 1] == prev and not prev.startswith("ال") and prev.endswith("يه") and len(prev) > 4

    def _agrees_as_adjective(self, s: int, orth: list[str], norm: list[str]) -> bool:
        """Is the one-word name at ``s``, in the form of a nisba, an adjective that agrees
        with the indefinite noun right before it? An accusative «ـيا» after an accusative
        «ـا» («نفذت عدوانا جويا», «أرسلت وفدا سوريا»), a feminine «ـية» after a plural in
        «ـات» or a noun in «ـة» («قوات سورية»). After a place cue it is the place («نحو
        سوريا»)."""
        if s == 0 or orth[s] != norm[s]:
            return False
        w, prev = norm[s], norm[s - 1]
        if not prev.isalpha() or prev.startswith("ال") or len(prev) < 4 or orth[s - 1] != prev:
            return False
        if w.endswith("يه") and prev.endswith("ات"):
            return True  # «محافظات سورية»: even after a plural that is a place cue
        if prev in self._place_cues or prev in self._ambiguous_cues or prev in self._ADVERBS or prev in self._heads:
            return False
        if prev.endswith(("ها", "هما")):
            return False  # «التي شهدتها سوريا»: a verb with its object pronoun, no accusative noun
        if w.endswith("يا") and prev.endswith("ا") and (not prev.endswith("يا") or (s > 1 and norm[s - 2].isdigit())):
            return True  # also after a counted noun in «ـيا»: «قتل 15 جنديا تركيا»
        return w.endswith("يه") and prev.endswith("ه")

    # Words that place what is named before them: «منطقة X الواقعة بين…», «قرية X المحاذية لـ…».
    _LOCATED = frozenset("الواقعه الواقع المحاذيه المحاذي المتاخمه المتاخم".split())

    def _located(self, i: int, norm: list[str], n: int) -> bool:
        """Does a word that places it follow the name at ``i`` (one or two words long): a cue
        after an ambiguous head («إن منطقة X الواقعة بين…»)?"""
        return any(k < n and norm[k] in self._LOCATED for k in (i + 1, i + 2))

    @staticmethod
    def _agrees_with_head(head: str, w: str) -> bool:
        """Is the indefinite ``w`` after a feminine head («منطقة», «قرية», «جزيرة») a feminine
        adjective that agrees with it: a participle («مضطربة», «متفرقة», «محاصرة») or a
        compass nisba («جنوبية»)? Other words in «ـية» are names as often («قرية غانية»)."""
        if not head.endswith("ه") or w.startswith("ال") or not w.endswith("ه") or len(w) < 5:
            return False
        return w[0] == "م" or w in ("جنوبيه", "شماليه", "شرقيه", "غربيه")
