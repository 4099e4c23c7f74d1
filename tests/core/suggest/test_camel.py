"""CAMeL NER suggester, run end to end through camel_tools.ner.NERecognizer.

The real CAMeL model cannot be downloaded here, so the tests build a tiny BERT token
classifier that behaves as a lookup table: every layer except the embeddings is zeroed, so
the last hidden state is the (normalised) embedding of the word's first word piece, and the
embedding of each test word is a one-hot vector on the dimension of the label it must get.
The classifier reads that dimension back. The suggester therefore sees a model whose output
is known exactly, and the assertions check its own work: offsets, sentence batching,
IOB → span conversion, label mapping and boundary snapping.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.errors import SuggesterUnavailable
from annotator.core.suggest import camel as camel_mod
from annotator.core.suggest.camel import (
    MAX_WORDS,
    CamelNerSuggester,
    camel_ner_available,
    iob_entities,
    split_sequences,
    words_with_offsets,
)

# The tag set and order CAMeL's own model uses (camel_tools.ner._LABELS).
CAMEL_LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]

# What the lookup model predicts for each word (first word piece); anything else is "O".
WORD_TAGS = {
    "الجيش": "B-ORG",
    "السوري": "I-ORG",
    "وحلب": "B-LOC",
    "حلب": "B-LOC",
    "إدلب": "B-LOC",
    "الوكالة": "B-ORG",
    "»": "I-ORG",
    "محمد": "B-PERS",
    "علي": "I-PERS",
    "رمضان": "B-MISC",
    "للتنظيم": "B-ORG",
}


def build_lookup_model(model_dir: Path) -> None:
    """Save a 2-layer, 32-wide BERT token classifier whose tag for a word is WORD_TAGS[word]."""
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    model_dir.mkdir(parents=True, exist_ok=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORD_TAGS, "قصف", "ريف"]
    (model_dir / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    # do_lower_case=False: accent stripping would turn «إدلب» into «ادلب» (hamza below is a
    # combining mark after NFD) and the lookup would miss.
    tokenizer = BertTokenizer(str(model_dir / "vocab.txt"), do_lower_case=False)

    label_id = {label: i for i, label in enumerate(CAMEL_LABELS)}
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=512,
        id2label=dict(enumerate(CAMEL_LABELS)),
        label2id=label_id,
    )
    model = BertForTokenClassification(config)
    with torch.no_grad():
        for param in model.parameters():
            param.zero_()
        for _name, module in model.named_modules():
            if isinstance(module, torch.nn.LayerNorm):
                module.weight.fill_(1.0)
        emb = model.bert.embeddings.word_embeddings.weight
        for token, token_id in tokenizer.get_vocab().items():
            emb[token_id, label_id[WORD_TAGS.get(token, "O")]] = 10.0
        for i in range(len(CAMEL_LABELS)):
            model.classifier.weight[i, i] = 1.0
    model.save_pretrained(model_dir)
    tokenizer.save_pretrained(model_dir)


@pytest.fixture(scope="module")
def camel_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A CAMeL Tools data folder whose catalogue's default NER model is the lookup model.

    ``camel_tools.ner`` imports ``camel_tools.data``, which reads ``catalogue.json`` from
    ``$CAMELTOOLS_DATA`` at import time (and would try to download it if missing). If another
    test already imported it, the loaded catalogue is swapped for this one instead.
    """
    root = tmp_path_factory.mktemp("camel_data")
    catalogue = root / "catalogue.json"
    catalogue.write_text(
        json.dumps(
            {
                "version": "1.6",
                "packages": {},
                "components": {
                    "NamedEntityRecognition": {
                        "default": "arabert",
                        "datasets": {"arabert": {"path": "ner/arabert"}},
                    }
                },
            }
        ),
        encoding="utf-8",
    )
    build_lookup_model(root / "data" / "ner" / "arabert")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CAMELTOOLS_DATA", str(root))
        if "camel_tools.data" not in sys.modules:
            mp.setenv("HOME", str(root))  # camel_tools.data creates ~/.camel_tools on import
        else:
            import camel_tools.data
            import camel_tools.data.catalogue as cat_mod
            import camel_tools.ner

            mp.setattr(cat_mod, "CT_DATA_DIR", root)
            loaded = cat_mod.Catalogue.load_catalogue(catalogue)
            mp.setattr(camel_tools.data, "CATALOGUE", loaded)
            mp.setattr(camel_tools.ner, "CATALOGUE", loaded)
        yield root


@pytest.fixture(scope="module")
def model_dir(camel_data: Path) -> Path:
    return camel_data / "data" / "ner" / "arabert"


@pytest.fixture(scope="module")
def suggester(model_dir: Path) -> CamelNerSuggester:
    return CamelNerSuggester(model_path=model_dir)


def spans(suggestions: list) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label, s.origin) for s in suggestions]


# An emoji sequence (2 code points) glued to a right-to-left mark that BERT tokenises to
# nothing, CRLF line ends, guillemets, a person, a MISC entity and a «ل + ال» word.
TEXT = (
    "قصف الجيش السوري 👍🏽\u200f ريف وحلب أمس\r\n"
    "وقالت «الوكالة» إن محمد علي قتل في إدلب خلال رمضان، وانسحب للتنظيم."
)


def at(text: str, needle: str, skip: int = 0) -> tuple[int, int]:
    start = text.index(needle) + skip
    return start, text.index(needle) + len(needle)


def test_lookup_model_tags_as_designed(suggester: CamelNerSuggester) -> None:
    # Guards the test model itself: the assertions below rely on these exact tags.
    words = ["الجيش", "السوري", "ريف", "وحلب", "إدلب", "رمضان", "»", "قتل"]
    assert suggester._recognizer.predict([words]) == [
        ["B-ORG", "I-ORG", "O", "B-LOC", "B-LOC", "B-MISC", "I-ORG", "O"]
    ]


def test_suggestions_are_mapped_snapped_and_exact(suggester: CamelNerSuggester) -> None:
    got = suggester.suggest(TEXT)
    s_army, e_army = at(TEXT, "الجيش السوري")
    s_aleppo, e_aleppo = at(TEXT, "وحلب", skip=1)  # proclitic و outside
    s_agency, e_agency = at(TEXT, "الوكالة")  # the tagged closing » is snapped off
    s_person, e_person = at(TEXT, "محمد علي")  # PERS → ACTOR
    s_idlib, e_idlib = at(TEXT, "إدلب")
    s_isis, e_isis = at(TEXT, "للتنظيم", skip=1)  # ل outside, the article's single ل inside
    assert spans(got) == [
        (s_army, e_army, "ACTOR", "camel"),
        (s_aleppo, e_aleppo, "LOCATION", "camel"),
        (s_agency, e_agency, "ACTOR", "camel"),
        (s_person, e_person, "ACTOR", "camel"),
        (s_idlib, e_idlib, "LOCATION", "camel"),
        (s_isis, e_isis, "ACTOR", "camel"),
    ]
    assert [TEXT[s.start : s.end] for s in got] == [
        "الجيش السوري", "حلب", "الوكالة", "محمد علي", "إدلب", "لتنظيم"
    ]
    assert "رمضان" not in {TEXT[s.start : s.end] for s in got}  # MISC dropped


def test_default_model_comes_from_the_camel_catalogue(camel_data: Path) -> None:
    assert camel_ner_available() == (True, "")
    default = CamelNerSuggester()  # NERecognizer.pretrained() through the catalogue
    assert spans(default.suggest(TEXT))[1][2:] == ("LOCATION", "camel")
    assert [TEXT[s.start : s.end] for s in default.suggest(TEXT)][:2] == ["الجيش السوري", "حلب"]


def test_long_article_is_split_into_bounded_sequences(
    suggester: CamelNerSuggester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 900 words with no full stop or line break (a run-on paragraph), an entity every 45.
    words = ["قصف" if i % 45 else "حلب" for i in range(900)]
    text = " ".join(words) + "\r\n" + " ".join(["ريف"] * 30) + " وحلب."
    seen: list[int] = []
    predict = suggester._recognizer.predict

    def spy(sentences: list[list[str]], batch_size: int = 32) -> list[list[str]]:
        seen.extend(len(s) for s in sentences)
        return predict(sentences, batch_size=batch_size)

    monkeypatch.setattr(suggester._recognizer, "predict", spy)
    got = suggester.suggest(text)
    assert max(seen) <= MAX_WORDS and sum(seen) == len(words) + 30 + 2
    expected = [i for i in range(len(text)) if text.startswith("حلب", i)]
    assert [(s.start, s.end, s.label) for s in got] == [(i, i + 3, "LOCATION") for i in expected]
    assert len(got) == 900 // 45 + 1


def test_suggest_many_batches_texts_in_one_predict_call(
    suggester: CamelNerSuggester, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [TEXT, "", "قتل عنصران من الجيش في حلب.", TEXT.replace("\r\n", "\n")]
    one_by_one = [suggester.suggest(t) for t in texts]
    calls: list[int] = []
    predict = suggester._recognizer.predict

    def spy(sentences: list[list[str]], batch_size: int = 32) -> list[list[str]]:
        calls.append(len(sentences))
        return predict(sentences, batch_size=batch_size)

    monkeypatch.setattr(suggester._recognizer, "predict", spy)
    assert suggester.suggest_many(texts) == one_by_one
    assert calls == [2 + 1 + 2]  # TEXT and its LF twin are two sentences each
    assert [texts[2][s.start : s.end] for s in one_by_one[2]] == ["الجيش", "حلب"]


def test_registered_as_the_camel_source(model_dir: Path) -> None:
    from annotator.core.suggest import Suggester, get_suggester

    built = get_suggester("camel", model_path=model_dir)
    assert isinstance(built, CamelNerSuggester) and isinstance(built, Suggester)
    assert built.name == "camel"


def test_empty_and_blank_text(suggester: CamelNerSuggester) -> None:
    assert suggester.suggest("") == []
    assert suggester.suggest(" \r\n\t ") == []


def test_missing_model_is_unavailable_with_one_line(camel_data: Path, tmp_path: Path) -> None:
    ok, reason = camel_ner_available(tmp_path / "no-model")
    assert not ok and "camel_data -i ner-arabert" in reason and "\n" not in reason
    with pytest.raises(SuggesterUnavailable) as info:
        CamelNerSuggester(model_path=tmp_path / "no-model")
    assert str(info.value) == reason

    (tmp_path / "partial").mkdir()
    (tmp_path / "partial" / "config.json").write_text("{}", encoding="utf-8")
    ok, reason = camel_ner_available(tmp_path / "partial")
    assert not ok and "vocab.txt" in reason and "model.safetensors" in reason


def test_fresh_install_without_camel_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on a machine where camel_data never ran: camel_tools.data not imported yet and no
    # catalogue. The check must say so without importing it (which would try a download).
    for name in ("camel_tools.data", "camel_tools.data.catalogue"):
        if name in sys.modules:
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "empty"))
    ok, reason = camel_ner_available()
    assert not ok
    assert reason.startswith("CAMeL NER model not installed: run `camel_data -i ner-arabert` (")
    assert "\n" not in reason
    with pytest.raises(SuggesterUnavailable, match="camel_data -i ner-arabert"):
        CamelNerSuggester()
    assert "camel_tools.data" not in sys.modules
    assert not (tmp_path / "empty").exists()


def test_catalogue_without_downloaded_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("camel_tools.data", "camel_tools.data.catalogue"):
        if name in sys.modules:
            monkeypatch.delitem(sys.modules, name)
    (tmp_path / "catalogue.json").write_text(
        json.dumps(
            {
                "components": {
                    "NamedEntityRecognition": {
                        "default": "arabert",
                        "datasets": {"arabert": {"path": "ner/arabert"}},
                    }
                }
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    ok, reason = camel_ner_available()
    assert not ok and "camel_data -i ner-arabert" in reason
    assert str(tmp_path / "data" / "ner" / "arabert") in reason


def test_missing_torch_is_unavailable(model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # What a PyInstaller bundle that leaves torch out looks like to importlib.
    monkeypatch.setitem(sys.modules, "torch", None)
    ok, reason = camel_ner_available(model_dir)
    assert not ok and "torch" in reason and "\n" not in reason
    with pytest.raises(SuggesterUnavailable) as info:
        CamelNerSuggester(model_path=model_dir)
    assert str(info.value) == reason


def test_broken_torch_found_only_at_import_is_unavailable(
    model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # torch present on disk but failing to import (e.g. a missing DLL): reported, not raised raw.
    for name in [m for m in sys.modules if m == "camel_tools.ner" or m.startswith("camel_tools.ner.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "transformers", None)
    monkeypatch.setattr(camel_mod.importlib.util, "find_spec", lambda name: object())
    with pytest.raises(SuggesterUnavailable) as info:
        CamelNerSuggester(model_path=model_dir)
    assert "\n" not in str(info.value) and "torch/transformers" in str(info.value)


def test_words_with_offsets_are_exact_code_points() -> None:
    text = "«الجيش»\r\nقتل 👨‍👩‍👧 12، و\u200fحلب!"
    offsets = words_with_offsets(text)
    from camel_tools.tokenizers.word import simple_word_tokenize

    assert [text[s:e] for s, e in offsets] == simple_word_tokenize(text)
    assert offsets[0] == (0, 1) and offsets[1] == (1, 6) and offsets[3] == (9, 12)
    family = text.index("👨")
    assert (family, family + 5) in offsets  # ZWJ sequence: 5 code points, one word


def test_split_sequences() -> None:
    text = "أ ب. ج 3.5 د\nه و؟ز"
    words = words_with_offsets(text)
    got = [[text[s:e] for s, e in (words[i] for i in seq)] for seq in split_sequences(text, words)]
    assert got == [["أ", "ب", "."], ["ج", "3", ".", "5", "د"], ["ه", "و", "؟", "ز"]]
    many = " ".join(["ك"] * 450)
    lengths = [len(s) for s in split_sequences(many, words_with_offsets(many), max_words=200)]
    assert lengths == [200, 200, 50]


def test_iob_entities() -> None:
    tags = ["B-ORG", "I-ORG", "O", "I-LOC", "I-LOC", "B-LOC", "I-PERS", "B-MISC", "I-ORG"]
    assert iob_entities(tags) == [
        (0, 2, "ORG"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "PERS"), (7, 8, "MISC"), (8, 9, "ORG")
    ]
    assert iob_entities([]) == [] and iob_entities(["O", "O"]) == []
