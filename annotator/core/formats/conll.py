"""CoNLL: IOB2 training sets out (``token<TAB>tag``, a blank line between sentences), and
token-per-line files in (IOB, IOB2, BILOU/IOBES) as articles with spans.

- :func:`write` writes every article to one file, or ``train.conll`` and ``dev.conll``
  into a folder, from a stream of records (see :mod:`.trainsplit`).
- :func:`read` reads a file written by :func:`write` back as articles of sentences.
- :func:`read_records` is the import reader: a line holds a token in its first column and
  its tag in its last (tab or space separated: CoNLL-2003's four columns and ANERcorp's
  two both work); a blank line ends a sentence. ``-DOCSTART-`` lines separate articles; a
  file without any is read sentence by sentence, each sentence an article (ANERcorp has no
  document boundaries). The article text is the tokens joined by one space and the
  sentences by one line break, so the tokens are exactly the text's whitespace-separated
  pieces. With ``keep_tokens`` the article records that (``meta["tokenization"] =
  "whitespace"``) and :func:`write` then writes those tokens and sentences as they came
  instead of re-tokenizing: export → import → export is identical.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import IO, Any

from ..domain import Span
from ..errors import InputError
from ..tokenizer import AlignmentReport, align_spans, is_invisible, tokenize
from . import atomic
from .record import ArticleRecord, decode, read_bytes
from .trainsplit import ExportReport, Splitter, record_key, unpack

#: Tokens that end a sentence in the CoNLL export (besides line breaks).
SENTENCE_END = frozenset({".", "؟", "?", "!", "؛", "..", "...", "…", "!!", "؟؟", "?!", "!?", "؟!"})
DOCSTART = "-DOCSTART-\tO"
FILES = ("train.conll", "dev.conll")
DOCSTART_TOKEN = "-DOCSTART-"
_DOCSTART_LINE = re.compile(r"^[ \t]*-DOCSTART-(?:\s|$)", re.MULTILINE)
# An article imported with its own tokens says so in its meta (see read_records).
TOKENIZATION_KEY = "tokenization"
WHITESPACE_TOKENS = "whitespace"
_BEGIN, _LAST = frozenset("BSU"), frozenset("SUEL")
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
        if meta.get(TOKENIZATION_KEY) == WHITESPACE_TOKENS:
            sentences, rep = whitespace_sentences(text, spans)
        else:
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


# --------------------------------------------------------------------- import
class TagError(ValueError):
    def __init__(self, index: int, reason: str):
        super().__init__(reason)
        self.index = index


def decode_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entities of one sentence as (first token, last token inclusive, label).

    Reads IOB2 (B- starts), IOB1 (I- starts unless it continues the same type), BILOU
    (U- single, L- last) and IOBES (S-, E-) alike: B/S/U always start an entity, I/L/E
    continue one of the same type or else start it, S/U/L/E end it.
    """
    entities: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        if tag == "O":
            if start >= 0:
                entities.append((start, i - 1, label))
                start = -1
            continue
        prefix, sep, name = tag.partition("-")
        if not sep or len(prefix) != 1 or prefix not in "BIELSU" or not name:
            raise TagError(i, f"tag {tag!r} is not O or B-, I-, L-, U-, E-, S- followed by a label")
        if prefix in _BEGIN or start < 0 or name != label:
            if start >= 0:
                entities.append((start, i - 1, label))
            start, label = i, name
        if prefix in _LAST:
            entities.append((start, i, label))
            start = -1
    if start >= 0:
        entities.append((start, len(tags) - 1, label))
    return entities


# A sentence: a run of non-blank lines (a line of spaces, tabs or a CR is blank).
_SENTENCE = re.compile(r"(?:^[ \t\r]*[^\s][^\n]*(?:\n|\Z))+", re.MULTILINE)


@dataclass
class _Sentence:
    tokens: list[str]
    tags: list[str]
    line: int  # of its first token


def _article(sentences: list[_Sentence], file: str, line: int, external_id: str,
             keep_tokens: bool) -> ArticleRecord:
    spans: list[Span] = []
    pos = 0
    for sentence in sentences:
        tokens, tags = sentence.tokens, sentence.tags
        if tags.count("O") != len(tags):
            try:
                entities = decode_tags(tags)
            except TagError as exc:
                raise InputError(str(exc), file, sentence.line + exc.index) from None
            starts = list(accumulate((len(t) + 1 for t in tokens), initial=pos))
            for first, last, label in entities:
                spans.append(Span(starts[first], starts[last + 1] - 1, label, {}, "import"))
        pos += sum(map(len, tokens)) + len(tokens)  # the tokens, their spaces and the line break
    text = "\n".join(" ".join(s.tokens) for s in sentences)
    if "\x00" in text:
        raise InputError("text contains NUL characters", file, line)
    return ArticleRecord(
        text=text, title=" ".join(sentences[0].tokens)[:200], external_id=external_id,
        meta={TOKENIZATION_KEY: WHITESPACE_TOKENS} if keep_tokens else {},
        spans=spans, file=file, line=line,
    )


def _sentences(data: str, by_docstart: bool) -> Iterator[_Sentence | int | InputError]:
    """The file's sentences in order; with ``by_docstart``, the line number of each
    ``-DOCSTART-`` between them (an int); an InputError for a line without a tag."""
    line = 1
    counted = 0
    for match in _SENTENCE.finditer(data):
        line += data.count("\n", counted, match.start())
        counted = match.start()
        rows = [row.split() for row in match.group().split("\n")]
        if not rows[-1]:
            rows.pop()  # after the block's last line break
        start = 0
        if by_docstart:
            for k, row in enumerate(rows):
                if row[0] == DOCSTART_TOKEN:
                    if k > start:
                        yield _sentence(rows[start:k], line + start)
                    yield line + k
                    start = k + 1
        if start < len(rows):
            yield _sentence(rows[start:], line + start)


def _sentence(rows: list[list[str]], line: int) -> _Sentence | InputError:
    if any(len(row) < 2 for row in rows):
        k = next(k for k, row in enumerate(rows) if len(row) < 2)
        return InputError(f"expected a token and its tag, got {' '.join(rows[k])!r}", "", line + k)
    return _Sentence([row[0] for row in rows], [row[-1] for row in rows], line)


def read_records(path: Path, *, keep_tokens: bool = False) -> Iterator[ArticleRecord | InputError]:
    """ArticleRecords (or InputErrors, one per bad article) from a CoNLL file."""
    file = str(path)
    try:
        data = decode(read_bytes(path), file)
    except InputError as err:
        yield err
        return
    by_docstart = _DOCSTART_LINE.search(data) is not None
    stem = path.stem
    n_docs = 0
    sentences: list[_Sentence] = []
    bad: InputError | None = None  # the article's first error; the rest of it is skipped
    doc_line = 1

    def finish() -> Iterator[ArticleRecord | InputError]:
        nonlocal n_docs, sentences, bad
        if bad is not None:
            n_docs += 1
            yield InputError(bad.reason, file, bad.line)
        elif sentences:
            n_docs += 1
            try:
                yield _article(sentences, file, doc_line, f"{stem}-{n_docs}", keep_tokens)
            except InputError as err:
                yield err
        sentences, bad = [], None

    for item in _sentences(data, by_docstart):
        if isinstance(item, int):  # -DOCSTART-
            yield from finish()
            doc_line = item + 1
            continue
        if not sentences and bad is None:
            doc_line = item.line or doc_line
        if isinstance(item, InputError):
            bad = bad or item
        else:
            sentences.append(item)
        if not by_docstart:
            yield from finish()
    yield from finish()


# ------------------------------------------------------------------ export of such articles
_TOKEN = re.compile(r"\S+")


def whitespace_sentences(text: str, spans: Sequence[Any]) -> tuple[list[list[tuple[str, str]]], AlignmentReport]:
    """CoNLL sentences (token, IOB2 tag) of an article imported with ``keep_tokens``: its
    lines are the sentences and its whitespace-separated pieces the tokens, as in the file
    it came from. A token overlapping a span is inside it; a span whose edge cuts a token
    (edited after the import) is counted as misaligned in the report."""
    ordered = sorted((s.start, s.end, s.label) for s in spans)
    report = AlignmentReport(spans=len(ordered), aligned=len(ordered))
    token_edges: set[int] = set()
    sentences: list[list[tuple[str, str]]] = []
    k = 0
    offset = 0
    for line in text.split("\n"):
        current: list[tuple[str, str]] = []
        inside: tuple[int, int, str] | None = None
        for m in _TOKEN.finditer(line):
            start, end = offset + m.start(), offset + m.end()
            token_edges.update((start, end))
            while k < len(ordered) and ordered[k][1] <= start:
                k += 1
            span = ordered[k] if k < len(ordered) and ordered[k][0] < end else None
            tag = "O" if span is None else ("I-" if span is inside else "B-") + span[2]
            inside = span
            current.append((m.group(), tag))
        if current:
            sentences.append(current)
        offset += len(line) + 1
    for start, end, label in ordered:
        if start not in token_edges or end not in token_edges:
            report.aligned -= 1
            report.misaligned += 1
            if len(report.misaligned_examples) < 20:
                report.misaligned_examples.append(f"{label} {start}–{end} «{text[start:end]}» cuts a token")
    return sentences, report
