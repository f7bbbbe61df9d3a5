"""What makes extraction output what it is: the code, its rules and the model.

A cached result is reused only when all three are unchanged, so editing a lexicon or
upgrading the model invalidates exactly the entries it could affect.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import geodiscourse
import schemas

_SOURCE_SUFFIXES = {".py", ".yaml", ".yml", ".csv", ".json", ".txt"}


@cache
def code_fingerprint() -> str:
    """sha256 over the package's and schemas' source and rule files, in path order."""
    digest = hashlib.sha256()
    for root in (Path(geodiscourse.__file__).parent, Path(schemas.__file__).parent):
        for path in sorted(root.rglob("*")):
            if path.suffix in _SOURCE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root.parent).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()
