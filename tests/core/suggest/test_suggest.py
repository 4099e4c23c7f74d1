"""core/suggest/__init__.py: naming suggesters and building them (lazily)."""
from __future__ import annotations

import pytest

from annotator.core.errors import SuggesterUnavailable
from annotator.core.suggest import SOURCES, CombinedSuggester, get_suggester, parse_sources


def test_parse_sources_keeps_order_and_drops_repeats() -> None:
    assert parse_sources(" rules, patterns ,rules,model") == ["rules", "patterns", "model"]
    with pytest.raises(SuggesterUnavailable, match="no suggester named"):
        parse_sources(" , ")


def test_every_source_is_listed() -> None:
    assert set(SOURCES) == {"rules", "patterns", "camel", "model"}


def test_unknown_sources_are_refused_by_name() -> None:
    with pytest.raises(SuggesterUnavailable, match="unknown suggester 'oracle'"):
        get_suggester("oracle")
    with pytest.raises(SuggesterUnavailable, match="unknown suggester 'oracle'"):
        get_suggester("rules,oracle")


def test_one_source_or_several(project) -> None:  # type: ignore[no-untyped-def]
    single = get_suggester("patterns", project=project)
    assert not isinstance(single, CombinedSuggester) and single.name == "patterns"
    combined = get_suggester("rules,patterns", project=project)  # each source takes what it accepts
    assert isinstance(combined, CombinedSuggester) and combined.name == "rules+patterns"
    thresholded = get_suggester("patterns", project=project, min_score=0.5)
    assert isinstance(thresholded, CombinedSuggester) and thresholded.min_score == 0.5


def test_a_model_source_without_a_model_is_unavailable() -> None:
    with pytest.raises(SuggesterUnavailable, match="no trained model yet"):
        get_suggester("model")
