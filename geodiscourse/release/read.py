"""Reading published releases back: find a release, load its tables, query them with SQL.

This module is the read side of a release's layout (``<root>/releases/<id>/`` plus the
``LATEST`` pointer, see data-contract.md), so publishing, diffing and validating a
release all resolve release ids the same way as an analyst's ``load()`` does.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from geodiscourse.release.manifest import read_manifest
from geodiscourse.schemas import TABLES

if TYPE_CHECKING:
    import duckdb

logger = logging.getLogger(__name__)

RELEASES_DIRNAME = "releases"
LATEST_FILENAME = "LATEST"
DEFAULT_ROOT = "data/processed"

_RELEASE_ID = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\.([1-9]\d*))?$")


class ReleaseNotFoundError(LookupError):
    """The requested release (or any release at all) does not exist under the root."""


def releases_dir(root: str | Path) -> Path:
    """Where the releases of an output root live (``<root>/releases``)."""
    return Path(root) / RELEASES_DIRNAME


def parse_release_id(release_id: str) -> tuple[date, int]:
    """Split ``2026-11-22.3`` into its day and its number that day (an unnumbered id is 1).

    Raises ValueError for anything that is not a release id, so a typo never silently
    becomes a directory name.
    """
    match = _RELEASE_ID.match(release_id)
    if match is None:
        raise ValueError(
            f"{release_id!r} is not a release id: use YYYY-MM-DD, or YYYY-MM-DD.N for the N-th release of a day"
        )
    try:
        day = date.fromisoformat(match.group(1))
    except ValueError as exc:
        raise ValueError(f"{release_id!r} is not a release id: {exc}") from exc
    number = int(match.group(2)) if match.group(2) else 1
    if number == 1 and match.group(2):
        raise ValueError(f"{release_id!r} is not a release id: the first release of a day has no '.1' suffix")
    return day, number


def is_release_id(name: str) -> bool:
    try:
        parse_release_id(name)
    except ValueError:
        return False
    return True


def release_ids(root: str | Path) -> list[str]:
    """Ids of the published releases under root, oldest first (by day, then number).

    Staging directories, the lock file and LATEST are not releases and are skipped.
    """
    folder = releases_dir(root)
    if not folder.is_dir():
        return []
    ids = [p.name for p in folder.iterdir() if p.is_dir() and is_release_id(p.name)]
    return sorted(ids, key=parse_release_id)


def read_latest(root: str | Path) -> str | None:
    """The release id LATEST points to, or None when nothing has been published yet."""
    path = releases_dir(root) / LATEST_FILENAME
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    if not is_release_id(text):
        raise ReleaseNotFoundError(
            f"{path} holds {text!r}, which is not a release id: write the id of a release in "
            f"{releases_dir(root)} into it, or pass an explicit release"
        )
    return text


def resolve_release(release: str = "latest", root: str | Path = DEFAULT_ROOT) -> Path:
    """The directory of a release given its id or "latest"; a clear error when absent."""
    folder = releases_dir(root)
    if release == "latest":
        latest = read_latest(root)
        if latest is None:
            present = release_ids(root)
            hint = (
                f"releases present: {', '.join(present)}; pass one of them explicitly"
                if present
                else "publish one first with `geodiscourse run --out " + str(root) + "`"
            )
            raise ReleaseNotFoundError(
                f"no release has been published under {folder} (no LATEST file): {hint}"
            )
        release = latest
    elif not is_release_id(release):
        raise ReleaseNotFoundError(
            f"{release!r} is not a release id (YYYY-MM-DD or YYYY-MM-DD.N) nor 'latest'"
        )
    path = folder / release
    if not path.is_dir():
        present = release_ids(root)
        raise ReleaseNotFoundError(
            f"release {release} not found in {folder}; releases present: {', '.join(present) or 'none'}"
        )
    return path


def table_paths(release_dir: Path) -> dict[str, Path]:
    """The Parquet file of each table of a release, in the manifest's table order.

    The manifest is the authority (a release made by an older schema may have other
    tables); without one, every ``*.parquet`` file is a table, in the schema's order.
    """
    try:
        tables = read_manifest(release_dir).get("tables", {})
        return {name: release_dir / str(info.get("file", f"{name}.parquet")) for name, info in tables.items()}
    except (OSError, ValueError):
        files = {p.stem: p for p in release_dir.glob("*.parquet")}
        order = [n for n in TABLES if n in files] + sorted(set(files) - set(TABLES))
        return {name: files[name] for name in order}


def scan_release(release_dir: Path) -> dict[str, pl.LazyFrame]:
    """Lazy frames over every table of one release directory."""
    return {name: pl.scan_parquet(path) for name, path in table_paths(release_dir).items()}


def load(release: str = "latest", root: str | Path = DEFAULT_ROOT) -> dict[str, pl.LazyFrame]:
    """The tables of a release as polars LazyFrames, by table name.

    ``load()["events"].filter(...).collect()`` reads only what the query needs.
    """
    return scan_release(resolve_release(release, root))


def connect(
    release: str = "latest", root: str | Path = DEFAULT_ROOT, database: str = ":memory:"
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with one view per table of a release, for SQL analysis.

    DuckDB is an optional extra, imported only here so the core package never needs it.
    """
    try:
        import duckdb
    except ImportError as exc:
        raise ImportError(
            "geodiscourse.connect() needs DuckDB, an optional extra: pip install 'geodiscourse[duckdb]'"
        ) from exc
    paths = table_paths(resolve_release(release, root))
    con = duckdb.connect(database)
    for name, path in paths.items():
        location = str(path.resolve()).replace("'", "''")
        ident = name.replace('"', '""')
        con.execute(f"CREATE OR REPLACE VIEW \"{ident}\" AS SELECT * FROM read_parquet('{location}')")
    return con


__all__ = [
    "ReleaseNotFoundError",
    "connect",
    "is_release_id",
    "load",
    "parse_release_id",
    "read_latest",
    "release_ids",
    "releases_dir",
    "resolve_release",
    "scan_release",
    "table_paths",
]
