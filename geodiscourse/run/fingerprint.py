"""What makes extraction output what it is: the code, its rules and the model.

A cached result is reused only when all three are unchanged, so editing a lexicon or
upgrading the model invalidates exactly the entries it could affect. The code's part is
``geodiscourse.core.fingerprint``'s, shared with the cache of built rule data.
"""

from __future__ import annotations

from geodiscourse.core.fingerprint import package_fingerprint


def code_fingerprint() -> str:
    """sha256 over the package's source, schemas and rule files (not the Prefect flow)."""
    return package_fingerprint()
