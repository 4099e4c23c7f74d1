"""Full-text search over article bodies (issue #14 item 2): FTS5 over the folded text."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.core.importing import ArticleRecord, import_records
from annotator.core.search import fts_match, snippet
from annotator.core.store import Project
from annotator.core.store.schema import SCHEMA_VERSION

TEXTS = {
    "hamza": ("خبر أول", "قال أحمد إنّ القوات وصلت إلى المدينة صباحاً."),
    "diacritics": ("خبر ثان", "قُتِلَ ثلاثةُ مدنيين في قصفٍ على القرية."),
    "ta_marbuta": ("خبر ثالث", "أغلقت المدرسة أبوابها بعد القصف على مستشفى القرية."),
    "tatweel": ("خبر رابع", "وصلت قـــوات جديدة إلى الحدود مساء الأحد."),
    "other": ("خبر خامس", "اجتماع اقتصادي في العاصمة لبحث الأسعار."),
}


@pytest.fixture
def project(tmp_path: Path):
    with Project.create(tmp_path / "p.db", creator="lead") as p:
        import_records(p, [ArticleRecord(text=text, title=title, external_id=key) for key, (title, text) in TEXTS.items()])
        yield p


def _found(p: Project, query: str) -> set[str]:
    by_id = {a: p.article(a).external_id for a in p.list_articles("lead")}
    return {by_id[h.id] for h in p.search_articles(query, limit=50)}


@pytest.mark.parametrize(("query", "expected"), [
    ("احمد", {"hamza"}),                 # أ written as ا
    ("أحمد", {"hamza"}),
    ("الي", {"hamza", "tatweel"}),       # إلى: hamza and ى/ي at once
    ("قتل", {"diacritics"}),            # قُتِلَ without its harakat
    ("المدرسه", {"ta_marbuta"}),         # ة/ه
    ("المدرسة", {"ta_marbuta"}),
    ("قوات", {"tatweel"}),               # قـــوات with tatweel; القوات is another word
    ("علي القرية", {"diacritics", "ta_marbuta"}),  # every word, in any order
    ("قرية", set()),                       # whole words or prefixes, not substrings
    ("مستش", {"ta_marbuta"}),            # a prefix, as the user types
    ("غائب", set()),
])
def test_search_folds_like_the_rest_of_the_app(project: Project, query: str, expected: set[str]) -> None:
    assert _found(project, query) == expected


def test_query_operators_stay_text(project: Project) -> None:
    assert fts_match('" OR NEAR(') == '"or"* "near"*'  # fold lower-cases Latin letters
    assert fts_match("  ..؟ ") is None
    assert project.search_articles('القرية" OR "الأسعار') == project.search_articles("القرية OR الأسعار")
    assert project.search_articles("!!!") == []


def test_limit_and_snippet(project: Project) -> None:
    hits = project.search_articles("القرية", limit=1)
    assert len(hits) == 1
    hit = hits[0]
    assert hit.title == TEXTS["diacritics"][0]
    assert "القرية" in hit.snippet
    text = "كلمة " * 30 + "قُتِلَ اثنان" + " كلمة" * 30
    piece = snippet(text, "قتل")
    assert piece.startswith("…") and piece.endswith("…") and "قُتِلَ اثنان" in piece


def test_index_follows_inserts_and_deletes(project: Project) -> None:
    assert _found(project, "الأسعار") == {"other"}
    other = next(a for a in project.list_articles("lead") if project.article(a).external_id == "other")
    project.delete_article(other)
    assert _found(project, "الأسعار") == set()
    import_records(project, [ArticleRecord(text="ارتفعت الأسعار مجدداً", title="جديد", external_id="new")])
    assert _found(project, "الاسعار") == {"new"}
    # A duplicate in the batch is skipped, and only the new article is indexed (once).
    again = [ArticleRecord(text="ارتفعت الأسعار مجدداً", title="مكرر"), ArticleRecord(text="هدوء في المدينة")]
    import_records(project, again)
    assert _found(project, "الاسعار") == {"new"}
    assert len(project.search_articles("هدوء")) == 1


def test_index_is_written_in_the_same_transaction(project: Project) -> None:
    """An insert or delete rolled back leaves the index as it was (no half-indexed article)."""
    before = project.search_articles("الأسعار")
    with pytest.raises(RuntimeError), project.transaction():
        project.delete_article(before[0].id)
        import_records(project, [ArticleRecord(text="خبر عن الزلزال", title="زلزال")])
        raise RuntimeError("cancelled")
    assert project.search_articles("الأسعار") == before
    assert project.search_articles("الزلزال") == []


def test_index_needs_no_trigger(project: Project) -> None:
    """Project files are opened with trusted_schema=OFF, under which a trigger could neither
    write the FTS5 table nor call a Python function: the store maintains the index itself,
    and the file holds no trigger of the search's (first open keeps its fast path)."""
    assert project.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    names = {r[0] for r in project.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert not any("fts" in name for name in names)


def test_migration_indexes_an_existing_project(tmp_path: Path) -> None:
    """A project made before the index existed gets it, with its articles, when opened."""
    path = tmp_path / "old.db"
    with Project.create(path, creator="lead") as p:
        import_records(p, [ArticleRecord(text=text, title=title) for title, text in TEXTS.values()])
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE articles_fts")
    conn.execute("DROP INDEX idx_articles_search_key")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm_size_fts'")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()

    with Project.open(path) as p:
        assert p.schema_version == SCHEMA_VERSION
        assert len(p.search_articles("القرية")) == 2
        import_records(p, [ArticleRecord(text="خبر عن القرية الجديدة", title="جديد")])
        assert len(p.search_articles("القرية")) == 3


def test_list_filter_searches_the_text_too(project: Project) -> None:
    assigned, others = project.article_list_runs("lead", search="مستشفى")
    assert [project.article(a).external_id for a in assigned + others] == ["ta_marbuta"]
    assigned, others = project.article_list_runs("lead", search="خبر ثالث")  # titles still match
    assert [project.article(a).external_id for a in assigned + others] == ["ta_marbuta"]
    # Filters combine: words of the text and this annotator's status.
    village = {project.article(a).external_id: a for a in sum(project.article_list_runs("lead", search="القرية"), [])}
    assert set(village) == {"diacritics", "ta_marbuta"}
    project.set_status(village["diacritics"], "lead", "done")
    assert sum(project.article_list_runs("lead", search="القرية", status="done"), []) == [village["diacritics"]]
    assert sum(project.article_list_runs("lead", search="القرية", status="new"), []) == [village["ta_marbuta"]]


def test_cli_search(project: Project) -> None:
    from annotator.cli import main

    path = str(project.path)
    result = CliRunner().invoke(main, ["search", path, "القرية", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["title"] for r in rows] == [TEXTS["diacritics"][0], TEXTS["ta_marbuta"][0]]
    assert all(set(r) == {"id", "title", "snippet"} and "القرية" in r["snippet"] for r in rows)
    one = CliRunner().invoke(main, ["search", path, "القرية", "--limit", "1"])
    assert one.exit_code == 0
    assert one.output.splitlines()[0] == f"{rows[0]['id']}\t{rows[0]['title']}"
    none = CliRunner().invoke(main, ["search", path, "غائب"])
    assert none.exit_code == 0 and "no article matches" in none.output


def test_a_teammates_file_with_the_index_merges_and_is_searchable(project: Project, tmp_path: Path) -> None:
    """A received project file holds the index too (a virtual table and its shadow tables):
    merge reads it, and the articles it brings are found by search here."""
    from annotator.core.sync.files import merge_projects

    theirs = tmp_path / "theirs.db"
    with Project.create(theirs, creator="lead") as other:
        import_records(other, [ArticleRecord(text="وصل وفد أممي إلى الحسكة لبحث الإغاثة.", title="وفد")])
        assert len(other.search_articles("الحسكة")) == 1
    assert project.search_articles("الحسكة") == []
    merge_projects(project, [theirs])
    assert [h.title for h in project.search_articles("الحسكه")] == ["وفد"]


def test_check_accepts_the_index_on_new_and_migrated_files(project: Project, tmp_path: Path) -> None:
    from sqlite_utils import Database

    from annotator.cli import main
    from annotator.core.store.integrity import check_file
    from annotator.core.store.schema import migrations

    assert check_file(project.path).ok
    old = tmp_path / "old.db"
    db = Database(str(old))
    migrations.apply(db, stop_before="m_size_fts")
    version = [m.name for m in migrations._migrations].index("m_size_fts")
    db.execute(f"PRAGMA user_version = {version}")
    db.close()
    with Project.open(old) as p:  # migrates
        assert p.schema_version == SCHEMA_VERSION
        import_records(p, [ArticleRecord(text="خبر قديم عن القرية", title="قديم")])
        assert len(p.search_articles("القريه")) == 1
    report = check_file(old)
    assert report.ok, report.lines()
    result = CliRunner().invoke(main, ["check", str(old)])
    assert result.exit_code == 0 and "no problems found" in result.output, result.output
