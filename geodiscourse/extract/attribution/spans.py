"""What every attribution pattern builds: the trimmed content span and the speaker phrase.

Each pattern (reporting verbs, "according to", quotations) finds a speaker token and a
stretch of the sentence; turning those into an :class:`Attribution` the same way for all
of them keeps contents and speaker texts comparable across patterns.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.text import span_text

#: Children of a speaker's head that end the speaker phrase ("Jack Straw, who ...").
_SPEAKER_STOP_DEPS = frozenset({"relcl", "appos", "acl", "advcl", "punct", "parataxis"})
#: Characters trimmed from both ends of reported content.
EDGE_CHARS = " \t\n\"'“”‘’,;:-–—"
#: Penn tags of finite verbs and modals: a clause with one is a statement.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Conjunctions left at the end of a content whose second conjunct is another report.
_DANGLING = (" but", " and", " or", " while", " whereas")
#: Entity types that the parser sometimes folds into a speaker phrase ("on Wednesday Mr Straw").
_TIME_ENTS = frozenset({"DATE", "TIME"})


@dataclass(frozen=True)
class Attribution:
    """Reported content in one sentence and who it is attributed to.

    ``speaker_text`` is None when nobody is named ("it is understood that ...",
    "he is said to have ..."): the content is then an unnamed source's, not the author's.
    """

    speaker_text: str | None
    speaker_actor_id: str | None
    cue: str
    content_start: int
    content_end: int


@dataclass(frozen=True)
class Report:
    """An attribution and the token of its cue (None for a quotation without a verb)."""

    attribution: Attribution
    cue_token: int | None


def trim_edges(
    text: str, start: int, end: int, conjunctions: tuple[str, ...], *, leading_that: bool = False
) -> tuple[int, int]:
    """``text[start:end]`` narrowed until no edge punctuation or quote, final full stop or
    dangling conjunction (``conjunctions``, each with its leading space: "..., but") is
    left, nor, with ``leading_that``, an opening "that ". Reported contents and the
    claims' author clauses are cut from sentences the same way."""
    while True:
        while start < end and text[start] in EDGE_CHARS:
            start += 1
        while end > start and text[end - 1] in EDGE_CHARS + ".":
            end -= 1
        if leading_that and text[start : start + 5].lower() == "that " and end - start > 5:
            start += 5
            continue
        dangling = next((c for c in conjunctions if text[start:end].lower().endswith(c)), None)
        if dangling is None:
            return start, end
        end -= len(dangling)  # "... in UK interests but [the Tories say ...]"


def trimmed(sent: Span, start_char: int, end_char: int) -> tuple[int, int] | None:
    """Char span (inside ``sent``) without surrounding quotes, punctuation and a leading 'that'."""
    text, base = span_text(sent), sent.start_char
    start, end = trim_edges(text, start_char - base, end_char - base, _DANGLING, leading_that=True)
    if end <= start:
        return None
    if _count_quotes(text[start:end]) % 2:  # keep a quotation inside the span whole
        if end < len(text) and text[end] in '"”':
            end += 1
        elif start > 0 and text[start - 1] in '"“':
            start -= 1
    return base + start, base + end


def _count_quotes(text: str) -> int:
    return sum(text.count(mark) for mark in '"“”')


def token_span(doc: Doc, first: int, last: int, sent: Span) -> tuple[int, int] | None:
    """Chars of tokens first..last (inclusive), clipped to the sentence and trimmed."""
    first, last = max(first, sent.start), min(last, sent.end - 1)
    if last < first:
        return None
    return trimmed(sent, doc[first].idx, doc[last].idx + len(doc[last].text))


def subtree_span(token: Token, sent: Span) -> tuple[int, int] | None:
    return token_span(token.doc, token.left_edge.i, token.right_edge.i, sent)


def child(token: Token, *deps: str) -> Token | None:
    """The token's first child with one of the dependency labels."""
    return next((c for c in token.children if c.dep_ in deps), None)


def speaker_head(subject: Token) -> Token:
    """'who' in 'Jack Straw, who said ...' stands for Jack Straw."""
    if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def _speaker_text(head: Token) -> str:
    """The speaker phrase up to its head plus tight right modifiers, without a
    relative clause or apposition ("UK Foreign Secretary Jack Straw")."""
    doc = head.doc
    start, end = head.left_edge.i, head.i + 1
    for right in head.rights:
        if right.dep_ in _SPEAKER_STOP_DEPS or right.is_punct:
            break
        end = right.right_edge.i + 1
    while end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and end + 1 < len(doc):
        end += 2  # "Wal-Mart": the parser may head the phrase on its first part
    while start < end - 1 and (
        doc[start].is_punct or doc[start].is_quote or doc[start].ent_type_ in _TIME_ENTS
    ):
        start += 1
    return doc[start:end].text


def make_report(
    ctx: DocContext, speaker: Token | None, cue: str, span: tuple[int, int] | None, cue_token: int | None
) -> Report | None:
    """A report of ``span`` by ``speaker`` (None: an unnamed source), if there is a span."""
    if span is None:
        return None
    if speaker is None:
        return Report(Attribution(None, None, cue, span[0], span[1]), cue_token)
    head = speaker_head(speaker)
    return Report(Attribution(_speaker_text(head), ctx.actor_of(head), cue, span[0], span[1]), cue_token)
