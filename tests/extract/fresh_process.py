"""Run an extraction again in a new interpreter, with another string hash seed.

A call compared with itself in one process cannot show output that depends on the
order of a set of strings (which changes with PYTHONHASHSEED from one process to the
next) or on state left behind by an earlier document. ``in_fresh_process`` calls
``function(nlp, payload)`` in a new Python process whose hash seed differs from this
one's and returns its result as plain JSON values, to compare with ``as_plain`` of the
same call made here.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from spacy.language import Language

from tests.paths import REPO

CHILD = """
import importlib, json, sys
from geodiscourse.nlp.pipeline import load_pipeline
from tests.extract.fresh_process import as_json
module, name = sys.argv[1].split(":")
function = getattr(importlib.import_module(module), name)
sys.stdout.write(as_json(function(load_pipeline(), json.load(sys.stdin))))
"""


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"no JSON form for {type(value).__name__}")


def as_json(value: object) -> str:
    return json.dumps(value, default=_plain, sort_keys=True)


def as_plain(value: object) -> Any:
    """``value`` as the JSON values ``in_fresh_process`` gives back (tuples become lists ...)."""
    return json.loads(as_json(value))


def other_hash_seed() -> str:
    """A PYTHONHASHSEED other than this process's (random unless the variable is set)."""
    return "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"


def in_fresh_process(function: Callable[[Language, Any], object], payload: object) -> Any:
    """``as_plain(function(nlp, payload))``, computed in a new interpreter with another hash seed.

    ``function`` must be a module-level function of an importable module; ``payload``
    goes through JSON.
    """
    env = dict(os.environ, PYTHONHASHSEED=other_hash_seed())
    done = subprocess.run(
        [sys.executable, "-c", CHILD, f"{function.__module__}:{function.__qualname__}"],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)
