"""Reading CoNLL token-per-line files (IOB, IOB2, BILOU/IOBES) into articles with spans.

A line holds a token in its first column and its tag in its last (tab or space separated:
CoNLL-2003's four columns and the two of ANERcorp both work). A blank line ends a sentence.
``-DOCSTART-`` lines separate articles; a file without any is taken sentence by sentence,
each sentence an article (ANERcorp has no document boundaries).

The article text is the tokens joined by one space, sentences by one line break, so the
tokens are exactly the text's whitespace-separated pieces. With ``keep_tokens`` the
article records that (``meta["tokenization"] = "whitespace"``) and a CoNLL export then
writes these tokens and sentences as they came, instead of re-tokenizing: export → import →
export is identical.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Span

DOCSTART = "-DOCSTART-"
TOKENIZATION_KEY = "tokenization"
WHITESPACE_TOKENS = "whitespace"
_BEGIN, _INSIDE, _LAST = frozenset("BSU"), frozenset("IEL"), frozenset("SUEL")


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


def _article(sentences: list[list[tuple[str, str, int]]], file: str, line: int, external_id: str,
             keep_tokens: bool) -> Any:
    from ..importer import ArticleRecord

    pieces: list[str] = []
    spans: list[Span] = []
    pos = 0
    for n, sentence in enumerate(sentences):
        if n:
            pieces.append("\n")
            pos += 1
        starts: list[int] = []
        for k, (token, _tag, _line) in enumerate(sentence):
            if k:
                pieces.append(" ")
                pos += 1
            starts.append(pos)
            pieces.append(token)
            pos += len(token)
        try:
            entities = decode_tags([tag for _t, tag, _l in sentence])
        except TagError as exc:
            raise InputError(str(exc), file, sentence[exc.index][2]) from None
        for first, last, label in entities:
            spans.append(Span(starts[first], starts[last] + len(sentence[last][0]), label, {}, "import"))
    text = "".join(pieces)
    if "\x00" in text:
        raise InputError("text contains NUL characters", file, line)
    first_line = text.split("\n", 1)[0]
    return ArticleRecord(
        text=text, title=first_line[:200], external_id=external_id,
        meta={TOKENIZATION_KEY: WHITESPACE_TOKENS} if keep_tokens else {},
        spans=spans, file=file, line=line,
    )


def read_conll(path: Path, *, keep_tokens: bool = False) -> Iterator[Any]:
    """ArticleRecords (or InputErrors, one per bad article) from a CoNLL file."""
    from ..importer import _decode

    file = str(path)
    try:
        data = _decode(path.read_bytes(), file)
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror}", file)
        return
    except InputError as err:
        yield err
        return
    by_docstart = DOCSTART in data
    stem = path.stem
    sentences: list[list[tuple[str, str, int]]] = []
    sentence: list[tuple[str, str, int]] = []
    doc_line = 1
    bad: InputError | None = None  # the article's first error; the rest of it is skipped
    n_docs = 0

    def finish() -> Iterator[Any]:
        nonlocal sentences, sentence, bad, n_docs
        if sentence:
            sentences.append(sentence)
        if bad is not None:
            n_docs += 1
            yield bad
        elif sentences:
            n_docs += 1
            try:
                yield _article(sentences, file, doc_line, f"{stem}-{n_docs}", keep_tokens)
            except InputError as err:
                yield err
        sentences, sentence, bad = [], [], None

    for lineno, raw in enumerate(data.split("\n"), 1):
        line = raw.rstrip("\r")
        if not line.strip():
            if sentence:
                sentences.append(sentence)
                sentence = []
            if not by_docstart and (sentences or bad is not None):
                yield from finish()
            continue
        columns = line.split()
        if columns[0] == DOCSTART:
            yield from finish()
            doc_line = lineno + 1
            continue
        if not sentences and not sentence and bad is None:
            doc_line = lineno
        if len(columns) < 2:
            if bad is None:
                bad = InputError(f"expected a token and its tag, got {line.strip()!r}", file, lineno)
            continue
        sentence.append((columns[0], columns[-1], lineno))
    yield from finish()


# ------------------------------------------------------------------ export side
_TOKEN = re.compile(r"\S+")


def whitespace_sentences(text: str, spans: Sequence[Any]) -> tuple[list[list[tuple[str, str]]], Any]:
    """CoNLL sentences (token, IOB2 tag) of an article imported with ``keep_tokens``: its
    lines are the sentences and its whitespace-separated pieces the tokens, as in the file
    it came from. A token overlapping a span is inside it; a span whose edge cuts a token
    (edited after the import) is counted as misaligned in the report."""
    from ..tokenizer import AlignmentReport

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
