"""gui/suggestion_jobs.py: the suggestion feed's background work, run here on the test thread."""
from __future__ import annotations

from pathlib import Path

from gui_helpers import project_with_articles

from annotator.core.domain import Suggestion
from annotator.core.store import Project
from annotator.core.suggest.base import Suggester
from annotator.gui.suggestion_jobs import GuardedPatterns, SourcesJob, WarmJob, sources_to_build

TEXT = "قال المرصد السوري لحقوق الإنسان إن قوات النظام قصفت ريف حمص الشرقي."


def test_sources_to_build_leaves_out_the_projects_own_patterns() -> None:
    assert sources_to_build(["rules", "patterns", "model"], {"model": {"model_path": "m"}}) == \
        [("rules", {}), ("model", {"model_path": "m"})]


def test_warm_builds_the_pattern_suggester_from_the_project(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    (article,) = project_with_articles(path, [TEXT])
    start = TEXT.index("ريف حمص الشرقي")
    with Project.open(path) as project:
        project.add_span(article, "hala", start, start + len("ريف حمص الشرقي"), "LOCATION")
    learned = WarmJob(str(path), [], patterns=True).work(lambda n: None)
    guarded = GuardedPatterns(learned)
    found = guarded.suggest("قصفت الطائرات ريف حمص الشرقي أمس.")
    assert ("ريف حمص الشرقي", "LOCATION") in {("قصفت الطائرات ريف حمص الشرقي أمس."[s.start:s.end], s.label)
                                               for s in found}
    assert WarmJob(str(path), [], patterns=False).work(lambda n: None) is None


def test_sources_job_asks_the_sources_in_order(tmp_path: Path) -> None:
    found = SourcesJob(TEXT, ["rules"], {}, None).work(lambda n: None)
    assert found and all(isinstance(s, Suggestion) for s in found)
    assert ("المرصد السوري لحقوق الإنسان", "SOURCE") in {(TEXT[s.start:s.end], s.label) for s in found}



class _RuleAt(Suggester):
    """A rule source that suggests exactly what it is given."""

    name = "rules"

    def __init__(self, suggestions: list[Suggestion]):
        self.suggestions = suggestions

    def suggest(self, text: str) -> list[Suggestion]:
        return list(self.suggestions)


def test_guarded_patterns_weigh_in_on_combined_suggestions_as_the_bare_suggester_does() -> None:
    """The workbench combines its sources through the guard: every hook the combined
    suggester asks of a pattern suggester (vetoes, giving way to the rules) must pass
    through it, or the workbench suggests otherwise than `annotator suggest` does."""
    from annotator.core.suggest import CombinedSuggester
    from annotator.core.suggest.patterns import PatternSuggester

    learned = PatternSuggester()
    taught = "وقالت الشرطة إن الطريق أغلق"
    learned.learn(taught, taught.index("الشرطة"), taught.index("الشرطة") + 6, "ACTOR")
    text = "أشارت الشرطة إلى أن مسلحين هاجموا مركز الشرطة في البلدة."
    first = text.index("الشرطة")
    rule = _RuleAt([Suggestion(first, first + 6, "ACTOR", "rule")])
    bare = CombinedSuggester([rule, learned]).suggest(text)
    assert [(s.start, s.label) for s in bare] == [(first, "ACTOR")]  # «مركز الشرطة» gave way
    assert CombinedSuggester([rule, GuardedPatterns(learned)]).suggest(text) == bare
