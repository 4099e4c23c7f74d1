"""core/suggest/rules/counts.py: the COUNT rules, through the rule suggester."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.core.suggest.rules import RuleSuggester

Labelled = Callable[[str], list[tuple[str, str]]]


def counts(rules: RuleSuggester, text: str) -> dict[str, dict]:
    return {text[s.start:s.end]: s.attributes for s in rules.suggest(text) if s.label == "COUNT"}


def test_a_number_and_a_people_noun_with_its_attributes(rules: RuleSuggester) -> None:
    assert counts(rules, "وقال المرصد إن 5 مدنيين قتلوا.") == \
        {"5 مدنيين": {"value": 5, "approx": False, "category": "killed"}}


def test_a_qualifier_makes_it_approximate(rules: RuleSuggester) -> None:
    assert counts(rules, "وأصيب نحو 30 شخصا في القصف.") == \
        {"نحو 30 شخصا": {"value": 30, "approx": True, "category": "wounded"}}


def test_duals_and_vague_quantities(rules: RuleSuggester) -> None:
    found = counts(rules, "قتل طفلان وأصيب عشرات المدنيين.")
    assert found["طفلان"]["value"] == 2
    assert found["عشرات المدنيين"] == {"value": [20, 99], "approx": True, "category": "wounded"}


def test_never_a_year_a_distance_a_duration_or_things(rules: RuleSuggester) -> None:
    text = "وقع الهجوم عام 2023 على بعد 20 كيلومترا واستمر 3 ساعات وطال 12 منزلا."
    assert counts(rules, text) == {}


# --------------------------------------------------------------------------------------
# Constructions of published news (issue #11, part 1); written for these tests.
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
def test_counted_people_known_by_their_form(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


@pytest.mark.parametrize(
    "text",
    [
        "ودمرت الغارات 12 منزلاً و3 مواقع عسكرية.",
        "وتبعد البلدة 15 متراً عن الحدود.",
        "وسقط 20 مليوناً من الدولارات في الصفقة.",
        "وشاهد العشرات بالأمس العرض العسكري.",  # no trigger before the vague quantity
    ],
)
def test_no_count_from_things_with_a_people_like_form(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "COUNT"]


def test_a_toll_reaches_over_a_long_complement_with_a_date(labelled: Labelled) -> None:
    text = "ارتفع عدد قتلى الحرب على القطاع التي بدأت في السابع من تشرين الأول الماضي إلى أكثر من خمسة عشر ألفاً."
    assert ("أكثر من خمسة عشر ألفاً", "COUNT") in labelled(text)
    # A count of things with a long complement stays out, and so does a range of years.
    assert not labelled("وارتفع عدد الغارات على المدينة منذ بداية الشهر إلى 120.")
    assert not [s for s, label in labelled("وارتفع عدد قتلى الهجوم في 2023 إلى 2024.") if label == "COUNT"]


def test_a_toll_with_a_possessive_casualty_word(labelled: Labelled) -> None:
    text = "وأعلن الجيش مقتل ضابط، ليرتفع عدد قتلاه منذ بدء العملية البرية إلى 385."
    assert ("385", "COUNT") in labelled(text)
    text = "وأعلن الجيش أن عدد آلياته المدمرة منذ بدء العملية البرية وصل إلى 385."
    assert not [s for s, label in labelled(text) if label == "COUNT"]


def test_suspects_are_counted_with_their_complement(labelled: Labelled) -> None:
    assert ("4 مشتبه بهم", "COUNT") in labelled("وأسفرت العملية عن اعتقال 4 مشتبه بهم.")


@pytest.mark.parametrize(
    ("text", "count", "value"),
    [
        ("وقتل قرابة الـ100 شخص في الهجوم.", "قرابة الـ100 شخص", 100),  # the article before digits
        ("وقتل نحو الـ 50 شخصاً في الهجوم.", "نحو الـ 50 شخصاً", 50),
    ],
)
def test_a_qualified_number_with_the_article(rules: RuleSuggester, labelled: Labelled, text: str, count: str, value: int) -> None:
    sugs = [s for s in rules.suggest(text) if s.label == "COUNT"]
    assert [text[s.start : s.end] for s in sugs] == [count]
    assert sugs[0].attributes["value"] == value and sugs[0].attributes["approx"] is True


def test_family_members_are_counted(labelled: Labelled) -> None:
    assert ("ثلاثة إخوة", "COUNT") in labelled("وقتل ثلاثة إخوة في القصف.")
    assert ("3 أشقاء", "COUNT") in labelled("وقتل 3 أشقاء في القصف.")
    assert ("شقيقان", "COUNT") in labelled("وأصيب شقيقان في الغارة.")
    assert not labelled("وقال أبناء المنطقة إن القصف عنيف.")
    assert not [s for s, label in labelled("وفي الـ2023 قتل الكثير.") if label == "COUNT"]


def test_a_noun_with_a_sound_plural_is_a_dual_only_in_the_nominative(labelled: Labelled) -> None:
    assert not [s for s, label in labelled("واعتقلت القوات وجهاء وعاملين في الإدارة.") if label == "COUNT"]
    assert not [s for s, label in labelled("وخرج المحتجون طالبين بإسقاط النظام.") if label == "COUNT"]
    assert ("عاملان", "COUNT") in labelled("وأصيب عاملان في المصنع.")
    assert ("طياران", "COUNT") in labelled("وقتل طياران في سقوط المروحية.")


def test_of_a_single_family_is_no_count(labelled: Labelled) -> None:
    got = labelled("وقتل 5 أشخاص من عائلة واحدة في القصف.")
    assert [s for s, label in got if label == "COUNT"] == ["5 أشخاص"]
    assert ("عنصر واحد", "COUNT") in labelled("وقتل عنصر واحد في الهجوم.")


@pytest.mark.parametrize(
    "text",
    [
        "وأقامت السلطات 4 مستوطنات جديدة.",  # settlements
        "ونفذت القوات 12 مداهمة ووصلت 40 شاحنة مساعدات.",
    ],
)
def test_feminine_plurals_that_name_things_are_no_count(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "COUNT"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("وقالت العائلة إن الشهداء الخمسة بينهم طفلان.", "الشهداء الخمسة"),
        ("وذكر البيان أن المقاتلين الأربعة قتلوا في الغارة.", "المقاتلين الأربعة"),
    ],
)
def test_a_definite_people_noun_and_a_definite_number_word(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


@pytest.mark.parametrize(
    "text", ["وخلال الأشهر الثلاثة الماضية تراجع القصف.", "ووصل الجنود الاثنين إلى القاعدة.", "وفي الأيام الخمسة الأولى."],
)
def test_definite_things_and_monday_are_no_count(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "COUNT"]


def test_a_toll_head_with_a_glued_conjunction(labelled: Labelled) -> None:
    got = labelled("وبلغ عدد القتلى 120، وعدد الجرحى 4567 منذ بدء المعارك.")
    assert {("120", "COUNT"), ("4567", "COUNT")} <= set(got)
    assert not [s for s, label in labelled("وبلغ عدد الغارات 40، وعدد الصواريخ 300 منذ أمس.") if label == "COUNT"]


def test_members_are_people(labelled: Labelled) -> None:
    assert ("250 عضواً", "COUNT") in labelled("وقتل 250 عضواً في الحزب منذ بدء الحرب.")


def test_a_vague_million_after_glued_displacement_triggers(labelled: Labelled) -> None:
    got = labelled("وأدت الحرب إلى نزوح ولجوء نحو 9 ملايين، بحسب المنظمة.")
    assert ("نحو 9 ملايين", "COUNT") in got
    assert not [s for s, label in labelled("وبلغت الكلفة نحو 9 ملايين، بحسب الوزارة.") if label == "COUNT"]


def test_an_accusative_unit_with_a_glued_conjunction_inside_a_compound(labelled: Labelled) -> None:
    got = labelled("وبلغ عدد الذين قتلوا مئتين وواحداً وثلاثين شخصاً منذ بداية العام.")
    assert ("مئتين وواحداً وثلاثين شخصاً", "COUNT") in got


def test_a_nationality_dual_after_a_trigger(labelled: Labelled) -> None:
    assert ("لبنانيان", "COUNT") in labelled("واستشهد لبنانيان في غارة على البلدة.")
    assert not [s for s, label in labelled("وقال مسؤولان لبنانيان إن الغارة دمرت منزلاً.") if label == "COUNT"]


def test_one_family_after_a_construct_noun_is_no_count(labelled: Labelled) -> None:
    got = labelled("وقتل 4 من أفراد أسرة واحدة في القصف.")
    assert [s for s, label in got if label == "COUNT"] == ["4"]
    assert ("مدني واحد", "COUNT") in labelled("وأصيب مدني واحد في الانفجار.")


# --------------------------------------------------------------------------------------
# Counts of published news (issue #11, part 1); invented sentences.
# --------------------------------------------------------------------------------------
def test_a_number_over_two_coordinated_nouns(labelled: Labelled) -> None:
    got = labelled("وقتل في القصف 13 رجلاً وطفلاً، واعتقل 21 مسلحاً ومشتبهاً به.")
    assert {("13 رجلاً وطفلاً", "COUNT"), ("21 مسلحاً ومشتبهاً به", "COUNT")} <= set(got)
    # A plural after «و» is counted on its own, if at all.
    got = labelled("وقتل 5 جنود ومدنيون كثيرون.")
    assert ("5 جنود", "COUNT") in got


def test_a_qualifier_spelt_without_a_space(labelled: Labelled) -> None:
    assert ("ما لايقل عن 12 شخصاً", "COUNT") in labelled("وقتل ما لايقل عن 12 شخصاً في الهجوم.")


def test_a_number_in_quotes_or_slashes_is_the_span(labelled: Labelled) -> None:
    assert ("40", "COUNT") in labelled("وقالت القبائل إنها قتلت أكثر من \"40\" مسلحاً أمس.")
    assert ("6", "COUNT") in labelled("وأصيب /6/ مقاتلين في الهجوم.")
    # A number that ends the text, in quotes or not.
    assert not [s for s, label in labelled("وبلغ عددهم \"40\"") if label == "COUNT"]
    assert not [s for s, label in labelled("وقال: 40") if label == "COUNT"]
    # Not a quoted year, nor a quoted number of things.
    assert not [s for s, label in labelled("وأطلقت \"40\" صاروخاً على المدينة في \"2024\".") if label == "COUNT"]


def test_the_accusative_singular_of_a_nisba_after_a_number(labelled: Labelled) -> None:
    assert ("14 حوثياً", "COUNT") in labelled("وقتل 14 حوثياً في المواجهات.")
    assert not [s for s, label in labelled("وقتل 14 يومياً في المدينة، ونظرت المحكمة في 30 قضايا.") if label == "COUNT"]


def test_a_bare_number_before_a_subset_of_it(labelled: Labelled) -> None:
    assert ("37", "COUNT") in labelled("وأسفرت الغارة عن مقتل 37 غالبيتهم من النساء.")


def test_a_toll_that_goes_on_with_its_next_category(labelled: Labelled) -> None:
    got = labelled("وصعدت حصيلة الضحايا إلى 1.204 والجرحى إلى 3.517 بحسب الوزارة.")
    assert {("1.204", "COUNT"), ("3.517", "COUNT")} <= set(got)
    got = labelled("وصعدت حصيلة الضحايا إلى 1.204 والإصابات إلى 3.517 بحسب الوزارة.")
    assert ("3.517", "COUNT") in got
    assert not [s for s, label in labelled("وارتفع سعر الخبز إلى 1.5 والوقود إلى 3.2 منذ بدء الحرب.") if label == "COUNT"]


def test_a_number_between_two_clauses_of_casualties(labelled: Labelled) -> None:
    got = labelled("وقتل خلال ليلة الأحد نحو 90 وجرح أكثر من 200 آخرين في الغارات.")
    assert {("نحو 90", "COUNT"), ("أكثر من 200 آخرين", "COUNT")} <= set(got)
    # Without a trigger before it the number counts nothing.
    assert not [s for s, label in labelled("واستمرت الرحلة نحو 90 وأصيب السائق بالإرهاق.") if label == "COUNT"]


def test_a_plural_that_hama_shows_is_a_dual(labelled: Labelled) -> None:
    got = labelled("واعتقلت الشرطة 6 مطلوبين وقياديين هما من مؤسسي الخلية.")
    assert ("قياديين", "COUNT") in got
    assert ("قياديين", "COUNT") not in labelled("واعتقلت الشرطة 6 مطلوبين وقياديين في الخلية.")


def test_the_count_scan_kinds_are_the_start_and_definite_people_tests(rules: RuleSuggester) -> None:
    """The COUNT scan only visits tokens whose memoised kind is not 0: the kind must be
    exactly "may start a count" or "a definite people noun" (for «الشهداء الستة»)."""
    kinds = rules._count_kinds()
    assert kinds["3"] == kinds["ال50"] == kinds["ثلاثه"] == 1
    assert kinds["المدنيين"] == 2 and kinds["حلب"] == 0 and kinds["القصف"] == 0
    text = "قتل الشهداء الستة في القصف"
    assert ("الشهداء الستة", "COUNT") in {(text[s.start:s.end], s.label) for s in rules.suggest(text)}


# Round 2 (issue #11): «واحداً» before «على الأقل», «آخران» after its noun, «عدة» after its noun.
def test_one_person_before_at_least(labelled: Labelled) -> None:
    assert ("شخصا واحدا", "COUNT") in labelled("وقالت الشرطة إن شخصا واحدا على الأقل قتل في الانفجار.")
    # «of a single family»: nobody counted.
    assert not [s for s, label in labelled("وهم من عائلة واحدة تسكن الحي.") if label == "COUNT"]


def test_others_after_a_counted_dual_is_its_adjective(labelled: Labelled) -> None:
    got = labelled("وقتل ثلاثة مدنيين وجرح شخصان آخران في القصف.")
    assert ("شخصان", "COUNT") in got
    assert not any("آخران" in s for s, _ in got)
    # After a trigger, «آخران» is the count itself.
    assert ("آخران", "COUNT") in labelled("وقتل جنديان وأصيب آخران في الكمين.")


def test_several_after_its_noun_is_no_count(labelled: Labelled) -> None:
    assert not [s for s, label in labelled("وتقع القرية على بعد كيلومترات عدة من الحدود.") if label == "COUNT"]
    assert ("عدة أشخاص", "COUNT") in labelled("وقتل عدة أشخاص في الهجوم.")


def test_a_definite_dual_refers_back_to_two(labelled: Labelled) -> None:
    assert ("العنصران", "COUNT") in labelled("وحاول العنصران الفرار قبل أن يقتلا.")
    assert ("العنصرين", "COUNT") in labelled("وقال البيان إن أحد العنصرين فجر نفسه.")
    # A definite dual of no person («الطرفان») counts nobody, nor of victims counted before.
    assert not [s for s, label in labelled("ويرجح أن الضحيتين قتلتا بالرصاص.") if label == "COUNT"]
    assert not [s for s, label in labelled("واتفق الطرفان على الهدنة.") if label == "COUNT"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("ويقطن المدينة أكثر من 300 ألف نسمة.", "أكثر من 300 ألف نسمة"),
        ("ولجأ مئات الفارين إلى البلدة المجاورة.", "مئات الفارين"),
        ("وأحرق المسلحون منزلين يعودان لأسرتين من القرية.", "أسرتين"),
        ("وبين الجرحى خبيرين أجنبيين.", "خبيرين"),
        ("وارتفعت حصيلة قتلى الهجوم إلى نحو 30 بينما أصيب خمسة.", "نحو 30"),
    ],
)
def test_round_two_counted_nouns_and_toll_ends(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


def test_a_toll_number_before_a_count_of_things_is_no_count(labelled: Labelled) -> None:
    assert not [s for s, label in labelled("وارتفعت حصيلة الغارات إلى 30 غارة منذ الصباح.") if label == "COUNT"]


def test_a_compound_and_a_coordinated_counted_noun_are_taken_whole(labelled: Labelled) -> None:
    assert ("12 فرد أمن", "COUNT") in labelled("وقتل 12 فرد أمن في الكمين.")
    assert ("نحو عشرة أطفال ونساء", "COUNT") in labelled("وقتل 20 مدنيا بينهم نحو عشرة أطفال ونساء.")
    # A second noun with its own number is its own count.
    got = labelled("وقتل 3 جنود ونساء اثنتان في القصف.")
    assert ("3 جنود", "COUNT") in got


# Round 3 (issue #11): «عدة» only after a trigger, duals of injuries, cases counted by what befell them.
def test_several_counts_people_only_right_after_a_trigger(labelled: Labelled) -> None:
    assert ("عدة جرحى", "COUNT") in labelled("وأصيب عدة جرحى في القصف.")
    for text in ("وقال إن عدة ضباط سيحالون إلى التحقيق.", "وعثر الأهالي على عدة جثث قرب النهر.", "وتؤوي المدرسة عدة نازحين."):
        assert not [s for s, label in labelled(text) if label == "COUNT"], text


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("واستقبل المستشفى إصابتين بالرصاص الحي.", "إصابتين"),
        ("وسجلت الفرق الطبية 14 حالة وفاة في المخيم.", "14 حالة وفاة"),
        ("وأحصى المركز نحو 40 حالة اختناق بين السكان.", "نحو 40 حالة اختناق"),
    ],
)
def test_injury_duals_and_cases_are_counts(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


def test_cases_of_something_else_are_no_count(labelled: Labelled) -> None:
    for text in ("وسجلت الشرطة 14 حالة سرقة في الحي.", "ورصد الفريق 9 حالات في المدينة."):
        assert not [s for s, label in labelled(text) if label == "COUNT"], text


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("وأصيب خمسة مدنيين، من بينهم شخص واحد إصابته خطيرة.", "شخص واحد"),
        ("وقال إن نحو 30 سائقاً ومتدربين قتلوا في الكمين.", "نحو 30 سائقاً ومتدربين"),
        ("ولقي العشرات الجنود والمدنيين حتفهم في الهجومين.", "العشرات الجنود والمدنيين"),
        ("وأدى الانفجار إلى إصابة الأربعة الأشخاص بجروح.", "الأربعة الأشخاص"),
    ],
)
def test_round_three_subsets_coordinated_plurals_and_definite_numbers(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


def test_the_wounded_after_the_killed_and_monday_are_not_in_the_count(labelled: Labelled) -> None:
    assert ("مئات القتلى", "COUNT") in labelled("وسقط مئات القتلى والمصابين في القصف.")
    assert not [s for s, label in labelled("وعاد الأطباء يوم الاثنين الماضي.") if label == "COUNT"]
    # «عائلة واحدة» is one household, not a count, also after «بينهم».
    assert ("شخص واحد", "COUNT") not in labelled("وقال إن شخص واحد لا يكفي للمهمة.")


def test_a_side_counting_its_own_kills(labelled: Labelled) -> None:
    assert ("27", "COUNT") in labelled("وقال المتحدث: قتلنا 27 (من أفراد الشرطة) في الهجوم.")
    assert not [s for s, label in labelled("وقال: قتلنا الوقت في الانتظار 3 ساعات.") if label == "COUNT"]


# Round 4 (issue #11): duals of people nouns no dual list holds, a bracketed number, a bare
# number before a clause on the people counted; livestock and years are no count.
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("وقتل شرطيان في الهجوم على الحاجز.", "شرطيان"),
        ("ونجت طفلتان من القصف على المخيم.", "طفلتان"),
        ("وقالت القوات إنها قتلت ثلاثة يشتبه في انتمائهم للجماعة.", "ثلاثة"),
        ("وأسفر الكمين عن مقتل ما لا يقل عن ( 12 ) جنديا.", "12"),
    ],
)
def test_counts_no_list_spells_out(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


@pytest.mark.parametrize(
    "text",
    [
        "وسرق المهاجمون نحو 300 من الماشية.",
        "وتبين أنهما من منتسبان إلى الفصيل.",
        "وزار مسؤولان فلسطينيان المدينة.",
        "وقتل 14 يومياً في المدينة.",
    ],
)
def test_no_count_from_livestock_a_predicate_or_an_adverb(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "COUNT"]


def test_a_bare_number_before_a_plural_perfect_of_the_counted(labelled: Labelled) -> None:
    assert ("ثلاثة", "COUNT") in labelled("ووصل عشرة جرحى إلى المستشفى، بينهم ثلاثة أصيبوا في الرأس.")


# A sound «-ين» form of a singular people noun is a dual when what follows agrees.
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("وأوضح الشهود أن الانتحاريين فجرا السيارة قرب السوق.", "الانتحاريين"),
        ("وأفادت الشرطة بأن انتحاريين يشتبه في انتمائهما للجماعة نفذا الهجوم.", "انتحاريين"),
    ],
)
def test_a_dual_told_by_agreement(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


@pytest.mark.parametrize(
    "text",
    ["وأصيب المدنيين في الهجوم على منزلهما.", "وقال إن المدنيين كثيرا ما يدفعون الثمن.", "وقتل مدنيين كثيرا في القصف."],
)
def test_no_dual_without_agreement(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "COUNT"]


# Round 5 (issue #11): a definite vague quantity that a trigger in its clause befell.
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("وأجبرت المعارك الآلاف على الفرار من القرى.", "الآلاف"),
        ("وأودت الحرب بحياة الآلاف، بحسب الأمم المتحدة.", "الآلاف"),
        ("وشرد القتال الملايين على مدى عقد.", "الملايين"),
    ],
)
def test_a_definite_vague_quantity_in_a_toll(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


@pytest.mark.parametrize(
    "text",
    ["وفرضت الجماعة حكمها على الملايين في المنطقة.", "وحضر الآلاف في الساحة العامة.", "وتظاهر الآلاف على الطريق."],
)
def test_no_definite_vague_quantity_without_a_toll(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "COUNT"]


# Round 5 (issue #11): a year after a month or coordinated with a year is no COUNT.
@pytest.mark.parametrize(
    "text",
    ["وحذرت الجماعة البلاد في يناير 2020 من هجمات جديدة.", "وتكرر ما حدث في عامي 2006 و2007 من قتال."],
)
def test_a_year_after_a_month_or_a_year(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "COUNT"]


def test_a_large_number_of_people_is_still_a_count(labelled: Labelled) -> None:
    assert ("2007 من", "COUNT") not in labelled("وقتل 2007 من المدنيين.")
    assert ("2007", "COUNT") in labelled("وقتل 2007 من المدنيين.")
    assert ("15 مدنيا", "COUNT") in labelled("وفي مارس قتل 15 مدنيا.")


# Round 5 (issue #11): a people noun's dual behind a clitic the lexicon does not list; the
# clitic stays outside, as for any word (a digit keeps its «و»).
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("وقتل ثمانية أشخاص بينهم ستة رجال وطفلتان في القصف.", "طفلتان"),
        ("وأوضحت أن اللغم انفجر بالطفلين عندما كانا يلعبان.", "الطفلين"),
        ("وأسفر الهجوم عن مقتل شرطيين وإصابة آخرين.", "شرطيين"),
    ],
)
def test_a_dual_behind_a_clitic_and_policemen(labelled: Labelled, text: str, count: str) -> None:
    got = labelled(text)
    assert (count, "COUNT") in got
    assert ("و" + count, "COUNT") not in got and ("ب" + count, "COUNT") not in got


def test_a_digit_keeps_its_and_and_a_wounded_toll_its_category(labelled: Labelled) -> None:
    assert ("5 و10", "COUNT") in labelled("وقتل 5 و10 أصيبوا في الهجوم.")
    got = labelled("وارتفع عدد القتلى إلى 34183 والجرحى إلى 77143 منذ بدء الحرب.")
    assert ("34183", "COUNT") in got and ("77143", "COUNT") in got


# Round 5 (issue #11): a definite number after a people noun with a possessive pronoun
# («أطفاله الثلاثة»), like «الشهداء الستة» (guidelines §6); a glued «و» stays outside.
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("واستشهد صحفي وزوجته وأطفاله الثلاثة فجر اليوم.", "أطفاله الثلاثة"),
        ("وقتل رجل وأبناؤه الخمسة في القصف.", "أبناؤه الخمسة"),
    ],
)
def test_a_definite_number_after_possessed_people(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


def test_a_definite_number_after_possessed_things(labelled: Labelled) -> None:
    assert not [s for s, label in labelled("وقضى أيامه الثلاثة في المستشفى.") if label == "COUNT"]


# Round 5 (issue #11): a nominative dual after another is its adjective (one count); a
# qualifier spelt without its space; passengers are people.
def test_a_dual_adjective_after_a_dual_noun(labelled: Labelled) -> None:
    got = labelled("وقال عسكريان منشقان إن الطائرات قصفت المنطقة.")
    assert [s for s, label in got if label == "COUNT"] == ["عسكريان"]
    got = labelled("وقتل شخصان وأصيب جنديان في الهجوم.")
    assert [s for s, label in got if label == "COUNT"] == ["شخصان", "جنديان"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("وأدى الانفجار إلى مقتل مايقارب 10 أشخاص.", "مايقارب 10 أشخاص"),
        ("وفتح المسلحون النار على حافلة على متنها 14 راكبا.", "14 راكبا"),
    ],
)
def test_a_glued_qualifier_and_passengers(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


# Round 6 (issue #11): a number over a two-word people noun of a service, the dual of a
# deputy, and units named in quotes after «العشرات من».
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("قتل ثلاثة رجال شرطة في الهجوم.", "ثلاثة رجال شرطة"),
        ("وأصيب خمسة رجال إطفاء أثناء عملهم.", "خمسة رجال إطفاء"),
        ("وأصيب عشرون شخصا بينهم نائبان محليان.", "نائبان"),
        ("وقتل نائبين في البرلمان بانفجار.", "نائبين"),
    ],
)
def test_service_members_and_deputies_are_counted(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


def test_a_service_noun_with_the_article_and_quoted_units_are_not_inside_a_count(labelled: Labelled) -> None:
    got = labelled("وحضر ثلاثة رجال الشرطة إلى المكان.")
    assert ("ثلاثة رجال الشرطة", "COUNT") not in got
    got = labelled("وتقاتل القوات العشرات من “كتائب الدفاع” في البلاد.")
    assert not [s for s, label in got if label == "COUNT"]
    assert ("العشرات", "COUNT") in labelled("وأصيب العشرات من قوات الأمن في الهجوم.")


# Round 7 (issue #11): a definite vague quantity after its trigger, followed by the next
# clause glued by «و», by when it happened, or by a plural verb on the people it counts;
# residents and attackers as counted nouns.
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("وأسفرت المعارك عن مقتل وجرح العشرات ونزوح السكان إلى القرى.", "العشرات"),
        ("وقتل خمسة جنود وجرح العشرات الجمعة في هجوم على موقع.", "العشرات"),
        ("وكان العشرات سقطوا أمس في اشتباكات مماثلة.", "العشرات"),
        ("وغادر عشرات السكان منازلهم خوفا من القصف.", "عشرات السكان"),
        ("ولقي نحو 15 مهاجماً مصرعهم في الاشتباك.", "نحو 15 مهاجماً"),
    ],
)
def test_vague_quantities_after_a_trigger_and_residents_counted(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


@pytest.mark.parametrize(
    "text",
    [
        "ودمر القصف العشرات الجمعة في القرية.",  # no trigger of people: things destroyed
        "وكان العشرات من المنازل قد تضررت.",  # a count of houses
        "وقال أحد السكان إن القصف استمر.",  # one of the residents: no number
    ],
)
def test_vague_quantities_of_things_and_a_resident_are_no_count(labelled: Labelled, text: str) -> None:
    assert not [s for s, label in labelled(text) if label == "COUNT"]


# Round 7 (issue #11): a toll the sentence opened that «ليصل إلى» brings to its number; a
# number with «على الأقل من» + people; a bare number before the plural of a trigger verb;
# a glued «و» after a number opens the next clause; feminine «one/two» of places.
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("ارتفع عدد القتلى في الإقليم، منذ بداية العام، ليصل إلى 312، بحسب الأرقام.", "312"),
        ("وقتل ثلاثة آخرون، ليصل العدد الإجمالي للضحايا إلى 17 في يوم واحد.", "17"),
        ("وقال الضابط إن اثنين على الأقل من رجال الأمن أصيبا.", "اثنين"),
        ("وقال شهود إن رجلا طعن وخمسة قتلوا بالرصاص في القرية.", "خمسة"),
        ("وقتل 10 جنود وأصيب 15 وأسر خمسة في الهجوم.", "15"),
    ],
)
def test_tolls_reached_at_least_of_people_and_bare_numbers_before_a_plural_verb(
    labelled: Labelled, text: str, count: str
) -> None:
    assert (count, "COUNT") in labelled(text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("وارتفع عدد الغارات منذ الصباح ليصل إلى 40 غارة.", "40"),  # a toll of strikes
        ("وقتل 10 جنود وأصيب 15 وأسر خمسة في الهجوم.", "15 وأسر"),  # «وأسر» is no counted noun
        ("وقتل عشرة أشخاص من عائلة واحدة استشهدوا في القصف.", "واحدة"),  # one: the family's adjective
        ("ووقعت الهجمات في واحدة من الولايات الأكثر عنفا.", "واحدة"),  # one of the states
        ("لكن اثنتين من مناطقها تشهد نزاعا مسلحا.", "اثنتين"),  # two of its regions
    ],
)
def test_strikes_a_clause_after_a_number_one_family_and_places_are_no_count(
    labelled: Labelled, text: str, wrong: str
) -> None:
    assert (wrong, "COUNT") not in labelled(text)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("وقتل نحو مئتي مدني في الهجوم.", "نحو مئتي مدني"),  # the construct of «مئتان»
        ("واعتقلت الشرطة 25 مشتبهاً بهم.", "25 مشتبهاً بهم"),  # an accusative people noun no list spells
    ],
)
def test_two_hundred_in_construct_and_an_accusative_people_noun(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


def test_an_accusative_of_years_or_distance_is_no_count(labelled: Labelled) -> None:
    assert not [s for s, label in labelled("وكان عمره 25 عاما وقتل على بعد 15 كيلومترا.") if label == "COUNT" and "25" in s]


def test_an_age_given_with_min_and_the_life_word_is_no_count(labelled: Labelled) -> None:
    # «في الـ20 من عمره»: an age (guidelines §4.3), not twenty of something.
    assert not [s for s, label in labelled("وأصيب جندي في الـ 20 من عمره بجروح.") if label == "COUNT"]
    assert ("20", "COUNT") in labelled("وقتل 20 من عمال الإغاثة في القصف.")


def test_a_bare_number_after_a_trigger_and_a_pronoun_of_the_event(labelled: Labelled) -> None:
    assert ("7", "COUNT") in labelled("واستمرت المعارك عشرة أيام وقتل فيها 7.")
    # The same pronoun after a verb of no casualty leaves the number alone.
    assert not [s for s, label in labelled("وعقد اجتماع شارك فيه 7.") if label == "COUNT"]


def test_a_toll_over_a_year_in_its_complement(labelled: Labelled) -> None:
    assert ("أكثر من 500 ألف", "COUNT") in labelled("وبلغ عدد الضحايا منذ عام 2011 أكثر من 500 ألف.")
    assert not [s for s, label in labelled("وبلغ عدد الغارات منذ عام 2011 أكثر من 500 ألف.") if label == "COUNT"]


def test_a_bare_number_coordinated_with_a_bare_count(labelled: Labelled) -> None:
    got = labelled("وقتل سبعة في قرية الوادي واثنين في قرية التل.")
    assert ("سبعة", "COUNT") in got and ("اثنين", "COUNT") in got
    # In the next sentence, or a number of things after «و», it is not.
    assert ("5", "COUNT") not in labelled("قتل 4 في حلب. و5 في إدلب نجوا.")
    assert not [s for s, label in labelled("قتل 4 في حلب ودمرت 5 منازل.") if label == "COUNT" and "5" in s]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("ونزح نحو نصف مليون شخص من المدينة.", "نحو نصف مليون شخص"),
        ("ونزح مليون ونصف المليون شخص منذ بدء الحرب.", "مليون ونصف المليون شخص"),
        ("وأصيب 10-15 شخصا في الانفجار.", "10-15 شخصا"),
    ],
)
def test_fractions_of_a_large_number_and_dash_ranges(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


def test_a_fraction_of_people_or_of_a_capacity_and_a_year_range_are_no_count(labelled: Labelled) -> None:
    got = labelled("ونزح نصف السكان وتعمل المستشفيات بنصف طاقتها منذ 2015-2020.")
    assert not [s for s, label in got if label == "COUNT"]


@pytest.mark.parametrize(
    ("text", "count"),
    [("وقتل 15 منقبا في انهيار المنجم.", "15 منقبا"), ("واختطف المسلحون 20 طالبة من المدرسة.", "20 طالبة")],
)
def test_miners_and_schoolgirls_are_counted_people(labelled: Labelled, text: str, count: str) -> None:
    assert (count, "COUNT") in labelled(text)


def test_a_deputy_or_a_leader_without_a_number_is_no_count(labelled: Labelled) -> None:
    assert not [s for s, label in labelled("وقال نائب رئيس الوزراء إن زعيم الجماعة قتل.") if label == "COUNT"]


def test_a_dual_and_a_number_coordinated_after_it_are_two_counts(labelled: Labelled) -> None:
    got = labelled("وقتل 19 شخصا، بينهم شرطيان واثنان آخران في الهجوم.")
    assert ("شرطيان", "COUNT") in got and ("اثنان آخران", "COUNT") in got
    assert ("مدنيين اثنين", "COUNT") in labelled("وقتل مدنيين اثنين في القصف.")


def test_a_bracketed_number_before_min_and_people_is_the_number_alone(labelled: Labelled) -> None:
    assert ("11", "COUNT") in labelled("وأعلنت مقتل أكثر من (11) من المدنيين في القرية.")
    assert not [s for s, label in labelled("ونصت المادة (11) من القانون على ذلك.") if label == "COUNT"]


def test_a_number_before_a_quoted_people_noun_is_the_number_alone(labelled: Labelled) -> None:
    assert ("14", "COUNT") in labelled('وأكد المتمردون أنهم اعتقلوا 14 "أسير حرب" في المعارك.')
    assert not [s for s, label in labelled('وفي عام 2014 "جنود" كثيرون فروا.') if label == "COUNT"]
