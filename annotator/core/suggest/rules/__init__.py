"""Rule-based suggester: gazetteers and patterns over normalised text, with spaCy.

How it works, per article:

1. :func:`annotator.core.text.normalize` folds spelling variants (أ/ا، ة/ه، ى/ي, diacritics,
   tatweel, Arabic-Indic digits) and keeps an exact offset map back to the stored text.
2. ``spacy.blank("ar")``'s tokenizer (tokenizer only, ``make_doc``) splits the normalised
   text, with extra rules: a clitic glued to a digit or a quote comes off («و50»,
   «ل”المدن”»); a quote, a bracket or a slash between two letters is its own token
   («الفرنسية(أ ف ب)», «/سانا/»), so is a full stop between Arabic letters («سوريا.وقال»,
   which spaCy's URL rule would otherwise keep whole) and a dash after a bracket («(رويترز)-»).
3. Proclitics are matched through the lexeme ``NORM``: for every word the gazetteers know,
   its clitic forms («بريف», «وللتنظيم») get the bare word as their norm, exactly when
   :func:`annotator.core.text.proclitic_length` would strip that clitic. A
   ``PhraseMatcher`` on ``NORM`` then finds names whatever clitic they carry. A plain token
   pass finds the few pattern shapes (head + unknown name, unnamed sources, outlets): for
   these, spaCy's ``Matcher`` cost more than the rest of the pipeline together.
4. Python glue applies what matchers cannot: heads before names («مدينة», «ريف», «ولاية
   شمال دارفور»), direction adjectives after «ريف X» and facility adjectives after «مطار
   X» («الدولي»), context for ambiguous names and heads, states that act (after or before
   their verb, accused, coordinated, parties to an agreement), and the COUNT grammar
   (qualifier + number + people noun, never a year, distance, duration or count of strikes).
   Generic patterns cover names in no list, so the rules carry beyond the places they were
   written for: a force or institution head with a definite name in construct («قوات
   الدعم السريع», «ميليشيا الحوثي», «وزارة الصحة»), numbered units («اللواء 444 قتال»),
   monitors named «المركز اليمني لحقوق الإنسان», an organisation after an attribution word
   («قالت لجنة أطباء السودان»), officials with an adjective («قال مسؤول أمني»), and an
   alias in parentheses, which takes the label of the name before it («(أوتشا)», «(RSF)»).
5. Each token span is mapped to the stored text with the offset map and passed through
   :func:`annotator.core.text.snap_span`, so every suggestion obeys the boundary rules
   (clitics and quotes outside, «للتنظيم» → «لتنظيم»). COUNT suggestions carry
   :func:`annotator.core.counts.count_attributes`.

Everything is built once per :class:`RuleSuggester`; ``suggest`` only tokenizes and matches.
The gazetteers are YAML files in ``resources/gazetteers/`` (see their headers).

Modules: :mod:`.lexicon` (word sets from the gazetteers, shared constants), :mod:`.matcher`
(tokenizer and phrase matcher), the rules per label (:mod:`.actors`, :mod:`.locations`,
:mod:`.sources`, :mod:`.counts`) and :mod:`.suggester`, whose :class:`RuleSuggester` ties them.
"""
from __future__ import annotations

from annotator.core.suggest.rules.lexicon import ORIGIN
from annotator.core.suggest.rules.suggester import RuleSuggester

__all__ = ["RuleSuggester", "ORIGIN"]
