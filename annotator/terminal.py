"""Command-line output that data cannot use to drive the terminal.

Annotator names, external ids, titles and outlets come from files other people made. Printed
raw, an ESC or OSC sequence in one of them clears the screen, sets the window title, or
worse (``stats`` did both). :func:`terminal_safe` shows every control character as a visible
``\\xNN`` escape instead; :func:`safe_output` routes everything a command prints (click's
``echo``, ``print``, error lines) through it, so each command — present or future — gets it
without calling anything.

Kept: newline and tab (layout), and a carriage return at the very start of a write (a
progress bar redrawing its line). Everything else in C0, DEL and C1 is escaped.
"""
from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Iterator
from typing import TextIO

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def terminal_safe(text: str) -> str:
    """``text`` with control characters (but newline and tab) shown as ``\\xNN``."""
    return _CONTROL.sub(_escape, text)


class SafeTextStream(io.TextIOBase):
    """A text stream that writes :func:`terminal_safe` text to another one."""

    def __init__(self, inner: TextIO):
        super().__init__()
        self.inner = inner

    def write(self, text: str) -> int:  # type: ignore[override]
        if not isinstance(text, str):
            raise TypeError("text stream")  # click probes with bytes: this is a text stream
        redraw = text.startswith("\r")
        self.inner.write(("\r" if redraw else "") + terminal_safe(text[1:] if redraw else text))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.inner, "errors", None)


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    """Within the block, stdout and stderr escape control characters (nesting is a no-op)."""
    if isinstance(sys.stdout, SafeTextStream):
        yield
        return
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeTextStream(out), SafeTextStream(err)  # type: ignore[assignment]
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        sys.stdout, sys.stderr = out, err
