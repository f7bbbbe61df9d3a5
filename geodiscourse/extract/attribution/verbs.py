"""Reports introduced by a verb: "X said ...", "..., said a spokesman", "X is said to
believe ...", "he accused X of ...", "X called the sale "..."".

The verb patterns are most of attribution's grammar and change together (which verb
counts, where its speaker and content stand, when a second reporting clause is a report
of its own or part of the first one's content), so they live here, apart from the
verb-less patterns of ``quotations``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from geodiscourse.extract.attribution.lexicon import ReportingLexicon
from geodiscourse.extract.attribution.spans import (
    FINITE_TAGS,
    Report,
    child,
    make_report,
    speaker_head,
    subtree_span,
    token_span,
    trimmed,
)
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.quotations import QuoteSegment
from geodiscourse.nlp.text import doc_text, doc_tokens, span_tokens

_FIRST_PERSON = frozenset({"i", "we"})
#: Parts of speech a trailing speaker phrase may consist of (", Downing Street has indicated.").
_NP_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM", "PART", "ADP", "CCONJ", "PUNCT"})


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _is_animate(subject: Token, ctx: DocContext, lex: ReportingLexicon) -> bool:
    head = speaker_head(subject)
    return (
        ctx.actor_of(head) is not None
        or head.pos_ == "PROPN"
        or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "FAC", "LOC")
        or head.lemma_.lower() in lex.speaker_nouns
        or head.lower_ in lex.speaker_nouns
    )


def _raised(verb: Token, ctx: DocContext, sent: Span, lex: ReportingLexicon) -> Report | None:
    """'X is said to believe ...', 'it is understood that ...', 'he is thought to have ...'."""
    subject = child(verb, "nsubjpass")
    if subject is None or child(verb, "auxpass") is None:
        return None
    aux = child(verb, "auxpass")
    assert aux is not None
    ccomp = child(verb, "ccomp")
    if subject.lower_ == "it" and ccomp is not None:
        cue = verb.doc[subject.i : verb.i + 1].text.lower()
        return make_report(ctx, None, cue, subtree_span(ccomp, sent), verb.i)
    xcomp = child(verb, "xcomp")
    if xcomp is None:
        return None
    if xcomp.lemma_.lower() in lex.believer_xcomp:
        cue = verb.doc[aux.i : xcomp.i + 1].text.lower()
        inner = child(xcomp, "ccomp")
        span = (
            subtree_span(inner, sent)
            if inner is not None
            else token_span(verb.doc, xcomp.i + 1, xcomp.right_edge.i, sent)
        )
        return make_report(ctx, subject, cue, span, verb.i)
    cue = verb.doc[aux.i : verb.i + 1].text.lower()
    return make_report(ctx, None, cue, token_span(verb.doc, sent.start, sent.end - 1, sent), verb.i)


def _subject(verb: Token) -> Token | None:
    """The verb's own subject, or the one it shares: "the EU pledged ... but said ...",
    "Prof Etzioni criticises the US ..., suggesting ..."."""
    subject = child(verb, "nsubj")
    if subject is None and (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")):
        subject = child(verb.head, "nsubj")
    if subject is None and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        # "Mr Chirac reacted ... by saying Europe needed to ...": the gerund's subject
        # is the subject of the verb its preposition modifies
        governor = verb.head.head
        if governor.pos_ in ("VERB", "AUX"):
            subject = child(governor, "nsubj")
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


def _closing_clause_comma(verb: Token, subject: Token, sent: Span) -> int | None:
    """The comma before a reporting clause that closes the sentence ("..., he said.",
    "..., said the minister."): all that precedes it is what was said, however the parser
    split it ("Some projects may restart, but others would be cancelled, he said" hangs
    "said" on the first clause and takes only the second for its content)."""
    doc = verb.doc
    if sent[-1].text == ":":
        return None  # "In an interview, Paddock said:" introduces what follows
    if subject.i < verb.i:  # "..., he said."
        if not _ends_sentence(verb, sent) or any(
            doc[i].pos_ not in ("AUX", "ADV", "PART") for i in range(subject.i + 1, verb.i)
        ):
            return None
        comma = subject.left_edge.i - 1
    else:  # "..., said the minister."
        if not all(t.is_punct for t in doc[subject.right_edge.i + 1 : sent.end]):
            return None
        comma = verb.i - 1
    if comma > sent.start and doc[comma].is_quote:  # '..." say those behind the talks.'
        comma -= 1 if doc[comma - 1].text == "," else 0
        return comma if comma > sent.start else None
    if comma <= sent.start or doc[comma].text != ",":
        return None
    return comma


def _complement_span(verb: Token, lemma: str, sent: Span, lex: ReportingLexicon) -> tuple[int, int] | None:
    """The clause a reporting verb introduces, recovering a subject the parser took for
    the verb's object ("confirmed [climate change] was discussed")."""
    clause = child(verb, "ccomp")
    if clause is None:
        clause = next(
            (c for c in verb.rights if c.dep_ == "advcl" and any(a.tag_ in FINITE_TAGS for a in c.lefts)),
            None,
        )
    obj = child(verb, "dobj")
    if clause is None:
        xcomp = child(verb, "xcomp")
        if lemma in lex.belief and obj is not None and xcomp is not None:
            return token_span(verb.doc, obj.left_edge.i, xcomp.right_edge.i, sent)
        return None
    first = clause.left_edge.i
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
    if not has_subject and obj is not None and verb.i < obj.i < clause.i:
        first = obj.left_edge.i
    last = clause.right_edge.i
    for conj in verb.rights:
        if conj.dep_ == "conj" and conj.i > last and _continues_report(verb, conj, lex):
            last = conj.right_edge.i
    return token_span(verb.doc, first, last, sent)


def _continues_report(verb: Token, conj: Token, lex: ReportingLexicon) -> bool:
    """Is a clause the parser coordinated with the reporting verb still part of what
    was said? "Europe says the euro has had enough, and Asia must let its currencies
    rise": "and" joins a clause with its own subject whose tense fits the report (a
    modal, or the present after a present reporting verb). A past-tense clause ("...,
    and the delegation left Geneva") is the author's narration, and a clause with a
    reporting verb of its own is another report."""
    subject = child(conj, "nsubj", "nsubjpass")
    if subject is None or subject.lower_ in _FIRST_PERSON or child(conj, "mark") is not None:
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


def verb_reports(
    ctx: DocContext,
    sent: Span,
    lex: ReportingLexicon,
    quoted: bytearray,
    pieces: list[tuple[int, int]],
    segments: list[QuoteSegment],
) -> list[Report]:
    """The sentence's reports cued by a reporting or naming verb outside quotation marks,
    outermost verb first: a verb inside another report's content is nested speech unless
    it opens a coordinated report of its own, which then cuts the first one short."""
    reports: list[Report] = []
    cues = lex.verbs | lex.naming
    verbs = [
        t
        for t in span_tokens(sent)
        if t.lemma_.lower() in cues and t.pos_ in ("VERB", "AUX") and not quoted[t.i]
    ]
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


def _covers(report: Report, token: Token) -> bool:
    return report.attribution.content_start <= token.idx < report.attribution.content_end


def _coordinated_report(verb: Token, outer: Report, sent: Span) -> Token | None:
    """The conjunction before a second reporting clause that the parser attached inside
    the first one's content: "Mr Blair said the UK would ... but the Tories say he is
    ...". Such a clause has a subject of its own and no "that" making it part of what was
    said, and either contrasts ("but") or keeps a present tense that reported speech
    after a past "said" would have shifted back; otherwise it goes on with what was said
    ("he said the inquiry was under way and the court had stressed ...").
    The conjunction is where the first report's content ends."""
    if verb.dep_ != "conj" or child(verb, "mark") is not None:
        return None
    outer_verb = None if outer.cue_token is None else verb.doc[outer.cue_token]
    unshifted = verb.tag_ in ("VBZ", "VBP") and outer_verb is not None and outer_verb.tag_ in ("VBD", "VBN")
    subject = child(verb, "nsubj")
    if subject is None or subject.dep_ == "expl" or subject.lower_ in _FIRST_PERSON:
        return None
    i = subject.left_edge.i - 1
    while i > sent.start and verb.doc[i].text == ",":
        i -= 1
    cc = verb.doc[i]  # the parser may hang it on any verb of the first clause
    if i <= sent.start or cc.dep_ != "cc" or not (unshifted or cc.lower_ == "but"):
        return None
    return cc


def _cut_before(report: Report, cc: Token, sent: Span) -> Report:
    """The report with its content ending before a coordinating conjunction."""
    attribution = report.attribution
    before = cc.doc[cc.i - 1]
    span = trimmed(
        sent, attribution.content_start, min(attribution.content_end, before.idx + len(before.text))
    )
    if span is None:
        return report
    return Report(replace(attribution, content_start=span[0], content_end=span[1]), report.cue_token)


def _active(
    verb: Token,
    lemma: str,
    ctx: DocContext,
    sent: Span,
    lex: ReportingLexicon,
    pieces: list[tuple[int, int]],
) -> Report | None:
    span: tuple[int, int] | None = None
    subject = child(verb, "nsubj")
    if subject is None and child(verb, "ccomp") is None:
        trailing = _trailing_speaker(verb, sent)
        if trailing is not None:
            subject = trailing[0]
            span = token_span(verb.doc, sent.start, trailing[1] - 1, sent)
    if subject is None:
        subject = _subject(verb)
    if subject is None or subject.dep_ == "expl" or subject.lower_ in _FIRST_PERSON:
        return None  # outside quotation marks, "I believe ..." is the author's own voice
    if span is None:
        comma = _closing_clause_comma(verb, subject, sent)
        if comma is not None:
            span = token_span(verb.doc, sent.start, comma - 1, sent)
    parenthetical = (
        _is_parenthetical(verb, sent)
        and child(verb, "ccomp", "dobj", "mark") is None
        and not any(c.dep_ == "advmod" and c.tag_ == "WRB" for c in verb.children)
    )
    if parenthetical:
        span = token_span(verb.doc, sent.start, sent.end - 1, sent)
    elif verb.dep_ == "relcl" and subject.tag_ not in ("WP", "WDT") and not _ends_sentence(verb, sent):
        return None  # "the choices he says are facing Britain": a report inside a noun phrase
    if lemma in lex.animate_subject_only and not _is_animate(subject, ctx, lex):
        return None
    cue = verb.text.lower()
    particle = child(verb, "prt")
    if particle is not None:
        cue = f"{cue} {particle.lower_}"
    if lemma in lex.accusation:
        return _accusation(verb, subject, ctx, sent, lex)
    if span is None and (lemma in lex.speech or lemma in lex.belief):
        span = _complement_span(verb, lemma, sent, lex)
    if span is None and pieces:
        span = min(pieces, key=lambda p: min(abs(p[0] - verb.idx), abs(p[1] - verb.idx)))
    return make_report(ctx, subject, cue, span, verb.i)


def _naming(
    verb: Token, lemma: str, ctx: DocContext, sent: Span, lex: ReportingLexicon, segments: list[QuoteSegment]
) -> Report | None:
    """ "X called the sale "the swindle of the century"": the subject characterises the
    object in quoted words of their own, a claim that reads as said ("called the sale
    "..."", like an accusation). The description must be quoted, follow the object with
    at most "as" between them, and not be a name ("a show called "Newsnight"")."""
    subject = _subject(verb)
    obj = child(verb, "dobj")
    small_clause = child(verb, "ccomp")
    if obj is None and small_clause is not None:
        obj = child(small_clause, "nsubj")  # "branded [it "politically motivated"]"
    if subject is None or obj is None or subject.dep_ == "expl" or subject.lower_ in _FIRST_PERSON:
        return None
    if verb.dep_ in ("acl", "relcl", "amod") or not _is_animate(subject, ctx, lex):
        return None
    doc = verb.doc
    obj_end = obj.idx + len(obj.text)
    seg = next((g for g in segments if obj_end <= g.start < sent.end_char), None)
    if seg is None:
        return None
    gap = [
        t
        for t in doc_tokens(doc)[obj.i + 1 : sent.end]
        if obj_end <= t.idx and t.idx + len(t.text) <= seg.start
    ]
    gap_words = [t.lower_ for t in gap if not t.is_quote and not t.is_punct]
    in_object = {t.i for t in obj.subtree}
    if lemma in lex.naming_as and gap_words[-1:] != ["as"]:
        return None
    if any(t.i not in in_object and t.lower_ != "as" and not t.is_quote for t in gap):
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in gap):
        return None
    words = [w for w in doc_text(doc)[seg.start : seg.end].split() if w[:1].isalpha()]
    if not words or all(w[:1].isupper() for w in words):
        return None
    span = trimmed(sent, verb.idx, min(seg.end, sent.end_char))
    return make_report(ctx, subject, verb.text.lower(), span, verb.i)


def _accusation(
    verb: Token, subject: Token, ctx: DocContext, sent: Span, lex: ReportingLexicon
) -> Report | None:
    """ "He accused X of Y", "she blamed X for Y": the subject claims that X did Y. Only
    with both an object and the preposition that carries the charge; "he criticised the
    plan" is an act (an event), not a report of what anyone did."""
    obj = child(verb, "dobj")
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
    if obj is None or prep is None or child(prep, "pobj", "pcomp") is None:
        return None
    span = token_span(verb.doc, verb.i, max(prep.right_edge.i, obj.right_edge.i), sent)
    return make_report(ctx, subject, verb.text.lower(), span, verb.i)
