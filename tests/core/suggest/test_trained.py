"""core/suggest/trained.py: suggestions from a spaCy pipeline with an NER component.

A model trained by core/train.py is exercised in tests/core/test_train.py; here a small
rule-based pipeline stands in for it (its component is named ``ner``), saved and loaded
from disk the same way.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import SuggesterUnavailable
from annotator.core.suggest import get_suggester
from annotator.core.suggest.trained import ModelSuggester

TEXT = "قصفت الطائرات ريف حمص الشرقي وقتل 3 مدنيين."


@pytest.fixture(scope="module")
def ruler_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import spacy

    nlp = spacy.blank("ar")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "LOCATION", "pattern": "ريف حمص الشرقي"},
                        {"label": "COUNT", "pattern": "3 مدنيين"}])
    path = tmp_path_factory.mktemp("model") / "model-best"
    nlp.to_disk(path)
    return path


def test_entities_become_suggestions_with_exact_offsets(ruler_model: Path) -> None:
    suggester = ModelSuggester(ruler_model)
    found = suggester.suggest(TEXT)
    assert [(TEXT[s.start:s.end], s.label, s.origin, s.score) for s in found] == [
        ("ريف حمص الشرقي", "LOCATION", "model", 1.0), ("3 مدنيين", "COUNT", "model", 1.0)]
    assert set(suggester.labels) == {"LOCATION", "COUNT"}


def test_suggest_many_and_the_registry(ruler_model: Path) -> None:
    suggester = get_suggester("model", model_path=str(ruler_model))
    assert isinstance(suggester, ModelSuggester)
    first, second = suggester.suggest_many([TEXT, "لا شيء هنا"])
    assert len(first) == 2 and second == []


def test_a_pipeline_without_ner_is_refused_when_loaded(tmp_path: Path) -> None:
    import spacy

    path = tmp_path / "no-ner"
    spacy.blank("ar").to_disk(path)
    suggester = ModelSuggester(path)  # looks like a pipeline: refused only on loading
    with pytest.raises(SuggesterUnavailable, match="has no NER component"):
        suggester.load()


def test_model_suggester_unavailable(tmp_path: Path) -> None:
    from annotator.core.suggest.trained import ModelSuggester

    for bad in (tmp_path / "missing", None):
        with pytest.raises(SuggesterUnavailable) as exc:
            ModelSuggester(bad)
        assert "\n" not in str(exc.value) and str(exc.value)
    (tmp_path / "notmodel").mkdir()
    with pytest.raises(SuggesterUnavailable):
        ModelSuggester(tmp_path / "notmodel")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.cfg").write_text("[nlp]\nlang = \"xx_nonexistent\"\n", encoding="utf-8")
    (broken / "meta.json").write_text("{}", encoding="utf-8")
    sug = ModelSuggester(broken)  # path looks right: fails only when loaded
    with pytest.raises(SuggesterUnavailable) as exc:
        sug.suggest("قوات النظام")
    assert "\n" not in str(exc.value)
