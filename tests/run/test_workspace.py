"""A run's work folder (OUT/.work/run-XXXX): one clear error when it cannot be written,
and no run folder left behind when a run fails, a full disk included.

A real full disk cannot be made here, so the failing writes are simulated: the OSError
a full disk gives (ENOSPC, or EDQUOT over a quota), and the ComputeError polars raises
for the same failure when it writes a file itself.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from polars.exceptions import ComputeError
from typer.testing import CliRunner

from geodiscourse.cli import app
from geodiscourse.ingest.files import read_raw_folder
from geodiscourse.run.batches import run_batch
from geodiscourse.run.workspace import (
    DiskFullError,
    WorkDirNotWritableError,
    WorkspaceError,
    check_work_root,
    make_work_dir,
    remove_work_dir,
)
from tests.paths import SEEDS

NOT_ENGLISH = (
    "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les agriculteurs, "
    "après plusieurs semaines de manifestations dans tout le pays. Les syndicats ont salué un premier pas."
)
FIX_WORK = "remove whatever is in its place or fix its permissions, or pass another --out folder"
FIX_DISK = "free space or pass --out on another disk"


def refuse_mkdtemp(monkeypatch: pytest.MonkeyPatch, error: OSError) -> None:
    real = tempfile.mkdtemp
    monkeypatch.setattr(tempfile, "mkdtemp", lambda *a, **k: _raise(error) if "dir" in k else real(*a, **k))


def refuse_temporary_files(monkeypatch: pytest.MonkeyPatch, error: OSError) -> None:
    """No file or folder can be made in OUT/.work (read-only, or a full disk)."""
    refuse_mkdtemp(monkeypatch, error)
    real = tempfile.NamedTemporaryFile
    monkeypatch.setattr(
        tempfile,
        "NamedTemporaryFile",
        lambda *a, **k: _raise(error) if ".work" in str(k.get("dir")) else real(*a, **k),
    )


def _raise(error: BaseException) -> Any:
    raise error


def work_is_a_file(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out.mkdir()
    (out / ".work").write_text("not a folder", encoding="utf-8")


def out_under_a_file(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out.write_text("not a folder", encoding="utf-8")


def read_only(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (out / ".work").mkdir(parents=True)
    refuse_temporary_files(monkeypatch, PermissionError(errno.EACCES, "Permission denied"))


def disk_full(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_temporary_files(monkeypatch, OSError(errno.ENOSPC, "No space left on device"))


WORK_ROOT_FAULTS = [
    pytest.param(
        work_is_a_file, WorkDirNotWritableError, "a file is in the way", id="a file where .work should be"
    ),
    pytest.param(out_under_a_file, WorkDirNotWritableError, "a file is in the way", id="OUT is a file"),
    pytest.param(read_only, WorkDirNotWritableError, "Permission denied", id="read-only .work"),
    pytest.param(disk_full, DiskFullError, "no space left on device writing", id="disk full"),
]


@pytest.mark.parametrize("make", [make_work_dir, check_work_root], ids=["make_work_dir", "check_work_root"])
@pytest.mark.parametrize(("fault", "error", "says"), WORK_ROOT_FAULTS)
def test_an_unwritable_work_folder_is_one_error_naming_it_and_the_fix(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[Path], Path],
    fault: Callable[[Path, pytest.MonkeyPatch], None],
    error: type[WorkspaceError],
    says: str,
) -> None:
    out = tmp_path / "out"
    fault(out, monkeypatch)
    with pytest.raises(error) as raised:
        make(out)
    message = str(raised.value)
    assert says in message and str(out / ".work") in message and "\n" not in message
    assert (FIX_DISK if error is DiskFullError else FIX_WORK) in message


def test_a_run_folder_is_made_fresh_and_removed(tmp_path: Path) -> None:
    first, second = make_work_dir(tmp_path / "out"), make_work_dir(tmp_path / "out")
    assert first != second and first.parent == second.parent == tmp_path / "out" / ".work"
    assert first.name.startswith("run-") and list(first.iterdir()) == []
    (first / "documents").mkdir()
    (first / "documents" / "part-000000.parquet").write_bytes(b"x")
    assert remove_work_dir(first) and not first.exists() and second.exists()


def test_removal_tries_again_when_a_batch_writes_during_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch still running can add a file while the folder is removed (rmtree then
    fails with "directory not empty", which ignore_errors hides): try again."""
    work = make_work_dir(tmp_path / "out")
    real_rmtree, calls = shutil.rmtree, []

    def racing_rmtree(path: Path, *args: Any, **kwargs: Any) -> None:
        real_rmtree(path, *args, **kwargs)
        calls.append(path)
        if len(calls) == 1:  # a late batch writes its part just as the folder goes
            (Path(path) / "events").mkdir(parents=True)
            (Path(path) / "events" / "part-000003.parquet").write_bytes(b"x")

    monkeypatch.setattr(shutil, "rmtree", racing_rmtree)
    assert remove_work_dir(work) and not work.exists() and len(calls) == 2


@pytest.fixture
def rejected_only(tmp_path: Path) -> list[Any]:
    """One article that is rejected (not English): a batch of it writes every table's
    part without loading the model."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "french.txt").write_text(NOT_ENGLISH, encoding="utf-8")
    return list(read_raw_folder(raw).articles)


def full_disk_on_parts(monkeypatch: pytest.MonkeyPatch, error: OSError, only: str = "part-") -> None:
    """Writing a batch part fails as on a full disk, however the part is written:
    through Python's IO (an OSError) or by polars itself (a ComputeError)."""
    real_write_bytes, real_write_parquet = Path.write_bytes, pl.DataFrame.write_parquet

    def write_bytes(self: Path, data: Any) -> int:
        if only in self.name:
            self.write_text("partial")  # a full disk leaves what fitted
            raise error
        return real_write_bytes(self, data)

    def write_parquet(self: pl.DataFrame, file: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(file, str | Path) and only in Path(file).name:
            raise ComputeError(f"parquet: underlying IO error: {error.strerror} (os error {error.errno})")
        real_write_parquet(self, file, *args, **kwargs)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    monkeypatch.setattr(pl.DataFrame, "write_parquet", write_parquet)


@pytest.mark.parametrize(
    ("error", "expected", "says"),
    [
        (
            OSError(errno.ENOSPC, "No space left on device"),
            DiskFullError,
            "no space left on device writing {part}: ",
        ),
        (
            OSError(errno.EDQUOT, "Disk quota exceeded"),
            DiskFullError,
            "no space left on device writing {part}: ",
        ),
        (
            PermissionError(errno.EACCES, "Permission denied"),
            WorkDirNotWritableError,
            "{part}: Permission denied",
        ),
    ],
    ids=["disk full", "over quota", "permission denied"],
)
def test_a_failed_part_write_is_one_error_naming_the_file_and_leaves_no_partial_part(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    rejected_only: list[Any],
    error: OSError,
    expected: type[WorkspaceError],
    says: str,
) -> None:
    work = make_work_dir(tmp_path / "out")
    full_disk_on_parts(monkeypatch, error)
    with pytest.raises(expected) as raised:
        run_batch(0, rejected_only, work, None)
    part = work / "documents" / "part-000000.parquet"
    message = str(raised.value)
    assert says.format(part=part) in message and "\n" not in message
    assert (FIX_DISK if expected is DiskFullError else FIX_WORK) in message
    assert [p for p in work.rglob("*") if p.is_file()] == [], "no partial part is left"


def test_a_batch_of_a_run_whose_folder_was_removed_does_not_make_it_again(
    tmp_path: Path, rejected_only: list[Any]
) -> None:
    """The cause of run folders left behind by full-disk failures: the flow removed its
    run folder when one batch failed, then batches still queued made it again."""
    work = make_work_dir(tmp_path / "out")
    assert remove_work_dir(work)
    with pytest.raises(WorkDirNotWritableError, match="no longer exists"):
        run_batch(1, rejected_only, work, None)
    assert not work.exists()


@pytest.mark.parametrize(
    "error",
    [
        DiskFullError(
            f"no space left on device writing /x/.work/run-1/events/part-000002.parquet: {FIX_DISK}"
        ),
        WorkDirNotWritableError(
            f"cannot write the run's work folder /x/.work: a file is in the way. {FIX_WORK}"
        ),
    ],
    ids=["disk full", "work folder"],
)
def test_the_command_prints_a_workspace_error_as_one_line_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: WorkspaceError
) -> None:
    monkeypatch.setattr("geodiscourse.flows.release.run_release", lambda *a, **k: _raise(error))
    result = CliRunner().invoke(
        app, ["run", "--raw", str(SEEDS), "--out", str(tmp_path / "out"), "--workers", "1", "--no-progress"]
    )
    assert result.exit_code == 2, result.output
    assert " ".join(result.output.split()) == f"error: {error}"
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_a_full_disk_while_batches_run_leaves_no_run_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, prefect_api: str
) -> None:
    """The second of three batches finds the disk full; the third still runs after the
    flow has removed the run folder. The error names the part; no run folder is left."""
    from geodiscourse.flows.release import run_release

    out = tmp_path / "out"
    full_disk_on_parts(monkeypatch, OSError(errno.ENOSPC, "No space left on device"), only="part-000001")
    with pytest.raises(DiskFullError, match=r"no space left on device writing .*part-000001\.parquet"):
        run_release(SEEDS, out, release_id="2026-01-01", workers=1, batch_size=1, use_cache=False)
    assert list((out / ".work").iterdir()) == []


@pytest.mark.slow
@pytest.mark.parametrize(  # an unwritable OUT itself is the command's check_output_writable's
    ("fault", "error", "says"), [p for p in WORK_ROOT_FAULTS if p.id != "OUT is a file"]
)
def test_an_unwritable_work_folder_stops_a_run_before_any_parsing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    prefect_api: str,
    fault: Callable[[Path, pytest.MonkeyPatch], None],
    error: type[WorkspaceError],
    says: str,
) -> None:
    from geodiscourse.flows.release import run_release

    out = tmp_path / "out"
    fault(out, monkeypatch)
    monkeypatch.setattr(
        "geodiscourse.run.batches.load_pipeline", lambda *a, **k: _raise(AssertionError("parsed"))
    )
    with pytest.raises(error, match=re.escape(str(out / ".work"))):
        run_release(SEEDS, out, release_id="2026-01-01", workers=1, use_cache=False)


@pytest.mark.slow
def test_a_run_with_an_unwritable_cache_folder_publishes_and_warns_once(
    tmp_path: Path, prefect_api: str, caplog: pytest.LogCaptureFixture
) -> None:
    from geodiscourse.flows.release import run_release

    out = tmp_path / "out"
    out.mkdir()
    (out / "cache").write_text("not a folder", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="geodiscourse"):
        summary = run_release(SEEDS, out, release_id="2026-01-01", workers=1, batch_size=1)
    assert summary["documents"] == 3 and summary["cached"] == 0
    warnings = [r.getMessage() for r in caplog.records if r.name.startswith("geodiscourse")]
    assert len(warnings) == 1 and "running without the extraction cache" in warnings[0], warnings


_FULL_DISK_SITECUSTOMIZE = """
import errno, pathlib
_write_bytes = pathlib.Path.write_bytes
def write_bytes(self, data):
    if self.name == "part-000001.parquet":
        raise OSError(errno.ENOSPC, "No space left on device", str(self))
    return _write_bytes(self, data)
pathlib.Path.write_bytes = write_bytes
"""


@pytest.mark.slow
def test_a_full_disk_is_one_line_from_the_command_not_prefects_tracebacks(tmp_path: Path) -> None:
    """The whole output of `geodiscourse run` when the disk fills is the one error line
    (Prefect's own task and flow failure logs, with tracebacks, stay out of it)."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(_FULL_DISK_SITECUSTOMIZE, encoding="utf-8")
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "PREFECT_LOGGING_LEVEL")}
    env.update(PYTHONPATH=str(hook), PREFECT_HOME=str(tmp_path / "prefect-home"), COLUMNS="300")
    command = [sys.executable, "-m", "geodiscourse.cli", "run", "--raw", str(SEEDS), "--out", str(out)]
    done = subprocess.run(
        [*command, "--batch-size", "1", "--workers", "1", "--no-progress"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = (done.stdout + done.stderr).strip().splitlines()
    assert done.returncode == 2
    assert len(lines) == 1, "\n".join(lines[:40])
    assert re.fullmatch(
        r"error: no space left on device writing .*part-000001\.parquet: free space .*", lines[0]
    )
    assert list((out / ".work").iterdir()) == []
