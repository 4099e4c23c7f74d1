"""Suggestions from the CAMeL Tools Arabic NER model (BERT fine-tuned on ANERcorp).

CAMeL labels persons, organisations, locations and "misc" entities in IOB form. For this
project ORG and PERS become ``ACTOR`` (armed groups, forces and their leaders are what the
annotators mark as actors), LOC becomes ``LOCATION`` and MISC is dropped (it has no
counterpart in the label set). Every span is then snapped to the guideline boundaries
(proclitics and quotes outside, the article inside) with :func:`annotator.core.text.snap_span`,
because the model tags whole whitespace words such as «وحلب».

Why everything heavy is imported inside functions: ``camel_tools.ner`` pulls in torch and
transformers (seconds of start-up and hundreds of MB), and importing ``camel_tools.data``
creates ``~/.camel_tools`` and, when the data catalogue is missing, tries to *download* it.
The GUI and CLI import this module at start-up to list suggesters, so the module itself only
uses the standard library, and :func:`camel_ner_available` checks files and module specs
without importing anything heavy.
"""
from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.domain import Suggestion
from annotator.core.errors import SuggesterUnavailable
from annotator.core.suggest.base import Suggester, resolve_overlaps

if TYPE_CHECKING:  # pragma: no cover - typing only
    from camel_tools.ner import NERecognizer

ORIGIN = "camel"

#: CAMeL entity type → project label. Types not listed (MISC) are dropped.
LABEL_MAP: dict[str, str] = {"ORG": "ACTOR", "PERS": "ACTOR", "LOC": "LOCATION"}

#: Longest run of words sent to the model as one sequence. CAMeL itself feeds BERT windows
#: of 256 word pieces (splitting longer input), so the 512 limit is never reached; this cap
#: keeps a run-on paragraph (news text without full stops) from becoming one sequence that
#: CAMeL cuts at arbitrary points, while Arabic news words are mostly 1-2 pieces, so 200
#: words usually fit in one window and ordinary sentences stay whole.
MAX_WORDS = 200

#: Sequences per forward pass. Each is padded to 256 pieces, so 8 keeps CPU memory small.
BATCH_SIZE = 8

_INSTALL_HINT = "run `camel_data -i ner-arabert`"
_SENTENCE_END = frozenset({".", "!", "?", "؟", "…", "۔"})
_NER_COMPONENT = "NamedEntityRecognition"


# --------------------------------------------------------------------------------------
# Availability (files and module specs only: nothing heavy is imported here)
# --------------------------------------------------------------------------------------
def _one_line(message: str, limit: int = 300) -> str:
    """Collapse an exception text to one short line: the GUI shows it in a status bar."""
    line = " ".join(str(message).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _camel_data_dir() -> Path:
    """The CAMeL Tools data folder, resolved as ``camel_tools.data.catalogue`` does.

    Uses the loaded module's value when it is already imported (it is fixed at its import
    time); otherwise replicates its rule so that checking does not import it (see module doc).
    """
    catalogue_mod = sys.modules.get("camel_tools.data.catalogue")
    if catalogue_mod is not None:
        return Path(catalogue_mod.CT_DATA_DIR)
    env = os.environ.get("CAMELTOOLS_DATA")
    if env:
        return Path(env).expanduser().absolute()
    home = Path.home()
    if sys.platform == "win32":
        return home / "AppData" / "Roaming" / "camel_tools"
    return home / ".camel_tools"


def _default_model_dir() -> tuple[Path | None, str]:
    """Folder of the catalogue's default NER model, or ``(None, reason)``."""
    data_mod = sys.modules.get("camel_tools.data")
    if data_mod is not None and getattr(data_mod, "CATALOGUE", None) is not None:
        try:
            return Path(data_mod.CATALOGUE.get_dataset(_NER_COMPONENT).path), ""
        except Exception as exc:  # CatalogueError: an old or foreign catalogue
            return None, f"CAMeL NER model not installed: {_INSTALL_HINT} ({_one_line(exc)})"
    data_dir = _camel_data_dir()
    catalogue = data_dir / "catalogue.json"
    if not catalogue.is_file():
        return None, (
            f"CAMeL NER model not installed: {_INSTALL_HINT} (no CAMeL Tools data in {data_dir})"
        )
    try:
        cat = json.loads(catalogue.read_text(encoding="utf-8"))
        comp = cat["components"][_NER_COMPONENT]
        rel = comp["datasets"][comp["default"]]["path"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return None, (
            f"CAMeL NER model not installed: {_INSTALL_HINT} "
            f"(unreadable catalogue {catalogue}: {_one_line(exc, 80)})"
        )
    return data_dir / "data" / rel, ""


def _missing_model_files(model_dir: Path) -> list[str]:
    """What ``BertForTokenClassification``/``BertTokenizer.from_pretrained`` need but is absent."""
    if not model_dir.is_dir():
        return [str(model_dir)]
    missing = [name for name in ("config.json", "vocab.txt") if not (model_dir / name).is_file()]
    if not any((model_dir / w).is_file() for w in ("model.safetensors", "pytorch_model.bin")):
        missing.append("model.safetensors or pytorch_model.bin")
    return missing


def _catalogue_present() -> bool:
    """``camel_tools.ner`` imports ``camel_tools.data``, which downloads the catalogue if it
    is missing. The app must never download at run time, so no catalogue means unavailable."""
    if sys.modules.get("camel_tools.data") is not None:
        return True
    return (_camel_data_dir() / "catalogue.json").is_file()


def camel_ner_available(model_path: str | os.PathLike[str] | None = None) -> tuple[bool, str]:
    """Whether :class:`CamelNerSuggester` can run here, and if not a one-line reason.

    Cheap enough to call when building a menu: it checks module specs (a PyInstaller
    bundle that leaves torch out has none) and model files, and imports nothing heavy.
    A torch that is present but broken is only found by the constructor, which reports it
    as :class:`SuggesterUnavailable` too.
    """
    for module in ("torch", "transformers", "camel_tools"):
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            return False, f"CAMeL NER needs {module}, which is not installed in this build"
    if not _catalogue_present():
        return False, (
            f"CAMeL NER model not installed: {_INSTALL_HINT} "
            f"(no CAMeL Tools data in {_camel_data_dir()})"
        )
    if model_path is None:
        model_dir, reason = _default_model_dir()
        if model_dir is None:
            return False, reason
    else:
        model_dir = Path(model_path)
    missing = _missing_model_files(model_dir)
    if missing:
        return False, (
            f"CAMeL NER model not installed: {_INSTALL_HINT} "
            f"(missing in {model_dir}: {', '.join(missing)})"
        )
    return True, ""


# --------------------------------------------------------------------------------------
# Text → words with offsets → model sequences
# --------------------------------------------------------------------------------------
def words_with_offsets(text: str) -> list[tuple[int, int]]:
    """CAMeL's word tokenisation of ``text`` as ``(start, end)`` code-point offsets.

    ``simple_word_tokenize`` returns strings only. Its tokens are substrings of the text, in
    order, covering every non-space character, so each one is found by scanning forward from
    the end of the previous one: only whitespace can lie in between, hence the first match
    is the right one (this holds for emoji sequences and CRLF alike).
    """
    from camel_tools.tokenizers.word import simple_word_tokenize

    offsets: list[tuple[int, int]] = []
    cursor = 0
    for token in simple_word_tokenize(text):
        start = text.find(token, cursor)
        if start < 0:  # pragma: no cover - would mean camel_tools changed its contract
            raise RuntimeError(f"word {token!r} not found in text after offset {cursor}")
        cursor = start + len(token)
        offsets.append((start, cursor))
    return offsets


def split_sequences(
    text: str, words: Sequence[tuple[int, int]], max_words: int = MAX_WORDS
) -> list[list[int]]:
    """Group word indices into sentences of at most ``max_words`` words.

    A sentence ends after . ! ? ؟ … followed by space (so 3.5 stays together) and at a line
    break (titles and paragraphs in news text often lack a full stop). Longer runs are cut
    into ``max_words`` pieces.
    """
    sentences: list[list[int]] = []
    current: list[int] = []
    for i, (start, end) in enumerate(words):
        if current and (len(current) >= max_words or "\n" in text[words[i - 1][1] : start]):
            sentences.append(current)
            current = []
        current.append(i)
        token = text[start:end]
        if token in _SENTENCE_END and (end == len(text) or text[end].isspace()):
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return [s for s in sentences if s]


def iob_entities(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """IOB tags → ``(first_word, last_word_exclusive, type)``.

    An ``I-`` tag that does not continue an entity of the same type starts a new one: BERT
    taggers do emit such tags and dropping them would lose real names.
    """
    entities: list[tuple[int, int, str]] = []
    begin: int | None = None
    kind = ""
    for i, tag in enumerate(tags):
        prefix, _, etype = tag.partition("-")
        if prefix == "I" and begin is not None and etype == kind:
            continue
        if begin is not None:
            entities.append((begin, i, kind))
            begin = None
        if prefix in ("B", "I") and etype:
            begin, kind = i, etype
    if begin is not None:
        entities.append((begin, len(tags), kind))
    return entities


# --------------------------------------------------------------------------------------
# The suggester
# --------------------------------------------------------------------------------------
class CamelNerSuggester(Suggester):
    """Proposes ACTOR and LOCATION spans from CAMeL Tools' pretrained Arabic NER.

    ``model_path=None`` loads the model installed by ``camel_data -i ner-arabert``; a path
    loads a BERT token classifier saved with ``save_pretrained`` (labels in its config's
    ``id2label``, same tag set as CAMeL's). Loading takes seconds: build it once, off the
    GUI thread, and reuse it.
    """

    name = "camel"

    def __init__(self, model_path: str | os.PathLike[str] | None = None) -> None:
        ok, reason = camel_ner_available(model_path)
        if not ok:
            raise SuggesterUnavailable(reason)
        self.model_path = None if model_path is None else str(model_path)
        self._recognizer = self._load(self.model_path)

    @staticmethod
    def _load(model_path: str | None) -> NERecognizer:
        try:
            from camel_tools.ner import NERecognizer
        except Exception as exc:  # ImportError, or OSError from a broken torch DLL
            raise SuggesterUnavailable(
                _one_line(f"CAMeL NER cannot load torch/transformers: {exc}")
            ) from exc
        try:
            if model_path is None:
                return NERecognizer.pretrained()
            return NERecognizer(model_path)
        except Exception as exc:
            # A corrupt or foreign model fails inside transformers in many ways (OSError,
            # ValueError, KeyError, safetensors errors); all mean "cannot suggest here".
            where = model_path or "the CAMeL Tools data folder"
            raise SuggesterUnavailable(
                _one_line(f"CAMeL NER model in {where} cannot be loaded: {exc}")
            ) from exc

    def _tag_many(self, texts: Sequence[str]) -> list[tuple[list[tuple[int, int]], list[str]]]:
        """For each text, the words the model can see and one IOB tag for each of them.

        CAMeL silently drops words that BERT tokenises to nothing (a lone RLM mark, other
        format characters), which would shift every later tag onto the wrong word. Such
        words are left out before predicting, so they neither shift tags nor break an
        entity they sit inside. The sequences of all texts go through one ``predict`` call
        so that short articles share batches.
        """
        tokenizer: Any = self._recognizer.tokenizer
        per_text: list[tuple[list[tuple[int, int]], list[list[int]]]] = []
        batch: list[list[str]] = []
        for text in texts:
            words = words_with_offsets(text)
            visible = [(s, e) for s, e in words if tokenizer.tokenize(text[s:e])]
            sequences = split_sequences(text, visible)
            per_text.append((visible, sequences))
            batch.extend([text[visible[i][0] : visible[i][1]] for i in seq] for seq in sequences)
        predictions = iter(self._recognizer.predict(batch, batch_size=BATCH_SIZE) if batch else [])
        result: list[tuple[list[tuple[int, int]], list[str]]] = []
        for visible, sequences in per_text:
            tags = ["O"] * len(visible)
            for seq in sequences:
                labels = next(predictions)
                if len(labels) != len(seq):  # pragma: no cover - guarded by the filter above
                    raise RuntimeError("CAMeL NER returned a tag count unlike its input's")
                for i, label in zip(seq, labels):
                    tags[i] = label
                # Entities never cross a model sequence: an I- tag at its start begins a new one.
                if tags[seq[0]].startswith("I-"):
                    tags[seq[0]] = "B-" + tags[seq[0]][2:]
            result.append((visible, tags))
        return result

    def suggest(self, text: str) -> list[Suggestion]:
        """ACTOR/LOCATION suggestions for ``text``, snapped to the guideline boundaries,
        sorted by offset and never overlapping each other."""
        return self.suggest_many([text])[0]

    def suggest_many(self, texts: Iterable[str]) -> list[list[Suggestion]]:
        """:meth:`suggest` for several texts, batched through the model together."""
        from annotator.core.text import snap_span

        texts = list(texts)
        out: list[list[Suggestion]] = []
        for text, (visible, tags) in zip(texts, self._tag_many(texts)):
            found: list[Suggestion] = []
            for first, last, etype in iob_entities(tags):
                label = LABEL_MAP.get(etype)
                if label is None:
                    continue
                start, end = snap_span(text, visible[first][0], visible[last - 1][1])
                if start < end:
                    found.append(Suggestion(start=start, end=end, label=label, origin=ORIGIN))
            # A guard, as every suggester must return a flat span set: snap_span widens
            # to whole words, and its notion of a word (letters, marks, digits, joiners)
            # is not camel's, so two neighbouring entities could meet in one word.
            out.append(resolve_overlaps(found))
        return out
