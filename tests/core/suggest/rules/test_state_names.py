"""The world's states and capitals (resources/gazetteers/states.tsv) in the rule suggester:
how each name is read, and the names in no hand list found as a place or as an actor."""
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from annotator.core.suggest.base import gazetteer_dir
from annotator.core.suggest.rules import RuleSuggester
from annotator.core.suggest.rules.state_names import RESOURCE, StateRow, classify, load_rows

Found = Callable[[str], set[tuple[str, str]]]


def row(name: str, kind: str = "territory", form: str = "cldr", zipf10: int = 20) -> StateRow:
    return StateRow(name, "XX", kind, form, zipf10)


def no_common_word(word: str) -> bool:
    return False


# --------------------------------------------------------------------------------------
# classify
# --------------------------------------------------------------------------------------
def test_a_state_of_one_word_and_a_rare_capital_are_states() -> None:
    readings = classify([row("هايتي"), row("كينشاسا", "capital", "geonames", 29)], set(), no_common_word)
    assert readings.states == ["هايتي", "كينشاسا"]
    assert readings.cued_places == []


def test_a_capital_common_as_a_word_is_cued_or_dropped() -> None:
    rows = [row("خرطوم", "capital", "geonames", 32), row("سيول", "capital", "geonames", 38)]
    readings = classify(rows, set(), no_common_word)
    assert readings.states == []
    assert readings.cued_places == ["خرطوم"]  # «سيول» (floods) is dropped


def test_a_territory_is_a_state_however_frequent_its_name() -> None:
    assert classify([row("كولومبيا", zipf10=48)], set(), no_common_word).states == ["كولومبيا"]


def test_a_name_without_its_article_and_a_head_with_adjectives_need_a_cue() -> None:
    rows = [row("كاميرون", form="bare", zipf10=40), row("الجبل الاسود"), row("جنوب افريقيا"), row("المملكه المتحده")]
    readings = classify(rows, set(), lambda w: w == "الجبل")
    assert readings.states == ["جنوب افريقيا", "المملكه المتحده"]
    assert readings.cued_places == ["كاميرون", "الجبل الاسود"]


def test_hand_listed_names_common_words_and_descriptions_are_left_out() -> None:
    rows = [row("مالي"), row("جزر"), row("جزيره ابوظبي وجزر داخليه اخري", "capital", "geonames")]
    readings = classify(rows, {"مالي"}, lambda w: w == "جزر")
    assert readings == ([], [])


def test_rows_are_read_folded_and_a_missing_resource_has_none(tmp_path: Path) -> None:
    path = tmp_path / RESOURCE
    path.write_text("# header\nالأراضي الفلسطينية\tPS\tterritory\tcldr\t46\n", encoding="utf-8")
    assert load_rows(path) == [StateRow("الاراضي الفلسطينيه", "PS", "territory", "cldr", 46)]
    assert load_rows(tmp_path / "none.tsv") == []


# --------------------------------------------------------------------------------------
# In the rule suggester (sentences written for the tests)
# --------------------------------------------------------------------------------------
def test_a_state_in_no_hand_list_is_a_place(found: Found) -> None:
    assert ("هايتي", "LOCATION") in found("وقعت اشتباكات عنيفة في هايتي أمس بين العصابات.")
    assert ("غواتيمالا", "LOCATION") in found("وصلت المساعدات إلى غواتيمالا صباح اليوم.")


def test_a_state_in_no_hand_list_that_acts_is_an_actor(found: Found) -> None:
    assert ("هندوراس", "ACTOR") in found("وطلبت هندوراس من الأمم المتحدة إرسال قوة دولية.")
    got = found("واتهمت بوروندي جارتها بدعم المتمردين.")
    assert ("بوروندي", "ACTOR") in got and ("بوروندي", "LOCATION") not in got


def test_a_state_with_a_glued_clitic_is_found_without_it(found: Found) -> None:
    assert ("هايتي", "LOCATION") in found("وصل الوفد إلى كوبا وهايتي الأسبوع الماضي.")


def test_capitals_are_places(found: Found) -> None:
    assert ("كينشاسا", "LOCATION") in found("قتل خمسة أشخاص في كينشاسا مساء الأحد.")
    assert ("بورت أو برانس", "LOCATION") in found("انتشرت العصابات شمال بورت أو برانس منذ أيام.")


def test_a_name_without_its_article_is_a_place_after_another_place_only(found: Found) -> None:
    assert ("كاميرون", "LOCATION") in found("شاركت الدول المجاورة (تشاد وكاميرون والنيجر) في القوة.")
    assert not {s for s in found("وقال كاميرون إن الحكومة ستدرس الطلب.") if s[0] == "كاميرون"}


def test_a_state_of_definite_words_that_opens_with_no_head_is_a_state(found: Found) -> None:
    assert ("المملكة المتحدة", "ACTOR") in found("وأعلنت المملكة المتحدة فرض عقوبات جديدة.")
    assert ("الإمارات العربية المتحدة", "LOCATION") in found("وصل الوزير إلى الإمارات العربية المتحدة أمس.")


def test_a_descriptive_state_name_is_a_place_after_a_cue_only(found: Found) -> None:
    assert ("الجبل الأسود", "LOCATION") in found("عقد الاجتماع في الجبل الأسود يوم الجمعة.")
    assert not {s for s in found("يطل الجبل الأسود على القرية من الشرق.") if s[0] == "الجبل الأسود"}


def test_capital_names_that_are_common_words_are_not_places(found: Found) -> None:
    assert not {s for s in found("جرفت سيول غزيرة عشرات المنازل في القرية.") if s[0] == "سيول"}
    assert not {s for s in found("افتتحت البلدية ثلاث رياض أطفال جديدة.") if "رياض" in s[0]}


def test_a_name_that_reads_as_a_clitic_and_a_word_is_left_out(found: Found) -> None:
    """«فلبين» (the Philippines without the article) is «ف» + «ل» + «بين» to the matcher: it
    made every «بين» a place («من بين القتلى») until names of that shape were left out."""
    assert not {s for s in found("وقال المصدر إن من بين القتلى ثلاثة أطفال.") if s[0] == "بين"}


def test_a_hand_listed_state_keeps_its_hand_reading(found: Found) -> None:
    assert not {s for s in found("قدمت الحكومة دعم مالي للمزارعين.") if s[0] == "مالي"}


def test_a_state_the_hand_lists_name_as_a_place_only_acts_too(found: Found) -> None:
    assert ("اليابان", "ACTOR") in found("وأعلنت اليابان إرسال مساعدات إنسانية إلى المنطقة.")
    assert ("اليابان", "LOCATION") in found("وصل الوزير إلى اليابان أمس.")


def test_a_state_named_by_its_form_of_government(found: Found) -> None:
    """«جمهورية مالي»: the head makes the state unambiguous where «مالي» alone needs a cue."""
    assert ("جمهورية مالي", "LOCATION") in found("وقع الهجوم قرب الحدود مع جمهورية مالي. ونقلت الوكالة الخبر.")
    assert ("جمهورية مالي", "ACTOR") in found("وطالبت جمهورية مالي بسحب القوات الأجنبية.")


def test_a_state_listed_only_as_one_that_acts_is_a_place_where_it_does_not_act(found: Found) -> None:
    got = found("وصل آلاف اللاجئين إلى شرق جمهورية الكونغو الديمقراطية خلال الأسبوع.")
    assert ("جمهورية الكونغو الديمقراطية", "LOCATION") in got
    assert ("الكونغو", "LOCATION") not in got  # the long form, not the listed place inside it
    assert ("الكونغو الديمقراطية", "LOCATION") in found("تقع المدينة في الكونغو الديمقراطية قرب البحيرة.")
    assert ("الكونغو الديمقراطية", "ACTOR") in found("وأعلنت الكونغو الديمقراطية حالة الطوارئ.")


def test_a_gazetteer_directory_without_the_resource_has_no_world_states(tmp_path: Path) -> None:
    for yaml_file in gazetteer_dir().glob("*.yaml"):
        shutil.copy(yaml_file, tmp_path / yaml_file.name)
    text = "وقعت اشتباكات عنيفة في هايتي أمس."
    assert ("هايتي", "LOCATION") not in {(text[s.start : s.end], s.label) for s in RuleSuggester(gazetteer_dir=tmp_path).suggest(text)}
    shutil.copy(gazetteer_dir() / RESOURCE, tmp_path / RESOURCE)
    assert ("هايتي", "LOCATION") in {(text[s.start : s.end], s.label) for s in RuleSuggester(gazetteer_dir=tmp_path).suggest(text)}



# ---- which states act (ACTOR) and which are places (LOCATION) --------------------------------

Labelled = Callable[[str], list[tuple[str, str]]]


def test_the_accused_state_acts_even_after_the_accusers_verb(labelled: Labelled) -> None:
    assert ("أوغندا", "ACTOR") in labelled("السلطات الكونغولية تتهم أوغندا بدعم المتمردين.")
    assert ("تشاد", "ACTOR") in labelled("وجدد الوزير اتهام تشاد بإيواء المسلحين.")
    # Another verb after its subject keeps the state its object, a place.
    assert ("سوريا", "LOCATION") in labelled("الطائرات الإسرائيلية قصفت سوريا أمس.")


def test_a_state_a_claim_is_attributed_to_is_its_government(labelled: Labelled) -> None:
    assert ("موسكو", "ACTOR") in labelled("وأصيب جنديان في القصف، وفق موسكو.")
    assert ("أنقرة", "ACTOR") in labelled("وقتل ثلاثة مسلحين، بحسب أنقرة.")
    # A place after a place cue stays a place.
    assert ("أنقرة", "LOCATION") in labelled("وأصيب جنديان في أنقرة أمس.")


def test_a_state_in_control_is_its_government(labelled: Labelled) -> None:
    assert ("تركيا", "ACTOR") in labelled("وتقع القرية تحت سيطرة تركيا منذ سنوات.")
    assert ("روسيا", "ACTOR") in labelled("وهي بلدة خاضعة لسيطرة روسيا.")
    assert ("تركيا", "LOCATION") in labelled("وعاد اللاجئون من تركيا أمس.")


def test_the_subject_after_a_verb_and_a_resumptive_preposition_acts(labelled: Labelled) -> None:
    assert ("تركيا", "ACTOR") in labelled("وهي المناطق التي تسيطر عليها تركيا في الشمال.")
    assert ("الولايات المتحدة", "ACTOR") in labelled("وهي المرة الأولى التي تسقط فيها الولايات المتحدة طائرة.")
    # Without a relative before the verb, or a preposition that is a place cue: a place.
    assert ("تركيا", "LOCATION") in labelled("وهي الأيام التي قضاها في تركيا.")


def test_a_state_coordinated_with_a_state_under_a_force_head_acts(labelled: Labelled) -> None:
    assert ("أذربيجان", "ACTOR") in labelled("وتبادلت سلطات أرمينيا وأذربيجان الاتهامات أمس.")
    assert ("العراق", "ACTOR") in labelled("ودخلت قوات سوريا والعراق المنطقة.")
    assert ("تركيا", "LOCATION") in labelled("وزار وفد من مدينة حلب وتركيا المنطقة.")


def test_a_state_after_a_verb_a_place_undergoes_is_a_place(labelled: Labelled) -> None:
    assert ("مالي", "LOCATION") in labelled("وتعاني مالي من موجة جفاف.")
    assert ("تشاد", "LOCATION") in labelled("وشهدت تشاد موجة نزوح.")
    # «مالي» financial after a verb with its own subject, and a nisba: no place.
    assert not [s for s, label in labelled("وقال إن الوزارة تعاني مالي ضعفا.") if label == "LOCATION"]
    assert not [s for s, label in labelled("قدم البنك دعما ماليا.") if label == "LOCATION"]


def test_the_state_a_counted_contingent_comes_from_acts(labelled: Labelled) -> None:
    assert ("رواندا", "ACTOR") in labelled("وانتشر آلاف الجنود من رواندا في المنطقة.")
    assert ("تشاد", "ACTOR") in labelled("ووصل 300 جندي من تشاد أمس.")
    # Troops not counted, people not troops: the place they left.
    assert ("مالي", "LOCATION") in labelled("وانسحبت القوات من مالي.")
    assert ("تركيا", "LOCATION") in labelled("وعاد آلاف اللاجئين من تركيا.")


def test_a_capital_of_the_news_list_is_a_state_whatever_its_frequency() -> None:
    from annotator.core.suggest.rules.state_names import StateRow, classify

    rows = [
        StateRow("بكين", "CN", "capital", "news", 43),
        StateRow("صوفيا", "BG", "capital", "geonames", 40),
    ]
    readings = classify(rows, set(), lambda w: False)
    assert readings.states == ["بكين"]  # «صوفيا» as frequent is a person's name first: dropped


def test_the_news_capitals_act_and_are_places(found) -> None:
    assert ("بشكيك", "ACTOR") in found("وذكرت بشكيك أن إطلاق النار وقع مساء أمس.")
    assert ("كمبالا", "ACTOR") in found("ونفت كمبالا أي تورط في الهجوم.")
    assert ("بانكوك", "LOCATION") in found("وصل الوزير إلى بانكوك أمس.")
