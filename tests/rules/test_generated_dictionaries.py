"""The rule data compiled from the field's dictionaries is what the build script makes.

``tools/build_event_dictionary.py`` turns the PLOVER codebook, the CAMEO-to-PLOVER table,
PETRARCH2's CAMEO verb dictionary and Phoenix agents into committed files; the product
never reads the sources. The first test rebuilds them from ``../shared/reference`` (when
it is there) and compares byte for byte; the others pin how the parts of the sources are
read, on small made-up inputs.
"""

from __future__ import annotations

import pytest

from geodiscourse.extract.events.compiled import compiled_counts, compiled_verbs
from geodiscourse.rules.word_lists import phoenix_agents
from geodiscourse.schemas.events import PLOVER_TYPES
from geodiscourse.schemas.plover_vocabulary import PLOVER_CONTEXTS, PLOVER_MODES
from tests.paths import REPO
from tests.rules.tool_scripts import load_tool

REFERENCE = REPO.parent / "shared" / "reference"


build = load_tool("build_event_dictionary")


@pytest.mark.skipif(
    not REFERENCE.is_dir(), reason="needs ../shared/reference (the sources) beside the repository"
)
def test_committed_outputs_are_what_the_script_builds() -> None:
    for path, text in build.build(REFERENCE).items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path} is stale: run tools/build_event_dictionary.py"
        )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("MEET {MEETS MET MEETING} ", ("meet", None, None)),
        ("MURDER [190] ", ("murder", "190", None)),
        ("+SHOOT_DOWN {+SHOOTS_DOWN +SHOT_DOWN } # note", ("shoot", None, "down")),
        ("+KILLED_AND {}", None),  # a remnant, no verb
        ("WIRE_+TAP {WIRE_+TAPS}", None),  # a pre-compound the parser does not give
    ],
)
def test_verb_lines(line: str, expected: tuple[str, str | None, str | None] | None) -> None:
    assert build._verb_entry(line) == expected


@pytest.mark.parametrize(
    ("body", "objects", "preposition", "prep_objects", "subjects"),
    [
        ("* {ARMS SHIPMENT}", ["shipment"], None, [], []),
        ("* (FOR {FINANCIAL AID})", [], "for", ["aid"], []),
        ("&WEAPON *", [], None, [], ["&WEAPON"]),
        ("* CIVILIAN", ["civilian"], None, [], []),
    ],
)
def test_patterns_reduce_to_parse_slots(
    body: str, objects: list[str], preposition: str | None, prep_objects: list[str], subjects: list[str]
) -> None:
    pattern = build.parse_pattern(body, "190", {"&WEAPON": ["gun"]})
    assert pattern is not None
    assert (pattern.objects, pattern.preposition, pattern.prep_objects, pattern.subjects) == (
        objects,
        preposition,
        prep_objects,
        subjects,
    )


@pytest.mark.parametrize("body", ["* (TO LIST) (OF {BANNED PARTIES})", "NAZIS"])
def test_patterns_the_parse_cannot_check_are_left_to_the_default(body: str) -> None:
    assert build.parse_pattern(body, "190", {}) is None


def test_codes_fall_back_to_their_parent_and_statements_code_nothing() -> None:
    table = {
        "087": build.PloverCode("RETREAT", "disarm", ("military",)),
        "02": build.PloverCode("REQUEST", None, ()),
    }
    assert build.plover_for("0871", table) == table["087"]
    assert build.plover_for("021", table) == table["02"]
    assert build.plover_for("010", table) is None


def test_the_table_keeps_only_the_codebooks_modes_and_contexts() -> None:
    modes = {t: () for t in PLOVER_TYPES} | {"RETREAT": ("withdraw",), "ASSAULT": ("targeted",)}
    table = build.parse_cameo2plover(
        "0872: RETREAT, withdraw,   military # x\n1234: RETREAT, return, nowhere # y\n186: ASSAULT, assassinate, # z\n",
        modes,
        ("military",),
    )
    assert table["0872"] == build.PloverCode("RETREAT", "withdraw", ("military",))
    assert table["1234"] == build.PloverCode("RETREAT", None, ())  # no such mode or context
    assert table["186"] == build.PloverCode("ASSAULT", "targeted", ())  # the codebook's name


def test_the_compiled_data_loads_with_codebook_values_only() -> None:
    verbs, patterns = compiled_counts()
    assert verbs > 1000 and patterns > 3000
    for readings in compiled_verbs().values():
        for reading in readings:
            for event in [reading.default, *(p.event for p in reading.patterns)]:
                if event is None:
                    continue
                assert event.mode is None or event.mode in PLOVER_MODES[event.event_type]
                assert set(event.contexts) <= set(PLOVER_CONTEXTS)


def test_agents_carry_their_sector() -> None:
    agents = phoenix_agents()
    assert agents["rebel"] == "REB" and agents["police"] == "COP" and agents["soldier"] == "MIL"
