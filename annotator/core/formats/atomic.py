"""The one way this program writes an output file or folder: atomically.

Every export (JSONL, CoNLL, spaCy DocBins, suggestion files) is written under a hidden
temporary name beside its target, flushed to disk, and renamed into place. A failed or
killed export therefore never leaves a half-written file under the final name, and the
previous export there survives until the new one is complete.

- :func:`atomic_file` writes one file.
- :func:`atomic_folder` writes a set of files that must change together (``train`` and
  ``dev``): they go into a fresh folder that replaces the old one in one step.
- Temporary names carry the writer's process id (``.NAME.<pid>.<random>.tmp``), so the
  next run removes what a killed writer left behind without touching the files of a
  writer that is still running.
- Outputs get the permissions of an ordinary new file (``0666`` less the umask), not
  the ``0600`` of :func:`tempfile.mkstemp`.
- :func:`refuse_project_path` keeps an export from replacing the project file itself.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import ExportError

TMP_SUFFIX = ".tmp"
_TMP_NAME = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")
# Names earlier versions used, without a process id: mkstemp's ``.NAME.<8 random>.tmp`` and
# the parallel export's ``.export-<random>`` part folders. Removed once they are old enough
# that no export can still be writing them.
_LEGACY_TMP_NAME = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")
_LEGACY_PARTS_NAME = re.compile(r"^\.export-[a-z0-9_]{8}$")
LEGACY_AGE_SECONDS = 3600


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a leftover named after it is not stranded yet)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    except OSError:
        return False
    return True


def temp_name(target: Path) -> Path:
    """A fresh hidden name beside ``target`` that :func:`clean_leftovers` recognises."""
    return target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{TMP_SUFFIX}"


def clean_leftovers(target: Path) -> list[Path]:
    """Remove temporary files and folders a killed writer of ``target`` left beside it.

    Names of the form ``.<target name>.<pid>.<random>.tmp`` are removed when their process
    is gone; the names of earlier versions when they are over an hour old. Returns what was
    removed.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        m = _TMP_NAME.match(entry.name)
        if m:
            if m["name"] != target.name or pid_alive(int(m["pid"])):
                continue
        else:
            legacy = _LEGACY_TMP_NAME.match(entry.name)
            if not ((legacy and legacy["name"] == target.name) or _LEGACY_PARTS_NAME.match(entry.name)):
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat(follow_symlinks=False).st_mtime < LEGACY_AGE_SECONDS:
                    continue
        path = Path(entry.path)
        with contextlib.suppress(OSError):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
    return removed


def refuse_project_path(out: str | os.PathLike[str], project_path: str | os.PathLike[str] | None) -> None:
    """Raise ExportError if ``out`` is the project file or one of its ``-wal``/``-shm``/``-journal`` files."""
    if project_path is None:
        return
    project = Path(project_path).resolve()
    target = Path(out).resolve()
    forbidden = {project} | {project.with_name(project.name + s) for s in ("-wal", "-shm", "-journal")}
    same_file = False
    with contextlib.suppress(OSError):
        same_file = Path(out).exists() and os.path.samefile(out, project_path)
    if target in forbidden or same_file:
        raise ExportError(f"{out}: this is the project file (or its journal); choose another output name")


def _check_target(target: Path, *, folder: bool) -> None:
    if not folder and target.is_dir():
        raise ExportError(f"{target}: is a folder; give a file name")
    if folder and target.exists() and not target.is_dir():
        raise ExportError(f"{target}: is a file; give a folder name")
    if not target.parent.exists():
        raise ExportError(f"{target}: folder {target.parent} does not exist")


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str], mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and rename it into place on success.

    ``mode`` is ``"w"`` (UTF-8 text, ``\\n`` line ends) or ``"wb"``. Errors of the file
    system become :class:`ExportError` naming the target.
    """
    target = Path(path)
    _check_target(target, folder=False)
    clean_leftovers(target)
    tmp = temp_name(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 & ~_umask())
    except OSError as exc:
        raise ExportError(f"{target}: cannot write here: {exc.strerror}") from None
    try:
        binary = "b" in mode
        with os.fdopen(fd, mode, encoding=None if binary else "utf-8", newline=None if binary else "\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ExportError(f"{target}: export failed: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """``path`` holds ``data`` afterwards, or is unchanged."""
    with atomic_file(path, "wb") as fh:
        fh.write(data)


def write_new_file(path: Path, data: bytes) -> None:
    """Write and flush a file inside a folder from :func:`atomic_folder` (not yet visible)."""
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def make_parent(target: Path) -> None:
    """Create the folders above an export target, as ``mkdir -p`` would."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {target.parent}: {exc.strerror or exc}") from None


@contextlib.contextmanager
def atomic_folder(path: str | os.PathLike[str], owned: frozenset[str] = frozenset()) -> Iterator[Path]:
    """Yield a fresh empty folder; on success it replaces ``path`` in one step.

    Files written into the yielded folder appear under ``path`` all together or not at
    all. ``owned`` names the files an export writes there: an existing ``path`` holding
    anything else is refused rather than replaced, so no file of the user's is lost.
    """
    target = Path(path)
    _check_target(target, folder=True)
    clean_leftovers(target)
    if target.is_dir():
        foreign = sorted(e.name for e in os.scandir(target) if e.name not in owned)
        if foreign:
            shown = ", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")
            raise ExportError(
                f"{target}: the folder holds other files ({shown}); export a training set into "
                "a new or empty folder, or one that holds only an earlier export"
            )
    tmp = temp_name(target)
    try:
        os.mkdir(tmp, 0o777 & ~_umask())
    except OSError as exc:
        raise ExportError(f"{target}: cannot write here: {exc.strerror}") from None
    try:
        yield tmp
        _fsync_dir(tmp)
        _swap_in(tmp, target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ExportError(f"{target}: export failed: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_RENAME_EXCHANGE = 2  # linux/fs.h


def _rename_exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux ``renameat2``); False where unsupported."""
    name = ctypes.util.find_library("c")
    if not name:
        return False
    libc = ctypes.CDLL(name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot
        return False
    raise OSError(err, os.strerror(err), str(b))


def _swap_in(fresh: Path, target: Path) -> None:
    """Put the folder ``fresh`` at ``target``; the old ``target`` (if any) is removed."""
    if not target.exists():
        os.rename(fresh, target)
    elif _rename_exchange(fresh, target):
        shutil.rmtree(fresh, ignore_errors=True)  # now the old content
    else:
        # Two renames: between them ``target`` is missing (never half old, half new), and
        # the old folder waits under a temporary name that the next run removes.
        old = temp_name(target)
        os.rename(target, old)
        os.rename(fresh, target)
        shutil.rmtree(old, ignore_errors=True)
    _fsync_dir(target.parent)
