"""Fast checks of the packaging files, and the installation smoke test on a real window.

Building the bundle takes minutes, so ``make test`` does not; it checks what the build and
the desktop rely on instead: the spec is valid Python that keeps torch out and spaCy's Arabic
data in, the .desktop and AppStream files carry what launchers and software centres read,
the icon exists at every size, and the installed ``annotator --smoke-test`` passes
(``annotator.gui.smoke.run_smoke_test`` itself is tested in tests/gui/test_smoke.py).
"""
from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.arabic_news_annotator"
SIZES = (16, 32, 48, 64, 128, 256)


# ------------------------------------------------------------------------------ spec
def _spec_tree() -> ast.Module:
    source = (PACKAGING / "annotator.spec").read_text(encoding="utf-8")
    compile(source, "annotator.spec", "exec")  # raises SyntaxError if it is not Python
    return ast.parse(source)


def _assigned_list(tree: ast.Module, name: str) -> list[str]:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"the spec assigns no {name}")


def test_spec_is_python_and_excludes_the_torch_stack() -> None:
    excludes = _assigned_list(_spec_tree(), "EXCLUDES")
    for heavy in ("torch", "transformers", "tokenizers", "safetensors", "huggingface_hub", "triton", "nvidia"):
        assert heavy in excludes
    # What the app needs must not be excluded by accident.
    for needed in ("spacy", "thinc", "srsly", "PySide6", "annotator", "camel_tools", "numpy"):
        assert needed not in excludes


def test_spec_bundles_spacy_arabic_resources_and_the_one_folder_build() -> None:
    source = (PACKAGING / "annotator.spec").read_text(encoding="utf-8")
    tree = _spec_tree()
    calls = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT"} <= calls  # COLLECT: one-folder build
    assert '"spacy.lang.ar"' in source
    assert 'collect_submodules("annotator"' in source
    assert '"PySide6.QtSvg"' in source
    # spaCy compares factory sources with inspect when a pipeline is first built in two
    # threads at once; without its .py files in the bundle that raises OSError.
    assert 'module_collection_mode={"spacy": "pyz+py"}' in source
    assert "resources" in source and "packaging\" / \"entry.py\"" in source


# --------------------------------------------------------------------------- desktop
def _desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PACKAGING / "annotator.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_has_the_required_keys() -> None:
    entry = _desktop()
    for key in ("Type", "Name", "Exec", "Icon", "Categories"):
        assert entry.get(key, "").strip(), f"{key} missing"
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "annotator"
    assert entry["Exec"].split()[1:] in ([], ["%f"], ["%F"])  # a project file from "Open with"
    assert entry["Icon"] == APP_ID  # installed as share/icons/hicolor/*/apps/APP_ID.png
    assert entry["Categories"].endswith(";")


# ------------------------------------------------------------------------- metainfo
def test_metainfo_is_well_formed_appstream() -> None:
    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    for tag in ("name", "summary", "metadata_license", "project_license"):
        assert (root.findtext(tag) or "").strip(), f"<{tag}> missing"
    description = root.find("description")
    assert description is not None and description.find("p") is not None
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == f"{APP_ID}.desktop"
    assert _desktop()["Name"] == root.findtext("name")


# ---------------------------------------------------------------------------- icons
def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_exists_at_every_size(size: int) -> None:
    assert _png_size(ICONS / f"annotator-{size}.png") == (size, size)


def test_icon_svg_is_square_svg() -> None:
    root = ET.parse(ICONS / "annotator.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    x, y, w, h = (float(v) for v in root.get("viewBox", "").split())
    assert w == h > 0


# ------------------------------------------------------------------------ entry point
def _entry_module():
    spec = importlib.util.spec_from_file_location("packaging_entry", PACKAGING / "entry.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_entry_parses_the_gui_options() -> None:
    entry = _entry_module()
    opts = entry.build_parser().parse_args(["work.db", "--annotator", "hala", "--lang", "ar", "--smoke-test"])
    assert (opts.project, opts.annotator, opts.lang, opts.smoke_test, opts.review) == \
        ("work.db", "hala", "ar", True, False)
    # The command-line tools stay reachable through the same program.
    assert {"import", "export", "stats"} <= entry.cli_commands()
    assert "gui" not in entry.cli_commands()


def test_entry_hands_cli_commands_to_the_cli(tmp_path: Path, capsys) -> None:
    from annotator.core.store import Project

    path = tmp_path / "p.db"
    Project.create(path, creator="lead").close()
    with pytest.raises(SystemExit) as exit_info:
        _entry_module().main(["stats", str(path)])
    assert exit_info.value.code == 0
    assert "articles: 0" in capsys.readouterr().out


# ------------------------------------------------------- the installed command, too
def _packaging_script(name: str):
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_installed_command_runs_the_smoke_test(tmp_path: Path) -> None:
    """``annotator --smoke-test`` as the README offers it to everyone: the pip-installed
    console script, a brand-new HOME, no display. It used to be a packaged-build option only."""
    import subprocess
    import sys

    script = Path(sys.executable).parent / "annotator"
    assert script.is_file(), "the console script of the installed package"
    env = _packaging_script("smoke_test").fresh_environment(tmp_path / "home")
    env["PYTHONPATH"] = str(ROOT)  # this checkout's code, as the installed command imports it
    proc = subprocess.run([str(script), "--smoke-test"], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=300)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert len(lines) == 1 and lines[0].startswith("smoke test ok: labelled «"), proc.stdout
    assert (tmp_path / "home" / ".local" / "share" / "arabic-news-annotator" / "demo.db").is_file()
    # The throw-away settings stayed out of the user's configuration.
    assert not list((tmp_path / "home" / ".config").rglob("*.conf"))

