"""The Prefect server that ``geodiscourse serve`` reports to.

Scheduled runs need a real Prefect server: the temporary one Prefect starts on its own
runs no scheduler, so a served deployment there never runs. ``prefect_server`` uses the
server named by ``PREFECT_API_URL`` when one is set, and otherwise starts
``prefect server start`` as a child process with its own PREFECT_HOME (and so its own
SQLite database) on a free loopback port, and stops it when serving stops.

Nothing here imports Prefect: ``prefect_server`` must set ``PREFECT_API_URL`` before
Prefect reads its settings.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psutil


STARTUP_TIMEOUT_S = 180.0  # a fresh PREFECT_HOME migrates its database first
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class PrefectServer:
    """The server scheduled runs report to; ``pid`` is None when it is not ours."""

    api_url: str
    pid: int | None = None
    home: Path | None = None
    log: Path | None = None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _die_with_parent() -> Callable[[], None] | None:
    """A pre-exec hook that makes the kernel send SIGTERM to the server if ``serve`` is
    killed outright (SIGKILL, out of memory), so no server outlives it. Linux only; the
    libc call is looked up here, before the fork."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl

    def hook() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)

    return hook


def server_env(home: Path) -> dict[str, str]:
    """The environment of a managed server: its own home and SQLite database there,
    whatever database or API the caller's environment names."""
    env = dict(os.environ)
    for key in ("PREFECT_API_URL", "PREFECT_API_DATABASE_CONNECTION_URL"):
        env.pop(key, None)
    env["PREFECT_HOME"] = str(home)
    env["PREFECT_SERVER_DATABASE_CONNECTION_URL"] = f"sqlite+aiosqlite:///{home / 'prefect.db'}"
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    return env


def healthy(api_url: str) -> bool:
    try:
        return httpx.get(f"{api_url}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _launch(home: Path, port: int, log: Path, *, detached: bool = False) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    with open(log, "ab") as sink:
        return subprocess.Popen(
            command,
            env=server_env(home),
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a Ctrl-C for serve must not stop it before serve has
            # paused its schedule; prctl looked up before fork. A detached server
            # (`geodiscourse server start`) outlives the command that started it.
            preexec_fn=None if detached else _die_with_parent(),
        )


def start_server(
    home: Path, timeout: float = STARTUP_TIMEOUT_S, attempts: int = 3, *, detached: bool = False
) -> tuple[PrefectServer, subprocess.Popen[bytes]]:
    """Start ``prefect server start`` on a free loopback port and wait for /api/health;
    on another port if the first was taken meanwhile (the server then exits at once)."""
    home.mkdir(parents=True, exist_ok=True)
    log = home / "server.log"
    deadline = time.monotonic() + timeout
    for attempt in range(1, attempts + 1):
        port = free_port()
        api_url = f"http://127.0.0.1:{port}/api"
        process = _launch(home, port, log, detached=detached)
        try:
            while not healthy(api_url):
                if process.poll() is not None and attempt < attempts:
                    break  # try the next port
                if process.poll() is not None or time.monotonic() > deadline:
                    tail = log.read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"the Prefect server did not start (see {log}):\n{tail}")
                time.sleep(0.5)
            else:
                return PrefectServer(api_url=api_url, pid=process.pid, home=home, log=log), process
        except BaseException:  # a Ctrl-C while waiting too: no server left behind
            from geodiscourse.flows.interrupt import stop_tree

            stop_tree(process.pid)
            process.wait()
            raise
    raise AssertionError("unreachable: the last attempt returns or raises")


@contextmanager
def prefect_server(home: Path) -> Iterator[PrefectServer]:
    """The server named by PREFECT_API_URL, else a local one started here and stopped on
    exit. Sets PREFECT_API_URL for this process and the flow runs it starts."""
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        if not healthy(configured):
            raise RuntimeError(
                f"the Prefect server in PREFECT_API_URL ({configured}) does not answer at /health: "
                "start it, or unset PREFECT_API_URL to have serve start one of its own"
            )
        yield PrefectServer(api_url=configured)
        return
    server, process = start_server(home)
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield server
    finally:
        from geodiscourse.flows.interrupt import stop_tree

        os.environ.pop("PREFECT_API_URL", None)
        stop_tree(process.pid)
        process.wait()  # reaped: no zombie


#: Where a local server started by ``geodiscourse server start`` records its URL and pid.
LOCAL_STATE_FILE = "geodiscourse-server.json"


def local_server_home() -> Path:
    """The PREFECT_HOME of the local server ``geodiscourse server start`` keeps running:
    GEODISCOURSE_SERVER_HOME, else geodiscourse/prefect-server in the user's cache folder."""
    configured = os.environ.get("GEODISCOURSE_SERVER_HOME")
    if configured:
        return Path(configured)
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "geodiscourse" / "prefect-server"


def _recorded(home: Path) -> PrefectServer | None:
    try:
        data = json.loads((home / LOCAL_STATE_FILE).read_text(encoding="utf-8"))
        return PrefectServer(
            api_url=str(data["api_url"]), pid=int(data["pid"]), home=home, log=home / "server.log"
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def running_local_server(home: Path) -> PrefectServer | None:
    """The local server recorded in ``home``, if its process lives and it answers."""
    server = _recorded(home)
    if (
        server is None
        or server.pid is None
        or not psutil.pid_exists(server.pid)
        or not healthy(server.api_url)
    ):
        return None
    return server


def start_local_server(home: Path) -> tuple[PrefectServer, bool]:
    """The local server of ``home``, started and recorded if none runs; True if started
    now. It outlives this process, so that later runs skip Prefect's temporary server
    (about 7 s of each small run): ``stop_local_server`` stops it."""
    existing = running_local_server(home)
    if existing is not None:
        return existing, False
    server, _ = start_server(home, detached=True)
    state = {"api_url": server.api_url, "pid": server.pid, "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    (home / LOCAL_STATE_FILE).write_text(json.dumps(state) + "\n", encoding="utf-8")
    return server, True


def stop_local_server(home: Path) -> PrefectServer | None:
    """Stop the local server recorded in ``home`` (whether or not it still answers) and
    forget it; the server stopped, or None if none was running."""
    server = _recorded(home)
    (home / LOCAL_STATE_FILE).unlink(missing_ok=True)
    if server is None or server.pid is None or not psutil.pid_exists(server.pid):
        return None
    from geodiscourse.flows.interrupt import stop_tree

    stop_tree(server.pid)  # terminates, then kills, and reaps
    return server


def reuse_local_server() -> PrefectServer | None:
    """Before Prefect is imported: with no PREFECT_API_URL set, point this process (and
    the flow runs it starts) at the running local server, if there is one."""
    if os.environ.get("PREFECT_API_URL"):
        return None
    server = running_local_server(local_server_home())
    if server is not None:
        os.environ["PREFECT_API_URL"] = server.api_url
    return server


def describe(server: PrefectServer) -> str:
    if server.pid is None:
        return f"Prefect server: {server.api_url} (from PREFECT_API_URL)"
    return (
        f"Prefect server started: {server.api_url} (pid {server.pid}, UI {server.api_url.removesuffix('/api')}, "
        f"PREFECT_HOME {server.home}, log {server.log}); it stops when serve stops"
    )


def serve_until_stopped(
    home: Path, name: str, parameters: dict[str, Any], schedule: dict[str, Any], say: Callable[[str], None]
) -> None:
    """Serve the scheduled release flow until Ctrl-C or SIGTERM, then stop the flow runs
    still going and, last, the server if it is ours. ``say`` prints (the CLI's console)."""
    from geodiscourse.flows.interrupt import sigterm_as_interrupt, stop_children

    with sigterm_as_interrupt(), prefect_server(home) as server:
        say(describe(server))
        try:
            from geodiscourse.flows.release import serve_release  # imports Prefect: API URL set

            serve_release(server.api_url, name=name, parameters=parameters, **schedule)
        finally:
            stop_children(timeout=5, keep=server.pid)
