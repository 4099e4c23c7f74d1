"""core/suggest/rules/place_lists.py: lists of places after a plural head and places in no
list, through the rule suggester (sentences written for these tests)."""
from __future__ import annotations

from collections.abc import Callable

Labelled = Callable[[str], list[tuple[str, str]]]


def test_a_list_of_names_after_a_generic_plural_head(labelled: Labelled) -> None:
    got = labelled("تركزت الهجمات في مناطق كامبا وتوريني وساكو في الغرب.")
    assert {("كامبا", "LOCATION"), ("توريني", "LOCATION"), ("ساكو", "LOCATION")} <= set(got)
    # One word, an adjective, a known word or a definite noun after «مناطق» names no place.
    for text in (
        "استهدفت الغارات مناطق متفرقة من القطاع.",
        "استمر القصف في مناطق مختلفة ومتفرقة من البلاد.",
        "طالت الهجمات مناطق الشمال والشرق خلال العام.",
        "أثار القرار غضبا في مناطق مثل كامبا وتوريني.",
        "فرت العائلات من مناطق القتال والاشتباك.",
    ):
        assert not [s for s, label in labelled(text) if label == "LOCATION"], text


def test_names_quoted_one_by_one_or_between_slashes_after_a_head(labelled: Labelled) -> None:
    got = labelled("توغل المسلحون في محليات /كاموندو/ و/بيريكا/، وقتلوا عشرة.")
    assert {("كاموندو", "LOCATION"), ("بيريكا", "LOCATION")} <= set(got)
    got = labelled("قصفت الطائرات بلدات “كاباني” و”مونيرا” و”ساكيتو” في الشمال.")
    assert {("كاباني", "LOCATION"), ("مونيرا", "LOCATION"), ("ساكيتو", "LOCATION")} <= set(got)
    assert ("ماكاندو", "LOCATION") in labelled("وقع الهجوم في قرية /ماكاندو/ على الطريق.")
    # A slash with no name between it and the next one quotes nothing.
    got = labelled("نشر التقرير تحت عنوان قرية / مدينة / بلدة.")
    assert not [s for s, label in got if label == "LOCATION"]


def test_a_name_in_no_list_coordinated_with_a_place(labelled: Labelled) -> None:
    assert ("كاموندو", "LOCATION") in labelled("وصل النازحون إلى حلب وكاموندو أمس.")
    assert ("ماكاندو", "LOCATION") in labelled("سقطت قذائف في ماكاندو ودمشق.")
    got = labelled("انفجرت عبوة على طريق بين كاموندو وتيراكي في قضاء صور.")
    assert {("كاموندو", "LOCATION"), ("تيراكي", "LOCATION")} <= set(got)
    # A possessed noun, a verb, a verbal noun or an Arabic word after the place is none.
    for text in (
        "قصفت الطائرات حلب وريفها وضواحيها.",
        "اقتحم الجنود حلب ونهبت المحلات.",
        "سيطرت القوات على حلب وتكبيد الخصوم خسائر.",
        "أبلغ السكان في حلب ووقوع الضربات مستمر.",
    ):
        got = labelled(text)
        assert [s for s, label in got if label == "LOCATION"] == ["حلب"], (text, got)


def test_a_name_in_no_list_after_capital(labelled: Labelled) -> None:
    assert ("كاموندو", "LOCATION") in labelled("تقدمت القوات نحو عاصمة الإقليم كاموندو أمس.")
    assert ("كاموندو", "LOCATION") in labelled("وصل الوفد إلى عاصمة كاموندو.")
    assert not [s for s, label in labelled("زار الوزير عاصمة الثقافة العربية.") if label == "LOCATION"]


def test_a_name_goes_on_after_a_hyphen(labelled: Labelled) -> None:
    assert ("منطقة شانغول-كامز", "LOCATION") in labelled("قتل مدنيون في منطقة شانغول-كامز أمس.")
    assert ("كاتوزا-كاتوزا", "LOCATION") in labelled("وقع الكمين على الطريق بين بلدتي دوري وكاتوزا-كاتوزا.")
    # A known place after the hyphen is a place of its own: a road between two places.
    got = labelled("وقع الانفجار على طريق درعا-دمشق مساء أمس.")
    assert ("درعا", "LOCATION") in got and ("دمشق", "LOCATION") in got


def test_a_foreign_name_of_two_words_in_a_list(labelled: Labelled) -> None:
    got = labelled("هاجم المسلحون قرى كاتوزا وباريمو سانكا وتيليندو في الشمال.")
    assert {("كاتوزا", "LOCATION"), ("باريمو سانكا", "LOCATION"), ("تيليندو", "LOCATION")} <= set(got)
    # An Arabic word after a name is no second word of it.
    got = labelled("هاجم المسلحون قرى كاتوزا وباريمو صباحا.")
    assert ("باريمو", "LOCATION") in got and not any("صباحا" in s for s, _ in got)



def test_a_transliterated_name_after_fi_before_a_boundary(labelled: Labelled) -> None:
    assert ("كاتوريبا", "LOCATION") in labelled("قتل عشرة مدنيين في كاتوريبا، بحسب مصادر محلية.")
    assert ("باريموندو", "LOCATION") in labelled("وقعت اشتباكات عنيفة في باريموندو.")
    # A frequent Arabic word, a known word or a name that goes on is no such place.
    for text in ("شارك الآلاف في المظاهرات، وفق المنظمين.", "نشر الخبر في تيليغرام مساء أمس."):
        assert not [s for s, label in labelled(text) if label == "LOCATION"], text


def test_a_quoted_name_in_no_list_after_fi_or_a_compass_word(labelled: Labelled) -> None:
    assert ("كاتوريبا", "LOCATION") in labelled("انفجر لغم في “كاتوريبا” بوسط البلاد.")
    assert ("الكاتوزية", "LOCATION") in labelled("تعرضت قرى غرب “الكاتوزية” لقصف عنيف.")
    # A quoted phrase of frequent words is no place.
    assert not [s for s, label in labelled("قال إنه سيرد في “الوقت المناسب” على الهجوم.") if label == "LOCATION"]


def test_a_quoted_name_after_a_head_may_open_with_lam(labelled: Labelled) -> None:
    assert ("لاموري", "LOCATION") in labelled("وقع الهجوم في منطقة “لاموري” شرقي البلاد.")


def test_an_ordinal_or_size_word_belongs_to_a_listed_name(labelled: Labelled) -> None:
    got = labelled("استهدف القصف أحياء كاتوزا، الدرجة الأولى، وباريمو، ما أدى إلى حرائق.")
    assert {("كاتوزا", "LOCATION"), ("الدرجة الأولى", "LOCATION"), ("باريمو", "LOCATION")} <= set(got)


def test_a_foreign_name_after_a_head_runs_to_the_punctuation(labelled: Callable[[str], list[tuple[str, str]]]) -> None:
    # A last word that is frequent only as a transliteration, one that starts with «ف», a
    # short one in «ـوا», and the foreign words after a first word a list knows.
    assert ("منطقة سيركان هاند", "LOCATION") in labelled("قصفت القوات منطقة سيركان هاند، ما أدى إلى أضرار.")
    assert ("منطقة كوبانو فيرت", "LOCATION") in labelled("وقع هجوم في منطقة كوبانو فيرت.")
    assert ("إقليم خيبر باكتون خوا", "LOCATION") in labelled("وقع الهجوم في إقليم خيبر باكتون خوا، أمس.")
    # An adverb, a verb in «ف», a verb after a known name: the name ends before them.
    assert ("بلدة تيناكوس", "LOCATION") in labelled("وقع هجوم في بلدة تيناكوس صباحا.")
    assert ("منطقة كوبانو", "LOCATION") in labelled("وقع هجوم في منطقة كوبانو فقال الحاكم إن القتلى كثر.")
    assert ("بلدة خيبر", "LOCATION") in labelled("وصل إلى بلدة خيبر أمس.")


def test_a_glued_conjunction_and_a_frequent_word_after_a_plural_head_open_no_list(
    labelled: Callable[[str], list[tuple[str, str]]],
) -> None:
    got = labelled("واتهمت المنظمة الجيش بتدمير قرى واستخدام الضربات الجوية عقابا.")
    assert not [s for s, label in got if label == "LOCATION"]
    assert ("الهوشرية", "LOCATION") in labelled("وقصفت الطائرات قرى الهوشرية والصيادة.")


def test_a_place_that_needs_a_cue_glued_to_its_conjunction_after_a_place(
    labelled: Callable[[str], list[tuple[str, str]]],
) -> None:
    # «روستوف» needs a cue; the coordination with a place is one, even with «و» glued.
    assert ("روستوف", "LOCATION") in labelled("وقصفت الطائرات دمشق وحمص وروستوف.")
    assert not [s for s, label in labelled("وزار الوفد روستوف أمس.") if label == "LOCATION"]


def test_a_list_after_a_plural_head_of_provinces_districts_or_camps(labelled: Labelled) -> None:
    assert labelled("وقعت هجمات في أقاليم تاكالو وبينانغا وسوراتيو جنوب البلاد.") == [
        ("تاكالو", "LOCATION"), ("بينانغا", "LOCATION"), ("سوراتيو", "LOCATION"),
    ]
    assert ("الخضر", "LOCATION") in labelled("قتل شخصان في قضائي الرميثة والخضر جنوب البلاد.")
    # «قضائي» is judicial too: one word after it is no list.
    assert labelled("أصدرت المحكمة حكم قضائي بحق المتهمين.") == []
    assert labelled("هاجم المسلحون معسكرات النازحين في الإقليم.") == []


def test_a_list_after_a_plural_head_may_name_regions_by_a_compass_noun(labelled: Labelled) -> None:
    assert labelled("نزح السكان من منطقتي شمال كاتوبا وجنوب ميراسو بعد المعارك.") == [
        ("شمال كاتوبا", "LOCATION"), ("جنوب ميراسو", "LOCATION"),
    ]
    assert labelled("نزح السكان من قرى شمال البلاد.") == []  # a direction, no name


def test_the_last_name_of_a_list_after_a_comma_and_wa(labelled: Labelled) -> None:
    assert labelled("اندلعت الاشتباكات في منطقتي الفهود، والبطحاء شرق المدينة.") == [
        ("الفهود", "LOCATION"), ("البطحاء", "LOCATION"),
    ]
    # A new clause after the comma: one name.
    assert labelled("قصفت الطائرات قرى الحسينية، وقال مسؤول إن القصف استمر.") == [("الحسينية", "LOCATION")]


def test_a_spanish_or_portuguese_name_of_several_words_in_a_list(labelled: Labelled) -> None:
    """An article or «San» opens it, «دي/دا» links its words; frequent as transliterations,
    they end no name."""
    assert labelled("سيطر المسلحون على مدن لوس ريتوس وكامارانو في الشمال.") == [
        ("لوس ريتوس", "LOCATION"), ("كامارانو", "LOCATION"),
    ]
    assert labelled("كما شهدت مدن تاكونا، ماراليا، بونتا دي لوما، وتاروكا حوادث قتل أخرى.") == [
        ("تاكونا", "LOCATION"), ("ماراليا", "LOCATION"), ("بونتا دي لوما", "LOCATION"), ("تاروكا", "LOCATION"),
    ]
    assert ("سان روكي", "LOCATION") in labelled("وقعت الاشتباكات في مدن أريكا وسان روكي.")
    # Without a boundary after it the name is one word: «مدن X وY أعمال عنف» has a verb's object.
    assert ("تاروكا", "LOCATION") in labelled("شهدت مدن تاروكا وكاموسا أعمال عنف.")
    assert ("كاموسا أعمال", "LOCATION") not in labelled("شهدت مدن تاروكا وكاموسا أعمال عنف.")


def test_a_lone_transliterated_name_after_near_or_towards(labelled: Labelled) -> None:
    assert ("ماسوندا", "LOCATION") in labelled("وقع الهجوم بالقرب من ماسوندا، وقتل فيه جنديان.")
    assert ("كيراتو", "LOCATION") in labelled("تقدمت القوات باتجاه كيراتو.")
    # «من» alone and «إلى» open no such name.
    assert not [w for w, label in labelled("فر مئات الأشخاص الذين لجأوا إلى أديرة.") if label == "LOCATION"]
    assert not [w for w, label in labelled("وصلت رسالة من كابيلا، وقال إن الوضع هادئ.") if label == "LOCATION"]


def test_two_names_in_no_list_between_which_a_road_runs(labelled: Labelled) -> None:
    got = labelled("انفجرت عبوة على الطريق الرابط بين كاتيغا وموبيرو، ما أدى إلى مقتل جنديين.")
    assert {("كاتيغا", "LOCATION"), ("موبيرو", "LOCATION")} <= set(got)
    # Between two parties named in no list: no places.
    assert not [w for w, label in labelled("اندلعت اشتباكات بين كاتيغا وموبيرو، ما أدى إلى مقتل جنديين.") if label == "LOCATION"]


def test_after_a_plural_head_no_list_opens_with_a_fight_a_participle_a_day_or_a_region(labelled: Labelled) -> None:
    assert labelled("تشهد قرى اشتباكات متقطعة منذ الصباح.") == []
    assert labelled("شنت الطائرات غارات على بلدات متفرقة في الجنوب.") == []
    assert labelled("أحرقوا أحياء الإثنين في العاصمة.") == []
    assert ("الشرق", "LOCATION") not in labelled("تعد جلال آباد من كبرى مدن الشرق الأفغاني.")
    assert labelled("قصفت الطائرات قرى مرعيانة والطيبة.") == [("مرعيانة", "LOCATION"), ("الطيبة", "LOCATION")]


def test_a_quoted_word_after_min_is_no_place(labelled: Labelled) -> None:
    assert not [w for w, label in labelled('وصل تهديد من "كاموريا" إلى السكان.') if label == "LOCATION"]
    assert ("كاموريا", "LOCATION") in labelled('وقع الهجوم في "كاموريا" أمس.')


def test_a_transliterated_name_after_residents_of(labelled: Labelled) -> None:
    assert ("كاتوندا", "LOCATION") in labelled("فر سكان كاتوندا ونهب المسلحون الطعام.")
    assert labelled("وقال سكان محليون إن القصف استمر.") == []
    assert labelled("فر سكان القرية إلى الغابة.") == []


def test_a_name_in_no_list_glued_to_wa_after_a_comma_in_a_list_of_places(labelled: Labelled) -> None:
    assert ("قدموسا", "LOCATION") in labelled("حلقت الطائرات فوق صور، والبازورية، وقدموسا والساحل.")
    # The place before the comma in no list: a new phrase.
    assert labelled("يقع الإقليم تحت سيطرة الهند، والمتموقع في الجبال.") == [("الهند", "ACTOR")]
