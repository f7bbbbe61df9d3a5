"""Quotations in running text: where each quoted stretch starts and ends.

News prose re-opens a quotation at each new paragraph without closing the previous
one, and mixes curly and straight marks; attribution needs the stretches, grouped by
the quotation they continue, before it can say who is quoted.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

_OPENING_MARKS = "“"
_CLOSING_MARKS = "”"


@dataclass(frozen=True)
class QuoteSegment:
    """The text between one opening quotation mark and its close (or the paragraph's
    end); segments that continue one quotation share its ``group``."""

    start: int
    end: int
    group: int


def _is_opening(text: str, i: int) -> bool:
    """A straight double quote opens when it follows a space or bracket and precedes a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:/") and not after.isspace()


def quote_segments(text: str) -> list[QuoteSegment]:
    """Quoted stretches of ``text``, in order.

    A quotation left open at a paragraph's end, or re-opened before it closes, goes on
    in the next segment (the group is shared) when that segment opens the next stretch.
    """
    segments: list[QuoteSegment] = []
    group = -1
    carried = False  # the previous segment was left open
    offset = 0
    for paragraph in text.split("\n"):
        base, offset = offset, offset + len(paragraph) + 1
        if not paragraph.strip():
            continue
        open_at: int | None = None
        leading = len(paragraph) - len(paragraph.lstrip())
        for i, ch in enumerate(paragraph):
            opens = ch in _OPENING_MARKS or (ch == '"' and _is_opening(paragraph, i))
            if opens:
                if open_at is not None:
                    segments.append(QuoteSegment(base + open_at, base + i, group))
                    carried = True
                elif not (carried and i == leading):
                    carried = False
                if not carried:
                    group += 1
                open_at = i + 1
            elif (ch in _CLOSING_MARKS or ch == '"') and open_at is not None:
                segments.append(QuoteSegment(base + open_at, base + i, group))
                open_at, carried = None, False
        if open_at is not None:
            segments.append(QuoteSegment(base + open_at, base + len(paragraph), group))
            carried = True
        else:
            carried = False
    return segments


def quoted_tokens(doc: Doc, segments: list[QuoteSegment]) -> bytearray:
    """One flag per token: does it lie inside a quotation?"""
    flags = bytearray(len(doc))
    for seg in segments:
        span = doc.char_span(seg.start, seg.end, alignment_mode="contract")
        if span is not None:
            flags[span.start : span.end] = b"\x01" * len(span)
    return flags
