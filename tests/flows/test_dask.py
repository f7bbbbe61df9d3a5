"""The same flow's batches on a Dask cluster give the same tables as a local run."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from geodiscourse.schemas import TABLES
from tests.paths import SEEDS

pytestmark = pytest.mark.slow


def test_flow_on_a_local_dask_cluster_matches_the_local_run(
    seed_release: dict[str, Any], tmp_path: Path
) -> None:
    from distributed import LocalCluster

    from geodiscourse.flows.release import run_release

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = run_release(
            SEEDS,
            tmp_path,
            release_id="2026-01-01",
            dask_address=cluster.scheduler_address,
            batch_size=1,
            use_cache=False,
        )
    assert summary["parsed"] == 3
    for table in TABLES:
        local = Path(seed_release["path"]) / f"{table}.parquet"
        remote = Path(summary["path"]) / f"{table}.parquet"
        assert hashlib.sha256(local.read_bytes()).digest() == hashlib.sha256(remote.read_bytes()).digest(), (
            table
        )


def test_process_pool_with_two_workers_matches_the_local_run(
    seed_release: dict[str, Any], tmp_path: Path
) -> None:
    from geodiscourse.flows.release import run_release

    summary = run_release(SEEDS, tmp_path, release_id="2026-01-01", workers=2, batch_size=1, use_cache=False)
    for table in TABLES:
        local = Path(seed_release["path"]) / f"{table}.parquet"
        pooled = Path(summary["path"]) / f"{table}.parquet"
        assert local.read_bytes() == pooled.read_bytes(), table
