"""spaCy DocBin training sets: ``train.spacy`` and ``dev.spacy``.

- :func:`write` writes the pair from a stream of records (see :mod:`.trainsplit`), with the
  spans as ``doc.ents``; only the DocBins themselves grow with the corpus.
- :func:`read` reads one file back as records ``(text, spans, meta)``.

Tokens come from :mod:`annotator.core.tokenizer`, the same tokenizer the training config
uses, so entity boundaries in the files are the ones the model sees. spaCy is imported
lazily: the CLI imports this module at start-up.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..domain import Span
from ..errors import ExportError
from ..tokenizer import doc_columns, doc_with_spans, edge_token_indices, make_nlp, span_fields
from . import atomic
from .trainsplit import ExportReport, Splitter, record_key, unpack

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

# What the DocBin keeps per token: text and entity annotation only (spaCy's default keeps
# 12 columns; 3 keep 100,000 articles in a few hundred MB instead of >1 GB).
DOCBIN_ATTRS = ("ORTH", "ENT_IOB", "ENT_TYPE")
FILES = ("train.spacy", "dev.spacy")


class _Row(NamedTuple):
    """One document as the DocBin stores it (what spaCy's ``DocBin.add`` takes from a Doc)."""

    tokens: Any  # n × len(attrs) uint64, in the DocBin's column order
    spaces: Any  # n × 1 bool
    has_unknown_spaces: bool
    cats: dict[str, float]
    span_groups: bytes
    orths: Any  # the ORTH column (uint64), spelled through ``strings`` when the DocBin is written
    labels: list[str]
    strings: Any


def _doc_row(doc: Doc, attrs: list[int | str]) -> _Row:
    """The row of a Doc whose ``ents`` are set (the path of spans off the token edges)."""
    from spacy.attrs import SPACY

    tokens = doc.to_array(attrs).reshape((len(doc), len(attrs)))
    spaces = doc.to_array(SPACY).reshape((len(doc), 1)).astype(bool)
    return _Row(tokens, spaces, doc.has_unknown_spaces, doc.cats, doc.spans.to_bytes(),
                tokens[:, 0].copy(), list({e.label_ for e in doc.ents}), doc.vocab.strings)


class _EntityColumns:
    """A document's row straight from the tokenizer's Doc and the spans, without ``doc.ents``.

    Setting ``doc.ents`` from ``char_span`` makes Token and Span objects and walks every
    token in Python: a third of the export's instructions. The DocBin keeps three columns,
    so they are filled in numpy instead: ORTH as tokenized, ENT_IOB 3 (B) / 1 (I) / 2 (O)
    and ENT_TYPE the label's hash, what ``Doc.set_ents`` leaves for labelled,
    non-overlapping spans on token edges. Any other span makes :meth:`row` return None,
    and the document takes the Doc path (:func:`doc_with_spans`).
    """

    def __init__(self, attrs: list[int | str]) -> None:
        from spacy.attrs import ENT_IOB, ENT_TYPE

        self.width = len(attrs)
        self.iob, self.type = attrs.index(ENT_IOB), attrs.index(ENT_TYPE)
        self.label_hashes: dict[str, int] = {}

    def row(self, doc: Doc, text: str, spans: Iterable[Any]) -> tuple[_Row, int] | None:
        """The row and its number of entities, or None (see the class docstring)."""
        import numpy

        n = len(doc)
        if n == 0:
            return None
        fields = sorted(map(span_fields, spans))
        n_text = len(text)
        last_end = -1
        for start, end, label in fields:
            # doc_with_spans' fast path takes the same spans (sorted by start, end).
            if start < last_end or not 0 <= start < end <= n_text or not label:
                return None
            if text[start].isspace() or text[end - 1].isspace():
                return None
            last_end = end
        orths, starts, ends, spaces = doc_columns(doc, text)
        pairs = edge_token_indices(starts, ends, [(start, end) for start, end, _label in fields])
        if pairs is None:
            return None
        tokens = numpy.zeros((n, self.width), dtype=numpy.uint64)
        tokens[:, 0] = orths
        iob, type_ = tokens[:, self.iob], tokens[:, self.type]
        iob[:] = 2
        strings = doc.vocab.strings
        for (first, last), (_start, _end, label) in zip(pairs, fields):
            label_hash = self.label_hashes.get(label)
            if label_hash is None:
                label_hash = self.label_hashes[label] = strings.add(label)
            iob[first] = 3
            iob[first + 1:last + 1] = 1
            type_[first:last + 1] = label_hash
        row = _Row(tokens, spaces.astype(bool).reshape((n, 1)), doc.has_unknown_spaces, doc.cats,
                   doc.spans.to_bytes(), orths, list({label for _s, _e, label in fields}), strings)
        return row, len(fields)


_KNOWN_SLOTS = 1 << 16


def _new_docbin() -> Any:
    from spacy.tokens import DocBin

    class _LeanDocBin(DocBin):  # type: ignore[misc,valid-type]
        """DocBin filled with rows: only the strings our attributes need, each spelled once.

        spaCy's ``add`` reads nine string attributes of every token in Python (tag, lemma,
        dep... all empty here); the hashes stored in ``ORTH``/``ENT_TYPE`` only need the
        token texts and entity labels, and the texts are spelled once, when the DocBin is
        written. The file format is unchanged: it is read back by the stock DocBin and by
        ``spacy train``.
        """

        def __init__(self) -> None:
            import numpy

            super().__init__(attrs=list(DOCBIN_ATTRS), store_user_data=False)
            self.orths: set[int] = set()  # ORTH hashes whose texts join self.strings in to_bytes
            # A filter in front of that set: slot (low bits of a hash) → a hash already in it.
            # Most of a document's tokens are known texts; they are dropped in numpy, not
            # looked up one by one (a hit would compare two equal ints in Python).
            self.known = numpy.zeros(_KNOWN_SLOTS, dtype=numpy.uint64)
            self.mask, self.intp = numpy.uint64(_KNOWN_SLOTS - 1), numpy.intp
            self.spell: Any = None  # the StringStore of the rows' Docs
            self.strings.add("")

        def add_row(self, row: _Row) -> None:
            self.tokens.append(row.tokens)
            self.spaces.append(row.spaces)
            self.flags.append({"has_unknown_spaces": row.has_unknown_spaces})
            slots = (row.orths & self.mask).astype(self.intp)
            new = row.orths[self.known[slots] != row.orths]
            if len(new):
                self.orths.update(new.tolist())
                self.known[(new & self.mask).astype(self.intp)] = new
            self.spell = row.strings
            self.strings.update(row.labels)
            self.cats.append(row.cats)
            self.span_groups.append(row.span_groups)

        def to_bytes(self) -> bytes:
            """spaCy's ``DocBin.to_bytes``, byte for byte, in half the memory: the rows are
            joined once (not stacked, then copied to bytes) and let go of before packing. Use
            once: the DocBin is empty afterwards."""
            import zlib

            import numpy
            import srsly

            if self.orths:
                self.strings.update(map(self.spell.__getitem__, self.orths))
                self.orths = set()
            lengths = numpy.asarray([len(rows) for rows in self.tokens], dtype="int32").tobytes("C")
            # C-order rows, joined as vstack(...).tobytes("C") would lay them out.
            tokens = b"".join(self.tokens)  # type: ignore[arg-type]
            spaces = b"".join(self.spaces)  # type: ignore[arg-type]
            self.tokens, self.spaces = [], []
            packed = srsly.msgpack_dumps({
                "version": self.version, "attrs": self.attrs, "tokens": tokens, "spaces": spaces, "lengths": lengths,
                "strings": sorted(self.strings), "cats": self.cats, "flags": self.flags,
                "span_groups": self.span_groups})
            del tokens, spaces
            return zlib.compress(packed)

    return _LeanDocBin()


def _serialise(train: Any, dev: Any) -> tuple[bytes, bytes]:
    """Both DocBins' bytes. dev is serialised on a second thread: ``zlib.compress``, a sixth
    of the export, lets go of the GIL, so the two compressions run on two cores."""
    result: list[Any] = []

    def serialise_dev() -> None:
        try:
            result.append(dev.to_bytes())
        except BaseException as exc:  # re-raised in the caller's thread
            result.append(exc)

    worker = threading.Thread(target=serialise_dev, name="docbin-dev")
    worker.start()
    try:
        train_bytes = train.to_bytes()
    finally:
        worker.join()
    if isinstance(result[0], BaseException):
        raise result[0]
    return train_bytes, result[0]


def write(
    records: Iterable[Any],
    outdir: str | os.PathLike[str],
    dev_fraction: float = 0.2,
    seed: int = 0,
    nlp: Language | None = None,
) -> ExportReport:
    """Write ``outdir/train.spacy`` and ``outdir/dev.spacy`` with the spans as ``doc.ents``.

    The split is by article (seeded hash of the record's id, else its text); with at least
    two records and ``0 < dev_fraction < 1`` both files have at least one document. The pair is
    written into a fresh folder that replaces ``outdir`` in one step, so a failed or killed
    export never leaves a half-written corpus, nor a new train beside an old dev. ``nlp``
    defaults to :func:`make_nlp` (the ``ar_news`` tokenizer, as the training config).
    """
    nlp = nlp or make_nlp()
    out = Path(outdir)
    atomic.make_parent(out)
    report = ExportReport()
    bins = {False: _new_docbin(), True: _new_docbin()}
    attrs = bins[False].attrs
    columns = _EntityColumns(attrs)

    def emit(row: _Row, dev: bool) -> None:
        bins[dev].add_row(row)

    splitter = Splitter(dev_fraction, seed, emit)
    for record in records:
        text, spans, meta = unpack(record)
        report.articles += 1
        fast = columns.row(nlp.make_doc(text), text, spans)
        if fast is None:  # a span off the token edges, overlapping or unlabelled
            doc, rep = doc_with_spans(nlp, text, spans)
            report._add(rep, meta)
            row = _doc_row(doc, attrs)
        else:
            row, n_ents = fast
            report.spans += n_ents
        splitter.push(row, record_key(meta, text))
    splitter.close()
    report.train_articles, report.dev_articles = splitter.n_train, splitter.n_dev
    # train and dev change together: both go into a fresh folder that replaces the old one.
    with atomic.atomic_folder(out, owned=frozenset(FILES)) as fresh:
        for name, data in zip(FILES, _serialise(bins[False], bins[True])):
            atomic.write_new_file(fresh / name, data)
            report.paths.append(out / name)
    return report


def read(path: str | os.PathLike[str], nlp: Language | None = None) -> Iterable[tuple[str, list[Span], dict[str, Any]]]:
    """The documents of one ``.spacy`` file as records ``(text, spans, meta)``."""
    from spacy.tokens import DocBin

    nlp = nlp or make_nlp()
    try:
        docbin = DocBin().from_disk(Path(path))
    except (OSError, ValueError) as e:
        raise ExportError(f"cannot read {path}: {e}") from None
    for doc in docbin.get_docs(nlp.vocab):
        yield doc.text, [Span(e.start_char, e.end_char, e.label_, {}, "import") for e in doc.ents], {}
