"""CoNLL IOB2 training sets: ``token<TAB>tag``, a blank line between sentences.

- :func:`write` writes every article to one file, or ``train.conll`` and ``dev.conll``
  into a folder, from a stream of records (see :mod:`.trainsplit`).
- :func:`read` reads a file written by :func:`write` back as articles of sentences.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from ..tokenizer import AlignmentReport, align_spans, is_invisible, tokenize
from . import atomic
from .trainsplit import ExportReport, Splitter, record_key, unpack

#: Tokens that end a sentence in the CoNLL export (besides line breaks).
SENTENCE_END = frozenset({".", "؟", "?", "!", "؛", "..", "...", "…", "!!", "؟؟", "?!", "!?", "؟!"})
DOCSTART = "-DOCSTART-\tO"
FILES = ("train.conll", "dev.conll")
SINGLE_FILE_SUFFIXES = frozenset({".conll", ".txt", ".iob", ".tsv"})


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


_SPACE = re.compile(r"\s")


def _conll_safe(token: str) -> str:
    # A token never holds whitespace except odd characters spaCy keeps inside a word
    # (NBSP...); a CoNLL column cannot, so those become underscores.
    return _SPACE.sub("_", token) if _SPACE.search(token) else token


def _write_conll_article(f: IO[str], sentences: list[list[tuple[str, str]]]) -> None:
    f.write(DOCSTART + "\n\n")
    for sent in sentences:
        f.write("".join(f"{tok}\t{tag}\n" for tok, tag in sent))
        f.write("\n")


def write(
    records: Iterable[Any],
    path_or_dir: str | os.PathLike[str],
    dev_fraction: float = 0.2,
    seed: int = 0,
) -> ExportReport:
    """Write CoNLL IOB2 (``token<TAB>tag``, blank line between sentences).

    Each article starts with a ``-DOCSTART-\\tO`` line and a blank line, as in CoNLL-2003.
    A path ending in ``.conll``/``.txt``/``.iob`` (or an existing file) gets every article;
    otherwise it is a folder that receives ``train.conll`` and ``dev.conll`` split like
    :func:`.docbin.write`. The file, or the pair in a fresh folder, replaces the old one in one step.
    """
    target = Path(path_or_dir)
    single = target.suffix.lower() in SINGLE_FILE_SUFFIXES or target.is_file()
    atomic.make_parent(target)
    if single:
        with atomic.atomic_file(target) as fh:
            report = _write_split(records, {False: fh, True: fh}, 0.0, seed)
        report.paths.append(target)
        return report
    # train and dev change together: both go into a fresh folder that replaces the old one.
    with atomic.atomic_folder(target, owned=frozenset(FILES)) as fresh:
        with open(fresh / FILES[0], "w", encoding="utf-8", newline="\n") as train, \
                open(fresh / FILES[1], "w", encoding="utf-8", newline="\n") as dev:
            report = _write_split(records, {False: train, True: dev}, dev_fraction, seed)
            for fh in (train, dev):
                fh.flush()
                os.fsync(fh.fileno())
    report.paths.extend(target / name for name in FILES)
    return report


def _write_split(records: Iterable[Any], files: dict[bool, IO[str]], dev_fraction: float, seed: int) -> ExportReport:
    report = ExportReport()

    def emit(sentences: list[list[tuple[str, str]]], dev: bool) -> None:
        _write_conll_article(files[dev], sentences)

    splitter = Splitter(dev_fraction, seed, emit)
    for record in records:
        text, spans, meta = unpack(record)
        sentences, rep = conll_sentences(text, spans)
        report.articles += 1
        report._add(rep, meta)
        splitter.push(sentences, record_key(meta, text))
    splitter.close()
    report.train_articles, report.dev_articles = splitter.n_train, splitter.n_dev
    return report


def read(path: str | Path) -> list[list[list[tuple[str, str]]]]:
    """Articles → sentences → ``(token, tag)`` of a file written by :func:`write`."""
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
