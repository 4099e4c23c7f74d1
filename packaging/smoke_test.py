"""Check a built bundle: ``python packaging/smoke_test.py dist/annotator/annotator``.

Runs the program with ``--smoke-test`` the way a new annotator's first start happens: no
display (QT_QPA_PLATFORM=offscreen), a brand-new HOME and XDG folders (so the demo project is
built fresh from the bundled samples and no remembered settings help), and no network
needed. Passes when the program exits 0 and printed ``smoke test ok``; then it also checks
that the heavy packages the spec excludes really stayed out, and reports the bundle size and
the start-up time. It then runs the bundle's command-line tools (``annotator stats`` and
``annotator export``) on the demo project the first start built. Exit status 0 on success, 1 otherwise.

Uses only the standard library: it runs with any Python, not only the project's venv.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TIMEOUT_S = 180
#: Packages the spec excludes; finding one in the bundle means the exclusion broke.
MUST_BE_ABSENT = ("torch", "transformers", "tokenizers", "safetensors", "huggingface_hub", "triton", "nvidia")


def bundle_size(folder: Path) -> int:
    """Bytes in ``folder`` (files only, symlinks not followed), like ``du -sb``."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def human(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    raise AssertionError("unreachable")


def fresh_environment(home: Path) -> dict[str, str]:
    """The caller's environment with a new, empty home and offscreen Qt."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_", "CAMELTOOLS"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        QT_QPA_PLATFORM="offscreen",
        LANG=env.get("LANG", "C.UTF-8"),
    )
    (home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
    return env


def run_smoke(binary: Path, home: Path) -> tuple[int, list[str], str, float | None, float]:
    """Run ``binary --smoke-test``; return (status, stdout lines, stderr, first-line s, exit s)."""
    env = fresh_environment(home)
    started = time.monotonic()
    proc = subprocess.Popen([str(binary), "--smoke-test"], env=env, cwd=home, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
    first_line_at: list[float] = []
    lines: list[str] = []
    err_chunks: list[str] = []

    def read_out() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            if not first_line_at:
                first_line_at.append(time.monotonic() - started)
            lines.append(line.rstrip("\n"))

    def read_err() -> None:
        err_chunks.append(proc.stderr.read())  # type: ignore[union-attr]

    readers = [threading.Thread(target=read_out), threading.Thread(target=read_err)]
    for t in readers:
        t.start()
    try:
        status = proc.wait(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        status = proc.wait()
        err_chunks.append(f"\n(killed after {TIMEOUT_S} s: a dialog waiting for input, or a hang)")
    exited_at = time.monotonic() - started
    for t in readers:
        t.join()
    return status, lines, "".join(err_chunks), (first_line_at[0] if first_line_at else None), exited_at


def run_cli_on(binary: Path, home: Path, demo: Path) -> list[str]:
    """Run the bundle's command-line tools on the demo project the smoke test built.

    Annotators without a Python checkout use ``annotator stats`` and ``annotator export``
    from this same program; return what went wrong (empty when both work)."""
    env = fresh_environment(home)
    problems = []
    out = home / "demo-export.jsonl"
    for args, check in (
        (["stats", str(demo)], lambda o: "articles:" in o),
        (["export", str(demo), str(out)], lambda o: out.is_file() and out.stat().st_size > 0),
    ):
        proc = subprocess.run([str(binary), *args], env=env, cwd=home, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=TIMEOUT_S)
        for line in proc.stdout.splitlines()[:6]:
            print(f"  $ annotator {args[0]} | {line}")
        if proc.returncode != 0 or not check(proc.stdout):
            problems.append(f"`annotator {' '.join(args[:1])}` failed (exit {proc.returncode}): "
                            + (proc.stderr.strip()[-500:] or proc.stdout.strip()[-500:]))
    return problems


def excluded_present(bundle: Path) -> list[str]:
    """Excluded packages that nevertheless ended up in the bundle."""
    found = []
    for root, dirs, _files in os.walk(bundle):
        for d in dirs:
            if d in MUST_BE_ABSENT or d.startswith("nvidia_") or d.startswith("torch-"):
                found.append(str(Path(root, d).relative_to(bundle)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", type=Path, help="the built program, e.g. dist/annotator/annotator")
    parser.add_argument("--keep-home", action="store_true", help="keep the temporary HOME for inspection")
    args = parser.parse_args(argv)
    binary = args.binary.resolve()
    if not binary.is_file() or not os.access(binary, os.X_OK):
        print(f"FAIL: {binary} is not an executable (run `make package` first)")
        return 1
    bundle = binary.parent
    home = Path(tempfile.mkdtemp(prefix="annotator-smoke-home-"))
    try:
        status, lines, stderr, first_line, exited = run_smoke(binary, home)
        demo = home / ".local" / "share" / "arabic-news-annotator" / "demo.db"
        problems = []
        if status != 0:
            problems.append(f"exit status {status}")
        if not any(line.startswith("smoke test ok") for line in lines):
            problems.append("no 'smoke test ok' line")
        if not demo.is_file():
            problems.append(f"no demo project was created at {demo}")
        if demo.is_file():
            problems += run_cli_on(binary, home, demo)
        leaked = excluded_present(bundle)
        if leaked:
            problems.append("excluded packages in the bundle: " + ", ".join(leaked))
        for line in lines:
            print(f"  | {line}")
        size = bundle_size(bundle)
        print(f"bundle: {bundle} — {human(size)} ({size} bytes)")
        shown = f"{first_line:.2f} s" if first_line is not None else "never"
        print(f"start-up: first line after {shown}, process exit after {exited:.2f} s")
        if problems:
            print("stderr of the program:\n" + stderr.strip()[-4000:])
            print("FAIL: " + "; ".join(problems))
            return 1
        print("PASS")
        return 0
    finally:
        if args.keep_home:
            print(f"temporary HOME kept at {home}")
        else:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
