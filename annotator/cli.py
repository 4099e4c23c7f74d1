"""The ``annotator`` command line. Every command takes the project file first.

Domain errors (``AnnotatorError``) become one clean ``error:`` line and exit status 1;
anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from .core.errors import AnnotatorError

PROGRESS_THRESHOLD = 2000


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        from .terminal import safe_output

        # Every command's output carries data from other people's files: escape control
        # characters (terminal escapes in a name or title) in all of it, in one place.
        with safe_output():
            return self._invoke(ctx)

    def _invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AnnotatorError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted; everything committed before this point is saved", err=True)
            sys.exit(130)


# No dir_okay=False: the store names a folder in its own "error: ..." line (exit 1), like every
# other unusable project path, instead of click's usage error (exit 2).
project_arg = click.argument("project", type=click.Path())


def _open(path: str):
    from .core.store import Project

    project = Project.open(path)
    # Close (and checkpoint the WAL) when the command ends, however it ends.
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.call_on_close(project.close)
    return project


def _smoke_test(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``annotator --smoke-test``: the same installation check as the packaged program's."""
    if not value or ctx.resilient_parsing:
        return
    from .gui.smoke import run_standalone

    ctx.exit(run_standalone())


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="arabic-news-annotator")
@click.option("--smoke-test", is_flag=True, expose_value=False, is_eager=True, callback=_smoke_test,
              help="Check the installation: open the demo project offscreen, label and delete a word, exit.")
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


def _count_records(paths: list[Path], fmt: str | None) -> int:
    total = 0
    for p in paths:
        kind = fmt or p.suffix.lower().lstrip(".")
        if kind in ("jsonl", "ndjson", "json", "csv"):
            with open(p, "rb") as fh:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
        else:
            total += 1
    return total


@main.command("import")
@project_arg
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["txt", "jsonl", "csv"]), default=None,
              help="Input format (default: from the file extension).")
@click.option("--annotator", default="imported", show_default=True,
              help="Whose annotation the spans in the records become.")
@click.option("--strict", is_flag=True, help="Any bad record aborts the import; nothing is written.")
@click.option("--text-column", default="text", show_default=True, help="CSV column holding the text.")
def import_cmd(project: str, files: tuple[str, ...], fmt: str | None, annotator: str, strict: bool,
               text_column: str) -> None:
    """Import articles from .txt files, folders of them, .jsonl or .csv files.

    \b
    Examples:
      annotator import news.db articles.jsonl
      annotator import news.db folder_of_txt/ --format txt
      annotator import news.db sheet.csv --text-column body
    """
    from .core.importer import expand_paths, import_paths

    p = _open(project)
    paths = expand_paths(files, fmt)
    total = _count_records(paths, fmt)
    if total >= PROGRESS_THRESHOLD:
        with click.progressbar(length=total, label="importing", file=sys.stderr) as bar:
            done = [0]

            def progress(n: int) -> None:
                bar.update(n - done[0])
                done[0] = n

            summary = import_paths(p, paths, fmt=fmt, annotator=annotator, strict=strict,
                                   text_column=text_column, progress=progress)
    else:
        summary = import_paths(p, paths, fmt=fmt, annotator=annotator, strict=strict, text_column=text_column)
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
@click.option("--format", "fmt", type=click.Choice(["jsonl", "spacy", "conll"]), default="jsonl",
              show_default=True)
@click.option("--annotator", default=None, help="Only this annotator's annotations.")
@click.option("--status", type=click.Choice(["new", "in_progress", "done", "skipped", "flagged"]), default=None)
@click.option("--gold", is_flag=True, help="Export the adjudicated gold annotations.")
@click.option("--dev-fraction", default=0.2, show_default=True, type=float, help="spacy/conll: dev split.")
@click.option("--seed", default=0, show_default=True, type=int, help="spacy/conll: split seed.")
def export(project: str, out: str, fmt: str, annotator: str | None, status: str | None, gold: bool,
           dev_fraction: float, seed: int) -> None:
    """Export annotations: JSONL (Prodigy shape), spaCy DocBins or CoNLL (IOB2).

    \b
    Examples:
      annotator export news.db out.jsonl --status done
      annotator export news.db out.jsonl --gold
      annotator export news.db trainset/ --format spacy --gold
    """
    p = _open(project)
    if fmt == "jsonl":
        from .core.exporter import export_jsonl

        summary = export_jsonl(p, out, annotator=annotator, status=status, gold=gold)
        click.echo(f"exported {summary.line()}")
        return
    from .core.trainset_export import export_trainset

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
    from .core.model import Label

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
    from .core.team import assign as do_assign

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
    from .core.merge import merge_projects

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
    from .core.team import project_agreement

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

    from .core.team import adjudicate_batch

    summary = adjudicate_batch(_open(project), reviewer or getpass.getuser(), strategy, min_annotators)
    click.echo(summary.line())


@main.command()
@project_arg
@click.option("--source", type=click.Choice(["rules", "camel", "model"]), default="rules", show_default=True)
@click.option("--annotator", default=None, help="Only articles this annotator has not finished.")
@click.option("--output", type=click.Path(dir_okay=False), default=None,
              help="Also write the suggestions as JSONL in the export format.")
@click.option("--model", "model_path", type=click.Path(), default=None,
              help="--source model/camel: model folder (default: the project's current model).")
def suggest(project: str, source: str, annotator: str | None, output: str | None, model_path: str | None) -> None:
    """Pre-annotate every article not yet done; annotators then accept or reject the suggestions."""
    from .core.preannotate import articles_to_suggest, suggest_project

    p = _open(project)
    options = {}
    if source == "model":
        from .core.errors import SuggesterUnavailable
        from .core.models_registry import current_model_path

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

    from .core.models_registry import record_model
    from .core.train import train as do_train
    from .core.trainset_export import export_trainset

    p = _open(project)
    out = _Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    report = export_trainset(p, out / "corpus", fmt="spacy", gold=gold, annotator=annotator,
                             dev_fraction=dev_fraction, seed=seed)
    click.echo(f"training set: {report.summary()}")

    def progress(step) -> None:
        click.echo(f"  step {step.step:>6}  epoch {step.epoch:>3}  dev F1 {step.score:.3f}  "
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
    from .gui.system_libraries import check

    missing = check()  # before Qt loads its xcb plugin, which aborts without naming them
    if missing:
        click.echo(missing, err=True)
        sys.exit(1)
    from .gui.app import run

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
    hits = _open(project).search_articles(query, limit=limit)
    for hit in hits:
        if as_json:
            click.echo(json.dumps(hit.to_dict(), ensure_ascii=False))
        else:
            click.echo(f"{hit.id}\t{hit.title}\n    {hit.snippet}")
    if not hits and not as_json:
        click.echo("no article matches", err=True)

if __name__ == "__main__":  # pragma: no cover
    main()
