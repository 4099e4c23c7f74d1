"""The workbench, ``annotator import`` and ``annotator export`` on one project at the same time.

Three kinds of process share the file for several seconds:

* an annotator process doing what the workbench does on each action (``Project.add_span``,
  ``delete_span``, ``set_status``, remembering the last article), printing ``OK …`` after
  each call returns — the acknowledged changes;
* ``annotator import`` of 20,000 articles (batches of 5,000, each one write transaction
  that makes the annotator wait);
* ``annotator export`` run again and again while the import goes on.

No "database is locked" may reach anyone: every exit status is 0, no ``error``/``locked``
line is printed and the annotator process never sees an error. Nothing is lost: every
acknowledged span is in the file (and in every export started after it was acknowledged),
every imported article is there once, and the file passes ``PRAGMA integrity_check``.
"""
from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from annotator.core.importing import ArticleRecord, import_records
from annotator.core.store import Project

ROOT = Path(__file__).resolve().parents[2]
_SCRIPT = Path(sys.executable).with_name("annotator")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "annotator.cli"]
ANNOTATOR = "hala"
N_IMPORT = 20_000
MIN_SECONDS = 4.0

PLACES = ["حمص", "درعا", "إدلب", "دير الزور", "الرقة", "حلب", "تدمر", "السخنة", "منبج", "البوكمال"]
ACTORS = ["قوات النظام", "تنظيم الدولة", "الطيران الروسي", "فصائل المعارضة", "الميليشيات الإيرانية"]
SOURCES = ["المرصد السوري لحقوق الإنسان", "مصادر ميدانية", "وكالة الأنباء الرسمية", "ناشطون محليون"]


def article(i: int, rng: random.Random) -> tuple[str, str, str]:
    place, actor, source = rng.choice(PLACES), rng.choice(ACTORS), rng.choice(SOURCES)
    n = rng.randint(2, 50)
    title = f"{place}: مقتل {n} مدنيين في قصف"
    text = (f"{title}\n\nأفاد {source} بأن {actor} قصفت أحياء في ريف {place} صباح اليوم، ما أدى إلى مقتل "
            f"{n} مدنيين وإصابة آخرين بجروح، وهو القصف {i + 1} على المنطقة منذ بداية العام.")
    return text, actor, source


CHILD = r'''
import os, random, sys, time
from annotator.core.errors import AnnotatorError
from annotator.core.store import Project

path, seed, annotator, stop_file = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
LABELS = ("ACTOR", "LOCATION", "COUNT", "SOURCE")
rng = random.Random(seed)

def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()

try:
    project = Project.open(path)
    articles = project.article_ids()
    words = {}
    for aid in articles:
        text = project.article_text(aid)
        pos, ws = 0, []
        for w in text.split():
            start = text.index(w, pos)
            pos = start + len(w)
            ws.append((start, pos))
        words[aid] = ws
    spans = {aid: {} for aid in articles}
    say("READY")
    while not os.path.exists(stop_file):
        aid = rng.choice(articles)
        project.set_setting("last_article:" + annotator, aid)  # what opening an article writes
        mine = spans[aid]
        roll = rng.random()
        if roll < 0.05:
            project.set_status(aid, annotator, "done")
        elif mine and (roll < 0.25 or len(mine) > 12):
            sid = rng.choice(sorted(mine))
            project.delete_span(sid)
            del mine[sid]
            say(f"OK DEL {aid} {sid}")
        else:
            i = rng.randrange(len(words[aid]))
            j = min(len(words[aid]), i + rng.randint(1, 3))
            start, end = words[aid][i][0], words[aid][j - 1][1]
            if any(start < s.end and s.start < end for s in mine.values()):
                continue
            span = project.add_span(aid, annotator, start, end, rng.choice(LABELS))
            mine[span.id] = span
            say(f"OK ADD {aid} {span.id} {span.start} {span.end} {span.label}")
        time.sleep(rng.uniform(0, 0.01))  # a fast annotator, still a human-like stream
except AnnotatorError as exc:
    say(f"ERR {exc}")
    sys.exit(1)
'''


class Acks:
    """Reads the annotator's stdout in a thread, stamping each line with the time it arrived."""

    def __init__(self, stream) -> None:
        self.lines: list[tuple[float, str]] = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for raw in stream:
            self.lines.append((time.monotonic(), raw.decode("utf-8").rstrip("\n")))

    def join(self) -> None:
        self._thread.join(timeout=30)

    def live_spans(self, before: float = float("inf")) -> dict[int, tuple[int, int, int, str]]:
        """Spans acknowledged (and not acknowledged as deleted) before time ``before``."""
        live: dict[int, tuple[int, int, int, str]] = {}
        for stamp, line in self.lines:
            if stamp >= before:
                break
            parts = line.split(" ")
            if parts[:2] == ["OK", "ADD"]:
                live[int(parts[3])] = (int(parts[2]), int(parts[4]), int(parts[5]), parts[6])
            elif parts[:2] == ["OK", "DEL"]:
                live.pop(int(parts[3]), None)
        return live


def assert_clean(stderr: str, who: str) -> None:
    low = stderr.lower()
    assert "locked" not in low and "error" not in low and "traceback" not in low, f"{who}: {stderr}"


def test_workbench_import_and_export_together(tmp_path: Path) -> None:
    rng = random.Random(5)
    project = tmp_path / "shared.db"
    with Project.create(project, creator="lead") as p:
        seed_texts = [article(100_000 + i, rng)[0] for i in range(30)]
        assert import_records(p, [ArticleRecord(text=t) for t in seed_texts]).new == 30

    corpus = tmp_path / "incoming.jsonl"
    with open(corpus, "w", encoding="utf-8") as fh:
        for i in range(N_IMPORT):
            text, actor, source = article(i, rng)
            rec: dict = {"id": f"in-{i}", "text": text}
            if i % 50 == 0:
                a = text.index(actor, text.index("\n"))
                rec["spans"] = [{"start": a, "end": a + len(actor), "label": "ACTOR"}]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

    stop = tmp_path / "stop"
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    annot = subprocess.Popen([sys.executable, "-c", CHILD, str(project), "17", ANNOTATOR, str(stop)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    acks = Acks(annot.stdout)
    exports: list[tuple[float, float, Path, subprocess.CompletedProcess]] = []
    try:
        t0 = time.monotonic()
        while not any(line == "READY" for _, line in acks.lines):
            assert annot.poll() is None, annot.stderr.read().decode()
            assert time.monotonic() - t0 < 30
            time.sleep(0.02)
        started = time.monotonic()
        importer = subprocess.Popen([*CLI, "import", str(project), str(corpus)], cwd=ROOT,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # Exports one after another for as long as the import runs. (An export that has
        # records to write spends its first seconds importing spaCy for the tokenizer, and
        # reads the file all along: its reads overlap the import's batches.)
        n = 0
        while importer.poll() is None or time.monotonic() - started < MIN_SECONDS:
            out = tmp_path / f"export-{n}.jsonl"
            n += 1
            begin = time.monotonic()
            result = subprocess.run([*CLI, "export", str(project), str(out)], cwd=ROOT,
                                    capture_output=True, text=True, timeout=120)
            exports.append((begin, time.monotonic(), out, result))
            assert time.monotonic() - started < 150, "far too slow"
        imp_out, imp_err = importer.communicate(timeout=120)
    finally:
        stop.touch()
        try:
            annot.wait(timeout=30)
        finally:
            if annot.poll() is None:
                annot.kill()
    acks.join()
    annot_err = annot.stderr.read().decode()

    # Nobody saw an error.
    assert not [line for _, line in acks.lines if line.startswith("ERR")], acks.lines[-3:]
    assert annot.returncode == 0, annot_err
    assert_clean(annot_err, "annotator process")
    assert importer.returncode == 0, imp_err
    assert_clean(imp_err, "import")
    assert f"imported: {N_IMPORT} new, 0 duplicate, 0 rejected" in imp_out
    for _, _, _, result in exports:
        assert result.returncode == 0, result.stderr
        assert_clean(result.stderr, "export")
    added = sum(1 for _, line in acks.lines if line.startswith("OK ADD"))
    assert added >= 50, f"the annotator made only {added} spans: the test overlapped nothing"

    # Nothing lost: the store.
    live = acks.live_spans()
    with Project.open(project) as p:
        assert p.article_count() == 30 + N_IMPORT
        stored = {s.id: (aid, s.start, s.end, s.label) for aid in p.article_ids()[:30] for s in p.spans(aid, ANNOTATOR)}
        imported_spans = p.conn.execute(
            "SELECT count(*) FROM spans s JOIN annotations an ON an.id = s.annotation_id "
            "WHERE an.annotator = 'imported'"
        ).fetchone()[0]
        assert p.conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == 30 + N_IMPORT
    assert stored == live
    assert imported_spans == N_IMPORT // 50
    conn = sqlite3.connect(project)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()

    # Nothing lost: each export is whole, and has every span acknowledged before it began
    # and still live when it ended.
    for begin, end, out, _ in exports:
        exported: set[tuple[int, int, int, str]] = set()
        with open(out, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                for s in rec["spans"]:
                    assert rec["text"][s["start"]:s["end"]] == s["text"]
                    if rec["_annotator_id"] == ANNOTATOR:
                        exported.add((rec["meta"]["article_id"], s["start"], s["end"], s["label"]))
        still_live = acks.live_spans(end)
        for sid, span in acks.live_spans(begin).items():
            if still_live.get(sid) == span:  # (SQLite may reuse the id of a deleted last span)
                assert span in exported, f"{out.name}: acknowledged span {sid} {span} missing"
