"""Reading COUNT spans: the quantity (guidelines §4.2 shape) and the category."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.counts import count_attributes, count_category, parse_count

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "span, value, approx",
    [
        ("34", 34, False),
        ("٣٤ عنصراً", 34, False),  # Arabic-Indic digits
        ("۳۴ مدنياً", 34, False),  # Extended Arabic-Indic digits
        ("1,200 شخص", 1200, False),
        ("ثلاثة", 3, False),
        ("ثلاثة وعشرين", 23, False),
        ("ثلاثة و عشرين", 23, False),
        ("ثلاثة وعشرون عنصراً", 23, False),
        ("خمسة عشر", 15, False),
        ("أحد عشر عنصراً", 11, False),
        ("اثنا عشر", 12, False),
        ("مئة", 100, False),
        ("مائة وخمسين", 150, False),
        ("ثلاث مئة", 300, False),
        ("ألف", 1000, False),
        ("ألف ومئتين", 1200, False),
        ("3 آلاف", 3000, False),
        ("ستة آلاف", 6000, False),
        ("أكثر من 21 ألف مدني", 21000, True),
        ("أكثر من مليوني نازح", 2_000_000, True),
        ("جريحان", 2, False),
        ("قتيلين", 2, False),
        ("عنصرين", 2, False),
        ("جنديين", 2, False),
        ("امرأتان", 2, False),
        ("مدنيان", 2, False),
        ("آخرَين", 2, False),  # dual only with the fatha
        ("جثتي القتيلين", 2, False),  # a dual in construct
        ("عنصريه", 2, False),  # a dual with «his», which the lists leave out
        ("مدنيتان", 2, False),  # the feminine of «مدنيان»
        ("زوجان", 2, False),
        ("مدنيين اثنين", 2, False),
        ("عنصر واحد", 1, False),
        ("و17", 17, False),
        ("أكثر من 50 مدنياً", 50, True),
        ("نحو 2000 مقاتل", 2000, True),
        ("قرابة 90 شخصاً", 90, True),
        ("ما لا يقل عن 150 شخصاً", 150, True),
        ("حوالي ثلاثين", 30, True),
        ("42 ألفاً و519 شهيداً", 42519, False),  # digits after an accusative thousand
        ("99 ألفا و 637 إصابة", 99637, False),
    ],
)
def test_exact_and_qualified_numbers(span: str, value: int, approx: bool) -> None:
    assert parse_count(span) == {"value": value, "approx": approx}


@pytest.mark.parametrize(
    "span, low, high",
    [
        ("بين 40 و50 عنصراً", 40, 50),
        ("ما بين 40 و 50", 40, 50),
        ("40-50", 40, 50),
        ("40 إلى 50", 40, 50),
        ("3 أو 4", 3, 4),
        ("العشرات", 20, 99),
        ("عشرات الشبان", 20, 99),
        ("مئات المدنيين", 200, 999),
        ("آلاف الأطفال", 2000, 9999),
        ("عشرات الآلاف", 20_000, 99_999),
        ("بضعة عناصر", 3, 9),
    ],
)
def test_ranges_and_vague_quantities(span: str, low: int, high: int) -> None:
    assert parse_count(span) == {"value": [low, high], "approx": True}


@pytest.mark.parametrize("span", ["مدنيين", "آخرين", "قتيل", "عدد من مقاتليه", "جرحى", "", "، «»"])
def test_no_stated_quantity(span: str) -> None:
    # A plural or singular noun alone, «عدد من», and the plural «آخرين» state no number.
    assert parse_count(span) is None


@pytest.mark.parametrize(
    "text, span, category",
    [
        ("أدى القصف إلى مقتل 34 عنصراً من قوات النظام.", "34 عنصراً", "killed"),
        ("قال المرصد إن 3 جرحى من الميليشيات سقطوا.", "3 جرحى", "wounded"),
        ("مقتل 3 وإصابة 5 آخرين في القصف.", "3", "killed"),
        ("مقتل 3 وإصابة 5 آخرين في القصف.", "5 آخرين", "wounded"),
        ("اعتقلت قوات النظام 27 شاباً في حمص.", "27 شاباً", "captured"),
        ("نزحت قرابة 2000 عائلة من ريف إدلب.", "قرابة 2000 عائلة", "displaced"),
        ("قال إن 5 من عناصر النظام قتلوا جراء هجوم.", "5", "killed"),
        ("وصلت تعزيزات تضم نحو 400 عنصر إلى المدينة.", "نحو 400 عنصر", "other"),
        # A subset shares the category of the total before it.
        ("وثّقت الشبكة مقتل أكثر من 200 مدني بانفجار ألغام منذ مطلع العام الماضي، بينهم 47 طفلاً.", "47 طفلاً", "killed"),
        # A count joined by a glued و shares the category of the previous one.
        ("أسفر عن مقتل ثلاثة عناصر من حزب الله اللبناني واثنين من الحرس الثوري.", "اثنين", "killed"),
        # «وأصيب» after the span opens the next clause.
        ("قُتِلَ ثلاثة رعاة وأُصيبَ اثنان آخران بانفجار لغم.", "ثلاثة رعاة", "killed"),
    ],
)
def test_category_from_context(text: str, span: str, category: str) -> None:
    start = text.index(span)
    assert count_category(text, start, start + len(span)) == category


def test_count_attributes_shape() -> None:
    text = "أسفر القصف عن مقتل ١٢ عنصراً"
    start = text.index("١٢")
    attrs = count_attributes(text, start, len(text))
    assert attrs == {"value": 12, "approx": False, "category": "killed"}
    # A span without a readable number still gets the keys.
    start = text.index("القصف")
    assert count_attributes(text, start, start + 5) == {"value": None, "approx": True, "category": "other"}


def test_attributes_agree_with_the_demo_annotations() -> None:
    """The demo annotator's COUNT attributes follow the guidelines: the reader must agree on
    (nearly) all of them. This is a regression floor, not a copy of the file."""
    articles = {}
    for line in (ROOT / "resources/samples/demo_articles.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        articles[rec["id"]] = rec["text"]
    total = values = categories = 0
    for line in (ROOT / "resources/samples/demo_annotations.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = articles[rec["article"]]
        for span in rec["spans"]:
            if span["label"] != "COUNT" or "attributes" not in span:
                continue
            total += 1
            got = count_attributes(text, span["start"], span["end"])
            want = span["attributes"]
            values += got["value"] == want["value"] and got["approx"] == want["approx"]
            categories += got["category"] == want["category"]
    assert total >= 50
    assert values / total >= 0.95
    assert categories / total >= 0.9


def test_words_for_category_answers_the_same_from_its_memo_and_after_it_is_emptied() -> None:
    """The per-token memo behind ``words_for_category`` gives the first answer again, also
    for a token it meets for the first time in a list of known ones, and once it was emptied."""
    import annotator.core.counts as counts

    tokens = ["قتل", "3", "مدنيين", "،", ",", ".", "\n\n", "", "«", "في", "حلب", "؟", "AFP"]
    expected = ["قتل", "3", "مدنيين", ",", ",", "|", "|", "في", "حلب", "|", "AFP"]
    assert counts.words_for_category(tokens) == expected
    assert counts.words_for_category(tokens) == expected
    assert counts.words_for_category(tokens + ["جديدة"]) == expected + ["جديدة"]
    counts._CATEGORY_WORDS.clear()
    assert counts.words_for_category(tokens) == expected


def test_category_word_memos_answer_the_same_cold_and_warm() -> None:
    """The per-word memos of :func:`category_from_words` (is it a number, which cue is it)
    give the categories of a fresh computation: emptied, then filled, the same answers."""
    import annotator.core.counts as counts

    cases = [
        ("وقتل بين 40 و50 مدنياً في القصف", "بين 40 و50 مدنياً", "killed"),
        ("أسفر عن مقتل ثلاثة عناصر من حزب الله اللبناني واثنين من الحرس الثوري.", "اثنين", "killed"),
        ("قُتِلَ ثلاثة رعاة وأُصيبَ اثنان آخران بانفجار لغم.", "ثلاثة رعاة", "killed"),
        ("وصلت تعزيزات تضم نحو 400 عنصر إلى المدينة.", "نحو 400 عنصر", "other"),
    ]

    def categories() -> list[str]:
        return [count_category(text, text.index(span), text.index(span) + len(span)) for text, span, _ in cases]

    counts._is_numberish.cache_clear()
    counts._cue.cache_clear()
    cold = categories()
    assert cold == [category for _, _, category in cases]
    assert categories() == cold
    assert counts._is_numberish("وبعشرات") and counts._is_numberish("12") and not counts._is_numberish("مدنيين")


def test_attributes_from_words_match_count_attributes_and_their_memo_cannot_be_changed() -> None:
    """The rule suggester's path (:func:`count_attributes_from_words`, quantities memoised)
    gives what :func:`count_attributes` gives from the text, and a range handed to one caller
    is that caller's own list: changing it changes no later answer."""
    from annotator.core.counts import count_attributes_from_words, words_for_category

    text = "وقتل بين 40 و50 مدنياً في القصف"
    start, end = text.index("بين"), text.index(" في")
    words = words_for_category(text[start:end].split())
    left, right = words_for_category(text[:start].split()), words_for_category(text[end:].split())
    first = count_attributes_from_words(text[start:end], words, left, right, False)
    assert first == count_attributes(text, start, end) == {"value": [40, 50], "approx": True, "category": "killed"}
    first["value"].append(60)
    again = count_attributes_from_words(text[start:end], words, left, right, False)
    assert again["value"] == [40, 50] and again["value"] is not first["value"]


def test_parse_count_strips_clitics_before_a_number_word_and_reads_qualifiers() -> None:
    assert parse_count("وبعشرات") == {"value": [20, 99], "approx": True}
    assert parse_count("ما لا يقل عن 50") == {"value": 50, "approx": True}
    assert parse_count("40-50") == {"value": [40, 50], "approx": True}
    assert parse_count("نحو خمسة") == {"value": 5, "approx": True}
    # a qualifier after the number: the whole rest, or the qualifier and more words
    assert parse_count("50 على الأقل") == {"value": 50, "approx": True}
    assert parse_count("50 تقريباً من الجنود") == {"value": 50, "approx": True}
    assert parse_count("50 على الأقلية") == {"value": 50, "approx": False}


def test_two_hundred_in_construct_reads_200() -> None:
    assert parse_count("نحو مئتي مدني") == {"value": 200, "approx": True}


@pytest.mark.parametrize(
    "span, value, approx",
    [("نحو نصف مليون شخص", 500_000, True), ("ربع مليون نازح", 250_000, False), ("مليون ونصف المليون شخص", 1_500_000, False)],
)
def test_fractions_of_a_large_number(span: str, value: int, approx: bool) -> None:
    assert parse_count(span) == {"value": value, "approx": approx}
