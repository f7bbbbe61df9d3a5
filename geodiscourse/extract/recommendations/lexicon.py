"""The prescriptive lexicon (rules/recommendations/prescriptive.yaml), loaded once into typed form.

Keeping the words in a data file lets an analyst see and change what counts as advice
without reading the matching code; the dataclass turns each list into the set or map
the matchers look words up in, so a misspelt key fails at load time, not mid-run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from geodiscourse.rules import read_yaml_mapping
from geodiscourse.rules.word_lists import word_list

RULES_FILE = "recommendations/prescriptive.yaml"
STRENGTHS = ("strong", "moderate", "weak")


@dataclass(frozen=True)
class Confidence:
    base: dict[str, float]
    addressee_resolved: float
    passive: float
    copula: float
    frame: float
    demand_verb: float
    backshifted: float
    proposal_introduced: float
    proposal_bare: float


@dataclass(frozen=True)
class PrescriptiveRules:
    modal_auxiliaries: dict[str, str]
    semi_modals: dict[str, str]
    multiword: dict[tuple[str, ...], str]
    non_prescriptive_preceding: frozenset[str]
    impersonal_adjectives: dict[str, str]
    discourse_verbs: frozenset[str]
    need_nouns: frozenset[str]
    course_nouns: frozenset[str]
    course_would_markers: frozenset[str]
    demand_verbs: dict[str, str]
    directive_exclusions: frozenset[str]
    demand_subject_nouns: frozenset[str]
    experiencer_verbs: frozenset[str]
    inference_verbs: frozenset[str]
    agentive_find_objects: frozenset[str]
    non_prescriptive_passives: frozenset[str]
    speech_act_verbs: frozenset[str]
    page_actions: frozenset[str]
    exclamative_commands: frozenset[str]
    outcome_verbs: frozenset[str]
    hortative_frames: frozenset[str]
    discourse_commands: frozenset[str]
    text_comment_verbs: frozenset[str]
    agent_pronouns: frozenset[str]
    agent_nouns: frozenset[str]
    partitive_nouns: frozenset[str]
    designed_subjects: frozenset[str]
    needed_subjects: frozenset[str]
    rule_nouns: frozenset[str]
    requirement_subjects: frozenset[str]
    requirement_passives: frozenset[str]
    requirement_verbs: frozenset[str]
    requirement_predicates: frozenset[str]
    negated_matrix_verbs: frozenset[str]
    condition_marks: tuple[tuple[str, ...], ...]
    condition_phrases: tuple[tuple[str, ...], ...]
    inverted_condition_auxiliaries: frozenset[str]
    title_cues: frozenset[str]
    list_introducer_words: frozenset[str]
    bullet_marks: frozenset[str]
    ing_non_verbs: frozenset[str]
    confidence: Confidence

    @cached_property
    def multiword_by_first_word(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """The fixed phrases by their first word, each list in the rule file's order, so a
        sentence's words are compared only with the phrases that can start there."""
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, strength in self.multiword.items():
            index.setdefault(phrase[0], []).append((phrase, strength))
        return index


def _words(raw: dict[str, Any], key: str) -> frozenset[str]:
    """A word list of the file (plain, or over the shared lists), lower-cased."""
    return word_list(raw[key], f"rules/{RULES_FILE} {key}")


def _strengths(raw: dict[str, Any], key: str) -> dict[str, str]:
    table = {str(k).lower(): str(v) for k, v in raw[key].items()}
    bad = {k: v for k, v in table.items() if v not in STRENGTHS}
    if bad:
        raise ValueError(f"rules/{RULES_FILE}: {key} has strengths {bad}; use one of {', '.join(STRENGTHS)}")
    return table


def _phrases(raw: dict[str, Any], key: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word entries as word tuples, longest first so "on the condition that"
    wins over a shorter phrase sharing its start."""
    phrases = {tuple(str(p).lower().split()) for p in raw[key]}
    return tuple(sorted(phrases, key=lambda p: (-len(p), p)))


def rules_from_mapping(raw: dict[str, Any]) -> PrescriptiveRules:
    """Typed rules from the parsed YAML; raises ValueError naming a missing key."""
    try:
        conf = raw["confidence"]
        return PrescriptiveRules(
            modal_auxiliaries=_strengths(raw, "modal_auxiliaries"),
            semi_modals=_strengths(raw, "semi_modals"),
            multiword={tuple(k.split()): v for k, v in _strengths(raw, "multiword").items()},
            non_prescriptive_preceding=_words(raw, "non_prescriptive_preceding"),
            impersonal_adjectives=_strengths(raw, "impersonal_adjectives"),
            discourse_verbs=_words(raw, "discourse_verbs"),
            need_nouns=_words(raw, "need_nouns"),
            course_nouns=_words(raw, "course_nouns"),
            course_would_markers=_words(raw, "course_would_markers"),
            demand_verbs=_strengths(raw, "demand_verbs"),
            directive_exclusions=_words(raw, "directive_exclusions"),
            demand_subject_nouns=_words(raw, "demand_subject_nouns"),
            experiencer_verbs=_words(raw, "experiencer_verbs"),
            inference_verbs=_words(raw, "inference_verbs"),
            agentive_find_objects=_words(raw, "agentive_find_objects"),
            non_prescriptive_passives=_words(raw, "non_prescriptive_passives"),
            speech_act_verbs=_words(raw, "speech_act_verbs"),
            page_actions=_words(raw, "page_actions"),
            exclamative_commands=_words(raw, "exclamative_commands"),
            outcome_verbs=_words(raw, "outcome_verbs"),
            hortative_frames=_words(raw, "hortative_frames"),
            discourse_commands=_words(raw, "discourse_commands"),
            text_comment_verbs=_words(raw, "text_comment_verbs"),
            agent_pronouns=_words(raw, "agent_pronouns"),
            agent_nouns=_words(raw, "agent_nouns"),
            partitive_nouns=_words(raw, "partitive_nouns"),
            designed_subjects=_words(raw, "designed_subjects"),
            needed_subjects=_words(raw, "needed_subjects"),
            rule_nouns=_words(raw, "rule_nouns"),
            requirement_subjects=_words(raw, "requirement_subjects"),
            requirement_passives=_words(raw, "requirement_passives"),
            requirement_verbs=_words(raw, "requirement_verbs"),
            requirement_predicates=_words(raw, "requirement_predicates"),
            negated_matrix_verbs=_words(raw, "negated_matrix_verbs"),
            condition_marks=_phrases(raw, "condition_marks"),
            condition_phrases=_phrases(raw, "condition_phrases"),
            inverted_condition_auxiliaries=_words(raw, "inverted_condition_auxiliaries"),
            title_cues=_words(raw, "title_cues"),
            list_introducer_words=_words(raw, "list_introducer_words"),
            bullet_marks=frozenset(str(b) for b in raw["bullet_marks"]),
            ing_non_verbs=_words(raw, "ing_non_verbs"),
            confidence=Confidence(
                base={k: float(v) for k, v in conf["base"].items()},
                addressee_resolved=float(conf["addressee_resolved"]),
                passive=float(conf["passive"]),
                copula=float(conf["copula"]),
                frame=float(conf["frame"]),
                demand_verb=float(conf["demand_verb"]),
                backshifted=float(conf["backshifted"]),
                proposal_introduced=float(conf["proposal_introduced"]),
                proposal_bare=float(conf["proposal_bare"]),
            ),
        )
    except KeyError as err:
        raise ValueError(f"rules/{RULES_FILE} lacks the key {err.args[0]!r}: restore it from git") from err


@lru_cache(maxsize=1)
def load_rules() -> PrescriptiveRules:
    """The packaged prescriptive rules, parsed once per process."""
    raw = read_yaml_mapping(RULES_FILE)
    return rules_from_mapping(raw)
