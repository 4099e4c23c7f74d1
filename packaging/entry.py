"""Entry point of the packaged (PyInstaller) application: ``annotator [PROJECT] [options]``.

Annotators get a single program, so it opens the window by default:

    annotator                      the built-in demo project
    annotator path/to/project.db   a project file someone handed to you
    annotator --smoke-test         open the demo project offscreen, label a word, delete it, exit

The command-line tools stay reachable from the same binary: when the first argument names a
command of ``annotator.cli`` (``import``, ``export``, ``stats``, ``merge`` …) and is not an
existing file, the arguments go to that command line instead, so a reviewer without a
Python checkout can run ``annotator merge REVIEWER.db THEIR.db`` with the bundle too.

Plain argparse here (not the click ``gui`` command) because ``--smoke-test`` is an option
of the packaged program only; the GUI itself is started by the same
:func:`annotator.gui.app.run` the ``annotator gui`` command uses.
"""
from __future__ import annotations

import argparse
import os
import sys

#: AppStream id; also the .desktop file's name (share/applications/APP_ID.desktop), which
#: Wayland compositors match the window to, for its icon and name in the task bar.
APP_ID = "io.github.arabic_news_annotator"


def cli_commands() -> set[str]:
    """Names of the ``annotator`` command-line commands (empty if the CLI cannot load)."""
    try:
        from annotator.cli import main
    except ImportError:  # pragma: no cover - a bundle built without click
        return set()
    return set(main.commands) - {"gui"}


def build_parser() -> argparse.ArgumentParser:
    from annotator import __version__

    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Arabic News Annotator: mark actors, locations, counts of people and sources.",
        epilog="Command-line tools: annotator COMMAND --help, where COMMAND is one of: "
        + ", ".join(sorted(cli_commands())),
    )
    parser.add_argument("project", nargs="?", default=None,
                        help="project file to open (default: the built-in demo project)")
    parser.add_argument("--annotator", default=None, help="your name (default: remembered, or asked once)")
    parser.add_argument("--review", action="store_true", help="open the reviewer's adjudication mode")
    parser.add_argument("--lang", choices=("ar", "en"), default=None, help="UI language (default: system)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="check the installation: label and delete a span offscreen, print one line, exit")
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "gui" and not os.path.exists(args[0]):
        args = args[1:]  # `annotator gui [PROJECT] …` as with the pip-installed command line
    if args and args[0] in cli_commands() and not os.path.exists(args[0]):
        from annotator.cli import main as cli

        # standalone_mode: click prints usage errors and exits with its own status.
        cli.main(args=args, prog_name="annotator", standalone_mode=True)
        return 0
    opts = build_parser().parse_args(args)
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.setDesktopFileName(APP_ID)
    if opts.smoke_test:
        from annotator.gui.smoke import run_standalone

        return run_standalone(opts.project, annotator=opts.annotator, review=opts.review, lang=opts.lang)
    from annotator.gui.app import run

    return run(opts.project, annotator=opts.annotator, review=opts.review, lang=opts.lang)


if __name__ == "__main__":
    sys.exit(main())
