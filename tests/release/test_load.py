"""Loading a release back: polars LazyFrames and a DuckDB connection, by id or "latest"."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
import pytest

from geodiscourse.release.read import (
    ReleaseNotFoundError,
    connect,
    load,
    parse_release_id,
    release_ids,
    resolve_release,
)
from geodiscourse.schemas import TABLES
from tests.release.release_tables import make_tables
from tests.release.test_publish import publish


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("load")
    publish(out)
    tables = make_tables()
    tables["mentions"] = tables["mentions"].slice(1)
    publish(out, tables)
    return out


def test_load_returns_every_table_lazily(root: Path) -> None:
    tables = load(root=root)
    assert list(tables) == list(TABLES)
    assert all(isinstance(frame, pl.LazyFrame) for frame in tables.values())
    assert tables["mentions"].collect().height == 5  # latest is the second release
    assert load("2026-11-22", root=root)["mentions"].collect().height == 6


def test_loaded_tables_keep_their_types_and_join(root: Path) -> None:
    tables = load(root=root)
    events = tables["events"].collect()
    assert events.schema["date_start"] == pl.Date and events.schema["confidence"] == pl.Float64
    joined = (
        tables["events"]
        .join(tables["actors"], left_on="source_actor_id", right_on="actor_id")
        .join(tables["sentences"].select("sentence_id", pl.col("text").alias("sentence")), on="sentence_id")
        .select("event_type", "name", "sentence")
        .sort("event_type")
        .collect()
    )
    assert joined.rows() == [
        ("AGREE", "Russia", "Russia and Ukraine signed a ceasefire in Minsk on Tuesday."),
        ("SANCTION", "the West", "The West imposed sanctions on Moscow."),
    ]


def test_connect_gives_one_view_per_table_and_sql_joins(root: Path) -> None:
    con = connect(root=root)
    views = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert views == set(TABLES)
    first = connect("2026-11-22", root=root)
    rows = first.execute(
        """
        SELECT a.name, count(*) AS n
        FROM mentions m JOIN actors a USING (actor_id)
        GROUP BY a.name ORDER BY n DESC, a.name
        """
    ).fetchall()
    assert rows[:2] == [("Russia", 2), ("NATO", 1)]  # Russia and Moscow both resolve to RUS
    quantities = con.execute("SELECT quantities[1].value FROM claims").fetchone()
    assert quantities == (90000.0,)
    assert first.execute("SELECT count(*) FROM mentions").fetchone() == (6,)
    assert con.execute("SELECT count(*) FROM mentions").fetchone() == (5,)


def test_connect_without_duckdb_says_how_to_install_it(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(ImportError, match=r"pip install duckdb .*pip install -e '\.\[duckdb\]'"):
        connect(root=root)


def test_unknown_release_lists_what_exists(root: Path) -> None:
    with pytest.raises(ReleaseNotFoundError, match=r"releases present: 2026-11-22, 2026-11-22\.2"):
        load("2025-01-01", root=root)
    with pytest.raises(ReleaseNotFoundError, match="not a release id"):
        load("yesterday", root=root)


def test_nothing_published_yet(tmp_path: Path) -> None:
    with pytest.raises(ReleaseNotFoundError, match="no release has been published"):
        load(root=tmp_path)


def test_latest_pointing_at_garbage_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "releases").mkdir()
    (tmp_path / "releases" / "LATEST").write_text("../../etc\n")
    with pytest.raises(ReleaseNotFoundError, match="not a release id"):
        resolve_release(root=tmp_path)


def test_release_ids_sort_numerically(tmp_path: Path) -> None:
    for name in ["2026-11-22.10", "2026-11-22", "2026-11-22.2", "2026-11-21", ".staging-x", "junk"]:
        (tmp_path / "releases" / name).mkdir(parents=True)
    assert release_ids(tmp_path) == ["2026-11-21", "2026-11-22", "2026-11-22.2", "2026-11-22.10"]


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("2026-11-22", True),
        ("2026-11-22.2", True),
        ("2026-11-22.1", False),
        ("2026-02-30", False),
        ("latest", False),
    ],
)
def test_parse_release_id(text: str, ok: bool) -> None:
    if ok:
        assert parse_release_id(text)[0].isoformat() == text[:10]
    else:
        with pytest.raises(ValueError, match="not a release id"):
            parse_release_id(text)
