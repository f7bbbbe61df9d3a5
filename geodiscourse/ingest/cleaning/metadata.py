"""Metadata lines: outlet, dateline, byline and headline.

Each is read only from a line whose whole shape says what it is ("Source : Foreign
Affairs", "by Emma Walker – News Editor", "Sunday, December 7, 2025"): a name or date
inside a sentence of the article is the article's content, not its metadata. Nothing
is ever inferred from the outside (no file times, no run date, no outlet guessed from
the writing style).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from geodiscourse.dates.full_dates import dateline_date, find_full_dates
from geodiscourse.ingest.cleaning.normalize import comparison_tokens, first_prose_line, word_count
from geodiscourse.ingest.cleaning.rules import metadata_rules

#: A headline is at most this long; BBC headlines run 3-9 words.
TITLE_MAX_WORDS = 20
TITLE_MAX_CHARS = 200
_TITLE_BAD_END = re.compile(r"(?<!\.\.)[.,;:]$")
_BULLET_START = re.compile(r"[-•·*▪◦●>]\s")
# "... by Someone" ending a dateline: at most five words after "by".
_BY_SUFFIX = re.compile(r"\s(?i:by)\s+\S+(?:\s+\S+){0,4}$")
_DOMAIN = re.compile(r"[a-z][\w-]*\.(?:com|org|net|info|news|co\.uk|us)")
_PUBLISHED_NOTE = re.compile(r"\b(?:published|appeared|ran)\b", re.IGNORECASE)


def _valid_outlet(candidate: str) -> str | None:
    """Trim a candidate outlet to its name; None when it is no outlet's name."""
    candidate = re.split(r"\.\s", candidate, maxsplit=1)[0].strip().rstrip(".").strip()
    if _DOMAIN.fullmatch(candidate):
        return candidate  # a site named by its domain ("prisonplanet.com")
    words = candidate.split()
    stop = metadata_rules().outlet_stopwords
    if not words or len(words) > 6 or "," in candidate:
        return None
    if any(w.lower().strip("'’.") in stop for w in words) or not candidate[0].isupper():
        return None
    return candidate


def take_outlet(lines: list[str]) -> tuple[str | None, list[str]]:
    """The outlet the text names, and the lines without its source and reprint lines.

    In order of trust: a source or reprint line ("Source : Foreign Affairs", blanked as
    metadata), a copyright line, a reader prompt ("Subscribe to Foreign Affairs",
    "Thanks for reading X!"), a wire credit ("LONDON (AP) -"), and last a copyright
    notice after a credit, which may be a picture's ("Reuters/John Doe © 2017 Getty Images"). Copyright lines and
    prompts are furniture and leave with it; a wire credit is part of the lede.
    """
    rules = metadata_rules()
    out = list(lines)
    outlet: str | None = None
    for pattern in rules.outlet_lines:
        for i, line in enumerate(out):
            m = pattern.fullmatch(line) if line else None
            if m is not None:
                outlet = outlet or _valid_outlet(m.group("outlet"))
                out[i] = ""
    finders = (
        rules.outlet_copyright.fullmatch,
        *(p.search for p in rules.outlet_prompts),
        rules.outlet_wire.match,
        rules.outlet_copyright_inline.fullmatch,
    )
    for find in finders:
        for line in out:
            if outlet is not None:
                return outlet, out
            m = find(line) if line else None
            if m is not None:
                outlet = _valid_outlet(m.group("outlet"))
    return outlet, out


def _byline(line: str, in_head: bool) -> tuple[str, datetime.date | None] | None:
    """The author(s) of a byline line and a date it carries, if it is one. In the page
    head a byline may also be "Name in Place"."""
    rules = metadata_rules()
    if word_count(line) > rules.byline_max_words:
        return None
    m = rules.byline.fullmatch(line)
    if m is None and in_head:
        m = rules.byline_located.fullmatch(line)
    if m is None:
        return None
    rest = m.groupdict().get("rest") or ""
    if word_count(rest) > rules.byline_max_rest_words:
        return None
    name = m.group("name").strip()
    if name.isupper():
        name = name.title()
    dates = find_full_dates(rest)
    return name, dates[0].date if dates else None


def _dateline_with_byline(
    line: str, in_head: bool
) -> tuple[tuple[datetime.date, bool] | None, tuple[str, datetime.date | None] | None]:
    """A line's dateline and byline: a line may be either, or a dateline followed by a
    byline ("Posted on March 3, 2024 by admin", where "admin" names nobody)."""
    dated = dateline_date(line)
    if dated is not None:
        return dated, None
    byline = _byline(line, in_head)
    if byline is not None:
        return None, byline
    m = _BY_SUFFIX.search(line)
    if m is None or (dated := dateline_date(line[: m.start()])) is None:
        return None, None
    return dated, _byline(line[m.start() :].strip(), in_head)


@dataclass(frozen=True)
class HeadMetadata:
    author: str | None
    published_date: datetime.date | None


def take_dateline_and_byline(lines: list[str]) -> tuple[HeadMetadata, list[str]]:
    """Read and blank every dateline and byline; the first byline names the author, and
    the first dateline that is not an update gives the publication date (an update's
    date only when no other is stated, as the closest the text comes)."""
    out = list(lines)
    author: str | None = None
    published: datetime.date | None = None
    updated: datetime.date | None = None
    head_end = first_prose_line(out)
    for i, line in enumerate(out):
        if not line:
            continue
        dated, byline = _dateline_with_byline(line, in_head=i < head_end)
        if dated is not None:
            date, is_update = dated
            if is_update:
                updated = updated or date
            else:
                published = published or date
        if byline is not None:
            author = author or byline[0]
            published = published or byline[1]
        if dated is not None or byline is not None:
            out[i] = ""
    return HeadMetadata(author, published or updated), out


def strip_wire_dateline(paragraphs: list[str]) -> list[str]:
    """Drop the wire dateline that opens the lede ("WASHINGTON (AP) — ") and any
    paragraph before it that is only a dateline ("GREENVILLE, S.C. —"): the place and the
    agency are metadata, not a sentence of the article. Runs once the headline is taken,
    and looks only at the lede, since a capitalised word and a dash further down are the
    article's own."""
    pattern = metadata_rules().wire_dateline
    out = list(paragraphs)
    lede = first_prose_line(out)
    for i in range(min(lede + 1, len(out))):
        m = pattern.match(out[i])
        if m is not None and (i == lede or m.end() == len(out[i])):
            out[i] = out[i][m.end() :].strip()
    return [p for p in out if p]


def note_publication_date(note: str) -> datetime.date | None:
    """A full date in an editor's note that states when the piece was published
    ("This essay was first published on 3 May 2021"); an update or correction date is
    not a publication date, and a month-day without a year is no date at all."""
    if not _PUBLISHED_NOTE.search(note):
        return None
    dates = find_full_dates(note)
    return dates[0].date if dates else None


def is_title_like(paragraph: str) -> bool:
    """A headline: one short line that does not end like a sentence fragment or list
    item ("What Russia Really Wants", "Could Yukos be a blessing in disguise?")."""
    if "\n" in paragraph or len(paragraph) > TITLE_MAX_CHARS:
        return False
    if not 1 <= word_count(paragraph) <= TITLE_MAX_WORDS:
        return False
    if _TITLE_BAD_END.search(paragraph) or _BULLET_START.match(paragraph):
        return False
    if metadata_rules().url.search(paragraph):
        return False
    first_word = paragraph.split()[0]
    # "Brexit looms", "2005 in review", "iPod sales soar"; not a lower-case fragment.
    return any(ch.isupper() or ch.isdigit() for ch in first_word)


def take_title(paragraphs: list[str], outlet: str | None) -> tuple[str | None, list[str]]:
    """The headline is the first paragraph when it is title-like (metadata and
    navigation lines before it are already gone), unless it only names the outlet: a
    masthead ("The Russia Brief" above a newsletter post) is no headline."""
    if paragraphs and outlet and comparison_tokens(paragraphs[0]) == comparison_tokens(outlet):
        paragraphs = paragraphs[1:]
    if paragraphs and is_title_like(paragraphs[0]):
        return paragraphs[0], paragraphs[1:]
    return None, paragraphs
