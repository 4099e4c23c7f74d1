"""Import spaCy without dragging torch in, once, safely from any thread.

thinc (spaCy's ML library) imports torch at import time whenever torch is installed —
and camel-tools makes sure it is. That costs seconds on every command that only needs
spaCy's tokenizer, matcher or its numpy-based NER. The project never uses thinc's torch
layers, so spaCy is imported with torch hidden; torch itself stays importable afterwards
(camel-tools' NER imports it on its own when it runs).

Threads: the GUI imports spaCy lazily, both in worker threads (suggesters) and on the GUI
thread (tokenizer). ``"spacy" in sys.modules`` is *not* a sign that spaCy is ready: Python
puts a module there as soon as its import *starts*. Returning it then hands a half
initialised module to the second thread (``partially initialized module 'spacy' has no
attribute 'blank'`` — every time in the slower frozen build). So the loader remembers the
module only once its import has finished, and every other caller waits on the lock until
then.
"""
from __future__ import annotations

import sys
import threading
from types import ModuleType

_lock = threading.Lock()
_spacy: ModuleType | None = None  # set only after ``import spacy`` has completed


def import_spacy() -> ModuleType:
    """Import (once) and return the fully initialised spacy module."""
    global _spacy
    if _spacy is not None:
        return _spacy
    with _lock:
        if _spacy is None:
            # Hide torch only for the import that really initialises spaCy; if some other
            # code already started it, `import spacy` below just waits for that import.
            hide = "torch" not in sys.modules and "spacy" not in sys.modules
            if hide:
                sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail
            try:
                import spacy
            finally:
                if hide and sys.modules.get("torch", 0) is None:
                    del sys.modules["torch"]
            _spacy = spacy
    return _spacy
