"""Span suggesters: rules (gazetteers + patterns), CAMeL NER, a trained spaCy model.

``get_suggester("rules")`` is the entry point. Each implementation lives in its own module
and is imported only when asked for, so importing this package stays cheap (no spaCy, no
torch): the GUI and CLI import it at start-up to list what is on offer.
"""
from __future__ import annotations

import importlib
from typing import Any

from annotator.core.errors import SuggesterUnavailable
from annotator.core.suggest.base import Suggester, resolve_overlaps

__all__ = ["get_suggester", "Suggester", "resolve_overlaps", "SOURCES"]

#: source name → (module, class names tried in order). A module may instead define a
#: ``create_suggester(**kw)`` function, which is preferred when present.
SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "rules": ("annotator.core.suggest.rules", ("RuleSuggester",)),
    "camel": ("annotator.core.suggest.camel", ("CamelNerSuggester", "CamelSuggester")),
    "model": ("annotator.core.suggest.model", ("ModelSuggester", "SpacyModelSuggester", "SpacySuggester")),
}


def get_suggester(source: str, **kw: Any) -> Any:
    """A new suggester for ``source`` ("rules", "camel" or "model"), built with ``kw``.

    Raises :class:`SuggesterUnavailable` for an unknown source or when its module or class
    is missing; the suggester's own constructor may raise it too (model not installed).
    """
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
    return factory(**kw)
