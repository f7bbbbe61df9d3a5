"""`geodiscourse serve` against an existing server named by PREFECT_API_URL.

The deployment is served on the test session's Prefect server (``prefect_api``), a run
is started by hand with `prefect deployment run`, as README says, and must publish a
release; `serve` must start no server of its own. Scheduled runs on a server that
`serve` starts itself: tests/flows/test_schedule.py.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.paths import SEEDS

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
DEPLOYMENT = "geodiscourse-scheduled-release/test"


def _wait(predicate: object, timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}:\n{log.read_text()[-3000:]}")


def test_serve_uses_the_server_in_prefect_api_url_and_a_run_started_by_hand_publishes(
    tmp_path: Path, prefect_api: str
) -> None:
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_API_URL": prefect_api,
        "COLUMNS": "1000",
    }
    out, log = tmp_path / "out", tmp_path / "serve.log"
    command = [
        *(str(BIN / "geodiscourse"), "serve", "--cron", "0 6 * * *", "--name", "test"),
        *("--raw", str(SEEDS), "--out", str(out), "--workers", "1"),
    ]
    with log.open("wb") as sink:
        serve = subprocess.Popen(
            command, env=env, cwd=tmp_path, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:

        def deployed() -> bool:
            listed = subprocess.run(
                [str(BIN / "prefect"), "deployment", "ls"],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            return DEPLOYMENT in listed.stdout

        _wait(deployed, 120, "the deployment to be served", log)
        assert f"Prefect server: {prefect_api} (from PREFECT_API_URL)" in log.read_text()
        assert not [p for p in psutil.Process(serve.pid).children(recursive=True) if "server" in p.cmdline()]
        assert not (out / ".prefect").exists(), "no server of its own"
        subprocess.run(
            [str(BIN / "prefect"), "deployment", "run", DEPLOYMENT], env=env, check=True, capture_output=True
        )
        _wait(lambda: (out / "releases" / "LATEST").is_file(), 240, "the run's release", log)
        latest = (out / "releases" / "LATEST").read_text().strip()
        assert (out / "releases" / latest / "events.parquet").is_file()
        serve.send_signal(signal.SIGINT)
        assert serve.wait(timeout=30) == 0
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(serve.pid, signal.SIGKILL)
        serve.wait()
