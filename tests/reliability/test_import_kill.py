"""A killed import leaves a consistent project, and running it again completes it.

``annotator import`` of 50,000 generated articles is SIGKILLed once a separate read
connection sees more than 10,000 articles in the file (a few more batches may be in
flight). Afterwards:

* ``PRAGMA integrity_check`` is ok and foreign keys hold (no orphan spans or annotations);
* whole batches only: every stored article is complete (its text hashes to its
  ``content_hash``, its spans are exactly those of its record) and the count is a
  multiple of the batch size — a batch is one transaction;
* the same import run again exits 0, reports the stored articles as duplicates and leaves
  exactly 50,000 distinct articles, each record's spans stored once.
"""
from __future__ import annotations

import hashlib
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from annotator.core.importing import BATCH_SIZE
from annotator.core.store import Project

ROOT = Path(__file__).resolve().parents[2]
# The installed command, as the user runs it (python -m as a fallback for an uninstalled tree).
_SCRIPT = Path(sys.executable).with_name("annotator")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "annotator.cli"]
N_ARTICLES = 50_000
KILL_AFTER = 10_000

PLACES = ["حمص", "درعا", "إدلب", "دير الزور", "الرقة", "حلب", "تدمر", "السخنة", "جبل الزاوية", "القامشلي",
          "منبج", "البوكمال", "الميادين", "سراقب"]
ACTORS = ["قوات النظام", "تنظيم الدولة", "الطيران الروسي", "قوات سوريا الديمقراطية", "فصائل المعارضة",
          "الميليشيات الإيرانية", "الجيش التركي"]
SOURCES = ["المرصد السوري لحقوق الإنسان", "مصادر ميدانية", "وكالة الأنباء الرسمية", "ناشطون محليون"]
EVENTS = [("مقتل", "قتلى"), ("إصابة", "جرحى"), ("اعتقال", "معتقلين"), ("نزوح", "نازحين")]
VICTIMS = ["مدنيين", "عناصر", "جنود", "مقاتلين", "أطفال"]
MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول"]


def generate(n: int, seed: int = 7) -> Iterator[dict]:
    """Short articles of the genre, all different; every 7th carries an ACTOR and a SOURCE span."""
    rng = random.Random(seed)
    for i in range(n):
        place, actor, source = rng.choice(PLACES), rng.choice(ACTORS), rng.choice(SOURCES)
        event, _plural = rng.choice(EVENTS)
        count = rng.randint(2, 60)
        victims = rng.choice(VICTIMS)
        # The serial number keeps 50,000 texts distinct, as dates and places do in real feeds.
        day, month, year = 1 + i % 28, MONTHS[(i // 28) % 10], 2012 + i // 280
        title = f"{place}: {event} {count} {victims}"
        body = (
            f"أفاد {source} بأن {actor} شنّت هجومًا على مواقع في ريف {place} يوم {day} {month} {year}، "
            f"ما أدى إلى {event} {count} {victims}، في حين لم تعلّق الجهات الرسمية على الحادثة."
        )
        text = f"{title}\n\n{body}"
        rec: dict = {"id": f"gen-{i:05d}", "title": title, "text": text, "source": "المدن"}
        if i % 7 == 0:
            a = text.index(actor, len(title))
            s = text.index(source)
            rec["spans"] = [
                {"start": s, "end": s + len(source), "label": "SOURCE"},
                {"start": a, "end": a + len(actor), "label": "ACTOR"},
            ]
        yield rec


def write_jsonl(path: Path) -> dict[str, list[tuple[int, int, str]]]:
    """Write the corpus; return content hash -> sorted spans of each record that has spans."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    with open(path, "w", encoding="utf-8") as fh:
        for rec in generate(N_ARTICLES):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if "spans" in rec:
                h = hashlib.sha256(rec["text"].encode("utf-8")).hexdigest()
                spans[h] = sorted((s["start"], s["end"], s["label"]) for s in rec["spans"])
    return spans


def article_count(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


def check_consistent(path: Path, expected_spans: dict[str, list[tuple[int, int, str]]]) -> int:
    """Assert the project is whole; return its article count."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = conn.execute(
            "SELECT count(*) FROM spans WHERE annotation_id NOT IN (SELECT id FROM annotations)"
        ).fetchone()[0]
        assert orphans == 0
        assert conn.execute(
            "SELECT count(*) FROM annotations WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0] == 0
        n = 0
        for text, stored_hash in conn.execute("SELECT text, content_hash FROM articles"):
            assert hashlib.sha256(text.encode("utf-8")).hexdigest() == stored_hash, "a truncated article"
            n += 1
        stored: dict[str, list[tuple[int, int, str]]] = {}
        for h, start, end, label in conn.execute(
            'SELECT a.content_hash, s.start, s."end", s.label FROM spans s '
            "JOIN annotations an ON an.id = s.annotation_id JOIN articles a ON a.id = an.article_id"
        ):
            stored.setdefault(h, []).append((start, end, label))
        hashes = {r[0] for r in conn.execute("SELECT content_hash FROM articles")}
        # An article that came with spans has all of them (same transaction), never a part or a copy.
        for h in hashes & expected_spans.keys():
            assert sorted(stored.get(h, [])) == expected_spans[h]
        assert set(stored) <= hashes & expected_spans.keys()
        return n
    finally:
        conn.close()


def test_killed_import_is_consistent_and_resumes_without_duplicates(tmp_path: Path) -> None:
    project = tmp_path / "import.db"
    corpus = tmp_path / "articles.jsonl"
    expected_spans = write_jsonl(corpus)
    with Project.create(project, creator="lead"):
        pass

    rng = random.Random(11)
    child = subprocess.Popen([*CLI, "import", str(project), str(corpus)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while article_count(project) < KILL_AFTER:
            assert child.poll() is None, f"the import ended before it could be killed: {child.stderr.read()!r}"
            assert time.monotonic() < deadline, "the import is far too slow"
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.4))  # land anywhere in the next batch
    finally:
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert b"imported:" not in out, "the import finished before the kill: the test proved nothing"
    assert b"Traceback" not in err

    stored = check_consistent(project, expected_spans)
    assert KILL_AFTER <= stored < N_ARTICLES
    assert stored % BATCH_SIZE == 0, f"{stored} articles: a batch was written in part"
    with Project.open(project) as p:  # the killed file opens normally
        assert p.article_count() == stored

    again = subprocess.run([*CLI, "import", str(project), str(corpus)], cwd=ROOT, capture_output=True,
                           text=True, timeout=180)
    assert again.returncode == 0, again.stderr
    assert "error" not in again.stderr.lower() and "Traceback" not in again.stderr
    assert f"imported: {N_ARTICLES - stored} new, {stored} duplicate, 0 rejected" in again.stdout

    assert check_consistent(project, expected_spans) == N_ARTICLES
    conn = sqlite3.connect(project)
    try:
        assert conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == N_ARTICLES
        assert conn.execute("SELECT count(DISTINCT external_id) FROM articles").fetchone()[0] == N_ARTICLES
        total_spans = conn.execute("SELECT count(*) FROM spans").fetchone()[0]
        assert total_spans == sum(len(v) for v in expected_spans.values())
    finally:
        conn.close()
