"""What makes extraction output what it is: the code, its rules and the model.

A cached result is reused only when all three are unchanged, so editing a lexicon or
upgrading the model invalidates exactly the entries it could affect.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

_SOURCE_SUFFIXES = {".py", ".yaml", ".yml", ".csv", ".json", ".txt"}


@cache
def code_fingerprint() -> str:
    """sha256 over the package's source, schemas and rule files, in path order.

    ``geodiscourse/schemas`` is a link to the top-level ``schemas/`` folder, so the walk
    follows links; the Prefect flow (``geodiscourse/flows``) cannot change a row and is
    left out, so editing it keeps the cache.
    """
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent  # the geodiscourse package
    paths: list[Path] = []
    for folder, subfolders, names in os.walk(root, followlinks=True):
        subfolders[:] = [d for d in subfolders if d != "__pycache__" and Path(folder, d) != root / "flows"]
        paths.extend(Path(folder, name) for name in names if Path(name).suffix in _SOURCE_SUFFIXES)
    for path in sorted(paths):
        digest.update(path.relative_to(root.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
