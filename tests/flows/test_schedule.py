"""`geodiscourse serve` runs the flow on its schedule, by itself, and stops cleanly.

No PREFECT_API_URL in the child's environment: `serve` must start its own Prefect
server (with the scheduler that Prefect's temporary server lacks), serve the deployment
every 5 s, and publish releases with no run triggered by hand. The options of `run`
given to `serve` must reach the scheduled runs (checked in each release's manifest).
Then a Ctrl-C (SIGINT) must stop `serve` and the server it started, leaving no process
behind. Before the fix nothing ever ran: the deployment was served on Prefect's
temporary server, which never schedules a run.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from geodiscourse.cli import app
from tests.paths import SEEDS

LICENCE = "CC BY 4.0 (test)"
SERVER_PID = re.compile(r"\(pid (\d+),")


def serve_env(prefect_home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(
        PREFECT_HOME=str(prefect_home),
        PREFECT_LOCAL_STORAGE_PATH=str(prefect_home / "storage"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_SERVER_UI_ENABLED="false",
        COLUMNS="1000",
    )
    return env


def releases(out: Path) -> list[Path]:
    folder = out / "releases"
    return (
        sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
        if folder.is_dir()
        else []
    )


def using_home(home: Path) -> list[psutil.Process]:
    """Processes whose environment names ``home`` as PREFECT_HOME: the managed server's."""
    found = []
    for process in psutil.process_iter():
        with contextlib.suppress(psutil.Error):
            if process.environ().get("PREFECT_HOME") == str(home):
                found.append(process)
    return found


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--cron", "0 6 * * *", "--interval", "60"], "give --cron or --interval, not both"),
        (["--interval", "60", "--raw", "no-such-folder"], "raw folder no-such-folder does not exist"),
    ],
)
def test_serve_refuses_bad_options_before_starting_anything(
    tmp_path: Path, options: list[str], message: str
) -> None:
    result = CliRunner().invoke(app, ["serve", *options, "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert not (tmp_path / "out" / ".prefect").exists()


def test_serve_says_so_when_the_server_in_prefect_api_url_does_not_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        api = f"http://127.0.0.1:{probe.getsockname()[1]}/api"
    monkeypatch.setenv("PREFECT_API_URL", api)
    result = CliRunner().invoke(app, ["serve", "--raw", str(SEEDS), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"the Prefect server in PREFECT_API_URL ({api}) does not answer" in " ".join(result.output.split())


@pytest.mark.slow
def test_serve_runs_on_its_schedule_with_its_own_server_and_stops_cleanly(tmp_path: Path) -> None:
    raw, out, log = tmp_path / "raw", tmp_path / "out", tmp_path / "serve.log"
    raw.mkdir()
    shortest = min(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)
    shutil.copy(shortest, raw / shortest.name)
    command = [
        *(sys.executable, "-m", "geodiscourse.cli", "serve", "--interval", "5"),
        *("--raw", str(raw), "--out", str(out), "--workers", "1", "--batch-size", "2", "--no-cache"),
        *("--licence", LICENCE),
    ]
    with log.open("wb") as sink:
        serve = subprocess.Popen(
            command,
            cwd=tmp_path,
            env=serve_env(tmp_path / "prefect-home"),
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server_pid: int | None = None
    try:
        deadline = time.monotonic() + 240
        while len(releases(out)) < 2:
            if serve.poll() is not None or time.monotonic() > deadline:
                server_log = out / ".prefect" / "server.log"
                server = server_log.read_text(errors="replace")[-3000:] if server_log.is_file() else ""
                serve_text = log.read_text(errors="replace")[-3000:]
                pytest.fail(f"fewer than two scheduled releases:\n{serve_text}\nserver log:\n{server}")
            time.sleep(1)
        text = log.read_text(errors="replace")
        match = SERVER_PID.search(text)
        assert match, text[-3000:]
        server_pid = int(match.group(1))
        assert psutil.Process(server_pid).ppid() == serve.pid, "a server started and owned by serve"
        assert using_home(out / ".prefect"), "its PREFECT_HOME defaults to OUT/.prefect"

        serve.send_signal(signal.SIGINT)
        sent = time.monotonic()
        try:
            serve.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pytest.fail(f"serve still running 30 s after SIGINT:\n{log.read_text(errors='replace')[-3000:]}")
        assert (
            not psutil.pid_exists(server_pid) or psutil.Process(server_pid).status() == psutil.STATUS_ZOMBIE
        )
        assert using_home(out / ".prefect") == [], "no process of the managed server is left"
        print(f"{len(releases(out))} releases; serve stopped {time.monotonic() - sent:.1f} s after SIGINT")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(serve.pid, signal.SIGKILL)
        serve.wait()
        if server_pid is not None:
            with contextlib.suppress(psutil.NoSuchProcess):
                psutil.Process(server_pid).kill()

    for release in releases(out)[:2]:  # every option given to serve reached the runs
        manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["licences"] == {str(raw): LICENCE}
        assert manifest["run"]["batch_size"] == 2
        assert (manifest["run"]["parsed"], manifest["run"]["cached"]) == (1, 0), "--no-cache"
