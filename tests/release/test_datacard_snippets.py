"""A release's data card is true to the code: its snippets run and its column names exist.

The card is published with the data into a folder that is not the default one and read
from somewhere else, so a snippet that only works for data/processed fails here.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geodiscourse.cli import app
from geodiscourse.release.publish import PublishedRelease, publish_release
from geodiscourse.schemas import TABLES
from tests.release.release_tables import INPUTS, make_tables
from tests.release.test_publish import DAY, publish

runner = CliRunner()
#: Commands that start a pipeline: the card's options for them are checked against --help.
LONG_RUNNING = {"run", "serve"}
PLACEHOLDER = {"data/raw": "not recorded: state the articles' licence with --licence"}


def _publish_without_licence(out: Path, licences: dict[str, str] | None) -> PublishedRelease:
    tables = make_tables()
    tables["mentions"] = tables["mentions"].slice(1)
    return publish_release(tables, out, release_id=None, inputs=INPUTS, licences=licences, today=DAY)


@pytest.fixture(scope="module", params=["first, licences given", "second, no licence", "second, placeholder"])
def card(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("card") / "my output"  # not data/processed, and a space to quote
    release = publish(out)
    if request.param == "second, no licence":
        release = _publish_without_licence(out, None)
    elif request.param == "second, placeholder":
        release = _publish_without_licence(out, PLACEHOLDER)
    return (release.path / "README.md").read_text(encoding="utf-8")


def _python_blocks(card: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", card, flags=re.DOTALL)


def _commands(card: str) -> list[list[str]]:
    blocks = re.findall(r"```(?:shell|sh|bash|console)\n(.*?)```", card, flags=re.DOTALL)
    lines = [line.strip().removeprefix("$ ") for block in blocks for line in block.splitlines()]
    inline = re.findall(r"`(geodiscourse [^`]+)`", card)
    return [shlex.split(line)[1:] for line in [*lines, *inline] if line.startswith("geodiscourse ")]


def test_python_snippets_run_from_another_folder(
    card: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # neither the output folder nor the repository
    blocks = _python_blocks(card)
    assert blocks, card
    for index, block in enumerate(blocks):
        exec(compile(block, f"data card block {index}", "exec"), {})
    assert capsys.readouterr().out.strip(), "the snippet shows what it loaded"


def test_commands_in_the_card_run(card: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    commands = _commands(card)
    assert {"validate", "export"} <= {c[0] for c in commands}, card
    for command in commands:
        if command[0] in LONG_RUNNING:
            result = runner.invoke(app, [command[0], "--help"])
            options = [word for word in command if word.startswith("--")]
            assert options and all(o in result.output for o in options), (command, result.output)
        else:
            result = runner.invoke(app, command)
        assert result.exit_code == 0, (command, result.output)


def test_an_unrecorded_licence_says_how_to_record_it(card: str) -> None:
    if "| MIT |" in card:
        assert "--licence" not in card
    else:
        assert "`geodiscourse run --licence TEXT`" in card and "`geodiscourse serve --licence TEXT`" in card


def test_every_column_the_card_names_exists() -> None:
    tables = {name: set(spec.model.to_schema().columns) for name, spec in TABLES.items()}
    every_column = set().union(*tables.values())
    from geodiscourse.release.datacard import KNOWN_LIMITATIONS

    text = "\n".join(KNOWN_LIMITATIONS)
    dotted = re.findall(r"`(\w+)\.(\w+)`", text)
    bare = [w for w in re.findall(r"`(\w+)`", text) if w not in tables]
    assert dotted and bare
    assert [f"{t}.{c}" for t, c in dotted if c not in tables.get(t, set())] == []
    assert [c for c in bare if c not in every_column] == []


def test_published_card_names_only_existing_columns(card: str) -> None:
    tables = {name: set(spec.model.to_schema().columns) for name, spec in TABLES.items()}
    dotted = re.findall(r"`(\w+)\.(\w+)`", card)
    assert [f"{t}.{c}" for t, c in dotted if t in tables and c not in tables[t]] == []
