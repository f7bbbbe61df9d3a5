"""The metadata sidecar: read, matched to raw files, and winning over the text."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from geodiscourse.ingest.files import read_raw_folder
from geodiscourse.ingest.sidecar import (
    DocumentMetadata,
    SidecarError,
    default_sidecar,
    find_sidecar,
    read_sidecar,
    resolve_metadata,
    url_date,
)
from geodiscourse.run.batches import document_row, prepare

ARTICLE = (
    "Talks resume in Geneva\n\nMarch 3, 2024\n\nDiplomats from Russia and Ukraine met in Geneva on Monday "
    "and agreed to meet again next month, officials said.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A crawl laid out like hyperpartisan-576: articles/ and a metadata.csv beside it."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "b.txt").write_text(ARTICLE.replace("Geneva", "Vienna"), encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,id,url,title,published_at\n"
        "articles/a.txt,1,https://example.org/a,Talks resume,2024-03-04\n"
        "articles/b.txt,2,,,\n"
        "articles/gone.txt,3,https://example.org/gone,Gone,2024-01-01\n",
        encoding="utf-8",
    )
    return tmp_path


def test_csv_sidecar_with_the_crawl_column_names(corpus: Path) -> None:
    sidecar = read_sidecar(corpus / "metadata.csv", corpus / "articles")
    assert sidecar.entries["a.txt"] == DocumentMetadata(
        title="Talks resume", published_date=datetime.date(2024, 3, 4), url="https://example.org/a"
    )
    assert sidecar.entries["b.txt"] == DocumentMetadata()  # empty cells are unknown, not ""
    assert sidecar.unmatched == ("articles/gone.txt",)  # reported, not ignored
    summary = sidecar.summary()
    assert (summary["rows_matched"], summary["rows_unmatched"]) == (2, ["articles/gone.txt"])
    assert len(summary["sha256"]) == 64


def test_sidecar_beside_the_raw_folder_is_found(corpus: Path) -> None:
    assert default_sidecar(corpus / "articles") == (corpus / "metadata.csv").resolve()
    found = find_sidecar(corpus / "articles", None)
    assert found is not None and set(found.entries) == {"a.txt", "b.txt"}


def test_jsonl_sidecar_names_files_relative_to_the_raw_folder(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    side = tmp_path / "meta.jsonl"
    side.write_text(
        json.dumps(
            {"source_name": "a.txt", "outlet": "Reuters", "author": "Jane Roe", "licence": "CC BY 4.0"}
        )
        + "\n",
        encoding="utf-8",
    )
    sidecar = read_sidecar(side, raw)
    assert sidecar.entries["a.txt"].outlet == "Reuters"
    assert sidecar.summary()["licences"] == {"CC BY 4.0": 1}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("file,published_at\na.txt,next Tuesday\n", "row 2: published_date 'next Tuesday' is not a date"),
        ("file,title\n,No file\n", "row 2: no source_name"),
    ],
)
def test_malformed_rows_are_errors_naming_the_row(tmp_path: Path, content: str, message: str) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "m.csv").write_text(content, encoding="utf-8")
    with pytest.raises(SidecarError, match=message):
        read_sidecar(tmp_path / "m.csv", raw)


def test_missing_sidecar_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SidecarError, match="does not exist"):
        read_sidecar(tmp_path / "nope.csv", tmp_path)


def test_sidecar_values_win_and_the_date_says_where_it_came_from(corpus: Path) -> None:
    ingest = read_raw_folder(corpus / "articles", sidecar=find_sidecar(corpus / "articles", None))
    assert ingest.metadata is not None and ingest.metadata["rows_unmatched"] == ["articles/gone.txt"]
    rows = {}
    for article in ingest.articles:
        cleaned, rejected = prepare(article)
        assert cleaned is not None and rejected is None
        rows[article.source_name] = document_row(article, cleaned)
    a, b = rows["a.txt"], rows["b.txt"]
    assert (a["title"], a["published_date"], a["date_source"], a["url"]) == (
        "Talks resume",
        datetime.date(2024, 3, 4),
        "metadata",
        "https://example.org/a",
    )
    # an empty sidecar row leaves the text's values, and says so
    assert (b["title"], b["published_date"], b["date_source"], b["url"]) == (
        "Talks resume in Vienna",
        datetime.date(2024, 3, 3),
        "text",
        None,
    )
    assert a["language"] == b["language"] == "en"


def test_a_sidecar_inside_the_raw_folder_is_no_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("source_name,url\na.txt,https://example.org/a\n", encoding="utf-8")
    ingest = read_raw_folder(tmp_path, sidecar=read_sidecar(tmp_path / "metadata.csv", tmp_path))
    assert [a.source_name for a in ingest.articles] == ["a.txt"]
    assert [i.source_name for i in ingest.inputs] == ["a.txt"]


def test_the_cache_tells_sidecar_rows_apart(corpus: Path) -> None:
    """The same bytes with another sidecar date must not reuse the cached output: the
    date changes how relative dates resolve."""
    plain = read_raw_folder(corpus / "articles").articles[0]
    with_row = read_raw_folder(corpus / "articles", sidecar=find_sidecar(corpus / "articles", None)).articles[
        0
    ]
    assert plain.sha256 == with_row.sha256
    assert plain.cache_variant == "" and with_row.cache_variant != ""


@pytest.mark.parametrize(
    ("sidecar", "page", "text", "expected"),
    [
        (None, None, datetime.date(2020, 1, 1), (datetime.date(2020, 1, 1), "text")),
        (None, datetime.date(2021, 1, 1), datetime.date(2020, 1, 1), (datetime.date(2021, 1, 1), "text")),
        (datetime.date(2022, 1, 1), datetime.date(2021, 1, 1), None, (datetime.date(2022, 1, 1), "metadata")),
        (None, None, None, (None, None)),
    ],
)
def test_date_precedence(
    sidecar: datetime.date | None,
    page: datetime.date | None,
    text: datetime.date | None,
    expected: tuple[datetime.date | None, str | None],
) -> None:
    resolved = resolve_metadata(
        DocumentMetadata(published_date=text),
        DocumentMetadata(published_date=page),
        DocumentMetadata(published_date=sidecar),
    )
    assert (resolved.published_date, resolved.date_source) == expected


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("http://onlineathens.com/opinion/2017-10-19/brown-oxymoron", datetime.date(2017, 10, 19)),
        ("http://bipartisanreport.com/2017/10/12/trump-just-woke-up/", datetime.date(2017, 10, 12)),
        ("http://www.littlethings.com/granny-scam/", None),
        ("http://www.example.org/2017/13/45/not-a-date", None),
        ("http://www.example.org/items/20171012", None),  # no separators: could be an id
        (None, None),
    ],
)
def test_a_date_in_the_url_path(url: str | None, date: datetime.date | None) -> None:
    assert url_date(url) == date


def test_a_url_date_is_the_last_resort() -> None:
    url = "http://onlineathens.com/opinion/2017-10-19/brown-oxymoron"
    alone = resolve_metadata(DocumentMetadata(), None, DocumentMetadata(url=url))
    assert (alone.published_date, alone.date_source) == (datetime.date(2017, 10, 19), "metadata")
    text = resolve_metadata(
        DocumentMetadata(published_date=datetime.date(2017, 10, 18)), None, DocumentMetadata(url=url)
    )
    assert (text.published_date, text.date_source) == (datetime.date(2017, 10, 18), "text")
