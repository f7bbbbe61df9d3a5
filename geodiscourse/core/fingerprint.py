"""What makes extraction output what it is, as far as the package goes: its source and rules.

Both the extraction cache (``geodiscourse.run.cache``) and the cache of built rule data
(``geodiscourse.core.built_rules``) key their entries by it, so editing a lexicon or a
line of code invalidates exactly what it could affect.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

_SOURCE_SUFFIXES = {".py", ".yaml", ".yml", ".csv", ".json", ".txt"}
PACKAGE = Path(__file__).resolve().parent.parent


@cache
def package_fingerprint() -> str:
    """sha256 over the package's source, schemas and rule files, in path order.

    ``geodiscourse/schemas`` is a link to the top-level ``schemas/`` folder, so the walk
    follows links; the Prefect flow (``geodiscourse/flows``) cannot change a row and is
    left out, so editing it keeps the caches.
    """
    digest = hashlib.sha256()
    paths: list[Path] = []
    for folder, subfolders, names in os.walk(PACKAGE, followlinks=True):
        subfolders[:] = [d for d in subfolders if d != "__pycache__" and Path(folder, d) != PACKAGE / "flows"]
        paths.extend(Path(folder, name) for name in names if Path(name).suffix in _SOURCE_SUFFIXES)
    for path in sorted(paths):
        digest.update(path.relative_to(PACKAGE.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
