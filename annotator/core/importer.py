"""Old import path, kept for modules outside the import/export code (GUI worker, demo,
benchmarks) until they import :mod:`annotator.core.importing` directly."""
from __future__ import annotations

from .importing import BATCH_SIZE, ArticleRecord, ImportSummary, content_hash, import_paths, import_records

__all__ = ["BATCH_SIZE", "ArticleRecord", "ImportSummary", "content_hash", "import_paths", "import_records"]
