"""The claim cue lexicon (``rules/claims/claim_cues.yaml``), loaded once and compiled.

Single words match a token's lower-cased text or lemma; phrases match the lower-cased
text of the claim with word boundaries, so "in the next" never fires inside "within the
nextgen". Compiling each phrase list into one pattern keeps matching linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from geodiscourse.nlp.text import span_text, span_words
from geodiscourse.rules import read_yaml_mapping

#: Typographic quotes folded to ASCII before phrase matching.
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


@dataclass(frozen=True)
class CueList:
    """Words and phrases of one cue family."""

    words: frozenset[str]
    phrases: re.Pattern[str] | None

    def in_span(self, span: Span, text: str | None = None) -> bool:
        """Does a token of the span (its form or lemma) or a phrase of its text belong?"""
        if not self.words.isdisjoint(span_words(span)):
            return True
        return self.phrases is not None and self.phrases.search(text or folded(span_text(span))) is not None


@dataclass(frozen=True)
class ClaimCues:
    hedge_modals: frozenset[str]
    hedges: CueList
    predictive_modals: frozenset[str]
    predictive: CueList
    causal: CueList
    evaluative: CueList
    prescriptive_phrases: re.Pattern[str] | None
    opinion_frame_verbs: frozenset[str]
    first_person_pronouns: frozenset[str]
    question_verbs: frozenset[str]
    question_auxiliaries: frozenset[str]
    boilerplate: tuple[re.Pattern[str], ...]


def folded(text: str) -> str:
    return text.translate(_FOLD).lower()


def _words(data: dict[str, object], key: str) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise RuntimeError(f"geodiscourse/rules/claims/claim_cues.yaml: '{key}' must be a list")
    return frozenset(str(v).lower() for v in value)


def _phrases(data: dict[str, object], key: str) -> re.Pattern[str] | None:
    phrases = sorted(_words(data, key), key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w'])")


@lru_cache(maxsize=1)
def claim_cues() -> ClaimCues:
    data = read_yaml_mapping("claims/claim_cues.yaml")
    try:
        boilerplate = tuple(re.compile(str(p), re.IGNORECASE) for p in data.get("boilerplate_patterns", []))
    except re.error as err:
        raise RuntimeError(
            f"geodiscourse/rules/claims/claim_cues.yaml: bad boilerplate pattern ({err})"
        ) from err
    return ClaimCues(
        hedge_modals=_words(data, "hedge_modals"),
        hedges=CueList(_words(data, "hedge_words"), _phrases(data, "hedge_phrases")),
        predictive_modals=_words(data, "predictive_modals"),
        predictive=CueList(_words(data, "predictive_words"), _phrases(data, "predictive_phrases")),
        causal=CueList(_words(data, "causal_words"), _phrases(data, "causal_phrases")),
        evaluative=CueList(_words(data, "evaluative_words"), _phrases(data, "evaluative_phrases")),
        prescriptive_phrases=_phrases(data, "prescriptive_phrases"),
        opinion_frame_verbs=_words(data, "opinion_frame_verbs"),
        first_person_pronouns=_words(data, "first_person_pronouns"),
        question_verbs=_words(data, "question_verbs"),
        question_auxiliaries=_words(data, "question_auxiliaries"),
        boilerplate=boilerplate,
    )
