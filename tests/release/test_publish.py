"""Publishing: complete-or-absent releases, never overwritten, reproducible, locked."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml

from geodiscourse.release.charts import CHARTS
from geodiscourse.release.lock import LockTimeoutError, release_lock
from geodiscourse.release.manifest import git_commit, verify_checksums
from geodiscourse.release.publish import (
    OutputNotWritableError,
    PublishedRelease,
    PublishError,
    ReleaseExistsError,
    ReleaseValidationError,
    check_output_writable,
    next_release_id,
    publish_release,
    write_table,
)
from geodiscourse.release.quality import measured_quality
from geodiscourse.release.read import LATEST_FILENAME, latest_release, list_releases, releases_dir
from geodiscourse.release.validate import validate_release
from geodiscourse.schemas import SCHEMA_VERSION, TABLES
from tests.paths import REPO
from tests.release.release_tables import INPUTS, make_tables

DAY = datetime.date(2026, 11, 22)
RELEASE_FILES = {f"{t}.parquet" for t in TABLES} | {
    "manifest.json",
    "datapackage.json",
    "README.md",
    "SHA256SUMS",
    "CHANGES.md",
    "diff.json",
    "figures",
    "quality.json",
}


def publish(out: Path, tables: dict[str, pl.DataFrame] | None = None, **kwargs: Any) -> PublishedRelease:
    """Publish the hand-made tables (or others) under out, on a fixed day."""
    kwargs.setdefault("release_id", None)
    kwargs.setdefault("today", DAY)
    return publish_release(
        tables if tables is not None else make_tables(),
        out,
        inputs=INPUTS,
        run_info={"raw_dir": "data/raw", "workers": 1},
        licences={"BBC News articles (data/raw)": "MIT"},
        **kwargs,
    )


def _latest(out: Path) -> str:
    return (releases_dir(out) / LATEST_FILENAME).read_text(encoding="utf-8").strip()


def _sha(published: PublishedRelease) -> dict[str, str]:
    return {name: info["sha256"] for name, info in published.manifest["tables"].items()}


def test_publish_writes_a_complete_release_and_updates_latest(tmp_path: Path) -> None:
    published = publish(tmp_path)
    assert published.release_id == "2026-11-22"
    assert published.path == tmp_path / "releases" / "2026-11-22"
    assert {p.name for p in published.path.iterdir()} == RELEASE_FILES
    assert _latest(tmp_path) == "2026-11-22"
    assert latest_release(tmp_path) == published.path
    assert not [p for p in releases_dir(tmp_path).iterdir() if p.name.startswith(".staging")]
    assert validate_release(published.path).ok


def test_manifest_records_provenance_inputs_and_tables(tmp_path: Path) -> None:
    published = publish(tmp_path)
    manifest = json.loads((published.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == published.manifest
    assert manifest["release_id"] == "2026-11-22"
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["package_version"]
    datetime.datetime.strptime(manifest["created_at"], "%Y-%m-%dT%H:%M:%SZ")
    assert manifest["previous_release"] is None
    assert manifest["run"] == {"raw_dir": "data/raw", "workers": 1}
    assert [i["source_name"] for i in manifest["inputs"]] == sorted(i.source_name for i in INPUTS)
    assert manifest["inputs"][0]["sha256"] == INPUTS[0].sha256
    tables = manifest["tables"]
    assert list(tables) == list(TABLES)
    assert tables["mentions"]["rows"] == 6 and tables["rejected"]["rows"] == 1
    assert tables["events"]["primary_key"] == ["event_id"]
    quantities = "List(Struct({'value': Float64, 'unit': String, 'text': String}))"
    assert tables["claims"]["columns"]["quantities"] == quantities
    assert list(tables["events"]["columns"]) == list(TABLES["events"].model.to_schema().columns)
    for name, info in tables.items():
        assert pl.read_parquet(published.path / info["file"]).height == info["rows"], name
    assert published.row_counts["documents"] == 1


def test_git_commit_is_none_outside_a_checkout(tmp_path: Path) -> None:
    assert git_commit(tmp_path) == (None, None)


def test_tables_are_sorted_by_primary_key_and_in_schema_column_order(tmp_path: Path) -> None:
    tables = make_tables()
    tables["mentions"] = tables["mentions"].reverse().select(reversed(tables["mentions"].columns))
    published = publish(tmp_path, tables)
    written = pl.read_parquet(published.path / "mentions.parquet")
    assert written.columns == list(TABLES["mentions"].model.to_schema().columns)
    assert written["mention_id"].to_list() == sorted(written["mention_id"].to_list())


def test_second_publish_the_same_day_gets_the_next_number(tmp_path: Path) -> None:
    first = publish(tmp_path)
    second = publish(tmp_path)
    third = publish(tmp_path)
    assert (first.release_id, second.release_id, third.release_id) == (
        "2026-11-22",
        "2026-11-22.2",
        "2026-11-22.3",
    )
    assert _latest(tmp_path) == "2026-11-22.3"
    assert second.previous_release == "2026-11-22"
    assert (first.path / "manifest.json").exists()  # older releases stay as they were


def test_identical_inputs_give_byte_identical_parquet(tmp_path: Path) -> None:
    first = publish(tmp_path / "a")
    shuffled = {name: df.sample(fraction=1.0, shuffle=True, seed=7) for name, df in make_tables().items()}
    second = publish(tmp_path / "b", shuffled, now=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC))
    assert _sha(first) == _sha(second)
    for name in TABLES:
        a = (first.path / f"{name}.parquet").read_bytes()
        assert a == (second.path / f"{name}.parquet").read_bytes(), name


def test_write_table_is_deterministic_across_chunking(tmp_path: Path) -> None:
    df = make_tables()["mentions"]
    chunked = pl.concat([df.slice(0, 2), df.slice(2, 4)], rechunk=False)
    assert write_table(df, tmp_path / "a.parquet", table="mentions") == write_table(
        chunked, tmp_path / "b.parquet", table="mentions"
    )


@pytest.mark.parametrize(
    ("existing", "day", "expected"),
    [
        ([], DAY, "2026-11-22"),
        (["2026-11-22"], DAY, "2026-11-22.2"),
        (["2026-11-22", "2026-11-22.2", "2026-11-22.10"], DAY, "2026-11-22.11"),
        (["2026-11-21", "2026-11-21.2"], DAY, "2026-11-22"),
        ([".staging-2026-11-22-abc", "notes"], DAY, "2026-11-22"),
    ],
)
def test_next_release_id(tmp_path: Path, existing: list[str], day: datetime.date, expected: str) -> None:
    for name in existing:
        (tmp_path / name).mkdir()
    assert next_release_id(tmp_path, day) == expected


def test_next_release_id_without_a_releases_folder(tmp_path: Path) -> None:
    assert next_release_id(tmp_path / "missing", DAY) == "2026-11-22"


def test_an_existing_release_is_never_overwritten(tmp_path: Path) -> None:
    first = publish(tmp_path, release_id="2026-01-05")
    before = (first.path / "manifest.json").read_bytes()
    with pytest.raises(ReleaseExistsError, match="2026-01-05 already exists"):
        publish(tmp_path, release_id="2026-01-05")
    assert (first.path / "manifest.json").read_bytes() == before


@pytest.mark.parametrize("bad_id", ["latest", "2026-13-01", "22-11-2026", "2026-11-22.1", "../x"])
def test_a_malformed_release_id_is_refused(tmp_path: Path, bad_id: str) -> None:
    with pytest.raises(PublishError, match="not a release id"):
        publish(tmp_path, release_id=bad_id)
    assert not releases_dir(tmp_path).exists() or not any(releases_dir(tmp_path).iterdir())


def test_failed_validation_publishes_nothing_and_writes_a_report(tmp_path: Path) -> None:
    publish(tmp_path)
    before = sorted(p.name for p in releases_dir(tmp_path).iterdir())
    tables = make_tables()
    tables["events"] = tables["events"].with_columns(event_type=pl.lit("INVADE"))
    with pytest.raises(ReleaseValidationError) as caught:
        publish(tmp_path, tables)
    assert sorted(p.name for p in releases_dir(tmp_path).iterdir()) == before
    assert _latest(tmp_path) == "2026-11-22"
    message = str(caught.value)
    assert "events.event_type" in message and "isin" in message and str(caught.value.report_path) in message
    assert '"event_type": "INVADE"' in message  # an example row
    text = caught.value.report_path.read_text(encoding="utf-8")
    assert "table events, column event_type" in text and "INVADE" in text
    report = json.loads(caught.value.report_path.with_suffix(".json").read_text(encoding="utf-8"))
    assert report["failures"][0]["table"] == "events" and report["failures"][0]["count"] == 2


def test_stale_staging_from_a_killed_run_is_cleaned_up(tmp_path: Path) -> None:
    folder = releases_dir(tmp_path)
    stale = folder / ".staging-2026-11-22-deadbeef"
    stale.mkdir(parents=True)
    (stale / "documents.parquet").write_bytes(b"half a file")
    (folder / ".LATEST.123.abcd").write_text("2026-11-22\n")
    published = publish(tmp_path)
    assert published.release_id == "2026-11-22"
    assert not stale.exists() and not (folder / ".LATEST.123.abcd").exists()
    assert [i.release_id for i in list_releases(tmp_path)] == ["2026-11-22"]


def test_an_interrupted_publish_leaves_no_partial_release(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish(tmp_path)

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("geodiscourse.release.publish.os.rename", interrupted)
    with pytest.raises(KeyboardInterrupt):
        publish(tmp_path)
    assert sorted(p.name for p in releases_dir(tmp_path).iterdir()) == [
        ".lock",
        "2026-11-22",
        LATEST_FILENAME,
    ]
    assert _latest(tmp_path) == "2026-11-22"


KILLED_RUN = """
import sys, time
from pathlib import Path
sys.path.insert(0, {repo!r})
import geodiscourse.release.publish as publish
from tests.release.test_publish import publish as publish_tables

def hang(staging):
    Path({signal_file!r}).write_text("writing")
    time.sleep(600)

publish.write_checksums = hang
publish_tables(Path({out!r}))
"""


@pytest.mark.slow
def test_a_killed_publish_leaves_latest_unchanged_and_the_next_run_completes(tmp_path: Path) -> None:
    out, signal_file = tmp_path / "out", tmp_path / "started"
    publish(out)
    script = KILLED_RUN.format(repo=str(REPO), signal_file=str(signal_file), out=str(out))
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], cwd=REPO)
    try:
        deadline = time.monotonic() + 120
        while not signal_file.exists():
            assert child.poll() is None, "the publishing child exited early"
            assert time.monotonic() < deadline, "the publishing child never started writing"
            time.sleep(0.05)
        assert any(p.name.startswith(".staging-") for p in releases_dir(out).iterdir())
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert [p.name for p in releases_dir(out).iterdir() if not p.name.startswith(".")] in (
        ["2026-11-22", LATEST_FILENAME],
        [LATEST_FILENAME, "2026-11-22"],
    )
    assert _latest(out) == "2026-11-22"
    after = publish(out)
    assert after.release_id == "2026-11-22.2"
    assert not any(p.name.startswith(".staging-") for p in releases_dir(out).iterdir())


def test_concurrent_publishes_are_serialised(tmp_path: Path) -> None:
    results: list[str] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(publish(tmp_path).release_id)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(results) == ["2026-11-22", "2026-11-22.2", "2026-11-22.3"]
    assert all(info.verified for info in list_releases(tmp_path))
    assert _latest(tmp_path) in results


HOLD_LOCK = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
os.write(fd, str(os.getpid()).encode())
print("locked", flush=True)
time.sleep(60)
"""


def test_a_second_run_waits_for_the_lock_then_gives_up_clearly(tmp_path: Path) -> None:
    folder = releases_dir(tmp_path)
    folder.mkdir(parents=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(folder / ".lock")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(LockTimeoutError, match=rf"locked by process {holder.pid}"):
            publish(tmp_path, lock_timeout=0.5)
        assert time.monotonic() - started >= 0.5
    finally:
        holder.kill()
        holder.wait()
    assert not [p for p in folder.iterdir() if p.name != ".lock"]
    assert publish(tmp_path, lock_timeout=5).release_id == "2026-11-22"


def test_the_lock_is_exclusive_within_one_process_too(tmp_path: Path) -> None:
    with release_lock(tmp_path), pytest.raises(LockTimeoutError), release_lock(tmp_path, timeout=0):
        pass


def test_an_output_folder_under_a_file_gives_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(OutputNotWritableError, match=r"cannot write to the output folder .*not-a-folder"):
        check_output_writable(blocker / "processed")
    with pytest.raises(OutputNotWritableError):
        publish(blocker / "processed")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_a_read_only_output_folder_gives_one_clear_error(tmp_path: Path) -> None:  # pragma: no cover
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(OutputNotWritableError, match="Permission denied"):
            check_output_writable(tmp_path / "processed")
    finally:
        tmp_path.chmod(0o700)


def test_sha256sums_verifies_with_sha256sum(tmp_path: Path) -> None:
    published = publish(tmp_path)
    assert verify_checksums(published.path) == []
    listed = (published.path / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    figures = sorted(p.name for p in (published.path / "figures").iterdir())
    assert figures == sorted(f"{name}.svg" for name in CHARTS)
    # every file but SHA256SUMS itself and the figures folder, plus each figure
    assert len(listed) == len(RELEASE_FILES) - 2 + len(figures)
    assert any(line.endswith("  figures/actor-matrix.svg") for line in listed)
    if shutil.which("sha256sum"):
        done = subprocess.run(
            ["sha256sum", "-c", "SHA256SUMS"], cwd=published.path, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_list_releases_reports_tampering(tmp_path: Path) -> None:
    publish(tmp_path)
    second = publish(tmp_path)
    with (second.path / "events.parquet").open("ab") as handle:
        handle.write(b"tampered")
    infos = list_releases(tmp_path)
    assert [(i.release_id, i.verified, i.is_latest) for i in infos] == [
        ("2026-11-22", True, False),
        ("2026-11-22.2", False, True),
    ]
    assert infos[0].row_counts["mentions"] == 6 and infos[0].created_at
    assert "events.parquet" in infos[1].problems[0]
    report = validate_release(second.path)
    assert report.find("events", None, "sha256sums")


def test_list_releases_of_an_empty_folder(tmp_path: Path) -> None:
    assert list_releases(tmp_path) == []
    assert latest_release(tmp_path) is None


def test_a_figure_edited_after_publishing_is_caught(tmp_path: Path) -> None:
    published = publish(tmp_path)
    with (published.path / "figures" / "claims.svg").open("a", encoding="utf-8") as handle:
        handle.write("<!-- edited -->")
    problems = verify_checksums(published.path)
    assert problems == ["figures/claims.svg: sha256 differs from SHA256SUMS (the file was changed)"]


def test_the_data_card_has_dataset_card_front_matter_and_the_figures(tmp_path: Path) -> None:
    published = publish(tmp_path)
    card = (published.path / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\n")
    front = yaml.safe_load(card.split("---\n", 2)[1])
    assert front["license"] == "other" and front["language"] == ["en"]
    configs = {c["config_name"]: c["data_files"][0]["path"] for c in front["configs"]}
    assert configs == {name: f"{name}.parquet" for name in TABLES}
    for path in configs.values():
        assert (published.path / path).is_file()
    for name in CHARTS:
        assert f"](figures/{name}.svg)" in card
        assert (published.path / "figures" / f"{name}.svg").read_text(encoding="utf-8").startswith("<?xml")


def test_the_data_card_shows_the_measured_quality(tmp_path: Path) -> None:
    published = publish(tmp_path)
    quality = json.loads((published.path / "quality.json").read_text(encoding="utf-8"))
    assert quality == measured_quality()
    card = (published.path / "README.md").read_text(encoding="utf-8")
    section = card.split("## Measured quality", 1)[1].split("\n## ", 1)[0]
    for entry in quality["sets"]:
        assert entry["set"] in section
        for table, got in entry["tables"].items():
            shown = f"{got['score']:.2f}"
            if "precision" in got:
                shown += f" ({got['precision']:.2f} / {got['recall']:.2f})"
            assert shown in section, (entry["set"], table)
