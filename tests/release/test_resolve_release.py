"""One resolver for every way of naming a release: "latest", an id, or a release folder's path.

load(), connect(), diff and the commands validate, diff and export all go through
resolve_release, so a release named one way in one place works the same way everywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geodiscourse.release.read import ReleaseNotFoundError, connect, load, resolve_release
from tests.release.release_tables import make_tables
from tests.release.test_publish import publish

FIRST, SECOND = "2026-11-22", "2026-11-22.2"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("resolve")
    publish(out)
    tables = make_tables()
    tables["mentions"] = tables["mentions"].slice(1)
    publish(out, tables)
    (out / "not-a-release").mkdir()
    (out / "a-file.txt").write_text("hello\n", encoding="utf-8")
    return out


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("latest", SECOND),
        (FIRST, FIRST),
        (SECOND, SECOND),
        ("{root}/releases/2026-11-22", FIRST),  # a release folder's path, as text
        ("{root}/releases/2026-11-22/", FIRST),
    ],
)
def test_every_way_of_naming_a_release(root: Path, ref: str, expected: str) -> None:
    ref = ref.replace("{root}", str(root))
    assert resolve_release(ref, root) == root / "releases" / expected
    assert resolve_release(Path(ref), root) == root / "releases" / expected


def test_a_relative_release_path_resolves_from_the_working_folder(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(root)
    assert resolve_release(f"releases/{FIRST}", "elsewhere").resolve() == root / "releases" / FIRST


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("yesterday", r"no release 'yesterday': it is not 'latest', not a release id .* and no folder"),
        ("2020-01-01", r"release 2020-01-01 not found in .*releases present: 2026-11-22, 2026-11-22\.2"),
        ("{root}/not-a-release", r"is a folder but not a release \(it has no manifest\.json"),
        ("{root}", r"holds releases but is not one: name one, e.g\. `latest --out .*resolve\d*`$"),
        ("{root}/releases", r"holds releases but is not one: name one, e.g\. `latest --out .*resolve\d*`$"),
        ("{root}/a-file.txt", r"is a file, not a release folder"),
        ("{root}/releases/2026-11-22/events.parquet", r"is a file, not a release folder"),
    ],
)
def test_anything_else_is_one_sentence_naming_what_was_tried(root: Path, ref: str, message: str) -> None:
    ref = ref.replace("{root}", str(root))
    with pytest.raises(ReleaseNotFoundError, match=message) as caught:
        resolve_release(ref, root)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("ref", ["latest", FIRST, "{root}/releases/2026-11-22"])
def test_load_and_connect_take_every_kind_of_reference(root: Path, ref: str) -> None:
    ref = ref.replace("{root}", str(root))
    expected = 5 if ref == "latest" else 6
    assert load(ref, root=root)["mentions"].collect().height == expected
    assert connect(ref, root=root).execute("SELECT count(*) FROM mentions").fetchone() == (expected,)
