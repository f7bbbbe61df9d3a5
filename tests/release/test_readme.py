"""README stays true: its column tables match the schemas and its examples run."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from geodiscourse.release.schema_docs import render_into
from tests.paths import README


def test_readme_column_tables_match_the_schemas() -> None:
    text = README.read_text(encoding="utf-8")
    assert render_into(text) == text, (
        "README's tables are stale: run `python -m geodiscourse.release.schema_docs`"
    )


def _python_examples() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_readme_has_loading_examples() -> None:
    examples = _python_examples()
    assert len(examples) >= 4
    assert any("connect(" in e for e in examples) and any("pd.read_parquet" in e for e in examples)


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(_python_examples())))
def test_readme_example_runs_on_a_release(
    index: int, seed_release: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(seed_release["out"] / "releases", tmp_path / "data" / "processed" / "releases")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(_python_examples()[index], f"README example {index}", "exec"), {})
    finally:
        os.chdir(cwd)
    assert capsys.readouterr().out.strip(), "every example prints something"


DEV_GOLD = README.parent.parent / "shared" / "eval" / "dev-gold.json"


@pytest.mark.skipif(not DEV_GOLD.is_file(), reason="../shared/eval/dev-gold.json is not beside this clone")
def test_readme_score_instructions_copy_exactly_the_dev_gold_articles() -> None:
    """Scoring the default release (the seeds) against the dev gold gave 0.02: README
    must say which articles to publish first, and name exactly the gold's documents."""
    import json

    text = README.read_text(encoding="utf-8")
    loop = re.search(r"for f in (.*?); do", text, flags=re.DOTALL)
    assert loop is not None, "README's Development section lost its copy loop"
    named = {f"{name}.txt" for name in loop.group(1).replace("\\", " ").split()}
    gold = json.loads(DEV_GOLD.read_text(encoding="utf-8"))
    assert named == set(gold["documents"])
    assert "score.py /tmp/dev-gold-out/releases/" in text
