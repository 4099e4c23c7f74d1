"""The export's token list renderer: the bytes of json.dumps of the tokens, past its caches too."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.formats import token_json
from annotator.core.formats.token_json import token_columns
from annotator.core.tokenizer import tokenize

ALPHABET = list("وفبلكالقتنظيمدعشريحصزةى") + ["ال", "لل", "«", "»", "“", "”", '"', "\\", " ", " ", "\n", "\r\n",
                                                   "\t", "😀", "\u200f", "\u2067", "َ", "ـ", "3", "١", "،", ".", "؟"]


def plain_tokens_json(text: str) -> str:
    return json.dumps([t.to_dict() for t in tokenize(text)], ensure_ascii=False, separators=(",", ":"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join))
def test_pieces_spell_exactly_json_dumps(text: str) -> None:
    assert token_columns(text).to_json() == plain_tokens_json(text)


def test_the_same_bytes_past_the_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    """A full text cache starts over, an article longer than the number tables renders the
    plain way, and the same bytes come out either way."""
    monkeypatch.setattr(token_json, "_HEADS_MAX", 3)
    text = 'قال «داعش» "x\\y" \n\nو3 😀 ل”المدن” \u200fالرقة\u200f وقُوَّاتُ النـــظام\r\n'
    assert token_columns(text).to_json() == plain_tokens_json(text)
    assert len(token_json._HEADS) <= token_json._HEADS_MAX + 1
    long_text = ("قصفت الطائرات مواقع في ريف حمص الشرقي. " * 900)[:token_json._TABLES_MAX + 50]
    assert token_columns(long_text).to_json() == plain_tokens_json(long_text)
    assert token_json._tables_size <= token_json._TABLES_MAX


def test_columns_and_the_line_around_them() -> None:
    text = "قصفت الطائرات مواقع في ريف حمص"
    columns = token_columns(text)
    assert token_columns(text) is columns  # the next annotator's record of that article
    assert (columns.starts, columns.ends) == ([t.start for t in tokenize(text)], [t.end for t in tokenize(text)])
    assert columns.spaces == [int(t.ws) for t in tokenize(text)]
    assert columns.to_json("<", ">") == "<" + plain_tokens_json(text) + ">"
    assert token_columns("").to_json("<", ">") == "<[]>"


def test_texts_that_share_a_head_slot_render_each_their_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """With four head slots most token texts find their slot held by another: each is still
    spelled as itself, in the table or for the record at hand."""
    monkeypatch.setattr(token_json, "_HEAD_SLOTS", 4)
    monkeypatch.setattr(token_json, "_HEADS", token_json._TokenHeads())
    text = "قصفت قوات النظام مواقع «داعش» في ريف حمص، وقصفت قوات التحالف مواقع في ريف الرقة 😀 x x"
    for _ in range(2):  # the second time through, the slots are already held
        assert token_columns(text + " ").to_json() == plain_tokens_json(text + " ")
        assert token_columns(text).to_json() == plain_tokens_json(text)
    assert 0 < len(token_json._HEADS) <= 4


def test_utf8_pieces_are_the_text_json_encoded() -> None:
    text = 'قال «داعش» "x\\y" \n\nو3 😀 \u200fالرقة\u200f وقُوَّاتُ النـــظام\r\n'
    columns = token_columns(text)
    assert columns.to_json_bytes(b"<", b">") == ("<" + plain_tokens_json(text) + ">").encode("utf-8")


def test_token_indices_of_span_edges() -> None:
    text = "قصفت قوات النظام مواقع في ريف حمص"
    columns = token_columns(text)
    assert columns.token_indices([(text.index("قوات"), text.index("النظام") + 6)]) == [(1, 2)]
    assert columns.token_indices([(text.index("وات"), len(text))]) is None  # starts inside a token
