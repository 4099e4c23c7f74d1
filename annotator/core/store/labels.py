"""The ``labels`` table: the project's label schema, cached (every span check reads it)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..domain import Label
from ..errors import LabelError
from .rules import check_label
from .table import TableFamily


class Labels(TableFamily):
    def __init__(self, project) -> None:  # type: ignore[no-untyped-def]
        super().__init__(project)
        self._cache: list[Label] | None = None

    def all(self) -> list[Label]:
        if self._cache is None:
            rows = self.conn.execute(
                "SELECT name, name_ar, name_en, color, key, description FROM labels ORDER BY position, name"
            ).fetchall()
            self._cache = [Label(*[r if r is not None else "" for r in row]) for row in rows]
        return list(self._cache)

    def names(self) -> list[str]:
        return [lab.name for lab in self.all()]

    def get(self, name: str) -> Label:
        for lab in self.all():
            if lab.name == name:
                return lab
        raise LabelError(f"unknown label {name!r}; the project's labels are {', '.join(self.names())}")

    def insert(self, label: Label, position: int) -> None:
        """Insert inside the caller's transaction (the label is assumed checked)."""
        self.conn.execute(
            "INSERT INTO labels(name, name_ar, name_en, color, key, description, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (label.name, label.name_ar, label.name_en, label.color, label.key, label.description, position),
        )
        self._cache = None

    def add(self, label: Label) -> None:
        check_label(label, self.all())
        with self.project.transaction():
            self.insert(label, len(self.all()))
        self._cache = None

    def update(self, label_name: str, /, **changes: str) -> Label:
        """Rename, recolour, re-key or re-describe a label. Spans follow a rename."""
        name = label_name
        old = self.get(name)
        new = replace(old, **changes)
        check_label(new, [lab for lab in self.all() if lab.name != name])
        with self.project.transaction():
            self.conn.execute(
                "UPDATE labels SET name=?, name_ar=?, name_en=?, color=?, key=?, description=? WHERE name=?",
                (new.name, new.name_ar, new.name_en, new.color, new.key, new.description, name),
            )
        self._cache = None
        return new

    def remove(self, name: str) -> None:
        self.get(name)
        used = self.conn.execute("SELECT count(*) FROM spans WHERE label = ?", (name,)).fetchone()[0]
        used += self.conn.execute("SELECT count(*) FROM gold_spans WHERE label = ?", (name,)).fetchone()[0]
        if used:
            raise LabelError(f"label {name!r} is used by {used} spans; rename it or delete those spans first")
        with self.project.transaction():
            self.conn.execute("DELETE FROM labels WHERE name = ?", (name,))
        self._cache = None

    def take(self, labels: Sequence[tuple[Label, int]]) -> None:
        """Another copy's schema (a hub sync): add missing labels and update the others by
        name, with their positions; inside the caller's transaction."""
        self.conn.executemany(
            "INSERT INTO labels(name, name_ar, name_en, color, key, description, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET name_ar = excluded.name_ar, "
            "name_en = excluded.name_en, color = excluded.color, key = excluded.key, "
            "description = excluded.description, position = excluded.position",
            [(lab.name, lab.name_ar, lab.name_en, lab.color, lab.key, lab.description, pos) for lab, pos in labels],
        )
        self._cache = None

    def span_counts(self) -> dict[str, int]:
        """Spans per label, every label of the schema included."""
        counts = dict.fromkeys(self.names(), 0)
        for label, n in self.conn.execute("SELECT label, count(*) FROM spans GROUP BY label"):
            counts[label] = int(n)
        return counts
