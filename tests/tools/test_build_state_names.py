"""tools/build_state_names.py: which CLDR and GeoNames names become state names, and that the
committed resource is what the tool derives from the pinned packages (dev extras)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "build_state_names.py"


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_state_names", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its named tuple looks its module up
    spec.loader.exec_module(module)
    return module


def test_the_committed_resource_is_what_the_tool_derives(tool: ModuleType) -> None:
    committed = (ROOT / "resources" / "gazetteers" / "states.tsv").read_text(encoding="utf-8")
    assert tool.render(tool.build()) == committed


@pytest.mark.parametrize(
    "junk",
    [
        "گرجستان",  # Persian gaf
        "پاریس",  # Persian peh
        "مىنىسكى",  # Uyghur «ى» inside a word
        "ئالجىر",  # Uyghur «ئ» opening a word
        "ااالخرطوم",  # a letter three times
        "د مشق",  # a one-letter word
        "Haiti",
    ],
)
def test_only_arabic_spellings_are_kept(tool: ModuleType, junk: str) -> None:
    assert tool.arabic_spelling(junk) is None


def test_an_arabic_name_is_kept_with_its_spaces_normalised(tool: ModuleType) -> None:
    assert tool.arabic_spelling(" بورت  أو برانس ") == "بورت أو برانس"


def test_a_parenthesised_name_and_a_dash_give_names_of_their_own(tool: ModuleType) -> None:
    assert tool.name_parts("ميانمار (بورما)") == [("ميانمار", "cldr"), ("بورما", "part")]
    assert tool.name_parts("الكونغو - كينشاسا") == [("الكونغو كينشاسا", "cldr")]
    # A qualifier of several words is a description, not a name.
    assert tool.name_parts("هونغ كونغ الصينية (منطقة إدارية خاصة)") == [("هونغ كونغ الصينية", "cldr")]


def test_a_one_word_name_is_also_listed_without_its_article(tool: ModuleType) -> None:
    assert tool.without_article("الكاميرون") == "كاميرون"
    assert tool.without_article("الجبل الأسود") is None  # «جبل الأسود» is no name
    assert tool.without_article("هايتي") is None


def test_region_codes_and_non_territories_are_skipped(tool: ModuleType) -> None:
    codes = {code for _, code, _ in tool.territory_names()}
    assert "HT" in codes and "CM" in codes
    assert not {c for c in codes if c.isdigit()}
    assert not codes & {"EU", "UN", "ZZ", "EZ"}


def test_capitals_come_from_geonames_with_their_form(tool: ModuleType) -> None:
    capitals = {(name, iso): form for name, iso, form in tool.capital_names()}
    assert capitals[("بورت أو برانس", "HT")] == "geonames"
    assert capitals[("قاهره", "EG")] == "bare"  # beside «القاهرة»
    assert not {iso for _, iso in capitals if iso == "IL"}  # Jerusalem: too many historic names


def test_a_one_word_state_is_also_named_after_republic(tool: ModuleType) -> None:
    rows = {(r.name, r.form) for r in tool.build()}
    assert ("جمهورية مالي", "republic") in rows
    assert not {name for name, form in rows if form == "republic" and name.count(" ") > 1}
