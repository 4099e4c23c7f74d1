"""SOURCE rules: unnamed sources, media as a whole, organisations and outlets (quoted or not),
and aliases in parentheses, which take the label of the name before them."""
from __future__ import annotations

import re
from itertools import compress
from typing import Any

from annotator.core.domain import Suggestion
from annotator.core.suggest.rules.lexicon import (
    _CLOSING_QUOTES,
    _OUTLET_STOP,
    _QUOTE_CHARS,
    _S_PATTERN,
    _S_STATE_ACTS,
    _S_UNKNOWN,
    ORIGIN,
    _Cand,
)
from annotator.core.suggest.rules.source_bodies import _CIVIC_ADJECTIVES
from annotator.core.suggest.rules.source_context import SourceContextRules
from annotator.core.text import fold, snap_span


# Attribution prepositions before who is cited: «بحسب X», «وفقاً لـ X», «نقلاً عن X».
_ACCORDING_TO = frozenset(("بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا"))
# A Latin acronym in the normalised (lower-cased) text: «ACLED», «OCHA».
_LATIN_CODE_RE = re.compile(r"[a-z]{3,8}")
# Adjectives after a rescue service that say which one: «جهاز الإسعاف المحلي».
_SERVICE_SCOPES = frozenset(("المحلي", "المحليه", "الوطني", "الوطنيه", "الحكومي", "الحكوميه"))


class SourceRules(SourceContextRules):
    """The SOURCE rules of :class:`RuleSuggester`, and aliases in parentheses."""

    def _load_word_sets(
        self, actors: dict[str, Any], places: dict[str, Any], sources: dict[str, Any], counts: dict[str, Any]
    ) -> dict[str, list[str]]:
        """The lexicon's word sets, and the listed source names as folded strings: an outlet
        name in no list ends where a listed one does («لوكالة فرانس برس شريطة…»)."""
        groups = super()._load_word_sets(actors, places, sources, counts)
        self._source_names = frozenset(groups["SRC"]) | frozenset(groups["SRC_Q"])
        # Bodies named in the plural by what they are («منظمات حقوقية») speak as sources;
        # officials («مسؤول أمني», «مسؤولون محليون») are unnamed individuals, not annotated
        # (guidelines §6), though they still introduce a body coordinated with them.
        self._attributed_bodies = frozenset(fold(w) for w in sources.get("attributed_unnamed_heads") or [])
        return groups

    # Listed places (set by LocationRules._load_word_sets): a body may be named with its place
    # («الإعلام الحكومي في غزة»).
    _place_names: frozenset[str]
    _service_holders: set[str]  # loaded with the ACTOR words: «مدير», «باسم»

    _SEEN_BY = frozenset("اطلعت اطلع حصلت حصل تلقت تلقي".split())
    # A website or page of a medium («موقع قناة X»): the medium names the outlet.
    _WEB_HEADS = frozenset("موقع بوابه منصه صفحه حساب".split())
    _MEDIUM_HEADS = frozenset("قناه تلفزيون صحيفه اذاعه وكاله شبكه مجله راديو".split())
    # What may follow a bare unnamed source after an attribution word: «أكدت مصادر في
    # الحشد», «وقال مصدران من الجانبين إن», «ووفقاً لمسؤولين،».
    _AFTER_BARE_SOURCE = frozenset("في من ان بان انه انها عن الي".split())

    def _outlet_adjective_end(self, end: int, orth: list[str], norm: list[str], n: int) -> int:
        """End after an adjective of a named outlet: «وكالة الأنباء اللبنانية الرسمية»,
        «قناة المسيرة الفضائية»."""
        if end < n and orth[end] == norm[end] and norm[end] in self._outlet_adjectives:
            end += 1
        return self._territory_end(end, orth, norm, n)

    _GOVERNMENT = frozenset(("الحكومي", "الحكوميه"))
    # «للأنباء», «للإعلام» after an agency named with its head complete its name.
    _NEWS_COMPLEMENTS = frozenset(("للانباء", "للأنباء", "للاعلام", "للإعلام"))

    def _territory_end(self, end: int, orth: list[str], norm: list[str], n: int) -> int:
        """End after the territory of a government media office: «الإعلام الحكومي في غزة»,
        «المكتب الإعلامي الحكومي بغزة» are one SOURCE, named with their territory like «صحة
        غزة» (no LOCATION inside)."""
        if end < 2 or end >= n or norm[end - 1] not in self._GOVERNMENT or norm[end - 2] not in ("الاعلام", "الاعلامي"):
            return end  # «التلفزيون الحكومي في دمشق»: a broadcaster, not a territory's office
        if norm[end] == "في" and end + 1 < n and orth[end + 1] == norm[end + 1] and norm[end + 1] in self._place_names:
            return end + 2
        if orth[end][:1] == "ب" and orth[end] != norm[end] and norm[end] in self._place_names:
            return end + 1
        return end

    def _activists_end(self, e: int, orth: list[str], norm: list[str], n: int) -> int:
        """End after the plural adjectives of activists or witnesses: «ناشطون سوريون»,
        «ناشطين ميدانيين» (guidelines §2.4: the adjectives are inside)."""
        while e < n and orth[e] == norm[e] and norm[e][-2:] in ("ون", "ين") and norm[e][:-2] in self._unnamed_adj:
            e += 1
        return e

    def _bare_unnamed(self, i: int, orth: list[str], norm: list[str], n: int, placed: bool = False) -> bool:
        """Is the unnamed source or official at ``i``, without an adjective, the subject or
        the complement of the attribution word right before it («أفادت مصادر للعربية»,
        «ووفقاً لمسؤولين، فإن»)? Not «كشفت مصادر تمويل…»: a noun after it makes it a
        construct (sources of something), not who speaks."""
        if i == 0 or norm[i - 1] not in self._attribution or norm[i][:2] == "ال":
            return False
        if i + 1 >= n or not norm[i + 1].isalpha():
            return True
        nxt = orth[i + 1]
        # «أفادت مصادر للعربية»: whom it spoke to; ``placed``: «وقال مصدر بالحركة», where the
        # source sits (an unnamed source only: «قال مسؤولان بالشرطة» are officials).
        return (
            norm[i + 1] in self._AFTER_BARE_SOURCE or (nxt[:1] in ("لب" if placed else "ل") and nxt != norm[i + 1])
            # «أفادت مصادر بالمجتمع المدني»: «ب» + the article is a preposition on any word
            or (placed and nxt.startswith("بال") and len(nxt) > 5)
        )

    def _talked_to_outlet(self, s: int, orth: list[str], norm: list[str], cands: list[_Cand]) -> bool:
        """An outlet that is also a word, unquoted, with the «ل» of whom one talked to, after an
        attribution word or a statement in the same clause: «في تصريح للأناضول», «قالت
        مصادر عسكرية للجزيرة»; or an outlet after a slash or a glued «و» right after another
        outlet («للعربية/الحدث», «العربية والحدث»)."""
        if s > 1 and orth[s - 1] == "/" and any(c.label == "SOURCE" and c.end == s - 1 for c in cands[-3:]):
            return True
        if orth[s][:1] == "و" and orth[s] != norm[s] and any(c.label == "SOURCE" and c.end == s for c in cands[-3:]):
            return True  # «مراسل العربية والحدث»: an outlet coordinated with an outlet
        if orth[s][:1] != "ل" or orth[s] == norm[s]:
            return False
        for w in reversed(norm[max(0, s - 8) : s]):
            if w in self._talked_to:
                return True
            if w in (".", "؛", ";", "\n"):
                return False
        return False
    _SPEAKERS = frozenset("الناطق الناطقه المتحدث المتحدثه ناطق متحدث".split())

    def _document_seen_by(self, s: int, norm: list[str]) -> bool:
        """«بيان اطلعت عليه الأناضول», «وثيقة حصلت عليها الجزيرة»: the outlet that saw or
        obtained the document is who reports it."""
        return s > 1 and norm[s - 1] in ("عليه", "عليها") and norm[s - 2] in self._SEEN_BY

    _DATELINE_MARKS = frozenset(("/", "-", "–", "—", ":", "):", "-:", ")"))

    def _in_dateline(self, s: int, e: int, orth: list[str]) -> bool:
        """Is ``s:e`` the outlet of a dateline, right after the place the report was filed
        in, at the start of the text or of a line: «غزة/ الأناضول:», «بيروت - الأناضول -»?"""
        if s < 2 or orth[s - 1] not in self._DATELINE_MARKS or not orth[s - 2].isalpha():
            return False
        k = s - 2
        if k > 0 and orth[k - 1].isalpha():
            k -= 1  # a two-word place: «دير الزور/ …»
        if k > 0 and "\n" not in orth[k - 1]:
            return False
        return e >= len(orth) or orth[e] in self._DATELINE_MARKS or "\n" in orth[e]  # «لندن - «X»⏎»

    def _sources_of_a_body_end(self, i: int, orth: list[str], norm: list[str], n: int) -> int:
        """End of «مصادر» + the definite name of the body or outlet they belong to, and its
        definite adjectives, right after an attribution word: «تحدثت مصادر الميادين»,
        «وفقاً لمصادر الحماية المدنية» (one SOURCE). Without one it is a construct of
        anything («مصادر المياه»); ``i + 1`` when there is none."""
        j = i + 1
        if i == 0 or norm[i - 1] not in self._attribution or j >= n or orth[j] != norm[j]:
            return j
        w = norm[j]
        if not (w[:2] == "ال" and len(w) > 4 and w.isalpha()) or self._is_people(w) or w in self._OUTLET_END:
            return j
        j += 1
        while j < n and orth[j] == norm[j] and norm[j][:2] == "ال" and len(norm[j]) > 4 and norm[j].endswith(("ي", "يه")):
            j += 1  # «الحماية المدنية»
        return j

    def _source_adjective(self, w: str) -> bool:
        """An adjective of an unnamed source, singular, plural or dual («طبي», «طبيان»), or an
        indefinite nationality («وسائل إعلام صومالية»)."""
        if w in self._unnamed_adj or (w[-2:] in ("ان", "ين") and w[:-2] in self._unnamed_adj):
            return True
        return not w.startswith("ال") and "ال" + w in self._nationalities

    # Adjective phrases of an unnamed source, inside its span: «مصدر أمني رفيع المستوى»,
    # «مصادر وثيقة الاطلاع», «مصادر واسعة الاطلاع».
    _ADJECTIVE_PHRASES = frozenset(
        ("رفيع", "رفيعه", "وثيق", "وثيقه", "واسع", "واسعه", "عالي", "عاليه")
    )
    _ADJECTIVE_PHRASE_TAILS = frozenset(("المستوي", "الاطلاع", "الصله"))

    def _source_adjectives_end(self, j: int, orth: list[str], norm: list[str], n: int) -> int:
        """End after the adjectives that follow an unnamed-source head at ``j - 1``; after a
        first one, an adjective with a glued «و» is coordinated with it («طبية وأمنية»)."""
        first = j
        while j < n:
            if (
                orth[j] == norm[j] and norm[j] in self._ADJECTIVE_PHRASES
                and j + 1 < n and norm[j + 1] in self._ADJECTIVE_PHRASE_TAILS
            ):
                j += 2  # «مصدر أمني رفيع المستوى», «مصادر وثيقة الاطلاع»: the phrase is inside
            elif orth[j] == norm[j] and self._source_adjective(norm[j]):
                j += 1
            elif j > first and orth[j][:1] == "و" and len(orth[j]) > 3 and self._source_adjective(orth[j][1:]):
                j += 1
            else:
                break
        return j

    def _attributed(self, s: int, e: int, norm: list[str]) -> bool:
        """Is an attribution word within three tokens before or two after ``s:e``?"""
        return any(w in self._attribution for w in norm[max(0, s - 3) : s]) or any(
            w in self._attribution for w in norm[e : e + 2]
        )

    # «ل»-complements inside a name: «وكالة السودان للأنباء», «مرصد العراق لحقوق الإنسان».
    _OUTLET_LI = frozenset("لحقوق لشؤون لتنسيق لاغاثه لدعم لمساعده لرعايه لرصد لتوثيق لمكافحه".split())

    def _org_name(self, h: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """«المركز اليمني لحقوق الإنسان», «المنظمة الدولية للهجرة»: a definite head, one or
        two adjectives and a «ل» complement that names what the body does."""
        j = h + 1
        while j < n and j - h <= 2 and orth[j] == norm[j] and (
            self._force_adjective(norm[j]) or norm[j].removeprefix("ال") in _CIVIC_ADJECTIVES  # «الجمعية المحلية للصليب الأحمر»
        ):
            j += 1
        if j == h + 1 or j >= n or orth[j] not in self._org_complements:
            return None
        j += 1
        if j < n and orth[j] == norm[j] and norm[j] in self._org_tails:
            j += 1
        return _Cand(h, j, "SOURCE", _S_PATTERN)

    # Words that end an outlet's name after a listed word: «موقع الخليج الجديد», «شبكة
    # الجزيرة نت», «موقع عدن نيوز».
    _NAME_TAILS = frozenset(("الجديد", "الجديده", "نت", "نيوز", "برس", "اونلاين", "بوست", "تايمز", "تريبيون"))

    def _unquoted_outlet(
        self, h: int, orth: list[str], norm: list[str], n: int, name_starts: dict[int, int], loc_starts: set[int]
    ) -> _Cand | None:
        """«… نقلت شبكة إباء التابعة…» → «شبكة إباء», «قالت لجنة أطباء السودان» → «لجنة
        أطباء السودان»: an outlet or organisation head after an attribution word, and up to
        four name words, up to a function word, a participle or punctuation. A «ل» phrase
        inside the name is kept («وكالة السودان للأنباء»). A place after a name word ends the
        name of a body named by its territory («تنسيقية لجان مقاومة الفاشر»). The website of
        a channel or paper is named by that medium: «موقع تلفزيون سوريا» → «تلفزيون سوريا»."""
        if norm[h] in self._WEB_HEADS and h + 2 < n and orth[h + 1] == norm[h + 1] and norm[h + 1] in self._MEDIUM_HEADS:
            h += 1
        for length in (4, 3, 2, 1):
            # «لوكالة فرانس برس شريطة…»: a listed name ends the name, but for the definite
            # adjectives after it («تنسيقية لجان المقاومة المحلية»).
            end = h + 1 + length
            if end <= n and " ".join(norm[h + 1 : end]) in self._source_names:
                while end < n and orth[end] == norm[end] and (
                    norm[end] in self._outlet_adjectives or norm[end] in self._NAME_TAILS
                    or (norm[end].startswith("ال") and len(norm[end]) > 4 and norm[end].endswith(("ي", "يه")))
                ):
                    end += 1
                return _Cand(h, end, "SOURCE", _S_UNKNOWN)
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
            if o != w or (w[:1] == "ل" and w not in self._lexicon and "ال" + w not in self._nationalities):  # «ليبية» is no «ل»
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
            if w in self._SPEAKERS:
                return None  # «مكتب الناطق الرسمي باسم الجيش»: the army's spokesman, no outlet
            j += 1
        if j == h + 1:
            return None
        if j == h + 2 and j < n and (orth[j] in _QUOTE_CHARS or orth[j] == "(") and (
            not norm[h + 1].startswith("ال") or norm[h + 1] in ("الانباء", "الاعلام")
        ):
            return None  # «وكالة أنباء "هاوار"», «وكالة الأنباء «المركزية»»: the quoted part is the span
        if any(w.removeprefix("ل") in self._STATE_OFFICE_WORDS or w in self._STATE_OFFICE_WORDS for w in norm[h + 1 : j]):
            # «مكتب المدعي العام», «لجنة الدولة للأمن القومي»: a state's legal or security
            # office speaking is the state, an ACTOR (guidelines §6, like a ministry).
            return _Cand(h, j, "ACTOR", _S_UNKNOWN)
        return _Cand(h, self._territory_end(j, orth, norm, n), "SOURCE", _S_UNKNOWN)

    # Words that make a body a state's legal or security office: prosecution, national
    # security, intelligence, the interior, the presidency.
    _STATE_OFFICE_WORDS = frozenset(
        "المدعي مدعي النائب النيابه القومي الاستخبارات المخابرات الداخليه الرئاسه الرئيس".split()
    )

    def _rescue_service(
        self, h: int, orth: list[str], norm: list[str], n: int, name_starts: dict[int, int], loc_starts: set[int]
    ) -> _Cand | None:
        """A rescue service: «خدمة الإسعاف الليبية», «الهيئة العامة للإسعاف», «جهاز الإسعاف
        والطوارئ», «خدمة إسعاف وطوارئ طرابلس». The head, its general adjectives when it is
        definite, a service word, coordinated service words, then a nationality or a known
        place that names the service. An indefinite «خدمة إسعاف» alone names nothing."""
        j = h + 1
        if norm[h].startswith("ال"):
            while j < n and j - h <= 2 and orth[j] == norm[j] and self._force_adjective(norm[j]):
                j += 1
        if j >= n or orth[j] not in self._rescue_words:
            return None
        named = orth[j].startswith("ال") or orth[j].startswith("لل")
        j += 1
        while j < n:
            if orth[j][:1] == "و" and orth[j][1:] in self._rescue_words:
                j += 1
            elif orth[j] == "و" and j + 1 < n and orth[j + 1] in self._rescue_words:
                j += 2
            else:
                break
        if j < n and orth[j] == norm[j] and norm[j] in self._nationalities:
            return _Cand(h, j + 1, "SOURCE", _S_PATTERN)
        if j in loc_starts and orth[j] == norm[j]:
            return _Cand(h, name_starts[j], "SOURCE", _S_PATTERN)
        if j + 1 in loc_starts and norm[j] in self._COMPASS_WORDS and orth[j + 1] == norm[j + 1]:
            return _Cand(h, name_starts[j + 1], "SOURCE", _S_PATTERN)  # «غرفة طوارئ جنوب الخرطوم»
        if not named:
            return None
        if j < n and orth[j] == norm[j] and norm[j] in _SERVICE_SCOPES:
            j += 1  # «جهاز الإسعاف المحلي»: the adjective says which service
        # Named by its service word alone, the service is a source where it reports («أعلن
        # جهاز الإسعاف», «وفق حصيلة لأجهزة الإسعاف»), not where it is the topic («صعوبة
        # تحرك جهاز الإسعاف»).
        reports = self._attributed(h, j, norm) or any(w in self._reported_in or w in self._toll_words for w in norm[max(0, h - 3) : h])
        return _Cand(h, j, "SOURCE", _S_PATTERN) if reports else None

    _COMPASS_WORDS = frozenset(("شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"))

    # Words before a body that make it who gives a toll: «وفق حصيلة أولية لأجهزة الإسعاف».
    _toll_words = frozenset(("حصيله", "احصائيه", "احصاءات", "ارقام", "بيانات"))

    def _newsy_outlet(self, i: int, orth: list[str], norm: list[str]) -> _Cand | None:
        """«أكدت مصادر لـ المنشر الإخباري»: an outlet in no list named by one or two words and
        the adjective «الإخباري» at ``i``, as whom someone talked to («لـ» after a statement
        or a source) or after an attribution word; a head before the name leaves it to the
        outlet rules («موقع X الإخباري»)."""
        k = i - 1
        while k >= 0 and i - k <= 2 and orth[k] == norm[k] and norm[k].isalpha() and norm[k] not in self._outlet_heads:
            if norm[k][:2] == "ال":
                break
            k -= 1
        if k < 0 or k == i or orth[k] != norm[k] or norm[k][:2] != "ال" or len(norm[k]) < 5:
            return None
        before = orth[k - 1] if k > 0 else ""
        if before in ("ل", "لـ") and any(w in self._talked_to for w in norm[max(0, k - 8) : k - 1]):
            return _Cand(k, i + 1, "SOURCE", _S_PATTERN)
        if k > 0 and norm[k - 1] in self._attribution:
            return _Cand(k, i + 1, "SOURCE", _S_PATTERN)
        return None

    def _coded_sources(self, orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """A Latin acronym right after «بحسب», «وفق(اً) لـ», «نقلاً عن» is who the report is
        attributed to: «بحسب ACLED», «وفقاً لـ OCHA» (guidelines §3.7: Latin names are
        annotated like Arabic ones)."""
        out: list[_Cand] = []
        for i in compress(range(n - 1), map(_ACCORDING_TO.__contains__, norm)):
            j = i + 1
            if j + 1 < n and norm[j] in ("ل", "لـ", "عن"):
                j += 1
            if _LATIN_CODE_RE.fullmatch(orth[j]):
                out.append(_Cand(j, j + 1, "SOURCE", _S_PATTERN))
        return out

    def _titled_rescue(self, i: int, orth: list[str], norm: list[str]) -> _Cand | None:
        """«قال مدير الإسعاف»: the service word alone after the title of who speaks for it
        (a director, a spokesman: «المتحدث باسم الإسعاف») is the service as a source."""
        if i > 0 and orth[i] == norm[i] and norm[i - 1] in self._service_holders:
            return _Cand(i, i + 1, "SOURCE", _S_PATTERN)
        return None

    _CORRESPONDENTS = frozenset(("مراسل", "مراسله", "لمراسل", "موفد", "موفده"))

    def _correspondent_outlet(self, h: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """The outlet a correspondent works for, in no list: «وقال مراسل وطن إف إم إن…» →
        «وطن إف إم». One to three plain words after «مراسل», closed by a function word or
        punctuation; not a description of the correspondent («مراسل ميداني», «مراسل
        حربي»), not the medium as anaphora («مراسل الوكالة»), not a place («مراسل دمشق»,
        «مراسل وادي بردى»)."""
        j = h + 1
        while j < n and j - h <= 3:
            o, w = orth[j], norm[j]
            if j == h + 1 and o[:1] == "و":
                w = o  # nothing is coordinated with a noun in construct: «مراسل وطن» is a name
            if o != w or not w.isalpha() or w in self._OUTLET_END or w in self._attribution or w in self._numbers:
                break
            if (len(w) > 3 and w.endswith(("ي", "يه"))) or self._is_people(w) or w in self._place_names or w in self._heads:
                return None
            if w.removeprefix("ال") in self._outlet_heads or w.removeprefix("ال") in self._MEDIUM_HEADS:
                return None
            j += 1
        if j == h + 1 or j >= n:
            return None
        if norm[j].isalpha() and norm[j] not in self._OUTLET_END and norm[j] not in self._attribution:
            return None  # the name does not end clearly: «مراسل X Y Z …»
        return _Cand(h + 1, j, "SOURCE", _S_UNKNOWN)

    def _broadcaster(self, h: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """State media named by nationality or as official: «التلفزيون الرسمي», «الإذاعة
        العراقية», «الإعلام العبري» (in an attribution). The head alone is anaphora."""
        if not norm[h].startswith("ال"):
            return None
        j = h + 1
        while j < n and j - h <= 2 and orth[j] == norm[j] and norm[j] in self._broadcaster_adjectives:
            j += 1
        if j == h + 1:
            return None
        if norm[h] in self._broadcaster_needs_attribution and not (h > 0 and norm[h - 1] in self._attribution):
            return None  # «نقل الإعلام العبري», not «تحدث الوزير عن الإعلام الرسمي»
        end = self._territory_end(j, orth, norm, n)
        return _Cand(h, end, "SOURCE", _S_STATE_ACTS if end > j else _S_PATTERN)

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

    # Particles, pronouns and adverbs a name never holds: a quotation after a verb of saying
    # that holds one is what was said.
    _QUOTE_SPEECH_WORDS = frozenset(
        "ان انه انها انهم اننا لن لم لا قد لقد سوف نحن انا انت هو هي هم كان كانت ليس ليست "
        "هذا هذه ذلك تلك الذي التي الذين جدا كما لكن ولكن هناك هنا يجب".split()
    )

    def _surname_seen_before(self, s: int, orth: list[str], norm: list[str]) -> bool:
        """Is the one quoted word at ``s`` a person's last name the text gave before, unquoted
        after another name word («حاكم الإقليم عبد الله أفضلي … وقال “أفضلي”»)? An outlet
        named before stands after its head or in quotes («وكالة سانا», «“سانا”»)."""
        w = norm[s]
        if w[:2] == "ال" or w in self._source_names:
            return False
        for k in range(1, s - 1):
            if norm[k] == w and orth[k - 1].isalpha() and orth[k - 1] == norm[k - 1]:
                before = norm[k - 1]
                if before not in self._outlet_heads and before not in self._attribution and before not in self._MEDIUM_HEADS:
                    return True
        return False

    # Outlet heads that also name an operation or a plan («حملة “ردع الإرهاب”», «برنامج
    # "الغذاء"»): a quoted name after them is a source only in an attribution.
    _OPERATION_HEADS = frozenset(("حمله", "برنامج", "مبادره", "خطه", "عمليه"))

    # Verbs that call something by a name: a quoted phrase after them is a description.
    _DESCRIBING = frozenset("تصفه يصفه تصفها يصفها وصفه وصفها تسميه يسميه تسميها يسميها".split())
    # The describing verbs with their object elsewhere: «وصف البيان المشهد بـ"…"».
    _DESCRIBING_VERBS = frozenset("وصف وصفت يصف تصف ووصف ووصفت نعت نعتت".split())
    # Social platforms: where a message was posted, never the source of it.
    _PLATFORMS = frozenset("تويتر فيسبوك تلغرام تليغرام تيليغرام يوتيوب انستغرام واتساب تيك توك اكس".split())

    def _quoted_outlets(self, orth: list[str], norm: list[str]) -> list[_Cand]:
        """A quoted name after an outlet head or in an attribution: «وكالة “أعماق”»,
        «قالت مصادر ل«الراصد»», «أفاد مراسل "الحدث السوري"»."""
        out = []
        n = len(orth)
        # Only a bracket or a quote opens a name here: those tokens found in C, not in a Python
        # pass over every token (``in _QUOTE_CHARS`` as below: a substring of the marks).
        last = range(n - 1)  # the last token opens nothing
        openers = set(compress(last, map(_QUOTE_CHARS.__contains__, orth))) | set(compress(last, map("(".__eq__, orth)))
        for i in sorted(openers):
            tok = orth[i]
            if tok == "(":
                # «ذكر موقع (عرب نيوز)»: a bracketed name right after an outlet head is its name.
                j = i + 1
                while j < n and j - i <= 4 and norm[j].isalnum():
                    j += 1
                prev = norm[i - 1] if i > 0 else ""
                if j > i + 1 and j < n and orth[j] == ")" and (prev in self._MEDIUM_HEADS or prev in self._WEB_HEADS):
                    out.append(_Cand(i + 1, j, "SOURCE", _S_PATTERN))
                continue
            if tok not in _QUOTE_CHARS:
                continue
            j = i + 1
            while j < n and j - i <= 5 and orth[j] not in _QUOTE_CHARS and orth[j].strip():
                j += 1
            if j >= n or j == i + 1 or orth[j] not in _QUOTE_CHARS or j - i > 5:
                continue
            prev = norm[i - 1] if i > 0 else ""
            if prev in self._building_heads:
                continue  # «مستشفى "الشفاء"», «مدرسة "الأمل"»: a building's name, not an outlet
            if prev in self._OPERATION_HEADS and not (
                (i > 1 and norm[i - 2] in self._attribution) or (j + 1 < n and norm[j + 1] in self._attribution)
            ):
                continue  # «حملة “ردع الإرهاب”»: an operation's name, unless it is who reports
            if (i > 1 and norm[i - 1] == "ب" and norm[i - 2] in self._DESCRIBING) or (i > 0 and norm[i - 1] in self._DESCRIBING):
                continue  # «ما تصفه ب"الحكم السيئ"»: a description in quotes, not an outlet
            if i > 1 and norm[i - 1] == "ب" and any(w in self._DESCRIBING_VERBS for w in norm[max(0, i - 6) : i - 1]):
                continue  # «ووصف البيان المشهد بـ"الكارثي"»: what it was described as
            if j == i + 2 and norm[i + 1] in self._PLATFORMS:
                continue  # «على موقع "تويتر"»: the platform a body posted on, not who reports
            if self._in_dateline(i, j + 1, orth) and norm[i - 2] not in self._attribution:
                # «الخرطوم - "الشرق الأوسط":»: the outlet of a dateline, whatever else its
                # name may be (a region here), so it outranks a place of the same extent.
                out.append(_Cand(i + 1, j, "SOURCE", _S_STATE_ACTS))
                continue
            if prev in self._attribution and not self._QUOTE_SPEECH_WORDS.isdisjoint(norm[i + 1 : j]):
                continue  # «وقال "الوضع خطير جدا"», «وقال “نحن مستعدون”»: words said, not who says them
            if j == i + 2 and prev in self._attribution and self._surname_seen_before(i + 1, orth, norm):
                continue  # «… عبد الله أفضلي. وقال “أفضلي” إن»: a person named before, not an outlet
            after_name = self._after_outlet_name(i, orth, norm) and self._OPERATION_HEADS.isdisjoint(norm[max(0, i - 3) : i])
            context = (
                prev in self._outlet_heads or prev in self._attribution or after_name  # not «حملة كبرى "X"»
                or self._document_seen_by(i, norm)  # «بيان اطلعت عليه "X"»
            )
            # «"مرصد 80 العسكري" قال…», «"شبكة الخابور" أفادت…»: a quoted name that starts with
            # an outlet head and is the subject of an attribution verb.
            media_head = norm[i + 1] in self._MEDIUM_HEADS or norm[i + 1] in self._WEB_HEADS or norm[i + 1] == "مرصد"
            context = context or (media_head and j + 1 < n and norm[j + 1] in self._attribution)
            if not context and prev in ("ل", "وب", "ب", "ول") and i > 1:
                window = norm[max(0, i - 8) : i - 1]
                context = any(w in self._talked_to for w in window)
            if context:
                out.append(_Cand(i + 1, j, "SOURCE", _S_PATTERN))
        return out

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
            if len(words) == 1 and (words[0] in self._nationalities or words[0] in self._not_names or words[0] in self._force_stops):
                continue  # «(الإيرانية)», «(الانفصالي)»: a nationality or the writer's judgement
            if len(words) == 1 and not words[0].startswith("ال") and len(words[0]) > 4 and words[0].endswith(("يه", "ي")):
                continue  # «(رسمية)», «(حكومي)»: a description, not an alias
            if " ".join(words) in self._media_tags or words[0] in self._media_tags:
                continue  # «(فيديو)», «(بالصور)»: a media tag, not an alias
            nxt = sugs[k + 1] if k + 1 < len(sugs) else None
            if nxt is not None and nxt.start < m.end():
                continue  # the parenthesis already holds a suggestion of its own
            extra.append(Suggestion(start=start, end=end, label=sug.label, origin=ORIGIN, score=_S_PATTERN))
        if not extra:
            return sugs
        return sorted(sugs + extra, key=lambda s: (s.start, s.end))
