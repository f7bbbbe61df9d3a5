"""Invariants of the whole extraction, checked on generated text with hypothesis.

- Any Unicode text can be cleaned, parsed and extracted without an exception, and the
  rows it gives form valid tables.
- Every span (sentences, mentions, events, claims, recommendations) lies inside its
  sentence and inside clean_text; mention and sentence texts are what the span covers.
- Ids are stable: the same text gives the same rows in another process (another string
  hash seed, other documents before it); a document's id depends only on its bytes; the
  same text in two documents gives different row ids.

Texts mix random Unicode with fragments of geopolitical prose so that the extractors
find actors, events, claims and recommendations to emit, not only empty tables; each
property also runs on ARTICLE, which must give rows in every table.
tests/ingest/test_cleaning.py covers cleaning on its own (idempotence, no crash).
"""

from __future__ import annotations

import datetime
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from geodiscourse.core.ids import doc_id_for, sha256_hex
from geodiscourse.core.tables import frame
from geodiscourse.extract.document import extract_document
from geodiscourse.ingest.cleaning import clean_article
from geodiscourse.ingest.files import IngestResult, RawArticle, read_raw_folder
from geodiscourse.release.validate import SPAN_TABLES, validate_tables
from geodiscourse.run.batches import document_row
from geodiscourse.schemas import TABLES
from tests.extract.fresh_process import as_plain, in_fresh_process

FRAGMENTS = [
    "Russia",
    "Vladimir Putin said that",
    "NATO must stop expanding",
    "the West should impose sanctions on Moscow",
    "Ukraine and Georgia",
    "in 2008 Russia invaded Georgia",
    "Mr Straw told reporters",
    "China could attack Taiwan if talks fail",
    "the European Union",
    "he said",
    "“We will never accept this,” the minister said.",
    "About 90,000 troops remain near the border.",
    "Washington needs to negotiate with Kyiv",
    "last Tuesday",
    ". ",
    "? ",
    "\n",
    "\n\n",
    "Home » World",
    "Share this article",
    "By Emma Walker",
]
prose = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=25), max_size=14).map(" ".join)
texts = prose | st.text(max_size=300)
PROPERTY_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ROW_TABLES = ("sentences", "mentions", "events", "claims", "recommendations")
#: An article with rows in every table: each property checks it as well as the
#: generated texts (which often give none), so that none can pass on empty tables alone.
ARTICLE = (
    "Russia and the West\n\nIn 2008 Russia invaded Georgia. Vladimir Putin said that NATO must stop "
    "expanding. China could attack Taiwan if talks fail, Mr Straw told reporters.\n\n"
    "The West should impose sanctions on Moscow.\n"
)


def extract(nlp: Language, text: str, doc_id: str = "0123456789abcdef") -> tuple[str, dict[str, Any]]:
    """Clean, parse and extract one raw text; the clean text and the rows."""
    cleaned = clean_article(text)
    rows = extract_document(doc_id, nlp(cleaned.clean_text), cleaned.published_date)
    return cleaned.clean_text, rows


def assert_spans_valid(clean_text: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    sentences = {s["sentence_id"]: s for s in rows["sentences"]}
    assert len(sentences) == len(rows["sentences"]), "sentence ids are unique"
    assert [s["position"] for s in rows["sentences"]] == list(range(len(rows["sentences"])))
    for s in rows["sentences"]:
        assert 0 <= s["char_start"] < s["char_end"] <= len(clean_text), s
        assert s["text"] == clean_text[s["char_start"] : s["char_end"]], s
    for table in SPAN_TABLES:
        for row in rows[table]:
            sentence = sentences[row["sentence_id"]]
            assert row["doc_id"] == sentence["doc_id"], (table, row)
            assert sentence["char_start"] <= row["char_start"] < row["char_end"] <= sentence["char_end"], (
                table,
                row,
                sentence,
            )
    for mention in rows["mentions"]:
        assert mention["text"] == clean_text[mention["char_start"] : mention["char_end"]], mention


def as_tables(text: str, clean_text: str, rows: dict[str, list[dict[str, Any]]]) -> dict[str, pl.DataFrame]:
    """The rows as the release's tables, with the document row they belong to."""
    data = text.encode("utf-8", "surrogatepass")
    article = RawArticle("a.txt", sha256_hex(data), doc_id_for(data), text, "utf-8", "text", ())
    cleaned = clean_article(text)
    assert cleaned.clean_text == clean_text
    tables = {name: frame(name, rows.get(name, [])) for name in TABLES if name != "documents"}
    tables["documents"] = frame("documents", [dict(document_row(article, cleaned))])
    return tables


@given(texts)
@example(ARTICLE)
@PROPERTY_SETTINGS
def test_any_text_is_extracted_into_valid_tables(nlp: Language, text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    clean_text, rows = extract(nlp, text, doc_id_for(data))
    assert_spans_valid(clean_text, rows)
    report = validate_tables(as_tables(text, clean_text, rows))
    assert report.ok, report.to_text()
    event("gave mentions" if rows["mentions"] else "gave no mention")
    if text == ARTICLE:
        assert all(rows[table] for table in ROW_TABLES), "the article's rows were checked"


def extract_each(nlp: Language, texts: list[str]) -> list[tuple[str, dict[str, Any]]]:
    return [extract(nlp, text) for text in texts]


def test_extraction_gives_the_same_rows_in_a_fresh_process(nlp: Language) -> None:
    """Another interpreter (another str hash seed), taking the texts in the opposite
    order, gives each text the same rows as this one."""
    texts: list[str] = []

    @given(prose)
    @example(ARTICLE)
    @PROPERTY_SETTINGS
    def collect(text: str) -> None:
        texts.append(text)

    collect()
    here = [as_plain(rows) for rows in extract_each(nlp, texts)]
    there = in_fresh_process(extract_each, texts[::-1])[::-1]
    assert all(here[texts.index(ARTICLE)][1][table] for table in ROW_TABLES)
    for text, mine, theirs in zip(texts, here, there, strict=True):
        assert mine == theirs, text


@given(prose)
@example(ARTICLE)
@settings(max_examples=25, deadline=None)
def test_the_same_text_in_two_documents_gets_distinct_row_ids(nlp: Language, text: str) -> None:
    _, one = extract(nlp, text, "1" * 16)
    _, two = extract(nlp, text, "2" * 16)
    for table in ROW_TABLES:
        key = TABLES[table].primary_key[0]
        assert not {r[key] for r in one[table]} & {r[key] for r in two[table]}, table
        assert len(one[table]) == len(two[table]), table
    assert one["actors"] == two["actors"]  # actors are shared across documents
    event("gave mentions" if one["mentions"] else "gave no mention")
    if text == ARTICLE:
        assert all(one[table] for table in ROW_TABLES), "the article's row ids were compared"


def _outcome(result: IngestResult, name: str) -> tuple[str, str]:
    """("document", doc_id) or ("rejected", reason) for one input file."""
    for article in result.articles:
        if name == article.source_name or name in article.duplicate_names:
            return "document", article.doc_id
    (reason,) = [r["reason"] for r in result.rejected if r["source_name"] == name]
    return "rejected", reason


@given(st.binary(min_size=1, max_size=300) | prose.map(str.encode), st.binary(max_size=40))
@settings(max_examples=40, deadline=None)
def test_a_documents_id_depends_only_on_its_bytes(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, other: bytes
) -> None:
    first, second = tmp_path_factory.mktemp("one"), tmp_path_factory.mktemp("two")
    (first / "article.txt").write_bytes(data)
    (second / "deeper").mkdir()
    (second / "deeper" / "renamed.md").write_bytes(data)
    (second / "other.txt").write_bytes(data + other)
    one = _outcome(read_raw_folder(first), "article.txt")
    two = read_raw_folder(second)
    assert _outcome(two, "deeper/renamed.md") == one
    if one[0] == "document":
        assert one[1] == doc_id_for(data)
        extended = _outcome(two, "other.txt")
        assert (extended == one) == (other == b""), "other bytes, other id"


def test_row_ids_do_not_depend_on_the_publication_date(nlp: Language) -> None:
    """Ids hash the document, offsets and type: a date read from the text moves no id."""
    text = "Russia invaded Georgia last Tuesday, officials said. NATO must respond.\n"
    doc = nlp(clean_article(text).clean_text)
    dated = extract_document("d" * 16, doc, datetime.date(2008, 8, 12))
    undated = extract_document("d" * 16, doc, None)
    for table in ROW_TABLES:
        key = TABLES[table].primary_key[0]
        assert [r[key] for r in dated[table]] == [r[key] for r in undated[table]], table
