"""The ``annotator`` command line: click commands over the core, grouped by stage.

``main`` (the entry point ``annotator.cli:main``) and the shared plumbing — clean ``error:``
lines for domain errors, opening a project — are in :mod:`.base`; each other module adds its
commands to ``main`` when imported, which this package does below.
"""
from __future__ import annotations

from . import hub, import_export, learning, project, team  # noqa: F401  (registers the commands on main)
from .base import main

__all__ = ["main"]
