"""Events from the field's dictionaries and the codebook's constructions (issue 11).

The compiled CAMEO verbs with their precedence and actor conditions, unnamed groups
that act, commitments coded as the commitment (AGREE, CONCEDE, THREATEN), reported
obligations as requests, the codebook's nouns, and the PLOVER mode and contexts a
matched pattern fixes.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from geodiscourse.core.rows import EventRow
from geodiscourse.extract.events import extract_events
from tests.extract.events.test_events_fixtures import make_context

ACTORS: dict[str, tuple[str, str, str | None]] = {
    "Zambia": ("ZMB", "state", "ZMB"),
    "Britain": ("GBR", "state", "GBR"),
    "Syria": ("SYR", "state", "SYR"),
    "Lebanon": ("LBN", "state", "LBN"),
    "Portugal": ("PRT", "state", "PRT"),
    "Turkey": ("TUR", "state", "TUR"),
    "Iran": ("IRN", "state", "IRN"),
    "Israel": ("ISR", "state", "ISR"),
    "Russia": ("RUS", "state", "RUS"),
    "Russian": ("RUS", "state", "RUS"),
    "Sudan": ("SDN", "state", "SDN"),
    "Croatia": ("HRV", "state", "HRV"),
    "Airbus": ("airbus", "organization", None),
    "Boeing": ("boeing", "organization", None),
    "Mario Soares": ("mario-soares", "person", "PRT"),
    "James Comey": ("james-comey", "person", "USA"),
    "Labour": ("labour-party", "organization", "GBR"),
    "Vladimir Putin": ("vladimir-putin", "person", "RUS"),
    "Nancy Pelosi": ("nancy-pelosi", "person", "USA"),
}

Summary = tuple[str, str | None, str | None, str]
ANY_ACTOR: Any = object()


def events_of(nlp: Language, text: str) -> list[EventRow]:
    return extract_events(make_context(nlp, text, actors=ACTORS))


def asserted(nlp: Language, text: str) -> list[EventRow]:
    return [r for r in events_of(nlp, text) if r["modality"] == "asserted"]


def triples(rows: list[EventRow]) -> set[tuple[str, str | None, str | None]]:
    """(type, source, target) of each row."""
    return {(r["event_type"], r["source_actor_id"], r["target_actor_id"]) for r in rows}


def summary(rows: list[EventRow]) -> set[Summary]:
    return {(r["event_type"], r["source_actor_id"], r["target_actor_id"], r["modality"]) for r in rows}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a compiled CAMEO verb no hand-written rule knows, with its mode and contexts
        ("Zambia extradited the suspect to Britain on Sunday.", ("COOPERATE", "ZMB", "GBR", "asserted")),
        # a committing adjective over a retreat: an announced retreat is CONCEDE
        ("Syria is willing to withdraw its troops from Lebanon.", ("CONCEDE", "SYR", "LBN", "asserted")),
        # a future reported by one who speaks for the actor is its commitment: AGREE
        ("Portugal will support Turkey, Mario Soares said.", ("AGREE", "PRT", "TUR", "asserted")),
        # a reported obligation is the speaker's request of the obliged
        (
            "Russia said on Tuesday that Sudan must return the helicopter.",
            ("REQUEST", "RUS", "SDN", "asserted"),
        ),
        # an unnamed group acts: the event stands, its source stays null
        ("Dozens of Afghan rebels kidnapped Russian advisers.", ("ASSAULT", None, "RUS", "asserted")),
        # people of any sector but business voice a speech act, named or not
        ("Local residents accused the council of lying.", ("ACCUSE", None, None, "asserted")),
        ("Several journalists condemned the arrest.", ("ACCUSE", None, None, "asserted")),
        # a compiled verbal act aimed at someone named by a noun, resolved or not
        ("Russia sued four companies over the auction.", ("ACCUSE", "RUS", None, "asserted")),
        # an eventive passive that leaves its agent unsaid: the one acted on is named
        ("James Comey was charged with fraud.", ("ACCUSE", None, "james-comey", "asserted")),
        ("James Comey has been charged with fraud.", ("ACCUSE", None, "james-comey", "asserted")),
        # criminal charges, in the plural, as an event noun
        ("Russia faces charges of fraud.", ("ACCUSE", None, "RUS", "asserted")),
        # who is in a place of confinement is held there
        ("James Comey is in jail.", ("COERCE", None, "james-comey", "asserted")),
        ("Vladimir Putin remains in custody.", ("COERCE", None, "vladimir-putin", "asserted")),
    ],
)
def test_dictionary_and_construction_events(nlp: Language, text: str, expected: Summary) -> None:
    assert expected in summary(events_of(nlp, text))


@pytest.mark.parametrize(
    ("text", "absent_type"),
    [
        # investors (Phoenix's business sector) speak for no political actor
        ("Investors accused the council of lying.", "ACCUSE"),
        # people who are no political actor do not act beyond speech
        ("Local residents demolished the council's offices.", "ASSAULT"),
        # a compiled default needs two actors: the suspect is none
        ("Zambia extradited him on Sunday.", "COOPERATE"),
        # firms are not the political actors a compiled reading codes
        ("Airbus overtook Boeing as the largest maker of airliners.", "ASSAULT"),
        # a verb with an infinitive and no object: its content is the embedded event
        ("Syria and Turkey hope to reach a deal.", "REQUEST"),
        # a forecast by others is no commitment: the attack stays hypothetical
        ("Analysts say Iran will attack Israel.", "THREATEN"),
        # the speaker's own obligation is no request of anyone
        ("Russia said it must return the helicopter.", "REQUEST"),
        # a compiled reading needs its subject to act: "the decision" is no actor
        ("The decision severely damaged relations with Turkey.", "SANCTION"),
        # a pronoun or a clause is no addressee for a compiled verbal act of one side
        ("Jack Straw argued that the talks had failed.", "ACCUSE"),
        # a present passive is mostly a state, not an act done to the US
        ("The decision hurt relations with Russia, which is opposed to ending the ban.", "ACCUSE"),
        # a place of confinement named as a building is no one held
        ("Russia built a new prison.", "COERCE"),
        # "in charge of" is no criminal charge
        ("Nancy Pelosi is in charge of the House.", "ACCUSE"),
    ],
)
def test_dictionary_readings_that_are_no_event(nlp: Language, text: str, absent_type: str) -> None:
    asserted = {r["event_type"] for r in events_of(nlp, text) if r["modality"] == "asserted"}
    assert absent_type not in asserted


@pytest.mark.parametrize(
    ("text", "trigger", "event_type", "mode", "contexts"),
    [
        ("Russian police arrested Croatia's ambassador.", "arrested", "COERCE", "arrest", ["legal"]),
        ("Zambia extradited the suspect to Britain.", "extradited", "COOPERATE", None, ["legal"]),
        ("Croatia opened an investigation into the killings.", "investigation", "ACCUSE", "investigate", []),
    ],
)
def test_mode_and_contexts_follow_the_matched_pattern(
    nlp: Language, text: str, trigger: str, event_type: str, mode: str | None, contexts: list[str]
) -> None:
    rows = [r for r in events_of(nlp, text) if trigger in r["trigger"]]
    assert rows, f"no event at {trigger!r}"
    assert (rows[0]["event_type"], rows[0]["event_mode"], rows[0]["event_contexts"]) == (
        event_type,
        mode,
        contexts,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an existential report of ongoing interaction
        ("There is full cooperation between Syria and Turkey.", ("COOPERATE", "SYR", "TUR", "asserted")),
        # support verbs with an event noun
        ("Russia has increased trade with Turkey.", ("COOPERATE", "RUS", "TUR", "asserted")),
        ("Russia stepped up assistance to Syria.", ("AID", "RUS", "SYR", "asserted")),
        # a perfect infinitive on a predicate noun reports what its subject did
        (
            "Turkey was the second nation to have signed a treaty with Israel.",
            ("AGREE", "TUR", "ISR", "asserted"),
        ),
        # an imperative instructs, it reports nothing
        ("Please welcome Mario Soares!", ("SUPPORT", None, "mario-soares", "hypothetical")),
        # whoever claims responsibility for an attack made it
        ("Syria claimed responsibility for the attacks on Turkey.", ("ASSAULT", "SYR", "TUR", "asserted")),
        # the other side of a coordinated subject whose object is the agreement itself
        ("Syria and Turkey signed a trade protocol.", ("AGREE", "SYR", "TUR", "asserted")),
        # a state's armed hardware acts for it
        ("Russian aircraft struck the convoy on Friday.", ("ASSAULT", "RUS", None, "asserted")),
        # a threat with a condition is a threat made
        (
            "Syria said it will boycott the talks unless Turkey withdraws.",
            ("THREATEN", "SYR", ANY_ACTOR, "asserted"),
        ),
    ],
)
def test_constructions_with_event_nouns_and_clauses(nlp: Language, text: str, expected: Summary) -> None:
    found = summary(events_of(nlp, text))
    if expected[2] is ANY_ACTOR:
        assert any((t, s, m) == (expected[0], expected[1], expected[3]) for t, s, _, m in found), found
    else:
        assert expected in found


def test_a_call_held_is_a_phone_consultation(nlp: Language) -> None:
    (row,) = [
        r for r in events_of(nlp, "Russia and Turkey held a call on Tuesday.") if "call" in r["trigger"]
    ]
    assert (row["event_type"], row["event_mode"], row["source_actor_id"]) == ("CONSULT", "phone", "RUS")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # first person in a named speaker's quotation is the speaker; a conflict act
        # the speaker's side announces is the speaker's threat
        (
            "“We will strike Israel,” Mario Soares said on Tuesday.",
            ("THREATEN", "mario-soares", "ISR", "asserted"),
        ),
        ("“We attacked Syria last night,” Russia said.", ("ASSAULT", "RUS", "SYR", "asserted")),
    ],
)
def test_events_voiced_by_a_named_speaker(nlp: Language, text: str, expected: Summary) -> None:
    from geodiscourse.extract.attribution import attributions_for_document

    ctx = make_context(nlp, text, actors=ACTORS)
    assert expected in summary(extract_events(ctx, attributions_for_document(ctx)))


def test_relative_dates_chain_across_sentences(nlp: Language) -> None:
    import datetime

    text = "On Monday Russia attacked Turkey. Two days later, Syria condemned Russia. The next day Iran met Syria."
    ctx = make_context(nlp, text, published=datetime.date(2022, 2, 24), actors=ACTORS)
    dates = [(r["trigger"], r["date_start"]) for r in extract_events(ctx)]
    assert dates == [
        ("attacked", datetime.date(2022, 2, 21)),
        ("condemned", datetime.date(2022, 2, 23)),
        ("met", datetime.date(2022, 2, 24)),
    ]


@pytest.mark.parametrize(
    ("text", "expected_type"),
    [
        ("At least seven people were killed on Monday.", "ASSAULT"),
        ("Two journalists were detained in Cairo on Monday.", "COERCE"),
        ("Over 80 suspects have been arrested after a police operation.", "COERCE"),
    ],
)
def test_people_acted_on_by_no_named_hand(nlp: Language, text: str, expected_type: str) -> None:
    """A passive assault or coercion of people is an event though neither side resolves."""
    assert (expected_type, None, None, "asserted") in summary(events_of(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Three people were killed in an accident.",  # CAMEO codes the reading as no event
        "The building was hit by a missile.",  # no people, no named hand
        "The report was written by analysts.",
    ],
)
def test_passives_that_report_no_event(nlp: Language, text: str) -> None:
    assert not [r for r in events_of(nlp, text) if r["modality"] == "asserted"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # codebook RETREAT: "the actual release or exchange of prisoners"
        ("Syria and Turkey exchanged prisoners.", ("RETREAT", "SYR", ANY_ACTOR, "asserted")),
        # CAMEO 152/154, MOBILIZE: raising alert status
        ("Israel put its army on high alert.", ("MOBILIZE", "ISR", None, "asserted")),
    ],
)
def test_releases_and_alerts(nlp: Language, text: str, expected: Summary) -> None:
    found = summary(events_of(nlp, text))
    assert any((t, s, m) == (expected[0], expected[1], expected[3]) for t, s, _, m in found), found


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # "into" names the matter investigated; the target is whose matter it is
        ("Croatia opened an investigation into Russia's arms sales.", "RUS"),
        ("Croatia opened a probe into Russian arms sales.", "RUS"),
        ("Croatia opened an investigation into Sudan.", "SDN"),
        ("Croatia's investigation into Iran's bank accounts continues.", "IRN"),
        # a matter nobody owns is no target
        ("Croatia opened an investigation into the killings.", None),
    ],
)
def test_investigation_into_targets_whose_matter_it_is(nlp: Language, text: str, target: str | None) -> None:
    rows = [r for r in events_of(nlp, text) if r["event_type"] == "ACCUSE"]
    assert rows, "no ACCUSE"
    assert {r["target_actor_id"] for r in rows} == {target}, rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # disapproval voiced as a feeling, with a light verb (codebook ACCUSE)
        ("Britain expressed concern over Iran's nuclear programme.", ("ACCUSE", "GBR", "IRN")),
        ("Turkey voiced disappointment at the Russian decision.", ("ACCUSE", "TUR", "RUS")),
        ("Russia raised objections to Turkey's plan.", ("ACCUSE", "RUS", "TUR")),
    ],
)
def test_expressed_disapproval_is_an_accusation(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    rows = asserted(nlp, text)
    assert expected in triples(rows), rows
    assert {r["event_mode"] for r in rows if r["event_type"] == "ACCUSE"} == {"disapprove"}


@pytest.mark.parametrize(
    "text",
    [
        "There is growing concern about Iran.",  # nobody voices it
        "The concern is that prices will rise.",
        "Russia raised the price of gas.",
    ],
)
def test_concern_nobody_voices_is_no_accusation(nlp: Language, text: str) -> None:
    assert not [r for r in events_of(nlp, text) if r["event_type"] == "ACCUSE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speech act comes "from" its speaker
        ("The plan prompted fierce criticism from Turkey.", ("ACCUSE", "TUR", None)),
        ("There were calls from Britain for a ceasefire.", ("REQUEST", "GBR", None)),
        # a verb of receiving: its subject undergoes the act, its "from" phrase acts
        ("Syria received military aid from Russia.", ("AID", "RUS", "SYR")),
        ("Iran received a warning from Israel.", ("THREATEN", "ISR", "IRN")),
    ],
)
def test_from_phrase_names_who_acts(nlp: Language, text: str, expected: tuple[str, str, str | None]) -> None:
    rows = events_of(nlp, text)
    assert expected in {(r["event_type"], r["source_actor_id"], r["target_actor_id"]) for r in rows}, rows


def test_a_thing_drawn_from_a_place_is_no_event(nlp: Language) -> None:
    assert events_of(nlp, "Russia drew water from the river.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who orders or authorises an act is the one who acts
        ("Russia ordered the bombing of Syria.", ("ASSAULT", "RUS", "SYR")),
        ("Turkey authorised air strikes on Syria.", ("ASSAULT", "TUR", "SYR")),
        ("Britain ordered an inquiry into Russia's arms sales.", ("ACCUSE", "GBR", "RUS")),
    ],
)
def test_an_ordered_act_is_the_orderers(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    rows = asserted(nlp, text)
    assert triples(rows) == {expected}, rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbs of force used of people are attacks in words
        ("Mario Soares blasted Turkey's plan.", ("ACCUSE", "mario-soares", "TUR")),
        ("Airbus blasted Boeing over the subsidies.", ("ACCUSE", "airbus", "boeing")),
        ("Mario Soares fired back at Airbus.", ("ACCUSE", "mario-soares", "airbus")),
        # used of states and their forces, they are force
        ("Russian jets blasted Syria's positions.", ("ASSAULT", "RUS", "SYR")),
        ("Israel fired back at Syria.", ("ASSAULT", "ISR", "SYR")),
    ],
)
def test_verbs_of_force_by_people_are_verbal(
    nlp: Language, text: str, expected: tuple[str, str, str | None]
) -> None:
    rows = asserted(nlp, text)
    assert expected in triples(rows), rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # removing a person from office or a party ends a relation: SANCTION expel
        ("Mario Soares fired James Comey in May.", ("SANCTION", "mario-soares", "james-comey", "expel")),
        ("Mario Soares sacked James Comey.", ("SANCTION", "mario-soares", "james-comey", "expel")),
        ("Mario Soares was expelled from Labour in 2003.", ("SANCTION", None, "mario-soares", "expel")),
        # people whose gathering is a protest
        (
            "Dozens of protesters gathered in Moscow against Vladimir Putin.",
            ("PROTEST", None, "vladimir-putin", "demo"),
        ),
        ("Thousands of demonstrators marched through Moscow.", ("PROTEST", None, None, "demo")),
    ],
)
def test_removals_and_protest_gatherings(
    nlp: Language, text: str, expected: tuple[str, str | None, str | None, str]
) -> None:
    rows = asserted(nlp, text)
    found = {(r["event_type"], r["source_actor_id"], r["target_actor_id"], r["event_mode"]) for r in rows}
    assert expected in found, rows


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # firing weapons, or firing at someone, is no removal from office
        ("Russia fired missiles at Syria.", "SANCTION"),
        ("Mario Soares fired back at Airbus.", "SANCTION"),
        # dismissing people is no rejection of claims
        ("Russia dismissed two ministers.", "REJECT"),
        # people who gather are no protest unless they are protesters
        ("Dozens of workers gathered in Moscow.", "PROTEST"),
    ],
)
def test_no_removal_or_protest_without_its_construction(nlp: Language, text: str, absent: str) -> None:
    assert absent not in {r["event_type"] for r in events_of(nlp, text)}


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a threat is made, conditional or not: the if-clause conditions what is threatened
        ("Mario Soares threatened to expel Syria if it attacked Turkey.", "asserted"),
        ("Russia warned Syria that it would strike if Turkey were attacked.", "asserted"),
        # other acts stay conditional
        ("Russia will attack Syria if Turkey is attacked.", "hypothetical"),
    ],
)
def test_a_conditional_threat_is_made(nlp: Language, text: str, modality: str) -> None:
    rows = events_of(nlp, text)
    head = next(r for r in rows if r["event_type"] in ("THREATEN", "ASSAULT"))
    assert head["modality"] == modality, rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbs of verbal attack beyond CAMEO's list
        ("Mario Soares excoriated Turkey's plan.", ("ACCUSE", "mario-soares", "TUR")),
        ("Nancy Pelosi railed against Mario Soares.", ("ACCUSE", "nancy-pelosi", "mario-soares")),
        ("Nancy Pelosi laced into Airbus on Friday.", ("ACCUSE", "nancy-pelosi", "airbus")),
        ("Nancy Pelosi hammered Mario Soares over the ban.", ("ACCUSE", "nancy-pelosi", "mario-soares")),
        # words aimed "at" someone by a verb that carries them
        ("Nancy Pelosi lobbed attacks at Mario Soares.", ("ACCUSE", "nancy-pelosi", "mario-soares")),
        ("Russia levelled accusations at Turkey.", ("ACCUSE", "RUS", "TUR")),
        ("Mario Soares directed his criticism at Britain.", ("ACCUSE", "mario-soares", "GBR")),
    ],
)
def test_verbal_attacks(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    rows = asserted(nlp, text)
    assert expected in triples(rows), rows


def test_a_time_after_at_names_no_target(nlp: Language) -> None:
    rows = events_of(nlp, "Russia launched an attack at dawn.")
    assert [(r["event_type"], r["source_actor_id"], r["target_actor_id"]) for r in rows] == [
        ("ASSAULT", "RUS", None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a necessity stated of "it" in reported speech obliges whoever the clause names
        (
            "Nancy Pelosi said it was imperative for Russia to explain the issue.",
            ("REQUEST", "nancy-pelosi", "RUS"),
        ),
        (
            "Nancy Pelosi said it was incumbent on Turkey to tell the truth.",
            ("REQUEST", "nancy-pelosi", "TUR"),
        ),
        ("Nancy Pelosi said it is time for Russia to leave Syria.", ("REQUEST", "nancy-pelosi", "RUS")),
        ("Nancy Pelosi said it is essential that Russia leaves Syria.", ("REQUEST", "nancy-pelosi", "RUS")),
        # verbs that direct someone to act, with the act as an infinitive
        (
            "Nancy Pelosi challenged Mario Soares to open the books.",
            ("REQUEST", "nancy-pelosi", "mario-soares"),
        ),
        ("Nancy Pelosi told Russia to stop the bombing.", ("REQUEST", "nancy-pelosi", "RUS")),
        ("Russia encouraged Syria to join the talks.", ("REQUEST", "RUS", "SYR")),
        # goods handed over are given (AID); captives handed over are released (RETREAT)
        ("Britain handed over food aid to Syria.", ("AID", "GBR", "SYR")),
        ("Syria handed over the prisoners to Turkey.", ("RETREAT", "SYR", "TUR")),
        # without an infinitive, the verb keeps CAMEO's reading
        ("Russia challenged Turkey over the border.", ("ACCUSE", "RUS", "TUR")),
        ("Russia encouraged Syria.", ("SUPPORT", "RUS", "SYR")),
    ],
)
def test_obligations_and_directives(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    rows = asserted(nlp, text)
    assert expected in triples(rows), rows


@pytest.mark.parametrize(
    "text",
    [
        "Nancy Pelosi said it was not necessary for Russia to leave.",
        "Nancy Pelosi said that because Russia lacked troops, it was necessary to wait.",
        "Nancy Pelosi told Russia to say nothing.",
    ],
)
def test_no_request_without_an_obligation(nlp: Language, text: str) -> None:
    assert "REQUEST" not in {r["event_type"] for r in events_of(nlp, text)}


def test_weapons_fired_at_a_place_stay_force(nlp: Language) -> None:
    """A removal reading needs a person as the object, so CAMEO's reading of "fire" holds."""
    rows = events_of(nlp, "Russian tanks fired four shells at targets in Syria.")
    assert {r["event_type"] for r in rows} == {"ASSAULT"}, rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a telephone call to a named person (codebook CONSULT phone)
        (
            "Vladimir Putin called Mario Soares on Tuesday to thank him.",
            ("CONSULT", "vladimir-putin", "mario-soares"),
        ),
        # being in touch or in contact with someone
        ("Mario Soares was in touch with Vladimir Putin.", ("CONSULT", "mario-soares", "vladimir-putin")),
        ("Mario Soares made contact with Russia.", ("CONSULT", "mario-soares", "RUS")),
        # a predicate noun that names its partner: its subject takes part
        (
            "Mario Soares was the guest of Vladimir Putin in Moscow.",
            ("CONSULT", "mario-soares", "vladimir-putin"),
        ),
        ("Mario Soares cited the dossier in briefings with Russia.", ("CONSULT", None, "RUS")),
    ],
)
def test_consultations(nlp: Language, text: str, expected: tuple[str, str | None, str]) -> None:
    rows = asserted(nlp, text)
    assert expected in triples(rows), rows


@pytest.mark.parametrize(
    "text",
    [
        # naming someone is no phone call
        "Mario Soares called Vladimir Putin a liar.",
        "Mario Soares called Vladimir Putin naive.",
        # a predicate noun that names no partner characterises
        "Russian troops are the main threat.",
    ],
)
def test_no_consultation_in_namings(nlp: Language, text: str) -> None:
    assert not {r["event_type"] for r in events_of(nlp, text)} & {"CONSULT", "THREATEN"}


@pytest.mark.parametrize(
    "text",
    [
        "The gunman opened fire on a concert audience.",
        "At least one attacker detonated a suicide bomb.",
        "A gunman killed three people in Paris.",
    ],
)
def test_one_named_attacker_makes_force_specific(nlp: Language, text: str) -> None:
    rows = asserted(nlp, text)
    assert [r["event_type"] for r in rows] == ["ASSAULT"], rows


@pytest.mark.parametrize(
    "text", ["The suspect said he was innocent.", "The gunman was a retired accountant."]
)
def test_an_attacker_is_no_event_of_its_own(nlp: Language, text: str) -> None:
    assert events_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whatever is dismissed as something is rejected
        ("Russia dismissed Turkey's plan as a trick.", ("REJECT", "RUS", "TUR")),
        # questions and concerns put to someone can be brushed aside
        ("Russia dismissed questions about the deal.", ("REJECT", "RUS", None)),
        # rejections CAMEO's dictionary lacks
        ("Russia decertified the Iran deal.", ("REJECT", "RUS", "IRN")),
        ("Russia thwarted the investigation.", ("REJECT", "RUS", None)),
        ("Russia is stonewalling Turkey.", ("REJECT", "RUS", "TUR")),
        # a denial is its author's rejection
        ("The report ran despite Russian denials that troops had crossed.", ("REJECT", "RUS", None)),
    ],
)
def test_rejections(nlp: Language, text: str, expected: tuple[str, str, str | None]) -> None:
    rows = asserted(nlp, text)
    assert expected in triples(rows), rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who is "under" an act undergoes it
        ("Mario Soares is under investigation by Britain.", ("ACCUSE", "GBR", "mario-soares")),
        ("Syria came under attack on Monday.", ("ASSAULT", None, "SYR")),
        # looking into something is investigating it
        ("Britain is looking into Russia's arms sales.", ("ACCUSE", "GBR", "RUS")),
    ],
)
def test_investigations_and_undergoers(
    nlp: Language, text: str, expected: tuple[str, str | None, str]
) -> None:
    rows = asserted(nlp, text)
    assert expected in triples(rows), rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is alleged is a hostile act of the clause's subject: an allegation against it
        (
            "Labour claimed that Russia imposed the tax bill and forced the sale.",
            ("ACCUSE", "labour-party", "RUS"),
        ),
        ("Turkey alleged that Syria had attacked its border posts.", ("ACCUSE", "TUR", "SYR")),
    ],
)
def test_an_allegation_is_against_the_subject_of_what_is_alleged(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(asserted(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        # a neutral report, a guess and an act of an argument are no allegation against anyone
        "Labour argued that Israel was committed to the roadmap.",
        "Labour argued that Turkey could declare the firm bankrupt.",
        "Labour argued that Russian troops deployed in Syria should be replaced.",
    ],
)
def test_a_claim_that_alleges_nothing_bad_is_no_accusation(nlp: Language, text: str) -> None:
    assert not [t for t in triples(asserted(nlp, text)) if t[0] == "ACCUSE"]


def test_the_one_asked_to_act_is_the_target_though_the_parser_made_it_a_subject(nlp: Language) -> None:
    """ "implored [Croatia not to do it]": spaCy parses the object as the infinitive's subject."""
    found = triples(asserted(nlp, "Turkey had implored Croatia not to do it."))
    assert ("REQUEST", "TUR", "HRV") in found


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a verbal act attempted is made; a material act attempted, or an attempt that may
        # happen, is not
        ("Turkey tried to criticise Syria.", "asserted"),
        ("Turkey may try to criticise Syria.", "hypothetical"),
        ("Russia tried to invade Croatia.", "hypothetical"),
    ],
)
def test_an_attempted_verbal_act_is_made(nlp: Language, text: str, modality: str) -> None:
    rows = events_of(nlp, text)
    assert rows and rows[0]["modality"] == modality, rows


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # people accused by no named hand: a specific accusation with null actors
        ("They are accused of disrespecting the national anthem.", True),
        # a thing criticised by no one named is no event
        ("The plan was criticised.", False),
    ],
)
def test_a_passive_accusation_of_people_is_an_event(nlp: Language, text: str, found: bool) -> None:
    assert (("ACCUSE", None, None) in triples(asserted(nlp, text))) is found
