"""Suggestions and learning: suggest, train, patterns export."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .base import _open, main, project_arg


def _check_sources(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """``--source``: known suggester names, comma-separated, normalised to ``a,b``."""
    from ..core.errors import SuggesterUnavailable
    from ..core.suggest import SOURCES, parse_sources

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
    from ..core.preannotate import articles_to_suggest, suggest_project

    p = _open(project)
    if output:
        from ..core.formats.atomic import refuse_project_path

        refuse_project_path(output, p.path)
    options: dict[str, Any] = {}
    if threshold:
        options["min_score"] = threshold
    if blind:
        if not annotator:
            raise click.UsageError("--blind needs --annotator (whose own spans are learned)")
        options["blind"] = True
    if "model" in source.split(","):
        from ..core.errors import SuggesterUnavailable
        from ..core.trained_models import current_model_path

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

    from ..core.exporting import export_trainset
    from ..core.train import train as do_train
    from ..core.trained_models import record_model

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
    from ..core.suggest.patterns import PatternSuggester

    if blind and not annotator:
        raise click.UsageError("--blind needs --annotator")
    p = _open(project)
    learned = PatternSuggester(p, annotator=annotator, blind=blind)
    written = learned.export_yaml(file, title=Path(project).name)
    click.echo(f"{written} patterns ({len(learned)} learned strings) written to {file}")
