"""geodiscourse: articles on geopolitics in, a versioned analytic dataset out.

The subpackages are the pipeline's stages, each importing only the ones below it
(README, "Architecture"): ingest, nlp, extract, run and release hold every piece of
logic that does not need Prefect; the Prefect flow in ``geodiscourse.flows`` (the
top-level ``flows/`` folder) wires them into tasks.

``geodiscourse.load(...)`` returns a published release's tables as polars LazyFrames;
``geodiscourse.connect(...)`` a DuckDB connection with one view per table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from geodiscourse.release.read import connect, load

__all__ = ["__version__", "connect", "load"]


def __getattr__(name: str) -> Any:
    """``load`` and ``connect`` are imported on first use: the command line imports this
    package before every command, and reading releases needs polars and pandera, which a
    run handed to the warm worker (``geodiscourse server start``) never does."""
    if name in ("load", "connect"):
        from geodiscourse.release import read

        return getattr(read, name)
    raise AttributeError(f"module 'geodiscourse' has no attribute {name!r}")
