"""core/formats/docbin.py: spaCy's train.spacy/dev.spacy, written atomically and read back.

The train/dev split shared with CoNLL is tested in tests/core/formats/test_trainsplit.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.domain import Span
from annotator.core.errors import ExportError
from annotator.core.formats import docbin

TEXTS = [
    ("قال المرصد السوري إن 4 جنود قتلوا في ريف حمص.", [("المرصد السوري", "SOURCE"), ("ريف حمص", "LOCATION")]),
    ("قصفت قوات النظام مدينة إدلب.", [("قوات النظام", "ACTOR"), ("إدلب", "LOCATION")]),
    ("وأفادت مصادر محلية بمقتل 3 مدنيين.", [("مصادر محلية", "SOURCE"), ("3 مدنيين", "COUNT")]),
]


def records() -> list[tuple[str, list[Span], dict]]:
    out = []
    for n, (text, marks) in enumerate(TEXTS):
        spans = [Span(text.index(t), text.index(t) + len(t), label) for t, label in marks]
        out.append((text, spans, {"article_id": n + 1}))
    return out


def test_write_then_read_gives_back_every_span(tmp_path: Path) -> None:
    report = docbin.write(records(), tmp_path / "corpus", dev_fraction=0.34)
    assert [p.name for p in report.paths] == list(docbin.FILES)
    assert report.articles == 3 and report.train_articles + report.dev_articles == 3
    assert report.dev_articles >= 1 and report.spans_misaligned == 0
    back = {text: {(s.start, s.end, s.label) for s in spans}
            for name in docbin.FILES for text, spans, _meta in docbin.read(tmp_path / "corpus" / name)}
    assert back == {text: {(s.start, s.end, s.label) for s in spans} for text, spans, _meta in records()}


def test_a_rewrite_replaces_both_files_together(tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    docbin.write(records(), out, dev_fraction=0.34)
    docbin.write(records()[:2], out, dev_fraction=0.0)
    assert sum(1 for name in docbin.FILES for _ in docbin.read(out / name)) == 2
    assert sorted(p.name for p in out.iterdir()) == sorted(docbin.FILES)


def test_reading_a_file_that_is_not_a_docbin_is_an_export_error(tmp_path: Path) -> None:
    bad = tmp_path / "train.spacy"
    bad.write_bytes(b"not a docbin")
    with pytest.raises(ExportError, match="cannot read"):
        list(docbin.read(bad))


# ---------------------------------------------------------------------------------------
# The DocBin rows are made without doc.ents: the bytes are those of spaCy's own DocBin
# ---------------------------------------------------------------------------------------
def reference_docbins(records: list[tuple[str, list, dict]], dev_fraction: float, seed: int) -> list[bytes]:
    """train/dev bytes the plain way: doc_with_spans, then spaCy's stock DocBin.add, keeping
    only the strings ORTH and ENT_TYPE need (the empty string, token texts, entity labels)."""
    from spacy.tokens import DocBin

    from annotator.core.formats.trainsplit import Splitter, record_key
    from annotator.core.tokenizer import doc_with_spans, make_nlp

    bins = {dev: DocBin(attrs=list(docbin.DOCBIN_ATTRS), store_user_data=False) for dev in (False, True)}
    strings: dict[bool, set[str]] = {False: {""}, True: {""}}

    def emit(doc, dev: bool) -> None:  # type: ignore[no-untyped-def]
        bins[dev].add(doc)
        strings[dev] |= {t.text for t in doc} | {e.label_ for e in doc.ents}

    splitter = Splitter(dev_fraction, seed, emit)
    for text, spans, meta in records:
        splitter.push(doc_with_spans(make_nlp(), text, spans)[0], record_key(meta, text))
    splitter.close()
    for dev in (False, True):
        bins[dev].strings = strings[dev]
    return [bins[False].to_bytes(), bins[True].to_bytes()]


def awkward_records() -> list[tuple[str, list, dict]]:
    """Records that take the fast row path and every kind that must fall back to doc.ents."""
    text = "قال المرصد السوري إن 4 جنود قتلوا في ريف حمص.\nقصفت قوات النظام ولمسلحي داعش 😀 إدلب. Hello WORLD"
    at = text.index
    out: list[tuple[str, list, dict]] = [(t, s, {"article_id": 100 + n}) for n, (t, s, _m) in enumerate(records())]
    cases = [
        [(at("المرصد"), at("المرصد") + 13, "SOURCE"), (at("قوات"), at("قوات") + 11, "ACTOR")],  # token edges
        [(at("قوات"), at("قوات") + 11, "ACTOR"), (at("المرصد"), at("المرصد") + 13, "SOURCE")],  # unsorted
        [(at("مسلحي"), at("مسلحي") + 10, "ACTOR")],  # starts inside a token: split
        [(at("المرصد"), at("المرصد") + 6, "SOURCE"), (at("المرصد"), at("المرصد") + 13, "ACTOR")],  # overlap
        [(at("جنود") - 1, at("جنود") + 4, "COUNT")],  # starts on a space
        [(at("ريف"), at("ريف") + 3, "")],  # no label
        [(len(text) - 5, len(text) + 3, "X")],  # past the end
        [(at("Hello"), at("Hello") + 11, "MISC"), (at("😀"), at("😀") + 1, "EMOJI")],
        [(at("قصفت"), at("قصفت") + 4, "A"), (at("قوات"), at("قوات") + 4, "A")],  # same label, adjacent tokens
        [],
    ]
    out += [(text, spans, {"article_id": n}) for n, spans in enumerate(cases)]
    out.append(("", [], {"article_id": 99}))
    out.append(("\n\n  ", [], {"article_id": 98}))
    return out


@pytest.mark.parametrize(("dev_fraction", "seed"), [(0.0, 0), (0.3, 1), (0.5, 7)])
def test_the_files_are_byte_for_byte_spacys_docbins(tmp_path: Path, dev_fraction: float, seed: int) -> None:
    recs = awkward_records()
    report = docbin.write(recs, tmp_path / "corpus", dev_fraction=dev_fraction, seed=seed)
    assert [p.read_bytes() for p in report.paths] == reference_docbins(recs, dev_fraction, seed)
    assert report.spans_split >= 1 and report.spans_misaligned >= 1  # the fallback cases were taken


def test_rows_made_without_doc_ents_equal_the_doc_path() -> None:
    """Row by row: where the fast row exists it is exactly the row of doc_with_spans' Doc."""
    import numpy

    from annotator.core.tokenizer import doc_with_spans, make_nlp

    nlp = make_nlp()
    attrs = docbin._new_docbin().attrs
    columns = docbin._EntityColumns(attrs)
    fast_rows = 0
    for text, spans, _meta in awkward_records():
        fast = columns.row(nlp.make_doc(text), text, spans)
        doc, report = doc_with_spans(nlp, text, spans)
        if fast is None:
            continue
        fast_rows += 1
        row, n_ents = fast
        expected = docbin._doc_row(doc, attrs)
        assert numpy.array_equal(row.tokens, expected.tokens) and row.tokens.dtype == expected.tokens.dtype
        assert numpy.array_equal(row.spaces, expected.spaces) and row.spaces.dtype == expected.spaces.dtype
        assert numpy.array_equal(row.orths, expected.orths)
        assert (sorted(row.labels), row.span_groups) == (sorted(expected.labels), expected.span_groups)
        assert n_ents == report.aligned == len(doc.ents)
    assert fast_rows >= 5


def test_token_texts_sharing_a_filter_slot_are_all_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With two slots in front of the set of token texts, most texts keep displacing each
    other: every one still reaches the file's strings."""
    monkeypatch.setattr(docbin, "_KNOWN_SLOTS", 2)
    recs = awkward_records()
    report = docbin.write(recs, tmp_path / "corpus", dev_fraction=0.3, seed=1)
    assert [p.read_bytes() for p in report.paths] == reference_docbins(recs, 0.3, 1)
