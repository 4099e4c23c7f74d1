"""The Arabic translation ships complete and is what the app loads."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def _update_module():
    spec = importlib.util.spec_from_file_location("translations_update", TRANSLATIONS / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ui_string_has_an_arabic_translation():
    update = _update_module()
    ar = update.load_translations()
    missing = [f"{ctx}: {text}" for ctx, texts in update.extract().items() for text in texts if text.removeprefix(update.NUMERUS) not in ar]
    assert missing == [], "add these to resources/translations/ar.yaml and run update.py"


def test_committed_ts_file_is_up_to_date(tmp_path, monkeypatch):
    update = _update_module()
    committed = (TRANSLATIONS / "annotator_ar.ts").read_text(encoding="utf-8")
    monkeypatch.setattr(update, "HERE", tmp_path)
    (tmp_path / "ar.yaml").write_text((TRANSLATIONS / "ar.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    update.write_ts(update.extract(), update.load_translations())
    assert (tmp_path / "annotator_ar.ts").read_text(encoding="utf-8") == committed, \
        "run: .venv/bin/python resources/translations/update.py"


def test_arabic_ui_translates_and_mirrors(qapp):
    from annotator.gui.app import set_language

    try:
        set_language(qapp, "ar")
        assert QApplication.layoutDirection().name == "RightToLeft"
        assert QCoreApplication.translate("MainWindow", "Next article") == "المقال التالي"
        assert QCoreApplication.translate("Status", "done") == "منجز"
    finally:
        set_language(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "Next article") == "Next article"
    assert QApplication.layoutDirection().name == "LeftToRight"


def test_counted_strings_take_the_arabic_plural_form_and_english_singular(qapp):
    """#12 item 10: «27 اقتراحًا», not «27 اقتراحات»: Arabic has six plural forms."""
    from annotator.gui.app import set_language
    from annotator.gui.main_window import tr_n

    text = "Labelled %n more mention.|Labelled %n more mentions."
    assert [tr_n(text, n) for n in (1, 2)] == ["Labelled 1 more mention.", "Labelled 2 more mentions."]
    try:
        set_language(qapp, "ar")
        forms = {n: tr_n(text, n) for n in (0, 1, 2, 7, 27, 100, 103, 111)}
    finally:
        set_language(qapp, "en")
    assert forms == {
        0: "لم تُوسم أي إشارة أخرى.", 1: "وُسمت إشارة أخرى واحدة.", 2: "وُسمت إشارتان أخريان.",
        7: "وُسمت 7 إشارات أخرى.", 27: "وُسمت 27 إشارةً أخرى.", 100: "وُسمت 100 إشارة أخرى.",
        103: "وُسمت 103 إشارات أخرى.", 111: "وُسمت 111 إشارةً أخرى.",
    }


def test_qm_file_loads():
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "annotator_ar.qm"))
    assert translator.translate("ArticleList", "Title") == "العنوان"
    assert QLocale(QLocale.Language.Arabic).textDirection().name == "RightToLeft"


ALEF_FORMS = set("اأإآٱ")


def test_arabic_menu_mnemonics_never_underline_an_alef_and_are_unique(qapp, make_project, open_window):
    """An underline under a leading alef reads as a hamza (إلمقال): never put one there."""
    from annotator.gui.app import set_language

    path, _ = make_project(["خبر قصير عن اشتباكات في ريف حلب."])
    try:
        set_language(qapp, "ar")
        window = open_window(path)
        titles = [action.text() for action in window.menuBar().actions() if action.text()]
    finally:
        set_language(qapp, "en")
    assert len(titles) >= 4
    keys = []
    for title in titles:
        assert title.count("&") == 1, title
        key = title[title.index("&") + 1]
        assert key not in ALEF_FORMS, f"mnemonic on an alef in {title!r}"
        keys.append(key)
    assert len(set(keys)) == len(keys), titles


def test_every_tr_call_is_found_by_the_extractor():
    """A module that calls ``tr("…")`` with a helper imported from elsewhere had its strings
    silently left out of the .ts file (the Arabic window then showed English)."""
    import re

    update = _update_module()
    found = {text for texts in update.extract().values() for text in texts}
    unseen = []
    for path in sorted((ROOT / "annotator" / "gui").glob("*.py")):
        for text in re.findall(r'(?<![\w.])tr\(\s*"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8")):
            if text not in found:
                unseen.append(f"{path.name}: {text}")
    assert unseen == [], "define the module's own tr() helper so update.py finds these"


def test_suggestion_counts_take_the_arabic_plural_forms(qapp):
    """«27 اقتراحًا», never «27 اقتراحات»: the counted string carries Arabic's six forms."""
    from annotator.gui.app import set_language
    from annotator.gui.suggestion_feed import tr_n

    text = "%n suggestion — Enter accepts, Backspace rejects|%n suggestions — Enter accepts, Backspace rejects"
    try:
        set_language(qapp, "ar")
        forms = {n: tr_n(text, n).split(" — ")[0] for n in (1, 2, 3, 10, 11, 27, 99, 100, 102, 103)}
    finally:
        set_language(qapp, "en")
    assert forms == {1: "اقتراح واحد", 2: "اقتراحان", 3: "3 اقتراحات", 10: "10 اقتراحات", 11: "11 اقتراحًا",
                     27: "27 اقتراحًا", 99: "99 اقتراحًا", 100: "100 اقتراح", 102: "102 اقتراح",
                     103: "103 اقتراحات"}
    assert tr_n(text, 27).startswith("27 suggestions")
    assert tr_n(text, 1).startswith("1 suggestion —")
