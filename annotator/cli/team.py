"""The team workflow: assign, merge (project files), agreement, adjudicate."""
from __future__ import annotations

import json

import click

from .base import _open, main, project_arg


@main.command()
@project_arg
@click.option("--annotators", required=True, help="Comma-separated names, e.g. a,b,c.")
@click.option("--overlap", default=2, show_default=True, type=int, help="Annotators per article.")
@click.option("--seed", default=0, show_default=True, type=int)
def assign(project: str, annotators: str, overlap: int, seed: int) -> None:
    """Spread the articles so each is annotated by OVERLAP of the annotators (balanced, seeded)."""
    from ..core.team.assignment import assign as do_assign

    names = [n.strip() for n in annotators.split(",") if n.strip()]
    counts = do_assign(_open(project), names, overlap, seed=seed)
    for name, n in counts.items():
        click.echo(f"{name:<20} {n:>7} articles")


@main.command()
@project_arg
@click.argument("others", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--map", "mapping", multiple=True, metavar="OLD=NEW",
              help="Map a label of the other files to one of this project.")
def merge(project: str, others: tuple[str, ...], mapping: tuple[str, ...]) -> None:
    """Bring in articles and annotations from other project files (idempotent; newer edit wins)."""
    from ..core.errors import MergeError
    from ..core.sync.files import merge_projects

    pairs = {}
    for item in mapping:
        if "=" not in item:
            raise MergeError(f"--map expects OLD=NEW, got {item!r}")
        old, new = item.split("=", 1)
        pairs[old.strip()] = new.strip()
    summary = merge_projects(_open(project), list(others), pairs or None)
    click.echo(summary.line())
    for line in summary.conflict_lines():
        click.echo(f"  {line}")


@main.command()
@project_arg
@click.option("--label", default=None, help="Only this label.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def agreement(project: str, label: str | None, as_json: bool) -> None:
    """Inter-annotator agreement: span F1 (exact, overlap), Cohen's kappa, Krippendorff's alpha."""
    from ..core.team.agreement import project_agreement

    p = _open(project)
    if label:
        p.label(label)
    report = project_agreement(p, label=label)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.format_table())


@main.command()
@project_arg
@click.option("--strategy", type=click.Choice(["unanimous", "majority", "min"]), default="unanimous",
              show_default=True)
@click.option("--min-annotators", default=2, show_default=True, type=int,
              help="With --strategy min: spans at least this many annotators agree on.")
@click.option("--reviewer", default=None, help="Who adjudicates (a reviewer; default: your login name).")
def adjudicate(project: str, strategy: str, min_annotators: int, reviewer: str | None) -> None:
    """Write gold where the strategy leaves no conflict; report what remains for review mode."""
    import getpass

    from ..core.team.gold import adjudicate_batch

    summary = adjudicate_batch(_open(project), reviewer or getpass.getuser(), strategy, min_annotators)
    click.echo(summary.line())
