"""Proving a folder can be written before work that would fail late without it.

Publishing, the run's work folder and the extraction cache each check their folder up
front, so an unwritable path costs one clear message instead of a traceback after
minutes of parsing; each turns the OSError into its own message.
"""

from __future__ import annotations

import tempfile
from pathlib import Path


def prove_writable(folder: Path) -> None:
    """Create ``folder`` if needed and write (then remove) a file in it; OSError if either fails."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
        pass
