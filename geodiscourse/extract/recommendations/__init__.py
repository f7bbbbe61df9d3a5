"""Recommendations: prescriptive statements, someone ought to do something.

Detection is by rule families over the parse (``modals`` for "must/should/needs to/
would do well to", ``frames`` for "it is essential that", "there is an urgent need
to", "the priority should be", present-tense demands, ``proposals`` for proposal
lists); each found expression becomes one row with its addressee (``addressee``),
recommender (``recommender``, from the shared attribution of reported speech), action
and condition (``conditions``). The word lists live in rules/recommendations/prescriptive.yaml.

Confidence is documented in that file: a base per strength (strong modal > moderate >
weak advisory phrase), raised when the addressee resolves to an actor, lowered for
passives, copulas, impersonal and nominal frames, demand verbs, tense-shifted reported
advice and proposal-list items.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from spacy.tokens import Span, Token

from geodiscourse.core.ids import row_id
from geodiscourse.core.rows import RecommendationRow
from geodiscourse.extract.attribution import Attribution, attributions_for_document
from geodiscourse.extract.recommendations import frames, modals
from geodiscourse.extract.recommendations.addressee import AddresseeResolver
from geodiscourse.extract.recommendations.conditions import TokenRange, action_and_condition, find_condition
from geodiscourse.extract.recommendations.lexicon import PrescriptiveRules, load_rules
from geodiscourse.extract.recommendations.prescription import Prescription, sentence_is_question
from geodiscourse.extract.recommendations.proposals import ProposalItem, proposal_items
from geodiscourse.extract.recommendations.recommender import AUTHOR, Recommender, RecommenderResolver
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.text import doc_text, doc_tokens, span_tokens

__all__ = ["extract_recommendations", "find_prescriptions"]

log = logging.getLogger(__name__)

_MATCHERS: tuple[Callable[[modals.Scope], list[Prescription]], ...] = (
    frames.impersonal,
    frames.need_nouns,
    frames.course_nouns,
    frames.demand_verbs,
    modals.advisory_phrases,
    modals.modal_auxiliaries,
    modals.semi_modals,
    modals.passive_needs,
    frames.imperatives,
)
PROPOSAL_MODAL = "proposal"


def _trigger_words(rules: PrescriptiveRules) -> frozenset[str]:
    """Words one of which a sentence must contain to be worth matching."""
    words = set(rules.modal_auxiliaries) | set(rules.semi_modals) | set(rules.impersonal_adjectives)
    words |= rules.need_nouns | rules.course_nouns | set(rules.demand_verbs)
    words |= frames.directive_verbs(rules)
    words |= {phrase[0] for phrase in rules.multiword}
    return frozenset(words)


def find_prescriptions(scope: modals.Scope) -> list[Prescription]:
    """All prescriptive expressions of a sentence, one per action, in text order.

    Frames come first, so "it is essential that X should act" keeps the frame; one
    action head is claimed by one expression."""
    claimed: set[int] = set()
    found: list[Prescription] = []
    for matcher in _MATCHERS:
        for p in matcher(scope):
            if p.action_head.i in claimed:
                continue
            claimed.add(p.action_head.i)
            found.append(p)
    return sorted(found, key=lambda p: (p.action_start, p.start))


def _confidence(p: Prescription, addressee: str | None, rules: PrescriptiveRules) -> float:
    conf = rules.confidence
    value = conf.base[p.strength]
    if addressee is not None:
        value += conf.addressee_resolved
    if p.passive:
        value += conf.passive
    if p.copula:
        value += conf.copula
    if p.kind in ("impersonal", "need", "course"):
        value += conf.frame
    if p.kind == "demand":
        value += conf.demand_verb
    if p.backshifted:
        value += conf.backshifted
    return round(min(0.99, max(0.05, value)), 3)


def _stops(found: list[Prescription], sent: Span) -> list[int]:
    """Where each expression's action must end: where the next one's clause begins."""
    stops = []
    for p in found:
        later = [
            q.start if q.start > p.action_start else q.action_start
            for q in found
            if q.action_start > p.action_start
        ]
        stops.append(min([*later, sent.end]))
    return stops


def _row(
    ctx: DocContext,
    sent: Span,
    start: int,
    action: TokenRange,
    condition: TokenRange | None,
    *,
    modal: str,
    strength: str,
    addressee: str | None,
    recommender: Recommender,
    confidence: float,
    negated: bool = False,
) -> RecommendationRow:
    doc = ctx.doc
    end = action.end
    if condition is not None and condition.start >= start:
        end = max(end, condition.end)
    first, last = doc[min(start, action.start)], doc[end - 1]
    char_start, char_end = first.idx, last.idx + len(last.text)
    action_text = action.text(doc)
    if negated:
        action_text = f"not {action_text}"
    return RecommendationRow(
        recommendation_id=row_id("rec", ctx.doc_id, char_start, char_end),
        doc_id=ctx.doc_id,
        sentence_id=ctx.sentence_id(sent),
        text=doc_text(doc)[char_start:char_end],
        recommender_actor_id=recommender.actor_id,
        recommender_text=recommender.text,
        addressee_actor_id=addressee,
        action=action_text,
        modal=modal,
        strength=strength,
        condition=None if condition is None else condition.text(doc),
        char_start=char_start,
        char_end=char_end,
        confidence=confidence,
    )


def _list_recommender(item: ProposalItem, recommenders: RecommenderResolver, ctx: DocContext) -> Recommender:
    """Whose proposals a list holds: the introducer's speaker or subject ("Mr Howard
    recommends:"), else the speaker of the sentence before it ("Mr Howard said ...
    The proposals include:"); for a bare list, the speaker of the sentence just
    before it, whose voice the list goes on in."""
    if item.lead is None:
        return AUTHOR
    sources = [item.lead] if item.introducer is None else [item.lead, item.lead - 1]
    for source in sources:
        if source < 0:
            break
        named = [a for a in recommenders.attributions.get(source, []) if a.speaker_text is not None]
        if named:
            return recommenders.for_report(named[-1], source)
        if item.introducer is not None and source == item.introducer:
            subject = next((t for t in ctx.sentences[source] if t.dep_ in ("nsubj", "nsubjpass")), None)
            found = None if subject is None else recommenders.for_demand(source, subject)
            if found is not None and found.actor_id is not None:
                return found
    return AUTHOR


def _proposal_row(
    ctx: DocContext, item: ProposalItem, recommender: Recommender, rules: PrescriptiveRules
) -> RecommendationRow | None:
    sent = ctx.sentences[item.index]
    action, condition = action_and_condition(sent, item.start, sent[-1], sent.end, rules)
    if condition is None:
        condition = find_condition(ctx.doc, item.start, sent.end, rules)
    if action.end <= action.start:
        return None
    conf = rules.confidence
    return _row(
        ctx,
        sent,
        item.start,
        action,
        condition,
        modal=PROPOSAL_MODAL,
        strength="moderate",
        addressee=None,
        recommender=recommender,
        confidence=conf.proposal_introduced if item.introducer is not None else conf.proposal_bare,
    )


def extract_recommendations(
    ctx: DocContext, attributions: dict[int, list[Attribution]] | None = None
) -> list[RecommendationRow]:
    """Every recommendation of one document, in text order."""
    rules = load_rules()
    if attributions is None:
        attributions = attributions_for_document(ctx)
    triggers = _trigger_words(rules)
    addressees = AddresseeResolver(ctx)
    recommenders = RecommenderResolver(ctx, attributions)
    items = {item.index: item for item in proposal_items(ctx, rules)}
    rows: list[RecommendationRow] = []
    seen: set[tuple[int, int]] = set()

    def add(row: RecommendationRow | None) -> None:
        if row is not None and (row["char_start"], row["char_end"]) not in seen:
            seen.add((row["char_start"], row["char_end"]))
            rows.append(row)

    for index, sent in enumerate(ctx.sentences):
        item = items.get(index)
        list_voice = None if item is None else _list_recommender(item, recommenders, ctx)
        found: list[Prescription] = []
        if not sentence_is_question(sent):
            if any(t.lower_ in triggers or t.lemma_.lower() in triggers for t in span_tokens(sent)):
                found = find_prescriptions(_scope(ctx, rules, sent, index, addressees, recommenders))
            elif any(t.tag_ == "VB" for t in span_tokens(sent)):
                # no modal or frame word: only a command can be advice
                found = frames.imperatives(_scope(ctx, rules, sent, index, addressees, recommenders))
        for p, stop in zip(found, _stops(found, sent), strict=True):
            add(_prescription_row(ctx, sent, index, p, stop, rules, addressees, recommenders, list_voice))
        if item is not None and list_voice is not None and not found and not sentence_is_question(sent):
            add(_proposal_row(ctx, item, list_voice, rules))
    rows.sort(key=lambda r: (r["char_start"], r["char_end"]))
    log.debug("%s: %d recommendations", ctx.doc_id, len(rows))
    return rows


def _scope(
    ctx: DocContext,
    rules: PrescriptiveRules,
    sent: Span,
    index: int,
    addressees: AddresseeResolver,
    recommenders: RecommenderResolver,
) -> modals.Scope:
    def backshifted(token: Token) -> bool:
        return recommenders.is_backshifted(index, token)

    def pronoun_actor(token: Token) -> str | None:
        return ctx.actor_of(token) or addressees.pronoun_actor(token, index)

    def reported(token: Token) -> bool:
        return recommenders.report_at(index, token.idx) is not None

    def names_speaker(token: Token) -> bool:
        return recommenders.names_speaker(index, token)

    return modals.Scope(ctx, rules, sent, backshifted, pronoun_actor, reported, names_speaker)


_THIRD_PERSON = frozenset({"he", "she", "they"})


def _speaker_as_third_person(subject: Token | None, addressee: str | None, recommender: Recommender) -> bool:
    """Did a "he"/"she" that coreference resolved to the speaker end up as the addressee of
    the speaker's own advice? A speaker who quotes "He should withdraw" means someone else,
    and one who says he himself should act states a duty, not advice to anyone."""
    return (
        subject is not None
        and subject.lower_ in _THIRD_PERSON
        and addressee is not None
        and addressee == recommender.actor_id
    )


def _prescription_row(
    ctx: DocContext,
    sent: Span,
    index: int,
    p: Prescription,
    stop: int,
    rules: PrescriptiveRules,
    addressees: AddresseeResolver,
    recommenders: RecommenderResolver,
    list_voice: Recommender | None,
) -> RecommendationRow | None:
    action, condition = action_and_condition(sent, p.action_start, p.action_head, stop, rules)
    if action.end <= action.start:
        return None
    doc = ctx.doc
    negated = any(t.lower_ == "n't" for t in doc_tokens(doc)[p.start : p.action_start])
    if p.kind == "demand" and p.speaker is not None:
        recommender = recommenders.for_demand(index, p.speaker)
    else:
        recommender = recommenders.for_token(index, doc[p.action_start])
    if recommender == AUTHOR and list_voice is not None:
        recommender = list_voice
    addressee = addressees.resolve(p.subject, index)
    if _speaker_as_third_person(p.subject, addressee, recommender):
        addressee = None
    addressees.remember(index, addressee)
    return _row(
        ctx,
        sent,
        p.start,
        action,
        condition,
        modal=p.modal,
        strength=p.strength,
        addressee=addressee,
        recommender=recommender,
        confidence=_confidence(p, addressee, rules),
        negated=negated,
    )
