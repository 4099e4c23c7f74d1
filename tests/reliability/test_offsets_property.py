"""Property tests: offsets survive every conversion they go through.

Texts are drawn from what real articles contain and what breaks naive offset code:
Arabic letters, harakat and other combining marks (some compose under NFKC), tatweel,
emoji outside the BMP, CR/LF and CRLF, bidi and zero-width marks, Latin (with ``ß``,
which case-folds to two letters), ASCII and Arabic-Indic digits, a lam-alef ligature
(one character that normalises to two), spaces, NBSP and tabs.

* code points ↔ Qt positions (:class:`QtOffsetMap`) against an independent UTF-16 count
  in which CRLF is one position;
* original ↔ normalised text: a match in the normalised text maps back to a range whose
  ``fold()`` is that match, and back again;
* spans → JSONL export → import into a new project → export: the same spans.
"""
from __future__ import annotations

import json
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator.core.domain import Span
from annotator.core.exporting import export_jsonl
from annotator.core.importing import ArticleRecord, import_paths, import_records
from annotator.core.offsets import QtOffsetMap
from annotator.core.store import Project
from annotator.core.text import fold, normalize

LETTERS = list("ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآةىءؤئ")
MARKS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0653", "\u0654", "\u0655"]
PIECES = (
    LETTERS
    + MARKS
    + ["\u0640"]  # tatweel
    + ["😀", "👍", "\U0001F3FD", "🇸🇾", "\U0001D400"]  # astral: emoji, a skin tone, a flag, math bold A
    + ["\r", "\n", "\r\n", "\r\n", "\n\n"]
    + ["\u200e", "\u200f", "\u061c", "\u202b", "\u202c", "\u2067", "\u2069", "\u200c", "\u200d"]
    + list("abcXYZ") + ["ß"]
    + list("0123456789") + list("٠١٢٣٤٥٦٧٨٩") + ["۳", "۴"]
    + ["\ufefb"]  # ﻻ: one character, two when normalised
    + [" ", " ", " ", "\u00a0", "\t"]
    + ["المرصد", "قوات", "للتنظيم", "«", "»", "،", ":"]
)
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


# ------------------------------------------------------------ Qt positions
def qt_len(s: str) -> int:
    """Qt positions taken by ``s``: UTF-16 code units, with each CRLF pair one separator."""
    return len(s.encode("utf-16-le")) // 2 - s.count("\r\n")


def splits_crlf(text: str, i: int) -> bool:
    return 0 < i < len(text) and text[i - 1] == "\r" and text[i] == "\n"


@settings(max_examples=100, deadline=None)
@given(texts)
def test_code_points_to_qt_positions_and_back(text: str) -> None:
    m = QtOffsetMap(text)
    assert m.length_cp == len(text)
    assert m.length_qt == qt_len(text)
    for i in range(len(text) + 1):
        assert m.to_qt(i) == qt_len(text[:i])
        if not splits_crlf(text, i):
            assert m.to_cp(m.to_qt(i)) == i
    for p in range(m.length_qt + 1):
        c = m.to_cp(p)
        # The character at or before p: inside a surrogate pair, its start; after CRLF, past both.
        assert qt_len(text[:c]) <= p
        assert c == len(text) or qt_len(text[: c + 1]) > p
        assert not splits_crlf(text, c)


@settings(max_examples=100, deadline=None)
@given(texts, st.data())
def test_spans_to_qt_selections_and_back(text: str, data: st.DataObject) -> None:
    m = QtOffsetMap(text)
    assume(len(text) > 0)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assume(not splits_crlf(text, start) and not splits_crlf(text, end))
    assert m.span_to_cp(*m.span_to_qt(start, end)) == (start, end)
    # Any Qt selection becomes whole code points covering at least what was selected.
    p = data.draw(st.integers(0, m.length_qt))
    q = data.draw(st.integers(p, m.length_qt))
    s, e = m.span_to_cp(p, q)
    assert 0 <= s <= e <= len(text)
    assert qt_len(text[:s]) <= p and qt_len(text[:e]) >= q
    assert not splits_crlf(text, s) and not splits_crlf(text, e)


# ------------------------------------------------------------- normalisation
def cuts_expansion(nt, i: int) -> bool:
    """Whether normalised offset ``i`` falls inside the output of one source character (ﻻ → لا)."""
    return 0 < i < len(nt.text) and nt.src(i - 1) == nt.src(i)


@settings(max_examples=100, deadline=None)
@given(texts, st.data())
def test_normalised_match_maps_back_to_original(text: str, data: st.DataObject) -> None:
    nt = normalize(text)
    assert fold(text) == nt.text
    assume(len(nt.text) > 0)
    i = data.draw(st.integers(0, len(nt.text) - 1))
    j = data.draw(st.integers(i + 1, len(nt.text)))
    assume(not cuts_expansion(nt, i) and not cuts_expansion(nt, j))
    needle = nt.text[i:j]
    # Search like the find-mentions code does: the first match of the needle.
    k = nt.text.find(needle)
    assume(not cuts_expansion(nt, k) and not cuts_expansion(nt, k + len(needle)))
    for a0, b0 in ((i, j), (k, k + len(needle))):
        a, b = nt.to_original(a0, b0)
        assert 0 <= a < b <= len(text)
        assert fold(text[a:b]) == needle
        assert nt.to_normalized(a, b) == (a0, b0)


def cluster_start(text: str, i: int) -> bool:
    return i == 0 or i == len(text) or not unicodedata.category(text[i]).startswith("M")


@settings(max_examples=100, deadline=None)
@given(texts, st.data())
def test_original_range_maps_to_its_fold(text: str, data: st.DataObject) -> None:
    nt = normalize(text)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assume(cluster_start(text, a) and cluster_start(text, b))
    s, e = nt.to_normalized(a, b)
    assert nt.text[s:e] == fold(text[a:b])


# ------------------------------------------------------- export/import round trip
@st.composite
def articles_with_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    text = draw(texts.filter(lambda t: t.strip() != ""))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=12))))
    spans = []
    for start, end in zip(cuts[::2], cuts[1::2]):
        # The store trims edge whitespace; keep spans already trimmed so they must come back as is.
        if start < end and not text[start].isspace() and not text[end - 1].isspace():
            spans.append((start, end, draw(st.sampled_from(["ACTOR", "LOCATION", "COUNT", "SOURCE"]))))
    return text, spans


def read_records(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [json.loads(line) for line in fh]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles_with_spans())
def test_spans_survive_export_import_export(case: tuple[str, list[tuple[int, int, str]]]) -> None:
    text, spans = case
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        with Project.create(d / "a.db", creator="lead") as a:
            summary = import_records(a, [ArticleRecord(text=text, spans=[Span(s, e, lab) for s, e, lab in spans])])
            assert (summary.new, summary.rejected) == (1, 0), summary.errors
            export_jsonl(a, d / "one.jsonl")
        with Project.create(d / "b.db", creator="lead") as b:
            summary = import_paths(b, [d / "one.jsonl"])
            assert (summary.new, summary.rejected) == (1, 0), summary.errors
            assert b.article(b.article_ids()[0]).text == text  # stored exactly: CRLF, marks, bidi
            export_jsonl(b, d / "two.jsonl")
        one, two = read_records(d / "one.jsonl"), read_records(d / "two.jsonl")
    assert len(one) == len(two) == 1
    expected = [(s, e, lab, text[s:e]) for s, e, lab in sorted(spans)]
    for rec in (one[0], two[0]):
        assert rec["text"] == text
        assert [(s["start"], s["end"], s["label"], s["text"]) for s in rec["spans"]] == expected
    assert one[0]["tokens"] == two[0]["tokens"]
    assert [(s["token_start"], s["token_end"]) for s in one[0]["spans"]] == \
        [(s["token_start"], s["token_end"]) for s in two[0]["spans"]]
