"""Who recommends: the author, or the speaker of reported advice (see recommender.py)."""

from __future__ import annotations

from spacy.language import Language

from geodiscourse.extract.attribution import Attribution
from geodiscourse.extract.coreference import resolve_coreference
from geodiscourse.extract.recommendations import extract_recommendations
from tests.extract.doc_contexts import context_with_actors
from tests.extract.recommendations.test_recommendations import ACTORS, make_ctx


def test_reported_advice_belongs_to_its_speaker(nlp: Language) -> None:
    text = "The government must act quickly on the ruling, Mary Robinson has said."
    ctx = make_ctx(nlp, text)
    content_end = text.index(", Mary")
    speaker = Attribution("Mary Robinson", "mary-robinson", "has said", 0, content_end)
    rows = extract_recommendations(ctx, {0: [speaker]})
    assert len(rows) == 1
    assert rows[0]["recommender_actor_id"] == "mary-robinson"
    assert rows[0]["recommender_text"] == "Mary Robinson"
    assert rows[0]["text"] == "The government must act quickly on the ruling"


def test_reported_past_tense_keeps_backshifted_advice(nlp: Language) -> None:
    text = "Mr Howard said Britain had to act."
    ctx = make_ctx(nlp, text)
    start = text.index("Britain")
    rows = extract_recommendations(
        ctx, {0: [Attribution("Mr Howard", "michael-howard", "said", start, len(text) - 1)]}
    )
    assert [(r["modal"], r["addressee_actor_id"], r["recommender_actor_id"]) for r in rows] == [
        ("had to", "GBR", "michael-howard")
    ]


def test_a_pronoun_speaker_is_whoever_the_context_resolved(nlp: Language) -> None:
    """Recommendations read a pronoun speaker off the shared context, as claims do: no
    guess of their own where the context left "he" open (claims would keep it open)."""
    text = (
        "Amitai Etzioni says the emphasis is misplaced. The priority should be on failing states, he argues."
    )
    ctx = make_ctx(nlp, text)
    second = ctx.sentences[1]
    content_end = text.index(", he argues")
    open_speaker = Attribution("he", None, "argues", second.start_char, content_end)
    resolved = Attribution("he", "amitai-etzioni", "argues", second.start_char, content_end)
    for attribution, expected in ((open_speaker, None), (resolved, "amitai-etzioni")):
        rows = extract_recommendations(ctx, {1: [attribution]})
        assert [(r["recommender_actor_id"], r["recommender_text"]) for r in rows] == [(expected, "he")]


def test_a_report_demands_for_its_owner(nlp: Language) -> None:
    text = (
        "Amitai Etzioni says the emphasis is misplaced. His report demands a major overhaul of world rules."
    )
    # "His" as actor resolution links it to the person named as subject before
    ctx = resolve_coreference(
        context_with_actors(nlp, text, {**ACTORS, "His": ("amitai-etzioni", "person", "USA")})
    )
    rows = extract_recommendations(ctx, {})
    assert [(r["modal"], r["recommender_actor_id"], r["action"]) for r in rows] == [
        ("demands", "amitai-etzioni", "a major overhaul of world rules")
    ]


def test_indefinite_speaker_in_a_lead_is_the_person_named_next(nlp: Language) -> None:
    text = "Britain must act now, says a top academic.\n\nAmitai Etzioni, a key influence on Labour, says the risk is real."
    ctx = make_ctx(nlp, text)
    content_end = text.index(", says")
    rows = extract_recommendations(ctx, {0: [Attribution("a top academic", None, "says", 0, content_end)]})
    assert [(r["recommender_actor_id"], r["recommender_text"]) for r in rows] == [
        ("amitai-etzioni", "a top academic")
    ]


def test_attributions_are_computed_when_not_given(nlp: Language) -> None:
    ctx = make_ctx(nlp, "The government must act quickly on the ruling, Mary Robinson has said.")
    rows = extract_recommendations(ctx)
    assert [r["recommender_actor_id"] for r in rows] == ["mary-robinson"]
