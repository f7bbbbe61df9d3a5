"""The same inputs publish the same bytes, however the run is cut up.

Actor attributes (``actors.name``, ``kind``, ``country``) are decided by every
document that names the actor, once all batches are in; so batch size, which articles
came from the cache, and how many worker processes ran must not change a single byte
of any table. The corpus is built so that a per-batch decision would show: two files
call John Harrow British and three American, and the BBC articles give the run
other actors to merge.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from geodiscourse.run.batches import build_tables
from tests.paths import REPO

pytestmark = pytest.mark.slow

BBC = REPO / "tests" / "second_dev_set" / "articles"
HARROW = (
    ("harrow-1.txt", "British", "London"),
    ("harrow-2.txt", "American", "New York"),
    ("harrow-3.txt", "American", "Boston"),
    ("harrow-4.txt", "British", "Leeds"),
    ("harrow-5.txt", "American", "Chicago"),
)


def write_corpus(raw: Path) -> list[str]:
    raw.mkdir(parents=True)
    for name, nationality, city in HARROW:
        (raw / name).write_text(
            f"Harrow deal agreed in {city}\n\n"
            f"{nationality} businessman John Harrow met the Russian foreign minister in {city} on "
            "Monday. Harrow said the talks had been useful and that Russia should lift its ban on "
            "imports from the European Union.\n",
            encoding="utf-8",
        )
    for path in sorted(BBC.rglob("*.txt")):
        shutil.copyfile(path, raw / f"bbc-{path.name}")
    return sorted(p.name for p in raw.iterdir())


def table_hashes(release: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(release.glob("*.parquet"))}


def test_harrow_country_is_the_majority_of_documents(tmp_path: Path) -> None:
    """Three documents say American, two British: USA, whatever the batches."""
    raw = tmp_path / "raw"
    write_corpus(raw)
    for size in (1, 2, 64):
        tables, _, _ = build_tables(raw, tmp_path / f"work-{size}", batch_size=size)
        harrow = tables["actors"].filter(pl.col("actor_id") == "john-harrow").to_dicts()
        assert harrow == [
            {"actor_id": "john-harrow", "name": "John Harrow", "kind": "person", "country": "USA"}
        ]


def test_batch_size_cache_and_workers_give_byte_identical_releases(tmp_path: Path, prefect_api: str) -> None:
    from geodiscourse.flows.release import run_release

    raw = tmp_path / "raw"
    names = write_corpus(raw)
    # A corpus whose first two files alone decide Harrow differently (British 1:1 tie
    # broken alphabetically, then 2:1 British with harrow-4): a per-batch or cached-part
    # decision would differ from the whole-release one.
    half = tmp_path / "half"
    half.mkdir()
    for name in names[: len(names) // 2] + ["harrow-1.txt", "harrow-4.txt"]:
        shutil.copyfile(raw / name, half / name)

    def run(out: Path, **options: Any) -> dict[str, str]:
        summary = run_release(raw, out, release_id="2026-01-01", **options)
        return table_hashes(Path(summary["path"]))

    cases: dict[str, Callable[[], dict[str, str]]] = {}
    cold_1 = run(tmp_path / "cold-1", workers=1, batch_size=1, use_cache=False)
    cases["cold, batch 64, 1 worker"] = lambda: run(
        tmp_path / "cold-64", workers=1, batch_size=64, use_cache=False
    )
    cases["cold, batch 1, 2 workers"] = lambda: run(
        tmp_path / "cold-1w2", workers=2, batch_size=1, use_cache=False
    )

    def warm() -> dict[str, str]:
        out = tmp_path / "warm"
        run(out, workers=1, batch_size=64)
        return run(out, workers=1, batch_size=64)

    def half_warm() -> dict[str, str]:
        out = tmp_path / "half-warm"
        run_release(half, out, release_id="2025-12-31", workers=1, batch_size=64)
        return run(out, workers=2, batch_size=1)

    cases["warm, batch 64, 1 worker"] = warm
    cases["half-warm, batch 1, 2 workers"] = half_warm
    assert len(cold_1) == 8
    for label, make in cases.items():
        assert make() == cold_1, f"{label} published different tables from a cold run with batch size 1"
