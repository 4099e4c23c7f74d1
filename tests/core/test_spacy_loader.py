"""annotator.core.spacy_loader: one spaCy import, safe when two threads want it at once.

The packaged build failed its smoke test 3 times out of 3 with ``partially initialized
module 'spacy' has no attribute 'blank'``: a suggestion job was importing spaCy in a worker
thread when the GUI thread asked for the tokenizer, and the loader handed out the module
Python had registered in ``sys.modules`` at the *start* of that import.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A fresh interpreter: spaCy must not be imported yet. Thread A starts the import; the main
# thread asks the loader the moment Python has registered the (still initialising) module.
RACE = textwrap.dedent(
    """
    import sys, threading
    from annotator.core.spacy_loader import import_spacy

    assert "spacy" not in sys.modules
    worker = threading.Thread(target=import_spacy)
    worker.start()
    while "spacy" not in sys.modules:
        pass
    spacy = import_spacy()
    ok = hasattr(spacy, "blank") and spacy.blank("ar") is not None
    worker.join()
    print("ready" if ok else "half-initialised", "torch" in sys.modules)
    """
)


def test_a_second_thread_waits_for_the_import_in_progress() -> None:
    proc = subprocess.run([sys.executable, "-c", RACE], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    ready, torch_loaded = proc.stdout.split()
    assert ready == "ready"
    assert torch_loaded == "False"  # spaCy came without torch


def test_import_spacy_returns_the_same_module() -> None:
    from annotator.core.spacy_loader import import_spacy

    assert import_spacy() is import_spacy() is sys.modules["spacy"]
