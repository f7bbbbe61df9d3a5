"""Attribution across and within sentences: quotations that run over several sentences
or paragraphs, verbs inside quotations, several reports in one sentence and coordinated
clauses, quotation segments, and the invariant that contents stay inside their sentence.

Single reporting patterns are in test_attribution.py.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from geodiscourse.extract.attribution import attributions_for_document
from geodiscourse.nlp.quotations import quote_segments
from tests.extract.doc_contexts import context_for, reports


def test_quote_continues_into_next_sentence(nlp: Language) -> None:
    text = (
        'Mr Clarke said: "I will be asking Parliament to renew this legislation. '
        '"In the meantime, we will be studying the judgement carefully."'
    )
    found = reports(nlp, text, {"Clarke": "charles-clarke"})
    assert [(i, a.speaker_actor_id, a.cue) for i, a, _ in found] == [
        (0, "charles-clarke", "said"),
        (1, "charles-clarke", "quote"),
    ]
    assert found[1][2] == "In the meantime, we will be studying the judgement carefully"


@pytest.mark.parametrize(
    "text",
    [
        'Mr Clarke told reporters: "Stop the war now."',
        'Mr Clarke told the show: "Let\'s just apologise and move on."',
    ],
)
def test_a_quoted_command_after_a_colon_is_the_speakers(nlp: Language, text: str) -> None:
    """A command has no finite verb, yet it is what the speaker said, not a phrase quoted."""
    found = reports(nlp, text, {"Clarke": "charles-clarke"})
    assert [(i, a.speaker_actor_id) for i, a, _ in found] == [(0, "charles-clarke")]


def test_quote_closed_in_later_sentence_takes_speaker_after_it(nlp: Language) -> None:
    text = '"We watched the scenes of destruction with disbelief. The scale is difficult to grasp," he said.'
    found = reports(nlp, text, {"he": "michael-howard"})
    assert {i for i, _, _ in found} == {0, 1}
    assert {a.speaker_actor_id for _, a, _ in found} == {"michael-howard"}


def test_paragraph_quotation_after_introducing_sentence(nlp: Language) -> None:
    text = (
        "Mrs Robinson warned that a lack of action could lead to further legal action.\n\n"
        '"If the government were not to accept this ruling then there is further redress."'
    )
    found = reports(nlp, text, {"Robinson": "mary-robinson"})
    assert [(i, a.speaker_text, a.cue) for i, a, _ in found] == [
        (0, "Mrs Robinson", "warned"),
        (1, "Mrs Robinson", "quote"),
    ]


def test_paragraph_quotation_of_several_sentences_after_introducing_sentence(nlp: Language) -> None:
    """The quotation looks back from its first sentence, not its last."""
    text = (
        "Mrs Robinson explained why she was disappointed:\n\n"
        '"This is the tipping point. It was not their conscience that moved them. It was the cash."'
    )
    found = reports(nlp, text, {"Robinson": "mary-robinson"})
    assert [(i, a.speaker_text, a.cue) for i, a, _ in found][1:] == [
        (1, "Mrs Robinson", "quote"),
        (2, "Mrs Robinson", "quote"),
        (3, "Mrs Robinson", "quote"),
    ]


@pytest.mark.parametrize(
    ("lead_in", "speaker"),
    [
        # a sentence ending in a colon hands what follows to its subject, verb of saying or not
        ("Mrs Robinson then expressed her view:", "Mrs Robinson"),
        ("Mrs Robinson put it this way:", "Mrs Robinson"),
        # no colon, or a subject that is no one: the author's again
        ("Mrs Robinson then expressed her view.", None),
        ("The debate went on:", None),
    ],
)
def test_a_colon_lead_in_gives_the_next_paragraph_quotation_to_its_subject(
    nlp: Language, lead_in: str, speaker: str | None
) -> None:
    text = lead_in + '\n\n"This is the tipping point. It was the cash."'
    found = reports(nlp, text, {"Robinson": "mary-robinson"})
    quoted = [(i, a.speaker_text) for i, a, _ in found if a.cue == "quote"]
    assert quoted == ([] if speaker is None else [(1, speaker), (2, speaker)])


def test_quotation_without_speaker_after_author_sentence_stays_unattributed(nlp: Language) -> None:
    text = 'The detainees took their case to the House of Lords.\n\n"This is a disgrace to the nation."'
    assert reports(nlp, text) == []


def test_verb_inside_quotation_is_not_a_second_speaker(nlp: Language) -> None:
    found = reports(nlp, '"I think we will win the league," he said.')
    assert [(a.speaker_text, c) for _, a, c in found] == [("he", "I think we will win the league")]


def test_two_reports_in_one_sentence(nlp: Language) -> None:
    text = "Human rights groups say the code is not legally binding - but Mr Straw said it would be given legal force."
    found = reports(nlp, text, {"Straw": "jack-straw"})
    assert [(a.speaker_text, c) for _, a, c in found] == [
        ("Human rights groups", "the code is not legally binding"),
        ("Mr Straw", "it would be given legal force"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mr Blair recently said the UK would only participate where it was in UK interests "
            "but the Tories say he is surrendering a key veto.",
            [
                ("Mr Blair", "the UK would only participate where it was in UK interests"),
                ("the Tories", "he is surrendering a key veto"),
            ],
            id="but-coordinated",
        ),
        pytest.param(
            "Mr Blair said the UK would stay and the Tories say it will leave.",
            [("Mr Blair", "the UK would stay"), ("the Tories", "it will leave")],
            id="present-tense-not-shifted-back",
        ),
        pytest.param(
            "Mr Blunkett said the inquiry was under way and the High Court had stressed his right "
            "to privacy did not affect his job.",
            [
                (
                    "Mr Blunkett",
                    "the inquiry was under way and the High Court had stressed his right to privacy "
                    "did not affect his job",
                )
            ],
            id="shifted-back-is-still-reported",
        ),
    ],
)
def test_coordinated_reporting_clauses(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    """A second reporting clause the parser hung inside the first report's content is a
    report of its own, unless its tense shows it is part of what was said."""
    assert [(a.speaker_text, c) for _, a, c in reports(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Europe says the euro has had enough, and Asia must let its currencies rise.",
            [("Europe", "the euro has had enough, and Asia must let its currencies rise")],
            id="modal-clause-after-present-report",
        ),
        pytest.param(
            "Officials say the dollar is too weak, and China is keeping the yuan low.",
            [("Officials", "the dollar is too weak, and China is keeping the yuan low")],
            id="present-clause-after-present-report",
        ),
        pytest.param(
            "Mr Smith said the talks had failed, and Iran must now stop enrichment.",
            [("Mr Smith", "the talks had failed, and Iran must now stop enrichment")],
            id="modal-clause-after-past-report",
        ),
        pytest.param(
            "Mr Smith said the talks had failed, and the delegation left Geneva on Monday.",
            [("Mr Smith", "the talks had failed")],
            id="past-narration-is-the-authors",
        ),
        pytest.param(
            "Mr Smith said the talks had failed, and Iran says they will resume.",
            [("Mr Smith", "the talks had failed"), ("Iran", "they will resume")],
            id="second-reporting-clause-is-its-own-report",
        ),
    ],
)
def test_coordinated_clause_after_the_reported_clause(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    """A clause coordinated with the reporting verb goes on with what was said when its
    tense fits the report; narration in the past and another report do not."""
    assert [(a.speaker_text, c) for _, a, c in reports(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('He said "yes" and left.', [("yes", 0)], id="straight-closed"),
        pytest.param("He said \u201cno\u201d.", [("no", 0)], id="curly"),
        pytest.param('A "one. "two."', [("one. ", 0), ("two.", 0)], id="reopened-continues"),
        pytest.param('"one\n\n"two"', [("one", 0), ("two", 0)], id="paragraph-continues"),
        pytest.param('"one"\n\n"two"', [("one", 0), ("two", 1)], id="closed-then-new"),
        pytest.param("It's Britain's and the EU's view.", [], id="apostrophes-are-no-quotes"),
    ],
)
def test_quote_segments(text: str, expected: list[tuple[str, int]]) -> None:
    segments = quote_segments(text)
    groups = {g: n for n, g in enumerate(dict.fromkeys(s.group for s in segments))}
    assert [(text[s.start : s.end], groups[s.group]) for s in segments] == expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "Mr Straw said",
                '"',
                "\u201c",
                "\u201d",
                "the ban was lifted",
                ", he said.",
                "According to the Times,",
                "it is understood that",
                "\n\n",
                ":",
                ". ",
                "is said to believe",
                "officials",
            ]
        ),
        max_size=14,
    ).map(" ".join)
)
def test_contents_lie_inside_their_sentence(nlp: Language, text: str) -> None:
    ctx = context_for(nlp, text)
    for index, found in attributions_for_document(ctx).items():
        sent = ctx.sentences[index]
        for a in found:
            assert sent.start_char <= a.content_start < a.content_end <= sent.end_char


EMBEDDED_TWEET = (
    "The president attacked Congress on Monday.\n\n"
    "Our border laws are very weak. Congress must act now! "
    "— Donald J. Trump (@realDonaldTrump) April 2, 2018\n\n"
    "The White House declined to comment."
)


def test_an_embedded_tweet_is_its_tweeters(nlp: Language) -> None:
    """The paragraph an embed signature ends is the tweeter's words, sentence by sentence;
    the paragraphs around it stay the author's."""
    found = reports(nlp, EMBEDDED_TWEET, {"Donald J. Trump": "donald-trump"})
    assert [(i, a.speaker_text, a.speaker_actor_id, a.cue, c) for i, a, c in found] == [
        (1, "Donald J. Trump", "donald-trump", "tweet", "Our border laws are very weak"),
        (2, "Donald J. Trump", "donald-trump", "tweet", "Congress must act now!"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 5% - a rise of (@ ten) points.",  # no handle, no date
        "He wrote to @realDonaldTrump on April 2, 2018.",  # a handle, but no signature
    ],
)
def test_no_tweet_without_a_signature(nlp: Language, text: str) -> None:
    assert not any(a.cue == "tweet" for _, a, _ in reports(nlp, text))


def test_a_frame_the_parser_split_off_still_names_the_quotation_speaker(nlp: Language) -> None:
    """'"...?" | Thompson asked, holding up the folder.': the frame became a sentence of its own."""
    text = (
        "It belonged to her grandfather, reports correspondent Jericka Duncan.\n\n"
        "\u201cYou can touch it and know that it was in his hands. "
        "Now doesn\u2019t that send a chill down your back?\u201d Thompson asked, holding up the folder."
    )
    found = reports(nlp, text, {"Jericka Duncan": "jericka-duncan", "Thompson": "elaine-thompson"})
    assert [(i, a.speaker_actor_id) for i, a, _ in found] == [
        (0, "jericka-duncan"),
        (1, "elaine-thompson"),
        (2, "elaine-thompson"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a closing reporting clause takes all before its comma, however the parser split it
        (
            "Some of the projects may restart with permits, but others would be cancelled, he said.",
            "Some of the projects may restart with permits, but others would be cancelled",
        ),
        (
            "The talks were useful and the deal is close, said the minister.",
            "The talks were useful and the deal is close",
        ),
        # the clause may follow a closing quotation mark
        (
            '"The talks were useful, and the deal is close," he said.',
            "The talks were useful, and the deal is close",
        ),
    ],
)
def test_a_closing_reporting_clause_reports_the_whole_sentence_before_it(
    nlp: Language, text: str, content: str
) -> None:
    found = reports(nlp, text, {"he": "pan-yue"})
    assert [c for _, _, c in found] == [content]


def test_a_reporting_clause_ending_in_a_colon_introduces_what_follows(nlp: Language) -> None:
    found = reports(
        nlp, "In an interview with the Review-Journal, Paddock also said:", {"Paddock": "eric-paddock"}
    )
    assert not [c for _, _, c in found if "interview" in c]


@pytest.mark.parametrize(
    ("lead_in", "speaker"),
    [
        # a block quotation whose marks were lost: the lead-in's speaker says the paragraph
        ("Here is what Margolis really said, transcribed from an audio clip:", "margolis"),
        ("In a speech, Margolis expressed how bad the collapse has been:", "margolis"),
        # a lead-in that names no one leaves the paragraph to the author
        ("The facts are these:", None),
    ],
)
def test_a_colon_lead_in_hands_the_next_unquoted_paragraph_to_its_speaker(
    nlp: Language, lead_in: str, speaker: str | None
) -> None:
    text = (
        lead_in + "\n\nLife has gotten worse for the people. Gangsters are running the streets.\n\n"
        "The council elected him on Tuesday."
    )
    found = reports(nlp, text, {"Margolis": "margolis"})
    by_sentence = {i: a.speaker_actor_id for i, a, _ in found if i > 0}
    if speaker is None:
        assert by_sentence == {}
    else:
        assert by_sentence == {1: speaker, 2: speaker}  # the paragraph after it is the author's again
