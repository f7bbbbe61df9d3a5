"""An exclusive lock on a releases folder, so two runs cannot publish into it at once.

An advisory ``fcntl.flock`` on ``releases/.lock`` is released by the kernel when its
holder exits or is killed, so a crashed run never leaves a stale lock behind (unlike a
lock *file* whose mere existence means "locked"). The file itself is never deleted:
deleting it would let two processes lock two different files of the same name. A
waiter therefore checks, once it has the lock, that its file is still the one at the
path (else it locks the new one), and each publish also locks its own staging folder
(``try_lock``), so a run let in by a deleted ``.lock`` never removes another's work.
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


def _is_at(fd: int, path: Path) -> bool:
    """Whether the open file ``fd`` is still the one at ``path`` (not deleted, not replaced)."""
    try:
        at_path = os.stat(path)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (mine.st_ino, mine.st_dev) == (at_path.st_ino, at_path.st_dev)


def try_lock(path: Path) -> int | None:
    """An fd holding an exclusive flock on ``path`` (a file or folder), or None when another holds it.

    None too when ``path`` is gone, or was replaced between opening and locking it: a lock
    on what is no longer at the path protects nothing. Release it with ``unlock``.
    """
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    if not _is_at(fd, path):
        os.close(fd)
        return None
    return fd


def unlock(fd: int) -> None:
    """Release a lock taken by ``try_lock`` (closing the fd releases the flock)."""
    os.close(fd)


def _lock_file(path: Path, folder: Path, timeout: float, poll_interval: float) -> int:
    """Open and flock the file at ``path``, again and again until the locked file is the one there.

    Someone may delete ``.lock`` while we wait on it: the file we then lock is no longer
    the one a newcomer creates and locks, so we retry on the file now at the path.
    """
    deadline = time.monotonic() + timeout
    waited = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
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
        except BaseException:
            os.close(fd)
            raise
        if _is_at(fd, path):
            return fd
        os.close(fd)  # deleted or replaced while we waited: lock the file there now


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
    fd = _lock_file(path, folder, timeout, poll_interval)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        try:
            yield path
        finally:
            if not _is_at(fd, path):
                logger.warning(
                    "%s was deleted or replaced while this run held it: another run may have published "
                    "into %s at the same time (each kept its own staging folder and release id)",
                    path,
                    folder,
                )
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


__all__ = ["DEFAULT_TIMEOUT_S", "LOCK_FILENAME", "LockTimeoutError", "release_lock", "try_lock", "unlock"]
