"""Moved to :mod:`annotator.core.store.schema`; this name stays for the tests that import it."""
from .store.schema import MIGRATION_SET, SCHEMA_VERSION, migrations

__all__ = ["MIGRATION_SET", "SCHEMA_VERSION", "migrations"]
