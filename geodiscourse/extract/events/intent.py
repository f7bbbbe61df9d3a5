"""Intended events coded as the commitment their actor made (PLOVER AGREE, CONCEDE, THREATEN).

The PLOVER codebook codes what an actor commits itself to by the commitment, not by the
intended act: "Portugal will support Turkey's bid, its president said" is AGREE,
"announced it would withdraw troops" CONCEDE, "threatened to impose restrictions"
THREATEN, and the commitment, having been made, is asserted. The modality walk alone
would call those events hypothetical and leave the commitment out of the data.

A commitment is read only where the text makes it the actor's own:

- a committing verb or adjective governs the event's infinitive with the same subject
  ("agreed to", "pledged to", "is ready to");
- or the event's clause has a future modal and is reported by its own actor or one who
  speaks for it ("Syria says it will withdraw", "Portugal will support ..., its president
  said"), not by a forecaster ("analysts say ...", rules/events/event_modality.yaml).

A prediction by someone else ("analysts say Iran will retaliate"), the author's own
forecast, a question or a modal of possibility stays hypothetical; a condition does not
undo a commitment ("will boycott the elections unless ..." is a threat made). A
refused or negated commitment of a cooperative act ("will not accept refugees", "refused
to meet") is a rejection. The word lists are in rules/events/event_modality.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from geodiscourse.extract.events.lexicon import ModalityRules
from geodiscourse.extract.events.modality import SELF_PRONOUNS
from geodiscourse.nlp.text import span_text


@dataclass(frozen=True)
class Commitment:
    event_type: str
    governor: Token  # the token that carries the commitment (modal's verb or committing verb)
    mode: str | None = None  # a rejection's mode: what was refused (assist, yield, meet)


def modals_of(verb: Token) -> set[str]:
    """The modal auxiliaries of a verb ("will", "would", "may"), lower-cased."""
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"}


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _reporter(clause: Token, rules: ModalityRules) -> Token | None:
    """The reporting verb of a clause: its governor ("Iran said it will ..."), or a
    reporting verb hung on it after a comma ("Turkey will allow ..., officials said")."""
    verbs = rules.commitment_verbs | rules.refusal_reporting_verbs
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in verbs:
        return clause.head
    if clause.dep_ == "ROOT":
        return next(
            (
                c
                for c in clause.children
                if c.dep_ in ("parataxis", "ccomp", "advcl", "conj")
                and c.i > clause.i
                and c.lemma_.lower() in verbs
            ),
            None,
        )
    return None


def _stranded_speaker(reporter: Token) -> Token | None:
    """The speaker of a trailing "..., the World Food Program (WFP) said" that the
    parser cut off from its verb (hung on a noun before it): the noun right before the
    verb, past brackets and punctuation."""
    if reporter.dep_ != "conj":
        return None
    i = reporter.i - 1
    while i > 0 and reporter.doc[i].is_punct:
        i -= 1
    before = reporter.doc[i]
    while before.dep_ == "appos" and before.head.i < before.i and before.head.pos_ in ("NOUN", "PROPN"):
        before = before.head  # "the World Food Program (WFP)": the programme speaks
    return before if before.pos_ in ("NOUN", "PROPN") else None


def _reported_by_itself(clause: Token, rules: ModalityRules) -> bool:
    """Is the clause reported by its own actor or one who speaks for it ("Iran said it
    will ...", "Portugal will support ..., its president said")?"""
    reporter = _reporter(clause, rules)
    if reporter is None:
        return False
    if modals_of(reporter) or _negated(reporter):
        return False
    subject, speaker = _subject(clause), _subject(reporter) or _stranded_speaker(reporter)
    if subject is None or speaker is None:
        return False
    if subject.lower_ in SELF_PRONOUNS or subject.lemma_.lower() == speaker.lemma_.lower():
        return True
    # someone speaking for the actor, not a forecaster: "..., its president said"
    return speaker.lemma_.lower() not in rules.prediction_voices and speaker.pos_ in ("NOUN", "PROPN")


def _explicit_governor(verb: Token, rules: ModalityRules) -> Token | None:
    """The committing verb or adjective over an infinitive: "agreed to [withdraw]",
    "is ready to [send]"."""
    if verb.dep_ != "xcomp":
        return None
    governor = verb.head
    lemma = governor.lemma_.lower()
    if governor.pos_ == "VERB" and lemma in rules.commitment_verbs - {"say", "announce", "confirm"}:
        return governor
    if governor.pos_ == "ADJ" and lemma in rules.commitment_adjectives:
        return governor
    if governor.pos_ == "VERB" and lemma in rules.commitment_refusal_verbs:
        return governor
    return None


def _type_for(event_type: str, refused: bool, rules: ModalityRules) -> str | None:
    if refused:
        refusable = rules.commitment_agree_types | rules.commitment_concede_types
        return "REJECT" if event_type in refusable else None
    if event_type in rules.commitment_agree_types:
        return "AGREE"
    if event_type in rules.commitment_concede_types:
        return "CONCEDE"
    if event_type in rules.commitment_threaten_types:
        return "THREATEN"
    return None


def _mode_for(event_type: str, new_type: str, rules: ModalityRules) -> str | None:
    return rules.refusal_modes.get(event_type) if new_type == "REJECT" else None


def commitment(event_type: str, clause: Token, sent: Span, rules: ModalityRules) -> Commitment | None:
    """The commitment an intended event stands for, or None (see the module docstring).
    ``clause`` is the verb of the event's clause (the trigger verb or a light verb)."""
    if clause.pos_ not in ("VERB", "AUX") or span_text(sent).rstrip().rstrip("\"'”’").endswith("?"):
        return None
    # a condition does not undo a commitment: "will boycott the elections unless the
    # president steps down" is the canonical threat, "would meet him if ..." an offer
    governor = _explicit_governor(clause, rules)
    if governor is not None:
        if modals_of(governor) - rules.future_modals:
            return None
        refused = governor.lemma_.lower() in rules.commitment_refusal_verbs or _negated(governor)
        if governor.lemma_.lower() == "threaten" and not refused:
            return Commitment("THREATEN", governor)
        new_type = _type_for(event_type, refused, rules)
        if new_type is None or (event_type == "THREATEN" and not refused):
            return None
        return Commitment(new_type, governor, _mode_for(event_type, new_type, rules))
    modals = modals_of(clause)
    if not modals or not modals <= rules.future_modals:
        return None
    if not _reported_by_itself(clause, rules):
        return None
    refused = _negated(clause)
    new_type = _type_for(event_type, refused, rules)
    return None if new_type is None else Commitment(new_type, clause, _mode_for(event_type, new_type, rules))
