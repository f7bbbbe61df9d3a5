"""What changed between two releases, table by table, compared by primary key.

Ids are derived from content and position, so a row keeps its key across releases
while the article and the rule that produced it stay the same. A key only in the new
release is *added*, only in the old one *removed*; the same key with different
content in any shared column is *changed*. This is what an analyst needs to know
before rerunning a study on a newer release.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from geodiscourse.release.read import DEFAULT_ROOT, resolve_release, scan_release
from geodiscourse.schemas import TABLES

#: How many ids of each kind CHANGES.md lists per table (diff.json lists them all).
MARKDOWN_ID_LIMIT = 20

Frame = pl.DataFrame | pl.LazyFrame


@dataclass(frozen=True)
class TableDiff:
    """Keys added, removed and changed in one table (a composite key is a list)."""

    table: str
    primary_key: tuple[str, ...]
    rows_before: int
    rows_after: int
    added: list[Any] = field(default_factory=list)
    removed: list[Any] = field(default_factory=list)
    changed: list[Any] = field(default_factory=list)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)
    columns_retyped: list[str] = field(default_factory=list)

    @property
    def unchanged(self) -> int:
        return self.rows_after - len(self.added) - len(self.changed)

    @property
    def is_empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.changed
            or self.columns_added
            or self.columns_removed
            or self.columns_retyped
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "primary_key": list(self.primary_key),
            "rows_before": self.rows_before,
            "rows_after": self.rows_after,
            "unchanged": self.unchanged,
            "columns_added": self.columns_added,
            "columns_removed": self.columns_removed,
            "columns_retyped": self.columns_retyped,
            "added": self.added,
            "removed": self.removed,
            "changed": self.changed,
        }


@dataclass(frozen=True)
class ReleaseDiff:
    """The differences of every table between two releases (from_release None: first release)."""

    from_release: str | None
    to_release: str
    tables: dict[str, TableDiff]

    @property
    def is_empty(self) -> bool:
        return all(t.is_empty for t in self.tables.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "from_release": self.from_release,
            "to_release": self.to_release,
            "compared_by": "primary key; changed = same key, different content in a shared column",
            "tables": {name: t.to_dict() for name, t in self.tables.items()},
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, default=str) + "\n"

    def to_markdown(self, id_limit: int = MARKDOWN_ID_LIMIT) -> str:
        """CHANGES.md: a summary table, then the first ids of each kind per table."""
        if self.from_release is None:
            intro = "First release: there is no earlier release to compare with, so every row is new."
        else:
            intro = (
                f"Compared with release {self.from_release} by primary key. A changed row has the same "
                "key but different content. diff.json lists every id."
            )
        lines = [f"# Changes in release {self.to_release}", "", intro, ""]
        lines += [
            "| table | rows before | rows after | added | removed | changed |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name, t in self.tables.items():
            lines.append(
                f"| {name} | {t.rows_before} | {t.rows_after} | {len(t.added)} | {len(t.removed)} | {len(t.changed)} |"
            )
        if self.from_release is None:
            return "\n".join(lines) + "\n"
        for name, t in self.tables.items():
            if t.is_empty:
                continue
            lines += ["", f"## {name}", ""]
            for label, cols in (
                ("Columns added", t.columns_added),
                ("Columns removed", t.columns_removed),
                ("Columns with a new type (not compared)", t.columns_retyped),
            ):
                if cols:
                    lines.append(f"- {label}: {', '.join(cols)}")
            for label, keys in (("Added", t.added), ("Removed", t.removed), ("Changed", t.changed)):
                if keys:
                    shown = ", ".join(f"`{_key_text(k)}`" for k in keys[:id_limit])
                    more = f" and {len(keys) - id_limit} more" if len(keys) > id_limit else ""
                    lines.append(f"- {label} ({len(keys)}): {shown}{more}")
        return "\n".join(lines) + "\n"


def format_changes(diff: ReleaseDiff, id_limit: int = MARKDOWN_ID_LIMIT) -> str:
    """The diff as plain text for a terminal (the CHANGES.md text, which reads fine as is)."""
    return diff.to_markdown(id_limit)


def _key_text(key: Any) -> str:
    return " | ".join(map(str, key)) if isinstance(key, list) else str(key)


def _keys(df: pl.DataFrame, pk: list[str]) -> list[Any]:
    ordered = df.select(pk).sort(pk)
    if len(pk) == 1:
        return ordered[pk[0]].to_list()
    return [list(row) for row in ordered.iter_rows()]


def _primary_key(name: str, old: pl.DataFrame | None, new: pl.DataFrame | None) -> list[str]:
    if name in TABLES:
        return list(TABLES[name].primary_key)
    # A table unknown to this schema version: its first column is its key by convention.
    frame = new if new is not None else old
    return [frame.columns[0]] if frame is not None and frame.width else []


def diff_table(name: str, old: pl.DataFrame | None, new: pl.DataFrame | None) -> TableDiff:
    """Compare one table of two releases; either side may be absent (None)."""
    pk = _primary_key(name, old, new)
    old_ok = old is not None and bool(pk) and set(pk) <= set(old.columns)
    new_ok = new is not None and bool(pk) and set(pk) <= set(new.columns)
    old_cols = [c for c in old.columns if c not in pk] if old is not None else []
    new_cols = [c for c in new.columns if c not in pk] if new is not None else []
    shared = [c for c in new_cols if c in old_cols]
    comparable = [c for c in shared if old is not None and new is not None and old.schema[c] == new.schema[c]]
    added: list[Any] = _keys(new, pk) if new is not None and new_ok else []
    removed: list[Any] = _keys(old, pk) if old is not None and old_ok else []
    changed: list[Any] = []
    if old is not None and new is not None and old_ok and new_ok:
        if old.select(pk).schema != new.select(pk).schema:
            # A retyped key cannot be joined as it is; compare keys as text.
            old, new = (f.with_columns(pl.col(pk).cast(pl.Utf8)) for f in (old, new))
        added = _keys(new.join(old.select(pk), on=pk, how="anti"), pk)
        removed = _keys(old.join(new.select(pk), on=pk, how="anti"), pk)
        both = new.select(pk + comparable).join(
            old.select(pk + comparable), on=pk, how="inner", suffix="__old"
        )
        if comparable:
            differs = pl.any_horizontal([~pl.col(c).eq_missing(pl.col(f"{c}__old")) for c in comparable])
            changed = _keys(both.filter(differs), pk)
    both_present = old is not None and new is not None
    return TableDiff(
        table=name,
        primary_key=tuple(pk),
        rows_before=old.height if old is not None else 0,
        rows_after=new.height if new is not None else 0,
        added=added,
        removed=removed,
        changed=changed,
        columns_added=[c for c in new_cols if c not in old_cols] if both_present else [],
        columns_removed=[c for c in old_cols if c not in new_cols] if both_present else [],
        columns_retyped=[c for c in shared if c not in comparable],
    )


def _collect(frames: Mapping[str, Frame] | None) -> dict[str, pl.DataFrame]:
    if frames is None:
        return {}
    return {n: f.collect() if isinstance(f, pl.LazyFrame) else f for n, f in frames.items()}


def diff_tables(
    old: Mapping[str, Frame] | None,
    new: Mapping[str, Frame],
    *,
    from_release: str | None,
    to_release: str,
) -> ReleaseDiff:
    """Compare every table of two releases given as frames (old None: a first release)."""
    old_frames, new_frames = _collect(old), _collect(new)
    names = [n for n in TABLES if n in old_frames or n in new_frames]
    names += sorted((set(old_frames) | set(new_frames)) - set(TABLES))
    tables = {n: diff_table(n, old_frames.get(n), new_frames.get(n)) for n in names}
    return ReleaseDiff(from_release if old is not None else None, to_release, tables)


def _release_dir(ref: str | Path, root: str | Path) -> Path:
    path = Path(ref)
    return path if path.is_dir() else resolve_release(str(ref), root)


def diff_releases(a: str | Path, b: str | Path, root: str | Path = DEFAULT_ROOT) -> ReleaseDiff:
    """What changed from release ``a`` to release ``b``: each a release folder, or an id
    (or "latest") of a release under root."""
    dir_a, dir_b = _release_dir(a, root), _release_dir(b, root)
    return diff_tables(
        scan_release(dir_a), scan_release(dir_b), from_release=dir_a.name, to_release=dir_b.name
    )


__all__ = ["ReleaseDiff", "TableDiff", "diff_releases", "diff_table", "diff_tables", "format_changes"]
