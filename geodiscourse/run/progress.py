"""Progress of a run, reported per finished batch.

The flow reports to one of these; the CLI chooses a rich progress bar for people at a
terminal, and scheduled runs log a line per batch instead.
"""

from __future__ import annotations

import logging
import time
from typing import Protocol

from geodiscourse.run.batches import BatchSummary

log = logging.getLogger(__name__)


class ProgressReporter(Protocol):
    def start(self, total_documents: int, total_batches: int) -> None: ...
    def batch_done(self, summary: BatchSummary) -> None: ...
    def finish(self) -> None: ...


class LogProgress:
    """A log line per batch with the running documents-per-second rate."""

    def __init__(self) -> None:
        self._started = time.perf_counter()
        self._done = 0
        self._total = 0

    def start(self, total_documents: int, total_batches: int) -> None:
        self._started = time.perf_counter()
        self._total = total_documents
        log.info("processing %d articles in %d batches", total_documents, total_batches)

    def batch_done(self, summary: BatchSummary) -> None:
        self._done += summary.documents + summary.rejected
        rate = self._done / max(time.perf_counter() - self._started, 1e-9)
        log.info(
            "batch %d done: %d/%d articles (%.1f docs/s; %d parsed, %d from cache)",
            summary.index,
            self._done,
            self._total,
            rate,
            summary.parsed,
            summary.cached,
        )

    def finish(self) -> None:
        log.info("all batches done in %.1f s", time.perf_counter() - self._started)
