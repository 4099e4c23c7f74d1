"""core/suggest/base.py: overlap resolution, merging sources, gazetteers and scoring."""
from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.domain import Suggestion
from annotator.core.errors import AnnotatorError
from annotator.core.suggest.base import (
    GAZETTEERS,
    CombinedSuggester,
    Suggester,
    Tally,
    evaluate,
    gazetteer_first_words,
    gazetteer_names,
    load_gazetteer,
    merge_sources,
    origins,
    resolve_overlaps,
)


def sug(start: int, end: int, label: str = "LOCATION", origin: str = "rule", score: float = 1.0) -> Suggestion:
    return Suggestion(start, end, label, origin, score)


class Fixed(Suggester):
    def __init__(self, name: str, found: list[Suggestion], vetoed: set[tuple[int, int, str]] | None = None):
        self.name, self.found, self.vetoed = name, found, vetoed

    def suggest(self, text: str) -> list[Suggestion]:
        return list(self.found)


class Vetoing(Fixed):
    def vetoes(self, text: str, start: int, end: int, label: str) -> bool:
        return (start, end, label) in (self.vetoed or set())


def test_resolve_overlaps_keeps_the_longer_then_the_stronger() -> None:
    kept = resolve_overlaps([sug(4, 7), sug(0, 12), sug(20, 25, score=0.4), sug(21, 24, score=0.9),
                             sug(30, 30), sug(0, 12)])
    assert [(s.start, s.end) for s in kept] == [(0, 12), (20, 25)]


def test_merge_sources_joins_agreeing_origins_and_raises_the_score() -> None:
    rules = [sug(0, 12, origin="rule", score=0.8)]
    patterns = [sug(4, 12, origin="patterns", score=0.9), sug(20, 25, "ACTOR", "patterns", 0.3)]
    (merged, weak) = merge_sources([rules, patterns])
    assert (merged.start, merged.end, merged.origin, merged.score) == (0, 12, "rule+patterns", 0.85)
    assert origins(merged) == ("rule", "patterns")
    assert merge_sources([rules, patterns], min_score=0.5) == [merged]
    assert weak.origin == "patterns"


def test_combined_suggester_applies_vetoes_from_any_source() -> None:
    rules = Fixed("rules", [sug(0, 12), sug(20, 25, "ACTOR")])
    patterns = Vetoing("patterns", [], vetoed={(20, 25, "ACTOR")})
    combined = CombinedSuggester([rules, patterns])
    assert combined.name == "rules+patterns"
    assert [(s.start, s.label) for s in combined.suggest("…")] == [(0, "LOCATION")]
    assert combined.suggest_many(["a", "b"]) == [combined.suggest("a")] * 2


def test_gazetteers_load_and_flatten() -> None:
    for name in GAZETTEERS:
        assert isinstance(load_gazetteer(name), dict)
    names = gazetteer_names("locations")
    assert names and len(names) == len(set(names)) and all(n == " ".join(n.split()) for n in names)
    words = gazetteer_first_words()
    assert words and all(" " not in w for w in words)


def test_a_broken_gazetteer_is_a_domain_error(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("names: [unclosed\n", encoding="utf-8")
    (tmp_path / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(AnnotatorError, match="not valid YAML"):
        load_gazetteer("bad", str(tmp_path))
    with pytest.raises(AnnotatorError, match="must be a mapping"):
        load_gazetteer("list", str(tmp_path))
    with pytest.raises(AnnotatorError, match="cannot be read"):
        load_gazetteer("missing", str(tmp_path))


def test_groups_are_flattened_and_spaces_normalised(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text("names:\n  towns: ['حمص', ' ريف  حمص ']\n  more: [[حماة], 'حمص']\n",
                                     encoding="utf-8")
    assert gazetteer_names("g", directory=str(tmp_path)) == ["حمص", "ريف حمص", "حماة"]


def test_evaluate_counts_overlap_and_exact_matches() -> None:
    found = Fixed("x", [sug(0, 5, "ACTOR"), sug(10, 14, "LOCATION"), sug(20, 22, "COUNT")])
    gold = [{"text": "…", "spans": [{"start": 0, "end": 5, "label": "ACTOR"},
                                    {"start": 9, "end": 14, "label": "LOCATION"},
                                    {"start": 30, "end": 33, "label": "SOURCE"}]}]
    scores = evaluate(found, gold)
    assert scores["ACTOR"]["exact_f1"] == 1.0
    assert scores["LOCATION"]["f1"] == 1.0 and scores["LOCATION"]["exact_p"] == 0.0
    assert scores["COUNT"]["p"] == 0.0 and scores["SOURCE"]["r"] == 0.0
    assert (scores["ALL"]["n_pred"], scores["ALL"]["n_gold"]) == (3, 3)
    assert scores["ALL"]["p"] == pytest.approx(2 / 3) and scores["ALL"]["exact_r"] == pytest.approx(1 / 3)
    tally = Tally()
    tally.add([], [])
    assert tally.scores()["ALL"]["f1"] == 0.0
