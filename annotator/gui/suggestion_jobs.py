"""The suggestion feed's background work (:mod:`annotator.gui.suggestion_feed`): warming
the sources, asking them for one article, and the project's pattern suggester shared
between the GUI thread that teaches it and the pool that suggests with it. Loaded with the
first warm-up, after start-up."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from ..core.domain import Suggestion
from ..core.suggest.base import Suggester
from .suggestion_feed import PATTERNS
from .workers import Job, cached_suggester


class GuardedPatterns(Suggester):
    """The project's pattern suggester shared by the GUI thread (which teaches it) and the
    pool (which suggests with it): every use holds one lock, so a match never sees the
    pattern tables half-updated."""

    name = PATTERNS

    def __init__(self, suggester: Any):
        self.suggester = suggester
        self.lock = threading.Lock()

    def suggest(self, text: str) -> list[Suggestion]:
        with self.lock:
            return self.suggester.suggest(text)

    def vetoes(self, text: str, start: int, end: int, label: str) -> bool:
        with self.lock:
            return self.suggester.vetoes(text, start, end, label)

    def give_way(self, text: str, mine: list[Suggestion], others: list[Suggestion]) -> list[Suggestion]:
        with self.lock:
            return self.suggester.give_way(text, mine, others)

    def learn_project(self, project: Any) -> int:
        with self.lock:
            return self.suggester.learn_project(project)


def sources_to_build(names: list[str], options: dict[str, dict]) -> list[tuple[str, dict]]:
    return [(name, options.get(name, {})) for name in names if name != PATTERNS]


class WarmJob(Job):
    """Builds the sources' suggesters (cached for the session) and, when ``patterns`` is
    among them, the project's pattern suggester from a connection of its own."""

    def __init__(self, project_path: str, parts: list[tuple[str, dict]], patterns: bool):
        super().__init__()
        self.project_path, self.parts, self.patterns = project_path, parts, patterns

    def work(self, progress: Callable[[int], None]) -> Any:
        for name, options in self.parts:
            suggester = cached_suggester(name, options)
            load = getattr(suggester, "load", None)  # a trained model loads on first use
            if load is not None:
                load()
        if not self.patterns:
            return None
        from ..core.store import Project
        from ..core.suggest.patterns import PatternSuggester

        with Project.open(self.project_path) as project:
            return PatternSuggester(project)


class SourcesJob(Job):
    """The suggestions of ``names`` (in that order) for one text."""

    def __init__(self, text: str, names: list[str], options: dict[str, dict], patterns: GuardedPatterns | None):
        super().__init__()
        self.text, self.names, self.options, self.patterns = text, names, options, patterns

    def work(self, progress: Callable[[int], None]) -> list[Suggestion]:
        from ..core.suggest import CombinedSuggester

        suggesters: list[Suggester] = []
        for name in self.names:
            if name == PATTERNS:
                assert self.patterns is not None  # the feed asks only once the patterns are built
                suggesters.append(self.patterns)
            else:
                suggesters.append(cached_suggester(name, self.options.get(name, {})))
        if len(suggesters) == 1:
            return suggesters[0].suggest(self.text)
        return CombinedSuggester(suggesters).suggest(self.text)
