"""Attribution of reported speech: who says what, in which sentence.

Contexts are built with hand-made mentions (surface form -> actor id, every whole-word
occurrence), so these tests pin the attribution rules independently of actor resolution.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from geodiscourse.extract.attribution import Attribution, attributions_for_document
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.quotations import quote_segments
from tests.extract.doc_contexts import context_with_actors


def context_for(nlp: Language, text: str, actors: dict[str, str] | None = None) -> DocContext:
    """A DocContext whose mentions are every whole-word occurrence of the given surfaces."""
    table = {surface: (actor_id, "other", None) for surface, actor_id in (actors or {}).items()}
    return context_with_actors(nlp, text, table)


def reports(
    nlp: Language, text: str, actors: dict[str, str] | None = None
) -> list[tuple[int, Attribution, str]]:
    """(sentence index, attribution, content text) for every attribution of the text."""
    ctx = context_for(nlp, text, actors)
    found = attributions_for_document(ctx)
    return [(i, a, text[a.content_start : a.content_end]) for i, atts in sorted(found.items()) for a in atts]


# (text, mentions, sentence index, speaker_text, speaker_actor_id, cue, content)
SINGLE_CASES = [
    pytest.param(
        "Mr Straw said the US government was suspicious of the EU.",
        {"Straw": "jack-straw"},
        0,
        "Mr Straw",
        "jack-straw",
        "said",
        "the US government was suspicious of the EU",
        id="speaker-before",
    ),
    pytest.param(
        "The government must act quickly on the ruling, Mary Robinson has said.",
        {"Mary Robinson": "mary-robinson"},
        0,
        "Mary Robinson",
        "mary-robinson",
        "said",
        "The government must act quickly on the ruling",
        id="speaker-after",
    ),
    pytest.param(
        "Climate change was an issue the prime minister wanted to progress, said a spokesman.",
        {},
        0,
        "a spokesman",
        None,
        "said",
        "Climate change was an issue the prime minister wanted to progress",
        id="inverted-speaker-after",
    ),
    pytest.param(
        "According to the Times, the UK leader wants to end US isolation.",
        {"the Times": "the-times"},
        0,
        "the Times",
        "the-times",
        "according to",
        "the UK leader wants to end US isolation",
        id="according-to",
    ),
    pytest.param(
        "The prime minister is said to believe the refusal is undermining other countries' resolve.",
        {},
        0,
        "The prime minister",
        None,
        "is said to believe",
        "the refusal is undermining other countries' resolve",
        id="passive-believer",
    ),
    pytest.param(
        "Washington is thought to fear it would lead to a buying spree for arms.",
        {"Washington": "USA"},
        0,
        "Washington",
        "USA",
        "is thought to fear",
        "it would lead to a buying spree for arms",
        id="passive-believer-metonym",
    ),
    pytest.param(
        "US officials say they are not satisfied with the code.",
        {"US": "USA"},
        0,
        "US officials",
        "USA",
        "say",
        "they are not satisfied with the code",
        id="group-resolved-through-modifier",
    ),
    pytest.param(
        "Human rights groups say the code of conduct is not legally binding.",
        {},
        0,
        "Human rights groups",
        None,
        "say",
        "the code of conduct is not legally binding",
        id="unnamed-group",
    ),
    pytest.param(
        '"It would be very troubling if the government did not accept the judgement," she said.',
        {"she": "mary-robinson"},
        0,
        "she",
        "mary-robinson",
        "said",
        "It would be very troubling if the government did not accept the judgement",
        id="quote-speaker-after-pronoun",
    ),
    pytest.param(
        'Mr Clarke said: "I will be asking Parliament to renew this legislation."',
        {"Clarke": "charles-clarke"},
        0,
        "Mr Clarke",
        "charles-clarke",
        "said",
        "I will be asking Parliament to renew this legislation",
        id="quote-speaker-before-colon",
    ),
    pytest.param(
        'He said "it is more likely than not" that the ban would be lifted in July.',
        {"He": "jack-straw"},
        0,
        "He",
        "jack-straw",
        "said",
        '"it is more likely than not" that the ban would be lifted in July',
        id="partial-quote-in-complement",
    ),
    pytest.param(
        'His central point: "We are one people."',
        {"His": "barack-obama"},
        0,
        "His",
        "barack-obama",
        "quote",
        "We are one people",
        id="verbless-colon-introduction",
    ),
    pytest.param(
        "The Tories, he said, can cut crime and improve public services.",
        {},
        0,
        "he",
        None,
        "said",
        "The Tories, he said, can cut crime and improve public services",
        id="parenthetical-speaker",
    ),
    pytest.param(
        "Mr Straw denied the decision would suggest that Tiananmen Square had been forgotten.",
        {"Straw": "jack-straw"},
        0,
        "Mr Straw",
        "jack-straw",
        "denied",
        "the decision would suggest that Tiananmen Square had been forgotten",
        id="negative-verb-outer-report-only",
    ),
    pytest.param(
        "Tony Blair is pressing the US to cut greenhouse gases, Downing Street has indicated.",
        {"Downing Street": "GBR"},
        0,
        "Downing Street",
        "GBR",
        "indicated",
        "Tony Blair is pressing the US to cut greenhouse gases",
        id="trailing-speaker-metonym",
    ),
    pytest.param(
        "UK Foreign Secretary Jack Straw, who will hold talks in Beijing, said an EU code was more effective.",
        {"Jack Straw": "jack-straw"},
        0,
        "UK Foreign Secretary Jack Straw",
        "jack-straw",
        "said",
        "an EU code was more effective",
        id="speaker-without-relative-clause",
    ),
    pytest.param(
        "In December, the EU pledged to work towards lifting the ban but said it was not ready.",
        {"EU": "EU"},
        0,
        "the EU",
        "EU",
        "said",
        "it was not ready",
        id="shared-subject-of-conjoined-verb",
    ),
]


# accusations report the subject's claim; a gerund after "by"/"as" reports its governor's subject
SINGLE_CASES += [
    pytest.param(
        "He accused Mr Blair's government of being less than straightforward over its plans.",
        {"He": "charles-kennedy"},
        0,
        "He",
        "charles-kennedy",
        "accused",
        "accused Mr Blair's government of being less than straightforward over its plans",
        id="accuse-of",
    ),
    pytest.param(
        "The EU blamed Washington for the collapse of the talks.",
        {"EU": "EU"},
        0,
        "The EU",
        "EU",
        "blamed",
        "blamed Washington for the collapse of the talks",
        id="blame-for",
    ),
    pytest.param(
        "Mr Chirac reacted to his warning by saying Europe needed to reinforce its own unity.",
        {"Chirac": "jacques-chirac"},
        0,
        "Mr Chirac",
        "jacques-chirac",
        "saying",
        "Europe needed to reinforce its own unity",
        id="gerund-after-by",
    ),
]


@pytest.mark.parametrize(("text", "actors", "index", "speaker", "actor", "cue", "content"), SINGLE_CASES)
def test_one_attribution(
    nlp: Language,
    text: str,
    actors: dict[str, str],
    index: int,
    speaker: str,
    actor: str | None,
    cue: str,
    content: str,
) -> None:
    found = reports(nlp, text, actors)
    assert [(i, a.speaker_text, a.speaker_actor_id, a.cue, c) for i, a, c in found] == [
        (index, speaker, actor, cue, content)
    ]


UNNAMED_CASES = [
    pytest.param(
        "He is said to have discussed the idea with Mr McCain.",
        "is said",
        "He is said to have discussed the idea with Mr McCain",
        id="raised-non-belief-is-unnamed-source",
    ),
    pytest.param(
        "It is understood that the talks will resume next week.",
        "it is understood",
        "the talks will resume next week",
        id="impersonal-passive",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), UNNAMED_CASES)
def test_unnamed_source(nlp: Language, text: str, cue: str, content: str) -> None:
    found = reports(nlp, text)
    assert [(a.speaker_text, a.cue, c) for _, a, c in found] == [(None, cue, content)]


NO_ATTRIBUTION = [
    pytest.param("The figures suggest that growth is slowing.", id="inanimate-suggest"),
    pytest.param('Beijing described the embargo as a "product of the Cold War".', id="scare-quote"),
    pytest.param("I believe Yahoo is the seminal brand on the web.", id="first-person-author-voice"),
    pytest.param("He set out the choices he says are facing Britain.", id="report-inside-noun-phrase"),
    pytest.param("However, when it reported the results, the airline was upbeat.", id="temporal-clause"),
    pytest.param("The 15-year-old ban was imposed in 1989.", id="plain-author-sentence"),
    pytest.param("To lump them in with, say, Burma is not appropriate.", id="say-as-interjection"),
    pytest.param("He wants to end US isolation with a new treaty.", id="non-reporting-verb"),
    pytest.param("He criticised the head of the bank.", id="criticise-without-for"),
    pytest.param("They condemned the killing of civilians.", id="of-belongs-to-the-object"),
    pytest.param("He spent the day saying Britain had to leave.", id="gerund-without-by"),
]


@pytest.mark.parametrize("text", NO_ATTRIBUTION)
def test_no_attribution(nlp: Language, text: str) -> None:
    assert reports(nlp, text) == []


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
        pytest.param(
            'Mr Smith called the sale "the swindle of the century".',
            [("Mr Smith", "called", 'called the sale "the swindle of the century"')],
            id="call-quoted-description",
        ),
        pytest.param(
            'Iran described the embargo as "a crime against humanity".',
            [("Iran", "described", 'described the embargo as "a crime against humanity"')],
            id="describe-as",
        ),
        pytest.param(
            'Iran branded it "politically motivated".',
            [("Iran", "branded", 'branded it "politically motivated"')],
            id="brand-small-clause",
        ),
        pytest.param("Mr Smith called the meeting to order.", [], id="call-to-order"),
        pytest.param("Mr Smith called for talks on the embargo.", [], id="call-for-is-a-request"),
        pytest.param("Mr Smith called on Iran to halt enrichment.", [], id="call-on-is-advice"),
        pytest.param('The BBC called the programme "Newsnight".', [], id="a-name-is-no-description"),
        pytest.param("Iran described the embargo as a crime.", [], id="unquoted-description"),
        pytest.param('Iran described "a crime against humanity" in detail.', [], id="describe-without-as"),
    ],
)
def test_quoted_descriptions_are_reports(
    nlp: Language, text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = reports(nlp, text, {"Mr Smith": "smith", "Iran": "IRN"})
    assert [(a.speaker_text, a.cue, c) for _, a, c in found] == expected
