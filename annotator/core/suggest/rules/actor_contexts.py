"""ACTOR rules of round 7 (issue #11) that read a name by its context: a group name that is
also a common word («القاعدة»), a state's body named without its state where it speaks or
acts («وقالت الرئاسة»), a second adjective coordinated with a name's own («الحشد الشعبي
والعشائري»), and the nationality after a name, by agreement («القوات الحكومية المالية»)."""
from __future__ import annotations

from typing import Any

from annotator.core.suggest.rules.actor_groups import GroupRules
from annotator.core.suggest.rules.lexicon import _CLOSING_QUOTES_ONLY, _QUOTE_CHARS, _S_UNKNOWN, _Cand, _words

# Stems of the members of an armed group: «مقاتلاً من القاعدة», «مسلحين من…», «عناصر أخرى من…».
_MEMBER_STEMS = ("مقاتل", "مسلح", "عناصر", "عنصر", "اعضاء", "عضو", "متشدد", "جهادي", "انتحاري", "قياد", "قاده")


class ContextRules(GroupRules):
    """Names read by their context (a base of :class:`.actors.ActorRules`)."""

    def _load_context_words(self, actors: dict[str, Any]) -> None:
        """The word sets of the rules below."""
        # Group names that are common words too («القاعدة»: a base), a group only in context.
        self._context_group_names = set(_words(actors.get("group_names_in_context")))
        # A state's bodies that are a party where they speak or act («وقالت الرئاسة»), by
        # their first word.
        self._speaking_bodies: dict[str, list[tuple[str, ...]]] = {}
        for body in sorted(_words(actors.get("speaking_state_bodies")), key=lambda b: -len(b.split())):
            self._speaking_bodies.setdefault(body.split()[0], []).append(tuple(body.split()))

    # Definite heads of a state's government or forces, which name the state after «ل»:
    # «الحكومة الوطنية لجنوب السودان», «القوات المسلحة لجمهورية X» (dev sets: 3 of 3 whole).
    _STATE_FORCE_HEADS = frozenset(("الحكومه", "القوات", "الجيش", "السلطات", "الشرطه"))

    def _forces_of_a_state(
        self, cands: list[_Cand], orth: list[str], norm: list[str], state_hits: list[tuple[int, int]]
    ) -> list[_Cand]:
        """A state's government or forces named with an adjective and the state after «ل» are
        one ACTOR, the state inside: «الحكومة الوطنية لجنوب السودان»."""
        state_end = {s: e for s, e in state_hits if orth[s][:1] == "ل" and orth[s] != norm[s]}
        if not state_end:
            return cands
        return [
            _Cand(c.start, state_end[c.end], c.label, c.score)
            # With an adjective of its own: «قالت الحكومة لإيران» is said to Iran.
            if c.label == "ACTOR" and c.end in state_end and norm[c.start] in self._STATE_FORCE_HEADS and c.end - c.start >= 2
            else c
            for c in cands
        ]

    def _context_groups(self, cands: list[_Cand], orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """A group name that is also a common word («القاعدة»: al-Qaeda or a base) alone,
        where the context says it is the group: quoted («بتنظيم "القاعدة"»), the group of
        members before «من» («مقاتلاً من القاعدة», «عناصر أخرى من القاعدة»), the one a
        group is loyal or tied to («موالية للقاعدة»), or coordinated with a named group
        («القاعدة و"داعش"», «داعش والقاعدة»). Not «على القاعدة», «القاعدة العسكرية»."""
        at = [i for i, w in enumerate(norm) if w in self._context_group_names]
        if not at:
            return []
        taken = {t for c in cands if c.label == "ACTOR" for t in range(c.start, c.end)}
        starts = {c.start for c in cands if c.label == "ACTOR"}
        ends = {c.end for c in cands if c.label == "ACTOR"}
        out: list[_Cand] = []
        for i in at:
            if i in taken:
                continue
            quoted = (
                0 < i < n - 1 and orth[i - 1] in _QUOTE_CHARS and orth[i - 1] not in _CLOSING_QUOTES_ONLY
                and orth[i + 1] in _QUOTE_CHARS
            )
            members = i > 1 and norm[i - 1] == "من" and any(
                norm[k].startswith(_MEMBER_STEMS) for k in range(max(0, i - 3), i - 1)
            )
            loyal = orth[i].startswith("لل") and i > 0 and norm[i - 1] in self._backing
            after_and = i + 2 < n and (
                (orth[i + 1][:1] == "و" and i + 1 in starts)
                or (orth[i + 1] == "و" and (i + 2 in starts or (orth[i + 2] in _QUOTE_CHARS and i + 3 in starts)))
            )
            before_and = orth[i][:1] == "و" and orth[i] != norm[i] and i in ends
            if quoted or members or loyal or after_and or before_and:
                out.append(_Cand(i, i + 1, "ACTOR", _S_UNKNOWN))
        return out

    def _coordinated_adjectives(self, cands: list[_Cand], orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """A name that ends in a nisba adjective takes a second one coordinated with it, of the
        same gender: «الحشد الشعبي والعشائري», «السلطات المدنية والعسكرية» (one body, two
        qualities). Not a nationality, which may be a second party («القوات الأمريكية
        والبريطانية»)."""
        out = []
        for c in cands:
            e = c.end
            if c.label == "ACTOR" and e < n and c.end - c.start >= 2 and orth[e].startswith("وال") and orth[e].isalpha():
                last, w = norm[e - 1], orth[e][1:]
                if (
                    orth[e - 1] == last and last.startswith("ال") and self._nisba(last) and self._nisba(w)
                    and last.endswith("يه") == w.endswith("يه")
                    and w not in self._nationalities and w not in self._state_nisbas
                    and last not in self._nationalities and last not in self._state_nisbas
                ):
                    c = _Cand(c.start, e + 1, c.label, c.score)
            out.append(c)
        return out

    def _speaking_state_bodies(self, cands: list[_Cand], orth: list[str], norm: list[str], n: int) -> list[_Cand]:
        """A state's body named without its state, a party where it speaks or acts: «قالت
        الرئاسة», «وأعلنت القيادة العسكرية», «بحسب النيابة العامة الأوكرانية» (with the
        nationality after it); elsewhere a common noun («تولى الرئاسة», «مرشح الرئاسة»)."""
        at = [i for i, w in enumerate(norm) if w in self._speaking_bodies]
        if not at:
            return []
        taken = {t for c in cands for t in range(c.start, c.end)}
        out: list[_Cand] = []
        for i in at:
            # Or the body someone speaks for or heads: «قال مسؤول مكتب الرئيس», «باسم الرئاسة».
            if i in taken or not (self._speaks_or_acts(i, norm) or (i > 0 and norm[i - 1] in self._service_holders)):
                continue
            for body in self._speaking_bodies[norm[i]]:
                e = i + len(body)
                if tuple(norm[i:e]) == body and all(orth[t] == norm[t] for t in range(i + 1, e)):
                    out.append(_Cand(i, self._extend_nationality(e, orth, norm, n), "ACTOR", _S_UNKNOWN))
                    break
        return out

    def _extend_nationality(self, e: int, orth: list[str], norm: list[str], n: int) -> int:
        """End after a nationality adjective that agrees with the name before it: «الجيش
        الوطني» + «الليبي», «الهلال الأحمر» + «السوداني» are one name."""
        if e >= n or orth[e] != norm[e]:
            return e
        w = norm[e]
        if w in self._nationalities or w in self._state_nisbas:
            return e + 1
        # «حرس الحدود الطاجيكيون», «القرغيزيين»: the plural of a nationality, for the men of a force.
        if w.endswith(("يون", "يين")) and (w[:-2] in self._nationalities or w[:-2] in self._state_nisbas):
            return e + 1
        # «القوات الحكومية المالية»: after a feminine adjective of the name, the feminine of a
        # nationality listed in the masculine only (alone, «المالية» is «financial»).
        before = norm[e - 1] if e > 0 else ""
        if w.endswith("يه") and before.startswith("ال") and before.endswith("ه") and orth[e - 1] == before and (
            w[:-1] in self._nationalities or w[:-1] in self._state_nisbas
        ):
            return e + 1
        return e
