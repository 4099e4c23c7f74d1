"""Old export path, kept for modules outside the import/export code (suggestion output)
until they import :mod:`annotator.core.exporting` and :mod:`annotator.core.formats` directly."""
from __future__ import annotations

from .exporting import ExportSummary, export_jsonl
from .formats.atomic import atomic_file as atomic_output
from .formats.jsonl import record_dict as record_for

__all__ = ["ExportSummary", "atomic_output", "export_jsonl", "record_for"]
