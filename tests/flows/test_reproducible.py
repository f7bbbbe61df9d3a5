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
            {
                "actor_id": "john-harrow",
                "name": "John Harrow",
                "kind": "person",
                "country": "USA",
                "sector": None,
            }
        ]


def test_batch_size_cache_and_workers_give_byte_identical_releases(tmp_path: Path, prefect_api: str) -> None:
    from geodiscourse.flows.release import run_release

    raw = tmp_path / "raw"
    names = write_corpus(raw)
    # Half the corpus and both British files, published first to fill the cache: the
    # cached articles then form one part that says British, the three American files
    # another, so a majority of per-part majorities would tie and pick GBR. Batches of
    # two (..., harrow-2 + harrow-3, harrow-4 + harrow-5) likewise give two British
    # majorities against one American.
    half = tmp_path / "half"
    half.mkdir()
    for name in {*names[: len(names) // 2], "harrow-1.txt", "harrow-4.txt"}:
        shutil.copyfile(raw / name, half / name)

    def run(out: Path, *, expect_cached: int = 0, **options: Any) -> dict[str, str]:
        summary = run_release(raw, out, release_id="2026-01-01", **options)
        assert summary["cached"] == expect_cached, "the cache was not used as the case intends"
        return table_hashes(Path(summary["path"]))

    def warm_up(corpus: Path, out: Path) -> int:
        return int(run_release(corpus, out, release_id="2025-12-31", workers=1)["parsed"])

    cold_1 = run(tmp_path / "cold-1", workers=1, batch_size=1, use_cache=False)
    assert len(cold_1) == 8

    def warm() -> dict[str, str]:
        out = tmp_path / "warm"
        return run(out, expect_cached=warm_up(raw, out), workers=1, batch_size=64)

    def half_warm() -> dict[str, str]:
        out = tmp_path / "half-warm"
        return run(out, expect_cached=warm_up(half, out), workers=2, batch_size=64)

    cases: dict[str, Callable[[], dict[str, str]]] = {
        "cold, batch 64, 1 worker": lambda: run(
            tmp_path / "cold-64", workers=1, batch_size=64, use_cache=False
        ),
        "cold, batch 1, 2 workers": lambda: run(
            tmp_path / "cold-1w2", workers=2, batch_size=1, use_cache=False
        ),
        "warm, batch 64, 1 worker": warm,
        "half-warm, batch 64, 2 workers": half_warm,
    }
    for label, make in cases.items():
        assert make() == cold_1, f"{label} published different tables from a cold run with batch size 1"
