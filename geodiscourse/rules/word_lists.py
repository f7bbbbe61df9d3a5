"""Word lists several rule families share, and the one way a family's list refers to them.

Attribution (who can "suggest"), events (whose "of" phrase names the actor),
recommendations (whose "must" is advice) and actors (which heads act for a state) each
need to know which nouns name someone who can speak or act: "the minister", "officials",
"the government". The lists they have in common live once, in
``rules/shared/agent_nouns.yaml``; a family's own file names the shared lists its list
starts from and spells out what it adds and leaves out::

    speaker_nouns:
      shared: [office_holders, state_bodies]
      add: [analyst, critic]
      except: [army]

so a reader sees in one place what each extractor uses. A plain YAML list is still a
word list of its own. Words are lower-cased, as every family matches them.
"""

from __future__ import annotations

import json
from functools import cache

from geodiscourse.rules import RuleFileError, read_yaml_mapping, rule_text

SHARED_FILE = "shared/agent_nouns.yaml"
_KEYS = frozenset({"shared", "add", "except"})


def _lowered(value: object, where: str) -> list[str]:
    if not isinstance(value, list):
        raise RuleFileError(f"{where} must be a list of words, got {value!r}")
    return [str(v).lower() for v in value]


@cache
def shared_word_lists() -> dict[str, frozenset[str]]:
    """The named lists of ``rules/shared/agent_nouns.yaml``, each a set of lower-cased words."""
    data = read_yaml_mapping(SHARED_FILE)
    return {str(name): frozenset(_lowered(words, f"{SHARED_FILE} {name}")) for name, words in data.items()}


def word_list(value: object, where: str) -> frozenset[str]:
    """A family's word list: a plain list, or a mapping that starts from shared lists.

    ``where`` names the file and key for error messages. Every word of ``except`` must
    be in one of the named shared lists and no word of ``add`` may be, so that each
    list says exactly what it changes.
    """
    if isinstance(value, list):
        return frozenset(_lowered(value, where))
    if not isinstance(value, dict):
        raise RuleFileError(
            f"{where} must be a list of words or a mapping with shared/add/except, got {value!r}"
        )
    unknown = sorted(set(value) - _KEYS)
    if unknown:
        raise RuleFileError(f"{where}: unknown key(s) {unknown}; use shared, add and except")
    shared = shared_word_lists()
    base: set[str] = set()
    for name in _lowered(value.get("shared", []), f"{where} shared"):
        if name not in shared:
            raise RuleFileError(
                f"{where}: no shared list {name!r} in {SHARED_FILE} (it has {sorted(shared)})"
            )
        base |= shared[name]
    added = set(_lowered(value.get("add", []), f"{where} add"))
    removed = set(_lowered(value.get("except", []), f"{where} except"))
    if removed - base:
        raise RuleFileError(
            f"{where}: except names {sorted(removed - base)}, which no shared list it uses has"
        )
    if added & base:
        raise RuleFileError(f"{where}: add repeats {sorted(added & base)}, already in its shared lists")
    return frozenset((base - removed) | added)


PHOENIX_AGENTS_FILE = "shared/phoenix_agents.json"


@cache
def phoenix_agents() -> dict[str, str]:
    """Agent noun -> Phoenix sector code, compiled from PETRARCH2's Phoenix.agents.txt
    by tools/build_event_dictionary.py (see the file's _about)."""
    try:
        data = json.loads(rule_text(PHOENIX_AGENTS_FILE))
    except json.JSONDecodeError as err:
        raise RuleFileError(f"geodiscourse/rules/{PHOENIX_AGENTS_FILE} is not valid JSON: {err}") from err
    return {str(k): str(v) for k, v in (data.get("agents") or {}).items()}


#: Phoenix sectors whose members act politically in any event: government, military,
#: police, rebels, opposition, judiciary, legislature, spies, unidentified armed forces,
#: criminals, parties, elites, NGOs and rights groups (codes may be combined: "UAFMUS").
POLITICAL_SECTORS = (
    "GOV",
    "MIL",
    "COP",
    "REB",
    "OPP",
    "JUD",
    "LEG",
    "SPY",
    "UAF",
    "CRM",
    "PTY",
    "ELI",
    "NGO",
    "HRI",
)


def is_political_agent(lemma: str) -> bool:
    """Is the noun a Phoenix agent of a political sector ("militiaman", "jihadist")?"""
    sector = phoenix_agents().get(lemma)
    return sector is not None and sector.startswith(POLITICAL_SECTORS)
