"""Training-set exports: DocBin round trip, train/dev split, CoNLL IOB2."""
from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.domain import Span
from annotator.core.errors import ExportError
from annotator.core.formats.conll import DOCSTART
from annotator.core.formats.conll import read as read_conll
from annotator.core.formats.conll import write as write_conll
from annotator.core.formats.docbin import write as write_docbin
from annotator.core.formats.trainsplit import is_dev

# Written for these tests. Guideline cases: clitics outside spans (ل”المدن”، بريف، وداعش),
# ل + article (للتنظيم → لتنظيم), quotes around a name, counts.
TEXTS = [
    ("قال المرصد السوري لحقوق الإنسان إن 5 من عناصر قوات النظام قتلوا بريف حمص الشرقي.",
     [("المرصد السوري لحقوق الإنسان", "SOURCE"), ("5", "COUNT"), ("قوات النظام", "ACTOR"), ("ريف حمص الشرقي", "LOCATION")]),
    ("وأفادت مصادر ميدانية ل”المدن” بأن خلايا تابعة للتنظيم هاجمت بادية السخنة.\nوقتل 3 جنود.",
     [("مصادر ميدانية", "SOURCE"), ("المدن", "SOURCE"), ("لتنظيم", "ACTOR"), ("بادية السخنة", "LOCATION"), ("3", "COUNT")]),
    ("استأنف تنظيم “داعش” هجماته ضد الميليشيات الإيرانية في دير الزور؛ وداعش يتوسع.",
     [("داعش", "ACTOR"), ("الميليشيات الإيرانية", "ACTOR"), ("دير الزور", "LOCATION")]),
    ("شن الطيران الروسي غارات على إدلب، ما أدى إلى مقتل 7 مدنيين؟ وفق ناشطين.",
     [("الطيران الروسي", "ACTOR"), ("إدلب", "LOCATION"), ("7", "COUNT")]),
    ("هاجم ولمسلحي الفصائل حاجزاً قرب درعا.", [("مسلحي الفصائل", "ACTOR"), ("درعا", "LOCATION")]),
]


def make_records() -> list[tuple[str, list[Span], dict]]:
    records = []
    for i, (text, marks) in enumerate(TEXTS):
        spans = []
        for needle, label in marks:
            start = text.index(needle)
            spans.append(Span(start, start + len(needle), label))
        records.append((text, spans, {"article_id": i + 1}))
    return records


def read_docbin(path: Path) -> list:
    from spacy.tokens import DocBin

    from annotator.core.tokenizer import make_nlp

    return list(DocBin().from_disk(path).get_docs(make_nlp().vocab))


def test_docbin_round_trip_ents_equal_spans(tmp_path: Path) -> None:
    records = make_records()
    report = write_docbin(iter(records), tmp_path / "out", dev_fraction=0.4, seed=3)
    assert report.articles == len(records)
    assert report.spans == sum(len(s) for _, s, _ in records)
    assert report.spans_misaligned == 0
    assert report.spans_split == 1  # only ولمسلحي needs a token split
    assert report.paths == [tmp_path / "out" / "train.spacy", tmp_path / "out" / "dev.spacy"]
    docs = read_docbin(report.paths[0]) + read_docbin(report.paths[1])
    assert len(read_docbin(report.paths[1])) == report.dev_articles >= 1
    assert len(read_docbin(report.paths[0])) == report.train_articles >= 1
    by_text = {text: spans for text, spans, _ in records}
    assert sorted(d.text for d in docs) == sorted(by_text)
    for doc in docs:
        got = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        assert got == sorted(s.key() for s in by_text[doc.text])
    # no temporary files are left behind
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["dev.spacy", "train.spacy"]


def test_split_is_seeded_by_article_and_both_sides_non_empty(tmp_path: Path) -> None:
    records = make_records()
    a = write_docbin(records, tmp_path / "a", seed=1)
    b = write_docbin(list(reversed(records)), tmp_path / "b", seed=1)
    dev_a = sorted(d.text for d in read_docbin(a.paths[1]))
    dev_b = sorted(d.text for d in read_docbin(b.paths[1]))
    assert dev_a == dev_b  # same articles on the same side whatever the order
    for n in (2, 3):
        for seed in range(6):
            r = write_docbin(records[:n], tmp_path / f"n{n}s{seed}", seed=seed)
            assert r.train_articles >= 1 and r.dev_articles >= 1
            assert r.train_articles + r.dev_articles == n
    seeds_dev = {tuple(is_dev(f"id={i}", 0.5, seed) for i in range(20)) for seed in range(4)}
    assert len(seeds_dev) > 1  # the seed changes the split


def test_single_record_goes_to_train(tmp_path: Path) -> None:
    r = write_docbin(make_records()[:1], tmp_path / "one")
    assert (r.train_articles, r.dev_articles) == (1, 0)
    assert read_docbin(r.paths[1]) == []


def test_bad_dev_fraction(tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        write_docbin(make_records(), tmp_path / "x", dev_fraction=1.0)


def test_unwritable_target_raises_export_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError):
        write_docbin(make_records(), blocker / "sub")


def test_conll_single_file_format(tmp_path: Path) -> None:
    records = make_records()
    report = write_conll(records, tmp_path / "all.conll")
    assert report.paths == [tmp_path / "all.conll"] and report.spans_misaligned == 0
    raw = (tmp_path / "all.conll").read_text(encoding="utf-8")
    lines = raw.split("\n")
    assert lines[0] == DOCSTART and lines[1] == ""
    assert raw.count(DOCSTART) == len(records)
    for line in lines:
        if line and line != DOCSTART:
            tok, tag = line.split("\t")
            assert tok and not any(ch.isspace() for ch in tok)
            assert tag == "O" or tag[:2] in ("B-", "I-")
    articles = read_conll(tmp_path / "all.conll")
    assert len(articles) == len(records)
    first = articles[0]
    assert len(first) == 1  # one sentence, ending with "."
    assert first[0][-1] == (".", "O")
    flat = [pair for sent in first for pair in sent]
    assert ("المرصد", "B-SOURCE") in flat and ("الإنسان", "I-SOURCE") in flat
    assert ("ب", "O") in flat and ("ريف", "B-LOCATION") in flat
    second = [pair for sent in articles[1] for pair in sent]
    assert ("ل", "O") in second and ("لتنظيم", "B-ACTOR") in second and ("”", "O") in second
    assert len(articles[1]) == 2  # a sentence per line
    third = articles[2]
    assert len(third) == 2  # split after ؛
    fifth = [pair for sent in articles[4] for pair in sent]
    assert ("ول", "O") in fifth and ("مسلحي", "B-ACTOR") in fifth and ("الفصائل", "I-ACTOR") in fifth


def test_conll_entities_match_spans(tmp_path: Path) -> None:
    """Every entity read back from the CoNLL file is the text of one span, in order."""
    records = make_records()
    write_conll(records, tmp_path / "all.conll")
    for (text, spans, _), article in zip(records, read_conll(tmp_path / "all.conll")):
        ents: list[tuple[str, list[str]]] = []
        for sent in article:
            for tok, tag in sent:
                if tag.startswith("B-"):
                    ents.append((tag[2:], [tok]))
                elif tag.startswith("I-"):
                    assert ents and ents[-1][0] == tag[2:]
                    ents[-1][1].append(tok)
        expected = [(s.label, text[s.start : s.end].split()) for s in sorted(spans, key=lambda s: s.start)]
        assert [(lab, "".join(toks)) for lab, toks in ents] == [(lab, "".join(w)) for lab, w in expected]


def test_conll_directory_split(tmp_path: Path) -> None:
    records = make_records()
    report = write_conll(records, tmp_path / "conll", dev_fraction=0.4, seed=3)
    assert report.paths == [tmp_path / "conll" / "train.conll", tmp_path / "conll" / "dev.conll"]
    n_train = len(read_conll(report.paths[0]))
    n_dev = len(read_conll(report.paths[1]))
    assert (n_train, n_dev) == (report.train_articles, report.dev_articles)
    assert n_train >= 1 and n_dev >= 1 and n_train + n_dev == len(records)
    # same split as the DocBin export with the same seed
    db = write_docbin(records, tmp_path / "db", dev_fraction=0.4, seed=3)
    assert (db.train_articles, db.dev_articles) == (n_train, n_dev)


def test_docbin_read_gives_back_the_spans(tmp_path: Path) -> None:
    from annotator.core.formats import docbin

    records = make_records()
    report = write_docbin(records, tmp_path / "db", dev_fraction=0.4, seed=3)
    back = {text: sorted(s.key() for s in spans) for path in report.paths for text, spans, _ in docbin.read(path)}
    assert back == {text: sorted(s.key() for s in spans) for text, spans, _ in records}
