"""Shared fixtures.

Prefect is isolated before anything imports it: its own PREFECT_HOME, local result
storage and no analytics, so tests never touch a developer's Prefect state and the
temporary local server starts at most once per session (in the ``seed_release``
fixture, the only place the flow runs in-process).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_PREFECT_HOME = Path(tempfile.mkdtemp(prefix="geodiscourse-test-prefect-"))
os.environ["PREFECT_HOME"] = str(_PREFECT_HOME)
os.environ["PREFECT_LOCAL_STORAGE_PATH"] = str(_PREFECT_HOME / "storage")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING"
os.environ["PREFECT_RESULTS_PERSIST_BY_DEFAULT"] = "false"
os.environ.pop("PREFECT_API_URL", None)

import pytest  # noqa: E402
from spacy.language import Language  # noqa: E402

from geodiscourse.nlp import load_pipeline  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "data" / "raw"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def seed_release(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The flow run once on the three seed articles; its summary plus ``out`` (the
    output root). Tests read it, never change it."""
    from flows.release import run_release

    out = tmp_path_factory.mktemp("seed-out")
    summary = run_release(SEEDS, out, release_id="2026-01-01", workers=1)
    summary["out"] = out
    yield summary
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)
