"""Proposal lists: each item of a list introduced as proposals is one recommendation.

A list is a run of bullet lines ("- ...", "• ...", "1. ..."); line breaks end
sentences, so each item starts a sentence of its own. A list counts as proposals when
the sentence before it introduces them ("His proposals include:", "He recommends:",
"The steps are as follows:"), or, where the introduction is missing (news pages often
lose the sub-heading before a list), when most items are worded as proposals, a
gerund ("Creating a new Global Safety Authority ...") or an imperative ("Introduce
laws to ..."), possibly after a fronted condition ("When possible, taking ..."), and
at least one is a gerund (imperatives alone as often list terms imposed, "Pay a
$1,000 fine", as proposals). Questions are never proposals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from geodiscourse.extract.recommendations.lexicon import PrescriptiveRules
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.text import doc_text, doc_tokens, span_text, span_tokens

_NUMBERED = re.compile(r"^\(?\d{1,2}[.)]$")
_INTRODUCING_ENDS = ("include", "includes", "included", "follows", "following", "are", "were")
#: A list needs this many items worded as proposals when no sentence introduces it.
_MIN_BARE_ITEMS = 2


@dataclass(frozen=True)
class ProposalItem:
    """One list item: its sentence, its first token after the bullet, what introduces
    the list (a sentence index, or None when the list stands bare) and the sentence just
    before the list (whose speaker a bare list goes on quoting)."""

    index: int
    start: int
    introducer: int | None
    lead: int | None


def _line_start(sent: Span) -> bool:
    """Does the sentence begin a line (only spaces or tabs before it on its line)?"""
    text = doc_text(sent.doc)
    i = sent.start_char - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def _is_bullet(token: Token, rules: PrescriptiveRules) -> bool:
    return token.text in rules.bullet_marks or _NUMBERED.match(token.text) is not None


def _bullet_start(sent: Span, rules: PrescriptiveRules) -> int | None:
    """The first token after a bullet, when the sentence is a bullet line."""
    if len(sent) < 2 or not _is_bullet(sent[0], rules) or not _line_start(sent):
        return None
    return sent[1].i


def _same_line(doc_text: str, end_char: int, start_char: int) -> bool:
    return "\n" not in doc_text[end_char:start_char]


def _introduces(sent: Span, rules: PrescriptiveRules) -> bool:
    text = span_text(sent).rstrip()
    words = [t.lower_ for t in span_tokens(sent) if not t.is_punct]
    if not words:
        return False
    ends_open = text.endswith(":") or words[-1] in _INTRODUCING_ENDS
    return ends_open and any(w in rules.list_introducer_words for w in words)


def _first_word(sent: Span, start: int, rules: PrescriptiveRules) -> Token | None:
    """The item's first word after a fronted condition ("When possible, taking ...")."""
    doc = sent.doc
    words = [t.lower_ for t in doc_tokens(doc)[start : sent.end]]
    for phrase in rules.condition_phrases:
        if tuple(words[: len(phrase)]) == phrase:
            start += len(phrase)
            while start < sent.end and doc[start].is_punct:
                start += 1
            break
    return doc[start] if start < sent.end else None


def proposal_wording(sent: Span, start: int, rules: PrescriptiveRules) -> str | None:
    """How the item is worded: "gerund", "imperative", or None for anything else
    (a noun phrase, a past verb, a question)."""
    if span_text(sent).rstrip().endswith("?"):
        return None
    word = _first_word(sent, start, rules)
    if word is None or not word.text[:1].isalpha():
        return None
    lower = word.lower_
    if lower.endswith("ing") and len(lower) > 4 and lower not in rules.ing_non_verbs:
        return "gerund" if word.tag_ in ("VBG", "JJ", "NN") and word.ent_type_ == "" else None
    nxt = word.nbor(1) if word.i + 1 < sent.end else None
    if word.tag_ == "VB" and word.dep_ == "ROOT" and nxt is not None and nxt.pos_ != "PUNCT":
        return "imperative"
    return None


def proposal_items(ctx: DocContext, rules: PrescriptiveRules) -> list[ProposalItem]:
    """Every item of every proposal list in the document, in order."""
    text = doc_text(ctx.doc)
    items: list[ProposalItem] = []
    run: list[tuple[int, int]] = []  # (sentence index, start token) of the current list
    run_open_from = -1

    def close(run: list[tuple[int, int]]) -> None:
        if not run:
            return
        lead = run[0][0] - 1
        while lead >= 0 and len(ctx.sentences[lead]) == 1 and _is_bullet(ctx.sentences[lead][0], rules):
            lead -= 1
        before = lead if lead >= 0 else None
        if before is not None and _introduces(ctx.sentences[before], rules):
            items.extend(ProposalItem(i, s, before, before) for i, s in run)
            return
        wording = [proposal_wording(ctx.sentences[i], s, rules) for i, s in run]
        worded = sum(w is not None for w in wording)
        # a bare list of imperatives only is as often terms imposed ("Pay a $1,000 fine")
        # as proposals: a gerund among them marks the proposal style
        if worded >= _MIN_BARE_ITEMS and 2 * worded > len(run) and "gerund" in wording:
            items.extend(ProposalItem(i, s, None, before) for i, s in run)

    bullet_alone = False  # the parser made a lone bullet mark a sentence of its own
    for index, sent in enumerate(ctx.sentences):
        start = _bullet_start(sent, rules)
        if (
            start is None
            and bullet_alone
            and _same_line(text, ctx.sentences[index - 1].end_char, sent.start_char)
        ):
            start = sent.start
        bullet_alone = start is None and len(sent) == 1 and _is_bullet(sent[0], rules) and _line_start(sent)
        if bullet_alone:
            continue
        if start is not None:
            run.append((index, start))
            run_open_from = index
            continue
        if run and _same_line(text, ctx.sentences[run_open_from].end_char, sent.start_char):
            run_open_from = index  # the item's line goes on in a second sentence
            continue
        close(run)
        run = []
    close(run)
    return items
