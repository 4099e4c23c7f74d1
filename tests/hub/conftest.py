"""A real PostgreSQL server for the hub tests (tests/hub/pg_server.py), one per session.
`make test` installs the Debian postgresql package when initdb is missing."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from pg_server import PgServer, running_server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        with running_server() as server:
            yield server
    except RuntimeError as exc:
        pytest.fail(str(exc))


@pytest.fixture
def hub_db(pg_server: PgServer) -> tuple[str, str]:
    """A fresh database with the hub initialised: (database name, owner URL)."""
    from annotator.core.sync.hub import init_hub

    name, url = pg_server.create_database()
    assert init_hub(url) is True
    return name, url
