"""validate, diff, export and releases name a release the same way load() does, and read in 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from geodiscourse.cli import app
from tests.release.release_tables import make_tables
from tests.release.test_publish import publish

runner = CliRunner()
FIRST, SECOND = "2026-11-22", "2026-11-22.2"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cli-refs")
    publish(out)
    tables = make_tables()
    tables["mentions"] = tables["mentions"].slice(1)
    publish(out, tables)
    (out / "not-a-release").mkdir()
    (out / "not-a-release" / "notes.txt").write_text("x\n", encoding="utf-8")
    (out / "a-file.txt").write_text("hello\n", encoding="utf-8")
    return out


def _invoke(args: list[str], root: Path) -> tuple[int, str]:
    result = runner.invoke(app, [a.replace("{root}", str(root)) for a in args], env={"COLUMNS": "80"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["validate", "latest", "--out", "{root}"], f"releases/{SECOND} is valid"),
        (["validate", FIRST, "--out", "{root}"], f"releases/{FIRST} is valid"),
        (["validate", "{root}/releases/2026-11-22"], f"releases/{FIRST} is valid"),
        (["diff", FIRST, "latest", "--out", "{root}"], f"Compared with release {FIRST}"),
        (["diff", "{root}/releases/2026-11-22", SECOND, "--out", "{root}"], f"Compared with release {FIRST}"),
    ],
)
def test_commands_take_latest_an_id_or_a_path(root: Path, args: list[str], expected: str) -> None:
    code, output = _invoke(args, root)
    assert code == 0, output
    assert expected in output.replace("\n", "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "{root}/not-a-release"], "is a folder but not a release"),
        (["validate", "{root}/a-file.txt"], "is a file, not a release folder"),
        (["validate", "{root}/no-such-folder"], "no folder"),
        (["validate", "2020-01-01", "--out", "{root}"], "release 2020-01-01 not found"),
        (["validate", "latest", "--out", "{root}/not-a-release"], "no release has been published"),
        (["diff", FIRST, "{root}/not-a-release", "--out", "{root}"], "is a folder but not a release"),
        (["diff", "2020-01-01", "latest", "--out", "{root}"], "release 2020-01-01 not found"),
    ],
)
def test_anything_but_a_release_is_one_sentence_and_exit_2(root: Path, args: list[str], message: str) -> None:
    code, output = _invoke(args, root)
    assert code == 2, output
    assert message in output.replace("\n", "")
    assert len(output.strip().splitlines()) == 1, output


def test_releases_fits_80_columns_with_every_id_whole(root: Path) -> None:
    code, output = _invoke(["releases", "--out", "{root}"], root)
    assert code == 0, output
    lines = output.splitlines()
    assert max(len(line) for line in lines) <= 80, output
    assert any(FIRST in line and SECOND not in line for line in lines), output
    assert any(SECOND in line and "LATEST" in line for line in lines), output
    assert output.count("yes") == 2, output


def test_a_failure_report_prints_verbatim(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Example rows are article text: brackets in them are not terminal markup."""
    from geodiscourse.release import validate as validate_module
    from geodiscourse.release.validation_report import ValidationFailure, ValidationReport

    failure = ValidationFailure("sentences", "text", "span_text", 1, [{"text": "[/b] see [red]x[/red]"}])
    monkeypatch.setattr(validate_module, "validate_release", lambda _: ValidationReport([failure], {}))
    code, output = _invoke(["validate", "latest", "--out", "{root}"], root)
    assert code == 1
    assert "[/b] see [red]x[/red]" in output
