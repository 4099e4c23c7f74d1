"""The Arabic-news tokenizer: where it splits, its offsets, and span alignment."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.domain import Span
from annotator.core.tokenizer import (
    TOKENIZER_NAME,
    Token,
    align_spans,
    doc_columns,
    doc_with_spans,
    edge_token_indices,
    make_nlp,
    tokenize,
    tokens_json,
)


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # proclitics before the article
        ("والقوات", ["و", "القوات"]),
        ("فالجيش", ["ف", "الجيش"]),
        ("بالقصف", ["ب", "القصف"]),
        ("كالعادة", ["ك", "العادة"]),
        ("وبالقوات", ["و", "ب", "القوات"]),
        ("وكالعادة", ["و", "ك", "العادة"]),
        # ل + article is written لل: the second ل belongs to the word
        ("للتنظيم", ["ل", "لتنظيم"]),
        ("وللتنظيم", ["و", "ل", "لتنظيم"]),
        ("لليوم", ["ل", "ليوم"]),
        # quotes, also glued to a clitic
        ("ل”المدن”", ["ل", "”", "المدن", "”"]),
        ("ل”المدن”،", ["ل", "”", "المدن", "”", "،"]),
        ("«داعش»", ["«", "داعش", "»"]),
        ("“داعش”", ["“", "داعش", "”"]),
        ('"داعش"', ['"', "داعش", '"']),
        ("'داعش'", ["'", "داعش", "'"]),
        ("وب”داعش”", ["و", "ب", "”", "داعش", "”"]),
        ("لـ“المدن”", ["لـ", "“", "المدن", "”"]),
        # stems known to take clitics
        ("بريف", ["ب", "ريف"]),
        ("وداعش", ["و", "داعش"]),
        ("لقوات", ["ل", "قوات"]),
        ("وبريف", ["و", "ب", "ريف"]),
        ("بريف،", ["ب", "ريف", "،"]),
        # the lexicon's words (gazetteer names, counted nouns, cues) take clitics too
        ("وجرحى", ["و", "جرحى"]),
        ("وكفرنبل", ["و", "كفرنبل"]),
        ("بإدلب", ["ب", "إدلب"]),
        ("بادلب", ["ب", "ادلب"]),
        # a clitic before a number (COUNT spans start at the digit)
        ("و3", ["و", "3"]),
        # punctuation
        ("سوريا.", ["سوريا", "."]),
        ("حمص،", ["حمص", "،"]),
        ("لماذا؟", ["لماذا", "؟"]),
        ("حلب؛", ["حلب", "؛"]),
        ("السورية:داعش", ["السورية", ":", "داعش"]),
        ("هجماته..", ["هجماته", ".."]),
        ("(داعش)", ["(", "داعش", ")"]),
        # diacritics and tatweel stay with their letters
        ("وَالقوات", ["وَ", "القوات"]),
    ],
)
def test_splits(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    "word",
    [
        "وزير", "بادية", "كفرنبل", "لبنان", "وكالات", "وكالة", "والدة", "والي", "بالغ",
        "فلل", "لله", "ولاية", "بلدة", "كتيبة", "فصائل", "لاجئين", "ليبيا",
        "الرقة", "البادية", "ريف", "داعش",
    ],
)
def test_does_not_split_words_that_only_look_cliticised(word: str) -> None:
    assert words(word) == [word]
    assert words(f"قال {word} إن") == ["قال", word, "إن"]


def test_sample_article_has_the_guideline_boundaries(sample_text: str) -> None:
    toks = words(sample_text)
    # ل”المدن” → ل + ” + المدن + ”, and للتنظيم → ل + لتنظيم
    i = toks.index("المدن")
    assert toks[i - 2 : i + 2] == ["ل", "”", "المدن", "”"]
    assert "لتنظيم" in toks and "للتنظيم" not in toks
    # «وقال»: قال is a word of the lexicon (an attribution cue), so و comes off as in snapping
    assert "بادية" in toks and "وقال" not in toks and "قال" in toks


MIXED_TEXTS = [
    "قتل 4 جنود 😀 في ريف حمص 👍🏽 وداعش",
    "سطر أول\r\nسطر ثان\r\n\r\nوالقوات",
    "\u200fقال\u200f المرصد \u202bبريف حلب\u202c \u2067«داعش»\u2069",
    "قُتِلَ أَرْبَعَةُ جُنُودٍ فِي رِيفِ حِمْصَ وَالقوات",
    "قـــوات النظـــام في ريـف حمـص بـ”داعش”",
    "  مسافتان  في البداية\t\tوتبويب\n",
    "",
    "   ",
    "\ufeffمصادر ميدانية",
]


@pytest.mark.parametrize("text", MIXED_TEXTS)
def test_offsets_are_code_points(text: str) -> None:
    toks = tokenize(text)
    assert all(isinstance(t, Token) for t in toks)
    assert [t.id for t in toks] == list(range(len(toks)))
    for t in toks:
        assert text[t.start : t.end] == t.text
        assert t.end - t.start == len(t.text) > 0
    # tokens + single spaces rebuild the text exactly: nothing lost, nothing duplicated
    assert "".join(t.text + (" " if t.ws else "") for t in toks) == text
    for a, b in zip(toks, toks[1:]):
        assert b.start == a.end + (1 if a.ws else 0)


def test_offsets_after_astral_characters() -> None:
    text = "😀😀 قوات النظام في 🇸🇾 حمص"
    toks = tokenize(text)
    homs = next(t for t in toks if t.text == "حمص")
    assert homs.start == text.index("حمص") == len(text) - 3
    assert text.encode("utf-16-le").count(b"\x3d\xd8") == 2  # the emoji really are astral


def test_bidi_marks_do_not_hide_word_edges() -> None:
    text = "\u200fداعش\u200f و\u200eحمص"
    toks = words(text)
    assert "داعش" in toks and "حمص" in toks


ALPHABET = list("وفبلكالقتنظيمدعشريحصزةى") + ["ال", "لل", "«", "»", "“", "”", '"', "'", " ", " ", "\n", "\r\n", "😀", "\u200f", "َ", "ـ", "3", "،", ".", "؟"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join))
def test_tokens_rebuild_any_text(text: str) -> None:
    toks = tokenize(text)
    assert "".join(t.text + (" " if t.ws else "") for t in toks) == text
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_tokens_json_matches_tokenize() -> None:
    text = 'قال «داعش» "x\\y" \n\nو3 😀 ل”المدن”'
    assert json.loads(tokens_json(text)) == [t.to_dict() for t in tokenize(text)]
    assert tokens_json("") == "[]"
    assert set(json.loads(tokens_json("قوات"))[0]) == {"text", "start", "end", "id", "ws"}


def test_make_nlp_is_cached_and_uses_the_registered_tokenizer() -> None:
    nlp = make_nlp()
    assert make_nlp() is nlp
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == TOKENIZER_NAME
    assert [t.text for t in nlp.make_doc("للتنظيم")] == ["ل", "لتنظيم"]


def test_saved_pipeline_keeps_the_tokenizer(tmp_path) -> None:
    import spacy

    make_nlp().to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    text = "وقالت مصادر ل”المدن” إن وبالقوات للتنظيم بريف حمص"
    assert [t.text for t in loaded.make_doc(text)] == words(text)


# ---------------------------------------------------------------------------------------
# Alignment
# ---------------------------------------------------------------------------------------
def span(text: str, needle: str, label: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), label)


def guideline_spans(text: str) -> list[Span]:
    return [
        span(text, "مصادر ميدانية", "SOURCE"),
        span(text, "المدن", "SOURCE"),
        span(text, "لتنظيم", "ACTOR"),  # inside للتنظيم
        span(text, "قوات النظام", "ACTOR", nth=1),
        span(text, "ريف حمص الشرقي", "LOCATION"),
        span(text, "4", "COUNT"),
        span(text, "المرصد السوري لحقوق الإنسان", "SOURCE"),
        span(text, "الطيران الروسي", "ACTOR"),
        span(text, "بادية دير الزور", "LOCATION"),
    ]


def test_guideline_spans_align_without_splits(sample_text: str) -> None:
    spans = guideline_spans(sample_text)
    result = align_spans(tokenize(sample_text), spans)
    aligned, misaligned = result
    assert misaligned == []
    assert result.report.split == 0 and result.report.misaligned == 0
    assert len(aligned) == len(spans)
    for a in aligned:
        covered = result.tokens[a.token_start : a.token_end + 1]
        assert covered[0].start == a.start and covered[-1].end == a.end
        assert sample_text[a.start : a.end] == sample_text[covered[0].start : covered[-1].end]


def test_edge_inside_a_token_splits_it_instead_of_dropping_the_span() -> None:
    # ولمسلحي: a clitic chain the rules do not know; the span starts after و + ل.
    text = "هاجم ولمسلحي داعش مواقع"
    tokens = tokenize(text)
    assert "ولمسلحي" in [t.text for t in tokens]
    s = span(text, "مسلحي داعش", "ACTOR")
    result = align_spans(tokens, [s])
    assert result.misaligned == []
    assert result.report.split == 1 and result.report.tokens_split == 1
    (a,) = result.aligned
    new = result.tokens
    assert [t.text for t in new[a.token_start : a.token_end + 1]] == ["مسلحي", "داعش"]
    assert new[a.token_start - 1].text == "ول" and new[a.token_start - 1].ws is False
    assert [t.id for t in new] == list(range(len(new)))
    assert all(text[t.start : t.end] == t.text for t in new)


def test_impossible_spans_are_reported_misaligned() -> None:
    text = "قوات النظام في حمص"
    bad_ws = Span(4, 11, "ACTOR")  # " النظام" starts with a space
    out_of_range = Span(10, 99, "LOCATION")
    empty = Span(3, 3, "ACTOR")
    good = span(text, "حمص", "LOCATION")
    overlapping = span(text, "في حمص", "LOCATION")
    result = align_spans(tokenize(text), [bad_ws, out_of_range, empty, good, overlapping])
    # sorted by start, "في حمص" comes first and wins; "حمص" overlaps it
    assert [a.source for a in result.aligned] == [overlapping]
    assert result.report.misaligned == 4
    assert result.report.overlapping == 1
    assert len(result.report.misaligned_examples) == 4


def test_align_spans_accepts_tuples_dicts_and_docs(sample_text: str) -> None:
    s = span(sample_text, "لتنظيم", "ACTOR")
    doc = make_nlp().make_doc(sample_text)
    by_doc = align_spans(doc, [(s.start, s.end, s.label)])
    by_dict = align_spans(tokenize(sample_text), [{"start": s.start, "end": s.end, "label": s.label}])
    assert by_doc.aligned[0].token_start == by_dict.aligned[0].token_start
    assert doc[by_doc.aligned[0].token_start].text == "لتنظيم"


def test_doc_with_spans_ents_equal_spans(sample_text: str) -> None:
    spans = guideline_spans(sample_text)
    doc, report = doc_with_spans(make_nlp(), sample_text, spans)
    assert doc.text == sample_text
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == sorted(s.key() for s in spans)
    assert report.split == 0 and report.misaligned == 0


def test_doc_with_spans_retokenises_when_needed() -> None:
    # «كفرزيزون»: a village in no list (a listed one, كفرنبل, is split by the tokenizer)
    text = "هاجم ولمسلحي داعش مواقع بكفرزيزون"
    spans = [span(text, "مسلحي داعش", "ACTOR"), span(text, "كفرزيزون", "LOCATION")]
    doc, report = doc_with_spans(make_nlp(), text, spans)
    assert doc.text == text
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [s.key() for s in spans]
    assert report.split == 2 and report.misaligned == 0


# --------------------------------------------------------------------------------------
# One lexicon: snapping and the tokenizer cut words in the same places
# --------------------------------------------------------------------------------------
def _gazetteer_entries() -> list[str]:
    from annotator.core.suggest.base import gazetteer_first_words, gazetteer_names

    names = {n for gaz in ("actors", "locations", "sources") for n in gazetteer_names(gaz)}
    return sorted(names | set(gazetteer_first_words()))


GAZETTEER_ENTRIES = _gazetteer_entries()
CLITIC_SEQUENCES = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"]


def _snapped_start_is_a_token_start(clitic: str, entry: str) -> tuple[bool, str]:
    from annotator.core.text import snap_span

    text = f"قال {clitic}{entry} اليوم"
    a = len("قال ")
    s, e = snap_span(text, a, a + len(clitic) + len(entry))
    toks = tokenize(text)
    starts = {t.start for t in toks}
    ends = {t.end for t in toks}
    return s in starts and e in ends, f"{text[a:a + len(clitic) + len(entry)]!r} snapped to {text[s:e]!r}, tokens {[t.text for t in toks]}"


@settings(max_examples=300, deadline=None)
@given(entry=st.sampled_from(GAZETTEER_ENTRIES), clitic=st.sampled_from(CLITIC_SEQUENCES))
def test_snapped_start_of_clitic_plus_gazetteer_word_is_a_token_boundary(entry: str, clitic: str) -> None:
    ok, why = _snapped_start_is_a_token_start(clitic, entry)
    assert ok, why


def test_every_gazetteer_word_with_every_clitic_snaps_on_token_boundaries() -> None:
    # The exhaustive version of the property above, in one text (one tokenizer call).
    from annotator.core.text import snap_span

    parts, selections, pos = [], [], 0
    for entry in GAZETTEER_ENTRIES:
        for clitic in CLITIC_SEQUENCES:
            word = clitic + entry
            selections.append((pos, pos + len(word)))
            parts.append(word)
            pos += len(word) + 3
    text = " ، ".join(parts)
    toks = tokenize(text)
    starts, ends = {t.start for t in toks}, {t.end for t in toks}
    bad = []
    for a, b in selections:
        s, e = snap_span(text, a, b)
        if s not in starts or e not in ends:
            bad.append(f"{text[a:b]!r} → {text[s:e]!r}")
    assert not bad, f"{len(bad)} of {len(selections)}: {bad[:20]}"


# --------------------------------------------------------------------------------------
# The exports' numpy columns
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "  قصفت   الطائرات\t\tمواقع  ", "Meet me at 5 a.m. :) or :-( ok", "\n", " ", "x", "  ", "a \u00a0 b\u3000c ",
    "ريف حمص.\r\n\r\nوالقوات", "😀😀 😀\u200f\u2067x\u2069", "",
])
def test_doc_columns_derive_spacys_ends_from_starts_and_spaces(text: str) -> None:
    """doc_columns reads ORTH, starts and trailing spaces only; the ends it derives are spaCy's."""
    from spacy.attrs import IDX, LENGTH, ORTH, SPACY

    doc = make_nlp().tokenizer(text)
    orths, starts, ends, spaces = doc_columns(doc, text)
    expected = doc.to_array([ORTH, IDX, LENGTH, SPACY]).tolist() if len(doc) else []
    assert [[o, s, e - s, w] for o, s, e, w in zip(orths.tolist(), starts.tolist(), ends.tolist(),
                                                    spaces.tolist())] == expected


def test_edge_token_indices() -> None:
    text = "قصفت قوات النظام مواقع في ريف حمص"
    _orths, starts, ends, _spaces = doc_columns(make_nlp().tokenizer(text), text)
    at = text.index
    assert edge_token_indices(starts, ends, [(at("قوات"), at("النظام") + 6), (at("ريف"), len(text))]) == \
        [(1, 2), (5, 6)]
    assert edge_token_indices(starts, ends, []) == []
    assert edge_token_indices(starts, ends, [(at("وات"), at("النظام") + 6)]) is None  # starts inside a token
    assert edge_token_indices(starts, ends, [(at("قوات"), at("قوات") + 2)]) is None  # ends inside a token
    assert edge_token_indices(starts, ends, [(0, len(text) + 1)]) is None  # past the last token
    assert edge_token_indices(starts[:0], ends[:0], [(0, 1)]) is None  # no tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A full stop between two words whose space the scrape lost: spaCy's URL rule took
        # «X.وقال» for a domain name and kept it one token.
        ("وصل إلى حماة.وقال المصدر", ["وصل", "إلى", "حماة", ".", "وقال", "المصدر"]),
        # A bracketed agency tag glued to the word before it.
        ("الرسمية(واع) إن", ["الرسمية", "(", "واع", ")", "إن"]),
        # Dashes glued to the edges of an aside, and after a name.
        ("قتل ثلاثة -بينهم جنديان- أمس", ["قتل", "ثلاثة", "-", "بينهم", "جنديان", "-", "أمس"]),
        ("على طريق المطار- الجنوبي", ["على", "طريق", "المطار", "-", "الجنوبي"]),
        ("بين حمص/حماة", ["بين", "حمص", "/", "حماة"]),
    ],
)
def test_punctuation_glued_to_a_name_is_a_token_of_its_own(text: str, expected: list[str]) -> None:
    """A span on the name must start and end on token edges, so the export never splits a
    token for it (the same patterns as the rule suggester's tokenizer, lang/ar/punctuation)."""
    assert words(text) == expected
    name = expected[2] if expected[1] in ("إلى", "(") else expected[-1]
    start = text.index(name)
    report = align_spans(tokenize(text), [Span(start, start + len(name), "LOCATION")], text).report
    assert report.split == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See https://example.com/a?b=1 and www.bbc.co.uk", ["See", "https://example.com/a?b=1", "and", "www.bbc.co.uk"]),
        ("e.g. COVID-19", ["e.g", ".", "COVID-19"]),
        ("القتلى -5", ["القتلى", "-5"]),
    ],
)
def test_urls_latin_abbreviations_and_numbers_keep_their_punctuation(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_the_tokenizer_with_the_ascii_only_url_rule_still_serialises(tmp_path) -> None:
    """The URL rule is a compiled pattern (spaCy writes its source with a model), not a wrapper."""
    from spacy.tokenizer import Tokenizer

    nlp = make_nlp()
    nlp.tokenizer.to_disk(tmp_path / "tokenizer")
    again = Tokenizer(nlp.vocab).from_disk(tmp_path / "tokenizer")
    text = "وصل إلى حماة.وقال مراسل www.example.org"
    assert [t.text for t in again(text)] == [t.text for t in nlp.tokenizer(text)]
