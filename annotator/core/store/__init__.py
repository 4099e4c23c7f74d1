"""The project store: the only code that runs SQL (tests/test_boundary.py holds that line).

``from annotator.core.store import Project, check_span, now_iso, ...`` is the public API;
the table families live in the modules of this package, one per group of tables.
"""
from __future__ import annotations

from .articles import ArticleRow, content_hash, utf8_content_hash
from .connection import BUSY_TIMEOUT_MS, SQLITE_MAGIC
from .project import Project, sqlite_utils
from .rules import (
    MAX_LABELS,
    check_annotator_name,
    check_label,
    check_span,
    default_labels,
    load_labels_file,
    now_iso,
    parse_attributes,
    span_from_row,
)
from .schema import SCHEMA_VERSION

__all__ = [
    "BUSY_TIMEOUT_MS",
    "MAX_LABELS",
    "SCHEMA_VERSION",
    "SQLITE_MAGIC",
    "ArticleRow",
    "Project",
    "check_annotator_name",
    "check_label",
    "check_span",
    "content_hash",
    "utf8_content_hash",
    "default_labels",
    "load_labels_file",
    "now_iso",
    "parse_attributes",
    "span_from_row",
    "sqlite_utils",
]
