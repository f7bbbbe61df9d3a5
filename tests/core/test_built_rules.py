"""Rule data built once per machine: read back while the code and rules are unchanged,
rebuilt when an entry is damaged, and never a reason for a run to stop."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from geodiscourse.core import built_rules
from geodiscourse.core.built_rules import built_once, rule_cache_dir


class _Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, list[int]]:
        self.calls += 1
        return {"rows": [1, 2, 3]}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GEODISCOURSE_RULE_CACHE", str(tmp_path / "rules"))
    return tmp_path / "rules"


def test_built_once_then_read_back(folder: Path) -> None:
    build = _Counter()
    assert built_once("demo", build) == {"rows": [1, 2, 3]}
    assert built_once("demo", build) == {"rows": [1, 2, 3]}
    assert build.calls == 1
    assert len(list(folder.glob("demo-*.pickle"))) == 1


def test_new_code_or_rules_build_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = _Counter()
    built_once("demo", build)
    monkeypatch.setattr(built_rules, "package_fingerprint", lambda: "f" * 64)
    built_once("demo", build)
    assert build.calls == 2
    assert len(list(folder.glob("demo-*.pickle"))) == 2


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05\x95"])
def test_a_damaged_entry_is_rebuilt_and_rewritten(
    folder: Path, damage: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    build = _Counter()
    built_once("demo", build)
    (entry,) = folder.glob("demo-*.pickle")
    entry.write_bytes(damage)
    with caplog.at_level(logging.WARNING):
        assert built_once("demo", build) == {"rows": [1, 2, 3]}
    assert build.calls == 2
    assert "unreadable" in caplog.text
    assert built_once("demo", build) == {"rows": [1, 2, 3]} and build.calls == 2


def test_an_unwritable_folder_only_means_building_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("GEODISCOURSE_RULE_CACHE", str(blocker / "rules"))
    build = _Counter()
    assert built_once("demo", build) == {"rows": [1, 2, 3]}
    assert built_once("demo", build) == {"rows": [1, 2, 3]}
    assert build.calls == 2


@pytest.mark.parametrize("setting", ["off", "OFF", " off "])
def test_switched_off(setting: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEODISCOURSE_RULE_CACHE", setting)
    assert rule_cache_dir() is None
    build = _Counter()
    built_once("demo", build)
    built_once("demo", build)
    assert build.calls == 2


def test_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GEODISCOURSE_RULE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert rule_cache_dir() == tmp_path / "geodiscourse" / "rules"


def test_the_actor_lexicon_read_back_is_the_one_built(folder: Path) -> None:
    from geodiscourse.extract.actors import lexicon

    built = lexicon._build_lexicon()
    first = built_once("actor-lexicon", lexicon._build_lexicon)
    again = built_once("actor-lexicon", lexicon._build_lexicon)
    assert again == first == built
