"""The project pattern suggester (source ``patterns``) and combined sources.

Every sentence here was written for these tests.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from annotator.core.domain import Span, Suggestion
from annotator.core.errors import AnnotatorError
from annotator.core.store import Project
from annotator.core.suggest import (
    CombinedSuggester,
    Suggester,
    get_suggester,
    merge_sources,
    origins,
)
from annotator.core.suggest.patterns import PatternSuggester, project_patterns


def learn(suggester: PatternSuggester, text: str, surface: str, label: str, nth: int = 0) -> None:
    start = _find(text, surface, nth)
    suggester.learn(text, start, start + len(surface), label)


def reject(suggester: PatternSuggester, text: str, surface: str, label: str) -> None:
    start = _find(text, surface)
    suggester.reject(text, start, start + len(surface), label)


def _find(text: str, surface: str, nth: int = 0) -> int:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start


def found(suggester: Suggester, text: str) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.label) for s in suggester.suggest(text)]


FIRST = "قصفت قوات الفجر الجديد قرية تل الورد صباح الأحد، وفق المرصد الوطني للرصد."


# ------------------------------------------------------------------ learning
def test_a_learned_span_is_suggested_in_the_next_article_with_its_label() -> None:
    patterns = PatternSuggester()
    learn(patterns, FIRST, "قوات الفجر الجديد", "ACTOR")
    learn(patterns, FIRST, "قرية تل الورد", "LOCATION")
    learn(patterns, FIRST, "المرصد الوطني للرصد", "SOURCE")
    nxt = "وقال المرصد الوطني للرصد إن قوات الفجر الجديد انسحبت من قرية تل الورد مساء."
    assert found(patterns, nxt) == [
        ("المرصد الوطني للرصد", "SOURCE"), ("قوات الفجر الجديد", "ACTOR"), ("قرية تل الورد", "LOCATION"),
    ]
    assert all(s.origin == "patterns" and 0 < s.score <= 1 for s in patterns.suggest(nxt))


def test_matching_is_on_normalised_text_and_offsets_point_into_the_stored_text() -> None:
    patterns = PatternSuggester()
    learn(patterns, "هاجمت كتيبة الأسود الحمراء المدينة.", "كتيبة الأسود الحمراء", "ACTOR")
    # Other spellings: alef without hamza, ta marbuta as ha, a shadda, tatweel.
    text = "وصلت كتيبه الاسود الحمـراء إلى المكان، ثم انسحبت كتيبة الأسّود الحمراء."
    assert found(patterns, text) == [("كتيبه الاسود الحمـراء", "ACTOR"), ("كتيبة الأسّود الحمراء", "ACTOR")]


def test_hamza_seats_and_persian_letters_are_spelling_variants_of_a_learned_name() -> None:
    patterns = PatternSuggester()
    learn(patterns, "قال مسؤول محلي في البلدة", "مسؤول محلي", "SOURCE")
    learn(patterns, "تقدمت قوات ڤيلق الساحل", "قوات ڤيلق الساحل", "ACTOR")
    text = "وأكد مسئول محلي أن قوات فيلق الساحل انسحبت، ونفى مسؤول محلی آخر ذلك."
    assert found(patterns, text) == [("مسئول محلي", "SOURCE"), ("قوات فيلق الساحل", "ACTOR"),
                                     ("مسؤول محلی", "SOURCE")]
    # Only those letters: a hamza seat is no other letter («سائل» is not «سال»).
    learn(patterns, "وصلت التعزيزات إلى وادي سائل", "وادي سائل", "LOCATION")
    assert found(patterns, "عبروا وادي سال ثم وادي سايل") == []


def test_whole_words_only() -> None:
    patterns = PatternSuggester()
    learn(patterns, "في بلدة كرمل الشرقية", "كرمل", "LOCATION")
    assert found(patterns, "كرملية وكرملان والكرملي") == []


def test_a_name_split_by_a_line_break_or_punctuation_is_not_one_match() -> None:
    patterns = PatternSuggester()
    learn(patterns, "سيطر لواء النصر الأول على الموقع", "لواء النصر الأول", "ACTOR")
    assert found(patterns, "لواء النصر\nالأول") == []
    assert found(patterns, "لواء النصر، الأول") == []


def test_a_name_written_with_a_hyphen_is_matched_whole() -> None:
    patterns = PatternSuggester()
    learn(patterns, "تقدمت قوات الساحل-الغربي نحو الميناء", "قوات الساحل-الغربي", "ACTOR")
    assert found(patterns, "انسحبت قوات الساحل-الغربي ليلاً") == [("قوات الساحل-الغربي", "ACTOR")]


def test_spans_holding_a_number_are_not_learned() -> None:
    patterns = PatternSuggester()
    text = "قُتل 12 عنصراً من اللواء 80 أمس."
    assert patterns.learn(text, 5, 14, "COUNT") is None
    assert patterns.learn(text, text.index("اللواء"), text.index("اللواء") + 9, "ACTOR") is None
    assert len(patterns) == 0 and patterns.suggest(text) == []


def test_a_count_that_is_a_number_word_alone_is_not_learned_but_a_dual_is() -> None:
    patterns = PatternSuggester()
    text = "قُتل ثلاثة من عناصر الحرس وأصيب العشرات، ونجا حارسان، وقتل خمسة مدنيين."
    learn(patterns, text, "ثلاثة", "COUNT")
    learn(patterns, text, "العشرات", "COUNT")
    learn(patterns, text, "حارسان", "COUNT")
    learn(patterns, text, "خمسة مدنيين", "COUNT")
    assert {p.key for p in patterns.patterns()} == {"حارسان", "خمسه مدنيين"}
    assert found(patterns, "بعد ثلاثة أسابيع من العشرات من الغارات نجا حارسان") == [("حارسان", "COUNT")]


# ------------------------------------------------------------------ clitics
def test_a_learned_name_is_found_behind_proclitics_which_stay_outside() -> None:
    patterns = PatternSuggester()
    learn(patterns, "اقتحمت القوات بلدة حردين الجبلية", "حردين", "LOCATION")
    learn(patterns, "وصلت تعزيزات إلى الحسكة", "الحسكة", "LOCATION")
    text = "اشتباكات بحردين وفي الحسكة وبالحسكة ولحردين وكحردين."
    assert found(patterns, text) == [("حردين", "LOCATION"), ("الحسكة", "LOCATION"), ("الحسكة", "LOCATION"),
                                     ("حردين", "LOCATION"), ("حردين", "LOCATION")]


def test_the_lil_form_of_a_learned_name_starts_at_the_second_lam() -> None:
    patterns = PatternSuggester()
    learn(patterns, "أعلن المرصد الوطني للرصد حصيلة جديدة", "المرصد الوطني للرصد", "SOURCE")
    text = "ووفقاً للمرصد الوطني للرصد فإن الحصيلة ارتفعت."
    (s,) = patterns.suggest(text)
    assert text[s.start:s.end] == "لمرصد الوطني للرصد"
    assert text[s.start - 1] == "ل"


def test_a_span_learned_in_the_lil_form_is_found_with_its_article() -> None:
    patterns = PatternSuggester()
    text = "بحسب بيان للفوج الساحلي صدر اليوم"
    start = text.index("لفوج")
    patterns.learn(text, start, start + len("لفوج الساحلي"), "ACTOR")
    assert found(patterns, "تقدم الفوج الساحلي نحو التلال") == [("الفوج الساحلي", "ACTOR")]
    assert found(patterns, "ونُسب الهجوم للفوج الساحلي") == [("لفوج الساحلي", "ACTOR")]


def test_the_lil_form_of_a_name_whose_own_first_letter_is_lam() -> None:
    # ل + «اللواء» is written «للواء» (the article's lam merges with the word's): the span
    # starts at the second ل, and learning from it gives the name with its article.
    patterns = PatternSuggester()
    learn(patterns, "تقدم اللواء الثامن نحو التلة", "اللواء الثامن", "ACTOR")
    learn(patterns, "وصل الوفد إلى اللاذقية", "اللاذقية", "LOCATION")
    text = "ونُسب الهجوم للواء الثامن، وعاد الوفد للاذقية."
    assert found(patterns, text) == [("لواء الثامن", "ACTOR"), ("لاذقية", "LOCATION")]
    fresh = PatternSuggester()
    start = text.index("لواء الثامن")
    fresh.learn(text, start, start + len("لواء الثامن"), "ACTOR")
    assert [p.key for p in fresh.patterns()] == ["اللواء الثامن"]  # «لواء» is a known stem
    assert fresh.patterns()[0].surface() == "اللواء الثامن"
    assert found(fresh, "انسحب اللواء الثامن") == [("اللواء الثامن", "ACTOR")]
    # A word that is no stem keeps the usual reading: «للمرصد» is ل + «المرصد».
    other = "نقلاً عن بيان للمرصد الأهلي"
    start = other.index("لمرصد")
    fresh.learn(other, start, len(other), "SOURCE")
    assert "المرصد الاهلي" in {p.key for p in fresh.patterns()}


def test_a_lil_spelling_reads_anew_once_its_name_is_learned() -> None:
    """The key of a «لل» spelling depends on the names learned so far («لليوث» is ل + «اليوث»
    until «الليوث الحمر» is learned, then ل + «الليوث»): remembered keys are forgotten when
    a new first word is learned, so evidence lands on the name it is about."""
    patterns = PatternSuggester()
    text = "وقال مصدر إن الحاجز يتبع لليوث الحمر منذ أشهر"
    start = text.index("ليوث الحمر")
    end = start + len("ليوث الحمر")
    for _ in range(2):
        patterns.reject(text, start, end, "ACTOR")
    assert patterns.vetoes(text, start, end, "ACTOR")  # asked once: the key is remembered
    learn(patterns, "أعلنت الليوث الحمر سيطرتها على التلة", "الليوث الحمر", "ACTOR")
    # Now «لليوث الحمر» is the learned group, which nobody rejected.
    assert not patterns.vetoes(text, start, end, "ACTOR")
    assert found(patterns, text) == [("ليوث الحمر", "ACTOR")]


def test_a_word_that_merely_begins_with_a_clitic_letter_is_not_cut() -> None:
    patterns = PatternSuggester()
    learn(patterns, "في قرية ركان", "ركان", "LOCATION")
    learn(patterns, "مدينة بركان", "بركان", "LOCATION")
    # «بركان» is a learned name itself: it is not ب + «ركان».
    assert found(patterns, "زلزال في بركان") == [("بركان", "LOCATION")]


# ------------------------------------------------------------------ rejections and context
def test_a_pattern_rejected_more_often_than_accepted_is_no_longer_suggested() -> None:
    patterns = PatternSuggester()
    text = "رفعت اللجنة الأهلية مطالبها إلى الحكومة"
    learn(patterns, text, "اللجنة الأهلية", "SOURCE")
    reject(patterns, text, "اللجنة الأهلية", "SOURCE")
    assert found(patterns, text) == [("اللجنة الأهلية", "SOURCE")]  # one each: still suggested
    reject(patterns, text, "اللجنة الأهلية", "SOURCE")
    assert found(patterns, text) == []
    learn(patterns, text, "اللجنة الأهلية", "SOURCE")
    assert found(patterns, text) == [("اللجنة الأهلية", "SOURCE")]  # accepted again: back


def test_a_rejected_longer_pattern_does_not_hide_an_accepted_shorter_one() -> None:
    patterns = PatternSuggester()
    text = "شنت جماعة الراية السوداء الإرهابية هجوماً"
    learn(patterns, text, "جماعة الراية السوداء", "ACTOR")
    reject(patterns, text, "جماعة الراية السوداء الإرهابية", "ACTOR")
    assert found(patterns, text) == [("جماعة الراية السوداء", "ACTOR")]


def test_the_label_follows_the_context_it_was_accepted_in() -> None:
    patterns = PatternSuggester()
    learn(patterns, "اتهمت مالطا جارتها بخرق الاتفاق", "مالطا", "ACTOR")
    learn(patterns, "وصل الوفد إلى مالطا مساء", "مالطا", "LOCATION")
    learn(patterns, "عقد الاجتماع في مالطا أمس", "مالطا", "LOCATION")
    assert found(patterns, "اتهمت مالطا الحكومة بالتقصير") == [("مالطا", "ACTOR")]
    assert found(patterns, "توجه الوزير إلى مالطا") == [("مالطا", "LOCATION")]
    # No evidence for this context: the label accepted most often.
    assert found(patterns, "أعلنت مالطا موقفها") == [("مالطا", "LOCATION")]


class _Fixed(Suggester):
    """A stand-in source that always proposes the same suggestions."""

    def __init__(self, name: str, suggestions: list[Suggestion]):
        self.name = name
        self._suggestions = suggestions

    def suggest(self, text: str) -> list[Suggestion]:
        return list(self._suggestions)


def test_rejections_veto_another_sources_suggestion_after_two() -> None:
    text = "أكدت الرابطة المحلية أن الوضع هادئ"
    start = text.index("الرابطة")
    rule = _Fixed("rules", [Suggestion(start, start + len("الرابطة المحلية"), "SOURCE", "rule")])
    patterns = PatternSuggester()
    combined = CombinedSuggester([rule, patterns])
    reject(patterns, text, "الرابطة المحلية", "SOURCE")
    assert found(combined, text) == [("الرابطة المحلية", "SOURCE")]  # one rejection may be a slip
    reject(patterns, text, "الرابطة المحلية", "SOURCE")
    assert found(combined, text) == []


def test_a_rejection_inside_a_longer_kept_span_is_a_correction_not_a_veto() -> None:
    # «الوادي» was suggested inside two actors' names the annotator kept whole: that corrects
    # boundaries and says nothing against «الوادي» as the place it is elsewhere.
    first = "هاجمت كتائب الوادي الأخضر المعبر، وقالت شرطة الوادي إن الطريق أغلق."
    text = "وصلت التعزيزات إلى الوادي صباح اليوم"
    start = text.index("الوادي")
    rule = _Fixed("rules", [Suggestion(start, start + len("الوادي"), "LOCATION", "rule")])
    patterns = PatternSuggester()
    combined = CombinedSuggester([rule, patterns])
    for nth in (0, 1):
        s = _find(first, "الوادي", nth)
        patterns.reject(first, s, s + len("الوادي"), "LOCATION", covered=True)
    assert found(combined, text) == [("الوادي", "LOCATION")]
    assert patterns.patterns() == []  # nothing learned from a correction alone
    # The same two rejections standing alone do veto it.
    for nth in (0, 1):
        s = _find(first, "الوادي", nth)
        patterns.reject(first, s, s + len("الوادي"), "LOCATION")
    assert found(combined, text) == []


def test_a_correction_does_not_disable_a_learned_name() -> None:
    patterns = PatternSuggester()
    learn(patterns, "قصف الطيران بلدة الريحان", "الريحان", "LOCATION")
    inside = "أعلن مجلس الريحان المحلي حظر التجول"
    for _ in range(3):
        s = inside.index("الريحان")
        patterns.reject(inside, s, s + len("الريحان"), "LOCATION", covered=True)
    assert found(patterns, "عاد الهدوء إلى الريحان") == [("الريحان", "LOCATION")]
    (pattern,) = patterns.patterns()
    assert pattern.corrected["LOCATION"] == 3 and pattern.rejected["LOCATION"] == 0


def _rule_at(text: str, surface: str, label: str) -> _Fixed:
    """A rule source proposing ``surface`` (its first occurrence) as ``label``."""
    start = text.index(surface)
    return _Fixed("rules", [Suggestion(start, start + len(surface), label, "rule")])


def beside_rule_place(patterns: PatternSuggester, text: str) -> list[tuple[str, str]]:
    """What rules + patterns suggest when the rule reads «مالطا» in ``text`` as a place."""
    return found(CombinedSuggester([_rule_at(text, "مالطا", "LOCATION"), patterns]), text)


def test_a_state_corrected_to_actor_after_a_word_is_an_actor_there_and_a_place_elsewhere() -> None:
    patterns = PatternSuggester()
    # The annotators marked «مالطا» as the ACTOR twice after «ضد», and rejected the rule's
    # LOCATION there once; after «في» it is a place.
    for sentence in ("شنت القوات هجوماً ضد مالطا فجراً", "تصاعدت الحملة ضد مالطا مجدداً"):
        learn(patterns, sentence, "مالطا", "ACTOR")
    learn(patterns, "عقد الاجتماع في مالطا أمس", "مالطا", "LOCATION")
    reject(patterns, "تصاعدت الحملة ضد مالطا مجدداً", "مالطا", "LOCATION")
    against = "وتعهد بالرد ضد مالطا قريباً"
    assert beside_rule_place(patterns, against) == [("مالطا", "ACTOR")]
    place = "وصل الوفد في مالطا صباحاً"
    assert beside_rule_place(patterns, place) == [("مالطا", "LOCATION")]


def test_label_corrections_count_after_their_word_only_and_never_veto_the_label_elsewhere() -> None:
    """A state relabelled ACTOR twice after «اتهمت» (the rule said LOCATION there) is an
    ACTOR after «اتهمت»; it stays the rule's place in «شمال غرب مالطا», where the learned
    ACTOR has no evidence of its own. Counted as plain rejections, the two corrections
    vetoed the place everywhere and the learned ACTOR took its place."""

    def corrected_twice(relabelled: bool) -> PatternSuggester:
        learned = PatternSuggester()
        for sentence in ("اتهمت مالطا الحكومة بالتقصير", "كما اتهمت مالطا جارتها بالتصعيد"):
            start = _find(sentence, "مالطا")
            learned.learn(sentence, start, start + 5, "ACTOR")
            learned.reject(sentence, start, start + 5, "LOCATION", relabelled=relabelled)
        return learned

    patterns = corrected_twice(relabelled=True)
    place = "وقع الانفجار في شمال غرب مالطا أمس"
    assert beside_rule_place(patterns, place) == [("مالطا", "LOCATION")]
    against = "اتهمت مالطا الوفد بالمماطلة"
    assert beside_rule_place(patterns, against) == [("مالطا", "ACTOR")]
    # The same two as plain rejections are evidence against the place anywhere.
    plain = corrected_twice(relabelled=False)
    assert plain.vetoes(place, place.index("مالطا"), place.index("مالطا") + 5, "LOCATION")


def test_a_learned_label_without_evidence_here_gives_way_to_a_source_that_labels_the_same_words() -> None:
    patterns = PatternSuggester()
    learn(patterns, "اتهمت مالطا الحكومة بالتقصير", "مالطا", "ACTOR")
    learn(patterns, "ونددت مالطا بالهجوم", "مالطا", "ACTOR")

    def weak_rule(text: str) -> _Fixed:  # a rule less sure of itself than the pattern
        start = text.index("مالطا")
        return _Fixed("rules", [Suggestion(start, start + 5, "LOCATION", "rule", 0.55)])

    place = "وقع الانفجار في شمال غرب مالطا أمس"
    assert found(patterns, place) == [("مالطا", "ACTOR")]  # alone, the pattern has its say
    assert patterns.suggest(place)[0].score > 0.55
    assert found(CombinedSuggester([weak_rule(place), patterns]), place) == [("مالطا", "LOCATION")]
    # With evidence from this very context the learned label competes as before (and here,
    # scoring higher, wins).
    learn(patterns, "تعهدت مالطا بالرد", "مالطا", "ACTOR")
    pledge = "تعهدت مالطا بمواصلة العمليات"
    assert found(CombinedSuggester([weak_rule(pledge), patterns]), pledge) == [("مالطا", "ACTOR")]


def test_a_learned_word_the_rules_use_elsewhere_in_the_article_but_decline_here_is_not_suggested_here() -> None:
    patterns = PatternSuggester()
    learn(patterns, "وقالت الشرطة إن الطريق أغلق", "الشرطة", "ACTOR")
    learn(patterns, "وقالت سرايا الجبل إنها انسحبت", "سرايا الجبل", "ACTOR")
    text = "أشارت الشرطة إلى أن مسلحين هاجموا مركز الشرطة في البلدة، ثم انسحبت سرايا الجبل."
    first = text.index("الشرطة")
    rule = _Fixed("rules", [Suggestion(first, first + len("الشرطة"), "ACTOR", "rule")])
    assert found(patterns, text) == [("الشرطة", "ACTOR"), ("الشرطة", "ACTOR"), ("سرايا الجبل", "ACTOR")]
    # The rules read «الشرطة» as the ACTOR once and declined it after «مركز»: the learned
    # word gives way there; the name the rules know nothing about stays.
    assert [(text[s.start:s.end], s.start) for s in CombinedSuggester([rule, patterns]).suggest(text)] == [
        ("الشرطة", first), ("سرايا الجبل", text.index("سرايا الجبل"))]
    # Once the annotators have marked it after «مركز» too, that evidence stands.
    learn(patterns, "اقتحم المسلحون مركز الشرطة فجراً", "الشرطة", "ACTOR")
    assert len(found(CombinedSuggester([rule, patterns]), text)) == 3


def test_a_learned_short_form_is_not_suggested_where_an_agreeing_adjective_continues_the_phrase() -> None:
    patterns = PatternSuggester()
    learn(patterns, "وقالت القاعدة في بيان إنها نفذت الهجوم", "القاعدة", "ACTOR")
    learn(patterns, "ونقلت الحركة عن قادتها", "الحركة", "ACTOR")
    learn(patterns, "وأعلن المتمردين في بيان", "المتمردين", "ACTOR")
    learn(patterns, "قصفت المدفعية القدس المحتلة", "القدس", "LOCATION")
    continued = ("سقطت قذيفة قرب القاعدة العسكرية، وأعلنت الحركة الوطنية للإنقاذ الحداد، "
                 "وفر المتمردين الشماليين من المنطقة.")
    assert found(patterns, continued) == []
    kept = ("وتبنت القاعدة الهجوم في بيان، وقالت الحركة الأحد إن القاعدة، العسكرية سابقاً، خالية، "
            "واتهمت الحركة الحوثيين بالتصعيد، وعاد الهدوء إلى القدس الشرقية.")
    assert found(patterns, kept) == [
        ("القاعدة", "ACTOR"),  # a definite object after the subject does not agree with it
        ("الحركة", "ACTOR"),  # a day ends the phrase
        ("القاعدة", "ACTOR"),  # so does a comma
        ("الحركة", "ACTOR"),  # a masculine plural after a feminine head: the object
        ("القدس", "LOCATION"),  # a place keeps its reading before an adjective
    ]


def test_one_sighting_of_another_label_does_not_overrule_a_source() -> None:
    patterns = PatternSuggester()
    learn(patterns, "شنت القوات هجوماً ضد مالطا فجراً", "مالطا", "ACTOR")
    learn(patterns, "عقد الاجتماع في مالطا أمس", "مالطا", "LOCATION")
    learn(patterns, "عاد الوفد إلى مالطا أمس", "مالطا", "LOCATION")
    reject(patterns, "شنت القوات هجوماً ضد مالطا فجراً", "مالطا", "LOCATION")
    against = "وتعهد بالرد ضد مالطا قريباً"
    # The rule's LOCATION (score 1.0) stands; the pattern's ACTOR is the weaker of the two.
    assert beside_rule_place(patterns, against) == [("مالطا", "LOCATION")]


def test_repeated_rejections_after_one_word_veto_only_after_that_word() -> None:
    patterns = PatternSuggester()
    for sentence in ("قصفت الطائرات الربوة", "وصلت التعزيزات إلى الربوة", "عاد الأهالي إلى الربوة"):
        learn(patterns, sentence, "الربوة", "LOCATION")
    # «حزب الربوة» twice: the rule's LOCATION rejected (no longer span kept), 3 accepts elsewhere.
    for sentence in ("أعلن حزب الربوة مقاطعته", "دعا حزب الربوة إلى الهدوء"):
        reject(patterns, sentence, "الربوة", "LOCATION")
    party = "وانتقد حزب الربوة القرار"
    assert found(CombinedSuggester([_rule_at(party, "الربوة", "LOCATION"), patterns]), party) == []
    place = "انسحبت القوات إلى الربوة"
    assert found(CombinedSuggester([_rule_at(place, "الربوة", "LOCATION"), patterns]), place) == [
        ("الربوة", "LOCATION")]
    # Once only after «حزب»: not yet.
    patterns = PatternSuggester()
    learn(patterns, "قصفت الطائرات الربوة", "الربوة", "LOCATION")
    reject(patterns, "أعلن حزب الربوة مقاطعته", "الربوة", "LOCATION")
    assert found(CombinedSuggester([_rule_at(party, "الربوة", "LOCATION"), patterns]), party) == [
        ("الربوة", "LOCATION")]


def test_a_learned_longer_name_suppresses_the_rules_shorter_suggestion_inside_it() -> None:
    patterns = PatternSuggester()
    learn(patterns, "وقالت شرطة الربوة إن الطريق أغلق", "شرطة الربوة", "ACTOR")
    text = "وأعلنت شرطة الربوة توقيف مشتبه به في الربوة"
    inner = text.index("الربوة")
    # The rule's inner place scores higher than the pattern, yet the longer span wins; the
    # place standing alone later in the sentence is kept.
    rule = _Fixed("rules", [Suggestion(inner, inner + len("الربوة"), "LOCATION", "rule", 1.1),
                            Suggestion(text.rindex("الربوة"), len(text), "LOCATION", "rule", 1.1)])
    assert found(CombinedSuggester([rule, patterns]), text) == [("شرطة الربوة", "ACTOR"), ("الربوة", "LOCATION")]
    # Once the annotators reject the longer name more often than they accept it, the rule's
    # inner place is suggested again.
    reject(patterns, text, "شرطة الربوة", "ACTOR")
    reject(patterns, text, "شرطة الربوة", "ACTOR")
    assert found(CombinedSuggester([rule, patterns]), text) == [("الربوة", "LOCATION"), ("الربوة", "LOCATION")]


# ------------------------------------------------------------------ combined sources
def test_overlapping_suggestions_of_the_same_label_merge_keeping_every_origin() -> None:
    a = [Suggestion(0, 10, "LOCATION", "rule", 0.9), Suggestion(20, 25, "ACTOR", "rule", 1.0)]
    b = [Suggestion(5, 10, "LOCATION", "patterns", 0.7), Suggestion(30, 34, "SOURCE", "patterns", 0.6)]
    c = [Suggestion(0, 10, "LOCATION", "model", 0.8)]
    merged = merge_sources([a, b, c])
    assert [(s.start, s.end, s.label) for s in merged] == [(0, 10, "LOCATION"), (20, 25, "ACTOR"), (30, 34, "SOURCE")]
    assert origins(merged[0]) == ("rule", "patterns", "model")
    assert merged[0].score == pytest.approx(0.9 + 2 * 0.05)
    assert origins(merged[1]) == ("rule",) and origins(merged[2]) == ("patterns",)
    assert [s.label for s in merge_sources([a, b, c], min_score=0.65)] == ["LOCATION", "ACTOR"]


def test_overlapping_suggestions_of_different_labels_do_not_merge() -> None:
    a = [Suggestion(0, 12, "ACTOR", "rule", 1.0)]
    b = [Suggestion(6, 12, "LOCATION", "patterns", 0.9)]
    (kept,) = merge_sources([a, b])
    assert (kept.start, kept.end, kept.label, kept.origin) == (0, 12, "ACTOR", "rule")


def test_get_suggester_combines_comma_separated_sources_and_applies_the_threshold() -> None:
    combined = get_suggester("patterns, patterns", min_score=0.99)
    assert isinstance(combined, CombinedSuggester) and len(combined.suggesters) == 1
    single = get_suggester("patterns")
    assert isinstance(single, PatternSuggester)
    text = "تقدمت قوات الصخرة نحو الوادي"
    learn(combined.suggesters[0], text, "قوات الصخرة", "ACTOR")
    learn(single, text, "قوات الصخرة", "ACTOR")
    assert found(single, text) == [("قوات الصخرة", "ACTOR")]
    assert found(combined, text) == []  # learned once: scores under 0.99


# ------------------------------------------------------------------ from a project, blind mode
@pytest.fixture
def team_project(project: Project, add_article: Callable[..., int]) -> tuple[Project, int]:
    from annotator.core.team.gold import save_gold

    a1 = add_article("هاجمت سرايا الجبل مواقع قرب بلدة عين النسر.")
    a2 = add_article("قال تجمع أحرار الساحل إن الهدوء عاد.")
    a3 = add_article("وصلت سرايا الجبل وتجمع أحرار الساحل ولواء الشمس إلى عين النسر.")
    text1 = project.article_text(a1)
    s = text1.index("سرايا الجبل")
    project.add_span(a1, "lina", s, s + len("سرايا الجبل"), "ACTOR")
    text2 = project.article_text(a2)
    s = text2.index("تجمع أحرار الساحل")
    project.add_span(a2, "omar", s, s + len("تجمع أحرار الساحل"), "ACTOR")
    s = text1.index("بلدة عين النسر")
    save_gold(project, a1, "lead", [Span(s, s + len("بلدة عين النسر"), "LOCATION")])
    return project, a3


def test_learns_from_every_annotator_and_gold(team_project: tuple[Project, int]) -> None:
    project, a3 = team_project
    text = project.article_text(a3)
    # «بلدة عين النسر» was learned whole; this article writes «عين النسر» without its head.
    assert found(PatternSuggester(project), text) == [("سرايا الجبل", "ACTOR"), ("تجمع أحرار الساحل", "ACTOR")]
    learned = PatternSuggester(project)
    assert {p.key for p in learned.patterns()} == {"سرايا الجبل", "تجمع احرار الساحل", "بلده عين النسر"}


def test_blind_mode_learns_only_the_annotators_own_spans_and_gold(team_project: tuple[Project, int]) -> None:
    project, a3 = team_project
    blind = PatternSuggester(project, annotator="lina", blind=True)
    assert {p.key for p in blind.patterns()} == {"سرايا الجبل", "بلده عين النسر"}
    assert found(blind, project.article_text(a3)) == [("سرايا الجبل", "ACTOR")]
    with pytest.raises(ValueError):
        PatternSuggester(project, blind=True)


def test_stored_rejections_count_against_a_pattern(team_project: tuple[Project, int]) -> None:
    project, a3 = team_project
    text = project.article_text(a3)
    s = text.index("سرايا الجبل")
    for who in ("lina", "omar"):
        project.reject_suggestion(a3, who, s, s + len("سرايا الجبل"), "ACTOR")
    assert ("سرايا الجبل", "ACTOR") not in found(PatternSuggester(project), text)
    # Blind: only lina's rejection counts, against her one accept — still suggested.
    assert ("سرايا الجبل", "ACTOR") in found(PatternSuggester(project, annotator="lina", blind=True), text)


def test_stored_rejections_inside_a_longer_kept_span_are_corrections(
        project: Project, add_article: Callable[..., int]) -> None:
    aid = add_article("أعلنت قوات درع الجبل سيطرتها على الجبل، وأغلقت قوات درع الجبل الطريق.")
    text = project.article_text(aid)
    kept = text.index("قوات درع الجبل")
    project.add_span(aid, "lina", kept, kept + len("قوات درع الجبل"), "ACTOR")
    alone = text.index("الجبل،")  # outside any kept span
    project.reject_suggestion(aid, "lina", alone, alone + len("الجبل"), "LOCATION")
    inner = text.index("الجبل")  # inside the kept span
    project.reject_suggestion(aid, "lina", inner, inner + len("الجبل"), "LOCATION")
    other = text.rindex("قوات درع الجبل")  # same extent as nothing kept: a plain rejection
    project.reject_suggestion(aid, "lina", other, other + len("قوات درع"), "ACTOR")
    # The same words kept under another label: a correction of the label.
    project.reject_suggestion(aid, "lina", kept, kept + len("قوات درع الجبل"), "LOCATION")
    rows = list(project.learning_rejections_with_cover())
    assert [(w[s:e], label, covered, relabelled) for _, w, s, e, label, covered, relabelled in rows] == [
        ("الجبل", "LOCATION", False, False), ("الجبل", "LOCATION", True, False),
        ("قوات درع", "ACTOR", False, False), ("قوات درع الجبل", "LOCATION", False, True)]
    assert [row[:5] for row in rows] == list(project.learning_rejections())
    learned = PatternSuggester(project)
    pattern = next(p for p in learned.patterns() if p.key == "الجبل")
    assert (pattern.rejected["LOCATION"], pattern.corrected["LOCATION"]) == (1, 1)
    relabelled = next(p for p in learned.patterns() if p.key == "قوات درع الجبل")
    assert relabelled.rejected["LOCATION"] == 0 and sum(relabelled.rejected_context.values()) == 1


def test_suggestions_the_gold_did_not_keep_count_against_them(
        project: Project, add_article: Callable[..., int]) -> None:
    from annotator.core.preannotate import store_suggestions
    from annotator.core.team.gold import save_gold

    def at(text: str, surface: str, label: str, nth: int = 0) -> Suggestion:
        start = _find(text, surface, nth)
        return Suggestion(start, start + len(surface), label, "rule")

    sentence = "أعلن المجلس المحلي في الوادي أن لجنة الوادي ستجتمع، وقال المجلس المحلي إن الوضع هادئ."
    articles = [add_article(sentence), add_article(sentence + "\nانتهى.")]
    text = project.article_text(articles[0])
    kept_committee = at(text, "لجنة الوادي", "SOURCE")
    for aid in articles:
        store_suggestions(project, aid, "rules", [
            at(text, "المجلس المحلي", "SOURCE"),  # not in the gold: against it
            at(text, "الوادي", "LOCATION"),  # kept by the gold
            at(text, "الوادي", "LOCATION", 1),  # inside the gold's longer «لجنة الوادي»
            at(text, "المجلس المحلي", "SOURCE", 1),  # rejected by an annotator too: once
        ])
        save_gold(project, aid, "lead", [Span(kept_committee.start, kept_committee.end, "SOURCE"),
                                         Span(text.index("الوادي"), text.index("الوادي") + 6, "LOCATION")])
    second = _find(text, "المجلس المحلي", 1)
    project.reject_suggestion(articles[0], "lina", second, second + len("المجلس المحلي"), "SOURCE")
    rows = [(w[s:e], label, covered, relabelled)
            for _, w, s, e, label, covered, relabelled in project.learning_gold_misses()]
    assert rows == [("المجلس المحلي", "SOURCE", False, False), ("الوادي", "LOCATION", True, False),
                    ("المجلس المحلي", "SOURCE", False, False), ("الوادي", "LOCATION", True, False),
                    ("المجلس المحلي", "SOURCE", False, False)]
    learned = PatternSuggester(project)
    council = next(p for p in learned.patterns() if p.key == "المجلس المحلي")
    assert council.rejected["SOURCE"] == 4  # 3 gold misses + 1 explicit rejection
    # The rule's «المجلس المحلي» is vetoed; the place the gold kept is not (and the gold's
    # «لجنة الوادي» is learned).
    rule = _Fixed("rules", [at(text, "المجلس المحلي", "SOURCE"), at(text, "الوادي", "LOCATION")])
    assert found(CombinedSuggester([rule, learned]), text) == [("الوادي", "LOCATION"), ("لجنة الوادي", "SOURCE")]
    # Read once: a second pass learns nothing new.
    assert learned.learn_project(project) == 0


def test_the_next_article_benefits_with_no_extra_step(team_project: tuple[Project, int]) -> None:
    project, a3 = team_project
    text = project.article_text(a3)
    shared = project_patterns(project)
    assert ("لواء الشمس", "ACTOR") not in found(shared, text)
    s = text.index("لواء الشمس")
    project.add_span(a3, "omar", s, s + len("لواء الشمس"), "ACTOR")  # accepted in the workbench
    again = project_patterns(project)
    assert again is shared
    assert ("لواء الشمس", "ACTOR") in found(again, text)
    # Only new rows are read: evidence already learned is not counted twice.
    assert project_patterns(project).learn_project(project) == 0
    counts = {p.key: sum(p.accepted.values()) for p in again.patterns()}
    assert counts == {"سرايا الجبل": 1, "تجمع احرار الساحل": 1, "بلده عين النسر": 1, "لواء الشمس": 1}


# ------------------------------------------------------------------ export
def test_export_writes_the_gazetteer_format_and_seeds_another_suggester(tmp_path: Path) -> None:
    patterns = PatternSuggester()
    learn(patterns, "أغار الطيران الحربي للتحالف", "الطيران الحربي", "ACTOR")
    text = "قالت مصادر إن للطيران الحربي دوراً"
    start = text.index("لطيران")
    patterns.learn(text, start, start + len("لطيران الحربي"), "ACTOR")
    learn(patterns, "في ناحية الصفا", "ناحية الصفا", "LOCATION")
    learn(patterns, "بحسب شهود عيان", "شهود عيان", "SOURCE")
    reject(patterns, "بحسب شهود عيان", "شهود عيان", "SOURCE")
    reject(patterns, "بحسب شهود عيان", "شهود عيان", "SOURCE")
    out = tmp_path / "learned.yaml"
    assert patterns.export_yaml(out) == 2
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    # The «لل» spelling is exported as the name; a pattern rejected more than accepted is not.
    assert data == {"names": {"ACTOR": ["الطيران الحربي"], "LOCATION": ["ناحية الصفا"]}}
    bad = tmp_path / "bad.yaml"
    bad.write_text("- a list, not names\n", encoding="utf-8")
    with pytest.raises(AnnotatorError):
        PatternSuggester(seed=[bad])
    seeded = PatternSuggester(seed=[out])
    assert found(seeded, "وبناحية الصفا حلّق الطيران الحربي") == [("ناحية الصفا", "LOCATION"),
                                                                  ("الطيران الحربي", "ACTOR")]


# ------------------------------------------------------------------ CLI and stored suggestions
def test_cli_suggest_with_patterns_stores_origins_and_exports(team_project: tuple[Project, int],
                                                              project_path: Path, tmp_path: Path) -> None:
    from annotator.cli import main
    from annotator.core.preannotate import stored_suggestions

    project, a3 = team_project
    runner = CliRunner()
    result = runner.invoke(main, ["suggest", str(project_path), "--source", "patterns,patterns"])
    assert result.exit_code == 0, result.output
    stored = stored_suggestions(project, a3, "patterns")
    text = project.article_text(a3)
    assert [(text[s.start:s.end], s.label, s.origin) for s in stored] == [
        ("سرايا الجبل", "ACTOR", "patterns"), ("تجمع أحرار الساحل", "ACTOR", "patterns")]
    assert all(s.score > 0 for s in stored)

    result = runner.invoke(main, ["suggest", str(project_path), "--source", "patterns", "--blind",
                                  "--annotator", "lina", "--threshold", "0.5"])
    assert result.exit_code == 0, result.output
    assert [text[s.start:s.end] for s in stored_suggestions(project, a3, "patterns")] == ["سرايا الجبل"]

    result = runner.invoke(main, ["suggest", str(project_path), "--source", "rules,nope"])
    assert result.exit_code == 2 and "unknown nope" in result.output
    result = runner.invoke(main, ["suggest", str(project_path), "--source", "patterns", "--blind"])
    assert result.exit_code == 2 and "--blind needs --annotator" in result.output

    out = tmp_path / "p.yaml"
    result = runner.invoke(main, ["patterns", "export", str(project_path), str(out)])
    assert result.exit_code == 0, result.output
    names = yaml.safe_load(out.read_text(encoding="utf-8"))["names"]
    assert sorted(names["ACTOR"]) == ["تجمع أحرار الساحل", "سرايا الجبل"]
    assert names["LOCATION"] == ["بلدة عين النسر"]


def test_merged_origins_survive_storage(project: Project, add_article: Callable[..., int]) -> None:
    from annotator.core.preannotate import store_suggestions, stored_suggestions

    aid = add_article("نص قصير للتجربة فقط")
    store_suggestions(project, aid, "rules,patterns", [Suggestion(0, 2, "ACTOR", "rule+patterns", 0.95)])
    (s,) = stored_suggestions(project, aid, "rules,patterns")
    assert (s.origin, s.score) == ("rule+patterns", 0.95)
    store_suggestions(project, aid, "rules", [Suggestion(0, 2, "ACTOR", "rule", 1.0)])
    assert stored_suggestions(project, aid, "rules")[0].origin == "rule"


def test_the_end_of_a_word_rules_out_the_words_that_start_no_pattern_as_the_clitic_rules_do() -> None:
    """The cheap test on a word's last letters (``_may_start``) passes every word a learned
    pattern may start with, clitics and the «لل» spelling included, so that the suggestions
    are those of the full test; and the answers are the same cold and warm."""
    import json

    from annotator.core.suggest.pattern_words import first_word_forms, loose

    records = [json.loads(line) for line in (Path(__file__).parents[2] / "data" / "gold" / "gold.jsonl").open(encoding="utf-8")]
    fast, full = PatternSuggester(), PatternSuggester()
    full._may_start = lambda word: True  # type: ignore[method-assign]
    for record in records[: len(records) // 2]:
        for span in record["spans"]:
            for suggester in (fast, full):
                suggester.learn(record["text"], span["start"], span["end"], span["label"])
    text = "قال للمرصد ولمرصد وللواء ول ال الل ل إن بالمرصد والمرصد لل"
    for suggester in (fast, full):
        learn(suggester, text, "ل", "SOURCE", nth=8)  # one-letter first words ...
        learn(suggester, text, "الل", "SOURCE")  # ... and the «لل» forms of a one-letter «ل»
    learned = fast._by_first
    words = set(loose(text).split()) | {w for r in records for w in loose(r["text"]).split()}
    for word in words:
        if not fast._may_start(word):
            assert not [f for f, _ in first_word_forms(word, learned) if f in learned], word
    for record in [*records, {"text": text}]:
        expected = found(full, record["text"])
        assert found(fast, record["text"]) == expected  # cold: every word met for the first time
        assert found(fast, record["text"]) == expected  # warm
