"""Release ids: only ``YYYY-MM-DD[.N]`` in ASCII digits naming a real day, refused before any work.

An id becomes a folder name and the content of LATEST, so an id the reader would not
accept back (a trailing newline, Arabic-Indic digits read as 13 by ``int``) must never
be published, and ``geodiscourse run`` refuses it before parsing a single article.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from geodiscourse.cli import app
from geodiscourse.release.publish import InvalidReleaseIdError, PublishError, check_release_id
from geodiscourse.release.read import (
    LATEST_FILENAME,
    ReleaseNotFoundError,
    parse_release_id,
    releases_dir,
    resolve_release,
)
from tests.paths import SEEDS

BAD_IDS = [
    pytest.param("2026-01-01\n", id="trailing-newline"),
    pytest.param("2026-01-01.2\n", id="numbered-trailing-newline"),
    pytest.param("\n2026-01-01", id="leading-newline"),
    pytest.param(" 2026-01-01", id="leading-space"),
    pytest.param("2026-01-01.1\u0663", id="arabic-indic-digit-in-number"),
    pytest.param("2026-01-01.\u0663", id="arabic-indic-number"),
    pytest.param("\u0662\u0660\u0662\u0666-01-01", id="arabic-indic-year"),
    pytest.param("2026-01-0\uff11", id="fullwidth-digit"),
    pytest.param("2026-02-29", id="not-a-leap-year"),
    pytest.param("2026-04-31", id="no-such-day"),
    pytest.param("2026-00-10", id="month-zero"),
    pytest.param("2026-1-01", id="one-digit-month"),
    pytest.param("2026-01-01.0", id="number-zero"),
    pytest.param("2026-01-01.02", id="leading-zero-number"),
    pytest.param("2026-01-01.1", id="explicit-first"),
    pytest.param("2026-01-01/x", id="separator"),
    pytest.param("", id="empty"),
]
GOOD_IDS = [
    ("2026-01-01", (2026, 1, 1, 1)),
    ("2024-02-29", (2024, 2, 29, 1)),
    ("2026-01-01.13", (2026, 1, 1, 13)),
]


@pytest.mark.parametrize("bad", BAD_IDS)
def test_a_bad_release_id_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="not a release id"):
        parse_release_id(bad)


@pytest.mark.parametrize("bad", BAD_IDS)
def test_check_release_id_refuses_in_one_line(bad: str) -> None:
    with pytest.raises(InvalidReleaseIdError) as caught:
        check_release_id(bad)
    assert isinstance(caught.value, PublishError)
    assert "\n" not in str(caught.value).replace(repr(bad), "")


@pytest.mark.parametrize(("good", "expected"), GOOD_IDS)
def test_a_good_release_id_is_accepted(good: str, expected: tuple[int, int, int, int]) -> None:
    day, number = parse_release_id(good)
    assert (day.year, day.month, day.day, number) == expected
    check_release_id(good)


@pytest.mark.parametrize("bad", ["2026-01-01.1\u0663", "2026-01-01\u00a0x"])
def test_latest_holding_a_bad_id_is_refused(tmp_path: Path, bad: str) -> None:
    folder = releases_dir(tmp_path)
    (folder / "2026-01-01.13").mkdir(parents=True)
    (folder / LATEST_FILENAME).write_text(bad + "\n", encoding="utf-8")
    with pytest.raises(ReleaseNotFoundError, match="not a release id"):
        resolve_release(root=tmp_path)


@pytest.mark.parametrize("bad", ["2026-01-01\n", "2026-01-01.1\u0663", "2026-02-30"])
def test_run_refuses_a_bad_id_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bad: str
) -> None:
    started: list[object] = []
    monkeypatch.setattr("geodiscourse.flows.release.run_release", lambda *a, **k: started.append(a))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", "--raw", str(SEEDS), "--out", str(out), "--release-id", bad])
    assert result.exit_code == 2, result.output
    assert "not a release id" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().replace(repr(bad), "").splitlines()) == 1
    assert not started and not out.exists()
