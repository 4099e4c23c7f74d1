"""Training-set exports: spaCy DocBin (``train.spacy``/``dev.spacy``) and CoNLL (IOB2).

Pure functions over *records* ``(text, spans, meta)``: ``spans`` are
:class:`annotator.core.model.Span` objects (or ``(start, end, label)`` tuples / dicts),
``meta`` a dict whose ``article_id`` / ``id`` / ``external_id`` names the article for the
train/dev split. Records are consumed as a stream: only the DocBins themselves grow with
the corpus (spaCy serialises a DocBin in one piece), never a list of Docs or records.

Tokens come from :mod:`annotator.core.tokenizer`, the same tokenizer the training config
uses, so entity boundaries in the files are the ones the model sees. A span edge inside a
token is fixed by splitting that token (``spans_split``); nothing is silently dropped, and
what cannot be aligned at all is counted in ``spans_misaligned`` with examples.

spaCy is imported lazily: this module is imported by the CLI at start-up.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence, TextIO

from annotator.core.errors import ExportError
from annotator.core.tokenizer import AlignmentReport, align_spans, doc_with_spans, is_invisible, make_nlp, tokenize

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

Record = tuple[str, Sequence[Any], Mapping[str, Any]]

#: Tokens that end a sentence in the CoNLL export (besides line breaks).
SENTENCE_END = frozenset({".", "؟", "?", "!", "؛", "..", "...", "…", "!!", "؟؟", "?!", "!?", "؟!"})
DOCSTART = "-DOCSTART-\tO"
# What the DocBin keeps per token: text and entity annotation only (spaCy's default keeps
# 12 columns; 3 keep 100,000 articles in a few hundred MB instead of >1 GB).
DOCBIN_ATTRS = ("ORTH", "ENT_IOB", "ENT_TYPE")


@dataclass
class ExportReport:
    """What an export wrote. ``spans_misaligned`` should be 0 for guideline-conforming data."""

    articles: int = 0
    spans: int = 0
    spans_split: int = 0
    spans_misaligned: int = 0
    tokens_split: int = 0
    train_articles: int = 0
    dev_articles: int = 0
    paths: list[Path] = field(default_factory=list)
    misaligned_examples: list[str] = field(default_factory=list)

    @property
    def path(self) -> Path | None:
        """The first file written (``train.*`` for a split export)."""
        return self.paths[0] if self.paths else None

    def _add(self, rep: AlignmentReport, meta: Mapping[str, Any]) -> None:
        self.spans += rep.spans
        self.spans_split += rep.split
        self.spans_misaligned += rep.misaligned
        self.tokens_split += rep.tokens_split
        room = 20 - len(self.misaligned_examples)
        if room > 0 and rep.misaligned_examples:
            name = _record_key(meta, "")
            self.misaligned_examples.extend(f"{name}: {m}" if name else m for m in rep.misaligned_examples[:room])

    def summary(self) -> str:
        """One line for the CLI/GUI."""
        where = ", ".join(str(p) for p in self.paths)
        return (
            f"{self.articles} articles ({self.train_articles} train / {self.dev_articles} dev), "
            f"{self.spans} spans, {self.spans_split} needed a token split, "
            f"{self.spans_misaligned} misaligned → {where}"
        )


# --------------------------------------------------------------------------------------
# Records and the train/dev split
# --------------------------------------------------------------------------------------
def _unpack(record: Any) -> tuple[str, Sequence[Any], Mapping[str, Any]]:
    if isinstance(record, Mapping):
        return record["text"], record.get("spans", ()), record.get("meta", {}) or {}
    if len(record) == 2:
        text, spans = record
        return text, spans, {}
    text, spans, meta = record
    return text, spans, meta or {}


def _record_key(meta: Mapping[str, Any], text: str) -> str:
    for k in ("article_id", "id", "external_id"):
        v = meta.get(k)
        if v is not None and v != "":
            return f"{k}={v}"
    return text


def is_dev(key: str, dev_fraction: float, seed: int = 0) -> bool:
    """Whether the article with this key goes to dev: a seeded hash, so an article stays on
    the same side when the corpus grows or is exported in another order."""
    if dev_fraction <= 0:
        return False
    h = hashlib.blake2b(f"{seed}\0{key}".encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(h, "big") / 2**64 < dev_fraction


class _Splitter:
    """Routes a stream of items to train/dev by :func:`is_dev`, holding back only the most
    recent item so that, with ≥ 2 items and 0 < dev_fraction < 1, neither side ends empty."""

    def __init__(self, dev_fraction: float, seed: int, emit: Any):
        if not 0 <= dev_fraction < 1:
            raise ExportError(f"dev_fraction must be in [0, 1), not {dev_fraction}")
        self.frac = dev_fraction
        self.seed = seed
        self.emit = emit  # emit(item, dev: bool)
        self.pending: tuple[Any, bool] | None = None
        self.n_train = 0
        self.n_dev = 0

    def push(self, item: Any, key: str) -> None:
        if self.pending is not None:
            self._send(*self.pending)
        self.pending = (item, is_dev(key, self.frac, self.seed))

    def _send(self, item: Any, dev: bool) -> None:
        self.emit(item, dev)
        if dev:
            self.n_dev += 1
        else:
            self.n_train += 1

    def close(self) -> None:
        if self.pending is None:
            return
        item, dev = self.pending
        if self.frac > 0 and self.n_dev == 0 and self.n_train > 0:
            dev = True
        elif self.n_train == 0 and self.n_dev > 0:
            dev = False
        elif self.n_train == 0 and self.n_dev == 0:
            dev = False  # a single record: train gets it
        self.pending = None
        self._send(item, dev)


# --------------------------------------------------------------------------------------
# Atomic file writing
# --------------------------------------------------------------------------------------
def _atomic_write_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        _unlink_quietly(tmp)
        raise


def _unlink_quietly(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class _AtomicText:
    """A text file written under a temporary name and renamed into place on success."""

    def __init__(self, path: Path):
        self.path = path
        fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self.f: TextIO = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def commit(self) -> None:
        self.f.flush()
        os.fsync(self.f.fileno())
        self.f.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        if not self.f.closed:
            self.f.close()
        _unlink_quietly(self.tmp)


def _mkdir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(f"cannot create {path}: {e.strerror or e}") from e


# --------------------------------------------------------------------------------------
# DocBin
# --------------------------------------------------------------------------------------
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


def write_docbin(
    records: Iterable[Any],
    outdir: str | Path,
    dev_fraction: float = 0.2,
    seed: int = 0,
    nlp: "Language | None" = None,
) -> ExportReport:
    """Write ``outdir/train.spacy`` and ``outdir/dev.spacy`` with the spans as ``doc.ents``.

    The split is by article (seeded hash of the record's id, else its text); with at least
    two records and ``0 < dev_fraction < 1`` both files have at least one document. Each
    file is written under a temporary name and renamed into place, so a failed export never
    leaves a half-written corpus behind. ``nlp`` defaults to :func:`make_nlp` (the
    ``ar_news`` tokenizer, as the training config).
    """
    nlp = nlp or make_nlp()
    out = Path(outdir)
    _mkdir(out)
    report = ExportReport()
    bins = {False: _new_docbin(), True: _new_docbin()}

    def emit(item: tuple[Any, list[str]], dev: bool) -> None:
        doc, labels = item
        bins[dev].add(doc, labels)

    splitter = _Splitter(dev_fraction, seed, emit)
    for record in records:
        text, spans, meta = _unpack(record)
        doc, rep = doc_with_spans(nlp, text, spans)
        report.articles += 1
        report._add(rep, meta)
        splitter.push((doc, list({e.label_ for e in doc.ents})), _record_key(meta, text))
    splitter.close()
    report.train_articles, report.dev_articles = splitter.n_train, splitter.n_dev
    try:
        for name, dev in (("train.spacy", False), ("dev.spacy", True)):
            path = out / name
            data = bins[dev].to_bytes()
            bins[dev] = None  # free the arrays before serialising the other half
            _atomic_write_bytes(path, data)
            report.paths.append(path)
    except OSError as e:
        raise ExportError(f"cannot write the training set to {out}: {e.strerror or e}") from e
    return report


# --------------------------------------------------------------------------------------
# CoNLL (IOB2)
# --------------------------------------------------------------------------------------
def conll_sentences(text: str, spans: Sequence[Any]) -> tuple[list[list[tuple[str, str]]], AlignmentReport]:
    """``text`` as sentences of ``(token, IOB2 tag)``; whitespace/bidi-mark tokens are left out.

    Sentences end after . ؟ ! ؛ (and ellipses) and at line breaks, but never inside an
    entity, so every sentence is valid IOB2 on its own.
    """
    result = align_spans(tokenize(text), spans, text=text)
    tokens = result.tokens
    tags = ["O"] * len(tokens)
    for a in result.aligned:
        first = True
        for i in range(a.token_start, a.token_end + 1):
            if is_invisible(tokens[i].text):
                continue
            tags[i] = ("B-" if first else "I-") + a.label
            first = False
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for tok, tag in zip(tokens, tags):
        if is_invisible(tok.text):
            if "\n" in tok.text or "\r" in tok.text or "\u2029" in tok.text:
                if current and not tag.startswith("I-"):
                    sentences.append(current)
                    current = []
            continue
        current.append((_conll_safe(tok.text), tag))
        if tok.text in SENTENCE_END:
            next_tag = tags[tok.id + 1] if tok.id + 1 < len(tags) else "O"
            if not next_tag.startswith("I-"):
                sentences.append(current)
                current = []
    if current:
        sentences.append(current)
    return sentences, result.report


def _conll_sentences(text: str, spans: Sequence[Any], meta: Mapping[str, Any]) -> tuple[list[list[tuple[str, str]]], AlignmentReport]:
    """An article imported from CoNLL with --keep-tokens keeps its own tokens and sentences."""
    from .formats.conll import TOKENIZATION_KEY, WHITESPACE_TOKENS, whitespace_sentences

    if meta.get(TOKENIZATION_KEY) == WHITESPACE_TOKENS:
        return whitespace_sentences(text, spans)
    return conll_sentences(text, spans)


_SPACE = re.compile(r"\s")


def _conll_safe(token: str) -> str:
    # A token never holds whitespace except odd characters spaCy keeps inside a word
    # (NBSP...); a CoNLL column cannot, so those become underscores.
    return _SPACE.sub("_", token) if _SPACE.search(token) else token


def _write_conll_article(f: TextIO, sentences: list[list[tuple[str, str]]]) -> None:
    f.write(DOCSTART + "\n\n")
    for sent in sentences:
        f.write("".join(f"{tok}\t{tag}\n" for tok, tag in sent))
        f.write("\n")


def write_conll(
    records: Iterable[Any],
    path_or_dir: str | Path,
    dev_fraction: float = 0.2,
    seed: int = 0,
) -> ExportReport:
    """Write CoNLL IOB2 (``token<TAB>tag``, blank line between sentences).

    Each article starts with a ``-DOCSTART-\\tO`` line and a blank line, as in CoNLL-2003.
    A path ending in ``.conll``/``.txt``/``.iob`` (or an existing file) gets every article;
    otherwise it is a folder that receives ``train.conll`` and ``dev.conll`` split like
    :func:`write_docbin`. Files are written under temporary names and renamed into place.
    """
    target = Path(path_or_dir)
    single = target.suffix.lower() in {".conll", ".txt", ".iob", ".tsv"} or target.is_file()
    report = ExportReport()
    if single:
        _mkdir(target.parent)
        files = {False: _AtomicText(target)}
        files[True] = files[False]
    else:
        _mkdir(target)
        files = {False: _AtomicText(target / "train.conll"), True: _AtomicText(target / "dev.conll")}

    def emit(sentences: list[list[tuple[str, str]]], dev: bool) -> None:
        _write_conll_article(files[dev].f, sentences)

    try:
        splitter = _Splitter(0.0 if single else dev_fraction, seed, emit)
        for record in records:
            text, spans, meta = _unpack(record)
            sentences, rep = _conll_sentences(text, spans, meta)
            report.articles += 1
            report._add(rep, meta)
            splitter.push(sentences, _record_key(meta, text))
        splitter.close()
        report.train_articles, report.dev_articles = splitter.n_train, splitter.n_dev
        for dev in (False, True) if not single else (False,):
            files[dev].commit()
            report.paths.append(files[dev].path)
    except OSError as e:
        for f in set(files.values()):
            f.abort()
        raise ExportError(f"cannot write CoNLL to {target}: {e.strerror or e}") from e
    except BaseException:
        for f in set(files.values()):
            f.abort()
        raise
    return report


def read_conll(path: str | Path) -> list[list[list[tuple[str, str]]]]:
    """Articles → sentences → ``(token, tag)`` of a file written by :func:`write_conll`."""
    articles: list[list[list[tuple[str, str]]]] = []
    sent: list[tuple[str, str]] = []
    for line in Path(path).read_text(encoding="utf-8").split("\n"):
        if line == DOCSTART:
            articles.append([])
            continue
        if not line:
            if sent:
                articles[-1].append(sent)
                sent = []
            continue
        tok, tag = line.split("\t")
        sent.append((tok, tag))
    if sent:
        articles[-1].append(sent)
    return articles
