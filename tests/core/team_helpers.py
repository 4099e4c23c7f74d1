"""Shared by the team and sync tests (``from team_helpers import ...``): small projects of
invented sentences, built in tmp_path, and the helpers that annotate them by word."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.core.domain import Span
from annotator.core.importing import ArticleRecord, content_hash, import_records
from annotator.core.store import Project, now_iso

# Short invented sentences of the genre; each differs, so each is its own article.
TEXTS = [
    "قصفت قوات النظام مدينة حلب وقتل 5 مدنيين بحسب المرصد السوري.",
    "هاجم تنظيم الدولة مواقع الجيش في دير الزور وأسر 3 جنود.",
    "أفادت مصادر ميدانية بمقتل 7 عناصر من الميليشيات في ريف حمص.",
    "شن الطيران الروسي غارات على إدلب ما أدى إلى جرح 12 شخصا.",
    "سيطرت قوات سوريا الديمقراطية على قرية في ريف الرقة بحسب وكالة سانا.",
    "اشتباكات بين الفصائل وقوات النظام في درعا أسفرت عن مقتل 4 مقاتلين.",
]


def find(text: str, word: str, label: str, **attributes: object) -> Span:
    """The span of the first occurrence of ``word``: tests name words, not offsets."""
    start = text.index(word)
    return Span(start, start + len(word), label, dict(attributes))


def add_texts(project: Project, texts: list[str]) -> list[int]:
    summary = import_records(project, [ArticleRecord(text=t, title=t[:20]) for t in texts])
    assert summary.rejected == 0, summary.errors
    ids = [project.article_id_by_hash(content_hash(t)) for t in texts]
    assert all(i is not None for i in ids)
    return ids  # type: ignore[return-value]


def annotate(project: Project, article_id: int, annotator: str, words: list[tuple[str, str]],
             status: str = "done") -> None:
    text = project.article_text(article_id)
    project.replace_spans(article_id, annotator, [find(text, w, lab) for w, lab in words])
    project.set_status(article_id, annotator, status)


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, through a separate connection (sees only what is committed)."""
    conn = sqlite3.connect(str(path))
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def ids_of(project: Project) -> list[int]:
    return [project.article_id_by_hash(content_hash(t)) for t in TEXTS]  # type: ignore[misc]


def make_team_project(tmp_path: Path) -> Project:
    """A project whose creator 'lead' is a reviewer, with annotators a, b, c, and TEXTS imported."""
    p = Project.create(tmp_path / "main.db", creator="lead")
    for name in ("a", "b", "c"):
        p.ensure_annotator(name)
    add_texts(p, TEXTS)
    return p


def bulk_articles(project: Project, n: int) -> list[int]:
    """n articles straight through insert_articles (the importer's fold would dominate the time)."""
    now = now_iso()
    rows = []
    for i in range(n):
        text = f"قتل {i} مدنيين في قصف لقوات النظام على حلب."
        rows.append((None, f"t{i}", text, None, None, None, "{}", content_hash(text), f"t{i}", now))
    project.insert_articles(rows)
    return project.article_ids()
