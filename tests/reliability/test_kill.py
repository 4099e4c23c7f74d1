"""Killing the annotating process at any moment loses no acknowledged change.

A child process annotates through the same core calls the workbench makes
(``Project.add_span`` / ``delete_span`` / ``update_span`` / ``set_status``). Before each
call it prints ``TRY <op>``; after the call returns it prints ``OK <op>`` and flushes:
an ``OK`` line is an *acknowledged* change, what the user saw happen. The parent
SIGKILLs the child at a random moment (seeded) — sometimes while it is still opening
the file — and then checks with a fresh connection that

* the file passes ``PRAGMA integrity_check`` and opens with ``Project.open``;
* the stored spans and statuses are exactly the acknowledged history, or that history
  plus the one change in flight (committed, but killed before it could say so).

Trials run one after another on the same project file, so each child also starts from a
file the previous one was killed on (WAL recovery), like a GUI restarted after a crash.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from annotator.core.importing import ArticleRecord, import_records
from annotator.core.store import Project

ROOT = Path(__file__).resolve().parents[2]
TRIALS = 20
ANNOTATOR = "hala"
LABELS = ("ACTOR", "LOCATION", "COUNT", "SOURCE")
STATUSES = ("in_progress", "done", "skipped", "flagged")

# Written for this test in the style of the genre (not taken from any outlet).
ARTICLES = [
    "ريف حمص: هجوم على مواقع قوات النظام\n\nأفادت مصادر ميدانية بأن عناصر تابعة للتنظيم "
    "هاجموا مواقع قوات النظام والميليشيات الرديفة في ريف حمص الشرقي، ما أدى إلى مقتل أربعة جنود "
    "وإصابة سبعة آخرين، بينما شنّ الطيران الروسي غارات على بادية دير الزور والسخنة وتدمر.",
    "درعا: اغتيال قيادي سابق\n\nقال المرصد السوري لحقوق الإنسان إن مسلحين مجهولين اغتالوا قياديًا "
    "سابقًا في فصائل المعارضة بريف درعا الغربي، وذكرت وكالة الأنباء أن دورية روسية وصلت إلى "
    "بلدة طفس بعد ساعات، فيما نزح عشرات المدنيين من الأحياء الجنوبية نحو مدينة نوى.",
]

CHILD = r'''
import random, sys
from annotator.core.errors import AnnotatorError
from annotator.core.store import Project

path, seed, annotator = sys.argv[1], int(sys.argv[2]), sys.argv[3]
LABELS = ("ACTOR", "LOCATION", "COUNT", "SOURCE")
STATUSES = ("in_progress", "done", "skipped", "flagged")
rng = random.Random(seed)
out = sys.stdout

def say(line):
    out.write(line + "\n")
    out.flush()

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
spans = {aid: {s.id: s for s in project.spans(aid, annotator)} for aid in articles}
say("READY")
while True:
    aid = rng.choice(articles)
    mine = spans[aid]
    roll = rng.random()
    if roll < 0.08:
        status = rng.choice(STATUSES)
        say(f"TRY STATUS {aid} {status}")
        project.set_status(aid, annotator, status)
        say(f"OK STATUS {aid} {status}")
    elif mine and (roll < 0.35 or len(mine) > 25):
        sid = rng.choice(sorted(mine))
        say(f"TRY DEL {aid} {sid}")
        project.delete_span(sid)
        del mine[sid]
        say(f"OK DEL {aid} {sid}")
    elif mine and roll < 0.5:
        sid = rng.choice(sorted(mine))
        label = rng.choice([x for x in LABELS if x != mine[sid].label])
        say(f"TRY UPD {aid} {sid} {label}")
        mine[sid] = project.update_span(sid, label=label)
        say(f"OK UPD {aid} {sid} {label}")
    else:
        i = rng.randrange(len(words[aid]))
        j = min(len(words[aid]), i + rng.randint(1, 3))
        start, end = words[aid][i][0], words[aid][j - 1][1]
        if any(start < s.end and s.start < end for s in mine.values()):
            continue
        label = rng.choice(LABELS)
        say(f"TRY ADD {aid} {start} {end} {label}")
        try:
            span = project.add_span(aid, annotator, start, end, label)
        except AnnotatorError as exc:  # never expected: the test would see no OK and fail on the TRY
            say(f"ERR {exc}")
            raise
        mine[span.id] = span
        say(f"OK ADD {aid} {span.id} {span.start} {span.end} {label}")
'''


class State:
    """What the store must hold after a sequence of acknowledged changes."""

    def __init__(self, spans: dict[int, tuple[int, int, int, str]], status: dict[int, str]):
        self.spans = dict(spans)  # span id -> (article id, start, end, label)
        self.status = dict(status)  # article id -> status

    def copy(self) -> State:
        return State(self.spans, self.status)

    def _touch(self, aid: int) -> None:
        # A span change moves a 'new' (or never opened) annotation to in_progress.
        if self.status.get(aid, "new") == "new":
            self.status[aid] = "in_progress"

    def apply(self, op: list[str]) -> None:
        kind, aid = op[0], int(op[1])
        if kind == "STATUS":
            self.status[aid] = op[2]
        elif kind == "DEL":
            del self.spans[int(op[2])]
            self._touch(aid)
        elif kind == "UPD":
            a, s, e, _ = self.spans[int(op[2])]
            self.spans[int(op[2])] = (a, s, e, op[3])
            self._touch(aid)
        elif kind == "ADD":
            sid, start, end, label = int(op[2]), int(op[3]), int(op[4]), op[5]
            assert sid not in self.spans, f"span id {sid} reused"
            self.spans[sid] = (aid, start, end, label)
            self._touch(aid)
        else:  # pragma: no cover - protocol error
            raise AssertionError(f"unknown op {op}")


def stored_state(path: Path) -> State:
    with Project.open(path) as project:
        spans = {}
        status = {}
        for aid in project.article_ids():
            for s in project.spans(aid, ANNOTATOR):
                spans[s.id] = (aid, s.start, s.end, s.label)
            ann = project.annotation(aid, ANNOTATOR)
            if ann is not None:
                status[aid] = ann.status
        return State(spans, status)


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def in_flight_matches(before: State, after: State, tried: list[str]) -> bool:
    """Whether ``after`` is ``before`` plus the in-flight change ``tried`` (committed, unacknowledged)."""
    candidate = before.copy()
    kind = tried[0]
    if kind == "ADD":
        # TRY ADD aid start end label: the id is only known from the store.
        aid, start, end, label = int(tried[1]), int(tried[2]), int(tried[3]), tried[4]
        extra = set(after.spans) - set(before.spans)
        if len(extra) != 1:
            return False
        sid = extra.pop()
        candidate.apply(["ADD", str(aid), str(sid), str(start), str(end), label])
    else:
        candidate.apply(tried)
    return candidate.spans == after.spans and candidate.status == after.status


def run_trial(path: Path, seed: int, delay: float, *,
              during_startup: bool) -> tuple[list[list[str]], list[str] | None, str]:
    """Start the child and SIGKILL it ``delay`` seconds after it is READY (or after its start,
    with ``during_startup``); return (acknowledged ops, the op in flight, stderr)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(seed), ANNOTATOR],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
    )
    chunks: list[bytes] = []
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for raw in child.stdout:
            chunks.append(raw)
            if raw == b"READY\n":
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not during_startup:
        deadline = time.monotonic() + 60
        while not ready.wait(0.02) and child.poll() is None and time.monotonic() < deadline:
            pass
        assert ready.is_set(), f"the child never got ready: {child.stderr.read().decode() if child.stderr else ''}"
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    reader.join(timeout=30)
    err = child.stderr.read() if child.stderr else b""
    assert child.returncode == -signal.SIGKILL, f"child ended by itself ({child.returncode}): {err.decode()}"
    lines = b"".join(chunks).decode("utf-8").split("\n")
    complete = lines[:-1]  # the last piece has no newline: written (or not) when the kill came
    acked: list[list[str]] = []
    pending: list[str] | None = None
    for line in complete:
        word, _, rest = line.partition(" ")
        if word == "TRY":
            assert pending is None, f"two TRY lines without OK: {line}"
            pending = rest.split(" ")
        elif word == "OK":
            assert pending is not None
            acked.append(rest.split(" "))
            pending = None
        elif word == "ERR":
            raise AssertionError(f"the child's change was refused: {line}")
    return acked, pending, err.decode("utf-8", "replace")


def test_sigkill_at_random_moments_loses_no_acknowledged_change(tmp_path: Path) -> None:
    path = tmp_path / "kill.db"
    with Project.create(path, creator="lead") as project:
        summary = import_records(project, [ArticleRecord(text=t) for t in ARTICLES])
        assert summary.new == len(ARTICLES)
    expected = stored_state(path)
    rng = random.Random(20240611)
    total_acked = 0
    killed_while_working = 0
    deadline = time.monotonic() + 60
    for trial in range(TRIALS):
        # Mostly while annotating, sometimes while the child is still importing and opening the file.
        during_startup = trial % 5 == 0
        delay = rng.uniform(0.05, 0.5) if during_startup else rng.uniform(0.0, 0.4)
        acked, pending, err = run_trial(path, rng.randrange(1 << 30), delay, during_startup=during_startup)
        assert "Traceback" not in err, err
        for op in acked:
            expected.apply(op)
        total_acked += len(acked)
        killed_while_working += bool(acked)

        assert integrity(path) == "ok", f"trial {trial}: integrity check failed"
        actual = stored_state(path)  # also proves Project.open works on the killed file
        if (actual.spans, actual.status) != (expected.spans, expected.status):
            assert pending is not None and in_flight_matches(expected, actual, pending), (
                f"trial {trial}: store differs from the acknowledged history "
                f"(in flight: {pending}); missing "
                f"{sorted(set(expected.spans.items()) - set(actual.spans.items()))[:5]}, unexpected "
                f"{sorted(set(actual.spans.items()) - set(expected.spans.items()))[:5]}"
            )
        expected = actual  # the in-flight change, if it committed, is now part of history
        assert time.monotonic() < deadline, "the kill trials take far too long"
    # The test means something only if the kills really interrupted work in progress.
    assert killed_while_working >= TRIALS * 3 // 5
    assert total_acked >= 200, total_acked
    assert expected.spans, "no span survived: the trials did not annotate"
