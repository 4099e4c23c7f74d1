"""The benchmark scripts run against today's package layout (they import it lazily, inside
functions, so nothing but running them shows a stale import)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_token_splits_reports_none_on_the_shipped_and_generated_data() -> None:
    """#13's check that exports never split a token at a span edge; it once imported the
    pre-#13 ``annotator.core.trainset`` and died with ModuleNotFoundError."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "token_splits.py"), "--generated", "300"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
    lines = [line for line in proc.stdout.splitlines() if "token splits" in line]
    assert [line.split()[0] for line in lines] == ["demo", "gold.jsonl", "heldout.jsonl", "generated"]
    assert all("token splits 0  misaligned 0" in line for line in lines), proc.stdout
