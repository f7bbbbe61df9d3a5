"""The releases lock when someone deletes ``releases/.lock``: never two holders of one file, no lost work.

A lock held on a file that is no longer at the path locks nothing: a later run creates
a new ``.lock`` and locks that. So a run that waited on the old file must lock the one now
at the path, and a run that got in through a new file must leave alone the staging
folder of a run still publishing (each run holds a lock on its own staging folder) and
take the next free release id.
"""

from __future__ import annotations

import datetime
import logging
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import geodiscourse.release.publish as publish_module
from geodiscourse.release.lock import LOCK_FILENAME, LockTimeoutError, release_lock, try_lock, unlock
from geodiscourse.release.publish import (
    STAGING_PREFIX,
    PublishedRelease,
    publish_release,
    remove_stale_staging,
)
from geodiscourse.release.read import LATEST_FILENAME, list_releases, load, releases_dir
from tests.release.release_tables import INPUTS, make_tables

DAY = datetime.date(2026, 11, 22)


def test_a_waiter_on_a_deleted_lock_file_locks_the_file_now_at_the_path(tmp_path: Path) -> None:
    inside, leave = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def waiter() -> None:
        try:
            with release_lock(tmp_path, timeout=10, poll_interval=0.01):
                inside.set()
                leave.wait(10)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    thread = threading.Thread(target=waiter)
    with release_lock(tmp_path):
        thread.start()
        time.sleep(0.3)  # the waiter has opened .lock and polls it
        (tmp_path / LOCK_FILENAME).unlink()
    try:
        assert inside.wait(10), failures
        with pytest.raises(LockTimeoutError), release_lock(tmp_path, timeout=0):
            pass  # pragma: no cover - the bug: two holders at once
    finally:
        leave.set()
        thread.join()
    assert not failures


def test_a_run_let_in_by_a_deleted_lock_leaves_the_first_runs_staging_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    writing, go_on = threading.Event(), threading.Event()
    real_write_checksums = publish_module.write_checksums

    def paused(staging: Path) -> Any:
        if threading.current_thread().name == "first":
            writing.set()
            go_on.wait(30)
        return real_write_checksums(staging)

    monkeypatch.setattr(publish_module, "write_checksums", paused)
    results: dict[str, PublishedRelease] = {}
    failures: list[BaseException] = []

    def first() -> None:
        try:
            results["first"] = publish_release(
                make_tables(), tmp_path, release_id=None, inputs=INPUTS, today=DAY
            )
        except BaseException as exc:
            failures.append(exc)

    thread = threading.Thread(target=first, name="first")
    caplog.set_level(logging.WARNING)
    thread.start()
    try:
        assert writing.wait(60), failures
        (releases_dir(tmp_path) / LOCK_FILENAME).unlink()
        second = publish_release(make_tables(), tmp_path, release_id=None, inputs=INPUTS, today=DAY)
    finally:
        go_on.set()
        thread.join()
    assert not failures, failures
    assert sorted([results["first"].release_id, second.release_id]) == ["2026-11-22", "2026-11-22.2"]
    infos = list_releases(tmp_path)
    assert [i.release_id for i in infos] == ["2026-11-22", "2026-11-22.2"]
    assert all(i.verified for i in infos), [i.problems for i in infos]
    assert not [p for p in releases_dir(tmp_path).iterdir() if p.name.startswith(STAGING_PREFIX)]
    latest = (releases_dir(tmp_path) / LATEST_FILENAME).read_text(encoding="utf-8").strip()
    assert latest in {i.release_id for i in infos} and set(load(root=tmp_path))
    assert "deleted or replaced" in caplog.text


def test_cleanup_removes_a_dead_runs_staging_but_not_a_live_ones(tmp_path: Path) -> None:
    folder = releases_dir(tmp_path)
    dead, live = (
        folder / f"{STAGING_PREFIX}2026-11-22-aaaaaaaaaaaa",
        folder / f"{STAGING_PREFIX}2026-11-22.2-bbbbbbbbbbbb",
    )
    for staging in (dead, live):
        staging.mkdir(parents=True)
        (staging / "documents.parquet").write_bytes(b"half a file")
    fd = try_lock(live)
    assert fd is not None
    try:
        assert remove_stale_staging(folder) == [dead]
        assert live.is_dir() and not dead.exists()
        assert publish_module.next_release_id(folder, DAY) == "2026-11-22.3"
    finally:
        unlock(fd)
    assert remove_stale_staging(folder) == [live]
