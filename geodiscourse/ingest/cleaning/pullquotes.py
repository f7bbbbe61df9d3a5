"""Repeated prose: pull quotes, duplicated paragraphs and the headline repeated.

A pull quote is a short one-line paragraph that repeats words of the body verbatim,
in full or in part ("This is an opportune time for Russia to raise the stakes in
Ukraine." beside "To be sure, this is an opportune time ..."). Texts are compared as
lower-case word tokens with quotes and dashes unified, so typography never hides a
repeat. The body keeps its sentence; the repeat goes, so every sentence is counted once.
"""

from __future__ import annotations

from geodiscourse.ingest.cleaning.normalize import comparison_tokens

#: A pull quote has at least this many words and reads as a sentence (at least two
#: words in lower case): short repeats are list entries ("D Garland (Channel Islands
#: AC)." under two events) or fixtures ("Winners meet in final match"), not quotes.
PULL_QUOTE_MIN_WORDS = 6
PULL_QUOTE_MIN_LOWER_WORDS = 2
#: A pull quote has at most this many words (longer one-line paragraphs are body text).
PULL_QUOTE_MAX_WORDS = 60
#: Any paragraph of at least this many words repeated verbatim is a scraping artefact.
DUPLICATE_BLOCK_MIN_WORDS = 20


def _reads_as_sentence(paragraph: str) -> bool:
    words = paragraph.split()
    if "\n" in paragraph or not PULL_QUOTE_MIN_WORDS <= len(words) <= PULL_QUOTE_MAX_WORDS:
        return False
    return sum(w[0].islower() for w in words) >= PULL_QUOTE_MIN_LOWER_WORDS


def _inside_longer(tokens: list[tuple[str, ...]], candidates: list[int]) -> set[int]:
    """The candidates whose tokens occur, contiguously, in a paragraph with more tokens.

    One pass over all tokens: each window of PULL_QUOTE_MIN_WORDS tokens is looked up
    among the candidates' opening words, and only a hit is compared in full, so a long
    article costs time linear in its length, not candidates times length.
    """
    anchors: dict[tuple[str, ...], list[int]] = {}
    for i in candidates:
        anchors.setdefault(tokens[i][:PULL_QUOTE_MIN_WORDS], []).append(i)
    shortest = min((len(tokens[i]) for i in candidates), default=0)
    found: set[int] = set()
    for para in tokens:
        if len(para) <= shortest:
            continue
        for pos in range(len(para) - PULL_QUOTE_MIN_WORDS + 1):
            for i in anchors.get(para[pos : pos + PULL_QUOTE_MIN_WORDS], ()):
                n = len(tokens[i])
                if len(para) > n and para[pos : pos + n] == tokens[i]:
                    found.add(i)
    return found


def drop_repeats(paragraphs: list[str], title: str | None) -> list[str]:
    """Drop paragraphs that repeat the title; and sentence-like one-line paragraphs
    (and long blocks) that repeat an earlier paragraph or, as pull quotes, part of a
    longer paragraph."""
    tokens = [comparison_tokens(p) for p in paragraphs]
    title_tokens = comparison_tokens(title) if title else None
    sentence_like = [_reads_as_sentence(p) for p in paragraphs]
    pull_quotes = _inside_longer(tokens, [i for i, s in enumerate(sentence_like) if s])
    seen: set[tuple[str, ...]] = set()
    repeated: list[bool] = []  # the paragraph's words came earlier
    for words in tokens:
        repeated.append(bool(words) and words in seen)
        seen.add(words)
    strong = [
        repeated[i] and (sentence_like[i] or len(tokens[i]) >= DUPLICATE_BLOCK_MIN_WORDS)
        for i in range(len(paragraphs))
    ]
    kept: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        if tokens[i] and tokens[i] == title_tokens:
            continue
        # a short repeat inside a repeated block ("Why is that?" in a body printed twice)
        in_block = repeated[i] and ((i > 0 and strong[i - 1]) or (i + 1 < len(strong) and strong[i + 1]))
        if not (strong[i] or in_block) and i not in pull_quotes:
            kept.append(paragraph)
    return kept
