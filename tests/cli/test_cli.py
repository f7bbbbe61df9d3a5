"""The command line: complete help for every command, and clear errors before any work."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from geodiscourse.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("run", ["--raw", "--out", "--release-id", "--workers", "--dask-address", "--no-cache", "--licence"]),
        ("validate", ["RELEASE", "'latest'", "release folder", "--out"]),
        ("releases", ["--out"]),
        ("diff", ["Older release", "Newer release", "--out"]),
        ("export", ["RELEASE", "--format", "csv", "jsonl", "--to", "--out"]),
        ("serve", ["--cron", "--raw", "--out", "--workers"]),
        ("version", []),
    ],
)
def test_every_command_has_help(command: str, expected: list[str]) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    for option in expected:
        assert option in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "--raw", "no/such/folder", "--out", "{tmp}/out"], "does not exist"),
        (["validate", "{tmp}/no-release"], "no folder"),
        (["diff", "2020-01-01", "2020-01-02", "--out", "{tmp}"], "release 2020-01-01 not found"),
    ],
)
def test_bad_arguments_exit_2_with_one_clear_message(args: list[str], message: str, tmp_path: Path) -> None:
    result = runner.invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_releases_on_an_empty_root_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["releases", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert "no releases" in result.output
