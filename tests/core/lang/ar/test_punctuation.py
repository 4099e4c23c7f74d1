"""Glued-punctuation patterns shared by the two tokenizers (lang/ar/punctuation.py)."""
from __future__ import annotations

import re

import pytest

from annotator.core.lang.ar import punctuation


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (punctuation.STOP_BETWEEN_WORDS, "حماة.وقال", "."),
        (punctuation.STOP_BETWEEN_WORDS, "example.com", None),  # Latin: a domain, not two words
        (punctuation.STOP_BETWEEN_WORDS, "3.5", None),
        (punctuation.BRACKET_BETWEEN_WORDS, "الرسمية(واع", "("),
        (punctuation.BRACKET_BETWEEN_WORDS, "حمص/حماة", "/"),
        (punctuation.BRACKET_BETWEEN_WORDS, "(5", None),
        (punctuation.COMMA_BETWEEN_WORDS, "حلب،وأضاف", "،"),
        (punctuation.COMMA_BETWEEN_WORDS, "1،5", None),
    ],
)
def test_infixes_split_only_between_words(pattern: str, text: str, found: str | None) -> None:
    match = re.search(pattern, text)
    assert (match.group() if match else None) == found


def test_dashes_at_a_word_edge_but_not_before_a_number() -> None:
    assert re.match(punctuation.DASH_BEFORE_WORD, "-بينهم")
    assert not re.match(punctuation.DASH_BEFORE_WORD, "-5")
    assert re.search(punctuation.DASH_AFTER_WORD + r"\Z", "جنديان-")
    assert not re.search(punctuation.DASH_AFTER_WORD + r"\Z", "2024-")


def test_both_tokenizers_use_the_shared_patterns() -> None:
    """One home: the export tokenizer and the rule suggester's split glued punctuation alike."""
    from annotator.core.suggest.rules import RuleSuggester
    from annotator.core.tokenizer import tokenize

    text = "قتل ثلاثة -بينهم جنديان- في حماة.وقال مراسل الرسمية(واع) إن"
    rules = RuleSuggester()
    assert [t.text for t in rules.nlp.make_doc(text)] == [t.text for t in tokenize(text)]


def test_the_url_rule_keeps_ascii_urls_and_leaves_glued_arabic_words_alone() -> None:
    from spacy.lang.tokenizer_exceptions import URL_MATCH

    match = punctuation.ascii_only_url_match(URL_MATCH)
    assert match("www.bbc.co.uk") and match("https://example.com/a?b=1")
    assert URL_MATCH("حماة.وقال") and not match("حماة.وقال")  # spaCy's own rule took it for a domain
