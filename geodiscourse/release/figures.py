"""A release's figures/ folder: the report's key charts as SVG, shown in its data card.

The card is read where no report is at hand (a Git host, a dataset hub), so the charts
travel with the data; each is drawn from the release's own tables.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from geodiscourse.release.charts import CHARTS, render_charts
from geodiscourse.release.manifest import FIGURES_DIRNAME, write_text_durably
from geodiscourse.release.report_data import report_data
from geodiscourse.rules import RuleFileError, rule_text

#: A release's copy of the measured quality (geodiscourse/rules/quality/measured.json).
QUALITY_FILENAME = "quality.json"
MEASURED_QUALITY_RULE = "quality/measured.json"


def measured_quality() -> dict[str, Any] | None:
    """The code's measured quality on the project's gold sets, as bench/quality.py last
    wrote it; None when it was never measured."""
    try:
        data = json.loads(rule_text(MEASURED_QUALITY_RULE))
    except RuleFileError:
        return None
    return data if isinstance(data, dict) else None


def write_figures(release_dir: Path) -> dict[str, str]:
    """Write figures/<chart>.svg for a release whose tables and manifest are written;
    returns each figure's path in the release and its title, in the report's order."""
    svgs = render_charts(report_data(release_dir))
    folder = release_dir / FIGURES_DIRNAME
    folder.mkdir(exist_ok=True)
    written: dict[str, str] = {}
    for name, (title, _) in CHARTS.items():
        write_text_durably(folder / f"{name}.svg", svgs[name])
        written[f"{FIGURES_DIRNAME}/{name}.svg"] = title
    return written
