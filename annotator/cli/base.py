"""The ``annotator`` command line. Every command takes the project file first.

Domain errors (``AnnotatorError``) become one clean ``error:`` line and exit status 1;
anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

import click

from ..core.errors import AnnotatorError

PROGRESS_THRESHOLD = 2000


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AnnotatorError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        except sqlite3.DatabaseError as exc:
            # A project file whose pages or tables are broken fails deep inside any query;
            # say so in one line, whichever command met it.
            from ..core.store.connection import damaged_message

            click.echo(f"error: {damaged_message(Path(_opened[-1] if _opened else 'project'), exc)}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted; everything committed before this point is saved", err=True)
            sys.exit(130)


# No dir_okay=False: the store names a folder in its own "error: ..." line (exit 1), like every
# other unusable project path, instead of click's usage error (exit 2).
project_arg = click.argument("project", type=click.Path())


_opened: list[str] = []  # project files this command opened, for the damaged-file message


def _open(path: str):
    from ..core.store import Project

    _opened.append(path)
    project = Project.open(path)
    # Close (and checkpoint the WAL) when the command ends, however it ends.
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.call_on_close(project.close)
    return project


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="arabic-news-annotator")
@click.option("-v", "--verbose", is_flag=True, help="Log what happens (to stderr).")
def main(verbose: bool) -> None:
    """Annotate Arabic news: actors, locations, counts of people and sources."""
    import logging

    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
