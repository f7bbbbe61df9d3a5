"""A hand-made DocContext for event tests, and tests of the event rule files themselves.

Event tests must not depend on actor resolution (written and tuned separately), so
they mark actors by hand: every whole-word occurrence of a listed surface form becomes
a mention of the given actor.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from spacy.language import Language

from geodiscourse import rules as rule_files
from geodiscourse.extract.coreference import resolve_coreference
from geodiscourse.extract.events.lexicon import PLOVER_TYPES, LexiconError, modality_rules, plover_lexicon
from geodiscourse.nlp.context import DocContext
from tests.extract.doc_contexts import context_with_actors

#: Surface form -> (actor_id, kind, country) used by most event tests.
ACTORS: dict[str, tuple[str, str, str | None]] = {
    "Russia": ("RUS", "state", "RUS"),
    "Russian": ("RUS", "state", "RUS"),
    "Moscow": ("RUS", "state", "RUS"),
    "Kremlin": ("RUS", "state", "RUS"),
    "Ukraine": ("UKR", "state", "UKR"),
    "Kyiv": ("UKR", "state", "UKR"),
    "Georgia": ("GEO", "state", "GEO"),
    "US": ("USA", "state", "USA"),
    "United States": ("USA", "state", "USA"),
    "America": ("USA", "state", "USA"),
    "Washington": ("USA", "state", "USA"),
    "China": ("CHN", "state", "CHN"),
    "Chinese": ("CHN", "state", "CHN"),
    "Beijing": ("CHN", "state", "CHN"),
    "EU": ("EU", "igo", None),
    "European Union": ("EU", "igo", None),
    "NATO": ("NATO", "igo", None),
    "United Nations": ("UN", "igo", None),
    "Germany": ("DEU", "state", "DEU"),
    "France": ("FRA", "state", "FRA"),
    "Britain": ("GBR", "state", "GBR"),
    "British": ("GBR", "state", "GBR"),
    "UK": ("GBR", "state", "GBR"),
    "Iraq": ("IRQ", "state", "IRQ"),
    "Baghdad": ("IRQ", "state", "IRQ"),
    "Kuwait": ("KWT", "state", "KWT"),
    "Belgrade": ("SRB", "state", "SRB"),
    "Serbia": ("SRB", "state", "SRB"),
    "Indonesia": ("IDN", "state", "IDN"),
    "Japan": ("JPN", "state", "JPN"),
    "Crimea": ("crimea", "region", "UKR"),
    "West": ("WEST", "bloc", None),
    "Tony Blair": ("tony-blair", "person", "GBR"),
    "Mr Blair": ("tony-blair", "person", "GBR"),
    "Blair": ("tony-blair", "person", "GBR"),
    "Bush": ("george-w-bush", "person", "USA"),
    "Jack Straw": ("jack-straw", "person", "GBR"),
    "Mr Straw": ("jack-straw", "person", "GBR"),
    "Mr Wang": ("wang-yi", "person", "CHN"),
    "John Bolton": ("john-bolton", "person", "USA"),
    "Ariel Sharon": ("ariel-sharon", "person", "ISR"),
    "Putin": ("vladimir-putin", "person", "RUS"),
    "Prof Etzioni": ("amitai-etzioni", "person", "USA"),
    "Mrs Robinson": ("mary-robinson", "person", "IRL"),
    "Michael Howard": ("michael-howard", "person", "GBR"),
    "Alexei Navalny": ("alexei-navalny", "person", "RUS"),
    "Labour": ("labour-party", "organization", "GBR"),
    "Conservatives": ("conservative-party", "organization", "GBR"),
}


def make_context(
    nlp: Language,
    text: str,
    published: datetime.date | None = None,
    actors: dict[str, tuple[str, str, str | None]] | None = None,
) -> DocContext:
    """Parse ``text``, mark every whole-word occurrence of a known surface form as a
    mention (longest forms first, no overlaps) and resolve pronouns as the pipeline does."""
    return resolve_coreference(
        context_with_actors(
            nlp, text, ACTORS if actors is None else actors, published=published, doc_id="doc1"
        )
    )


# --- the rule files ------------------------------------------------------------------


def test_every_lexicon_entry_has_a_plover_type() -> None:
    lexicon = plover_lexicon()
    types = {f.event_type for frames in lexicon.verbs.values() for f in frames}
    types |= {e.event_type for e in lexicon.nouns.values()}
    assert types <= PLOVER_TYPES
    assert types == PLOVER_TYPES, f"types without a trigger: {sorted(PLOVER_TYPES - types)}"


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("impose", "SANCTION"),
        ("invade", "ASSAULT"),
        ("urge", "REQUEST"),
        ("condemn", "ACCUSE"),
        ("meet", "CONSULT"),
    ],
)
def test_verb_frames_are_loaded(lemma: str, expected: str) -> None:
    assert expected in {frame.event_type for frame in plover_lexicon().verbs[lemma]}


def test_object_families_are_expanded() -> None:
    (impose,) = [f for f in plover_lexicon().verbs["impose"] if f.event_type == "SANCTION"]
    assert {"sanction", "embargo", "ban"} <= impose.objects
    assert "RESTRICTIONS" not in impose.objects


def test_modality_lists_are_loaded() -> None:
    rules = modality_rules()
    assert "would" in rules.modal_auxiliaries
    assert "refuse" in rules.negating_verbs
    assert "manage" in rules.implicative_verbs


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("verbs:\n  invade:\n    - {type: INVADE}\n", "not one of the 16 PLOVER types"),
        ("verbs:\n  invade:\n    - {type: ASSAULT, colour: red}\n", "unknown key"),
        ("verbs:\n  impose:\n    - {type: SANCTION, objects: [NOSUCHFAMILY]}\n", "unknown object family"),
        ("verbs:\n  invade:\n    - {type: ASSAULT, confidence: 2}\n", "confidence must be in"),
        ("verbs:\n  invade:\n    - {type: ASSAULT, needs: always}\n", "needs must be one of"),
        ("nouns:\n  war: {type: ASSAULT, roles: {of: agent}}\n", "role of 'of'"),
        ("verbs:\n  invade: []\n", "non-empty list"),
        ("- just a list\n", "must be a YAML mapping"),
    ],
)
def test_malformed_lexicon_names_the_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, message: str
) -> None:
    (tmp_path / "events").mkdir()
    (tmp_path / "events/plover.yaml").write_text(content, encoding="utf-8")
    monkeypatch.setattr(rule_files, "RULES_DIR", tmp_path)
    plover_lexicon.cache_clear()
    try:
        with pytest.raises(LexiconError, match=message):
            plover_lexicon()
    finally:
        plover_lexicon.cache_clear()


def test_missing_rule_file_says_how_to_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rule_files, "RULES_DIR", tmp_path)
    modality_rules.cache_clear()
    try:
        with pytest.raises(rule_files.RuleFileError, match="reinstall"):
            modality_rules()
    finally:
        modality_rules.cache_clear()


def test_helper_marks_longest_surface_first(nlp: Language) -> None:
    ctx = make_context(nlp, "The European Union and Tony Blair met.")
    assert [(m.text, m.actor_id) for m in ctx.mentions] == [
        ("European Union", "EU"),
        ("Tony Blair", "tony-blair"),
    ]
