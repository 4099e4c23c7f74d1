"""The project's spaCy tokenizer for Arabic news, and char-span → token-span alignment.

Why a custom tokenizer: the annotation guidelines put the proclitics و ف ب ل ك and quotes
*outside* a span and the article ال *inside* (``وبالقوات`` → ``و`` + ``ب`` + ``القوات``;
``للتنظيم`` → ``ل`` + ``لتنظيم``). spaCy's stock Arabic tokenizer keeps such words whole, so
most spans would start inside a token and could not become NER training examples. This
tokenizer splits exactly where the guidelines put span edges, and nowhere else: a word is
split only before the article, a quote/bracket, a digit, or a stem of the Arabic lexicon
(``بريف`` → ``ب`` + ``ريف``; the gazetteers' names are stems too). Words whose first letters
merely look like clitics (وزير، بادية، كفرنبل، لبنان) stay whole. The clitic rules are
:mod:`annotator.core.lang.ar.clitics`, the same ones span snapping applies, so a snapped
span starts on a token edge.

How a pipeline refers to it: importing this module registers the tokenizer factory under
``spacy.registry.tokenizers`` as ``"ar_news.tokenizer.v1"``. A training config uses::

    [nlp]
    lang = "ar"

    [nlp.tokenizer]
    @tokenizers = "ar_news.tokenizer.v1"

and spaCy's own CLI is told where the function lives with ``--code annotator/core/tokenizer.py``
(loaded by path, this file imports only the language data, ``annotator/core/lang/ar/``). Code that loads
a trained pipeline imports this module before ``spacy.load`` (see
:mod:`annotator.core.suggest.trained`). A saved pipeline also stores the compiled rules in its
``tokenizer`` folder, so it keeps tokenizing the way it was trained even if the rules here
change later.

spaCy is imported inside functions only: this module is imported by the export code, which
the CLI and GUI load at start-up.
"""
# No ``from __future__ import annotations``: spaCy's ``--code`` loads this file by path
# without registering it in sys.modules, and dataclasses cannot resolve string
# annotations of such a module.
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from json.encoder import encode_basestring as _encode_json_str
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Any,
    NamedTuple,
)

if TYPE_CHECKING:  # pragma: no cover - typing only
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

TOKENIZER_NAME = "ar_news.tokenizer.v1"
LANG = "ar"

try:
    from annotator.core.lang.ar import clitics as _clitics
    from annotator.core.lang.ar import punctuation
    from annotator.core.lang.ar.lexicon import MARKS as _MARKS
    from annotator.core.lang.ar.lexicon import QUOTES as _QUOTES
except ImportError:  # pragma: no cover - loaded by path (spaCy --code) without the package
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from annotator.core.lang.ar import clitics as _clitics
    from annotator.core.lang.ar import punctuation
    from annotator.core.lang.ar.lexicon import MARKS as _MARKS
    from annotator.core.lang.ar.lexicon import QUOTES as _QUOTES

# --------------------------------------------------------------------------------------
# Character classes (the clitic rules and their word lists: annotator/core/lang/ar/)
# --------------------------------------------------------------------------------------
# Invisible direction marks and zero-width characters that editors and web pages leave
# around words; as their own tokens they never hide a span edge inside a word.
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff"


def _import_spacy() -> Any:
    """spaCy without torch (see annotator.core.spacy_loader); plain import when this file is
    loaded by path with spaCy's ``--code`` and the package is not importable."""
    try:
        from annotator.core.spacy_loader import import_spacy
    except ImportError:  # pragma: no cover - loaded by spaCy's CLI without the package
        import spacy

        return spacy
    return import_spacy()


def _rules() -> dict[str, Any]:
    """Prefix/suffix/infix patterns and special cases for :class:`spacy.tokenizer.Tokenizer`."""
    _import_spacy()
    from spacy.lang.ar.tokenizer_exceptions import TOKENIZER_EXCEPTIONS as AR_EXC
    from spacy.lang.punctuation import (
        TOKENIZER_INFIXES,
        TOKENIZER_PREFIXES,
        TOKENIZER_SUFFIXES,
    )
    from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS

    quote = f"[{re.escape(_QUOTES)}]"
    invisible = f"[{_INVISIBLE}]"
    clitic = _clitics.default_rules()
    prefixes = (
        clitic.prefixes
        + [invisible, quote, "\u0640+"]  # a tatweel left in front of a word after a split
        + [punctuation.DASH_BEFORE_WORD]
        + list(TOKENIZER_PREFIXES)
    )
    suffixes = [invisible, quote] + list(TOKENIZER_SUFFIXES) + [
        # Arabic has no letter case, so spaCy's "lower-case letter + ." rule never fires:
        # split a full stop after any letter, mark or closing quote/bracket.
        rf"(?<=[^\W\d_]|[{_MARKS}{re.escape(_QUOTES)})\]])\.",
        punctuation.DASH_AFTER_WORD,
    ]
    infixes = [clitic.lam_lam_infix] + list(TOKENIZER_INFIXES) + [
        # Arabic comma/semicolon/question mark and quotes glued between two words.
        r"(?<=[^\W\d_])[،؛؟:](?=[^\W\d_])",
        rf"(?<=[^\W\d_]|[{_MARKS}]){quote}(?=[^\W\d_])",
        rf"(?<=[^\W\d_]){quote}(?=[^\W\d_]|[{_MARKS}])",
        # Brackets, slashes and full stops glued between words, as the rules split them.
        punctuation.BRACKET_BETWEEN_WORDS,
        punctuation.STOP_BETWEEN_WORDS,
        invisible,
    ]
    # Special cases: spaCy's base ones (emoticons, "a.m.") plus the Arabic abbreviations
    # with a dot. Arabic plain-word entries (أنا → "أنبأنا") are left out: they are hadith
    # abbreviations whose norms would mislead a news model.
    rules = dict(BASE_EXCEPTIONS)
    rules.update({k: v for k, v in AR_EXC.items() if "." in k and k not in rules})
    return {"prefixes": prefixes, "suffixes": suffixes, "infixes": infixes, "rules": rules}


def build_tokenizer(vocab: "Vocab") -> Any:
    """A :class:`spacy.tokenizer.Tokenizer` with the Arabic-news rules, for ``vocab``."""
    from spacy.lang.tokenizer_exceptions import URL_MATCH
    from spacy.tokenizer import Tokenizer
    from spacy.util import (
        compile_infix_regex,
        compile_prefix_regex,
        compile_suffix_regex,
    )

    r = _rules()
    return Tokenizer(
        vocab,
        rules=r["rules"],
        prefix_search=compile_prefix_regex(r["prefixes"]).search,
        suffix_search=compile_suffix_regex(r["suffixes"]).search,
        infix_finditer=compile_infix_regex(r["infixes"]).finditer,
        url_match=punctuation.ascii_only_url_match(URL_MATCH),
    )


def create_ar_news_tokenizer() -> Callable[["Language"], Any]:
    """Registered factory: ``[nlp.tokenizer] @tokenizers = "ar_news.tokenizer.v1"``."""

    def make(nlp: "Language") -> Any:
        return build_tokenizer(nlp.vocab)

    return make


def register() -> None:
    """Register :data:`TOKENIZER_NAME` in spaCy's ``tokenizers`` registry (idempotent).

    Goes through ``catalogue`` — the tiny library spaCy's registries are built on — so
    importing this module registers the tokenizer without importing spaCy (GUI start-up
    stays fast) and a later ``spacy.load`` of a trained pipeline finds it.
    """
    import catalogue

    catalogue.Registry(("spacy", "tokenizers")).register(TOKENIZER_NAME, func=create_ar_news_tokenizer)


register()

_NLP: Any = None
_NLP_LOCK = threading.Lock()


def make_nlp() -> "Language":
    """A blank Arabic pipeline with this tokenizer; built once and cached (thread-safe)."""
    global _NLP
    if _NLP is None:
        with _NLP_LOCK:
            if _NLP is None:
                spacy = _import_spacy()

                _NLP = spacy.blank(LANG, config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    return _NLP


# --------------------------------------------------------------------------------------
# Plain tokens (Prodigy's token shape)
# --------------------------------------------------------------------------------------
class Token(NamedTuple):
    """One token: ``text == article_text[start:end]`` (code points, end exclusive).

    ``id`` is the token's index, ``ws`` whether a single space follows it — the same
    fields as a Prodigy task's ``tokens`` entries. Immutable like a frozen dataclass, but a
    NamedTuple: building one costs ~0.2 µs instead of ~1 µs, and an export makes ~200 per
    article (measured: tokenize() ≈ 3× faster this way). Use :meth:`to_dict` (or
    ``_asdict()``) for JSON, and ``_replace`` where a dataclass would use ``replace``.
    """

    text: str
    start: int
    end: int
    id: int
    ws: bool

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "id": self.id, "ws": self.ws}


_new_token = partial(tuple.__new__, Token)  # C-level constructor for the hot path
_ATTRS: list[int] = []


def _offsets(doc: "Doc") -> tuple[list[int], list[int], list[int]]:
    """Token starts, ends and trailing-space flags (0/1) from one numpy array.

    Reading three columns with ``to_array`` is ~10× cheaper than touching each spaCy Token.
    """
    if not _ATTRS:
        from spacy.attrs import IDX, LENGTH, SPACY

        _ATTRS.extend([IDX, LENGTH, SPACY])
    if len(doc) == 0:
        return [], [], []
    arr = doc.to_array(_ATTRS)
    starts = arr[:, 0]
    return starts.tolist(), (starts + arr[:, 1]).tolist(), arr[:, 2].tolist()


_COLUMN_ATTRS: list[int | str] = []


def doc_columns(doc: "Doc", text: str) -> tuple[Any, Any, Any, Any]:
    """ORTH hashes (uint64), starts, ends and trailing-space flags (0/1) of the tokens of a Doc
    of ``text``, as numpy arrays: what the exports need, from one ``to_array`` of three columns.

    The ends are not read: spaCy's tokens tile the text, each starting where the one before
    ends plus its trailing space (``Doc.push_back`` sets ``idx`` so, special cases too), and
    reading a column costs ~130 instructions a token (spaCy takes the GIL for each value).
    """
    import numpy

    if not _COLUMN_ATTRS:
        from spacy.attrs import IDX, ORTH, SPACY

        _COLUMN_ATTRS.extend([ORTH, IDX, SPACY])
    n = len(doc)
    if n == 0:
        empty = numpy.empty(0, dtype=numpy.intp)
        return numpy.empty(0, dtype=numpy.uint64), empty, empty, empty
    arr = doc.to_array(_COLUMN_ATTRS)  # n × 3, unsigned 64-bit
    starts, spaces = arr[:, 1].astype(numpy.intp), arr[:, 2].astype(numpy.intp)
    ends = numpy.empty(n, dtype=numpy.intp)
    numpy.subtract(starts[1:], spaces[:-1], out=ends[:-1])
    ends[-1] = len(text) - spaces[-1]
    return arr[:, 0].copy(), starts, ends, spaces


def edge_token_indices(starts: Any, ends: Any, edges: Sequence[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """Inclusive token indices ``(first, last)`` of each character span ``(start, end)`` in
    ``edges``, or None if some edge is not a token edge. ``starts``/``ends``: numpy columns
    as :func:`doc_columns` gives them."""
    import numpy

    if not edges:
        return []
    if len(starts) == 0:
        return None
    lo, hi = numpy.array(edges, dtype=numpy.intp).T
    first, last = starts.searchsorted(lo), ends.searchsorted(hi)
    # Past the last token, "clip" reads the last one, which then differs from the edge.
    if not ((starts.take(first, mode="clip") == lo).all() and (ends.take(last, mode="clip") == hi).all()):
        return None
    return list(zip(first.tolist(), last.tolist()))


def _doc_tokens(doc: "Doc", text: str | None = None) -> list[Token]:
    """Tokens of a spaCy Doc. ``text`` is ``doc.text``, passed in when known (it is slow)."""
    if text is None:
        text = doc.text
    starts, ends, spaces = _offsets(doc)
    texts = map(text.__getitem__, map(slice, starts, ends))
    return list(map(_new_token, zip(texts, starts, ends, range(len(starts)), map(bool, spaces))))


def tokenize(text: str) -> list[Token]:
    """Tokenize ``text`` with the Arabic-news tokenizer (offsets in code points).

    Whitespace other than a single space (newlines, double spaces) becomes its own token,
    as in spaCy and Prodigy; a token's ``ws`` tells whether one space follows it.
    """
    return _doc_tokens(make_nlp().tokenizer(text), text)


_TOKEN_JSON = '{"text":%s,"start":%d,"end":%d,"id":%d,"ws":%s}'
_JSON_BOOL = ("false", "true")


def tokens_json(text: str) -> str:
    """The Prodigy ``tokens`` list of ``text`` as a JSON array string, for JSONL exports.

    Same tokens as :func:`tokenize`, rendered with one ``%`` format call for the whole
    article instead of per-token objects (several times faster than
    ``json.dumps([t.to_dict() ...])``); the export's faster renderer is
    :mod:`annotator.core.formats.token_json`.
    """
    starts, ends, spaces = _offsets(make_nlp().tokenizer(text))
    texts = map(text.__getitem__, map(slice, starts, ends))
    return _render_tokens(texts, starts, ends, spaces)


def token_offsets(text: str) -> tuple[list[int], list[int], list[int]]:
    """Token starts, ends and trailing-space flags of ``text``, without Token objects (hot paths)."""
    return _offsets(make_nlp().tokenizer(text))


def offsets_to_json(text: str, starts: Sequence[int], ends: Sequence[int], spaces: Sequence[int]) -> str:
    """The tokens given by :func:`token_offsets` as a Prodigy ``tokens`` JSON array."""
    return _render_tokens(map(text.__getitem__, map(slice, starts, ends)), starts, ends, spaces)


def tokens_to_json(tokens: Sequence[Token]) -> str:
    """A token list (e.g. re-split by :func:`align_spans`) as a JSON array string."""
    return _render_tokens([t.text for t in tokens], [t.start for t in tokens], [t.end for t in tokens],
                          [int(t.ws) for t in tokens])


def _render_tokens(texts: Iterable[str], starts: Sequence[int], ends: Sequence[int], spaces: Sequence[int]) -> str:
    n = len(starts)
    if n == 0:
        return "[]"
    flat = tuple(chain.from_iterable(
        zip(map(_encode_json_str, texts), starts, ends, range(n), map(_JSON_BOOL.__getitem__, spaces))
    ))
    return "[" + ",".join([_TOKEN_JSON] * n) % flat + "]"


# --------------------------------------------------------------------------------------
# Alignment of character spans to tokens
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AlignedSpan:
    """A character span with the tokens it covers (``token_end`` inclusive, Prodigy style)."""

    start: int
    end: int
    label: str
    token_start: int
    token_end: int
    source: Any = None  # the span object it was made from

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "token_start": self.token_start,
            "token_end": self.token_end,
        }


@dataclass
class AlignmentReport:
    """Counts for one or many texts; ``split`` spans needed a token split, goal: 0 misaligned."""

    spans: int = 0
    aligned: int = 0
    split: int = 0
    misaligned: int = 0
    overlapping: int = 0
    tokens_split: int = 0
    misaligned_examples: list[str] = field(default_factory=list)

    def add(self, other: "AlignmentReport", max_examples: int = 20) -> None:
        self.spans += other.spans
        self.aligned += other.aligned
        self.split += other.split
        self.misaligned += other.misaligned
        self.overlapping += other.overlapping
        self.tokens_split += other.tokens_split
        room = max_examples - len(self.misaligned_examples)
        if room > 0:
            self.misaligned_examples.extend(other.misaligned_examples[:room])


@dataclass
class Alignment:
    """Result of :func:`align_spans`. Unpacks as ``aligned, misaligned = align_spans(...)``.

    When a span edge fell inside a token, that token was split and ``tokens`` (or ``doc``,
    when a Doc was given) is the retokenised sequence that ``aligned`` indexes into; the
    caller must use it instead of the tokens it passed in (``report.tokens_split > 0``).
    """

    aligned: list[AlignedSpan]
    misaligned: list[Any]
    tokens: list[Token]
    report: AlignmentReport
    doc: Any = None

    def __iter__(self) -> Iterator[Any]:
        yield self.aligned
        yield self.misaligned


def span_fields(span: Any) -> tuple[int, int, str]:
    """``(start, end, label)`` of a Span-like object, a dict or a tuple."""
    if isinstance(span, (tuple, list)):
        return int(span[0]), int(span[1]), str(span[2])
    if isinstance(span, dict):
        return int(span["start"]), int(span["end"]), str(span["label"])
    return int(span.start), int(span.end), str(span.label)


def _describe(text: str, start: int, end: int, label: str, why: str) -> str:
    return f"{label} [{start}:{end}] {text[max(0, start):max(0, end)]!r}: {why}"


def _split_tokens(tokens: list[Token], cuts: set[int]) -> tuple[list[Token], int]:
    """Split tokens at the offsets in ``cuts`` that fall strictly inside a token."""
    out: list[Token] = []
    n_split = 0
    for tok in tokens:
        inner = sorted(c for c in cuts if tok.start < c < tok.end) if cuts else ()
        if not inner:
            out.append(tok._replace(id=len(out)) if tok.id != len(out) else tok)
            continue
        n_split += 1
        bounds = [tok.start, *inner, tok.end]
        for a, b in zip(bounds, bounds[1:]):
            last = b == tok.end
            out.append(Token(tok.text[a - tok.start : b - tok.start], a, b, len(out), tok.ws if last else False))
    return out, n_split


def align_spans(doc_or_tokens: "Doc | Sequence[Token]", spans: Iterable[Any], text: str | None = None) -> Alignment:
    """Map character spans to token spans, splitting tokens where a span edge falls inside one.

    ``spans`` are :class:`annotator.core.domain.Span`-like objects (``start``, ``end``,
    ``label``), dicts or ``(start, end, label)`` tuples. An edge inside a token (a clitic the
    rules do not know) splits that token there and counts the span in ``report.split``; only
    spans that no split can fix — empty, out of range, edge on whitespace, overlapping an
    earlier span — are returned in ``misaligned``.
    """
    is_doc = not isinstance(doc_or_tokens, (list, tuple))
    if is_doc:
        doc = doc_or_tokens
        text = doc.text  # type: ignore[union-attr]
        tokens = _doc_tokens(doc, text)  # type: ignore[arg-type]
    else:
        doc = None
        tokens = list(doc_or_tokens)  # type: ignore[arg-type]
        if text is None:
            text = _text_from_tokens(tokens)
    report = AlignmentReport()
    raw = [(s, *span_fields(s)) for s in spans]
    report.spans = len(raw)
    # Characters covered by tokens (not single spaces / trailing whitespace).
    n_text = len(text)
    valid: list[tuple[Any, int, int, str]] = []
    misaligned: list[Any] = []
    for s, start, end, label in raw:
        why = None
        if not (0 <= start < end <= n_text):
            why = "empty or out of range"
        elif text[start].isspace() or text[end - 1].isspace():
            why = "starts or ends with whitespace"
        if why:
            misaligned.append(s)
            report.misaligned += 1
            report.misaligned_examples.append(_describe(text, start, end, label, why))
        else:
            valid.append((s, start, end, label))
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    cuts: set[int] = set()
    needs_split: set[int] = set()
    for k, (_, start, end, _) in enumerate(valid):
        if start not in starts:
            cuts.add(start)
            needs_split.add(k)
        if end not in ends:
            cuts.add(end)
            needs_split.add(k)
    if cuts:
        tokens, report.tokens_split = _split_tokens(tokens, cuts)
        report.split = len(needs_split)
    start_index = {t.start: t.id for t in tokens}
    end_index = {t.end: t.id for t in tokens}
    aligned: list[AlignedSpan] = []
    last_end = -1
    for s, start, end, label in sorted(valid, key=lambda v: (v[1], v[2])):
        ts, te = start_index.get(start), end_index.get(end)
        if ts is None or te is None:  # pragma: no cover - cannot happen after the split
            misaligned.append(s)
            report.misaligned += 1
            report.misaligned_examples.append(_describe(text, start, end, label, "no token boundary"))
            continue
        if start < last_end:
            misaligned.append(s)
            report.misaligned += 1
            report.overlapping += 1
            report.misaligned_examples.append(_describe(text, start, end, label, "overlaps another span"))
            continue
        aligned.append(AlignedSpan(start, end, label, ts, te, s))
        last_end = end
    report.aligned = len(aligned)
    if is_doc and report.tokens_split:
        doc = _doc_from_tokens(doc.vocab, tokens)  # type: ignore[union-attr]
    return Alignment(aligned, misaligned, tokens, report, doc)


def _text_from_tokens(tokens: Sequence[Token]) -> str:
    return "".join(t.text + (" " if t.ws else "") for t in tokens)


def _doc_from_tokens(vocab: "Vocab", tokens: Sequence[Token]) -> "Doc":
    from spacy.tokens import Doc

    return Doc(vocab, words=[t.text for t in tokens], spaces=[t.ws for t in tokens])


def doc_with_spans(nlp: "Language", text: str, spans: Iterable[Any]) -> tuple["Doc", AlignmentReport]:
    """A Doc of ``text`` whose ``ents`` are exactly the alignable ``spans``.

    Fast path: when every span edge is a token boundary, the tokenizer's Doc is used as is
    (``char_span`` in strict mode). Otherwise tokens are split at the edges and a new Doc is
    built from the adjusted words and spaces, so the entity is never dropped.
    """
    from spacy.tokens import Span as SpacySpan

    doc = nlp.make_doc(text)
    span_list = spans if isinstance(spans, list) else list(spans)
    ents = []
    fast = True
    last_end = -1
    for s in sorted((span_fields(s) for s in span_list), key=lambda v: (v[0], v[1])):
        start, end, label = s
        if start < last_end or not (0 <= start < end <= len(text)):
            fast = False
            break
        ent = doc.char_span(start, end, label=label, alignment_mode="strict")
        if ent is None or text[start].isspace() or text[end - 1].isspace():
            fast = False
            break
        ents.append(ent)
        last_end = end
    if fast:
        doc.ents = ents
        n = len(ents)
        return doc, AlignmentReport(spans=n, aligned=n)
    result = align_spans(doc, span_list)
    doc = result.doc
    doc.ents = [SpacySpan(doc, a.token_start, a.token_end + 1, label=a.label) for a in result.aligned]
    return doc, result.report


_INVISIBLE_TOKEN = re.compile(rf"[\s{_INVISIBLE}\u2060-\u2064]+")


def is_invisible(token_text: str) -> bool:
    """True for a token made only of whitespace or invisible format characters (bidi marks)."""
    return _INVISIBLE_TOKEN.fullmatch(token_text) is not None
