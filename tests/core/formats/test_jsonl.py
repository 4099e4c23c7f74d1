"""core/formats/jsonl.py: JSON Lines in, Prodigy-shaped NER records out.

Whole imports and exports through the project are in tests/core/test_importing.py and
tests/core/test_exporting.py; here the reader and the record writer on their own.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.domain import Article, Span
from annotator.core.errors import InputError
from annotator.core.formats import jsonl
from annotator.core.formats.record import ArticleRecord

TEXT = "قال المرصد السوري إن 4 جنود قتلوا في ريف حمص."


def _read(tmp_path: Path, *lines: str) -> list[ArticleRecord | InputError]:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return list(jsonl.read(path))


def test_prodigy_records_with_spans_meta_and_answer(tmp_path: Path) -> None:
    start = TEXT.index("ريف حمص")
    record = {"text": TEXT, "id": 7, "meta": {"source": "المدن", "region": "حمص"}, "answer": "accept",
              "spans": [{"start": start, "end": start + 7, "label": "LOCATION", "text": "ريف حمص"}]}
    (rec,) = _read(tmp_path, json.dumps(record, ensure_ascii=False))
    assert isinstance(rec, ArticleRecord)
    assert (rec.external_id, rec.source, rec.meta, rec.status) == ("7", "المدن", {"region": "حمص"}, "done")
    assert rec.spans == [Span(start, start + 7, "LOCATION", {}, "import")]
    assert rec.title == TEXT  # no title: the first line


def test_doccano_labels_and_status_answers(tmp_path: Path) -> None:
    lines = [json.dumps({"text": TEXT, "label": [[4, 17, "SOURCE"]], "answer": "reject"}, ensure_ascii=False),
             json.dumps({"text": "نص", "answer": "ignore"}, ensure_ascii=False),
             json.dumps({"text": "نص آخر", "meta": {"status": "gold"}}, ensure_ascii=False)]
    first, second, third = _read(tmp_path, *lines)
    assert isinstance(first, ArticleRecord) and first.spans == [Span(4, 17, "SOURCE", {}, "import")]
    assert (first.status, first.comment) == ("flagged", "rejected in source")
    assert isinstance(second, ArticleRecord) and (second.status, second.spans) == ("skipped", None)
    assert isinstance(third, ArticleRecord) and third.status == "done"


@pytest.mark.parametrize(("line", "message"), [
    ('{"title": "x"}', "record has no 'text'"),
    ('{"text": "نص", "spans": [{"start": 0, "end": 1}]}', "span 1: missing 'label'"),
    ('{"text": "نص", "spans": [{"start": "0", "end": 1, "label": "A"}]}', "'start' must be an integer"),
    ('{"text": "نص طويل", "spans": [{"start": 0, "end": 2, "label": "A", "text": "طو"}]}', "must count code points"),
    ('{"text": "نص", "answer": "maybe"}', "'answer' must be accept, ignore or reject"),
    ('{"text": "نص", "title": ["x"]}', "'title' must be a string, got list"),
    ('{"text": "\\ud800"}', "unpaired surrogate"),
    ('{"text": ', "malformed JSON"),
])
def test_a_bad_line_is_an_error_naming_it(tmp_path: Path, line: str, message: str) -> None:
    good, error = _read(tmp_path, '{"text": "سطر جيد"}', line)
    assert isinstance(good, ArticleRecord)
    assert isinstance(error, InputError) and message in str(error) and error.line == 2


def test_a_json_array_is_refused_as_a_whole(tmp_path: Path) -> None:
    (error,) = _read(tmp_path, '[{"text": "نص"}]')
    assert isinstance(error, InputError) and "this is a JSON array, not JSON Lines" in str(error)


def test_blank_lines_and_a_bom_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + '{"text": "أ"}\n\n  \n{"text": "ب"}\n'.encode())
    assert [r.text for r in jsonl.read(path) if isinstance(r, ArticleRecord)] == ["أ", "ب"]


def test_answer_of() -> None:
    assert [jsonl.answer_of(s) for s in ("done", "gold", "flagged", "skipped", "new", None)] == \
        ["accept", "accept", "reject", "ignore", "ignore", "ignore"]


def test_record_dict_shape_with_and_without_tokens() -> None:
    article = Article(3, "ext-3", "عنوان", TEXT, source="المدن", meta={"region": "حمص"})
    start = TEXT.index("ريف حمص")
    spans = [Span(start, start + 7, "LOCATION"), Span(21, 22, "COUNT", {"value": 4}, "rule")]
    rec = jsonl.record_dict(article, spans, "hala", status="done")
    assert rec["text"] == TEXT and rec["answer"] == "accept" and rec["_annotator_id"] == "hala"
    assert rec["meta"] == {"article_id": 3, "external_id": "ext-3", "title": "عنوان", "source": "المدن",
                           "region": "حمص", "status": "done"}
    location, count = rec["spans"]
    assert (location["text"], count["attributes"], count["origin"]) == ("ريف حمص", {"value": 4}, "rule")
    tokens = rec["tokens"]
    assert "".join(t["text"] + (" " if t["ws"] else "") for t in tokens) == TEXT
    assert tokens[location["token_start"]]["start"] == start
    assert tokens[location["token_end"]]["end"] == start + 7
    line, split = jsonl.record_line(article, spans, "hala", tokens=False)
    assert split == 0 and "tokens" not in json.loads(line)
    again = jsonl.record_dict(article, spans, "hala", status="done")
    assert (again["_input_hash"], again["_task_hash"]) == (rec["_input_hash"], rec["_task_hash"])
    other = jsonl.record_dict(article, spans[:1], "hala", status="done")
    assert other["_input_hash"] == rec["_input_hash"] and other["_task_hash"] != rec["_task_hash"]


def test_write_is_atomic_and_counts_lines(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert jsonl.write(out, ['{"a": 1}', '{"b": 2}']) == 2
    assert out.read_text(encoding="utf-8") == '{"a": 1}\n{"b": 2}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary file left behind


def test_fields_fall_back_to_meta_and_numbers_become_text() -> None:
    """A top-level field wins when it is non-empty text; an empty one or a missing one falls
    back to ``meta`` (our own export keeps the id as ``meta.external_id``); numbers are text."""
    rec = jsonl.record_from_json({"text": "نص الخبر", "title": "", "id": 7, "source": "وكالة",
                                  "meta": {"title": "عنوان من meta", "url": "https://e.org/a", "published": 2024}},
                                 "f.jsonl", 3)
    assert (rec.title, rec.external_id, rec.source, rec.url, rec.published) == \
        ("عنوان من meta", "7", "وكالة", "https://e.org/a", "2024")
    rec = jsonl.record_from_json({"text": "نص", "meta": {"external_id": "x-1"}}, "f.jsonl", 4)
    assert rec.external_id == "x-1"
    with pytest.raises(InputError, match="'meta.source' must be a string, got list"):
        jsonl.record_from_json({"text": "نص", "source": "", "meta": {"source": ["a"]}}, "f.jsonl", 5)


@pytest.mark.parametrize("tokens", [True, False])
def test_the_utf8_line_is_the_text_line_encoded(tokens: bool) -> None:
    """The export writes record_line(..., utf8=True): the same line, on and off the token edges."""
    article = Article(3, "ext-3", "عنوان", TEXT, source="المدن", meta={"region": "حمص"})
    start = TEXT.index("ريف حمص")
    on_edges = [Span(start, start + 7, "LOCATION"), Span(21, 22, "COUNT", {"value": 4}, "rule")]
    inside = [Span(start + 1, start + 7, "LOCATION")]  # starts inside «ريف»: the token is split
    for spans in (on_edges, inside, []):
        line, split = jsonl.record_line(article, spans, "hala", status="done", tokens=tokens)
        assert jsonl.record_line(article, spans, "hala", status="done", tokens=tokens, utf8=True) == \
            (line.encode("utf-8"), split)
    assert jsonl.record_line(article, inside, "hala", tokens=tokens)[1] == (1 if tokens else 0)


def test_write_takes_utf8_lines_too(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert jsonl.write(out, ['{"a": "أ"}', '{"b": "ب"}'.encode()]) == 2
    assert out.read_text(encoding="utf-8") == '{"a": "أ"}\n{"b": "ب"}\n'


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list('قال "x\\y\n\r\t\x00\x1f\x7f\u2028😀\u200f') + ["\r\n", "ال"]),
                max_size=30).map("".join))
def test_a_text_escaped_as_utf8_is_json_dumps_encoded(text: str) -> None:
    escaped = jsonl._json_string_utf8(text.encode())
    assert escaped == json.dumps(text, ensure_ascii=False).encode() or (
        escaped is None and any(ord(c) < 0x20 and c not in "\n\r\t" for c in text))


@pytest.mark.parametrize("text", ['سطر "أول"\nوسطر\tثان\r\nو\\ثالث 😀', "نص\x01فيه محرف تحكم", "", "\n\n"])
def test_the_utf8_line_with_any_text(text: str) -> None:
    article = Article(4, None, "عنوان", text, meta={"q": 'a"b'})
    spans = [Span(0, 3, "ACTOR")] if len(text) > 3 and not text[:3].isspace() else []
    for status in ("done", "gold", None):
        line, split = jsonl.record_line(article, spans, "hala", status=status, updated_at="2026-11-25T08:00:00")
        assert jsonl.record_line(article, spans, "hala", status=status, updated_at="2026-11-25T08:00:00",
                                 utf8=True) == (line.encode("utf-8"), split)
        assert json.loads(line)["text"] == text


def test_spans_formatted_directly_are_json_dumps_of_the_items() -> None:
    text = 'قال "المرصد" إن 4\\5 جنود\nقتلوا في ريف حمص.'
    spans = [
        Span(0, 3, "ACTOR"),
        Span(4, 12, 'SO"URCE', {"value": 4, "unit": "جنود", "nested": {"a": [1, 2.5, None, True]}}, "rule"),
        Span(16, 19, "COUNT", {}, None),
        Span(20, 30, "X\\Y", {}, "manual"),
        Span(True, 2, "ACTOR"),  # not an int: the item goes through json.dumps
    ]
    for token_of in ({}, {(0, 3): (0, 0), (16, 19): (4, 6)}):
        expected = json.dumps([jsonl._span_item(text, s, token_of) for s in spans], ensure_ascii=False)
        assert jsonl._spans_json(text, spans, token_of) == expected
    assert jsonl._spans_json(text, [], {}) == "[]"
