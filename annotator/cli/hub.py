"""The PostgreSQL team hub: ``annotator hub …``, ``clone`` and ``sync``."""
from __future__ import annotations

import json
from datetime import UTC

import click

from .base import _Group, _open, main, project_arg


@main.group(cls=_Group)
def hub() -> None:
    """A PostgreSQL hub the team's desktops sync with (URL: a libpq URL or connection string;
    passwords come from ~/.pgpass, PGPASSWORD or a service file, never from the project)."""


@hub.command("init")
@click.argument("url")
def hub_init(url: str) -> None:
    """Create the hub's tables, security policies and group roles in an existing database."""
    from ..core.store.hub_server import describe
    from ..core.sync.hub import init_hub

    created = init_hub(url)
    click.echo(f"{'created the hub in' if created else 'already a hub:'} {describe(url)}")


@hub.command("publish")
@project_arg
@click.argument("url")
@click.option("--as", "reviewer", default=None, help="The reviewer publishing (default: your login name).")
def hub_publish(project: str, url: str, reviewer: str | None) -> None:
    """Upload the project's articles, labels, roles and assignments; link the project to the hub."""
    import getpass

    from ..core.sync.hub import publish

    p = _open(project)
    summary = publish(p, url, reviewer or p.setting("created_by") or getpass.getuser())
    click.echo(summary.line())
    if summary.sync is not None:
        click.echo(summary.sync.line())


@hub.command("add-user")
@click.argument("url")
@click.argument("name")
@click.option("--role", type=click.Choice(["annotator", "reviewer"]), required=True)
def hub_add_user(url: str, name: str, role: str) -> None:
    """Create NAME's PostgreSQL role (run as the hub's owner) and print the line to send them."""
    from ..core.sync.hub import add_user

    login, password, line = add_user(url, name, role)
    click.echo(f"{name} is a {role} of the hub, PostgreSQL role {login}")
    click.echo(f"one-time password: {password}")
    click.echo(f"connection line to send: {line}")


@hub.command("status")
@click.argument("url")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def hub_status_cmd(url: str, as_json: bool) -> None:
    """Per member: role, assigned articles, done, last sync."""

    from ..core.sync.hub import hub_status

    rows = hub_status(url)
    if as_json:
        click.echo(json.dumps([{"name": n, "role": r, "assigned": a, "done": d,
                                "last_sync": s.isoformat() if s else None} for n, r, a, d, s in rows],
                              ensure_ascii=False, indent=2))
        return
    click.echo(f"{'member':<20} {'role':<10} {'assigned':>9} {'done':>7}  last sync")
    for name, role_, assigned, done, last in rows:
        when = last.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if last else "never"
        click.echo(f"{name:<20} {role_:<10} {assigned:>9} {done:>7}  {when}")


@main.command()
@click.argument("url")
@click.argument("project", type=click.Path())
@click.option("--annotator", required=True, help="Whose project this is (a member of the hub).")
@click.option("--all", "all_articles", is_flag=True, help="Every article you may read, not only the assigned.")
def clone(url: str, project: str, annotator: str, all_articles: bool) -> None:
    """Make a local project from a hub: your assigned articles and your work."""
    from ..core.sync.hub import clone as do_clone

    summary = do_clone(url, project, annotator, all_articles=all_articles)
    click.echo(f"cloned into {project}: {summary.received_articles} articles, "
               f"{summary.received_assignments} assignments, {summary.annotations_added} annotations")


@main.command()
@project_arg
@click.argument("url", required=False)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def sync(project: str, url: str | None, as_json: bool) -> None:
    """Two-way sync with the project's hub (idempotent; the newer edit wins; conflicts listed)."""
    from ..core.sync.hub import sync as do_sync

    summary = do_sync(_open(project), url)
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(summary.line())
    for line in summary.conflict_lines():
        click.echo(f"  {line}")
