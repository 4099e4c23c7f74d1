"""CoNLL import: IOB, IOB2, BILOU, -DOCSTART- articles, kept tokens and the exact round trip."""
from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.domain import Span
from annotator.core.exporting import export_trainset
from annotator.core.formats import detect_format
from annotator.core.formats.conll import TagError, decode_tags, read_records
from annotator.core.importing import import_paths
from annotator.core.store import Project

DATA = Path(__file__).resolve().parents[2] / "data" / "interop"
MAP = {"ORG": "ACTOR", "PERS": "ACTOR", "LOC": "LOCATION"}


def articles_with_spans(project: Project, annotator: str = "imported") -> list[tuple[str, list[tuple[str, str]]]]:
    ids = [row[0] for row in project.annotation_keys(annotator=annotator)]
    articles = project.articles_many(ids)
    spans = project.spans_many(ids)
    return [(articles[i].text, [(articles[i].text[s.start:s.end], s.label) for s in spans.get((i, annotator), [])])
            for i in ids]


def mark_done(project: Project, annotator: str = "imported") -> None:
    for article_id, name, _status, _updated in project.annotation_keys(annotator=annotator):
        project.set_status(article_id, name, "done")


# ---------------------------------------------------------------------------- tags
@pytest.mark.parametrize("tags, entities", [
    (["O", "B-LOC", "I-LOC", "O", "B-ORG"], [(1, 2, "LOC"), (4, 4, "ORG")]),  # IOB2
    (["I-PER", "I-PER", "O", "I-LOC", "B-LOC"], [(0, 1, "PER"), (3, 3, "LOC"), (4, 4, "LOC")]),  # IOB1
    (["B-ORG", "L-ORG", "U-LOC", "O", "B-PER", "I-PER", "L-PER"], [(0, 1, "ORG"), (2, 2, "LOC"), (4, 6, "PER")]),
    (["S-LOC", "B-ORG", "E-ORG", "I-ORG"], [(0, 0, "LOC"), (1, 2, "ORG"), (3, 3, "ORG")]),  # IOBES
    (["B-LOC", "I-ORG"], [(0, 0, "LOC"), (1, 1, "ORG")]),  # a type change starts a new entity
    (["B-B-X"], [(0, 0, "B-X")]),
])
def test_decode_tags(tags: list[str], entities: list[tuple[int, int, str]]) -> None:
    assert decode_tags(tags) == entities


@pytest.mark.parametrize("tag", ["LOC", "X-LOC", "B-", "b-LOC", "BI-LOC", "-"])
def test_a_tag_that_is_no_scheme_is_refused(tag: str) -> None:
    with pytest.raises(TagError) as info:
        decode_tags(["O", tag])
    assert info.value.index == 1


# -------------------------------------------------------------------------- import
def test_docstart_separates_articles_in_a_conll_2003_shaped_file(project: Project) -> None:
    path = DATA / "conll2003.conll"
    assert detect_format(path) == "conll"
    summary = import_paths(project, [path], label_map=MAP)
    assert (summary.new, summary.rejected, summary.spans) == (3, 0, 5), summary.errors
    assert articles_with_spans(project) == [
        ("قال مُراسِلُنا 👨‍👩‍👧 في حلب إن قوات النظام قصفت .",
         [("حلب", "LOCATION"), ("قوات النظام", "ACTOR")]),
        ("أكّد المرصدُ السوري 🇸🇾 أنّ 12 عنصراً قُتلوا في بادية حمص",
         [("المرصدُ السوري", "ACTOR"), ("بادية حمص", "LOCATION")]),
        ("نقلت وكالة سانا عن مصدر عسكري", [("وكالة سانا", "ACTOR")]),
    ]
    first = project.article(project.annotation_keys()[0][0])
    assert (first.external_id, first.title) == ("conll2003-1", first.text)
    assert first.meta == {}  # tokens not kept unless asked


def test_without_docstart_every_sentence_is_an_article_and_iob1_is_read(project: Project) -> None:
    summary = import_paths(project, [DATA / "anercorp_like.txt"], fmt="conll", label_map=MAP)
    assert (summary.new, summary.rejected) == (2, 0)
    assert articles_with_spans(project) == [
        ("قال مُراسِلُنا 😀 إن عبد الله الخطيب وصل إلى دمشق .",
         [("عبد الله الخطيب", "ACTOR"), ("دمشق", "LOCATION")]),
        ("وأعلنت الأمم المتحدة أن 3 قوافل دخلت إدلب .", [("الأمم المتحدة", "ACTOR"), ("إدلب", "LOCATION")]),
    ]


def test_bilou(project: Project) -> None:
    import_paths(project, [DATA / "bilou.conll"], label_map=MAP)
    assert articles_with_spans(project) == [
        ("قصفت طائرات روسية مدينة إدلب ✨ وقتلت 5 مدنيين", [("طائرات روسية", "ACTOR"), ("إدلب", "LOCATION")])]


def test_a_real_shaped_iob_file_with_docstart_lines_is_several_articles(project: Project, tmp_path: Path) -> None:
    """CoNLL-2003 layout: -DOCSTART- with its dummy columns, sentences in between, CRLF."""
    docs = []
    for n in range(4):
        docs.append(f"-DOCSTART- -X- -X- O\r\n\r\nقصفت VBD B-VP O\r\nطائرات NNS B-NP B-ORG\r\n"
                    f"روسية JJ I-NP I-ORG\r\nمدينة NN B-NP O\r\nإدلب NNP I-NP B-LOC\r\n. . O O\r\n\r\n"
                    f"وقتلت VBD B-VP O\r\n{n + 2} CD B-NP O\r\nمدنيين NNS I-NP O\r\n\r\n")
    path = tmp_path / "eng.train"
    path.write_text("".join(docs), encoding="utf-8", newline="")
    summary = import_paths(project, [path], fmt="conll", label_map=MAP)
    assert (summary.new, summary.rejected, summary.annotations, summary.spans) == (4, 0, 4, 8)
    text, spans = articles_with_spans(project)[3]
    assert text == "قصفت طائرات روسية مدينة إدلب .\nوقتلت 5 مدنيين"
    assert spans == [("طائرات روسية", "ACTOR"), ("إدلب", "LOCATION")]


def test_bad_lines_name_file_and_line_and_good_articles_are_kept(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text(
        "-DOCSTART- O\n\nقصف O\nعلى O\nحلب B-LOC\n\n"
        "-DOCSTART- O\n\nقصف O\nعلى O\nحماة X-LOC\n\n"
        "-DOCSTART- O\n\nقصف O\nعلى\nإدلب B-LOC\n\n"
        "-DOCSTART- O\n\nقصف O\nعلى O\nدرعا B-LOC\n", encoding="utf-8")
    summary = import_paths(project, [path], label_map=MAP)
    assert (summary.new, summary.rejected) == (2, 2)
    assert [(e.file, e.line, e.reason) for e in summary.errors] == [
        (str(path), 11, "tag 'X-LOC' is not O or B-, I-, L-, U-, E-, S- followed by a label"),
        (str(path), 16, "expected a token and its tag, got 'على'"),
    ]


def test_same_label_options_as_every_format(project: Project) -> None:
    summary = import_paths(project, [DATA / "conll2003.conll"])
    assert summary.rejected == 3
    assert "unknown label 'LOC'" in summary.errors[0].reason and "--add-labels" in summary.errors[0].reason
    summary = import_paths(project, [DATA / "conll2003.conll"], add_labels=True)
    assert (summary.new, summary.labels_added) == (3, ["LOC", "ORG"])


def test_keep_tokens_records_the_tokenization(tmp_path: Path) -> None:
    [record] = list(read_records(DATA / "bilou.conll", keep_tokens=True))
    assert record.meta == {"tokenization": "whitespace"}
    assert record.text.split() == ["قصفت", "طائرات", "روسية", "مدينة", "إدلب", "✨", "وقتلت", "5", "مدنيين"]


# ---------------------------------------------------------------------- round trip
ROUND_TRIP_TEXTS = [
    "قال مُراسِلُنا 👨‍👩‍👧 في حلب إن قوات النظام قصفت بلدة كفرنبل 😀 وقتلت 4 مدنيين.\nوأكّد المرصد السوري ذلك.",
    "أعلنت «قسد» أسر 12 عنصراً من تنظيم داعش 🇸🇾 في بادية دير الزور... وقالت إن العملية مستمرة!",
    "نقلت وكالة سانا عن مصدر عسكري أن الجيش استعاد قرية 🏳️‍🌈 جديدة قرب تدمر؛ ولم يذكر التفاصيل",
]
ROUND_TRIP_SPANS = [
    [("مُراسِلُنا", "SOURCE"), ("حلب", "LOCATION"), ("قوات النظام", "ACTOR"), ("4 مدنيين", "COUNT"),
     ("المرصد السوري", "SOURCE")],
    [("قسد", "ACTOR"), ("12 عنصراً", "COUNT"), ("تنظيم داعش", "ACTOR"), ("بادية دير الزور", "LOCATION")],
    [("وكالة سانا", "SOURCE"), ("الجيش", "ACTOR"), ("تدمر", "LOCATION")],
]


def test_export_import_export_is_identical(project: Project, add_article, tmp_path: Path) -> None:
    for text, marks in zip(ROUND_TRIP_TEXTS, ROUND_TRIP_SPANS):
        article_id = add_article(text)
        spans = [Span(text.index(needle), text.index(needle) + len(needle), label) for needle, label in marks]
        project.replace_spans(article_id, "huda", spans)
        project.set_status(article_id, "huda", "done")
    first = tmp_path / "first.conll"
    export_trainset(project, first, fmt="conll")

    again = Project.create(tmp_path / "again.db", creator="lead")
    try:
        summary = import_paths(again, [first], keep_tokens=True)
        assert (summary.new, summary.rejected, summary.spans) == (3, 0, 12)
        mark_done(again)
        second = tmp_path / "second.conll"
        export_trainset(again, second, fmt="conll")
    finally:
        again.close()
    assert second.read_bytes() == first.read_bytes()


def test_keep_tokens_keeps_another_tools_tokenization(project: Project, tmp_path: Path) -> None:
    """Tokens our tokenizer would split (ب+العاصمة, a period inside a sentence) come back as
    they were only when the import kept them."""
    source = ("-DOCSTART-\tO\n\nوصل\tO\nالوفد\tO\nبالعاصمة\tB-LOCATION\nدمشق\tI-LOCATION\nالساعة\tO\n"
              "3.30\tO\nم.\tO\n\n")
    path = tmp_path / "other_tool.conll"
    path.write_text(source, encoding="utf-8")
    outputs = {}
    for keep in (True, False):
        target = Project.create(tmp_path / f"keep-{keep}.db", creator="lead")
        try:
            import_paths(target, [path], keep_tokens=keep)
            mark_done(target)
            out = tmp_path / f"keep-{keep}.conll"
            export_trainset(target, out, fmt="conll")
            outputs[keep] = out.read_text(encoding="utf-8")
        finally:
            target.close()
    assert outputs[True] == source
    assert outputs[False] != source  # re-tokenized: ب and العاصمة become two tokens
