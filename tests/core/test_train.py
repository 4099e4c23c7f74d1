"""Training: spaCy's own CLI on our exports, train(), and the model suggester."""
from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.domain import Span, Suggestion
from annotator.core.errors import InputError
from annotator.core.formats.docbin import write as write_docbin
from annotator.core.train import DEFAULT_CONFIG, TrainProgress, train

ROOT = Path(__file__).resolve().parents[2]
TOKENIZER_FILE = ROOT / "annotator" / "core" / "tokenizer.py"
LABELS = {"ACTOR", "LOCATION", "COUNT", "SOURCE"}

# Sentence templates written for these tests; [[label|text]] marks a span. Clitics and
# quotes sit outside the brackets, as the guidelines say.
TEMPLATES = [
    "قال [[SOURCE|{src}]] إن [[COUNT|{n}]] من عناصر [[ACTOR|{actor}]] قتلوا بريف [[LOCATION|{place}]].",
    "وأفادت [[SOURCE|مصادر ميدانية]] ل”[[SOURCE|{outlet}]]” بأن [[ACTOR|{actor}]] قصفت [[LOCATION|{place}]].",
    "وهاجمت خلايا تابعة ل[[ACTOR|لتنظيم]] مواقع [[ACTOR|{actor}]] في [[LOCATION|{place}]].",
    "واستأنف تنظيم “[[ACTOR|داعش]]” هجماته على [[LOCATION|{place}]] ما أدى إلى مقتل [[COUNT|{n}]] مدنيين.",
]
FILL = {
    "src": ["المرصد السوري لحقوق الإنسان", "مصادر محلية", "ناشطون"],
    "actor": ["قوات النظام", "الميليشيات الإيرانية", "الجيش الوطني", "الطيران الروسي"],
    "place": ["حمص", "حلب", "دير الزور", "إدلب", "تدمر"],
    "outlet": ["المدن", "عنب بلدي"],
}


def render(template: str, rng: random.Random) -> tuple[str, list[Span]]:
    filled = template.format(
        n=rng.randint(2, 30), **{k: rng.choice(v) for k, v in FILL.items()}
    )
    text, spans, i = "", [], 0
    while True:
        j = filled.find("[[", i)
        if j < 0:
            text += filled[i:]
            return text, spans
        text += filled[i:j]
        k = filled.index("]]", j)
        label, inner = filled[j + 2 : k].split("|", 1)
        spans.append(Span(len(text), len(text) + len(inner), label))
        text += inner
        i = k + 2


def make_records(n: int, seed: int = 0) -> list[tuple[str, list[Span], dict]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        parts, spans = [], []
        offset = 0
        for _ in range(3):
            t, s = render(rng.choice(TEMPLATES), rng)
            spans += [Span(x.start + offset, x.end + offset, x.label) for x in s]
            parts.append(t)
            offset += len(t) + 1
        out.append((" ".join(parts), spans, {"article_id": i}))
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    # 150 articles: `spacy debug data` calls fewer than 100 training docs an error.
    report = write_docbin(make_records(150), out, dev_fraction=0.25, seed=0)
    assert report.spans_misaligned == 0 and report.spans_split == 0
    return out


@pytest.fixture(scope="module")
def trained(corpus: Path, tmp_path_factory):
    seen: list[TrainProgress] = []
    result = train(
        corpus / "train.spacy", corpus / "dev.spacy", tmp_path_factory.mktemp("model"),
        max_steps=150, eval_frequency=50, progress=seen.append,
    )
    return result, seen


def run_spacy(*args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "spacy", *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env
    )


def test_spacy_cli_debug_data_accepts_the_export(corpus: Path) -> None:
    proc = run_spacy(
        "debug", "data", str(DEFAULT_CONFIG), "--code", str(TOKENIZER_FILE),
        "--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy"),
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "Corpus is loadable" in out
    assert "4 label(s)" in out
    assert "No entities consisting of or starting/ending with whitespace" in out


def test_spacy_cli_train_runs_on_the_export(corpus: Path, tmp_path: Path) -> None:
    proc = run_spacy(
        "train", str(DEFAULT_CONFIG), "--code", str(TOKENIZER_FILE), "--output", str(tmp_path / "m"),
        "--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy"),
        "--training.max_steps", "20", "--training.eval_frequency", "10",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "m" / "model-last" / "config.cfg").is_file()
    cfg = (tmp_path / "m" / "model-last" / "config.cfg").read_text(encoding="utf-8")
    assert '@tokenizers = "ar_news.tokenizer.v1"' in cfg


def test_train_reports_scores_and_progress(trained) -> None:
    result, seen = trained
    assert result.model_path.is_dir() and (result.model_path / "meta.json").is_file()
    assert result.model_path.name == "model-best"
    assert [p.step for p in seen] == [0, 50, 100, 150]
    assert seen[-1].fraction == 1.0
    assert result.steps == 150 and not result.cancelled
    assert set(result.per_label) == LABELS
    for s in result.per_label.values():
        assert 0.0 <= s.p <= 1.0 and 0.0 <= s.r <= 1.0 and 0.0 <= s.f <= 1.0
    # the templates are easy: a model that learnt anything beats 0.5 F1 on dev
    assert result.f1 > 0.5
    assert result.f1 == pytest.approx(max(p.score for p in seen), abs=1e-6)


def test_progress_returning_false_cancels(corpus: Path, tmp_path: Path) -> None:
    calls: list[int] = []

    def stop_after_first(p: TrainProgress) -> bool:
        calls.append(p.step)
        return len(calls) < 2

    result = train(corpus / "train.spacy", corpus / "dev.spacy", tmp_path, max_steps=500,
                   eval_frequency=20, progress=stop_after_first)
    assert result.cancelled
    assert calls == [0, 20]
    assert result.model_path.is_dir()


def test_train_missing_corpus(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        train(tmp_path / "nope.spacy", tmp_path / "nope2.spacy", tmp_path / "out", max_steps=5)


def test_model_suggester_on_the_trained_model(trained) -> None:
    from annotator.core.suggest import get_suggester
    from annotator.core.suggest.trained import ModelSuggester

    result, _ = trained
    sug = ModelSuggester(result.model_path)
    assert sug.name == "model"
    assert sug._nlp is None  # loaded lazily
    text, gold, _ = make_records(1, seed=99)[0]
    found = sug.suggest(text)
    assert found and all(isinstance(s, Suggestion) for s in found)
    for s in found:
        assert 0 <= s.start < s.end <= len(text)
        piece = text[s.start : s.end]
        assert piece == piece.strip()
        assert s.origin == "model" and s.label in LABELS and s.score == 1.0
    assert [(s.start, s.end) for s in found] == sorted((s.start, s.end) for s in found)
    # most gold spans are found exactly on this easy text
    assert len({s.key() for s in found} & {g.key() for g in gold}) >= len(gold) // 2
    assert set(sug.labels) == LABELS
    via_registry = get_suggester("model", model_path=result.model_path)
    assert [s.key() for s in via_registry.suggest(text)] == [s.key() for s in found]


# A second training run, in a child process, that reports each evaluation on stdout.
_CHILD_TRAIN = """
import sys
from annotator.core.train import train
train(sys.argv[1], sys.argv[2], sys.argv[3], max_steps=100000, eval_frequency=5,
      progress=lambda p: print("STEP", p.step, flush=True))
"""


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(f.relative_to(folder)): f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file()}


def test_killed_retraining_leaves_the_current_model_whole(corpus: Path, tmp_path: Path) -> None:
    """Issue #16 item 18: retraining into the folder of the project's current model, killed
    after spaCy had saved a new best, deleted or half-copied that model. Now every run trains
    into a new folder, and the model in use is never written to."""
    import signal

    import spacy

    out = tmp_path / "models"
    first = train(corpus / "train.spacy", corpus / "dev.spacy", out, max_steps=20, eval_frequency=10)
    before = _snapshot(first.model_path)

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", _CHILD_TRAIN, str(corpus / "train.spacy"),
                              str(corpus / "dev.spacy"), str(out)], stdout=subprocess.PIPE, text=True, env=env)
    steps = 0
    for line in child.stdout:  # type: ignore[union-attr]
        steps += line.startswith("STEP")
        if steps == 3:  # spaCy has saved (and replaced) model-best at least twice by now
            break
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    assert steps == 3

    assert _snapshot(first.model_path) == before  # not one byte of the current model changed
    spacy.load(first.model_path)
    assert first.model_path.parent.parent == out and first.model_path.name == "model-best"
    runs = sorted(p.name for p in out.iterdir())
    assert [r for r in runs if r.startswith("run-")] == [first.model_path.parent.name]  # no half run published
    assert any(r.startswith(".training-") for r in runs)  # the killed run's own folder

    again = train(corpus / "train.spacy", corpus / "dev.spacy", out, max_steps=10, eval_frequency=10)
    assert again.model_path != first.model_path and (again.model_path / "meta.json").is_file()
    assert not [p for p in out.iterdir() if p.name.startswith(".training-")]  # the killed run's folder is gone
