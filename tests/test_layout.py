"""tests/ mirrors the package: one folder per stage, so a stage's tests are found where its code is.

Every test module lives under tests/<stage>/, <stage> being a stage of geodiscourse/
(core, rules, dates, ingest, nlp, extract, run, release, flows, cli) or a scored gold set
(second_dev_set, the scored BBC sample; blind_set_2026_12b and blind_set_2026_12c, the
blind sets of issue 11; blind_set_2026_12d, that of issue 12; blind_set_2026_12e, that of
issue 11's third round; blind_set_2026_12f, that of issue 14's reliability table;
blind_set_2026_12g, that of issue 11's fourth round; blind_set_2026_12h, that of its fifth;
blind_set_2026_12i, that of its sixth; blind_set_2026_12j, that of its seventh;
blind_set_2026_12k, that of its eighth; blind_set_2026_12l, that of its ninth; blind_set_2026_12m, that of its tenth;
blind_set_2026_12n, that of its eleventh; blind_set_2026_12o, that of its twelfth;
blind_set_2026_12p, that of its thirteenth; blind_set_2026_12q, that of its fourteenth;
blind_set_2026_12r, that of its fifteenth; blind_set_2026_12s, that of its sixteenth;
blind_set_2026_12t, that of its seventeenth;
blind_set_2026_12u, that of its eighteenth;
blind_set_2026_12v, that of its nineteenth;
blind_set_2026_12w, that of its twenty-first;
blind_set_2026_12x, that of its twenty-second).
Extraction tests may go one level deeper, into a folder per extractor (actors, events,
claims, recommendations), coreference (resolution across extractors), or any other
sub-package of geodiscourse/extract/. Only conftest.py, paths.py, __init__.py and this
module sit at the top of tests/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.paths import REPO

TESTS = REPO / "tests"
PACKAGE = REPO / "geodiscourse"
STAGES = ("core", "rules", "dates", "ingest", "nlp", "extract", "run", "release", "flows", "cli")
#: Test folders with no package folder of the same name.
TEST_ONLY = (
    "second_dev_set",
    "blind_set_2026_12b",
    "blind_set_2026_12c",
    "blind_set_2026_12d",
    "blind_set_2026_12e",
    "blind_set_2026_12f",
    "blind_set_2026_12g",
    "blind_set_2026_12h",
    "blind_set_2026_12i",
    "blind_set_2026_12j",
    "blind_set_2026_12k",
    "blind_set_2026_12l",
    "blind_set_2026_12m",
    "blind_set_2026_12n",
    "blind_set_2026_12o",
    "blind_set_2026_12p",
    "blind_set_2026_12q",
    "blind_set_2026_12r",
    "blind_set_2026_12s",
    "blind_set_2026_12t",
    "blind_set_2026_12u",
    "blind_set_2026_12v",
    "blind_set_2026_12w",
    "blind_set_2026_12x",
)
EXTRACT_PARTS = ("actors", "events", "claims", "recommendations", "coreference")
TOP_LEVEL = ("__init__.py", "conftest.py", "paths.py", "test_layout.py")


def _python_files() -> list[Path]:
    return sorted(p.relative_to(TESTS) for p in TESTS.rglob("*.py") if "__pycache__" not in p.parts)


def _extract_parts() -> set[str]:
    """The named extractor folders and every sub-package geodiscourse/extract/ has."""
    packages = {p.name for p in (PACKAGE / "extract").iterdir() if p.is_dir() and p.name != "__pycache__"}
    return set(EXTRACT_PARTS) | packages


def misplaced(files: list[Path], extract_parts: set[str]) -> list[str]:
    """Each file of ``files`` (relative to tests/) that is not where the layout puts it, and why."""
    problems = []
    for path in files:
        parts = path.parts
        if len(parts) == 1:
            if path.name not in TOP_LEVEL:
                problems.append(f"{path}: only {', '.join(TOP_LEVEL)} sit at the top of tests/")
        elif parts[0] not in (*STAGES, *TEST_ONLY):
            problems.append(f"{path}: {parts[0]}/ is not a stage ({', '.join(STAGES + TEST_ONLY)})")
        elif parts[0] == "extract" and len(parts) > 2 and parts[1] not in extract_parts:
            problems.append(f"{path}: extract/{parts[1]}/ is not one of {', '.join(sorted(extract_parts))}")
        elif len(parts) > (3 if parts[0] == "extract" else 2):
            problems.append(f"{path}: too deep, a stage has one level of folders at most (extract two)")
    return problems


def test_every_test_module_lives_in_its_stage_folder() -> None:
    assert misplaced(_python_files(), _extract_parts()) == []


def test_every_stage_folder_is_a_package_with_a_stage_of_geodiscourse() -> None:
    folders = sorted(p for p in TESTS.iterdir() if p.is_dir() and not p.name.startswith((".", "__")))
    for folder in folders:
        assert (folder / "__init__.py").is_file(), f"{folder.name}/ has no __init__.py"
        if folder.name not in TEST_ONLY:
            stage = PACKAGE / folder.name
            assert stage.is_dir() or stage.with_suffix(".py").is_file(), f"no geodiscourse/{folder.name}"
    for folder in sorted(p for p in (TESTS / "extract").iterdir() if p.is_dir() and p.name != "__pycache__"):
        assert (folder / "__init__.py").is_file(), f"extract/{folder.name}/ has no __init__.py"


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("test_actors.py", "only"),
        ("utils.py", "only"),
        ("extraction/test_events.py", "is not a stage"),
        ("extract/quotes/test_quotes.py", "is not one of"),
        ("extract/actors/persons/test_names.py", "too deep"),
        ("flows/e2e/test_flow.py", "too deep"),
    ],
)
def test_the_check_finds_a_misplaced_module(path: str, problem: str) -> None:
    (found,) = misplaced([Path(path)], set(EXTRACT_PARTS))
    assert found.startswith(path) and problem in found


@pytest.mark.parametrize(
    "path",
    [
        "conftest.py",
        "extract/test_quantities.py",
        "extract/doc_contexts.py",
        "extract/coreference/test_pronouns.py",
        "second_dev_set/score.py",
    ],
)
def test_the_check_accepts_a_module_in_place(path: str) -> None:
    assert misplaced([Path(path)], set(EXTRACT_PARTS)) == []
