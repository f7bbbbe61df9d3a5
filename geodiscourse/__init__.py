"""geodiscourse: articles on geopolitics in, a versioned analytic dataset out.

The package holds every piece of logic that does not need Prefect: reading raw files,
cleaning, parsing, extraction, table building, validation and publishing. The Prefect
flow in ``flows/`` wires these functions into tasks.

``geodiscourse.release.read(...)`` returns a published release's tables as polars LazyFrames;
``geodiscourse.connect(...)`` a DuckDB connection with one view per table.
"""

from __future__ import annotations

__version__ = "0.1.0"

from geodiscourse.release.read import connect, load

__all__ = ["__version__", "connect", "load"]
