"""Judgments a named speaker voices (evaluations.py) and the back-off reading of acts
whose actors do not resolve (backoff.py).

Judgments: a speaker's reported words or a verb of naming with a predicate make an
ACCUSE (disapproval) or SUPPORT (praise) of the actor judged; opinions of no one,
conditional judgments, negated praise words and names that only modify the judged thing
are not events. Back-off: a sentence that names an act by someone gets a low-confidence
row when the strict frames found nothing, but things do not act and a side a frame needs
must be someone.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from geodiscourse.core.rows import EventRow
from geodiscourse.extract.attribution import attributions_for_document
from geodiscourse.extract.events import extract_events
from geodiscourse.extract.events.backoff import BACKOFF_FACTOR
from geodiscourse.extract.events.evaluations import evaluation_rules
from geodiscourse.extract.events.lexicon import COMPILED_NOUN_CONFIDENCE, compiled_nouns, plover_lexicon
from tests.extract.events.test_events_fixtures import make_context


def rows_of(nlp: Language, text: str) -> list[EventRow]:
    ctx = make_context(nlp, text)
    return extract_events(ctx, attributions_for_document(ctx))


def asserted(rows: list[EventRow]) -> list[tuple[str, str | None, str | None]]:
    return [
        (r["event_type"], r["source_actor_id"], r["target_actor_id"])
        for r in rows
        if r["modality"] == "asserted"
    ]


# (sentence, type, source, target, trigger)
# fmt: off
JUDGMENTS = [
    # reported words that judge someone
    ("Michael Howard said Mr Straw was naive beyond belief.", "ACCUSE", "michael-howard", "jack-straw", "naive"),
    ("Jack Straw said the US was very bad at coordinating with anyone.", "ACCUSE", "jack-straw", "USA", "bad"),
    ("Mr Blair said Russia had been a great partner.", "SUPPORT", "tony-blair", "RUS", "great"),
    # verbs of naming with a predicate
    ("Putin called Washington a disgrace.", "ACCUSE", "vladimir-putin", "USA", "disgrace"),
    ("Russia branded the EU a failure.", "ACCUSE", "RUS", "EU", "branded"),
    ("John Bolton described Putin as a great leader.", "SUPPORT", "john-bolton", "vladimir-putin", "great"),
    # an adjective grading a noun of the opposite valence does not count against it
    ("Jack Straw said Russia was the greatest foe.", "ACCUSE", "jack-straw", "RUS", "foe"),
    # a possessor owns the conduct judged
    ("Mr Blair said Russia's behaviour was unacceptable.", "ACCUSE", "tony-blair", "RUS", "unacceptable"),
    ("Jack Straw said he was disappointed by Russia's decision.", "ACCUSE", "jack-straw", "RUS", "disappointed"),
    # a verb of naming condemns an act or policy though it names no actor
    ("Michael Howard called it heartless.", "ACCUSE", "michael-howard", None, "heartless"),
    ("Jack Straw described the ban as cruelty.", "ACCUSE", "jack-straw", None, "cruelty"),
    ("Michael Howard called the journalists liars.", "ACCUSE", "michael-howard", None, "liars"),
    # one actor denigrating another: the codebook's "defame, denigrate responsible parties"
    ("John Bolton smeared Jack Straw.", "ACCUSE", "john-bolton", "jack-straw", "smeared"),
    ("Russia insulted the EU on Monday.", "ACCUSE", "RUS", "EU", "insulted"),
    # reported words that condemn a particular act accuse whoever did it, named or not
    ("Russia said the sale was illegal.", "ACCUSE", "RUS", None, "illegal"),
    # an accusation called nonsense is rejected, not judged
    ("Putin described the accusations as nonsense.", "REJECT", "vladimir-putin", None, "nonsense"),
    # denials: insisting on a negated clause
    ("Russia insisted that it never interfered in the election.", "REJECT", "RUS", None, "insisted"),
    ("Jack Straw maintained that nobody had misled Parliament.", "REJECT", "jack-straw", None, "maintained"),
    # an answer that negates or opens with "No", "said no", a denial of one's own act
    ('Jack Straw responded, "No, I don\'t think so."', "REJECT", "jack-straw", None, "responded"),
    ("Russia said no to the plan.", "REJECT", "RUS", None, "said"),
    ('"I did not say that," Jack Straw said.', "REJECT", "jack-straw", None, "said"),
    # ... and in reported speech, when the clause's pronoun is the speaker
    ("Russia said it never advocated a ban.", "REJECT", "RUS", None, "said"),
    # "no" before the object negates the clause insisted on
    ("Jack Straw insisted he had done no deals over the premiership.", "REJECT", "jack-straw", None, "insisted"),
    # praise of a particular act supports whoever did it; "positive" before a noun grades it
    ("Jack Straw said the decision was a positive one.", "SUPPORT", "jack-straw", None, "positive"),
    ("Jack Straw said Russia's decision was a positive decision.", "SUPPORT", "jack-straw", "RUS", "positive"),
]
NOT_JUDGMENTS = [
    # an opinion of no one
    "Mr Straw said the weather was terrible.",
    # a verb of feeling does nothing to anyone
    "Russia fears NATO.",
    # a condition, or any one of a kind, is no particular act to condemn
    "Jack Straw said the economy was terrible.",
    "Jack Straw said a nuclear attack was the main danger.",
    # the speaker's own state, not a judgment of the actor named after it
    "The US said it was confident that Russia directed the hacks.",
    # a condition, not anyone's conduct, named as bad
    "Jack Straw called the situation difficult.",
    # praise of a thing is talk
    "Jack Straw called the plan a success.",
    # a name that only modifies the judged thing: the code is judged, not the EU
    "Jack Straw said an EU arms code was more effective than the current ban.",
    # conditional
    "Michael Howard said it would be very troubling if Britain did not act.",
    # negated
    "Mr Blair said Russia was not a bad partner.",
    "Michael Howard said Mr Straw was not naive.",
]
NOT_DENIALS = [
    # insisting on something affirmative denies nothing
    "Russia insisted that the talks were useful.",
    # a plain report of a negation is a fact, not a denial
    "Russia said it had not received the letter.",
    # another's act negated is a report, not the speaker's denial
    "Jack Straw said Russia never advocated a ban.",
    # a denial that is not made
    "Russia did not insist that it never interfered.",
    "If Russia insists that it did not interfere, the talks will fail.",
    # one's own state, wish, trait or duty, said plainly, denies nothing
    '"I don\'t know," Jack Straw said.',
    '"I do not wish to make any judgements," Jack Straw said.',
    '"I am president, I am not king," Jack Straw said.',
    '"We shouldn\'t threaten them," Jack Straw said.',
    # what one has or knows is no act denied
    "Jack Straw said he had no idea what the letter held.",
]
# fmt: on


@pytest.mark.parametrize(("text", "event_type", "source", "target", "trigger"), JUDGMENTS)
def test_judgments(nlp: Language, text: str, event_type: str, source: str, target: str, trigger: str) -> None:
    rows = [r for r in rows_of(nlp, text) if r["event_type"] == event_type]
    assert rows, f"no {event_type} in {text!r}"
    row = rows[0]
    assert (row["source_actor_id"], row["target_actor_id"], row["modality"]) == (source, target, "asserted")
    assert trigger in row["trigger"]
    assert row["confidence"] <= evaluation_rules().confidence
    if event_type == "ACCUSE":
        assert row["event_mode"] == "disapprove"


@pytest.mark.parametrize("text", NOT_DENIALS)
def test_not_denials(nlp: Language, text: str) -> None:
    assert [r for r in asserted(rows_of(nlp, text)) if r[0] == "REJECT"] == []


@pytest.mark.parametrize("text", NOT_JUDGMENTS)
def test_not_judgments(nlp: Language, text: str) -> None:
    assert [r for r in asserted(rows_of(nlp, text)) if r[0] in ("ACCUSE", "SUPPORT")] == []


# (sentence, type, source, target)
# fmt: off
BACKOFF = [
    # an event noun with an actor of its own, in a sentence with no other event
    ("Britain's ban on arms sales to China angered Beijing.", "COERCE", "GBR", None),
    # unnamed people acted on by a named actor
    ("Russian officials arrested the founders of the firm.", "COERCE", "RUS", None),
]
NO_BACKOFF = [
    # a thing does not act
    "The Tsunami struck south Asia.",
    "The war dominated the campaign.",
    # a possessed thing is no actor
    "Russia's quest for autonomy offers the United States leverage.",
    # a side the frame needs is a thing
    "Mr Blair visited the tomb of Yasser Arafat.",
    # verbs of saying and thinking leave the act to their clause
    "Jack Straw expects it to be lifted over the next six months.",
    # a modifier names the topic, not the actor: "EU rules"
    "The current EU rules limit the size of a deficit to 3% of GDP.",
]
# fmt: on


@pytest.mark.parametrize(("text", "event_type", "source", "target"), BACKOFF)
def test_backoff_rows(
    nlp: Language, text: str, event_type: str, source: str | None, target: str | None
) -> None:
    rows = [r for r in rows_of(nlp, text) if r["event_type"] == event_type]
    assert rows, f"no {event_type} in {text!r}"
    assert (rows[0]["source_actor_id"], rows[0]["target_actor_id"]) == (source, target)


@pytest.mark.parametrize("text", NO_BACKOFF)
def test_no_backoff(nlp: Language, text: str) -> None:
    assert asserted(rows_of(nlp, text)) == []


def test_backoff_rows_are_less_confident_than_their_frames(nlp: Language) -> None:
    """A back-off row's confidence is its frame's or noun's scaled by BACKOFF_FACTOR."""
    row = next(
        r
        for r in rows_of(nlp, "Britain's ban on arms sales to China angered Beijing.")
        if r["trigger"] == "ban"
    )
    assert row["confidence"] <= COMPILED_NOUN_CONFIDENCE * BACKOFF_FACTOR + 1e-9


def test_compiled_nouns_leave_hand_nouns_alone() -> None:
    """The hand-written nouns of plover.yaml take precedence over compiled ones."""
    assert not set(compiled_nouns()) & set(plover_lexicon().nouns)


WORDS = [
    "Russia",
    "said",
    "the",
    "US",
    "was",
    "naive",
    "great",
    "not",
    "a",
    "partner",
    "called",
    "Putin",
    "bad",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
def test_judgments_never_judge_their_speaker(nlp: Language, words: list[str]) -> None:
    """Whatever the words, a judgment has a source and a target other than it."""
    for row in rows_of(nlp, " ".join(words) + "."):
        if row["event_mode"] == "disapprove" or row["event_type"] == "SUPPORT":
            assert row["source_actor_id"] != row["target_actor_id"]


def test_two_readings_of_one_trigger_give_one_row(nlp: Language) -> None:
    """A quotation and its reporting clause both attribute the words to the speaker; the
    judgment they share is one row (event_id is the table's primary key)."""
    text = (
        'Tony Blair won. "Thank you to Russia for just being so complex and so interesting, '
        'and making us all just come together," said Mr Blair, accepting his award on Saturday.'
    )
    ids = [r["event_id"] for r in rows_of(nlp, text)]
    assert ids and len(ids) == len(set(ids))
