"""Commands that create and look after a project: init, stats, labels, role, search, check, gui."""
from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Any

import click

from .base import _Group, _open, main, project_arg


@main.command()
@project_arg
@click.option("--labels", "labels_file", type=click.Path(exists=True, dir_okay=False),
              help="YAML or JSON label schema (default: ACTOR, LOCATION, COUNT, SOURCE).")
@click.option("--creator", default=None, help="Name of the project's creator (made a reviewer).")
def init(project: str, labels_file: str | None, creator: str | None) -> None:
    """Create a new, empty project file."""
    import getpass

    from ..core.store import Project, load_labels_file

    labels = load_labels_file(labels_file) if labels_file else None
    who = creator or getpass.getuser()
    with Project.create(project, labels=labels, creator=who) as p:
        click.echo(f"created {project} with labels {', '.join(p.label_names())}; {who} is its reviewer")


@main.command()
@project_arg
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def stats(project: str, as_json: bool) -> None:
    """Articles, per-annotator progress and spans per label."""
    s = _open(project).stats()
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    click.echo(f"articles: {s['articles']}   gold: {s['gold_articles']}   schema: v{s['schema_version']}")
    click.echo("annotators:")
    for name, a in s["annotators"].items():
        click.echo(f"  {name:<20} {a['role']:<10} annotated {a['annotated']:>7}   done {a['done']:>7}")
    click.echo("spans per label:")
    for label, n in s["spans_per_label"].items():
        click.echo(f"  {label:<12} {n:>8}")


@main.group(cls=_Group, invoke_without_command=True)
@click.pass_context
@project_arg
def labels(ctx: click.Context, project: str) -> None:
    """List the label schema, or change it with a subcommand (add, rename, recolor)."""
    ctx.obj = project
    if ctx.invoked_subcommand is None:
        for lab in _open(project).labels():
            click.echo(f"{lab.key or '-'}  {lab.name:<12} {lab.color}  "
                       f"{lab.name_ar} / {lab.name_en}  {lab.description}")


@labels.command("add")
@click.pass_obj
@click.argument("name")
@click.option("--color", required=True, help="#rrggbb")
@click.option("--key", default="", help="Shortcut digit 1–9.")
@click.option("--ar", "name_ar", default=None, help="Arabic display name.")
@click.option("--en", "name_en", default=None, help="English display name.")
@click.option("--description", default="")
def labels_add(project: str, name: str, color: str, key: str, name_ar: str | None, name_en: str | None,
               description: str) -> None:
    """Add a label."""
    from ..core.domain import Label

    _open(project).add_label(Label(name, name_ar or name, name_en or name, color, key, description))
    click.echo(f"added label {name}")


@labels.command("rename")
@click.pass_obj
@click.argument("old")
@click.argument("new")
def labels_rename(project: str, old: str, new: str) -> None:
    """Rename a label; existing spans keep it under the new name."""
    _open(project).update_label(old, name=new)
    click.echo(f"renamed {old} → {new}")


@labels.command("recolor")
@click.pass_obj
@click.argument("name")
@click.argument("color")
def labels_recolor(project: str, name: str, color: str) -> None:
    """Change a label's colour (#rrggbb)."""
    _open(project).update_label(name, color=color)
    click.echo(f"{name} is now {color}")


@main.command()
@project_arg
@click.argument("name")
@click.argument("role", type=click.Choice(["annotator", "reviewer"]))
def role(project: str, name: str, role: str) -> None:
    """Give NAME the role annotator or reviewer."""
    _open(project).set_role(name, role)
    click.echo(f"{name} is now a {role}")


@main.command()
@click.argument("project", required=False, type=click.Path(dir_okay=False))
@click.option("--annotator", default=None, help="Your name (default: remembered, or asked once).")
@click.option("--review", is_flag=True, help="Open the reviewer's adjudication mode.")
@click.option("--lang", type=click.Choice(["ar", "en"]), default=None, help="UI language (default: system).")
def gui(project: str | None, annotator: str | None, review: bool, lang: str | None) -> None:
    """Open the annotation window (no PROJECT: the built-in demo project)."""
    from ..gui.system_libraries import check as missing_libraries

    missing = missing_libraries()  # before Qt loads its xcb plugin, which aborts without naming them
    if missing:
        click.echo(missing, err=True)
        sys.exit(1)
    from ..gui.app import run

    sys.exit(run(project, annotator=annotator, review=review, lang=lang))


@main.command()
@project_arg
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line: id, title, snippet.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="At most this many articles.")
def search(project: str, query: str, as_json: bool, limit: int) -> None:
    """Find articles whose text has every word of QUERY.

    \b
    Letter variants, diacritics and tatweel do not matter (احمد finds أحمد), and each word
    also matches as the start of a longer one. Prints article ids, titles and a snippet.
    Examples:
      annotator search news.db "قوات النظام"
      annotator search news.db داعش --json --limit 100
    """
    opened = _open(project)
    _catch_up_search_index(opened)
    hits = opened.search_articles(query, limit=limit)
    for hit in hits:
        if as_json:
            click.echo(json.dumps(hit.to_dict(), ensure_ascii=False))
        else:
            click.echo(f"{hit.id}\t{hit.title}\n    {hit.snippet}")
    if not hits and not as_json:
        click.echo("no article matches", err=True)


def _catch_up_search_index(project: Any) -> None:
    """Index what imports left unindexed, once, so this and later searches are fast. A
    file that cannot be written is searched all the same (its tail in memory)."""
    from ..core.errors import StorageError

    pending = project.search_index_pending()
    if pending >= 1000:
        click.echo(f"indexing {pending:,} articles for search (once)…", err=True)
    with contextlib.suppress(StorageError):
        project.update_search_index()


@main.command()
@project_arg
@click.option("--repair", is_flag=True,
              help="Drop triggers and views this tool never makes; move spans that do not fit their text aside.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def check(project: str, repair: bool, as_json: bool) -> None:
    """Check a project file: SQLite integrity, the schema, spans outside their text.

    Exit status 0 when the file is sound (or was repaired), 1 otherwise."""
    from ..core.store.integrity import check_file

    report = check_file(Path(project), repair_it=repair)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for line in report.lines():
            click.echo(line)
        if report.ok:
            click.echo(f"{project}: no problems found")
        elif report.integrity:
            click.echo(f"{project}: this project file is damaged; --repair cannot mend SQLite pages. "
                       "Work on a backup copy, or try: sqlite3 FILE .recover")
        elif not repair:
            click.echo(f"run `annotator check {project} --repair` to remove what is listed above")
    fixed = repair and not report.integrity and not report.missing_tables
    sys.exit(0 if report.ok or fixed else 1)
