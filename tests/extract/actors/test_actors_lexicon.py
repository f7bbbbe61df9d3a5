"""The gazetteer data files are consistent, and resolution keeps its invariants on any text."""

from __future__ import annotations

from collections import defaultdict

import pycountry
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from geodiscourse.extract.actors.lexicon import ACTOR_KINDS, load_lexicon, read_rule_file
from geodiscourse.extract.actors.resolve import ActorResolution, resolve_mentions
from geodiscourse.extract.actors.slugs import slugify
from geodiscourse.rules import RULES_DIR
from tests.extract.fresh_process import as_plain, in_fresh_process

GAZETTEER_FILES = sorted(p.name for p in (RULES_DIR / "actors").glob("gazetteer_*"))
ENTITY_FILES = [
    "actors/gazetteer_media.yaml",
    "actors/gazetteer_organisations.yaml",
    "actors/gazetteer_igos.yaml",
    "actors/gazetteer_regions.yaml",
]
METHODS = {"gazetteer", "ner", "alias", "title", "pronoun"}


@pytest.mark.parametrize("name", GAZETTEER_FILES)
def test_every_gazetteer_file_says_where_its_entries_come_from(name: str) -> None:
    first = (RULES_DIR / "actors" / name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# "), f"{name} must open with a comment line on its sources"


def test_states_are_iso_3166_alpha3_codes() -> None:
    rows = read_rule_file("actors/gazetteer_states.csv")
    assert len(rows) > 240
    unknown = [r["iso3"] for r in rows if pycountry.countries.get(alpha_3=r["iso3"]) is None]
    assert unknown == ["XKX"]  # Kosovo: a user-assigned code, documented in the file


def test_no_alias_names_two_actors() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in read_rule_file("actors/gazetteer_states.csv"):
        for alias in filter(None, row["aliases"].split("|") + row["demonyms"].split("|")):
            owners[alias.lower()].add(row["iso3"])
    for code, names in read_rule_file("actors/gazetteer_metonyms.yaml")["states"].items():
        for name in names:
            owners[name.lower()].add(code)
    for source in ENTITY_FILES:
        for record in read_rule_file(source):
            for alias in (record.get("aliases") or []) + (record.get("demonyms") or []):
                owners[str(alias).lower()].add(record["id"])
    assert {alias: ids for alias, ids in owners.items() if len(ids) > 1} == {}


@pytest.mark.parametrize("source", ENTITY_FILES)
def test_entity_ids_follow_the_contract(source: str) -> None:
    for record in read_rule_file(source):
        assert record["kind"] in ACTOR_KINDS
        if record["kind"] in ("igo", "bloc"):
            assert record["id"] == record["id"].upper(), record  # the usual acronym in upper case
            assert record.get("country") is None, record
        else:
            assert record["id"] == slugify(record["id"]), record  # a lower-case slug


def test_lexicon_indexes_metonyms_demonyms_and_blockers() -> None:
    lexicon = load_lexicon()
    assert lexicon.folded_aliases[("kremlin",)].actor is not None
    assert lexicon.folded_aliases[("kremlin",)].actor.actor_id == "RUS"
    assert lexicon.folded_aliases[("russian",)].demonym
    assert lexicon.exact_aliases[("US",)].actor is not None
    assert ("us",) not in lexicon.folded_aliases  # "us" the pronoun never matches
    assert lexicon.folded_aliases[("new", "jersey")].actor is None
    assert lexicon.titles[("home", "secretary")] == "GBR"
    assert lexicon.known_persons[("jack", "straw")].country == "GBR"


WORDS = [
    "Russia", "Moscow", "the", "Kremlin", "said", "Mr", "Straw", "Jack", "he", "she", "His", "US", "us",
    "UK", "Nato", "EU", "Russian", "troops", "Washington", "Jordan", "Georgia", "Michael", "prime",
    "minister", "government", "Parliament", "The", "Times", "of", "Bank", "England", "President",
    "Vladimir", "Putin", "Human", "Rights", "Watch", ",", ".", '"', "'s", "and", "\n", "Mrs", "Robinson",
    "Home", "Secretary", "New", "Jersey", "West", "Prof", "Etzioni", "leader", "Chad", "Smith",
]  # fmt: skip


#: Checked besides the generated word lists, which often give no mention at all.
NAMING = ["Jack", "Straw", "said", "Russia", "and", "the", "EU", "."]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
@example(NAMING)
def test_mentions_never_overlap_and_lie_in_the_doc(nlp: Language, words: list[str]) -> None:
    doc = nlp(" ".join(words))
    result = resolve_mentions(doc)
    event("gave mentions" if result.mentions else "gave no mention")
    if words == NAMING:
        assert [m.actor_id for m in result.mentions] == ["jack-straw", "RUS", "EU"]
    previous_end = 0
    for mention in result.mentions:
        assert previous_end <= mention.token_start < mention.token_end <= len(doc)
        previous_end = mention.token_end
        assert mention.char_start == doc[mention.token_start].idx
        assert doc.text[mention.char_start : mention.char_end] == mention.text
        assert mention.method in METHODS
        assert mention.actor_id in result.actors
    assert set(result.actors) == {m.actor_id for m in result.mentions}
    for actor_id, row in result.actors.items():
        assert row["actor_id"] == actor_id and row["kind"] in ACTOR_KINDS


def resolve_text(nlp: Language, text: str) -> ActorResolution:
    return resolve_mentions(nlp(text))


def test_resolution_is_the_same_in_a_fresh_process(nlp: Language) -> None:
    """Another interpreter, with another str hash seed, resolves the same mentions."""
    text = (
        "UK Foreign Secretary Jack Straw met Russian President Vladimir Putin in Moscow. "
        "Mr Straw said the talks went well. He told the BBC the government would act. "
        "The prime minister agreed, Downing Street said."
    )
    here = resolve_text(nlp, text)
    assert {"jack-straw", "vladimir-putin", "RUS"} <= {m.actor_id for m in here.mentions}
    assert as_plain(here) == in_fresh_process(resolve_text, text)


@pytest.mark.parametrize("text", ["", "   \n\n ", '"', "Mr", "the", "\u201cUntitled\u201d entitled \u201c"])
def test_degenerate_texts_give_no_mentions(nlp: Language, text: str) -> None:
    assert resolve_mentions(nlp(text)).mentions == []
