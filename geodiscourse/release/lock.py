"""An exclusive lock on a releases folder, so two runs cannot publish into it at once.

An advisory ``fcntl.flock`` on ``releases/.lock`` is released by the kernel when its
holder exits or is killed, so a crashed run never leaves a stale lock behind (unlike a
lock *file* whose mere existence means "locked"). The file itself is never deleted:
deleting it would let two processes lock two different files of the same name.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

logger = logging.getLogger(__name__)

LOCK_FILENAME = ".lock"
DEFAULT_TIMEOUT_S = 300.0


class LockTimeoutError(RuntimeError):
    """Another process held the releases lock for longer than we were willing to wait."""


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="utf-8").strip()
    except OSError:
        return "another process"
    return f"process {pid}" if pid else "another process"


@contextmanager
def release_lock(
    folder: Path, *, timeout: float = DEFAULT_TIMEOUT_S, poll_interval: float = 0.1
) -> Iterator[Path]:
    """Hold the exclusive lock of ``folder`` (created if missing) for the with-block.

    Waits up to ``timeout`` seconds (0: do not wait) for another holder, then raises
    LockTimeoutError naming it. Yields the lock file's path.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_FILENAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        waited = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeoutError(
                        f"{folder} is locked by {_holder(path)}, which is publishing a release there; "
                        f"waited {timeout:g} s. Wait for it to finish, or use another output folder"
                    ) from None
                if not waited:
                    logger.info("waiting for %s to release the lock on %s", _holder(path), folder)
                    waited = True
                time.sleep(poll_interval)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


__all__ = ["DEFAULT_TIMEOUT_S", "LOCK_FILENAME", "LockTimeoutError", "release_lock"]
