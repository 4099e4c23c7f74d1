"""The ``annotator`` command line. Every command takes the project file first.

Domain errors (``AnnotatorError``) become one clean ``error:`` line and exit status 1;
anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import click

from .core.errors import AnnotatorError

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
            from .core.store.connection import damaged_message

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
    from .core.store import Project

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


@main.command()
@project_arg
@click.option("--labels", "labels_file", type=click.Path(exists=True, dir_okay=False),
              help="YAML or JSON label schema (default: ACTOR, LOCATION, COUNT, SOURCE).")
@click.option("--creator", default=None, help="Name of the project's creator (made a reviewer).")
def init(project: str, labels_file: str | None, creator: str | None) -> None:
    """Create a new, empty project file."""
    import getpass

    from .core.store import Project, load_labels_file

    labels = load_labels_file(labels_file) if labels_file else None
    who = creator or getpass.getuser()
    with Project.create(project, labels=labels, creator=who) as p:
        click.echo(f"created {project} with labels {', '.join(p.label_names())}; {who} is its reviewer")


def _count_records(paths: list, fmt: str | None) -> int:
    """Roughly how many records the files hold (lines), for the progress bar. Unusable
    paths count nothing here: the importer names them."""
    total = 0
    for p in paths:
        if not isinstance(p, Path):
            continue
        kind = fmt or p.suffix.lower().lstrip(".")
        if kind in ("jsonl", "ndjson", "json", "csv"):
            try:
                with open(p, "rb") as fh:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
            except OSError:
                continue
        else:
            total += 1
    return total


@main.command("import")
@project_arg
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["txt", "jsonl", "csv", "label-studio", "conll"]), default=None,
              help="Input format (default: from the file extension; a Label Studio export from its shape).")
@click.option("--annotator", default=None,
              help="Whose annotation the spans in the records become (default: imported; "
                   "Label Studio: one annotation per user unless given).")
@click.option("--strict", is_flag=True, help="Any bad record aborts the import; nothing is written.")
@click.option("--text-column", default="text", show_default=True,
              help="CSV column (Label Studio: data field) holding the text.")
@click.option("--map", "label_map", multiple=True, metavar="OLD=NEW,…",
              help="Rename the file's labels, e.g. ORG=ACTOR,PERSON=ACTOR,LOC=LOCATION,GPE=LOCATION.")
@click.option("--add-labels", is_flag=True, help="Create labels the project lacks instead of rejecting them.")
@click.option("--keep-tokens", is_flag=True,
              help="CoNLL: keep the file's tokens and sentences, so a CoNLL export writes them unchanged.")
@click.option("--status", "default_status", type=click.Choice(["in_progress", "done"]), default="in_progress",
              show_default=True,
              help="Status of imported annotations whose file carries none (CSV, doccano, CoNLL, plain JSONL). "
                   "Prodigy's answer (accept → done, ignore → skipped, reject → flagged), this "
                   "tool's own meta.status and Label Studio's submitted annotations (done) are kept.")
def import_cmd(project: str, files: tuple[str, ...], fmt: str | None, annotator: str | None, strict: bool,
               text_column: str, default_status: str, label_map: tuple[str, ...], add_labels: bool,
               keep_tokens: bool) -> None:
    """Import articles from .txt files, folders of them, .jsonl, .csv, Label Studio or CoNLL files.

    \b
    Examples:
      annotator import news.db articles.jsonl
      annotator import news.db folder_of_txt/ --format txt
      annotator import news.db sheet.csv --text-column body
      annotator import news.db doccano.jsonl --map ORG=ACTOR,PERSON=ACTOR,LOC=LOCATION,GPE=LOCATION
      annotator import news.db label-studio-export.json
      annotator import news.db corpus.conll --keep-tokens --add-labels
    """
    from .core.formats.label_map import parse_label_map
    from .core.importing import import_paths, resolve_paths

    options = {"label_map": parse_label_map(label_map), "add_labels": add_labels, "keep_tokens": keep_tokens}
    p = _open(project)
    total = _count_records(resolve_paths(files, fmt), fmt)
    if total >= PROGRESS_THRESHOLD:
        with click.progressbar(length=total, label="importing", file=sys.stderr) as bar:
            done = [0]

            def progress(n: int) -> None:
                bar.update(n - done[0])
                done[0] = n

            summary = import_paths(p, files, fmt=fmt, annotator=annotator, strict=strict,
                                   text_column=text_column, progress=progress, default_status=default_status,
                                   **options)
    else:
        summary = import_paths(p, files, fmt=fmt, annotator=annotator, strict=strict, text_column=text_column,
                               default_status=default_status, **options)
    for err in summary.errors:
        click.echo(f"rejected: {err}", err=True)
    if summary.rejected > len(summary.errors):
        click.echo(f"… and {summary.rejected - len(summary.errors)} more rejected records", err=True)
    click.echo(f"imported: {summary.line()}")
    if summary.rejected:
        sys.exit(1)


@main.command()
@project_arg
@click.argument("out", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "spacy", "conll", "label-studio", "doccano"]),
              default="jsonl", show_default=True)
@click.option("--annotator", default=None, help="Only this annotator's annotations.")
@click.option("--status", type=click.Choice(["new", "in_progress", "done", "skipped", "flagged"]), default=None)
@click.option("--gold", is_flag=True, help="Export the adjudicated gold annotations.")
@click.option("--dev-fraction", default=0.2, show_default=True, type=float, help="spacy/conll: dev split.")
@click.option("--seed", default=0, show_default=True, type=int, help="spacy/conll: split seed.")
@click.option("--no-tokens", is_flag=True, help="jsonl: leave out the token lists (five to seven times smaller).")
def export(project: str, out: str, fmt: str, annotator: str | None, status: str | None, gold: bool,
           dev_fraction: float, seed: int, no_tokens: bool) -> None:
    """Export annotations: JSONL (Prodigy shape), spaCy DocBins, CoNLL (IOB2), Label Studio or doccano.

    \b
    Examples:
      annotator export news.db out.jsonl --status done
      annotator export news.db out.jsonl --gold --no-tokens
      annotator export news.db trainset/ --format spacy --gold
      annotator export news.db tasks.json --format label-studio
      annotator export news.db doccano.jsonl --format doccano
    """
    p = _open(project)
    if fmt in ("jsonl", "doccano"):
        from .core.exporting import export_jsonl

        style = "doccano" if fmt == "doccano" else "no-tokens" if no_tokens else "tokens"
        summary = export_jsonl(p, out, annotator=annotator, status=status, gold=gold, style=style)
        click.echo(f"exported {summary.line()}")
        return
    if fmt == "label-studio":
        from .core.exporting import export_label_studio

        summary = export_label_studio(p, out, annotator=annotator, status=status, gold=gold)
        click.echo(f"exported {summary.line()}")
        return
    from .core.exporting import export_trainset

    report = export_trainset(p, out, fmt=fmt, gold=gold, annotator=annotator, status=status,
                             dev_fraction=dev_fraction, seed=seed)
    click.echo(f"exported {report.summary()}")
    if report.spans_misaligned:
        for example in report.misaligned_examples:
            click.echo(f"misaligned: {example}", err=True)


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
            click.echo(f"{lab.key or '-'}  {lab.name:<12} {lab.color}  {lab.name_ar} / {lab.name_en}  {lab.description}")


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
    from .core.domain import Label

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
@project_arg
@click.option("--annotators", required=True, help="Comma-separated names, e.g. a,b,c.")
@click.option("--overlap", default=2, show_default=True, type=int, help="Annotators per article.")
@click.option("--seed", default=0, show_default=True, type=int)
def assign(project: str, annotators: str, overlap: int, seed: int) -> None:
    """Spread the articles so each is annotated by OVERLAP of the annotators (balanced, seeded)."""
    from .core.team.assignment import assign as do_assign

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
    from .core.errors import MergeError
    from .core.sync.files import merge_projects

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
    from .core.team.agreement import project_agreement

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

    from .core.team.gold import adjudicate_batch

    summary = adjudicate_batch(_open(project), reviewer or getpass.getuser(), strategy, min_annotators)
    click.echo(summary.line())


def _check_sources(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """``--source``: known suggester names, comma-separated, normalised to ``a,b``."""
    from .core.errors import SuggesterUnavailable
    from .core.suggest import SOURCES, parse_sources

    try:
        names = parse_sources(value)
    except SuggesterUnavailable as exc:
        raise click.BadParameter(str(exc)) from None
    unknown = [n for n in names if n not in SOURCES]
    if unknown:
        raise click.BadParameter(f"unknown {', '.join(unknown)}; choose from {', '.join(SOURCES)}")
    return ",".join(names)


@main.command()
@project_arg
@click.option("--source", default="rules", show_default=True, callback=_check_sources,
              help="rules, patterns, camel or model, or several joined by commas (rules,patterns): "
                   "overlapping suggestions merge, keeping every origin.")
@click.option("--annotator", default=None, help="Only articles this annotator has not finished.")
@click.option("--output", type=click.Path(dir_okay=False), default=None,
              help="Also write the suggestions as JSONL in the export format.")
@click.option("--model", "model_path", type=click.Path(), default=None,
              help="--source model/camel: model folder (default: the project's current model).")
@click.option("--threshold", type=click.FloatRange(0.0), default=0.0, show_default=True,
              help="Keep only suggestions scoring at least this much.")
@click.option("--blind", is_flag=True,
              help="--source patterns: learn only from --annotator's own spans and gold.")
def suggest(project: str, source: str, annotator: str | None, output: str | None, model_path: str | None,
            threshold: float, blind: bool) -> None:
    """Pre-annotate every article not yet done; annotators then accept or reject the suggestions."""
    from .core.preannotate import articles_to_suggest, suggest_project

    p = _open(project)
    if output:
        from .core.formats.atomic import refuse_project_path

        refuse_project_path(output, p.path)
    options: dict[str, Any] = {}
    if threshold:
        options["min_score"] = threshold
    if blind:
        if not annotator:
            raise click.UsageError("--blind needs --annotator (whose own spans are learned)")
        options["blind"] = True
    if "model" in source.split(","):
        from .core.errors import SuggesterUnavailable
        from .core.trained_models import current_model_path

        model_path = model_path or current_model_path(p)
        if not model_path:
            raise SuggesterUnavailable("this project has no trained model yet; run: annotator train PROJECT OUTDIR")
    if model_path:
        options["model_path"] = model_path
    total = len(articles_to_suggest(p, annotator))
    with click.progressbar(length=total, label=f"suggesting ({source})", file=sys.stderr) as bar:
        summary = suggest_project(p, source, annotator=annotator, output=output,
                                  progress=lambda n, _total: bar.update(1), **options)
    click.echo(summary.line())


@main.command()
@project_arg
@click.argument("outdir", type=click.Path(file_okay=False))
@click.option("--gold", is_flag=True, help="Train on the gold annotations.")
@click.option("--annotator", default=None, help="Train on this annotator's finished annotations.")
@click.option("--max-steps", default=None, type=int, help="Stop after this many training steps.")
@click.option("--dev-fraction", default=0.2, show_default=True, type=float)
@click.option("--seed", default=0, show_default=True, type=int)
def train(project: str, outdir: str, gold: bool, annotator: str | None, max_steps: int | None,
          dev_fraction: float, seed: int) -> None:
    """Export, train a spaCy NER model on the CPU, evaluate it, and make it the project's model."""
    from pathlib import Path as _Path

    from .core.exporting import export_trainset
    from .core.train import train as do_train
    from .core.trained_models import record_model

    p = _open(project)
    out = _Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    report = export_trainset(p, out / "corpus", fmt="spacy", gold=gold, annotator=annotator,
                             dev_fraction=dev_fraction, seed=seed)
    click.echo(f"training set: {report.summary()}")

    def progress(step) -> None:
        click.echo(f"  step {step.step:>6}/{step.max_steps}  epoch {step.epoch:>3}  dev F1 {step.score:.3f}  "
                   f"({step.seconds:.0f} s)", err=True)

    result = do_train(out / "corpus" / "train.spacy", out / "corpus" / "dev.spacy", out, max_steps=max_steps,
                      progress=progress)
    click.echo(f"model: {result.model_path}   P {result.precision:.3f}  R {result.recall:.3f}  F1 {result.f1:.3f}")
    click.echo(f"{'label':<12} {'P':>6} {'R':>6} {'F1':>6}")
    for label, sc in sorted(result.per_label.items()):
        click.echo(f"{label:<12} {sc.p:>6.3f} {sc.r:>6.3f} {sc.f:>6.3f}")
    metrics = {"precision": result.precision, "recall": result.recall, "f1": result.f1,
               "per_label": {k: {"p": v.p, "r": v.r, "f": v.f} for k, v in result.per_label.items()}}
    record_model(p, result.model_path, metrics)
    click.echo("recorded as the project's current model (annotator suggest --source model)")


@main.command()
@click.argument("project", required=False, type=click.Path(dir_okay=False))
@click.option("--annotator", default=None, help="Your name (default: remembered, or asked once).")
@click.option("--review", is_flag=True, help="Open the reviewer's adjudication mode.")
@click.option("--lang", type=click.Choice(["ar", "en"]), default=None, help="UI language (default: system).")
def gui(project: str | None, annotator: str | None, review: bool, lang: str | None) -> None:
    """Open the annotation window (no PROJECT: the built-in demo project)."""
    from .gui.app import run

    sys.exit(run(project, annotator=annotator, review=review, lang=lang))


@main.command()
@project_arg
@click.option("--repair", is_flag=True,
              help="Drop triggers and views this tool never makes; move spans that do not fit their text aside.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def check(project: str, repair: bool, as_json: bool) -> None:
    """Check a project file: SQLite integrity, the schema, spans outside their text.

    Exit status 0 when the file is sound (or was repaired), 1 otherwise."""
    from .core.store.integrity import check_file

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



@main.group("patterns")
def patterns_group() -> None:
    """Patterns learned from the project's annotations (the ``patterns`` suggester)."""


@patterns_group.command("export")
@project_arg
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--annotator", default=None, help="With --blind: whose spans are learned.")
@click.option("--blind", is_flag=True, help="Learn only from --annotator's own spans and gold.")
def patterns_export(project: str, file: str, annotator: str | None, blind: bool) -> None:
    """Write the learned patterns to FILE.yaml in the gazetteer format (one group per label)."""
    from .core.suggest.patterns import PatternSuggester

    if blind and not annotator:
        raise click.UsageError("--blind needs --annotator")
    p = _open(project)
    learned = PatternSuggester(p, annotator=annotator, blind=blind)
    written = learned.export_yaml(file, title=Path(project).name)
    click.echo(f"{written} patterns ({len(learned)} learned strings) written to {file}")


# ------------------------------------------------------------------ team hub (PostgreSQL)
@main.group(cls=_Group)
def hub() -> None:
    """A PostgreSQL hub the team's desktops sync with (URL: a libpq URL or connection string;
    passwords come from ~/.pgpass, PGPASSWORD or a service file, never from the project)."""


@hub.command("init")
@click.argument("url")
def hub_init(url: str) -> None:
    """Create the hub's tables, security policies and group roles in an existing database."""
    from .core.store.hub_server import describe
    from .core.sync.hub import init_hub

    created = init_hub(url)
    click.echo(f"{'created the hub in' if created else 'already a hub:'} {describe(url)}")


@hub.command("publish")
@project_arg
@click.argument("url")
@click.option("--as", "reviewer", default=None, help="The reviewer publishing (default: your login name).")
def hub_publish(project: str, url: str, reviewer: str | None) -> None:
    """Upload the project's articles, labels, roles and assignments; link the project to the hub."""
    import getpass

    from .core.sync.hub import publish

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
    from .core.sync.hub import add_user

    login, password, line = add_user(url, name, role)
    click.echo(f"{name} is a {role} of the hub, PostgreSQL role {login}")
    click.echo(f"one-time password: {password}")
    click.echo(f"connection line to send: {line}")


@hub.command("status")
@click.argument("url")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def hub_status_cmd(url: str, as_json: bool) -> None:
    """Per member: role, assigned articles, done, last sync."""
    from datetime import timezone

    from .core.sync.hub import hub_status

    rows = hub_status(url)
    if as_json:
        click.echo(json.dumps([{"name": n, "role": r, "assigned": a, "done": d,
                                "last_sync": s.isoformat() if s else None} for n, r, a, d, s in rows],
                              ensure_ascii=False, indent=2))
        return
    click.echo(f"{'member':<20} {'role':<10} {'assigned':>9} {'done':>7}  last sync")
    for name, role_, assigned, done, last in rows:
        when = last.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if last else "never"
        click.echo(f"{name:<20} {role_:<10} {assigned:>9} {done:>7}  {when}")


@main.command()
@click.argument("url")
@click.argument("project", type=click.Path())
@click.option("--annotator", required=True, help="Whose project this is (a member of the hub).")
@click.option("--all", "all_articles", is_flag=True, help="Every article you may read, not only the assigned.")
def clone(url: str, project: str, annotator: str, all_articles: bool) -> None:
    """Make a local project from a hub: your assigned articles and your work."""
    from .core.sync.hub import clone as do_clone

    summary = do_clone(url, project, annotator, all_articles=all_articles)
    click.echo(f"cloned into {project}: {summary.received_articles} articles, "
               f"{summary.received_assignments} assignments, {summary.annotations_added} annotations")


@main.command()
@project_arg
@click.argument("url", required=False)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def sync(project: str, url: str | None, as_json: bool) -> None:
    """Two-way sync with the project's hub (idempotent; the newer edit wins; conflicts listed)."""
    from .core.sync.hub import sync as do_sync

    summary = do_sync(_open(project), url)
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(summary.line())
    for line in summary.conflict_lines():
        click.echo(f"  {line}")


if __name__ == "__main__":  # pragma: no cover
    main()
