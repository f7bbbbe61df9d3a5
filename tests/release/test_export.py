"""`geodiscourse export`: one CSV or JSON Lines file per table, for spreadsheet users."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from geodiscourse.cli import app
from geodiscourse.release.export import export_release, spreadsheet_frame
from geodiscourse.schemas import TABLES
from tests.release.release_tables import make_tables
from tests.release.test_publish import RELEASE_FILES, publish

runner = CliRunner()


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    publish(out)
    return out


PUBLISHED_FILES = sorted(RELEASE_FILES)


def _read(path: Path) -> pl.DataFrame:
    if path.suffix == ".csv":
        return pl.read_csv(path, infer_schema=False)  # every cell as the text a spreadsheet sees
    return pl.read_ndjson(path)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("ref", ["latest", "2026-11-22", "{root}/releases/2026-11-22"])
def test_export_writes_one_file_per_table_with_every_row(
    root: Path, tmp_path: Path, fmt: str, ref: str
) -> None:
    to = tmp_path / "export"
    result = runner.invoke(
        app,
        ["export", ref.replace("{root}", str(root)), "--out", str(root), "--format", fmt, "--to", str(to)],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in to.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    tables = make_tables()
    for name in TABLES:
        assert _read(to / f"{name}.{fmt}").height == tables[name].height, name


@pytest.mark.parametrize(
    ("table", "column", "expected"),
    [
        ("documents", "cited_urls", ["https://example.org/source"]),
        ("documents", "duplicate_names", ["copies/001_test.txt"]),
        ("claims", "quantities", [{"value": 90000.0, "unit": "troops", "text": "90,000 troops"}]),
    ],
)
def test_list_columns_are_json_text_in_csv(
    root: Path, tmp_path: Path, table: str, column: str, expected: object
) -> None:
    export_release(root / "releases" / "2026-11-22", tmp_path, "csv")
    cell = _read(tmp_path / f"{table}.csv")[column][0]
    assert json.loads(cell) == expected


def test_event_contexts_are_json_text_in_csv_and_lists_in_jsonl(root: Path, tmp_path: Path) -> None:
    export_release(root / "releases" / "2026-11-22", tmp_path, "csv")
    events = _read(tmp_path / "events.csv").sort("event_type")
    assert events["event_mode"].to_list() == [None, "discontinue"]  # AGREE has no mode
    assert [json.loads(c) for c in events["event_contexts"]] == [["military"], ["economic"]]
    jsonl = export_release(root / "releases" / "2026-11-22", tmp_path / "j", "jsonl")
    lines = jsonl["events"].read_text(encoding="utf-8").splitlines()
    rows = sorted((json.loads(line) for line in lines), key=lambda r: r["event_type"])
    assert [r["event_contexts"] for r in rows] == [["military"], ["economic"]]


def test_null_and_empty_lists_stay_apart_in_csv() -> None:
    """A list column's null (not determined) is an empty cell, its empty list ``[]``."""
    frame = pl.DataFrame(
        {"event_contexts": [None, [], ["legal"]]}, schema={"event_contexts": pl.List(pl.Utf8)}
    )
    assert spreadsheet_frame(frame)["event_contexts"].to_list() == [None, "[]", '["legal"]']


def test_dates_are_iso_and_text_keeps_its_line_breaks(root: Path, tmp_path: Path) -> None:
    export_release(root / "releases" / "2026-11-22", tmp_path, "csv")
    documents = _read(tmp_path / "documents.csv")
    assert documents["published_date"][0] == "2014-09-10"
    assert documents["clean_text"][0] == make_tables()["documents"]["clean_text"][0]
    events = _read(tmp_path / "events.csv").sort("date_start", nulls_last=True)
    assert events["date_start"].to_list() == ["2014-09-09", None]
    jsonl = export_release(root / "releases" / "2026-11-22", tmp_path / "j", "jsonl")
    first = json.loads(jsonl["documents"].read_text(encoding="utf-8").splitlines()[0])
    assert first["published_date"] == "2014-09-10" and first["cited_urls"] == ["https://example.org/source"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "2020-01-01", "--out", "{root}", "--to", "{tmp}/x"], "release 2020-01-01 not found"),
        (["export", "latest", "--out", "{root}", "--format", "xlsx", "--to", "{tmp}/x"], "xlsx"),
        (["export", "latest", "--out", "{root}", "--to", "{tmp}/file.txt"], "cannot write"),
        (["export", "latest", "--out", "{root}", "--to", "{root}/releases/2026-11-22"], "never modified"),
        (["export", "latest", "--out", "{root}", "--to", "{root}/releases/2026-11-22/csv"], "never modified"),
    ],
)
def test_export_errors_exit_2(root: Path, tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "file.txt").write_text("x\n", encoding="utf-8")
    result = runner.invoke(
        app, [a.replace("{root}", str(root)).replace("{tmp}", str(tmp_path)) for a in args]
    )
    assert result.exit_code == 2, result.output
    assert message in result.output.replace("\n", "")
    assert sorted(p.name for p in (root / "releases" / "2026-11-22").iterdir()) == PUBLISHED_FILES
