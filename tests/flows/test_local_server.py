"""The local Prefect server that `geodiscourse server start` keeps and `run` reuses, and
the single-batch run that needs no worker pool.

No test here starts a server of its own: a healthy recorded server is the session's
(``prefect_api``), and a dead or unanswering one is a process that is no server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geodiscourse.cli import app
from geodiscourse.flows import release as release_module
from geodiscourse.flows import server as server_module
from geodiscourse.flows.server import (
    LOCAL_STATE_FILE,
    local_server_home,
    reuse_local_server,
    running_local_server,
    stop_local_server,
)
from tests.paths import SEEDS

runner = CliRunner()


def _record(home: Path, api_url: str, pid: int) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / LOCAL_STATE_FILE).write_text(json.dumps({"api_url": api_url, "pid": pid}), encoding="utf-8")


def test_the_home_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GEODISCOURSE_SERVER_HOME", str(tmp_path / "h"))
    assert local_server_home() == tmp_path / "h"
    monkeypatch.delenv("GEODISCOURSE_SERVER_HOME")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert local_server_home() == tmp_path / "cache" / "geodiscourse" / "prefect-server"


@pytest.mark.parametrize(
    "state",
    [
        None,  # nothing recorded
        "not json",
        {"api_url": "http://127.0.0.1:9/api"},  # no pid
    ],
)
def test_no_usable_record_is_no_server(tmp_path: Path, state: Any) -> None:
    if state is not None:
        (tmp_path / LOCAL_STATE_FILE).write_text(state if isinstance(state, str) else json.dumps(state))
    assert running_local_server(tmp_path) is None
    assert stop_local_server(tmp_path) is None


def test_a_recorded_server_that_does_not_answer_is_not_reused_but_is_stopped(tmp_path: Path) -> None:
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        _record(tmp_path, "http://127.0.0.1:9/api", process.pid)  # port 9: nothing answers
        assert running_local_server(tmp_path) is None
        stopped = stop_local_server(tmp_path)
        assert stopped is not None and stopped.pid == process.pid
        assert process.wait(timeout=10) is not None
        assert not (tmp_path / LOCAL_STATE_FILE).exists()
    finally:
        process.kill()


def test_a_run_reuses_the_running_local_server(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, prefect_api: str
) -> None:
    _record(tmp_path, prefect_api, os.getpid())  # the session's server, alive and answering
    monkeypatch.setenv("GEODISCOURSE_SERVER_HOME", str(tmp_path))
    monkeypatch.delenv("PREFECT_API_URL")
    reused = reuse_local_server()
    assert reused is not None and os.environ["PREFECT_API_URL"] == prefect_api
    # a server named in PREFECT_API_URL always wins
    monkeypatch.setenv("PREFECT_API_URL", "http://elsewhere/api")
    assert reuse_local_server() is None
    assert os.environ["PREFECT_API_URL"] == "http://elsewhere/api"


def test_server_commands_report_no_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GEODISCOURSE_SERVER_HOME", str(tmp_path))
    status = runner.invoke(app, ["server", "status"])
    assert status.exit_code == 1 and "no local Prefect server is running" in status.output
    stop = runner.invoke(app, ["server", "stop"])
    assert stop.exit_code == 0 and "no local Prefect server was running" in stop.output


class _Chosen(Exception):
    pass


@pytest.mark.parametrize(("batch_size", "expected"), [(64, 1), (2, 2)])
def test_inputs_that_fit_one_batch_run_in_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, batch_size: int, expected: int
) -> None:
    chosen: list[int] = []

    def spy(workers: int, dask_address: str | None) -> Any:
        chosen.append(workers)
        raise _Chosen

    monkeypatch.setattr(release_module, "task_runner_for", spy)
    with pytest.raises(_Chosen):
        release_module.run_release(SEEDS, tmp_path, workers=2, batch_size=batch_size)
    assert chosen == [expected]


def test_the_server_module_does_not_import_prefect() -> None:
    code = "import sys, geodiscourse.flows.server; print('prefect' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False", server_module.__name__
