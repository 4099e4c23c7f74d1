"""The rule suggester on constructions of published news (issue #11, part 1): each rule with
sentences where it applies and sentences where it must not.

Every sentence here was written for these tests.
"""
from __future__ import annotations

import pytest

from annotator.core.suggest.rules import RuleSuggester


@pytest.fixture(scope="module")
def rules() -> RuleSuggester:
    return RuleSuggester()


def labelled(sugg: RuleSuggester, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in sugg.suggest(text)]


# --------------------------------------------------------------------------------------
# ACTOR
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "actor", "adjective"),
    [
        ("قتل عنصران من تنظيم داعش الإرهابي في كمين.", "تنظيم داعش", "الإرهابي"),
        ("وقصفت ميليشيا الدعم السريع المتمردة حي السلام.", "ميليشيا الدعم السريع", "المتمردة"),
        ("وشنت جماعة الحوثي الانقلابية هجوماً على المواقع.", "جماعة الحوثي", "الانقلابية"),
        ("وهاجم عناصر حزب العمال الكردستاني الإرهابي نقطة.", "حزب العمال الكردستاني", "الإرهابي"),
    ],
)
def test_an_evaluative_adjective_stays_outside_the_actor(rules: RuleSuggester, text: str, actor: str, adjective: str) -> None:
    got = labelled(rules, text)
    assert (actor, "ACTOR") in got
    assert not any(adjective in s for s, _ in got)


def test_a_nationality_after_a_force_stays_inside(rules: RuleSuggester) -> None:
    text = "وقصفت قوات الجيش السوداني مواقع في المدينة."
    assert ("قوات الجيش السوداني", "ACTOR") in labelled(rules, text)


def test_short_forms_in_either_spelling_and_after_a_bare_name(rules: RuleSuggester) -> None:
    # The short form in another spelling than the full name.
    text = "وقصفت مليشيا الدعم السريع حي السلام، وقال الجيش إن الميليشيا تستهدف المدنيين."
    assert ("الميليشيا", "ACTOR") in labelled(rules, text)
    # A name listed bare and with a head: the bare name licenses the head's short form.
    text = "وقتل مقاتلان من حماس في الاشتباك، فيما قالت الحركة إن مقاتليها صدوا الهجوم."
    assert ("الحركة", "ACTOR") in labelled(rules, text)
    text = "وأعلن الحوثيون إسقاط طائرة، وقال متحدث باسم الجماعة إن العملية نجحت."
    assert ("الجماعة", "ACTOR") in labelled(rules, text)


def test_no_short_form_without_an_actor_it_belongs_to(rules: RuleSuggester) -> None:
    text = "وقال شهود إن الحركة في الأسواق عادت، وإن الجماعة من السكان غادرت."
    assert not [s for s, label in labelled(rules, text) if label == "ACTOR"]


def test_a_short_form_heading_another_body_is_not_the_short_form(rules: RuleSuggester) -> None:
    text = "سيطرت هيئة تحرير الشام على البلدة، وقالت الهيئة الوطنية للإعلام إن البث توقف."
    got = labelled(rules, text)
    assert ("الهيئة", "ACTOR") not in got
    text = "سيطرت هيئة تحرير الشام على البلدة، وقالت الهيئة إن عناصرها انتشروا للحماية."
    assert ("الهيئة", "ACTOR") in labelled(rules, text)


# --------------------------------------------------------------------------------------
# SOURCE
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وقالت خدمة الإسعاف الليبية إن فرقها انتشلت جثثاً.", "خدمة الإسعاف الليبية"),
        ("وقالت الهيئة العامة للإسعاف إن الحصيلة ارتفعت.", "الهيئة العامة للإسعاف"),
        ("وأعلن جهاز الإسعاف والطوارئ نقل الجرحى.", "جهاز الإسعاف والطوارئ"),
        ("وقال متحدث باسم خدمة إسعاف وطوارئ بنغازي إن فرقها وصلت.", "خدمة إسعاف وطوارئ بنغازي"),
        ("وقالت هيئة الإسعاف والطوارئ الفلسطينية إن طواقمها نقلت المصابين.", "هيئة الإسعاف والطوارئ الفلسطينية"),
        ("وأفادت السلطات الصحية في المدينة بأن الحصيلة ارتفعت.", "السلطات الصحية"),
        ("وبث التلفزيون الإيراني الرسمي مشاهد للصواريخ.", "التلفزيون الإيراني الرسمي"),
        ("وذكر التلفزيون الرسمي أن الدفاعات تصدت لها.", "التلفزيون الرسمي"),
        ("وقالت الإذاعة العراقية إن حظر التجول فُرض.", "الإذاعة العراقية"),
        ("ونقل الإعلام العبري عن ضابط أن الجيش يستعد.", "الإعلام العبري"),
    ],
)
def test_rescue_services_health_authorities_and_state_media(rules: RuleSuggester, text: str, source: str) -> None:
    got = labelled(rules, text)
    assert (source, "SOURCE") in got
    # A place or a country inside the name is not a span of its own.
    assert not [s for s, label in got if label == "LOCATION" and s in source]


@pytest.mark.parametrize(
    "text",
    [
        "ووصلت سيارات خدمة إسعاف إلى المكان.",  # an ambulance service, not a named one
        "وقال الطبيب إن قسم الطوارئ ممتلئ.",
        "وشاهد الناس التلفزيون في المقهى.",  # the head alone is anaphora
        "وتحدث الوزير عن الإعلام الرسمي في مؤتمر.",  # the media talked about, not quoted
    ],
)
def test_no_source_from_a_service_word_or_a_medium_talked_about(rules: RuleSuggester, text: str) -> None:
    assert not [s for s, label in labelled(rules, text) if label == "SOURCE"]


# --------------------------------------------------------------------------------------
# States and capitals that act
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("وقالت دمشق إن الغارات انتهاك لسيادتها.", "دمشق"),
        ("واتهمت بغداد واشنطن بخرق الاتفاق.", "بغداد"),
        ("واتهمت بغداد واشنطن بخرق الاتفاق.", "واشنطن"),
        ("وقال لبنان إنه سيقدم شكوى.", "لبنان"),
        ("وواشنطن طلبت من حلفائها الضغط.", "واشنطن"),  # a feminine perfect after the state
        ("بينما طهران تتوعد بالرد.", "طهران"),  # an imperfect after the state
        ("والعراق يرفض أي وجود أجنبي.", "العراق"),  # a masculine state
    ],
)
def test_states_and_capitals_that_act(rules: RuleSuggester, text: str, state: str) -> None:
    assert (state, "ACTOR") in labelled(rules, text)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("وسافر الوفد إلى دمشق أمس.", "دمشق"),
        ("وسقطت قذائف على بغداد.", "بغداد"),
        ("وتعيش سوريا أزمة اقتصادية خانقة.", "سوريا"),  # what happens in a place
        ("وتشهد السودان حرباً منذ عامين.", "السودان"),
        ("وشهدت ليبيا اشتباكات عنيفة.", "ليبيا"),
        ("واستهدفت المسيرات مواقع في سوريا تستخدمها الفصائل.", "سوريا"),
        ("وزار الرئيس العراق يوم الأحد.", "العراق"),  # a time word is no verb
        ("والعراق يعاني من أزمة مياه.", "العراق"),  # the masculine form of a place verb
    ],
)
def test_states_and_capitals_that_are_places(rules: RuleSuggester, text: str, state: str) -> None:
    assert (state, "LOCATION") in labelled(rules, text)


# --------------------------------------------------------------------------------------
# COUNT
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("وقتل 12 متظاهراً برصاص قوات الأمن.", "12 متظاهراً"),
        ("وأصيب أكثر من 40 محتجاً في المواجهات.", "أكثر من 40 محتجاً"),
        ("وقتل 3 مستوطنين في عملية إطلاق نار.", "3 مستوطنين"),  # a participle plural in no list
        ("واعتقلت الدورية 7 مهربين على الحدود.", "7 مهربين"),
        ("وقتل 15 متطوعاً في الهجوم على القافلة.", "15 متطوعاً"),
        ("وأصيب العشرات بحالات اختناق جراء الغاز.", "العشرات"),  # a vague quantity, then ب + noun
    ],
)
def test_counted_people_known_by_their_form(rules: RuleSuggester, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "ودمرت الغارات 12 منزلاً و3 مواقع عسكرية.",
        "وتبعد البلدة 15 متراً عن الحدود.",
        "وسقط 20 مليوناً من الدولارات في الصفقة.",
        "وشاهد العشرات بالأمس العرض العسكري.",  # no trigger before the vague quantity
    ],
)
def test_no_count_from_things_with_a_people_like_form(rules: RuleSuggester, text: str) -> None:
    assert not [s for s, label in labelled(rules, text) if label == "COUNT"]


# --------------------------------------------------------------------------------------
# LOCATION
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وامتدت المعارك إلى جنوب كردفان.", "جنوب كردفان"),
        ("وقصفت المسيرات مواقع في غرب دارفور.", "غرب دارفور"),
        ("واندلعت اشتباكات في ولاية شمال دارفور.", "ولاية شمال دارفور"),
    ],
)
def test_states_named_by_a_compass_word(rules: RuleSuggester, text: str, place: str) -> None:
    assert (place, "LOCATION") in labelled(rules, text)


def test_a_direction_before_a_country_stays_outside(rules: RuleSuggester) -> None:
    got = labelled(rules, "وتقدمت القوات في شمال شرق سوريا.")
    assert ("سوريا", "LOCATION") in got
    assert not any("شمال" in s for s, _ in got)


def test_generic_anaphora_after_a_plural_head_is_no_place(rules: RuleSuggester) -> None:
    got = labelled(rules, "وسقطت قذائف على أحياء المدينة وقرى المنطقة.")
    assert not [s for s, label in got if label == "LOCATION"]
    # A name after the same head is still a place.
    assert ("الهوشرية", "LOCATION") in labelled(rules, "وسقطت قذائف على قرى الهوشرية.")


def test_a_compass_state_after_a_verb_is_a_direction(rules: RuleSuggester) -> None:
    got = labelled(rules, "وفرّ المدنيون شمال دارفور هرباً من القصف.")
    assert ("دارفور", "LOCATION") in got
    assert ("شمال دارفور", "LOCATION") in labelled(rules, "وتعد الفاشر عاصمة شمال دارفور.")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("الخرطوم - (أ.ف.ب): قتل عشرة مدنيين في قصف مدفعي.", "أ.ف.ب"),
        ("دمشق - د.ب.أ: أعلنت الوزارة إسقاط مسيرة.", "د.ب.أ"),
        ("غزة/ الأناضول: استشهد خمسة فلسطينيين.", "الأناضول"),  # an outlet that is a common word
        ("خبر أول.\nبيروت - الأناضول - قالت مصادر إن الغارة وقعت.", "الأناضول"),
        ("وأفاد موقع \"واللا\" العبري بأن الجيش سحب لواء.", "واللا"),  # not و + «اللا»
        ("وتقول منظمات حقوقية إن آلاف المعتقلين ما زالوا مفقودين.", "منظمات حقوقية"),
        ("وأشارت تقارير صحفية إلى أن المفاوضات تعثرت.", "تقارير صحفية"),
    ],
)
def test_agency_tags_datelines_and_plural_bodies(rules: RuleSuggester, text: str, source: str) -> None:
    assert (source, "SOURCE") in labelled(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "وقال الرئيس: الأناضول منطقة واسعة.",  # no place before it: not a dateline
        "وعبر الجيش من الأناضول - وهي منطقة جبلية.",
        "وقدمت منظمات إنسانية مساعدات للنازحين.",  # no attribution
    ],
)
def test_no_source_outside_a_dateline_or_an_attribution(rules: RuleSuggester, text: str) -> None:
    assert not [s for s, label in labelled(rules, text) if label == "SOURCE"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وقالت الحكومة الموازية إنها ستصدر عملة جديدة.", "الحكومة الموازية"),
        ("ورفضت الحكومة الانتقالية الليبية الخطوة.", "الحكومة الانتقالية الليبية"),
        ("وأكدت المعارضة السورية أنها ستشارك في المفاوضات.", "المعارضة السورية"),
    ],
)
def test_governments_named_by_their_standing(rules: RuleSuggester, text: str, actor: str) -> None:
    assert (actor, "ACTOR") in labelled(rules, text)


def test_a_government_without_a_standing_is_no_actor(rules: RuleSuggester) -> None:
    text = "وناقش البرلمان خطة الحكومة الجديدة للإسكان."
    assert not [s for s, label in labelled(rules, text) if label == "ACTOR"]


# --------------------------------------------------------------------------------------
# Multi-word names, long tolls
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("وهاجم المسلحون مواقع اللواء الرابع للحماية الرئاسية في المدينة.", "اللواء الرابع للحماية الرئاسية"),
        ("وأعلنت الكتيبة 13 للمهام الخاصة مقتل قيادي.", "الكتيبة 13 للمهام الخاصة"),
    ],
)
def test_a_numbered_unit_keeps_its_mission(rules: RuleSuggester, text: str, unit: str) -> None:
    assert (unit, "ACTOR") in labelled(rules, text)


def test_whose_unit_it_is_and_when_stay_outside(rules: RuleSuggester) -> None:
    got = labelled(rules, "وقصفت الفرقة الرابعة للنظام المنطقة.")
    assert ("الفرقة الرابعة", "ACTOR") in got and ("لنظام", "ACTOR") in got
    got = labelled(rules, "وانتشر اللواء الثالث للمرة الثانية في المدينة.")
    assert ("اللواء الثالث", "ACTOR") in got


def test_old_and_new_belong_to_a_place_named_with_a_head(rules: RuleSuggester) -> None:
    assert ("منطقة السلمة القديمة", "LOCATION") in labelled(rules, "وسقطت قذائف في منطقة السلمة القديمة.")
    assert ("مدينة حلب القديمة", "LOCATION") in labelled(rules, "وتجول الزوار في مدينة حلب القديمة.")
    # Without a head the adjective stays outside, and anaphora stays unannotated.
    assert ("حلب", "LOCATION") in labelled(rules, "وقصفت الطائرات حلب القديمة.")
    assert not labelled(rules, "وعاد السكان إلى البلدة القديمة.")


def test_a_toll_reaches_over_a_long_complement_with_a_date(rules: RuleSuggester) -> None:
    text = "ارتفع عدد قتلى الحرب على القطاع التي بدأت في السابع من تشرين الأول الماضي إلى أكثر من خمسة عشر ألفاً."
    assert ("أكثر من خمسة عشر ألفاً", "COUNT") in labelled(rules, text)
    # A count of things with a long complement stays out, and so does a range of years.
    assert not labelled(rules, "وارتفع عدد الغارات على المدينة منذ بداية الشهر إلى 120.")
    assert not [s for s, label in labelled(rules, "وارتفع عدد قتلى الهجوم في 2023 إلى 2024.") if label == "COUNT"]


def test_a_toll_with_a_possessive_casualty_word(rules: RuleSuggester) -> None:
    text = "وأعلن الجيش مقتل ضابط، ليرتفع عدد قتلاه منذ بدء العملية البرية إلى 385."
    assert ("385", "COUNT") in labelled(rules, text)
    text = "وأعلن الجيش أن عدد آلياته المدمرة منذ بدء العملية البرية وصل إلى 385."
    assert not [s for s, label in labelled(rules, text) if label == "COUNT"]


def test_suspects_are_counted_with_their_complement(rules: RuleSuggester) -> None:
    assert ("4 مشتبه بهم", "COUNT") in labelled(rules, "وأسفرت العملية عن اعتقال 4 مشتبه بهم.")


def test_a_body_named_by_an_administrative_area(rules: RuleSuggester) -> None:
    got = labelled(rules, "وقال مصدر في شرطة محافظة الأنبار إن عبوة انفجرت.")
    assert ("شرطة محافظة الأنبار", "ACTOR") in got
    assert not [s for s, label in got if label == "LOCATION"]
    # Without a known place after the area head, the police is no actor.
    assert not [s for s, label in labelled(rules, "وقال مصدر في شرطة محافظة كبيرة إن عبوة انفجرت.") if label == "ACTOR"]


def test_the_general_command_of_the_libyan_armed_forces_is_one_name(rules: RuleSuggester) -> None:
    text = "وقالت القيادة العامة للقوات المسلحة العربية الليبية إن قواتها أحبطت التهريب."
    assert labelled(rules, text) == [("القيادة العامة للقوات المسلحة العربية الليبية", "ACTOR")]


def test_a_quoted_name_runs_to_its_closing_quote(rules: RuleSuggester) -> None:
    assert ("لواء الثوار الأحرار", "ACTOR") in labelled(rules, 'وتبنى "لواء الثوار الأحرار" العملية في بيان.')
    # A quote that closes an earlier quotation opens nothing.
    got = labelled(rules, 'وقال "المرصد" الجيش النظامي يقصف "المدينة" كل يوم.')
    assert ("الجيش النظامي", "ACTOR") in got
    # Only plain words: a word with a clitic starts another name.
    got = labelled(rules, 'وهاجم "الجيش الوطني وحلفاؤه" البلدة.')
    assert ("الجيش الوطني", "ACTOR") in got


def test_kurdish_party_acronyms(rules: RuleSuggester) -> None:
    assert ("ب ي د", "ACTOR") in labelled(rules, "وقصفت المدفعية مواقع ب ي د في تل رفعت.")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وقال الناطق لموقع المدن إن الاجتماع تأجل.", "موقع المدن"),  # the head with its clitic
        ("وكشف تحقيق استقصائي لموقع بيلينغكات أن الأسلحة مهربة.", "موقع بيلينغكات"),  # in no list
        ("وقال القيادي في تصريح لوكالة ستيب إن المفاوضات مستمرة.", "وكالة ستيب"),
    ],
)
def test_an_outlet_talked_to_or_publishing_a_report(rules: RuleSuggester, text: str, source: str) -> None:
    assert (source, "SOURCE") in labelled(rules, text)


@pytest.mark.parametrize(
    "text",
    [
        "وقال إن القصف تعرض لموقع عسكري قرب البلدة.",  # a position, not a website
        "وقال مصدر إن الطائرات تعرضت لموقع الفصائل.",
    ],
)
def test_a_position_after_a_report_word_is_no_outlet(rules: RuleSuggester, text: str) -> None:
    assert not [s for s, label in labelled(rules, text) if label == "SOURCE" and "موقع" in s]


@pytest.mark.parametrize(
    ("text", "state", "label"),
    [
        ("وقتلت إسرائيل أكثر من مئة شخص في غاراتها.", "إسرائيل", "ACTOR"),  # a verb in no list
        ("ودمرت إسرائيل معظم المباني.", "إسرائيل", "ACTOR"),
        ("وتتوعد إيران بالرد.", "إيران", "ACTOR"),
        ("والقوات دخلت سوريا أمس.", "سوريا", "LOCATION"),  # a subject before the verb
        ("ودخلت سوريا مرحلة جديدة.", "سوريا", "LOCATION"),  # a motion verb
        ("وزارت الوزيرة تركيا الأسبوع الماضي.", "تركيا", "LOCATION"),
        ("وقالت مصادر إن صوت إسرائيل بث الخبر.", "إسرائيل", "LOCATION"),  # a noun ending in ت
    ],
)
def test_a_state_after_a_verb_opening_the_clause(rules: RuleSuggester, text: str, state: str, label: str) -> None:
    assert (state, label) in labelled(rules, text)


def test_names_listed_with_commas_after_a_plural_head(rules: RuleSuggester) -> None:
    got = labelled(rules, "وقصفت المدفعية قرى الهوشرية، الصيادة، والمشرفة في ريف حماة.")
    assert [s for s, label in got if label == "LOCATION"] == ["الهوشرية", "الصيادة", "المشرفة", "ريف حماة"]
    # A list needs its closing «و»: after a comma the clause may go on.
    got = labelled(rules, "وقصفت قرى الهوشرية، الصيادة، المدنيين.")
    assert [s for s, label in got if label == "LOCATION"] == ["الهوشرية"]
    got = labelled(rules, "وقصفت المدفعية قرى الهوشرية، ما أدى إلى أضرار.")
    assert [s for s, label in got if label == "LOCATION"] == ["الهوشرية"]


def test_an_ambiguous_head_cued_by_a_verb_before_its_subject(rules: RuleSuggester) -> None:
    assert ("معسكر الحامية", "LOCATION") in labelled(rules, "وهاجمت الفصائل معسكر الحامية.")
    assert not labelled(rules, "وقالت الحكومة إن ولاية الرئيس انتهت.")
    assert not labelled(rules, "وشهدت الولاية منطقة الاشتباكات.")


@pytest.mark.parametrize(
    ("text", "count", "value"),
    [
        ("وقتل قرابة الـ100 شخص في الهجوم.", "قرابة الـ100 شخص", 100),  # the article before digits
        ("وقتل نحو الـ 50 شخصاً في الهجوم.", "نحو الـ 50 شخصاً", 50),
    ],
)
def test_a_qualified_number_with_the_article(rules: RuleSuggester, text: str, count: str, value: int) -> None:
    sugs = [s for s in rules.suggest(text) if s.label == "COUNT"]
    assert [text[s.start : s.end] for s in sugs] == [count]
    assert sugs[0].attributes["value"] == value and sugs[0].attributes["approx"] is True


def test_family_members_are_counted(rules: RuleSuggester) -> None:
    assert ("ثلاثة إخوة", "COUNT") in labelled(rules, "وقتل ثلاثة إخوة في القصف.")
    assert ("3 أشقاء", "COUNT") in labelled(rules, "وقتل 3 أشقاء في القصف.")
    assert ("شقيقان", "COUNT") in labelled(rules, "وأصيب شقيقان في الغارة.")
    assert not labelled(rules, "وقال أبناء المنطقة إن القصف عنيف.")
    assert not [s for s, label in labelled(rules, "وفي الـ2023 قتل الكثير.") if label == "COUNT"]


def test_a_noun_with_a_sound_plural_is_a_dual_only_in_the_nominative(rules: RuleSuggester) -> None:
    assert not [s for s, label in labelled(rules, "واعتقلت القوات وجهاء وعاملين في الإدارة.") if label == "COUNT"]
    assert not [s for s, label in labelled(rules, "وخرج المحتجون طالبين بإسقاط النظام.") if label == "COUNT"]
    assert ("عاملان", "COUNT") in labelled(rules, "وأصيب عاملان في المصنع.")
    assert ("طياران", "COUNT") in labelled(rules, "وقتل طياران في سقوط المروحية.")


def test_a_compass_adjective_belongs_to_a_force_name(rules: RuleSuggester) -> None:
    assert ("قوات العمالقة الجنوبية", "ACTOR") in labelled(rules, "وتقدمت قوات العمالقة الجنوبية في شبوة.")
    # After a place it is the place's direction, not the force's.
    got = labelled(rules, "وقصفت قوات النظام ريف حلب الجنوبي.")
    assert ("قوات النظام", "ACTOR") in got and ("ريف حلب الجنوبي", "LOCATION") in got


def test_a_name_glued_to_a_comma(rules: RuleSuggester) -> None:
    assert ("حلب", "LOCATION") in labelled(rules, "قتل شخص في حلب،وأضاف المصدر أن القصف مستمر.")


def test_afp_named_as_the_french_agency(rules: RuleSuggester) -> None:
    got = labelled(rules, "وقالت الوكالة الفرنسية(أ ف ب) إن الهجوم وقع فجراً.")
    assert ("الوكالة الفرنسية", "SOURCE") in got and ("أ ف ب", "SOURCE") in got


def test_an_outlet_talked_to_beats_the_region_of_the_same_name(rules: RuleSuggester) -> None:
    assert ("الشرق الأوسط", "SOURCE") in labelled(rules, "وقالت مصادر مطلعة لـ«الشرق الأوسط» إن الاتفاق وشيك.")
    assert ("الشرق الأوسط", "LOCATION") in labelled(rules, 'وتشهد منطقة "الشرق الأوسط" توتراً.')


def test_outlets_that_are_common_words_only_in_quotes(rules: RuleSuggester) -> None:
    assert ("الصباح", "SOURCE") in labelled(rules, 'وقال مصدر لـ"الصباح" إن الاجتماع تأجل.')
    assert not [s for s, label in labelled(rules, "وفي الصباح عاد الهدوء إلى المدينة.") if label == "SOURCE"]
    # «البيان» (the statement) after an attribution word is what was said, not who said it.
    assert not [s for s, label in labelled(rules, 'وأشار البيان إلى أن "الهجوم فشل".') if label == "SOURCE"]


def test_of_a_single_family_is_no_count(rules: RuleSuggester) -> None:
    got = labelled(rules, "وقتل 5 أشخاص من عائلة واحدة في القصف.")
    assert [s for s, label in got if label == "COUNT"] == ["5 أشخاص"]
    assert ("عنصر واحد", "COUNT") in labelled(rules, "وقتل عنصر واحد في الهجوم.")


def test_a_local_activist_or_residents_in_an_attribution(rules: RuleSuggester) -> None:
    assert ("ناشط محلي", "SOURCE") in labelled(rules, "وقال ناشط محلي إن القصف استهدف المدرسة.")
    assert ("سكان محليون", "SOURCE") in labelled(rules, "وأكد سكان محليون أن المسلحين انسحبوا.")
    assert not labelled(rules, "ونزح سكان محليون من القرية.")
    assert not labelled(rules, "واعتقلت دورية ناشطاً حقوقياً في السوق.")


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("إسرائيل تقصف دمشق وتستهدف مواقع قرب العاصمة.", "دمشق"),
        ("الطائرات الإسرائيلية قصفت سوريا مرات عدة.", "سوريا"),
        ("وقصفت إسرائيل دمشق ليلاً.", "دمشق"),
    ],
)
def test_a_state_after_an_actor_and_its_verb_is_the_object(rules: RuleSuggester, text: str, state: str) -> None:
    assert (state, "LOCATION") in labelled(rules, text)


def test_a_state_after_an_actor_and_a_masdar_acts(rules: RuleSuggester) -> None:
    text = "وقدم التحالف الدولي بقيادة الولايات المتحدة معلومات للقوات."
    assert ("الولايات المتحدة", "ACTOR") in labelled(rules, text)


def test_a_quoted_name_in_no_list_after_a_force_head(rules: RuleSuggester) -> None:
    assert ("الحمزات", "ACTOR") in labelled(rules, 'وقتل عنصر من فرقة "الحمزات" في الاشتباك.')
    assert not [s for s, label in labelled(rules, 'وقال جهاز "ستارلينك" إن الخدمة عادت.') if label == "ACTOR"]


@pytest.mark.parametrize(
    "text",
    [
        "وأقامت السلطات 4 مستوطنات جديدة.",  # settlements
        "ونفذت القوات 12 مداهمة ووصلت 40 شاحنة مساعدات.",
    ],
)
def test_feminine_plurals_that_name_things_are_no_count(rules: RuleSuggester, text: str) -> None:
    assert not [s for s, label in labelled(rules, text) if label == "COUNT"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("بحسب ما ذكرته شبكة نداء سوريا.", "شبكة نداء سوريا"),  # an attribution with its object pronoun
        ("حسبما أوردته صحيفة الثورة اليمنية.", "صحيفة الثورة اليمنية"),  # an unquoted common-word outlet
    ],
)
def test_outlets_after_an_attribution_with_a_pronoun_and_unquoted_common_words(
    rules: RuleSuggester, text: str, source: str
) -> None:
    got = labelled(rules, text)
    assert (source, "SOURCE") in got
    assert not [s for s, label in got if label == "LOCATION"]


def test_a_quoted_common_word_outlet_after_its_head_is_the_quoted_part(rules: RuleSuggester) -> None:
    assert ("الثورة", "SOURCE") in labelled(rules, 'وقالت صحيفة "الثورة" إن الغارات استهدفت المطار.')


def test_the_houthi_militia_named_by_its_nisba(rules: RuleSuggester) -> None:
    assert ("الميليشيا الحوثية", "ACTOR") in labelled(rules, "واتهم الوزير الميليشيا الحوثية بالتصعيد.")


def test_a_spokesman_s_office_is_no_outlet(rules: RuleSuggester) -> None:
    got = labelled(rules, "وقال مكتب الناطق الرسمي باسم القوات المسلحة السودانية إن الجيش تقدم.")
    assert not [s for s, label in got if label == "SOURCE"]
    assert ("القوات المسلحة السودانية", "ACTOR") in got
