"""core/suggest/rules/place_context.py: what the words around a place name say about it,
through the rule suggester (sentences written for these tests)."""
from __future__ import annotations

from collections.abc import Callable

Labelled = Callable[[str], list[tuple[str, str]]]



def test_a_place_in_the_name_of_a_body_named_after_it_is_no_place_span(labelled: Labelled) -> None:
    """A cartel, a gang, a diocese named after a place, and a university with a glued clitic."""
    # The bodies themselves are actors (actors.yaml, the quoted name of a gang): no place.
    assert labelled("اندلعت اشتباكات بين كارتل سينالوا وعصابة منافسة.") == [("كارتل سينالوا", "ACTOR")]
    assert labelled('هاجمت عصابات "سينالوا" القرية.') == [("سينالوا", "ACTOR")]
    assert labelled("وأعلنت أسقفية موبتي أن الهجوم وقع أمس.") == []
    assert labelled("وقعت الاشتباكات قرب البوابة الرئيسية لجامعة طرابلس أمس.") == []
    # The same places elsewhere.
    assert ("سينالوا", "LOCATION") in labelled("نفذت العصابات هجوما في سينالوا أمس.")
    assert ("طرابلس", "LOCATION") in labelled("وقعت الاشتباكات قرب طرابلس أمس.")


def test_a_month_or_a_birthplace_idiom_is_no_place(labelled: Labelled) -> None:
    assert labelled("قتل 3 في هجوم على قرية في آب/أغسطس الماضي.") == [("3", "COUNT")]
    assert labelled("وقعت المعارك في 12 آب الماضي.") == []
    assert labelled("نقلت جثته إلى مسقط رأسه في الجنوب.") == []
    assert ("إب", "LOCATION") in labelled("قتل 3 في قصف في إب أمس.")
    assert ("مسقط", "LOCATION") in labelled("سقط صاروخ على مسقط أمس.")


def test_a_definite_participle_after_a_place_describes_it(labelled: Labelled) -> None:
    assert ("ولاية كيتالو", "LOCATION") in labelled("قتل جنديان في ولاية كيتالو المضطربة شرق البلاد.")
    assert ("قرية الروضة", "LOCATION") in labelled("هاجم مسلحون قرية الروضة المجاورة للحدود.")
    assert labelled("وقعت اشتباكات في ولايتي كيتالو وبوسانا المجاورتين للعاصمة.") == [
        ("كيتالو", "LOCATION"), ("بوسانا", "LOCATION"),
    ]
    # A definite second word that is no participle stays in the name.
    assert ("حي باب التبانة", "LOCATION") in labelled("اندلعت اشتباكات في حي باب التبانة أمس.")


def test_a_state_after_a_verb_with_its_object_pronoun_is_no_adjective(labelled: Labelled) -> None:
    """«شهدتها سوريا» ends in «ـا» like an accusative noun before a nisba («عدوانا جويا»), but
    the pronoun makes it a verb and the state its subject."""
    assert ("كولومبيا", "LOCATION") in labelled("وهي من أسوأ أعمال العنف التي شهدتها كولومبيا منذ سنوات.")
    assert labelled("نفذت الطائرات عدوانا جويا على القرية.") == []


def test_a_state_in_nisba_form_coordinated_with_a_nisba_is_an_adjective(labelled: Labelled) -> None:
    assert labelled("قتل 5 في قصف شنته طائرات حربية روسية وسورية على القرية.") == [("5", "COUNT")]
    assert labelled("زار الوفد مدنا تركية وسورية.") == []
    assert ("سورية", "LOCATION") in labelled("قصفت الطائرات مواقع في العراق وسورية.")


def test_a_word_that_places_the_name_after_it_cues_an_ambiguous_head(labelled: Labelled) -> None:
    assert ("منطقة الكريمي", "LOCATION") in labelled("وقال المسؤول إن منطقة الكريمي الواقعة بين المدينتين شهدت اشتباكات.")
    assert labelled("وقال المسؤول إن منطقة الكريمي شهدت اشتباكات.") == []
