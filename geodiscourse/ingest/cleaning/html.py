"""HTML input: detect a saved web page and reduce it to the text a reader sees.

Uses the standard library's html.parser, which never raises on malformed markup.
Block elements become paragraph breaks and <br> a line break, so the text cleaner sees
the same shape as in a plain-text article; scripts, styles and page regions that are
never article prose (navigation, footers, forms, figures) are dropped whole.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Enough to recognise a page or a fragment, not a plain-text article that mentions
# a tag once: a document-level tag, or at least two closed block elements.
_DOCUMENT_TAG = re.compile(r"<!doctype\s+html|<(?:html|head|body)[\s>]", re.IGNORECASE)
_CLOSED_BLOCK = re.compile(r"</(?:p|div|article|section|h[1-6]|li|td|blockquote)\s*>", re.IGNORECASE)
_SNIFF_CHARS = 200_000

#: Elements whose content is never article prose.
SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "nav", "footer",
        "aside", "form", "button", "select", "textarea", "svg", "math", "iframe",
        "object", "canvas", "figure", "figcaption", "video", "audio", "picture",
    }
)  # fmt: skip
#: Elements that start and end a paragraph.
BLOCK_TAGS = frozenset(
    {
        "p", "div", "article", "section", "main", "header", "h1", "h2", "h3", "h4", "h5",
        "h6", "ul", "ol", "dl", "table", "blockquote", "pre", "hr", "address", "center",
        "details", "summary", "body", "html",
    }
)  # fmt: skip
#: Elements that start a new line inside a paragraph (list items, table rows).
LINE_TAGS = frozenset({"br", "li", "tr", "dt", "dd"})
#: Elements with no end tag: they can never open a skipped region.
VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_SPACES = re.compile(r"\s+")


def looks_like_html(text: str) -> bool:
    head = text[:_SNIFF_CHARS]
    return _DOCUMENT_TAG.search(head) is not None or len(_CLOSED_BLOCK.findall(head)) >= 2


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_stack: list[str] = []
        self.pre_depth = 0
        self.first_h1: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.skip_stack.clear()  # an unclosed <head> ends where the body starts
        hidden = any(name == "hidden" or (name == "aria-hidden" and value == "true") for name, value in attrs)
        if tag not in VOID_TAGS and (tag in SKIP_TAGS or hidden):
            self.skip_stack.append(tag)
            return
        if self.skip_stack:
            return
        if tag == "pre":
            self.pre_depth += 1
        if tag == "h1" and self.first_h1 is None:
            self.first_h1 = len(self.parts)
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag in LINE_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skip_stack:
            # Close the innermost matching skipped element and anything left open in it.
            if tag in self.skip_stack:
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.skip_stack:
            return
        self.parts.append(data if self.pre_depth else _SPACES.sub(" ", data))


def html_to_text(markup: str) -> str:
    """The visible text of a page from its headline on: paragraphs separated by blank
    lines, entities unescaped, scripts, styles, navigation and similar regions dropped."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    # Site name, menus and breadcrumbs stand above the headline: the page's own text
    # starts at its first <h1> when it has one.
    text = "".join(parser.parts[parser.first_h1 or 0 :])
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
