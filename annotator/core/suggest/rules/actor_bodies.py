"""ACTOR rules for bodies of a state named by their parts: a security directorate by its
city, a ministry of two portfolios, a government's adjectives, the force or the staff of a
named actor («قوة X», «رئاسة أركان X»), the security service coordinated with an actor, the
state's own bodies standing alone («السلطات», «الحكومة»), and the word sets of the round-2
rules (issue #11) that :class:`ActorRules` uses."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.core.suggest.rules.lexicon import _S_UNKNOWN, RuleLexicon, _canonical_spelling, _Cand, _words
from annotator.core.suggest.rules.state_names import StateRow

# Proclitics before a head noun: «مديرية», «ومديرية», «لمديرية».
_PREFIX_CLITICS = ("", "و", "ف", "ب", "ك", "وب", "فب", "وك", "ل", "ول", "فل")


# «السلطات المحلية»: the local authorities, the same body.
_LOCAL = frozenset(("المحليه", "المحلي"))

# Heads a state's nationality adjective names a force of: «القوات الفلبينية», «الجيش الكولومبي».
_NATIONAL_FORCE_HEADS = ("الجيش", "القوات", "الشرطه")


def state_nisbas(rows: list[StateRow]) -> set[str]:
    """The nationality adjectives («الفلبيني», «الفلبينيه») derived by the regular nisba
    from the one-word names of the world's states: the article, then the name without its
    article and a final «ـيا», «ـا» or «ـة» («كولومبيا» → «الكولومبي»), then «ـي» or
    «ـية». An irregular nisba («الأفغاني») is simply not derived, and a wrong form is a
    word no text writes, so it costs nothing."""
    out: set[str] = set()
    for row in rows:
        if row.kind != "territory" or " " in row.name:
            continue
        stem = row.name.removeprefix("ال")
        if stem.endswith("يا"):
            stem = stem[:-2]
        elif stem.endswith(("ا", "ه")):
            stem = stem[:-1]
        if len(stem) >= 3:
            out.update(("ال" + stem + "ي", "ال" + stem + "يه"))
    return out


class BodyRules(RuleLexicon):
    """Bodies of a state named by their parts (a base of :class:`ActorRules`)."""

    # Helpers of :class:`.actors.ActorRules`, which these rules share.
    _speaks_or_acts: Callable[[int, list[str]], bool]
    _extend_nationality: Callable[[int, list[str], list[str], int], int]
    _nisba: Callable[[str], bool]

    def _add_national_forces(self, groups: dict[str, list[str]]) -> None:
        """The forces of any state of the world by their nationality adjective, derived from
        ``states.tsv`` («القوات الفلبينية», guidelines §3.6: the country adjective is inside),
        where the hand list of nationalities has no such adjective."""
        derived = state_nisbas(self._world_state_rows()) - self._nationalities
        # After any actor, like a listed nationality: «السلطات الكولومبية», «الشرطة المالية».
        self._state_nisbas = frozenset(derived)
        groups["ACT"].extend(f"{h} {a}" for h in _NATIONAL_FORCE_HEADS for a in sorted(derived))

    # Indefinite group heads a listed name may take in the news whichever it is listed with:
    # «حركة الشباب», «تنظيم الشباب», «جماعة الشباب» are one group.
    _INTERCHANGEABLE_GROUP_HEADS = ("حركه", "جماعه", "تنظيم")

    def _add_group_head_variants(self, groups: dict[str, list[str]]) -> None:
        """Every listed name after one group head, after the others too («تنظيم الشباب» from
        «حركة الشباب»), so that a name listed under one head is found under any."""
        heads = self._INTERCHANGEABLE_GROUP_HEADS
        listed = set(groups["ACT"])
        variants = {
            f"{other} {rest}"
            for name in listed
            for head, _, rest in [name.partition(" ")]
            if head in heads and rest
            for other in heads
            if other != head
        }
        groups["ACT"].extend(sorted(variants - listed))

    def _add_hard_g_variants(self, groups: dict[str, list[str]]) -> None:
        """Every listed name with a transliterated «غ» (a hard g) spelt with «ج» too, as Egyptian
        and other outlets write it («فاجنر», «تيجراي», «الكونجولي»); only in words that are no
        frequent Arabic word («غرفة», «غزة» keep theirs)."""
        arabic: frozenset[str] = getattr(self, "_arabic_words", frozenset())
        listed = set(groups["ACT"])
        variants = set()
        for name in listed:
            if "غ" not in name:
                continue
            words = name.split()
            spelt = [w.replace("غ", "ج") if "غ" in w and w not in arabic and w.removeprefix("ال") not in arabic else w for w in words]
            if spelt != words:
                variants.add(" ".join(spelt))
        groups["ACT"].extend(sorted(variants - listed))

    def _load_body_words(self, actors: dict[str, Any]) -> None:
        """The word sets of the rules below and of the round-2 ACTOR rules."""
        self._directorate_only_heads = set(_words(actors.get("directorate_only_force_heads")))
        self._member_group_deeds = set(_words(actors.get("member_group_deeds")))
        self._government_heads = set(_words(actors.get("government_heads")))
        self._government_adjectives = set(_words(actors.get("government_adjectives")))
        self._adjective_states = set(_words(actors.get("adjective_states")))
        self._short_forms_that_act = {_canonical_spelling(w) for w in _words(actors.get("short_forms_that_act"))}
        self._short_form_number_pairs = [
            tuple("ال" + _canonical_spelling(w) for w in pair.split()) for pair in _words(actors.get("short_form_number_pairs"))
        ]
        self._any_group_short_forms = ["ال" + _canonical_spelling(w) for w in _words(actors.get("any_group_short_forms"))]
        self._any_group_heads = ["ال" + _canonical_spelling(w) for w in _words(actors.get("any_group_heads"))]
        self._joint_portfolio_heads = {
            p + h for h in _words(actors.get("joint_portfolio_heads")) for p in _PREFIX_CLITICS
        }
        self._joint_portfolio_duals = set(_words(actors.get("joint_portfolio_duals")))
        # «مديرية», «لمديرية», «ومديرية»: the prefix with or without a proclitic.
        self._directorate_forms = {
            p + h for h in self._place_body_prefixes for p in _PREFIX_CLITICS
        }
        # Words that name a service as the body someone belongs to or is held by: «باسم الشرطة».
        self._service_holders = set(_words(actors.get("service_holders")))

    def _joint_portfolios(self, cands: list[_Cand], orth: list[str], norm: list[str], n: int, name_starts: dict[int, int]) -> list[_Cand]:
        """A ministry of two portfolios is one ACTOR: «وزارة الثقافة والإعلام», «وزارتي الدفاع
        والداخلية»; so is an agency of two missions («جهاز الدعم والاستقرار»). The second is a definite word behind «و» that starts no other name
        («وزارة الدفاع والجيش» is two actors)."""
        def second_portfolio(e: int) -> bool:
            return (
                e < n and orth[e].startswith("وال") and norm[e] in (orth[e], orth[e][1:]) and orth[e].isalpha()
                and e not in name_starts
                # «جهاز الردع والشرطة القضائية»: a service, or a noun its own adjective follows, is
                # another body («جهاز الدعم والاستقرار» closes the name).
                and orth[e][1:] not in self._service_names
                and not (e + 1 < n and orth[e + 1] == norm[e + 1] and self._nisba(norm[e + 1]))
            )

        out: list[_Cand] = []
        for c in cands:
            if c.label == "ACTOR" and c.end - c.start == 2 and norm[c.start] in self._joint_portfolio_heads and second_portfolio(c.end):
                c = _Cand(c.start, c.end + 1, c.label, c.score)
            out.append(c)
        if self._joint_portfolio_duals.isdisjoint(norm):
            return out  # the common case: no dual ministry in the article
        for i, w in enumerate(norm[: n - 2]):
            if w in self._joint_portfolio_duals and orth[i + 1].startswith("ال") and norm[i + 1] == orth[i + 1] and second_portfolio(i + 2):
                out.append(_Cand(i, i + 3, "ACTOR", _S_UNKNOWN))  # «وزارتي الدفاع والداخلية»
        return out

    def _government_adjective_end(self, s: int, end: int, orth: list[str], norm: list[str], n: int) -> int:
        """End after a government adjective that follows a government and its nationality:
        «الحكومة الصومالية الفدرالية», «الحكومة الليبية المؤقتة»."""
        if (
            end - s >= 2
            and end < n
            and norm[s] in self._government_heads
            and orth[end] == norm[end]
            and norm[end] in self._government_adjectives
            and ("ال" + norm[end - 1].removeprefix("ال") in self._nationalities or norm[end - 1] in self._nationalities)
        ):
            return end + 1
        return end

    def _directorate_before(self, i: int, norm: list[str]) -> bool:
        """Is the word before ``i`` the directorate or command of a body: «مديرية شرطة X»,
        «لمديرية أمن X»?"""
        return i > 0 and norm[i - 1] in self._directorate_forms

    # Indefinite heads in construct with a definite actor name, inside its span: «قوة الدفاع
    # الوطني الإثيوبية», «قوة الاتحاد الأفريقي»; the staff of a force: «رئاسة أركان الحرس الوطني».
    _FORCE_OF = "قوه"
    # «وحدة القوات الخاصة», «وحدة الشرطة التأسيسية المصرية»: a unit of a branch, one name too;
    # before another actor «وحدة» is unity («وحدة الجيش والشعب»).
    _UNIT_OF = "وحده"
    _BRANCHES = frozenset(("القوات", "الشرطه"))
    _STAFF_HEADS = frozenset(("رئاسه", "قياده", "هيئه"))
    _STAFF = "اركان"

    def _construct_heads_before_actors(self, cands: list[_Cand], orth: list[str], norm: list[str]) -> list[_Cand]:
        """An ACTOR named by a definite name takes «قوة», «وحدة» or «رئاسة/قيادة/هيئة أركان» right
        before it: the force or the staff of that actor is that actor (guidelines §6). Not
        across a clitic on the name («قوة والجيش»)."""
        out = []
        for c in cands:
            s = c.start
            if c.label == "ACTOR" and s > 0 and norm[s].startswith("ال") and orth[s] == norm[s]:
                if norm[s - 1] == self._FORCE_OF or (
                    norm[s - 1] == self._UNIT_OF and orth[s - 1] == norm[s - 1] and norm[s] in self._BRANCHES and c.end - s > 1
                ):
                    c = _Cand(s - 1, c.end, c.label, c.score)
                elif s > 1 and norm[s - 1] == self._STAFF and orth[s - 1] == norm[s - 1] and norm[s - 2] in self._STAFF_HEADS:
                    c = _Cand(s - 2, c.end, c.label, c.score)
            out.append(c)
        return out

    _SECURITY_SERVICE = "الامن"

    def _coordinated_security(self, cands: list[_Cand], orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """«الجيش والأمن», «قوات الشرطة والأمن»: the lone «الأمن» glued by «و» to an actor
        right before it is the security service, a party like it (guidelines §6: police and
        security bodies); «الأمن» elsewhere is security («زعزعة الأمن»)."""
        out = []
        ends = {c.end for c in cands if c.label == "ACTOR"}
        for e in ends:
            if (
                e < n and norm[e] == self._SECURITY_SERVICE and orth[e][:1] == "و" and orth[e] != norm[e]
                and (e + 1 >= n or not norm[e + 1].startswith("ال") or norm[e + 1] in self._state_nisbas or norm[e + 1] in self._nationalities
                     or orth[e + 1][:1] == "و")
            ):
                out.append(_Cand(e, self._extend_nationality(e + 1, orth, norm, n), "ACTOR", _S_UNKNOWN))
        return out

    _THAT = frozenset(("ان", "بان", "لان"))

    def _state_body_stands(self, i: int, orth: list[str], norm: list[str], n: int) -> bool:
        """Is the state's body at ``i`` («السلطات», «الحكومة»), with no party named before it,
        the sitting one: the subject of a statement or an action, or of the clause after
        «إن/أن», or, without a clitic, not followed by a definite adjective other than a
        nationality or a government qualifier (not «خطة الحكومة الجديدة», a government being
        formed, nor «الدعم للحكومة»)?"""
        if self._speaks_or_acts(i, norm) or (i > 0 and norm[i - 1] in self._THAT):
            return True
        if orth[i] != norm[i]:
            return False  # «الدعم للحكومة»: with a clitic, only after an attribution («وفقا للسلطات»)
        j = i + 1
        if j >= n or orth[j] != norm[j] or not norm[j].startswith("ال"):
            return True
        w = norm[j]
        return w in self._nationalities or w in self._state_nisbas or w in self._government_adjectives or w in _LOCAL
