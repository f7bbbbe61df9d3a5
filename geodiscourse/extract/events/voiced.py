"""Events voiced by a named speaker: "'We will strike back,' Kim said" is Kim's threat.

Quoted and reported words belong to their speaker (geodiscourse.extract.attribution
finds who). Inside them, a first-person actor ("I", "we") is the speaker, and a conflict
act the speaker's side announces in the future ("we will destroy", "any attack will be
met with force") is a threat the speaker made: an asserted THREATEN of the speaker, as
the codebook codes a threat actually made, conditional or not. A modal of possibility
("we could strike") stays what it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from geodiscourse.extract.attribution import Attribution
from geodiscourse.extract.events.intent import modals_of
from geodiscourse.extract.events.lexicon import ModalityRules

_FIRST_PERSON = frozenset({"i", "we"})


def speaker_of(attributions: Sequence[Attribution], start: int, end: int) -> str | None:
    """The named speaker whose reported or quoted words hold the characters start..end."""
    for attribution in attributions:
        if (
            attribution.speaker_actor_id
            and attribution.content_start <= start
            and end <= attribution.content_end
        ):
            return attribution.speaker_actor_id
    return None


def speaker_as_subject(subject: Token | None, voices: Sequence[Attribution]) -> str | None:
    """A speaker's "I" or "we" in their own quoted or reported words is the speaker."""
    if subject is None or not voices or subject.lower_ not in _FIRST_PERSON:
        return None
    return speaker_of(voices, subject.idx, subject.idx + len(subject.text))


def voiced_threat(clause: Token, event_type: str, rules: ModalityRules) -> bool:
    """Does the speaker announce a conflict act of its own side: a future modal on the
    event's clause, first person or no named agent ("will be met with force")?"""
    if event_type not in rules.commitment_threaten_types or clause.pos_ not in ("VERB", "AUX"):
        return False
    modals = modals_of(clause)
    if not modals or not modals <= rules.future_modals:
        return False
    # a condition is what makes a threat: "if they attack, we will destroy them"
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    passive = any(c.dep_ == "auxpass" for c in clause.children)
    return (
        subject is None
        or subject.lower_ in _FIRST_PERSON
        or (passive and not any(c.dep_ == "agent" for c in clause.children))
    )
