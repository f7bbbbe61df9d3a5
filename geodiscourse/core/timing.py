"""Where the time goes: seconds per pipeline stage, summed over documents and batches."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager


class StageTimer:
    """Accumulates wall seconds per named stage; cheap enough to wrap every document."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - start

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] += seconds

    def merge(self, other: Mapping[str, float]) -> None:
        for name, seconds in other.items():
            self.seconds[name] += seconds

    def as_dict(self) -> dict[str, float]:
        return dict(sorted(self.seconds.items()))
