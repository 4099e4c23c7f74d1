"""Run mypy over annotator/ and fail on findings that are not in the recorded baseline.

The baseline (tools/mypy-baseline.txt) holds the findings the code base had when type
checking was switched on, as ``path: [code] message`` without line numbers, so that
moving code does not count as a new finding. A finding that is fixed drops out of the
baseline on the next ``--update``; CI fails only on findings that are new.

    python tools/typecheck.py            # check (what `make test` runs)
    python tools/typecheck.py --update   # rewrite the baseline after fixing findings
"""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "tools" / "mypy-baseline.txt"
_FINDING = re.compile(r"^(?P<path>[^:]+):\d+(?::\d+)?: error: (?P<message>.*?)(?:\s+\[(?P<code>[\w-]+)\])?$")


def findings() -> Counter[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "annotator", "--no-error-summary", "--hide-error-context",
         "--no-pretty", "--show-error-codes"],
        cwd=ROOT, capture_output=True, text=True,
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"mypy failed to run:\n{proc.stdout}{proc.stderr}")
    found: Counter[str] = Counter()
    for line in proc.stdout.splitlines():
        m = _FINDING.match(line)
        if m:
            found[f"{m['path']}: [{m['code'] or 'misc'}] {m['message']}"] += 1
    return found


def main() -> int:
    current = findings()
    if "--update" in sys.argv:
        BASELINE.write_text("".join(f"{k}\n" * n for k, n in sorted(current.items())), encoding="utf-8")
        print(f"mypy baseline: {sum(current.values())} findings recorded in {BASELINE.relative_to(ROOT)}")
        return 0
    known = Counter(BASELINE.read_text(encoding="utf-8").splitlines()) if BASELINE.exists() else Counter()
    new = current - known
    if new:
        print("mypy: new findings (fix them; the baseline only holds findings older than type checking):")
        for k, n in sorted(new.items()):
            print(f"  {k}" + (f"  (×{n})" if n > 1 else ""))
        return 1
    fixed = sum((known - current).values())
    print(f"mypy: no new findings ({sum(current.values())} known, {fixed} fixed since the baseline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
