"""Staging folders: where a release is written before it is renamed into place, and who owns them.

Each publish writes into ``releases/.staging-<id>-<random>/`` and holds a lock on that
folder (``lock.try_lock``) until the rename. Cleanup removes only staging folders no
live run holds, and a staging folder still there takes its release id: so even two
runs inside the releases lock at once (someone deleted ``.lock``) neither remove each
other's work nor publish the same id.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from datetime import date
from pathlib import Path

from geodiscourse.release.lock import try_lock, unlock
from geodiscourse.release.read import LATEST_FILENAME, is_release_id, parse_release_id

logger = logging.getLogger(__name__)

STAGING_PREFIX = ".staging-"


def staging_release_id(name: str) -> str | None:
    """The release id a staging folder ``.staging-<id>-<random>`` is being written for."""
    if not name.startswith(STAGING_PREFIX):
        return None
    rid = name.removeprefix(STAGING_PREFIX).rpartition("-")[0]
    return rid if is_release_id(rid) else None


def _held(staging: Path) -> bool:
    """Whether a live run holds this staging folder (is still writing its release)."""
    fd = try_lock(staging)
    if fd is None:
        return staging.is_dir()
    unlock(fd)
    return False


def ids_in_use(releases_dir: Path) -> set[str]:
    """Ids of the releases in place and of those a live run is writing (its staging folder)."""
    ids = set()
    for path in releases_dir.iterdir() if releases_dir.is_dir() else []:
        if is_release_id(path.name) and path.is_dir():
            ids.add(path.name)
        elif (rid := staging_release_id(path.name)) is not None and path.is_dir() and _held(path):
            ids.add(rid)
    return ids


def next_release_id(releases_dir: Path, day: date) -> str:
    """The id a new release made on ``day`` gets: the date, then date.2, date.3, ...

    An id a run is still publishing (its staging folder held, see ``claim_staging``)
    is taken too.
    """
    taken = [0]
    for rid in ids_in_use(releases_dir):
        rid_day, number = parse_release_id(rid)
        if rid_day == day:
            taken.append(number)
    number = max(taken) + 1
    return day.isoformat() if number == 1 else f"{day.isoformat()}.{number}"


def remove_stale_staging(folder: Path) -> list[Path]:
    """Delete staging directories and LATEST temp files left by killed runs.

    Call with the releases lock held. A staging folder is removed only when no live run
    holds its own lock on it (``claim_staging``): the releases lock alone is not proof,
    since a run let in by a deleted ``.lock`` file may be publishing beside us.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in sorted(folder.iterdir()):
        if path.name.startswith(STAGING_PREFIX) and path.is_dir():
            fd = try_lock(path)
            if fd is None:
                logger.warning("left %s in place: a run still publishing holds it", path)
                continue
            try:
                shutil.rmtree(path, ignore_errors=True)
            finally:
                unlock(fd)
        elif path.name.startswith(f".{LATEST_FILENAME}.") and path.is_file():
            path.unlink(missing_ok=True)
        else:
            continue
        logger.warning("removed %s, left behind by an interrupted run", path)
        removed.append(path)
    return removed


def claim_staging(folder: Path, rid: str) -> tuple[Path, int]:
    """Create this run's staging folder and lock it (``lock.try_lock``) until it is renamed.

    Another run's cleanup removes only staging folders nobody holds; should it catch the
    new folder before we lock it, we get another name.
    """
    while True:
        staging = folder / f"{STAGING_PREFIX}{rid}-{uuid.uuid4().hex[:12]}"
        staging.mkdir()
        fd = try_lock(staging)
        if fd is not None:
            return staging, fd


__all__ = [
    "STAGING_PREFIX",
    "claim_staging",
    "ids_in_use",
    "next_release_id",
    "remove_stale_staging",
    "staging_release_id",
]
