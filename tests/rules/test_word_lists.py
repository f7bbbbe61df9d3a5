"""Word lists shared across rule families: how a family's list is composed from them,
the errors that name a wrong reference, and that the packaged lists really are shared."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from geodiscourse import rules as rule_files
from geodiscourse.rules import RuleFileError, read_yaml_mapping
from geodiscourse.rules.word_lists import SHARED_FILE, shared_word_lists, word_list

SHARED = "people: [Minister, official]\nbodies: [government, army]\n"

#: (family list, effective words)
COMPOSED = [
    pytest.param(["Analyst", "critic"], {"analyst", "critic"}, id="plain-list"),
    pytest.param({"shared": ["people"]}, {"minister", "official"}, id="one-shared-list"),
    pytest.param({"shared": ["people", "bodies"]}, {"minister", "official", "government", "army"}, id="two"),
    pytest.param({"shared": ["people"], "add": ["Critic"]}, {"minister", "official", "critic"}, id="add"),
    pytest.param({"shared": ["bodies"], "except": ["army"]}, {"government"}, id="except"),
    pytest.param({"add": ["critic"]}, {"critic"}, id="add-only"),
]

#: (family list, message)
MALFORMED = [
    pytest.param({"shared": ["nobody"]}, "no shared list 'nobody'", id="unknown-shared-list"),
    pytest.param(
        {"shared": ["people"], "except": ["army"]}, r"except names \['army'\]", id="except-not-shared"
    ),
    pytest.param(
        {"shared": ["people"], "add": ["minister"]}, r"add repeats \['minister'\]", id="add-repeats"
    ),
    pytest.param({"shared": ["people"], "plus": ["x"]}, r"unknown key\(s\) \['plus'\]", id="unknown-key"),
    pytest.param({"shared": "people"}, "must be a list of words", id="shared-not-a-list"),
    pytest.param("minister", "must be a list of words or a mapping", id="a-bare-word"),
]


@pytest.fixture
def shared_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (tmp_path / "shared").mkdir()
    (tmp_path / SHARED_FILE).write_text(SHARED, encoding="utf-8")
    monkeypatch.setattr(rule_files, "RULES_DIR", tmp_path)
    shared_word_lists.cache_clear()
    yield
    shared_word_lists.cache_clear()


@pytest.mark.parametrize(("value", "expected"), COMPOSED)
@pytest.mark.usefixtures("shared_file")
def test_family_list_is_composed_from_shared_lists(value: object, expected: set[str]) -> None:
    assert word_list(value, "family.yaml words") == frozenset(expected)


@pytest.mark.parametrize(("value", "message"), MALFORMED)
@pytest.mark.usefixtures("shared_file")
def test_wrong_reference_names_the_list_and_the_problem(value: object, message: str) -> None:
    with pytest.raises(RuleFileError, match=message) as err:
        word_list(value, "family.yaml words")
    assert "family.yaml words" in str(err.value)


#: The family lists that start from the shared lists: (rule file, key).
FAMILY_LISTS = [
    ("attribution/reporting_verbs.yaml", "speaker_nouns"),
    ("events/plover.yaml", "agent_nouns"),
    ("events/plover.yaml", "person_agent_nouns"),
    ("recommendations/prescriptive.yaml", "agent_nouns"),
    ("actors/actor_heads.yaml", "state_agent_heads"),
]


def test_every_shared_word_is_used_by_two_families_or_more() -> None:
    """A word only one family uses belongs in that family's own additions."""
    users: dict[str, list[str]] = {}
    for name, key in FAMILY_LISTS:
        words = word_list(read_yaml_mapping(name)[key], f"{name} {key}")
        for word in words:
            users.setdefault(word, []).append(f"{name} {key}")
    lonely = {
        word: users.get(word, [])
        for words in shared_word_lists().values()
        for word in words
        if len(users.get(word, [])) < 2
    }
    assert lonely == {}


def test_a_rule_file_with_a_key_given_twice_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """YAML keeps the last of two equal keys silently; a rule written twice would lose
    its first reading, so the loader refuses the file and names the key."""
    import geodiscourse.rules as rules

    (tmp_path / "twice.yaml").write_text("verbs:\n  block: [a]\n  block: [b]\n", encoding="utf-8")
    monkeypatch.setattr(rules, "RULES_DIR", tmp_path)
    with pytest.raises(rules.RuleFileError, match="'block' is given twice"):
        rules.read_yaml("twice.yaml")
