"""LOCATION rules for lists of places and places in no list: names after a plural or dual
head («قرى X وY», «مناطق X وY وZ», quoted one by one or between slashes), and names of no
list, no lexicon and no frequency list of Arabic words coordinated with a place or named
after «عاصمة». A mixin of :class:`.locations.LocationRules`."""
from __future__ import annotations

from collections.abc import Callable
from itertools import compress

from annotator.core.suggest.rules.lexicon import _CLOSING_QUOTES_ONLY, _QUOTE_CHARS, _S_UNKNOWN, RuleLexicon, _Cand

_CAPITAL = "عاصمه"
_IN_OR_BETWEEN = frozenset(("في", "بين"))


class PlaceListRules(RuleLexicon):
    """Lists of places and places in no list (see the module docstring)."""

    # Filled by :meth:`.locations.LocationRules._load_word_sets` and the matcher.
    _known: set[str]
    _arabic_words: frozenset[str]
    _common_words_set: frozenset[str]
    _place_names: frozenset[str]
    _anaphora_or_heads: set[str]
    _name_ends: Callable[[int, list[str], list[str], int], bool]
    _extend_name_adjective: Callable[[int, list[str], list[str]], int]
    _describes: Callable[[str], bool]
    _preposition_l: Callable[[str], bool]
    _definite_participle: Callable[[str], bool]
    _BETWEEN_PLACES: frozenset[str]
    _context_places: frozenset[str]
    _geonames: dict[str, list[str]]

    # Words after which the word that follows is a place (besides the place cues).
    _COORDINATION_CUES = frozenset("في بين قرب علي الي من نحو داخل".split())
    # Prepositions after which a lone transliterated word in no list, before a boundary, is a
    # place («في ديالاساجو،», «باتجاه X،», «بالقرب من X،», «سكان X»); «من» only after «قرب». Not «إلى»:
    # «لجأوا إلى أديرة», «نسبت إلى متمردي…» are plurals of nouns the frequency list lacks.
    _LONE_NAME_CUES = frozenset("في نحو باتجاه قرب من سكان لسكان اهالي لاهالي".split())
    _NEAR = frozenset(("قرب", "بالقرب", "مقربه", "بمقربه"))
    _RESIDENTS = frozenset(("سكان", "لسكان", "اهالي", "لاهالي"))

    def _coordinated_places(self, cands: list[_Cand], orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """Names in no list coordinated with a place («… بين كاموندو وسيرينا في ولاية X»,
        «في ماكاندو و[known place]», «[known place] وكاموندو»): a word no list, no lexicon
        and no frequency list of Arabic words has (``_unlisted_word``), joined by «و» to a
        LOCATION found, or, after a place cue, to another such word before «في/ب» and a place."""
        if not self._arabic_words:
            return []
        places = {(c.start, c.end) for c in cands if c.label == "LOCATION"}
        taken = {k for c in cands for k in range(c.start, c.end)}
        starts = {s for s, _ in places}
        out: list[_Cand] = []

        def add(k: int) -> None:
            if k not in taken:
                end = self._hyphen_end(k + 1, orth, n)
                out.append(_Cand(k, end, "LOCATION", _S_UNKNOWN))
                taken.update(range(k, end))

        for s, e in sorted(places):
            # «[place] وX» / «[place] و X», also after a comma when «و» is glued to the name and
            # the place is itself in a list («فوق صور، والبازورية، وX»)
            k = e
            in_list = s > 0 and (orth[s - 1] in ("،", ",", "و") or (orth[s][:1] == "و" and orth[s] != norm[s]))
            while k < n:
                if (
                    in_list and orth[k] in ("،", ",") and k + 1 < n and orth[k + 1][:1] == "و"
                    and orth[k + 1] == norm[k + 1] and len(orth[k + 1]) > 3
                ):
                    k += 1  # the glued case below decides whether the word is a place's name
                if orth[k] == "و" and k + 1 < n and self._coordinated_name(orth[k + 1]):
                    add(k + 1)
                    k += 2
                elif (
                    orth[k][:1] == "و" and orth[k] == norm[k] and orth[k] not in self._arabic_words  # «ووقوع»
                    and self._coordinated_name(orth[k][1:]) and k not in starts
                ):
                    norm[k] = orth[k][1:]
                    add(k)
                    k += 1
                else:
                    break
            # «<cue> X و[place]»: the place joined by a glued or lone «و»
            glued = orth[s] != norm[s] and orth[s][:1] == "و"
            x = s - 1 if glued else (s - 2 if s > 1 and orth[s - 1] == "و" else -1)
            if x > 0 and norm[x - 1] in self._COORDINATION_CUES and self._unlisted_word(orth[x]):
                add(x)
        # «<cue> X وY في [place]»: two unlisted words coordinated, then where they are.
        # (the cue words found in C: a Python pass over every token costs more than the rest)
        for k in [i + 1 for i in compress(range(max(0, n - 2)), map(_CAPITAL.__eq__, norm))]:
            if k < n and norm[k].startswith("ال") and norm[k] in self._anaphora_or_heads:
                k += 1  # «عاصمة الإقليم X»: the region named before, then the capital's name
            if k < n and self._unlisted_word(orth[k]):
                add(k)  # «عاصمة ماكاندو», «عاصمة الإقليم ماكاندو»
        # «في ديالاساجو،»: after «في», a lone word that no list knows, no frequent Arabic word,
        # in the shape of a transliterated name, before a boundary; quoted, a word no list
        # knows («في “بوثيدونغ”», «غرب “المحيريبا”»).
        compass = {c[0] for c in self._compass if len(c) == 1}
        cues = self._LONE_NAME_CUES | compass
        for k in [i + 1 for i in compress(range(max(0, n - 1)), map(cues.__contains__, norm))]:
            if k in taken or orth[k] != norm[k]:
                continue
            w = norm[k]
            if orth[k] in _QUOTE_CHARS and orth[k] not in _CLOSING_QUOTES_ONLY:
                if norm[k - 1] != "في" and norm[k - 1] not in compass:
                    continue  # a quoted word after «من» is who said or did something as often
                q = self._hyphen_end(k + 2, orth, n)
                if q < n and orth[q] in _QUOTE_CHARS and k + 1 not in taken and self._unlisted_word(orth[k + 1]) and not self._frequent_word(norm[k + 1]):
                    out.append(_Cand(k + 1, q, "LOCATION", _S_UNKNOWN))
                    taken.update(range(k + 1, q))
                continue
            cue = norm[k - 1]
            if (
                (cue in self._LONE_NAME_CUES and (cue != "من" or (k > 1 and norm[k - 2] in self._NEAR)))
                and len(w) > 3 and self._unlisted_word(w) and self._transliterated_word(w)
                and not self._frequent_word(w) and (cue in self._RESIDENTS or self._name_ends(k + 1, orth, norm, n))
            ):
                add(k)  # after «سكان» the name is a genitive, whatever follows it
        for k in [i + 1 for i in compress(range(max(0, n - 4)), map(_IN_OR_BETWEEN.__contains__, norm))]:
            if k in taken or not self._unlisted_word(orth[k]):
                continue
            second = k + 2 if orth[k + 1] == "و" else (k + 1 if orth[k + 1][:1] == "و" and orth[k + 1] == norm[k + 1] else -1)
            if second < 0 or second + 2 >= n or second in taken:
                continue
            word = orth[second] if second == k + 2 else orth[second][1:]
            # «الطريق الرابط بين X وY»: between two places named after a place relation
            related = norm[k - 1] == "بين" and any(
                v in self._BETWEEN_PLACES or v[1:] in self._BETWEEN_PLACES for v in norm[max(0, k - 4) : k - 1]
            ) and all(
                self._transliterated_word(v) and not self._frequent_word(v) for v in (orth[k], word)
            ) and self._name_ends(second + 1, orth, norm, n)
            if self._unlisted_word(word) and (related or (norm[second + 1] in ("في", "ب", "قرب") and (second + 2) in starts)):
                add(k)
                if second == k + 1:
                    norm[second] = word
                add(second)
        return out

    # Heads of a state's long name («جمهورية مالي» is listed whole; «دولة النيجر» too).
    _STATE_HEADS = frozenset(("دوله", "جمهوريه", "مملكه", "سلطنه"))

    # «Greater», «lesser», «lower», «upper» after a place without a head: a part of its name as
    # after a head (the sets annotate «طرابلس الكبرى», «شبيلي السفلى»). «Old» and «new» stay
    # outside without a head (guidelines §2.2: «حلب القديمة» → «حلب»).
    _BARE_NAME_ADJECTIVES = frozenset("الكبري الصغري السفلي العليا".split())

    # First words of place names that writers also glue to the second («أمدرمان», «ابوظبي»,
    # «كفرنبل», «ديرالزور»): short nouns that open names (locations.yaml ``name_prefixes``).
    _GLUED_PREFIXES = frozenset("ام ابو بني عين دير تل كفر بيت راس بئر".split())

    def _glued_spellings(self, groups: dict[str, list[str]]) -> list[str]:
        """The one-word spellings of the two-word places safe alone (listed, or GeoNames')
        whose first word is a short noun that opens names, when that spelling is no word of
        the lexicon or of the language and names nothing else."""
        taken = self._place_names | self._common_words_set | self._arabic_words | self._lexicon
        glued: dict[str, None] = {}  # ordered set
        for name in (*groups["LOC"], *self._geonames.get("LOC", ())):
            first, _, rest = name.partition(" ")
            if first in self._GLUED_PREFIXES and rest and " " not in rest and first + rest not in taken:
                glued[first + rest] = None
        return list(glued)

    _COMPASS_NISBAS = frozenset(("شرقي", "غربي", "شمالي", "جنوبي", "شرقيه", "غربيه", "شماليه", "جنوبيه"))

    def _frequent_nisba(self, w: str) -> bool:
        """Is the indefinite ``w`` a frequent Arabic nisba adjective («تجاري», «تلفزيونية»),
        not a compass one (which may follow a name: «قرية X شرقي»)?"""
        return (
            not w.startswith("ال") and w.endswith(("ي", "يه")) and len(w) > 3
            and w in self._arabic_words and w not in self._COMPASS_NISBAS
        )

    def _common_noun_phrase(self, h: int, i: int, orth: list[str], norm: list[str], n: int) -> bool:
        """Is the word at ``i`` after the head at ``h`` a common noun phrase, no name: a
        frequent nisba agreeing with a feminine head («محطة تلفزيونية», «منشأة عسكرية»), or a
        frequent word with a frequent nisba after it («منطقة نشاط تجاري»)? Names in no list are
        rare words («قرية غانية» is short and kept)."""
        w = norm[i]
        if norm[h].endswith("ه") and w.endswith("يه") and len(w) >= 6 and self._frequent_nisba(w):
            return True
        return w not in self._name_prefixes and (  # «قرية البو X»: a name whatever X reads as
            i + 1 < n and self._frequent_word(w) and orth[i + 1] == norm[i + 1] and self._frequent_nisba(norm[i + 1])
        )

    def _coordinated_name(self, w: str) -> bool:
        """After a place and «و», is ``w`` a place's name: a word no list knows, or a place
        that needs a cue («كورسك وروستوف»: the coordination is its cue, the glued «و» had
        kept the matcher from it)?"""
        return self._unlisted_word(w) or w in self._context_places

    def _unlisted_word(self, w: str) -> bool:
        """Is ``w`` a word of no list, of no lexicon and no frequent Arabic word (with or
        without the article): a name, most likely transliterated or local?"""
        bare = w.removeprefix("ال") if len(w) > 4 else w
        return (
            len(w) > 2
            and w.isalpha()
            and not w.endswith(("ها", "هم", "هما", "ته", "وه"))  # «وريفها», «وفجروها»: a pronoun
            and not self._looks_like_verb(w)  # «ونهبت»
            and not (len(w) == 5 and w[0] == "ت" and w[3] == "ي")  # «وتكبيد»: a verbal noun
            and self._place_word(w)
            and w not in self._arabic_words
            and bare not in self._arabic_words
            and w not in self._known
            and w not in self._common_words_set
            and w not in self._place_names
        )

    def _hyphen_end(self, end: int, orth: list[str], n: int) -> int:
        """End of a place name that goes on after a hyphen («بني شنقول-قمز», «غوروم-غوروم»):
        a hyphen, then a word no list or lexicon knows. A known place after it is a place of
        its own («طريق درعا-دمشق»), a word with a glued clitic a new phrase."""
        if end + 1 < n and orth[end] == "-" and self._unlisted_word(orth[end + 1]) and orth[end + 1][:1] not in "وفب":
            return end + 2
        return end

    @staticmethod
    def _looks_like_verb(w: str) -> bool:
        """A perfect verb after a place name in no list: «بلدة مرجعيون أدت إلى…», «محافظة
        إب أسفرت عن…», «… تمكنوا من»: a feminine «ـت» or a plural «ـوا»."""
        return 2 < len(w) <= 6 and w.endswith(("ت", "وا"))

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

    # Plural heads that are common nouns before anything («مناطق متفرقة», «مناطق الاشتباك»,
    # «محليات» elections, «مقاطعات» boycotts): a list after them is taken only when it has
    # two names or more, each a word no list or lexicon knows («في مناطق X وY وZ»).
    _GENERIC_PLURAL_HEADS = frozenset(("مناطق", "محليات", "مقاطعات", "مقاطعتي"))

    # Duals that are also adjectives («قضائي» districts / judicial): a list of two names or
    # more after them, never one name.
    _ADJECTIVE_DUAL_HEADS = frozenset(("قضائي",))

    def _listed_places(self, i: int, orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """Names after a plural or dual head, each its own span: «قرى الهوشرية والصيادة»,
        «مدينتي السخنة وتدمر». The head stays outside; after a generic head, see
        ``_GENERIC_PLURAL_HEADS``."""
        head = i - 1 if i > 0 and orth[i - 1] not in _QUOTE_CHARS else i - 2
        found = self._listed_names(i, orth, norm, n)
        if head >= 0 and norm[head] in self._ADJECTIVE_DUAL_HEADS:
            return found if len(found) > 1 else []  # «حكم قضائي بحق…» is judicial
        if head < 0 or norm[head] not in self._GENERIC_PLURAL_HEADS:
            return found
        if len(found) < 2:
            return []
        first = norm[found[0].start]
        # «مناطق مختلفة ومتفرقة»: feminine participles that agree with the plural, no names.
        participle = first[:1] == "م" and first[-1:] == "ه"
        known = first in self._known or first in self._common_words_set
        return [] if first.startswith("ال") or known or participle else found

    def _listed_names(self, i: int, orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """The names of ``_listed_places``."""
        out: list[_Cand] = []
        # Names after a comma join the list only when a name after «و» closes it («قرى
        # الهوشرية، الصيادة، والمشرفة»); «قرى الهوشرية، ما أدى…» has one name.
        pending: list[_Cand] = []
        first = True
        quoted = i + 1 < n and orth[i] in _QUOTE_CHARS and orth[i] not in _CLOSING_QUOTES_ONLY
        if quoted:
            i += 1  # «قريتي “الفدغمي، والدشيشة”»: the quoted list, quotes outside
        while i < n:
            comma = False
            if first:
                if orth[i] != norm[i] or not self._list_name_word(norm[i]) or norm[i] in self._anaphora:
                    break  # «أحياء المدينة»: the city already named, no name
                word = norm[i]
                if not word.startswith("ال") and len(word) > 4 and word.endswith("يه"):
                    break  # «محافظات سورية», «مدن يمنية»: an adjective of the plural, no name
                if word[:1] == "و" and self._frequent_word(word[1:]) and word not in self._known and word not in self._place_names:
                    break  # «تدمير قرى واستخدام…»: a new phrase after «و», no name
                if self._no_list_opener(word):
                    break  # «قرى اشتباكات», «بلدات متفرقة», «أحياء الإثنين», «مدن الشرق»
            else:
                # The next name comes after a lone «و» or with a glued one («والصيادة»).
                if quoted and i + 3 < n and orth[i] in _QUOTE_CHARS and orth[i + 1] == "و" and orth[i + 2] in _QUOTE_CHARS:
                    i += 3  # «قريتي “X” و”Y”», «محليات /X/ و/Y/»: each name quoted on its own
                    word = norm[i]
                elif orth[i] in ("،", ",") and i + 1 < n and orth[i + 1][:1] != "و":
                    i += 1
                    word = norm[i]
                    comma = orth[i] == word
                    if not comma:
                        break
                elif orth[i] in ("،", ",") and i + 1 < n and (pending or quoted or self._closes_list(orth[i + 1], norm[i + 1])):
                    i += 1  # «…، الصيادة، والمشرفة»: the last name of a comma list, after «و»
                    continue
                elif orth[i] == "و" and i + 1 < n:
                    i += 1
                    word = norm[i]
                elif orth[i][:1] == "و" and len(orth[i]) > 2:
                    # A known name has its norm already; an unknown one just loses the و,
                    # in its norm too, so that the span starts after it («وفليفل» → «فليفل»).
                    word = norm[i] if norm[i] != orth[i] else orth[i][1:]
                    if self._place_word(word) and not self._with_pronoun(word):
                        norm[i] = word
                else:
                    break
                if not self._list_name_word(word) or word in self._anaphora or word in self._OUTLET_END or (
                    len(word) <= 6 and word.endswith("وا")  # «… وماكوميا وقتلوا مدنيين»: a plural verb
                ):
                    break
            if self._with_pronoun(word):
                break  # «دمشق وريفها»: the countryside of the place before, no name
            end = i + 1
            # A two-word name: «ميس الجبل», «عين الحلوة», «بيت لاهيا»; after a first word
            # that opens names the second is a name word even when it is also a common word
            # («كفر كلا»). A compass noun opens the name of a region of its own in a list of
            # regions («منطقتي شمال X وجنوب Y»).
            if end < n and word in self._LIST_COMPASS and orth[end] == norm[end] and self._place_word(norm[end]) and not (
                norm[end].startswith("ال") or norm[end] in self._anaphora or self._frequent_word(norm[end])
            ):
                end += 1
            elif word in self._LIST_COMPASS:
                break  # «مناطق شمال البلاد»: a direction, no name
            elif end < n and word in self._name_prefixes:
                end += self._prefix_name_word(word, end, orth, norm)
            elif (
                end < n and orth[end] == norm[end] and norm[end].isalpha() and norm[end] not in self._not_names
                and not word.startswith("ال") and norm[end].startswith("ال") and norm[end] not in self._nationalities
                and not self._definite_participle(norm[end])  # «X وY المجاورتين»
            ):
                end += 1
            else:
                # «قرى كاداوا وغاندو سامو وساولاوا», «مدن X، سان فيليبي دي لوما، وY»: a
                # foreign name of up to four words
                end = self._foreign_name_end(i, end, orth, norm, n)
            end = self._extend_name_adjective(end, orth, norm)  # «أحياء X، الدرجة الأولى، وY»
            end = self._hyphen_end(end, orth, n)
            if comma:
                pending.append(_Cand(i, end, "LOCATION", _S_UNKNOWN))
            else:
                out.extend(pending)
                pending = []
                out.append(_Cand(i, end, "LOCATION", _S_UNKNOWN))
            first = False
            i = end
        return out

    _COMPASS_REGIONS = frozenset(("الشرق", "الغرب", "الشمال", "الجنوب", "الوسط"))

    def _no_list_opener(self, w: str) -> bool:
        """Is ``w``, right after a plural head, something else than the first name of a list:
        a noun of fighting («قرى اشتباكات»: villages see fighting), a feminine participle of the
        language that agrees with the plural («بلدات متفرقة»), a day or a function word («أحياء
        الإثنين»: burnt alive on Monday), a region named by its compass point («مدن الشرق»)?"""
        if w in self._place_names:
            return False
        return (
            w in self._conflict_nouns or w.removeprefix("ال") in self._conflict_nouns
            or w in self._OUTLET_END or w in self._COMPASS_REGIONS
            or (w[:1] == "م" and w[-1:] == "ه" and len(w) > 4 and self._frequent_word(w))
        )

    # Compass nouns that open a region's name in a list of regions.
    _LIST_COMPASS = frozenset(("شمال", "جنوب", "شرق", "غرب", "وسط"))

    def _list_name_word(self, w: str) -> bool:
        """Could ``w`` be a name in a list after a plural head: a place word, or a word whose
        «ل» is the name's, not a preposition's («مدن لوس X وY»)."""
        if w[:1] == "ل":
            return not self._preposition_l(w) and self._place_word("ا" + w[1:])
        return self._place_word(w) or w in self._LIST_COMPASS

    def _unlisted_name(self, w: str) -> bool:
        """``_unlisted_word``, also for a word whose «ل» is the name's («لوس»), which
        ``_place_word`` takes for a preposition."""
        if w[:1] == "ل" and not self._preposition_l(w):
            return w not in self._arabic_words and w not in self._known and w not in self._place_names and len(w) > 2
        return self._unlisted_word(w)

    def _closes_list(self, o: str, w: str) -> bool:
        """After the first name and a comma, is «وX» the last name of the list («منطقتي X،
        وY»): a known place with «و», or a word no list knows with it («وقال» is a new
        clause)?"""
        return o[:1] == "و" and (o != w and w in self._place_names or (o == w and self._unlisted_word(o[1:]) and not self._frequent_word(o[1:])))

    def _frequent_word(self, w: str) -> bool:
        """Is ``w`` a frequent Arabic word of four letters or more («أقصى», «موجة», «واحدا»)?
        It closes no place name in no list, whose words are rare as words; a short one may be
        inside a foreign name («كياوك ني ماو», «شيرين دره»)."""
        return len(w) > 3 and w in self._arabic_words

    def _transliterated_end(self, w: str, end: int, orth: list[str], norm: list[str], n: int) -> int:
        """A foreign name of two or three words in no list («منطقة كانابي فيرت», «منطقة
        كياوك ني ماو»): after a first word no list or lexicon knows, words no list or lexicon
        knows either continue the name up to a boundary; an Arabic word ends it."""
        if w in self._known or w in self._common_words_set:
            return self._foreign_tail_end(end, orth, norm, n)
        k = end
        while k < n and k - end < 2 and orth[k] == norm[k] and self._transliterated_word(norm[k]):
            k += 1
        # A frequent Arabic word closes no foreign name: the name ends before it, whatever
        # follows it («منطقة أوروميا أقصى غرب…», «منطقة كاسوار داغي بالبلدة»).
        last = k
        while k > end and self._frequent_word(norm[k - 1]) and not self._closes_foreign_name(k, last, orth, norm, n):
            k -= 1
        return k if k > end and (k < last or self._name_ends(k, orth, norm, n) or self._described(k, orth, norm, n)) else end

    def _foreign_tail_end(self, end: int, orth: list[str], norm: list[str], n: int) -> int:
        """After a first word a list or the lexicon knows («إقليم خيبر بختون خوا»), the end of
        one or two words no list or lexicon knows, none frequent, up to punctuation; else
        ``end`` («منطقة سوبا تسبب…»: a verb after a known name)."""
        k = end
        while k < n and k - end < 2 and orth[k] == norm[k] and self._transliterated_word(norm[k]) and not self._frequent_word(norm[k]):
            k += 1
        return k if k > end and (k >= n or not orth[k][:1].isalpha()) else end

    def _closes_foreign_name(self, k: int, last: int, orth: list[str], norm: list[str], n: int) -> bool:
        """Is the frequent word before ``k`` the last word of a foreign name all the same: the
        last of the words taken, right before punctuation, and no adverb or noun in «ـا»/«ـة»
        («منطقة نركين هاند،», where «هاند» is frequent as a transliteration; not «… صباحا.»)?"""
        return k == last and (k >= n or not orth[k][:1].isalpha()) and norm[k - 1][-1:] not in "اه"

    _RELATIVES = frozenset(("التي", "الذي", "اللتين", "اللذين"))

    def _described(self, k: int, orth: list[str], norm: list[str], n: int) -> bool:
        """Does a description of the place open at token ``k``: an adjective that describes
        it («… القريبة», «… المجاورة») or a relative («… التي تبعد…»)? A foreign name ends
        before it."""
        return k < n and orth[k] == norm[k] and (self._describes(norm[k]) or norm[k] in self._RELATIVES)

    def _transliterated_word(self, w: str) -> bool:
        """Could ``w`` be a word of a transliterated name: no word of any list or of the
        lexicon, no article, no glued conjunction («وفجروها»), a long vowel after its first
        letter («ني», «سانتاندر»; not «تسببت»), no plural verb ending («…وا»)?"""
        return (
            w.isalpha()
            and w[:1] != "و"
            and (w[:1] != "ف" or (len(w) > 3 and w[1:] not in self._arabic_words and w[1:] not in self._known))  # «فيرت», not «فقال»
            and not w.startswith("ال")
            and not (w.endswith("وا") and len(w) > 3)  # «قالوا», not «خوا»
            and any(c in "اوي" for c in w[1:])
            and w not in self._known
            and w not in self._common_words_set
            and w not in self._place_names
        )

    # Words of Spanish, Portuguese and Italian place names: articles and «San» that open them
    # («لوس موخيس», «سان بيدرو»), prepositions between their words («فال دي سانتياغو»,
    # «موسيمبوا دا برايا»). Frequent in Arabic text as transliterations, they stop the test of
    # a rare word; inside such a name its other words may be frequent too («سان فيليبي»).
    _ROMANCE_OPENERS = frozenset("سان سانتا سانتو ساو لوس لاس بويرتو سيوداد نويفو نويفا".split())
    _ROMANCE_LINKS = frozenset("دي دى دا دو ديل دوس داس".split())

    def _foreign_name_end(self, i: int, end: int, orth: list[str], norm: list[str], n: int) -> int:
        """End of a foreign name of up to four words that opens at ``i`` in a list of places
        (its first word ending at ``end``): words that could be transliterated, none frequent
        unless a Romance particle shows the name is one (``_ROMANCE_OPENERS``, ``_ROMANCE_LINKS``),
        then the list going on or ending; else ``end``."""
        first = norm[i]
        romance = first in self._ROMANCE_OPENERS or (end < n and norm[end] in self._ROMANCE_LINKS)  # «فال دي…»
        if not romance and not self._unlisted_name(first):
            return end
        k = end
        while k < n and k - i < 4 and orth[k] == norm[k] and norm[k].isalpha():
            w = norm[k]
            if w in self._ROMANCE_LINKS or w in self._ROMANCE_OPENERS:
                romance = True
            elif romance and norm[k - 1] in self._ROMANCE_LINKS and w[:1] != "و" and not w.startswith("ال"):
                pass  # after «دي» the name's last word, whatever else it is («دي لوما»)
            elif not self._transliterated_word(w) or (self._frequent_word(w) and not romance):
                break
            k += 1
        while k > end and norm[k - 1] in self._ROMANCE_LINKS:
            k -= 1  # a name never ends with «دي»
        if k == end:
            return end
        if k >= n or not orth[k].isalpha() or orth[k][:1] == "و" or norm[k] in self._place_cues:
            return k
        return end

    def _prefix_name_word(self, first: str, k: int, orth: list[str], norm: list[str]) -> bool:
        """After a word that opens place names («كفر», «دير», «عين»), is token ``k`` the second
        word of the name, even when it is also a common word or reads as one with a clitic
        («كفر كلا», where «كلا» folds to «ك» + «لا»)? Not a coordinated word, a cue or a
        function word."""
        if first not in self._name_prefixes:
            return False
        o = orth[k]
        return (
            o.isalpha()
            # A glued «و»/«ف» opens a new phrase, unless it is the name's own first letter: the
            # clitic lexicon left the word whole («أبو فلاح», not «ف» + a word it knows).
            and (o[:1] not in "وف" or (o == norm[k] and len(o) > 3 and o[1:] not in self._arabic_words))
            and (o == norm[k] or o[:1] not in "بل")  # «تل بالقرب»: a preposition
            and o not in self._name_stops
            and (o != norm[k] or o not in self._not_names)
            and o not in self._heads
            and not self._is_people(o)
        )

    _PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")

    def _with_pronoun(self, w: str) -> bool:
        """Is ``w`` a head with a possessive pronoun («ريفها», «مدينتهم», «أحيائها»)? It
        refers to a place named before and is no name itself."""
        for suffix in self._PRONOUN_SUFFIXES:
            if w.endswith(suffix) and len(w) > len(suffix) + 2:
                stem = w[: -len(suffix)]
                if stem in self._heads or stem in self._plural_heads or (stem.endswith("ت") and stem[:-1] + "ه" in self._heads):
                    return True
        return False
