"""Judgments a named speaker voices: disapproval is ACCUSE, praise is SUPPORT.

PLOVER codes a speaker's criticism as ACCUSE (mode ``disapprove``) and praise or
endorsement as SUPPORT, whatever verb reports it. News prose seldom uses a verb of
accusing for this; it reports the words: "He said Mr Straw was 'naive beyond belief'",
"Sessions called the ruling 'a substantial victory'". Two constructions carry such a
judgment:

- **reported content**: what a named speaker said, wrote or tweeted (an attribution from
  geodiscourse.extract.attribution), judged by the valence of its words;
- **verbs of naming** with a predicate: "X called Y a hoax", "branded it a disgrace",
  "described the deal as a victory": the predicate is X's judgment of Y.

Word valences come from VADER's rated lexicon, compiled by
``tools/build_evaluation_lexicon.py`` into ``rules/events/evaluative_words.json`` (words
that name events are left out there: a speaker reporting an attack reports an event).
A judgment is of someone: words that name no actor but the speaker are an opinion, not
an event (the guidelines' "not events: opinions"), unless they judge a particular act
("Yukos says the sale was illegal", "the firm said the move was a positive decision"):
that accuses or supports whoever did it, named or not. Content that already holds an
event trigger reports that event and is not read again as a judgment; thresholds and the
verbs of naming are in ``rules/events/evaluations.yaml``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from geodiscourse.extract.attribution import Attribution
from geodiscourse.extract.events.lexicon import plover_lexicon
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.text import span_tokens

__all__ = ["EvaluationRules", "Judgment", "disapproves", "evaluation_rules", "judgments"]


@dataclass(frozen=True)
class EvaluationRules:
    """Valences and the thresholds that turn them into an event (see evaluations.yaml)."""

    valences: dict[str, float]
    accuse_at: float
    support_at: float
    negation_scalar: float
    naming_verbs: frozenset[str]
    naming_preps: frozenset[str]
    judged_conduct: frozenset[str]
    stance_words: frozenset[str]
    confidence: float
    denial_verbs: frozenset[str]
    denial_words: frozenset[str]
    denied_claims: frozenset[str]
    rebuttal_verbs: frozenset[str]
    own_act_speech_verbs: frozenset[str]
    own_act_exempt: frozenset[str]
    refusal_answers: frozenset[str]
    hostile_at: float
    hostile_exempt: frozenset[str]


@dataclass(frozen=True)
class Judgment:
    """A speaker's judgment: its type, who judges whom, the cue that reports it and the
    word that carries it."""

    event_type: str
    mode: str | None
    source: str
    target: str | None
    cue: Token
    word: Token
    valence: float


@cache
def evaluation_rules() -> EvaluationRules:
    root = resources.files("geodiscourse.rules.events")
    valences = json.loads(root.joinpath("evaluative_words.json").read_text(encoding="utf-8"))["words"]
    raw = yaml.safe_load(root.joinpath("evaluations.yaml").read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in raw[key])

    return EvaluationRules(
        valences={str(k): float(v) for k, v in valences.items()},
        accuse_at=float(raw["accuse_at"]),
        support_at=float(raw["support_at"]),
        negation_scalar=float(raw["negation_scalar"]),
        naming_verbs=words("naming_verbs"),
        naming_preps=words("naming_preps"),
        judged_conduct=words("judged_conduct"),
        stance_words=words("stance_words"),
        confidence=float(raw["confidence"]),
        denial_verbs=words("denial_verbs"),
        denial_words=words("denial_words"),
        denied_claims=words("denied_claims"),
        rebuttal_verbs=words("rebuttal_verbs"),
        own_act_speech_verbs=words("own_act_speech_verbs"),
        own_act_exempt=words("own_act_exempt"),
        refusal_answers=words("refusal_answers"),
        hostile_at=float(raw["hostile_at"]),
        hostile_exempt=words("hostile_exempt"),
    )


#: Dependencies through which a word belongs to its clause's predicate: "was not a bad
#: partner" negates "bad" through "partner" and "was".
_PREDICATE_PATH = frozenset({"amod", "advmod", "acomp", "attr", "oprd", "xcomp", "dobj", "conj", "npadvmod"})


def _negated(token: Token) -> bool:
    """Is the word negated, by its own "not" or its predicate's ("was not naive",
    "was not a bad partner")?"""
    node = token
    for _ in range(4):
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if node.dep_ not in _PREDICATE_PATH or node.head.i == node.i:
            return False
        node = node.head
    return False


#: Dependencies that lead into an argument or a subordinate clause: words there name
#: what is talked about ("to release prisoners", "a peace-keeping force"), not what the
#: speaker says of it.
_ARGUMENT_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "dobj",
        "dative",
        "pobj",
        "agent",
        "compound",
        "poss",
        "relcl",
        "advcl",
        "acl",
        "nmod",
    }
)


def _predicated(token: Token, inside: frozenset[int]) -> bool:
    """Is the word part of the main predication of the words ``inside`` ("Mr Straw was
    naive beyond belief", "this is a huge political signal", "would undermine the UN"),
    not inside one of its arguments or subordinate clauses?"""
    node = token
    for _ in range(40):
        if node.head.i == node.i or node.head.i not in inside:
            return True
        if node.dep_ in _ARGUMENT_DEPS:
            return False
        node = node.head
    return False


def _word_valence(token: Token, rules: EvaluationRules) -> float | None:
    if token.lower_ in rules.stance_words and token.dep_ != "amod":
        return None  # "is confident that ..."; but "a positive decision" judges the decision
    value = rules.valences.get(token.lower_)
    return value if value is not None else rules.valences.get(token.lemma_.lower())


def _grades_opposite(token: Token, value: float, rules: EvaluationRules) -> bool:
    """Is the word an adjective grading a noun of the opposite valence? "The greatest
    foe" and "a great liar" judge by the noun; the adjective says how much, not how good."""
    if token.dep_ != "amod":
        return False
    head = _word_valence(token.head, rules)
    return head is not None and head * value < 0


def _valence(
    ctx: DocContext, tokens: Sequence[Token], rules: EvaluationRules, *, predicate_only: bool = True
) -> tuple[float, Token | None]:
    """Summed valence of the words of the main predication (names of actors do not
    count: "Liberal Democrats"), and the word that weighs most."""
    total, strongest, weight = 0.0, None, 0.0
    inside = frozenset(t.i for t in tokens)
    for token in tokens:
        if token.is_punct or ctx.mention_at(token) is not None:
            continue
        if predicate_only and not _predicated(token, inside):
            continue
        value = _word_valence(token, rules)
        if value is None or _grades_opposite(token, value, rules):
            continue
        if _negated(token):
            value *= rules.negation_scalar
        total += value
        if abs(value) > weight:
            strongest, weight = token, abs(value)
    return total, strongest


def _conditional(tokens: Sequence[Token]) -> bool:
    """Is the content conditional or merely possible: a modal other than "will" or a
    condition ("it would be very troubling if ...")?"""
    return any(
        (t.tag_ == "MD" and t.lower_ not in ("will", "'ll", "wo", "shall"))
        or (t.dep_ == "mark" and t.lower_ == "if")
        for t in tokens
    )


def disapproves(ctx: DocContext, clause: Token) -> bool:
    """Does the clause, as a whole, say something bad of its subject, as an allegation
    does ("that Russia imposed the huge tax bill to destroy Yukos"), not merely report it
    ("that Mr Sharon was committed to the roadmap") or guess at it ("could declare it
    bankrupt")? Judged by VADER valence, like voiced judgments."""
    rules = evaluation_rules()
    tokens = list(clause.subtree)
    if _conditional(tokens):
        return False
    total, word = _valence(ctx, tokens, rules, predicate_only=False)
    return word is not None and total <= rules.accuse_at


def _judged(total: float, rules: EvaluationRules) -> tuple[str, str | None] | None:
    if total <= rules.accuse_at:
        return "ACCUSE", "disapprove"
    if total >= rules.support_at:
        return "SUPPORT", None
    return None


#: Dependencies of a name that only modifies what is judged: "an EU arms code was more
#: effective" judges the code, not the EU. A possessor is the one exception (below).
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})


def _judged_phrase(token: Token) -> bool:
    """Does the name stand for what is judged: a phrase of its own, or the possessor of
    one, whose act or conduct it is ("disappointed by Britain's decision" judges
    Britain; "an EU arms code" is the code's)?"""
    if token.dep_ not in _MODIFIER_DEPS:
        return True
    return token.dep_ == "poss" and token.head.dep_ not in _MODIFIER_DEPS


def _target(ctx: DocContext, tokens: Sequence[Token], speaker: str) -> str | None:
    """The first actor the judged words name as what is judged, other than the speaker."""
    for token in tokens:
        mention = ctx.mention_at(token)
        if mention is not None and mention.actor_id and mention.actor_id != speaker and _judged_phrase(token):
            return mention.actor_id
    return None


#: Determiners of any one of a kind, not a particular act.
_INDEFINITE = frozenset({"a", "an", "any", "some", "no", "every", "each"})


def _judges_conduct(word: Token, rules: EvaluationRules) -> bool:
    """Is the judging word predicated of a particular act, policy or decision ("the sale
    was illegal", "those tax demands are exorbitant", "the government's actions were
    contrary to the treaty"), not of a condition ("the weather was terrible"), of the
    speaker's own state ("I am disappointed") or of any one of a kind ("a nuclear attack
    is the main danger")? Condemning or praising an act judges whoever did it, named or not."""
    node = word
    for _ in range(6):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.pos_ != "NOUN":
                return False
            if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in subject.children):
                return False
            lemma = subject.lemma_.lower()
            return (
                lemma in rules.judged_conduct
                or lemma in plover_lexicon().nouns
                or any(c.dep_ == "poss" for c in subject.children)
            )
        if node.head.i == node.i or node.dep_ not in _PREDICATE_PATH:
            return False
        node = node.head
    return False


def _cue_token(sent: Span, attribution: Attribution, inside: Sequence[Token]) -> Token:
    """The reporting verb outside the content ("said"), else the word the content
    hangs on, else the sentence's root."""
    content = {t.i for t in inside}
    cue = attribution.cue.lower()
    for token in span_tokens(sent):
        if token.i not in content and cue in (token.lower_, token.lemma_.lower()):
            return token
    for token in inside:
        if token.head.i not in content and token.head.i != token.i:
            return token.head
    return sent.root


def _reported_judgments(
    ctx: DocContext,
    sent: Span,
    voices: Sequence[Attribution],
    taken: frozenset[int],
    rules: EvaluationRules,
) -> list[Judgment]:
    out: list[Judgment] = []
    for attribution in voices:
        speaker = attribution.speaker_actor_id
        if not speaker:
            continue
        inside = [
            t for t in span_tokens(sent) if attribution.content_start <= t.idx < attribution.content_end
        ]
        if not inside or any(t.i in taken for t in inside) or _conditional(inside):
            continue  # content that reports an event is that event; "would be troubling if" judges nothing yet
        total, word = _valence(ctx, inside, rules)
        judged = _judged(total, rules)
        if judged is None or word is None:
            continue
        cue = _cue_token(sent, attribution, inside)
        target = _target(ctx, inside, speaker)
        if cue.i in taken or (target is None and not _judges_conduct(word, rules)):
            continue  # "criticised" is coded by the verb itself; a judgment of no one is an opinion
        out.append(Judgment(judged[0], judged[1], speaker, target, cue, word, total))
    return out


def _naming_predicate(verb: Token, rules: EvaluationRules) -> tuple[Token, Token] | None:
    """(object, predicate) of "called Y a hoax" or "described Y as a victory"."""
    if verb.lemma_.lower() not in rules.naming_verbs:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    for child in [*verb.children, *obj.children]:  # "as" hangs on either in parses
        if child.dep_ in ("oprd", "xcomp", "ccomp") and child.i > obj.i and child.head.i == verb.i:
            return obj, child
        if child.dep_ == "prep" and child.lower_ in rules.naming_preps and child.i > obj.i:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return obj, pobj
    # the parser often attaches the predicate to the object: "called [allegations ... a hoax]"
    for child in obj.children:
        if child.dep_ in ("appos", "attr", "oprd", "npadvmod") and child.i > obj.i:
            return obj, child
    return None


def _conduct(obj: Token, rules: EvaluationRules) -> bool:
    """Does the object of a verb of naming stand for someone or their conduct: a pronoun,
    a name, people no actor stands for ("called the players sons of bitches"), or a noun
    of acts, words and policies?"""
    lemma = obj.lemma_.lower()
    return (
        obj.pos_ in ("PRON", "PROPN")
        or lemma in rules.judged_conduct
        or lemma in plover_lexicon().people_nouns
    )


def _naming_judgments(
    ctx: DocContext, sent: Span, taken: frozenset[int], rules: EvaluationRules
) -> list[Judgment]:
    out: list[Judgment] = []
    for verb in span_tokens(sent):
        if verb.pos_ != "VERB" or verb.i in taken:
            continue
        found = _naming_predicate(verb, rules)
        if found is None:
            continue
        obj, predicate = found
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        source = ctx.actor_of(subject)
        if source is None:
            continue
        total, word = _valence(ctx, list(predicate.subtree), rules, predicate_only=False)
        judged = _judged(total, rules)
        if judged is None or word is None:
            continue
        if judged[0] == "ACCUSE" and obj.lemma_.lower() in rules.denied_claims:
            # "called allegations of meddling a hoax": the claim is rejected, and the one
            # rejected is whoever made it, when the text says so ("the US claims")
            owner = next((c for c in obj.children if c.dep_ == "poss"), None)
            out.append(Judgment("REJECT", None, source, ctx.actor_of(owner), verb, word, total))
            continue
        target = ctx.actor_of(obj) or _target(ctx, list(obj.subtree), source)
        if target == source:
            target = None  # "Russia called itself naive": no judgment of another
        if target is None and not (judged[0] == "ACCUSE" and _conduct(obj, rules)):
            continue  # calling a policy a disgrace denounces it; calling it a success is talk
        out.append(Judgment(judged[0], judged[1], source, target, verb, word, total))
    return out


def _hostile_acts(
    ctx: DocContext, sent: Span, taken: frozenset[int], rules: EvaluationRules
) -> list[Judgment]:
    """One actor doing a verb of denigration to another: "Trump mocked McCain", "she
    belittled the Senate", "Putin insulted the EU". The codebook's ACCUSE covers those who
    "criticize, defame, denigrate responsible parties"; the verb's own valence (VADER)
    says it denigrates, and both sides must be actors, the subject named as one itself.
    Verbs of feeling ("Russia fears NATO") and of causing one ("Bush angered Beijing")
    are no act on anyone (evaluations.yaml hostile_exempt)."""
    out: list[Judgment] = []
    for verb in span_tokens(sent):
        if verb.pos_ != "VERB" or verb.i in taken:
            continue
        lemma = verb.lemma_.lower()
        value = rules.valences.get(lemma)
        if value is None or value > rules.hostile_at or lemma in rules.hostile_exempt:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if subject is None or ctx.mention_at(subject) is None:
            continue  # the actor itself acts, not its deed: "Britain's ban angered Beijing"
        source, target = ctx.actor_of(subject), ctx.actor_of(obj)
        if source is None or target is None or source == target:
            continue
        out.append(Judgment("ACCUSE", "disapprove", source, target, verb, verb, value))
    return out


def judgments(
    ctx: DocContext, sent: Span, voices: Sequence[Attribution], taken: frozenset[int]
) -> list[Judgment]:
    """Judgments voiced in the sentence whose cue no event already holds."""
    rules = evaluation_rules()
    found: list[Judgment] = []
    for readings in (
        _naming_judgments(ctx, sent, taken, rules),
        _hostile_acts(ctx, sent, taken, rules),
        _reported_judgments(ctx, sent, voices, taken, rules),
    ):
        cues = {j.cue.i for j in found}  # the first reading of a cue wins
        found += [j for j in readings if j.cue.i not in cues]
    return found
