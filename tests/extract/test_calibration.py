"""Calibrated confidence: the map from raw rule scores to measured precision.

``bench/calibration.py`` fits the map (isotonic regression on labelled rows of the dev
gold sets); ``geodiscourse.extract.calibration`` applies it. The map must be monotone
(so filtering on confidence keeps its meaning), stay in [0, 1], leave a table without a
map raw, and be switchable off for the bench that fits it.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geodiscourse.extract.calibration import (
    CALIBRATED_TABLES,
    calibrate,
    calibration_points,
    raw_confidences,
)
from tests.paths import REPO


def _bench() -> ModuleType:
    bench = str(REPO / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    spec = importlib.util.spec_from_file_location("calibration_bench", REPO / "bench" / "calibration.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_calibrated_table_has_a_fitted_map() -> None:
    points = calibration_points()
    for table in CALIBRATED_TABLES:
        assert points.get(table), f"no calibration points for {table}: run bench/calibration.py"
        xs = [x for x, _ in points[table]]
        ys = [y for _, y in points[table]]
        assert xs == sorted(xs) and ys == sorted(ys)


@pytest.mark.parametrize("table", CALIBRATED_TABLES)
@given(a=st.floats(0, 1), b=st.floats(0, 1))
def test_calibration_is_monotone_and_bounded(table: str, a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert 0.0 <= calibrate(table, low) <= calibrate(table, high) <= 1.0


def test_raw_confidences_switch_the_map_off() -> None:
    with raw_confidences():
        assert calibrate("events", 0.4321) == 0.4321
    assert calibrate("a table with no map", 0.4321) == 0.4321


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        # rows of one raw score form one block, whatever their order
        ([(0.5, False), (0.5, True)], [(0.5, 0.5, 2)]),
        # a violation is pooled: 0.6 all wrong after 0.5 all right
        ([(0.5, True), (0.6, False), (0.7, True)], [(0.55, 0.5, 2), (0.7, 1.0, 1)]),
        # already increasing: kept
        ([(0.2, False), (0.8, True)], [(0.2, 0.0, 1), (0.8, 1.0, 1)]),
    ],
)
def test_isotonic_fit(pairs: list[tuple[float, bool]], expected: list[tuple[float, float, int]]) -> None:
    got = _bench().isotonic(pairs)
    assert [(round(x, 4), round(y, 4), n) for x, y, n in got] == expected


@given(st.lists(st.tuples(st.floats(0, 1), st.booleans()), min_size=1, max_size=60))
def test_fitted_points_never_decrease(pairs: list[tuple[float, bool]]) -> None:
    points = _bench().fitted_points(pairs)
    assert [y for _, y in points] == sorted(y for _, y in points)
    assert all(0.0 < y < 1.0 for _, y in points)
