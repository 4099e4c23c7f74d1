"""The ``annotators`` table: names and roles."""
from __future__ import annotations

from ..domain import ROLES
from ..errors import PermissionDenied, ProjectError
from .rules import check_annotator_name, now_iso
from .table import TableFamily


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ProjectError(f"role must be one of {', '.join(ROLES)}, got {role!r}")


class Annotators(TableFamily):
    def ensure(self, name: str, role: str = "annotator") -> str:
        name = check_annotator_name(name)
        _check_role(role)
        if self.role(name) is None:
            with self.project.transaction():
                self.add_missing([name], role)
        return name

    def add_missing(self, names: list[str], role: str = "annotator") -> None:
        """Add names not yet known, inside the caller's transaction (names already checked)."""
        created = now_iso()
        self.conn.executemany(
            "INSERT OR IGNORE INTO annotators(name, role, created_at) VALUES (?, ?, ?)",
            [(n, role, created) for n in names],
        )

    def set_role(self, name: str, role: str) -> None:
        _check_role(role)
        name = check_annotator_name(name)
        with self.project.transaction():
            self.conn.execute(
                "INSERT INTO annotators(name, role, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET role = excluded.role",
                (name, role, now_iso()),
            )

    def role(self, name: str) -> str | None:
        row = self.conn.execute("SELECT role FROM annotators WHERE name = ?", (name,)).fetchone()
        return None if row is None else row[0]

    def require_reviewer(self, name: str) -> None:
        if self.role(name) != "reviewer":
            raise PermissionDenied(
                f"{name!r} is not a reviewer of this project; only reviewers adjudicate and write gold. "
                f"A reviewer can grant the role with: annotator role PROJECT {name} reviewer"
            )

    def all(self) -> list[tuple[str, str]]:
        return [tuple(r) for r in self.conn.execute("SELECT name, role FROM annotators ORDER BY name")]

    def promote(self, name: str) -> None:
        """Make an existing annotator a reviewer, inside the caller's transaction."""
        self.conn.execute("UPDATE annotators SET role = 'reviewer' WHERE name = ?", (name,))
