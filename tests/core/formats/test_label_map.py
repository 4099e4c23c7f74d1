"""--map, --add-labels and repeated spans, on doccano's documented export shape."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.domain import Span
from annotator.core.errors import InputError
from annotator.core.formats.label_map import map_and_dedupe, new_label, parse_label_map
from annotator.core.importing import content_hash, import_paths
from annotator.core.store import Project

DOCCANO = Path(__file__).resolve().parents[2] / "data" / "interop" / "doccano.jsonl"
MAP = "ORG=ACTOR,PERSON=ACTOR,LOC=LOCATION,GPE=LOCATION"


def doccano_records() -> list[dict]:
    return [json.loads(line) for line in DOCCANO.read_text(encoding="utf-8").splitlines()]


def test_parse_label_map() -> None:
    assert parse_label_map([MAP, "NORP = ACTOR"]) == {
        "ORG": "ACTOR", "PERSON": "ACTOR", "LOC": "LOCATION", "GPE": "LOCATION", "NORP": "ACTOR"}
    assert parse_label_map(["ORG=ACTOR,", "ORG=ACTOR"]) == {"ORG": "ACTOR"}
    for bad in ("ORG", "ORG=", "=ACTOR", "ORG=ACTOR,LOC"):
        with pytest.raises(InputError, match="--map expects OLD=NEW"):
            parse_label_map([bad])
    with pytest.raises(InputError, match="two targets for 'ORG'"):
        parse_label_map(["ORG=ACTOR", "ORG=SOURCE"])


def test_map_and_dedupe() -> None:
    spans = [Span(0, 3, "ORG"), Span(0, 3, "PERSON"), Span(0, 3, "ORG"), Span(5, 8, "LOC"), Span(5, 8, "LOCATION")]
    kept, repeated = map_and_dedupe(spans, {"ORG": "ACTOR", "PERSON": "ACTOR", "LOC": "LOCATION"})
    assert [(s.start, s.end, s.label) for s in kept] == [(0, 3, "ACTOR"), (5, 8, "LOCATION")]
    assert repeated == 3
    same, none = map_and_dedupe([Span(0, 3, "ORG"), Span(0, 4, "ORG")], {})
    assert (len(same), none) == (2, 0)


def test_new_labels_get_unused_colours(project: Project) -> None:
    labels = list(project.labels())
    for name in ("ORG", "GPE", "NORP"):
        labels.append(new_label(name, labels))
    colours = [lab.color.upper() for lab in labels]
    assert len(set(colours)) == len(colours)
    assert labels[-1].key == ""


def test_doccano_export_without_options_is_refused_with_both_ways_out(project: Project) -> None:
    summary = import_paths(project, [DOCCANO])
    assert (summary.new, summary.rejected) == (0, 2)
    first = summary.errors[0]
    assert (first.file, first.line) == (str(DOCCANO), 1)
    assert "unknown label 'GPE'" in first.reason  # the first span, by position
    assert "map it with --map GPE=LABEL or create it with --add-labels" in first.reason


def test_doccano_export_with_map_and_a_repeated_span(project: Project) -> None:
    summary = import_paths(project, [DOCCANO], label_map=parse_label_map([MAP]))
    assert (summary.new, summary.rejected, summary.spans, summary.duplicate_spans) == (2, 0, 4, 1)
    assert summary.line() == "2 new, 0 duplicate, 0 rejected; 4 spans in 2 annotations (2 in_progress); 1 repeated spans kept once"
    second = doccano_records()[1]
    article_id = project.article_id_by_hash(content_hash(second["text"]))
    text = second["text"]
    assert [(text[s.start:s.end], s.label) for s in project.spans(article_id, "imported")] == [
        ("تنظيم داعش", "ACTOR"), ("بادية حمص", "LOCATION")]


def test_two_labels_mapped_onto_one_span_are_one_span(project: Project, tmp_path: Path) -> None:
    text = "قالت الأمم المتحدة إن القافلة وصلت"
    start = text.index("الأمم المتحدة")
    rec = {"text": text, "label": [[start, start + 13, "ORG"], [start, start + 13, "NORP"]]}
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    assert import_paths(project, [path]).rejected == 1
    summary = import_paths(project, [path], label_map={"ORG": "ACTOR", "NORP": "ACTOR"})
    assert (summary.new, summary.spans, summary.duplicate_spans) == (1, 1, 1)


def test_add_labels_creates_unknown_labels_once(project: Project) -> None:
    summary = import_paths(project, [DOCCANO], add_labels=True, label_map={"GPE": "LOCATION"})
    assert (summary.new, summary.rejected) == (2, 0)
    assert summary.labels_added == ["ORG", "LOC"]
    assert project.label_names()[-2:] == ["ORG", "LOC"]
    assert "labels added: ORG, LOC" in summary.line()


def test_strict_with_add_labels_writes_nothing_on_a_late_error(project: Project, tmp_path: Path) -> None:
    good = {"text": "قصف على حلب", "label": [[8, 11, "GPE"]]}
    bad = {"text": "قصف على حماة", "label": [[20, 30, "GPE"]]}
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (good, bad)), encoding="utf-8")
    before = project.label_names()
    with pytest.raises(InputError):
        import_paths(project, [path], add_labels=True, strict=True)
    assert project.label_names() == before
