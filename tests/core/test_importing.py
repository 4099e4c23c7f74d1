"""Importing .txt, .jsonl and .csv: what is stored, what is reported, what is refused."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import InputError
from annotator.core.importing import content_hash, import_paths
from annotator.core.store import Project

TEXT_A = "قصفت طائرات روسية ريف إدلب الجنوبي، ما أدى إلى مقتل 3 مدنيين."
TEXT_B = "وقال المرصد السوري لحقوق الإنسان إن قوات النظام استعادت بلدة كفرنبل."
TEXT_C = "أعلنت «قسد» أسر 12 عنصراً من تنظيم داعش في بادية دير الزور."


def jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def span_of(text: str, needle: str, label: str) -> dict[str, Any]:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "label": label}


def stored(project: Project) -> list[tuple[str | None, str, str]]:
    rows = project.conn.execute("SELECT external_id, title, text FROM articles ORDER BY id").fetchall()
    return [tuple(r) for r in rows]


def only_article(project: Project, text: str) -> int:
    article_id = project.article_id_by_hash(content_hash(text))
    assert article_id is not None, "article not stored"
    return article_id


# ------------------------------------------------------------------------------ txt
def test_txt_with_bom_and_title_from_first_non_empty_line(project: Project, tmp_path: Path) -> None:
    body = "\n  \n  ريف إدلب: قصف جديد  \n\n" + TEXT_A + "\n"
    f = tmp_path / "report-17.txt"
    f.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    summary = import_paths(project, [f])
    assert (summary.new, summary.duplicate, summary.rejected) == (1, 0, 0)
    art = project.article(only_article(project, body))
    assert art.text == body  # BOM removed, nothing else touched (leading blank lines kept)
    assert not art.text.startswith("\ufeff")
    assert art.title == "ريف إدلب: قصف جديد"
    assert art.external_id == "report-17"


def test_txt_folder_import_takes_only_txt_files(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.txt").write_text(TEXT_B, encoding="utf-8")
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "notes.md").write_text("ليس مقالاً", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "c.txt").write_text(TEXT_C, encoding="utf-8")
    summary = import_paths(project, [folder])
    assert (summary.new, summary.rejected) == (2, 0)
    assert [r[0] for r in stored(project)] == ["a", "b"]  # sorted by file name


def test_txt_empty_folder_is_an_error(project: Project, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    # Strict: the import stops at the unusable path; otherwise it is one named rejection.
    with pytest.raises(InputError, match="no \\*.txt files"):
        import_paths(project, [tmp_path / "empty"], strict=True)
    with pytest.raises(InputError, match="no such file"):
        import_paths(project, [tmp_path / "nope.txt"], strict=True)
    summary = import_paths(project, [tmp_path / "empty", tmp_path / "nope.txt"])
    assert [e.reason for e in summary.errors] == ["folder has no *.txt files", "no such file or folder"]


def test_crlf_is_kept_as_is(project: Project, tmp_path: Path) -> None:
    body = "عنوان\r\n\r\n" + TEXT_A + "\r\n" + TEXT_B + "\r\n"
    (tmp_path / "crlf.txt").write_bytes(body.encode("utf-8"))
    rec = {"text": body, "spans": [span_of(body, "المرصد السوري لحقوق الإنسان", "SOURCE")]}
    (tmp_path / "crlf.jsonl").write_bytes((json.dumps(rec, ensure_ascii=False) + "\r\n").encode("utf-8"))
    s1 = import_paths(project, [tmp_path / "crlf.txt"])
    s2 = import_paths(project, [tmp_path / "crlf.jsonl"])
    assert (s1.new, s2.new, s2.duplicate) == (1, 0, 1)  # the same text, CRLF and all
    article_id = only_article(project, body)
    assert project.article_text(article_id) == body
    assert project.article(article_id).title == "عنوان"
    [span] = project.spans(article_id, "imported")
    assert body[span.start:span.end] == "المرصد السوري لحقوق الإنسان"


# ---------------------------------------------------------------------------- jsonl
def test_jsonl_prodigy_spans_meta_and_id(project: Project, tmp_path: Path) -> None:
    rec = {
        "id": "syr-001",
        "text": TEXT_A,
        "spans": [span_of(TEXT_A, "ريف إدلب الجنوبي", "LOCATION"), span_of(TEXT_A, "3 مدنيين", "COUNT"),
                  {**span_of(TEXT_A, "طائرات روسية", "ACTOR"), "token_start": 1, "token_end": 2, "text": "طائرات روسية"}],
        "meta": {"source": "عنب بلدي", "url": "https://example.org/a", "published": "2024-01-02",
                 "title": "قصف إدلب", "section": "أخبار"},
    }
    summary = import_paths(project, [jsonl(tmp_path / "in.jsonl", [rec])])
    assert (summary.new, summary.rejected, summary.annotations, summary.spans) == (1, 0, 1, 3)
    art = project.article(only_article(project, TEXT_A))
    assert (art.external_id, art.title, art.source, art.url, art.published) == (
        "syr-001", "قصف إدلب", "عنب بلدي", "https://example.org/a", "2024-01-02")
    assert art.meta == {"section": "أخبار"}
    spans = project.spans(art.id, "imported")
    assert [(TEXT_A[s.start:s.end], s.label, s.origin) for s in spans] == [
        ("طائرات روسية", "ACTOR", "import"), ("ريف إدلب الجنوبي", "LOCATION", "import"),
        ("3 مدنيين", "COUNT", "import")]
    assert summary.line() == "1 new, 0 duplicate, 0 rejected; 3 spans in 1 annotations (1 in_progress)"


def test_span_text_that_disagrees_with_the_offsets_is_refused(project: Project, tmp_path: Path) -> None:
    """UTF-16 offsets (JavaScript, Qt) shift after an emoji; the span's own text gives them away."""
    text = "قصف 😀 على حلب صباح اليوم"
    u16_start = len(text[:text.index("حلب")].encode("utf-16-le")) // 2
    rec = {"text": text, "spans": [{"start": u16_start, "end": u16_start + 3, "label": "LOCATION", "text": "حلب"}]}
    summary = import_paths(project, [jsonl(tmp_path / "in.jsonl", [rec])])
    assert (summary.new, summary.rejected) == (0, 1)
    assert "offsets must count code points" in summary.errors[0].reason
    rec["spans"][0]["start"] -= 1
    rec["spans"][0]["end"] -= 1
    assert import_paths(project, [jsonl(tmp_path / "ok.jsonl", [rec])]).new == 1


def test_jsonl_top_level_fields_and_annotator(project: Project, tmp_path: Path) -> None:
    rec = {"text": TEXT_B, "title": "كفرنبل", "source": "المدن", "id": 42,
           "spans": [span_of(TEXT_B, "قوات النظام", "ACTOR")]}
    import_paths(project, [jsonl(tmp_path / "in.jsonl", [rec])], annotator="amal")
    art = project.article(only_article(project, TEXT_B))
    assert (art.title, art.source, art.external_id) == ("كفرنبل", "المدن", "42")
    assert project.spans(art.id, "imported") == []
    assert [s.label for s in project.spans(art.id, "amal")] == ["ACTOR"]
    assert project.role("amal") == "annotator"


def test_jsonl_doccano_label_form(project: Project, tmp_path: Path) -> None:
    loc = span_of(TEXT_C, "بادية دير الزور", "LOCATION")
    act = span_of(TEXT_C, "قسد", "ACTOR")
    recs = [
        {"text": TEXT_C, "label": [[loc["start"], loc["end"], "LOCATION"], [act["start"], act["end"], "ACTOR"]]},
        {"text": TEXT_A, "labels": [[TEXT_A.index("3 مدنيين"), TEXT_A.index("3 مدنيين") + 8, "COUNT"]]},
    ]
    summary = import_paths(project, [jsonl(tmp_path / "doccano.jsonl", recs)])
    assert (summary.new, summary.spans, summary.rejected) == (2, 3, 0)
    spans = project.spans(only_article(project, TEXT_C), "imported")
    assert [(TEXT_C[s.start:s.end], s.label) for s in spans] == [("قسد", "ACTOR"), ("بادية دير الزور", "LOCATION")]


def test_jsonl_without_spans_creates_no_annotation(project: Project, tmp_path: Path) -> None:
    summary = import_paths(project, [jsonl(tmp_path / "in.jsonl", [{"text": TEXT_A}, {"text": TEXT_B}])])
    assert (summary.new, summary.annotations) == (2, 0)
    assert project.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0
    # Title from the first line when the record has none.
    assert project.article(only_article(project, TEXT_A)).title == TEXT_A


def test_span_whitespace_is_trimmed_on_import(project: Project, tmp_path: Path) -> None:
    s = span_of(TEXT_A, "ريف إدلب", "LOCATION")
    rec = {"text": TEXT_A, "spans": [{**s, "start": s["start"] - 1, "end": s["end"] + 1}]}
    import_paths(project, [jsonl(tmp_path / "in.jsonl", [rec])])
    [span] = project.spans(only_article(project, TEXT_A), "imported")
    assert TEXT_A[span.start:span.end] == "ريف إدلب"


# ----------------------------------------------------------------------------- csv
def test_csv_text_column_and_other_columns(project: Project, tmp_path: Path) -> None:
    import csv

    f = tmp_path / "sheet.csv"
    with open(f, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "text", "outlet", "published", "section"])
        w.writerow(["r1", "إدلب", TEXT_A, "المدن", "2024-03-01", "سوريا"])
        w.writerow(["r2", "", "سطر أول\nسطر ثان، مع فاصلة", "", "", ""])
    summary = import_paths(project, [f])
    assert (summary.new, summary.rejected) == (2, 0)
    a = project.article(only_article(project, TEXT_A))
    assert (a.external_id, a.title, a.source, a.published, a.meta) == ("r1", "إدلب", "المدن", "2024-03-01",
                                                                       {"section": "سوريا"})
    b = project.article(only_article(project, "سطر أول\nسطر ثان، مع فاصلة"))
    assert (b.title, b.source, b.meta) == ("سطر أول", None, {})


def test_csv_custom_text_column(project: Project, tmp_path: Path) -> None:
    f = tmp_path / "sheet.csv"
    f.write_text(f"headline,body\nعنوان,{TEXT_B}\n", encoding="utf-8")
    assert import_paths(project, [f]).rejected == 1  # without text_column (details below)
    summary = import_paths(project, [f], text_column="body")
    assert (summary.new, summary.rejected) == (1, 0)
    assert project.article(only_article(project, TEXT_B)).meta == {"headline": "عنوان"}


def test_csv_missing_text_column(project: Project, tmp_path: Path) -> None:
    f = tmp_path / "sheet.csv"
    f.write_text(f"headline,body\nعنوان,{TEXT_B}\n", encoding="utf-8")
    summary = import_paths(project, [f])
    assert (summary.new, summary.rejected) == (0, 1)
    [err] = summary.errors
    assert (err.file, err.line) == (str(f), 1)
    assert "no 'text' column" in err.reason and "headline, body" in err.reason and "--text-column" in err.reason


def test_csv_with_empty_text_rows(project: Project, tmp_path: Path) -> None:
    f = tmp_path / "sheet.csv"
    f.write_text(f"text,id\n{TEXT_A},1\n   ,2\n,3\n{TEXT_B},4\n", encoding="utf-8")
    summary = import_paths(project, [f])
    assert (summary.new, summary.rejected) == (2, 2)
    assert [(e.line, e.reason) for e in summary.errors] == [(3, "text is only whitespace"), (4, "empty text")]


# ------------------------------------------------------------------ re-import, errors
def test_reimport_adds_nothing(project: Project, tmp_path: Path) -> None:
    recs = [{"text": TEXT_A, "spans": [span_of(TEXT_A, "3 مدنيين", "COUNT")]}, {"text": TEXT_B}]
    f = jsonl(tmp_path / "in.jsonl", recs)
    first = import_paths(project, [f])
    before = stored(project), project.spans(only_article(project, TEXT_A), "imported")
    second = import_paths(project, [f])
    assert (first.new, first.duplicate) == (2, 0)
    assert (second.new, second.duplicate, second.rejected) == (0, 2, 0)
    assert (stored(project), project.spans(only_article(project, TEXT_A), "imported")) == before
    # Same text inside one file: counted once.
    again = import_paths(project, [jsonl(tmp_path / "dup.jsonl", [{"text": TEXT_C}, {"text": TEXT_C}])])
    assert (again.new, again.duplicate) == (1, 1)
    assert project.article_count() == 3


def test_reimport_keeps_annotator_work(project: Project, tmp_path: Path) -> None:
    f = jsonl(tmp_path / "in.jsonl", [{"text": TEXT_A, "spans": [span_of(TEXT_A, "3 مدنيين", "COUNT")]}])
    import_paths(project, [f])
    article_id = only_article(project, TEXT_A)
    [span] = project.spans(article_id, "imported")
    project.update_span(span.id, label="ACTOR")  # someone corrected it in the GUI
    import_paths(project, [f])
    assert [s.label for s in project.spans(article_id, "imported")] == ["ACTOR"]


def test_bad_records_are_reported_and_good_ones_imported(project: Project, tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"text": TEXT_A}, ensure_ascii=False),                                  # 1 ok
        '{"text": "نص ناقص',                                                                # 2 truncated
        json.dumps({"title": "بلا نص"}, ensure_ascii=False),                               # 3 no text
        json.dumps({"text": TEXT_B, "spans": [{"start": 0, "end": 999, "label": "ACTOR"}]}),  # 4 past end
        "",                                                                                 # 5 blank: skipped
        json.dumps({"text": TEXT_C, "spans": [span_of(TEXT_C, "قسد", "PERSON")]}),        # 6 unknown label
        json.dumps([1, 2]),                                                                 # 7 not an object
        json.dumps({"text": TEXT_C, "spans": [span_of(TEXT_C, "قسد", "ACTOR")]}),          # 8 ok
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = import_paths(project, [f])
    assert (summary.new, summary.rejected, summary.spans) == (2, 5, 1)
    assert [(e.file, e.line) for e in summary.errors] == [(str(f), n) for n in (2, 3, 4, 6, 7)]
    reasons = {e.line: e.reason for e in summary.errors}
    assert "malformed JSON" in reasons[2]
    assert "no 'text'" in reasons[3]
    assert "outside the text" in reasons[4]
    assert "unknown label 'PERSON'" in reasons[6]
    assert "expected a JSON object" in reasons[7]
    assert str(summary.errors[0]).startswith(f"{f}:2: ")
    # The record with a bad span is rejected whole: its article is not imported either.
    assert project.article_id_by_hash(content_hash(TEXT_B)) is None
    assert {r[2] for r in stored(project)} == {TEXT_A, TEXT_C}


def test_strict_mode_writes_nothing(project: Project, tmp_path: Path) -> None:
    good = jsonl(tmp_path / "a.jsonl", [{"text": TEXT_A}, {"text": TEXT_B}])
    bad = jsonl(tmp_path / "b.jsonl", [{"text": TEXT_C}, {"text": TEXT_C, "spans": [{"start": 5, "end": 2,
                                                                                   "label": "ACTOR"}]}])
    with pytest.raises(InputError) as info:
        import_paths(project, [good, bad], strict=True)
    assert (info.value.file, info.value.line) == (str(bad), 2)
    assert project.article_count() == 0
    assert project.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0
    assert not project.conn.in_transaction
    summary = import_paths(project, [good], strict=True)
    assert summary.new == 2


def test_batches_commit_as_they_go(project: Project, tmp_path: Path) -> None:
    """Small batches: a later bad record does not undo earlier batches (non-strict)."""
    from annotator.core.formats.jsonl import read as read_jsonl
    from annotator.core.importing import import_records

    recs = [{"text": f"خبر رقم {i} عن قصف في ريف حلب"} for i in range(7)]
    f = jsonl(tmp_path / "many.jsonl", recs)
    seen: list[int] = []
    summary = import_records(project, read_jsonl(f), batch_size=3, progress=seen.append)
    assert summary.new == 7
    assert seen == [3, 6, 7]
    assert project.article_count() == 7


# ------------------------------------------------------------------ statuses (#14 item 3)
def statuses(project: Project, annotator: str) -> dict[str, tuple[str, str | None]]:
    """external id → (status, comment) of the annotator's annotations."""
    out = {}
    for article_id in project.article_ids():
        ann = project.annotation(article_id, annotator)
        if ann is not None:
            out[project.article(article_id).external_id] = (ann.status, ann.comment)
    return out


def test_prodigy_answers_become_statuses(project: Project, tmp_path: Path) -> None:
    f = jsonl(tmp_path / "prodigy.jsonl", [
        {"id": "a", "text": TEXT_A, "spans": [span_of(TEXT_A, "ريف إدلب الجنوبي", "LOCATION")], "answer": "accept"},
        {"id": "b", "text": TEXT_B, "spans": [], "answer": "ignore"},
        {"id": "c", "text": TEXT_C, "spans": [span_of(TEXT_C, "داعش", "ACTOR")], "answer": "reject"},
    ])
    summary = import_paths(project, [f], annotator="amal")
    assert statuses(project, "amal") == {
        "a": ("done", None), "b": ("skipped", None), "c": ("flagged", "rejected in source"),
    }
    assert summary.statuses == {"done": 1, "skipped": 1, "flagged": 1}
    assert summary.line().endswith("; 2 spans in 3 annotations (1 done, 1 flagged, 1 skipped)")


def test_accepted_record_without_spans_is_a_finished_annotation(project: Project, tmp_path: Path) -> None:
    f = jsonl(tmp_path / "p.jsonl", [{"id": "a", "text": TEXT_A, "answer": "accept"}])
    import_paths(project, [f], annotator="amal")
    assert statuses(project, "amal") == {"a": ("done", None)}


def test_own_meta_status_is_restored_exactly(project: Project, tmp_path: Path) -> None:
    recs = [{"id": s, "text": f"{TEXT_A} ({s})", "spans": [span_of(TEXT_A, "ريف إدلب الجنوبي", "LOCATION")],
             "meta": {"status": s}, "answer": "ignore"} for s in ("new", "in_progress", "done", "skipped", "flagged")]
    import_paths(project, [jsonl(tmp_path / "own.jsonl", recs)], annotator="amal")
    assert {k: v[0] for k, v in statuses(project, "amal").items()} == {
        "new": "new", "in_progress": "in_progress", "done": "done", "skipped": "skipped", "flagged": "flagged",
    }


def test_default_status_for_formats_without_one(project: Project, tmp_path: Path) -> None:
    f = jsonl(tmp_path / "doccano.jsonl", [
        {"id": "a", "text": TEXT_A, "label": [[*span_of(TEXT_A, "ريف إدلب الجنوبي", "LOCATION").values()][:2] + ["LOCATION"]]},
    ])
    import_paths(project, [f], annotator="amal")
    assert statuses(project, "amal") == {"a": ("in_progress", None)}
    import_paths(project, [f], annotator="badr", default_status="done")
    assert statuses(project, "badr") == {"a": ("done", None)}
    with pytest.raises(InputError, match="--status"):
        import_paths(project, [f], annotator="badr", default_status="flagged")


def test_unknown_answer_or_status_is_a_bad_record(project: Project, tmp_path: Path) -> None:
    f = jsonl(tmp_path / "p.jsonl", [
        {"id": "a", "text": TEXT_A, "spans": [], "answer": "maybe"},
        {"id": "b", "text": TEXT_B, "spans": [], "meta": {"status": "finished"}},
        {"id": "c", "text": TEXT_C, "spans": [], "answer": "accept"},
    ])
    summary = import_paths(project, [f], annotator="amal")
    assert [e.line for e in summary.errors] == [1, 2]
    assert "'answer' must be accept, ignore or reject" in str(summary.errors[0])
    assert "'meta.status' must be one of" in str(summary.errors[1])
    assert statuses(project, "amal") == {"c": ("done", None)}


# ------------------------------------------------------------- unusable paths (#16 item 11)
def test_an_unreadable_file_is_a_rejection_and_the_rest_imported(project: Project, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, who reads a chmod 000 file anyway: the refusal comes from the OS here.
    from annotator.core.formats import record

    locked = jsonl(tmp_path / "locked.jsonl", [{"text": TEXT_C}])
    good = jsonl(tmp_path / "good.jsonl", [{"text": TEXT_A}, {"text": TEXT_B}])
    real_open = os.open

    def refuse_locked(path: Any, flags: int, *args: Any) -> int:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(record.os, "open", refuse_locked)
    summary = import_paths(project, [locked, good])
    assert [str(e) for e in summary.errors] == [f"{locked}: cannot read: Permission denied"]
    assert (summary.new, summary.rejected) == (2, 1)


def test_a_symlink_loop_is_a_rejection(project: Project, tmp_path: Path) -> None:
    loop = tmp_path / "loop.jsonl"
    loop.symlink_to(loop)
    good = jsonl(tmp_path / "good.jsonl", [{"text": TEXT_A}])
    summary = import_paths(project, [loop, good])
    assert summary.new == 1 and summary.rejected == 1
    assert str(summary.errors[0]).startswith(f"{loop}: ")


def test_record_fields_of_the_wrong_type_cost_only_that_record(project: Project) -> None:
    """Records made in code (GUI, benchmarks) are checked like those read from files (#16 item 8)."""
    from annotator.core.importing import ArticleRecord, import_records

    records = [ArticleRecord(text=TEXT_A), ArticleRecord(text=TEXT_B, url=["a", "b"]),  # type: ignore[arg-type]
               ArticleRecord(text=TEXT_C, published={"y": 2024})]  # type: ignore[arg-type]
    summary = import_records(project, records)
    assert (summary.new, summary.rejected) == (1, 2)
    assert [e.reason for e in summary.errors] == ["'url' must be a string, got list",
                                                  "'published' must be a string, got dict"]


def test_a_fifo_inside_a_folder_is_named_not_read(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "txt"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    os.mkfifo(folder / "b.txt")  # opening it for reading would block forever
    (folder / "c.txt").mkdir()
    summary = import_paths(project, [folder])
    assert summary.new == 1
    assert [str(e) for e in summary.errors] == [
        f"{folder / 'b.txt'}: is not a regular file (a pipe, socket or device); give a file",
        f"{folder / 'c.txt'}: is a folder, not a file",
    ]


def test_overlapping_spans_follow_the_project_rule(project: Project, tmp_path: Path) -> None:
    """The importer applies the store's own span rule: a project that allows overlapping
    spans accepts them on import too, one that does not refuses the record."""
    text = "قصفت قوات النظام ريف إدلب الجنوبي."
    outer = text.index("ريف إدلب الجنوبي")
    inner = text.index("إدلب")
    record = {"text": text, "spans": [
        {"start": outer, "end": outer + len("ريف إدلب الجنوبي"), "label": "LOCATION"},
        {"start": inner, "end": inner + len("إدلب"), "label": "LOCATION"},
    ]}
    path = tmp_path / "nested.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")

    refused = import_paths(project, [path], annotator="lina")
    assert refused.rejected == 1 and "overlap" in refused.errors[0].reason

    project.set_setting("allow_overlap", True)
    accepted = import_paths(project, [path], annotator="lina")
    assert accepted.rejected == 0
    article_id = project.article_id_by_hash(content_hash(text))
    assert article_id is not None
    assert len(project.spans(article_id, "lina")) == 2
