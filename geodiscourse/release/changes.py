"""What changed between two releases, table by table, compared by primary key.

Ids are derived from content and position, so a row keeps its key across releases
while the article and the rule that produced it stay the same. A key only in the new
release is *added*, only in the old one *removed*; the same key with different
content in any shared column is *changed*. This is what an analyst needs to know
before rerunning a study on a newer release.

A hashed id tells a reader nothing, so CHANGES.md (and ``geodiscourse diff``) give
counts per table, the source files added, removed and changed, and events added and
removed per type; diff.json keeps every id for programs.
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

#: How many source files of each kind CHANGES.md names (diff.json lists them all).
MARKDOWN_LIST_LIMIT = 20

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
class SourceChanges:
    """Source files (documents.source_name) added, removed, and changed: same name, new doc_id.

    A doc_id is a hash of the raw file, so a changed one means the article's text changed.
    """

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, list[str]]:
        return {"added": self.added, "removed": self.removed, "changed": self.changed}


@dataclass(frozen=True)
class ReleaseDiff:
    """The differences of every table between two releases (from_release None: first release)."""

    from_release: str | None
    to_release: str
    tables: dict[str, TableDiff]
    sources: SourceChanges = field(default_factory=SourceChanges)
    #: event_type -> (events added, events removed)
    event_types: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return all(t.is_empty for t in self.tables.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "from_release": self.from_release,
            "to_release": self.to_release,
            "compared_by": "primary key; changed = same key, different content in a shared column",
            "tables": {name: t.to_dict() for name, t in self.tables.items()},
            "source_files": self.sources.to_dict(),
            "event_types": {t: {"added": a, "removed": r} for t, (a, r) in self.event_types.items()},
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, default=str) + "\n"

    def to_markdown(self, list_limit: int = MARKDOWN_LIST_LIMIT) -> str:
        """CHANGES.md: rows per table, then source files and events per type (ids: diff.json)."""
        if self.from_release is None:
            intro = "First release: there is no earlier release to compare with, so every row is new."
        else:
            intro = (
                f"Compared with release {self.from_release} by primary key. A changed row has the same "
                "key but different content. diff.json lists the id of every row added, removed or changed."
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
        if self.from_release is not None:
            lines += self._sources_markdown(list_limit) + self._columns_markdown()
        if self.event_types:
            lines += ["", "## Events by type", "", "| event_type | added | removed |", "|---|---:|---:|"]
            lines += [f"| {t} | {a} | {r} |" for t, (a, r) in self.event_types.items()]
        return "\n".join(lines) + "\n"

    def _sources_markdown(self, limit: int) -> list[str]:
        lines = ["", "## Source files", ""]
        kinds = [
            ("Added", self.sources.added),
            ("Removed", self.sources.removed),
            ("Changed", self.sources.changed),
        ]
        if not any(names for _, names in kinds):
            return [*lines, "No source file was added, removed or changed (by documents.source_name)."]
        lines.append(
            "By documents.source_name; a changed file has the same name but new content (another doc_id)."
        )
        lines.append("")
        for label, names in kinds:
            if names:
                shown = ", ".join(f"`{n}`" for n in names[:limit])
                more = f" and {len(names) - limit} more" if len(names) > limit else ""
                lines.append(f"- {label} ({len(names)}): {shown}{more}")
        return lines

    def _columns_markdown(self) -> list[str]:
        lines: list[str] = []
        for name, t in self.tables.items():
            for label, cols in (
                ("columns added", t.columns_added),
                ("columns removed", t.columns_removed),
                ("columns with a new type (not compared)", t.columns_retyped),
            ):
                if cols:
                    lines.append(f"- {name}: {label}: {', '.join(cols)}")
        return ["", "## Columns", "", *lines] if lines else []


def format_changes(diff: ReleaseDiff, list_limit: int = MARKDOWN_LIST_LIMIT) -> str:
    """The diff as plain text for a terminal (the CHANGES.md text, which reads fine as is)."""
    return diff.to_markdown(list_limit)


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
    return ReleaseDiff(
        from_release if old is not None else None,
        to_release,
        tables,
        _source_changes(old_frames.get("documents"), new_frames.get("documents")),
        _event_type_counts(old_frames.get("events"), new_frames.get("events"), tables.get("events")),
    )


def _names_to_docs(documents: pl.DataFrame | None) -> dict[str, str]:
    if documents is None or not {"source_name", "doc_id"} <= set(documents.columns):
        return {}
    return dict(documents.select("source_name", "doc_id").iter_rows())


def _source_changes(old: pl.DataFrame | None, new: pl.DataFrame | None) -> SourceChanges:
    """Source files by documents.source_name: what a reader recognises, unlike a doc_id."""
    before, after = _names_to_docs(old), _names_to_docs(new)
    return SourceChanges(
        added=sorted(set(after) - set(before)),
        removed=sorted(set(before) - set(after)),
        changed=sorted(n for n in set(before) & set(after) if before[n] != after[n]),
    )


def _types_of(events: pl.DataFrame | None, keys: list[Any]) -> dict[str, int]:
    if events is None or not keys or not {"event_id", "event_type"} <= set(events.columns):
        return {}
    rows = events.filter(pl.col("event_id").cast(pl.Utf8).is_in([str(k) for k in keys]))
    counts = rows.group_by("event_type").len().iter_rows()
    return {"(none)" if t is None else str(t): int(n) for t, n in counts}


def _event_type_counts(
    old: pl.DataFrame | None, new: pl.DataFrame | None, diff: TableDiff | None
) -> dict[str, tuple[int, int]]:
    """Events added and removed per event_type, in type order."""
    if diff is None:
        return {}
    added, removed = _types_of(new, diff.added), _types_of(old, diff.removed)
    return {t: (added.get(t, 0), removed.get(t, 0)) for t in sorted(set(added) | set(removed))}


def diff_releases(a: str | Path, b: str | Path, root: str | Path = DEFAULT_ROOT) -> ReleaseDiff:
    """What changed from release ``a`` to release ``b``: each "latest", a release id under
    root, or a release folder (see resolve_release)."""
    dir_a, dir_b = resolve_release(a, root), resolve_release(b, root)
    return diff_tables(
        scan_release(dir_a), scan_release(dir_b), from_release=dir_a.name, to_release=dir_b.name
    )


__all__ = [
    "ReleaseDiff",
    "SourceChanges",
    "TableDiff",
    "diff_releases",
    "diff_table",
    "diff_tables",
    "format_changes",
]
