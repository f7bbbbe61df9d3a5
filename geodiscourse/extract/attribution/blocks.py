"""Block quotations: a paragraph a colon lead-in hands to a speaker, with no quotation marks.

Web pages set long quotations as indented blocks, and the marks that set them apart are
lost when the page becomes text: "Here's what Clinton really said, transcribed from an
audio clip:" is followed by a paragraph of Clinton's words that no quotation mark or
reporting verb announces. The lead-in names the speaker (a reporting verb's subject, or
the subject of a sentence ending in a colon); the paragraph that follows is theirs,
sentence by sentence, unless a sentence of it has a report of its own.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from geodiscourse.extract.attribution.lexicon import reporting_lexicon
from geodiscourse.extract.attribution.spans import Report, child, make_report, speaker_head, trimmed
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.text import doc_text, span_tokens

__all__ = ["attribute_blocks"]

#: Characters that mark a quotation: a block that has its own is left to the quotation rules.
_QUOTE_CHARS = frozenset('"“”')


def _ends_in_colon(sent: Span) -> bool:
    tokens = [t for t in span_tokens(sent) if not t.is_space]
    return bool(tokens) and tokens[-1].text == ":"


def lead_in_speaker(ctx: DocContext, sent: Span) -> Token | None:
    """The speaker a colon lead-in names: the subject of a verb of saying or thinking in
    it ("Here's what Clinton really said, transcribed ...:"), else of its main verb ("And
    then he expressed why he was disappointed:"), when it stands for an actor."""
    if not _ends_in_colon(sent):
        return None
    lex = reporting_lexicon()
    verbs = lex.speech | lex.belief | lex.quote_only
    subjects = [
        child(t, "nsubj") for t in span_tokens(sent) if t.lemma_.lower() in verbs and t.pos_ == "VERB"
    ]
    subjects.append(child(sent.root, "nsubj"))
    for subject in subjects:
        if subject is not None and ctx.actor_of(speaker_head(subject)) is not None:
            return subject
    return None


def _paragraph_ends_after(ctx: DocContext, index: int) -> bool:
    """Is there a line break between the sentence and the next one?"""
    sentences = ctx.sentences
    if index + 1 >= len(sentences):
        return True
    this, following = sentences[index], sentences[index + 1]
    last = this.start_char + len(this.text.rstrip())
    first = following.start_char + len(following.text) - len(following.text.lstrip())
    return "\n" in doc_text(ctx.doc)[last:first]


def attribute_blocks(ctx: DocContext, found: dict[int, list[Report]]) -> None:
    """Give the paragraph after a colon lead-in that ends its own paragraph to the lead-in's
    speaker, sentence by sentence, where no other report claims a sentence."""
    sentences = ctx.sentences
    for index, sent in enumerate(sentences[:-1]):
        if not _paragraph_ends_after(ctx, index):
            continue
        speaker = lead_in_speaker(ctx, sent)
        if speaker is None:
            continue
        for following in range(index + 1, len(sentences)):
            block = sentences[following]
            if found.get(following) or any(c in _QUOTE_CHARS for c in block.text):
                break
            report = make_report(
                ctx, speaker, "quote", trimmed(block, block.start_char, block.end_char), None
            )
            if report is not None:
                found[following] = [report]
            if _paragraph_ends_after(ctx, following):
                break
