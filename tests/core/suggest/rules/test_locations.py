"""core/suggest/rules/locations.py: the LOCATION rules, through the rule suggester."""
from __future__ import annotations

from collections.abc import Callable

import pytest

Found = Callable[[str], set[tuple[str, str]]]
Labelled = Callable[[str], list[tuple[str, str]]]


def test_heads_before_names_and_directions_after(found: Found) -> None:
    text = "وقصفت الطائرات مدينة حمص وريف حلب الشمالي وولاية شمال دارفور."
    assert {("مدينة حمص", "LOCATION"), ("ريف حلب الشمالي", "LOCATION"),
            ("ولاية شمال دارفور", "LOCATION")} <= found(text)


def test_a_facility_adjective_after_an_airport(found: Found) -> None:
    assert ("مطار دمشق الدولي", "LOCATION") in found("وقصفت إسرائيل مطار دمشق الدولي فجر اليوم.")


def test_a_place_in_no_list_after_a_head(found: Found) -> None:
    assert ("بلدة الباغوز", "LOCATION") in found("وسيطرت القوات على بلدة الباغوز.")


def test_the_clitic_stays_outside(found: Found) -> None:
    assert ("ريف حمص", "LOCATION") in found("وقصفت المدفعية بريف حمص.")


# --------------------------------------------------------------------------------------
# Constructions of published news (issue #11, part 1); written for these tests.
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وامتدت المعارك إلى جنوب كردفان.", "جنوب كردفان"),
        ("وقصفت المسيرات مواقع في غرب دارفور.", "غرب دارفور"),
        ("واندلعت اشتباكات في ولاية شمال دارفور.", "ولاية شمال دارفور"),
    ],
)
def test_states_named_by_a_compass_word(labelled: Labelled, text: str, place: str) -> None:
    assert (place, "LOCATION") in labelled(text)


def test_a_direction_before_a_country_stays_outside(labelled: Labelled) -> None:
    got = labelled("وتقدمت القوات في شمال شرق سوريا.")
    assert ("سوريا", "LOCATION") in got
    assert not any("شمال" in s for s, _ in got)


def test_generic_anaphora_after_a_plural_head_is_no_place(labelled: Labelled) -> None:
    got = labelled("وسقطت قذائف على أحياء المدينة وقرى المنطقة.")
    assert not [s for s, label in got if label == "LOCATION"]
    # A name after the same head is still a place.
    assert ("الهوشرية", "LOCATION") in labelled("وسقطت قذائف على قرى الهوشرية.")


def test_a_compass_state_after_a_verb_is_a_direction(labelled: Labelled) -> None:
    got = labelled("وفرّ المدنيون شمال دارفور هرباً من القصف.")
    assert ("دارفور", "LOCATION") in got
    assert ("شمال دارفور", "LOCATION") in labelled("وتعد الفاشر عاصمة شمال دارفور.")


def test_old_and_new_belong_to_a_place_named_with_a_head(labelled: Labelled) -> None:
    assert ("منطقة السلمة القديمة", "LOCATION") in labelled("وسقطت قذائف في منطقة السلمة القديمة.")
    assert ("مدينة حلب القديمة", "LOCATION") in labelled("وتجول الزوار في مدينة حلب القديمة.")
    # Without a head the adjective stays outside, and anaphora stays unannotated.
    assert ("حلب", "LOCATION") in labelled("وقصفت الطائرات حلب القديمة.")
    assert not labelled("وعاد السكان إلى البلدة القديمة.")


def test_names_listed_with_commas_after_a_plural_head(labelled: Labelled) -> None:
    got = labelled("وقصفت المدفعية قرى الهوشرية، الصيادة، والمشرفة في ريف حماة.")
    assert [s for s, label in got if label == "LOCATION"] == ["الهوشرية", "الصيادة", "المشرفة", "ريف حماة"]
    # A list needs its closing «و»: after a comma the clause may go on.
    got = labelled("وقصفت قرى الهوشرية، الصيادة، المدنيين.")
    assert [s for s, label in got if label == "LOCATION"] == ["الهوشرية"]
    got = labelled("وقصفت المدفعية قرى الهوشرية، ما أدى إلى أضرار.")
    assert [s for s, label in got if label == "LOCATION"] == ["الهوشرية"]


def test_an_ambiguous_head_cued_by_a_verb_before_its_subject(labelled: Labelled) -> None:
    assert ("معسكر الحامية", "LOCATION") in labelled("وهاجمت الفصائل معسكر الحامية.")
    # «الحكومة» speaking is an ACTOR (guidelines §6, round 6); «ولاية الرئيس» is no place.
    assert labelled("وقالت الحكومة إن ولاية الرئيس انتهت.") == [("الحكومة", "ACTOR")]
    assert not labelled("وشهدت الولاية منطقة الاشتباكات.")


# --------------------------------------------------------------------------------------
# Head nouns with names in no list, and where the name ends (issue #11, part 1); invented
# sentences.
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place", "not_place"),
    [
        # A descriptive adjective after the name stays outside; a direction or size word is
        # part of the name.
        ("وانتشرت القوات في مدينة زمرود الساحلية بعد الظهر.", "مدينة زمرود", "مدينة زمرود الساحلية"),
        ("وسقطت قذائف على قاعدة كرنال السابقة.", "قاعدة كرنال", "قاعدة كرنال السابقة"),
        ("واستهدف القصف حي المنارة الثانية ليلاً.", "حي المنارة الثانية", "حي المنارة"),
        ("وقتل رجل في منطقة طاحون الكبيرة أمس.", "منطقة طاحون الكبيرة", "منطقة طاحون"),
        ("واندلعت معارك في إقليم جوبا السفلى أمس.", "إقليم جوبا السفلى", "إقليم جوبا"),
        # A verb after the name ends it.
        ("وأغارت الطائرات على بلدة زنبور أدت إلى دمار واسع.", "بلدة زنبور", "بلدة زنبور أدت"),
        ("وذكر الشهود أن سقوط قذيفة على مدينة كسلا أوقع عشرة جرحى.", "مدينة كسلا", "مدينة كسلا أوقع"),
        # A known place after an unknown name is a place of its own.
        ("وسقطت قذائف على مديرية حلزون صنعاء فجراً.", "مديرية حلزون", "مديرية حلزون صنعاء"),
        # A name with a glued preposition takes no head before it.
        ("ووقع الانفجار في قرية بمحافظة نينوى ظهر أمس.", "محافظة نينوى", "قرية بمحافظة نينوى"),
    ],
)
def test_where_a_place_after_a_head_ends(labelled: Labelled, text: str, place: str, not_place: str) -> None:
    got = labelled(text)
    assert (place, "LOCATION") in got
    assert (not_place, "LOCATION") not in got


def test_a_verb_with_a_pronoun_after_a_head_is_no_place(labelled: Labelled) -> None:
    got = labelled("ولجأ السكان إلى منطقة تنتشر فيها القوات.")
    assert not [s for s, label in got if label == "LOCATION"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وقتل جنديان في ثكنة زهران قرب الحدود.", "ثكنة زهران"),
        ("واندلع حريق في مصفاة الرمانة النفطية.", "مصفاة الرمانة النفطية"),
        ("وتقدمت القوات في قاطع السويرة.", "قاطع السويرة"),
        ("وتحصّن القناص في «تبة العرائس» طوال الليل.", "تبة العرائس"),
        ("وسقط صاروخ في “منطقة زيتونة” قرب الحدود.", "منطقة زيتونة"),
        ("وقتل شرطي في ناحية الهندية جنوبي المدينة.", "ناحية الهندية"),
    ],
)
def test_more_heads_and_quoted_names_that_open_with_a_head(labelled: Labelled, text: str, place: str) -> None:
    assert (place, "LOCATION") in labelled(text)


def test_fronts_are_named_after_their_head(labelled: Labelled) -> None:
    got = labelled("ودارت معارك في محوري كرمان والسواد، وبجبهة «العقيق» شمالاً.")
    assert {("كرمان", "LOCATION"), ("السواد", "LOCATION"), ("العقيق", "LOCATION")} <= set(got)
    assert not any(s.startswith(("محور", "جبه")) for s, _ in got)
    # Unquoted, a front head with a name in no list names a body, not a place.
    got = labelled("وقاتل عناصر جبهة التحرير الوطنية في الجبال.")
    assert not [s for s, label in got if label == "LOCATION" and "التحرير" in s]


def test_listed_places_after_a_plural_head(labelled: Labelled) -> None:
    got = labelled("وقصفت الطائرات بلدات كفر كلا ودير ميماس ووادي شبعا.")
    assert {("كفر كلا", "LOCATION"), ("دير ميماس", "LOCATION")} <= set(got)
    # A glued «و» before a name in no list stays outside.
    got = labelled("وسيطرت الفصائل على قرى زعفرانة وطويلعة بريف حماة.")
    assert ("طويلعة", "LOCATION") in got and ("وطويلعة", "LOCATION") not in got
    # A head with a pronoun refers back; an indefinite nisba is an adjective of the plural.
    got = labelled("وامتدت المواجهات إلى قرى لبنانية حدودية وإلى محافظات حماة وريفها.")
    assert ("حماة", "LOCATION") in got
    assert not [s for s, label in got if label == "LOCATION" and s in ("وريفها", "ريفها", "لبنانية")]


@pytest.mark.parametrize(
    "text",
    [
        "وشنت المقاتلات هجوما جويا على الجبل.",  # «جويا» is also a village
        "وأرسلت الحكومة وفدا سوريا إلى المفاوضات.",
        "وانتشرت قوات سورية على الحدود.",
    ],
)
def test_a_name_that_agrees_with_the_noun_before_is_an_adjective(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "LOCATION"]


def test_a_name_after_a_place_cue_is_a_place_even_in_nisba_form(labelled: Labelled) -> None:
    assert ("سوريا", "LOCATION") in labelled("وعاد اللاجئون إلى سوريا أمس.")
    assert ("مالي", "LOCATION") in labelled("وقتل عشرة جنود في مالي أمس.")
    assert not [s for s, label in labelled("وقدمت الحكومة دعما ماليا ودعم مالي للمزارعين.") if label == "LOCATION"]


def test_towns_of_the_conflicts_covered_and_common_words_that_are_also_towns(labelled: Labelled) -> None:
    got = labelled("وقتل جنديان في بلدوين، وهاجم مسلحون قاعدة قرب ميناكا.")
    assert {("بلدوين", "LOCATION"), ("ميناكا", "LOCATION")} <= set(got)
    # «معين» is a town and the adjective «certain»; «شعوب» a district and «peoples».
    assert ("معين", "LOCATION") in labelled("وسقطت قذيفة في معين شمال العاصمة.")
    got = labelled("وقتل جنديان في معركة مع المسلحين في وقت معين، وتضامنت شعوب المنطقة.")
    assert not [s for s, label in got if label == "LOCATION"]


def test_a_verb_with_a_dual_or_plural_subject_cues_an_ambiguous_head(labelled: Labelled) -> None:
    assert ("منطقة الرحبة", "LOCATION") in labelled("وقال إن غارتين استهدفتا منطقة الرحبة فجراً.")
    assert ("ناحية الزهور", "LOCATION") in labelled("وقال إن المسلحين اقتحموا ناحية الزهور ليلاً.")
    assert not [s for s, label in labelled("وقال إن الطرفين وقعا منطقة التفاهم أمس.") if label == "LOCATION"]


def test_what_a_station_serves_is_no_name(labelled: Labelled) -> None:
    got = labelled("وزار الوفد محطة كهرباء ومحطة مياه ومصفاة نفط في المدينة.")
    assert not [s for s, label in got if label == "LOCATION"]
    assert ("محطة الزارة", "LOCATION") in labelled("وتوقفت محطة الزارة عن العمل.")
    # After another head the same word may open a name.
    assert ("منطقة نفط خانة", "LOCATION") in labelled("وتقع الحقول في منطقة نفط خانة شرق البلاد.")


# --------------------------------------------------------------------------------------
# Round 2 (issue #11): the wider region, and names inside buildings and roads.
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وانفجرت عبوة في كابول صباح اليوم.", "كابول"),
        ("وفر آلاف اللاجئين إلى بنغلاديش.", "بنغلاديش"),
        ("وهاجم مسلحون قرية قرب مايدوغوري.", "مايدوغوري"),
        ("وقتل جنود في شمال بوركينافاسو.", "بوركينافاسو"),
        ("ودارت معارك في مديرية صرواح.", "مديرية صرواح"),
    ],
)
def test_places_of_the_wider_region(labelled: Labelled, text: str, place: str) -> None:
    assert (place, "LOCATION") in labelled(text)


def test_a_place_inside_a_prayer_hall_or_road_name_is_no_span(labelled: Labelled) -> None:
    got = labelled("ووقع التفجير قرب مصلى كابول على طريق جلال آباد.")
    assert not [s for s, label in got if label == "LOCATION"]
    # The same names outside a building or road are places.
    got = labelled("ووقع التفجير في كابول ثم في جلال آباد.")
    assert {("كابول", "LOCATION"), ("جلال آباد", "LOCATION")} <= set(got)


def test_a_place_that_is_also_a_common_word_needs_a_cue(labelled: Labelled) -> None:
    assert ("الضفة", "LOCATION") in labelled("واقتحمت القوات مخيما شمالي الضفة.")
    assert not [s for s, label in labelled("وكانت الضفة مزدحمة بالقوارب.") if label == "LOCATION"]
    assert not [s for s, label in labelled("واشترى كابل كهرباء جديدا.") if label == "LOCATION"]


def test_what_a_border_is_shared_with_is_a_place(labelled: Labelled) -> None:
    assert ("مالي", "LOCATION") in labelled("ووقع الهجوم قرب الحدود مع مالي فجرا.")
    # «مع» alone is no place cue, and «مالي» is also «financial».
    assert not [s for s, label in labelled("وتعاونت الحكومة مع مالي في الملف.") if label == "LOCATION"]
    assert not [s for s, label in labelled("وقدمت الدولة دعما ماليا مع دعم مالي آخر.") if label == "LOCATION"]


def test_the_ends_of_a_road_between_two_places_are_places(labelled: Labelled) -> None:
    got = labelled("ونصب المسلحون كمينا على طريق حمص–تدمر مساء.")
    assert {("حمص", "LOCATION"), ("تدمر", "LOCATION")} <= set(got)
    assert not [s for s, label in labelled("وسلك الرتل طريق حمص للوصول.") if label == "LOCATION"]


def test_an_administrative_unit_after_a_cue_and_a_suburb_with_its_direction(labelled: Labelled) -> None:
    got = labelled("وطرد المسلحون السكان في إدارية أم سيالة وإدارية أم قرفة عقب الهجوم.")
    assert {("إدارية أم سيالة", "LOCATION"), ("إدارية أم قرفة", "LOCATION")} <= set(got)
    assert not [s for s, label in labelled("وأقرت الحكومة وحدة إدارية جديدة.") if label == "LOCATION"]
    # «عقب» (after) is no place name after a head.
    assert not [s for s, label in labelled("وتضم 66 قرية عقب التقسيم الجديد.") if label == "LOCATION"]
    assert ("ضاحية بيروت الجنوبية", "LOCATION") in labelled("وقصف الطيران ضاحية بيروت الجنوبية ليلا.")


def test_a_quoted_list_after_a_dual_head(labelled: Labelled) -> None:
    got = labelled("وشنت الطائرات غارات على قريتي “الصفصافة، والرميلة” شرق المحافظة.")
    assert {("الصفصافة", "LOCATION"), ("الرميلة", "LOCATION")} <= set(got)
    # Generic anaphora in quotes names no place; an unquoted list still ends before «وقال».
    assert not [s for s, label in labelled("وقصفت قرى “المدينة” أمس.") if label == "LOCATION"]
    assert ("قال", "LOCATION") not in labelled("وقصفت قرى الهوشرية، وقال الأهالي إن القصف عنيف.")


# --------------------------------------------------------------------------------------
# Heads and compass words of places far from the lists (issue #11, round 3); written for
# these tests, with names in no list.
# --------------------------------------------------------------------------------------
def test_a_province_head_before_a_name_in_no_list(labelled: Labelled) -> None:
    assert ("مقاطعة زوربا", "LOCATION") in labelled("قتل ثلاثة في مقاطعة زوربا أمس.")


@pytest.mark.parametrize(
    "text",
    [
        "دعت المعارضة إلى مقاطعة الانتخابات.",  # a boycott, after a place cue too
        "وأعلنت الشركات مقاطعة البضائع.",
    ],
)
def test_a_boycott_is_no_province(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "LOCATION"]


def test_a_compass_word_after_an_administrative_head_stays_in_the_name(labelled: Labelled) -> None:
    assert ("إقليم شمال كاتاكا", "LOCATION") in labelled("وقعت اشتباكات في إقليم شمال كاتاكا أمس.")
    assert ("مقاطعة جنوب زوربا", "LOCATION") in labelled("قتل ثلاثة في مقاطعة جنوب زوربا أمس.")


def test_a_compass_word_without_a_name_or_after_another_head_is_no_name(labelled: Labelled) -> None:
    assert not [s for s, label in labelled("وقعت اشتباكات في إقليم شمال.") if label == "LOCATION"]
    got = labelled("قصفت الطائرات قرية شمال حلب.")
    assert ("حلب", "LOCATION") in got
    assert not any("قرية" in s for s, _ in got)


def test_a_cue_verb_with_a_glued_conjunction_cues_an_ambiguous_head(labelled: Labelled) -> None:
    assert ("ولاية زورا", "LOCATION") in labelled("وشهدت ولاية زورا اشتباكات عنيفة.")
    assert not [s for s, label in labelled("وانتهت ولاية المجلس أمس.") if label == "LOCATION"]


def test_a_name_in_no_list_may_open_with_lam(labelled: Labelled) -> None:
    assert ("منطقة لوكاندا", "LOCATION") in labelled("وقعت اشتباكات في منطقة لوكاندا أمس.")
    for text in ("أقيم مخيم لحماية المدنيين.", "أقيم مخيم للنازحين قرب الحدود."):
        assert not [s for s, label in labelled(text) if label == "LOCATION" and "مخيم" in s]


def test_a_quoted_name_after_a_building_is_the_building(labelled: Labelled) -> None:
    assert not [s for s, label in labelled('قتل 148 شخصا في جامعة "بونيا" أمس.') if label == "LOCATION"]


def test_a_zone_head_keeps_a_compass_word_before_a_name_in_no_list_only(labelled: Labelled) -> None:
    assert ("منطقة شمال زوربا", "LOCATION") in labelled("وقع الكمين بمنطقة شمال زوربا أمس.")
    got = labelled("تقدمت القوات في منطقة شمال سوريا.")
    assert ("سوريا", "LOCATION") in got
    assert not any("شمال" in s for s, _ in got)


def test_a_plural_verb_ends_a_list_of_places(labelled: Labelled) -> None:
    got = labelled("سيطروا على منطقتي كاتاكا وزوربا وقتلوا مدنيين.")
    assert {("كاتاكا", "LOCATION"), ("زوربا", "LOCATION")} <= set(got)
    assert not any("قتلوا" in s for s, _ in got)


def test_a_place_cue_noun_is_no_second_word_of_a_name(labelled: Labelled) -> None:
    got = labelled("وصل إلى مدينة زوربا مركز مقاطعة كاتاكا.")
    assert ("مدينة زوربا", "LOCATION") in got


def test_transliterated_words_continue_a_foreign_name_after_a_head(labelled: Labelled) -> None:
    got = labelled("وقعت الغارة على منطقة باتاني ماو ديرا، وأدت إلى دمار كبير.")
    assert ("منطقة باتاني ماو ديرا", "LOCATION") in got
    got = labelled("نشرت الشرطة تعزيزات في بلدة كارامي دوغا بعد الهجوم.")
    assert ("بلدة كارامي دوغا", "LOCATION") in got
    # An Arabic word, a verb or a word with a glued conjunction ends the name.
    got = labelled("نفذ الجيش ضربة في قرية ماكوندي تسببت في دمار المنازل.")
    assert ("قرية ماكوندي", "LOCATION") in got
    got = labelled("هاجم المسلحون قرية ماكوندي وفجروها بالكامل.")
    assert ("قرية ماكوندي", "LOCATION") in got
    got = labelled("اقتحم المسلحون قرية ماكوندي وأعدموا عشرة رجال.")
    assert ("قرية ماكوندي", "LOCATION") in got


def test_an_ambiguous_state_that_opens_a_clause_before_a_verb_a_place_undergoes(labelled: Labelled) -> None:
    assert ("مالي", "LOCATION") in labelled("وأشار التقرير إلى أن مالي تشهد منذ سنوات هجمات متكررة.")
    # An adjective after a noun is no topic.
    assert not [s for s, label in labelled("قدمت الحكومة دعم مالي يشهد له الجميع.") if label == "LOCATION"]


def test_a_region_named_by_a_compound_direction(labelled: Labelled) -> None:
    got = labelled("اندلعت مواجهات في المنطقة الجنوبية الشرقية من البلاد.")
    assert ("المنطقة الجنوبية الشرقية", "LOCATION") in got
    # One direction describes where, it names no region.
    assert not [s for s, label in labelled("انتشر الجنود في المنطقة الشمالية أمس.") if label == "LOCATION"]


def test_localities_and_outskirts_named_by_their_head(labelled: Labelled) -> None:
    assert ("محلة الشيخ حسن", "LOCATION") in labelled("سقطت قذيفة في محلة الشيخ حسن مساء أمس.")
    assert ("جرود عرسال", "LOCATION") in labelled("استهدفت الغارة جرود عرسال فجر اليوم.")
    # Uncued, the heads are words of their own («محلة» a locality in a sentence about nothing).
    assert not [s for s, label in labelled("كانت محلة الصيد مغلقة طوال اليوم.") if label == "LOCATION"]


def test_a_frequent_word_closes_no_name_in_no_list(labelled: Labelled) -> None:
    # After a rare name or a gazetteer name, a frequent Arabic word is the sentence going on.
    assert ("ولاية كاتوزا", "LOCATION") in labelled("وشهدت ولاية كاتوزا موجة من الهجمات المسلحة.")
    assert ("منطقة دونيتسك", "LOCATION") in labelled("وشهدت منطقة دونيتسك واحدا من أعنف المعارك.")
    assert ("منطقة كاتوزا", "LOCATION") in labelled("وقع الهجوم في منطقة كاتوزا أقصى شمال البلاد.")
    assert ("منطقة باتاني داغو", "LOCATION") in labelled("انتشرت القوات في منطقة باتاني داغو بالبلدة المجاورة.")
    # Rare second words still continue the name; two frequent words may be one name.
    assert ("منطقة باتاني داغو", "LOCATION") in labelled("انتشرت القوات في منطقة باتاني داغو، ثم انسحبت.")
    assert ("منطقة نفط خانة", "LOCATION") in labelled("اندلعت اشتباكات في منطقة نفط خانة شمال شرقي المحافظة.")


def test_a_road_named_after_a_place_or_a_facility_is_no_place(labelled: Labelled) -> None:
    # Guidelines §6: roads are no places, nor a place named inside a road's name.
    for text in (
        "استهدفت مسيرة سيارة على طريق مطار دمشق الدولي صباح اليوم.",
        "انفجرت سيارة مفخخة في شارع مكة المكرمة وسط المدينة.",
        "تجمع المحتجون في شارع الكاتوزي أمس.",
    ):
        assert not [s for s, label in labelled(text) if label == "LOCATION"], text
    # An administrative unit a road runs through, and the two ends of a road, are places.
    assert ("قضاء الدبس", "LOCATION") in labelled("انفجرت عبوة على طريق قضاء الدبس أمس.")
    got = labelled("وقع الكمين على طريق درعا–دمشق مساء الخميس.")
    assert ("درعا", "LOCATION") in got and ("دمشق", "LOCATION") in got


def test_a_place_inside_a_buildings_name_is_no_place(labelled: Labelled) -> None:
    # With a head after the building («مشفى مدينة X») or a glued conjunction on it.
    got = labelled("نقل الجرحى إلى مشفى مدينة الكاتوزية للعلاج.")
    assert not [s for s, label in got if label == "LOCATION"]
    got = labelled('استقبل مستشفى "الرحمة" ومستشفى "جلولاء" جثتين.')
    assert not [s for s, label in got if label == "LOCATION"]
    # A building in a place, the place after a preposition, is a place.
    assert ("حي الدرجة", "LOCATION") in labelled("استهدفت مسيرة مسجدا بحي الدرجة أمس.")


def test_a_closing_quote_after_a_head_opens_no_quoted_place(labelled: Labelled) -> None:
    got = labelled('قال مدير مستشفى "قرة تبة" ومدير مستشفى "جلولاء" إنهما استقبلا جرحى.')
    assert not [s for s, label in got if label == "LOCATION" and "مدير" in s]
    # An opening quote after a head is the quoted place, after a quoted name too.
    got = labelled('هاجم تنظيم "داعش" قرية "أبو الكاتوز" شرقي المدينة.')
    assert ("أبو الكاتوز", "LOCATION") in got


def test_the_place_a_governor_or_a_mayor_governs(labelled: Labelled) -> None:
    # A gazetteer name that needs a cue is a place after who governs it.
    assert ("خيرسون", "LOCATION") in labelled("وقال حاكم خيرسون إن القصف استمر طوال الليل.")
    assert not [s for s, label in labelled("وقال خيرسون إن القصف استمر.") if label == "LOCATION"]
    # «رئيس بلدية X» is the mayor of X: the municipality stays outside.
    got = labelled("وقال رئيس بلدية خاركيف إن الصواريخ أصابت مبنى سكنيا.")
    assert ("خاركيف", "LOCATION") in got and ("بلدية خاركيف", "LOCATION") not in got
    # Without a mayor before it, the municipality is the head of the place.
    assert ("بلدية خاركيف", "LOCATION") in labelled("وأعلنت بلدية خاركيف حالة الطوارئ.")


def test_a_front_named_after_a_place_in_no_list(labelled: Labelled) -> None:
    # Guidelines §6: «محور X» → «X», also where X is in no list and unquoted.
    got = labelled("تصدت القوات لهجوم عنيف على محور الكاتوزية شمالي المدينة.")
    assert ("الكاتوزية", "LOCATION") in got and not any("محور" in s for s, _ in got)
    assert ("باريمو", "LOCATION") in labelled("اندلعت معارك في محور باريمو أمس.")
    # A conflict noun, an anaphora or a verb after «محور» names no front; nor does «جبهة».
    for text in ("تصاعد التوتر على محور الصراع في المنطقة.", "انسحبت القوات من محور المحافظة.",
                 "أعلنت جبهة الكاتوزية الانسحاب."):
        assert not [s for s, label in labelled(text) if label == "LOCATION"], text


def test_named_places_of_the_lists_of_round_five(labelled: Labelled) -> None:
    assert ("مثلث الموت", "LOCATION") in labelled("تنشط خلايا التنظيم في “مثلث الموت” شمالي بغداد.")
    # «المخيم الجديد» is the camp after a place cue; elsewhere a new camp of any text.
    assert ("المخيم الجديد", "LOCATION") in labelled("قتل ثلاثة في قصف وسط المخيم الجديد غرب النصيرات.")
    assert not [s for s, label in labelled("وقالت إن المخيم الجديد سيستوعب مئات العائلات.") if label == "LOCATION"]


def test_regions_of_the_worlds_conflicts_in_no_gazetteer(labelled: Labelled) -> None:
    assert ("شمال كيفو", "LOCATION") in labelled("تسيطر الحركة على مناطق واسعة في شمال كيفو.")
    assert ("إقليم كابو ديلجادو", "LOCATION") in labelled("قتل عشرة في إقليم كابو ديلجادو أمس.")
    # Names that are also words are places after a cue only.
    assert ("دوري", "LOCATION") in labelled("وقع الكمين قرب دوري شمالي البلاد.")
    assert not [s for s, label in labelled("انطلقت مباريات دوري الأبطال أمس.") if label == "LOCATION"]


def test_a_part_of_a_continent_keeps_its_adjective(labelled: Labelled) -> None:
    assert ("أمريكا اللاتينية", "LOCATION") in labelled("تنشط الجماعة في أمريكا اللاتينية منذ عقود.")
    assert ("غرب أفريقيا", "LOCATION") in labelled("تتوسع الجماعات المسلحة في غرب أفريقيا.")


def test_an_adjective_that_agrees_with_a_feminine_head_is_no_name(labelled: Labelled) -> None:
    for text in ("تفاقمت الأزمة في منطقة مضطربة منذ عقود.", "اندلع القتال على جزيرة جنوبية نائية."):
        assert not [s for s, label in labelled(text) if label == "LOCATION"], text
    # A word in «ـية» that is no compass nisba may be a name («قرية غانية»).
    assert ("قرية كاتونية", "LOCATION") in labelled("قصفت المدفعية قرية كاتونية غربي المحافظة.")


def test_a_frequent_word_in_fa_is_no_clitic_and_a_place_that_is_a_word(labelled: Labelled) -> None:
    # «فعالية» (an event) is no «ف» + «عالية» (a place after a cue only).
    assert not [s for s, label in labelled("توجه المشاركون إلى فعالية ثقافية في المدينة.") if label == "LOCATION" and "عالية" in s]
    # «و» + such a place stays a clitic and the place.
    assert "مالي" in {s for s, _ in labelled("تعاني النيجر ومالي من هجمات متكررة.")}


def test_a_foreign_name_ends_before_a_description_of_the_place(labelled: Labelled) -> None:
    assert ("قرية بيرامي كاتوزي", "LOCATION") in labelled("خطف المسلحون سبعة أشخاص في قرية بيرامي كاتوزي القريبة أمس.")
    assert ("بلدة بيرامي كاتوزي", "LOCATION") in labelled("وصلت القوات إلى بلدة بيرامي كاتوزي التي تبعد عشرة كيلومترات.")
    # A definite word that is no description goes on with the name («حي باب التبانة»).
    assert ("حي باب التبانة", "LOCATION") in labelled("اندلعت اشتباكات في حي باب التبانة أمس.")


def test_upper_and_lower_words_belong_to_the_name(labelled: Labelled) -> None:
    # Guidelines §6: upper/lower words after a name and its head are inside, masculine too.
    assert ("منطقة الزاب الأسفل", "LOCATION") in labelled("انفجرت عبوة ضمن منطقة الزاب الأسفل قرب القضاء.")
    # The Levantine «التحتا»/«الفوقا» name one of two villages, even without a head.
    assert ("سرعين التحتا", "LOCATION") in labelled("استهدفت الغارة منزلا في سرعين التحتا فجر اليوم.")
    # A description after a known name without a head stays outside.
    assert ("سرعين", "LOCATION") in labelled("استهدفت الغارة منزلا في سرعين الهادئة فجر اليوم.")


def test_a_two_word_place_written_as_one_word(labelled: Labelled) -> None:
    # «أم درمان», «دير الزور», «بيت لاهيا» glued: the prefix noun and the name in one word.
    assert ("أمدرمان", "LOCATION") in labelled("وصل وفد من أمدرمان إلى القاهرة.")
    assert ("ديرالزور", "LOCATION") in labelled("سقطت قذيفة في ديرالزور أمس.")
    # A glued form that is a word, and a name whose first word opens no names: no place.
    assert not [s for s, label in labelled("وقالت أمها إن ابنها بيتنا.") if label == "LOCATION"]
    assert not [s for s, label in labelled("وصل وفد من حلبالجديدة أمس.") if label == "LOCATION"]


def test_a_state_after_the_head_of_its_long_name_is_one_place(labelled: Labelled) -> None:
    assert ("دولة تشاد", "LOCATION") in labelled("وتشترك في حدودها مع دولة تشاد المجاورة.")
    assert ("دولة بوروندي", "LOCATION") in labelled("فر السكان إلى دولة بوروندي.")
    # «دولة» before no state names nothing.
    assert not [s for s, label in labelled("وهي أفقر دولة في العالم.") if label == "LOCATION"]


def test_a_common_noun_phrase_after_a_head_is_no_place(labelled: Labelled) -> None:
    # A frequent nisba agreeing with a feminine head, a frequent noun with a frequent nisba,
    # a force's head after a facility's.
    for text in (
        "وقال الرئيس في مقابلة مع محطة تلفزيونية إن الوضع صعب.",
        "سقطت قذيفة على منطقة نشاط تجاري أمس.",
        "قتل مسلحون قائدا في قاعدة جماعة منافسة.",
    ):
        assert not [s for s, label in labelled(text) if label == "LOCATION"], text
    # A short name in «ـية», a rare name before a compass nisba: places.
    assert ("قرية غانية", "LOCATION") in labelled("سقطت قذيفة على قرية غانية أمس.")
    assert ("منطقة كوبانو", "LOCATION") in labelled("سقطت قذيفة على منطقة كوبانو شرقي البلدة.")


def test_over_a_place_and_a_region_named_by_its_compass_point(labelled: Labelled) -> None:
    got = labelled("وأسقطت الدفاعات مسيرتين فوق منطقة كوبانو، و21 فوق روستوف.")
    assert {("منطقة كوبانو", "LOCATION"), ("روستوف", "LOCATION")} <= set(got)
    assert ("الشمال الغربي", "LOCATION") in labelled("وقتل مسلحون جنديين بالشمال الغربي، وفق الحاكم.")
    assert ("منطقة الجنوب الشرقي", "LOCATION") in labelled("تصاعد العنف في منطقة الجنوب الشرقي الناطقة بالفرنسية.")
    # A direction from a place, «فوق» before no name: no region, no place.
    got = labelled("وتقع على بعد 100 كيلومتر إلى الشمال الشرقي من بعقوبة.")
    assert not [s for s, label in got if label == "LOCATION" and "الشمال" in s]
    assert not [s for s, label in labelled("سقطت القذيفة فوق سطح منزل.") if label == "LOCATION"]


def test_a_nisba_after_a_counted_noun_is_its_adjective(labelled: Labelled) -> None:
    assert not [s for s, label in labelled("قتل 15 جنديا تركيا في الهجوم.") if label == "LOCATION"]
    assert ("سوريا", "LOCATION") in labelled("وأرسلت الحكومة 200 جنديا إلى سوريا.")


def test_the_region_a_governor_governs_is_a_place(labelled: Labelled) -> None:
    assert ("منطقة كوبانوفسك", "LOCATION") in labelled("وقال حاكم منطقة كوبانوفسك إن شخصين قتلا.")
    assert ("ولاية كوبانو", "LOCATION") in labelled("وقال محافظ ولاية كوبانو إن الوضع هادئ.")
    # Without a governor, an ambiguous head with no cue names no place; «حاكم المنطقة» none.
    assert not [s for s, label in labelled("وقال إن منطقة كوبانوفسك هادئة.") if label == "LOCATION"]
    assert not [s for s, label in labelled("وقال حاكم المنطقة إن الوضع هادئ.") if label == "LOCATION"]


def test_greater_and_lower_after_a_place_without_a_head(labelled: Labelled) -> None:
    assert ("طرابلس الكبرى", "LOCATION") in labelled("وأصدر أهالي طرابلس الكبرى بيانا.")
    assert ("شبيلي السفلى", "LOCATION") in labelled("وقع هجوم في شبيلي السفلى أمس.")
    # After a state a political phrase, and «old» without a head: the place alone.
    assert ("مصر", "LOCATION") in labelled("وقال إن مصر الكبرى حلم قديم.")
    assert ("أمدرمان", "LOCATION") in labelled("وسمع دوي انفجارات في أمدرمان القديمة، حيث تدور المعارك.")


def test_places_of_the_worlds_conflicts_from_general_knowledge(labelled: Labelled) -> None:
    """world_conflict_places_more: regions and towns a tool for conflict news should know."""
    assert ("كشمير", "LOCATION") in labelled("تصاعد العنف في كشمير خلال الأسبوع.")
    assert ("مزار الشريف", "LOCATION") in labelled("انفجرت عبوة قرب مسجد في مزار الشريف أمس.")
    assert ("باخموت", "LOCATION") in labelled("تتواصل المعارك حول باخموت منذ أشهر.")
    assert ("جونقلي", "LOCATION") in labelled("هاجم مسلحون قرية نائية في جونقلي.")
    # Those that are also words or names of people only after a cue.
    assert ("كرمان", "LOCATION") in labelled("قتل شرطيان في كرمان جنوب شرق البلاد.")
    assert not any(label == "LOCATION" for _, label in labelled("وقال محمد كرمان للصحفيين إن الوضع هادئ."))


def test_heights_forests_pools_and_passes_are_heads_of_places(labelled: Labelled) -> None:
    assert ("مرتفعات الكرمل", "LOCATION") in labelled("قصفت المدفعية مرتفعات الكرمل شرق المدينة.")
    assert ("غابة كوروني", "LOCATION") in labelled("تمركز المسلحون في غابة كوروني جنوب البلاد.")
    assert ("بركة الشيخ زايد", "LOCATION") in labelled("استهدفت غارة بركة الشيخ زايد شمال القطاع.")
    # A safe corridor, a blessing, the country's heights: no names.
    assert labelled("دعا الوسطاء إلى فتح ممر آمن للمدنيين.") == []
    assert labelled("كانت الهدنة بركة على السكان.") == []
    assert labelled("قتل مسلحون في مرتفعات البلاد الوسطى.") == []
    assert labelled("استهدفت غارة مبنى في ضاحية العاصمة الجنوبية.") == []


def test_the_second_word_after_a_word_that_opens_names(labelled: Labelled) -> None:
    """«أبو فلاح»: a «ف» that is the name's own letter; «البو X»: a clan's village, whatever X
    reads as."""
    assert ("قرية أبو فلاح", "LOCATION") in labelled("هاجم مستوطنون قرية أبو فلاح شرق رام الله.")
    assert ("قرية البو حمدان", "LOCATION") in labelled("وقع هجوم في قرية البو حمدان شمال المدينة.")
    assert ("قرية البو بالي", "LOCATION") in labelled("أعلن الجيش عن هجوم في قرية البو بالي، بدأ باستهداف مركبة.")
    # A glued «ف» before a verb opens a new clause.
    assert ("قرية أبو سالم", "LOCATION") in labelled("هاجم مستوطنون قرية أبو سالم فقتلوا راعيا.")


def test_a_listed_place_after_de_keeps_the_first_words_of_its_romance_name(labelled: Labelled) -> None:
    assert ("نورتي دي سانتاندر", "LOCATION") in labelled("قتل 5 جنود في الاشتباكات في نورتي دي سانتاندر قرب الحدود.")
    assert ("بويرتو دي سانتاندر", "LOCATION") in labelled("قتل 5 جنود في الاشتباكات في بويرتو دي سانتاندر قرب الحدود.")
    assert ("مدينة دي", "LOCATION") not in labelled("قتل 5 جنود في الاشتباكات في مدينة دي سانتاندر.")


def test_the_size_of_a_listed_place_describes_it(labelled: Labelled) -> None:
    """«مدينة خاركيف الكبيرة» is the big city of Kharkiv; a local name in no list keeps its
    «الكبيرة» («منطقة دارة الكبيرة»)."""
    assert ("مدينة خاركيف", "LOCATION") in labelled("قتل 3 في قصف على مدينة خاركيف الكبيرة أمس.")
    assert ("منطقة دارة الكبيرة", "LOCATION") in labelled("قتل 3 في منطقة دارة الكبيرة أمس.")


def test_the_belt_of_a_city_is_a_head(labelled: Labelled) -> None:
    assert ("حزام بغداد", "LOCATION") in labelled("نفذت القوات عمليات في حزام بغداد الشمالي.")
    assert labelled("ارتدى المهاجم حزاما ناسفا في دمشق.") == [("دمشق", "LOCATION")]


def test_lam_before_a_name_that_opens_with_lam(labelled: Labelled) -> None:
    """«لليبيا» is «ل» + «ليبيا», not «ل» + «ال» + «يبيا» as «للتنظيم» is."""
    assert ("ليبيا", "LOCATION") in labelled("وصلت المساعدات إلى بعثة الأمم المتحدة لليبيا أمس.")
    assert {("ليبيا", "LOCATION"), ("لبنان", "LOCATION")} <= set(labelled("أرسلت الحكومة تعزيزات لليبيا وللبنان."))


def test_a_plot_named_after_a_family(labelled: Labelled) -> None:
    assert ("أرض الحلاقي", "LOCATION") in labelled("قصفت الطائرات أرض الحلاقي غرب المخيم.")
    assert labelled("لا وجود لهذه الخطط على أرض الواقع.") == []
    assert labelled("سقط الجنود على أرض المعركة.") == []
    assert labelled("عاد اللاجئون إلى أرض فلسطين.") == [("فلسطين", "LOCATION")]


def test_the_side_of_a_place_cues_an_ambiguous_head(labelled: Labelled) -> None:
    assert ("ضاحية كفرون", "LOCATION") in labelled("اقتحمت القوات المخيم من جهة ضاحية كفرون شرق المدينة.")
    assert labelled("ومن جهة أخرى، قال المسؤول إن الوضع هادئ.") == []
