"""Cleaning: the article's own prose, once, without page furniture."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geodiscourse.ingest.cleaning import CleanedArticle, clean_article, rebuilt
from geodiscourse.ingest.cleaning.html import html_to_text, looks_like_html
from geodiscourse.ingest.cleaning.normalize import build_paragraphs, normalize_lines
from geodiscourse.ingest.cleaning.rules import _compile_all, boilerplate_rules, metadata_rules
from tests.paths import SEEDS

RAW = SEEDS

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
PROSE_1 = (
    "Moscow has long seen itself as a great power whose interests must be respected by its "
    "neighbours and by the West, officials in the Kremlin said on Tuesday."
)
PROSE_2 = (
    "The European Union agreed on Monday to extend its sanctions for another six months, "
    "diplomats said, despite objections from Hungary and Slovakia."
)


def seed(name_prefix: str) -> CleanedArticle:
    (path,) = RAW.glob(f"{name_prefix}_*.txt")
    return clean_article(path.read_text(encoding="utf-8"))


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).lower()


def assert_well_formed(clean_text: str) -> None:
    assert clean_text == clean_text.strip()
    assert "\n\n\n" not in clean_text
    for line in clean_text.split("\n"):
        assert line == line.strip()
    for paragraph in clean_text.split("\n\n"):
        assert paragraph.strip()


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
        assert cleaned.clean_text.startswith("The Real Headline")


def test_page_head_counters_and_menus_are_dropped() -> None:
    raw = f"Menu\nHome\nAbout\nContact\n\nThe Real Headline\n12\n4\nShare\n\n{PROSE_1}\n\n12\n\n{PROSE_2}"
    cleaned = clean_article(raw)
    assert cleaned.title == "The Real Headline"
    assert cleaned.clean_text == f"{PROSE_1}\n\n12\n\n{PROSE_2}"  # a number in the body stays


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

BODY_PARAGRAPH = (
    "The buildup is leading to alarm. To be sure, this is an opportune time for Russia to raise the "
    "stakes in Ukraine. Washington's focus has shifted to China."
)


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
        "Winners meet in final match\n\nWinners meet in final match"
    )
    assert clean_article(raw).clean_text == raw.split("\n\n", 1)[1]


def test_repeated_paragraph_and_headline_are_dropped() -> None:
    raw = f"The Headline\n\n{PROSE_1}\n\nThe Headline\n\n{PROSE_2}\n\n{PROSE_1}"
    assert clean_article(raw).clean_text == f"{PROSE_1}\n\n{PROSE_2}"


# --- layout ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "paragraphs"),
    [
        ("A\r\nB\r\n\r\n\r\nC", ["A\nB", "C"]),
        ("  spaced \u00a0 out\t\n\n\n\nnext  ", ["spaced out", "next"]),
        (
            "a hard-wrapped line that stops\nmid sentence and goes on",
            ["a hard-wrapped line that stops mid sentence and goes on"],
        ),
        (
            "A full sentence.\nnot joined after a full stop",
            ["A full sentence.\nnot joined after a full stop"],
        ),
        ("- first item\n- second item", ["- first item\n- second item"]),
        ("zero\u200bwidth\ufeff and soft\u00adhyphen", ["zerowidth and softhyphen"]),
        ("Line\u2028Separator\u2029Paragraph", ["Line\nSeparator\nParagraph"]),
    ],
)
def test_layout_normalisation(raw: str, paragraphs: list[str]) -> None:
    assert build_paragraphs(normalize_lines(raw)) == paragraphs


# --- HTML ------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>Why NATO matters | Blog</title><script>var x = "<p>no</p>";</script>
<style>p { color: red }</style></head><body><header><a href="/">The Policy Blog</a><nav><ul><li>Home</li>
<li>World</li></ul></nav></header><article><h1>Why NATO still matters</h1><p>By <a href="/a">Li Wei</a> | March 3, 2024</p>
<p>The alliance has outlived the Cold War that created it. Its members spend more on defence than at any
time since 1990.</p><figure><img src="x.jpg"><figcaption>Troops on parade</figcaption></figure>
<blockquote>Its members spend more on defence than at any time since 1990.</blockquote>
<p>Critics say it provokes Moscow;<br>supporters say Russia&#8217;s war proved them right &amp; more.</p>
<div hidden>tracking</div></article><aside>Related posts</aside><footer>&copy; 2024 The Policy Blog</footer></body></html>"""


def test_html_page_to_text() -> None:
    text = html_to_text(PAGE)
    assert text.split("\n\n") == [
        "Why NATO still matters",
        "By Li Wei | March 3, 2024",
        "The alliance has outlived the Cold War that created it. Its members spend more on defence than at "
        "any time since 1990.",
        "Its members spend more on defence than at any time since 1990.",
        "Critics say it provokes Moscow;\nsupporters say Russia’s war proved them right & more.",
    ]


def test_html_page_cleans_like_a_text_article() -> None:
    cleaned = clean_article(html_to_text(PAGE))
    assert (cleaned.title, cleaned.author) == ("Why NATO still matters", "Li Wei")
    assert str(cleaned.published_date) == "2024-03-03"
    assert cleaned.clean_text.count("spend more on defence") == 1  # the blockquote was a pull quote


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        (PAGE, True),
        ("<p>First paragraph.</p>\n<p>Second paragraph.</p>", True),
        ("<body>Only a body</body>", True),
        ("A plain article that mentions the <p> tag once.", False),
        ("Tom said 2 < 3 and 5 > 4, which is true.", False),
    ],
)
def test_looks_like_html(text: str, is_html: bool) -> None:
    assert looks_like_html(text) is is_html


@given(st.text(max_size=2000))
@settings(max_examples=200, deadline=None)
def test_html_to_text_never_crashes(markup: str) -> None:
    assert isinstance(html_to_text(markup), str)


# --- properties ------------------------------------------------------------------------

# Lines an article page is made of, for generating plausible pages.
PAGE_LINES = [
    "Home » What Russia Really Wants",
    "Featured Featured Global News Global News News Russia Technology",
    "What Russia Really Wants",
    "Sunday, December 7, 2025",
    "by Emma Walker – News Editor",
    "Source : Foreign Affairs",
    "Sources:",
    "[1] https://cepa.org/report/",
    "You may also like",
    "Leave a Comment",
    "Advertisement",
    "Editor's Note:",
    "You are reading a free article.",
    "  • Paywall-free reading of new articles",
    "This is an opportune time for Russia to raise the stakes in Ukraine.",
    BODY_PARAGRAPH,
    PROSE_1,
    PROSE_2,
    "- a list item",
    "continued in lower case",
    "",
    "",
]
pages = st.lists(st.sampled_from(PAGE_LINES) | st.text(max_size=80), max_size=30).map("\n".join)


@given(st.text(max_size=3000))
@settings(max_examples=300, deadline=None)
def test_any_unicode_cleans_without_crashing(text: str) -> None:
    cleaned = clean_article(text)
    if cleaned.clean_text:
        assert_well_formed(cleaned.clean_text)
    if cleaned.title is not None:
        assert cleaned.title == cleaned.title.strip() and cleaned.title


@given(pages)
@settings(max_examples=300, deadline=None)
def test_cleaning_is_idempotent(page: str) -> None:
    first = clean_article(page)
    again = clean_article(rebuilt(first))
    assert again.clean_text == first.clean_text
    assert again.title == first.title
    assert (again.author, again.published_date, again.cited_urls) == (None, None, ())


@given(st.text(max_size=2000))
@settings(max_examples=200, deadline=None)
def test_cleaning_arbitrary_text_is_idempotent(text: str) -> None:
    first = clean_article(text)
    assert clean_article(rebuilt(first)).clean_text == first.clean_text


def test_clean_text_without_headline_cleans_to_itself() -> None:
    for prefix in ("000", "002", "004"):
        cleaned = seed(prefix)
        assert clean_article(cleaned.clean_text).clean_text in (
            cleaned.clean_text,
            cleaned.clean_text.split("\n\n", 1)[1],  # a leading heading then reads as a headline
        )
        assert clean_article(rebuilt(cleaned)).clean_text == cleaned.clean_text


# --- rule files ------------------------------------------------------------------------


def test_rule_files_load_and_bad_patterns_are_named() -> None:
    assert boilerplate_rules().drop_line.fullmatch("Advertisement")
    assert metadata_rules().byline.fullmatch("By Emma Walker")
    with pytest.raises(ValueError, match=r"boilerplate\.yaml drop_line\[3\].*fix it"):
        _compile_all({"drop_line": ["a", "b", "c", "(unclosed"]}, "drop_line", "ingest/boilerplate.yaml", 0)


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
