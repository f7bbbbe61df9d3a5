"""Fuzzing the pipeline with a few hundred broken and mutated files.

The files are made from the seed articles in data/raw/ with a fixed random seed:
excerpts, truncations at any byte, flipped bytes, boilerplate-only pages, random bytes,
random Unicode, mixed and legacy encodings, HTML, copies under other names. Whatever
they hold, every file must end up as a document (by name or among a document's
duplicate_names) or as a row of ``rejected``, and the tables must validate.
``write_fuzz_corpus`` is also used by tests/flows/test_faults.py for the flow runs it kills.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from geodiscourse.core.ids import sha256_hex
from geodiscourse.ingest.files import IngestResult
from geodiscourse.release.validate import validate_tables
from geodiscourse.run.batches import build_tables
from tests.paths import REPO

SEED_TEXTS = tuple(p.read_text(encoding="utf-8") for p in sorted((REPO / "data" / "raw").glob("*.txt")))
REASONS = {"empty", "binary", "encoding", "too_large", "not_english", "unreadable", "no_content"}
BOILERPLATE = (
    "Leave a Comment",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
    "Advertisement",
    "Skip to main content",
    "Share this article",
    "Sign up for our daily newsletter",
    "All rights reserved.",
    "Copyright © 2025 Foreign Affairs. All rights reserved.",
    "Read more",
    "Click here to read the full report",
    "Like Loading...",
    "Tags: Russia, Ukraine, NATO",
)
#: Code point ranges random Unicode is drawn from: ASCII, Latin-1, Cyrillic, Arabic,
#: CJK, general punctuation, combining marks, emoji, private use, specials.
UNICODE_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0xFF),
    (0x400, 0x4FF),
    (0x600, 0x6FF),
    (0x4E00, 0x4FFF),
    (0x2000, 0x206F),
    (0x300, 0x36F),
    (0x1F300, 0x1F64F),
    (0xE000, 0xE0FF),
    (0xFFF0, 0xFFFD),
)


def excerpt(rng: random.Random, lo: int = 200, hi: int = 1200) -> str:
    """A window of one seed article, cut at whole characters."""
    text = rng.choice(SEED_TEXTS)
    size = rng.randint(lo, hi)
    start = rng.randrange(0, max(1, len(text) - size))
    return text[start : start + size]


def random_unicode(rng: random.Random, size: int) -> str:
    chars = []
    for _ in range(size):
        lo, hi = rng.choice(UNICODE_RANGES)
        chars.append(chr(rng.randint(lo, hi)))
    return "".join(chars)


def _excerpt(rng: random.Random) -> bytes:
    return excerpt(rng).encode("utf-8")


def _truncated(rng: random.Random) -> bytes:
    data = rng.choice(SEED_TEXTS).encode("utf-8")
    return data[: rng.randint(0, 3000)]  # may cut a multi-byte character in two


def _flipped(rng: random.Random) -> bytes:
    data = bytearray(_excerpt(rng))
    for _ in range(rng.randint(1, 6)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def _boilerplate(rng: random.Random) -> bytes:
    lines = rng.choices(BOILERPLATE, k=rng.randint(1, 6))
    return rng.choice(["\n", "\n\n", "\r\n"]).join(lines).encode("utf-8")


def _random_bytes(rng: random.Random) -> bytes:
    return rng.randbytes(rng.randint(1, 2000))


def _random_unicode(rng: random.Random) -> bytes:
    return random_unicode(rng, rng.randint(1, 600)).encode("utf-8", "surrogatepass")


def _mixed_encodings(rng: random.Random) -> bytes:
    return excerpt(rng, 100, 500).encode("utf-8") + excerpt(rng, 100, 500).encode("cp1252", "replace")


def _cp1252(rng: random.Random) -> bytes:
    return excerpt(rng).encode("cp1252", "replace")


def _utf16(rng: random.Random) -> bytes:
    return excerpt(rng).encode("utf-16")


def _html(rng: random.Random) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in excerpt(rng).split("\n") if p.strip())
    page = f"<html><head><title>t</title><script>var x = '<p>';</script></head><body>{paragraphs}"
    return (page if rng.random() < 0.5 else page + "</body></html>").encode("utf-8")


def _spliced(rng: random.Random) -> bytes:
    noise = random_unicode(rng, rng.randint(1, 40))
    return (excerpt(rng, 100, 600) + noise + excerpt(rng, 100, 600)).encode("utf-8", "surrogatepass")


#: Short news items in other languages (written for these tests).
FOREIGN_LINES = [
    "Die Polizei hat drei Verdächtige festgenommen.",
    "Der Kanzler trifft morgen den französischen Präsidenten in Paris.",
    "Le gouvernement a présenté son budget mercredi.",
    "La police a arrêté trois suspects à Lyon après la manifestation.",
    "El gobierno anunció ayer nuevas medidas económicas.",
    "La policía detuvo a tres personas en Madrid durante la protesta.",
]


def _foreign(rng: random.Random) -> bytes:
    return "\n\n".join(rng.sample(FOREIGN_LINES, rng.randint(1, 2))).encode("utf-8")


def _with_nul(rng: random.Random) -> bytes:
    data = _excerpt(rng)
    at = rng.randrange(len(data))
    return data[:at] + b"\x00" + data[at:]


def _whitespace(rng: random.Random) -> bytes:
    blanks = rng.choices([" ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\ufeff"], k=rng.randint(1, 50))
    return "".join(blanks).encode("utf-8")


def _empty(rng: random.Random) -> bytes:
    return b""


MUTATIONS: dict[str, Callable[[random.Random], bytes]] = {
    "excerpt": _excerpt,
    "truncated": _truncated,
    "flipped": _flipped,
    "boilerplate": _boilerplate,
    "random-bytes": _random_bytes,
    "random-unicode": _random_unicode,
    "mixed": _mixed_encodings,
    "cp1252": _cp1252,
    "utf16": _utf16,
    "html": _html,
    "spliced": _spliced,
    "foreign": _foreign,
    "nul": _with_nul,
    "whitespace": _whitespace,
    "empty": _empty,
}
#: How often each mutation is drawn; excerpts and near-articles are weighted up so
#: that plenty of files reach parsing and extraction.
WEIGHTS = {"excerpt": 4, "truncated": 2, "flipped": 2, "spliced": 2, "html": 2, "cp1252": 2}
FOLDERS = ("", "", "", "sub/", "sub/deeper/", "naïve names/")


def write_fuzz_corpus(folder: Path, count: int, seed: int) -> dict[str, bytes]:
    """Write ``count`` files under folder; returns their bytes by relative name.

    About one file in twelve is an exact copy of an earlier one under another name.
    """
    rng = random.Random(seed)
    kinds = list(MUTATIONS)
    weights = [WEIGHTS.get(k, 1) for k in kinds]
    written: dict[str, bytes] = {}
    for i in range(count):
        if written and rng.random() < 1 / 12:
            kind, data = "copy", written[rng.choice(sorted(written))]
        else:
            kind = rng.choices(kinds, weights)[0]
            data = MUTATIONS[kind](rng)
        ext = ".html" if kind == "html" else rng.choice([".txt", ".txt", ".md", ""])
        name = f"{rng.choice(FOLDERS)}{i:03d}-{kind}{ext}"
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written[name] = data
    return written


def accounted_for(tables: dict[str, pl.DataFrame]) -> list[str]:
    """Every name a release's tables account for, once per occurrence."""
    docs = tables["documents"]
    names = docs["source_name"].to_list() + docs["duplicate_names"].explode().drop_nulls().to_list()
    return sorted(names + tables["rejected"]["source_name"].to_list())


@pytest.fixture(scope="module")
def fuzzed(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, bytes], dict[str, pl.DataFrame], IngestResult, float]:
    root = tmp_path_factory.mktemp("fuzz")
    files = write_fuzz_corpus(root / "raw", count=300, seed=20261122)
    started = time.perf_counter()
    tables, ingest, _ = build_tables(root / "raw", root / "work", batch_size=64)
    return files, tables, ingest, time.perf_counter() - started


#: What each kind of file must become: a document read with one of these (encoding,
#: format), or a rejected row with one of these reasons. Kinds whose outcome depends on
#: where the cut or the flipped bit falls (truncated, flipped, mixed, copy) are left out.
#: A window of an article may hold no sentence of it (only its source list or page
#: tail): such a file is rejected as no_content, whatever its encoding.
NO_PROSE = ("rejected", "no_content")
OUTCOMES: dict[str, set[tuple[str, str]]] = {
    "excerpt": {("utf-8", "text"), NO_PROSE},
    "spliced": {("utf-8", "text"), NO_PROSE},
    "html": {("utf-8", "html"), NO_PROSE},
    "utf16": {("utf-16", "text"), NO_PROSE},
    "cp1252": {("cp1252", "text"), ("utf-8", "text"), NO_PROSE},  # an all-ASCII excerpt is UTF-8 too
    "foreign": {("rejected", "not_english")},
    "empty": {("rejected", "empty")},
    "nul": {("rejected", "binary")},
    "random-bytes": {("rejected", "binary"), ("rejected", "encoding")},
    "random-unicode": {("rejected", "not_english"), ("rejected", "no_content")},
    "whitespace": {("rejected", "no_content")},
    "boilerplate": {("rejected", "no_content")},
}
#: Kinds made from a window of an article: most of them must still become documents.
WINDOW_KINDS = ("excerpt", "spliced", "html", "utf16", "cp1252")
MIN_WINDOW_DOCUMENT_SHARE = 0.85


def outcomes(tables: dict[str, pl.DataFrame]) -> dict[str, tuple[str, str]]:
    """(encoding, format) of each file that is a document, ("rejected", reason) of the others."""
    found: dict[str, tuple[str, str]] = {}
    for row in tables["documents"].iter_rows(named=True):
        for name in [row["source_name"], *row["duplicate_names"]]:
            found[name] = (row["encoding"], row["source_format"])
    for row in tables["rejected"].iter_rows(named=True):
        found[row["source_name"]] = ("rejected", row["reason"])
    return found


def test_each_kind_of_file_becomes_what_it_is(
    fuzzed: tuple[dict[str, bytes], dict[str, pl.DataFrame], IngestResult, float],
) -> None:
    """Excerpts, HTML and re-encoded articles are documents; empty, binary, blank and
    boilerplate files are rejected, with the right reason."""
    files, tables, _, _ = fuzzed
    found = outcomes(tables)
    checked = 0
    for name in files:
        kind = Path(name).name.split(".")[0].split("-", 1)[1]
        if kind in OUTCOMES:
            assert found[name] in OUTCOMES[kind], (name, found[name])
            checked += 1
    assert checked >= 200, "most files are of a kind with a known outcome"
    windows = [name for name in files if Path(name).name.split(".")[0].split("-", 1)[1] in WINDOW_KINDS]
    documents = [name for name in windows if found[name] != NO_PROSE]
    assert len(documents) >= MIN_WINDOW_DOCUMENT_SHARE * len(windows), (len(documents), len(windows))


def test_every_document_that_names_russia_has_a_mention_of_rus(
    fuzzed: tuple[dict[str, bytes], dict[str, pl.DataFrame], IngestResult, float],
) -> None:
    """The documents are extracted, not only read: each whose text says "Russia" resolves it."""
    _, tables, _, _ = fuzzed
    naming = tables["documents"].filter(pl.col("clean_text").str.contains(r"\bRussia\b"))["doc_id"]
    mentioned = tables["mentions"].filter(pl.col("actor_id") == "RUS")["doc_id"]
    assert naming.len() >= 100
    assert set(naming) <= set(mentioned)


def test_the_corpus_mixes_documents_and_every_kind_of_rejection(
    fuzzed: tuple[dict[str, bytes], dict[str, pl.DataFrame], IngestResult, float],
) -> None:
    """The fuzz corpus is not degenerate: it exercises both outcomes and most reasons."""
    _, tables, _, _ = fuzzed
    assert {"empty", "binary", "encoding", "no_content", "not_english"} <= set(tables["rejected"]["reason"])
    assert tables["documents"].filter(pl.col("duplicate_names").list.len() > 0).height >= 5
    assert set(tables["documents"]["encoding"]) >= {"utf-8", "utf-16", "cp1252"}
    assert set(tables["documents"]["source_format"]) == {"text", "html"}


def test_every_file_is_accounted_for_exactly_once(
    fuzzed: tuple[dict[str, bytes], dict[str, pl.DataFrame], IngestResult, float],
) -> None:
    files, tables, ingest, _ = fuzzed
    assert accounted_for(tables) == sorted(files)
    assert [f.source_name for f in ingest.inputs] == sorted(files)


def test_the_tables_validate(
    fuzzed: tuple[dict[str, bytes], dict[str, pl.DataFrame], IngestResult, float],
) -> None:
    files, tables, _, _ = fuzzed
    report = validate_tables(tables, source_names=list(files))
    assert report.ok, report.to_text()


def test_rejections_say_why_and_name_the_file(
    fuzzed: tuple[dict[str, bytes], dict[str, pl.DataFrame], IngestResult, float],
) -> None:
    files, tables, _, _ = fuzzed
    for row in tables["rejected"].iter_rows(named=True):
        assert row["reason"] in REASONS, row
        assert row["source_name"] in row["detail"], row
        assert row["sha256"] == sha256_hex(files[row["source_name"]]), row  # every file is readable


def test_documents_are_named_by_their_bytes(
    fuzzed: tuple[dict[str, bytes], dict[str, pl.DataFrame], IngestResult, float],
) -> None:
    """Copies become one document; the first name in sorted order carries it."""
    files, tables, _, _ = fuzzed
    for row in tables["documents"].iter_rows(named=True):
        same = sorted(n for n, data in files.items() if data == files[row["source_name"]])
        assert [row["source_name"], *row["duplicate_names"]] == same


def test_it_runs_in_reasonable_time(
    fuzzed: tuple[dict[str, bytes], dict[str, pl.DataFrame], IngestResult, float],
) -> None:
    _, tables, _, seconds = fuzzed
    assert seconds < 60, f"{tables['documents'].height} documents took {seconds:.0f} s"
