"""Prose or page furniture, by the shape of a paragraph and where it stands."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geodiscourse.ingest.cleaning.prose import is_label, is_prose, keep_prose, paragraph_shape

S1 = "Russia has moved more than 100,000 troops to its border with Ukraine, officials said on Thursday."
S2 = "The Kremlin denied any plan to invade and accused NATO of provoking the crisis."
S3 = "Talks in Geneva ended on Monday without an agreement, and no new date was set."


@pytest.mark.parametrize(
    "paragraph",
    [
        S1,
        "Why is that?",
        "Liberals didn't make a peep at the time!",
        "He continued to add:",
        "Doubtful.",
        # an embedded post without a final full stop, held together by function words
        "Very important that NFL players STAND tomorrow and always for the playing of our National Anthem",
    ],
)
def test_prose(paragraph: str) -> None:
    assert is_prose(paragraph_shape(paragraph))


@pytest.mark.parametrize(
    "paragraph",
    [
        "Hillary Clinton",
        "Top Content in the Last 2 Days",
        "How To Easily Kill All Indoor Odor",
        "Go To Top 50 Most Popular",
        "01:19",
        "H D",
        "tracking",
        "https://twitter.com/someone/status/754005058786910208",
        "PEGGY NOONAN",
    ],
)
def test_labels(paragraph: str) -> None:
    assert is_label(paragraph_shape(paragraph))


@pytest.mark.parametrize(
    "paragraph",
    [
        "Take a look here —",  # a lower-case fragment that leads into what follows
        "On Tuesday,",
        "• Sanctions on banks",  # a list item
        "3. Trump Is In the Dark About What Is Happening",
        "— John Legend (@johnlegend) August 30, 2016",  # the signature of a post
        S2,
    ],
)
def test_not_labels(paragraph: str) -> None:
    assert not is_label(paragraph_shape(paragraph))


@pytest.mark.parametrize(
    ("paragraphs", "kept"),
    [
        # a caption or teaser between sentences goes
        ([S1, "Hillary Clinton", S2], [S1, S2]),
        ([S1, "Stunning Video Will Make Any Atheist's Jaw Drop", S2], [S1, S2]),
        # a table of the article (short rows, three or more) stays
        ([S1, "Ewood Park", "Tuesday, 1 March", "2000 GMT", S2], None),
        # a strip of teaser headlines is no table
        (
            [
                S1,
                "Where to Eat and Drink in Houston, the New Capital of Southern Cool",
                "Why Native Americans Did Not Wipe Out Europeans With Diseases",
                "No One Knows Why This Conspiracy Theorist Was in the Oval Office",
                S2,
            ],
            [S1, S2],
        ),
        # after the last sentence only prose and numbered lists stay
        ([S1, S2, "Last 5 posts by Jason Ditz", "Prev Next"], [S1, S2]),
        (
            [S1, S2, "1 Roger Federer (Switzerland)", "2 Andy Roddick (US)", "3 Lleyton Hewitt (Australia)"],
            None,
        ),
        # a list introduced by the sentence before it stays
        ([S1, "On Tuesday,", "Barcelona, Bayern Munich, Porto, Real Madrid", S2], None),
        # an italic phrase the page split off a sentence stays
        ([S1 + " like an", "agent provocateur", "and perhaps interfering."], None),
        # the heading right above the first sentence stays; a menu above it does not
        (["Menu", "The Persistence of Maximalist Goals in Russia's Foreign Policy", S1], None),
        # the signature of an embedded post stays, even last
        ([S1, "Hamas must be stopped now", "— Someone (@someone) October 2, 2017"], None),
        # no sentence at all: no article
        (["You may also like", "Leave a Comment"], []),
    ],
)
def test_keep_prose(paragraphs: list[str], kept: list[str] | None) -> None:
    expected = paragraphs if kept is None else kept
    if paragraphs[0] == "Menu":
        expected = paragraphs[1:]
    assert keep_prose(paragraphs) == expected


@given(st.lists(st.text(min_size=1, max_size=80).filter(str.strip), max_size=12))
@settings(max_examples=200, deadline=None)
def test_keeps_an_ordered_subset_and_every_sentence(paragraphs: list[str]) -> None:
    """Properties: order is kept, nothing is invented, and no paragraph that ends like a
    sentence is ever removed by shape."""
    kept = keep_prose(paragraphs)
    it = iter(paragraphs)
    assert all(any(p == q for q in it) for p in kept), "an ordered subset"
    if kept:
        sentences = [
            p for p in paragraphs if paragraph_shape(p).ends_sentence and paragraph_shape(p).letter_words
        ]
        assert all(p in kept for p in sentences)
