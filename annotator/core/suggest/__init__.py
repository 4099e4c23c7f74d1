"""Span suggesters: rules (gazetteers + patterns), learned project patterns, CAMeL NER, a
trained spaCy model, and any of them combined.

``get_suggester("rules")`` is the entry point; ``get_suggester("rules,patterns")`` combines
sources (:class:`CombinedSuggester`: overlapping suggestions merge, keeping every origin). Each
implementation lives in its own module and is imported only when asked for, so importing this
package stays cheap (no spaCy, no torch): the GUI and CLI import it at start-up to list what is
on offer.
"""
from __future__ import annotations

import importlib
from typing import Any

from annotator.core.errors import SuggesterUnavailable
from annotator.core.suggest.base import (
    CombinedSuggester,
    Suggester,
    merge_sources,
    origins,
    resolve_overlaps,
)

__all__ = ["get_suggester", "parse_sources", "Suggester", "CombinedSuggester", "resolve_overlaps",
           "merge_sources", "origins", "SOURCES"]

#: source name → (module, class names tried in order). A module may instead define a
#: ``create_suggester(**kw)`` function, which is preferred when present.
SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "rules": ("annotator.core.suggest.rules", ("RuleSuggester",)),
    "patterns": ("annotator.core.suggest.patterns", ("PatternSuggester",)),
    "camel": ("annotator.core.suggest.camel", ("CamelNerSuggester", "CamelSuggester")),
    "model": ("annotator.core.suggest.trained", ("ModelSuggester", "SpacyModelSuggester", "SpacySuggester")),
}


def parse_sources(source: str) -> list[str]:
    """``"rules,patterns"`` → ``["rules", "patterns"]`` (order kept, repeats dropped)."""
    names = list(dict.fromkeys(part.strip() for part in source.split(",") if part.strip()))
    if not names:
        raise SuggesterUnavailable(f"no suggester named; choose from {', '.join(SOURCES)}")
    return names


def get_suggester(source: str, *, min_score: float = 0.0, **kw: Any) -> Any:
    """A new suggester for ``source``, built with ``kw``: one of :data:`SOURCES` ("rules",
    "patterns", "camel", "model") or several joined by commas ("rules,patterns,model"),
    which gives a :class:`CombinedSuggester`. Each source receives the options its factory
    accepts. ``min_score`` drops weaker suggestions (the threshold).

    Raises :class:`SuggesterUnavailable` for an unknown source or when its module or class
    is missing; the suggester's own constructor may raise it too (model not installed).
    """
    names = parse_sources(source)
    if len(names) > 1 or min_score:
        parts = [_build(name, **_accepted_options(name, kw)) for name in names]
        return CombinedSuggester(parts, min_score=min_score)
    return _build(names[0], **_accepted_options(names[0], kw))


def _accepted_options(source: str, kw: dict[str, Any]) -> dict[str, Any]:
    """The options of ``kw`` that the factory of ``source`` takes (all, if it takes ``**kw``)."""
    import inspect

    factory = _factory(source)
    params = inspect.signature(factory).parameters.values()
    if any(p.kind is p.VAR_KEYWORD for p in params):
        return dict(kw)
    names = {p.name for p in params}
    return {k: v for k, v in kw.items() if k in names}


def _build(source: str, **kw: Any) -> Any:
    return _factory(source)(**kw)


def _factory(source: str) -> Any:
    try:
        module_name, class_names = SOURCES[source]
    except KeyError:
        raise SuggesterUnavailable(
            f"unknown suggester {source!r}; choose one of {', '.join(SOURCES)}"
        ) from None
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise SuggesterUnavailable(f"suggester {source!r} cannot be loaded: {exc}") from exc
    factory = getattr(module, "create_suggester", None)
    if factory is None:
        for name in class_names:
            factory = getattr(module, name, None)
            if factory is not None:
                break
    if factory is None:
        raise SuggesterUnavailable(f"suggester {source!r}: {module_name} defines no suggester class")
    return factory
