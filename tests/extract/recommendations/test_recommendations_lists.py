"""Proposal lists, and invariants every recommendation row keeps.

List shapes follow the BBC politics articles (bbc-news-2095, MIT): bullet lines
introduced by "The proposals include:", or standing bare after a paragraph of reported
speech once the page lost its sub-heading.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from geodiscourse.core.ids import row_id
from geodiscourse.core.rows import RecommendationRow
from geodiscourse.extract.attribution import Attribution
from geodiscourse.extract.recommendations import extract_recommendations
from tests.extract.recommendations.test_recommendations import make_ctx

BARE_GERUND_LIST = (
    "Amitai Etzioni says the emphasis is misplaced.\n\n"
    " - Upgrading security at nuclear arms stores as a temporary measure \n"
    " - Creating a new Global Safety Authority to tackle nuclear terrorism \n"
    " - When possible, taking fissile material away from failing states to safe havens \n"
    " - Compelling all states to destroy their nuclear bombs."
)


def _speaker_of_first(text: str, speaker: str, actor: str) -> dict[int, list[Attribution]]:
    end = text.index(".")
    return {0: [Attribution(speaker, actor, "says", text.index("the emphasis"), end)]}


def test_bare_gerund_list_items_are_proposals(nlp: Language) -> None:
    ctx = make_ctx(nlp, BARE_GERUND_LIST)
    rows = extract_recommendations(
        ctx, _speaker_of_first(BARE_GERUND_LIST, "Amitai Etzioni", "amitai-etzioni")
    )
    assert [r["action"] for r in rows] == [
        "Upgrading security at nuclear arms stores as a temporary measure",
        "Creating a new Global Safety Authority to tackle nuclear terrorism",
        "taking fissile material away from failing states to safe havens",
        "Compelling all states to destroy their nuclear bombs",
    ]
    assert [r["condition"] for r in rows] == [None, None, "When possible", None]
    assert {r["modal"] for r in rows} == {"proposal"}
    # the list goes on in the voice of the speaker just before it
    assert {r["recommender_actor_id"] for r in rows} == {"amitai-etzioni"}


@pytest.mark.parametrize(
    ("introducer", "items", "expected"),
    [
        # an introducing sentence makes any items proposals, nouns included
        ("His proposals include:", ["A freeze on petrol duty", "An extension of tax credits"], 2),
        ("Mr Howard recommends:", ["Tougher border checks", "More immigration officers"], 2),
        # an introduction that names no proposals: plans are announcements, not advice
        ("Other plans include:", ["Parenting plans to give advice", "Better access to legal advice"], 0),
        ("He said:", ["A freeze on petrol duty", "An extension of tax credits"], 0),
        # bare lists: imperatives count, noun phrases and past verbs do not
        (
            "The Tories set out their stall.",
            [
                "Withdrawing from the 1951 Convention on refugees",
                "Introduce laws to allow removal",
                "Stop considering claims inside the UK",
                "Detain asylum seekers without documents",
            ],
            4,
        ),
        # imperatives alone list terms imposed as often as proposals; questions never propose
        (
            "The singer was spared jail.",
            ["Spend three years on probation", "Pay a $1,000 fine", "Go to three meetings per week"],
            0,
        ),
        ("The search engine logged odd queries.", ["Creating what?", "Finding what is up?"], 0),
        (
            "The budget was generous.",
            [
                "Increase in the stamp duty threshold",
                "A freeze on petrol duty",
                "Possible help for pensioners",
            ],
            0,
        ),
        (
            "The budget was generous.",
            ["Increased spending on primary education", "Pledged 102bn rupees for tsunami victims"],
            0,
        ),
    ],
)
def test_lists(nlp: Language, introducer: str, items: list[str], expected: int) -> None:
    text = introducer + "\n\n" + "\n".join(f"- {item}" for item in items)
    rows = extract_recommendations(make_ctx(nlp, text), {})
    assert len(rows) == expected, rows
    if expected:
        assert [r["action"] for r in rows] == [item for item in items]


def test_introduced_list_recommender_is_the_introducers_subject(nlp: Language) -> None:
    text = "Mr Howard recommends:\n\n- Tougher border checks\n- More immigration officers"
    rows = extract_recommendations(make_ctx(nlp, text), {})
    assert {r["recommender_actor_id"] for r in rows} == {"michael-howard"}
    assert all(r["confidence"] > 0.6 for r in rows)


def test_modal_items_keep_their_modal_and_take_the_lists_voice(nlp: Language) -> None:
    text = (
        "His recommendations include:\n\n"
        "- The government should consider a national spatial framework.\n"
        "- Upgrading security at arms stores"
    )
    rows = extract_recommendations(make_ctx(nlp, text), {})
    assert [r["modal"] for r in rows] == ["should", "proposal"]


def test_a_list_in_running_text_is_no_list(nlp: Language) -> None:
    text = "Voters want lower taxes - cutting duty on petrol, creating jobs and building homes."
    assert extract_recommendations(make_ctx(nlp, text), {}) == []


def _check_rows(text: str, nlp: Language) -> list[RecommendationRow]:
    ctx = make_ctx(nlp, text)
    rows = extract_recommendations(ctx, {})
    sentences = {ctx.sentence_id(s): s for s in ctx.sentences}
    ids = [r["recommendation_id"] for r in rows]
    assert len(ids) == len(set(ids))
    for row in rows:
        sent = sentences[row["sentence_id"]]
        assert sent.start_char <= row["char_start"] < row["char_end"] <= sent.end_char
        assert ctx.doc.text[row["char_start"] : row["char_end"]] == row["text"]
        assert row["recommendation_id"] == row_id("rec", ctx.doc_id, row["char_start"], row["char_end"])
        assert row["strength"] in ("strong", "moderate", "weak")
        assert row["action"]
        assert 0.0 <= row["confidence"] <= 1.0
        assert row["addressee_actor_id"] is None or row["addressee_actor_id"] in ctx.actors
    return rows


#: Words that trip the matchers, with the punctuation that ends sentences and lines.
_VOCABULARY = (
    "Britain should must needs to has to ought would do well to it is essential that there is a need "
    'the government Washington talks end find if unless when possible - \n : , . ? " and not be done '
    "proposals include calls for demands urges ministers to act quickly Upgrading Creating"
)
_WORDS = st.sampled_from(_VOCABULARY.split(" "))
#: Checked besides the generated word lists, which often give no recommendation.
_ADVICE = "Britain should end talks ."


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, min_size=1, max_size=30))
@example(_ADVICE.split(" "))
def test_any_text_gives_well_formed_rows(nlp: Language, words: list[str]) -> None:
    rows = _check_rows(" ".join(words), nlp)
    event("gave recommendations" if rows else "gave no recommendation")
    if words == _ADVICE.split(" "):
        assert [(r["addressee_actor_id"], r["modal"], r["action"]) for r in rows] == [
            ("GBR", "should", "end talks")
        ]


def test_rows_are_well_formed_on_a_commentary(nlp: Language) -> None:
    text = (
        "Like it or not, the United States must find a way to live with Russia. "
        "Washington should offer to restore normal diplomatic contacts. At the same time, it should "
        "adopt a constructive approach—all on the condition that Moscow end its aggression. "
        "Russian leaders should find an offer very much in their interest.\n\n"
        "His proposals include:\n - Upgrading security \n - Creating a new authority"
    )
    _check_rows(text, nlp)
    rows = extract_recommendations(make_ctx(nlp, text), {})
    assert [r["addressee_actor_id"] for r in rows if r["modal"] != "proposal"] == ["USA", "USA", "USA"]
    assert rows[2]["condition"] == "on the condition that Moscow end its aggression"
