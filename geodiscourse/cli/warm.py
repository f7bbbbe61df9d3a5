"""The warm worker: a small run in about the time its own parsing takes.

Before its first article, a cold ``geodiscourse run`` imports Prefect, polars, pandera
and spaCy (about 3 s on the reference machine), loads the model (about 1 s) and reads
its rule data; for three articles that is most of the run. ``geodiscourse server start``
therefore also starts this worker, which does all of that once and waits on a Unix
socket in the server's home. ``run`` hands it a run when it can:

- the worker runs the same code (the package fingerprint of the extraction cache), the
  same Python and the same model, and the caller's Prefect and geodiscourse settings
  (``PREFECT_*``, ``GEODISCOURSE_*``) are those it started with;
- the run needs no worker pool (it fits in one batch, or ``--workers 1``), no Dask
  cluster, and is not ``--verbose`` (Prefect's log level is fixed at its import).

Each run is a fork of the worker, made after the imports and the model load, so it
starts warm and shares the model's memory; it runs the very code of a cold run (the
``run`` command's body) in the caller's folder and environment, writing to the caller's
own stdout and stderr. A Ctrl-C or SIGTERM of the caller, or its death, interrupts the
fork as it would a cold run (work folder removed, nothing published). Anything else
(no worker, another code version) makes ``run`` run cold, as before, with one line
saying why when the worker was up but refused.

The protocol, one connection per run: the caller sends its stdout and stderr (as file
descriptors, so the run writes to its terminal or pipes) and one JSON line (the
request); the worker answers one JSON line (accepted or the reason not), then, when the
run is over, one with the exit code. The caller may send ``interrupt`` lines meanwhile.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import select
import signal
import socket
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import psutil

#: Where the worker started by ``geodiscourse server start`` records its pid and socket.
WORKER_STATE_FILE = "geodiscourse-worker.json"
SOCKET_NAME = "geodiscourse-worker.sock"
READY_TIMEOUT_S = 120.0
_SETTINGS_PREFIXES = ("PREFECT_", "GEODISCOURSE_")
#: Settings that differ between the caller and the worker by design: the worker names the
#: local server in PREFECT_API_URL, which the caller leaves unset to reuse it.
_UNCOMPARED = frozenset({"PREFECT_API_URL"})


def settings_of(env: Mapping[str, str]) -> dict[str, str]:
    """The environment variables that change what a run does or where it reports."""
    return {k: v for k, v in env.items() if k.startswith(_SETTINGS_PREFIXES) and k not in _UNCOMPARED}


def identity() -> dict[str, str]:
    """What must be equal for the worker's output to be a cold run's: code, model, Python."""
    from geodiscourse.core.fingerprint import package_fingerprint
    from geodiscourse.nlp.model import model_fingerprint

    return {
        "code": package_fingerprint(),
        "model": model_fingerprint(),
        "python": sys.executable,
    }


def refusal(
    request: Mapping[str, Any], own_identity: Mapping[str, str], own_settings: Mapping[str, str]
) -> str | None:
    """Why the worker cannot run ``request`` as a cold run would, or None if it can."""
    theirs = request.get("identity", {})
    for key, what in (("code", "other code"), ("model", "another model"), ("python", "another Python")):
        if theirs.get(key) != own_identity[key]:
            return f"the warm worker runs {what} (restart it: geodiscourse server stop; geodiscourse server start)"
    settings = settings_of(request.get("env", {}))
    if settings != dict(own_settings):
        names = sorted(
            k for k in settings.keys() | own_settings.keys() if settings.get(k) != own_settings.get(k)
        )
        return f"the warm worker started with other settings ({', '.join(names)})"
    return None


# --- the caller's side -------------------------------------------------------------


def worker_state(home: Path) -> dict[str, Any] | None:
    """The worker recorded in ``home``, if its process lives."""
    try:
        state = json.loads((home / WORKER_STATE_FILE).read_text(encoding="utf-8"))
        pid, path = int(state["pid"]), str(state["socket"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not psutil.pid_exists(pid) or not Path(path).exists():
        return None
    return {**state, "pid": pid, "socket": path}


def run_warm(
    home: Path, params: Mapping[str, Any], *, say: Callable[[str], None], quiet: bool = False
) -> int | None:
    """Hand the run ``params`` (the ``run`` command's arguments) to the warm worker of
    ``home``, which writes to this process's stdout and stderr: the run's exit code, or
    None when there is no worker or it refused (``say`` tells why, and that it took the
    run unless ``quiet``), and the caller runs cold."""
    state = worker_state(home)
    if state is None:
        return None
    try:
        streams = [sys.stdout.fileno(), sys.stderr.fileno()]
    except (AttributeError, OSError, ValueError):  # not real files (a test's captured output)
        return None
    request = {"params": dict(params), "cwd": os.getcwd(), "env": dict(os.environ), "identity": identity()}
    sys.stdout.flush()
    sys.stderr.flush()
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with conn:
        try:
            conn.connect(state["socket"])
            socket.send_fds(conn, [b"F"], streams)  # the run writes where this process writes
            conn.sendall(json.dumps(request).encode() + b"\n")
        except OSError:
            return None
        reader = conn.makefile("rb", buffering=0)
        answer = _read_line(reader)
        if answer is None:
            return None
        reply = json.loads(answer)
        if not reply.get("accepted"):
            say(f"{reply.get('reason', 'the warm worker refused the run')}; running here instead")
            return None
        if not quiet:
            say(f"warm worker: pid {state['pid']} runs it")
        return _wait_for_exit(conn, reader)


def _read_line(reader: Any) -> bytes | None:
    line = b""
    while not line.endswith(b"\n"):
        byte = reader.read(1)
        if not byte:
            return None
        line += byte
    return line


def _wait_for_exit(conn: socket.socket, reader: Any) -> int:
    """The run's exit code, when it comes; a SIGINT or SIGTERM here meanwhile is passed on
    as an ``interrupt`` line (the run then stops, cleans up and says so)."""

    def forward(signum: int, frame: object) -> None:
        with contextlib.suppress(OSError):
            conn.sendall(b"interrupt\n")

    previous = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        line = _read_line(reader)
        return 1 if line is None else int(json.loads(line)["exit"])  # none: the worker died
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# --- the worker's side -------------------------------------------------------------


_SAMPLE = """Talks in Moscow

By a correspondent

Russia and China signed a trade agreement in Moscow on Monday, officials said. The
foreign minister said the West should lift its sanctions — and warned that Nato
troops “must not” move east.
"""  # typographic quotes and dashes: cleaning builds its table of invisible characters


def _warm_up() -> Callable[[Mapping[str, Any]], int]:
    """Import everything a run imports, load the model and the rule data; the function
    that then runs one ``run`` command in this process."""
    import datetime
    import tempfile

    # what Prefect and pandera import on a process's first flow run and validation
    import fastapi.encoders  # noqa: F401  (Prefect serialises flow parameters with it)
    from pandera.backends.polars.register import register_polars_backends

    from geodiscourse.cli import pipeline
    from geodiscourse.extract.document import extract_document, load_extraction_rules
    from geodiscourse.flows import release  # noqa: F401  (Prefect and the flow)
    from geodiscourse.ingest.files import read_raw_folder
    from geodiscourse.nlp.pipeline import load_pipeline
    from geodiscourse.release import publish  # noqa: F401  (pandera and the writers)
    from geodiscourse.run.batches import prepare

    register_polars_backends()
    nlp = load_pipeline()
    load_extraction_rules()
    with tempfile.TemporaryDirectory(prefix="geodiscourse-warm-up-") as folder:
        Path(folder, "sample.txt").write_text(_SAMPLE, encoding="utf-8")
        for article in read_raw_folder(Path(folder)).articles:  # cleaning's rules and models
            cleaned, _ = prepare(article)
            if cleaned is not None:
                extract_document("warm-up", nlp(cleaned.clean_text), datetime.date(2020, 1, 1))
    return pipeline.run_here


def _child(request: Mapping[str, Any], streams: list[int], run: Callable[[Mapping[str, Any]], int]) -> int:
    """The forked run, in the caller's folder and environment, writing to the caller's
    stdout and stderr: the exit code. The fork then exits as Python does, so that Prefect sends the run's
    last task states and logs to the server (it does so at interpreter exit)."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD):
        signal.signal(sig, signal.SIG_DFL)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(streams[0], 1)  # the caller's own stdout and stderr: its terminal or pipes
    os.dup2(streams[1], 2)
    for fd in (devnull, *streams):
        os.close(fd)
    try:
        os.chdir(request["cwd"])
        os.environ.clear()  # the run names the local server again, as the caller would
        os.environ.update(request["env"])
        return run(request["params"])
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
        return 1


def _accept_run(
    conn: socket.socket, own_identity: Mapping[str, str], own_settings: Mapping[str, str]
) -> tuple[dict[str, Any], list[int], int]:
    """One caller, in a fork of the worker: check the request, fork the run, pass on
    interrupts until the run reports its exit code, exit. Returns only in the run's own
    fork: the request, the caller's stdout and stderr, and the pipe on which to report."""
    try:
        _, streams, _, _ = socket.recv_fds(conn, 1, 2)
        reader = conn.makefile("rb", buffering=0)
        line = _read_line(reader)
        request: dict[str, Any] | None = json.loads(line) if line else None
        reason = "an empty request" if request is None else refusal(request, own_identity, own_settings)
        if len(streams) != 2:
            reason = "a request without the caller's stdout and stderr"
        if request is None or reason is not None:
            conn.sendall(json.dumps({"accepted": False, "reason": reason}).encode() + b"\n")
            os._exit(0)
        conn.sendall(b'{"accepted": true}\n')
        done_r, done_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(done_r)
            return request, streams, done_w
        os.close(done_w)
        for fd in streams:
            os.close(fd)
        status = _wait_passing_interrupts(conn, pid, done_r)
        if status is not None:  # the run died before reporting: its status is the answer
            conn.sendall(_trailer(os.waitstatus_to_exitcode(status)))
        os._exit(0)
    except BaseException:  # the caller has gone, or sent nonsense: this fork ends here
        os._exit(1)


def _trailer(code: int) -> bytes:
    return json.dumps({"exit": code}).encode() + b"\n"


def report_exit(code: int, conn: socket.socket, done_w: int) -> None:
    """In the run's fork, once the run is over: the exit code to the caller (who may go)
    and to the fork that waits for it; what the fork prints from now on goes nowhere. The
    fork then exits as Python does, sending Prefect's last task states and logs to the
    server without the caller waiting for them."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):
            stream.flush()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    with contextlib.suppress(OSError):
        conn.sendall(_trailer(code))
    conn.close()
    os.write(done_w, b"x")
    os.close(done_w)


def _wait_passing_interrupts(conn: socket.socket, pid: int, done_r: int) -> int | None:
    """Wait for the run to report (None) or to die without reporting (its wait status);
    meanwhile an ``interrupt`` from the caller is a SIGINT to it, the caller's hanging up
    a SIGTERM (nobody will read its output)."""
    signalled = False
    while True:
        readable, _, _ = select.select([conn.fileno(), done_r], [], [], 0.1)
        if done_r in readable:  # a byte: it reported; end of file: it is gone
            reported = os.read(done_r, 1) == b"x"
            _, status = os.waitpid(pid, 0)  # a run that reported only finishes Prefect's sending
            return None if reported else status
        if conn.fileno() in readable and not signalled:
            data = conn.recv(256)
            os.kill(pid, signal.SIGINT if data else signal.SIGTERM)
            signalled = True


def serve(home: Path) -> int:
    """Warm up, listen on ``home``'s socket and serve runs until SIGTERM: 0. In the fork
    that runs a request, the run's exit code (that fork's ``serve`` returns at once)."""
    from geodiscourse.cli.common import prefect_defaults

    prefect_defaults(quiet=True)
    run = _warm_up()
    # every run is a fork: objects that exist now are kept out of the collector's walks,
    # which would otherwise write to (and so copy) every page of the model and the rules
    gc.freeze()
    own_identity, own_settings = identity(), settings_of(os.environ)
    path = home / SOCKET_NAME
    path.unlink(missing_ok=True)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    os.chmod(path, 0o600)  # the caller's runs, in the caller's name: no one else's
    listener.listen(8)
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    daemon = os.getpid()
    state = {"pid": daemon, "socket": str(path), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    (home / WORKER_STATE_FILE).write_text(json.dumps({**state, **own_identity}) + "\n", encoding="utf-8")
    try:
        while not stopping:
            _reap()
            readable, _, _ = select.select([listener], [], [], 0.5)
            if not readable:
                continue
            conn, _ = listener.accept()
            if os.fork() == 0:
                listener.close()
                request, streams, done_w = _accept_run(conn, own_identity, own_settings)
                code = _child(request, streams, run)
                report_exit(code, conn, done_w)
                return code
            conn.close()
    finally:
        if os.getpid() == daemon:  # not in a run's fork: the worker itself stops
            listener.close()
            path.unlink(missing_ok=True)
            recorded = worker_state(home)
            if recorded is None or recorded["pid"] == daemon:
                (home / WORKER_STATE_FILE).unlink(missing_ok=True)
    return 0


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def start_worker(home: Path, api_url: str) -> tuple[dict[str, Any], bool]:
    """The warm worker of ``home``, started (reporting to ``api_url``) if none runs or the
    one running has other code; True if started now. It outlives this process."""
    import subprocess

    running = worker_state(home)
    if running is not None and all(running.get(k) == v for k, v in identity().items()):
        return running, False
    stop_worker(home)
    log = home / "worker.log"
    env = {**os.environ, "PREFECT_API_URL": api_url}
    with open(log, "ab") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "geodiscourse.cli.warm", str(home)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a Ctrl-C in the caller's terminal is not for it
        )
    deadline = time.monotonic() + READY_TIMEOUT_S
    while True:
        state = worker_state(home)
        if state is not None and state["pid"] == process.pid:
            return state, True
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            tail = log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"the warm worker did not start (see {log}):\n{tail}")
        time.sleep(0.2)


def stop_worker(home: Path) -> dict[str, Any] | None:
    """Stop the warm worker of ``home``; the one stopped, or None if none ran."""
    state = worker_state(home)
    (home / WORKER_STATE_FILE).unlink(missing_ok=True)
    if state is None:
        return None
    from geodiscourse.flows.interrupt import stop_tree

    stop_tree(state["pid"])
    Path(state["socket"]).unlink(missing_ok=True)
    return state


if __name__ == "__main__":
    sys.exit(serve(Path(sys.argv[1])))
