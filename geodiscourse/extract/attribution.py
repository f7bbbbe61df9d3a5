"""Who says what: attributing reported content to its speaker.

Claims and recommendations both ask, of every sentence, whether it is the author's
voice or reports someone else's words or beliefs, and whose. Answering it once, here,
keeps both tables agreeing on who said what. Four patterns are recognised:

- a reporting verb with a clausal complement, wherever the speaker stands ("X said
  ...", "..., X has said", "..., said a spokesman"), including passive raising ("X is
  said to believe ..." makes X the believer) and impersonal passives ("it is
  understood that ...", no named speaker);
- "according to X, ...";
- direct quotations, attributed to the speaker of the verb that introduces them, which
  may stand in another sentence of the same quotation (BBC style re-opens a quote at
  each sentence or paragraph that continues it), or to the speaker of the sentence just
  before a quotation that has no speaker of its own;
- a verbless introduction before a colon ("His central point: '...'").

A reporting verb inside a quotation is part of the quoted words, and one inside the
content of another report is nested speech: neither makes an attribution of its own.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.quotations import QuoteSegment, quote_segments, quoted_tokens
from geodiscourse.rules import read_yaml_mapping

log = logging.getLogger(__name__)


#: Children of a speaker's head that end the speaker phrase ("Jack Straw, who ...").
_SPEAKER_STOP_DEPS = frozenset({"relcl", "appos", "acl", "advcl", "punct", "parataxis"})
#: Characters trimmed from both ends of reported content.
_EDGE_CHARS = " \t\n\"'“”‘’,;:-–—"
#: Straight or curly double quotation marks.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Conjunctions left at the end of a content whose second conjunct is another report.
_DANGLING = (" but", " and", " or", " while", " whereas")
_FIRST_PERSON = frozenset({"i", "we"})
#: Entity types that the parser sometimes folds into a speaker phrase ("on Wednesday Mr Straw").
_TIME_ENTS = frozenset({"DATE", "TIME"})
#: Parts of speech a trailing speaker phrase may consist of (", Downing Street has indicated.").
_NP_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM", "PART", "ADP", "CCONJ", "PUNCT"})


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
class ReportingLexicon:
    """The reporting-verb lists of ``rules/attribution/reporting_verbs.yaml``."""

    speech: frozenset[str]
    belief: frozenset[str]
    quote_only: frozenset[str]
    animate_subject_only: frozenset[str]
    negative: frozenset[str]
    accusation: frozenset[str]
    accusation_preps: frozenset[str]
    accuse_preps: frozenset[str]
    raising_passive: frozenset[str]
    believer_xcomp: frozenset[str]
    speaker_nouns: frozenset[str]
    naming: frozenset[str]
    naming_as: frozenset[str]

    @cached_property
    def verbs(self) -> frozenset[str]:
        """Every lemma that can introduce a report."""
        return self.speech | self.belief | self.quote_only | self.raising_passive | self.accusation


@dataclass(frozen=True)
class _Report:
    attribution: Attribution
    cue_token: int | None


def _lemmas(data: dict[str, Any], key: str, name: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list):
        raise RuntimeError(f"geodiscourse/rules/{name}: '{key}' must be a list of words")
    return frozenset(str(v).lower() for v in value)


@lru_cache(maxsize=1)
def reporting_lexicon() -> ReportingLexicon:
    name = "attribution/reporting_verbs.yaml"
    data = read_yaml_mapping(name)
    return ReportingLexicon(
        **{key: _lemmas(data, key, name) for key in ReportingLexicon.__dataclass_fields__}
    )


# --- spans -----------------------------------------------------------------------


def _trimmed(sent: Span, start_char: int, end_char: int) -> tuple[int, int] | None:
    """Char span (inside ``sent``) without surrounding quotes, punctuation and a leading 'that'."""
    text, base = sent.text, sent.start_char
    start, end = start_char - base, end_char - base
    while True:
        while start < end and text[start] in _EDGE_CHARS:
            start += 1
        while end > start and text[end - 1] in _EDGE_CHARS + ".":
            end -= 1
        if text[start : start + 5].lower() == "that " and end - start > 5:
            start += 5
            continue
        dangling = next((c for c in _DANGLING if text[start:end].lower().endswith(c)), None)
        if dangling is not None and end - start > len(dangling):
            end -= len(dangling)  # "... in UK interests but [the Tories say ...]"
            continue
        break
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


def _token_span(doc: Doc, first: int, last: int, sent: Span) -> tuple[int, int] | None:
    """Chars of tokens first..last (inclusive), clipped to the sentence and trimmed."""
    first, last = max(first, sent.start), min(last, sent.end - 1)
    if last < first:
        return None
    return _trimmed(sent, doc[first].idx, doc[last].idx + len(doc[last].text))


def _subtree_span(token: Token, sent: Span) -> tuple[int, int] | None:
    return _token_span(token.doc, token.left_edge.i, token.right_edge.i, sent)


def _speaker_head(subject: Token) -> Token:
    """'who' in 'Jack Straw, who said ...' stands for Jack Straw."""
    if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def _speaker_text(head: Token) -> str:
    """The speaker phrase up to its head plus tight right modifiers, without a
    relative clause or apposition ("UK Foreign Secretary Jack Straw")."""
    doc = head.doc
    start, end = head.left_edge.i, head.i + 1
    for child in head.rights:
        if child.dep_ in _SPEAKER_STOP_DEPS or child.is_punct:
            break
        end = child.right_edge.i + 1
    while end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and end + 1 < len(doc):
        end += 2  # "Wal-Mart": the parser may head the phrase on its first part
    while start < end - 1 and (
        doc[start].is_punct or doc[start].is_quote or doc[start].ent_type_ in _TIME_ENTS
    ):
        start += 1
    return doc[start:end].text


def _make(
    ctx: DocContext, speaker: Token | None, cue: str, span: tuple[int, int] | None, cue_token: int | None
) -> _Report | None:
    if span is None:
        return None
    if speaker is None:
        return _Report(Attribution(None, None, cue, span[0], span[1]), cue_token)
    head = _speaker_head(speaker)
    return _Report(Attribution(_speaker_text(head), ctx.actor_of(head), cue, span[0], span[1]), cue_token)


# --- reporting verbs ---------------------------------------------------------------


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _is_animate(subject: Token, ctx: DocContext, lex: ReportingLexicon) -> bool:
    head = _speaker_head(subject)
    return (
        ctx.actor_of(head) is not None
        or head.pos_ == "PROPN"
        or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "FAC", "LOC")
        or head.lemma_.lower() in lex.speaker_nouns
        or head.lower_ in lex.speaker_nouns
    )


def _raised(verb: Token, ctx: DocContext, sent: Span, lex: ReportingLexicon) -> _Report | None:
    """'X is said to believe ...', 'it is understood that ...', 'he is thought to have ...'."""
    subject = _child(verb, "nsubjpass")
    if subject is None or _child(verb, "auxpass") is None:
        return None
    aux = _child(verb, "auxpass")
    assert aux is not None
    ccomp = _child(verb, "ccomp")
    if subject.lower_ == "it" and ccomp is not None:
        cue = verb.doc[subject.i : verb.i + 1].text.lower()
        return _make(ctx, None, cue, _subtree_span(ccomp, sent), verb.i)
    xcomp = _child(verb, "xcomp")
    if xcomp is None:
        return None
    if xcomp.lemma_.lower() in lex.believer_xcomp:
        cue = verb.doc[aux.i : xcomp.i + 1].text.lower()
        inner = _child(xcomp, "ccomp")
        span = (
            _subtree_span(inner, sent)
            if inner is not None
            else _token_span(verb.doc, xcomp.i + 1, xcomp.right_edge.i, sent)
        )
        return _make(ctx, subject, cue, span, verb.i)
    cue = verb.doc[aux.i : verb.i + 1].text.lower()
    return _make(ctx, None, cue, _token_span(verb.doc, sent.start, sent.end - 1, sent), verb.i)


def _subject(verb: Token) -> Token | None:
    """The verb's own subject, or the one it shares: "the EU pledged ... but said ...",
    "Prof Etzioni criticises the US ..., suggesting ..."."""
    subject = _child(verb, "nsubj")
    if subject is None and (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")):
        subject = _child(verb.head, "nsubj")
    if subject is None and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        # "Mr Chirac reacted ... by saying Europe needed to ...": the gerund's subject
        # is the subject of the verb its preposition modifies
        governor = verb.head.head
        if governor.pos_ in ("VERB", "AUX"):
            subject = _child(governor, "nsubj")
    return subject


def _is_parenthetical(verb: Token, sent: Span) -> bool:
    """'The Tories, he said, can cut crime': the reporting clause sits between commas
    inside the reported sentence."""
    doc = verb.doc
    words = [t for t in verb.subtree if not t.is_punct]
    first, last = words[0].i, words[-1].i
    return (
        first - 1 > sent.start
        and last + 2 < sent.end
        and doc[first - 1].text == ","
        and doc[last + 1].text == ","
    )


def _ends_sentence(verb: Token, sent: Span) -> bool:
    return all(t.is_punct for t in verb.doc[verb.i + 1 : sent.end])


def _trailing_speaker(verb: Token, sent: Span) -> tuple[Token, int] | None:
    """'..., Downing Street has indicated.' when the parser missed the structure: the verb
    ends the sentence and a bare noun phrase (plus auxiliaries) follows the last comma.
    Returns the speaker's head and the comma's token index."""
    doc = verb.doc
    if not _ends_sentence(verb, sent):
        return None
    i = verb.i - 1
    while i > sent.start and doc[i].pos_ in ("AUX", "ADV"):
        i -= 1
    head_i = i
    while i > sent.start and doc[i].text != "," and doc[i].pos_ in _NP_POS:
        i -= 1
    if doc[i].text != "," or head_i <= i or doc[head_i].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return doc[head_i], i


def _complement_span(verb: Token, lemma: str, sent: Span, lex: ReportingLexicon) -> tuple[int, int] | None:
    """The clause a reporting verb introduces, recovering a subject the parser took for
    the verb's object ("confirmed [climate change] was discussed")."""
    clause = _child(verb, "ccomp")
    if clause is None:
        clause = next(
            (c for c in verb.rights if c.dep_ == "advcl" and any(a.tag_ in _FINITE_TAGS for a in c.lefts)),
            None,
        )
    obj = _child(verb, "dobj")
    if clause is None:
        xcomp = _child(verb, "xcomp")
        if lemma in lex.belief and obj is not None and xcomp is not None:
            return _token_span(verb.doc, obj.left_edge.i, xcomp.right_edge.i, sent)
        return None
    first = clause.left_edge.i
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
    if not has_subject and obj is not None and verb.i < obj.i < clause.i:
        first = obj.left_edge.i
    last = clause.right_edge.i
    for conj in verb.rights:
        if conj.dep_ == "conj" and conj.i > last and _continues_report(verb, conj, lex):
            last = conj.right_edge.i
    return _token_span(verb.doc, first, last, sent)


def _continues_report(verb: Token, conj: Token, lex: ReportingLexicon) -> bool:
    """Is a clause the parser coordinated with the reporting verb still part of what
    was said? "Europe says the euro has had enough, and Asia must let its currencies
    rise": "and" joins a clause with its own subject whose tense fits the report (a
    modal, or the present after a present reporting verb). A past-tense clause ("...,
    and the delegation left Geneva") is the author's narration, and a clause with a
    reporting verb of its own is another report."""
    subject = _child(conj, "nsubj", "nsubjpass")
    if subject is None or subject.lower_ in _FIRST_PERSON or _child(conj, "mark") is not None:
        return False
    if conj.lemma_.lower() in lex.verbs | lex.naming:
        return False
    cc = conj.doc[subject.left_edge.i - 1]
    if cc.lower_ != "and" or cc.dep_ != "cc":
        return False
    auxes = [c for c in conj.children if c.dep_ in ("aux", "auxpass") and c.i < conj.i]
    tag = auxes[0].tag_ if auxes else conj.tag_
    if tag == "MD":
        return True
    return tag in ("VBZ", "VBP") and verb.tag_ in ("VBZ", "VBP")


def _quote_pieces(sent: Span, segments: list[QuoteSegment]) -> list[tuple[int, int]]:
    pieces = []
    for seg in segments:
        start, end = max(seg.start, sent.start_char), min(seg.end, sent.end_char)
        if start < end:
            span = _trimmed(sent, start, end)
            if span is not None:
                pieces.append(span)
    return pieces


def _verb_reports(
    ctx: DocContext,
    sent: Span,
    lex: ReportingLexicon,
    quoted: bytearray,
    pieces: list[tuple[int, int]],
    segments: list[QuoteSegment],
) -> list[_Report]:
    reports: list[_Report] = []
    cues = lex.verbs | lex.naming
    verbs = [t for t in sent if t.lemma_.lower() in cues and t.pos_ in ("VERB", "AUX") and not quoted[t.i]]
    for verb in sorted(verbs, key=_depth):
        outer = next((i for i, r in enumerate(reports) if _covers(r, verb)), None)
        cut = None if outer is None else _coordinated_report(verb, reports[outer], sent)
        if outer is not None and cut is None:
            continue  # nested speech: part of another report's content
        lemma = verb.lemma_.lower()
        if lemma in lex.naming:
            named = _naming(verb, lemma, ctx, sent, lex, segments)
            if named is not None and outer is None:
                reports.append(named)
            continue
        report = _raised(verb, ctx, sent, lex) if lemma in lex.raising_passive else None
        if report is None:
            report = _active(verb, lemma, ctx, sent, lex, pieces)
        if report is None:
            continue
        if outer is not None and cut is not None:
            reports[outer] = _cut_before(reports[outer], cut, sent)
        reports.append(report)
    return reports


def _covers(report: _Report, token: Token) -> bool:
    return report.attribution.content_start <= token.idx < report.attribution.content_end


def _coordinated_report(verb: Token, outer: _Report, sent: Span) -> Token | None:
    """The conjunction before a second reporting clause that the parser attached inside
    the first one's content: "Mr Blair said the UK would ... but the Tories say he is
    ...". Such a clause has a subject of its own and no "that" making it part of what was
    said, and either contrasts ("but") or keeps a present tense that reported speech
    after a past "said" would have shifted back; otherwise it goes on with what was said
    ("he said the inquiry was under way and the court had stressed ...").
    The conjunction is where the first report's content ends."""
    if verb.dep_ != "conj" or _child(verb, "mark") is not None:
        return None
    outer_verb = None if outer.cue_token is None else verb.doc[outer.cue_token]
    unshifted = verb.tag_ in ("VBZ", "VBP") and outer_verb is not None and outer_verb.tag_ in ("VBD", "VBN")
    subject = _child(verb, "nsubj")
    if subject is None or subject.dep_ == "expl" or subject.lower_ in _FIRST_PERSON:
        return None
    i = subject.left_edge.i - 1
    while i > sent.start and verb.doc[i].text == ",":
        i -= 1
    cc = verb.doc[i]  # the parser may hang it on any verb of the first clause
    if i <= sent.start or cc.dep_ != "cc" or not (unshifted or cc.lower_ == "but"):
        return None
    return cc


def _cut_before(report: _Report, cc: Token, sent: Span) -> _Report:
    """The report with its content ending before a coordinating conjunction."""
    attribution = report.attribution
    before = cc.doc[cc.i - 1]
    span = _trimmed(
        sent, attribution.content_start, min(attribution.content_end, before.idx + len(before.text))
    )
    if span is None:
        return report
    return _Report(replace(attribution, content_start=span[0], content_end=span[1]), report.cue_token)


def _active(
    verb: Token,
    lemma: str,
    ctx: DocContext,
    sent: Span,
    lex: ReportingLexicon,
    pieces: list[tuple[int, int]],
) -> _Report | None:
    span: tuple[int, int] | None = None
    subject = _child(verb, "nsubj")
    if subject is None and _child(verb, "ccomp") is None:
        trailing = _trailing_speaker(verb, sent)
        if trailing is not None:
            subject = trailing[0]
            span = _token_span(verb.doc, sent.start, trailing[1] - 1, sent)
    if subject is None:
        subject = _subject(verb)
    if subject is None or subject.dep_ == "expl" or subject.lower_ in _FIRST_PERSON:
        return None  # outside quotation marks, "I believe ..." is the author's own voice
    parenthetical = (
        _is_parenthetical(verb, sent)
        and _child(verb, "ccomp", "dobj", "mark") is None
        and not any(c.dep_ == "advmod" and c.tag_ == "WRB" for c in verb.children)
    )
    if parenthetical:
        span = _token_span(verb.doc, sent.start, sent.end - 1, sent)
    elif verb.dep_ == "relcl" and subject.tag_ not in ("WP", "WDT") and not _ends_sentence(verb, sent):
        return None  # "the choices he says are facing Britain": a report inside a noun phrase
    if lemma in lex.animate_subject_only and not _is_animate(subject, ctx, lex):
        return None
    cue = verb.text.lower()
    particle = _child(verb, "prt")
    if particle is not None:
        cue = f"{cue} {particle.lower_}"
    if lemma in lex.accusation:
        return _accusation(verb, subject, ctx, sent, lex)
    if span is None and (lemma in lex.speech or lemma in lex.belief):
        span = _complement_span(verb, lemma, sent, lex)
    if span is None and pieces:
        span = min(pieces, key=lambda p: min(abs(p[0] - verb.idx), abs(p[1] - verb.idx)))
    return _make(ctx, subject, cue, span, verb.i)


def _naming(
    verb: Token, lemma: str, ctx: DocContext, sent: Span, lex: ReportingLexicon, segments: list[QuoteSegment]
) -> _Report | None:
    """ "X called the sale "the swindle of the century"": the subject characterises the
    object in quoted words of their own, a claim that reads as said ("called the sale
    "..."", like an accusation). The description must be quoted, follow the object with
    at most "as" between them, and not be a name ("a show called "Newsnight"")."""
    subject = _subject(verb)
    obj = _child(verb, "dobj")
    small_clause = _child(verb, "ccomp")
    if obj is None and small_clause is not None:
        obj = _child(small_clause, "nsubj")  # "branded [it "politically motivated"]"
    if subject is None or obj is None or subject.dep_ == "expl" or subject.lower_ in _FIRST_PERSON:
        return None
    if verb.dep_ in ("acl", "relcl", "amod") or not _is_animate(subject, ctx, lex):
        return None
    doc = verb.doc
    obj_end = obj.idx + len(obj.text)
    seg = next((g for g in segments if obj_end <= g.start < sent.end_char), None)
    if seg is None:
        return None
    gap = [t for t in doc[obj.i + 1 : sent.end] if obj_end <= t.idx and t.idx + len(t.text) <= seg.start]
    gap_words = [t.lower_ for t in gap if not t.is_quote and not t.is_punct]
    in_object = {t.i for t in obj.subtree}
    if lemma in lex.naming_as and gap_words[-1:] != ["as"]:
        return None
    if any(t.i not in in_object and t.lower_ != "as" and not t.is_quote for t in gap):
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in gap):
        return None
    words = [w for w in doc.text[seg.start : seg.end].split() if w[:1].isalpha()]
    if not words or all(w[:1].isupper() for w in words):
        return None
    span = _trimmed(sent, verb.idx, min(seg.end, sent.end_char))
    return _make(ctx, subject, verb.text.lower(), span, verb.i)


def _accusation(
    verb: Token, subject: Token, ctx: DocContext, sent: Span, lex: ReportingLexicon
) -> _Report | None:
    """ "He accused X of Y", "she blamed X for Y": the subject claims that X did Y. Only
    with both an object and the preposition that carries the charge; "he criticised the
    plan" is an act (an event), not a report of what anyone did."""
    obj = _child(verb, "dobj")
    preps = lex.accuse_preps if verb.lemma_.lower() == "accuse" else lex.accusation_preps
    holders = [verb] if obj is None else [verb, obj]  # the parser may hang "of" on the object
    prep = next(
        (
            c
            for h in holders
            for c in h.rights
            if c.dep_ == "prep" and c.lower_ in preps and (obj is None or c.i > obj.i)
        ),
        None,
    )
    if obj is None or prep is None or _child(prep, "pobj", "pcomp") is None:
        return None
    span = _token_span(verb.doc, verb.i, max(prep.right_edge.i, obj.right_edge.i), sent)
    return _make(ctx, subject, verb.text.lower(), span, verb.i)


def _according_to(ctx: DocContext, sent: Span) -> list[_Report]:
    reports = []
    for token in sent:
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = None if to is None else _child(to, "pobj")
        if source is None:
            continue
        head = token.head
        lo, hi = max(head.left_edge.i, sent.start), min(head.right_edge.i, sent.end - 1)
        if token.left_edge.i <= lo:
            span = _token_span(sent.doc, token.right_edge.i + 1, hi, sent)
        else:
            span = _token_span(sent.doc, lo, token.left_edge.i - 1, sent)
        report = _make(ctx, source, "according to", span, token.i)
        if report is not None:
            reports.append(report)
    return reports


# --- quotations without a verb of their own ---------------------------------------------


def _is_clausal(doc: Doc, sent: Span, piece: tuple[int, int]) -> bool:
    """Is a quoted piece someone's statement rather than a scare-quoted phrase?"""
    words = [t for t in sent if piece[0] <= t.idx < piece[1]]
    if any(t.tag_ in _FINITE_TAGS for t in words):
        return True
    return (piece[1] - piece[0]) >= 0.6 * len(sent.text)


def _colon_speaker(sent: Span, piece: tuple[int, int]) -> Token | None:
    """'His central point: "..."' -> His (the possessor), else the phrase's head."""
    before = [t for t in sent if t.idx < piece[0] and not t.is_quote]
    if not before or before[-1].text != ":" or any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    head = next((t for t in before if t.head.i == t.i or t.head.idx >= piece[0]), None)
    if head is None or head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return _child(head, "poss") or head


def _attribute_quotations(
    ctx: DocContext, segments: list[QuoteSegment], found: dict[int, list[_Report]]
) -> None:
    """Give each quotation's speaker to the sentences of it that have none."""
    starts = [s.start_char for s in ctx.sentences]
    by_group: dict[int, list[tuple[int, tuple[int, int]]]] = {}
    for seg in segments:
        first = max(0, bisect_right(starts, seg.start) - 1)
        for index in range(first, len(ctx.sentences)):
            sent = ctx.sentences[index]
            if sent.start_char >= seg.end:
                break
            for piece in _quote_pieces(sent, [seg]):
                by_group.setdefault(seg.group, []).append((index, piece))
    for pieces in by_group.values():
        speaker = _quotation_speaker(ctx, pieces, found)
        if speaker is None:
            continue
        for index, piece in pieces:
            sent = ctx.sentences[index]
            if any(_overlaps(r.attribution, piece) for r in found.get(index, [])):
                continue
            if not _is_clausal(ctx.doc, sent, piece):
                continue
            attribution = Attribution(speaker.speaker_text, speaker.speaker_actor_id, "quote", *piece)
            found.setdefault(index, []).append(_Report(attribution, None))


def _overlaps(attribution: Attribution, piece: tuple[int, int]) -> bool:
    return attribution.content_start < piece[1] and piece[0] < attribution.content_end


def _quotation_speaker(
    ctx: DocContext, pieces: list[tuple[int, tuple[int, int]]], found: dict[int, list[_Report]]
) -> Attribution | None:
    for index, piece in pieces:
        for report in found.get(index, []):
            if report.attribution.speaker_text is not None and _overlaps(report.attribution, piece):
                return report.attribution
    index, piece = pieces[0]
    sent = ctx.sentences[index]
    head = _colon_speaker(sent, piece)
    if head is not None:
        made = _make(ctx, head, "quote", piece, None)
        return None if made is None else made.attribution
    opens_sentence = not sent.text[: piece[0] - sent.start_char].strip(_EDGE_CHARS)
    previous = found.get(index - 1, [])
    if opens_sentence and index > 0 and not found.get(index):
        named = [r.attribution for r in previous if r.attribution.speaker_text is not None]
        if named:
            return named[-1]
    return None


def attributions_for_document(ctx: DocContext) -> dict[int, list[Attribution]]:
    """Reported content of each sentence, keyed by its index in ``ctx.sentences``;
    sentences in the author's own voice have no entry."""
    lex = reporting_lexicon()
    segments = quote_segments(ctx.doc.text)
    quoted = quoted_tokens(ctx.doc, segments)
    seg_starts = [s.start for s in segments]
    found: dict[int, list[_Report]] = {}
    for index, sent in enumerate(ctx.sentences):
        near = _segments_in(segments, seg_starts, sent)
        pieces = [p for p in _quote_pieces(sent, near) if _is_clausal(ctx.doc, sent, p)]
        reports = _verb_reports(ctx, sent, lex, quoted, pieces, near) + _according_to(ctx, sent)
        if reports:
            found[index] = reports
    _attribute_quotations(ctx, segments, found)
    return {
        index: sorted((r.attribution for r in reports), key=lambda a: (a.content_start, a.content_end))
        for index, reports in sorted(found.items())
        if reports
    }


def _segments_in(segments: list[QuoteSegment], seg_starts: list[int], sent: Span) -> list[QuoteSegment]:
    """Segments overlapping a sentence (a quotation opened earlier may run into it)."""
    i = max(0, bisect_right(seg_starts, sent.start_char) - 1)
    out = []
    while i < len(segments) and segments[i].start < sent.end_char:
        if segments[i].end > sent.start_char:
            out.append(segments[i])
        i += 1
    return out
