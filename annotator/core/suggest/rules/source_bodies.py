"""SOURCE rules for bodies and media named by what they are, not by a name: media as a
whole («وسائل إعلام محلية», «قنوات إخبارية»), organisations in the plural («منظمات
حقوقية»), a rights group coordinated with a source, and a body with the place it works in."""
from __future__ import annotations

from collections.abc import Callable

from annotator.core.suggest.rules.lexicon import _S_PATTERN, RuleLexicon, _Cand
from annotator.core.text import fold

# Bodies named by what they are, and the adjectives that make them an NGO («جماعة حقوقية»).
_NGO_HEADS = frozenset(("منظمه", "منظمات", "جماعه", "جمعيه", "جمعيات", "هيئه", "هيئات"))
_NGO_ADJECTIVES = frozenset(("حقوقيه", "خيريه", "انسانيه", "اغاثيه", "دوليه", "امميه", "مدنيه", "اهليه"))
# Organisations in the plural named by what they are: a SOURCE wherever they stand, with no
# attribution word (guidelines §6; in the dev sets 10 of 11 are annotated: «منظمات حقوقية»,
# «المنظمات الإنسانية», «المنظمات الدولية والمحلية»). «مجموعات/جماعات» are armed groups
# unless they are rights groups («مجموعات حقوقية», not «مجموعات مسلحة»).
_RIGHTS_ONLY_HEADS = frozenset(("مجموعات", "المجموعات", "جماعات", "الجماعات"))
_CIVIC_HEADS = _RIGHTS_ONLY_HEADS | {"منظمات", "المنظمات"}
_CIVIC_ADJECTIVES = _NGO_ADJECTIVES | {"محليه"}


class SourceBodyRules(RuleLexicon):
    """Bodies and media named by what they are (a base of :class:`SourceRules`, whose word
    sets and helpers — ``_source_adjectives_end``, ``_attributed``… — these rules use)."""

    # Helpers of :class:`.sources.SourceRules`.
    _attributed: Callable[[int, int, list[str]], bool]
    _source_adjective: Callable[[str], bool]
    _source_adjectives_end: Callable[[int, list[str], list[str], int], int]

    _NEWS_ADJECTIVES = frozenset(("اخباريه", "اعلاميه"))
    _NOT_BEFORE_NEWS = frozenset(("عن", "في", "علي", "الي", "من", "مع", "ضد"))

    def _media_collective(self, h: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """Media as a whole in an attribution: «أفادت وسائل إعلام», «قالت مواقع إعلامية
        محلية», «نقلت صحف ومواقع يمنية». «مواقع» alone is positions: it is a medium only
        with a media adjective or coordinated with another medium."""
        k = h + 1
        if norm[h] == "وسائل":
            if k >= n or orth[k] != norm[k] or norm[k] not in ("اعلام", "الاعلام", "اعلاميه"):
                return None  # «وسائل إعلام», «وسائل إعلامية لبنانية»
            k += 1
        heads = [norm[h]]
        if k < n and orth[k][:1] == "و" and orth[k][1:] in self._collective_heads and orth[k][1:] != "وسائل":
            heads.append(orth[k][1:])
            k += 1
        if heads == ["تقارير"] and k < n and norm[k] == "اعلاميه":
            return None  # «تقارير إعلامية» is not annotated (guidelines §6)
        if norm[k - 1] == "الاعلام":  # «وسائل الإعلام الإثيوبية», «وسائل الإعلام المحلية»: definite adjectives
            end = k
            while end < n and orth[end] == norm[end] and norm[end][:2] == "ال" and (
                self._source_adjective(norm[end][2:]) or norm[end] == "الوطنيه"  # «وسائل الإعلام الوطنية»
            ):
                end += 1
        else:
            end = self._source_adjectives_end(k, orth, norm, n)
            if end == k and k < n and orth[k] == norm[k] and norm[k] in self._NEWS_ADJECTIVES:
                end = self._source_adjectives_end(k + 1, orth, norm, n)  # «قنوات إخبارية»
        if len(heads) == 1 and heads[0] in self._collective_need_media and (end == k or norm[k] not in self._media_adj):
            return None
        if end == k and heads[0] != "وسائل":
            return None
        # «في حديث لوسائل الإعلام المحلية»: the media talked to are who the words went to.
        talked_to = orth[h][:1] == "ل" and orth[h] != norm[h] and any(w in self._talked_to for w in norm[max(0, h - 3) : h])
        # «ونشرتها قنوات إخبارية»: an indefinite medium that says it is news media needs no
        # attribution word (dev sets: every one is annotated).
        newsy = (
            norm[h][:2] != "ال" and end > k and norm[k] in self._NEWS_ADJECTIVES
            and not (h > 0 and norm[h - 1] in self._NOT_BEFORE_NEWS)  # «تحدث عن مواقع إعلامية»
        )
        if not (talked_to or newsy or self._attributed(h, end, norm)):
            return None
        return _Cand(h, end, "SOURCE", _S_PATTERN)

    def _coordinated_body(self, i: int, orth: list[str], norm: list[str], n: int, cands: list[_Cand]) -> _Cand | None:
        """«قال شاهد عيان وجماعة حقوقية محلية», «بحسب مسؤولين ومنظمة خيرية محلية»: a body
        named by what it is (a rights, charity or aid group), coordinated by «و» right after
        a source, is a source too (guidelines §6: local and non-governmental organisations)."""
        if orth[i][:1] != "و" or orth[i] == norm[i]:
            return None
        j = self._source_adjectives_end(i + 1, orth, norm, n)
        if j == i + 1 or _NGO_ADJECTIVES.isdisjoint(norm[i + 1 : j]):
            return None
        # After a source, or after an official an attribution word introduces, who is not
        # annotated alone (guidelines §6) but is who speaks: «بحسب مسؤولين ومنظمة خيرية».
        if not any(c.label == "SOURCE" and i - 5 <= c.end <= i for c in cands[-4:]) and not any(
            norm[k] in self._official_heads and norm[k - 1] in self._attribution for k in range(max(1, i - 5), i)
        ):
            return None
        return _Cand(i, j, "SOURCE", _S_PATTERN)

    def _civic_bodies(self, i: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """«منظمات حقوقية», «المنظمات الإنسانية», «المنظمات الدولية والمحلية», «مجموعات
        حقوقية»: organisations named in the plural by what they are, with their adjectives
        (a second one coordinated by «و»)."""
        head = norm[i]
        definite = head.startswith("ال")
        j = i + 1
        while j < n and j - i <= 2:
            # A second adjective coordinated by «و» («الدولية والمحلية»); the first has no clitic.
            w = orth[j][1:] if j > i + 1 and orth[j][:1] == "و" else (norm[j] if orth[j] == norm[j] else "")
            if definite != w.startswith("ال") or w.removeprefix("ال") not in _CIVIC_ADJECTIVES:
                break
            j += 1
        if j == i + 1:
            return None
        if head in _RIGHTS_ONLY_HEADS and norm[i + 1].removeprefix("ال") != "حقوقيه":
            return None  # «مجموعات مسلحة», «الجماعات الدولية»
        return _Cand(i, j, "SOURCE", _S_PATTERN)

    # Heads of bodies that may be named by the town or region they work in: «مرصد الأمن في
    # كيفو», «منظمة حقوق الإنسان في عفرين», «تنسيقية لجان المقاومة بمدينة الفاشر».
    _PLACE_BODY_HEADS = frozenset(fold(w) for w in "مرصد منظمة تنسيقية منسقية لجنة هيئة جمعية مؤسسة رابطة تجمع".split())

    def _bodies_of_places(self, cands: list[_Cand], orth: list[str], norm: list[str], n: int, states: set[int]) -> list[_Cand]:
        """A body with an indefinite head, named with the town or region it works in after
        «في» or a glued «ب», takes that place inside (one SOURCE, no LOCATION); a state
        after it is where it works, not its name («هيئة الإسعاف في ليبيا»)."""
        places = {c.start: c.end for c in cands if c.label == "LOCATION" and c.start not in states}
        if not places:
            return cands
        out = []
        for c in cands:
            e = c.end
            if c.label == "SOURCE" and norm[c.start] in self._PLACE_BODY_HEADS and e < n:
                if norm[e] == "في" and e + 1 in places:
                    c = _Cand(c.start, places[e + 1], c.label, c.score)
                elif orth[e][:1] == "ب" and orth[e] != norm[e] and e in places:
                    c = _Cand(c.start, places[e], c.label, c.score)
            out.append(c)
        return out
