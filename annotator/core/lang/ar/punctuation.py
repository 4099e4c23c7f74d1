"""Punctuation glued to words in scraped Arabic news, as spaCy tokenizer patterns.

Shared by the export tokenizer (:mod:`annotator.core.tokenizer`) and the rule suggester's
(:mod:`annotator.core.suggest.rules.matcher`): a name touching a bracket, a slash, a dash or a
full stop must start or end a token in both, or the rules miss the name and the export has
to split a token at the edge of an annotator's span. Pure data.
"""
from __future__ import annotations

import re
from typing import Any

__all__ = [
    "ascii_only_url_match",
    "BRACKET_BETWEEN_WORDS",
    "COMMA_BETWEEN_WORDS",
    "DASH_AFTER_WORD",
    "DASH_BEFORE_WORD",
    "STOP_BETWEEN_WORDS",
]

#: Prefix: a dash glued before a word opens an aside («-بينهم طفلان-»).
DASH_BEFORE_WORD = r"[-–—](?=[^\W\d_])"

#: Suffix: a dash glued after a word closes an aside or a name («طريق هارون الرشيد- الطريق»).
DASH_AFTER_WORD = r"(?<=[^\W\d_])[-–—]"

#: Infix: names touching brackets or a slash — «الفرنسية(أ ف ب)», «سوريا/العراق», «(أ ف ب)الخميس».
BRACKET_BETWEEN_WORDS = r"(?<=[^\W\d_])[()\[\]/](?=[^\W_])|(?<=[)\]])(?=[^\W_])"

#: Infix: a full stop between two Arabic words, a space lost by the scrape («سوريا.وقال»).
#: Arabic letters only, so Latin abbreviations and domain names keep their dots.
STOP_BETWEEN_WORDS = r"(?<=[\u0621-\u064a])\.(?=[\u0621-\u064a])"

#: Infix: a comma or semicolon glued between two Arabic words («حلب،وأضاف»).
COMMA_BETWEEN_WORDS = r"(?<=[\u0621-\u064a])[،,؛](?=[\u0621-\u064a])"


def ascii_only_url_match(url_match: Any) -> Any:
    """spaCy's URL matcher, for ASCII strings only: it takes «سوريا.وقال» (two words a scrape
    glued with a full stop) for a domain name. A compiled pattern, not a wrapper, so a
    tokenizer using it still serialises with a model."""
    pattern: str = url_match.__self__.pattern
    flags = "(?u)" if pattern.startswith("(?u)") else ""
    return re.compile(flags + r"(?=[\x00-\x7f]*\Z)" + pattern[len(flags):]).match
