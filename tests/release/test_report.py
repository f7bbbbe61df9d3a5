"""The release report: one offline HTML file, checked as a file and as a person sees it.

The browser test drives Debian's Chromium (``/usr/bin/chromium``, installed by
``.ci/run``) through Playwright without downloading a browser. Set
GEODISCOURSE_SKIP_BROWSER=1 to leave it out on a machine without Chromium.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geodiscourse.cli import app
from geodiscourse.release.charts import CHARTS
from geodiscourse.release.report import write_report
from geodiscourse.release.report_data import report_data
from tests.release.test_publish import publish

CHROMIUM = os.environ.get("GEODISCOURSE_CHROMIUM", "/usr/bin/chromium")
MAX_REPORT_BYTES = 10_000_000


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    published = publish(out)
    return write_report(published.path, out / "report.html")


def test_report_is_one_offline_file_with_every_chart_and_its_numbers(report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    assert report.stat().st_size < MAX_REPORT_BYTES
    assert not re.search(r"""(?:src|href)=["']https?://""", text), "nothing is fetched from the network"
    for name in CHARTS:
        section = text.split(f"<section id='{name}'>", 1)[1].split("</section>", 1)[0]
        assert "<svg" in section and "<table>" in section, name
    rows = json.loads(text.split('id="row-data">', 1)[1].split("</script>", 1)[0])
    assert {r["kind"] for r in rows} == {"event", "claim", "recommendation"}
    for row in rows:
        assert 0 <= row["start"] <= row["end"] <= len(row["sentence"])


def test_report_data_counts_match_the_tables(tmp_path: Path) -> None:
    published = publish(tmp_path)
    data = report_data(published.path)
    assert data.overview["rows"] == {
        name: info["rows"] for name, info in published.manifest["tables"].items()
    }
    assert int(data.events_by_month["events"].sum()) <= data.overview["rows"]["events"]
    assert int(data.claims_by_claimant["claims"].sum()) == data.overview["rows"]["claims"]


def test_report_command_writes_the_file_and_refuses_an_unknown_release(tmp_path: Path) -> None:
    publish(tmp_path)
    runner = CliRunner()
    done = runner.invoke(app, ["report", "latest", "--out", str(tmp_path), "--to", str(tmp_path / "r.html")])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "r.html").is_file() and "r.html" in done.output
    missing = runner.invoke(app, ["report", "1999-01-01", "--out", str(tmp_path)])
    assert missing.exit_code == 2


@pytest.mark.skipif(os.environ.get("GEODISCOURSE_SKIP_BROWSER") == "1", reason="GEODISCOURSE_SKIP_BROWSER=1")
def test_report_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    """Every chart drew, no console error, and the filters change the rows shown."""
    assert shutil.which(CHROMIUM), f"{CHROMIUM} not found: install Debian's chromium (.ci/run does)"
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    shot = tmp_path / "report.png"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(report.as_uri())
            for name in CHARTS:
                drawn = page.locator(f"section#{name} svg *").count()
                assert drawn > 10, f"chart {name} drew {drawn} elements"
            all_rows = page.locator("#rows tbody tr").count()
            page.select_option("#f-kind", "claim")
            claims = page.locator("#rows tbody tr").count()
            assert 0 < claims < all_rows
            assert page.locator("#rows tbody tr mark").count() == claims  # each row's span is marked
            page.fill("#f-actor", "no actor is called this")
            assert page.locator("#rows tbody tr").count() == 0
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert errors == []
    assert shot.stat().st_size > 0
