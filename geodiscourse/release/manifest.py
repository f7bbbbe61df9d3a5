"""A release's provenance: manifest.json and the SHA256SUMS that let anyone verify it.

The manifest says what a release is made of (inputs with their hashes, code and schema
versions, each table's rows, hash and column types) so a number in a paper can be
traced to the exact files and code that produced it.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import polars as pl

from geodiscourse import __version__
from geodiscourse.core.ids import file_sha256
from geodiscourse.schemas import SCHEMA_VERSION, TABLES

logger = logging.getLogger(__name__)

MANIFEST_FILENAME = "manifest.json"
CHECKSUMS_FILENAME = "SHA256SUMS"
MANIFEST_FORMAT = 1


class InputFileLike(Protocol):
    """What the manifest needs to know about one raw input file."""

    @property
    def source_name(self) -> str: ...
    @property
    def sha256(self) -> str: ...
    @property
    def size_bytes(self) -> int: ...


@dataclass(frozen=True)
class TableFile:
    """One written table: its file, row count, file hash and column types."""

    name: str
    file: str
    rows: int
    sha256: str
    bytes: int
    primary_key: tuple[str, ...]
    columns: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "rows": self.rows,
            "sha256": self.sha256,
            "bytes": self.bytes,
            "primary_key": list(self.primary_key),
            "columns": self.columns,
        }


def column_types(schema: pl.Schema | Mapping[str, pl.DataType]) -> dict[str, str]:
    """Column name -> polars type, in column order, as the manifest records them."""
    return {name: str(dtype) for name, dtype in schema.items()}


def _git(args: Sequence[str], cwd: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def git_commit(source_dir: Path | None = None) -> tuple[str | None, bool | None]:
    """The code's git commit and whether the work tree has uncommitted changes.

    (None, None) outside a git checkout or without git: an installed package has no
    commit, and that must never stop a release.
    """
    where = source_dir or Path(__file__).resolve().parent
    commit = _git(["rev-parse", "HEAD"], where)
    if commit is None:
        return None, None
    status = _git(["status", "--porcelain", "--untracked-files=no"], where)
    return commit, (bool(status) if status is not None else None)


def utc_timestamp(moment: datetime | None = None) -> str:
    """``2026-11-22T04:53:07Z``: the manifest's time format (UTC, whole seconds)."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def build_manifest(
    *,
    release_id: str,
    created_at: datetime,
    tables: Mapping[str, TableFile],
    inputs: Iterable[InputFileLike],
    run_info: Mapping[str, Any] | None = None,
    licences: Mapping[str, str] | None = None,
    previous_release: str | None = None,
) -> dict[str, Any]:
    """The manifest of a release as a JSON-ready dict (see data-contract.md)."""
    commit, dirty = git_commit()
    return {
        "manifest_format": MANIFEST_FORMAT,
        "release_id": release_id,
        "created_at": utc_timestamp(created_at),
        "schema_version": SCHEMA_VERSION,
        "package": "geodiscourse",
        "package_version": __version__,
        "git_commit": commit,
        "git_dirty": dirty,
        "previous_release": previous_release,
        "run": dict(run_info or {}),
        "licences": dict(licences or {}),
        "inputs": [
            {"source_name": i.source_name, "sha256": i.sha256, "size_bytes": i.size_bytes}
            for i in sorted(inputs, key=lambda i: i.source_name)
        ],
        "tables": {name: t.to_dict() for name, t in tables.items()},
    }


def read_manifest(release_dir: Path) -> dict[str, Any]:
    """A release's manifest.json as a dict (OSError / ValueError when missing or broken)."""
    data = json.loads((release_dir / MANIFEST_FILENAME).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{release_dir / MANIFEST_FILENAME} does not hold a JSON object")
    return data


class ManifestError(ValueError):
    """A release's manifest.json is missing, unreadable or not shaped as data-contract.md says."""


_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def _table_problem(name: str, info: Any) -> str | None:
    """Why one ``tables`` entry is malformed, or None when it is well formed."""
    if name not in TABLES:
        return f"names a table {name!r} that is not in the schema ({', '.join(TABLES)})"
    if not isinstance(info, dict):
        return f"describes table {name} with a {type(info).__name__}, not an object"
    if info.get("file") != f"{name}.parquet":
        # Only the plain file name: a path could make load() read outside the release.
        return f"gives table {name} the file {info.get('file')!r}, not {name}.parquet"
    rows = info.get("rows")
    if not isinstance(rows, int) or isinstance(rows, bool) or rows < 0:
        return f"gives table {name} rows {rows!r}, not a count"
    sha = info.get("sha256")
    if not isinstance(sha, str) or _SHA256_HEX.fullmatch(sha) is None:
        return f"gives table {name} sha256 {sha!r}, not 64 lowercase hex digits"
    return None


def load_manifest(release_dir: Path) -> dict[str, Any]:
    """A release's manifest.json, checked before anything trusts it; ManifestError says what is wrong.

    ``tables`` must map schema table names to ``<table>.parquet`` (a plain name in the
    release folder), a row count and a sha256: the readers follow these names and
    ``releases`` compares the files with these hashes.
    """
    path = Path(release_dir) / MANIFEST_FILENAME
    try:
        data = read_manifest(release_dir)
    except OSError as exc:
        raise ManifestError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError as exc:  # not JSON, not UTF-8, or not an object
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ManifestError(f"{path} is not a JSON manifest: {reason}") from None
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise ManifestError(f"{path} has no 'tables' object mapping table names to their files")
    for name, info in tables.items():
        problem = _table_problem(str(name), info)
        if problem is not None:
            raise ManifestError(f"{path} {problem}")
    inputs = data.get("inputs", [])
    if not isinstance(inputs, list) or not all(
        isinstance(i, dict) and isinstance(i.get("source_name"), str) for i in inputs
    ):
        raise ManifestError(f"{path} has 'inputs' that are not a list of objects with a source_name")
    created_at = data.get("created_at")
    if created_at is not None and not isinstance(created_at, str):
        raise ManifestError(f"{path} has created_at {created_at!r}, not a time string")
    return data


def write_json(path: Path, data: Any) -> None:
    """Write JSON readable by people and diff tools (indented, UTF-8, final newline), fsynced."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    write_text_durably(path, text)


def write_text_durably(path: Path, text: str) -> None:
    """Write a text file and fsync it, so a rename after it publishes complete bytes."""
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


#: The one sub-folder a release has: its charts, as SVG (release/charts.py).
FIGURES_DIRNAME = "figures"


def _release_files(release_dir: Path) -> list[str]:
    """Names of the release's files other than SHA256SUMS: top-level files and those of
    figures/ ("figures/actor-matrix.svg")."""
    names = [p.name for p in release_dir.iterdir() if p.is_file() and p.name != CHECKSUMS_FILENAME]
    figures = release_dir / FIGURES_DIRNAME
    if figures.is_dir():
        names += [f"{FIGURES_DIRNAME}/{p.name}" for p in figures.iterdir() if p.is_file()]
    return names


def _is_release_file_name(name: str) -> bool:
    parts = name.split("/")
    if len(parts) == 2 and parts[0] == FIGURES_DIRNAME:
        parts = parts[1:]
    return len(parts) == 1 and parts[0] not in ("", ".", "..")


def write_checksums(release_dir: Path) -> Path:
    """Write SHA256SUMS over every other file of the release, in ``sha256sum`` format.

    ``cd <release> && sha256sum -c SHA256SUMS`` verifies the release with no Python.
    """
    names = sorted(_release_files(release_dir))
    lines = [f"{file_sha256(release_dir / name)}  {name}\n" for name in names]
    path = release_dir / CHECKSUMS_FILENAME
    write_text_durably(path, "".join(lines))
    return path


def read_checksums(release_dir: Path) -> dict[str, str]:
    """File name -> sha256 from a release's SHA256SUMS (binary-mode '*' markers allowed)."""
    sums: dict[str, str] = {}
    for line in (release_dir / CHECKSUMS_FILENAME).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        digest, _, name = line.partition(" ")
        sums[name.lstrip(" *")] = digest.lower()
    return sums


def verify_checksums(
    release_dir: Path, manifest: Mapping[str, Any] | None = None, digests: dict[str, str] | None = None
) -> list[str]:
    """Problems found checking a release against its SHA256SUMS; empty when it verifies.

    Given the release's (checked) manifest, each table file must also have the sha256
    the manifest records, so editing a table and regenerating SHA256SUMS is caught
    too. Each file is hashed once; ``digests`` (file name -> sha256) receives the
    hashes, so a caller that needs them does not hash the files again.
    """
    digests = {} if digests is None else digests

    def digest(name: str) -> str:
        if name not in digests:
            digests[name] = file_sha256(release_dir / name)
        return digests[name]

    problems: list[str] = []
    try:
        sums: dict[str, str] | None = read_checksums(release_dir)
    except OSError as exc:
        problems.append(f"cannot read {release_dir / CHECKSUMS_FILENAME}: {exc.strerror or exc}")
        sums = None
    for name, expected in (sums or {}).items():
        if not _is_release_file_name(name):
            problems.append(f"{name}: listed in {CHECKSUMS_FILENAME} but not a file name of the release")
        elif not (release_dir / name).is_file():
            problems.append(f"{name}: listed in {CHECKSUMS_FILENAME} but missing")
        elif digest(name) != expected:
            problems.append(f"{name}: sha256 differs from {CHECKSUMS_FILENAME} (the file was changed)")
    if sums is not None:
        for name in sorted(_release_files(release_dir)):
            if name not in sums:
                problems.append(f"{name}: not listed in {CHECKSUMS_FILENAME} (added after publishing)")
    for info in (manifest or {}).get("tables", {}).values():
        name = str(info["file"])
        if not (release_dir / name).is_file():
            problems.append(f"{name}: listed in {MANIFEST_FILENAME} but missing")
        elif digest(name) != info["sha256"]:
            problems.append(f"{name}: sha256 differs from {MANIFEST_FILENAME} (the table was changed)")
    return problems


__all__ = [
    "CHECKSUMS_FILENAME",
    "FIGURES_DIRNAME",
    "MANIFEST_FILENAME",
    "InputFileLike",
    "ManifestError",
    "TableFile",
    "build_manifest",
    "column_types",
    "file_sha256",
    "git_commit",
    "load_manifest",
    "read_checksums",
    "read_manifest",
    "utc_timestamp",
    "verify_checksums",
    "write_checksums",
    "write_json",
    "write_text_durably",
]
