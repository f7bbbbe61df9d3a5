"""Ctrl-C or SIGTERM stops `geodiscourse run --workers 2` within seconds, leaving nothing.

A real run in a child process (its own session and PREFECT_HOME, no PREFECT_API_URL, so
it starts Prefect's temporary server for its worker pool, as a user's run does) on a
corpus big enough to be still parsing when the signal comes. The signal goes to the
whole process group (a terminal's Ctrl-C) or to the main process only (``kill PID``).
The run must exit within 15 s with 128 + the signal number and one message, every
process it started must be gone, and no release and no OUT/.work/run-* folder may be
left. Before the fix a group SIGINT ran on for minutes (Prefect retrying its dead
server) and a SIGTERM to the main process left the server running.
"""

from __future__ import annotations

import contextlib
import os
import pty
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from tests.paths import REPO

pytestmark = pytest.mark.slow
ARTICLES = REPO / "tests" / "second_dev_set" / "articles"
COPIES = 40  # 5 articles x 40 = 200 documents: minutes of parsing on 2 workers
EXIT_WITHIN_S = 15.0


def write_corpus(raw: Path) -> int:
    """Copies of the BBC articles, each with its own last line, so none is a duplicate."""
    raw.mkdir()
    sources = sorted(ARTICLES.rglob("*.txt"))
    for copy in range(COPIES):
        for source in sources:
            text = source.read_text(encoding="utf-8")
            (raw / f"{copy:03d}-{source.name}").write_text(f"{text}\nCopy {copy}.\n", encoding="utf-8")
    return COPIES * len(sources)


def child_env(prefect_home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(
        PREFECT_HOME=str(prefect_home),
        PREFECT_LOCAL_STORAGE_PATH=str(prefect_home / "storage"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
        COLUMNS="1000",
    )
    return env


@pytest.fixture(scope="module")
def prefect_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One for all cases: its database is made (migrated) once, not once per case."""
    return tmp_path_factory.mktemp("prefect-home")


def wait_for_batches(child: subprocess.Popen[bytes], out: Path, log: Path) -> None:
    """Until the pool has written a batch's Parquet part: workers and server are up."""
    deadline = time.monotonic() + 240
    while not list((out / ".work").glob("run-*/documents/part-*.parquet")):
        if child.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"the run never got to its batches:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.1)


def start(
    command: list[str], cwd: Path, env: dict[str, str], log: Path, terminal: bool
) -> subprocess.Popen[bytes]:
    """The run in a new session, its output in ``log``; on a pseudo-terminal when
    ``terminal`` (so it shows its progress bar, as for a person), copied by a thread."""
    if not terminal:
        with log.open("wb") as sink:
            return subprocess.Popen(
                command, cwd=cwd, env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
            )
    master, slave = pty.openpty()
    child = subprocess.Popen(
        command,
        cwd=cwd,
        env={**env, "TERM": "xterm"},
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
    )
    os.close(slave)

    def copy() -> None:
        with log.open("wb") as sink, contextlib.suppress(OSError):
            while chunk := os.read(master, 65536):
                sink.write(chunk)
                sink.flush()
        os.close(master)

    threading.Thread(target=copy, daemon=True).start()
    return child


@pytest.mark.parametrize(
    ("signum", "to_group", "terminal"),
    [
        pytest.param(signal.SIGINT, True, True, id="ctrl-c-in-a-terminal-with-a-progress-bar"),
        pytest.param(signal.SIGTERM, True, False, id="sigterm-to-the-group"),
        pytest.param(signal.SIGTERM, False, False, id="sigterm-to-the-main-process"),
    ],
)
def test_a_signal_stops_a_two_worker_run_promptly_with_nothing_left(
    tmp_path: Path, prefect_home: Path, signum: signal.Signals, to_group: bool, terminal: bool
) -> None:
    raw, out, log = tmp_path / "raw", tmp_path / "out", tmp_path / "run.log"
    write_corpus(raw)
    command = [
        *(sys.executable, "-m", "geodiscourse.cli", "run", "--raw", str(raw), "--out", str(out)),
        *("--workers", "2", "--batch-size", "4", "--no-cache"),
    ]
    begun = time.monotonic()
    child = start(command, tmp_path, child_env(prefect_home), log, terminal)
    started: list[psutil.Process] = []
    try:
        wait_for_batches(child, out, log)
        print(f"batches after {time.monotonic() - begun:.1f} s", end="; ")
        started = psutil.Process(child.pid).children(recursive=True)
        assert len(started) >= 3, "two workers and Prefect's temporary server"
        sent = time.monotonic()
        if to_group:
            os.killpg(child.pid, signum)
        else:
            os.kill(child.pid, signum)
        try:
            code = child.wait(timeout=EXIT_WITHIN_S)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running {EXIT_WITHIN_S:.0f} s after {signum.name}")
        took = time.monotonic() - sent
        time.sleep(0.5)  # the copying thread's last read
        text = log.read_text(errors="replace")
        assert code == 128 + signum, text[-3000:]
        assert f"interrupted by {signum.name}" in text
        survivors = [p for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        assert survivors == [], f"left running: {[p.cmdline()[:4] for p in survivors]}"
        assert not list((out / ".work").glob("run-*")), "the work folder was removed"
        releases = out / "releases"
        assert not releases.exists() or not [p for p in releases.iterdir() if p.name != ".lock"]
        print(f"{signum.name} ({'group' if to_group else 'main'}): exited in {took:.1f} s")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        for process in started:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.kill()
