"""Edge cases of reading the raw folder found by an adversarial trial.

Each table is a kind of input that got through before: a link out of the raw folder
(its target was published), a file swapped for such a link while it was read, a file
whose size stat gets wrong (files under /proc say 0; a file rewritten while read grows),
a NUL byte after the first 64 KiB, and UTF-8 text with one stray cp1252 byte. The
reading rules themselves are in test_ingest.py; the whole pipeline in test_bad_input.py.
"""

from __future__ import annotations

import builtins
import hashlib
import io
import os
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from geodiscourse.core.ids import sha256_hex
from geodiscourse.ingest.files import IngestResult, decode_bytes, read_raw_folder

ARTICLE = "Russia’s gamble\n\nMoscow has long seen itself as a great power, officials said.\n".encode()
MEMO = b"PRIVATE MEMO: the board meets on Friday to cut salaries by a third.\n"
LINE = b"Moscow and Kyiv traded accusations again on Tuesday, officials said.\n"


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def rows(result: IngestResult) -> dict[str, tuple[str, str, str]]:
    """(reason, sha256, detail) of each rejected file, by name."""
    return {r["source_name"]: (r["reason"], r["sha256"], r["detail"]) for r in result.rejected}


def published(result: IngestResult) -> str:
    return "\n".join(a.text for a in result.articles)


@contextmanager
def on_open(monkeypatch: pytest.MonkeyPatch, before: Callable[[str], None]) -> Iterator[list[str]]:
    """Call ``before(path)`` ahead of every open of a path, by any route (os.open, open,
    Path.open), and yield the list of real paths opened."""
    opened: list[str] = []
    real_os_open, real_io_open = os.open, io.open

    def note(file: Any) -> None:
        if isinstance(file, str | bytes | os.PathLike):
            path = os.fsdecode(file)
            before(path)
            opened.append(os.path.realpath(path))

    def os_open(path: Any, *args: Any, **kwargs: Any) -> int:
        note(path)
        return real_os_open(path, *args, **kwargs)

    def io_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        note(file)
        return real_io_open(file, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(os, "open", os_open)
        patch.setattr(io, "open", io_open)
        patch.setattr(builtins, "open", io_open)
        yield opened


# --- 1. Links: a link to a file outside the raw folder is refused, one inside is read ---

OUTSIDE_LINKS = [
    # (case, links to make in raw/: name -> target; "{root}" is the folder holding raw/)
    ("absolute", {"memo.txt": "{root}/memo.txt"}),
    ("relative", {"memo.txt": "../memo.txt"}),
    ("from-a-subfolder", {"sub/memo.txt": "../../memo.txt"}),
    ("sibling-folder-sharing-the-prefix", {"memo.txt": "{root}/raw-other/memo.txt"}),
    ("through-an-inside-link", {"a.txt": "b.txt", "b.txt": "../memo.txt"}),
    ("broken-outside", {"gone.txt": "{root}/gone.txt"}),
]


@pytest.mark.parametrize(("case", "links"), OUTSIDE_LINKS, ids=[c for c, _ in OUTSIDE_LINKS])
def test_a_link_to_a_file_outside_the_raw_folder_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, links: dict[str, str]
) -> None:
    raw = tmp_path / "raw"
    write(raw, "article.txt", ARTICLE)
    write(tmp_path, "memo.txt", MEMO)
    write(tmp_path, "raw-other/memo.txt", MEMO)
    for name, target in links.items():
        (raw / name).parent.mkdir(parents=True, exist_ok=True)
        (raw / name).symlink_to(target.format(root=tmp_path))
    with on_open(monkeypatch, lambda path: None) as opened:
        result = read_raw_folder(raw)
    assert [a.source_name for a in result.articles] == ["article.txt"]
    assert b"PRIVATE" not in published(result).encode()
    refused = rows(result)
    assert sorted(refused) == sorted(links)
    for name in links:
        reason, sha, detail = refused[name]
        assert (reason, sha) == ("unreadable", ""), detail
        assert name in detail and "outside the raw folder" in detail and "copy" in detail, detail
    outside = {os.path.realpath(tmp_path / "memo.txt"), os.path.realpath(tmp_path / "raw-other/memo.txt")}
    assert not outside & set(opened), "the target outside the raw folder was opened"


@pytest.mark.parametrize("target", ["/etc/passwd", "/proc/self/status"])
def test_a_link_to_a_system_file_is_refused(tmp_path: Path, target: str) -> None:
    if not os.path.exists(target):
        pytest.skip(f"{target} does not exist here")
    (tmp_path / "system.txt").symlink_to(target)
    result = read_raw_folder(tmp_path)
    assert result.articles == []
    assert rows(result)["system.txt"][:2] == ("unreadable", "")


INSIDE_LINKS = [
    # (case, links in raw/: name -> target, relative to raw/ unless absolute)
    ("relative", {"alias.txt": "real.txt"}),
    ("from-a-subfolder", {"sub/alias.txt": "../real.txt"}),
    ("absolute", {"alias.txt": "{raw}/real.txt"}),
    ("chain", {"alias.txt": "hop.txt", "hop.txt": "real.txt"}),
    ("into-a-subfolder", {"alias.txt": "deep/real.txt"}),
]


@pytest.mark.parametrize("raw_via_link", [False, True], ids=["raw-folder", "raw-folder-given-as-a-link"])
@pytest.mark.parametrize(("case", "links"), INSIDE_LINKS, ids=[c for c, _ in INSIDE_LINKS])
def test_a_link_to_a_file_inside_the_raw_folder_is_read_as_a_duplicate_of_it(
    tmp_path: Path, case: str, links: dict[str, str], raw_via_link: bool
) -> None:
    real_raw = tmp_path / "raw"
    real_name = "deep/real.txt" if case == "into-a-subfolder" else "real.txt"
    write(real_raw, real_name, ARTICLE)
    raw = real_raw
    if raw_via_link:
        raw = tmp_path / "raw-link"
        raw.symlink_to(real_raw, target_is_directory=True)
    for name, target in links.items():
        (real_raw / name).parent.mkdir(parents=True, exist_ok=True)
        (real_raw / name).symlink_to(target.format(raw=raw))
    result = read_raw_folder(raw)
    assert result.rejected == []
    (article,) = result.articles
    names = sorted([real_name, *links])
    assert (article.source_name, article.duplicate_names) == (names[0], tuple(names[1:]))
    assert (article.text.encode(), article.sha256) == (ARTICLE, sha256_hex(ARTICLE))
    assert [(f.source_name, f.sha256) for f in result.inputs] == [(n, sha256_hex(ARTICLE)) for n in names]


def _swap_for_link(raw: Path, swapped: str, outside: Path) -> Callable[[str], None]:
    """Replace raw/swapped (a file or a folder) by a link to outside/swapped the first
    time a file called race.txt is opened."""
    done: list[bool] = []

    def before(path: str) -> None:
        if os.path.basename(path) == "race.txt" and not done:
            done.append(True)
            (raw / swapped).rename(raw.parent / "moved-away")
            (raw / swapped).symlink_to(outside / swapped)

    return before


RACES = [
    # (case, links in raw/, what is swapped for a link out as race.txt is opened,
    #  what the rejected rows must say, by file)
    ("a-plain-file", {}, "race.txt", {"race.txt": "was replaced"}),
    (
        "the-target-of-an-inside-link",
        {"alias.txt": "race.txt"},
        "race.txt",
        {"alias.txt": "was replaced", "race.txt": "outside the raw folder"},
    ),
    ("the-folder-holding-the-file", {}, "sub", {"sub/race.txt": "was replaced"}),
]


@pytest.mark.parametrize(("case", "links", "swapped", "says"), RACES, ids=[c[0] for c in RACES])
def test_a_file_swapped_for_a_link_while_it_is_opened_is_not_followed(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    links: dict[str, str],
    swapped: str,
    says: dict[str, str],
) -> None:
    raw, outside = tmp_path / "raw", tmp_path / "outside"
    name = "sub/race.txt" if swapped == "sub" else "race.txt"
    write(raw, name, ARTICLE)
    write(outside, name, MEMO)
    for link, target in links.items():
        (raw / link).symlink_to(target)
    with on_open(monkeypatch, _swap_for_link(raw, swapped, outside)):
        result = read_raw_folder(raw)
    assert b"PRIVATE" not in published(result).encode()
    assert (raw / swapped).is_symlink(), "the test did not swap the file"
    refused = rows(result)
    assert sorted(refused) == sorted(says)
    for file, phrase in says.items():
        reason, sha, detail = refused[file]
        assert (reason, sha) == ("unreadable", "") and phrase in detail and file in detail, detail


def test_a_fifo_is_refused_without_opening_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a FIFO with no writer would block the run forever."""
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "link-to-pipe.txt").symlink_to("pipe.txt")
    with on_open(monkeypatch, lambda path: None) as opened:
        result = read_raw_folder(tmp_path)
    assert opened == []
    assert {n: r[:2] for n, r in rows(result).items()} == {
        "link-to-pipe.txt": ("unreadable", ""),
        "pipe.txt": ("unreadable", ""),
    }
    assert all("not a regular file" in detail for _, _, detail in rows(result).values())


def test_a_file_that_cannot_be_opened_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, which may read anything: a refused open is simulated."""
    write(tmp_path, "locked.txt", ARTICLE)
    write(tmp_path, "open.txt", ARTICLE + b"!")

    def refuse(path: str) -> None:
        if os.path.basename(path) == "locked.txt":
            raise PermissionError(13, "Permission denied")

    with on_open(monkeypatch, refuse):
        result = read_raw_folder(tmp_path)
    reason, sha, detail = rows(result)["locked.txt"]
    assert (reason, sha) == ("unreadable", "")
    assert "Permission denied" in detail and "permissions" in detail
    assert [a.source_name for a in result.articles] == ["open.txt"]


# --- 2. Size: never more than max_bytes + 1 bytes in memory, whatever stat says ---

MAX_BYTES = 1_000
BIG_BYTES = 12 * 1024 * 1024
#: Far below BIG_BYTES: reading the file whole would pass it.
PEAK_LIMIT = 4 * 1024 * 1024


def _write_big(path: Path, size: int, mode: str = "wb") -> None:
    chunk = LINE * (1024 * 1024 // len(LINE))
    written = 0
    with path.open(mode) as handle:
        while written < size:
            written += handle.write(chunk[: size - written])


def _zero_sizes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make stat report size 0 for every file, as it does for files under /proc."""

    def zeroed(real: Callable[..., os.stat_result]) -> Callable[..., os.stat_result]:
        def stat(*args: Any, **kwargs: Any) -> os.stat_result:
            st = real(*args, **kwargs)
            fields = list(st[:10])
            fields[6] = 0  # st_size
            return os.stat_result(fields)

        return stat

    for name in ("stat", "lstat", "fstat"):
        monkeypatch.setattr(os, name, zeroed(getattr(os, name)))


def _grow_on_open(path: Path) -> Callable[[str], None]:
    grown: list[bool] = []

    def before(opened: str) -> None:
        if os.path.basename(opened) == path.name and not grown:
            grown.append(True)
            _write_big(path, BIG_BYTES - path.stat().st_size, "ab")

    return before


@pytest.mark.parametrize("case", ["stat-says-too-large", "stat-says-size-0", "grows-while-read"])
def test_a_file_over_max_bytes_is_too_large_and_never_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    path = tmp_path / "big.txt"
    if case == "grows-while-read":
        path.write_bytes(LINE)
    else:
        _write_big(path, BIG_BYTES)
    tracemalloc.start()
    try:
        with monkeypatch.context() as patch:
            if case == "stat-says-size-0":
                _zero_sizes(patch)
            if case == "grows-while-read":
                with on_open(patch, _grow_on_open(path)):
                    result = read_raw_folder(tmp_path, max_bytes=MAX_BYTES)
            else:
                result = read_raw_folder(tmp_path, max_bytes=MAX_BYTES)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert path.stat().st_size == BIG_BYTES
    assert result.articles == []
    reason, sha, detail = rows(result)["big.txt"]
    assert reason == "too_large", detail
    assert f"{BIG_BYTES:,} bytes" in detail and f"limit of {MAX_BYTES:,}" in detail, detail
    assert sha == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [(f.sha256, f.size_bytes) for f in result.inputs] == [(sha, BIG_BYTES)]
    assert peak < PEAK_LIMIT, f"reading a {BIG_BYTES:,}-byte file took {peak:,} bytes of memory"


@pytest.mark.parametrize(("size", "reason"), [(MAX_BYTES, None), (MAX_BYTES + 1, "too_large")])
def test_max_bytes_is_the_largest_size_read(tmp_path: Path, size: int, reason: str | None) -> None:
    data = (LINE * (size // len(LINE) + 1))[:size]
    write(tmp_path, "edge.txt", data)
    result = read_raw_folder(tmp_path, max_bytes=MAX_BYTES)
    assert [r["reason"] for r in result.rejected] == ([reason] if reason else [])
    assert [(f.sha256, f.size_bytes) for f in result.inputs] == [(sha256_hex(data), size)]


# --- 3. A NUL byte anywhere makes a file binary ---

TEXT_128K = LINE * (128 * 1024 // len(LINE) + 1)


@pytest.mark.parametrize("at", [0, 65_535, 65_536, 100_000, len(TEXT_128K)])
def test_a_nul_byte_anywhere_makes_a_file_binary(tmp_path: Path, at: int) -> None:
    data = TEXT_128K[:at] + b"\x00" + TEXT_128K[at:]
    write(tmp_path, "nul.txt", data)
    result = read_raw_folder(tmp_path)
    assert result.articles == []
    reason, sha, detail = rows(result)["nul.txt"]
    assert (reason, sha) == ("binary", sha256_hex(data)) and "NUL" in detail, detail


# --- 4. UTF-8 with any invalid byte is mixed encodings, not cp1252 ---

MIXED = [
    # (case, bytes, the first byte that is not UTF-8)
    ("one-utf8-pound-then-a-cp1252-quote", "It costs £5, ".encode() + b"and it\x92s cheap.", 20),
    ("a-cp1252-quote-then-one-utf8-pound", b"It\x92s cheap: " + "£5 only.".encode(), 2),
    ("one-utf8-apostrophe-then-a-latin1-accent", "Russia’s ".encode() + b"caf\xe9 society.", 14),
    ("cp1252-text-holding-utf8-mojibake", b"A caf\xc3\xa9 they called \x93the best\x94.", 20),
]


@pytest.mark.parametrize(("case", "data", "first_bad"), MIXED, ids=[c for c, _, _ in MIXED])
def test_utf8_with_an_invalid_byte_is_rejected_not_read_as_mojibake(
    tmp_path: Path, case: str, data: bytes, first_bad: int
) -> None:
    write(tmp_path, "mixed.txt", data)
    result = read_raw_folder(tmp_path)
    assert result.articles == [], f"read as {result.articles[0].encoding}: {result.articles[0].text!r}"
    reason, sha, detail = rows(result)["mixed.txt"]
    assert (reason, sha) == ("encoding", sha256_hex(data)), detail
    assert "mostly UTF-8" in detail and f"first at byte {first_bad}" in detail, detail
    assert "re-save it as UTF-8" in detail


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"caf\xe9 \x93quoted\x94", "café “quoted”", "cp1252"),
        (b"\x93Stop\x94 \x96 she said. \xa35 each.", "“Stop” – she said. £5 each.", "cp1252"),
        (b"Caf\xe9 cr\xe8me in Z\xfcrich.", "Café crème in Zürich.", "latin-1"),
        (b"Ma\xf1ana \xe0 la plage, \xa9 2024.", "Mañana à la plage, © 2024.", "latin-1"),
        ("It costs £5 – cheap.".encode(), "It costs £5 – cheap.", "utf-8"),
    ],
)
def test_single_byte_and_utf8_text_is_still_read(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data, "x.txt") == (text, encoding)
