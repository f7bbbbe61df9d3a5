"""The flow end to end on the three seed articles: a complete, valid, reproducible release."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from geodiscourse.schemas import TABLES
from tests.flows.test_faults import child_env
from tests.paths import REPO, SEEDS

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


FOREIGN_AFFAIRS_1, OPINION, FOREIGN_AFFAIRS_2 = (
    "000_c0b2305d5645dc59.txt",
    "002_ae1e65cc193db30b.txt",
    "004_7b7fad4f07a2a0c2.txt",
)
#: Rows the annotation guidelines make right, found in the seed release: (table, seed
#: file, a phrase of the sentence the row comes from, values the row must have). Each
#: table the flow writes is checked for at least one such row.
EXPECTED_ROWS = [
    (
        "sentences",
        OPINION,
        "Russia’s actions on the international stage",
        {
            "position": 1,  # after the subheading
            "text": "Russia’s actions on the international stage are deeply rooted in a worldview characterized "
            "by an outdated imperial mindset and a refusal to fully acknowledge the right to "
            "self-determination for nations formerly under its influence.",
        },
    ),
    ("mentions", FOREIGN_AFFAIRS_1, "In 2008, Moscow launched", {"text": "Moscow", "actor_id": "RUS"}),
    ("mentions", FOREIGN_AFFAIRS_2, "The Kremlin might be using", {"text": "The Kremlin", "actor_id": "RUS"}),
    (
        "mentions",
        FOREIGN_AFFAIRS_2,
        "The Kremlin might be using",
        {"text": "Joe Biden", "actor_id": "joe-biden"},
    ),
    (
        "events",
        FOREIGN_AFFAIRS_1,
        "In 2008, Moscow launched a short war against Georgia",
        {
            **{"event_type": "ASSAULT", "source_actor_id": "RUS", "target_actor_id": "GEO"},
            **{"modality": "asserted", "date_start": datetime.date(2008, 1, 1), "date_precision": "year"},
        },
    ),
    (
        "events",
        FOREIGN_AFFAIRS_1,
        "France and Germany resisted the United States",
        {"event_type": "REJECT", "source_actor_id": "FRA", "target_actor_id": "USA", "modality": "asserted"},
    ),
    (
        "events",
        FOREIGN_AFFAIRS_2,
        "blamed the West for trying to pry Ukraine away",
        {"event_type": "ACCUSE", "source_actor_id": "vladimir-putin", "target_actor_id": "WEST"},
    ),
    (
        "events",
        FOREIGN_AFFAIRS_2,
        "Back in 2016",  # "the Russian annexation of Crimea two years earlier"
        {"event_type": "ASSAULT", "source_actor_id": "RUS", "date_start": datetime.date(2014, 1, 1)},
    ),
    (
        "claims",
        FOREIGN_AFFAIRS_2,
        "The U.S. president also said",
        {"is_author": False, "claimant_actor_id": "joe-biden", "claim_type": "predictive"},
    ),
    (
        "claims",
        FOREIGN_AFFAIRS_2,
        "Many analysts believe",
        {"text": "Minsk has run its course", "is_author": False, "claimant_actor_id": None},
    ),
    ("claims", FOREIGN_AFFAIRS_2, "Many analysts believe", {"claimant_text": "Many analysts"}),
    (
        "claims",
        FOREIGN_AFFAIRS_2,
        "The buildup of an estimated 90,000 troops",
        {"is_author": True, "quantities": [{"value": 90000.0, "unit": "troops", "text": "90,000 troops"}]},
    ),
    (
        "recommendations",
        FOREIGN_AFFAIRS_1,
        "Washington should offer to restore normal diplomatic contacts",
        {
            **{"recommender_actor_id": None, "addressee_actor_id": "USA", "modal": "should"},
            "action": "offer to restore normal diplomatic contacts and reopen Western markets to Russian trade "
            "and investment",
        },
    ),
    (
        "recommendations",
        FOREIGN_AFFAIRS_1,
        "the United States must find a way to live with Russia",
        {"addressee_actor_id": "USA", "modal": "must", "strength": "strong"},
    ),
    (
        "recommendations",
        FOREIGN_AFFAIRS_1,
        "all on the condition that Moscow end its aggression",
        {
            "addressee_actor_id": "USA",
            "action": "adopt a constructive approach to Russian security concerns "
            "and create a respectable place for Russia in Europe’s security architecture",
        },
    ),
]


@pytest.mark.parametrize(
    ("table", "source_name", "phrase", "expected"),
    EXPECTED_ROWS,
    ids=[f"{t}-{p[:24]}" for t, _, p, _ in EXPECTED_ROWS],
)
def test_seed_release_has_the_right_rows(
    seed_release: dict[str, Any], table: str, source_name: str, phrase: str, expected: dict[str, Any]
) -> None:
    release = Path(seed_release["path"])
    docs = pl.read_parquet(release / "documents.parquet").filter(pl.col("source_name") == source_name)
    sentences = pl.read_parquet(release / "sentences.parquet").filter(
        pl.col("doc_id").is_in(docs["doc_id"].implode()) & pl.col("text").str.contains(phrase, literal=True)
    )
    assert sentences.height == 1, f"one sentence of {source_name} says {phrase!r}"
    rows = pl.read_parquet(release / f"{table}.parquet").filter(
        pl.col("sentence_id").is_in(sentences["sentence_id"].implode())
    )
    found = [{k: row[k] for k in expected} for row in rows.iter_rows(named=True)]
    assert expected in found, found


@pytest.mark.parametrize(
    "actor",
    [
        {"actor_id": "RUS", "name": "Russia", "kind": "state", "country": "RUS", "sector": None},
        {"actor_id": "NATO", "name": "NATO", "kind": "igo", "country": None, "sector": "igo"},
        {
            "actor_id": "vladimir-putin",
            "name": "Vladimir Putin",
            "kind": "person",
            "country": "RUS",
            "sector": "government",
        },
        {
            "actor_id": "joe-biden",
            "name": "Joe Biden",
            "kind": "person",
            "country": "USA",
            "sector": "government",
        },
    ],
    ids=lambda actor: actor["actor_id"],
)
def test_seed_release_has_the_right_actors(seed_release: dict[str, Any], actor: dict[str, Any]) -> None:
    actors = pl.read_parquet(Path(seed_release["path"]) / "actors.parquet")
    assert actors.filter(pl.col("actor_id") == actor["actor_id"]).to_dicts() == [actor]


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


def test_another_process_gives_byte_identical_tables_and_this_one_uses_its_cache(
    seed_release: dict[str, Any], tmp_path: Path, prefect_api: str
) -> None:
    """The command in a new interpreter, with another str hash seed, publishes the same
    bytes as the flow run in this process; run again here, the flow reads all three
    articles from the cache that process wrote."""
    from geodiscourse.flows.release import run_release

    out = tmp_path / "out"
    env = child_env(tmp_path / "home", prefect_api)
    env["PYTHONHASHSEED"] = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    command = [sys.executable, "-m", "geodiscourse.cli", "run", "--raw", str(SEEDS), "--out", str(out)]
    command += ["--release-id", "2026-01-01", "--workers", "1", "--no-progress"]
    done = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "parsed 3, from cache 0" in done.stdout
    first, second = Path(seed_release["path"]), out / "releases" / "2026-01-01"
    for table in TABLES:
        assert _sha(first / f"{table}.parquet") == _sha(second / f"{table}.parquet"), table
    cached = run_release(SEEDS, out, workers=1)
    assert cached["parsed"] == 0 and cached["cached"] == 3
    for table in TABLES:
        assert _sha(first / f"{table}.parquet") == _sha(Path(cached["path"]) / f"{table}.parquet"), table
