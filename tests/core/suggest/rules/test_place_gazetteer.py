"""core/suggest/rules/place_gazetteer.py: the GeoNames-derived place names and their
ambiguity guard, alone and through the rule suggester (sentences written for these tests)."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.core.suggest.rules.place_gazetteer import (
    COMMON_WORD_ZIPF,
    CUE_ZIPF,
    LARGE_POPULATION,
    VARIANT_BLOCKLIST,
    GeoPlace,
    classify,
    load_places,
    load_word_list,
    skeleton,
    variant_names,
)

Found = Callable[[str], set[tuple[str, str]]]
RESOURCE = Path(__file__).resolve().parents[4] / "resources" / "gazetteers" / "places_geonames.tsv"
COMMON = frozenset({"النصر", "في", "مدينه"})


def place(name: str, population: int = 0, zipf10: int = 0, kind: str = "city") -> GeoPlace:
    return GeoPlace(name, "XX", kind, population, zipf10)


# ---- classify --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("geo", "reading"),
    [
        (place("غوما", LARGE_POPULATION, 20), "safe"),  # a large place, rare as a word
        (place("ابيا", LARGE_POPULATION - 1, 20), "cued"),  # a smaller one needs a cue
        (place("كوتا", LARGE_POPULATION, CUE_ZIPF), "cued"),  # somewhat frequent as a word
        (place("الكرامه", LARGE_POPULATION, COMMON_WORD_ZIPF), "dropped"),  # a common word
        (place("بنا", 5 * LARGE_POPULATION, 0), "cued"),  # too short to stand alone
        (place("كيفو", 0, 0, kind="admin1"), "safe"),  # a province
        (place("كيفوا", 0, 0, kind="admin2"), "cued"),  # a district
        (place("النصر"), "dropped"),  # a word of the lexicon
        (place("بورت او برانس", 0, 10), "safe"),  # several words
        (place("دار السلام", 0, CUE_ZIPF), "cued"),  # several words, a frequent phrase
        (place("في الجنوب", 0, 0), "dropped"),  # opens with a function word
        (place("النصر الجديد", 0, 0), "dropped"),  # opens with a common word
    ],
)
def test_classify_sorts_names_by_how_safe_they_are(geo: GeoPlace, reading: str) -> None:
    safe, cued = classify((geo,), COMMON.__contains__)
    got = "safe" if safe == [geo.name] else "cued" if cued == [geo.name] else "dropped"
    assert (safe, cued) in (([geo.name], []), ([], [geo.name]), ([], []))
    assert got == reading


def test_a_word_that_opens_place_names_may_open_a_gazetteer_name() -> None:
    common = COMMON | {"عين"}
    names = (place("عين الدفلي", 0, 10), place("عين", 0, 10), place("النصر الجديد", 0, 0))
    # Without the name prefixes, «عين» (a word of the lexicon) drops the name it opens.
    assert classify(names, common.__contains__) == ([], [])
    safe, cued = classify(names, common.__contains__, frozenset({"عين"}))
    # A prefix opens a name of several words only; another common first word still drops one.
    assert (safe, cued) == (["عين الدفلي"], [])


def test_load_places_reads_the_rows_and_skips_the_header(tmp_path: Path) -> None:
    path = tmp_path / "places.tsv"
    path.write_text("# GeoNames, CC BY 4.0\n# columns\nغوما\tCD\tcity\t432587\t20\n\nكيفو\tCD\tadmin1\t0\t0\n",
                    encoding="utf-8")
    assert load_places(path) == (place("غوما", 432587, 20)._replace(country="CD"),
                                 place("كيفو", 0, 0, "admin1")._replace(country="CD"))


# ---- the shipped resource ----------------------------------------------------------------
def test_the_resource_credits_geonames_and_stays_small() -> None:
    text = RESOURCE.read_text(encoding="utf-8")
    assert "GeoNames" in text.split("\n", 1)[0] and "CC BY 4.0" in text.split("\n", 1)[0]
    assert RESOURCE.stat().st_size < 2_000_000


def test_the_resource_has_arabic_letters_proper_only() -> None:
    rows = load_places(RESOURCE)
    assert len(rows) > 10_000
    names = [p.name for p in rows]
    assert all(re.fullmatch(r"[\u0621-\u064a]+(?: [\u0621-\u064a]+)*", n) for n in names)
    assert not [n for n in names if set(n) & set("یکگپچژےٹڈډګڪٽ")]
    assert "هذا يكفي" not in names  # junk of the data: opens with a function word
    assert {p.kind for p in rows} == {"city", "admin1", "admin2"}


# ---- through the rule suggester -------------------------------------------------------------
def test_a_large_place_in_no_hand_list_is_found_alone(found: Found) -> None:
    assert ("بونيا", "LOCATION") in found("وصلت التعزيزات إلى بونيا أمس.")
    assert ("بونيا", "LOCATION") in found("بونيا مدينة كبيرة.")


def test_a_smaller_place_needs_a_cue(found: Found) -> None:
    assert ("أكسوم", "LOCATION") in found("اندلعت اشتباكات في أكسوم.")
    assert not {s for s, label in found("وقال أكسوم إن الوضع هادئ.") if label == "LOCATION"}


def test_a_conjunction_comes_off_a_gazetteer_name(found: Found) -> None:
    assert {("غوما", "LOCATION"), ("بوكافو", "LOCATION")} <= found("وسيطرت الحركة على غوما وبوكافو.")


@pytest.mark.parametrize(
    "text",
    [
        "أكد حرصه على السلام والكرامة.",  # place names somewhere, common words here
        "جاء ذلك في إطار خطة أمنية.",  # a place spelt «اطار» in the data
        "شهد المخيم دمارا كبيرا في الشوارع.",  # «ك» + a place name: a word of its own
        "تعرضوا إلى وابل من النيران.",  # a place whose name reads «ل» + «ابل»
    ],
)
def test_common_words_are_no_gazetteer_places(found: Found, text: str) -> None:
    assert not {s for s, label in found(text) if label == "LOCATION"}


def test_a_listed_name_keeps_its_reading(found: Found) -> None:
    # «فرانس» is «ف» + a French city of the data; the listed outlet stays whole.
    assert ("وكالة فرانس برس", "SOURCE") in found("وذكرت وكالة فرانس برس أن القصف استمر.")


def test_phrases_with_places_adds_every_name_that_matches_to_the_matcher_hits() -> None:
    import spacy
    from spacy.matcher import PhraseMatcher

    from annotator.core.suggest.rules.place_gazetteer import PhrasesWithPlaces

    nlp = spacy.blank("ar")
    strings = nlp.vocab.strings
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    matcher.add("ACT", [nlp.make_doc("حركة زوربا")])
    loc = strings.add("LOC")
    names = [("غوما",), ("بورت", "او"), ("بورت", "او", "برانس"), ("بورت", "سعيد")]
    phrases = PhrasesWithPlaces(matcher, {loc: [tuple(strings.add(w) for w in name) for name in names]})
    doc = nlp.make_doc("قالت حركة زوربا إن غوما و بورت او برانس و بورت")
    hits = {(strings[m], s, e) for m, s, e in phrases(doc)}
    assert hits == {("ACT", 1, 3), ("LOC", 4, 5), ("LOC", 6, 8), ("LOC", 6, 9)}


# ---- spelling variants of foreign names -------------------------------------------------
def test_a_skeleton_drops_long_vowels_inside_words_and_folds_hamza_and_ta_marbuta() -> None:
    assert skeleton("خاركوف") == skeleton("خاركيف") == "خركف"
    assert skeleton("بورت او برانس") == skeleton("بورت او برنس")
    assert skeleton("ميلانة") == skeleton("ميلانه") and skeleton("ماوئي") == skeleton("ماوي")
    assert skeleton("خاركوف") != skeleton("خرطوم")


def test_variant_names_keep_only_unambiguous_foreign_names_long_enough() -> None:
    places = (
        GeoPlace("خاركوف", "UA", "city", 1_400_000, 28),
        GeoPlace("بلدينا", "UA", "city", 3_000, 0),
        GeoPlace("كراتيفو", "XX", "city", 900, 0),  # shares «كرتف» with the next one
        GeoPlace("كروتيف", "XX", "city", 900, 0),
        GeoPlace("سيوان", "XX", "city", 900, 0),  # a skeleton of three letters
        GeoPlace("الزبيدية", "IQ", "city", 900, 0),  # an Arabic name, spelt one way
        GeoPlace("نوفيغراد", "XX", "city", 900, 0),  # blocked: an Arabic word has its skeleton
        GeoPlace("بورت او برانس", "HT", "city", 1_234_742, 24),
    )
    groups = {p.name: "LOC" for p in places} | {"بلدينا": "LOC_CTX"}
    got = variant_names(places, groups, frozenset({skeleton("نوفيغراد")}))
    assert got == {
        "خركف": ("خاركوف", "LOC"),  # a large place: alone
        "بلدن": ("بلدينا", "LOC_CTX"),  # a small one: after a cue
        skeleton("بورت او برانس"): ("بورت او برانس", "LOC"),
    }
    # A name the rules do not read (a common word, a listed actor) has no variants either.
    assert variant_names(places[:1], {}, frozenset()) == {}


def test_the_blocklist_has_the_skeletons_of_arabic_words() -> None:
    blocked = load_word_list(RESOURCE.with_name(VARIANT_BLOCKLIST))
    assert skeleton("مدرسة") in blocked and skeleton("الشمالية") in blocked  # a place name somewhere, too
    assert "خركف" not in blocked
    assert load_word_list(RESOURCE.with_name("missing.txt")) == frozenset()


def test_a_transliteration_variant_of_a_gazetteer_name_is_found(found: Found) -> None:
    assert ("خاركيف", "LOCATION") in found("وقال رئيس البلدية إن خاركيف تعرضت لهجوم بالمسيرات ليلا.")
    assert ("زابوريجيا", "LOCATION") in found("سقطت صواريخ على زابوريجيا فجر اليوم.")
    # The exact spelling is matched as before, and a word of the lexicon is never a variant.
    assert ("خاركوف", "LOCATION") in found("وصل الوفد إلى خاركوف صباحا.")
    assert not {s for s in found("وقال المتحدث إن الكتائب تقدمت نحو المدينة.") if s[1] == "LOCATION"}


def test_the_derived_resources_come_from_the_suggesters_gazetteer_directory(tmp_path: Path) -> None:
    import shutil

    from annotator.core.suggest.base import gazetteer_dir
    from annotator.core.suggest.rules import RuleSuggester

    for yaml_file in gazetteer_dir().glob("*.yaml"):
        shutil.copy(yaml_file, tmp_path / yaml_file.name)
    text = "وقعت اشتباكات عنيفة في بوكافو أمس."

    def places() -> set[str]:
        return {text[s.start : s.end] for s in RuleSuggester(gazetteer_dir=tmp_path).suggest(text) if s.label == "LOCATION"}

    # Without the GeoNames names and the word lists, the directory has none of them.
    assert "بوكافو" not in places()
    for name in (RESOURCE.name, VARIANT_BLOCKLIST, "arabic_common_words.txt"):
        shutil.copy(gazetteer_dir() / name, tmp_path / name)
    assert "بوكافو" in places()
