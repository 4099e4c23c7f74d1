"""core/suggest/rules/matcher.py: the rules' tokenizer and phrase matcher, seen in what the
suggester finds: names under any clitic and in any spelling, clitics off digits and quotes."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.core.suggest.rules import RuleSuggester

Labelled = Callable[[str], list[tuple[str, str]]]


def spans(rules: RuleSuggester, text: str) -> list[tuple[str, str, int]]:
    return [(text[s.start:s.end], s.label, s.start) for s in rules.suggest(text)]


def test_a_name_is_found_under_its_clitics_which_stay_outside(rules: RuleSuggester) -> None:
    text = "وقال مقاتلون إن الهجوم وقع وبحلب أمس."
    assert ("حلب", "LOCATION", text.index("حلب")) in spans(rules, text)


def test_a_name_in_another_spelling(rules: RuleSuggester) -> None:
    assert ("ادلب", "LOCATION") in {(t, label) for t, label, _ in spans(rules, "وقصفت الطائرات احياء ادلب.")}


def test_a_clitic_comes_off_a_digit_and_a_quote(rules: RuleSuggester) -> None:
    text = "وقالت مصادر ل”المدن” إن و50 مدنيا نزحوا."
    found = spans(rules, text)
    assert ("المدن", "SOURCE", text.index("المدن")) in found
    assert ("50 مدنيا", "COUNT", text.index("50")) in found


def test_a_slash_between_letters_is_its_own_token(rules: RuleSuggester) -> None:
    text = "وقالت وكالة سانا/سانا/ إن القصف توقف."
    assert ("سانا", "SOURCE", text.index("/") + 1) in spans(rules, text)


def test_a_double_prime_closing_a_quote_is_its_own_token(labelled: Labelled) -> None:
    # Some outlets close a quote with «″» (normalised to two primes): the name before it is whole.
    assert ("فرانس 24", "SOURCE") in labelled("ولم تذكر حصيلة وفقا لـ”فرانس 24″. وأضافت أن القرية خلت.")
    assert ("نحو 12", "COUNT") in labelled("وأدى الهجوم إلى مقتل 10 وجرح نحو 12″. ووقع الهجوم ليلا.")
    # A prime inside a word stays in it: no token, no suggestion made of it.
    assert not [s for s, _l in labelled("وبلغ الارتفاع 12′ فقط.") if "′" in s]


def test_a_double_prime_is_a_quote_around_an_outlet_name(labelled: Labelled) -> None:
    # «لـ”X″»: the double prime closes the quote the outlet name stands in, like «”».
    assert ("دارفور24", "SOURCE") in labelled("وقال شاهد عيان لـ”دارفور24″ إن السكان نزحوا إلى المدينة.")
    assert ("الراصد", "SOURCE") in labelled("وقال أحد السكان لـ″الراصد″ إن القصف استمر.")
    # A person's name quoted with double primes is no outlet.
    assert not [s for s, lab in labelled("وقال مدير المكتب ″أحمد″ إن القصف استمر.") if lab == "SOURCE"]


# --------------------------------------------------------------------------------------
# Constructions of published news (issue #11, part 1); written for these tests.
# --------------------------------------------------------------------------------------
def test_a_name_glued_to_a_comma(labelled: Labelled) -> None:
    assert ("حلب", "LOCATION") in labelled("قتل شخص في حلب،وأضاف المصدر أن القصف مستمر.")


def test_dashes_around_an_aside_and_a_quote_before_glued_punctuation(labelled: Labelled) -> None:
    assert ("جنديان", "COUNT") in labelled("قتل خمسة أشخاص -بينهم جنديان- في الهجوم.")
    assert ("مدينة الرمانة", "LOCATION") in labelled("وقال إن \"القصف طال مدينة الرمانة\".وأضاف أن الضحايا مدنيون.")


def test_the_norm_cache_computes_a_form_on_first_sight_and_keeps_it(rules: RuleSuggester) -> None:
    cache = rules._norm_cache
    form = "وبمدينة" + "ي" * 7  # a word no other test meets: not cached yet
    assert form not in cache
    assert cache[form] == form  # unknown word: its own norm
    assert form in cache and cache.get(form) == form
    known = "بريف"
    assert cache[known] == rules._norm_for(known) == "ريف"
    assert list(map(cache.__getitem__, ["بريف", "حلب", "والقوات"])) == [rules._norm_for(f) for f in ("بريف", "حلب", "والقوات")]


@pytest.mark.parametrize(
    "variant",
    [
        lambda t: t,
        lambda t: t.replace("\n", "\r\n"),  # CRLF
        lambda t: t.replace(" ", " \u200f", 6),  # bidi marks
        lambda t: t.replace("ا", "اـ", 5),  # tatweel
        lambda t: t.replace("ل", "لَ", 6).replace("م", "مُّ", 4),  # diacritics
        lambda t: t.replace(" ", " 🙂", 3),  # emoji outside the BMP
    ],
)
def test_suggestions_are_the_same_from_cold_and_warm_caches(rules: RuleSuggester, variant: Callable[[str], str]) -> None:
    """The caches behind the rules (token norms, proclitic ends, count words and number
    stems) answer as a fresh computation: emptied, then filled by a first run, they give the
    same suggestions on a second run, whatever invisible characters, marks or emoji the
    text holds."""
    import annotator.core.counts as counts
    from annotator.core.lang.ar.clitics import default_rules

    text = variant(
        "وقال المرصد السوري لحقوق الإنسان إن قوات النظام قصفت بريف حلب الشمالي\n"
        "مقتل 3 مدنيين وإصابة نحو عشرة آخرين، بحسب «سانا» و(أ ف ب)."
    )
    counts._CATEGORY_WORDS.clear()
    counts._number_stem.cache_clear()
    counts._is_numberish.cache_clear()
    counts._cue.cache_clear()
    default_rules()._ends.clear()
    for form in [f for f in rules._norm_cache if f in text]:
        del rules._norm_cache[form]
    first = rules.suggest(text)
    assert first == rules.suggest(text)
    assert {s.label for s in first} == {"SOURCE", "ACTOR", "LOCATION", "COUNT"}


def test_a_new_word_gets_spacys_norm_though_no_other_lexical_attribute_is_computed(rules: RuleSuggester) -> None:
    """The rules' vocabulary computes NORM alone for a new lexeme: it must still be spaCy's
    NORM (lower case, its norm exceptions), which the phrase matcher compares."""
    import spacy

    reference = spacy.blank("ar").vocab
    for word in ["ABCDEFقوات", "«", "—", "Reuters", "مدينةجديدةجدا"]:
        assert rules.nlp.vocab[word].norm_ == reference[word].norm_, word
    assert list(rules.nlp.vocab.lex_attr_getters) == [spacy.attrs.NORM]


def test_a_word_of_arabic_letters_skips_the_affix_searches_and_keeps_its_tokens(rules: RuleSuggester) -> None:
    """The rules' tokenizer takes a word of Arabic letters and marks as one token without its
    prefix/suffix/infix searches (a speed path): exact only while no affix pattern can match
    inside such a word, which is checked here on every pair of those characters, and on a
    text the tokens are those of the same tokenizer without the path."""
    from spacy.tokenizer import Tokenizer

    from annotator.core.suggest.rules.matcher import ARABIC_WORD

    tok = rules.nlp.tokenizer
    assert tok.token_match is not None and tok.token_match("والميليشيات")
    characters = [chr(c) for c in range(0x0621, 0x0660)] + ["\u0670"]
    words = [a + b for a in characters for b in characters]
    words += ["للتنظيم", "بــغداد", "مُحَمَّد", "ق", "لل", "ـ"]
    assert all(ARABIC_WORD.fullmatch(w) for w in words)
    assert [w for w in words if tok.find_prefix(w) or tok.find_suffix(w) or tok.find_infix(w)] == []
    plain = Tokenizer(rules.nlp.vocab, rules=tok.rules, prefix_search=tok.prefix_search,
                      suffix_search=tok.suffix_search, infix_finditer=tok.infix_finditer,
                      url_match=tok.url_match)
    text = ("وقالت مصادر ل”المدن” إن 13شخصا قتلوا في «كفرنبل»،وأضاف: (رويترز)- /سانا/ "
            "الفرنسية(أ ف ب) سوريا.وقال إلخ أنا الشـ 34 عنصراً، والميلشيات للتنظيم\r\nبــغداد ٪5 ١٢ عنصرا")
    assert [t.text for t in tok(text)] == [t.text for t in plain(text)]
