"""Cache entries are not trusted, and the cache never stops a run.

A cache entry is a file anyone can edit or damage, and what it holds is published as
if freshly extracted. Every corruption below (unreadable, the wrong shape, or values
edited after writing) must be a miss: the run gives exactly the tables of a run
without the cache, a warning names the entry, and the entry is written again, valid.
A cache folder that cannot be written, or a write that fails mid-run (a full disk),
must not stop the run either: one warning, and the run goes on without caching.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from geodiscourse.core.ids import sha256_hex
from geodiscourse.core.tables import frame, polars_schema
from geodiscourse.ingest.files import read_raw_folder
from geodiscourse.run.batches import assemble, build_tables, open_cache, partition_cached, run_batch
from geodiscourse.run.cache import DocumentOutput, ExtractionCache, entry_text
from tests.paths import SEEDS

ARTICLE = SEEDS / "002_ae1e65cc193db30b.txt"  # the shortest seed: a title, a date, actors with countries
NOT_ENGLISH = (
    "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les agriculteurs, "
    "après plusieurs semaines de manifestations dans tout le pays. Les syndicats ont salué un premier pas."
)
Tables = dict[str, pl.DataFrame]
Corruption = Callable[[str], str | bytes]


@dataclass(frozen=True)
class Corpus:
    raw: Path
    cold: Tables  # the tables of a run without the cache
    cache: Path  # a cache filled by a run: one document entry, one rejection entry
    entries: dict[str, Path]  # "document" / "rejected" -> the entry's path relative to cache


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("cache-trust")
    raw = root / "raw"
    raw.mkdir()
    shutil.copy(ARTICLE, raw / ARTICLE.name)
    (raw / "french.txt").write_text(NOT_ENGLISH, encoding="utf-8")
    cold, _, _ = build_tables(raw, root / "work-cold")
    cache = root / "cache"
    build_tables(raw, root / "work-fill", cache_dir=cache)
    entries = {}
    for path in cache.rglob("*.json"):
        payload = json.loads(path.read_text(encoding="utf-8"))["payload"]
        entries["rejected" if payload["rejected"] else "document"] = path.relative_to(cache)
    assert sorted(entries) == ["document", "rejected"], entries
    return Corpus(raw, cold, cache, entries)


def same_tables(tables: Tables, expected: Tables) -> None:
    assert sorted(tables) == sorted(expected)
    for name, df in tables.items():
        assert df.equals(expected[name]), name


def edited(change: Callable[[dict[str, Any]], Any]) -> Corruption:
    """An entry whose payload was changed after writing, its checksum left as it was."""

    def corrupt(text: str) -> str:
        entry = json.loads(text)
        change(entry["payload"])
        return json.dumps(entry, ensure_ascii=False)

    return corrupt


def resealed(change: Callable[[Any], Any]) -> Corruption:
    """An entry whose payload was changed and its checksum recomputed: only the check of
    the payload's shape can catch it. ``change`` edits the payload or returns a new one."""

    def corrupt(text: str) -> str:
        payload = json.loads(text)["payload"]
        replaced = change(payload)
        return entry_text(payload if replaced is None else replaced)

    return corrupt


def rows(table: str) -> Callable[[dict[str, Any]], list[dict[str, Any]]]:
    return lambda payload: payload["rows"][table]


def set_value(table: str, column: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda payload: rows(table)(payload)[0].__setitem__(column, value)


def set_entry_key(key: str, value: Any) -> Corruption:
    def corrupt(text: str) -> str:
        return json.dumps({**json.loads(text), key: value})

    return corrupt


CORRUPTIONS: list[tuple[str, str, Corruption]] = [
    # Unreadable, or not an entry at all.
    ("truncated", "document", lambda text: text[: len(text) // 2]),
    ("empty file", "document", lambda text: ""),
    ("not UTF-8", "document", lambda text: b"\xff\xfe" + text.encode("utf-8")),
    ("empty object", "document", lambda text: "{}"),
    ("empty list", "document", lambda text: "[]"),
    ("format-1 entry (payload alone)", "document", lambda text: json.dumps(json.loads(text)["payload"])),
    ("another format", "document", set_entry_key("format", "1")),
    ("no checksum", "document", set_entry_key("sha256", None)),
    # Values edited after writing: the checksum catches them.
    ("edited title", "document", edited(set_value("documents", "title", "Edited headline"))),
    ("actor country ZZZ", "document", edited(set_value("actors", "country", "ZZZ"))),
    ("edited rejection", "rejected", edited(lambda p: p["rejected"].__setitem__("reason", "empty"))),
    # The wrong shape under a right checksum: the structure check catches them.
    ("payload {}", "document", resealed(lambda p: {})),
    ("payload []", "document", resealed(lambda p: [])),
    ("rows a list", "document", resealed(lambda p: p.__setitem__("rows", []))),
    ("table rows a dict", "document", resealed(lambda p: p["rows"].__setitem__("mentions", {}))),
    ("row not a dict", "document", resealed(lambda p: p["rows"].__setitem__("mentions", [1]))),
    ("unknown table", "document", resealed(lambda p: p["rows"].__setitem__("bogus", []))),
    ("row missing a column", "document", resealed(lambda p: rows("actors")(p)[0].pop("country"))),
    ("row with an extra column", "document", resealed(set_value("actors", "flag", "x"))),
    ("string for an int", "document", resealed(set_value("sentences", "position", "1"))),
    ("bool for an int", "document", resealed(set_value("sentences", "char_start", True))),
    ("float for an int", "document", resealed(set_value("mentions", "char_end", 1.5))),
    ("string for a bool", "document", resealed(set_value("claims", "hedged", "no"))),
    ("string for a float", "document", resealed(set_value("claims", "confidence", "high"))),
    ("number in a list of strings", "document", resealed(set_value("documents", "cited_urls", [1]))),
    (
        "string for a list of strings",
        "document",
        resealed(set_value("documents", "duplicate_names", "a.txt")),
    ),
    ("struct without its fields", "document", resealed(set_value("claims", "quantities", [{"value": 1.0}]))),
    ("undecodable date", "document", resealed(set_value("documents", "published_date", "2025-13-45"))),
    ("number for a date", "document", resealed(set_value("documents", "published_date", 20251207))),
    ("null in a non-null column", "document", resealed(set_value("mentions", "doc_id", None))),
    ("no documents row", "document", resealed(lambda p: p["rows"].__setitem__("documents", []))),
    ("rows of another document", "document", resealed(set_value("sentences", "doc_id", "f" * 16))),
    ("rejection a string", "rejected", resealed(lambda p: p.__setitem__("rejected", "not_english"))),
    ("rejection missing a column", "rejected", resealed(lambda p: p["rejected"].pop("detail"))),
    ("rejection with a null", "rejected", resealed(lambda p: p["rejected"].__setitem__("reason", None))),
    (
        "rejection of another file",
        "rejected",
        resealed(lambda p: p["rejected"].__setitem__("sha256", "0" * 64)),
    ),
    ("rejection with rows", "rejected", resealed(lambda p: p["rows"].__setitem__("sentences", []))),
]


@pytest.mark.parametrize(("entry", "corrupt"), [c[1:] for c in CORRUPTIONS], ids=[c[0] for c in CORRUPTIONS])
def test_a_corrupt_entry_is_a_miss_and_is_rewritten(
    corpus: Corpus, tmp_path: Path, caplog: pytest.LogCaptureFixture, entry: str, corrupt: Corruption
) -> None:
    cache = tmp_path / "cache"
    shutil.copytree(corpus.cache, cache)
    path = cache / corpus.entries[entry]
    valid = path.read_text(encoding="utf-8")
    damaged = corrupt(valid)
    path.write_bytes(damaged if isinstance(damaged, bytes) else damaged.encode("utf-8"))

    with caplog.at_level(logging.WARNING):
        tables, _, summaries = build_tables(corpus.raw, tmp_path / "work", cache_dir=cache)

    same_tables(tables, corpus.cold)
    assert sum(s.cached for s in summaries) == 1, "only the sound entry is used"
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and str(path) in warnings[0], warnings
    assert path.read_text(encoding="utf-8") == valid, "the entry was written again, valid"


def test_an_article_partitioned_as_cached_whose_entry_fails_is_parsed(corpus: Corpus, tmp_path: Path) -> None:
    """The flow decides which articles are cached by ``has`` (a file exists) before any
    entry is read; one whose entry then fails its checks must still be parsed."""
    cache = tmp_path / "cache"
    shutil.copytree(corpus.cache, cache)
    (cache / corpus.entries["document"]).write_text("{}", encoding="utf-8")
    ingest = read_raw_folder(corpus.raw)
    cached, fresh = partition_cached(ingest.articles, open_cache(cache))
    assert len(cached) == 2 and fresh == []

    work = tmp_path / "work"
    work.mkdir()
    summary = run_batch(0, cached, work, cache)

    assert (summary.parsed, summary.cached, summary.documents, summary.rejected) == (1, 1, 1, 1)
    same_tables(assemble(work, ingest.rejected), corpus.cold)


def test_list_and_null_values_come_back_as_written(corpus: Corpus, tmp_path: Path) -> None:
    """events.event_contexts: a list and an empty list (none applies) are different values,
    and each survives the cache as it was written."""
    entry = json.loads((corpus.cache / corpus.entries["document"]).read_text(encoding="utf-8"))
    rows = entry["payload"]["rows"]
    raw_sha256 = sha256_hex(ARTICLE.read_bytes())
    event = dict.fromkeys(polars_schema("events").names()) | {
        "event_id": "ev_0",
        "doc_id": raw_sha256[:16],
        "sentence_id": rows["sentences"][0]["sentence_id"],
        "event_type": "CONSULT",
        "modality": "asserted",
        "trigger": "visited",
        "char_start": 0,
        "char_end": 7,
        "confidence": 0.5,
    }
    written = [("visit", ["diplomatic", "military"]), (None, [])]
    events = [event | {"event_mode": mode, "event_contexts": contexts} for mode, contexts in written]
    cache = ExtractionCache(tmp_path / "cache", "code", "model")
    cache.put(raw_sha256, DocumentOutput(rows={**rows, "events": events}))

    output = cache.get(raw_sha256)

    assert output is not None
    assert [(r["event_mode"], r["event_contexts"]) for r in output.rows["events"]] == written
    df = frame("events", output.rows["events"])
    assert df.schema["event_contexts"] == pl.List(pl.String)
    assert df["event_contexts"].to_list() == [contexts for _, contexts in written]  # same ids: order kept


@pytest.fixture
def count_cache_writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path, OSError], list[str]]]:
    """Make every rename into a cache folder fail with the given error; the list of
    attempts is returned. Renames elsewhere go through."""
    real_replace = os.replace

    def arm(cache: Path, error: OSError) -> list[str]:
        attempts: list[str] = []

        def replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
            if Path(dst).is_relative_to(cache):
                attempts.append(str(dst))
                raise error
            real_replace(src, dst, *args, **kwargs)

        monkeypatch.setattr(os, "replace", replace)
        return attempts

    yield arm


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
        (PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
    ],
    ids=["disk full", "permission denied"],
)
def test_a_failing_cache_write_warns_once_and_the_run_goes_on_without_caching(
    corpus: Corpus,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    count_cache_writes: Callable[[Path, OSError], list[str]],
    error: OSError,
    reason: str,
) -> None:
    cache = tmp_path / "cache"
    attempts = count_cache_writes(cache, error)

    with caplog.at_level(logging.WARNING):
        tables, _, summaries = build_tables(corpus.raw, tmp_path / "work", cache_dir=cache, batch_size=1)

    same_tables(tables, corpus.cold)
    assert len(summaries) == 2 and len(attempts) == 1, "after the first failure nothing is written"
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, warnings
    assert reason in warnings[0] and str(cache) in warnings[0] and "--no-cache" in warnings[0]
    assert [p for p in cache.rglob("*") if p.is_file()] == [], "no entry, no temporary file left"


def read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Files cannot be made in ``folder`` (chmod does not stop root, who runs the tests here)."""
    real_mkstemp, real_named = tempfile.mkstemp, tempfile.NamedTemporaryFile

    def refuse(dir: Any) -> None:
        if dir is not None and Path(dir).is_relative_to(folder):
            raise PermissionError(errno.EACCES, "Permission denied", str(dir))

    def mkstemp(*args: Any, **kwargs: Any) -> Any:
        refuse(kwargs.get("dir"))
        return real_mkstemp(*args, **kwargs)

    def named(*args: Any, **kwargs: Any) -> Any:
        refuse(kwargs.get("dir"))
        return real_named(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", named)


def file_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "cache").write_text("not a folder", encoding="utf-8")
    return tmp_path / "cache"


def under_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "blocker").write_text("not a folder", encoding="utf-8")
    return tmp_path / "blocker" / "cache"


def read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "cache").mkdir()
    read_only(monkeypatch, tmp_path / "cache")
    return tmp_path / "cache"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (file_in_place, "a file is in the way"),
        (under_a_file, "a file is in the way"),
        (read_only_folder, "Permission denied"),
    ],
    ids=["a file where the folder should be", "a file above it", "read-only"],
)
def test_an_unwritable_cache_folder_runs_without_the_cache_and_says_why_once(
    corpus: Corpus,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    make: Callable[[Path, pytest.MonkeyPatch], Path],
    reason: str,
) -> None:
    cache = make(tmp_path, monkeypatch)

    with caplog.at_level(logging.WARNING):
        tables, _, summaries = build_tables(corpus.raw, tmp_path / "work", cache_dir=cache, batch_size=1)

    same_tables(tables, corpus.cold)
    assert sum(s.cached for s in summaries) == 0
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, warnings
    assert "running without the extraction cache" in warnings[0] and str(cache) in warnings[0]
    assert reason in warnings[0] and "--no-cache" in warnings[0]
