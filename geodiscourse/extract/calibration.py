"""Confidence that means something: each rule's raw score mapped to measured precision.

The rules give every event, claim and recommendation a raw score (the base confidence
of its lexicon entry times factors for missing actors, a bare noun, a back-off reading).
Those scores order rows sensibly but are not probabilities. ``bench/calibration.py``
labels the rows of the project's dev gold sets right or wrong, fits a monotone
(isotonic) map per table from raw score to the share of rows that were right, and writes
it to ``rules/quality/calibration.json``; here every row's confidence goes through the
map of its table, so a row at 0.8 is right about 80% of the time on the gold sets. The
map is monotone, so the order of rows by confidence is kept (rows may tie).

Between two fitted points the map is linear; below the first and above the last it is
flat. A table without a map keeps its raw scores.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from importlib import resources

from geodiscourse.core.rows import ClaimRow, EventRow, RecommendationRow

__all__ = ["CALIBRATED_TABLES", "calibrate", "calibrate_rows", "calibration_points", "raw_confidences"]

#: The tables whose rows carry a rule confidence.
CALIBRATED_TABLES = ("events", "claims", "recommendations")
_FILE = "calibration.json"
_raw = False


@cache
def calibration_points() -> Mapping[str, tuple[tuple[float, float], ...]]:
    """(raw score, calibrated) points per table, ascending in both."""
    root = resources.files("geodiscourse.rules.quality")
    path = root.joinpath(_FILE)
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        table: tuple((float(x), float(y)) for x, y in entry["points"])
        for table, entry in data.get("tables", {}).items()
        if entry.get("points")
    }


def calibrate(table: str, raw: float) -> float:
    """The calibrated confidence of a raw score in ``table`` (the raw score where the
    table has no map, or while ``raw_confidences`` is in effect)."""
    points = None if _raw else calibration_points().get(table)
    if not points:
        return raw
    xs = [x for x, _ in points]
    i = bisect.bisect_left(xs, raw)
    if i == 0:
        return points[0][1]
    if i == len(points):
        return points[-1][1]
    (x0, y0), (x1, y1) = points[i - 1], points[i]
    if x1 == x0:
        return y1
    return round(y0 + (y1 - y0) * (raw - x0) / (x1 - x0), 3)


def calibrate_rows(
    table: str, rows: Sequence[EventRow] | Sequence[ClaimRow] | Sequence[RecommendationRow]
) -> None:
    """Replace each row's raw ``confidence`` by its calibrated value, in place."""
    for row in rows:
        row["confidence"] = calibrate(table, float(row["confidence"]))


@contextmanager
def raw_confidences() -> Iterator[None]:
    """Leave confidences raw within the block: the calibration bench fits on raw scores."""
    global _raw
    before, _raw = _raw, True
    try:
        yield
    finally:
        _raw = before
