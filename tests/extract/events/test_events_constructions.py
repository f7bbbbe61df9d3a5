"""Events read from general constructions of English rather than from a word list: people
no actor stands for, measured objects, prepositions of event nouns, two-sided exchanges,
verbs of undergoing and of aspect, passives whose owner acts, inflections the tagger
lemmatises wrongly. Each positive case pins type, source and target (ANY leaves one
free); each negative case is the generic or non-political reading the construction must
not turn into an asserted event.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.events.test_events import ANY, check, events_of, find

# (sentence, trigger word, type, source, target)
# fmt: off
CONSTRUCTION_CASES = [
    # a named actor acts on unnamed people (the target stays null)
    ("The United Nations sent food aid to refugees in the desert.", "sent", "AID", "UN", None),
    ("Russian police arrested 12 demonstrators on Monday.", "arrested", "COERCE", "RUS", None),
    # a measure or amount hands the verb on to the noun it measures
    ("Japan sent 500 tons of food aid to Indonesia.", "sent", "AID", "JPN", "IDN"),
    # the agent and patient of an event noun by preposition, and "anti-X"
    ("Ukraine has experienced a dozen attacks on civilians.", "attacks", "ASSAULT", None, "UKR"),
    ("Hundreds joined anti-Russian protests in the capital on Friday.", "protests", "PROTEST", ANY, "RUS"),
    # two sides of an exchange
    ("Russia and Ukraine exchanged fire across the border.", "exchanged", "ASSAULT", "RUS", "UKR"),
    ("Russia and Georgia traded insults.", "traded", "ACCUSE", "RUS", "GEO"),
    # aspect: whoever continues or escalates an act performs it
    ("Russia intensified its air strikes on Ukraine.", "intensified", "ASSAULT", "RUS", "UKR"),
    # the passive of a deployment is its forces' owner's act
    ("British troops were deployed to Iraq.", "deployed", "MOBILIZE", "GBR", "IRQ"),
    # a threatened act aimed at someone
    ("Germany threatened further action against Russia.", "threatened", "THREATEN", "DEU", "RUS"),
    # the tagger lemmatises "raped" as "rap"; the dictionary's "rape" still applies
    ("Russian soldiers raped women in the occupied towns.", "raped", "ASSAULT", "RUS", ANY),
    # "it" under an adjective of will refers ("it is prepared to"), unlike "it is likely that"
    ("Iraq's government announced that it is prepared to impose martial law.", "impose", "THREATEN", "IRQ", None),
    # a sum of money is money to a frame that takes it
    ("China lent Russia $6bn to help the Russian government.", "lent", "AID", "CHN", "RUS"),
    ("The EU pledged 50m euros to Ukraine.", "pledged", "AID", "EU", "UKR"),
    # the actor compounded with "-led", "-backed" acts; sides named by "between" still win
    ("He spoke about the Russian-led attack on Mariupol, which just began.", "attack", "ASSAULT", "RUS", None),
    ("A US-backed offensive began in the north.", "offensive", "ASSAULT", "USA", None),
    ("The US-brokered talks between Russia and Ukraine ended.", "talks", "CONSULT", "RUS", "UKR"),
    # the if-clause of a verb of asking is its question, not a condition
    ("The US was investigating if Russia was trying to gain influence.", "investigating", "ACCUSE", "USA", ANY),
    # an act of force with no named actor, placed by a name or said to have taken place
    ("He spoke after the Las Vegas concert shooting that took place on Sunday night.", "shooting", "ASSAULT",
     None, None),
    ("The bombing in Baghdad killed 40 people.", "bombing", "ASSAULT", None, "IRQ"),
    # investigations: subpoenas and probes (the codebook's ACCUSE includes all investigations)
    ("The US subpoenaed the Kremlin.", "subpoenaed", "ACCUSE", "USA", "RUS"),
    ("The EU issued subpoenas to Russia.", "subpoenas", "ACCUSE", "EU", "RUS"),
    ("Britain's probe into Russia found nothing.", "probe", "ACCUSE", "GBR", "RUS"),
    # the codebook's RETREAT: an actual release, and letting observers or aid in
    ("Russia freed 20 prisoners.", "freed", "RETREAT", "RUS", None),
    ("Iraq allowed United Nations inspectors into the country.", "allowed", "RETREAT", "IRQ", ANY),
    # CAMEO's verbs of ruining: force against states, places and forces; words against people
    ("Russia destroyed Ukraine's air force.", "destroyed", "ASSAULT", "RUS", "UKR"),
    ("Jack Straw demolished Michael Howard in the debate.", "demolished", "ACCUSE", "jack-straw", "michael-howard"),
    # a threat of a named act needs no resolved recipient; penalties someone is hit with
    ("Russia has threatened legal action against any buyer.", "threatened", "THREATEN", "RUS", None),
    ("The EU hit Russia with sanctions.", "hit", "SANCTION", "EU", "RUS"),
    # solidarity: standing with or by someone
    ("Britain stands with Ukraine.", "stands", "SUPPORT", "GBR", "UKR"),
    # blocking an application, a directive or a law is a rejection of its owner's
    ("The EU blocked Russia's application.", "blocked", "REJECT", "EU", "RUS"),
    # public disapproval: speaking out against something, calling someone out
    ("Russia spoke out against the sanctions.", "spoke", "ACCUSE", "RUS", None),
    ("Germany called out Russia.", "called", "ACCUSE", "DEU", "RUS"),
    # verbs that act only on people make any noun their victim, with no hand named
    ("A bank branch manager was jailed for life.", "jailed", "COERCE", None, None),
    ("The driver was arrested on Sunday.", "arrested", "COERCE", None, None),
    # a state that auctions or breaks up a firm seizes it
    ("The unit was auctioned by Russian authorities.", "auctioned", "COERCE", "RUS", None),
    ("Yukos is being broken up by Russian authorities.", "broken", "COERCE", "RUS", None),
    # voting for someone backs them; filing for protection applies for it
    ("Jack Straw voted for Tony Blair.", "voted", "SUPPORT", "jack-straw", "tony-blair"),
    ("Labour filed for bankruptcy protection.", "filed", "REQUEST", "labour-party", None),
    # a war named by the state it is in or with, with no side named as waging it
    ("The war with Iraq ended in 1988.", "war", "ASSAULT", None, "IRQ"),
    ("The Iraq war dominated the campaign.", "war", "ASSAULT", None, "IRQ"),
    # an unnamed person as the agent of a passive act of force
    ("Three people were killed by a gunman.", "killed", "ASSAULT", None, None),
    # refusing to answer questions is a refusal (declining to comment is not)
    ("Mr Blair refused to answer further questions on the issue.", "refused", "REJECT", "tony-blair", None),
    # a frame's preposition after the direct object: "ask X for Y", "invite X to a place"
    ("The US administration asked Congress for additional funds.", "asked", "REQUEST", "USA", ANY),
    ("Russia asked China for weapons.", "asked", "REQUEST", "RUS", "CHN"),
    ("Germany invited France to Berlin.", "invited", "CONSULT", "DEU", "FRA"),
    # a government's protest is a complaint (ACCUSE)
    ("China protested to Japan over the visit.", "protested", "ACCUSE", "CHN", "JPN"),
    # a future reported with the speaker cut off by the parse is still its commitment
    ("The United Nations will provide 25,000 tons of food aid to Iraq, the World Food Program (WFP) said.",
     "provide", "AGREE", "UN", ANY),
    # conceding a race or an election is a concession to the winner
    ("Russia conceded the race to Ukraine.", "conceded", "CONCEDE", "RUS", "UKR"),
]
# fmt: on


@pytest.mark.parametrize(("text", "trigger", "event_type", "source", "target"), CONSTRUCTION_CASES)
def test_constructions(
    nlp: Language, text: str, trigger: str, event_type: str, source: object, target: object
) -> None:
    row = find(events_of(nlp, text), trigger)
    check(row, "event_type", event_type)
    check(row, "source_actor_id", source)
    check(row, "target_actor_id", target)
    check(row, "modality", "asserted")


NOT_AN_EVENT = [
    "Attacks on civilians are a war crime.",  # a bare plural is generic
    "The language he deployed was seldom less than apocalyptic.",  # words, not forces
    "The war dominated the campaign.",  # an act as subject, with no victim named
    "Labour and the Conservatives are telephoning millions of voters.",  # speech to people
    "Analysts said Iran will attack Israel.",  # a forecast, not a commitment
    "Their film shooting in Spain lasted a month.",
    "China overtook the US to become Japan's biggest trading partner.",  # a ranking, not force
    "Labour defeated the Conservatives in the election.",  # an election
    "The Iraqi economy was damaged by the crisis.",  # a passive whose "by" names a thing
    # a shooting with no determiner or occurrence
    "Russia sold the unit for $9.4bn to a state firm.",  # a sale is no aid
    "The building was seized.",  # a thing, not a person, with no hand named
    "Sotheby's auctioned the painting.",  # an auction house's sale
    "The band broke up in 2004.",
    "Police broke up the protest.",  # no state named
    "The trade war with China hurt farmers.",  # a war of trade, not of force
    "They said we go to culture war.",
    "Thousands of students protested in Seoul.",  # a demonstration, with no actor named
    "The teacher asked the pupils for quiet.",  # people no actor stands for
    "Three people were killed by a car crash.",
    "Russia's campaign paid the law firm.",  # an election campaign, no call for anything
    "It is not Russia's fault.",  # a failing, not an act of blaming
    "Russia's presidential bid dominated the news.",  # a candidacy, no appeal to anyone
]


@pytest.mark.parametrize("text", NOT_AN_EVENT)
def test_constructions_do_not_overreach(nlp: Language, text: str) -> None:
    asserted = [(r["event_type"], r["trigger"]) for r in events_of(nlp, text) if r["modality"] == "asserted"]
    assert asserted == []
