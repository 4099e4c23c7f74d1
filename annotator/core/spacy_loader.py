"""Import spaCy without dragging torch in.

thinc (spaCy's ML library) imports torch at import time whenever torch is installed —
and camel-tools makes sure it is. That costs seconds on every command that only needs
spaCy's tokenizer, matcher or its numpy-based NER. The project never uses thinc's torch
layers, so spaCy is imported with torch hidden; torch itself stays importable afterwards
(camel-tools' NER imports it on its own when it runs).
"""
from __future__ import annotations

import sys
import threading

_lock = threading.Lock()


def import_spacy():  # type: ignore[no-untyped-def]
    """Import (once) and return the spacy module."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    with _lock:
        if "spacy" in sys.modules:
            return sys.modules["spacy"]
        hide = "torch" not in sys.modules
        if hide:
            sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail
        try:
            import spacy
        finally:
            if hide and sys.modules.get("torch", 0) is None:
                del sys.modules["torch"]
        return spacy
