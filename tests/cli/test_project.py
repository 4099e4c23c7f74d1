"""cli/project.py: init, stats, labels, role, search and check."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from annotator.core.store import Project


def test_init_makes_the_creator_a_reviewer(tmp_path: Path, cli: Callable[..., Result]) -> None:
    path = tmp_path / "p.db"
    cli("init", path, "--creator", "lead")
    with Project.open(path) as project:
        assert project.role("lead") == "reviewer"
        assert project.label_names() == ["ACTOR", "LOCATION", "COUNT", "SOURCE"]
    assert cli("init", path, code=1).stderr.startswith("error: ")  # never over an existing file


def test_stats_text_and_json(news: Path, cli: Callable[..., Result]) -> None:
    assert cli("stats", news).output.startswith("articles: 2 ")
    data = json.loads(cli("stats", news, "--json").output)
    assert data["articles"] == 2
    assert data["spans_per_label"]["LOCATION"] == 1


def test_labels_add_rename_recolor_and_list(news: Path, cli: Callable[..., Result]) -> None:
    cli("labels", news, "add", "WEAPON", "--color", "#aa5500", "--key", "5", "--ar", "سلاح", "--en", "Weapon")
    cli("labels", news, "rename", "WEAPON", "ARMS")
    cli("labels", news, "recolor", "ARMS", "#0055aa")
    listed = cli("labels", news).output
    assert "5  ARMS" in listed and "#0055aa" in listed and "سلاح / Weapon" in listed
    assert "error: " in cli("labels", news, "recolor", "NOPE", "#000000", code=1).stderr


def test_role(news: Path, cli: Callable[..., Result]) -> None:
    cli("role", news, "hala", "reviewer")
    with Project.open(news) as project:
        assert project.role("hala") == "reviewer"


def test_search_finds_words_whatever_their_spelling(news: Path, cli: Callable[..., Result]) -> None:
    lines = cli("search", news, "ادلب", "--json").output.splitlines()
    assert [json.loads(line)["title"][:4] for line in lines] == ["قصفت"]
    none = cli("search", news, "دمشق")
    assert none.stdout == "" and "no article matches" in none.stderr


def test_check_a_sound_file(news: Path, cli: Callable[..., Result]) -> None:
    assert "no problems found" in cli("check", news).output
    assert json.loads(cli("check", news, "--json").output)["ok"] is True
