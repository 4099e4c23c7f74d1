"""The session package: review mode's session loads on first use, not with the workbench's."""
from __future__ import annotations

import subprocess
import sys

import pytest

import annotator.core.session as session


def test_review_session_loads_on_first_use() -> None:
    code = ("import sys, annotator.core.session as s\n"
            "before = 'annotator.core.session.review' in sys.modules\n"
            "from annotator.core.session import ReviewSession, GoldState\n"
            "print(before, ReviewSession.__module__, GoldState.__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "annotator.core.session.review", "annotator.core.session.review"]


def test_names_it_does_not_have_are_attribute_errors() -> None:
    from annotator.core.session.review import ReviewSession

    assert session.ReviewSession is ReviewSession
    with pytest.raises(AttributeError, match="no attribute 'Reviewer'"):
        _ = session.Reviewer  # type: ignore[attr-defined]
