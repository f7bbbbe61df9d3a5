"""Rules and eligibility in the author's voice are not advice; the same words reported,
or with an agentive subject, are. Excerpts in the style of the BBC politics and business
articles (bbc-news-2095, MIT)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geodiscourse.core.rows import RecommendationRow
from geodiscourse.extract.recommendations import extract_recommendations
from tests.extract.recommendations.test_recommendations import make_ctx


def recommend(nlp: Language, text: str) -> list[RecommendationRow]:
    """Rows with attributions computed from the text, as in the pipeline."""
    return extract_recommendations(make_ctx(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Adults must be paid at least £5.05 an hour.",
        "Candidates must be 21 or over.",
        "Applicants must submit forms by May.",
        "Voters must be over 18 to take part.",
        "Workers have to be registered with the council.",
        "All companies must declare their donations.",
        "Employers must be licensed by the authority.",
    ],
)
def test_described_requirements_are_not_recommendations(nlp: Language, text: str) -> None:
    assert recommend(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "recommender"),
    [
        ("The government must act quickly.", None),
        ("Washington must be ready to negotiate.", None),
        ("Michael Howard said adults must be paid more.", "michael-howard"),
        ("Companies must invest more in training.", None),
        ("The candidates must be honest with voters.", None),
    ],
)
def test_agentive_or_reported_modals_stay_recommendations(
    nlp: Language, text: str, recommender: str | None
) -> None:
    rows = recommend(nlp, text)
    assert len(rows) == 1
    if recommender is not None:
        assert rows[0]["recommender_actor_id"] == recommender
