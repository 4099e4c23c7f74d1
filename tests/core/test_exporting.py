"""JSONL export in Prodigy's shape: fields, token alignment, round trip, atomic replacement."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.core import exporting
from annotator.core.errors import ExportError
from annotator.core.exporting import export_jsonl
from annotator.core.importing import import_paths
from annotator.core.store import Project

CLITICS = (
    "وقالت مصادر ميدانية ل”المدن” إن خلايا تتبع للتنظيم هاجمت مواقع قوات النظام وبالقرب من "
    "بلدة السخنة، ما أدى إلى مقتل 7 عناصر من الميليشيات."
)


def find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def token_text(tokens: list[dict[str, Any]], first: int, last: int) -> str:
    """The text tokens first..last (inclusive) cover, spaces from ``ws`` between them."""
    out = ""
    for t in tokens[first:last + 1]:
        out += t["text"] + (" " if t["ws"] and t["id"] != last else "")
    return out


@pytest.fixture
def clitic_article(project: Project, add_article: Callable[..., int]) -> int:
    article_id = add_article(CLITICS, title="السخنة", source="المدن", external_id="x-1")
    for needle, label in [("مصادر ميدانية", "SOURCE"), ("المدن", "SOURCE"), ("لتنظيم", "ACTOR"),
                          ("قوات النظام", "ACTOR"), ("القرب", "LOCATION"), ("السخنة", "LOCATION"),
                          ("7 عناصر", "COUNT")]:
        project.add_span(article_id, "amal", *find(CLITICS, needle), label)
    project.set_status(article_id, "amal", "done")
    return article_id


def test_prodigy_shape(project: Project, clitic_article: int, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    summary = export_jsonl(project, out)
    assert (summary.records, summary.spans) == (1, 7)
    [rec] = read_jsonl(out)
    assert set(rec) == {"text", "spans", "tokens", "meta", "_input_hash", "_task_hash", "answer",
                        "_annotator_id", "_timestamp"}
    assert rec["text"] == CLITICS
    assert rec["answer"] == "accept"
    assert rec["_annotator_id"] == "amal"
    assert isinstance(rec["_timestamp"], int) and rec["_timestamp"] > 1_600_000_000
    for key in ("_input_hash", "_task_hash"):
        assert isinstance(rec[key], int) and -(2 ** 31) <= rec[key] < 2 ** 31
    assert rec["meta"]["article_id"] == clitic_article
    assert rec["meta"]["external_id"] == "x-1"
    assert rec["meta"]["source"] == "المدن"
    assert rec["meta"]["title"] == "السخنة"
    assert rec["meta"]["status"] == "done"
    for span in rec["spans"]:
        assert {"start", "end", "label", "text", "token_start", "token_end"} <= set(span)
        assert span["text"] == CLITICS[span["start"]:span["end"]]
    for i, tok in enumerate(rec["tokens"]):
        assert set(tok) == {"text", "start", "end", "id", "ws"}
        assert tok["id"] == i
        assert tok["text"] == CLITICS[tok["start"]:tok["end"]]
        assert isinstance(tok["ws"], bool)
    # Tokens cover the text: what lies between two tokens is the one space ``ws`` promises.
    for a, b in zip(rec["tokens"], rec["tokens"][1:]):
        assert CLITICS[a["end"]:b["start"]] == (" " if a["ws"] else "")
    assert rec["spans"] == sorted(rec["spans"], key=lambda s: s["start"])


def test_spans_align_to_tokens_on_clitics(project: Project, clitic_article: int, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    export_jsonl(project, out)
    [rec] = read_jsonl(out)
    toks = rec["tokens"]
    by_text = {}
    for span in rec["spans"]:
        first, last = span["token_start"], span["token_end"]
        assert toks[first]["start"] == span["start"]
        assert toks[last]["end"] == span["end"]
        assert token_text(toks, first, last) == span["text"]
        by_text[span["text"]] = [t["text"] for t in toks[first:last + 1]]
    assert by_text["المدن"] == ["المدن"]     # ل”المدن”: clitic and quotes outside
    assert by_text["لتنظيم"] == ["لتنظيم"]   # للتنظيم: the span starts at the second ل
    assert by_text["القرب"] == ["القرب"]     # وبالقرب: two clitics
    assert by_text["قوات النظام"] == ["قوات", "النظام"]
    # The clitics themselves are tokens of their own.
    words = [t["text"] for t in toks]
    i = words.index("المدن")
    assert words[i - 2:i + 2] == ["ل", "”", "المدن", "”"]


def test_span_edge_inside_a_token_splits_that_token(project: Project, add_article: Callable[..., int],
                                                    tmp_path: Path) -> None:
    """An edge the tokenizer did not foresee splits the token: the span is never widened or lost."""
    text = "قصفت الطائرات مواقع في سوريااليوم"  # a typo glues two words
    article_id = add_article(text)
    project.add_span(article_id, "amal", *find(text, "سوريا"), "LOCATION")
    export_jsonl(project, tmp_path / "out.jsonl")
    [rec] = read_jsonl(tmp_path / "out.jsonl")
    [span] = rec["spans"]
    assert span["token_start"] == span["token_end"]
    tok = rec["tokens"][span["token_start"]]
    assert (tok["text"], tok["start"], tok["end"]) == ("سوريا", span["start"], span["end"])
    assert tok["ws"] is False
    assert rec["tokens"][span["token_start"] + 1]["text"] == "اليوم"


def test_hashes_are_stable_and_depend_on_what_they_should(project: Project, add_article: Callable[..., int],
                                                          tmp_path: Path) -> None:
    text = "قتل 5 مدنيين في قصف على حلب"
    article_id = add_article(text)
    project.add_span(article_id, "amal", *find(text, "حلب"), "LOCATION")
    project.add_span(article_id, "bilal", *find(text, "حلب"), "LOCATION")
    export_jsonl(project, tmp_path / "1.jsonl")
    a, b = read_jsonl(tmp_path / "1.jsonl")
    assert (a["_annotator_id"], b["_annotator_id"]) == ("amal", "bilal")
    assert a["_input_hash"] == b["_input_hash"]
    assert a["_task_hash"] == b["_task_hash"]  # same text, same spans
    project.add_span(article_id, "bilal", *find(text, "5 مدنيين"), "COUNT")
    export_jsonl(project, tmp_path / "2.jsonl")
    a2, b2 = read_jsonl(tmp_path / "2.jsonl")
    assert a2["_task_hash"] == a["_task_hash"]  # stable across exports
    assert b2["_input_hash"] == a["_input_hash"]
    assert b2["_task_hash"] != a["_task_hash"]


def test_filters(project: Project, add_article: Callable[..., int], tmp_path: Path) -> None:
    ids = [add_article(f"خبر {i} عن حلب") for i in range(3)]
    project.set_status(ids[0], "amal", "done")
    project.set_status(ids[1], "amal", "skipped")
    project.set_status(ids[2], "bilal", "done")
    out = tmp_path / "out.jsonl"
    assert export_jsonl(project, out, status="done").records == 2
    assert {r["_annotator_id"] for r in read_jsonl(out)} == {"amal", "bilal"}
    assert export_jsonl(project, out, annotator="amal").records == 2
    assert export_jsonl(project, out, annotator="amal", status="done").records == 1
    assert [r["meta"]["article_id"] for r in read_jsonl(out)] == [ids[0]]
    assert export_jsonl(project, out, annotator="nobody").records == 0
    assert out.read_text(encoding="utf-8") == ""


def _span_view(path: Path) -> list[tuple[str, list[tuple[int, int, str, str]]]]:
    return [
        (r["text"], [(s["start"], s["end"], s["label"], s["text"]) for s in r["spans"]])
        for r in read_jsonl(path)
    ]


def test_export_import_export_round_trip(project: Project, clitic_article: int,
                                         add_article: Callable[..., int], tmp_path: Path) -> None:
    crlf = "قوات النظام\r\nتقصف 😀 بلدة\u200f كفرنبل\r\n"
    other = add_article(crlf)
    project.add_span(other, "amal", *find(crlf, "قوات النظام"), "ACTOR")
    project.add_span(other, "amal", *find(crlf, "كفرنبل"), "LOCATION")
    first = tmp_path / "first.jsonl"
    export_jsonl(project, first)

    with Project.create(tmp_path / "second.db") as second:
        summary = import_paths(second, [first], annotator="amal")
        assert (summary.new, summary.rejected, summary.spans) == (2, 0, 9)
        again = tmp_path / "again.jsonl"
        export_jsonl(second, again)
        assert _span_view(again) == _span_view(first)
        a, b = read_jsonl(first), read_jsonl(again)
        for x, y in zip(a, b):
            assert x["tokens"] == y["tokens"]
            assert x["_input_hash"] == y["_input_hash"]
            assert x["_task_hash"] == y["_task_hash"]
            assert x["meta"].get("external_id") == y["meta"].get("external_id")
            assert x["meta"].get("source") == y["meta"].get("source")


def test_existing_file_is_replaced(project: Project, clitic_article: int, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old contents\n", encoding="utf-8")
    export_jsonl(project, out)
    assert read_jsonl(out)[0]["text"] == CLITICS
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("project.db")) == ["out.jsonl"]


def test_failing_export_leaves_old_file_and_no_temp_files(project: Project, clitic_article: int,
                                                           add_article: Callable[..., int], tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    add_article("خبر ثان عن حماة")
    project.set_status(project.article_ids()[-1], "amal", "done")
    out = tmp_path / "out.jsonl"
    out.write_text("old contents\n", encoding="utf-8")

    real = exporting.record_line
    calls = []

    def fail_second(*args: Any, **kwargs: Any) -> tuple[str, int]:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("boom in the middle of the export")
        return real(*args, **kwargs)

    monkeypatch.setattr(exporting, "record_line", fail_second)
    with pytest.raises(RuntimeError, match="boom"):
        export_jsonl(project, out)
    assert out.read_text(encoding="utf-8") == "old contents\n"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in ("out.jsonl",)
                 and not p.name.startswith("project.db")]
    assert leftovers == []


def test_os_error_becomes_export_error(project: Project, clitic_article: int, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old contents\n", encoding="utf-8")

    def no_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exporting.os, "replace", no_replace)
    with pytest.raises(ExportError, match="No space left"):
        export_jsonl(project, out)
    assert out.read_text(encoding="utf-8") == "old contents\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_bad_destinations(project: Project, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_jsonl(project, tmp_path / "missing" / "out.jsonl")
    with pytest.raises(ExportError, match="is a folder"):
        export_jsonl(project, tmp_path)



# ------------------------------------------------------------------ statuses (#14 item 3)
@pytest.mark.parametrize("status, answer", [
    ("done", "accept"), ("in_progress", "ignore"), ("new", "ignore"), ("skipped", "ignore"), ("flagged", "reject"),
])
def test_answer_is_accept_only_for_done(project: Project, add_article: Callable[..., int], tmp_path: Path,
                                        status: str, answer: str) -> None:
    article_id = add_article(CLITICS)
    project.add_span(article_id, "amal", *find(CLITICS, "قوات النظام"), "ACTOR")
    project.set_status(article_id, "amal", status)
    out = tmp_path / "out.jsonl"
    export_jsonl(project, out)
    [rec] = read_jsonl(out)
    assert (rec["answer"], rec["meta"]["status"]) == (answer, status)


def test_export_import_export_keeps_every_status(project: Project, add_article: Callable[..., int],
                                                 tmp_path: Path) -> None:
    for n, status in enumerate(("new", "in_progress", "done", "skipped", "flagged")):
        text = f"{CLITICS} ({n})"
        article_id = add_article(text)
        project.add_span(article_id, "amal", *find(text, "قوات النظام"), "ACTOR")
        project.set_status(article_id, "amal", status)
    first = tmp_path / "first.jsonl"
    export_jsonl(project, first)
    other = Project.create(tmp_path / "other.db")
    import_paths(other, [first], annotator="amal")
    second = tmp_path / "second.jsonl"
    export_jsonl(other, second)
    def status_of(path: Path) -> list[tuple[str, str, str]]:
        return sorted((r["text"], r["meta"]["status"], r["answer"]) for r in read_jsonl(path))
    assert status_of(second) == status_of(first)
    assert sorted(s for _, s, _ in status_of(first)) == ["done", "flagged", "in_progress", "new", "skipped"]
    other.close()


# ------------------------------------------------------------- the exact bytes of an export
# The export's speed work (#13) must not change one output byte. The reference below renders
# a record the plain way: spaCy's own Token objects, json.dumps per token, the split of a
# token at a span edge written out as a loop. It was checked equal to the implementation
# of before that work on this project, so the fast code is held to the same bytes.
VARIED_TEXTS = (
    # clitics, quotes and brackets glued to words, Arabic and Latin digits, a URL
    CLITICS + " (١٢٣) ISIS و\"داعش\" https://example.org/a?b=1",
    # emoji (outside the BMP, one of them a ZWJ sequence), CRLF line ends, a tab, double spaces
    "قصفت الطائرات 🙂 مواقع في ريف حمص\r\nوقال المرصد 👨\u200d👩\u200d👧 إن  5 مدنيين\tقتلوا.\r\n",
    # bidi marks and isolates around words, diacritics, tatweel, a backslash and a quote
    "\u200fقالت\u200f \u2067وزارة الدفاع\u2069 إن قُوَّاتُ النـــظام دخلت \u202bالرقة\u202c، وفق \\ \"المدن\".",
    # a typo glues two words: a span edge falls inside a token
    "قصفت الطائرات مواقع في سوريااليوم وبلدة السخنةأمس",
)


def _reference_tokens(text: str, cuts: set[int]) -> list[dict[str, Any]]:
    from annotator.core.tokenizer import make_nlp

    tokens: list[dict[str, Any]] = []
    for tok in make_nlp().tokenizer(text):
        start, end = tok.idx, tok.idx + len(tok.text)
        bounds = [start, *sorted(c for c in cuts if start < c < end), end]
        for a, b in zip(bounds, bounds[1:]):
            tokens.append({"text": text[a:b], "start": a, "end": b, "id": len(tokens),
                           "ws": bool(tok.whitespace_) and b == end})
    return tokens


def reference_line(article: Any, spans: list[Any], annotator: str, updated_at: str | None,
                   status: str | None) -> tuple[str, int]:
    """(line, spans that needed a token split), as record_line renders them."""
    from annotator.core.formats.jsonl import _record_head  # the head is not part of the speed work

    text = article.text
    plain = _reference_tokens(text, set())
    token_starts, token_ends = {t["start"] for t in plain}, {t["end"] for t in plain}
    off_edge = [s for s in spans if s.start not in token_starts or s.end not in token_ends]
    tokens = _reference_tokens(text, {edge for s in off_edge for edge in (s.start, s.end)})
    first_of = {t["start"]: t["id"] for t in tokens}
    last_of = {t["end"]: t["id"] for t in tokens}
    token_of: dict[tuple[int, int], tuple[int, int]] = {}
    last_end = -1
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if off_edge and s.start < last_end:
            continue  # after a split, overlapping spans go without token indices
        token_of[(s.start, s.end)] = (first_of[s.start], last_of[s.end])
        last_end = s.end
    head = json.dumps(_record_head(article, spans, annotator, updated_at, status, token_of), ensure_ascii=False)
    line = head[:-1] + ', "tokens": ' + json.dumps(tokens, ensure_ascii=False, separators=(",", ":")) + "}"
    return line, len(off_edge)


@pytest.fixture
def varied_project(project: Project, add_article: Callable[..., int]) -> Project:
    """Two annotators, every status, overlapping spans, attributes, origins, gold, article metadata."""
    from annotator.core.domain import Span
    from annotator.core.team.gold import save_gold

    project.set_setting("allow_overlap", True)
    project.set_role("amal", "annotator")
    words = ("قوات النظام", "المرصد", "ريف حمص", "وزارة الدفاع", "النـــظام", "الرقة", "المدن", "داعش",
             "ISIS", "١٢٣", "5 مدنيين", "سوريا", "السخنة", "قُوَّاتُ")
    labels = ("ACTOR", "SOURCE", "LOCATION", "COUNT")
    for n, text in enumerate(VARIED_TEXTS):
        article_id = add_article(text, title=f"خبر {n} \"{n}\"", source="المدن", url=f"https://example.org/{n}",
                                 published="2026-11-25T08:00:00+03:00", external_id=f"x-{n}",
                                 meta={"section": "سوريا", "n": n})
        found = sorted((text.index(w), text.index(w) + len(w)) for w in words if w in text)
        for k, (start, end) in enumerate(found):
            label = labels[k % len(labels)]
            attributes = {"value": 5, "unit": "مدنيين"} if label == "COUNT" else None
            project.add_span(article_id, "amal", start, end, label, attributes, origin=("manual", "rule")[k % 2])
        if len(found) > 1:  # overlapping spans: the first word's span widened over the second
            project.add_span(article_id, "amal", found[0][0], found[1][1], "ACTOR")
            project.add_span(article_id, "lead", found[1][0], found[1][1], "LOCATION")
        project.set_status(article_id, "amal", ("done", "flagged", "skipped", "in_progress")[n % 4])
        project.set_status(article_id, "lead", "done")
        spans = [Span(s, e, "LOCATION") for s, e in found[:2]]
        save_gold(project, article_id, "lead", spans)
    return project


def test_export_bytes_equal_the_reference(varied_project: Project, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core.team.gold import gold_rows, gold_spans

    project = varied_project
    expected, split = [], 0
    for article_id, name, status, updated_at in project.annotation_keys():
        line, n = reference_line(project.article(article_id), project.spans(article_id, name), name, updated_at,
                                 status)
        expected.append(line)
        split += n
    gold_expected = [reference_line(project.article(aid), gold_spans(project, aid), who, when, "gold")[0]
                     for aid, who, when in gold_rows(project)]
    assert len(expected) == 2 * len(VARIED_TEXTS) and split > 0 and len(gold_expected) == len(VARIED_TEXTS)

    serial = export_jsonl(project, tmp_path / "serial.jsonl")
    assert (tmp_path / "serial.jsonl").read_text(encoding="utf-8") == "".join(f"{line}\n" for line in expected)
    assert serial.spans_split == split
    export_jsonl(project, tmp_path / "gold.jsonl", gold=True)
    assert (tmp_path / "gold.jsonl").read_text(encoding="utf-8") == "".join(f"{line}\n" for line in gold_expected)
    # The worker processes of a large export render the same bytes.
    monkeypatch.setattr(exporting, "PARALLEL_MIN_RECORDS", 1)
    monkeypatch.setattr(exporting, "CHUNK", 3)
    if exporting._pool(100) is not None:
        export_jsonl(project, tmp_path / "parallel.jsonl")
        assert (tmp_path / "parallel.jsonl").read_bytes() == (tmp_path / "serial.jsonl").read_bytes()
