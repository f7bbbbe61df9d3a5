"""CHANGES.md and `geodiscourse diff` say what changed in words a reader can use.

Row counts per table, the source files added, removed and changed, and events per type;
the hashed row ids tell a reader nothing and stay in diff.json only.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from geodiscourse.release.changes import diff_releases, diff_tables, format_changes
from tests.release.release_tables import make_tables
from tests.release.test_publish import publish


def _documents(rows: dict[str, str]) -> pl.DataFrame:
    return pl.DataFrame({"source_name": list(rows), "doc_id": list(rows.values())})


def _events(rows: dict[str, str]) -> pl.DataFrame:
    return pl.DataFrame({"event_id": list(rows), "event_type": list(rows.values())})


OLD = {
    "documents": _documents({"a.txt": "d-1f3a", "b.txt": "d-2b4c", "c.txt": "d-3c5d"}),
    "events": _events({"e-9a1b": "AGREE", "e-9a2c": "AGREE", "e-9a3d": "SANCTION"}),
}
NEW = {
    "documents": _documents({"a.txt": "d-1f3a", "b.txt": "d-7e8f", "d.txt": "d-4d6e"}),
    "events": _events({"e-9a1b": "AGREE", "e-9a4e": "SANCTION", "e-9a5f": "AID", "e-9a6a": "AID"}),
}


@pytest.fixture
def markdown() -> str:
    return diff_tables(OLD, NEW, from_release="2026-11-21", to_release="2026-11-22").to_markdown()


@pytest.mark.parametrize(
    "line",
    [
        "| documents | 3 | 3 | 2 | 2 | 0 |",
        "| events | 3 | 4 | 3 | 2 | 0 |",
        "- Added (1): `d.txt`",
        "- Removed (1): `c.txt`",
        "- Changed (1): `b.txt`",
        "| AGREE | 0 | 1 |",
        "| AID | 2 | 0 |",
        "| SANCTION | 1 | 1 |",
    ],
)
def test_changes_report_rows_source_files_and_event_types(markdown: str, line: str) -> None:
    assert line in markdown.splitlines(), markdown


def test_no_hashed_id_in_the_text_but_all_in_diff_json(markdown: str) -> None:
    diff = diff_tables(OLD, NEW, from_release="2026-11-21", to_release="2026-11-22")
    ids = [*OLD["documents"]["doc_id"], *NEW["documents"]["doc_id"], *OLD["events"]["event_id"]]
    ids += NEW["events"]["event_id"].to_list()
    assert not [i for i in ids if i in markdown], markdown
    stored = json.dumps(diff.to_dict())
    assert all(i in stored for i in ids if i != "d-1f3a" and i != "e-9a1b")  # unchanged rows are not listed
    assert diff.to_dict()["source_files"] == {"added": ["d.txt"], "removed": ["c.txt"], "changed": ["b.txt"]}
    assert diff.to_dict()["event_types"]["AID"] == {"added": 2, "removed": 0}


def test_long_lists_of_source_files_are_cut_with_a_count() -> None:
    new = {"documents": _documents({f"article-{i:03d}.txt": f"d-{i}" for i in range(30)})}
    text = diff_tables({"documents": _documents({})}, new, from_release="a", to_release="b").to_markdown(
        list_limit=3
    )
    assert "- Added (30): `article-000.txt`, `article-001.txt`, `article-002.txt` and 27 more" in text


def test_first_release_counts_what_it_holds() -> None:
    text = diff_tables(None, NEW, from_release=None, to_release="2026-11-22").to_markdown()
    assert "First release" in text
    assert "| AID | 2 | 0 |" in text.splitlines()
    assert "e-9a5f" not in text


def test_published_changes_and_the_diff_command_read_the_same(tmp_path: Path) -> None:
    publish(tmp_path)
    tables = make_tables()
    sanction = tables["events"].filter(pl.col("event_type") == "SANCTION")["event_id"][0]
    tables["events"] = tables["events"].filter(pl.col("event_id") != sanction)
    second = publish(tmp_path, tables)
    changes = (second.path / "CHANGES.md").read_text(encoding="utf-8")
    assert "| events | 2 | 1 | 0 | 1 | 0 |" in changes.splitlines()
    assert "| SANCTION | 0 | 1 |" in changes.splitlines()
    assert "No source file was added, removed or changed" in changes
    assert sanction not in changes
    assert json.loads((second.path / "diff.json").read_text())["tables"]["events"]["removed"] == [sanction]
    assert format_changes(diff_releases("2026-11-22", "latest", root=tmp_path)) == changes
