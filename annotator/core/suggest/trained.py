"""Suggestions from a spaCy NER pipeline trained by :func:`annotator.core.train.train`.

The pipeline is loaded on first use (spaCy and the model take about a second), not when the
suggester is built, so the GUI can create it cheaply; the path is checked up front so a
missing or foreign model fails at once with a one-line :class:`SuggesterUnavailable`.
Entity edges come from the project's tokenizer (``ar_news.tokenizer.v1``), which already
puts clitics and quotes outside, so offsets are used as they are.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.domain import Suggestion
from annotator.core.errors import SuggesterUnavailable
from annotator.core.suggest.base import Suggester, resolve_overlaps

ORIGIN = "model"


def _one_line(message: object, limit: int = 300) -> str:
    line = " ".join(str(message).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class ModelSuggester(Suggester):
    """Proposes spans with a trained spaCy pipeline (``outdir/model-best`` of a training run)."""

    name = "model"

    def __init__(self, model_path: str | os.PathLike[str] | None = None) -> None:
        if model_path is None:
            raise SuggesterUnavailable("no trained model yet: train one first (Model → Train)")
        path = Path(model_path)
        if not path.is_dir():
            raise SuggesterUnavailable(_one_line(f"trained model not found: {path}"))
        missing = [n for n in ("config.cfg", "meta.json") if not (path / n).is_file()]
        if missing:
            raise SuggesterUnavailable(
                _one_line(f"{path} is not a spaCy pipeline (no {', '.join(missing)})")
            )
        self.model_path = path
        self._nlp: Any = None
        self._lock = threading.Lock()

    def load(self) -> Any:
        """Load the pipeline now (idempotent); raises :class:`SuggesterUnavailable` if broken."""
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    self._nlp = self._load(self.model_path)
        return self._nlp

    @staticmethod
    def _load(path: Path) -> Any:
        try:
            from annotator.core.spacy_loader import import_spacy
            spacy = import_spacy()

            import annotator.core.tokenizer  # noqa: F401  (registers ar_news.tokenizer.v1)
        except Exception as exc:  # pragma: no cover - spaCy is a hard dependency
            raise SuggesterUnavailable(_one_line(f"spaCy cannot be imported: {exc}")) from exc
        try:
            nlp = spacy.load(path)
        except Exception as exc:
            # A corrupt or foreign pipeline fails in many ways inside spaCy/thinc
            # (OSError, ValueError, KeyError, config errors): all mean "cannot suggest".
            raise SuggesterUnavailable(_one_line(f"model in {path} cannot be loaded: {exc}")) from exc
        if "ner" not in nlp.pipe_names:
            raise SuggesterUnavailable(_one_line(f"model in {path} has no NER component"))
        return nlp

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels the model predicts (loads it)."""
        return tuple(self.load().get_pipe("ner").labels)

    def suggest(self, text: str) -> list[Suggestion]:
        """Entities of ``text`` as suggestions (score 1.0: the greedy parser has no confidence)."""
        return self.suggest_many([text])[0]

    def suggest_many(self, texts: Iterable[str]) -> list[list[Suggestion]]:
        """:meth:`suggest` for several texts through ``nlp.pipe`` (batched)."""
        nlp = self.load()
        texts = list(texts)
        out: list[list[Suggestion]] = []
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=32)):
            found = []
            for ent in doc.ents:
                start, end = ent.start_char, ent.end_char
                # A token can carry leading/trailing invisible marks; spans never do.
                while start < end and (text[start].isspace() or text[start] in "\u200e\u200f\u061c"):
                    start += 1
                while end > start and (text[end - 1].isspace() or text[end - 1] in "\u200e\u200f\u061c"):
                    end -= 1
                if start < end:
                    found.append(Suggestion(start=start, end=end, label=ent.label_, origin=ORIGIN, score=1.0))
            out.append(resolve_overlaps(found))
        return out


def create_suggester(model_path: str | os.PathLike[str] | None = None, **_: Any) -> ModelSuggester:
    """Factory used by :func:`annotator.core.suggest.get_suggester` ("model")."""
    return ModelSuggester(model_path)
