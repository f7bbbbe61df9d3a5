"""Recommendations in reported speech and the frames news reports put them in.

Sentences are short excerpts in the style of the BBC politics and business articles
(bbc-news-2095, MIT). Attributions are computed by the shared attribution module, so
these tests check how advice inside someone's words is found, whose it is and to whom
it goes; test_recommendations.py checks the rules on the author's own voice.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from geodiscourse.core.rows import RecommendationRow
from geodiscourse.extract.document import extract_document
from geodiscourse.extract.recommendations import extract_recommendations
from tests.extract.doc_contexts import context_with_actors
from tests.extract.recommendations.test_recommendations import make_ctx


def recommend(nlp: Language, text: str) -> list[RecommendationRow]:
    return extract_recommendations(make_ctx(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected_text", "modal", "recommender_text"),
    [
        pytest.param(
            '"America has spoken. The rest of the world should listen," the prime minister said.',
            "The rest of the world should listen",
            "should",
            "the prime minister",
            id="quote-before-speaker-partitive-subject",
        ),
        pytest.param(
            "Mr Howard reacted to the plan by saying Britain instead needed to reinforce its borders.",
            "Britain instead needed to reinforce its borders",
            "needed to",
            "Mr Howard",
            id="backshifted-need-after-gerund-report",
        ),
        pytest.param(
            'Any exit strategy must "augment and support" the democratic process.',
            'Any exit strategy must "augment and support" the democratic process',
            "must",
            None,
            id="must-quoted-verb-designed-subject",
        ),
        pytest.param(
            '"It has always been preferable that any differences be overcome through discussion," '
            "the companies said.",
            "It has always been preferable that any differences be overcome through discussion",
            "It has always been preferable",
            "the companies",
            id="present-perfect-evaluative-frame",
        ),
        pytest.param(
            "Mr Howard said exemptions were now needed to take into account the cost of reform.",
            "exemptions were now needed to take into account the cost of reform",
            "were needed",
            "Mr Howard",
            id="reported-passive-need",
        ),
        # a command in someone's words is their advice
        pytest.param(
            '"Stop the war now," the minister said.',
            "Stop the war now",
            "imperative",
            "the minister",
            id="reported-imperative",
        ),
        # a reported call in any tense, when it names who is to act and what
        pytest.param(
            "The minister called on the banks to lower their rates.",
            "The minister called on the banks to lower their rates",
            "called on",
            "The minister",
            id="past-call-on-x-to",
        ),
        pytest.param(
            "Britain was urged by the minister to take more refugees.",
            "Britain was urged by the minister to take more refugees",
            "urged",
            "the minister",
            id="passive-urge-by",
        ),
        pytest.param(
            "He tweeted on Saturday that players should stand.",
            "players should stand",
            "should",
            "He",
            id="tweeted-advice",
        ),
        pytest.param(
            "Ministers also called for the banks to act.",
            "Ministers also called for the banks to act",
            "called for",
            "Ministers",
            id="past-call-for-x-to",
        ),
        # people who call on someone to act advise, whatever noun names them
        pytest.param(
            "Viewers called on the network to fire those responsible.",
            "Viewers called on the network to fire those responsible",
            "called on",
            "Viewers",
            id="people-call-on-x-to",
        ),
        # a demand made, in the simple past, is the caller's advice though it names no addressee
        pytest.param(
            "The G7 ministers called for more flexibility in exchange rates.",
            "The G7 ministers called for more flexibility in exchange rates",
            "called for",
            "The G7 ministers",
            id="simple-past-call-for-a-thing",
        ),
        # coordinated verbs share their first verb's subject
        pytest.param(
            "The minister criticised the banks and called on them to lower their rates.",
            "The minister criticised the banks and called on them to lower their rates",
            "called on",
            "The minister",
            id="coordinated-call-on",
        ),
    ],
)
def test_reported_and_framed_advice(
    nlp: Language, text: str, expected_text: str, modal: str, recommender_text: str | None
) -> None:
    rows = recommend(nlp, text)
    assert [(r["text"], r["modal"], r["recommender_text"]) for r in rows] == [
        (expected_text, modal, recommender_text)
    ]


def test_reported_passive_need_is_less_confident_than_a_modal(nlp: Language) -> None:
    need = recommend(nlp, "Mr Howard said exemptions were now needed.")
    modal = recommend(nlp, "Mr Howard said Britain should grant exemptions.")
    assert len(need) == len(modal) == 1
    assert need[0]["confidence"] < modal[0]["confidence"]


@pytest.mark.parametrize(
    "text",
    [
        # the speaker's own need or duty, not advice
        pytest.param(
            "The US company said it needed to expand its air freight capacity.", id="company-own-need"
        ),
        pytest.param("Mr Howard said he had to fight on.", id="person-own-duty"),
        # needs described, not asked for
        pytest.param("More money was needed to finish the line.", id="author-passive-need"),
        pytest.param(
            "Mr Howard said additional evaluation was first needed at the site.", id="non-policy-need"
        ),
        pytest.param("He said he would decide if more troops were needed.", id="conditional-need"),
        # "should" with a designed subject predicts
        pytest.param("The plan should boost growth.", id="designed-subject-should"),
        pytest.param("The rest of the talks should end by Friday.", id="partitive-of-a-thing"),
        # a gerund report with no preposition keeps a past fact past
        pytest.param("He spent the day saying Britain had to leave.", id="gerund-without-by"),
        # a past call for a thing alone reports a request; a command in the author's voice
        # with no final stop is a headline, one that asks for a click is the page's, one
        # with its outcome is a condition, and "let me" is a figure of speech
        pytest.param("The unions have repeatedly called for an inquiry.", id="past-call-for-a-thing"),
        pytest.param("Stop the war now", id="imperative-headline"),
        pytest.param("Click here to read the full report.", id="imperative-page-furniture"),
        pytest.param("Join us on Facebook for the most engaging discussions!", id="imperative-join-us"),
        pytest.param("Speak out and you are damned.", id="imperative-with-its-outcome"),
        pytest.param('"Let me be clear," the minister said.', id="let-me"),
        # a verb conjoined to one with a subject shares it; a command completed by a
        # wh-clause exclaims; winning is an outcome a goal needs, not an act to advise
        pytest.param(
            "We also care deeply about our players and respect their opinions on social issues.",
            id="conjunct-shares-the-subject",
        ),
        pytest.param(
            "I understand and empathize with those who have remained silent.", id="conjunct-after-i"
        ),
        pytest.param("Look who's having the last laugh.", id="exclamative-look-who"),
        pytest.param("Guess what the committee decided next.", id="exclamative-guess-what"),
        pytest.param(
            "In order to win the election, Trump must win nearly every single battleground state.",
            id="must-win",
        ),
        pytest.param("The party needs to win the seat at the next election.", id="needs-to-win"),
        pytest.param(
            "Be sure to check out all that the park has to offer during your next trip.",
            id="be-sure-to-do-a-page-action",
        ),
        # a command that frames a statement, and "let's" that frames the talk
        pytest.param(
            "Natalie Morales said: \"Remember his excuse at the time was 'locker room talk.'\"",
            id="remember-frames-a-statement",
        ),
        pytest.param('"Believe me, we will win," the minister told a crowd.', id="believe-me"),
        pytest.param("Let's face it, these people are happiest at home.", id="lets-face-it"),
        pytest.param("Please let us know what you think in the comments.", id="let-us-know"),
        # "don't forget to" asks the act after it; the writer's comments on the text; a
        # contracted "will" predicts; "don't doubt me" frames a claim
        pytest.param("Don't forget to subscribe to our newsletter.", id="dont-forget-a-page-action"),
        pytest.param(
            "We also must note that immigration is especially high in the south.", id="we-must-note"
        ),
        pytest.param("Guess we'll just have to take the minister's word for it.", id="guess-well-have-to"),
        pytest.param('"Don\'t doubt me," Michael Howard said.', id="dont-doubt-me"),
        # the page's own voice urging its reader
        pytest.param("We urge you to support the following local businesses.", id="we-urge-you"),
        pytest.param(
            "Whether you already subscribed or not, we encourage you to find out how to use our alerts.",
            id="we-encourage-you",
        ),
    ],
)
def test_not_advice(nlp: Language, text: str) -> None:
    assert recommend(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        pytest.param(
            "Deficits should be allowed to rise above 3%, Mr Howard argued, if countries meet several criteria.",
            "if countries meet several criteria",
            id="condition-after-reporting-clause",
        ),
        pytest.param(
            "Britain should join the euro, Mr Howard said, if the economic tests are met.",
            "if the economic tests are met",
            id="condition-after-said",
        ),
        pytest.param(
            "Britain should join the euro, Mr Howard said, although the timing is unclear.",
            None,
            id="contrast-is-no-condition",
        ),
        pytest.param(
            "The pipeline firm, should it become state-owned, must be sold, Mr Howard said.",
            "should it become state-owned",
            id="inverted-should-condition",
        ),
        pytest.param(
            "Were Iran to resume enrichment, the UN must impose sanctions, Mr Howard said.",
            "Were Iran to resume enrichment",
            id="inverted-were-condition",
        ),
        pytest.param(
            "Britain should join the euro, Mr Howard said, and the talks were a success.",
            None,
            id="were-with-its-subject-before-is-no-condition",
        ),
    ],
)
def test_condition_past_a_reporting_clause(nlp: Language, text: str, condition: str | None) -> None:
    rows = recommend(nlp, text)
    assert [r["condition"] for r in rows] == [condition]


@pytest.mark.parametrize(
    ("text", "addressees"),
    [
        pytest.param(
            "Mr Howard should make a statement. He should set out a proper exit strategy.",
            ["michael-howard", "michael-howard"],
            id="he-goes-on-with-the-person-advised",
        ),
        pytest.param(
            "Britain should make a statement. He should set out a proper exit strategy.",
            ["GBR", None],
            id="he-is-no-state",
        ),
        pytest.param(
            "Michael Howard spoke on his show. Mr Howard then implored his audience to call Etzioni.",
            [None],
            id="a-persons-people-are-not-the-person",
        ),
        pytest.param(
            "Moscow sent a note. Russia's government should withdraw its troops.",
            ["RUS"],
            id="a-states-government-is-the-state",
        ),
    ],
)
def test_personal_pronoun_addressee(nlp: Language, text: str, addressees: list[str | None]) -> None:
    assert [r["addressee_actor_id"] for r in recommend(nlp, text)] == addressees


@pytest.mark.parametrize(
    ("text", "recommender"),
    [
        pytest.param(
            "Europe says the euro has had enough, and Asia must let its currencies rise.",
            ("Europe", "EU"),
            id="second-conjunct-under-present-report",
        ),
        pytest.param(
            "European leaders say Asian states must let their currencies rise.",
            ("European leaders", "EU"),
            id="speaker-actor-from-its-modifier",
        ),
        pytest.param(
            "The talks failed last week, and Asia must let its currencies rise.",
            (None, None),
            id="no-report-is-the-authors",
        ),
    ],
)
def test_recommender_of_coordinated_reported_advice(
    nlp: Language, text: str, recommender: tuple[str | None, str | None]
) -> None:
    table = {"Europe": ("EU", "igo", None), "European": ("EU", "igo", None), "Asia": ("asia", "other", None)}
    rows = extract_recommendations(context_with_actors(nlp, text, table))
    assert [(r["recommender_text"], r["recommender_actor_id"]) for r in rows] == [recommender]


@pytest.mark.parametrize(
    ("text", "modal", "recommender_text"),
    [
        # every verb the event lexicon codes as REQUEST, in "V X to do", is a demand
        ("Mr Kennedy challenged the Treasury to open up its books.", "challenged", "Mr Kennedy"),
        ("Mr Trump implored his administration to investigate the leak.", "implored", "Mr Trump"),
        ("The charity appealed to the government to release the prisoners.", "appealed", "The charity"),
        # in the present passive it is an appeal in force, by someone unnamed
        ("Anyone with information is asked to call the police.", "asked", None),
        ("Participants are being encouraged to offset their flights.", "encouraged", None),
    ],
)
def test_a_verb_of_appeal_with_an_addressee_and_an_infinitive_is_a_demand(
    nlp: Language, text: str, modal: str, recommender_text: str | None
) -> None:
    rows = recommend(nlp, text)
    assert [(r["modal"], r["recommender_text"]) for r in rows] == [(modal, recommender_text)]


@pytest.mark.parametrize(
    "text",
    [
        # no one asked to act, a request under way or planned, an authority's order, a want
        "She asked a question about the budget.",
        "Mr Clarke told MPs that the law would be renewed.",
        "Tony Blair is pressing the US to cut greenhouse gases.",
        "I will be asking Parliament to renew this legislation.",
        "The court ordered the firm to pay damages.",
        "You need us to be right.",
        # a past passive reports a request made; a describing clause asks nothing
        "He was asked to resign by the party.",
        "These are times when we are challenged to defend our freedoms.",
    ],
)
def test_a_verb_of_appeal_without_that_construction_is_no_demand(nlp: Language, text: str) -> None:
    assert recommend(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Stop the war now.",
        "Leave the statue debate to the states.",
        "So go look at the graves of brave patriots!",
    ],
)
def test_a_finished_command_in_the_authors_voice_is_the_authors_advice(nlp: Language, text: str) -> None:
    rows = recommend(nlp, text)
    assert [(r["modal"], r["recommender_text"]) for r in rows] == [("imperative", None)]


@pytest.mark.parametrize(
    ("text", "recommender", "addressee"),
    [
        # "let's do" urges the speaker's own side; a quotation a colon opens is a clause of
        # its own, wherever the parser hung its first word
        (
            "Mr Howard told Five's Wright Stuff show: \"Let's just apologise and move on.\"",
            "michael-howard",
            None,
        ),
        ('"Let us stop this war now," Michael Howard said.', "michael-howard", None),
        ('"We urge you to stop this war," Michael Howard told MPs.', "michael-howard", None),
        ('Michael Howard told reporters: "Stop the war now."', "michael-howard", None),
        # a negative command is a command: "Don't let ...", "Do not accept ..."
        ('"Don\'t let Washington ruin you," Michael Howard said.', "michael-howard", None),
        (
            '"Do not accept the shame that people are giving you," Michael Howard said.',
            "michael-howard",
            None,
        ),
        # "say sorry" is an act, not a comment on the text
        (
            "Mary Robinson compared a reporter to a guard. Michael Howard said it was time for Mary "
            "Robinson to say sorry.",
            "michael-howard",
            "mary-robinson",
        ),
    ],
)
def test_speech_acts_of_a_named_speaker(
    nlp: Language, text: str, recommender: str, addressee: str | None
) -> None:
    rows = recommend(nlp, text)
    assert [(r["recommender_actor_id"], r["addressee_actor_id"]) for r in rows] == [(recommender, addressee)]


def test_a_quoted_he_is_not_the_speaker_it_quotes(nlp: Language) -> None:
    """Coreference may take the "He" of a speaker's quoted advice for the speaker; the
    speaker would say "I", so the advice is to someone else (the whole pipeline's actors)."""
    text = (
        "Alhaji Mohammed Sani spoke on Monday. 'He should withdraw and apologise, I am highly "
        "offended by his comment,' he stated."
    )
    rows = extract_document("doc1", nlp(text), None)["recommendations"]
    assert [(r["recommender_actor_id"], r["addressee_actor_id"]) for r in rows] == [
        ("alhaji-mohammed-sani", None)
    ]
