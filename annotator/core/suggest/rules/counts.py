"""COUNT rules: qualifier + number + people noun, duals, vague quantities and tolls, never a
year, a distance, a duration or a count of things."""
from __future__ import annotations

from itertools import compress

from annotator.core.suggest.rules.count_forms import CountFormRules
from annotator.core.suggest.rules.lexicon import (
    _AFTER_BARE_COUNT,
    _AFTER_NOUN_NUMBERS,
    _COUNT_FATHA,
    _DIGITS_RE,
    _QUOTE_CHARS,
    _S_COUNT,
    _Cand,
    _WordMemo,
)

# Kinds of token for the COUNT scan (see CountRules._count_kinds).
_MAY_START = 1
_DEFINITE_PEOPLE = 2
_DEFINITE_NUMBER = 3



# Plurals of the wounded: coordinated after a count of the killed, they are not the same count.
_PREPOSITIONS = frozenset(("من", "في", "الي", "علي", "عن"))
_WOUNDED_PLURALS = frozenset(("مصابين", "مصابون", "جريحين"))


class CountRules(CountFormRules):
    """The COUNT rules of :class:`RuleSuggester`."""

    # Words after a bare number that split up the people it counts: «ومقتل 54 معظمهم من
    # النساء».
    _SUBSET_AFTER = frozenset("معظمهم اغلبهم غالبيتهم جلهم اكثرهم بينهم منهم".split())
    # Characters a number may stand between, alone: «أكثر من "30" حوثياً», «/8/ مقاتلين».
    _NUMBER_WRAPPERS = frozenset('"/«»“”(')

    def _is_num_token(self, w: str) -> bool:
        return bool(_DIGITS_RE.match(w)) or w in self._numbers

    def _number_core(self, i: int, orth: list[str], norm: list[str], n: int) -> int:
        """End of the number expression starting at ``i`` (``i`` when there is none)."""
        w = norm[i]
        j = i
        if w in self._FRACTIONS and i + 1 < n and self._numbers.get(norm[i + 1].removeprefix("ال"), ("",))[0] in ("thousand", "million"):
            return i + 2  # «نصف مليون», «ربع مليون»: a fraction of a large number is a number
        if _DIGITS_RE.match(w) or (w[:2] == "ال" and _DIGITS_RE.match(w[2:])):  # «قرابة الـ100»
            j = i + 1
        elif w in self._numbers:
            kind = self._numbers[w][0]
            if kind in ("thousands", "millions") or w in ("احد", "احدي"):
                if not (i + 1 < n and norm[i + 1] in self._numbers and self._numbers[norm[i + 1]][0] == "ten"):
                    return i  # «أحد عناصر» is one of, bare «آلاف» is vague
            j = i + 1
        else:
            return i
        # Compounds: «ثلاثة وعشرين», «مئة وخمسين», «21 ألف», «خمسة عشر», «ثلاث مئة».
        while j < n:
            wj = norm[j]
            if wj in self._numbers:
                kind = self._numbers[wj][0]
                glued_and = orth[j].startswith("و") and orth[j] != wj
                if kind in ("ten", "hundred", "thousand", "thousands", "million", "millions") or glued_and:
                    j += 1
                    continue
            if wj == "و" and j + 1 < n and norm[j + 1] in self._numbers:
                j += 2
                continue
            # «ثلاثمئة وواحداً وعشرين»: an accusative unit with a glued «و» inside a compound.
            if wj[:1] == "و" and wj[-1:] == "ا" and wj[1:-1] in self._numbers and self._numbers[wj[1:-1]][0] == "unit":
                j += 1
                continue
            # «مليون ونصف المليون»: and a fraction of the same large number.
            if wj[:1] == "و" and wj[1:] in self._FRACTIONS and j + 1 < n and norm[j + 1].removeprefix("ال") == norm[j - 1] and (
                self._numbers.get(norm[j - 1], ("",))[0] in ("thousand", "million")
            ):
                j += 2
                continue
            # «42 ألفاً و519»: digits after a thousands word continue the number.
            if wj == "و" and j + 1 < n and _DIGITS_RE.match(norm[j + 1]) and norm[j - 1] in self._numbers and (
                self._numbers[norm[j - 1]][0] in ("thousand", "thousands", "million", "millions")
            ):
                j += 2
                continue
            break
        return j

    def _counts(self, orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        out: list[_Cand] = []
        kinds = self._count_kinds()
        i = 0
        # Only the tokens that may start a count or be a definite people noun, found in C
        # (a word's kind is computed once): most tokens of an article are neither.
        for j in compress(range(n), map(kinds.__getitem__, norm)):
            if j < i:
                continue  # inside the count found before
            if kinds[norm[j]] == _DEFINITE_NUMBER:
                if j + 1 < n and orth[j + 1] == norm[j + 1] and norm[j + 1][:2] == "ال" and self._is_people(norm[j + 1]):
                    out.append(_Cand(j, j + 2, "COUNT", _S_COUNT))  # «مقتل الثلاثة الأشخاص»
                    i = j + 2
                elif j > i and self._possessed_people(norm[j - 1]) and 3 <= self._numbers[norm[j][2:]][1] <= 10:
                    if norm[j - 1][:1] == "و" and self._possessed_people(norm[j - 1][1:]):
                        norm[j - 1] = norm[j - 1][1:]  # the glued «و» stays outside the span
                    out.append(_Cand(j - 1, j + 1, "COUNT", _S_COUNT))  # «وأطفاله الثلاثة»
                    i = j + 1
                continue
            if kinds[norm[j]] == _DEFINITE_PEOPLE:
                if self._definite_dual(norm[j]) or self._dual_by_agreement(j, orth, norm, n):
                    out.append(_Cand(j, j + 1, "COUNT", _S_COUNT))
                    i = j + 1
                elif self._definite_number_after(j, norm, n):
                    out.append(_Cand(j, j + 2, "COUNT", _S_COUNT))
                    i = j + 2
                continue
            cand = self._count_at(j, orth, norm, n)
            if cand is None and out:
                cand = self._coordinated_bare_number(j, orth, norm, n, out[-1])
            if cand is not None and out and cand.start < out[-1].end:
                continue  # «شخصين أحدهما»: the dual before «one of the two» is counted already
            if cand is not None:
                out.append(cand)
                i = cand.end
        return out

    def _coordinated_bare_number(self, j: int, orth: list[str], norm: list[str], n: int, last: _Cand) -> _Cand | None:
        """A bare number coordinated by «و» with a bare count just before it in the clause,
        where the next words say where or when, as the first ones did: «قتل 4 في حلب و5 في
        إدلب», «سبعة في قرية X واثنين في قرية Y». Not a year («في 2023 و2024»)."""
        glued = orth[j][:1] == "و" and orth[j] != norm[j]
        if not (glued or (j > 0 and orth[j - 1] == "و")) or j - last.end > 6 or last.end - last.start != 1:
            return None
        if not self._is_num_token(norm[last.start]) or not self._is_num_token(norm[j]) or self._year_like(norm, j, j + 1):
            return None
        k = self._number_core(j, orth, norm, n)
        if k == j or (k < n and norm[k] not in ("في", "من", "خلال") and norm[k].isalpha()):
            return None
        if any(not w.isalpha() and w not in ("و",) and not self._is_num_token(w) for w in norm[last.end : j]):
            return None  # a full stop or a comma between them: another clause
        return _Cand(j, k, "COUNT", _S_COUNT)

    def _count_kinds(self) -> dict[str, int]:
        """word → :data:`_MAY_START` a count, :data:`_DEFINITE_PEOPLE` (a definite people
        noun, «الشهداء الستة») or 0, computed on first sight of the word."""
        kinds = self.__dict__.get("_count_kind_memo")
        if kinds is None or len(kinds) > 200_000:
            kinds = self._count_kind_memo = _WordMemo(self._count_kind)
        return kinds

    def _count_kind(self, w: str) -> int:
        if self._oblique_of_people(w):
            return _DEFINITE_PEOPLE if w[:2] == "ال" else _MAY_START  # a dual if what follows agrees
        if self._nominative_dual_of_people(w) or self._construct_dual_stem(w):
            return _MAY_START
        if w in self._count_starts or w[:1].isdigit() or (w[:2] == "ال" and w[2:3].isdigit()) or w in self._FRACTIONS:
            return _MAY_START
        if w in self._ONE_OF_TWO:
            return _MAY_START  # the dual before it: «أوروبيين أحدهما فرنسي»
        if w[:2] == "ال" and (self._is_people(w) or self._definite_dual(w)):
            return _DEFINITE_PEOPLE
        if w[:2] == "ال" and self._numbers.get(w[2:], ("",))[0] == "unit" and w != "الاثنين":
            return _DEFINITE_NUMBER  # «الثلاثة الأشخاص» (not Monday)
        return 0

    _OTHER_DUALS = frozenset(("اخران", "اخرين"))
    _SECURITY_MEMBERS = frozenset(("فرد", "افراد", "رجل", "رجال", "عنصر", "عناصر"))
    # The services whose members are counted by a compound noun: «فرد أمن», «رجال شرطة»,
    # «رجال إطفاء» (indefinite: «رجال الشرطة» is «من رجال الشرطة» after a number).
    _SERVICES = frozenset(("امن", "شرطه", "اطفاء", "انقاذ", "اسعاف", "دين"))
    # Plurals that a glued «و» adds to the counted noun before them, under the same number.
    _COORDINATED_PEOPLE = frozenset(("نساء", "اطفال", "شيوخ", "مسنين"))

    def _coordinated_plural(self, k: int, orth: list[str], norm: list[str], n: int) -> bool:
        """Is the word at ``k`` «و» + a sound masculine plural of a people noun («ومتدربين»,
        «والمدنيين») counted by the number before the noun it is coordinated with? Not when a
        number, an adjective of its own or «هما» follows it («ومدنيون كثيرون», «وقياديين
        هما…»: counted on their own), nor the wounded after the killed (guidelines §6:
        «مئات القتلى والجرحى» → «مئات القتلى»)."""
        if k >= n or orth[k][:1] != "و":
            return False
        w = orth[k][1:]
        if not (w.endswith(("ين", "ون")) and len(w) > 4 and self._is_people(w)) or w.removeprefix("ال") in _WOUNDED_PLURALS:
            return False
        after = norm[k + 1] if k + 1 < n else ""
        return not (after in self._numbers or after in ("هما", "هم") or after.endswith(("ون", "ين")))

    def _after_plural_noun(self, i: int, norm: list[str]) -> bool:
        """Does a plural noun (no trigger) stand right before token ``i``? «عدة» after it is
        its adjective («أيام عدة», «مدنيين عدة»), which the guidelines leave uncounted."""
        if i == 0:
            return False
        w = norm[i - 1]
        return len(w) > 3 and w.isalpha() and w.endswith(("ات", "ين", "ون")) and not self._is_trigger(w)

    @staticmethod
    def _at_least_after(k: int, norm: list[str], n: int) -> bool:
        """Does «على الأقل» follow token ``k``? «شخصا واحدا على الأقل قتل»: one person counted
        even with the trigger after it."""
        return k + 1 < n and norm[k] == "علي" and norm[k + 1] == "الاقل"

    # When a toll happened, right after a bare quantity: «وجرح العشرات الجمعة».
    _TIME_AFTER = frozenset("السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه امس اليوم الليله فجر صباح مساء ليل".split())

    # «one of the two», after a dual it shows to be one: «أوروبيين أحدهما فرنسي».
    _ONE_OF_TWO = frozenset(("احدهما", "احداهما", "كلاهما", "كليهما"))

    # Fractions of a large number: «نصف مليون نازح», «مليون ونصف المليون».
    _FRACTIONS = frozenset(("نصف", "ربع", "ثلث"))

    # «قتل فيها 7»: the event the trigger took place in, between it and its number.
    _EVENT_PRONOUNS = frozenset(("فيه", "فيها", "خلاله", "خلالها", "جراءه", "جراءها", "بسببه", "بسببها"))

    # Feminine «one/two» that count places as often as women: «واحدة من الولايات».
    _FEMININE_ONES = frozenset(("واحده", "احدي", "اثنتين", "اثنتان"))

    def _thing_plural(self, w: str) -> bool:
        """A plural of places or things after «من», not people: «الولايات», «مناطقها»,
        «المدن» (a sound feminine plural or a place head, its pronoun and article off)."""
        for suffix in ("هما", "هم", "ها", "ه"):
            if w.endswith(suffix) and len(w) > len(suffix) + 3:
                w = w[: -len(suffix)]
                break
        bare = w.removeprefix("ال")
        if self._is_people(bare) or self._is_people(w):
            return False
        return bare in self._plural_heads or "ال" + bare in self._plural_heads or (bare.endswith("ات") and len(bare) > 4)

    # «N حالة وفاة/إصابة»: the people counted by what befell them.
    _CASE_NOUNS = frozenset(("حاله", "حالات"))
    _CASE_KINDS = frozenset(("وفاه", "اصابه", "قتل", "اختطاف", "اعتقال", "اختناق"))

    def _count_at(self, i: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        w = norm[i]
        if self._oblique_of_people(w) and self._dual_by_agreement(i, orth, norm, n):
            return _Cand(i, i + 1, "COUNT", _S_COUNT)  # «انتحاريين يشتبه في انتمائهما»
        construct = self._construct_dual_at(i, orth, norm, n)
        if construct is not None:
            return construct
        if w in self._ONE_OF_TWO:
            # «من بين القتلى أوروبيين أحدهما فرنسي»: «one of the two» makes the «-ين» word
            # before it a dual, a nisba or a people noun in no dual list.
            prev = norm[i - 1] if i > 0 else ""
            if orth[i - 1 : i] == [prev] and len(prev) > 5 and prev[:2] != "ال" and prev.endswith("ين") and (
                prev.endswith("يين") or self._is_people(prev[:-2])
            ):
                return _Cand(i - 1, i, "COUNT", _S_COUNT)
            return None
        if w not in self._count_starts and not w[:1].isdigit() and not (w[:2] == "ال" and w[2:3].isdigit()) and not (
            self._nominative_dual_of_people(w)  # «مدنيتان»: a dual the lists do not spell out
        ) and w not in self._FRACTIONS:
            return None
        # People noun + «اثنين/واحد»: «مدنيين اثنين», «عنصر واحد».
        one = norm[i + 1].removesuffix("ا") if i + 1 < n else ""
        if w in self._people and i + 1 < n and (norm[i + 1] in _AFTER_NOUN_NUMBERS or one == "واحد") and (
            orth[i + 1][:1] != "و" or orth[i + 1] == norm[i + 1]  # «شرطيان واثنان آخران»: two counts
        ):
            if one in ("واحد", "واحده") and not (
                i > 0 and (self._is_trigger(norm[i - 1]) or norm[i - 1] in self._subset_words)  # «بينهم شخص واحد»
            ) and not self._at_least_after(i + 2, norm, n):
                # «من عائلة واحدة», «3 من أفراد عائلة واحدة»: of a single family, nobody
                # counted; «مقتل عنصر واحد» counts one, right after its trigger.
                return None
            return _Cand(i, i + 2, "COUNT", _S_COUNT)
        # A sound plural that «هما» shows is a dual: «14 عنصراً وقياديين هما فلان وفلان».
        if w in self._people and w.endswith("ين") and i + 1 < n and norm[i + 1] == "هما":
            return _Cand(i, i + 1, "COUNT", _S_COUNT)
        # «شخصان آخران», «فلسطينيين آخرين»: «آخران» after a counted noun is its adjective; the
        # noun before is the count.
        if w in self._OTHER_DUALS and i > 0 and (norm[i - 1] in self._duals or self._is_people(norm[i - 1])):
            return None
        # A nominative dual right after another one is its adjective: «عسكريان منشقان», one
        # count of two.
        if w.endswith("ان") and i > 0 and norm[i - 1].endswith("ان") and (
            norm[i - 1] in self._duals or self._nominative_dual_of_people(norm[i - 1])
        ) and (w in self._duals or self._nominative_dual_of_people(w)):
            return None
        # Duals standing alone: «جنديين», «قتيلين», «امرأتان».
        if w in self._duals:
            return _Cand(i, i + 1, "COUNT", _S_COUNT)
        if w in self._fatha_duals:
            return _Cand(i, i + 1, _COUNT_FATHA, _S_COUNT)
        if self._nominative_dual_of_people(w) and not (
            i > 0 and (self._nominative_dual_of_people(norm[i - 1]) or norm[i - 1] in _PREPOSITIONS)
        ) and not (w.endswith("يتان") and i > 0 and norm[i - 1].endswith("ان")):  # «عربتان عسكريتان»: an adjective
            # «شرطيان», «طفلتان»; not an adjective («شخصان شرطيان»), nor a predicate where a
            # preposition would take «-ين» («تبين أنهما من منتسبان»).
            return _Cand(i, i + 1, "COUNT", _S_COUNT)
        # The nominative dual of a nationality noun right after a trigger: «استشهد فلسطينيان».
        # Only there: after another noun it is an adjective («مسؤولان فلسطينيان»).
        if w.endswith("يان") and w[:-2] in self._people and i > 0 and self._is_trigger(norm[i - 1]):
            return _Cand(i, i + 1, "COUNT", _S_COUNT)
        start = i
        j = i
        qualified = False
        for q in self._qualifiers_by_first.get(w, ()):
            if tuple(norm[i : i + len(q)]) == q:
                j = i + len(q)
                qualified = True
                break
        if j >= n:
            return None
        if qualified and norm[j] == "ال" and j + 1 < n and norm[j + 1][:1].isdigit():
            j += 1  # «نحو الـ 50 شخصاً»
        if qualified and norm[j] in self._duals:
            return _Cand(start, j + 1, "COUNT", _S_COUNT)  # «ما لا يقل عن جنديين»
        if norm[j] == "عده" and (self._after_plural_noun(start, norm) or not (start > 0 and self._is_trigger(norm[start - 1]))):
            # «كيلومترات عدة من الحدود», «مدنيين عدة»: «several» after its noun; before one it
            # counts people only right after a trigger («قتل عدة أشخاص»), not «عدة قادة يواجهون»
            return None
        if norm[j] in self._vague:
            k = j + 1
            if k < n and norm[k] in self._vague:
                k += 1  # «عشرات الآلاف»
            if k < n and self._is_people(norm[k]):
                if self._coordinated_plural(k + 1, orth, norm, n):
                    return _Cand(start, k + 2, "COUNT", _S_COUNT)  # «العشرات الجنود والمدنيين»
                return _Cand(start, k + 1, "COUNT", _S_COUNT)
            # «العشرات من “قوات X”»: a quoted name after «من» counts units named so, not people.
            if k < n and norm[k] == "من" and k + 1 < n and not self._blocked_word(norm[k + 1]) and orth[k + 1] not in _QUOTE_CHARS:
                return _Cand(start, k, "COUNT", _S_COUNT)
            if (
                (start > 0 and self._is_trigger(norm[start - 1])) or self._definite_vague_in_a_toll(start, j, k, norm, n)
            ) and (
                k >= n or not norm[k].isalpha() or norm[k] in _AFTER_BARE_COUNT
                or (orth[k][:1] == "ب" and len(orth[k]) > 3)  # «أصيب العشرات بحالات اختناق»
                or (orth[k][:1] == "و" and len(orth[k]) > 3)  # «مقتل وجرح العشرات ونزوح السكان»
                or norm[k] in self._TIME_AFTER  # «وجرح العشرات الجمعة في هجوم»
            ):
                return _Cand(start, k, "COUNT", _S_COUNT)  # «وأصيب العشرات في غارة»
            if start == j and norm[j][:2] == "ال" and k < n and self._verb_of_the_counted(k, orth, norm) and norm[k].endswith("وا"):
                return _Cand(start, k, "COUNT", _S_COUNT)  # «وكان العشرات سقطوا»: a plural verb on them, people
            return None
        k = self._number_core(j, orth, norm, n)
        if k == j:
            return None
        if not qualified and self._wrapped(start, k, orth) and k + 1 < n and (
            self._is_people(norm[k + 1]) or self._people_nisba(orth[k + 1], norm[k + 1])
            or (norm[k + 1] == "من" and k + 2 < n and self._is_people(norm[k + 2]))  # «أكثر من (11) من المدنيين»
        ):
            return _Cand(start, k, "COUNT", _S_COUNT)  # «"30" حوثياً»: the number alone, no quote inside
        if (
            k + 1 < n and orth[k] in _QUOTE_CHARS and orth[k] != "/" and norm[k + 1][:2] != "ال"
            and self._is_people(norm[k + 1]) and not self._year_like(norm, j, k)
        ):
            return _Cand(start, k, "COUNT", _S_COUNT)  # «اعتقلوا 14 "أسير حرب"»: no quote enters a span
        if not qualified and start > 0 and norm[start - 1] in self._pre_blockers:
            return None
        if not qualified and self._year_like(norm, j, k) and self._after_a_year(start, norm):
            return None  # «عامي 2006 و2007 من…»: the second of two years
        # Ranges: «40 إلى 50», «بين 40 و50», «3 أو 4», «10-15».
        if k + 1 < n and (norm[k] in ("الي", "او", "حتي", "-", "–") or norm[k] == "و") and self._is_num_token(norm[k + 1]):
            k = self._number_core(k + 1, orth, norm, n)
        if k + 1 < n and norm[k] in self._CASE_NOUNS and norm[k + 1] in self._CASE_KINDS:
            return _Cand(start, k + 2, "COUNT", _S_COUNT)  # «27 حالة وفاة»: cases are people
        if k < n and self._blocked(norm, k):
            return None
        if k < n and orth[k][:1] == "و" and orth[k] != norm[k]:
            pass  # «وأصيب 15 وأسر خمسة», «قتل 7 ومدنيان»: a glued «و» opens what follows, no counted noun
        elif k < n and (self._is_people(norm[k]) or self._people_nisba(orth[k], norm[k]) or self._accusative_people(orth[k], norm[k])):
            end = self._suspects_end(k + 1, norm, n)
            if norm[k] in self._SECURITY_MEMBERS and end < n and norm[end] in self._SERVICES and orth[end] == norm[end]:
                end += 1  # «24 فرد أمن», «ثلاثة رجال شرطة»: a compound counted noun, taken whole
            # «11 امرأة وطفلاً», «31 إرهابياً ومشتبهاً به»: a singular accusative noun with a
            # glued «و» is counted by the same number (alone it would count nobody).
            bare = orth[end][1:] if end < n and orth[end][:1] == "و" else ""
            if bare[-1:] == "ا" and (self._is_people(bare) or self._is_people(bare[:-1])):  # «ومشتبهاً»
                end = self._suspects_end(end + 1, norm, n)
            elif (bare in self._COORDINATED_PEOPLE and not (end + 1 < n and norm[end + 1] in self._numbers)) or self._coordinated_plural(end, orth, norm, n):
                end += 1  # «نحو عشرة أطفال ونساء», «نحو 20 سائقاً ومتدربين»: one number over both nouns
            return _Cand(start, end, "COUNT", _S_COUNT)
        if k < n and norm[k] in self._injury_nouns and orth[k] == norm[k]:
            return _Cand(start, k + 1, "COUNT", _S_COUNT)  # «160 إصابة»
        if self._at_least_after(k, norm, n) and k + 2 < n and norm[k + 2] == "من" and k + 3 < n and self._is_people(norm[k + 3]):
            return _Cand(start, k, "COUNT", _S_COUNT)  # «إن اثنين على الأقل من رجال الشرطة أصيبا»
        if k < n and norm[k] in ("من", "منهم", "منهن", "منها"):
            if norm[k] == "من" and (k + 1 >= n or self._blocked_word(norm[k + 1])):
                return None
            if norm[k] == "من" and norm[k + 1].removeprefix("ال").startswith("عمر") and len(norm[k + 1].removeprefix("ال")) <= 6:
                return None  # «في الـ20 من عمره», «في الثلاثين من العمر»: an age
            if norm[k] == "من" and k + 1 < n and w in self._FEMININE_ONES and self._thing_plural(norm[k + 1]):
                return None  # «واحدة من الولايات», «اثنتين من مناطقها»: one of the places
            if norm[k] == "من" and k + 1 < n and norm[k + 1] in self._superlatives and not (
                k + 2 < n and self._is_people(norm[k + 2])
            ):
                return None  # «واحدة من أكثر المناطق»: one of the most…, no people counted
            return _Cand(start, k, "COUNT", _S_COUNT)
        # «وخمسة قتلوا بالرصاص»: a bare number, then the plural of a trigger verb on them.
        if (
            k < n and norm[k].endswith("وا") and len(norm[k]) > 4 and self._is_trigger(norm[k][:-2])
            and not self._year_like(norm, j, k) and self._numbers.get(w, ("", 2))[1] != 1
            # where the number opens a clause: after «و», «أن» or punctuation, not after the
            # noun it qualifies («من عائلة واحدة استشهدوا»)
            and (start == 0 or orth[start][:1] == "و" or not norm[start - 1].isalpha() or norm[start - 1] in ("ان", "بان", "لان"))
        ):
            return _Cand(start, k, "COUNT", _S_COUNT)
        # A death toll without a counted noun: «ارتفعت الحصيلة إلى 55», «إجمالي القتلى 426».
        if self._after_toll(start, norm) and not self._year_like(norm, j, k) and (
            k >= n or not norm[k].isalpha() or norm[k] in self._toll_followers or orth[k][:1] == "و"
        ):
            return _Cand(start, k, "COUNT", _S_COUNT)
        # A bare number is a COUNT only right after a trigger («مقتل 3 وإصابة 5»), also over a
        # pronoun of the event between them («وقتل فيها 7»).
        if start > 0 and (
            self._is_trigger(norm[start - 1]) or norm[start - 1] in self._subset_words
            or (start > 1 and norm[start - 1] in self._EVENT_PRONOUNS and self._is_trigger(norm[start - 2]))
        ):
            glued_by = orth[k][:1] == "ب" and orth[k] != norm[k] if k < n else False  # «أصيب ثلاثة بجروح»
            if (
                k >= n or not norm[k].isalpha() or orth[k][:1] == "و" or glued_by
                or norm[k] in _AFTER_BARE_COUNT or norm[k] in self._SUBSET_AFTER
                or self._verb_of_the_counted(k, orth, norm)
            ):
                if self._year_like(norm, j, k):
                    return None
                return _Cand(start, k, "COUNT", _S_COUNT)
        # «استشهد في يوم السبت وحده نحو 200 وأصيب أكثر من 400»: the trigger is further back
        # in the clause, and the next clause, glued by «و», opens with a trigger of its own.
        if (
            k < n and orth[k][:1] == "و" and orth[k] != norm[k] and self._is_trigger(norm[k])
            and self._trigger_in_clause(start, norm) and not self._year_like(norm, j, k)
        ):
            return _Cand(start, k, "COUNT", _S_COUNT)
        return None

    def _definite_vague_in_a_toll(self, start: int, j: int, k: int, norm: list[str], n: int) -> bool:
        """Is the definite vague quantity ``start:k`` («الآلاف», «الملايين») the people a
        trigger in its clause befell, with words between them or after it: «أجبرت الآلاف
        على الفرار», «أودى بحياة الآلاف،», «وشرد الملايين على مدى…»? Every dev set annotates
        such a quantity; after a preposition it is who something befell, not a toll
        («فرض حكمه على الملايين»)."""
        if start != j or norm[j][:2] != "ال" or (start > 0 and norm[start - 1] in _PREPOSITIONS):
            return False
        after = norm[k + 1 : k + 3] if k < n and norm[k] in _AFTER_BARE_COUNT else []
        return self._trigger_in_clause(start, norm) or any(self._is_trigger(w.removeprefix("ال")) for w in after)

    @staticmethod
    def _verb_of_the_counted(k: int, orth: list[str], norm: list[str]) -> bool:
        """Does a verb at ``k`` open a clause on the people a bare number counted: a masculine
        imperfect («قتلت ثلاثة يشتبه في أنهم…», «أصيب خمسة يعملون في…») or a plural perfect
        («بينهم ثلاثة أصيبوا في الرأس»)?"""
        w = norm[k]
        if orth[k] != w or not w.isalpha() or not 4 <= len(w) <= 7:
            return False
        return (w[:1] == "ي" and w[-1] != "ا") or w.endswith("وا")  # not «يومياً»

    def _trigger_in_clause(self, i: int, norm: list[str]) -> bool:
        """Is there a trigger at most six words before token ``i``, with no punctuation in
        between?"""
        for t in range(i - 1, max(-1, i - 7), -1):
            w = norm[t]
            if not w.isalpha():
                return False
            if self._is_trigger(w):
                return True
        return False

    def _wrapped(self, s: int, e: int, orth: list[str]) -> bool:
        """Is the number ``s:e`` between quotes or slashes: «"30"», «/8/», «“12”»?"""
        if s == 0 or e >= len(orth):
            return False
        before, after = orth[s - 1], orth[e]
        return before in self._NUMBER_WRAPPERS and (after == before or (before, after) in (("«", "»"), ("“", "”"), ("(", ")")))

    @staticmethod
    def _suspects_end(end: int, norm: list[str], n: int) -> int:
        """«4 مشتبه بهم»: the counted noun is the phrase, «به» included."""
        if norm[end - 1].removeprefix("و").startswith("مشتبه") and end < n and norm[end] in ("به", "بهم", "بهن", "بهما"):
            return end + 1
        return end

    def _definite_number_after(self, i: int, norm: list[str], n: int) -> bool:
        """«الشهداء الستة», «المقاتلين الثلاثة»: a definite people noun and a definite unit
        number from three to ten after it. Two is left out: «الاثنين» is also Monday."""
        w = norm[i]
        if w[:2] != "ال" or i + 1 >= n or not self._is_people(w):
            return False
        nxt = norm[i + 1]
        if nxt[:2] != "ال" or nxt[2:] not in self._numbers:
            return False
        kind, value = self._numbers[nxt[2:]]
        return kind == "unit" and 3 <= value <= 10

    def _casualty_word(self, w: str) -> bool:
        """A casualty word or people noun, also with a possessive pronoun: «قتلاه» (its
        dead), «جرحاها», «ضحاياهم»."""
        if w in self._casualty_words or self._is_people(w):
            return True
        for suffix in ("ها", "هم", "ه"):
            if w.endswith(suffix) and len(w) > len(suffix) + 2:
                base = w[: -len(suffix)]
                if base.endswith("ا") and (base[:-1] + "ي") in self._casualty_words:
                    return True  # «قتلاه» ← «قتلى»
                if base in self._casualty_words or self._is_people(base):
                    return True
        return False

    def _is_trigger(self, w: str) -> bool:
        """A trigger, also with a glued «و» the tokenizer left on («ونزوح ولجوء نحو 15 مليوناً»)."""
        return w in self._triggers or (w[:1] == "و" and w[1:] in self._triggers)

    def _toll_word(self, w: str) -> str:
        """``w`` without a glued «و» when that leaves a toll head: «وعدد الجرحى 75494» (the
        tokenizer only strips a clitic before a word of the lexicon)."""
        if w[:1] == "و" and (w[1:] in self._toll_heads or w[1:] in self._total_heads):
            return w[1:]
        return w

    def _after_toll(self, i: int, norm: list[str]) -> bool:
        """Does a toll word come shortly before token ``i``, in the same clause, with no count
        of things in between? «الحصيلة» alone; «عدد/إجمالي» with a casualty word after it.
        A toll head with a casualty word after it may take a longer complement before «إلى»
        («ارتفاع حصيلة ضحايا الهجوم على القطاع إلى 41», «عدد شهداء الغارة على البلدة إلى
        5»): the words after the casualty word name the event, not what is counted."""
        if self._reached_toll(i, norm):
            return True
        category = norm[i - 2][1:] if i > 2 and norm[i - 2][:1] == "و" else ""
        if category and norm[i - 1] == "الي" and _DIGITS_RE.match(norm[i - 3]) and (
            self._casualty_word(category) or category.removeprefix("ال") in self._injury_nouns
        ):
            return True  # «… إلى 34183 والجرحى إلى 77143»: the toll goes on with its next category
        if i > 1 and norm[i - 1] == "الي":
            # «ارتفع عدد قتلى الحرب على القطاع التي بدأت في 7 أكتوبر إلى 15200»: a toll
            # head with its casualty word reaches over a long complement, dates included,
            # up to the end of the clause.
            for t in range(i - 2, max(-1, i - 24), -1):
                w = self._toll_word(norm[t])
                if not w.isalpha():
                    break
                if (w in self._toll_heads or w in self._total_heads) and self._casualty_word(norm[t + 1]):
                    return True
        reach = 12 if i > 0 and norm[i - 1] == "الي" else 6
        blocked = False
        for t in range(i - 1, max(-1, i - 1 - reach), -1):
            w = self._toll_word(norm[t])
            if self._year_like(norm, t, t + 1) and t > 0 and norm[t - 1] in ("عام", "العام", "منذ", "سنه", "مطلع"):
                continue  # «بلغ عدد الضحايا منذ عام 2011 أكثر من 500 ألف»: a date in the complement
            if not w.isalpha():
                return False
            casualty_after = t + 1 < i and self._casualty_word(norm[t + 1])
            if w in self._toll_heads or w in self._total_heads:
                if casualty_after:
                    return True
                return w in self._toll_heads and not blocked
            if self._blocked_word(w):
                if i - t > 6:
                    return False
                blocked = True
        return False

    # «ليصل/ليرتفع/ليبلغ … إلى N»: the toll the sentence opened reaches N.
    _REACH_VERBS = frozenset("ليصل لتصل ليبلغ لتبلغ ليرتفع لترتفع".split())
    _TOTAL_ADJECTIVES = frozenset(("الاجمالي", "الكلي", "النهائي"))

    def _reached_toll(self, i: int, norm: list[str]) -> bool:
        """Is token ``i`` the number after «ليصل إلى» (or «ليصل العدد الإجمالي للضحايا
        إلى») in a sentence whose toll head and casualty word come before it, over commas
        and dates: «ارتفع عدد الشهداء في الضفة، منذ 7 أكتوبر 2023، ليصل إلى 755»?"""
        if i < 3 or norm[i - 1] != "الي" or not any(w in self._REACH_VERBS for w in norm[max(0, i - 6) : i - 1]):
            return False
        for t in range(i - 2, max(-1, i - 40), -1):
            w = self._toll_word(norm[t])
            if w in (".", "\n", "؛", "!", "؟"):
                return False
            if not (w in self._toll_heads or w.removeprefix("ال") in self._total_heads):
                continue
            k = t + 1
            if k < i and norm[k] in self._TOTAL_ADJECTIVES:
                k += 1  # «العدد الإجمالي للضحايا»
            nxt = norm[k] if k < i else ""
            if self._casualty_word(nxt) or (nxt[:2] == "لل" and self._casualty_word("ال" + nxt[2:])):
                return True
        return False

    def _blocked_word(self, w: str) -> bool:
        return w in self._blockers or (w.startswith("ال") and w[2:] in self._blockers)

    def _blocked(self, norm: list[str], k: int) -> bool:
        if self._blocked_word(norm[k]):
            return True
        return any(tuple(norm[k : k + len(p)]) == p for p in self._blocker_phrases_by_first.get(norm[k], ()))

    @classmethod
    def _after_a_year(cls, i: int, norm: list[str]) -> bool:
        """Is token ``i`` coordinated with a year right before it («2006 و2007»)?"""
        k = i - 2 if i > 1 and norm[i - 1] == "و" else i - 1
        return k >= 0 and cls._year_like(norm, k, k + 1)

    @staticmethod
    def _year_like(norm: list[str], j: int, k: int) -> bool:
        """Is ``j:k`` a year, or a range of years («2023 إلى 2024»)?"""
        def year(w: str) -> bool:
            return w.isdigit() and len(w) == 4 and 1900 <= int(w) <= 2100

        return year(norm[j]) and (k - j == 1 or year(norm[k - 1]))
