"""The workbench's suggestion feed: project patterns learnt live, combined sources with
their origins, and the score threshold (#11 part 2)."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from annotator.core.store import Project
from annotator.core.suggest import origins

# A made-up militia no gazetteer lists, in made-up sentences.
NAME = "سرايا الغضب الأزرق"
ARTICLES = [
    f"أعلنت {NAME} مسؤوليتها عن الهجوم على الحاجز صباح اليوم.",
    f"وقال مصدر محلي إن {NAME} انسحبت من القرية بعد الظهر.",
    f"ونفت {NAME} في بيان أي علاقة لها بالحادث.",
    f"واتهم السكان {NAME} بإغلاق الطريق الرئيسي.",
]


def use_source(source: str, min_score: float | None = None) -> None:
    settings = QSettings()
    settings.setValue("suggest_source", source)
    if min_score is not None:
        settings.setValue("suggest_min_score", min_score)
    settings.sync()


def wait_for_suggestions(qtbot, window, article_id: int) -> None:
    """Until the feed has put this article's suggestions on screen."""
    with qtbot.waitSignal(window.suggestion_feed.shown, timeout=120_000,
                          check_params_cb=lambda shown_id: shown_id == article_id):
        window.open_article(article_id)


def name_suggestion(window, text: str):
    start = text.index(NAME)
    return next((s for s in window.visible_suggestions if s.start == start and s.end == start + len(NAME)), None)


def test_a_labelled_name_is_suggested_on_the_next_article_and_rejections_count_against_it(
        qtbot, make_project, open_window):
    path, ids = make_project(ARTICLES)
    use_source("rules,patterns")
    window = open_window(path)
    feed = window.suggestion_feed
    qtbot.waitUntil(lambda: feed.patterns is not None and not feed.warming, timeout=120_000)
    wait_for_suggestions(qtbot, window, ids[0])
    assert name_suggestion(window, ARTICLES[0]) is None  # nothing knows the name yet

    # Label the name on article 1 with the ACTOR key, as an annotator does.
    actor_key = next(lab.key for lab in window.labels if lab.name == "ACTOR")
    start = ARTICLES[0].index(NAME)
    window.view.select_cp(start, start + len(NAME))
    qtbot.keyClick(window.view, actor_key)
    assert [(s.start, s.end, s.label) for s in window.spans] == [(start, start + len(NAME), "ACTOR")]
    assert len(feed.patterns.suggester) == 1  # learnt at once, before any other article opens

    # Article 2 already benefits: the name is suggested, and says where it comes from.
    wait_for_suggestions(qtbot, window, ids[1])
    suggestion = name_suggestion(window, ARTICLES[1])
    assert suggestion is not None and suggestion.label == "ACTOR"
    assert "patterns" in origins(suggestion)
    shown = window.view.shown_at(suggestion.start)
    assert shown is not None and "patterns" in shown.tooltip(window.view.labels)

    # Rejected here and on article 3: now rejected more often than accepted.
    window.view.place_cursor_cp(suggestion.start + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    assert name_suggestion(window, ARTICLES[1]) is None
    wait_for_suggestions(qtbot, window, ids[2])
    third = name_suggestion(window, ARTICLES[2])
    assert third is not None and "patterns" in origins(third)
    window.view.place_cursor_cp(third.start + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    with Project.open(path) as other:
        assert len(other.rejected_suggestions(ids[1], "hala")) == 1
        assert len(other.rejected_suggestions(ids[2], "hala")) == 1

    wait_for_suggestions(qtbot, window, ids[3])
    assert name_suggestion(window, ARTICLES[3]) is None


def test_threshold_hides_weaker_suggestions_and_is_remembered(qtbot, make_project, open_window):
    path, ids = make_project(ARTICLES)
    with Project.open(path) as p:  # the name was labelled once on article 1: a weak pattern
        start = ARTICLES[0].index(NAME)
        with p.transaction():
            p.add_span(ids[0], "hala", start, start + len(NAME), "ACTOR")
    use_source("patterns")
    window = open_window(path)
    qtbot.waitUntil(lambda: window.suggestion_feed.patterns is not None, timeout=120_000)
    wait_for_suggestions(qtbot, window, ids[1])
    suggestion = name_suggestion(window, ARTICLES[1])
    assert suggestion is not None and suggestion.score < 0.9
    box = window.suggest_min_score
    box.setValue(0.9)  # as the user sets the spin box in the suggestion bar
    assert window.visible_suggestions == [] and window.view.extraSelections() == []
    assert "1" in window.suggest_info.text()  # «1 under the threshold»
    assert float(QSettings().value("suggest_min_score")) == 0.9
    # The next article is filtered the same way; lowering it shows the suggestion again.
    wait_for_suggestions(qtbot, window, ids[2])
    assert name_suggestion(window, ARTICLES[2]) is None
    box.setValue(0.5)
    assert name_suggestion(window, ARTICLES[2]) is not None
    box.setValue(0.9)
    window.close()
    again = open_window(path)
    assert again.suggest_min_score.value() == 0.9


def test_source_selector_offers_the_combinations(qtbot, make_project, open_window):
    path, _ids = make_project(ARTICLES[:1])
    window = open_window(path)
    offered = [window.suggest_source.itemData(i) for i in range(window.suggest_source.count())]
    assert {"rules", "patterns", "rules,patterns", "rules,patterns,model", "model"} <= set(offered)
