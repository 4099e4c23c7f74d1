"""``make run`` on a desktop without Qt's xcb libraries names them (issue #12 item 13).

A real shared object is built that links to stand-ins of libraries this machine lacks, which
are then deleted: the dynamic linker reports them missing exactly as on the Debian desktop
where Qt aborted naming ``libxcb-cursor0`` instead of ``libxcb-icccm4`` and ``libxcb-keysyms1``.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.gui.system_libraries import DEBIAN_PACKAGES, advice, missing_libraries, will_use_xcb, xcb_plugin_files

ROOT = Path(__file__).resolve().parents[2]


def _plugin_missing(tmp_path: Path, sonames: list[str]) -> Path:
    gcc = shutil.which("gcc") or shutil.which("cc")
    if gcc is None:
        pytest.skip("needs a C compiler to build a library with missing dependencies")
    stubs = []
    for soname in sonames:
        stub = tmp_path / soname
        subprocess.run([gcc, "-shared", "-fPIC", "-o", str(stub), f"-Wl,-soname,{soname}", "-x", "c", "/dev/null"],
                       check=True)
        stubs.append(stub)
    plugin = tmp_path / "libqxcb.so"
    subprocess.run([gcc, "-shared", "-fPIC", "-o", str(plugin), "-x", "c", "/dev/null", "-x", "none", "-Wl,--no-as-needed",
                    *(str(s) for s in stubs)], check=True)
    for stub in stubs:
        stub.unlink()
    return plugin


def _not_installed_here() -> list[str]:
    """Sonames of the table this machine does not have (the stand-ins must really be missing)."""
    known = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    return [name for name in DEBIAN_PACKAGES if f"{name} (" not in known]


def test_missing_libraries_are_named_with_their_packages(tmp_path: Path) -> None:
    absent = _not_installed_here()[:2]
    unknown = "libannotator-test-absent.so.3"
    plugin = _plugin_missing(tmp_path, [*absent, unknown])
    missing = missing_libraries([plugin])
    assert missing == [*absent, unknown]
    text = advice(missing)
    if absent:
        assert "sudo apt install " + " ".join(sorted(DEBIAN_PACKAGES[n] for n in absent)) in text
    assert "libxcb-cursor0" not in text  # not blamed when it is not the one missing
    assert f"apt-file search {unknown}" in text


def test_advice_for_the_debian_desktop_of_the_report() -> None:
    text = advice(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert text.splitlines()[1:3] == ["  libxcb-icccm.so.4  (package libxcb-icccm4)",
                                      "  libxcb-keysyms.so.1  (package libxcb-keysyms1)"]
    assert text.endswith("sudo apt install libxcb-icccm4 libxcb-keysyms1")


def test_the_installed_plugin_is_checked(tmp_path: Path) -> None:
    files = xcb_plugin_files()
    assert any(f.name == "libqxcb.so" for f in files)
    # On this machine the GUI tests run, so nothing the plugin links to may be missing...
    assert missing_libraries(files) == []
    # ...and the names in the table are the ones the plugin really asks for.
    linked = subprocess.run(["ldd", *map(str, files)], capture_output=True, text=True).stdout
    assert {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0"} <= {n for n in DEBIAN_PACKAGES if n in linked}


def test_only_an_x11_session_is_checked() -> None:
    assert will_use_xcb({"DISPLAY": ":0"})
    assert not will_use_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"})
    assert not will_use_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"})
    assert will_use_xcb({"QT_QPA_PLATFORM": "xcb"})
    assert not will_use_xcb({})


def test_annotator_gui_stops_with_the_advice(tmp_path: Path) -> None:
    """The real command, with the dynamic linker unable to find two of the plugin's libraries."""
    plugin = _plugin_missing(tmp_path, ["libannotator-test-absent.so.3"])
    code = ("import sys, annotator.gui.system_libraries as s; s.xcb_plugin_files = lambda: [sys.argv[1]]; "
            "from annotator.cli import main; main(['gui'])")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":99", PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", code, str(plugin)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 1
    assert "cannot open" in proc.stderr and "libannotator-test-absent.so.3" in proc.stderr
