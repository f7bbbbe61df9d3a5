"""Claims: what counts as a claim, its grain, claimant, type, hedging and confidence."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from geodiscourse.core.rows import ClaimRow
from geodiscourse.extract.claims import extract_claims
from geodiscourse.extract.claims.hedging import is_hedged
from geodiscourse.extract.claims.types import claim_type
from tests.extract.doc_contexts import context_for


def claims(nlp: Language, text: str, actors: dict[str, str] | None = None) -> list[ClaimRow]:
    return extract_claims(context_for(nlp, text, actors))


NOT_CLAIMS = [
    pytest.param("Will Russia ever accept a neutral Ukraine?", id="question"),
    pytest.param('"How much tax do people want to pay?" he asked.', id="quoted-question"),
    pytest.param('And then he says to me: "Would your husband like to come?"', id="quoted-yes-no-question"),
    pytest.param('"What the hell is happening there," he asked.', id="asked-without-question-mark"),
    pytest.param("Did the minister know of the sale, the committee wondered.", id="wondered"),
    pytest.param("Then fund the wall and stop the excuses.", id="imperative"),
    pytest.param('"Stop the war now," the minister said.', id="reported-imperative"),
    pytest.param(
        '"Don\'t accept the shame they give you," the minister said.', id="reported-negative-imperative"
    ),
    pytest.param("The UK should offer to restore normal diplomatic contacts.", id="recommendation-should"),
    pytest.param(
        "Like it or not, the United States must find a way to live with Russia.", id="recommendation-must"
    ),
    pytest.param("Europe needs to act before the summit.", id="recommendation-needs-to"),
    pytest.param(
        "The government must act quickly on the ruling, Mary Robinson has said.", id="reported-advice"
    ),
    pytest.param(
        '"I think that the state oil firm must be privatised," he said.', id="advice-framed-by-i-think"
    ),
    pytest.param(" - Upgrading security at nuclear arms stores as a temporary measure", id="proposal-item"),
    pytest.param("Creating a new Global Safety Authority to tackle nuclear terrorism", id="gerund-line"),
    pytest.param("You may also like", id="boilerplate"),
    pytest.param("We urge you to support the following local businesses.", id="the-page-urging-its-reader"),
    pytest.param("Consider the case of Georgia.", id="imperative"),
    pytest.param('"', id="stray-quote"),
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_a_claim(nlp: Language, text: str) -> None:
    assert [c["text"] for c in claims(nlp, text)] == []


@pytest.mark.parametrize(
    "heading",
    [
        pytest.param("The Persistence of Maximalist Goals in Russia's Foreign Policy", id="verbless"),
        pytest.param("Russia wants what it cannot have", id="finite-but-unpunctuated"),
    ],
)
def test_heading_is_no_claim_but_its_body_is(nlp: Language, heading: str) -> None:
    body = "Russia's actions are deeply rooted in an imperial mindset."
    assert [c["text"] for c in claims(nlp, f"{heading}\n\n{body}")] == [body]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The case was heard by a panel of nine law lords.", id="passive"),
        pytest.param("Russia has long seen itself as a great power.", id="state"),
        pytest.param("The talks had to end on Friday because the delegates left.", id="past-obligation"),
        pytest.param("Microsoft has yet to show it can build a rival product.", id="has-yet-to"),
        pytest.param(" - Russia has massed 90,000 troops on the border.", id="declarative-list-item"),
        pytest.param("I think that the talks failed because the delegates left.", id="i-think-a-fact"),
    ],
)
def test_author_sentence_is_one_claim(nlp: Language, text: str) -> None:
    found = claims(nlp, text)
    assert len(found) == 1
    claim = found[0]
    assert claim["is_author"] and claim["claimant_text"] is None and claim["claimant_actor_id"] is None
    assert claim["text"] == text.strip()


def test_reported_claim_is_its_content_with_claimant(nlp: Language) -> None:
    text = "The EU embargo is likely to be lifted in the next six months, UK Foreign Secretary Jack Straw has said."
    [claim] = claims(nlp, text, {"Jack Straw": "jack-straw"})
    assert claim["text"] == "The EU embargo is likely to be lifted in the next six months"
    assert not claim["is_author"]
    assert (claim["claimant_text"], claim["claimant_actor_id"]) == (
        "UK Foreign Secretary Jack Straw",
        "jack-straw",
    )
    assert claim["hedged"] and claim["claim_type"] == "predictive"
    assert [(q["value"], q["unit"]) for q in claim["quantities"]] == [(6.0, "months")]
    assert text[claim["char_start"] : claim["char_end"]] == claim["text"]


def test_author_clause_beside_report(nlp: Language) -> None:
    text = "Britain has been more cautious on the issue, but on Wednesday Mr Straw said he wanted it to end."
    found = claims(nlp, text, {"Straw": "jack-straw"})
    assert [(c["text"], c["is_author"], c["claimant_actor_id"]) for c in found] == [
        ("Britain has been more cautious on the issue", True, None),
        ("he wanted it to end", False, "jack-straw"),
    ]


def test_negative_report_keeps_its_verb(nlp: Language) -> None:
    [claim] = claims(nlp, "President Bush's advisers have repeatedly denied global warming is taking place.")
    assert claim["text"] == "denied global warming is taking place"
    assert claim["claimant_text"] == "President Bush's advisers"


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        pytest.param(
            "He accused Mr Blair's government of being less than straightforward over its plans.",
            {"He": "charles-kennedy"},
            [
                (
                    "accused Mr Blair's government of being less than straightforward over its plans",
                    False,
                    "charles-kennedy",
                )
            ],
            id="accusation-is-the-subject's-claim",
        ),
        pytest.param(
            "Ms Sturgeon wrote to Mr McConnell on Tuesday, accusing him of an error of judgement.",
            {"Sturgeon": "nicola-sturgeon"},
            [
                (
                    "Ms Sturgeon wrote to Mr McConnell on Tuesday, accusing him of an error of judgement",
                    True,
                    None,
                ),
                ("accusing him of an error of judgement", False, "nicola-sturgeon"),
            ],
            id="author-still-asserts-the-clause-around-an-accusation",
        ),
        pytest.param(
            "He criticised the head of the bank.",
            {},
            [("He criticised the head of the bank.", True, None)],
            id="criticism-without-a-charge-is-the-author's-fact",
        ),
        pytest.param(
            "Mr Blair recently said the UK would only take part where it was in UK interests "
            "but the Tories say he is surrendering a key veto.",
            {"Blair": "tony-blair", "Tories": "conservative-party"},
            [
                ("the UK would only take part where it was in UK interests", False, "tony-blair"),
                ("he is surrendering a key veto", False, "conservative-party"),
            ],
            id="two-coordinated-reports",
        ),
    ],
)
def test_claimants_of_accusations_and_coordinated_reports(
    nlp: Language, text: str, actors: dict[str, str], expected: list[tuple[str, bool, str | None]]
) -> None:
    found = claims(nlp, text, actors)
    assert [(c["text"], c["is_author"], c["claimant_actor_id"]) for c in found] == expected


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        pytest.param(
            "America needed to listen to the world too, he said.", {"America": "USA"}, id="backshifted-need"
        ),
        pytest.param(
            "Europe instead needed to reinforce its own unity, Mr Chirac said.",
            {"Europe": "EU"},
            id="reported-need",
        ),
    ],
)
def test_reported_advice_is_no_claim(nlp: Language, text: str, actors: dict[str, str]) -> None:
    """What the recommendation rules call advice is not also a claim."""
    assert claims(nlp, text, actors) == []


def test_reported_need_of_the_past_stays_a_claim(nlp: Language) -> None:
    """ "had to" in the author's voice is a past fact, not advice, and so a claim."""
    found = claims(nlp, "Britain had to leave the talks in 1998.", {"Britain": "GBR"})
    assert [c["is_author"] for c in found] == [True]


def test_unnamed_source_is_not_the_author(nlp: Language) -> None:
    [claim] = claims(nlp, "It is understood that the talks will resume next week.")
    assert not claim["is_author"]
    assert claim["claimant_text"] is None and claim["claimant_actor_id"] is None


def test_quotation_sentences_all_carry_the_speaker(nlp: Language) -> None:
    text = (
        'Brad Adams said: "This is a huge political signal from Europe. '
        '"There are still thousands of people who are unaccounted for."'
    )
    found = claims(nlp, text, {"Brad Adams": "brad-adams"})
    assert [(c["claimant_actor_id"], c["claim_type"]) for c in found] == [
        ("brad-adams", "evaluative"),
        ("brad-adams", "factual"),
    ]
    assert found[0]["confidence"] > found[1]["confidence"]  # the carried-over speaker is less certain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The ban will be lifted before July.", "predictive", id="will"),
        pytest.param("The ban is expected to be lifted.", "predictive", id="is-expected-to"),
        pytest.param("He said the ban would be lifted.", "predictive", id="future-in-past"),
        pytest.param("He expects the ban to be lifted.", "predictive", id="verb-of-foresight"),
        pytest.param("The war led to a sharp rise in prices.", "causal", id="led-to"),
        pytest.param("Prices rose because the war cut supplies.", "causal", id="because"),
        pytest.param("The policy was politically motivated by the election.", "causal", id="motivated"),
        pytest.param("The invasion was brutal.", "evaluative", id="brutal"),
        pytest.param("The sanctions are of limited value.", "evaluative", id="of-limited-value"),
        pytest.param(
            "It would be very troubling if the government refused.", "evaluative", id="conditional-would"
        ),
        pytest.param("Russia waged a brutal war in Chechnya.", "evaluative", id="judged-object"),
        # a judgement word inside a name or a compound judges nothing
        pytest.param("The EU adopted fair trade rules last year.", "factual", id="fair-trade-compound"),
        pytest.param("The summit took place in Paris in May.", "factual", id="factual"),
        pytest.param("The ruling was in line with legal opinion.", "factual", id="plain-ruling"),
    ],
)
def test_claim_type(nlp: Language, text: str, expected: str) -> None:
    found = claims(nlp, text)
    assert found, "expected a claim"
    assert found[0]["claim_type"] == expected


def test_claim_type_future_in_past_needs_a_past_report(nlp: Language) -> None:
    doc = nlp("the ban would be lifted")
    assert claim_type(doc[:], future_in_past=True) == "predictive"
    assert claim_type(doc[:], future_in_past=False) == "factual"


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        pytest.param("The strike may come within days.", True, id="may"),
        pytest.param("Talks might resume.", True, id="might"),
        pytest.param("The decision could undermine Nato.", True, id="could"),
        pytest.param("Moscow appears to believe victory is achievable.", True, id="appears"),
        pytest.param("The plan seems doomed.", True, id="seems"),
        pytest.param("The ban is likely to be lifted.", True, id="likely"),
        pytest.param("There is still apparently little prospect of agreement.", True, id="apparently"),
        pytest.param("It is not clear whether the talks will resume.", True, id="it-is-not-clear"),
        pytest.param("It is more likely than not that the ban will go.", True, id="more-likely-than-not"),
        pytest.param("The case was heard by a panel of nine law lords.", False, id="plain"),
        pytest.param("The May summit was postponed.", False, id="month-may"),
        pytest.param("Russia's military might has grown.", False, id="noun-might"),
        pytest.param("It would be troubling if they refused.", False, id="would"),
        pytest.param("Only the Treasury can raise the money.", False, id="can"),
        pytest.param("It has an estimated 90% of all fissile material.", False, id="estimated-number"),
        pytest.param("Any suspected national can be detained.", False, id="suspected"),
    ],
)
def test_hedged(nlp: Language, text: str, hedged: bool) -> None:
    assert is_hedged(nlp(text)[:]) is hedged


def test_confidence_orders_speakers(nlp: Language) -> None:
    text = (
        "Mr Straw said the ban was wrong. He said the code was better. "
        "Many analysts say the plan failed. The ban was imposed in 1989."
    )
    by_text = {c["text"]: c["confidence"] for c in claims(nlp, text, {"Straw": "jack-straw"})}
    resolved, pronoun = by_text["the ban was wrong"], by_text["the code was better"]
    group, author = by_text["the plan failed"], by_text["The ban was imposed in 1989."]
    assert resolved > group > pronoun
    assert author > pronoun


def test_ids_unique_and_spans_inside_sentences(nlp: Language) -> None:
    text = (
        "Mr Straw said the ban was wrong - but critics say it works. "
        '"We will lift it," he said. "It is time."\n\nThe embargo was imposed in 1989.'
    )
    ctx = context_for(nlp, text, {"Straw": "jack-straw"})
    found = extract_claims(ctx)
    assert len({c["claim_id"] for c in found}) == len(found) >= 4
    sentences = {ctx.sentence_id(s): s for s in ctx.sentences}
    for claim in found:
        sent = sentences[claim["sentence_id"]]
        assert sent.start_char <= claim["char_start"] < claim["char_end"] <= sent.end_char
        assert text[claim["char_start"] : claim["char_end"]] == claim["text"]
        assert 0.0 <= claim["confidence"] <= 1.0


#: Checked besides the generated texts, which often give no claim: a reported prediction.
REPORTED = "Mr Straw said the ban will be lifted ."


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "Mr Straw said",
                "the ban",
                "will be lifted",
                "?",
                '"',
                ".",
                "\n",
                "-",
                "should",
                "90,000 troops",
            ]
        ),
        max_size=12,
    ).map(" ".join)
)
@example(REPORTED)
def test_arbitrary_text_never_breaks_extraction(nlp: Language, text: str) -> None:
    ctx = context_for(nlp, text)
    found = extract_claims(ctx)
    for claim in found:
        assert claim["claim_type"] in ("factual", "causal", "predictive", "evaluative")
        assert text[claim["char_start"] : claim["char_end"]] == claim["text"]
    event("gave claims" if found else "gave no claim")
    if text == REPORTED:
        assert [(c["text"], c["claim_type"], c["claimant_text"]) for c in found] == [
            ("the ban will be lifted", "predictive", "Mr Straw")
        ]
