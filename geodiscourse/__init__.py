"""geodiscourse: articles on geopolitics in, a versioned analytic dataset out.

The package holds every piece of logic that does not need Prefect: reading raw files,
cleaning, parsing, extraction, table building, validation and publishing. The Prefect
flow in ``flows/`` wires these functions into tasks.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
