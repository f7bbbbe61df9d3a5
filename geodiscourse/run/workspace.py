"""A run's scratch space, ``OUT/.work/run-XXXX``, and the errors raised when it cannot be written.

Each run writes its batches' Parquet parts into a folder of its own under ``OUT/.work``
and removes it when it ends, whether it published or failed. Writing there can fail
for reasons the operator must fix (a file where the folder should be, no permission,
a full disk); each is turned into one error whose message names the path and the fix,
raised before any article is parsed where that can be known in advance, so that the
command prints one line instead of a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import io
import logging
import shutil
import tempfile
import time
from pathlib import Path

import polars as pl

from geodiscourse.core.folders import prove_writable

log = logging.getLogger(__name__)

WORK_DIRNAME = ".work"
RUN_PREFIX = "run-"
#: Errors that mean the disk (or the user's quota) is full.
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})


class WorkspaceError(Exception):
    """A run cannot write its scratch files; the message names the path and the fix."""


class WorkDirNotWritableError(WorkspaceError):
    """``OUT/.work`` (or a run folder in it) cannot be created or written to."""


class DiskFullError(WorkspaceError):
    """The disk filled up while a run was writing."""


def is_disk_full(err: BaseException) -> bool:
    """Whether ``err`` says the disk is full. Polars reports its IO errors as
    ``ComputeError('... No space left on device (os error 28)')``, with no errno."""
    if isinstance(err, OSError) and err.errno in DISK_FULL_ERRNOS:
        return True
    return "(os error 28)" in str(err) or "(os error 122)" in str(err)


def disk_full(path: Path) -> DiskFullError:
    return DiskFullError(f"no space left on device writing {path}: free space or pass --out on another disk")


def _reason(err: OSError) -> str:
    if isinstance(err, FileExistsError | NotADirectoryError):
        return "a file is in the way of the folder"
    return err.strerror or str(err)


def storage_error(err: OSError, path: Path) -> WorkspaceError:
    """The one-line error for an OSError raised while writing ``path`` in the work folder."""
    if is_disk_full(err):
        return disk_full(path)
    return WorkDirNotWritableError(
        f"cannot write the run's work folder {path}: {_reason(err)}. It holds each run's temporary "
        f"batch files: remove whatever is in its place or fix its permissions, or pass another --out folder"
    )


def work_root(out_root: Path) -> Path:
    return Path(out_root) / WORK_DIRNAME


def check_work_root(out_root: Path) -> Path:
    """``OUT/.work``, created and proved writable, or a WorkspaceError naming it.

    Cheap enough to call before the flow starts, so that the error comes before
    Prefect, the model or any parsing.
    """
    root = work_root(out_root)
    try:
        prove_writable(root)
    except OSError as err:
        raise storage_error(err, root) from err
    return root


def make_work_dir(out_root: Path) -> Path:
    """A new, empty run folder ``OUT/.work/run-XXXX`` of this run's own."""
    root = work_root(out_root)
    try:
        root.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=RUN_PREFIX, dir=root))
    except OSError as err:
        raise storage_error(err, root) from err


def remove_work_dir(path: Path, attempts: int = 3) -> bool:
    """Remove a run folder; True when it is gone.

    A batch still running elsewhere may create a file while the folder is being
    removed (its removal then fails with "directory not empty"), so this tries again
    after a moment; whatever still stands is logged, never raised, as the run's own
    error is the one to report.
    """
    for attempt in range(attempts):
        shutil.rmtree(path, ignore_errors=True)
        if not path.exists():
            return True
        if attempt + 1 < attempts:
            time.sleep(0.2)
    log.warning("could not remove the run's work folder %s: delete it by hand", path)
    return False


def require_work_dir(path: Path) -> None:
    """Refuse to run a batch whose run folder is gone: the run has already failed (or
    was stopped) and removed it, and writing would only make it again."""
    if not path.is_dir():
        raise WorkDirNotWritableError(
            f"the run's work folder {path} no longer exists: the run failed or was stopped, "
            "so this batch is not run"
        )


def write_part(df: pl.DataFrame, path: Path) -> None:
    """Write one batch part, turning a failed write into a WorkspaceError naming the file.

    The Parquet bytes are made in memory and written with Python's own IO, so a full
    disk is an OSError with its errno (polars would report it as a ComputeError). The
    table folder is made without ``parents``: a run folder removed after a failure
    stays removed, rather than being made again by a batch still running (the cause
    of run folders left behind by full-disk failures). A partial file is removed.
    """
    buffer = io.BytesIO()
    df.write_parquet(buffer)
    try:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(buffer.getvalue())
    except OSError as err:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        require_work_dir(path.parent.parent)  # removed meanwhile: say so, not "no such file"
        raise storage_error(err, path) from err
