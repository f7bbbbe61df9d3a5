"""Shared fixtures.

Prefect is isolated before anything imports it: its own PREFECT_HOME, local result
storage and no analytics, so tests never touch a developer's Prefect state. Its local
server starts at most once per session, in the ``prefect_api`` fixture, on a port chosen
here; every test that runs the flow in this process requests that fixture (directly
or through ``seed_release``). Tests that run the flow in a subprocess give it its own
PREFECT_HOME but report to the same server, so no test starts a second one (the
deployment test in test_serve.py starts a real ``prefect server start`` on purpose).
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


_PREFECT_HOME = Path(tempfile.mkdtemp(prefix="geodiscourse-test-prefect-"))
_PREFECT_PORT = _free_port()
os.environ["PREFECT_HOME"] = str(_PREFECT_HOME)
os.environ["PREFECT_LOCAL_STORAGE_PATH"] = str(_PREFECT_HOME / "storage")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING"
os.environ["PREFECT_RESULTS_PERSIST_BY_DEFAULT"] = "false"
# One Prefect server for the whole session (started by the ``prefect_api`` fixture, on
# first use): flows run in-process, in process pools and on Dask workers all report to it.
os.environ["PREFECT_API_URL"] = f"http://127.0.0.1:{_PREFECT_PORT}/api"
# Built rule data goes to a folder of the session's own, never the user's cache.
_RULE_CACHE = Path(tempfile.mkdtemp(prefix="geodiscourse-test-rules-"))
os.environ["GEODISCOURSE_RULE_CACHE"] = str(_RULE_CACHE)
atexit.register(shutil.rmtree, _RULE_CACHE, True)
# A local server the developer started (`geodiscourse server start`) is not the tests':
# commands the tests run see a server home of the session's own, with no server in it.
_SERVER_HOME = Path(tempfile.mkdtemp(prefix="geodiscourse-test-server-home-"))
os.environ["GEODISCOURSE_SERVER_HOME"] = str(_SERVER_HOME)
atexit.register(shutil.rmtree, _SERVER_HOME, True)

import pytest  # noqa: E402
from spacy.language import Language  # noqa: E402

from geodiscourse.nlp.pipeline import load_pipeline  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "data" / "raw"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def prefect_api() -> Iterator[str]:
    """The session's one Prefect server, started on first use, stopped at the end."""
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer(port=_PREFECT_PORT)
    server.start(timeout=180)  # a fresh PREFECT_HOME migrates its database first
    yield server.api_url
    server.stop()


@pytest.fixture(scope="session")
def seed_release(tmp_path_factory: pytest.TempPathFactory, prefect_api: str) -> Iterator[dict[str, Any]]:
    """The flow run once on the three seed articles; its summary plus ``out`` (the
    output root). Tests read it, never change it."""
    from geodiscourse.flows.release import run_release

    out = tmp_path_factory.mktemp("seed-out")
    summary = run_release(SEEDS, out, release_id="2026-01-01", workers=1)
    summary["out"] = out
    yield summary
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)
