"""The reporting-verb lists of ``rules/attribution/reporting_verbs.yaml``, loaded once.

Kept apart from the matching code because claims read the same lists (accusation and
negative verbs) without needing any of the pattern logic.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from geodiscourse.rules import read_yaml_mapping
from geodiscourse.rules.word_lists import word_list


@dataclass(frozen=True)
class ReportingLexicon:
    """The reporting-verb lists of ``rules/attribution/reporting_verbs.yaml``."""

    speech: frozenset[str]
    belief: frozenset[str]
    quote_only: frozenset[str]
    animate_subject_only: frozenset[str]
    negative: frozenset[str]
    accusation: frozenset[str]
    accusation_preps: frozenset[str]
    accuse_preps: frozenset[str]
    raising_passive: frozenset[str]
    believer_xcomp: frozenset[str]
    speaker_nouns: frozenset[str]
    naming: frozenset[str]
    naming_as: frozenset[str]
    view_nouns: frozenset[str]
    as_frame_verbs: frozenset[str]
    clarity_adjectives: frozenset[str]
    presenting_verbs: frozenset[str]

    @cached_property
    def verbs(self) -> frozenset[str]:
        """Every lemma that can introduce a report."""
        return self.speech | self.belief | self.quote_only | self.raising_passive | self.accusation


def _lemmas(data: dict[str, Any], key: str, name: str) -> frozenset[str]:
    value = data.get(key)
    if value is None:
        raise RuntimeError(f"geodiscourse/rules/{name}: '{key}' must be a list of words")
    return word_list(value, f"geodiscourse/rules/{name} {key}")


@lru_cache(maxsize=1)
def reporting_lexicon() -> ReportingLexicon:
    name = "attribution/reporting_verbs.yaml"
    data = read_yaml_mapping(name)
    return ReportingLexicon(
        **{key: _lemmas(data, key, name) for key in ReportingLexicon.__dataclass_fields__}
    )
