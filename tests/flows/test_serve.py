"""A served, scheduled deployment runs the flow and publishes a release.

Starts a real Prefect server on a free loopback port, serves the deployment with
`geodiscourse serve`, triggers a run through the Prefect CLI, waits (bounded) for the
release, and stops both.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import httpx
import pytest

from tests.paths import REPO

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(predicate: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def test_served_deployment_runs_and_publishes(tmp_path: Path) -> None:
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_API_URL": api,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
    }
    out = tmp_path / "out"
    with open(tmp_path / "server.log", "wb") as server_log, open(tmp_path / "serve.log", "wb") as serve_log:
        _serve_and_trigger(env, api, out, tmp_path, server_log, serve_log)


def _serve_and_trigger(
    env: dict[str, str], api: str, out: Path, tmp_path: Path, server_log: IO[bytes], serve_log: IO[bytes]
) -> None:
    server = subprocess.Popen(
        [
            str(BIN / "prefect"),
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            api.rsplit(":", 1)[1].split("/")[0],
        ],
        env=env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    serve = None
    try:

        def healthy() -> bool:
            try:
                return httpx.get(f"{api}/health", timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        _wait(healthy, 120, "the Prefect server")
        serve = subprocess.Popen(
            [
                str(BIN / "geodiscourse"),
                "serve",
                "--cron",
                "0 6 * * *",
                "--raw",
                str(REPO / "data" / "raw"),
                "--out",
                str(out),
                "--name",
                "test",
                "--workers",
                "1",
            ],
            env=env,
            cwd=tmp_path,
            stdout=serve_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

        def deployed() -> bool:
            result = subprocess.run(
                [str(BIN / "prefect"), "deployment", "ls"],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            return "geodiscourse-release/test" in result.stdout

        _wait(deployed, 120, "the deployment to be served")
        subprocess.run(
            [str(BIN / "prefect"), "deployment", "run", "geodiscourse-release/test"],
            env=env,
            check=True,
            capture_output=True,
        )
        _wait(lambda: (out / "releases" / "LATEST").is_file(), 240, "the scheduled run's release")
        latest = (out / "releases" / "LATEST").read_text().strip()
        assert (out / "releases" / latest / "events.parquet").is_file()
    finally:
        if serve is not None:
            _stop(serve)
        _stop(server)
