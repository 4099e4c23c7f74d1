"""core/errors.py: every error a user can cause is an AnnotatorError, with a readable message."""
from __future__ import annotations

import inspect

import pytest

from annotator.core import errors
from annotator.core.errors import AnnotatorError, InputError, ProjectError


def test_every_domain_error_derives_from_annotator_error() -> None:
    classes = [c for _name, c in inspect.getmembers(errors, inspect.isclass) if c.__module__ == errors.__name__]
    assert len(classes) > 10
    assert all(issubclass(c, AnnotatorError) for c in classes)


@pytest.mark.parametrize("name", ["SchemaVersionError", "StorageError", "DamagedProjectError"])
def test_file_problems_are_project_errors(name: str) -> None:
    assert issubclass(getattr(errors, name), ProjectError)


def test_hub_unavailable_is_a_hub_error() -> None:
    assert issubclass(errors.HubUnavailable, errors.HubError)


@pytest.mark.parametrize(("file", "line", "message"), [
    ("a.jsonl", 7, "a.jsonl:7: no text"),
    ("a.jsonl", None, "a.jsonl: no text"),
    (None, None, "no text"),
])
def test_input_error_names_the_file_and_line(file: str | None, line: int | None, message: str) -> None:
    exc = InputError("no text", file, line)
    assert str(exc) == message
    assert (exc.reason, exc.file, exc.line) == ("no text", file, line)
