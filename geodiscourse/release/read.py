"""Reading published releases back: find and list releases, load their tables, query them with SQL.

This module is the read side of a release's layout (``<root>/releases/<id>/`` plus the
``LATEST`` pointer, see data-contract.md), so publishing, diffing and validating a
release all resolve release ids the same way as an analyst's ``load()`` does.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from geodiscourse.release.manifest import (
    MANIFEST_FILENAME,
    ManifestError,
    load_manifest,
    verify_checksums,
)
from geodiscourse.schemas import TABLES

if TYPE_CHECKING:
    import duckdb

logger = logging.getLogger(__name__)

RELEASES_DIRNAME = "releases"
LATEST_FILENAME = "LATEST"
DEFAULT_ROOT = "data/processed"

#: ASCII digits only, matched whole (fullmatch: ``$`` alone would accept a trailing newline).
_RELEASE_ID = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:\.([1-9][0-9]*))?")


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
    match = _RELEASE_ID.fullmatch(release_id) if isinstance(release_id, str) else None
    if match is None:
        raise ValueError(
            f"{release_id!r} is not a release id: use YYYY-MM-DD, or YYYY-MM-DD.N for the N-th release of a day"
        )
    try:
        day = date.fromisoformat(match.group(1))
    except ValueError as exc:
        raise ValueError(
            f"{release_id!r} is not a release id: {match.group(1)} is not a calendar date"
        ) from exc
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


def is_release_dir(path: Path) -> bool:
    """Whether a folder looks like a release: it has a manifest.json or a table's Parquet file.

    A release with a damaged manifest still has its tables, so validate can report what is
    wrong with it; a folder with neither is something else, named as such in one sentence.
    """
    return path.is_dir() and (
        (path / MANIFEST_FILENAME).is_file() or any((path / f"{name}.parquet").is_file() for name in TABLES)
    )


def _release_folder(path: Path) -> Path:
    if path.is_dir():
        if is_release_dir(path):
            return path
        if (path / RELEASES_DIRNAME).is_dir() or (path / LATEST_FILENAME).is_file():
            root = path if (path / RELEASES_DIRNAME).is_dir() else path.parent
            raise ReleaseNotFoundError(
                f"{path} holds releases but is not one: name one, e.g. `latest --out {root}`"
            )
        raise ReleaseNotFoundError(
            f"{path} is a folder but not a release (it has no {MANIFEST_FILENAME} and no table .parquet "
            "file): pass 'latest', a release id or a folder under <out>/releases/"
        )
    raise ReleaseNotFoundError(
        f"{path} is a file, not a release folder: pass 'latest', a release id or a folder under <out>/releases/"
    )


def resolve_release(release: str | Path = "latest", root: str | Path = DEFAULT_ROOT) -> Path:
    """The folder of a release named by "latest", its id (under root) or its folder's path.

    Every command and ``load``/``connect`` resolve through here, so a release named one way
    works everywhere. An id is looked up under root first; a path that exists is taken as it
    is but must look like a release. Anything else raises ReleaseNotFoundError with one
    sentence naming what was tried.
    """
    ref = str(release)
    folder = releases_dir(root)
    if ref == "latest":
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
        ref = latest
    if is_release_id(ref) and (folder / ref).is_dir():
        return folder / ref
    if Path(ref).exists():
        return _release_folder(Path(ref))
    if is_release_id(ref):
        present = release_ids(root)
        raise ReleaseNotFoundError(
            f"release {ref} not found in {folder}; releases present: {', '.join(present) or 'none'}"
        )
    raise ReleaseNotFoundError(
        f"no release {ref!r}: it is not 'latest', not a release id (YYYY-MM-DD or YYYY-MM-DD.N) "
        f"and no folder {ref} exists"
    )


@dataclass(frozen=True)
class ReleaseInfo:
    """One release as ``geodiscourse releases`` lists it."""

    release_id: str
    path: Path
    created_at: str | None
    row_counts: dict[str, int]
    verified: bool
    is_latest: bool
    problems: list[str] = field(default_factory=list)


def latest_release(out_root: Path) -> Path | None:
    """The directory LATEST points to, or None when nothing (valid) has been published."""
    try:
        rid = read_latest(out_root)
    except LookupError:
        return None
    path = releases_dir(out_root) / rid if rid else None
    return path if path is not None and path.is_dir() else None


def list_releases(out_root: Path) -> list[ReleaseInfo]:
    """Every release under out_root, oldest first, checked against its SHA256SUMS and manifest.

    Only hashes are compared (each file hashed once): the tables' sha256 in the manifest
    as well as SHA256SUMS, so a table edited and SHA256SUMS regenerated does not verify.
    """
    latest = latest_release(out_root)
    infos = []
    for rid in release_ids(out_root):
        path = releases_dir(out_root) / rid
        created_at, rows, manifest, unreadable = None, {}, None, None
        try:
            manifest = load_manifest(path)
            created_at = manifest.get("created_at")
            rows = {name: int(info["rows"]) for name, info in manifest["tables"].items()}
        except ManifestError as exc:
            unreadable = str(exc)
        problems = verify_checksums(path, manifest)
        if unreadable is not None:
            problems.append(unreadable)
        infos.append(ReleaseInfo(rid, path, created_at, rows, not problems, path == latest, problems))
    return infos


def table_paths(release_dir: Path) -> dict[str, Path]:
    """The Parquet file of each table of a release, in the manifest's table order.

    The manifest is the authority, checked by load_manifest (ManifestError when it is
    malformed), so every path is a file of the release folder itself; a release with no
    manifest at all has every ``*.parquet`` file as a table, in the schema's order.
    """
    if not (release_dir / MANIFEST_FILENAME).exists():
        files = {p.stem: p for p in release_dir.glob("*.parquet")}
        order = [n for n in TABLES if n in files] + sorted(set(files) - set(TABLES))
        return {name: files[name] for name in order}
    tables = load_manifest(release_dir)["tables"]
    return {name: release_dir / str(info["file"]) for name, info in tables.items()}


def scan_release(release_dir: Path) -> dict[str, pl.LazyFrame]:
    """Lazy frames over every table of one release directory."""
    return {name: pl.scan_parquet(path) for name, path in table_paths(release_dir).items()}


def load(release: str | Path = "latest", root: str | Path = DEFAULT_ROOT) -> dict[str, pl.LazyFrame]:
    """The tables of a release (named by "latest", its id or its folder) as polars LazyFrames.

    ``load()["events"].filter(...).collect()`` reads only what the query needs.
    """
    return scan_release(resolve_release(release, root))


def connect(
    release: str | Path = "latest", root: str | Path = DEFAULT_ROOT, database: str = ":memory:"
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with one view per table of a release, for SQL analysis.

    DuckDB is an optional extra, imported only here so the core package never needs it.
    """
    try:
        import duckdb
    except ImportError as exc:
        raise ImportError(
            "geodiscourse.connect() needs DuckDB, an optional extra: pip install duckdb "
            "(or, in a clone of geodiscourse, pip install -e '.[duckdb]')"
        ) from exc
    paths = table_paths(resolve_release(release, root))
    con = duckdb.connect(database)
    for name, path in paths.items():
        location = str(path.resolve()).replace("'", "''")
        ident = name.replace('"', '""')
        con.execute(f"CREATE OR REPLACE VIEW \"{ident}\" AS SELECT * FROM read_parquet('{location}')")
    return con


__all__ = [
    "ReleaseInfo",
    "ReleaseNotFoundError",
    "connect",
    "is_release_dir",
    "is_release_id",
    "latest_release",
    "list_releases",
    "load",
    "parse_release_id",
    "read_latest",
    "release_ids",
    "releases_dir",
    "resolve_release",
    "scan_release",
    "table_paths",
]
