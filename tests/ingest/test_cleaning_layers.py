"""Cleaning's layers and properties: line layout, HTML to text, the rule files, and
what holds for any input (no crash, well-formed output, idempotence).

The article-level keep-or-drop rules are in test_cleaning.py.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geodiscourse.ingest.cleaning import clean_article, rebuilt
from geodiscourse.ingest.cleaning.html import extract_html, looks_like_html
from geodiscourse.ingest.cleaning.normalize import build_paragraphs, normalize_lines
from geodiscourse.ingest.cleaning.rules import _compile_all, boilerplate_rules, metadata_rules
from tests.ingest.cleaning_samples import BODY_PARAGRAPH, PROSE_1, PROSE_2, assert_well_formed, seed

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


def test_html_page_main_text_and_metadata() -> None:
    page = extract_html(PAGE)
    assert page.text.split("\n\n")[:5] == [
        "Why NATO still matters",
        "By Li Wei | March 3, 2024",
        "The alliance has outlived the Cold War that created it. Its members spend more on defence than at "
        "any time since 1990.",
        "Its members spend more on defence than at any time since 1990.",
        "Critics say it provokes Moscow;\nsupporters say Russia’s war proved them right & more.",
    ]
    assert "Troops on parade" not in page.text and "Related posts" not in page.text
    assert (page.title, str(page.published_date)) == ("Why NATO still matters", "2024-03-03")


def test_html_page_cleans_like_a_text_article() -> None:
    cleaned = clean_article(extract_html(PAGE).text)
    assert (cleaned.title, cleaned.author) == ("Why NATO still matters", "Li Wei")
    assert str(cleaned.published_date) == "2024-03-03"
    assert cleaned.clean_text.count("spend more on defence") == 1  # the blockquote was a pull quote
    assert cleaned.clean_text.endswith("proved them right & more.")  # a hidden tracking line is no prose


def test_html_title_tag_is_the_headline_when_the_page_has_no_h1() -> None:
    page = extract_html("<html><head><title>Talks resume in Geneva</title></head><body><p>Diplomats met again "
                        "on Monday.</p><p>They will meet again in June.</p></body></html>")  # fmt: skip
    assert page.title == "Talks resume in Geneva"
    assert clean_article(page.text).title == "Talks resume in Geneva"


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
def test_html_extraction_never_crashes(markup: str) -> None:
    assert isinstance(extract_html(markup).text, str)


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
