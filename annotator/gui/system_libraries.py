"""Before the window opens on an X11 desktop: are the system libraries Qt's xcb plugin needs there?

Without them Qt aborts with "could not load the Qt platform plugin "xcb"" and, since Qt 6.5,
a hint about ``libxcb-cursor0`` — even when that one is installed and the missing ones are
others (``libxcb-icccm4`` and ``libxcb-keysyms1`` on a fresh Debian desktop). This module
asks the dynamic linker (``ldd``) which libraries the xcb platform plugin and Qt's xcb
library cannot find, and names the Debian/Ubuntu packages and the one ``apt`` command that
installs them. ``make run`` runs it first (``python -m annotator.gui.system_libraries``);
so does ``annotator gui`` when Qt is about to use xcb.

No Qt import here: the check must work when loading Qt's plugin would abort the process.
"""
from __future__ import annotations

import os
import re
import shutil
import sys
from importlib.util import find_spec
from pathlib import Path

#: Shared library (soname) → the Debian/Ubuntu package that ships it, for what the xcb
#: platform plugin links to beyond a basic desktop.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.M)


def xcb_plugin_files() -> list[Path]:
    """Qt's xcb platform plugin and Qt's xcb library, from the installed PySide6."""
    spec = find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    qt = Path(list(spec.submodule_search_locations)[0]) / "Qt"
    candidates = [qt / "plugins" / "platforms" / "libqxcb.so", *sorted((qt / "lib").glob("libQt6XcbQpa.so*"))]
    return [p for p in candidates if p.is_file()]


def missing_libraries(files: list[Path] | None = None) -> list[str]:
    """Sonames ``ldd`` reports as not found for ``files`` (default: the xcb plugin's)."""
    import subprocess  # only when Qt is going to use xcb: the offscreen and Wayland starts skip it

    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    paths = files if files is not None else xcb_plugin_files()
    if not paths:
        return []
    # One ldd for all files: each run costs a process start on every X11 start-up.
    out = subprocess.run([ldd, *map(str, paths)], capture_output=True, text=True).stdout
    return list(dict.fromkeys(_NOT_FOUND.findall(out)))


def advice(missing: list[str]) -> str:
    """What to tell the user: the missing libraries and the one command that installs them."""
    packages = sorted({DEBIAN_PACKAGES.get(name, "") for name in missing} - {""})
    unknown = [name for name in missing if name not in DEBIAN_PACKAGES]
    lines = ["The window cannot open: Qt's X11 (xcb) platform plugin needs system libraries that are "
             "not installed:"]
    for name in missing:
        lines.append(f"  {name}" + (f"  (package {DEBIAN_PACKAGES[name]})" if name in DEBIAN_PACKAGES else ""))
    if packages:
        lines += ["Install them with (Debian, Ubuntu):", "  sudo apt install " + " ".join(packages)]
    if unknown:
        lines.append("Find the package of the others with: apt-file search " + " ".join(unknown))
    return "\n".join(lines)


def will_use_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt would pick the xcb plugin: an explicit QT_QPA_PLATFORM=xcb, or an X11
    session (DISPLAY) without Wayland and without another platform chosen."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux")


def check() -> str | None:
    """The advice when Qt is going to use xcb and libraries are missing; else None."""
    if not will_use_xcb():
        return None
    missing = missing_libraries()
    return advice(missing) if missing else None


def main() -> int:
    message = check()
    if message:
        print(message, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
