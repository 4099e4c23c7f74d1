"""Moving articles and annotations in and out: ``annotator import`` and ``annotator export``."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .base import PROGRESS_THRESHOLD, _open, main, project_arg


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
    from ..core.formats.label_map import parse_label_map
    from ..core.importing import import_paths, resolve_paths

    options: dict[str, Any] = {
        "label_map": parse_label_map(label_map), "add_labels": add_labels, "keep_tokens": keep_tokens,
    }
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
        from ..core.exporting import export_jsonl

        style = "doccano" if fmt == "doccano" else "no-tokens" if no_tokens else "tokens"
        summary = export_jsonl(p, out, annotator=annotator, status=status, gold=gold, style=style)
        click.echo(f"exported {summary.line()}")
        return
    if fmt == "label-studio":
        from ..core.exporting import export_label_studio

        summary = export_label_studio(p, out, annotator=annotator, status=status, gold=gold)
        click.echo(f"exported {summary.line()}")
        return
    from ..core.exporting import export_trainset

    report = export_trainset(p, out, fmt=fmt, gold=gold, annotator=annotator, status=status,
                             dev_fraction=dev_fraction, seed=seed)
    click.echo(f"exported {report.summary()}")
    if report.spans_misaligned:
        for example in report.misaligned_examples:
            click.echo(f"misaligned: {example}", err=True)
