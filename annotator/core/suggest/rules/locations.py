"""LOCATION rules: heads before names, directions and facility adjectives after them, context
for ambiguous names and heads, places in no list after a head, quoted and listed places."""
from __future__ import annotations

from annotator.core.suggest.rules.lexicon import _QUOTE_CHARS, _S_NAME, _S_UNKNOWN, RuleLexicon, _Cand


class LocationRules(RuleLexicon):
    """The LOCATION rules of :class:`RuleSuggester`."""

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

    _NAME_ADJECTIVES = frozenset(("القديمه", "الجديده", "القديم", "الجديد"))

    def _extend_name_adjective(self, e: int, orth: list[str], norm: list[str]) -> int:
        """«منطقة السلمة القديمة», «مدينة حلب الجديدة»: after a head and a name, «old» and
        «new» name a part of the place and belong to its name."""
        if e < len(norm) and orth[e] == norm[e] and norm[e] in self._NAME_ADJECTIVES:
            return e + 1
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
        if head is not None:
            end = self._extend_name_adjective(end, orth, norm)
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
        if norm[h] in self._ambiguous_heads and orth[h] == norm[h] and not self._cued(h, norm):
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
        return _Cand(start, self._extend_name_adjective(end, orth, norm), "LOCATION", _S_UNKNOWN)

    def _quoted_place(self, h: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """A quoted name after a place head: «قرية "الطيبة"», «بلدة «كفرنبل»» → the quoted name
        (guidelines §3.4: when part of a name is quoted, the quoted name is the span)."""
        if not self._head_ok(h, orth, norm):
            return None
        if norm[h] in self._ambiguous_heads and orth[h] == norm[h] and not self._cued(h, norm):
            return None
        j = h + 2
        while j < n and j - h <= 4 and orth[j] not in _QUOTE_CHARS:
            if not norm[j].isalpha() or (j == h + 2 and not self._place_word(norm[j])):
                return None
            j += 1
        if j == h + 2 or j >= n or orth[j] not in _QUOTE_CHARS:
            return None
        return _Cand(h + 2, j, "LOCATION", _S_UNKNOWN)

    def _cued(self, h: int, norm: list[str]) -> bool:
        """Does a cue show the ambiguous head at ``h`` is a place: right before it («على
        منطقة…»), or a verb before its definite subject («قصفت الطائرات منطقة…»)?"""
        if h > 0 and norm[h - 1] in self._ambiguous_cues:
            return True
        return h > 1 and norm[h - 1].startswith("ال") and norm[h - 2] in self._ambiguous_cues and (
            norm[h - 2] not in self._place_cues
        )

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
        # Names after a comma join the list only when a name after «و» closes it («قرى
        # الهوشرية، الصيادة، والمشرفة»); «قرى الهوشرية، ما أدى…» has one name.
        pending: list[_Cand] = []
        first = True
        while i < n:
            comma = False
            if first:
                if orth[i] != norm[i] or not self._place_word(norm[i]) or norm[i] in self._anaphora:
                    break  # «أحياء المدينة»: the city already named, no name
                word = norm[i]
            else:
                # The next name comes after a lone «و» or with a glued one («والصيادة»).
                if orth[i] in ("،", ",") and i + 1 < n and orth[i + 1][:1] != "و":
                    i += 1
                    word = norm[i]
                    comma = orth[i] == word
                    if not comma:
                        break
                elif orth[i] in ("،", ",") and i + 1 < n and pending:
                    i += 1  # «…، الصيادة، والمشرفة»: the last name of a comma list, after «و»
                    continue
                elif orth[i] == "و" and i + 1 < n:
                    i += 1
                    word = norm[i]
                elif orth[i][:1] == "و" and len(orth[i]) > 2:
                    # A known name has its norm already; an unknown one just loses the و.
                    word = norm[i] if norm[i] != orth[i] else orth[i][1:]
                else:
                    break
                if not self._place_word(word) or word in self._anaphora or word in self._OUTLET_END:
                    break
            end = i + 1
            # A two-word name: «ميس الجبل», «عين الحلوة», «بيت لاهيا».
            if end < n and orth[end] == norm[end] and norm[end].isalpha() and norm[end] not in self._not_names:
                if word in self._name_prefixes or (
                    not word.startswith("ال") and norm[end].startswith("ال") and norm[end] not in self._nationalities
                ):
                    end += 1
            if comma:
                pending.append(_Cand(i, end, "LOCATION", _S_UNKNOWN))
            else:
                out.extend(pending)
                pending = []
                out.append(_Cand(i, end, "LOCATION", _S_UNKNOWN))
            first = False
            i = end
        return out
