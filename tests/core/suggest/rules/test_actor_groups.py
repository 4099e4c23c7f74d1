"""core/suggest/rules/actor_groups.py: groups and bodies named in ways no list covers,
through the rule suggester (sentences written for these tests)."""
from __future__ import annotations

from collections.abc import Callable

import pytest

Labelled = Callable[[str], list[tuple[str, str]]]


def test_the_police_in_the_name_of_an_institution_is_no_actor(labelled: Labelled) -> None:
    for text in ("وانفجرت عبوة قرب أكاديمية تدريب الشرطة في العاصمة.", "وتخرج الضباط في كلية الشرطة أمس."):
        assert not [s for s, label in labelled(text) if label == "ACTOR"], text


def test_the_police_of_an_unlisted_territory(labelled: Labelled) -> None:
    assert ("شرطة كادونا", "ACTOR") in labelled("وقال المتحدث باسم شرطة كادونا إن عشرة أشخاص خطفوا.")
    assert ("شرطة إقليم الوادي", "ACTOR") in labelled("وأكد قائد شرطة إقليم الوادي وقوع الهجوم.")
    # A common noun after «شرطة» names a branch, not a territory: no cut name.
    got = labelled("وقالت شرطة مكافحة الشغب إنها فرقت المحتجين.")
    assert ("شرطة مكافحة", "ACTOR") not in got


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وهاجم مسلحو حركة بوكو حرام قرية في الشمال.", "حركة بوكو حرام"),
        ("واندلعت اشتباكات بين ميليشيات جبهة فانو والجيش.", "ميليشيات جبهة فانو"),
        ("ونقلت وسائل إعلام مقربة لجبهة فانو أن المعارك مستمرة.", "جبهة فانو"),
    ],
)
def test_a_group_head_before_a_listed_name_is_inside(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


def test_a_quoted_name_keeps_its_group_head_out(labelled: Labelled) -> None:
    got = labelled('وتبنت جماعة "بوكو حرام" الهجوم.')
    assert ("بوكو حرام", "ACTOR") in got and ('جماعة "بوكو حرام', "ACTOR") not in got


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وسيطرت حركة إم23 على بلدة جديدة.", "حركة إم23"),
        ("وهاجمت جماعة ADF قرية في الشرق.", "جماعة ADF"),
        ("وأعلنت حركة M23 انسحابها.", "حركة M23"),
    ],
)
def test_a_group_named_by_a_code_after_its_head(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


def test_a_code_without_a_group_head_is_no_actor(labelled: Labelled) -> None:
    for text in ("واستخدم المهندسون نظام GPS لتحديد الموقع.", "ووصلت الطائرة من طراز F16 أمس."):
        assert not [s for s, label in labelled(text) if label == "ACTOR"], text


def test_the_name_a_group_goes_by_after_tahta_ism(labelled: Labelled) -> None:
    got = labelled("وتنشط الخلايا التابعة لتنظيم داعش في المنطقة تحت اسم “ولاية غرب النهر”.")
    assert ("ولاية غرب النهر", "ACTOR") in got
    # The name of an operation is no group's.
    got = labelled('وأطلق الجيش عملية عسكرية تحت اسم "درع الوادي" في المنطقة.')
    assert ("درع الوادي", "ACTOR") not in got


def test_a_shared_dual_head_names_each_group(labelled: Labelled) -> None:
    got = labelled("وتنشط جماعات موالية لتنظيمي “القاعدة” و”داعش” في المنطقة.")
    assert ("القاعدة", "ACTOR") in got and ("داعش", "ACTOR") in got
    got = labelled("وتنشط جماعات موالية لتنظيمي القاعدة وداعش في المنطقة.")
    assert ("القاعدة", "ACTOR") in got
    # Alone, «القاعدة» stays a base.
    assert ("القاعدة", "ACTOR") not in labelled("وقصفت الطائرات القاعدة العسكرية قرب المدينة.")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وقال متحدث باسم حكومة طالبان المؤقتة إن الهجوم فشل.", "حكومة طالبان المؤقتة"),
        ("وأطاح الجيش بالحكومة المنتخبة في الانقلاب.", "الحكومة المنتخبة"),
        ("وهاجمت قوات النظام البلدة، وتحاول السلطات الانتقالية فرض الأمن.", "السلطات الانتقالية"),
        ("ولم تعترف الدول بحكومة الأمر الواقع في كابول.", "حكومة الأمر الواقع"),
        ("وخففت الأمم المتحدة عدد أفراد بعثة حفظ السلام في البلاد.", "بعثة حفظ السلام"),
    ],
)
def test_governments_with_the_adjective_that_says_which(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وهاجمت ميليشيا زايري قرية في الإقليم.", "ميليشيا زايري"),
        ("وسيطرت عصابة كرازبارو على الطريق الساحلي.", "عصابة كرازبارو"),
        ("وقتل مسلحو كوباتو عشرة مزارعين.", "كوباتو"),
        ("وهاجمت ميليشيا كوديكو مخيما للنازحين.", "ميليشيا كوديكو"),
        ("وسيطرت عصابة 400 ماوزو على البلدة.", "عصابة 400 ماوزو"),
    ],
)
def test_militias_gangs_and_armed_members_before_an_unlisted_name(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


@pytest.mark.parametrize(
    "text",
    [
        "وانتشرت ميليشيات مسلحة في المدينة.",  # an adjective
        "وقالت إن ميليشيات تتبع الحرس تنتشر هناك.",  # a verb
        "وفرت عصابات إجرامية من السجن.",  # generic gangs (guidelines §2.1)
        "واعتقلت القوات مسلحين مجهولين.",
    ],
)
def test_no_unlisted_name_after_a_militia_an_adjective_or_a_verb(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "ACTOR" and s != "الحرس"], text


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وهاجمت جماعة أنصار الدين المسلحة قرية في الشمال.", "جماعة أنصار الدين"),
        ("وتبنت حركة درع الأحرار المتمردة الهجوم.", "حركة درع الأحرار"),
    ],
)
def test_a_group_named_before_the_adjective_that_says_it_is_armed(labelled: Labelled, text: str, actor: str) -> None:
    got = labelled(text)
    assert (actor, "ACTOR") in got
    assert not [s for s, label in got if label == "ACTOR" and s.endswith(("المسلحة", "المتمردة"))]


def test_no_armed_group_name_over_particles_adjectives_or_other_parties(labelled: Labelled) -> None:
    assert not [s for s, label in labelled("وانضم إلى جماعة من المسلحين المتمردة.") if label == "ACTOR"]
    got = labelled("وقالت وسائل إعلام مؤيدة لجبهة فانو أن الميليشيات المسلحة شنت هجمات.")
    assert ("جبهة فانو", "ACTOR") in got and ("الميليشيات", "ACTOR") in got
    assert ("القوات المسلحة السودانية", "ACTOR") in labelled("وقالت القوات المسلحة السودانية إنها تقدمت.")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وتكبدت قوات آبي أحمد خسائر فادحة في الإقليم.", "قوات آبي أحمد"),
        ("وأطاحت الثورة بنظام العقيد معمر القذافي.", "نظام العقيد معمر القذافي"),
        ("وقاتل موالون لحكومة الرئيس اليمني عبدربه منصور هادي في المدينة.", "حكومة الرئيس اليمني عبدربه منصور هادي"),
    ],
)
def test_forces_and_governments_named_after_a_leader(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


def test_a_leader_alone_is_no_actor(labelled: Labelled) -> None:
    assert not [s for s, label in labelled("وقال آبي أحمد إن الحرب انتهت.") if label == "ACTOR"]


def test_a_perfect_with_an_object_pronoun_is_a_verb_of_the_state(labelled: Labelled) -> None:
    assert ("تل أبيب", "ACTOR") in labelled("ووقع الطرفان اتفاقاً، لكن تل أبيب خرقته مرات عدة.")
    assert ("بيروت", "LOCATION") in labelled("وحلقت مسيرة في أجواء العاصمة بيروت وضاحيتها الجنوبية.")


# Round 4 (issue #11): a group by a kunya no list holds; an acronym spelt out in brackets.
def test_a_group_named_by_a_kunya(labelled: Labelled) -> None:
    assert ("جماعة أبو طلحة", "ACTOR") in labelled("وقتل الجيش ثلاثة من جماعة أبو طلحة في الجزيرة.")
    assert ("مجموعة ابو طلحة", "ACTOR") in labelled("وتبنت الهجوم مجموعة ابو طلحة المتشددة.")
    # A kunya without a group head is a person's name.
    assert not any(label == "ACTOR" for _s, label in labelled("وقال أبو طلحة إن القرية هادئة."))


def test_a_bracketed_acronym_after_a_group(labelled: Labelled) -> None:
    got = labelled("ونسب الهجوم إلى قوات الدعم السريع (آر إس إف) في الإقليم.")
    assert ("آر إس إف", "ACTOR") in got
    # A bracketed word after an actor is no acronym.
    assert [s for s, label in labelled("وقال الجيش (بيان) إن الهجوم فشل.") if label == "ACTOR"] == ["الجيش"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وقال رئيس شرطة المنطقة للصحفيين إن الهجوم فشل.", "شرطة المنطقة"),
        ("وأكد المتحدث باسم شرطة الولاية وقوع الهجوم.", "شرطة الولاية"),
        ("ونقلت القناة عن قائد شرطة منطقة كارا بولو، تأكيده الهجوم.", "شرطة منطقة كارا بولو"),
    ],
)
def test_the_police_of_a_territory(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


def test_no_police_of_a_territory_in_a_building_or_a_description(labelled: Labelled) -> None:
    assert not any(label == "ACTOR" for _s, label in labelled("وانفجرت عبوة قرب مركز شرطة المدينة."))
    assert not any(label == "ACTOR" for _s, label in labelled("وطلب شرطة منطقة آمنة للسكان."))


def test_a_group_named_by_a_common_word_after_its_armed_members(labelled: Labelled) -> None:
    assert ("القاعدة", "ACTOR") in labelled("وتصاعدت الهجمات التي ينفذها مسلحو القاعدة في الشمال.")
    # Elsewhere the word is a base.
    assert not any(label == "ACTOR" and s == "القاعدة" for s, label in labelled("وسيطر الجيش على القاعدة الجوية."))


# Round 7 (issue #11): the world's armed groups, forces and missions the lists ship, and
# governments named after a leader by more heads; sentences written for these tests.
@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("واشتبكت قوات الدفاع الوطني البوروندية مع مقاتلي ريد تابارا قرب الحدود.", "ريد تابارا"),
        ("وأعلن كارتل سينالوا مسؤوليته عن الهجوم على الدورية.", "كارتل سينالوا"),
        ("وتبنى تنظيم إيسواب الهجوم على القاعدة العسكرية.", "تنظيم إيسواب"),
        ("وأعلنت قوات اليونيفيل رصد خروقات على الخط الأزرق.", "قوات اليونيفيل"),
        ("وهاجم مسلحو سيلكا السابقون بلدة في الشمال.", "سيلكا"),
        ("وقالت الجماعة الإنمائية للجنوب الأفريقي إنها ستسحب جنودها.", "الجماعة الإنمائية للجنوب الأفريقي"),
        ("وقصف الجيش الوطني الشعبي مواقع للمسلحين في الجنوب.", "الجيش الوطني الشعبي"),
        ("وقتل عنصران من جبهة تحرير مورو الإسلامية في اشتباك.", "جبهة تحرير مورو الإسلامية"),
        ("وقالت لجنة الدولة للأمن القومي إن جنديا قتل على الحدود.", "لجنة الدولة للأمن القومي"),
    ],
)
def test_the_world_armed_groups_the_lists_ship(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


def test_ambiguous_world_names_need_their_head(labelled: Labelled) -> None:
    # «سينالوا» alone is the Mexican state; «الجبهة الجنوبية» a front line.
    assert ("سينالوا", "ACTOR") not in labelled("وزار الرئيس ولاية سينالوا الأسبوع الماضي.")
    assert ("الجبهة الجنوبية", "ACTOR") not in labelled("وتصاعد التوتر على الجبهة الجنوبية للبلاد.")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وكانت حكومة خوان مانويل سانتوس بدأت محادثات سلام.", "حكومة خوان مانويل سانتوس"),
        ("وتجري إدارة بايدن محادثات مع الطرفين.", "إدارة بايدن"),
        ("واشتبكت قوات تابعة لحكومة عبد الحميد الدبيبة مع مسلحين.", "حكومة عبد الحميد الدبيبة"),
        ("وتصدت قوات نظام إيفاريست ندايشيمي للهجوم.", "قوات نظام إيفاريست ندايشيمي"),
    ],
)
def test_more_heads_and_leaders(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


def test_a_plural_verb_after_a_gang_head_is_no_name(labelled: Labelled) -> None:
    got = labelled("ويشتبه بانتماء الرجال لعصابات رجموا السكان وأحرقوا منازلهم.")
    assert not [s for s, label in got if label == "ACTOR"]
    assert ("عصابة كرازبارو", "ACTOR") in labelled("وسيطرت عصابة كرازبارو على الطريق الساحلي.")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وانتزعت عصابة \"لوس فيرديس\" السيطرة على المدينة.", "لوس فيرديس"),
        ("وقال إن كارتل «الأشباح» يهرب المخدرات عبر الحدود.", "الأشباح"),
        ("ويشكل المسلحون عصابات نهب تعرف باسم \"الذئاب الرمادية\" في الإقليم.", "الذئاب الرمادية"),
        ("وتنشط في الغابات حركة \"تافا\"، المعروفة أيضا باسم \"جبهة الدفاع عن شعب كيفو في الشرق\".",
         "جبهة الدفاع عن شعب كيفو في الشرق"),
    ],
)
def test_the_quoted_name_of_a_gang_or_a_group_known_as(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


def test_the_name_a_region_goes_by_is_no_group(labelled: Labelled) -> None:
    got = labelled("وتقع البلدة بين محافظات كركوك وديالى، المعروفة باسم \"مثلث الموت\".")
    assert ("مثلث الموت", "ACTOR") not in got
    got = labelled("وزار الوفد الحي المعروف باسم \"حي الأمل\" في المدينة.")
    assert not [s for s, label in got if label == "ACTOR"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وفر سجناء من عصابة لوس كوكودريلوس من زنازينهم.", "عصابة لوس كوكودريلوس"),
        ("وتخوض عصابة سانتو دومينغو دي كاسكو حربا على الطرق.", "عصابة سانتو دومينغو دي كاسكو"),
        ("وهاجمت ميليشيا زايري القرية.", "ميليشيا زايري"),
    ],
)
def test_a_gang_by_a_transliterated_name_of_several_words(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


@pytest.mark.parametrize(
    "text",
    ["وتعود الاشتباكات إلى عصابات تتنافس على بسط النفوذ.", "ويشكل المسلحون عصابات نهب في الأسواق."],
)
def test_a_verb_or_a_masdar_after_a_gang_head_is_no_name(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "ACTOR"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وشنت جماعة لاكوراوا هجوما على قرية في الشمال الغربي.", "جماعة لاكوراوا"),
        ("وهاجمت مجموعة كوبانغو قرية في الإقليم.", "مجموعة كوبانغو"),
        ("وسيطر جيش كاشين على قاعدة للجيش قرب الحدود.", "جيش كاشين"),
        ("وانسحبت قوات موتومبو من المدينة.", "قوات موتومبو"),
    ],
)
def test_a_group_head_before_a_transliterated_name_no_list_has(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


@pytest.mark.parametrize(
    "text",
    [
        "وقال إن مجموعة كبيرة من السكان نزحت.",
        "وهاجم مسلحون تابعون لجماعة متمردي في القرية.",
        "وشهدت المدينة حركة نزوح واسعة.",
        "وقال إن جيش كبير تجمع على الحدود.",
        "وشاركت قوات كوماندوز في العملية.",
    ],
)
def test_a_group_head_before_an_arabic_word_is_no_name(labelled: Labelled, text: str) -> None:
    got = labelled(text)
    assert not [s for s, label in got if label == "ACTOR" and s.split()[0] in ("مجموعة", "جماعة", "لجماعة", "حركة", "جيش", "قوات") and len(s.split()) == 2]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وتكثفت المعارك بين عسكر ميانمار والمتمردين في الولاية.", "عسكر ميانمار"),
        ("وأعلنت القوة البرية للحرس الثوري الإيراني مقتل ثلاثة مسلحين.", "القوة البرية للحرس الثوري الإيراني"),
        ("واعتقلت الاستخبارات العسكرية خمسة مشتبه بهم.", "الاستخبارات العسكرية"),
    ],
)
def test_branches_and_the_military_of_a_state(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


def test_a_lone_word_for_soldiers_is_no_actor(labelled: Labelled) -> None:
    assert not [s for s, label in labelled("وقال عسكر إن الهجوم فشل.") if label == "ACTOR"]


def test_a_gang_named_after_a_place_is_the_gang(labelled: Labelled) -> None:
    got = labelled("وكانت عصابات \"سينالوا\" تعرضت لضغوط متزايدة من منافسيها.")
    assert ("سينالوا", "ACTOR") in got
    assert ("ولاية سينالوا", "LOCATION") in labelled("وقتل خمسة أشخاص في ولاية سينالوا المكسيكية.")


def test_a_militia_named_after_its_leaders_nickname(labelled: Labelled) -> None:
    assert ("ميليشيا قرقوزة", "ACTOR") in labelled("ودارت اشتباكات بين ميليشيا قرقوزة وقوة أخرى.")
    got = labelled("وهاجمت ميليشيا مسلحة القرية، وقالت ميليشيا محلية إنها ردت.")
    assert not [s for s, label in got if label == "ACTOR" and s.endswith(("مسلحة", "محلية"))]


def test_world_names_that_are_also_concepts_or_seas_need_their_head(labelled: Labelled) -> None:
    assert not [s for s, label in labelled("وقال مستشار الأمن الوطني إن التهديد قائم.") if label == "ACTOR"]
    assert not [s for s, label in labelled("وعبرت السفن بحر آزوف أمس.") if label == "ACTOR"]
    assert ("كتيبة آزوف", "ACTOR") in labelled("وقاتلت كتيبة آزوف في المدينة.")


def test_the_quoted_group_of_armed_members_and_its_recurrence(labelled: Labelled) -> None:
    got = labelled("وهاجم متمردو \"كيتوكا\" قرية في الشمال. وتتهم السلطات كيتوكا بتجنيد الأطفال.")
    assert ("كيتوكا", "ACTOR") in got
    assert [s for s, label in got if label == "ACTOR"].count("كيتوكا") == 2
    got = labelled("وانتزعت عصابة \"لوس فيرديس\" السيطرة على المدينة. ووصفت الشرطة العصابة بالخطيرة.")
    assert ("لوس فيرديس", "ACTOR") in got


def test_a_quoted_judgement_after_armed_members_is_no_group(labelled: Labelled) -> None:
    got = labelled("وقال إن مسلحي \"المعارضة\" انسحبوا، وإن مقاتلي \"متطرفة\" قتلوا.")
    assert ("متطرفة", "ACTOR") not in got


def test_a_government_of_a_territory_with_a_transliterated_name_of_several_words(labelled: Labelled) -> None:
    got = labelled("وأظهرت صور نشرتها حكومة مقاطعة لاناو ديل سور الحاكم وهو يعود.")
    assert ("حكومة مقاطعة لاناو ديل سور", "ACTOR") in got
    assert ("حكومة ولاية زمفارا", "ACTOR") in labelled("وقالت حكومة ولاية زمفارا إن المسلحين خطفوا طلابا.")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وقالت القوات الكورية الجنوبية إن الهجوم فشل.", "القوات الكورية الجنوبية"),
        ("وقال الجيش الجنوب سوداني إن المتمردين انسحبوا.", "الجيش الجنوب سوداني"),
    ],
)
def test_a_force_with_a_nationality_of_two_words(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وقالت قوات الدفاع الإسرائيلية إن صاروخا أطلق من القطاع.", "قوات الدفاع الإسرائيلية"),
        ("واعتقل الدرك الجزائري ثلاثة مهربين.", "الدرك الجزائري"),
    ],
)
def test_a_states_defence_forces_by_their_usual_names(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


def test_a_quoted_group_name_the_writer_calls_armed(labelled: Labelled) -> None:
    assert ("زوا", "ACTOR") in labelled("وقالت مجموعة \"زوا\" المتمردة إنها سيطرت على المنجم.")
    assert ("جهاز الأمن والمخابرات", "ACTOR") in labelled("وقتل عنصران من جهاز الأمن والمخابرات في الكمين.")


def test_a_messaging_platform_after_a_group_head_is_no_group(labelled: Labelled) -> None:
    for text in ("ونشر الخبر في مجموعة تلغرام محلية.", "وتداول ناشطون الصور عبر مجموعة واتساب."):
        assert not [s for s, label in labelled(text) if label == "ACTOR"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وهاجمت ميليشيا أخرى تدعى \"أسود الغابة\" القرية.", "أسود الغابة"),
        ("وتنشط في الإقليم مجموعة مسلحة يسميها السكان \"الذئاب\" منذ سنوات.", "الذئاب"),
    ],
)
def test_the_quoted_name_a_naming_verb_gives_a_group(labelled: Labelled, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(text)


def test_the_quoted_name_a_naming_verb_gives_a_place_is_no_group(labelled: Labelled) -> None:
    got = labelled("ووصل النازحون إلى منطقة تسمى \"الوادي الأخضر\" قرب الحدود.")
    assert ("الوادي الأخضر", "ACTOR") not in got
