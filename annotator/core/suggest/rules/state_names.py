"""The states and territories of the world and their capitals, by their standard Arabic names.

``resources/gazetteers/states.tsv`` (built by ``tools/build_state_names.py`` from Unicode CLDR's
Arabic territory names and GeoNames' capitals) adds to the hand lists every state the hand
lists do not name («هايتي», «بوروندي») and its capital. :func:`classify` decides how the rules
read each name, the way the hand lists decide for theirs (actors.yaml ``context_names``:
ACTOR when it acts, else LOCATION; locations.yaml ``context_names``: a place after a cue):

* a name any hand list has keeps the hand list's reading (``مالي``, ``عمان``), except that a
  territory the hand lists have as a place only («اليابان») acts too (the loader's choice,
  see ``RuleLexicon._add_world_states``);
* a name made of words of the project's lexicon only («الجزيرة») is dropped;
* a state or a capital of several words is a state («جمهورية مالي», «بورت أو برانس»,
  «المملكة المتحدة»), unless it opens with a word of the lexicon (a head noun) and every
  word has the article («الجبل الأسود», «الرأس الأخضر»: a description first, a place only
  after a place cue);
* a state of one word is a state; a capital of one word too when it is rare as a word, a
  place after a cue when it is less rare, and dropped when it is common («رياض», «صوفيا»),
  unless the build tool's news list names it (form ``news``: «بكين» is frequent as the city);
* a name written without its article («كاميرون» for «الكاميرون», «قاهره») is a place after
  a cue only («(تشاد وكاميرون والنيجر)»: right after another place counts as a cue).

Read when a rule suggester is built, never at start-up.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from annotator.core.text import fold

RESOURCE = "states.tsv"
# Zipf × 10 (wordfreq): a one-word capital this frequent as a word (≥ 3.3, twice in a million
# words) is a common word or a person's name first («صوفيا», «مسقط», «العيون»): dropped; one
# this frequent (≥ 3.0) is a place after a cue only.
COMMON_WORD_ZIPF10 = 33
CUE_ZIPF10 = 30
# More words than this is a description, not a name («جزيرة أبوظبي وجزر داخلية اخرى»).
MAX_WORDS = 4


class StateRow(NamedTuple):
    name: str  # folded
    iso: str
    kind: str  # territory, capital
    form: str  # cldr, cldr-<locale>, part, bare, republic, geonames
    zipf10: int


class StateReadings(NamedTuple):
    """Folded names by reading: states (ACTOR when they act, else LOCATION) and places after a cue."""

    states: list[str]
    cued_places: list[str]


def load_rows(path: str | Path) -> list[StateRow]:
    """The rows of the derived resource at ``path``; none if it does not exist (a gazetteer
    directory of another domain has no world states)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    rows = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        name, iso, kind, form, zipf10 = line.split("\t")
        rows.append(StateRow(" ".join(fold(name).split()), iso, kind, form, int(zipf10)))
    return rows


def classify(rows: Iterable[StateRow], listed: set[str], is_common_word: Callable[[str], bool]) -> StateReadings:
    """The readings of ``rows`` not in ``listed`` (every name of the hand lists, folded);
    ``is_common_word`` tells a word of the project's lexicon (see the module docstring)."""
    states: dict[str, None] = {}
    cued: dict[str, None] = {}
    for row in rows:
        words = row.name.split()
        if row.name in listed or not words or len(words) > MAX_WORDS:
            continue
        if all(is_common_word(w) for w in words):
            continue  # «جزر», «الاتحاد»: the lexicon's words, whatever they name here
        if len(words) > 1:
            # «الجبل الأسود», «الصحراء الغربية»: a head noun and its adjectives, a description
            # first; «المملكة المتحدة» is a name.
            descriptive = is_common_word(words[0]) and all(w.startswith("ال") for w in words)
            (cued if descriptive or row.form == "bare" else states)[row.name] = None
        elif row.kind == "territory" or row.form == "news":
            # A capital of the news list is frequent for the city's sake («بكين»): a state.
            (cued if row.form == "bare" else states)[row.name] = None
        elif row.zipf10 < COMMON_WORD_ZIPF10:
            (cued if row.form == "bare" or row.zipf10 >= CUE_ZIPF10 else states)[row.name] = None
    return StateReadings(list(states), [n for n in cued if n not in states])
