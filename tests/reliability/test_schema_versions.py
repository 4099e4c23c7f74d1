"""Project files from other schema versions.

An older file (built by applying only the first migrations, exactly as that release
did, then filled with plain SQL) opens, is migrated to ``SCHEMA_VERSION`` and keeps
every article, annotation and span. A newer file (``user_version`` above ours) is
refused with a message naming both versions — in the core, on the command line and in
the GUI's start-up path — and not one byte of it changes.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.core.errors import SchemaVersionError
from annotator.core.importing import content_hash
from annotator.core.store import Project
from annotator.core.store.schema import SCHEMA_VERSION, migrations

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the GUI start-up check; before any QApplication

ROOT = Path(__file__).resolve().parents[2]
_SCRIPT = Path(sys.executable).with_name("annotator")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "annotator.cli"]
MIGRATION_NAMES = [m.name for m in migrations._migrations]

# Written for these tests in the style of the genre (not taken from any outlet).
TEXTS = [
    "دير الزور: مقتل 3 مدنيين\n\nقتل 3 مدنيين بانفجار لغم أرضي في ريف دير الزور الشرقي، بحسب مصادر محلية.",
    "إدلب: قصف مدفعي\n\nقصفت قوات النظام بلدات في جبل الزاوية جنوبي إدلب، وقال المرصد السوري إن طفلين أصيبا.",
    "حمص: هجوم جديد\r\n\r\nهاجم عناصر التنظيم مواقع في ريف حمص الشرقي 👀 وقتلوا 4 جنود.",
]
LABELS = [
    ("ACTOR", "فاعل", "Actor", "#e6194b", "1", "armed groups"),
    ("LOCATION", "مكان", "Location", "#3cb44b", "2", "places"),
    ("COUNT", "عدد", "Count", "#4363d8", "3", "people"),
    ("SOURCE", "مصدر", "Source", "#f58231", "4", "attributions"),
]


def spans_for(text: str) -> list[tuple[int, int, str]]:
    """A few real spans of each text, found by their words."""
    out = []
    for needle, label in (("دير الزور", "LOCATION"), ("قوات النظام", "ACTOR"), ("المرصد السوري", "SOURCE"),
                          ("3 مدنيين", "COUNT"), ("4 جنود", "COUNT"), ("التنظيم", "ACTOR"), ("حمص", "LOCATION")):
        i = text.find(needle)
        if i >= 0 and not any(i < e and s < i + len(needle) for s, e, _ in out):
            out.append((i, i + len(needle), label))
    return sorted(out)


def build_old_project(path: Path, version: int) -> dict[int, list[tuple]]:
    """A project as release ``version`` wrote it; return article id -> its span rows."""
    assert 1 <= version < SCHEMA_VERSION
    db = Database(str(path))
    db.execute("PRAGMA journal_mode = WAL")
    migrations.apply(db, stop_before=MIGRATION_NAMES[version])
    conn = db.conn
    conn.execute(f"PRAGMA user_version = {version}")
    with conn:
        for pos, label in enumerate(LABELS):
            conn.execute("INSERT INTO labels(name, name_ar, name_en, color, key, description, position) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", (*label, pos))
        conn.execute("INSERT INTO settings(key, value) VALUES ('created_at', ?)", (json.dumps("2023-05-01"),))
        for name, role in (("lead", "reviewer"), ("hala", "annotator"), ("omar", "annotator")):
            conn.execute("INSERT INTO annotators(name, role, created_at) VALUES (?, ?, '2023-05-01')", (name, role))
        expected: dict[int, list[tuple]] = {}
        for n, text in enumerate(TEXTS):
            cur = conn.execute(
                "INSERT INTO articles(external_id, title, text, source, meta, content_hash, search_key, created_at) "
                "VALUES (?, ?, ?, 'المدن', '{}', ?, '', '2023-05-01')",
                (f"old-{n}", text.splitlines()[0], text, content_hash(text)),
            )
            aid = int(cur.lastrowid)
            expected[aid] = []
            for who, status in (("hala", "done"), ("omar", "in_progress")):
                ann = conn.execute(
                    "INSERT INTO annotations(article_id, annotator, status, comment, seconds, updated_at) "
                    "VALUES (?, ?, ?, ?, 42.5, '2023-05-02')",
                    (aid, who, status, "راجعتُه" if who == "hala" else None),
                ).lastrowid
                for start, end, label in spans_for(text):
                    attrs = json.dumps({"category": "killed"} if label == "COUNT" else {}, ensure_ascii=False)
                    conn.execute(
                        'INSERT INTO spans(annotation_id, start, "end", label, attributes, origin, created_at) '
                        "VALUES (?, ?, ?, ?, ?, 'manual', '2023-05-02')",
                        (ann, start, end, label, attrs),
                    )
                    expected[aid].append((who, start, end, label, attrs))
            if version >= 2 and n == 0:  # gold from the team release, before gold had a status
                gid = conn.execute(
                    "INSERT INTO gold(article_id, adjudicator, strategy, created_at, updated_at) "
                    "VALUES (?, 'lead', 'unanimous', '2023-05-03', '2023-05-03')", (aid,)
                ).lastrowid
                for start, end, label in spans_for(text):
                    conn.execute('INSERT INTO gold_spans(gold_id, start, "end", label) VALUES (?, ?, ?, ?)',
                                 (gid, start, end, label))
    db.close()
    return expected


def all_span_rows(p: Project) -> dict[int, list[tuple]]:
    out: dict[int, list[tuple]] = {}
    for aid in p.article_ids():
        rows = []
        for ann in p.annotations_of(aid):
            rows += [(ann.annotator, s.start, s.end, s.label, json.dumps(s.attributes, ensure_ascii=False))
                     for s in p.spans(aid, ann.annotator)]
        out[aid] = sorted(rows)
    return out


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_older_project_opens_migrated_with_every_span(tmp_path: Path, version: int) -> None:
    path = tmp_path / f"v{version}.db"
    expected = build_old_project(path, version)
    with Project.open(path) as p:
        assert p.schema_version == SCHEMA_VERSION
        assert all_span_rows(p) == {aid: sorted(rows) for aid, rows in expected.items()}
        for aid in expected:
            ann = p.annotation(aid, "hala")
            assert (ann.status, ann.comment, ann.seconds) == ("done", "راجعتُه", 42.5)
            assert p.article(aid).text in TEXTS  # CRLF and emoji kept exactly
        assert [lab.name for lab in p.labels()] == [lab[0] for lab in LABELS]
        assert p.role("lead") == "reviewer"
        applied = [m.name for m in migrations.applied(p.db)]
        assert applied == MIGRATION_NAMES
        if version >= 2:
            status, n_gold = p.conn.execute(
                "SELECT g.status, count(s.id) FROM gold g JOIN gold_spans s ON s.gold_id = g.id"
            ).fetchone()
            assert (status, n_gold) == ("accepted", len(spans_for(TEXTS[0])))
        # The migrated project works: a new span, a new article.
        aid = next(iter(expected))
        text = p.article_text(aid)
        i = text.index("ريف")
        p.add_span(aid, "lead", i, i + 3, "LOCATION")
    with Project.open(path) as p:  # a second open does not migrate again
        assert p.schema_version == SCHEMA_VERSION
        assert len(p.spans(aid, "lead")) == 1
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_older_project_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    expected = build_old_project(path, 1)
    result = subprocess.run([*CLI, "stats", str(path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"schema: v{SCHEMA_VERSION}" in result.stdout
    with Project.open(path) as p:
        assert all_span_rows(p) == {aid: sorted(rows) for aid, rows in expected.items()}


def _digest(folder: Path) -> dict[str, str]:
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(folder.iterdir())}


def _newer_project(tmp_path: Path, journal: str) -> Path:
    folder = tmp_path / "newer"
    folder.mkdir()
    path = folder / "future.db"
    Project.create(path, creator="lead").close()
    conn = sqlite3.connect(path)  # what a later release might add, and its version
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE future_things (id INTEGER PRIMARY KEY, what TEXT)")
    conn.execute("INSERT INTO future_things(what) VALUES ('شيء من المستقبل')")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    return path


def _names_both_versions(message: str, path: Path) -> None:
    rest = message.replace(str(path), "")  # the path may hold digits of its own
    assert re.search(rf"\b{SCHEMA_VERSION + 5}\b", rest), message
    assert re.search(rf"\b{SCHEMA_VERSION}\b", rest), message
    assert "newer version" in rest


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_newer_project_is_refused_and_untouched(tmp_path: Path, journal: str) -> None:
    path = _newer_project(tmp_path, journal)
    before = _digest(path.parent)
    with pytest.raises(SchemaVersionError) as err:
        Project.open(path)
    _names_both_versions(str(err.value), path)
    assert _digest(path.parent) == before  # same files, same bytes (no -wal, no journal switch)

    result = subprocess.run([*CLI, "stats", str(path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: "), result.stderr
    _names_both_versions(result.stderr, path)
    assert _digest(path.parent) == before

    # The GUI's start-up path raises the same domain error (app.run shows it in a dialog).
    pytest.importorskip("PySide6")
    from annotator.gui import create_main_window

    with pytest.raises(SchemaVersionError):
        create_main_window(str(path), "hala")
    assert _digest(path.parent) == before
