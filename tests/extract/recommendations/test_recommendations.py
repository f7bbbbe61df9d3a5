"""Recommendations: what is advice and what only looks like it, and each row's fields.

Sentences are short excerpts in the style of the BBC politics articles (bbc-news-2095,
MIT) and the seed commentaries. Actors are resolved from a small table of surface
forms (``make_ctx``), so these tests check the recommendation rules alone; proposal
lists and invariants are in test_recommendations_lists.py.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from geodiscourse.core.rows import RecommendationRow
from geodiscourse.extract.attribution import Attribution
from geodiscourse.extract.coreference import resolve_coreference
from geodiscourse.extract.recommendations import extract_recommendations
from geodiscourse.extract.recommendations.lexicon import load_rules, rules_from_mapping
from geodiscourse.nlp.context import DocContext, ResolvedMention
from tests.extract.doc_contexts import context_with_actors

#: Surface form -> (actor_id, kind, country).
ACTORS: dict[str, tuple[str, str, str | None]] = {
    "London": ("GBR", "state", "GBR"),
    "Britain": ("GBR", "state", "GBR"),
    "UK": ("GBR", "state", "GBR"),
    "British": ("GBR", "state", "GBR"),
    "Washington": ("USA", "state", "USA"),
    "United States": ("USA", "state", "USA"),
    "US": ("USA", "state", "USA"),
    "Moscow": ("RUS", "state", "RUS"),
    "Russia": ("RUS", "state", "RUS"),
    "Kremlin": ("RUS", "state", "RUS"),
    "China": ("CHN", "state", "CHN"),
    "Beijing": ("CHN", "state", "CHN"),
    "Turkey": ("TUR", "state", "TUR"),
    "Nato": ("NATO", "igo", None),
    "Mary Robinson": ("mary-robinson", "person", "IRL"),
    "Amitai Etzioni": ("amitai-etzioni", "person", "USA"),
    "Etzioni": ("amitai-etzioni", "person", "USA"),
    "Michael Howard": ("michael-howard", "person", "GBR"),
    "Mr Howard": ("michael-howard", "person", "GBR"),
}


def make_ctx(nlp: Language, text: str) -> DocContext:
    """A DocContext whose mentions are the whole-word occurrences of ``ACTORS``' forms,
    with pronouns and "the government" resolved as the pipeline does."""
    return resolve_coreference(context_with_actors(nlp, text, ACTORS))


def recommend(
    nlp: Language, text: str, attributions: dict[int, list[Attribution]] | None = None
) -> list[RecommendationRow]:
    ctx = make_ctx(nlp, text)
    return extract_recommendations(ctx, {} if attributions is None else attributions)


@pytest.mark.parametrize(
    ("text", "modal", "strength", "addressee", "action", "condition"),
    [
        # modal auxiliaries
        (
            "Washington should offer to restore normal diplomatic contacts.",
            "should",
            "moderate",
            "USA",
            "offer to restore normal diplomatic contacts",
            None,
        ),
        (
            "London must act quickly on the ruling.",
            "must",
            "strong",
            "GBR",
            "act quickly on the ruling",
            None,
        ),
        ("Britain ought to rethink its policy.", "ought to", "moderate", "GBR", "rethink its policy", None),
        ("Britain should not join the euro.", "should", "moderate", "GBR", "not join the euro", None),
        ("Britain shouldn't join the euro.", "should", "moderate", "GBR", "not join the euro", None),
        # semi-modals
        ("Moscow needs to end its aggression.", "needs to", "strong", "RUS", "end its aggression", None),
        ("Washington has to decide.", "has to", "strong", "USA", "decide", None),
        # a shouted modal and verb ("MUST ACT"), as tweets write them
        ("London MUST ACT NOW!", "must", "strong", "GBR", "ACT NOW", None),
        # spoken forms of "have got to"
        ("Washington's got to decide.", "'s got to", "strong", "USA", "decide", None),
        (
            "We've gotta continue to press on both fronts.",
            "'ve gotta",
            "strong",
            None,
            "continue to press on both fronts",
            None,
        ),
        # advisory phrases, strong to weak
        (
            "Washington would do well to take a page out of the Russian playbook.",
            "would do well to",
            "moderate",
            "USA",
            "take a page out of the Russian playbook",
            None,
        ),
        (
            "London may want to reconsider its stance.",
            "may want to",
            "weak",
            "GBR",
            "reconsider its stance",
            None,
        ),
        # the first conjunct of a coordinated subject names the addressee
        (
            "Washington and its partners should remain open to talks.",
            "should",
            "moderate",
            "USA",
            "remain open to talks",
            None,
        ),
        (
            "The UK and US must realise they cannot prevent all attacks.",
            "must",
            "strong",
            "GBR",
            "realise they cannot prevent all attacks",
            None,
        ),
        # a passive advises whoever would act: no addressee named
        ("The law should be changed.", "should", "moderate", None, "be changed", None),
        (
            "The power should only be used in extreme cases.",
            "should",
            "moderate",
            None,
            "only be used in extreme cases",
            None,
        ),
        (
            "More needs to be done to tackle fraud.",
            "needs to",
            "strong",
            None,
            "be done to tackle fraud",
            None,
        ),
        # impersonal and nominal frames
        ("It is essential that Britain acts now.", "It is essential", "strong", "GBR", "acts now", None),
        ("It is time for Britain to join the euro.", "It is time", "moderate", "GBR", "join the euro", None),
        ("It is vital to act now.", "It is vital", "strong", None, "act now", None),
        (
            "There is an urgent need to curb terrorists' access to nuclear arms.",
            "There is an urgent need to",
            "strong",
            None,
            "curb terrorists' access to nuclear arms",
            None,
        ),
        (
            "The priority should be on failing states.",
            "priority should be",
            "moderate",
            None,
            "on failing states",
            None,
        ),
        (
            "The best course would be to rethink the treaty.",
            "course would be",
            "moderate",
            None,
            "rethink the treaty",
            None,
        ),
        # present-tense demands
        ("This calls for closer scrutiny.", "calls for", "moderate", None, "closer scrutiny", None),
        (
            "The committee urges Britain to rethink the plans.",
            "urges",
            "moderate",
            "GBR",
            "rethink the plans",
            None,
        ),
        # conditions: a clause or a fixed phrase, cut from the action
        (
            "Washington should lift sanctions on the condition that Moscow end its aggression.",
            "should",
            "moderate",
            "USA",
            "lift sanctions",
            "on the condition that Moscow end its aggression",
        ),
        (
            "Britain should quit the talks if Russia attacks.",
            "should",
            "moderate",
            "GBR",
            "quit the talks",
            "if Russia attacks",
        ),
        ("London must, if necessary, raise taxes.", "must", "strong", "GBR", "raise taxes", "if necessary"),
        (
            "Britain should act unless Moscow withdraws.",
            "should",
            "moderate",
            "GBR",
            "act",
            "unless Moscow withdraws",
        ),
    ],
)
def test_recommendation_fields(
    nlp: Language,
    text: str,
    modal: str,
    strength: str,
    addressee: str | None,
    action: str,
    condition: str | None,
) -> None:
    rows = recommend(nlp, text)
    assert len(rows) == 1, rows
    row = rows[0]
    assert row["modal"].lower() == modal.lower()
    assert row["strength"] == strength
    assert row["addressee_actor_id"] == addressee
    assert row["action"] == action
    assert row["condition"] == condition
    assert row["recommender_actor_id"] is None  # the author's own advice
    assert 0.0 <= row["confidence"] <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        # epistemic or predictive "should"
        "The talks should end by Friday.",
        "Investors should find the terms attractive.",
        "Russian leaders should find an offer of a respectable position very much in their interest.",
        "As the superior power, the United States should not find that to be an impossible task.",
        "The new rules should help the economy.",
        # conditional inversion and questions
        "Sanctions would follow should the talks fail.",
        "This dual message of diplomacy and harsh counter-measures should Russia attack appears to have worked.",
        "Should Britain join the euro?",
        "Shouldn't Britain join the euro?",
        # descriptions of needs or abilities
        "The party needs a new leader to win.",
        "Only the Treasury can raise the money.",
        "Washington will still need a Russia strong enough to control its own territory.",
        "Only Washington can provide the opportunities that it needs to preserve its autonomy.",
        # inference, counterfactual, past and predicted necessity
        "It must have been a difficult decision.",
        "He must remember his confrontation with the voters.",
        "Britain should have acted sooner.",
        "Britain had to leave the talks in 1998.",
        "Britain will have to decide soon.",
        "Britain does not need to decide yet.",
        # possibilities and hypotheticals ("could"/"would" alone)
        "The decision could undermine Nato.",
        "An EU code of conduct would prevent an increase in arms exports.",
        "There is little prospect of America agreeing, which could further provoke campaigners.",
        "Washington could use Moscow to help create regional balances of power.",
        # figures of speech and the speaker's own duty
        "I have to say the result was a surprise.",
        "I must admit I was wrong.",
        "I have to chase them all the time.",
        # a title, a rule described, a denied consequence, an indirect question
        'The report, entitled "We Must Act Now", was published on Monday.',
        "Under the agreement, Turkey must issue a written statement.",
        "That does not mean Turkey should be barred from Europe.",
        "Nobody knows how Britain should respond.",
        # whose interest, not advice; past demands are events
        "It is crucial to Russia that its neighbours stay out of Nato.",
        "Germany and France have repeatedly called for the embargo to be lifted.",
        "There is no need to panic.",
        # interpretive passives
        "India's engagement should be understood through the lens of strategic autonomy.",
        # an entitlement, negative polarity, a thing whose possessor is an actor
        "He said it was their right to hold such views.",
        "He denied there is any need for changes to the plans.",
        "His bid to disengage from Gaza has to be part of the peace process.",
        # a wh-clause, and a named person's duty narrated by the author
        "Nobody can say what the party needs to do.",
        "Roddick has to defend a break point.",
    ],
)
def test_not_recommendations(nlp: Language, text: str) -> None:
    assert recommend(nlp, text) == []


def test_two_recommendations_in_one_sentence_split_the_action(nlp: Language) -> None:
    rows = recommend(
        nlp,
        "The UK and US must realise they cannot prevent all terror attacks and should focus on "
        "making sure they are not nuclear strikes.",
    )
    assert [(r["modal"], r["action"]) for r in rows] == [
        ("must", "realise they cannot prevent all terror attacks"),
        ("should", "focus on making sure they are not nuclear strikes"),
    ]
    assert all(r["addressee_actor_id"] == "GBR" for r in rows)


def test_pronoun_addressee_refers_back(nlp: Language) -> None:
    text = "The United States cannot afford to look at Russia through one prism. It needs to appreciate the roles Russia plays."
    rows = recommend(nlp, text)
    assert [(r["modal"], r["addressee_actor_id"]) for r in rows] == [("needs to", "USA")]


def test_the_government_is_the_one_the_document_names(nlp: Language) -> None:
    text = "The government must act quickly on the ruling. The response of the British government will be watched."
    ctx = make_ctx(nlp, text)
    # resolve "British government" the way the actor resolver does: the head noun carries the state
    gov = next(t for t in ctx.doc if t.lower_ == "government" and t.i > 5)
    ctx.mentions.append(
        ResolvedMention(
            "GBR",
            gov.i - 1,
            gov.i + 1,
            ctx.doc[gov.i - 1].idx,
            gov.idx + 10,
            "British government",
            "gazetteer",
        )
    )
    ctx = resolve_coreference(DocContext(ctx.doc_id, ctx.doc, None, ctx.mentions, ctx.actors))
    rows = extract_recommendations(ctx, {})
    assert [r["addressee_actor_id"] for r in rows] == ["GBR"]


def test_confidence_orders_strong_resolved_above_weak() -> None:
    conf = load_rules().confidence
    assert conf.base["strong"] + conf.addressee_resolved > conf.base["moderate"] > conf.base["weak"]
    assert conf.proposal_bare < conf.proposal_introduced < conf.base["moderate"]


def test_rules_name_a_missing_key() -> None:
    with pytest.raises(ValueError, match="modal_auxiliaries"):
        rules_from_mapping({"confidence": {}})


def test_rules_reject_an_unknown_strength() -> None:
    with pytest.raises(ValueError, match="strong, moderate, weak"):
        rules_from_mapping({"modal_auxiliaries": {"must": "very"}, "confidence": {}})
