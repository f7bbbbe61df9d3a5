"""A release's manifest is checked before it is trusted: shape, table file names, table hashes.

A manifest names each table's file; ``load()``, ``validate`` and ``releases`` follow that
name, so a name such as ``../../../other/releases/x/actors.parquet`` must be refused
(not read from outside the release), a malformed manifest must be one clear error (not a
crash), and ``releases`` must compare the table files with the manifest's sha256 too,
so editing a table and regenerating SHA256SUMS is not enough to pass as verified.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from geodiscourse.release import manifest as manifest_module
from geodiscourse.release.manifest import ManifestError, load_manifest, write_checksums
from geodiscourse.release.publish import publish_release
from geodiscourse.release.read import list_releases, load, releases_dir, table_paths
from geodiscourse.release.validate import validate_release
from geodiscourse.schemas import TABLES
from tests.release.release_tables import INPUTS, make_tables

RID = "2026-11-22"
OUTSIDE = "../../../other/releases/x/actors.parquet"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("published")
    publish_release(make_tables(), out, release_id=RID, inputs=INPUTS)
    return out


@pytest.fixture
def out(published: Path, tmp_path: Path) -> Path:
    """A fresh copy of the published output root, to tamper with."""
    copy = tmp_path / "out"
    shutil.copytree(published, copy)
    return copy


def _release(out: Path) -> Path:
    return releases_dir(out) / RID


def _edit_manifest(out: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    """Change manifest.json and regenerate SHA256SUMS, as a careful tamperer would."""
    path = _release(out) / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    write_checksums(_release(out))


def _set(table: str, key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        data["tables"][table][key] = value

    return edit


def _delete(table: str, key: str) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        del data["tables"][table][key]

    return edit


def _tables_as_list(data: dict[str, Any]) -> None:
    data["tables"] = [{"name": name, **info} for name, info in data["tables"].items()]


def _unknown_table(data: dict[str, Any]) -> None:
    data["tables"]["secrets"] = dict(data["tables"]["actors"], file="secrets.parquet")


def _no_tables(data: dict[str, Any]) -> None:
    del data["tables"]


BAD_MANIFESTS = [
    pytest.param(_set("actors", "file", OUTSIDE), "actors.parquet", id="path-outside-the-release"),
    pytest.param(_set("actors", "file", "/etc/actors.parquet"), "actors.parquet", id="absolute-path"),
    pytest.param(_set("actors", "file", "sub/actors.parquet"), "actors.parquet", id="subfolder"),
    pytest.param(_set("actors", "file", "events.parquet"), "actors.parquet", id="another-tables-file"),
    pytest.param(_set("actors", "file", 7), "actors.parquet", id="file-not-a-string"),
    pytest.param(_tables_as_list, "tables", id="tables-a-list"),
    pytest.param(_no_tables, "tables", id="no-tables"),
    pytest.param(_unknown_table, "secrets", id="unknown-table"),
    pytest.param(_set("actors", "rows", "12"), "rows", id="rows-a-string"),
    pytest.param(_set("actors", "rows", -1), "rows", id="rows-negative"),
    pytest.param(_set("actors", "rows", True), "rows", id="rows-a-bool"),
    pytest.param(_delete("actors", "rows"), "rows", id="rows-missing"),
    pytest.param(_delete("actors", "sha256"), "sha256", id="sha256-missing"),
    pytest.param(_set("actors", "sha256", "abc"), "sha256", id="sha256-not-a-digest"),
    pytest.param(_set("actors", "file", None), "actors.parquet", id="file-null"),
]


def _plant_outside_copy(out: Path) -> None:
    """The file the bad path names exists (a copy of the real table), so only the check can stop it."""
    outside = (_release(out) / OUTSIDE).resolve()
    outside.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_release(out) / "actors.parquet", outside)


@pytest.mark.parametrize(("edit", "named"), BAD_MANIFESTS)
def test_load_manifest_refuses_a_bad_shape_in_one_sentence(
    out: Path, edit: Callable[[dict[str, Any]], None], named: str
) -> None:
    _edit_manifest(out, edit)
    with pytest.raises(ManifestError) as caught:
        load_manifest(_release(out))
    message = str(caught.value)
    assert "manifest.json" in message and named in message and "\n" not in message


@pytest.mark.parametrize(("edit", "named"), BAD_MANIFESTS)
def test_validate_reports_a_bad_manifest(
    out: Path, edit: Callable[[dict[str, Any]], None], named: str
) -> None:
    _plant_outside_copy(out)
    _edit_manifest(out, edit)
    report = validate_release(_release(out))
    assert not report.ok
    found = report.find("manifest.json")
    assert found and named in json.dumps(found[0].examples)


@pytest.mark.parametrize(("edit", "named"), BAD_MANIFESTS)
def test_releases_reports_a_bad_manifest(
    out: Path, edit: Callable[[dict[str, Any]], None], named: str
) -> None:
    _plant_outside_copy(out)
    _edit_manifest(out, edit)
    [info] = list_releases(out)
    assert not info.verified
    assert any("manifest.json" in p and named in p for p in info.problems)


@pytest.mark.parametrize(("edit", "named"), BAD_MANIFESTS)
def test_load_refuses_a_bad_manifest(out: Path, edit: Callable[[dict[str, Any]], None], named: str) -> None:
    _plant_outside_copy(out)
    _edit_manifest(out, edit)
    with pytest.raises(ManifestError, match=r"manifest\.json"):
        load(RID, root=out)


def test_load_reads_only_files_inside_the_release(out: Path) -> None:
    assert {p.parent for p in table_paths(_release(out)).values()} == {_release(out)}
    assert set(load(RID, root=out)) == set(TABLES)


def _edit_table_and_regenerate_sums(out: Path) -> None:
    path = _release(out) / "actors.parquet"
    pl.read_parquet(path).head(1).write_parquet(path)
    write_checksums(_release(out))


def test_releases_checks_tables_against_the_manifest_not_only_sha256sums(out: Path) -> None:
    [before] = list_releases(out)
    assert before.verified, before.problems
    _edit_table_and_regenerate_sums(out)
    [info] = list_releases(out)
    assert not info.verified
    assert any("actors.parquet" in p and "manifest.json" in p for p in info.problems)
    assert validate_release(_release(out)).find("actors", None, "manifest_sha256")


def test_releases_hashes_each_file_once(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hashed: list[str] = []
    real = manifest_module.file_sha256

    def counting(path: Path, *args: Any, **kwargs: Any) -> str:
        hashed.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(manifest_module, "file_sha256", counting)
    [info] = list_releases(out)
    assert info.verified
    assert {f"{t}.parquet" for t in TABLES} <= set(hashed)
    assert len(hashed) == len(set(hashed))
