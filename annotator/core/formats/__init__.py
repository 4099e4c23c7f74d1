"""File formats: one module per format, nothing here touches the project store.

Shape of the package (keep it when adding a format):

- ``record.py``  — :class:`ArticleRecord`, what every reader yields, and the checks all
  readers share (decoding, text checks, opening only regular files).
- ``atomic.py``  — the ONE way outputs are written: :func:`atomic.atomic_file` for a file,
  :func:`atomic.atomic_folder` for files that change together, leftover clean-up, and
  :func:`atomic.refuse_project_path`.
- one module per format, each with the same two entry points:

  ``read(path, ...) -> Iterator[ArticleRecord | InputError]`` (or, for the training-set
  formats, records ``(text, spans, meta)``), and ``write(...)`` which writes through
  ``atomic``. A reader never raises for a bad record: it yields an ``InputError`` naming
  file and line, and goes on.

  ==========  ============================================  ======================
  module      format                                        read / write
  ==========  ============================================  ======================
  txt         one article per ``.txt`` file                 read
  csv         CSV with a header row                         read
  jsonl       JSON Lines, Prodigy NER shape (doccano too)   read, write
  docbin      spaCy ``train.spacy`` + ``dev.spacy``         read, write
  conll       CoNLL IOB2 (``token<TAB>tag``); import reads  read_records, write
              IOB, IOB2 and BILOU
  label_studio  Label Studio JSON export (UTF-16 offsets)   read, write
  doccano     doccano sequence-labeling JSONL               write (read: jsonl)
  label_map   ``--map``/``--add-labels``, repeated spans    —
  trainsplit  (shared by docbin/conll) records, split,      —
              :class:`ExportReport`
  ==========  ============================================  ======================

The pipeline stages over these are :mod:`annotator.core.importing` (file → store) and
:mod:`annotator.core.exporting` (store → file). A new import format adds a module here
with ``read`` and one entry in :data:`READERS`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from .record import ArticleRecord

__all__ = ["READERS", "ArticleRecord", "detect_format", "reader"]

#: Import format name → ``"module:function"`` reading one file (imported on first use).
READERS: dict[str, str] = {
    "txt": "txt:read",
    "jsonl": "jsonl:read",
    "csv": "csv:read",
    "label-studio": "label_studio:read",
    "conll": "conll:read_records",
}

#: File extension → import format name.
EXTENSIONS: dict[str, str] = {"txt": "txt", "jsonl": "jsonl", "ndjson": "jsonl", "json": "jsonl", "csv": "csv",
                              "conll": "conll", "iob": "conll", "iob2": "conll", "bio": "conll", "bilou": "conll"}
#: Import format → the extension a folder's files have (``import FOLDER --format …``).
FOLDER_EXTENSIONS: dict[str, str] = {"label-studio": "json"}


def detect_format(path: Path) -> str:
    """The import format of a file, from its extension (a Label Studio export: its shape)."""
    ext = path.suffix.lower().lstrip(".")
    if ext in EXTENSIONS:
        if EXTENSIONS[ext] == "jsonl":
            from .label_studio import looks_like_label_studio

            if looks_like_label_studio(path):
                return "label-studio"
        return EXTENSIONS[ext]
    raise InputError(f"unknown file type {path.suffix!r}; use --format {'|'.join(READERS)}", str(path))


def reader(fmt: str) -> Callable[..., Iterator[ArticleRecord | InputError]]:
    """The ``read`` function of an import format."""
    import importlib

    if fmt not in READERS:
        raise InputError(f"unknown format {fmt!r}; use {', '.join(READERS)}")
    module, func = READERS[fmt].split(":")
    found: Any = getattr(importlib.import_module(f"{__name__}.{module}"), func)
    return found
