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
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import Span
from ..errors import ExportError
from ..tokenizer import doc_with_spans, make_nlp
from . import atomic
from .trainsplit import ExportReport, Splitter, record_key, unpack

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

# What the DocBin keeps per token: text and entity annotation only (spaCy's default keeps
# 12 columns; 3 keep 100,000 articles in a few hundred MB instead of >1 GB).
DOCBIN_ATTRS = ("ORTH", "ENT_IOB", "ENT_TYPE")
FILES = ("train.spacy", "dev.spacy")


def _new_docbin() -> Any:
    from spacy.tokens import DocBin

    class _LeanDocBin(DocBin):  # type: ignore[misc,valid-type]
        """DocBin whose ``add`` records only the strings our attributes need.

        spaCy's ``add`` reads nine string attributes of every token in Python (tag, lemma,
        dep... all empty here), which is most of the export time; the hashes stored in
        ``ORTH``/``ENT_TYPE`` only need the token texts and entity labels. The file format is
        unchanged: it is read back by the stock DocBin and by ``spacy train``.
        """

        def add(self, doc: Any, labels: Iterable[str] = ()) -> None:
            from spacy.attrs import SPACY

            array = doc.to_array(self.attrs)
            self.tokens.append(array.reshape((array.shape[0], len(self.attrs))))
            spaces = doc.to_array(SPACY)
            self.spaces.append(spaces.reshape((spaces.shape[0], 1)).astype(bool))
            self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
            strings = doc.vocab.strings
            self.strings.update(map(strings.__getitem__, set(array[:, 0].tolist())))
            self.strings.update(labels)
            self.cats.append(doc.cats)
            self.span_groups.append(doc.spans.to_bytes())

    db = _LeanDocBin(attrs=list(DOCBIN_ATTRS), store_user_data=False)
    db.strings.add("")
    return db


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

    def emit(item: tuple[Any, list[str]], dev: bool) -> None:
        doc, labels = item
        bins[dev].add(doc, labels)

    splitter = Splitter(dev_fraction, seed, emit)
    for record in records:
        text, spans, meta = unpack(record)
        doc, rep = doc_with_spans(nlp, text, spans)
        report.articles += 1
        report._add(rep, meta)
        splitter.push((doc, list({e.label_ for e in doc.ents})), record_key(meta, text))
    splitter.close()
    report.train_articles, report.dev_articles = splitter.n_train, splitter.n_dev
    # train and dev change together: both go into a fresh folder that replaces the old one.
    with atomic.atomic_folder(out, owned=frozenset(FILES)) as fresh:
        for name, dev in zip(FILES, (False, True)):
            data = bins[dev].to_bytes()
            bins[dev] = None  # free the arrays before serialising the other half
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
