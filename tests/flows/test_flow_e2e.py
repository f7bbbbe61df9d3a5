"""The flow end to end on the three seed articles: a complete, valid, reproducible release."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from geodiscourse.schemas import TABLES
from tests.paths import SEEDS

pytestmark = pytest.mark.slow


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_release_has_every_table_and_latest(seed_release: dict[str, Any]) -> None:
    release = Path(seed_release["path"])
    assert release.name == "2026-01-01"
    for table in TABLES:
        assert (release / f"{table}.parquet").is_file(), table
    assert (release.parent / "LATEST").read_text().strip() == "2026-01-01"
    assert not list(release.parent.glob(".staging*")), "no staging folder is left behind"
    assert seed_release["documents"] == 3 and seed_release["rejected"] == 0


def test_release_validates_and_keys_resolve(seed_release: dict[str, Any]) -> None:
    from geodiscourse.release.validate import validate_release

    release = Path(seed_release["path"])
    report = validate_release(release)
    assert report.ok, report.to_text()
    actors = set(pl.read_parquet(release / "actors.parquet")["actor_id"])
    for table in ("mentions", "events", "claims", "recommendations"):
        df = pl.read_parquet(release / f"{table}.parquet")
        for column in [c for c in df.columns if c.endswith("actor_id")]:
            assert set(df[column].drop_nulls()) <= actors, (table, column)


def test_every_extracted_table_has_rows_from_the_seeds(seed_release: dict[str, Any]) -> None:
    for table in ("sentences", "actors", "mentions", "events", "claims", "recommendations"):
        assert seed_release["row_counts"][table] > 0, table


def test_manifest_records_inputs_tables_and_versions(seed_release: dict[str, Any]) -> None:
    release = Path(seed_release["path"])
    manifest = json.loads((release / "manifest.json").read_text())
    assert manifest["release_id"] == "2026-01-01"
    assert manifest["schema_version"] and manifest["package_version"]
    assert "created_at" in manifest and "git_commit" in manifest
    inputs = {i["source_name"]: i["sha256"] for i in manifest["inputs"]}
    assert inputs == {p.name: _sha(p) for p in SEEDS.iterdir() if p.is_file() and not p.name.startswith(".")}
    for table in TABLES:
        entry = manifest["tables"][table]
        assert entry["rows"] == pl.read_parquet(release / f"{table}.parquet").height
        assert entry["sha256"] == _sha(release / f"{table}.parquet")
        assert set(entry["columns"]) == set(TABLES[table].model.to_schema().columns)


def test_document_metadata_comes_from_the_text(seed_release: dict[str, Any]) -> None:
    docs = pl.read_parquet(Path(seed_release["path"]) / "documents.parquet")
    by_name = {row["source_name"]: row for row in docs.iter_rows(named=True)}
    opinion = by_name["002_ae1e65cc193db30b.txt"]
    assert opinion["author"] == "Emma Walker"
    assert str(opinion["published_date"]) == "2025-12-07"
    assert len(opinion["cited_urls"]) == 5
    assert by_name["000_c0b2305d5645dc59.txt"]["outlet"] == "Foreign Affairs"


def test_same_inputs_give_byte_identical_tables_and_the_cache_is_used(
    seed_release: dict[str, Any], tmp_path: Path
) -> None:
    from geodiscourse.flows.release import run_release

    out = tmp_path / "out"
    again = run_release(SEEDS, out, release_id="2026-01-01", workers=1)
    assert again["parsed"] == 3 and again["cached"] == 0
    first, second = Path(seed_release["path"]), Path(again["path"])
    for table in TABLES:
        assert _sha(first / f"{table}.parquet") == _sha(second / f"{table}.parquet"), table
    cached = run_release(SEEDS, out, workers=1)
    assert cached["parsed"] == 0 and cached["cached"] == 3
    for table in TABLES:
        assert _sha(first / f"{table}.parquet") == _sha(Path(cached["path"]) / f"{table}.parquet"), table
