"""Domain exceptions. Every error a user can cause derives from :class:`AnnotatorError`.

The CLI and the GUI catch ``AnnotatorError`` and show its message; anything else is a bug
and goes to the log with a traceback.
"""
from __future__ import annotations


class AnnotatorError(Exception):
    """Base class of every error caused by input, files or user actions."""


class ProjectError(AnnotatorError):
    """The project file cannot be opened or used (missing, not a project, read-only...)."""


class SchemaVersionError(ProjectError):
    """The project file was written by a newer version of the tool."""


class StorageError(ProjectError):
    """A write to the project file failed (disk full, file removed, locked for too long)."""


class SpanError(AnnotatorError):
    """A span breaks a rule: offsets out of range, unknown label, overlap, whitespace only."""


class LabelError(AnnotatorError):
    """A label schema operation is invalid (duplicate name, bad colour, unknown label)."""


class InputError(AnnotatorError):
    """Bad input in an imported file. Carries the file and line so the message can name them."""

    def __init__(self, reason: str, file: str | None = None, line: int | None = None):
        self.reason = reason
        self.file = file
        self.line = line
        where = ""
        if file is not None:
            where = f"{file}:{line}: " if line is not None else f"{file}: "
        super().__init__(f"{where}{reason}")


class PermissionDenied(AnnotatorError):
    """The user's role does not allow the action (e.g. an annotator writing gold)."""


class MergeError(AnnotatorError):
    """Another project file cannot be merged into this one."""


class ExportError(AnnotatorError):
    """An export could not be written."""


class SuggesterUnavailable(AnnotatorError):
    """A suggester cannot run here (its model or data is not installed)."""


class DamagedProjectError(ProjectError):
    """The project file's structure is broken (pages overwritten, tables dropped): every
    command says so in one line instead of failing somewhere inside SQLite."""


class HubError(AnnotatorError):
    """The team hub refused or could not complete an operation (not a hub, no permission...)."""


class HubUnavailable(HubError):
    """The hub cannot be reached (network down, server stopped); local work is untouched."""
