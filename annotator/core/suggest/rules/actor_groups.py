"""ACTOR rules of round 3 (issue #11) for groups and bodies named in ways no list covers:
a group head before a listed name («حركة بوكو حرام»), a group by a code («حركة إم23») or by
a transliterated name after a militia or its members («ميليشيا زايري», «مسلحو X»), a group
before the adjective that says it is armed, the name a group goes by («تحت اسم "X"»), the
police of an unlisted territory, and governments with the adjective that says which."""
from __future__ import annotations

import re
from itertools import compress
from typing import Any

from annotator.core.suggest.rules.actor_bodies import _PREFIX_CLITICS, BodyRules
from annotator.core.suggest.rules.lexicon import (
    _CLOSING_QUOTES_ONLY,
    _QUOTE_CHARS,
    _S_NAME,
    _S_PATTERN,
    _S_STATE_ACTS,
    _S_UNKNOWN,
    _canonical_spelling,
    _Cand,
    _spelling_variants,
    _words,
)

# A group's code in the normalised text (Latin folded to lower case): two to six Latin
# letters («ADF», «TTP»), or letters and digits glued («M23», «إم23»).
_GROUP_CODE_RE = re.compile(r"[a-z]{2,6}|[a-z\u0621-\u064a]{1,4}[0-9]{1,3}")
# Adjectives after a group's name that say it is armed: «جماعة X المسلحة».
_ARMED_MARKERS = frozenset(("المسلحه", "المتمرده", "المتشدده", "الجهاديه", "الارهابيه", "المتطرفه", "الانفصاليه"))
# Words that never belong to such a name.
_FUNCTION_WORDS = frozenset(
    "من في علي الي عن مع ضد بين التي الذي الذين او و ثم قد لم لن ان انه انها اذ حيث كما بعد قبل منذ عند لدي".split()
)
# Heads named after a leader («قوات حفتر», «حكومة آبي أحمد», «نظام القذافي»), and the titles
# that may stand between them (guidelines §6: a person's name stands for his forces there).
_LEADER_HEADS = ["قوات", "حكومة", "نظام", "ميليشيات", "ميليشيا", "جيش", "عناصر", "مسلحي", "إدارة"]
# «قوات نظام X»: the regime between a force head and its leader.
_REGIME = "نظام"
_TITLES = frozenset(("العقيد", "الرئيس", "المشير", "الجنرال", "الفريق", "اللواء", "العميد", "الزعيم", "الديكتاتور"))
# Undertakings that get a name of their own («عملية تحت اسم "X"»): not a group's name.
_OPERATIONS = frozenset(("عمليه", "عمليات", "حمله", "مناورات", "معركه", "هجوم", "خطه", "مبادره", "مشروع", "برنامج"))
# Heads of gangs and cartels before a quoted name: «عصابة "X"», «كارتل "X"» (the name is the span).
_GANG_HEADS = ("عصابة", "عصابات", "كارتل", "كارتلات")
# Platforms a group of people meets on, not groups' names: «مجموعة تلغرام», «مجموعة سيغنال».
_PLATFORMS = frozenset("تلغرام تيليغرام تليغرام تلجرام تيليجرام سيغنال سيجنال واتس اكس ديسكورد زوم".split())
# Articles and particles inside transliterated (Spanish, Portuguese, French) names: «لوس
# لوبوس», «سانتا روزا دي ليما»; «إل» folds to «ال».
_NAME_PARTICLES = frozenset(("لوس", "لاس", "لا", "ال", "دي", "ديل", "دو", "دا", "دوس", "سان", "سانتا", "لي"))
# Words that give the name something goes by: «تعرف باسم "X"», «المعروفة أيضا باسم "X"».
_KNOWN_AS = frozenset("تعرف يعرف المعروفه المعروف المعروفين معروفه معروف تسمي يسمي المسماه المسمي تدعي يدعي".split())
_ALSO = frozenset(("ايضا", "كذلك"))
# Verbs that name a group, before its quoted name or their subject: «تدعى "X"», «يسمونهم السكان "X"».
NAMING_VERBS = frozenset("تدعي يدعي تسمي يسمي المسماه المسمي يسمونهم يسمونها يسميها تسميها يسمونه".split())


class GroupRules(BodyRules):
    """Groups and bodies named without a listed name (a base of :class:`ActorRules`)."""

    # Words every rule of the suggester knows (the matcher builds them), and word sets of
    # the ACTOR rules that refer back to named parties (:class:`ActorRules` loads them).
    _known: set[str]
    _arabic_words: frozenset[str]
    _no_lone_names: set[str]
    _short_form_words: set[str]

    def _load_group_words(self, actors: dict[str, Any]) -> None:
        """The word sets of the rules below."""
        # Leaders whose forces, government or regime are named after them: «قوات آبي أحمد».
        self._leaders_by_first: dict[str, list[tuple[str, ...]]] = {}
        for name in sorted(_words(actors.get("leaders")), key=lambda w: -len(w.split())):
            self._leaders_by_first.setdefault(name.split()[0], []).append(tuple(name.split()))
        self._leader_head_forms = {p + w for w in _words(_LEADER_HEADS) for p in _PREFIX_CLITICS}
        # Group heads that a listed name after them takes inside its span: «حركة بوكو حرام».
        self._group_heads = {_canonical_spelling(w) for w in _words("حركة جبهة جماعة تنظيم ميليشيا ميليشيات".split())}
        # Every spelling of them («مليشيات», «ميلشيات»), to test a token without respelling it.
        self._group_head_spellings = {v for h in self._group_heads for v in _spelling_variants(h)}
        # Heads of a government or an authority, which a government adjective qualifies.
        self._governing_heads = self._government_heads | set(_words("السلطات سلطات الشرطة".split()))
        # A state's militias are one ACTOR (guidelines §6: «مليشيا/ميليشيات X» unquoted).
        self._state_militia_heads = {_canonical_spelling(w) for w in _words("ميليشيا ميليشيات".split())}
        # Heads that take a group's unknown name inside («ميليشيا X», «عصابة X»), and armed
        # members before a group's unknown name, which alone is the ACTOR («مسلحو X»).
        self._name_taking_heads = {_canonical_spelling(w) for w in _words("ميليشيا ميليشيات عصابة عصابات".split())}
        self._armed_members = set(_words("مسلحي مسلحو متمردي متمردو مقاتلي مقاتلو".split()))
        # The dual of «تنظيم» before two group names: «لتنظيمي القاعدة وداعش».
        self._dual_group_heads = {p + w for w in _words(["تنظيمي"]) for p in _PREFIX_CLITICS}
        # Their written forms with a clitic («لحركة», «وجماعة»), for the coded names after them.
        # Group heads before a transliterated name no list has, which is no frequent Arabic
        # word («جماعة لاكوراوا», «مجموعة تافا»), the head inside as with a listed name.
        self._transliterated_group_heads = {
            p + w for w in self._group_heads | {_canonical_spelling(w) for w in _words(["مجموعة"])} for p in _PREFIX_CLITICS
        }
        # An army or forces by such a name («جيش كاشين», «قوات فاغنر»), which no other group
        # rule reads (their heads are a leader's heads, see ``_LEADER_HEADS``).
        self._transliterated_force_heads = {p + w for w in _words(["جيش", "قوات"]) for p in _PREFIX_CLITICS}
        self._coded_head_forms = {p + w for w in self._group_heads | self._name_taking_heads for p in _PREFIX_CLITICS}
        self._coded_head_forms |= self._transliterated_group_heads
        self._group_head_forms = self._coded_head_forms | self._dual_group_heads | self._armed_members | self._leader_head_forms
        # A gang's or a cartel's quoted name, like a force's («عصابة "لوس زيتاس"»).
        self._gang_heads = set(_words(_GANG_HEADS))
        # …and the group its armed members belong to («متمردو "X"»: the quoted group alone).
        self._quoted_force_heads = self._quoted_force_heads | self._gang_heads | self._armed_members

    # The police named by their territory («شرطة ديالى»), also where no list has the place.
    _police_heads = frozenset(("شرطه",))

    def _group_heads_before_names(self, cands: list[_Cand], orth: list[str], norm: list[str]) -> list[_Cand]:
        """A group head right before a listed name belongs to it (guidelines §2.1, §6: «تنظيم
        داعش», «مليشيا/ميليشيات X» unquoted): «حركة بوكو حرام», «جبهة فانو», «ميليشيات جبهة
        فانو», where the lists know «بوكو حرام», «فانو». A quote between them keeps the head
        out («حركة "الشباب"»: the quoted name only); so does a definite name, which is no
        construct with the head before it («الحركة الشعبية»)."""
        out = []
        for c in cands:
            if c.label == "ACTOR" and c.score == _S_NAME and not norm[c.start].startswith("ال"):
                s = c.start
                while s > 0 and c.start - s < 2 and norm[s - 1] in self._group_head_spellings and (
                    s == c.start or orth[s] == norm[s]  # «لجبهة فانو»: a clitic only on the first head
                ):
                    s -= 1
                    if orth[s] != norm[s]:
                        break
                if s < c.start:
                    c = _Cand(s, c.end, c.label, c.score)
            out.append(c)
        return out

    def _name_like(self, j: int, orth: list[str], norm: list[str], shortest: int = 4) -> bool:
        """Could the word at ``j`` be a group's name that no list has, transliterated
        («كوديكو», «زايري»)? A plain indefinite word of ``shortest`` letters or more (four: a
        three-letter word is mostly a masdar, «نهب»), without the endings of Arabic
        adjectives, masdars and plurals (ة, ات, ين, ون) or the shape of an imperfect verb, no
        known word, no nationality, no verb of the lists."""
        w = norm[j]
        return (
            orth[j] == w and w.isalpha() and len(w) >= shortest and not w.startswith("ال")  # «عصابات نهب»: a masdar
            and not w.endswith(("ه", "ات", "ين", "ون", "يا"))
            and not (w.endswith("وا") and len(w) <= 5)  # a verb in the plural: «لعصابات رجموا»
            and not (w[0] in "تي" and len(w) <= 5)  # an imperfect verb: «ميليشيات تتبع لإيران»
            and w[:2] not in ("تت", "يت")  # «عصابات تتنافس على النفوذ»
            and w not in self._known and "ال" + w not in self._nationalities
            and w not in self._action_words and "ال" + w not in self._force_stops
        )

    def _armed_marker_end(self, h: int, orth: list[str], norm: list[str], n: int) -> int | None:
        """«جماعة X المسلحة», «حركة X Y المتمردة»: an indefinite group head, one to three plain
        name words and an adjective that says the group is armed; the adjective is the
        writer's description and stays out (guidelines §2.1). The end of the name, or None."""
        if norm[h][:2] == "ال" or norm[h] in self._armed_members:
            return None
        for j in range(h + 1, min(n, h + 5)):
            w = norm[j]
            if w in _ARMED_MARKERS and orth[j] == w:
                return j if j > h + 1 else None
            if (
                orth[j] != w or not w.isalpha() or w in self._force_stops or w in self._attribution
                or w in _FUNCTION_WORDS or self._nisba(w) or w in self._short_form_words
            ):
                return None  # a clitic, a particle, an adjective («الإسلامية») or another party
        return None

    def _coded_groups(self, orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """Groups named after a head by what no list holds whole: a leader («حكومة آبي
        أحمد»), the names a shared dual head gives («لتنظيمي القاعدة وداعش»), a code — a
        Latin acronym or letters and digits in one word: «حركة إم23», «جماعة ADF» (guidelines
        §3.7) —, a name before «المسلحة», a transliterated name after a militia or a gang, and
        the group after its armed members. A lone Latin acronym is left to the lists: without
        the head it may be anything («GPS», «BBC»)."""
        out: list[_Cand] = []
        for i in compress(range(n - 1), map(self._group_head_forms.__contains__, norm)):
            if norm[i] in self._leader_head_forms and (end := self._leader_end(i + 1, norm, n)):
                out.append(_Cand(i, end, "ACTOR", _S_PATTERN))  # «حكومة آبي أحمد», «نظام العقيد معمر القذافي»
            elif norm[i] in self._dual_group_heads:
                # «لتنظيمي "القاعدة" و"داعش"»: a shared dual head stays out (guidelines §2.2);
                # it names the group a word that alone is a common one («القاعدة»: a base).
                j = i + 2 if orth[i + 1] in _QUOTE_CHARS else i + 1
                if j < n and orth[j] == norm[j] and norm[j] in self._no_lone_names:
                    out.append(_Cand(j, j + 1, "ACTOR", _S_NAME))
            elif norm[i] not in self._coded_head_forms:
                if norm[i] in self._armed_members and self._name_like(i + 1, orth, norm):
                    out.append(_Cand(i + 1, i + 2, "ACTOR", _S_UNKNOWN))  # «مسلحو كوديكو»: the group
                elif norm[i] in self._armed_members and orth[i + 1] == norm[i + 1] and norm[i + 1] in self._no_lone_names:
                    out.append(_Cand(i + 1, i + 2, "ACTOR", _S_NAME))  # «مسلحو القاعدة»: a common word names the group
                elif norm[i] in self._transliterated_force_heads and self._transliterated_name(i + 1, orth, norm):
                    out.append(_Cand(i, self._transliterated_group_end(i + 2, orth, norm, n), "ACTOR", _S_UNKNOWN))  # «جيش كاشين»
            elif _GROUP_CODE_RE.fullmatch(orth[i + 1]):
                out.append(_Cand(i, i + 2, "ACTOR", _S_PATTERN))
            elif (marker := self._armed_marker_end(i, orth, norm, n)) is not None:
                out.append(_Cand(i, marker, "ACTOR", _S_PATTERN))  # «جماعة أنصار الدين المسلحة»
            elif norm[i] in self._name_taking_heads and self._name_like(i + 1, orth, norm):
                # «ميليشيا زايري», «عصابة غران غريف»: a militia or a gang by a name no list
                # has (guidelines §6: «مليشيا X» unquoted is one ACTOR).
                out.append(_Cand(i, self._transliterated_group_end(i + 2, orth, norm, n), "ACTOR", _S_UNKNOWN))
            elif norm[i] in self._name_taking_heads and self._nickname(i + 1, orth, norm):
                out.append(_Cand(i, i + 2, "ACTOR", _S_UNKNOWN))  # «ميليشيا غنيوة»: named after its leader
            elif (
                norm[i] in self._name_taking_heads and norm[i + 1] in _NAME_PARTICLES and orth[i + 1] == norm[i + 1]
                and i + 2 < n and self._name_like(i + 2, orth, norm)
            ):
                # «عصابة لوس لوبوس»: a Spanish article opens the name
                out.append(_Cand(i, self._transliterated_group_end(i + 3, orth, norm, n), "ACTOR", _S_UNKNOWN))
            elif norm[i] in self._transliterated_group_heads and self._transliterated_name(i + 1, orth, norm):
                # «جماعة لاكوراوا», «حركة تافا»: a group by a transliterated name no list has
                out.append(_Cand(i, self._transliterated_group_end(i + 2, orth, norm, n), "ACTOR", _S_UNKNOWN))
        return out

    def _transliterated_name(self, j: int, orth: list[str], norm: list[str]) -> bool:
        """Is the word at ``j`` a transliterated name no list has: name-like, no frequent Arabic
        word with or without the article (a loanword: «كوماندوز»), no armed members («لجماعة
        متمردي X»)?"""
        w = norm[j]
        return (
            self._name_like(j, orth, norm) and w not in self._arabic_words and "ال" + w not in self._arabic_words  # «قوات كوماندوز»
            and w not in self._armed_members and w not in _PLATFORMS
        )

    def _nickname(self, j: int, orth: list[str], norm: list[str]) -> bool:
        """Is the word at ``j`` a leader's nickname in «ـة» that names his militia («غنيوة»):
        a plain indefinite word no list has and no frequent Arabic word (not «مسلحة», «محلية»),
        no nisba?"""
        w = norm[j]
        return (
            orth[j] == w and w.isalpha() and len(w) >= 4 and w.endswith("ه") and not w.endswith("يه")
            and not w.startswith("ال") and w not in self._known and w not in self._arabic_words
        )

    def _transliterated_group_end(self, e: int, orth: list[str], norm: list[str], n: int) -> int:
        """End of a transliterated name of several words after its first ones: more words of
        the same shape and the particles between them («عصابة سانتا روزا دي ليما», «عصابة
        لوس لوبوس بوكسينغ»), five words at most."""
        start = e
        while e < n and e - start < 4:
            if self._name_like(e, orth, norm) and not (norm[e].endswith("ا") and norm[e] in self._arabic_words):
                e += 1  # not an indefinite accusative after the name («عصابة X حربا»)
            elif norm[e] in _NAME_PARTICLES and orth[e] == norm[e] and e + 1 < n and self._name_like(e + 1, orth, norm, 3):
                e += 2
            else:
                break
        return e

    # Heads of a group named after a kunya («جماعة أبو سياف»); «مجموعة» too, which before a
    # kunya is no «set of» («مجموعة من المسلحين»).
    _KUNYA_HEADS = frozenset(p + h for h in ("جماعه", "مجموعه", "تنظيم", "حركه", "كتيبه", "لواء") for p in ("", "و", "ب", "ل"))

    def _kunya_groups(self, orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """A group named by a kunya no list holds: a group head, «أبو» and a plain name
        («جماعة أبو سياف», «بمساعدة مجموعة ابو سياف»); the head is inside, as with a
        listed name after it (guidelines §6)."""
        out: list[_Cand] = []
        if "ابو" not in norm:
            return out  # the common case: no kunya in the article
        for i in range(1, n - 1):
            if norm[i] == "ابو" and orth[i] in ("أبو", "ابو") and norm[i - 1] in self._KUNYA_HEADS and self._kunya_name(i + 1, orth, norm):
                out.append(_Cand(i - 1, i + 2, "ACTOR", _S_PATTERN))
        return out

    def _kunya_name(self, j: int, orth: list[str], norm: list[str]) -> bool:
        """The name after «أبو»: a plain indefinite word, any ending («سياف», «طلحة»), no
        function word."""
        w = norm[j]
        return orth[j] == w and w.isalpha() and len(w) >= 3 and not w.startswith("ال") and w not in _FUNCTION_WORDS

    def _bracketed_acronyms(self, cands: list[_Cand], orth: list[str], n: int) -> list[_Cand]:
        """A group's acronym spelt out in brackets right after its name, past a closing quote:
        «"تحالف القوى الديمقراطية" (إيه دي إف)», «جبهة X (ADF)». Letters spelt in Arabic are
        words of at most three letters; a Latin acronym is capitals."""
        out: list[_Cand] = []
        for c in cands:
            if c.label != "ACTOR":
                continue
            e = c.end + 1 if c.end < n and orth[c.end] in _QUOTE_CHARS else c.end
            if e >= n or orth[e] != "(":
                continue
            j = e + 1
            while j < n and j - e <= 4 and orth[j] != ")":
                j += 1
            letters = orth[e + 1 : j]
            if j < n and orth[j] == ")" and letters and all(
                (w.isalpha() and len(w) <= 3 and not w.isascii()) or (w.isascii() and w.isupper() and w.isalpha()) for w in letters
            ) and (len(letters) > 1 or letters[0].isascii()):
                out.append(_Cand(e + 1, j, "ACTOR", _S_PATTERN))
        return out

    def _leader_end(self, j: int, norm: list[str], n: int) -> int:
        """End of a listed leader's name at ``j``, after an optional title («العقيد») and its
        nationality, or 0."""
        if j + 1 < n and norm[j] == _REGIME:
            j += 1  # «قوات نظام إيفاريست ندايشيمي»
        if j < n and norm[j] in _TITLES:
            j += 1
            if j < n and norm[j] in self._nationalities:
                j += 1  # «حكومة الرئيس اليمني عبدربه منصور هادي»
        for name in self._leaders_by_first.get(norm[j] if j < n else "", ()):
            if tuple(norm[j : j + len(name)]) == name:
                return j + len(name)
        return 0

    def _known_as_group(self, i: int, cands: list[_Cand], orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """«عصابات نهب مسلحة تعرف باسم "X"», «حركة "X"، المعروفة أيضا باسم "Y"»: the quoted
        name a group goes by. ``i`` is «باسم»."""
        k = i - 2 if i > 1 and norm[i - 1] in _ALSO else i - 1
        if k < 0 or norm[k] not in _KNOWN_AS:
            return None
        return self._quoted_group_name(i + 1, k, cands, orth, norm, n)

    def _called_group(self, i: int, cands: list[_Cand], orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """«مجموعة مسلحة تدعى "X"», «يسمونهم السكان "X"»: the quoted name a naming verb at
        ``i`` gives a group, right after it or after its subject."""
        if orth[i + 1] in _QUOTE_CHARS:
            return self._quoted_group_name(i + 1, i, cands, orth, norm, n)
        if i + 2 < n and orth[i + 2] in _QUOTE_CHARS and orth[i + 1] == norm[i + 1] and norm[i + 1].isalpha():
            return self._quoted_group_name(i + 2, i, cands, orth, norm, n)
        return None

    def _quoted_group_name(self, q: int, k: int, cands: list[_Cand], orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """The name quoted from ``q`` that the naming word at ``k`` gives, where a group is
        named right before it (an ACTOR is the last suggestion before, within eight tokens, or
        a group head is within five); not the name a region goes by («ديالى، المعروفة باسم
        "مثلث الموت"»)."""
        if orth[q] in _CLOSING_QUOTES_ONLY:
            return None
        before = [c for c in cands[-6:] if c.end <= k]
        last = max(before, key=lambda c: c.end, default=None)
        group_before = (last is not None and last.label == "ACTOR" and k - last.end <= 8) or any(
            norm[t] in self._quoted_force_heads or norm[t] in self._name_taking_heads for t in range(max(0, k - 5), k)
        )
        if not group_before or (last is not None and last.label != "ACTOR" and k - last.end <= 5):
            return None
        j = q + 1
        while j < n and j - q <= 8 and orth[j] not in _QUOTE_CHARS:
            if not norm[j].isalnum():
                return None
            j += 1
        if j == q + 1 or j >= n or orth[j] not in _QUOTE_CHARS:
            return None
        # The name a group goes by, even where it reads as a place (like «اسم "X"»).
        return _Cand(q + 1, j, "ACTOR", _S_STATE_ACTS)

    @staticmethod
    def _names_a_group_before(i: int, cands: list[_Cand], norm: list[str]) -> bool:
        """Does an ACTOR end within eight tokens before ``i``, with no operation named between,
        so that «تحت اسم "X"» there is the name a group goes by («ذراع لتنظيم داعش في المنطقة
        تحت اسم "X"»), not an operation's («أطلق الجيش عملية تحت اسم "X"»)?"""
        return any(
            c.label == "ACTOR" and i - 8 <= c.end <= i and _OPERATIONS.isdisjoint(norm[c.end : i])
            for c in cands[-6:]
        )

    def _government_qualifiers(self, cands: list[_Cand], orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """A government or the authorities with the adjective that says which («حكومة طالبان
        المؤقتة», «الحكومة المنتخبة», «السلطات الانتقالية») take it inside, as with a
        nationality before it («الحكومة الليبية المؤقتة», guidelines §3.6), and a second one
        coordinated with the first."""
        out = []
        for c in cands:
            e = c.end
            if (
                c.label == "ACTOR" and e < n and norm[c.start] in self._governing_heads
                and orth[e] == norm[e] and norm[e] in self._government_adjectives
            ):
                e += 1
                if e < n and orth[e][:1] == "و" and orth[e][1:] in self._government_adjectives:
                    e += 1  # «السلطات المدنية والعسكرية»: two qualifiers of the same body
                c = _Cand(c.start, e, c.label, c.score)
            out.append(c)
        return out

    def _unlisted_place_name(self, j: int, orth: list[str], norm: list[str], admin: bool) -> bool:
        """Could the plain word at ``j`` be the name of a place no list has («زمفارا»)? An
        indefinite word, or any word after an administrative head («إقليم الساحل»); no
        clitic, no function word, no people noun, no nationality; alone, not the shape of a
        masdar or a common noun («شرطة مكافحة الشغب», «شرطة حماية», «شرطة مرور»)."""
        w = norm[j]
        return (
            orth[j] == w and w.isalpha() and len(w) > 2 and (admin or not w.startswith(("ال", "م")) and w[-1] != "ه")
            and w not in self._force_stops and w not in self._force_not_names
            and w not in self._nationalities and not self._is_people(w)
        )


    # Institutions whose name ends with the service they train or serve: «أكاديمية الشرطة».
    _INSTITUTION_HEADS = frozenset(("اكاديميه", "كليه", "معهد", "مدرسه", "مستشفي", "جامعه", "نادي"))

    def _ends_an_institution_name(self, i: int, orth: list[str], norm: list[str]) -> bool:
        """Is the service at ``i`` the end of a building's or school's name, whose head is at
        most three plain words before it: «أكاديمية تدريب الشرطة», «أكاديمية الجنرال كاهية
        للشرطة» (buildings are not annotated, guidelines §2.2)?"""
        for k in range(i - 1, max(-1, i - 4), -1):
            if norm[k] in self._INSTITUTION_HEADS:
                return True
            if not norm[k].isalpha() or (orth[k] != norm[k] and k < i - 1):
                return False
        return False

    # Buildings, posts and vehicles a service names without acting: «مركز الشرطة», «سيارة الشرطة».
    _BUILDING_HEADS = frozenset(
        "مركز مركزا مراكز مخفر مخفرا مخافر مقر مقرا مقار مقرات ثكنه قسم سياره سيارات عربه عربات مركبه مركبات".split()
    )
    # Verbs of a service only reaching a scene, a responder there rather than a party: «ووصلت الشرطة».
    _ARRIVAL_VERBS = frozenset("وصل وصلت ووصل ووصلت هرعت وهرعت حضرت وحضرت".split())

    def _names_a_building(self, i: int, orth: list[str], norm: list[str]) -> bool:
        """Does the service at ``i`` only name a building or a vehicle, its head right before
        it («مركز الشرطة», «مركز للشرطة», «سيارة الشرطة») or an institution's head a few words
        before it?"""
        if i > 1 and orth[i - 1] == "(" and norm[i - 2] in self._service_names:
            i -= 2  # «مخفر الدرك (الشرطة)»: a gloss reads as the word it glosses
        return (i > 0 and norm[i - 1] in self._BUILDING_HEADS) or self._ends_an_institution_name(i, orth, norm)

    # Territories a police force is named by, also without their name: «شرطة المنطقة».
    _POLICE_TERRITORIES = frozenset("منطقه مدينه ولايه محافظه اقليم مقاطعه بلده عاصمه".split())

    def _police_of_a_territory(self, i: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """The police of a territory, definite («شرطة الولاية», «شرطة المنطقة»: the one the
        article is about), or indefinite with a name of one or two words no list has, closed
        by punctuation («شرطة منطقة كارا بولو،»)."""
        w = norm[i + 1]
        if orth[i + 1] != w:
            return None
        if w[:2] == "ال" and w[2:] in self._POLICE_TERRITORIES:
            return _Cand(i, i + 2, "ACTOR", _S_UNKNOWN)
        if w not in self._POLICE_TERRITORIES:
            return None
        end = i + 2
        while (
            end < n and end - i <= 3 and self._unlisted_place_name(end, orth, norm, admin=True)
            and not norm[end].startswith(("ال", "لل")) and norm[end][-1] != "ه"  # «منطقة آمنة للسكان»
        ):
            end += 1
        if end == i + 2 or (end < n and norm[end].isalpha()):
            return None
        return _Cand(i, end, "ACTOR", _S_UNKNOWN)

    def _nisba(self, w: str) -> bool:
        """A definite nisba adjective by its form («الوطني», «الصومالية»)."""
        return w.startswith("ال") and len(w) > 4 and w.endswith(("ي", "يه")) and w not in self._force_stops

    def _quoted_force(self, h: int, orth: list[str], norm: list[str], n: int) -> _Cand | None:
        """«فرقة "الحمزات"», «فصيل "أحرار الشرقية"»: a force head, then a quoted name of one
        to four plain words; the quoted name is the span (guidelines §3.4)."""
        if orth[h + 1] in _CLOSING_QUOTES_ONLY:
            return None
        j = h + 2
        while j < n and j - h <= 6 and orth[j] not in _QUOTE_CHARS:
            if not norm[j].isalnum():
                return None
            j += 1
        if j == h + 2 or j >= n or orth[j] not in _QUOTE_CHARS:
            return None
        w = norm[h + 2]
        if j == h + 3 and (w in self._force_stops or "ال" + w in self._force_stops):
            return None  # «بجماعة "متطرفة"»: a quoted judgement, not a name
        # A gang's or a cartel's name, even where it is a place's too («عصابات "سينالوا"»), and
        # a name the writer calls armed right after it («مجموعة "X" المتمردة»), whatever
        # else reads it (an outlet's quoted name).
        armed = j + 1 < n and norm[j + 1] in _ARMED_MARKERS and orth[j + 1] == norm[j + 1]
        return _Cand(h + 2, j, "ACTOR", _S_STATE_ACTS if norm[h] in self._gang_heads or armed else _S_UNKNOWN)

    # Words after a state name that look like a verb of it but are not: time words, «تجاه».
    _NOT_STATE_VERBS = frozenset("يوم يومين يوميا يونيو يوليو يناير تجاه تحديدا تموز".split())

    def _verb_of_a_state(self, w: str) -> bool:
        """Does ``w``, right after a state name, look like a verb whose subject is the state:
        an imperfect («تنفي», «يطالب»: ت for a feminine state, ي for a masculine one) or a
        feminine perfect («طلبت», «رفضت»)? Not a verb of what happens in a place («تشهد»),
        not a noun (the article, a case ending «ـا», a ta marbuta, a plural «ـات»)."""
        if not 4 <= len(w) <= 6 or not w.isalpha() or w.startswith("ال") or w in self._state_place_verbs:
            return False
        if w in self._NOT_STATE_VERBS or w.endswith(("ا", "ه", "ات", "ين", "ون", "وت")):
            return False
        return w[0] in "تي" or w.endswith("ت")

    def _perfect_with_object(self, w: str) -> bool:
        """Is ``w``, right after a state name, a feminine perfect with an object pronoun whose
        subject is the state: «لكن تل أبيب خرقته», «دمشق رفضتها»? Not a noun with «و» and
        a pronoun («بيروت وضاحيتها»)."""
        stem = w[:-2] if w.endswith(("ها", "هم")) else w[:-1] if w.endswith("ه") else ""
        return stem in self._state_verbs_after or (
            w[:1] not in "وف" and stem.endswith("ت") and len(stem) <= 5 and self._verb_of_a_state(stem)
        )

    def _titled_leaders(self, cands: list[_Cand], orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """A head named after a leader by his title ends with the leader's name, one no list
        has («حكومة الرئيس حميد كرزاي», guidelines §6): up to three plain words after the
        title (and its nationality), no clitic, no function word, no known word but the
        «عبد» of a compound name."""
        out = []
        for c in cands:
            e = c.end
            if c.label == "ACTOR" and e - c.start >= 2 and norm[e - 1] in _TITLES:
                if e < n and orth[e] == norm[e] and norm[e] in self._nationalities:
                    e += 1  # «حكومة الرئيس اليمني …»
                k = e
                while k < n and k - e < 3 and self._leader_name_word(k, orth, norm):
                    k += 1
                if k > e:
                    c = _Cand(c.start, k, c.label, c.score)
            out.append(c)
        return out

    def _leader_name_word(self, k: int, orth: list[str], norm: list[str]) -> bool:
        w = norm[k]
        if orth[k] != w or not w.isalpha() or len(w) < 2 or w in _FUNCTION_WORDS:
            return False
        if w.startswith("ال"):
            return k > 0 and norm[k - 1] == "عبد"  # «عبد الحميد»
        return w == "عبد" or (w not in self._known and "ال" + w not in self._nationalities)

    def _governed_territory_end(self, j: int, orth: list[str], norm: list[str], n: int) -> int:
        """End of the territory a government at ``j - 1`` governs, named by an administrative
        head and a name no list has («حكومة ولاية البحيرات», «حكومة مقاطعة X»), or by the
        definite head alone («حكومة الولاية»: the state the article is about); else 0."""
        if norm[j] in self._admin_heads and j + 1 < n and self._unlisted_place_name(j + 1, orth, norm, admin=True):
            # «حكومة مقاطعة لاناو ديل سور»: a transliterated name of several words
            return self._transliterated_group_end(j + 2, orth, norm, n) if self._transliterated_name(j + 1, orth, norm) else j + 2
        if norm[j][:2] == "ال" and norm[j][2:] in self._admin_heads:
            return j + 1
        return 0
