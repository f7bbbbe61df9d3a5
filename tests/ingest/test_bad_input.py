"""Bad input through the whole pipeline: every file becomes a document or a rejected row.

One raw folder holds one file per kind of bad input (empty, blank, boilerplate only,
legacy encodings, binary, HTML, 50 MB, not English, duplicated, one 20,000-character
sentence, unreadable) next to good ones; ``build_tables`` runs on it once (no Prefect).
Each case then says what must have become of its file: a document with the encoding
and format it was read with, or a row of ``rejected`` with its reason code and a detail
that names the file. tests/test_ingest.py covers the reading rules one by one.
"""

from __future__ import annotations

import hashlib
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest
from spacy.language import Language

from geodiscourse.core.ids import doc_id_for, sha256_hex
from geodiscourse.extract.document import extract_document
from geodiscourse.ingest.cleaning import clean_article
from geodiscourse.ingest.files import DEFAULT_MAX_BYTES, IngestResult
from geodiscourse.release.validate import SPAN_TABLES, validate_tables
from geodiscourse.run.batches import build_tables
from tests.paths import REPO

_SEED = (REPO / "data" / "raw" / "002_ae1e65cc193db30b.txt").read_text(encoding="utf-8")
#: Four paragraphs of an opinion piece (curly quotes, an en dash): the good article.
ARTICLE = "\n\n".join(_SEED.split("\n\n")[:6]) + "\n"
BODY_PHRASE = "Russia’s actions on the international stage"
FRENCH = (
    "La Russie veut reconstruire sa sphère d'influence en Europe de l'Est. Le Kremlin considère "
    "l'élargissement de l'OTAN comme une menace existentielle pour sa sécurité nationale, et les "
    "dirigeants russes répètent depuis des années que l'Ukraine appartient à leur zone d'intérêt "
    "privilégié. Les sanctions occidentales n'ont pas changé cette conviction profonde.\n"
)
RUSSIAN = (
    "Россия хочет восстановить сферу влияния в Восточной Европе. Кремль считает расширение НАТО "
    "угрозой своей безопасности, а российские руководители годами повторяют, что Украина "
    "относится к зоне их особых интересов. Западные санкции не изменили этого убеждения.\n"
)
BOILERPLATE = (
    "Leave a Comment\n\nThis site uses Akismet to reduce spam. Learn how your comment data is processed.\n"
)
HUGE_BYTES = 50 * 1024 * 1024
HUGE_LINE = b"Moscow and Kyiv traded accusations again on Tuesday, officials said.\n"
LONG_SENTENCE_CHARS = 20_000
#: The first mentions of that sentence: "Moscow war that NATO Russia the peace border officials Ukraine ..."
LONG_SENTENCE_MENTIONS = [
    (0, "Moscow", "RUS"),
    (16, "NATO", "NATO"),
    (21, "Russia", "RUS"),
    (55, "Ukraine", "UKR"),
]
_LONG_VOCABULARY = [
    *("Russia", "Ukraine", "NATO", "Putin", "Zelensky", "Moscow", "Kyiv", "Washington", "Europe"),
    *("the", "a", "and", "of", "to", "in", "with", "that", "should", "must", "could"),
    *("officials", "said", "troops", "border", "sanctions", "talks", "negotiate", "attack"),
    *("support", "oppose", "peace", "war", "leaders", "government", "minister", "army"),
]


def long_sentence(chars: int = LONG_SENTENCE_CHARS, seed: int = 6) -> str:
    """Words and names, no punctuation at all, exactly ``chars`` characters long."""
    rng = random.Random(seed)
    words: list[str] = []
    length = -1
    while length < chars:
        words.append(rng.choice(_LONG_VOCABULARY))
        length += len(words[-1]) + 1
    return " ".join(words)[:chars].rstrip() + "\n"


def html_page(body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in body.split("\n\n") if p.strip())
    return (
        "<!DOCTYPE html><html><head><title>Russia</title><style>p { color: red; }</style>"
        "<script>var tracking = '<p>not text</p>';</script></head><body>"
        f"<nav><a href='/'>Home</a></nav><article>{paragraphs}</article></body></html>"
    )


@dataclass(frozen=True)
class Document:
    """A file that must become a document."""

    name: str
    data: bytes
    encoding: str
    source_format: str
    phrase: str  # text its clean_text must contain; it starts with "Russia", a mention of RUS


@dataclass(frozen=True)
class Rejection:
    """A file that must become a row of ``rejected``; ``data`` None: made by ``make``."""

    name: str
    data: bytes | None
    reason: str
    says: str  # what the detail must say besides the file's name


LATIN1_ARTICLE = ARTICLE.replace("’", "'").replace("–", "-").replace("Contributor", "Café contributor")
DOCUMENTS = [
    Document("utf8.txt", ARTICLE.encode(), "utf-8", "text", BODY_PHRASE),
    Document("bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode() + b" ", "utf-8", "text", BODY_PHRASE),
    Document("windows.txt", ARTICLE.encode("cp1252"), "cp1252", "text", BODY_PHRASE),
    Document("latin1.txt", LATIN1_ARTICLE.encode("latin-1"), "latin-1", "text", "Russia's actions"),
    Document("utf16.txt", ARTICLE.encode("utf-16"), "utf-16", "text", BODY_PHRASE),
    Document("page.html", html_page(ARTICLE).encode(), "utf-8", "html", BODY_PHRASE),
    Document("html-saved-as.txt", html_page(ARTICLE + "\n").encode(), "utf-8", "html", BODY_PHRASE),
    Document("long-sentence.txt", long_sentence().encode(), "utf-8", "text", "Russia"),
    Document("folder.txt/inside.txt", (ARTICLE + "\n\n").encode(), "utf-8", "text", BODY_PHRASE),
    Document("same/a.txt", (ARTICLE + "\n\n\n").encode(), "utf-8", "text", BODY_PHRASE),
]
REJECTIONS = [
    Rejection("empty.txt", b"", "empty", "is empty (0 bytes)"),
    Rejection("blank.txt", " \n\t\r\n\u00a0\n".encode(), "no_content", "has no letters or digits"),
    Rejection("boilerplate.txt", BOILERPLATE.encode(), "no_content", "once boilerplate is removed"),
    Rejection("scripts-only.html", b"<html><script>var a = 1;</script></html>", "no_content", "visible text"),
    Rejection("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary", "is binary"),
    Rejection("archive.gz", b"\x1f\x8b\x08\x00" + random.Random(1).randbytes(500), "binary", "is binary"),
    Rejection("cyrillic-cp1251.txt", RUSSIAN.encode("cp1251"), "encoding", "re-save it as UTF-8"),
    Rejection("french.txt", FRENCH.encode(), "not_english", "English-only"),
    Rejection("french2.txt", FRENCH.encode(), "not_english", "same bytes as french.txt"),
    Rejection("russian.txt", RUSSIAN.encode(), "not_english", "reads as Russian"),
    # one short news sentence is enough to tell the language (py3langid)
    Rejection(
        "short-de.txt", "Die Polizei hat drei Verdächtige festgenommen.".encode(), "not_english", "German"
    ),
    Rejection(
        "short-fr.txt", "Le gouvernement a présenté son budget mercredi.".encode(), "not_english", "French"
    ),
    Rejection(
        "short-es.txt",
        "El gobierno anunció ayer nuevas medidas económicas.".encode(),
        "not_english",
        "Spanish",
    ),
    # a page tail and nothing else: no sentence of an article
    Rejection(
        "tail-only.txt",
        b"You may also like\n\nLeave a Comment\n\nThis site uses Akismet to reduce spam. Learn how your "
        b"comment data is processed.",
        "no_content",
        "once boilerplate is removed",
    ),
    Rejection("huge.txt", None, "too_large", f"limit of {DEFAULT_MAX_BYTES:,}"),
    Rejection("pipe.txt", None, "unreadable", "not a regular file"),
    Rejection("loop.txt", None, "unreadable", "cannot be read (Too many levels of symbolic links)"),
    Rejection("bad-name-\ufffd.txt", None, "unreadable", "not valid UTF-8: rename it"),
]
#: Same bytes as same/a.txt: no document of its own, named in a.txt's duplicate_names.
DUPLICATE = "same/b.txt"


def _write(folder: Path, name: str, data: bytes) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _write_huge(path: Path) -> str:
    """A 50 MB text file, written in 1 MB chunks of one repeated line; its sha256."""
    chunk = HUGE_LINE * (1024 * 1024 // len(HUGE_LINE))
    digest = hashlib.sha256()
    written = 0
    with path.open("wb") as handle:
        while written < HUGE_BYTES:
            part = chunk[: HUGE_BYTES - written]
            handle.write(part)
            digest.update(part)
            written += len(part)
    return digest.hexdigest()


@dataclass(frozen=True)
class Run:
    tables: dict[str, pl.DataFrame]
    ingest: IngestResult
    sha256: dict[str, str]  # of every readable input, by source_name
    seconds: float


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("bad-input")
    raw = root / "raw"
    sha: dict[str, str] = {}
    cases: list[Document | Rejection] = [*DOCUMENTS, *REJECTIONS]
    for case in cases:
        if case.data is not None:
            _write(raw, case.name, case.data)
            sha[case.name] = sha256_hex(case.data)
    _write(raw, DUPLICATE, DOCUMENTS[-1].data)
    sha[DUPLICATE] = sha256_hex(DOCUMENTS[-1].data)
    sha["huge.txt"] = _write_huge(raw / "huge.txt")
    os.mkfifo(raw / "pipe.txt")  # reading it would block forever: must be refused by stat
    (raw / "loop.txt").symlink_to(raw / "loop.txt")
    with open(os.path.join(bytes(raw), b"bad-name-\xff.txt"), "wb") as handle:
        handle.write(ARTICLE.encode() + b"?")
    started = time.perf_counter()
    try:
        tables, ingest, _ = build_tables(raw, root / "work")
    finally:
        (raw / "huge.txt").unlink()
    return Run(tables, ingest, sha, time.perf_counter() - started)


def _names() -> list[str]:
    return sorted([c.name for c in DOCUMENTS] + [c.name for c in REJECTIONS] + [DUPLICATE])


def test_every_file_is_a_document_or_a_rejected_row_and_the_tables_validate(run: Run) -> None:
    docs, rejected = run.tables["documents"], run.tables["rejected"]
    accounted = docs["source_name"].to_list() + docs["duplicate_names"].explode().drop_nulls().to_list()
    accounted += rejected["source_name"].to_list()
    assert sorted(accounted) == _names()
    assert [f.source_name for f in run.ingest.inputs] == _names()
    report = validate_tables(run.tables, source_names=_names())
    assert report.ok, report.to_text()


@pytest.mark.parametrize("case", DOCUMENTS, ids=[c.name for c in DOCUMENTS])
def test_file_becomes_a_document(run: Run, case: Document) -> None:
    docs = run.tables["documents"].filter(pl.col("source_name") == case.name)
    assert docs.height == 1, f"{case.name} is no document"
    doc = docs.row(0, named=True)
    assert (doc["encoding"], doc["source_format"]) == (case.encoding, case.source_format)
    assert doc["doc_id"] == doc_id_for(case.data)
    assert case.phrase in doc["clean_text"]
    assert "<" not in doc["clean_text"] and "tracking" not in doc["clean_text"]
    mentions = run.tables["mentions"].filter(pl.col("doc_id") == doc["doc_id"])
    at = doc["clean_text"].index(case.phrase)
    assert (at, "Russia", "RUS") in mentions.select("char_start", "text", "actor_id").rows(), "parsed"
    assert case.name not in run.tables["rejected"]["source_name"].to_list()


@pytest.mark.parametrize("case", REJECTIONS, ids=[c.reason + ":" + c.name for c in REJECTIONS])
def test_file_becomes_a_rejected_row(run: Run, case: Rejection) -> None:
    rows = run.tables["rejected"].filter(pl.col("source_name") == case.name)
    assert rows.height == 1, f"{case.name} is not in rejected"
    row = rows.row(0, named=True)
    assert row["reason"] == case.reason, row["detail"]
    assert case.name in row["detail"] and case.says in row["detail"], row["detail"]
    assert row["sha256"] == run.sha256.get(case.name, ""), "sha256 of the bytes, empty when unreadable"
    assert case.name not in run.tables["documents"]["source_name"].to_list()


def test_identical_bytes_make_one_document_naming_both_files(run: Run) -> None:
    docs = run.tables["documents"].filter(pl.col("doc_id") == doc_id_for(DOCUMENTS[-1].data))
    assert docs.select("source_name", "duplicate_names").rows() == [("same/a.txt", [DUPLICATE])]


def test_the_too_large_file_is_named_with_its_size_and_the_limit(run: Run) -> None:
    (row,) = run.tables["rejected"].filter(pl.col("reason") == "too_large").rows(named=True)
    assert f"{HUGE_BYTES:,} bytes" in row["detail"] and "max_bytes" in row["detail"]


def test_the_20000_character_sentence_gives_valid_spans(run: Run) -> None:
    doc_id = doc_id_for(long_sentence().encode())
    (clean_text,) = run.tables["documents"].filter(pl.col("doc_id") == doc_id)["clean_text"]
    assert len(clean_text) == LONG_SENTENCE_CHARS  # nothing of it was cut as boilerplate
    sentences = run.tables["sentences"].filter(pl.col("doc_id") == doc_id)
    assert sentences["char_start"].min() == 0 and sentences["char_end"].max() == LONG_SENTENCE_CHARS
    mentions = run.tables["mentions"].filter(pl.col("doc_id") == doc_id).sort("char_start")
    assert mentions.select("char_start", "text", "actor_id").rows()[:4] == LONG_SENTENCE_MENTIONS
    for table in SPAN_TABLES:  # validate_tables above checked that these lie inside their sentences
        assert run.tables[table].filter(pl.col("doc_id") == doc_id).height, f"no {table} to check"


@pytest.mark.xfail(
    strict=True,
    reason="two names side by side ('Zelensky Putin') become one person, and the lone 'Putin' "
    "and 'Zelensky' (even 'Kyiv', 'Washington') later resolve to it",
)
def test_the_20000_character_sentence_resolves_each_name_to_its_actor(run: Run) -> None:
    doc_id = doc_id_for(long_sentence().encode())
    mentions = run.tables["mentions"].filter(pl.col("doc_id") == doc_id)
    names = {"Moscow": "RUS", "Kyiv": "UKR", "Washington": "USA"}
    names |= {"Putin": "vladimir-putin", "Zelensky": "volodymyr-zelensky"}
    wrong = {(t, a) for t, a in mentions.select("text", "actor_id").rows() if t in names and a != names[t]}
    assert wrong == set()


def test_the_20000_character_sentence_takes_reasonable_time(nlp: Language) -> None:
    started = time.perf_counter()
    cleaned = clean_article(long_sentence())
    rows = extract_document("0" * 16, nlp(cleaned.clean_text), None)
    seconds = time.perf_counter() - started
    found = [(m["char_start"], m["text"], m["actor_id"]) for m in rows["mentions"][:4]]
    assert found == LONG_SENTENCE_MENTIONS, "the sentence was parsed and its names resolved"
    assert seconds < 20, (
        f"cleaning, parsing and extracting one 20,000-character sentence took {seconds:.1f} s"
    )


def test_the_bad_files_cost_little_time(run: Run) -> None:
    """The 50 MB file is refused by its size, the FIFO by stat: neither is read whole or waited on."""
    assert run.seconds < 60, f"build_tables took {run.seconds:.0f} s"


def test_renamed_and_copied_files_keep_their_names_when_read_from_the_cache(tmp_path: Path) -> None:
    """The cache is keyed by bytes: a file renamed, or copied, since the last run must
    still be named as it is now (else the run fails validation and publishes nothing)."""
    _write(tmp_path / "before", "old-name.txt", ARTICLE.encode())
    _write(tmp_path / "before", "french-old.txt", FRENCH.encode())
    after = ["copy/new-name.txt", "new-name.txt", "french/a.txt", "french/b.txt"]
    for name in after:
        _write(tmp_path / "after", name, (FRENCH if name.startswith("french") else ARTICLE).encode())
    cache = tmp_path / "cache"
    first, _, _ = build_tables(tmp_path / "before", tmp_path / "work-1", cache_dir=cache)
    tables, _, summaries = build_tables(tmp_path / "after", tmp_path / "work-2", cache_dir=cache)
    assert sum(s.parsed for s in summaries) == 0, "the second run reads both from the cache"
    assert tables["documents"].select("source_name", "duplicate_names").rows() == [
        ("copy/new-name.txt", ["new-name.txt"])
    ]
    rejected = tables["rejected"].select("source_name", "reason", "detail").rows()
    assert [(name, reason) for name, reason, _ in rejected] == [
        ("french/a.txt", "not_english"),
        ("french/b.txt", "not_english"),
    ]
    assert all(detail.startswith(name) and "old" not in detail for name, _, detail in rejected)
    report = validate_tables(tables, source_names=after)
    assert report.ok, report.to_text()
    assert tables["sentences"].equals(first["sentences"])


def test_an_html_file_takes_its_title_from_the_page(run: Run) -> None:
    """A saved page's own <title> (through trafilatura) is the document's title."""
    doc = run.tables["documents"].filter(pl.col("source_name") == "page.html").row(0, named=True)
    assert doc["title"] == "Russia"
    assert not doc["clean_text"].startswith("Russia\n")  # the headline is no paragraph of the body
