"""Opening a project file: the SQLite connection, its pragmas, and what happens when the
file is moved, deleted, read-only or full under us."""
from __future__ import annotations

import contextlib
import datetime as _dt
import logging
import os
import sqlite3
from pathlib import Path

from ..errors import ProjectError, StorageError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
SQLITE_MAGIC = b"SQLite format 3\x00"
#: What sqlite-utils imports when installed but this project never needs from it.
UNUSED_BY_SQLITE_UTILS = ("pandas", "numpy")


def import_sqlite_utils():  # type: ignore[no-untyped-def]
    """Import sqlite-utils without pandas and numpy.

    sqlite-utils imports pandas and numpy when they are installed (camel-tools and spaCy
    bring them) only to map their value types to column types when it infers a table's
    columns from values, which this project never does (the migrations declare every
    column, and values are Python's own). Those imports cost about half a second (pandas)
    and a tenth of a second (numpy) of every start-up. Blocking them affects only
    sqlite-utils: the entries are removed again, so spaCy and camel-tools still import them
    later. A module already imported is not blocked.
    """
    import importlib
    import sys

    blocked = [name for name in UNUSED_BY_SQLITE_UTILS if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        return importlib.import_module("sqlite_utils")
    finally:
        for name in blocked:
            del sys.modules[name]


def distrust_schema(conn: sqlite3.Connection) -> None:
    """A received project file is untrusted input: SQL functions with side effects must never
    run from its schema (views, triggers, CHECK and DEFAULT expressions)."""
    conn.execute("PRAGMA trusted_schema = OFF")


def check_is_project_file(path: Path) -> None:
    if not path.exists():
        raise ProjectError(f"{path}: no such project file (create one with: annotator init {path})")
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    if not path.is_file():
        raise ProjectError(f"{path}: is not a regular file")
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read project file: {exc.strerror}") from None
    if head != SQLITE_MAGIC:
        raise ProjectError(f"{path}: not a project file (not an SQLite database)")


def connect(path: Path, *, create: bool) -> sqlite3.Connection:
    """Open the file; a project in a read-only folder is opened immutable (read-only).

    SQLite needs the -wal/-shm files even to *read* a WAL database; in a read-only
    folder (read-only mount, CD, share) it cannot create them and reports only "unable
    to open database file". Nothing can write there, so reading the file as immutable
    is safe, and every write then fails as "read-only" (a clear StorageError).
    """
    timeout = BUSY_TIMEOUT_MS / 1000
    conn = sqlite3.connect(str(path), timeout=timeout)
    distrust_schema(conn)
    if create:
        return conn
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.Error as exc:
        folder = path.parent if str(path.parent) else Path(".")
        wal = path.with_name(path.name + "-wal")
        # With a -wal present, immutable would hide its committed changes: keep the error.
        if "unable to open" in str(exc) and not os.access(folder, os.W_OK) and not wal.exists():
            conn.close()
            conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True, timeout=timeout)
            distrust_schema(conn)
            return conn
        # Anything else (not a database, …) is reported when the project is configured.
    return conn


def connect_read_only(path: Path) -> sqlite3.Connection:
    """Open someone else's project file for reading only.

    ``mode=ro`` never writes the file; a file left in WAL mode would still get a -wal and
    -shm beside it (SQLite needs them to read), so such a file is read ``immutable``: the
    teammate's folder is left exactly as it was. A -wal that is already there holds
    committed work, so then the file is read normally, still read-only.
    """
    uri = path.resolve().as_uri()
    wal = path.with_name(path.name + "-wal")
    flags = "?mode=ro" if wal.exists() else "?mode=ro&immutable=1"
    conn = sqlite3.connect(uri + flags, uri=True)
    distrust_schema(conn)
    return conn


def disk_nearly_full(path: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path.parent if str(path.parent) else ".").free < 256 * 1024
    except OSError:
        return False


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file now at ``path``, or None if there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def rescue_copy(conn: sqlite3.Connection, path: Path) -> Path | None:
    """Copy the open database to a new file beside ``path`` (else in the home folder)."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folders = [path.parent]
    with contextlib.suppress(RuntimeError, KeyError):  # no resolvable home folder
        folders.append(Path.home())
    for folder in folders:
        for n in range(100):
            target = folder / f"{path.stem}.recovered-{stamp}{f'-{n}' if n else ''}{path.suffix or '.db'}"
            if not target.exists():
                break
        else:
            continue
        try:
            with contextlib.closing(sqlite3.connect(str(target))) as dst:
                conn.backup(dst)
        except (sqlite3.Error, OSError) as exc:
            log.warning("%s: could not save a copy of the moved project: %s", target, exc)
            with contextlib.suppress(OSError):
                target.unlink()
            continue
        log.warning("%s was moved or deleted while open; saved a copy to %s", path, target)
        return target
    return None


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Whether an error means the file's structure is broken (not full, locked or read-only)."""
    msg = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and (
        "malformed" in msg or "no such table" in msg or "no such column" in msg
        or "not a database" in msg or "corrupt" in msg
    )


def damaged_message(path: Path, exc: BaseException | str) -> str:
    return (f"{path}: this project file is damaged: {exc}. Run `annotator check {path}` to see what "
            "is wrong; work on a backup copy if you have one")


def storage_error(path: Path, exc: sqlite3.Error) -> StorageError:
    msg = str(exc)
    if isinstance(exc, sqlite3.DatabaseError) and is_damage(exc):
        return StorageError(damaged_message(path, exc))
    if "readonly" in msg or "read-only" in msg:
        reason = "the project file is read-only; nothing was saved (copy it somewhere writable)"
    elif "disk is full" in msg or "full" in msg:
        reason = "the disk is full; the last change was not saved, everything before it is safe"
    elif "locked" in msg or "busy" in msg:
        reason = "the project file stayed locked by another program; try again"
    elif "disk I/O" in msg or "unable to open" in msg:
        reason = f"the project file cannot be written ({msg}); was it moved or deleted?"
    else:
        reason = msg
    return StorageError(f"{path}: {reason}")
