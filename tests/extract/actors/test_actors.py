"""Actor resolution: gazetteer names, metonyms and demonyms, what must not become a state,
institutional nouns, and what extractors get from ``DocContext.actor_of``.

Sentences are short excerpts in the style of the BBC politics articles and the seed
commentaries; persons, pronouns and role nouns are in test_actors_persons.py.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from geodiscourse.extract.actors.resolve import ActorResolution, resolve_mentions
from geodiscourse.nlp.context import DocContext


def resolve(nlp: Language, text: str) -> ActorResolution:
    return resolve_mentions(nlp(text))


def actors_by_surface(result: ActorResolution) -> dict[str, str]:
    return {m.text: m.actor_id for m in result.mentions}


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        # states by name, short name and former name
        ("The EU embargo on arms exports to China is likely to be lifted.", "China", "CHN"),
        ("It is wrong to put China with countries such as Zimbabwe and Burma.", "Burma", "MMR"),
        ("China could use the arms to threaten its rival Taiwan.", "Taiwan", "TWN"),
        ("Rogue states such as Iran and North Korea are less of a problem.", "North Korea", "PRK"),
        ("Seoul said South Korea would join the talks.", "South Korea", "KOR"),
        ("Britain has been more cautious on the issue.", "Britain", "GBR"),
        ("The UK and US must realise they cannot prevent all attacks.", "The UK", "GBR"),
        ("So far the US has refused to sign up to the treaty.", "the US", "USA"),
        ("There is little prospect of America agreeing to cut emissions.", "America", "USA"),
        ("The deal was signed by Ivory Coast and the Netherlands.", "Ivory Coast", "CIV"),
        ("The deal was signed by Ivory Coast and the Netherlands.", "the Netherlands", "NLD"),
        ("This was a constant in both tsarist Russia and the Soviet Union.", "the Soviet Union", "RUS"),
        # a state word opening a ministry's name stays the state (not a firm's name)
        ("The Russian Foreign Ministry condemned the strike.", "Russian", "RUS"),
        # metonyms: capitals and seats of government
        ("Washington tends to see Moscow's conduct as a threat to U.S. interests.", "Washington", "USA"),
        ("Washington tends to see Moscow's conduct as a threat to U.S. interests.", "Moscow", "RUS"),
        ("Washington tends to see Moscow's conduct as a threat to U.S. interests.", "U.S.", "USA"),
        ("The inscrutability of the Kremlin's intentions may be their purpose.", "the Kremlin", "RUS"),
        (
            "The Biden administration would do well to take a page out of the playbook.",
            "The Biden administration",
            "USA",
        ),
        ("Tony Blair is pressing the US to act, Downing Street has indicated.", "Downing Street", "GBR"),
        ("Basic tensions persist between new Delhi and Beijing.", "new Delhi", "IND"),
        ("Basic tensions persist between new Delhi and Beijing.", "Beijing", "CHN"),
        ("Jack Straw, who will hold talks in Beijing on Thursday, spoke.", "Beijing", "CHN"),
        ("Kyiv asked for more air defence systems.", "Kyiv", "UKR"),
        ("The move was welcomed by the Elysee and the White House.", "the White House", "USA"),
        ("The Pentagon declined to comment.", "The Pentagon", "USA"),
        # demonyms and adjectives
        ("Russian troops massed on the border.", "Russian", "RUS"),
        ("French and German pressure grew.", "German", "DEU"),
        ("He praised the Pakistani help in hunting him.", "Pakistani", "PAK"),
        ("Ukrainians and Russians are one people, he claimed.", "Ukrainians", "UKR"),
        # IGOs and blocs
        ("The decision could undermine Nato as it damaged relations.", "Nato", "NATO"),
        ("Moves to lift the European Union's ban have been condemned.", "the European Union", "EU"),
        ("Russia holds a permanent seat on the UN Security Council.", "the UN Security Council", "UN"),
        ("Brussels wants member states to cut subsidies.", "Brussels", "EU"),
        ("It is difficult to imagine a relationship between Russia and the West.", "the West", "WEST"),
        ("The list of Western sanctions grows.", "Western", "WEST"),
        ("Climate change was discussed during the UK's presidency of the G8.", "the G8", "G8"),
        (
            "Russia joined the Shanghai Cooperation Organization.",
            "the Shanghai Cooperation Organization",
            "SCO",
        ),
        # organisations, parties, outlets, regions
        (
            "Human Rights Watch says the EU is putting commerce above abuse concerns.",
            "Human Rights Watch",
            "human-rights-watch",
        ),
        ("The moves have been condemned by the Conservatives.", "the Conservatives", "conservative-party"),
        ("Labour MPs backed the plan.", "Labour", "labour-party"),
        ("According to the Times, the UK leader wants a deal.", "the Times", "the-times"),
        ("He told BBC Radio 4's World At One.", "BBC Radio 4", "bbc-radio-4"),
        ("Europe, which disputes the claim, has signalled it wants to press ahead.", "Europe", "europe"),
        ("Russia would retain vast territory in the heart of Eurasia.", "Eurasia", "eurasia"),
        ("The Justice Department opened an investigation.", "The Justice Department", "USA"),
        # an organisation that speaks is a body, named once or not
        ("Newsweek reported on Monday that the FBI had closed the case.", "Newsweek", "newsweek"),
        # a name a place's possessive owns is that place's body, named once or not
        ("South Africa's MTN said it would bid for the licence.", "MTN", "mtn"),
        # an abbreviated word of an institution's name ("Dept" is no person after the title "Justice")
        ("The Justice Dept opened an investigation.", "The Justice Dept", "USA"),
        # ambiguous names with supporting context
        ("Jordan and Syria closed their borders with Israel.", "Jordan", "JOR"),
        ("Georgia and Russia fought a short war over South Ossetia.", "Georgia", "GEO"),
    ],
)
def test_gazetteer_names_resolve(nlp: Language, text: str, surface: str, actor_id: str) -> None:
    assert actors_by_surface(resolve(nlp, text)).get(surface) == actor_id


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("She said the turkey should be roasted for four hours. Turkey is best with sage.", "Turkey"),
        ("Chad Smith scored twice for the club on Saturday.", "Chad"),
        ("Michael Jordan retired from basketball.", "Jordan"),
        ("Georgia voters backed the governor in Atlanta.", "Georgia"),
        ("Let us hope the plan works for all of us.", "us"),
        ("He worked at the Bank of England for ten years.", "England"),
        ("He moved to New Jersey last year.", "Jersey"),
        ("At times the debate became heated.", "times"),
        ("The labour market is tight.", "labour"),
        ("The collection is a new entry at number 10 in the chart.", "number 10"),
        ("Pole vaulter Ann Brown had hoped for a medal.", "Pole"),
        ("The Kyoto Protocol aims to cut emissions.", "Kyoto Protocol"),
        (
            'He set out his view in a treatise entitled "On the Unity of Russians and Ukrainians" in July.',
            "Russians",
        ),
    ],
)
def test_names_that_are_something_else_are_no_mentions(nlp: Language, text: str, surface: str) -> None:
    result = resolve(nlp, text)
    named = [m for m in result.mentions if surface.lower() in m.text.lower()]
    # a longer name containing it ("Chad Smith", "the Bank of England") is fine, but no state
    assert all(m.text.removeprefix("the ") != surface for m in named), named
    assert all(result.actors[m.actor_id]["kind"] != "state" for m in named), named


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("According to the Times, the UK leader wants to end US isolation.", "the Times", "media"),
        ("Mr Blair's treaty would establish a programme, says the Times.", "the Times", "media"),
        (
            "The case could go to the European Court of Human Rights in Strasbourg.",
            "the European Court of Human Rights",
            "igo",
        ),
        (
            "Brad Adams, from Human Rights Watch, said the signal was huge.",
            "Human Rights Watch",
            "organization",
        ),
        ("The former commissioner told Radio 4's Today programme.", "Radio 4", "media"),
        ("The essay appeared in Foreign Affairs last year.", "Foreign Affairs", "media"),
        # a state word inside a firm's or a group's name is part of the name
        ("Royal Dutch Shell signed a deal with Gazprom.", "Royal Dutch Shell", "organization"),
        ("A China Construction Bank branch manager was jailed.", "China Construction Bank", "organization"),
        (
            "The China Three Gorges Project Corp is refusing to obey the order.",
            "China Three Gorges Project Corp",
            "organization",
        ),
        ("The Free Syrian Army attacked Damascus.", "Free Syrian Army", "group"),
    ],
)
def test_outlets_courts_and_organisations_are_not_states(
    nlp: Language, text: str, surface: str, kind: str
) -> None:
    result = resolve(nlp, text)
    found = [m for m in result.mentions if m.text == surface]
    assert found, result.mentions
    assert {result.actors[m.actor_id]["kind"] for m in found} == {kind}


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        # a body a party's name opens, or a capitalised word before it, is a body of its own
        (
            "The money will fill the coffers for his bid as well as the joint efforts of the Republican "
            "National Committee, and various state GOP parties.",
            "Republican National Committee",
            "republican-national-committee",
        ),
        (
            "A meeting of the Parliamentary Labour Party was held on Monday.",
            "Parliamentary Labour Party",
            None,
        ),
        # the party itself stays the party
        ("The Republican Party won the Senate.", "The Republican Party", "republican-party"),
        ("Republican leaders in Congress met on Monday.", "Republican", "republican-party"),
    ],
)
def test_a_body_named_after_a_party_is_not_the_party(
    nlp: Language, text: str, surface: str, actor_id: str | None
) -> None:
    result = resolve(nlp, text)
    found = [m.actor_id for m in result.mentions if m.text == surface]
    assert found, result.mentions
    if actor_id is None:
        assert "labour-party" not in found
    else:
        assert found == [actor_id]


def test_foreign_affairs_as_a_ministry_is_no_outlet(nlp: Language) -> None:
    result = resolve(nlp, "The Ministry of Foreign Affairs issued a statement.")
    assert "foreign-affairs" not in result.actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dominant state (British, UK, Home Office) owns the bare "government"
        (
            "The UK urged action. British judges ruled against the Home Office. The government must act quickly.",
            "GBR",
        ),
        # "government of X" names its state
        ("Talks went on. The government of Iraq said no.", "IRQ"),
        # no state dominates: left unresolved
        ("The government must act quickly.", None),
        ("France and Germany argued. The government must act quickly.", None),
    ],
)
def test_bare_government_resolves_to_the_dominant_state(
    nlp: Language, text: str, expected: str | None
) -> None:
    result = resolve(nlp, text)
    found = [m.actor_id for m in result.mentions if m.text.lower().endswith("government")]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        ("Britain and the UK spoke. The Iraqi government refused the offer.", "Iraqi government", "IRQ"),
        ("The US administration and the UK government disagreed.", "US administration", "USA"),
        ("The US administration and the UK government disagreed.", "UK government", "GBR"),
    ],
)
def test_government_with_a_state_modifier_is_the_modifiers_state(
    nlp: Language, text: str, surface: str, actor_id: str
) -> None:
    """The state and the institution it names are one mention, of that state (not the
    dominant one), as readers delimit "the Russian government"."""
    assert actors_by_surface(resolve(nlp, text))[surface] == actor_id


def test_a_state_modifying_other_nouns_stays_a_one_word_mention(nlp: Language) -> None:
    result = resolve(nlp, "Iraqi government troops attacked. Britain's government disagreed.")
    assert {m.text for m in result.mentions} == {"Iraqi", "Britain"}


@pytest.mark.parametrize(
    ("text", "head", "actor_id"),
    [
        ("Russian troops massed on the border.", "troops", "RUS"),
        ("Washington sees Moscow's conduct as a threat.", "conduct", "RUS"),
        ("The Kremlin rejected the plan.", "Kremlin", "RUS"),
        ("U.S. officials say they are not satisfied.", "officials", "USA"),
        ("The Biden administration would do well to act.", "administration", "USA"),
        ("Washington could use Moscow to balance Beijing.", "Washington", "USA"),
        ("British officials met the envoy.", "officials", "GBR"),
    ],
)
def test_actor_of_phrase_heads(nlp: Language, text: str, head: str, actor_id: str) -> None:
    doc = nlp(text)
    result = resolve_mentions(doc)
    ctx = DocContext("d", doc, None, result.mentions, result.actors)
    token = next(t for t in doc if t.text == head)
    assert ctx.actor_of(token) == actor_id


def test_actor_rows_follow_the_contract(nlp: Language) -> None:
    result = resolve(nlp, "Nato and the EU met. Russia and the West disagreed. Human Rights Watch objected.")
    assert result.actors["RUS"] == {
        "actor_id": "RUS",
        "name": "Russia",
        "kind": "state",
        "country": "RUS",
        "sector": None,
    }
    assert result.actors["NATO"]["kind"] == "igo" and result.actors["NATO"]["country"] is None
    assert result.actors["WEST"]["kind"] == "bloc" and result.actors["WEST"]["country"] is None
    assert result.actors["human-rights-watch"]["kind"] == "organization"
    assert set(result.actors) == {m.actor_id for m in result.mentions}


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        # one word, described by a noun for a body or named twice
        (
            "State aid went to European aircraft maker Airbus and its US rival Boeing. Airbus and Boeing accuse each other.",
            "Boeing",
            "boeing",
        ),
        (
            "State aid went to European aircraft maker Airbus and its US rival Boeing. Airbus and Boeing accuse each other.",
            "Airbus",
            "airbus",
        ),
        ("Qantas plans to cut jobs. Qantas said costs had risen.", "Qantas", "qantas"),
        # an acronym defined in brackets is the name it abbreviates
        (
            "The National Iranian Oil Company (NIOC) signed a deal. NIOC said it was pleased.",
            "NIOC",
            "national-iranian-oil-company",
        ),
        # several capitalised words, and a short form joining its full name
        ("EADS and BAE Systems welcomed the announcement.", "BAE Systems", "bae-systems"),
        (
            "Merrill Lynch denied the claim. Merrill said it would appeal. Merrill lost.",
            "Merrill",
            "merrill-lynch",
        ),
    ],
)
def test_ner_organisations_become_actors(nlp: Language, text: str, surface: str, actor_id: str) -> None:
    result = resolve(nlp, text)
    assert actors_by_surface(result).get(surface) == actor_id, result.mentions
    assert result.actors[actor_id]["kind"] == "organization"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # capitalised events, laws and topics
        ("Labour is preparing for the General Election in May.", "General Election"),
        ("MPs debated the Mental Capacity Bill on Tuesday.", "Mental Capacity Bill"),
        # a one-word name used once with nothing saying it is a body
        ("Shares in Exel rose on Monday.", "Exel"),
        # a common noun the document also writes in lower case
        ("Coal output fell. Coal sales fell too, and coal prices rose.", "Coal"),
        ("The White Paper was published on Monday.", "White Paper"),
    ],
)
def test_ner_names_that_are_no_organisations(nlp: Language, text: str, surface: str) -> None:
    result = resolve(nlp, text)
    assert surface not in actors_by_surface(result), result.mentions


@pytest.mark.parametrize(
    ("text", "head", "actor_id"),
    [
        # a body based in a state does not act for it
        ("UPS placed an order. The US company said it needed capacity.", "company", None),
        ("A French bank said profits rose.", "bank", None),
        ("The German carmaker cut jobs.", "carmaker", None),
        # agents of the state still do
        ("The US officials said it needed capacity.", "officials", "USA"),
        ("French troops said little.", "troops", "FRA"),
        ("The US government said little.", "government", "USA"),
    ],
)
def test_actor_of_bodies_based_in_a_state(nlp: Language, text: str, head: str, actor_id: str | None) -> None:
    doc = nlp(text)
    result = resolve_mentions(doc)
    ctx = DocContext("d", doc, None, result.mentions, result.actors)
    token = next(t for t in doc if t.text == head)
    assert ctx.actor_of(token) == actor_id


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        ("Colin Powell was visiting the West Bank.", "the West Bank", "west-bank"),
        ("The West must act, and the West Bank waits.", "The West", "WEST"),
    ],
)
def test_a_name_reaching_past_a_shorter_one_is_the_name_written(
    nlp: Language, text: str, surface: str, actor_id: str
) -> None:
    """ "the West Bank" is not "the West" and a bank: a name that starts inside a shorter
    match and reaches past it wins."""
    assert actors_by_surface(resolve(nlp, text))[surface] == actor_id
