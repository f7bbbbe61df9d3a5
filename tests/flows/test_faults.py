"""Faults: runs killed at any point, runs at the same time, unwritable output, failed validation.

The kill test runs the real command in child processes (each in its own process
group, with its own Prefect home, reporting to the session's Prefect server) on a
30-file folder made by tests/run/test_fuzz.py (articles and broken files alike), and kills
them with SIGKILL: once batches have started, once in the middle of publishing while a
second run into the same folder waits for the lock. The releases folder must be
exactly as before after each kill, and the waiting run must then publish a complete,
valid release and print how many files became documents and how many were rejected.

Covered elsewhere, not repeated here: a killed publish on its own, stale staging
removal and the lock's waiting and timeout (tests/test_publish.py:
test_a_killed_publish_leaves_latest_unchanged_and_the_next_run_completes,
test_stale_staging_from_a_killed_run_is_cleaned_up, test_concurrent_publishes_are_serialised,
test_a_second_run_waits_for_the_lock_then_gives_up_clearly); a failed validation
inside publish_release (test_failed_validation_publishes_nothing_and_writes_a_report).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from typer.testing import CliRunner

from geodiscourse.cli import app
from geodiscourse.release.read import LATEST_FILENAME, releases_dir
from geodiscourse.release.validate import validate_release
from tests.paths import REPO
from tests.release.test_publish import publish
from tests.release.test_validate import make_tables
from tests.run.test_fuzz import write_fuzz_corpus

#: 30 files: 19 become documents (excerpts, truncations, flipped bits, HTML, cp1252, UTF-16,
#: splices), 9 are rejected (1 empty, 3 binary, 1 bad encoding, 4 blank or without prose),
#: 2 are copies.
CORPUS_SEED = 2
CORPUS_DOCUMENTS, CORPUS_REJECTED = 19, 9
SUMMARY = re.compile(r"inputs: (\d+) files -> (\d+) documents, (\d+) rejected")

KILLED_IN_PUBLISH = """
import sys, time
from pathlib import Path
import geodiscourse.release.publish as publish
from geodiscourse.flows.release import run_release

def hang(staging):
    Path({signal_file!r}).write_text("writing")
    time.sleep(600)

publish.write_checksums = hang  # the last file written into staging, before the rename
run_release(Path({raw!r}), Path({out!r}), workers=1, batch_size=1)
"""


def child_env(prefect_home: Path, api_url: str) -> dict[str, str]:
    """This environment, reporting to the session's Prefect server (``prefect_api``)
    rather than starting one per child, with a Prefect home of the child's own."""
    env = dict(os.environ)
    env.update(
        PREFECT_API_URL=api_url,
        PREFECT_HOME=str(prefect_home),
        PREFECT_LOCAL_STORAGE_PATH=str(prefect_home / "storage"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
        PREFECT_RESULTS_PERSIST_BY_DEFAULT="false",
        COLUMNS="1000",  # one line per message: rich wraps at 80 columns otherwise
    )
    return env


def start(args: list[str], home: Path, log: Path, api_url: str) -> subprocess.Popen[bytes]:
    """A child in a new session, so that killing its group kills whatever it started."""
    home.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        return subprocess.Popen(
            args,
            cwd=REPO,
            env=child_env(home, api_url),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def kill_group(child: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):  # the group is gone already
        os.killpg(child.pid, signal.SIGKILL)
    child.wait()


def wait_for(condition: Callable[[], bool], child: subprocess.Popen[bytes], log: Path, what: str) -> None:
    deadline = time.monotonic() + 180
    while not condition():
        if child.poll() is not None:
            pytest.fail(f"the run ended before {what}:\n{log.read_text(errors='replace')[-3000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"the run never got to {what}:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.02)


def run_command(raw: Path, out: Path, batch_size: int) -> list[str]:
    """``geodiscourse run`` in one process (no pool), with many small batches."""
    return [
        *(sys.executable, "-m", "geodiscourse.cli", "run", "--raw", str(raw), "--out", str(out)),
        *("--workers", "1", "--batch-size", str(batch_size), "--no-progress"),
    ]


def releases_state(out: Path) -> tuple[list[str], str]:
    """The visible entries of the releases folder, and what LATEST says."""
    folder = releases_dir(out)
    visible = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    return visible, (folder / LATEST_FILENAME).read_text(encoding="utf-8")


def staging_dirs(out: Path) -> list[Path]:
    return [p for p in releases_dir(out).iterdir() if p.name.startswith(".staging-")]


def batch_parts(out: Path) -> int:
    return len(list((out / ".work").glob("run-*/documents/part-*.parquet")))


@pytest.mark.slow
def test_killed_runs_leave_the_releases_as_they_were_and_the_next_run_completes(
    tmp_path: Path, prefect_api: str
) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    files = write_fuzz_corpus(raw, count=30, seed=CORPUS_SEED)
    published = publish(out)  # an earlier release, for LATEST to point at
    before = releases_state(out)

    # 1. Killed while batches run (batch size 1: one task per article).
    log = tmp_path / "killed-in-batches.log"
    child = start(run_command(raw, out, batch_size=1), tmp_path / "home-1", log, prefect_api)
    try:
        wait_for(lambda: batch_parts(out) >= 2, child, log, "writing batches")
    finally:
        kill_group(child)
    assert releases_state(out) == before
    assert staging_dirs(out) == []

    # 2. Killed in the middle of publishing (staging written, not yet renamed, the lock
    # held), while a second run into the same folder waits for that lock.
    log, signal_file = tmp_path / "killed-in-publish.log", tmp_path / "publishing"
    script = KILLED_IN_PUBLISH.format(signal_file=str(signal_file), raw=str(raw), out=str(out))
    child = start([sys.executable, "-c", textwrap.dedent(script)], tmp_path / "home-2", log, prefect_api)
    next_log = tmp_path / "next-run.log"
    next_run: subprocess.Popen[bytes] | None = None
    try:
        wait_for(signal_file.exists, child, log, "publishing")
        assert len(staging_dirs(out)) == 1, "killed mid-publish, with a staging folder"
        next_run = start(
            [*run_command(raw, out, batch_size=8), "--verbose"], tmp_path / "home-3", next_log, prefect_api
        )
        waiting = f"waiting for process {child.pid} to release the lock"
        wait_for(lambda: waiting in next_log.read_text(errors="replace"), next_run, next_log, "the lock")
        assert releases_state(out) == before
    finally:
        kill_group(child)

    # 3. The waiting run gets the lock, removes the dead run's staging and publishes.
    assert next_run is not None
    try:
        assert next_run.wait(timeout=300) == 0, next_log.read_text(errors="replace")[-3000:]
    finally:
        kill_group(next_run)
    assert validate_release(published.path).ok
    visible, latest = releases_state(out)
    text = next_log.read_text(errors="replace")
    (release_id,) = re.findall(r"^release: \S*/releases/(\S+)$", text, flags=re.MULTILINE)
    assert visible == sorted([*before[0], release_id]) and latest == release_id + "\n"
    assert staging_dirs(out) == [], "the killed run's staging folder was removed"
    release = releases_dir(out) / release_id
    report = validate_release(release)
    assert report.ok, report.to_text()
    ((inputs, documents, rejected),) = SUMMARY.findall(text)  # the summary counts both
    assert int(inputs) == len(files)
    assert int(documents) == pl.read_parquet(release / "documents.parquet").height == CORPUS_DOCUMENTS
    assert int(rejected) == pl.read_parquet(release / "rejected.parquet").height == CORPUS_REJECTED
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(i["source_name"] for i in manifest["inputs"]) == sorted(files)


def test_an_unwritable_output_folder_fails_at_once_with_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.txt").write_text("Russia and Ukraine signed a ceasefire.\n")

    def no_run(*args: Any, **kwargs: Any) -> dict[str, Any]:
        raise AssertionError("the flow must not start when the output folder is unwritable")

    monkeypatch.setattr("geodiscourse.flows.release.run_release", no_run)
    result = CliRunner().invoke(
        app, ["run", "--raw", str(tmp_path / "raw"), "--out", str(blocker / "out"), "--workers", "1"]
    )
    message = " ".join(result.output.split())
    assert result.exit_code == 2, message
    assert "cannot write to the output folder" in message and "Choose a writable --out folder" in message
    assert str(blocker / "out") in "".join(message.split()), "the message names the folder"
    assert "Traceback" not in message


def test_a_run_that_fails_validation_exits_1_and_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The flow's tables fail validation inside publish_release: the command says so, exits 1."""
    out = tmp_path / "out"
    publish(out)
    before = releases_state(out)
    broken = make_tables()
    broken["events"] = broken["events"].with_columns(event_type=pl.lit("INVADE"))

    def run_release(*args: Any, **kwargs: Any) -> dict[str, Any]:
        publish(out, broken)
        raise AssertionError("publish must have refused the tables")

    monkeypatch.setattr("geodiscourse.flows.release.run_release", run_release)
    result = CliRunner().invoke(app, ["run", "--raw", str(tmp_path), "--out", str(out), "--workers", "1"])
    message = " ".join(result.output.split())
    assert result.exit_code == 1, message
    assert "validation failed: nothing was published" in message
    assert "events.event_type" in message and "INVADE" in message
    (report,) = (out / "reports").glob("*-validation.txt")
    assert report.name in "".join(message.split()), "the message says where the full report is"
    assert releases_state(out) == before


@pytest.mark.parametrize(
    ("table", "breakage", "column", "check"),
    [
        (
            "mentions",
            lambda df: df.with_columns(char_end=pl.col("char_end") + 10_000),
            "char_start,char_end",
            "span_inside_sentence",
        ),
        ("events", lambda df: df.with_columns(event_type=pl.lit("INVADE")), "event_type", "isin"),
        (
            "claims",
            lambda df: df.with_columns(claimant_actor_id=pl.lit("ATLANTIS")),
            "claimant_actor_id",
            "foreign_key(actors.actor_id)",
        ),
    ],
    ids=["span", "schema", "foreign-key"],
)
def test_validating_a_tampered_release_names_table_column_check_and_rows(
    tmp_path: Path, table: str, breakage: Callable[[pl.DataFrame], pl.DataFrame], column: str, check: str
) -> None:
    release = publish(tmp_path / "out").path
    ok = CliRunner().invoke(app, ["validate", str(release)])
    assert ok.exit_code == 0 and "is valid" in ok.output
    tampered = tmp_path / "tampered"
    shutil.copytree(release, tampered)
    df = pl.read_parquet(tampered / f"{table}.parquet")
    breakage(df).write_parquet(tampered / f"{table}.parquet")
    result = CliRunner().invoke(app, ["validate", str(tampered)])
    message = " ".join(result.output.split())
    assert result.exit_code == 1, message
    found = re.search(
        rf"table {table}, column {re.escape(column)}, check {re.escape(check)}.*?: (\d+) row", message
    )
    assert found and int(found[1]) == df.height, message
    assert "e.g. {" in message  # example rows
    assert f"table {table}, column -, check sha256sums" in message  # the file changed after publication
