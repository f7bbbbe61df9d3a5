"""geodiscourse: articles on geopolitics in, a versioned analytic dataset out.

The subpackages are the pipeline's stages, each importing only the ones below it
(README, "Architecture"): ingest, nlp, extract, run and release hold every piece of
logic that does not need Prefect; the Prefect flow in ``geodiscourse.flows`` (the
top-level ``flows/`` folder) wires them into tasks.

``geodiscourse.load(...)`` returns a published release's tables as polars LazyFrames;
``geodiscourse.connect(...)`` a DuckDB connection with one view per table.
"""

from __future__ import annotations

__version__ = "0.1.0"

from geodiscourse.release.read import connect, load

__all__ = ["__version__", "connect", "load"]
