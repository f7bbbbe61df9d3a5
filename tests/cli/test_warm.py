"""The warm worker (`geodiscourse server start`): which runs it takes, and that a run it
takes is a cold run's, rows and exit codes alike.

The worker here reports to the session's Prefect server (``prefect_api``), recorded as
the local server of a home of the module's own, as `server start` would record it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from geodiscourse.cli.warm import (
    SOCKET_NAME,
    WORKER_STATE_FILE,
    identity,
    refusal,
    settings_of,
    stop_worker,
    worker_state,
)
from geodiscourse.flows.server import LOCAL_STATE_FILE
from tests.paths import SEEDS

OWN = {"code": "abc", "model": "m-1", "python": "/py"}


@pytest.mark.parametrize(
    ("theirs", "settings", "reason"),
    [
        (OWN, {}, None),
        ({**OWN, "code": "def"}, {}, "other code"),
        ({**OWN, "model": "m-2"}, {}, "another model"),
        ({**OWN, "python": "/other"}, {}, "another Python"),
        (OWN, {"PREFECT_LOGGING_LEVEL": "DEBUG"}, "other settings (PREFECT_LOGGING_LEVEL)"),
        (OWN, {"GEODISCOURSE_RULE_CACHE": "/x"}, "other settings (GEODISCOURSE_RULE_CACHE)"),
        # the API URL differs by design (the caller leaves it unset), other variables don't count
        (OWN, {"PREFECT_API_URL": "http://x/api", "HOME": "/elsewhere"}, None),
    ],
)
def test_the_worker_refuses_what_it_would_not_run_as_a_cold_run(
    theirs: dict[str, str], settings: dict[str, str], reason: str | None
) -> None:
    found = refusal({"identity": theirs, "env": settings}, OWN, {})
    assert found is None if reason is None else (found is not None and reason in found)


def test_settings_are_the_prefect_and_geodiscourse_variables_but_the_api_url() -> None:
    env = {"PREFECT_HOME": "/h", "PREFECT_API_URL": "u", "GEODISCOURSE_X": "1", "PATH": "/bin"}
    assert settings_of(env) == {"PREFECT_HOME": "/h", "GEODISCOURSE_X": "1"}


@pytest.mark.parametrize("state", [None, "not json", {"pid": 1}, {"socket": "/nowhere"}])
def test_no_usable_record_is_no_worker(tmp_path: Path, state: Any) -> None:
    if state is not None:
        (tmp_path / WORKER_STATE_FILE).write_text(state if isinstance(state, str) else json.dumps(state))
    assert worker_state(tmp_path) is None
    assert stop_worker(tmp_path) is None


def test_a_record_of_a_dead_process_is_no_worker(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    (tmp_path / "s.sock").touch()
    record = {"pid": int(done.stdout), "socket": str(tmp_path / "s.sock")}
    (tmp_path / WORKER_STATE_FILE).write_text(json.dumps(record))
    assert worker_state(tmp_path) is None


@pytest.fixture(scope="module")
def worker_home(tmp_path_factory: pytest.TempPathFactory, prefect_api: str) -> Iterator[Path]:
    """A home with the session's server recorded as its local server and a warm worker."""
    home = tmp_path_factory.mktemp("warm-home")
    record = {"api_url": prefect_api, "pid": os.getpid()}  # alive and answering
    (home / LOCAL_STATE_FILE).write_text(json.dumps(record), encoding="utf-8")
    env = {**os.environ, "GEODISCOURSE_SERVER_HOME": str(home), "PREFECT_API_URL": prefect_api}
    with open(home / "worker.log", "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "geodiscourse.cli.warm", str(home)], env=env, stdout=log, stderr=log
        )
    deadline = time.monotonic() + 120
    while worker_state(home) is None:
        assert process.poll() is None, (home / "worker.log").read_text()
        assert time.monotonic() < deadline, "the warm worker did not start"
        time.sleep(0.2)
    yield home
    process.terminate()
    process.wait(timeout=30)
    assert not (home / SOCKET_NAME).exists() and not (home / WORKER_STATE_FILE).exists()


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["GEODISCOURSE_SERVER_HOME"] = str(home)
    command = [sys.executable, "-m", "geodiscourse.cli", "run", "--no-cache", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def test_the_worker_records_what_it_runs(worker_home: Path) -> None:
    state = worker_state(worker_home)
    assert state is not None and {k: state[k] for k in identity()} == identity()


def test_a_run_the_worker_takes_gives_the_cold_runs_rows(
    worker_home: Path, tmp_path: Path, seed_release: dict[str, Any]
) -> None:
    done = _run(worker_home, "--raw", str(SEEDS), "--out", str(tmp_path), "--release-id", "2026-01-01")
    assert done.returncode == 0, done.stderr
    assert "warm worker: pid" in done.stderr and "release: " in done.stdout
    cold = Path(seed_release["path"])
    warm = tmp_path / "releases" / "2026-01-01"
    for table in ("documents", "mentions", "actors", "events", "claims", "recommendations"):
        assert pl.read_parquet(warm / f"{table}.parquet").equals(
            pl.read_parquet(cold / f"{table}.parquet")
        ), table


def test_a_failed_run_in_the_worker_exits_as_a_cold_one(worker_home: Path, tmp_path: Path) -> None:
    first = _run(
        worker_home, "--raw", str(SEEDS), "--out", str(tmp_path), "--release-id", "2026-02-02", "--json"
    )
    assert first.returncode == 0 and "warm worker" not in first.stderr  # --json: stdout is the JSON alone
    assert json.loads(first.stdout)["release_id"] == "2026-02-02"
    again = _run(worker_home, "--raw", str(SEEDS), "--out", str(tmp_path), "--release-id", "2026-02-02")
    assert again.returncode == 2 and "already exists" in again.stdout + again.stderr


def test_other_settings_run_cold_and_say_why(worker_home: Path, tmp_path: Path) -> None:
    env_change = {"PREFECT_LOGGING_LEVEL": "ERROR"}
    os.environ.update(env_change)
    try:
        done = _run(worker_home, "--raw", str(SEEDS), "--out", str(tmp_path))
    finally:
        os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING"
    assert done.returncode == 0, done.stderr
    assert "other settings (PREFECT_LOGGING_LEVEL)" in done.stderr and "warm worker: pid" not in done.stderr


def test_a_ctrl_c_stops_the_run_in_the_worker_as_a_cold_one(worker_home: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for k in range(12):  # long enough to be interrupted mid-run (copies differ by their bytes)
        for seed in sorted(SEEDS.glob("*.txt")):
            (raw / f"{k}-{seed.name}").write_bytes(seed.read_bytes() + b"\n" * k)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["GEODISCOURSE_SERVER_HOME"] = str(worker_home)
    command = [sys.executable, "-m", "geodiscourse.cli", "run", "--no-cache", "--workers", "1"]
    process = subprocess.Popen(
        [*command, "--raw", str(raw), "--out", str(tmp_path / "out")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    assert "warm worker: pid" in process.stderr.readline()
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted by SIGINT" in stderr
    assert not list((tmp_path / "out" / "releases").glob("*"))
    assert not list((tmp_path / "out" / ".work").glob("*"))
