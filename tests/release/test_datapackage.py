"""Each release describes itself: datapackage.json that frictionless accepts, and a data card."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import frictionless
import polars as pl
import pytest

from geodiscourse.release.datapackage import frictionless_type, table_schema
from geodiscourse.release.manifest import write_checksums
from geodiscourse.release.publish import PublishedRelease, write_table
from geodiscourse.schemas import TABLES
from tests.release.release_tables import make_tables
from tests.release.test_publish import publish


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> PublishedRelease:
    return publish(tmp_path_factory.mktemp("dp"))


def _errors(report: frictionless.Report) -> list[list[Any]]:
    return report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_accepts_the_release(release: PublishedRelease) -> None:
    report = frictionless.validate(str(release.path / "datapackage.json"))
    assert report.valid, _errors(report)
    rows = {task.name: task.stats.get("rows") for task in report.tasks}
    assert rows["mentions"] == 6 and rows["claims"] == 1


def test_frictionless_catches_a_broken_table(tmp_path: Path, release: PublishedRelease) -> None:
    """The datapackage's constraints and keys are really checked, not just parsed."""
    broken = tmp_path / "broken"
    broken.mkdir()
    for path in release.path.iterdir():
        if path.is_file():
            (broken / path.name).write_bytes(path.read_bytes())
    tables = make_tables()
    write_table(
        tables["events"].with_columns(event_type=pl.lit("INVADE")), broken / "events.parquet", table="events"
    )
    mentions = tables["mentions"].with_columns(actor_id=pl.lit("FRA"))
    write_table(mentions, broken / "mentions.parquet", table="mentions")
    write_checksums(broken)
    report = frictionless.validate(str(broken / "datapackage.json"))
    found = {(task.name, error.type) for task in report.tasks for error in task.errors}
    assert ("events", "constraint-error") in found
    assert ("mentions", "foreign-key") in found


def test_datapackage_describes_every_table_from_the_schemas(release: PublishedRelease) -> None:
    package = json.loads((release.path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == release.release_id
    assert [r["name"] for r in package["resources"]] == list(TABLES)
    assert package["sources"] == [{"title": "BBC News articles (data/raw)", "licence": "MIT"}]
    for resource in package["resources"]:
        spec = TABLES[resource["name"]]
        columns = spec.model.to_schema().columns
        assert [f["name"] for f in resource["schema"]["fields"]] == list(columns)
        assert resource["schema"]["primaryKey"] == list(spec.primary_key)
        assert resource["rowCount"] == release.row_counts[resource["name"]]
        for fk in spec.foreign_keys:
            assert {
                "fields": [fk.column],
                "reference": {"resource": fk.ref_table, "fields": [fk.ref_column]},
            } in (resource["schema"]["foreignKeys"])
        for field in resource["schema"]["fields"]:
            assert field["description"] == columns[field["name"]].description


@pytest.mark.parametrize(
    ("table", "column", "expected"),
    [
        ("events", "event_type", {"type": "string", "constraints": {"required": True, "enum": ["AGREE"]}}),
        (
            "events",
            "confidence",
            {"type": "number", "constraints": {"required": True, "minimum": 0.0, "maximum": 1.0}},
        ),
        ("events", "date_start", {"type": "date"}),
        ("events", "event_mode", {"type": "string", "constraints": {"enum": ["visit", "arrest"]}}),
        ("events", "event_contexts", {"type": "any", "constraints": {"required": True}}),
        ("events", "event_id", {"type": "string", "constraints": {"required": True, "unique": True}}),
        ("sentences", "position", {"type": "integer", "constraints": {"required": True, "minimum": 0}}),
        ("claims", "hedged", {"type": "boolean"}),
        ("claims", "quantities", {"type": "any", "constraints": {"required": True}}),
        ("documents", "cited_urls", {"type": "any"}),
        ("documents", "doc_id", {"type": "string", "constraints": {"minLength": 16, "maxLength": 16}}),
        ("documents", "title", {"type": "string"}),
        ("actors", "country", {"type": "string", "constraints": {"pattern": "[A-Z]{3}"}}),
    ],
)
def test_field_descriptors(table: str, column: str, expected: dict[str, Any]) -> None:
    (field,) = [f for f in table_schema(TABLES[table])["fields"] if f["name"] == column]
    assert field["type"] == expected["type"]
    constraints = field.get("constraints", {})
    for key, value in expected.get("constraints", {}).items():
        if key == "enum":
            assert set(value) <= set(constraints["enum"])
        else:
            assert constraints[key] == value
    if column in ("title", "date_start", "event_mode"):
        assert "required" not in constraints


@pytest.mark.parametrize(
    ("dtype", "expected"),
    [
        (pl.String(), "string"),
        (pl.Int64(), "integer"),
        (pl.UInt8(), "integer"),
        (pl.Float64(), "number"),
        (pl.Boolean(), "boolean"),
        (pl.Date(), "date"),
        (pl.Datetime("us"), "datetime"),
        (pl.List(pl.String), "any"),
        (pl.Struct({"a": pl.Int64}), "any"),
    ],
)
def test_frictionless_type(dtype: pl.DataType, expected: str) -> None:
    assert frictionless_type(dtype) == expected


def test_data_card_names_tables_columns_rows_limits_and_licences(release: PublishedRelease) -> None:
    card = (release.path / "README.md").read_text(encoding="utf-8")
    assert f"release {release.release_id}" in card
    for name, spec in TABLES.items():
        assert f"| {name} | {release.row_counts[name]} |" in card
        for column, info in spec.model.to_schema().columns.items():
            assert f"| {column} |" in card
            assert (info.description or "").split("(")[0].replace("|", "\\|")[:30] in card
    assert "## Known limitations" in card
    assert "| BBC News articles (data/raw) | MIT |" in card
    assert "001_test.txt" in card and "sha256sum -c SHA256SUMS" in card
