"""A throw-away PostgreSQL server: initdb + pg_ctl in a temporary folder on a free port.

Used by the hub tests (tests/hub/conftest.py) and the hub benchmark (bench/bench_hub.py).
As root the server runs as the ``postgres`` user, since PostgreSQL refuses to run as root.
"""
from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path


def find_pg_bin() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self, bindir: Path, root: Path):
        self.bindir = bindir
        self.root = root
        self.data = root / "data"
        self.sockets = root / "sockets"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self.pgpass = root / "pgpass"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = list(args)
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True)

    def initdb(self) -> None:
        self.sockets.mkdir(parents=True)
        if self.as_root:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sockets, "postgres")
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--no-sync",
                  "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")
        self.pgpass.write_text("")
        self.pgpass.chmod(0o600)

    def start(self) -> None:
        opts = (f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", opts,
                  "-l", str(self.root / "server.log"), "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def admin_url(self, db: str = "postgres") -> str:
        return f"postgresql://postgres@/{db}?host={self.sockets}&port={self.port}"

    def member_url(self, db: str, login: str) -> str:
        """A member connects over TCP with a password, which comes from the .pgpass file."""
        return f"postgresql://{login}@127.0.0.1:{self.port}/{db}"

    def create_database(self) -> tuple[str, str]:
        import psycopg

        name = f"hub_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(self.admin_url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name, self.admin_url(name)

    def remember_password(self, db: str, login: str, password: str) -> None:
        with open(self.pgpass, "a", encoding="utf-8") as fh:
            fh.write(f"127.0.0.1:{self.port}:{db}:{login}:{password}\n")


@contextlib.contextmanager
def running_server() -> Iterator[PgServer]:
    """A started server with PGPASSFILE pointing at its .pgpass; stopped and removed afterwards."""
    bindir = find_pg_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries (initdb) not found; `make test` installs the "
                           "postgresql package")
    root = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
    server = PgServer(bindir, root)
    old = os.environ.get("PGPASSFILE")
    try:
        server.initdb()
        server.start()
        os.environ["PGPASSFILE"] = str(server.pgpass)
        yield server
    finally:
        server.stop("immediate")
        if old is None:
            os.environ.pop("PGPASSFILE", None)
        else:
            os.environ["PGPASSFILE"] = old
        shutil.rmtree(root, ignore_errors=True)
