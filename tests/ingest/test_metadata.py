"""Metadata read from an article's own lines: byline, dateline, outlet, headline, sources."""

from __future__ import annotations

import datetime

import pytest

from geodiscourse.dates.full_dates import dateline_date, find_full_dates
from geodiscourse.ingest.cleaning import clean_article
from geodiscourse.ingest.cleaning.metadata import is_title_like, note_publication_date
from geodiscourse.ingest.cleaning.sources import extract_source_list

BODY = (
    "Moscow has long seen itself as a great power whose interests must be respected by its "
    "neighbours and by the West, officials in the Kremlin said on Tuesday."
)


def article(*lines: str) -> str:
    return "\n\n".join([*lines, BODY])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("December 7, 2025", datetime.date(2025, 12, 7)),
        ("Dec. 7 2025", datetime.date(2025, 12, 7)),
        ("7th of December, 2025", datetime.date(2025, 12, 7)),
        ("07 Dec 2025", datetime.date(2025, 12, 7)),
        ("2025-12-07T10:30:00Z", datetime.date(2025, 12, 7)),
        ("on 3 May 2021 the talks", datetime.date(2021, 5, 3)),
        # negative: no year, impossible day, a year alone, numeric day/month order unknown
        ("December 8", None),
        ("31 February 2020", None),
        ("in 2008", None),
        ("07/12/2025", None),
    ],
)
def test_full_dates_need_day_month_and_year(text: str, expected: datetime.date | None) -> None:
    found = find_full_dates(text)
    assert (found[0].date if found else None) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sunday, December 7, 2025", (datetime.date(2025, 12, 7), False)),
        ("Published: 7 Dec 2025 10:32 GMT | 5 min read", (datetime.date(2025, 12, 7), False)),
        ("Tue 3 Jun 2025 14.05 BST", (datetime.date(2025, 6, 3), False)),
        ("Updated 8 December 2025", (datetime.date(2025, 12, 8), True)),
        ("Published 7 Dec 2025, updated 8 Dec 2025", (datetime.date(2025, 12, 7), False)),
        ("December 7, 2025 10:32 AM GMT Updated 2 hours ago", (datetime.date(2025, 12, 7), False)),
        # negative: a date inside a sentence, a month-day without a year
        ("The summit opened on December 7, 2025 in Geneva.", None),
        ("This piece was updated December 8", None),
        ("Sunday, December 7", None),
    ],
)
def test_dateline_is_a_date_and_nothing_else(line: str, expected: tuple[datetime.date, bool] | None) -> None:
    assert dateline_date(line) == expected


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("by Emma Walker – News Editor", "Emma Walker"),
        ("By JOHN SMITH, Associated Press", "John Smith"),
        ("Written by Ana de Souza | 7 Dec 2025", "Ana de Souza"),
        ("By John Smith and Ana de Souza", "John Smith and Ana de Souza"),
        ("Author: Li Wei", "Li Wei"),
        ("By W. J. Hennigan", "W. J. Hennigan"),
        ("Emma Walker in Kyiv", "Emma Walker"),
        # negative: prose that starts with "By", a single name, a long line
        ("By Tuesday Mr Blair had changed his mind about the election date.", None),
        ("By Christmas", None),
        ("By the end of 2004 Microsoft aims to launch search software for the desktop.", None),
        ("By Tony Blair, the prime minister who led Labour to three election wins in a row", None),
    ],
)
def test_byline_gives_the_person_without_role(line: str, author: str | None) -> None:
    cleaned = clean_article(article("A headline about Russia", line))
    assert cleaned.author == author
    if author is not None:
        assert line not in cleaned.clean_text
    elif len(line.split()) > 3:  # a sentence stays; "By Christmas" alone is a label
        assert line in cleaned.clean_text


def test_byline_date_is_a_publication_date() -> None:
    cleaned = clean_article(article("Headline", "Written by Ana de Souza | 7 Dec 2025"))
    assert cleaned.published_date == datetime.date(2025, 12, 7)


def test_located_byline_only_in_page_head() -> None:
    late = clean_article(article("Headline", BODY, "Emma Walker in Kyiv", BODY))
    assert late.author is None  # below the first sentence it is no byline (and, alone, a label)


@pytest.mark.parametrize(
    ("line", "date", "author"),
    [
        ("Posted on March 3, 2024 by admin", datetime.date(2024, 3, 3), None),
        ("Published 3 March 2024 by Emma Walker", datetime.date(2024, 3, 3), "Emma Walker"),
        # negative: a sentence with a date and "by"
        ("The treaty was signed on March 3, 2024 by both presidents.", None, None),
    ],
)
def test_dateline_followed_by_byline(line: str, date: datetime.date | None, author: str | None) -> None:
    cleaned = clean_article(article("Headline", line))
    assert (cleaned.published_date, cleaned.author) == (date, author)
    assert (line in cleaned.clean_text) == (date is None)


def test_published_date_prefers_publication_over_update() -> None:
    cleaned = clean_article(article("Headline", "Updated 9 December 2025", "Published 7 December 2025"))
    assert cleaned.published_date == datetime.date(2025, 12, 7)
    only_update = clean_article(article("Headline", "Last updated 9 December 2025"))
    assert only_update.published_date == datetime.date(2025, 12, 9)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Source : Foreign Affairs", "Foreign Affairs"),
        ("Source: The Economist", "The Economist"),
        ("This article was originally published by The Conversation.", "The Conversation"),
        ("Copyright © 2021 Foreign Affairs. All rights reserved.", "Foreign Affairs"),
        ("© 2025 The Guardian", "The Guardian"),
        ("Subscribe to Foreign Affairs to get unlimited access.", "Foreign Affairs"),
        ("Thanks for reading The Russia Brief! Subscribe for free.", "The Russia Brief"),
        # negative: prompts and credits that name no publication
        ("Subscribe to our newsletter", None),
        ("© 2025 All Rights Reserved", None),
        ("Source: Reuters, AP", None),
        ("Sources:", None),
    ],
)
def test_outlet_only_where_the_text_names_it(line: str, outlet: str | None) -> None:
    cleaned = clean_article(f"Headline\n\n{BODY}\n\n{line}")
    assert cleaned.outlet == outlet
    assert line not in cleaned.clean_text


def test_outlet_priority_source_line_over_subscription_prompt() -> None:
    text = article("Headline", "Subscribe to The Atlantic for full access.", BODY, "Source : Foreign Affairs")
    assert clean_article(text).outlet == "Foreign Affairs"


@pytest.mark.parametrize(
    ("first_paragraph", "outlet"),
    [
        (
            "BRUSSELS, Dec 7 (Reuters) - EU governments agreed new sanctions on Sunday, diplomats said.",
            "Reuters",
        ),
        ("LONDON (AP) — The prime minister said on Monday that the talks would continue.", "AP"),
        ("(Newser) – A judge ruled on Monday that the talks could continue in the capital.", "Newser"),
        ("Moscow (the capital) - is cold in winter, and the talks there were short as a result.", None),
        ("NATO — the alliance of 32 states — met on Monday and agreed to meet again in June.", None),
    ],
)
def test_wire_credit_names_the_agency(first_paragraph: str, outlet: str | None) -> None:
    cleaned = clean_article(f"Headline\n\n{first_paragraph}\n\n{BODY}")
    assert cleaned.outlet == outlet
    lede = cleaned.clean_text.split("\n\n")[0]
    if outlet is None:
        assert lede == first_paragraph
    else:  # the dateline is metadata; the lede's sentence stays whole
        assert first_paragraph.endswith(lede) and lede[0].isupper() and outlet not in lede


@pytest.mark.parametrize(
    "dateline",
    ["GREENVILLE, S.C. —", "ODESSA, TX (KWES) -", "WASHINGTON --"],
)
def test_a_dateline_alone_above_the_lede_goes(dateline: str) -> None:
    cleaned = clean_article(f"Headline\n\n{dateline}\n\n{BODY}")
    assert cleaned.clean_text == BODY


def test_no_metadata_is_invented_for_a_plain_article() -> None:
    cleaned = clean_article("EU China arms ban 'to be lifted'\n\n" + BODY)
    assert not (cleaned.author or cleaned.outlet or cleaned.published_date or cleaned.cited_urls)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("What Russia Really Wants", True),
        ("Could Yukos be a blessing in disguise?", True),
        ("Rivals of the £400 Apple...", True),
        ("Job cuts 'false economy' - TUC", True),
        ("iPod sales soar", True),
        ("Contributor: Russia wants what it cannot have", True),
        # negative: a sentence, a fragment, a list item, a URL, two lines, a long lede
        ("The government must act quickly.", False),
        ("continued from page one", False),
        ("- Upgrading security at nuclear arms stores", False),
        ("https://example.org/story", False),
        ("Headline\nSecond line", False),
        (BODY, False),
    ],
)
def test_title_like(paragraph: str, expected: bool) -> None:
    assert is_title_like(paragraph) is expected


@pytest.mark.parametrize(
    ("lines", "urls", "kept"),
    [
        (
            [
                "Body.",
                "",
                "Sources:",
                "",
                "[1] https://a.org/x/",
                "[2]  https://b.org/y",
                "",
                "You may also like",
            ],
            ["https://a.org/x/", "https://b.org/y"],
            ["Body.", "You may also like"],
        ),
        (
            [
                "Body.",
                "References",
                "1. Smith, J. (2020). Russia. https://c.org/z.",
                "2. Jones, K. Book without a link.",
            ],
            ["https://c.org/z"],
            ["Body."],
        ),
        (["Body.", "[3] https://d.org/(a_b)."], ["https://d.org/(a_b)"], ["Body."]),
        # negative: a header with no items is a word; a URL inside prose is not a source list
        (
            ["Sources", "Officials spoke on condition of anonymity."],
            [],
            ["Sources", "Officials spoke on condition of anonymity."],
        ),
        (["See https://e.org for the report."], [], ["See https://e.org for the report."]),
    ],
)
def test_source_list(lines: list[str], urls: list[str], kept: list[str]) -> None:
    out, found = extract_source_list(lines)
    assert found == urls
    assert [line for line in out if line] == kept


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("This essay was first published on 3 May 2021.", datetime.date(2021, 5, 3)),
        # negative: an update is not a publication; a month-day gives no date
        ("This piece was updated December 8, 2021 to reflect the call.", None),
        ("This piece was first published December 8 in print.", None),
    ],
)
def test_editor_note_dates(note: str, expected: datetime.date | None) -> None:
    assert note_publication_date(note) == expected


def test_editor_note_publication_date_reaches_the_document() -> None:
    text = article("Headline", BODY, "Editor's note:", "This essay was first published on 3 May 2021.")
    cleaned = clean_article(text)
    assert cleaned.published_date == datetime.date(2021, 5, 3)
    assert "first published" not in cleaned.clean_text
