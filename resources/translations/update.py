"""Regenerate annotator_ar.ts from the GUI sources and ar.yaml, and compile annotator_ar.qm.

Run after changing UI strings:  .venv/bin/python resources/translations/update.py
Strings are found as calls of a module's translation helper (``def tr(text)`` /
``def _tr(text)`` that call ``translate("Context", text)``) and direct
``QCoreApplication.translate("Context", "text")`` calls. ar.yaml maps each English
string to its Arabic translation; a string missing there is reported and left
unfinished, and tests/gui/test_translations.py fails until it is added.

Counted strings (``def tr_n(text: str, n: int)`` helpers that call
``translate("Context", text, None, n)``, with ``%n`` for the number) are numerus
messages: Arabic has six forms, and ar.yaml gives them as a list in Qt's order for
Arabic — n = 0, n = 1, n = 2, n % 100 in 3…10, n % 100 in 11…99, and the rest
(100, 101, 102, …): «لا اقتراحات», «اقتراح واحد», «اقتراحان», «%n اقتراحات»,
«%n اقتراحًا», «%n اقتراح».
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GUI = ROOT / "annotator" / "gui"

_HELPER = re.compile(r"def (\w+)\(text: str\) -> str:\s*\n(?:.*\n){0,4}?.*?translate\(\"(\w+)\", text\)")
_COUNTED_HELPER = re.compile(
    r"def (\w+)\(text: str, n: int\) -> str:\s*\n(?:.*\n){0,4}?.*?translate\(\"(\w+)\", text, None, n\)")
ARABIC_NUMERUS_FORMS = 6
_DIRECT = re.compile(r"(?:QCoreApplication|QApplication)\.translate\(\s*\"(\w+)\",\s*\"((?:[^\"\\]|\\.)*)\"")


def extract() -> dict[str, list[str]]:
    """{context: [source strings]} in file order, without duplicates.

    Counted (numerus) strings are kept with a leading ``NUMERUS`` marker."""
    found: dict[str, list[str]] = {}

    def add(ctx: str, text: str) -> None:
        text = bytes(text, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
        items = found.setdefault(ctx, [])
        if text not in items:
            items.append(text)

    for path in sorted(GUI.glob("*.py")):
        src = path.read_text(encoding="utf-8")
        for name, ctx in _HELPER.findall(src):
            for m in re.finditer(rf"(?<![\w.]){re.escape(name)}\(\s*\"((?:[^\"\\]|\\.)*)\"", src):
                add(ctx, m.group(1))
        for name, ctx in _COUNTED_HELPER.findall(src):
            for m in re.finditer(rf"(?<![\w.]){re.escape(name)}\(\s*\"((?:[^\"\\]|\\.)*)\"", src):
                add(ctx, NUMERUS + m.group(1))
        for ctx, text in _DIRECT.findall(src):
            add(ctx, text)
        if path.name == "dialogs.py":  # the shortcut table is translated row by row
            for text in re.findall(r'^\s*\("[^"]*", "([^"]*)"\),$', src, re.M):
                add("Dialogs", text)
            for text in ("Keys", "Action"):
                add("Dialogs", text)
    return found


NUMERUS = "\x00numerus\x00"


def load_translations() -> dict[str, str | list[str]]:
    import yaml

    with open(HERE / "ar.yaml", encoding="utf-8") as fh:
        loaded = yaml.safe_load(fh) or {}
    return {str(k): [str(f) for f in v] if isinstance(v, list) else str(v) for k, v in loaded.items()}


def _message(text: str, tr: str | list[str] | None, missing: list[str], ctx: str) -> str:
    counted = text.startswith(NUMERUS)
    source = text.removeprefix(NUMERUS)
    ok = tr is not None and (isinstance(tr, list) == counted) and \
        (not counted or len(tr) == ARABIC_NUMERUS_FORMS)
    if not ok:
        needs = f" (needs a list of {ARABIC_NUMERUS_FORMS} Arabic forms)" if counted else ""
        missing.append(f"{ctx}: {source}{needs}")
        body = '<translation type="unfinished"></translation>'
    elif counted:
        forms = "".join(f"\n            <numerusform>{escape(f)}</numerusform>" for f in tr)  # type: ignore[union-attr]
        body = f"<translation>{forms}\n        </translation>"
    else:
        body = f"<translation>{escape(tr)}</translation>"  # type: ignore[arg-type]
    numerus = ' numerus="yes"' if counted else ""
    return f"    <message{numerus}>\n        <source>{escape(source)}</source>\n        {body}\n    </message>"


def write_ts(found: dict[str, list[str]], ar: dict[str, str | list[str]]) -> list[str]:
    missing = []
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1" language="ar">']
    for ctx in sorted(found):
        lines.append(f"<context>\n    <name>{ctx}</name>")
        for text in found[ctx]:
            lines.append(_message(text, ar.get(text.removeprefix(NUMERUS)), missing, ctx))
        lines.append("</context>")
    lines.append("</TS>")
    (HERE / "annotator_ar.ts").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return missing


def main() -> int:
    missing = write_ts(extract(), load_translations())
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(HERE / "annotator_ar.ts"), "-qm", str(HERE / "annotator_ar.qm")], check=True)
    for m in missing:
        print(f"missing Arabic translation: {m}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
