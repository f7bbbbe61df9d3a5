"""The article's numbered source list: its URLs become documents.cited_urls.

A list is a header line ("Sources:", "References") followed by items that carry a
number or bullet or are bare URLs; a line like "[1] https://..." is a list item even
without a header, since no prose starts that way. The list leaves clean_text.
"""

from __future__ import annotations

from geodiscourse.ingest.cleaning.boilerplate import is_furniture_line
from geodiscourse.ingest.cleaning.rules import metadata_rules

# Closing punctuation that ends a sentence around a URL rather than belonging to it.
_URL_TRAILING = ".,;:!?'\"”’>"


def _clean_url(url: str) -> str:
    url = url.rstrip(_URL_TRAILING)
    # Keep a closing parenthesis that closes one opened inside the URL (Wikipedia).
    while url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1].rstrip(_URL_TRAILING)
    return url


def urls_in(line: str) -> list[str]:
    return [u for u in (_clean_url(m.group(0)) for m in metadata_rules().url.finditer(line)) if u]


def _is_item(line: str) -> bool:
    rules = metadata_rules()
    return rules.source_list_item.fullmatch(line) is not None or rules.url.fullmatch(line) is not None


def _is_numbered_url(line: str) -> bool:
    """A "[1] https://..." line: a list number directly followed by a URL."""
    rules = metadata_rules()
    if rules.source_list_item.fullmatch(line) is None:
        return False
    body = line.lstrip("[(0123456789])., \t")
    return rules.url.match(body) is not None and line[:1] in "[(0123456789"


def extract_source_list(lines: list[str]) -> tuple[list[str], list[str]]:
    """Blank the source list's lines; return the lines and the URLs in order."""
    out = list(lines)
    urls: list[str] = []
    header = metadata_rules().source_list_header
    i = 0
    while i < len(out):
        line = out[i]
        if header.fullmatch(line):
            items: list[int] = []
            j = i + 1
            # Furniture between items ("Advertisement") neither ends nor joins the list.
            while j < len(out) and (not out[j] or _is_item(out[j]) or is_furniture_line(out[j])):
                if out[j] and _is_item(out[j]):
                    items.append(j)
                j += 1
            if items:
                for k in [i, *items]:
                    urls.extend(urls_in(out[k]))
                    out[k] = ""
                i = j
                continue
        elif _is_numbered_url(line):
            urls.extend(urls_in(line))
            out[i] = ""
        i += 1
    return out, urls


def drop_dangling_headers(paragraphs: list[str]) -> list[str]:
    """Drop source-list headers left with nothing after them ("Sources:" whose list was
    a row of links the page lost, or whose items were furniture)."""
    header = metadata_rules().source_list_header
    end = len(paragraphs)
    while end and header.fullmatch(paragraphs[end - 1]):
        end -= 1
    return paragraphs[:end]
