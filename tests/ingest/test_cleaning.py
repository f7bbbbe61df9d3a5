"""Cleaning: the article's own prose, once, without page furniture.

What is kept and what is dropped, on the seed articles, BBC articles and lines of page
furniture, pull quotes and repeats. The text layers underneath (layout, HTML, rule
files) and the properties of cleaning any input are in test_cleaning_layers.py.
"""

from __future__ import annotations

import re

import pytest

from geodiscourse.ingest.cleaning import clean_article
from tests.ingest.cleaning_samples import BODY_PARAGRAPH, PROSE_1, PROSE_2, assert_well_formed, seed

# BBC News excerpts (MIT licence, bbc-news-2095 corpus), cut to a few paragraphs.
BBC_NUCLEAR = (
    "Nuclear strike 'key terror risk'\n\n"
    "The UK and US must realise they cannot prevent all terror attacks and should focus on making "
    "sure they are not nuclear strikes, says a top academic.\n\n"
    'He suggests so-called rogue states such as Iran and North Korea are less of a problem than "failed '
    'and failing states", which are more likely to be a source of nuclear materials.\n\n\n'
    " - Upgrading security at nuclear arms stores as a temporary measure \n"
    " - Creating a new Global Safety Authority to tackle nuclear terrorism \n"
    ' - Compelling "failing and rogue states", and eventually all states, to destroy their nuclear bombs.\n'
)
BBC_DETENTION = (
    "Act on detention ruling, UK urged\n\n"
    "The government must act quickly on the Law Lords' ruling that detention of foreign terror suspects "
    "without trial is unlawful, Mary Robinson has said.\n\n"
    "The former UN commissioner for human rights and Irish president told Radio 4's Today the "
    "government's response would be scrutinised internationally.\n"
)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).lower()


# --- the seed articles ---------------------------------------------------------------


def test_seed_000_foreign_affairs_reprint() -> None:
    cleaned = seed("000")
    assert cleaned.title == "What Russia Really Wants"
    assert (cleaned.outlet, cleaned.author, cleaned.published_date) == ("Foreign Affairs", None, None)
    text = cleaned.clean_text
    assert text.startswith("As the war in Ukraine rages")
    assert text.endswith("the United States should not find that to be an impossible task.")
    for furniture in ("Home »", "Featured Featured", "Source : Foreign Affairs", "What Russia Really Wants"):
        assert furniture not in text
    # the pull quote goes, the body sentence it repeats stays
    assert norm(text).count("it cannot rely on inchoate multilateral groupings") == 1
    assert "inchoate multilateral groupings that have little chance" in text
    assert "\u00a0" not in text
    assert_well_formed(text)


def test_seed_002_opinion_blog() -> None:
    cleaned = seed("002")
    assert cleaned.title == "Contributor: Russia wants what it cannot have"
    assert cleaned.author == "Emma Walker"
    assert str(cleaned.published_date) == "2025-12-07"
    assert cleaned.outlet is None
    assert len(cleaned.cited_urls) == 5
    assert cleaned.cited_urls[0].startswith("https://cepa.org/comprehensive-reports/partnership-short")
    assert (
        cleaned.cited_urls[1]
        == "https://www.asiapacific.ca/publication/crossroads-indias-relations-us-china-and-russia"
    )
    text = cleaned.clean_text
    assert text.startswith("The Persistence of Maximalist Goals in Russia’s Foreign Policy\n\n")
    for furniture in ("Sunday", "Contributor", "Emma Walker", "Sources:", "[1]", "https://", "You may also like",
                      "Leave a Comment", "Akismet"):  # fmt: skip
        assert furniture not in text
    assert text.endswith("over unconditional support for Russian objectives.")
    assert_well_formed(text)


def test_seed_004_foreign_affairs_paywalled() -> None:
    cleaned = seed("004")
    assert cleaned.title is None  # the text starts with the body, it has no headline
    assert cleaned.outlet == "Foreign Affairs"  # named by "Subscribe to Foreign Affairs"
    assert cleaned.published_date is None  # "updated December 8" has no year
    assert cleaned.author is None
    text = cleaned.clean_text
    assert text.startswith("In 2008, at a contentious NATO summit in Bucharest")
    assert text.endswith("a new, dangerous period of confrontation.")
    for furniture in ("Editor's Note", "updated December 8", "free article", "Subscribe", "Paywall", "•"):
        assert furniture not in text
    for repeated in (
        "this is an opportune time for russia to raise the stakes in ukraine",
        "previous u.s. administrations have telegraphed their ukraine policy",
        "u.s.-russian relations have always been a mix of cooperation and confrontation",
    ):
        assert norm(text).count(repeated) == 1, repeated
    assert "To be sure, this is an opportune time" in text
    assert_well_formed(text)


# --- BBC articles: headline first, nothing else to remove -----------------------------


@pytest.mark.parametrize(
    ("raw", "title", "first_words"),
    [
        (BBC_NUCLEAR, "Nuclear strike 'key terror risk'", "The UK and US must realise"),
        (BBC_DETENTION, "Act on detention ruling, UK urged", "The government must act quickly"),
    ],
)
def test_bbc_headline_is_the_first_line(raw: str, title: str, first_words: str) -> None:
    cleaned = clean_article(raw)
    assert cleaned.title == title
    assert cleaned.clean_text.startswith(first_words)
    assert title not in cleaned.clean_text
    assert not (cleaned.author or cleaned.outlet or cleaned.published_date or cleaned.cited_urls)


def test_bbc_bullet_list_is_body_text() -> None:
    text = clean_article(BBC_NUCLEAR).clean_text
    assert text.split("\n\n")[-1] == (
        "- Upgrading security at nuclear arms stores as a temporary measure\n"
        "- Creating a new Global Safety Authority to tackle nuclear terrorism\n"
        '- Compelling "failing and rogue states", and eventually all states, to destroy their nuclear bombs.'
    )
    assert_well_formed(text)


# --- page furniture --------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT - SCROLL TO CONTINUE WITH CONTENT",
        "Share this article",
        "Facebook Twitter LinkedIn Email",
        "Follow us on Twitter",
        "Image caption, Protesters gathered outside parliament",
        "Photo: AP",
        "AFP via Getty Images",
        "Read more: Russia and Ukraine trade blame over stalled talks",
        "Sign up for our daily newsletter",
        "Copyright © 2024 Example Media Ltd",
        "All rights reserved.",
        "Tags: Russia, Ukraine, NATO",
        "Skip to main content",
        "Home > World > Europe",
        "Story continues below advertisement",
        "5 min read",
        "Reporting by John Smith; Editing by Mark Jones",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Your email address will not be published. Required fields are marked *",
        "Click to share on Twitter (Opens in new window)",
        "Like Loading...",
        "Posted in Europe, Security | Tagged NATO, Russia | 2 Comments",
        "12 Likes",
        "Thanks for reading The Russia Brief! Subscribe for free to receive new posts.",
        "Associated Press writer Anna Kovalenko in Kyiv contributed to this report.",
        "Chris Cioffi and The Associated Press contributed.",
        "Follow AP's coverage of the war at https://apnews.com/hub/russia-ukraine",
        "___",
        "* * *",
    ],
)
def test_furniture_line_is_dropped(line: str) -> None:
    cleaned = clean_article(f"Headline\n\n{PROSE_1}\n\n{line}\n\n{PROSE_2}")
    assert cleaned.clean_text == f"{PROSE_1}\n\n{PROSE_2}"


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell 3% in early trading, the biggest drop since March.",
        "Advertising revenue at the broadcaster rose by a fifth last year.",
        "Copyright law is changing.",
        "Sources within the party told the BBC Mr Howard had always been in favour of ID cards.",
        "Following the chancellor's keynote speech, the prime minister will face questions.",
        "Subscribers to the service will be able to make free evening calls.",
        "Listen again to the interview on the Radio Five Live website.",
        "Image quality has improved a great deal, the company claims.",
        "Read the full statement on the ministry's website, officials urged.",
        "Posted in Kabul since 2020, the general has seen the war change twice.",
        "12 people were hurt.",
        "See the report at www.dec.org.uk for the full list of donors and their pledges.",
        "Falling prices and a weak pound contributed.",
        "Many factors contributed.",
    ],
)
def test_prose_that_looks_like_furniture_stays(line: str) -> None:
    cleaned = clean_article(f"Headline\n\n{PROSE_1}\n\n{line}\n\n{PROSE_2}")
    assert cleaned.clean_text == f"{PROSE_1}\n\n{line}\n\n{PROSE_2}"


@pytest.mark.parametrize(
    "marker", ["You may also like", "Leave a Reply", "Related articles", "More on this story", "Comments"]
)
def test_page_tail_is_dropped_to_the_end(marker: str) -> None:
    tail = "Putin's next move\n\nWhy the Baltic states worry\n\nJohn: Great piece, thanks for writing it up so clearly."
    cleaned = clean_article(f"Headline\n\n{PROSE_1}\n\n{marker}\n\n{tail}")
    assert cleaned.clean_text == PROSE_1


def test_tail_marker_before_the_prose_does_not_cut_the_article() -> None:
    cleaned = clean_article(f"Comments\n\nHeadline here\n\n{PROSE_1}\n\n{PROSE_2}")
    assert cleaned.clean_text.endswith(PROSE_2)


def test_paywall_block_with_perks_list_is_dropped() -> None:
    raw = (
        f"{PROSE_1}\n\nYou are reading a free article.\n\nSubscribe to The Monthly Review to get unlimited access.\n\n"
        "  • Paywall-free reading of new articles\n  • Six issues a year in print\nSubscribe Now\n\n"
        f"{PROSE_2}"
    )
    cleaned = clean_article(raw)
    assert cleaned.clean_text == f"{PROSE_1}\n\n{PROSE_2}"
    assert cleaned.outlet == "The Monthly Review"


def test_bullet_list_not_after_a_paywall_stays() -> None:
    raw = f"{PROSE_1}\n\n• Sanctions on banks\n• A price cap on oil\n\n{PROSE_2}"
    assert "• Sanctions on banks\n• A price cap on oil" in clean_article(raw).clean_text


@pytest.mark.parametrize(
    ("strip", "is_strip"),
    [
        ("Featured Featured Global News Global News News Russia Technology", True),
        ("News | Politics | Europe", True),
        ("World", True),
        ("Opinion Analysis", True),
        # negative: headlines in title case
        ("What Russia Really Wants", False),
        ("Middle East Peace Talks Resume", False),
        ("Global Markets Fall as Oil Prices Rise", False),
    ],
)
def test_category_strip_in_page_head(strip: str, is_strip: bool) -> None:
    cleaned = clean_article(f"{strip}\n\nThe Real Headline\n\n{PROSE_1}")
    if is_strip:
        assert cleaned.title == "The Real Headline"
    else:
        assert cleaned.title == strip
        # a second short title-case line above the first sentence is a page label
        assert cleaned.clean_text.startswith(PROSE_1)


def test_page_head_counters_and_menus_are_dropped() -> None:
    raw = f"Menu\nHome\nAbout\nContact\n\nThe Real Headline\n12\n4\nShare\n\n{PROSE_1}\n\n12\n\n{PROSE_2}"
    cleaned = clean_article(raw)
    assert cleaned.title == "The Real Headline"
    # a number standing alone between sentences is a counter or a caption too
    assert cleaned.clean_text == f"{PROSE_1}\n\n{PROSE_2}"


def test_masthead_naming_the_outlet_is_no_headline() -> None:
    raw = (
        f"The Russia Brief\n\nWhy sanctions are failing\n\n{PROSE_1}\n\nThanks for reading The Russia Brief!"
    )
    cleaned = clean_article(raw)
    assert (cleaned.outlet, cleaned.title) == ("The Russia Brief", "Why sanctions are failing")
    assert cleaned.clean_text == PROSE_1


def test_editor_note_label_takes_the_next_paragraph() -> None:
    raw = (
        f"{PROSE_1}\n\nEditor's Note:\n\nThis piece was updated December 8 to reflect the call.\n\n{PROSE_2}"
    )
    assert clean_article(raw).clean_text == f"{PROSE_1}\n\n{PROSE_2}"


# --- pull quotes and repeats -----------------------------------------------------------


@pytest.mark.parametrize(
    ("candidate", "dropped"),
    [
        ("This is an opportune time for Russia to raise the stakes in Ukraine.", True),  # inside a sentence
        ("The buildup is leading to alarm. To be sure, this is", True),  # a beginning
        ("“This is an opportune time for Russia to raise the stakes”", True),  # typography differs
        ("THE BUILDUP IS LEADING TO ALARM.", False),  # 5 words: too short to be sure
        ("This is an opportune time for China to raise the stakes in Taiwan.", False),  # other words
        ("Washington's focus has shifted to China and Europe.", False),  # longer than the body's
        ("This is an opportune time.\nFor Russia to raise the stakes in Ukraine.", False),  # not one line
        # one line, hard-wrapped
        ("This is an opportune time\nfor Russia to raise the stakes in Ukraine.", True),
    ],
)
def test_pull_quote(candidate: str, dropped: bool) -> None:
    cleaned = clean_article(f"Headline\n\n{BODY_PARAGRAPH}\n\n{candidate}\n\n{PROSE_1}")
    kept = [BODY_PARAGRAPH, PROSE_1] if dropped else [BODY_PARAGRAPH, candidate, PROSE_1]
    assert cleaned.clean_text.split("\n\n") == kept


def test_pull_quote_before_the_body_sentence() -> None:
    quote = "U.S.-Russian relations have always been a mix of cooperation and confrontation."
    raw = f"{PROSE_1}\n\n{quote}\n\n{PROSE_2}\n\n{quote} Washington can push back while negotiating."
    text = clean_article(raw).clean_text
    assert norm(text).count(norm(quote)) == 1
    assert text.endswith(f"{quote} Washington can push back while negotiating.")


def test_repeated_list_entries_are_data_not_pull_quotes() -> None:
    raw = (
        "Squad named\n\nD Garland (Channel Islands AC).\n\nK Holmes (Ealing, Southall and Middlesex AC).\n\n"
        "D Cossins (Birchfield Harriers), D Garland (Channel Islands AC), R Preddy (Gloucester AC).\n\n"
        "Winners meet in final match\n\nWinners meet in final match\n\nThe squad meets on Monday."
    )
    assert clean_article(raw).clean_text == raw.split("\n\n", 1)[1]


def test_labels_after_the_last_sentence_are_the_page_tail() -> None:
    """Related links and widgets below the article go, even in a run that looks like a
    table: after the last sentence only prose and numbered lists stay."""
    raw = (
        f"Headline\n\n{PROSE_1}\n\n{PROSE_2}\n\nTop Content in the Last 2 Days\n\n"
        "Where to Eat and Drink in Houston\n\nWhy Left-Handed People Exist"
    )
    assert clean_article(raw).clean_text == f"{PROSE_1}\n\n{PROSE_2}"


def test_repeated_paragraph_and_headline_are_dropped() -> None:
    raw = f"The Headline\n\n{PROSE_1}\n\nThe Headline\n\n{PROSE_2}\n\n{PROSE_1}"
    assert clean_article(raw).clean_text == f"{PROSE_1}\n\n{PROSE_2}"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("He also signed a communiqu&#233; in Brussels.", "He also signed a communiqué in Brussels."),
        ("Shares in AT&amp;T rose.", "Shares in AT&T rose."),
        ("An &eacute;lite unit &#x2014; the guard &#8212; moved.", "An élite unit — the guard — moved."),
        ("Profits & losses; R&D rose.", "Profits & losses; R&D rose."),  # no reference: unchanged
    ],
)
def test_character_references_in_plain_text_are_decoded(body: str, expected: str) -> None:
    assert clean_article(f"Headline\n\n{body}").clean_text == expected


@pytest.mark.parametrize(
    "furniture",
    [
        "Trump arrives at the White House on Sunday. (AP Photo/Andrew Harnik)",
        "People pass flags lowered at half-mast in Nice. (VALERY HACHE/AFP/Getty Images)",
        "Featured image screengrab via YouTube",
        "Image by YouTube",
        "Victor / Flickr",
        "Courtesy of Freedom Outpost",
        "View 3 more images",
        "Reprinted with the author's permission.",
        "This article was used with permission from LifeZette.",
        "Permission Details DMCA",
        "Today's top news by email",
        "The views expressed in this opinion article are solely those of their author.",
        "protected by reCAPTCHA",
        "Privacy - Terms",
        "Loaded: 0%Progress: 0% MuteVolume 0%",
        "This is a modal window.",
        "Sponsored: Did you see this news?",
        "For your eyes only (personal matter) [sponsored]",
        "Send us your letters to the editor at letters@example.com.",
        "Image copyright 2014 Getty Images. All rights reserved.",
        "2017 Cable News Network, Inc., a Time Warner Company",
        "Home - World - Politics - Opinion - Sport",
    ],
)
def test_web_furniture_lines_go(furniture: str) -> None:
    cleaned = clean_article(f"Headline\n\n{PROSE_1}\n\n{furniture}\n\n{PROSE_2}")
    assert cleaned.clean_text == f"{PROSE_1}\n\n{PROSE_2}"


@pytest.mark.parametrize(
    "prose",
    [
        "Take a look here —",
        "Why is that?",
        "Liberals didn't make a peep at the time!",
        "The photo was taken by a reporter in Kyiv on Monday, officials said.",
        "She said the letters to the editor had been unkind to her for years.",
        "GO TRUMP GO! GOD BLESS AMERICA!",
    ],
)
def test_prose_lines_stay(prose: str) -> None:
    cleaned = clean_article(f"Headline\n\n{PROSE_1}\n\n{prose}\n\n{PROSE_2}")
    assert cleaned.clean_text == f"{PROSE_1}\n\n{prose}\n\n{PROSE_2}"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Article originally published in LaborPress", "LaborPress"),
        (
            "This story first appeared in the Nov. 4 issue of The Hollywood Reporter magazine.",
            "The Hollywood Reporter",
        ),
        ("This article was used with permission from LifeZette.", "LifeZette"),
        ("View the original article at www.prisonplanet.com", "prisonplanet.com"),
        (
            "The-CNN-Wire ™ & © 2017 Cable News Network, Inc., a Time Warner Company. All rights reserved.",
            "Cable News Network",
        ),
    ],
)
def test_reprint_and_copyright_lines_name_the_outlet(line: str, outlet: str) -> None:
    cleaned = clean_article(f"Headline\n\n{PROSE_1}\n\n{PROSE_2}\n\n{line}")
    assert cleaned.outlet == outlet
    assert cleaned.clean_text == f"{PROSE_1}\n\n{PROSE_2}"


def test_a_body_printed_twice_is_kept_once_short_paragraphs_too() -> None:
    body = f"{PROSE_1}\n\nWhy is that?\n\n{PROSE_2}"
    cleaned = clean_article(f"Headline\n\n{body}\n\n{body}")
    assert cleaned.clean_text == body


def test_a_short_paragraph_said_twice_apart_stays_twice() -> None:
    """Outside a repeated block a short repeat is the author's ("No." ... "No.")."""
    raw = f"Headline\n\n{PROSE_1}\n\nNo.\n\n{PROSE_2}\n\nNo."
    assert clean_article(raw).clean_text.count("No.") == 2
