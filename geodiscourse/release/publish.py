"""Publishing a release: validate, write everything into staging, rename into place.

A release directory is complete or absent. Everything is written into a hidden
staging directory beside the releases, fsynced, then renamed in one step; LATEST is
replaced last, atomically. A run killed at any point leaves at worst a staging
directory, which the next publish removes (only when no live run holds it, see
``staging``). Existing releases are never overwritten.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final

import polars as pl

from geodiscourse.core.folders import prove_writable
from geodiscourse.release.changes import ReleaseDiff, diff_tables
from geodiscourse.release.datacard import DATACARD_FILENAME, render_datacard
from geodiscourse.release.datapackage import DATAPACKAGE_FILENAME, build_datapackage
from geodiscourse.release.figures import write_figures
from geodiscourse.release.lock import DEFAULT_TIMEOUT_S, LockTimeoutError, release_lock, unlock
from geodiscourse.release.manifest import (
    MANIFEST_FILENAME,
    InputFileLike,
    ManifestError,
    TableFile,
    build_manifest,
    column_types,
    file_sha256,
    write_checksums,
    write_json,
    write_text_durably,
)
from geodiscourse.release.quality import QUALITY_FILENAME, measured_quality
from geodiscourse.release.read import (
    LATEST_FILENAME,
    latest_release,
    parse_release_id,
    release_ids,
    releases_dir,
    scan_release,
)
from geodiscourse.release.staging import (
    STAGING_PREFIX,
    claim_staging,
    ids_in_use,
    next_release_id,
    remove_stale_staging,
)
from geodiscourse.release.validate import ValidationFailure, ValidationReport, validate_tables
from geodiscourse.schemas import TABLES

logger = logging.getLogger(__name__)

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


class InvalidReleaseIdError(PublishError):
    """The requested release id is not ``YYYY-MM-DD`` or ``YYYY-MM-DD.N`` naming a real day."""


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


def check_release_id(release_id: str | None) -> None:
    """Refuse a malformed release id in one line, before any work (None: the next free id).

    The flow and the command line call this first, so a typo costs no parsing and the
    id published is exactly one that reading LATEST accepts back.
    """
    if release_id is None:
        return
    try:
        parse_release_id(release_id)
    except ValueError as exc:
        raise InvalidReleaseIdError(str(exc)) from None


def check_output_writable(out_root: Path) -> None:
    """Fail early, with one clear message, when releases cannot be written under out_root."""
    out_root = Path(out_root)
    for folder in (out_root, releases_dir(out_root)):
        try:
            prove_writable(folder)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise OutputNotWritableError(
                f"cannot write to the output folder {folder}: {reason}. Choose a writable --out folder "
                "or fix its permissions"
            ) from exc


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
    for attempt in (1, 2):
        tmp = folder / f".{LATEST_FILENAME}.{os.getpid()}.{uuid.uuid4().hex[:8]}"
        write_text_durably(tmp, release_id + "\n")
        try:
            os.replace(tmp, folder / LATEST_FILENAME)
            break
        except FileNotFoundError:  # removed as a leftover by a run let in by a deleted .lock
            if attempt == 2:
                raise
    _fsync_dir(folder)


def _exists_error(rid: str, folder: Path) -> ReleaseExistsError:
    return ReleaseExistsError(
        f"release {rid} already exists in {folder} and releases are never overwritten: "
        "omit the release id to get the next free one"
    )


def _previous_tables(out_root: Path) -> tuple[str | None, dict[str, pl.LazyFrame] | None]:
    """The release to compare with: LATEST's, or the newest release if LATEST is missing."""
    latest = latest_release(out_root)
    if latest is None:
        ids = release_ids(out_root)
        latest = releases_dir(out_root) / ids[-1] if ids else None
    if latest is None:
        return None, None
    try:
        return latest.name, scan_release(latest)
    except ManifestError as exc:
        logger.warning(
            "cannot read the previous release %s to compare with (%s): diffing against nothing",
            latest.name,
            exc,
        )
        return None, None


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
    figures = write_figures(staging, frames)
    quality = measured_quality()
    if quality is not None:
        write_json(staging / QUALITY_FILENAME, quality)
    write_text_durably(
        staging / DATACARD_FILENAME,
        render_datacard(
            manifest, licences=licences, root=staging.parent.parent, figures=figures, quality=quality
        ),
    )
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
    check_release_id(release_id)
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
        if target.exists() or rid in ids_in_use(folder):
            raise _exists_error(rid, folder)
        previous = _previous_tables(out_root)
        staging, staging_fd = claim_staging(folder, rid)
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
            try:
                os.rename(staging, target)  # fails when target is a (non-empty) release
            except OSError as exc:
                if exc.errno in (errno.EEXIST, errno.ENOTEMPTY):
                    raise _exists_error(rid, folder) from None
                raise
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            unlock(staging_fd)
        _fsync_dir(folder)
        _write_latest(folder, rid)
    logger.info("published release %s to %s", rid, target)
    return PublishedRelease(rid, target, manifest, diff, manifest["previous_release"])


__all__ = [
    "STAGING_PREFIX",
    "InvalidReleaseIdError",
    "LockTimeoutError",
    "OutputNotWritableError",
    "PublishError",
    "PublishedRelease",
    "ReleaseExistsError",
    "ReleaseValidationError",
    "check_output_writable",
    "check_release_id",
    "next_release_id",
    "publish_release",
    "remove_stale_staging",
    "write_table",
    "write_validation_report",
]
