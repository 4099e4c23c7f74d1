"""SOURCE rules that find a source by its context rather than by its head: a body someone
speaks for («المتحدث باسم X»), media or unnamed sources coordinated with a source, and an
outlet in no list known by the shape of its name in an attribution."""
from __future__ import annotations

from collections.abc import Callable

from annotator.core.suggest.rules.lexicon import _QUOTE_CHARS, _S_PATTERN, _S_STATE_ACTS, _S_UNKNOWN, _Cand
from annotator.core.suggest.rules.source_bodies import SourceBodyRules


class SourceContextRules(SourceBodyRules):
    """Sources found by their context (a base of :class:`.sources.SourceRules`, whose
    helpers these rules use)."""

    # Helpers of :class:`.sources.SourceRules`.
    _unquoted_outlet: Callable[[int, list[str], list[str], int, dict[int, int], set[int]], _Cand | None]
    _AFTER_BARE_SOURCE: frozenset[str]

    # Who speaks for a body, right before its name: «المتحدث باسم X», «منسق X», «مدير X».
    _SPOKESMEN = frozenset(("باسم", "منسق", "منسقه", "مدير", "مديره"))
    # Who speaks from within a body, before «من/في» and its name: «مسؤولون من X», «مصدر في X».
    _INSIDERS = frozenset("مسؤول مسؤولون مسؤولين مسؤولان مصدر مصادر مصدران متحدث ممثل ممثلو ممثلي".split())

    def _spoken_for_bodies(
        self, orth: list[str], norm: list[str], n: int, name_starts: dict[int, int], loc_starts: set[int], act_starts: dict[int, int]
    ) -> list[_Cand]:
        """A body in no list that someone speaks for in an attribution: «وقال المتحدث باسم
        منسقية النازحين», «وأكد منسق مؤسسة رصد للحقوق», «أفاد مسؤولون من وكالة إدارة
        الطوارئ». An outlet or organisation head after the spokesman's title (or after an
        insider and «من/في»), with an attribution word just before, and its name words. Not
        an office («مدير مكتب الرئيس»: a state's office is an ACTOR)."""
        out: list[_Cand] = []
        for h in range(2, n - 1):
            w = norm[h]
            if w not in self._outlet_heads or w == "مكتب" or h in act_starts or h in name_starts or orth[h] != w:
                continue
            k = h - 1
            if norm[k] in ("من", "في") and norm[k - 1] in self._INSIDERS:
                k -= 1
            elif norm[k] not in self._SPOKESMEN:
                continue
            if not any(t in self._attribution for t in norm[max(0, k - 3) : k]):
                continue
            cand = self._unquoted_outlet(h, orth, norm, n, name_starts, loc_starts)
            if cand is not None:
                out.append(cand)
        return out

    def _contextual_sources(
        self, cands: list[_Cand], orth: list[str], norm: list[str], n: int,
        name_starts: dict[int, int], loc_starts: set[int], act_starts: dict[int, int],
    ) -> list[_Cand]:
        """Sources found by their context, past the rules of single heads: bodies someone
        speaks for (:meth:`_spoken_for_bodies`) and media or unnamed sources coordinated with
        a source (:meth:`_coordinated_sources`)."""
        found = self._spoken_for_bodies(orth, norm, n, name_starts, loc_starts, act_starts)
        found += self._shaped_outlets(orth, norm, n, name_starts)
        found += self._peacekeeping_missions(cands, orth, norm, n)
        found += self._unnamed_media(orth, norm, n)
        found += self._media_of_a_party(cands, norm)
        return found + self._coordinated_sources(cands + found, orth, norm, n)

    # A medium named by what it is (guidelines §6: TV channels and papers, named or not):
    # an indefinite head and the kind of medium it is, then its adjectives.
    _UNNAMED_MEDIUM_HEADS = frozenset("قناه محطه اذاعه صحيفه تلفزيون وكاله موقع شبكه".split())
    _MEDIUM_KINDS = frozenset("تلفزيونيه تلفزيوني اذاعيه فضائيه اخباريه اخباري اعلاميه اعلامي الكترونيه الكتروني".split())

    def _unnamed_media(self, orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """«في مقابلة مع محطة تلفزيونية محلية», «وقال لإذاعة محلية», «أفادت قناة فضائية
        ليبية»: a medium named by its kind, where someone speaks to it or it reports (a verb
        of saying or a statement word shortly before, «ل» on the head, or a verb of saying
        after it)."""
        out: list[_Cand] = []
        for h in range(n - 1):
            w = norm[h]
            if w not in self._UNNAMED_MEDIUM_HEADS or norm[h + 1] not in self._MEDIUM_KINDS or orth[h + 1] != norm[h + 1]:
                continue
            e = self._source_adjectives_end(h + 2, orth, norm, n)
            talked = (orth[h][:1] == "ل" and orth[h] != w) or any(t in self._talked_to for t in norm[max(0, h - 3) : h])
            if talked or self._attributed(h, e, norm):
                out.append(_Cand(h, e, "SOURCE", _S_PATTERN))
        return out

    def _media_of_a_party(self, cands: list[_Cand], norm: list[str]) -> list[_Cand]:
        """«وسائل إعلام نظام أسد», «وسائل إعلام المنطقة الشرقية»: the media of a party or a
        region named right after «وسائل إعلام» are one SOURCE with that name (like the listed
        «وسائل إعلام النظام»), which outranks the name alone."""
        named = {c.start: c.end for c in cands if c.label in ("ACTOR", "LOCATION")}
        return [
            _Cand(h - 2, named[h], "SOURCE", _S_STATE_ACTS)
            for h in named
            if h > 1 and norm[h - 1] == "اعلام" and norm[h - 2] == "وسائل"
        ]

    _MISSIONS = frozenset(("بعثه", "البعثه"))

    def _peacekeeping_missions(self, cands: list[_Cand], orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """A UN mission that keeps the peace is a force, an ACTOR (guidelines §6: peace-keeping
        forces are ACTOR): «بعثة الأمم المتحدة لحفظ السلام», «قوات حفظ السلام التابعة لبعثة
        الأمم المتحدة». The mission's name as a source gets an ACTOR of the same extent (with
        «لحفظ السلام» after it), which outranks it."""
        out: list[_Cand] = []
        for c in cands:
            if c.label != "SOURCE" or norm[c.start] not in self._MISSIONS:
                continue
            end = c.end
            if end + 1 < n and norm[end] == "لحفظ" and norm[end + 1] == "السلام":
                end += 2
            elif not any(norm[k] == "حفظ" and norm[k + 1] == "السلام" for k in range(max(0, c.start - 6), c.start - 1)):
                continue
            out.append(_Cand(c.start, end, "ACTOR", _S_STATE_ACTS))
        return out

    # Last words that make a transliterated name an outlet or a monitor: «ديب ساوث ووتش»,
    # «عدن نيوز», «شام برس», «سودان تريبيون», «ليبيا أوبزرفر», «كيفو سيكيوريتي تراكر».
    _OUTLET_SHAPE_TAILS = frozenset(
        "ووتش مونيتور اوبزرفر تراكر نيوز برس تايمز بوست تريبيون ميديا اونلاين".split()
    )

    def _shaped_outlets(self, orth: list[str], norm: list[str], n: int, name_starts: dict[int, int]) -> list[_Cand]:
        """An outlet or monitor in no list, known by its shape and its place in an
        attribution: one to three plain name words, then a tail word of outlets' names
        («ووتش», «نيوز», «تريبيون»…), with a verb of saying near it, or in brackets or
        quotes: «حسبما قالت جماعة (ديب ساوث ووتش)», «ونشرت شام برس». A head before it
        («موقع», «جماعة») stays outside, as an outlet head's own rules take it with the name."""
        out: list[_Cand] = []
        for e in range(1, n):
            if norm[e] not in self._OUTLET_SHAPE_TAILS or orth[e] != norm[e]:
                continue
            s = e
            while s > 0 and e - s < 3:
                w = norm[s - 1]
                if orth[s - 1] != w or not w.isalpha() or len(w) < 2 or w[:2] == "ال" or self._is_people(w):
                    break
                if w in self._attribution or w in self._outlet_heads or w in self._OUTLET_END or w in self._numbers:
                    break
                s -= 1
            if s == e or s in name_starts:
                continue
            wrapped = orth[s - 1] in ("(", *_QUOTE_CHARS) if s > 0 else False
            if wrapped or self._attributed(s, e + 1, norm):
                out.append(_Cand(s, e + 1, "SOURCE", _S_UNKNOWN))
        return out

    def _coordinated_sources(self, cands: list[_Cand], orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """State media or unnamed sources coordinated by a glued «و» right after a source:
        «وفق الدفاع المدني والإعلام الرسمي اللبناني», «بحسب المرصد ومصادر محلية». The
        coordination makes them who reports, as the source before them is."""
        out: list[_Cand] = []
        ends = {c.end for c in cands if c.label == "SOURCE"}
        for e in sorted(ends):
            if e >= n - 1 or orth[e][:1] != "و" or orth[e] == norm[e] or e + 1 >= n:
                continue
            w = orth[e][1:]
            if w in self._broadcaster_heads and w.startswith("ال"):
                j = e + 1
                while j < n and j - e <= 2 and orth[j] == norm[j] and norm[j] in self._broadcaster_adjectives:
                    j += 1
                if j > e + 1:
                    out.append(_Cand(e, j, "SOURCE", _S_PATTERN))  # «والإعلام الرسمي اللبناني»
            elif w in ("مصادر", "مصدر"):
                end = self._source_adjectives_end(e + 1, orth, norm, n)
                if end > e + 1 or norm[e + 1] in self._AFTER_BARE_SOURCE or not norm[e + 1].isalpha():
                    out.append(_Cand(e, end, "SOURCE", _S_PATTERN))  # not «ومصادر المياه»
        return out
