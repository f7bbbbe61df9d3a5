"""From an article's raw text to its clean body and the metadata its text states.

clean_text keeps the article's own prose, once, as paragraphs separated by exactly one
blank line; every later table's character offsets index it. The steps run in an order
that lets each see what it needs: the source list and the outlet are read before the
page tail is cut (a copyright line sits in the tail), metadata lines before furniture,
and the headline only once navigation above it is gone.

Cleaning is idempotent in this sense: cleaning the headline followed by the clean text
(``rebuilt``) gives back the same headline and clean text, and no further metadata.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from geodiscourse.ingest.cleaning.boilerplate import cut_tail, drop_body_prompts, drop_furniture, editor_notes
from geodiscourse.ingest.cleaning.metadata import (
    note_publication_date,
    strip_wire_dateline,
    take_dateline_and_byline,
    take_outlet,
    take_title,
)
from geodiscourse.ingest.cleaning.normalize import build_paragraphs, normalize_lines
from geodiscourse.ingest.cleaning.prose import keep_prose
from geodiscourse.ingest.cleaning.pullquotes import drop_repeats
from geodiscourse.ingest.cleaning.sources import drop_dangling_headers, extract_source_list

__all__ = ["CleanedArticle", "clean_article", "rebuilt"]

log = logging.getLogger(__name__)

#: Cleaning passes at most (see clean_article); real articles need one, plus the check.
MAX_PASSES = 4


@dataclass(frozen=True)
class CleanedArticle:
    title: str | None
    author: str | None
    outlet: str | None
    published_date: datetime.date | None
    clean_text: str
    cited_urls: tuple[str, ...]


def _blank_editor_notes(lines: list[str]) -> tuple[datetime.date | None, list[str]]:
    out = list(lines)
    published: datetime.date | None = None
    for start, end in editor_notes(out):
        published = published or note_publication_date(" ".join(out[start:end]))
        out[start:end] = [""] * (end - start)
    return published, out


def _clean_once(text: str) -> CleanedArticle:
    lines = normalize_lines(text)
    lines, cited_urls = extract_source_list(lines)
    outlet, lines = take_outlet(lines)
    lines = cut_tail(lines)
    note_date, lines = _blank_editor_notes(lines)
    head, lines = take_dateline_and_byline(lines)
    lines = drop_furniture(lines)
    title, paragraphs = take_title(build_paragraphs(lines), outlet)
    paragraphs = drop_body_prompts(strip_wire_dateline(paragraphs))
    paragraphs = keep_prose(drop_dangling_headers(drop_repeats(paragraphs, title)))
    return CleanedArticle(
        title=title,
        author=head.author,
        outlet=outlet,
        published_date=head.published_date or note_date,
        clean_text="\n\n".join(paragraphs),
        cited_urls=tuple(cited_urls),
    )


def rebuilt(cleaned: CleanedArticle) -> str:
    """The article as its headline followed by its clean text."""
    return f"{cleaned.title}\n\n{cleaned.clean_text}" if cleaned.title else cleaned.clean_text


def clean_article(text: str) -> CleanedArticle:
    """The article's headline, byline, outlet, publication date, source URLs and body.

    Removing one piece of furniture can expose another (a category strip that stood
    between a source-list header and its items, a pull quote that led the text), so
    cleaning repeats on its own output until nothing changes: idempotent by
    construction. Real articles settle after the first pass (the second only checks).
    """
    result = _clean_once(text)
    for _ in range(MAX_PASSES - 1):
        again = _clean_once(rebuilt(result))
        if (again.title, again.clean_text) == (result.title, result.clean_text):
            return result
        result = CleanedArticle(
            title=again.title,
            author=result.author or again.author,
            outlet=result.outlet or again.outlet,
            published_date=result.published_date or again.published_date,
            clean_text=again.clean_text,
            cited_urls=result.cited_urls + again.cited_urls,
        )
    log.debug("cleaning did not settle in %d passes", MAX_PASSES)
    return result
