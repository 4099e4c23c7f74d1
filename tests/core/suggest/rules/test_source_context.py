"""core/suggest/rules/source_context.py: sources found by their context — bodies someone
speaks for, media and unnamed sources coordinated with a source, outlets known by the shape
of their name."""
from __future__ import annotations

from collections.abc import Callable

import pytest

Labelled = Callable[[str], list[tuple[str, str]]]


# Round 7 (issue #11): a body in no list that someone speaks for, in an attribution.
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وقال المتحدث باسم هيئة شؤون اللاجئين إن المخيم تعرض للقصف.", "هيئة شؤون اللاجئين"),
        ("أفاد مسؤولون من وكالة إدارة الطوارئ بأن الفيضانات شردت الآلاف.", "وكالة إدارة الطوارئ"),
        ("وأضاف مصدر في منظمة الإغاثة الدولية أن القافلة وصلت.", "منظمة الإغاثة الدولية"),
    ],
)
def test_a_body_someone_speaks_for(labelled: Labelled, text: str, source: str) -> None:
    assert (source, "SOURCE") in labelled(text)


@pytest.mark.parametrize(
    "text",
    [
        "وزار منسق هيئة الإغاثة المدينة أمس.",  # no attribution: a visit, not a statement
        "وقال مدير مكتب الرئيس إن الاجتماع انتهى.",  # a state's office is no source
    ],
)
def test_a_body_without_a_statement_or_an_office_is_no_source(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "SOURCE"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وقتل ثلاثة وفق الدفاع المدني والإعلام الرسمي اللبناني، في الغارة.", "الإعلام الرسمي اللبناني"),
        ("وبحسب المرصد ومصادر محلية فإن القصف استمر.", "مصادر محلية"),
        ("وبحسب المرصد ومصادر من الجيش فإن القصف استمر.", "مصادر"),
    ],
)
def test_media_and_unnamed_sources_coordinated_with_a_source(labelled: Labelled, text: str, source: str) -> None:
    assert (source, "SOURCE") in labelled(text)


def test_a_construct_of_things_coordinated_with_a_source_is_no_source(labelled: Labelled) -> None:
    got = labelled("وتحدث المرصد ومصادر المياه في المنطقة عن الجفاف.")
    assert not [s for s, label in got if label == "SOURCE" and s.startswith("مصادر")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وقتل الآلاف حسبما قالت جماعة (ديب ساوث ووتش) التي تراقب العنف.", "ديب ساوث ووتش"),
        ("ونشرت شام برس تقريرا عن القصف.", "شام برس"),
        ("وفق ما نقلت كيفو سيكيوريتي تراكر عن السكان.", "كيفو سيكيوريتي تراكر"),
    ],
)
def test_an_outlet_known_by_the_shape_of_its_name_in_an_attribution(labelled: Labelled, text: str, source: str) -> None:
    assert (source, "SOURCE") in labelled(text)


def test_a_post_on_a_platform_is_no_outlet(labelled: Labelled) -> None:
    assert not [s for s, label in labelled("وكتب القائد بوست على فيسبوك قال فيه إن المعركة انتهت.") if label == "SOURCE"]


@pytest.mark.parametrize(
    ("text", "mission"),
    [
        ("وحسب رئيس بعثة الأمم المتحدة لحفظ السلام في البلاد فإن الهدوء عاد.", "بعثة الأمم المتحدة لحفظ السلام"),
        ("وقتل جنديان من قوات حفظ السلام التابعة لبعثة الأمم المتحدة في البلاد.", "بعثة الأمم المتحدة"),
    ],
)
def test_a_peacekeeping_mission_is_an_actor(labelled: Labelled, text: str, mission: str) -> None:
    assert (mission, "ACTOR") in labelled(text)


def test_a_political_mission_reporting_stays_a_source(labelled: Labelled) -> None:
    got = labelled("ودعت بعثة الأمم المتحدة للدعم في ليبيا جميع الأطراف إلى التهدئة.")
    assert ("بعثة الأمم المتحدة للدعم في ليبيا", "SOURCE") in got


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        ("وقال الوزير في مقابلة مع محطة تلفزيونية محلية إن الوضع هادئ.", "محطة تلفزيونية محلية"),
        ("وقال القائد لقناة فضائية ليبية إن قواته تقدمت.", "قناة فضائية ليبية"),
        ("وأفادت إذاعة محلية بأن المسلحين انسحبوا.", "إذاعة محلية"),
    ],
)
def test_a_medium_named_by_its_kind_spoken_to_or_reporting(labelled: Labelled, text: str, medium: str) -> None:
    assert (medium, "SOURCE") in labelled(text)


def test_a_station_struck_is_no_source(labelled: Labelled) -> None:
    assert not [s for s, label in labelled("وقصف الطيران محطة تلفزيونية ومحطة كهربائية في المدينة.") if label == "SOURCE"]


def test_the_media_of_a_named_party_are_one_source(labelled: Labelled) -> None:
    got = labelled("وقالت وسائل إعلام الحوثيين إن الغارات استهدفت الميناء.")
    assert ("وسائل إعلام الحوثيين", "SOURCE") in got
    assert not [s for s, label in got if label == "ACTOR"]
