"""One rule suggester for the tests of the rules package (building it takes seconds)."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.core.suggest.rules import RuleSuggester


@pytest.fixture(scope="session")
def rules() -> RuleSuggester:
    return RuleSuggester()


@pytest.fixture(scope="session")
def found(rules: RuleSuggester) -> Callable[[str], set[tuple[str, str]]]:
    """``found(text) -> {(span text, label)}`` of the rule suggester."""

    def run(text: str) -> set[tuple[str, str]]:
        return {(text[s.start:s.end], s.label) for s in rules.suggest(text)}

    return run


@pytest.fixture(scope="session")
def labelled(rules: RuleSuggester) -> Callable[[str], list[tuple[str, str]]]:
    """``labelled(text) -> [(span text, label)]`` of the rule suggester, in text order."""

    def run(text: str) -> list[tuple[str, str]]:
        return [(text[s.start : s.end], s.label) for s in rules.suggest(text)]

    return run
