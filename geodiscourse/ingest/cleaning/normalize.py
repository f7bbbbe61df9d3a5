"""Whitespace and character normalisation shared by every cleaning step.

Cleaning works on a list of stripped lines in which "" marks a paragraph break; a
removed line is blanked rather than deleted, so removing a byline between two
paragraphs never glues them together. Offsets of every later table index the text
these functions produce, so they must be deterministic and idempotent.
"""

from __future__ import annotations

import html
import re
import sys
import unicodedata
from functools import lru_cache

# Characters that break lines besides "\n": str.splitlines() honours them, so they are
# turned into "\n" to make one definition of a line hold everywhere downstream.
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# ASCII control characters other than tab and the line breaks above.
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Runs of whitespace other than a line break, including no-break and ideographic spaces.
_INLINE_SPACE = re.compile(r"[^\S\n]+")
# Lines ending like this finish a sentence or a quotation, so the next line is not a
# continuation of a hard-wrapped paragraph.
_LINE_END = re.compile(r"[.!?:;\"”’')\]…]$")
#: A line with at least this many words is article prose: the page head (navigation,
#: category strips, headline, byline) ends before it, and a page tail starts after it.
PROSE_MIN_WORDS = 12
_QUOTES_DASHES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _invisible_chars() -> re.Pattern[str]:
    """Control and format characters (zero-width spaces, BOMs, soft hyphens, bidi
    marks, lone surrogates) that are invisible in the source but would split words or
    break Parquet; "\n" and "\t" stay for the line logic. Built once per process from
    the Unicode database, so it follows the Python version's Unicode tables."""
    ranges: list[str] = []
    start = prev = -2
    for code in range(sys.maxunicode + 1):
        if chr(code) in "\n\t" or unicodedata.category(chr(code)) not in ("Cc", "Cf", "Cs"):
            continue
        if code != prev + 1:
            if start >= 0:
                ranges.append(_char_range(start, prev))
            start = code
        prev = code
    ranges.append(_char_range(start, prev))
    return re.compile("[" + "".join(ranges) + "]")


#: HTML character references left in plain text by a scraper ("communiqu&#233;",
#: "AT&amp;T"): decoded, since no article means them literally.
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")


def _char_range(first: int, last: int) -> str:
    return f"\\U{first:08x}" if first == last else f"\\U{first:08x}-\\U{last:08x}"


def normalize_lines(text: str) -> list[str]:
    """The text as stripped lines with inner whitespace collapsed; "" marks a blank line.

    A line that ends mid-sentence followed by a line that starts in lower case is a hard
    wrap and is joined to it with a space, before any rule looks at lines; other line
    breaks (list items, verse, addresses) are kept, and the sentence splitter treats
    them as boundaries.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _CHARACTER_REFERENCE.sub(lambda m: html.unescape(m.group()), text)
    text = _ASCII_CONTROL.sub("", text) if text.isascii() else _invisible_chars().sub("", text)
    lines: list[str] = []
    for raw in text.split("\n"):
        line = _INLINE_SPACE.sub(" ", raw).strip()
        if line and lines and lines[-1] and line[0].islower() and not _LINE_END.search(lines[-1]):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


def build_paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs at blank lines, keeping line breaks inside them."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return paragraphs


def comparison_tokens(text: str) -> tuple[str, ...]:
    """Lower-case word tokens with quotes and dashes unified: the form in which a pull
    quote and the body sentence it repeats are compared."""
    return tuple(_WORD.findall(text.translate(_QUOTES_DASHES).casefold()))


def word_count(text: str) -> int:
    return len(text.split())


def first_prose_line(lines: list[str]) -> int:
    """Index of the first line of article prose; len(lines) when there is none."""
    for i, line in enumerate(lines):
        if word_count(line) >= PROSE_MIN_WORDS:
            return i
    return len(lines)
