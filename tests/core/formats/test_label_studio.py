"""Label Studio JSON: import (users, cancelled, predictions, UTF-16 offsets) and export."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.core.exporting import export_label_studio
from annotator.core.formats import detect_format
from annotator.core.formats.label_studio import Utf16Offsets
from annotator.core.importing import content_hash, import_paths
from annotator.core.preannotate import stored_suggestions
from annotator.core.store import Project

DATA = Path(__file__).resolve().parents[2] / "data" / "interop"
SAMPLE = DATA / "label_studio_export.json"
MAP = {"PER": "ACTOR", "ORG": "ACTOR", "LOC": "LOCATION", "GPE": "LOCATION"}


def sample_text(task_id: int) -> str:
    return next(t["data"]["text"] for t in json.loads(SAMPLE.read_text(encoding="utf-8")) if t["id"] == task_id)


def spans_by_annotator(project: Project, text: str) -> dict[str, list[tuple[str, str]]]:
    article_id = project.article_id_by_hash(content_hash(text))
    assert article_id is not None
    out = {}
    for (_aid, name), spans in project.spans_many([article_id]).items():
        out[name] = [(text[s.start:s.end], s.label) for s in spans]
    return out


def utf16_slice(text: str, start: int, end: int) -> str:
    """What JavaScript's text.slice(start, end) returns."""
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


def write_tasks(path: Path, tasks: list[Any]) -> Path:
    """One task per line, so task k (from 1) starts on line k + 1."""
    path.write_text("[\n" + ",\n".join(json.dumps(t, ensure_ascii=False) for t in tasks) + "\n]\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------------- offsets
def test_utf16_offsets_of_emoji_zwj_and_flags() -> None:
    text = "أ👨‍👩‍👧ب🇸🇾ج"
    offsets = Utf16Offsets(text)
    assert offsets.length_units == len(text.encode("utf-16-le")) // 2 == 15
    for cp in range(len(text) + 1):
        unit = offsets.to_units(cp)
        assert unit == len(text[:cp].encode("utf-16-le")) // 2
        assert offsets.to_code_points(unit) == cp
    assert offsets.to_code_points(2) is None  # between the halves of 👨
    assert offsets.to_code_points(16) is None
    assert Utf16Offsets("نص بلا رموز").to_code_points(3) == 3


# -------------------------------------------------------------------------- import
def test_detected_from_the_files_shape(tmp_path: Path) -> None:
    assert detect_format(SAMPLE) == "label-studio"
    plain = tmp_path / "array.json"
    plain.write_text('[{"text": "خبر"}]', encoding="utf-8")
    assert detect_format(plain) == "jsonl"  # refused later as a JSON array, as before


def test_import_keeps_each_user_skips_cancelled_and_lands_on_the_same_characters(project: Project) -> None:
    summary = import_paths(project, [SAMPLE], label_map=MAP)
    assert (summary.new, summary.rejected) == (3, 0), summary.errors
    text_a, text_b = sample_text(101), sample_text(102)
    assert spans_by_annotator(project, text_a) == {
        "ls-3": [("مُراسِلُنا", "ACTOR"), ("حلب", "LOCATION"), ("قوات النظام", "ACTOR"), ("كفرنبل", "LOCATION"),
                 ("4 مدنيين", "COUNT")],
        "amal@example.org": [("حلب", "LOCATION"), ("كفرنبل", "LOCATION")],
    }  # ls-9 cancelled: no annotation
    # The choices result of task 102 is not a span.
    assert spans_by_annotator(project, text_b) == {
        "ls-3": [("المرصدُ السوري", "ACTOR"), ("12 عنصراً", "COUNT"), ("بادية حمص", "LOCATION")]}
    assert spans_by_annotator(project, sample_text(103)) == {}
    assert project.role("ls-3") == "annotator"
    assert {a[2] for a in project.annotation_keys()} == {"done"}  # submitted in Label Studio
    assert summary.line() == "3 new, 0 duplicate, 0 rejected; 10 spans in 3 annotations (3 done); 2 suggestions"
    article = project.article(project.article_id_by_hash(content_hash(text_a)))
    assert (article.external_id, article.source) == ("101", "عنب بلدي")


def test_predictions_become_suggestions_with_their_model_version(project: Project) -> None:
    import_paths(project, [SAMPLE], label_map=MAP)
    text = sample_text(102)
    article_id = project.article_id_by_hash(content_hash(text))
    stored = stored_suggestions(project, article_id, "model")
    assert stored is not None
    assert [(text[s.start:s.end], s.label, s.score, s.attributes) for s in stored] == [
        ("تنظيم داعش", "ACTOR", 0.83, {"model_version": "ner-ar-v2"}),
        ("حمص", "LOCATION", 0.83, {"model_version": "ner-ar-v2"})]


def test_unknown_labels_name_the_task_line_and_both_options(project: Project) -> None:
    summary = import_paths(project, [SAMPLE])
    assert (summary.new, summary.rejected) == (1, 2)  # task 103 has no spans
    first = summary.errors[0]
    assert (first.file, first.line) == (str(SAMPLE), 2)
    assert "unknown label 'PER'" in first.reason
    assert "--map PER=LABEL" in first.reason and "--add-labels" in first.reason


def test_add_labels_creates_them(project: Project) -> None:
    summary = import_paths(project, [SAMPLE], add_labels=True)
    assert summary.rejected == 0
    assert summary.labels_added == ["PER", "LOC", "ORG", "GPE"]
    assert set(project.label_names()) >= {"PER", "LOC", "ORG", "GPE"}
    colours = [lab.color for lab in project.labels()]
    assert len(set(colours)) == len(colours)


def test_annotator_option_puts_a_single_users_work_under_that_name(project: Project) -> None:
    summary = import_paths(project, [SAMPLE], label_map=MAP, annotator="huda")
    # Task 101 has two users: merging them would be wrong, so it is refused by name.
    assert (summary.new, summary.rejected) == (2, 1)
    assert "task 101: annotated by 2 users (amal@example.org, ls-3)" in summary.errors[0].reason
    assert list(spans_by_annotator(project, sample_text(102))) == ["huda"]


def test_offsets_that_do_not_match_value_text_are_refused_not_shifted(project: Project, tmp_path: Path) -> None:
    text = "قصف 😀 على حلب"
    cp = text.index("حلب")
    good = {"id": 1, "data": {"text": text}, "annotations": [{"completed_by": 1, "result": [
        {"type": "labels", "value": {"start": cp + 1, "end": cp + 4, "text": "حلب", "labels": ["LOCATION"]}}]}]}
    # Code points where Label Studio writes UTF-16 units: one short after the emoji.
    shifted = {"id": 2, "data": {"text": text + "."}, "annotations": [{"completed_by": 1, "result": [
        {"type": "labels", "value": {"start": cp, "end": cp + 3, "text": "حلب", "labels": ["LOCATION"]}}]}]}
    summary = import_paths(project, [write_tasks(tmp_path / "ls.json", [good, shifted])])
    assert (summary.new, summary.rejected) == (1, 1)
    err = summary.errors[0]
    assert err.line == 3
    assert err.reason.startswith("task 2: annotation by ls-1, result 1: offsets 10–13 (UTF-16) cover ' حل' "
                                 "but value.text is 'حلب'")
    assert spans_by_annotator(project, text) == {"ls-1": [("حلب", "LOCATION")]}


def test_bad_tasks_are_named_and_the_good_ones_kept(project: Project, tmp_path: Path) -> None:
    text = "وصلت قافلة مساعدات إلى حلب"
    ok = {"data": {"text": text}, "annotations": []}
    tasks = [ok, 42, {"id": 5, "data": {"body": text}}, {"id": 6, "data": {"text": text + "."},
             "annotations": [{"completed_by": 1, "result": [{"value": {"start": "0", "end": 4, "labels": ["ACTOR"]}}]}]},
             {"id": 7, "data": {"text": text + "!"}, "annotations": [{"completed_by": 1, "result": [
                 {"value": {"start": 0, "end": 400, "labels": ["ACTOR"]}}]}]}]
    summary = import_paths(project, [write_tasks(tmp_path / "ls.json", tasks)], fmt="label-studio")
    assert summary.new == 1
    assert [(e.line, e.reason) for e in summary.errors] == [
        (3, "expected a task object, got int"),
        (4, "task 5: data has no 'text' (keys: body); choose one with --text-column"),
        (5, "task 6: annotation by ls-1, result 1: 'start' must be an integer, got str \"0\""),
        (6, ("task 7: annotation by ls-1, result 1: offsets 0–400 are not a span of the text "
             "(27 UTF-16 units, 27 characters)")),
    ]
    other = import_paths(project, [tmp_path / "ls.json"], fmt="label-studio", text_column="body")
    assert other.duplicate == 1  # the same text, found under data.body


# -------------------------------------------------------------------------- export
def test_export_writes_utf16_offsets_and_one_annotation_per_annotator(project: Project, tmp_path: Path) -> None:
    import_paths(project, [SAMPLE], label_map=MAP)
    out = tmp_path / "tasks.json"
    summary = export_label_studio(project, out)
    assert (summary.records, summary.spans) == (3, 10)
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert len(tasks) == 2  # the article nobody annotated is not a task of the export
    first = tasks[0]
    assert [a["completed_by"] for a in first["annotations"]] == [{"email": "amal@example.org"}, {"email": "ls-3"}]
    for task in tasks:
        for annotation in task["annotations"]:
            for result in annotation["result"]:
                value = result["value"]
                assert utf16_slice(task["data"]["text"], value["start"], value["end"]) == value["text"]
    text = sample_text(101)
    cp = text.index("كفرنبل")
    kafranbel = next(r["value"] for r in first["annotations"][1]["result"] if r["value"]["text"] == "كفرنبل")
    assert kafranbel["start"] == cp + 3  # 👨‍👩‍👧: three of its five code points are two UTF-16 units


def test_round_trip_keeps_every_span_on_the_same_characters(project: Project, tmp_path: Path) -> None:
    import_paths(project, [SAMPLE], label_map=MAP)
    out = tmp_path / "tasks.json"
    export_label_studio(project, out)
    again = Project.create(tmp_path / "again.db", creator="lead")
    try:
        summary = import_paths(again, [out])
        assert (summary.new, summary.rejected) == (2, 0)
        for task_id in (101, 102):
            text = sample_text(task_id)
            assert spans_by_annotator(again, text) == spans_by_annotator(project, text)
            before = project.spans_many([project.article_id_by_hash(content_hash(text))])
            after = again.spans_many([again.article_id_by_hash(content_hash(text))])
            assert sorted((k[1], s.start, s.end, s.label) for k, v in before.items() for s in v) == \
                sorted((k[1], s.start, s.end, s.label) for k, v in after.items() for s in v)
    finally:
        again.close()


def test_malformed_json_after_good_tasks_keeps_them(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text('[\n{"data": {"text": "خبر أول عن حلب"}},\n{"data": {"text": "خبر ثان', encoding="utf-8")
    summary = import_paths(project, [path], fmt="label-studio")
    assert (summary.new, summary.rejected) == (1, 1)
    assert summary.errors[0].line == 3 and summary.errors[0].reason.startswith("malformed JSON")


@pytest.mark.parametrize("content", ['{"data": {"text": "خبر"}}', "[1, 2"])
def test_not_an_array_is_one_clear_error(project: Project, tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    summary = import_paths(project, [path], fmt="label-studio")
    assert summary.new == 0 and summary.rejected >= 1


def test_a_lone_surrogate_or_a_huge_number_costs_only_its_task(project: Project, tmp_path: Path) -> None:
    """Both used to escape as exceptions: a lone \\ud800 when SQLite stored the text, a
    5000-digit number from the JSON decoder."""
    good = '{"data": {"text": "وصلت قافلة مساعدات إلى حلب"}}'
    lone = '{"id": 2, "data": {"text": "نص فيه \\ud800 نصف محرف"}}'
    path = tmp_path / "surrogate.json"
    path.write_text(f"[\n{good},\n{lone}\n]\n", encoding="utf-8")
    summary = import_paths(project, [path], fmt="label-studio")
    assert (summary.new, summary.rejected) == (1, 1)
    assert (summary.errors[0].line, summary.errors[0].reason) == (
        3, "task 2: record contains an unpaired surrogate escape (\\ud800–\\udfff): not valid Unicode")
    huge = tmp_path / "huge.json"
    huge.write_text(f'[\n{good},\n{{"id": {"9" * 5000}, "data": {{"text": "خبر"}}}}\n]\n', encoding="utf-8")
    summary = import_paths(project, [huge], fmt="label-studio")
    assert (summary.duplicate, summary.rejected) == (1, 1)
    assert summary.errors[0].line == 3 and "digits" in summary.errors[0].reason
