"""Ending a run on SIGINT or SIGTERM within seconds, with nothing left behind.

Left to itself, a run with a worker pool does not stop: a Ctrl-C reaches the whole
process group, kills Prefect's temporary server, and Prefect keeps retrying it while the
workers go on parsing; a SIGTERM to the main process alone leaves that server running.
``stop_on_signals`` replaces all of that with one handler: it stops every process the
run started (and theirs), removes the run's OUT/.work/run-* folder and exits with
128 + the signal number, skipping Prefect's shutdown, which would wait on a server or
pool that is gone. Publishing is atomic (a staging folder renamed into place, LATEST
replaced last), so an exit at any point leaves the releases as they were.

Nothing here imports Prefect.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import psutil

from geodiscourse.run import workspace

STOP_TIMEOUT_S = 10.0
SIGNAL_STOP_TIMEOUT_S = 2.0  # workers busy in spaCy are killed rather than waited for
SIGNALS = (signal.SIGINT, signal.SIGTERM)
_Handler = Callable[[int, FrameType | None], None]
_active_handler: _Handler | None = None

# The work folders of flows running in this process: a signal ends the process before
# the flow's ``finally`` can remove its own.
_WORK_DIRS: set[Path] = set()


def new_work_dir(out_root: Path) -> Path:
    """A fresh OUT/.work/run-* folder (``make_work_dir``), also removed on a signal."""
    path = workspace.make_work_dir(out_root)
    _WORK_DIRS.add(path)
    return path


def remove_work_dir(path: Path) -> None:
    workspace.remove_work_dir(path)
    _WORK_DIRS.discard(path)


def _stop(processes: list[psutil.Process], timeout: float) -> None:
    """SIGTERM, then SIGKILL whatever is still there after ``timeout``; reaps them."""
    for process in processes:
        try:
            process.terminate()
        except psutil.NoSuchProcess:
            continue
    _, alive = psutil.wait_procs(processes, timeout=timeout)
    for process in alive:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            continue
    psutil.wait_procs(alive, timeout=timeout)


def stop_tree(pid: int, timeout: float = STOP_TIMEOUT_S) -> None:
    """Stop a process and every process under it (listed first: once the parent is gone,
    its children are re-parented and can no longer be found from it)."""
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return
    _stop(processes, timeout)


def stop_children(timeout: float = STOP_TIMEOUT_S, keep: int | None = None) -> None:
    """Stop every process this one started, and theirs: worker pools, Prefect's temporary
    or managed server, flow-run processes of a served deployment; all but ``keep`` and
    the processes under it."""
    children = psutil.Process().children(recursive=True)
    if keep is not None:
        with contextlib.suppress(psutil.NoSuchProcess):
            kept = psutil.Process(keep)
            spared = {keep, *(p.pid for p in kept.children(recursive=True))}
            children = [p for p in children if p.pid not in spared]
    _stop(children, timeout)


@contextmanager
def stop_on_signals(on_signal: Callable[[int], None]) -> Iterator[None]:
    """On SIGINT or SIGTERM: stop all child processes, remove this process's work
    folders, call ``on_signal(signum)`` (a one-line message) and exit with 128 + signum."""

    global _active_handler

    def handler(signum: int, frame: FrameType | None) -> None:
        for each in SIGNALS:  # a second Ctrl-C must not interrupt the cleanup
            signal.signal(each, signal.SIG_IGN)
        try:
            stop_children(timeout=SIGNAL_STOP_TIMEOUT_S)
            for path in list(_WORK_DIRS):
                remove_work_dir(path)
            on_signal(signum)  # last: a progress bar redraws itself until the exit
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(128 + signum)

    if threading.current_thread() is not threading.main_thread():
        yield  # signals can only be handled there
        return
    # A signal ignored when the run started (SIGINT in a script's background job) stays so.
    handled = [each for each in SIGNALS if signal.getsignal(each) is not signal.SIG_IGN]
    previous = {each: signal.signal(each, handler) for each in handled}
    _active_handler = handler if signal.SIGTERM in handled else None
    try:
        yield
    finally:
        _active_handler = None
        for each, old in previous.items():
            signal.signal(each, old)


def reclaim_sigterm() -> None:
    """Put ``stop_on_signals``'s SIGTERM handler back, if one is active here.

    Prefect's flow engine swaps in its own SIGTERM handler for the length of a flow run;
    it raises an exception that makes the engine report a crash to the API first, and
    when the signal went to the whole group that API (Prefect's temporary server) is
    already dead and the report is retried for minutes. Called first thing in the flow."""
    if _active_handler is not None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _active_handler)


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Let SIGTERM unwind like Ctrl-C (``finally`` blocks run), for ``serve``, whose
    cleanup is ordinary code; Prefect's runner installs its own SIGTERM handler while it
    serves, which also unwinds."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    if signal.getsignal(signal.SIGTERM) is signal.SIG_IGN:
        yield
        return
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
