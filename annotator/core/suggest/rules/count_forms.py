"""COUNT rules for the forms of counted people nouns. A dual is a count of two people in
every form the news writes it — nominative («شرطيان», «مدنيتان»), oblique when the words
after it agree («انتحاريين يشتبه في انتمائهما»), definite and back-referring («العنصران»),
in construct («جثتي القتيلين», «عنصريه»); a people noun with a pronoun before a definite
number («أطفاله الثلاثة»); and counted nouns no list spells, known by their form (a nisba
plural, an accusative singular)."""
from __future__ import annotations

from collections.abc import Callable

from annotator.core.suggest.rules.lexicon import _S_COUNT, RuleLexicon, _Cand


# Adverbs in the form of a nisba accusative, never a counted noun: «30 يومياً».
_NISBA_ADVERBS = frozenset(
    "يوميا شهريا سنويا اسبوعيا حاليا نسبيا جزئيا كليا فعليا رسميا مبدئيا اوليا تدريجيا "
    "عسكريا سياسيا امنيا ميدانيا محليا دوليا اقليميا جويا بريا بحريا نهائيا تقريبيا".split()
)


class CountFormRules(RuleLexicon):
    """Forms of counted people nouns (a base of :class:`.counts.CountRules`, whose trigger
    test these rules use)."""

    # Helper of :class:`.counts.CountRules`.
    _is_trigger: Callable[[str], bool]

    def _definite_dual(self, w: str) -> bool:
        """A definite dual that refers back to two people named before («حاول العنصران…»,
        «أحد العنصرين») counts two (realnews-4 judgement, like the pronoun dual)."""
        bare = w[2:]
        return (
            w[:2] == "ال" and bare.endswith(("ان", "ين")) and bare in self._duals
            and not bare.startswith(self._VICTIM_STEMS)  # «الضحيتان»: victims counted already
        )

    # A definite dual of a victim noun refers back to victims the article has counted.
    _VICTIM_STEMS = ("ضحيت", "قتيل", "جريح", "شهيد", "مصاب", "رهينت", "اسير", "جثت")

    def _construct_dual_stem(self, w: str) -> str:
        """The singular stem of ``w`` when it is a dual noun of the lexicon in construct,
        having lost its «ن»: «جثتي» (+ a noun), «عنصريه» (+ «his»); else "". Not a nisba
        stem («مدنيي» is also a plural in construct)."""
        for tail in ("ي", "يه"):
            stem = w[: -len(tail)] if w.endswith(tail) else ""
            if len(stem) >= 3 and stem[-1] != "ي" and stem + "ين" in self._duals:
                return stem
        return ""

    def _construct_dual_at(self, i: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """A dual in construct (guidelines §6: duals with a pronoun are COUNT): «جثتي
        القتيلين» (with the definite people noun it is of, one span), «أن عنصريه قتلا»
        (with «his», where a dual verb after it or a trigger before it shows the two people:
        folded, «عنصريه» is also «عنصرية», racism)."""
        w = norm[i]
        if not self._construct_dual_stem(w):
            return None
        nxt = norm[i + 1] if i + 1 < n else ""
        if w.endswith("يه"):
            dual_verb = orth[i + 1 : i + 2] == [nxt] and 3 <= len(nxt) <= 6 and nxt.endswith("ا") and nxt[:2] != "ال"
            if dual_verb or (i > 0 and self._is_trigger(norm[i - 1])):
                return _Cand(i, i + 1, "COUNT", _S_COUNT)
            return None
        if orth[i + 1 : i + 2] == [nxt] and nxt[:2] == "ال" and (self._is_people(nxt) or nxt[2:] in self._duals):
            return _Cand(i, i + 2, "COUNT", _S_COUNT)
        return None

    def _dual_by_agreement(self, i: int, orth: list[str], norm: list[str], n: int) -> bool:
        """Is the «-ين» form of a singular people noun at ``i`` («انتحاريين», «الطفلين») a
        dual, as the words after it agree: a dual perfect right after it («الانتحاريين
        نفذا») or a dual pronoun within four words («انتحاريين يشتبه في انتمائهما»)? Its
        plural reading («مدنيين») takes plural agreement instead."""
        w = norm[i]
        if not self._oblique_of_people(w):
            return False
        after = norm[i + 1] if i + 1 < n else ""
        if orth[i + 1 : i + 2] != [after] or not after.isalpha():
            return False
        if (
            i > 0 and norm[i - 1] in ("ان", "بان", "لان") and 3 <= len(after) <= 5 and after.endswith("ا")
            and not after.endswith(("وا", "يا", "ها")) and not after.startswith("ال") and after not in self._numbers
            and norm[i + 2 : i + 3] != ["ما"]  # «أن المدنيين كثيرا ما…»: an adverb, no verb
        ):
            return True  # the subject of «أن» and its dual perfect: «أن الانتحاريين نفذا»
        # an imperfect on them, then their dual pronoun: «انتحاريين يشتبه في انتمائهما»
        return after[:1] == "ي" and any(x.endswith("هما") and len(x) > 3 for x in norm[i + 2 : i + 5])

    def _oblique_of_people(self, w: str) -> bool:
        """Is ``w`` a singular people noun of the lexicon with «-ين» («انتحاريين», «الطفلين»):
        a dual, or the plural of a nisba, as the words after it tell?"""
        stem = w.removeprefix("ال")[:-2] if w.endswith("ين") else ""
        return len(stem) >= 3 and stem in self._people and not stem.endswith(("ين", "ون", "ات"))

    def _nominative_dual_of_people(self, w: str) -> bool:
        """Is ``w`` the nominative dual («-ان», «-تان») of a singular people noun of the
        lexicon, listed as a dual or not: «شرطيان», «انتحاريان», «طفلتان»? The «-ين» form
        is left to the lists (also a sound plural: «مدنيين»), and so is a nationality,
        which is an adjective after another noun («مسؤولان فلسطينيان»)."""
        if len(w) < 5 or not w.endswith("ان") or w.startswith("ال"):
            return False
        stem = w[:-2]
        if stem.endswith("يت") and stem[:-1] in self._people:
            stem = stem[:-1]  # «مدنيتان» → «مدني»: the feminine of a nisba people noun
        elif stem.endswith("ت"):
            stem = stem[:-1] + "ه"  # «طفلتان» → «طفلة»
        return (
            stem in self._people and not stem.endswith(("ين", "ون", "ات"))
            and "ال" + stem not in self._nationalities and "ال" + stem + "ه" not in self._nationalities
        )

    def _possessed_people(self, w: str) -> bool:
        """A plural people noun with a possessive pronoun: «أطفاله», «أبناؤها», «عناصرهم»
        (like «الشهداء الستة», a definite number after it counts them: guidelines §6)."""
        for word in (w, w[1:]) if w[:1] == "و" else (w,):  # «وأطفاله»: a glued «و» the lexicon kept
            for suffix in ("هما", "هم", "ها", "ه"):
                if word.endswith(suffix) and len(word) > len(suffix) + 2:
                    base = word[: -len(suffix)]
                    # «أبناؤه» folds to «ابناوه»: the hamza's seat before a pronoun
                    if self._is_people(base) or (base[-1] in "ويؤئ" and self._is_people(base[:-1] + "ء")):
                        return True
                    break
        return False

    @staticmethod
    def _people_nisba(o: str, w: str) -> bool:
        """A counted noun in no list that can only be people, by its form, after a number:
        a nisba plural («انغماسيين», «عسكريون»); a participle of the form مُ… in the sound
        masculine plural («مستوطنين», «متظاهرون»: only people take that plural, a dual of a
        thing never follows a number); a participle مُتَفاعِل in the accusative singular
        that follows 11–99 («متظاهراً», «متطوعاً»)."""
        if o != w or len(w) < 5 or not w.isalpha():
            return False
        # The accusative singular of a nisba after 11–99: «30 حوثياً», «15 عراقياً»; not a
        # broken plural in «ـايا» («قضايا») nor an adverb («يومياً»).
        if w.endswith("يا") and w[-3] != "ا" and w not in _NISBA_ADVERBS:
            return True
        if len(w) < 6:
            return False
        if w.endswith(("يين", "يون")):
            return True
        if w[0] == "م" and w.endswith(("ين", "ون")):
            return True
        return w.startswith("مت") and w.endswith("ا")

    def _accusative_people(self, o: str, w: str) -> bool:
        """The accusative singular of a people noun after 11–99, which the lists spell only
        for some nouns: «25 مشتبهاً», «15 مهاجماً» (not «عاماً»: years are no people)."""
        return o == w and len(w) > 3 and w[-1] == "ا" and self._is_people(w[:-1])
