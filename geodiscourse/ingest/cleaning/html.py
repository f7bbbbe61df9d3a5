"""HTML input: detect a saved web page and read it with trafilatura.

Main-text extraction from real pages (menus, sidebars, comment threads, share widgets,
cookie banners, scripts) is a solved problem in a well-kept library: trafilatura
(Apache-2.0) scores best among open extractors in published comparisons, and reads the
page's own metadata as well: headline, author, site name, and the publication date
through htmldate. Its text then goes through the same cleaner as a plain-text article,
which removes what extraction kept (captions, credits, newsletter lines).

A fragment too small for trafilatura's main-content heuristics (a few <p> elements)
falls back to its plain html2txt, so no visible text is lost.
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass
from typing import Any

# Enough to recognise a page or a fragment, not a plain-text article that mentions
# a tag once: a document-level tag, or at least two closed block elements.
_DOCUMENT_TAG = re.compile(r"<!doctype\s+html|<(?:html|head|body)[\s>]", re.IGNORECASE)
_CLOSED_BLOCK = re.compile(r"</(?:p|div|article|section|h[1-6]|li|td|blockquote)\s*>", re.IGNORECASE)
_SNIFF_CHARS = 200_000
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"[^\S\n]+")


@dataclass(frozen=True)
class HtmlArticle:
    """A page's main text (paragraphs separated by blank lines) and its own metadata."""

    text: str
    title: str | None
    author: str | None
    published_date: datetime.date | None
    site_name: str | None


def looks_like_html(text: str) -> bool:
    head = text[:_SNIFF_CHARS]
    return _DOCUMENT_TAG.search(head) is not None or len(_CLOSED_BLOCK.findall(head)) >= 2


#: Elements of trafilatura's output tree that start a new line inside a paragraph.
_LINE_ELEMENTS = frozenset({"item", "row", "cell"})
#: Marks a paragraph break while the tree's text is joined (no such character in text).
_BLOCK = "\u2029"


def _paragraphs(text: str | None) -> list[str]:
    lines = (_SPACES.sub(" ", line).strip() for line in (text or "").split("\n"))
    return [line for line in lines if line]


def _element_paragraphs(element: Any) -> list[str]:
    """One block of the extracted tree (a paragraph, heading, quotation, list or table)
    as paragraphs: <lb/> and list items become lines inside a paragraph, while a
    newline in the tree's text separates paragraphs (trafilatura's fallback extractor
    joins the blocks of a small page that way)."""
    for node in element.iter():
        node.text = node.text.replace("\n", _BLOCK) if node.text else node.text
        node.tail = node.tail.replace("\n", _BLOCK) if node.tail and node is not element else node.tail
        if node.tag == "lb":
            node.tail = "\n" + (node.tail or "")
        elif node.tag in _LINE_ELEMENTS and node is not element:
            node.text = "\n" + (node.text or "")
    paragraphs = []
    for block in "".join(element.itertext()).split(_BLOCK):
        lines = (_SPACES.sub(" ", line).strip() for line in block.split("\n"))
        paragraphs.append("\n".join(line for line in lines if line))
    return [p for p in paragraphs if p]


def _body_paragraphs(body: Any) -> list[str]:
    """The paragraphs of trafilatura's output tree (its <body>), in order."""
    if body is None:
        return []
    return [p for child in body for p in _element_paragraphs(child)]


def _clean(value: object) -> str | None:
    text = _SPACES.sub(" ", str(value)).strip() if value else ""
    return text or None


def _date(value: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _title_tag(markup: str) -> str | None:
    m = _TITLE_TAG.search(markup[:_SNIFF_CHARS])
    return _clean(html.unescape(m.group(1))) if m else None


def extract_html(markup: str) -> HtmlArticle:
    """The page's main text, headline first, and the metadata it states about itself."""
    import trafilatura

    extracted = trafilatura.bare_extraction(markup, with_metadata=True, include_tables=True)
    # bare_extraction returns a Document, or a dict when asked for one (as_dict=True)
    found: dict[str, Any] = (
        extracted if isinstance(extracted, dict) else extracted.as_dict() if extracted else {}
    )
    paragraphs = _body_paragraphs(found.get("body")) or _paragraphs(found.get("text"))
    if not paragraphs:  # a fragment below trafilatura's main-content threshold
        paragraphs = _paragraphs(trafilatura.html2txt(markup, clean=True))
    title = _clean(found.get("title")) or _title_tag(markup)
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)  # the cleaner reads the headline from the first paragraph
    return HtmlArticle(
        text="\n\n".join(paragraphs),
        title=title,
        author=_clean(found.get("author")),
        published_date=_date(found.get("date")),
        site_name=_clean(found.get("sitename")),
    )
