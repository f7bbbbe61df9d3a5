"""Attribution of reported speech, one report at a time: where the speaker and the
content stand for each reporting pattern, unnamed sources, quoted descriptions, and the
sentences that report nothing.

Contexts are built with hand-made mentions (surface form -> actor id, every whole-word
occurrence), so these tests pin the attribution rules independently of actor resolution.
Quotations across sentences and several reports in one sentence are in
test_attribution_quotes.py.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.doc_contexts import reports

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
        "Per Bannon, Moore served in Vietnam and Romney did not.",
        {"Bannon": "steve-bannon"},
        0,
        "Bannon",
        "steve-bannon",
        "per",
        "Moore served in Vietnam and Romney did not",
        id="per-source",
    ),
    pytest.param(
        "Analysts have questioned whether a US court has any jurisdiction over Russian companies.",
        {},
        0,
        "Analysts",
        None,
        "questioned",
        "whether a US court has any jurisdiction over Russian companies",
        id="questioning-is-a-negative-report",
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


# report frames that are no reporting verb with a "that" clause (attribution/frames.py)
SINGLE_CASES += [
    pytest.param(
        "In Putin's view, Ukraine is not a country.",
        {"Putin": "vladimir-putin"},
        0,
        "Putin's",
        "vladimir-putin",
        "in view",
        "Ukraine is not a country",
        id="in-someones-view",
    ),
    pytest.param(
        "The war, as Mr Blair put it, was a mistake.",
        {"Mr Blair": "tony-blair"},
        0,
        "Mr Blair",
        "tony-blair",
        "as put",
        "The war, as Mr Blair put it, was a mistake",
        id="as-x-put-it",
    ),
    pytest.param(
        "Mr Blair made it clear that the UK would defend Taiwan.",
        {"Mr Blair": "tony-blair"},
        0,
        "Mr Blair",
        "tony-blair",
        "made clear",
        "the UK would defend Taiwan",
        id="made-it-clear-that",
    ),
    pytest.param(
        "The Kremlin touts the deal as a victory.",
        {"Kremlin": "RUS"},
        0,
        "The Kremlin",
        "RUS",
        "touts",
        "the deal as a victory",
        id="presenting-verb-as",
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
    pytest.param("As I said, the war was a mistake.", id="as-frame-in-the-authors-voice"),
    pytest.param("In this view, the war was a mistake.", id="view-noun-with-no-owner"),
    pytest.param("He criticised the head of the bank.", id="criticise-without-for"),
    pytest.param("They condemned the killing of civilians.", id="of-belongs-to-the-object"),
    pytest.param("He spent the day saying Britain had to leave.", id="gerund-without-by"),
    pytest.param("Oil rose to $50 per barrel.", id="per-as-a-rate"),
]


@pytest.mark.parametrize("text", NO_ATTRIBUTION)
def test_no_attribution(nlp: Language, text: str) -> None:
    assert reports(nlp, text) == []


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
