"""tools/build_place_gazetteer.py: which GeoNames alternate names become Arabic place names."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_place_gazetteer.py"


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_place_gazetteer", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


STOP = frozenset({"هذا", "في"})


def test_arabic_letters_proper_are_kept_and_folded(tool: ModuleType) -> None:
    got = tool.arabic_names(["Goma", "غوما", "گوما", "Гома", "بورت أو برانس", "بوكافو"], STOP)
    assert set(got) == {"غوما", "بورت او برانس", "بوكافو"}
    assert got["بورت او برانس"] == "بورت أو برانس"  # the original spelling, for word counts


@pytest.mark.parametrize(
    "junk",
    [
        "دیسی",  # Persian yeh
        "پمبا",  # Persian peh
        "ديسي، اتيوبيا",  # a comma
        "بيمبا (موزمبيق)",  # a parenthesised qualifier
        "بعلبك - الهرمل",  # a dash
        "هذا يكفي",  # opens with a function word
        "في",  # a function word
        "اب",  # too short
        "مدينة رقم 5",  # a digit
    ],
)
def test_other_scripts_qualifiers_and_junk_are_dropped(tool: ModuleType, junk: str) -> None:
    assert tool.arabic_names([junk], STOP) == {}


def test_a_name_stored_in_visual_order_beside_its_logical_spelling_is_dropped(tool: ModuleType) -> None:
    """Seen in the subdivisions data: «ءارهزلا» listed beside «الزهراء», the letters reversed."""
    assert set(tool.arabic_names(["الزهراء", "ءارهزلا"], STOP)) == {"الزهراء"}
    assert set(tool.arabic_names(["القلعة الخصباء", "ءابصخلا ةعلقلا"], STOP)) == {"القلعه الخصباء"}


def test_a_leading_administrative_head_is_dropped(tool: ModuleType) -> None:
    assert set(tool.arabic_names(["محافظة البصرة", "ولاية الخرطوم", "محافظة"], STOP)) == {"البصره", "الخرطوم"}


def test_spellings_give_back_hamza_and_ta_marbuta(tool: ModuleType) -> None:
    assert "إطار" in tool.spellings("اطار")
    assert "الأشهر" in tool.spellings("الاشهر")
    assert "سلسلة" in tool.spellings("سلسله")
    assert "بني وليد" in tool.spellings("بني وليد")


def test_a_trailing_persian_province_head_is_dropped(tool: ModuleType) -> None:
    assert set(tool.arabic_names(["كوهستان ولايت", "ولايت بدخشان"], STOP)) == {"كوهستان", "ولايت بدخشان"}


def test_blocked_skeletons_are_those_of_frequent_arabic_words_not_of_the_names(tool: ModuleType) -> None:
    from annotator.core.suggest.rules.place_gazetteer import skeleton

    blocked = tool.blocked_skeletons({"مدرسة", "خاركوف", "المدارس"})
    assert skeleton("خاركوف") not in blocked  # no frequent word has its skeleton
    assert skeleton("مدرسة") in blocked  # a name here, but «مدارسه» (its schools) is a word too
    assert all(" " not in key for key in blocked)


def test_common_words_are_the_frequent_arabic_words_folded(tool: ModuleType) -> None:
    words = set(tool.common_words())
    assert {"عمليه", "حادث", "ضربه"} <= words  # folded: «عملية» → «عمليه»
    assert "كاموندو" not in words and all(w.isalpha() for w in words)
