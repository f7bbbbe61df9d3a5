"""A release's figures/ folder: the report's key charts as SVG, shown in its data card.

The card is read where no report is at hand (a Git host, a dataset hub), so the charts
travel with the data; each is drawn from the release's own tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import polars as pl

from geodiscourse.release.charts import CHARTS, render_charts
from geodiscourse.release.manifest import FIGURES_DIRNAME, write_text_durably
from geodiscourse.release.report_data import report_data


def write_figures(release_dir: Path, tables: Mapping[str, pl.DataFrame]) -> dict[str, str]:
    """Write figures/<chart>.svg for a release whose manifest is written and whose
    tables are ``tables``; returns each figure's path in the release and its title, in
    the report's order."""
    svgs = render_charts(report_data(release_dir, tables))
    folder = release_dir / FIGURES_DIRNAME
    folder.mkdir(exist_ok=True)
    written: dict[str, str] = {}
    for name, chart in CHARTS.items():
        write_text_durably(folder / f"{name}.svg", svgs[name])
        written[f"{FIGURES_DIRNAME}/{name}.svg"] = chart.title
    return written
