"""Publishing a release: validate, write everything into staging, rename into place.

A release directory is complete or absent. Everything is written into a hidden
staging directory beside the releases, fsynced, then renamed in one step; LATEST is
replaced last, atomically. A run killed at any point leaves at worst a staging
directory, which the next publish (holding the lock, so it cannot be anyone's work in
progress) removes. Existing releases are never overwritten.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final

import polars as pl

from geodiscourse.release.changes import ReleaseDiff, diff_tables
from geodiscourse.release.datacard import DATACARD_FILENAME, render_datacard
from geodiscourse.release.datapackage import DATAPACKAGE_FILENAME, build_datapackage
from geodiscourse.release.lock import DEFAULT_TIMEOUT_S, LockTimeoutError, release_lock
from geodiscourse.release.manifest import (
    MANIFEST_FILENAME,
    InputFileLike,
    TableFile,
    build_manifest,
    column_types,
    file_sha256,
    read_manifest,
    verify_checksums,
    write_checksums,
    write_json,
    write_text_durably,
)
from geodiscourse.release.read import (
    LATEST_FILENAME,
    is_release_id,
    parse_release_id,
    read_latest,
    release_ids,
    releases_dir,
    scan_release,
)
from geodiscourse.release.validate import ValidationFailure, ValidationReport, validate_tables
from geodiscourse.schemas import TABLES

logger = logging.getLogger(__name__)

STAGING_PREFIX = ".staging-"
REPORTS_DIRNAME = "reports"
#: Fixed Parquet writer settings: together with sorted rows they make a table's bytes
#: depend only on its content (and the polars version, which the file records).
PARQUET_COMPRESSION: Final = "zstd"
PARQUET_COMPRESSION_LEVEL = 9
PARQUET_ROW_GROUP_SIZE = 100_000
PARQUET_DATA_PAGE_SIZE = 1 << 20


class PublishError(Exception):
    """A release could not be published; the message says why and what to do."""


class OutputNotWritableError(PublishError):
    """The output folder cannot be written to."""


class ReleaseExistsError(PublishError):
    """The requested release id is taken; releases are never overwritten."""


def _describe(failure: ValidationFailure) -> str:
    line = f"  - {failure.headline()}"
    if failure.examples:
        line += f"\n      e.g. {json.dumps(failure.examples[0], ensure_ascii=False, default=str)}"
    return line


class ReleaseValidationError(PublishError):
    """The tables failed validation, so nothing was published; a report file says why."""

    def __init__(self, report: ValidationReport, report_path: Path) -> None:
        self.report = report
        self.report_path = report_path
        shown = "\n".join(_describe(f) for f in report.failures[:10])
        more = f"\n  ... and {len(report.failures) - 10} more" if len(report.failures) > 10 else ""
        super().__init__(
            f"validation failed, nothing was published; {len(report.failures)} failed check(s):\n"
            f"{shown}{more}\nfull report with example rows: {report_path}"
        )


@dataclass(frozen=True)
class PublishedRelease:
    """A release now in place: where it is, its manifest, and what changed since the last one."""

    release_id: str
    path: Path
    manifest: dict[str, Any]
    diff: ReleaseDiff
    previous_release: str | None

    @property
    def row_counts(self) -> dict[str, int]:
        return {name: int(info["rows"]) for name, info in self.manifest["tables"].items()}

    @property
    def changes_markdown(self) -> str:
        """CHANGES.md of the release (also what a Prefect markdown artifact can show)."""
        return self.diff.to_markdown()


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


def check_output_writable(out_root: Path) -> None:
    """Fail early, with one clear message, when releases cannot be written under out_root."""
    out_root = Path(out_root)
    for folder in (out_root, releases_dir(out_root)):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
                pass
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise OutputNotWritableError(
                f"cannot write to the output folder {folder}: {reason}. Choose a writable --out folder "
                "or fix its permissions"
            ) from exc


def next_release_id(releases_dir: Path, day: date) -> str:
    """The id a new release made on ``day`` gets: the date, then date.2, date.3, ..."""
    taken = [
        parse_release_id(p.name)[1]
        for p in (releases_dir.iterdir() if releases_dir.is_dir() else [])
        if p.is_dir() and is_release_id(p.name) and parse_release_id(p.name)[0] == day
    ]
    number = max(taken, default=0) + 1
    return day.isoformat() if number == 1 else f"{day.isoformat()}.{number}"


def _fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_table(df: pl.DataFrame, path: Path, *, table: str | None = None) -> str:
    """Write a table as Parquet, deterministically, and return the file's sha256.

    With ``table`` named, columns follow the schema's order and rows its primary key,
    whatever order the caller built them in.
    """
    if table is not None:
        spec = TABLES[table]
        order = [c for c in spec.model.to_schema().columns if c in df.columns]
        df = df.select(order + [c for c in df.columns if c not in order]).sort(
            list(spec.primary_key), maintain_order=True
        )
    df.rechunk().write_parquet(
        path,
        compression=PARQUET_COMPRESSION,
        compression_level=PARQUET_COMPRESSION_LEVEL,
        statistics=True,
        row_group_size=PARQUET_ROW_GROUP_SIZE,
        data_page_size=PARQUET_DATA_PAGE_SIZE,
    )
    _fsync_file(path)
    return file_sha256(path)


def latest_release(out_root: Path) -> Path | None:
    """The directory LATEST points to, or None when nothing (valid) has been published."""
    try:
        rid = read_latest(out_root)
    except LookupError:
        return None
    path = releases_dir(out_root) / rid if rid else None
    return path if path is not None and path.is_dir() else None


def list_releases(out_root: Path) -> list[ReleaseInfo]:
    """Every release under out_root, oldest first, checked against its SHA256SUMS."""
    latest = latest_release(out_root)
    infos = []
    for rid in release_ids(out_root):
        path = releases_dir(out_root) / rid
        problems = verify_checksums(path)
        created_at, rows = None, {}
        try:
            manifest = read_manifest(path)
            created_at = manifest.get("created_at")
            rows = {name: int(info.get("rows", 0)) for name, info in manifest.get("tables", {}).items()}
        except (OSError, ValueError) as exc:
            problems.append(f"{MANIFEST_FILENAME}: unreadable ({exc})")
        infos.append(ReleaseInfo(rid, path, created_at, rows, not problems, path == latest, problems))
    return infos


def remove_stale_staging(folder: Path) -> list[Path]:
    """Delete staging directories and LATEST temp files left by killed runs.

    Only call with the lock held: then no other publish can be using them.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        if path.name.startswith(STAGING_PREFIX) and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif path.name.startswith(f".{LATEST_FILENAME}.") and path.is_file():
            path.unlink(missing_ok=True)
        else:
            continue
        logger.warning("removed %s, left behind by an interrupted run", path)
        removed.append(path)
    return removed


def write_validation_report(report: ValidationReport, out_root: Path, label: str) -> Path:
    """Write the report as text and JSON under out_root/reports; return the text file's path."""
    folder = Path(out_root) / REPORTS_DIRNAME
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    text_path = folder / f"{stamp}-{label}-validation.txt"
    write_text_durably(text_path, report.to_text())
    write_text_durably(text_path.with_suffix(".json"), report.to_json())
    return text_path


def _write_latest(folder: Path, release_id: str) -> None:
    tmp = folder / f".{LATEST_FILENAME}.{os.getpid()}.{uuid.uuid4().hex[:8]}"
    write_text_durably(tmp, release_id + "\n")
    os.replace(tmp, folder / LATEST_FILENAME)
    _fsync_dir(folder)


def _previous_tables(out_root: Path) -> tuple[str | None, dict[str, pl.LazyFrame] | None]:
    """The release to compare with: LATEST's, or the newest release if LATEST is missing."""
    latest = latest_release(out_root)
    if latest is None:
        ids = release_ids(out_root)
        latest = releases_dir(out_root) / ids[-1] if ids else None
    if latest is None:
        return None, None
    return latest.name, scan_release(latest)


def _write_release_files(
    staging: Path,
    frames: Mapping[str, pl.DataFrame],
    *,
    release_id: str,
    created_at: datetime,
    inputs: Sequence[InputFileLike],
    run_info: Mapping[str, Any],
    licences: Mapping[str, str] | None,
    previous: tuple[str | None, dict[str, pl.LazyFrame] | None],
) -> tuple[dict[str, Any], ReleaseDiff]:
    table_files: dict[str, TableFile] = {}
    for name, spec in TABLES.items():
        file = f"{name}.parquet"
        sha = write_table(frames[name], staging / file, table=name)
        order = [c for c in spec.model.to_schema().columns if c in frames[name].columns]
        columns = column_types({c: frames[name].schema[c] for c in order})
        size = (staging / file).stat().st_size
        table_files[name] = TableFile(name, file, frames[name].height, sha, size, spec.primary_key, columns)
    previous_id, previous_frames = previous
    try:
        diff = diff_tables(previous_frames, frames, from_release=previous_id, to_release=release_id)
    except (OSError, pl.exceptions.PolarsError) as exc:
        logger.warning(
            "cannot read the previous release %s to compare with (%s): diffing against nothing",
            previous_id,
            exc,
        )
        previous_id = None
        diff = diff_tables(None, frames, from_release=None, to_release=release_id)
    write_json(staging / "diff.json", diff.to_dict())
    write_text_durably(staging / "CHANGES.md", diff.to_markdown())
    manifest = build_manifest(
        release_id=release_id,
        created_at=created_at,
        tables=table_files,
        inputs=inputs,
        run_info=run_info,
        licences=licences,
        previous_release=previous_id,
    )
    write_json(staging / MANIFEST_FILENAME, manifest)
    package = build_datapackage(
        release_id=release_id, created_at=created_at, tables=table_files, licences=licences
    )
    write_json(staging / DATAPACKAGE_FILENAME, package)
    write_text_durably(staging / DATACARD_FILENAME, render_datacard(manifest, licences=licences))
    write_checksums(staging)
    _fsync_dir(staging)
    return manifest, diff


def publish_release(
    tables: Mapping[str, pl.DataFrame | pl.LazyFrame],
    out_root: Path,
    *,
    release_id: str | None,
    inputs: Sequence[InputFileLike],
    run_info: Mapping[str, Any] | None = None,
    licences: Mapping[str, str] | None = None,
    today: date | None = None,
    now: datetime | None = None,
    lock_timeout: float = DEFAULT_TIMEOUT_S,
) -> PublishedRelease:
    """Validate the tables and publish them as a new release under out_root/releases.

    ``release_id`` None picks the next free id of ``today`` (UTC date by default).
    Raises ReleaseValidationError (nothing published, report written under
    out_root/reports), ReleaseExistsError, OutputNotWritableError or LockTimeoutError.
    """
    out_root = Path(out_root)
    if release_id is not None:
        try:
            parse_release_id(release_id)
        except ValueError as exc:
            raise PublishError(str(exc)) from exc
    check_output_writable(out_root)
    frames = {n: (t.collect() if isinstance(t, pl.LazyFrame) else t).rechunk() for n, t in tables.items()}
    report = validate_tables(frames, source_names=[i.source_name for i in inputs])
    if not report.ok:
        report_path = write_validation_report(report, out_root, release_id or "release")
        raise ReleaseValidationError(report, report_path)
    folder = releases_dir(out_root)
    created_at = now or datetime.now(UTC)
    with release_lock(folder, timeout=lock_timeout):
        remove_stale_staging(folder)
        rid = release_id or next_release_id(folder, today or created_at.astimezone(UTC).date())
        target = folder / rid
        if target.exists():
            raise ReleaseExistsError(
                f"release {rid} already exists in {folder} and releases are never overwritten: "
                "omit the release id to get the next free one"
            )
        previous = _previous_tables(out_root)
        staging = folder / f"{STAGING_PREFIX}{rid}-{uuid.uuid4().hex[:12]}"
        staging.mkdir()
        try:
            manifest, diff = _write_release_files(
                staging,
                frames,
                release_id=rid,
                created_at=created_at,
                inputs=inputs,
                run_info=run_info or {},
                licences=licences,
                previous=previous,
            )
            os.rename(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _fsync_dir(folder)
        _write_latest(folder, rid)
    logger.info("published release %s to %s", rid, target)
    return PublishedRelease(rid, target, manifest, diff, manifest["previous_release"])


__all__ = [
    "LockTimeoutError",
    "OutputNotWritableError",
    "PublishError",
    "PublishedRelease",
    "ReleaseExistsError",
    "ReleaseInfo",
    "ReleaseValidationError",
    "check_output_writable",
    "latest_release",
    "list_releases",
    "next_release_id",
    "publish_release",
    "remove_stale_staging",
    "write_table",
    "write_validation_report",
]
