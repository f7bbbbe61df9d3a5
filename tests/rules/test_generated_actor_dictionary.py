"""The persons compiled from the published actor dictionaries are what the build script makes.

``tools/build_actor_dictionary.py`` turns PETRARCH2's Phoenix actor dictionaries and the US
Congress legislators data into ``geodiscourse/rules/actors/compiled_persons.json``; the
product never reads the sources. The first test rebuilds it from ``../shared/reference``
(when it is there) and compares byte for byte; the others pin how the parts of the sources
are read, on small made-up inputs.
"""

from __future__ import annotations

import pytest

from tests.paths import REPO
from tests.rules.tool_scripts import load_tool

REFERENCE = REPO.parent / "shared" / "reference"


build = load_tool("build_actor_dictionary")
STATES = frozenset({"RUS", "USA", "FRA", "SUN"})

PHOENIX_PERSON = """\
# a made-up record
IVAN_PETROVICH_SIDOROV_  # CountryInfo.txt
+IVAN_P._SIDOROV_
+SIDOROV_
+PRESIDENT_SIDOROV_
+IVAN_MCDONALD-O'BRIEN
	[RUSELI 650101-991231]
	[RUSGOVLEG >20000507]
	[SUNMIL <641231]
	[---]
"""


def test_a_phoenix_person_keeps_name_like_spellings_and_dated_roles() -> None:
    [person] = build.parse_phoenix(PHOENIX_PERSON, STATES)
    assert person.name == "Ivan Petrovich Sidorov"
    assert person.spellings == ["Ivan Petrovich Sidorov", "Ivan P. Sidorov", "Ivan McDonald-O'Brien"]
    assert person.roles == [
        build.Role("RUS", "ELI", "1965-01-01", "1999-12-31"),  # two-digit years: 65 -> 1965, 99 -> 1999
        build.Role("RUS", "GOV", "2000-05-07", None),  # the first sector group of GOVLEG
        build.Role("SUN", "MIL", None, "1964-12-31"),  # [---] codes nothing
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (None, None)),
        (">050101", ("2005-01-01", None)),  # 00-30 -> 20YY
        ("<19991231", (None, "1999-12-31")),
        ("310101-20010120", ("1931-01-01", "2001-01-20")),
        ("> 140608", ("2014-06-08", None)),  # a stray blank
        ("20121207-20120802", ("2012-08-02", "2012-12-07")),  # given end first
        ("201005011", (None, None)),  # malformed: open
    ],
)
def test_date_restrictions(text: str, expected: tuple[str | None, str | None]) -> None:
    assert build.parse_restriction(text) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("USAGOVLEG", ("USA", "GOV")),
        ("RUS", ("RUS", None)),
        ("IGOUNOKID", (None, "IGO")),
        ("ELI", (None, "ELI")),
        ("KSVGOV", (None, "GOV")),  # Kosovo's CAMEO code maps to XKX, not in these STATES
        ("---", None),
        ("SAS", None),  # a region
    ],
)
def test_codes(code: str, expected: tuple[str | None, str | None] | None) -> None:
    assert build.parse_code(code, STATES) == expected


@pytest.mark.parametrize(
    "text",
    [
        "FREE_SIDOROV_ARMY_ [RUSREB]\n+SIDOROV_BRIGADE_\n",  # an organisation's name
        "NEW_RUSSIA_ [RUS]\n",  # a bare state code: a place
        "SIDOROV_ [RUSGOV]\n",  # one word: no full name
        "ACME_HOLDINGS_ [MNCUSA]\n",  # a company, and no state role
        "JANE_DOE_ [NGO]\n",  # no state or IGO role
    ],
)
def test_organisations_places_and_stateless_entries_are_not_persons(text: str) -> None:
    assert build.parse_phoenix(text, STATES) == []


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("ABU_MUSAB_AL-ZARQAWI_", "Abu Musab al-Zarqawi"),
        ("FERNANDO_DE_LA_RUA", "Fernando de la Rua"),
        ("JEAN-MARIE_LE_PEN_", "Jean-Marie Le Pen"),
        ("AL-SADR_MUQTADA", "Al-Sadr Muqtada"),
        ("MASSIMO_D'ALEMA_", "Massimo D'Alema"),
        ("R.K._PACHAURI_", "R.K. Pachauri"),
        ("ABDULLAH_II_", "Abdullah II"),
        ("LUIZ_MACHADO_", "Luiz Machado"),
    ],
)
def test_names_are_title_cased(phrase: str, expected: str) -> None:
    tokens = build.name_tokens(phrase)
    assert tokens is not None
    assert build.title_case(tokens) == expected


LEGISLATORS = """\
- id: {bioguide: X000001}
  name: {first: Robert, last: Roe, nickname: Bob, official_full: Robert J. Roe}
  terms:
  - {type: rep, start: '2019-01-03', end: '2021-01-03', state: OH, party: Democrat}
  - {type: sen, start: '2021-01-03', end: '2027-01-03', state: OH, party: Democrat}
"""
EXECUTIVE = """\
- id: {bioguide: X000001}
  name: {first: Robert, middle: James, last: Roe}
  terms:
  - {type: viceprez, start: '2025-01-20', end: '2029-01-20', party: Democrat}
"""


def test_congress_members_have_a_legislative_role_per_term() -> None:
    [person] = build.parse_legislators(LEGISLATORS)
    assert person.spellings == ["Robert J. Roe", "Robert Roe", "Bob Roe"]
    assert person.roles == [
        build.Role("USA", "LEG", "2019-01-03", "2021-01-03"),
        build.Role("USA", "LEG", "2021-01-03", "2027-01-03"),
    ]


def test_sources_merge_on_the_folded_name() -> None:
    phoenix = build.parse_phoenix("BOB_ROE_\n+ROBERT_JAMES_ROÉ\n\t[USALEG >190103]\n", STATES)
    executive = build.parse_executive(EXECUTIVE)
    assert executive[0].spellings == ["Robert Roe", "Robert James Roe"]
    legislators = build.parse_legislators(LEGISLATORS)
    [person] = build.merge(phoenix + legislators + executive)
    assert person.name == "Robert J. Roe"  # a US record's spelling comes first
    assert person.spellings == [
        "Robert J. Roe",
        "Robert Roe",
        "Bob Roe",
        "Robert James Roe",
        "Robert James Roé",
    ]
    assert [(r.sector, r.start) for r in person.roles] == [
        ("LEG", "2019-01-03"),
        ("LEG", "2019-01-03"),  # Phoenix's open-ended role, kept beside the term
        ("LEG", "2021-01-03"),
        ("GOV", "2025-01-20"),
    ]


@pytest.mark.skipif(
    not REFERENCE.is_dir(), reason="needs ../shared/reference (the sources) beside the repository"
)
def test_committed_output_is_what_the_script_builds() -> None:
    for path, text in build.build(REFERENCE).items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path} is stale: run tools/build_actor_dictionary.py"
        )
