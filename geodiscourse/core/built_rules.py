"""Rule data built once per machine, not once per process.

Building the actor lexicon (18,700 listed persons with their spellings and dated roles,
every gazetteer alias tokenised) and the event lexicon takes about 1.5 s of CPU; every
worker process and every small run pays it before its first article. The result depends
only on the package's code and rule files, so it is kept, pickled, in a per-user cache
folder and read back (a tenth of the time) while ``package_fingerprint()`` is unchanged.

- The folder is ``$GEODISCOURSE_RULE_CACHE``, else ``$XDG_CACHE_HOME/geodiscourse/rules``,
  else ``~/.cache/geodiscourse/rules``. ``GEODISCOURSE_RULE_CACHE=off`` builds every time.
- An entry's name holds the fingerprint, the Python version and the entry format, so a
  stale entry is never looked up; entries are written atomically (temporary file, then
  rename), so two processes building at once each leave a whole file.
- The folder is the user's own, like any cache of theirs; an entry that cannot be read
  (damaged, truncated, from another Python) is rebuilt and rewritten, and a folder that
  cannot be written only means building again next time. Neither stops a run.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from geodiscourse.core.fingerprint import package_fingerprint

log = logging.getLogger(__name__)
T = TypeVar("T")
#: Bumped whenever the entry format changes.
ENTRY_FORMAT = "1"
_OFF = "off"


def rule_cache_dir() -> Path | None:
    """Where built rule data is kept, or None when the cache is switched off."""
    configured = os.environ.get("GEODISCOURSE_RULE_CACHE")
    if configured:
        return None if configured.strip().lower() == _OFF else Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "geodiscourse" / "rules"


def _entry(folder: Path, name: str) -> Path:
    python = f"py{sys.version_info.major}{sys.version_info.minor}"
    return folder / f"{name}-{package_fingerprint()[:32]}-{python}-f{ENTRY_FORMAT}.pickle"


def built_once(name: str, build: Callable[[], T]) -> T:
    """``build()``'s result, from the cache when this code and these rules built it before."""
    folder = rule_cache_dir()
    if folder is None:
        return build()
    path = _entry(folder, name)
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        pass
    except Exception as err:  # any unreadable entry is a miss, rebuilt below
        log.warning("rule cache entry %s is unreadable (%s); rebuilding it", path, err)
    value = build()
    _write(path, value)
    return value


def _write(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError as err:
        log.debug("rule cache entry %s not written: %s", path, err)
