"""Project pattern suggester (source ``patterns``): suggests again what annotators marked.

Like INCEpTION's string-matching recommender: every span an annotator creates or accepts,
and every gold span, becomes a *pattern* — its words, normalised — and the pattern is then
suggested wherever the same words occur in another article. What makes it fit Arabic news:

* **Normalised.** Patterns and texts are compared after
  :func:`annotator.core.text.normalize` (hamza/alef, ta marbuta, alef maksura, diacritics,
  tatweel, Arabic-Indic digits), and spans map back to the stored text with its offset map.
  Matching also folds the hamza seats («مسؤول»/«مسئول») and the Persian letters some sites
  type (ی ک ە ۀ ڤ), which normalisation keeps apart.
* **Clitic-aware.** A learned name is found with a proclitic glued to it («بالرقة»,
  «وحانين») and in the «لل» form («للمرصد» → span «لمرصد», guidelines §3.3). Whether a
  leading letter is a clitic is decided by :func:`annotator.core.text.proclitic_length`,
  the project's one rule, with the learned first words added to its lexicon.
* **Counted.** Each pattern keeps, per label, how often it was accepted (annotators' spans
  and gold) and rejected (suggestions rejected with Backspace, and suggestions stored for a
  gold article that its gold does not keep), over all and per context word. A rejection
  inside a longer span that was kept is a correction of boundaries, not evidence against
  the name; one whose very words were kept under another label is a correction of the
  label, evidence after its own context word only. A label rejected more often than
  accepted is not suggested, and
  :meth:`PatternSuggester.vetoes` lets the combined suggester drop another source's
  suggestion that the annotators keep rejecting — there, or after the same word.
* **Context.** A name that annotators mark with different labels (a state that acts is an
  ACTOR, the same state as a place a LOCATION) takes the label seen most often after the
  same preceding word or clitic («في» / «ب-» → LOCATION, «اتهمت» → ACTOR); without such
  evidence the label accepted most often — which then gives way to another source that
  read the sentence and judged the same words otherwise (:meth:`PatternSuggester.give_way`).
  A learned one-word ACTOR or SOURCE is not suggested where an agreeing definite adjective
  continues it into another noun phrase.
* **Incremental.** :meth:`PatternSuggester.learn` and :meth:`PatternSuggester.reject`
  update the matcher in place (microseconds), so the next article benefits at once.
* **Blind mode.** Built with ``annotator=NAME, blind=True``, it learns only from NAME's
  spans and rejections and from gold, never from other annotators.

Numbers are not learned: a span holding a digit is a COUNT whose number changes from one
article to the next, which the rule grammar handles; its words would only mislead here. Nor
is a COUNT that is a number word alone («ثلاثة» of «ثلاثة من عناصره»): whether it counts
people depends on the words after it. Duals («قتيلين») and number + noun are learned.
"""
from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress
from operator import not_
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.domain import Suggestion
from annotator.core.suggest.base import Suggester
from annotator.core.suggest.pattern_words import (
    CONTEXT_WINDOW,
    COUNT_LABEL,
    HAS_DIGIT_RE,
    NOUN_PHRASE_LABELS,
    WORD_RE,
    Words,
    bare_number_word,
    context_word,
    continues_phrase,
    first_word_forms,
    lil_name,
    loose,
)
from annotator.core.text import fold, normalize

if TYPE_CHECKING:  # pragma: no cover
    from annotator.core.store import Project

__all__ = ["PatternSuggester", "LearnedPattern", "ORIGIN", "create_suggester", "project_patterns"]

ORIGIN = "patterns"

#: The forms «ا»/«ال» + «ل» a one-letter «ل» remainder takes (see ``_may_start``).
_SHORT_LIL_FORMS = frozenset(("ال", "الل"))

#: Rejections it takes before another source's suggestion is dropped (one may be a slip).
VETO_MIN_REJECTIONS = 2


@dataclass
class LearnedPattern:
    """One learned string (its normalised words) and the evidence for each label."""

    key: str  # normalised words joined by one space; the first word in canonical form
    accepted: Counter = field(default_factory=Counter)  # label → accepts (spans and gold)
    rejected: Counter = field(default_factory=Counter)  # label → rejections
    corrected: Counter = field(default_factory=Counter)  # label → rejections inside a longer kept span
    context: Counter = field(default_factory=Counter)  # (context word, label) → accepts
    rejected_context: Counter = field(default_factory=Counter)  # (context word, label) → rejections
    surfaces: Counter = field(default_factory=Counter)  # surface as written → times seen
    attributes: dict[str, dict[str, Any]] = field(default_factory=dict)  # label → last attrs

    def allowed(self, label: str) -> bool:
        """A label is suggested while it has been rejected no more often than accepted."""
        return self.accepted[label] > 0 and self.rejected[label] <= self.accepted[label]

    def vetoed(self, label: str, context: str | None = None) -> bool:
        """Whether the annotators' evidence is against ``label`` for this string — anywhere,
        or (given the ``context`` word before it) in this context:

        * rejected at least :data:`VETO_MIN_REJECTIONS` times and more often than accepted,
          over all contexts or in this one («حزب X» rejected twice does not stop «في X»);
        * corrected here: rejected in this context, never accepted in it, and accepted with
          another label in it at least :data:`VETO_MIN_REJECTIONS` times — a state the
          annotators mark as the ACTOR after «ضد» is no LOCATION after «ضد», yet still one
          after «في». One sighting of the other label is not enough to overrule a source."""
        rejected = self.rejected[label]
        if rejected >= VETO_MIN_REJECTIONS and rejected > self.accepted[label]:
            return True
        if context is None or not self.rejected_context:
            return False
        here_rejected = self.rejected_context[(context, label)]
        if not here_rejected:
            return False
        here_accepted = self.context[(context, label)]
        if here_rejected >= VETO_MIN_REJECTIONS and here_rejected > here_accepted:
            return True
        return not here_accepted and any(
            self.context[(context, other)] >= VETO_MIN_REJECTIONS and self.allowed(other)
            for other in self.accepted if other != label)

    def choose(self, context: str) -> tuple[str, float] | None:
        """The label to suggest after ``context`` and its score, or None."""
        labels = [label for label in self.accepted if self.allowed(label) and not self.vetoed(label, context)]
        if not labels:
            return None
        in_context = {label: self.context[(context, label)] for label in labels}
        if any(in_context.values()):
            label = max(labels, key=lambda lb: (in_context[lb], self.accepted[lb]))
        else:
            label = max(labels, key=lambda lb: self.accepted[lb])
        total = sum(self.accepted.values())
        # Share of the evidence for this label, shrunk towards 0 for patterns seen once.
        score = self.accepted[label] / (total + self.rejected[label] + 1)
        if in_context[label]:
            score = min(1.0, score + 0.25)
        return label, round(0.5 + score / 2, 3)

    def surface(self) -> str:
        """The form annotators met most often, as written (for export)."""
        return self.surfaces.most_common(1)[0][0] if self.surfaces else self.key


#: Surfaces whose keys are remembered before the memo starts afresh (bounded memory).
_KEY_MEMO_SIZE = 50_000

#: Marks a choice not yet made (None is a choice: nothing to suggest).
_UNKNOWN: Any = object()

class PatternSuggester(Suggester):
    """Suggests the strings a project's annotators have marked, with their labels.

    ``PatternSuggester(project)`` learns from the project as it is now (every annotator's
    spans and rejections, and gold); with ``annotator=NAME, blind=True`` only from NAME's
    and gold. ``PatternSuggester()`` starts empty; :meth:`learn` and :meth:`reject` add
    evidence one span at a time. ``seed`` names gazetteer-format YAML files (as written by
    :meth:`export_yaml`) whose names start as accepted once.
    """

    name = ORIGIN

    def __init__(
        self,
        project: Project | None = None,
        *,
        annotator: str | None = None,
        blind: bool = False,
        seed: Iterable[str | Path] = (),
        min_score: float = 0.0,
        **_options: Any,
    ) -> None:
        self.min_score = min_score
        self._patterns: dict[str, LearnedPattern] = {}
        # First word (canonical) → the patterns starting with it that were ever accepted, as
        # (word count, {the other words: key}), longest first. Patterns that were only ever
        # rejected (another source's suggestions) are kept for vetoes but never looked for.
        self._by_first: dict[str, list[tuple[int, dict[tuple[str, ...], str]]]] = {}
        # Token → its first-word forms that start a pattern (most tokens: none). Cleared
        # whenever a new first word is learned, since that changes the answer.
        self._forms: dict[str, list[tuple[str, int]]] = {}
        # (surface, after a ل) → its key (see _key); cleared with _forms, since a new first
        # word changes how a «لل» spelling reads.
        self._keys: dict[tuple[str, bool], str | None] = {}
        self._dead: set[str] = set()  # the words whose forms are []
        # The last two letters of every learned first word (one for the few short ones, see
        # ``_may_start``): a word whose end is not here starts no pattern, found without
        # asking the clitic rules. Only grows: a superset still tells the truth.
        self._tails: set[str] = set()
        # (key, context word) → the pattern's choice there; emptied by any new evidence.
        self._choices: dict[tuple[str, str], tuple[str, float] | None] = {}
        # Keys with a rejection: only their suggestions from other sources may be vetoed.
        self._vetoable: set[str] = set()
        # Highest row ids already learned from a project (learn_project reads only newer rows).
        self._seen = {"spans": 0, "gold_spans": 0, "rejected": 0, "gold": 0}
        for path in seed:
            self.load_yaml(path)
        if project is not None:
            self.learn_project(project, annotator=annotator, blind=blind)

    # ---------------------------------------------------------------- learning
    def learn_project(self, project: Project, *, annotator: str | None = None, blind: bool = False) -> int:
        """Add the evidence stored in ``project`` since the last call (see the class
        docstring for blind mode): cheap enough to call before every article, which is how
        the next article benefits from the last one. Returns how many records were read.

        Spans deleted after they were learned keep counting until a new suggester is built."""
        if blind and not annotator:
            raise ValueError("blind mode needs the annotator whose spans are learned")
        only = annotator if blind else None
        seen = self._seen
        n = 0
        for table, row_id, text, start, end, label, attributes in project.learning_spans(
                only, after_span=seen["spans"], after_gold=seen["gold_spans"]):
            self.learn(text, start, end, label, attributes)
            seen[table] = max(seen[table], row_id)
            n += 1
        for row_id, text, start, end, label, covered, relabelled in project.learning_rejections_with_cover(
                only, after=seen["rejected"]):
            self.reject(text, start, end, label, covered=covered, relabelled=relabelled)
            seen["rejected"] = max(seen["rejected"], row_id)
            n += 1
        # Gold is negative evidence too: what was suggested on a gold article and not kept.
        for gold_id, text, start, end, label, covered, relabelled in project.learning_gold_misses(
                after_gold=seen["gold"]):
            self.reject(text, start, end, label, covered=covered, relabelled=relabelled)
            seen["gold"] = max(seen["gold"], gold_id)
            n += 1
        return n

    def learn(self, text: str, start: int, end: int, label: str,
              attributes: dict[str, Any] | None = None) -> LearnedPattern | None:
        """Count ``text[start:end]`` as accepted with ``label``. Returns its pattern, or None
        when the span is not learnable (no word, or a number)."""
        found = self._locate(text, start, end)
        if found is None or (label == COUNT_LABEL and bare_number_word(found[0])):
            return None
        key, context = found
        self._choices.clear()
        pattern = self._pattern(key)
        if not pattern.accepted:
            self._index(key)
        pattern.accepted[label] += 1
        pattern.context[(context, label)] += 1
        surface = " ".join(text[start:end].split())
        first, written = key.split(" ")[0], WORD_RE.findall(loose(fold(surface)))[0]
        if first != written and first.endswith(written):
            # The «لل» spelling: export the name, «الطيران» not «لطيران», «اللواء» not «لواء».
            surface = first[: len(first) - len(written)] + surface
        pattern.surfaces[surface] += 1
        if attributes:
            pattern.attributes[label] = dict(attributes)
        return pattern

    def reject(self, text: str, start: int, end: int, label: str, *, covered: bool = False,
               relabelled: bool = False) -> LearnedPattern | None:
        """Count ``text[start:end]`` as a rejected suggestion of ``label``.

        ``covered``: the annotator kept a longer span around it («طرابلس» inside «ثوار
        طرابلس»). That is a correction of the boundaries, not evidence against the name —
        the longer span, once learned, wins over it wherever it recurs — so it is only
        counted as a correction, never towards a veto: otherwise a place named inside two
        actors' names would stop being suggested as the place it is everywhere else.

        ``relabelled``: the annotator kept the same words under another label («اتهمت
        باكستان» as the ACTOR, not the place). That says what the words are *here*: it
        counts against ``label`` after this context word only, never over all contexts —
        else two such corrections would veto the place reading in «شمال غرب باكستان» too."""
        found = self._locate(text, start, end)
        if found is None:
            return None
        if covered:
            pattern = self._patterns.get(found[0])
            if pattern is not None:
                pattern.corrected[label] += 1
            return pattern
        key, context = found
        self._choices.clear()
        pattern = self._pattern(key)
        if not relabelled:
            pattern.rejected[label] += 1
        pattern.rejected_context[(context, label)] += 1
        self._vetoable.add(key)
        return pattern

    def vetoes(self, text: str, start: int, end: int, label: str) -> bool:
        """True when the annotators' evidence is against ``text[start:end]`` as ``label``
        there (see :meth:`LearnedPattern.vetoed`: rejected repeatedly, anywhere or after the
        same word, or corrected to another label after the same word): the combined
        suggester then drops any source's suggestion of it."""
        if not self._vetoable:
            return False
        key = self._key(text, start, end)
        if key not in self._vetoable:
            return False
        pattern = self._patterns[key]
        if pattern.vetoed(label):
            return True
        found = self._locate(text, start, end)
        return found is not None and pattern.vetoed(label, found[1])

    def backed(self, text: str, start: int, end: int, label: str) -> bool:
        """Whether ``label`` for ``text[start:end]`` rests on evidence from this context
        (accepted after the same word or clitic), not only on the label accepted most often
        elsewhere."""
        found = self._locate(text, start, end)
        if found is None:
            return False
        pattern = self._patterns.get(found[0])
        return pattern is not None and pattern.context[(found[1], label)] > 0

    def give_way(self, text: str, mine: list[Suggestion], others: list[Suggestion]) -> list[Suggestion]:
        """``mine`` without the suggestions that are not :meth:`backed` where another source
        that reads the sentence has judged the same words otherwise:

        * it labels those very words with another label — a state learned as the ACTOR of
          «اتهمت باكستان» is no ACTOR in «شمال غرب باكستان», where the rules say place;
        * it suggests the same words with this label elsewhere in the text, but not here —
          the rules know the word and declined it at this spot: «الشرطة» the ACTOR of
          «أشارت الشرطة» is a building's name in «مركز الشرطة» of the same article.

        Without this, merging kept whichever scored higher, and a label learned elsewhere
        overrode a reading of the sentence. Suggestions the other sources know nothing about
        — the names only the annotators taught — stay."""
        if not others:
            return mine
        labels_at = {(s.start, s.end): s.label for s in others}
        elsewhere = {(self._key(text, s.start, s.end), s.label) for s in others}
        kept = []
        for s in mine:
            other_label = labels_at.get((s.start, s.end))
            if other_label is None:
                doubtful = (self._key(text, s.start, s.end), s.label) in elsewhere
            else:
                doubtful = other_label != s.label
            if not doubtful or self.backed(text, s.start, s.end, s.label):
                kept.append(s)
        return kept

    def _key(self, text: str, start: int, end: int) -> str | None:
        """The canonical key of ``text[start:end]`` (see :meth:`_locate`), without context.
        Memoised by the surface and whether a ل precedes it: the same names recur in every
        article, and :meth:`give_way` asks for the key of each other source's suggestion."""
        surface = text[start:end]
        after_lam = start > 0 and fold(text[start - 1]) == "ل"
        known = self._keys.get((surface, after_lam), _UNKNOWN)
        if known is not _UNKNOWN:
            return known  # type: ignore[no-any-return]
        key: str | None = None
        words = WORD_RE.findall(loose(fold(surface)))
        if words and not any(HAS_DIGIT_RE.search(w) for w in words):
            first = words[0]
            if after_lam and first.startswith("ل") and not first.startswith("ال"):
                first = lil_name(first, self._by_first)
            key = " ".join([first, *words[1:]])
            key = key if len(key) >= 2 else None
        if len(self._keys) >= _KEY_MEMO_SIZE:
            self._keys.clear()
        self._keys[(surface, after_lam)] = key
        return key

    def _locate(self, text: str, start: int, end: int) -> tuple[str, str] | None:
        """The canonical key of ``text[start:end]`` and its context word, or None when the
        span is not learnable. The key is the span's normalised words, its first word in the
        ال form when the span is the «لل» spelling («لمرصد» of «للمرصد» → «المرصد»)."""
        key = self._key(text, start, end)
        if key is None:
            return None
        left = max(0, start - CONTEXT_WINDOW)
        norm = normalize(text[left:end])
        s, _ = norm.to_normalized(start - left, end - left)
        return key, context_word(loose(norm.text), s)

    def _pattern(self, key: str) -> LearnedPattern:
        pattern = self._patterns.get(key)
        if pattern is None:
            pattern = self._patterns[key] = LearnedPattern(key)
        return pattern

    def _index(self, key: str) -> None:
        """Make the matcher look for ``key`` (on its first accept)."""
        first, *rest = key.split(" ")
        if first not in self._by_first:
            self._tails.add(first[-2:])
            if first in _SHORT_LIL_FORMS:
                self._tails.add(first[-1:])
            self._forms.clear()
            self._keys.clear()
            self._dead.clear()
        entries = self._by_first.setdefault(first, [])
        n_words = len(rest) + 1
        for length, rests in entries:
            if length == n_words:
                rests[tuple(rest)] = key
                return
        entries.append((n_words, {tuple(rest): key}))
        entries.sort(key=lambda entry: -entry[0])

    # ---------------------------------------------------------------- suggesting
    def suggest(self, text: str) -> list[Suggestion]:
        if not self._patterns or not text:
            return []
        norm = normalize(text)
        ntext = loose(norm.text)
        at = Words(ntext)
        words = at.words
        dead = self._dead
        out: list[Suggestion] = []
        resume = 0  # the word after the last match
        # Most words are known to start no pattern: one set lookup each, in C. (Lazily: a word
        # found dead below is skipped at its next occurrence, as in a plain loop.)
        for i in compress(range(len(words)), map(not_, map(dead.__contains__, words))):
            if i < resume:
                continue
            found = self._longest_at(ntext, at, words, i)
            if found is None:
                continue
            n_words, span_start, key, (label, score) = found
            start, end = norm.to_original(span_start, at.end(i + n_words - 1))
            attributes = self._patterns[key].attributes.get(label, {})
            out.append(Suggestion(start, end, label, ORIGIN, score, dict(attributes)))
            resume = i + n_words
        return out

    def _may_start(self, word: str) -> bool:
        """Whether a form of ``word`` (:func:`first_word_forms`) can be a learned first word,
        from their ends: each form is the word, a suffix ``rest`` of it, or «ا»/«ال» + a
        ``rest`` that starts with «ل». So a form ends with the word's last two letters,
        unless ``rest`` is one letter: then it is that letter (its last letter is the
        word's: the first test, or a one-letter first word's own entry), or «ال»/«الل»
        (entered by their last letter, «ل», in ``_index``)."""
        return word[-2:] in self._tails or word[-1:] in self._tails

    def _longest_at(self, ntext: str, at: Words, words: list[str], i: int
                    ) -> tuple[int, int, str, tuple[str, float]] | None:
        """The longest pattern starting at word ``i`` that has a label to suggest, as
        ``(word count, span start in normalised text, key, (label, score))``."""
        word = words[i]
        forms = self._forms.get(word)
        if forms is None:
            forms = self._forms[word] = [
                (form, k) for form, k in first_word_forms(word, self._by_first) if form in self._by_first
            ] if self._may_start(word) else []
        if not forms:
            self._dead.add(word)
            return None
        candidates: list[tuple[int, int, str]] = []
        for form, k in forms:
            for n_words, rests in self._by_first[form]:
                key = rests.get(tuple(words[i + 1 : i + n_words]))
                if key is None or (n_words > 1 and not at.joined(i, i + n_words)):
                    continue
                candidates.append((n_words, -k, key))
        if len(candidates) > 1:
            candidates.sort(reverse=True)
        for n_words, minus_k, key in candidates:
            span_start = at.start(i) - minus_k
            context = context_word(ntext, span_start)
            chosen = self._choices.get((key, context), _UNKNOWN)
            if chosen is _UNKNOWN:
                chosen = self._choices[(key, context)] = self._patterns[key].choose(context)
            if chosen is None or chosen[1] < self.min_score:
                continue
            if n_words == 1 and chosen[0] in NOUN_PHRASE_LABELS and continues_phrase(at, words, i):
                continue
            return n_words, span_start, key, chosen
        return None

    # ---------------------------------------------------------------- inspection and export
    def patterns(self) -> list[LearnedPattern]:
        """Every learned pattern, most accepted first."""
        return sorted(self._patterns.values(), key=lambda p: (-sum(p.accepted.values()), p.key))

    def __len__(self) -> int:
        return len(self._patterns)

    def export_yaml(self, path: str | Path, *, title: str = "") -> int:
        """Write the patterns that would be suggested, in the gazetteer format
        (``names:`` → one group per label → names as written), so that another project can
        start from them (``seed=``) or an editor can copy them into resources/gazetteers/.
        Returns how many names were written."""
        import yaml

        groups: dict[str, list[str]] = {}
        for pattern in self.patterns():
            choice = pattern.choose("")
            if choice is not None:
                groups.setdefault(choice[0], []).append(pattern.surface())
        header = (
            "# Patterns learned from annotations"
            + (f" ({title})" if title else "")
            + " — gazetteer format: names → one group per label.\n"
            "# Written by `annotator patterns export`; read back with the suggester's seed files.\n"
        )
        body = yaml.safe_dump({"names": {k: groups[k] for k in sorted(groups)}}, allow_unicode=True,
                              sort_keys=False, width=1000)
        from annotator.core.formats.atomic import atomic_file

        with atomic_file(path) as fh:
            fh.write(header + body)
        return sum(len(v) for v in groups.values())

    def load_yaml(self, path: str | Path) -> int:
        """Learn every name of a gazetteer-format file whose groups are label names (as
        :meth:`export_yaml` writes). Returns how many names were learned."""
        import yaml

        from annotator.core.errors import AnnotatorError
        from annotator.core.suggest.base import _flatten

        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise AnnotatorError(f"patterns file {path} cannot be read: {exc}") from exc
        groups = data.get("names") if isinstance(data, dict) else None
        if not isinstance(groups, dict):
            raise AnnotatorError(f"patterns file {path} has no 'names' mapping of labels")
        count = 0
        for label, names in groups.items():
            for name in _flatten(names):
                name = " ".join(str(name).split())
                if name and self.learn(name, 0, len(name), str(label)) is not None:
                    count += 1
        return count


def create_suggester(**kw: Any) -> PatternSuggester:
    return PatternSuggester(**kw)


_SHARED: weakref.WeakKeyDictionary[Project, dict[tuple[str | None, bool], PatternSuggester]] = \
    weakref.WeakKeyDictionary()


def project_patterns(project: Project, annotator: str | None = None, blind: bool = False) -> PatternSuggester:
    """The project's pattern suggester, kept for the session and brought up to date with
    what was annotated, accepted or rejected since the last call (only the new rows are
    read). The workbench calls this when an article opens — on the thread that owns the
    project connection — and may then run ``suggest`` anywhere."""
    per_project = _SHARED.setdefault(project, {})
    key = (annotator if blind else None, blind)
    suggester = per_project.get(key)
    if suggester is None:
        suggester = per_project[key] = PatternSuggester()
    suggester.learn_project(project, annotator=annotator, blind=blind)
    return suggester
