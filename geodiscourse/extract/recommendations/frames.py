"""Prescriptive frames without a modal on the action's verb.

"it is essential that the government act", "it is time for Britain to join",
"there is an urgent need to curb ...", "the priority should be on failing states",
"the best course would be to ...", and present-tense demands ("his report demands a
major overhaul", "this calls for closer scrutiny", "the committee urges ministers to
..."), and any verb of appeal the event lexicon codes as REQUEST in "V X to do"
("implored his administration to investigate"). Past demands of a thing alone ("have
repeatedly called for") report a request, an event rather than advice, and are left to
the events table.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from geodiscourse.extract.events.compiled import compiled_verbs
from geodiscourse.extract.events.lexicon import plover_lexicon
from geodiscourse.extract.recommendations.agency import noun_can_act
from geodiscourse.extract.recommendations.lexicon import PrescriptiveRules
from geodiscourse.extract.recommendations.modals import Scope, clause_blocked
from geodiscourse.extract.recommendations.prescription import (
    Prescription,
    child,
    command_lead,
    has_negation,
    is_verb,
)

_PRESENT_BE = frozenset({"is", "'s", "are", "remains"})
_DEONTIC_MODALS = {"should": "moderate", "must": "strong", "ought": "moderate"}
#: Dependencies of a clause's subject, which a conjoined verb shares ("we care ... and respect").
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def _be_tense_ok(be: Token, scope: Scope) -> tuple[bool, bool]:
    """(usable, backshifted): present "is", "would be", or "was" in reported speech."""
    aux = [c.lower_ for c in be.children if c.dep_ == "aux"]
    if has_negation(be):
        return False, False
    if be.lower_ in _PRESENT_BE or (be.lower_ == "be" and aux and aux[0] in ("would", "will")):
        return True, False
    if be.lower_ == "been" and aux and aux[0] in ("has", "have", "'s", "'ve"):
        return True, False  # "it has always been preferable that ...": a present perfect

    if be.lower_ == "was" and scope.backshifted(be):
        return True, True
    return False, False


def _to_infinitive(head: Token) -> tuple[Token | None, Token | None]:
    """The verb of a "(for X) to do" complement under ``head``, and X."""
    for c in head.children:
        infinitive = any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        if c.dep_ in ("xcomp", "advcl", "relcl", "acl", "ccomp") and c.tag_ == "VB" and infinitive:
            subject = child(c, "nsubj")
            if subject is None:
                prep = next((p for p in head.children if p.lower_ == "for" and p.i < c.i), None)
                subject = None if prep is None else child(prep, "pobj")
            return c, subject
    return None, None


def _that_clause(head: Token) -> Token | None:
    return next(
        (c for c in head.children if c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children)), None
    )


def impersonal(scope: Scope) -> list[Prescription]:
    """Impersonal frames: "it is essential that X do", "it is vital to act", "it is time for X to act"."""
    rules = scope.rules
    found: list[Prescription] = []
    for tok in scope.sent:
        strength = rules.impersonal_adjectives.get(tok.lower_)
        if strength is None or tok.dep_ not in ("acomp", "attr") or tok.head.lemma_ != "be":
            continue
        if tok.lower_ != "time" and tok.pos_ != "ADJ":
            continue  # "it was their right to ...": an entitlement, not advice
        be = tok.head
        subject = child(be, "nsubj", "expl")
        if subject is None or subject.lower_ != "it":
            continue
        usable, backshifted = _be_tense_ok(be, scope)
        if not usable or any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
            continue  # "it is crucial to Russia that ...": whose interest, not advice
        verb, addressee = None, None
        for holder in (tok, be):
            clause = _that_clause(holder)
            if clause is not None:
                verb, addressee = clause, grammatical_or_none(clause)
                break
            verb, addressee = _to_infinitive(holder)
            if verb is not None:
                break
        if verb is None or _comments_on_the_text(verb, rules):
            continue
        found.append(
            Prescription(
                modal=scope.sent.doc[subject.i : tok.i + 1].text,
                strength=strength,
                kind="impersonal",
                start=subject.i,
                action_start=_verb_start(verb),
                action_head=verb,
                subject=addressee,
                backshifted=backshifted,
            )
        )
    return found


def _comments_on_the_text(verb: Token, rules: PrescriptiveRules) -> bool:
    """ "it is important to note that ...": a verb of saying or noting comments on the text,
    unless an adjective completes it into an act ("it was time for him to say sorry")."""
    return verb.lemma_.lower() in rules.discourse_verbs and not any(c.dep_ == "acomp" for c in verb.children)


def grammatical_or_none(verb: Token) -> Token | None:
    return child(verb, "nsubj", "nsubjpass")


def _verb_start(verb: Token) -> int:
    """The action starts at the verb, or at "not" just before it."""
    neg = next((c for c in verb.children if c.dep_ == "neg" and c.i < verb.i and c.lower_ != "n't"), None)
    return neg.i if neg is not None else verb.i


def need_nouns(scope: Scope) -> list[Prescription]:
    """Nominal need: "there is an urgent need to curb ...", "there is a need for Britain to act"."""
    rules = scope.rules
    found: list[Prescription] = []
    for tok in scope.sent:
        if tok.lemma_.lower() not in rules.need_nouns or tok.pos_ != "NOUN" or tok.dep_ != "attr":
            continue
        be = tok.head
        expl = child(be, "expl")
        if (
            be.lemma_ != "be"
            or expl is None
            or any(c.lower_ in ("no", "any", "little") for c in tok.children)
        ):
            continue  # "there is no need", "(he denied) there is any need"
        usable, backshifted = _be_tense_ok(be, scope)
        if not usable:
            continue
        verb, addressee = _to_infinitive(tok)
        if verb is not None:
            action_head, action_start = verb, _verb_start(verb)
        else:
            prep = next((c for c in tok.children if c.lower_ == "for" and c.dep_ == "prep"), None)
            obj = None if prep is None else child(prep, "pobj")
            if obj is None:
                continue
            action_head, action_start = obj, obj.left_edge.i
        found.append(
            Prescription(
                modal=scope.sent.doc[expl.i : tok.i + 1].text + " to",
                strength="strong",
                kind="need",
                start=expl.i,
                action_start=action_start,
                action_head=action_head,
                subject=addressee,
                backshifted=backshifted,
            )
        )
    return found


def course_nouns(scope: Scope) -> list[Prescription]:
    """Course nouns: "the priority should be on ...", "the best course would be (for X) to ..."."""
    rules = scope.rules
    doc = scope.sent.doc
    found: list[Prescription] = []
    for tok in scope.sent:
        if tok.lemma_.lower() not in rules.course_nouns or tok.dep_ != "nsubj" or tok.head.lemma_ != "be":
            continue
        be = tok.head
        modal = next((c for c in be.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
        if modal is None or has_negation(be) or clause_blocked(be, modal):
            continue
        strength = _DEONTIC_MODALS.get(modal.lower_)
        if strength is None:
            markers = {c.lower_ for c in tok.children if c.dep_ in ("amod", "det", "advmod")}
            if modal.lower_ != "would" or not markers & rules.course_would_markers:
                continue
            strength = "weak" if "possible" in markers else "moderate"
        verb, addressee = _to_infinitive(be)
        complement = next((c for c in be.children if c.i > be.i and c.dep_ not in ("punct", "advmod")), None)
        if verb is not None:
            head, start = verb, _verb_start(verb)
        elif complement is not None:
            head, start = complement, complement.left_edge.i
        else:
            continue
        if addressee is None:
            addressee = child(tok, "poss")
        found.append(
            Prescription(
                modal=f"{tok.text} {doc[modal.i : be.i + 1].text}",
                strength=strength,
                kind="course",
                start=tok.left_edge.i,
                action_start=start,
                action_head=head,
                subject=addressee,
            )
        )
    return found


def demand_verbs(scope: Scope) -> list[Prescription]:
    """ "X demands / urges / calls for / recommends Y" in the present or the simple past (a
    demand made: "G7 ministers called for more flexibility"); as a perfect ("have
    repeatedly called for"), progressive or gerund only
    where the demand names who is to act and what ("calling for the US to hold X
    accountable"), as with the verbs of appeal in any tense ("He called on China to step
    up", "urged ministers to rethink"): such a call, reported, is the caller's advice."""
    ctx, rules = scope.ctx, scope.rules
    directives = directive_verbs(rules)
    found: list[Prescription] = []
    for tok in scope.sent:
        lemma = tok.lemma_.lower()
        strength = rules.demand_verbs.get(lemma)
        directive = strength is None and lemma in directives
        if directive:
            strength = DIRECTIVE_STRENGTH
        if strength is None or tok.tag_ not in _DEMAND_TAGS or not is_verb(tok) or has_negation(tok):
            continue
        passive = _passive_demand(tok, lemma, directive)
        if passive is not None:
            found.append(passive)  # "Tony Blair is being urged to use all his powers"
            continue
        speaker = child(tok, "nsubj") or _participle_subject(tok) or _shared_subject(tok)
        if speaker is None:
            continue
        head, start, addressee = _demanded(tok, lemma)
        if head is None or start is None:
            continue
        if _site_to_reader(speaker, addressee, scope):
            continue  # "We urge you to support the following local businesses": the page's call
        if directive and (
            addressee is None
            or head.i != (_to_infinitive(tok)[0] or tok).i
            or tok.tag_ not in _DIRECTIVE_TAGS
        ):
            # only "implored X to do": "asked a question", "told him that" are no advice, and
            # "is pressing X to", "will be asking X to" report a request under way or planned
            continue
        # who calls on someone to do something acts by saying so ("Viewers called on the
        # network to fire those responsible"); a bare "calls for" needs a subject that can act
        full_call = (
            addressee is not None and head.pos_ in ("VERB", "AUX") and speaker.pos_ in ("NOUN", "PROPN")
        )
        speaker_word = speaker.lemma_.lower()
        if (
            not full_call
            and speaker_word not in rules.demand_subject_nouns
            and not noun_can_act(speaker, ctx, rules)
        ):
            continue
        if (
            tok.tag_ not in _PRESENT_TAGS
            and (addressee is None or head.pos_ not in ("VERB", "AUX"))
            and (directive or tok.tag_ != "VBD")
        ):
            continue  # "have repeatedly called for", "is calling for": requests over time or under way
        found.append(
            Prescription(
                modal=tok.text if lemma != "call" else f"{tok.text} {scope.sent.doc[tok.i + 1].text}",
                strength=strength,
                kind="demand",
                start=speaker.left_edge.i,
                action_start=start,
                action_head=head,
                subject=addressee,
                speaker=speaker,
            )
        )
    return found


def _site_to_reader(speaker: Token, addressee: Token | None, scope: Scope) -> bool:
    """Is it the page's own voice urging its reader ("We urge you to support the following
    local businesses", "we encourage you to find out how to make the most of our alerts")?
    The author's "we" asking "you" addresses whoever reads, no actor, in the site's
    furniture; reported words ("'We urge you to act,' the minister told MPs") are advice."""
    return (
        speaker.lower_ == "we"
        and addressee is not None
        and addressee.lower_ == "you"
        and not scope.reported(speaker)
    )


#: Tags of a demand verb: present and simple past always; a participle or gerund, and any
#: tense of a verb of appeal, only with an addressee and an infinitive (see demand_verbs).
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_DEMAND_TAGS = _PRESENT_TAGS | {"VBD", "VBN", "VBG"}


#: Strength of a demand made with a verb of appeal (see prescriptive.yaml directive_exclusions).
DIRECTIVE_STRENGTH = "moderate"
#: Tags of a verb of appeal that gives advice: simple present or past, as said.
_DIRECTIVE_TAGS = frozenset({"VBZ", "VBP", "VBD"})
#: Prepositions that introduce whom a verb of appeal addresses: "appealed to Iran to stop".
_APPEAL_PREPS = frozenset({"to", "with", "on", "upon"})


@cache
def _request_verbs() -> frozenset[str]:
    """Verbs the event lexicon codes as REQUEST, hand-written or compiled from CAMEO."""
    lexicon = plover_lexicon()
    hand = {
        lemma for lemma, frames in lexicon.verbs.items() if any(f.event_type == "REQUEST" for f in frames)
    }
    compiled = {
        lemma
        for lemma, readings in compiled_verbs().items()
        for reading in readings
        if reading.particle is None
        and reading.default is not None
        and reading.default.event_type == "REQUEST"
    }
    return frozenset(hand | compiled)


def directive_verbs(rules: PrescriptiveRules) -> frozenset[str]:
    """Verbs of appeal that make "V X to do" a demand (prescriptive.yaml directive_exclusions)."""
    return _request_verbs() - rules.directive_exclusions


def _passive_demand(verb: Token, lemma: str, directive: bool = False) -> Prescription | None:
    """ "X is urged / was called on to do Y": advice to X, by the "by" phrase's actor or by
    someone unnamed. A verb of appeal in the present passive is an appeal in force
    ("Anyone with information is asked to call the police", "participants are being
    encouraged to offset their flights"); in the past ("he was asked to resign") it
    reports a request made."""
    addressee = child(verb, "nsubjpass")
    if addressee is None:
        return None
    if lemma not in ("urge", "call", "press") and not (
        directive and _present_passive(verb) and verb.dep_ not in _DESCRIBING_CLAUSES
    ):
        return None  # "times when we are challenged to defend ...": a description, no appeal
    if lemma == "call" and not any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in verb.children):
        return None
    infinitive, _ = _to_infinitive(verb)
    if infinitive is None:
        return None
    agent = child(verb, "agent")
    speaker = None if agent is None else child(agent, "pobj")
    return Prescription(
        modal=verb.text,
        strength="moderate",
        kind="demand",
        start=addressee.left_edge.i,
        action_start=_verb_start(infinitive),
        action_head=infinitive,
        subject=addressee,
        passive=True,
        speaker=speaker,
    )


#: Clauses that describe a noun or a circumstance rather than make a statement of their own.
_DESCRIBING_CLAUSES = frozenset({"relcl", "acl", "advcl"})


def _present_passive(verb: Token) -> bool:
    """Is the passive in the present ("is asked", "are being asked")?"""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    return (
        bool(auxiliaries)
        and auxiliaries[0].tag_ in ("VBZ", "VBP")
        and all(a.tag_ != "MD" for a in auxiliaries)
    )


def _for_marked_infinitive(verb: Token) -> Token | None:
    """The infinitive of "call for X to do", which the parser hangs on the verb with "for"
    as its marker, right after the verb."""
    for c in verb.children:
        marks = [m for m in c.children if m.dep_ == "mark" and m.lower_ == "for"]
        if (
            c.dep_ in ("advcl", "ccomp", "xcomp")
            and c.tag_ == "VB"
            and marks
            and marks[0].i == verb.i + 1
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ):
            return c
    return None


def _shared_subject(verb: Token) -> Token | None:
    """The subject of the first of coordinated verbs, which they all share: "Trump accused
    CNN of a mistake and called on the network to fire those responsible"."""
    node = verb
    while node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
        subject = child(node, "nsubj")
        if subject is not None:
            return subject
    return None


def _participle_subject(verb: Token) -> Token | None:
    """The subject of the clause a participle hangs on: "..., calling for X to act"."""
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp"):
        return child(verb.head, "nsubj")
    return None


def _demanded(verb: Token, lemma: str) -> tuple[Token | None, int | None, Token | None]:
    """What is demanded (its head and first token) and of whom."""
    if lemma == "call":
        prep = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on", "upon")), None
        )
        marked = _for_marked_infinitive(verb)
        if prep is None and marked is not None:
            return marked, _verb_start(marked), child(marked, "nsubj")  # "called for the White House to act"
        if prep is None or prep.i != verb.i + 1:
            return None, None, None
        obj = child(prep, "pobj")
        infinitive, subject = _to_infinitive(verb)
        if prep.lower_ == "for" and infinitive is not None and subject is not None:
            return infinitive, _verb_start(infinitive), subject  # "called for the White House to act"
        if prep.lower_ == "for":
            inner = None if obj is None else _to_infinitive(obj)[0]
            if obj is not None and inner is not None:
                return inner, _verb_start(inner), obj  # "calling for the U.S. to hold ..."
            return (obj, obj.left_edge.i, None) if obj is not None else (None, None, None)
        if infinitive is None:
            return None, None, None
        return infinitive, _verb_start(infinitive), obj
    clause = _that_clause(verb)
    if clause is not None:
        return clause, _verb_start(clause), grammatical_or_none(clause)
    obj = child(verb, "dobj")
    infinitive, its_subject = _to_infinitive(verb)
    if obj is None and infinitive is not None:  # "appealed to Iran to stop", "pleaded with him to go"
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in _APPEAL_PREPS), None)
        # the parser may make the one asked the infinitive's subject: "implored [X to investigate]"
        obj = its_subject if prep is None else child(prep, "pobj")
    if obj is not None and infinitive is not None:  # "urges ministers to rethink"
        return infinitive, _verb_start(infinitive), obj
    if obj is not None and lemma != "urge":
        return obj, obj.left_edge.i, None
    return None, None, None


def imperatives(scope: Scope) -> list[Prescription]:
    """Commands: a bare verb heading a main clause, with no subject, auxiliary or "to".
    In someone's reported words ('Schumer told Trump: "... Then fund the wall."') it is the
    speaker's advice to whoever they address. In the author's own voice it is the author's
    advice ("Leave the statue debate to the states.", "Go look at the graves of brave
    patriots!") only in a finished sentence of the body: a headline has no final stop, a
    list item states terms, and a page's own furniture ("Click here to read more.") asks
    for a click (prescriptive.yaml page_actions)."""
    found: list[Prescription] = []
    root = scope.sent.root
    heads = [root, *(c for c in root.children if c.dep_ in ("conj", "ccomp", "parataxis"))]
    heads += [t for t in _quotation_openers(scope) if t not in heads]
    for head in heads:
        lemma = head.lemma_.lower()
        reported = scope.reported(head)
        act = head
        if lemma == "let":
            hortative = _hortative_act(head, scope.rules)
            if hortative is None:
                continue  # "let me be clear", "let us know what you think"
            act = hortative  # "Let's just apologise and move on": advice to the speaker's side
        if not reported and not _author_command(head, scope):
            continue
        if lemma in scope.rules.speech_act_verbs or lemma in scope.rules.experiencer_verbs:
            continue  # "say what you like", "imagine ..."
        if any(c.dep_ == "conj" and child(c, "nsubj") is not None for c in head.children):
            continue  # "speak out and you're damned": a condition with its outcome, no advice
        if head.dep_ == "conj" and any(c.dep_ in _SUBJECTS for c in head.head.children):
            continue  # "We care about our players and respect their opinions": a shared subject
        if lemma in scope.rules.exclamative_commands and _wh_complement(head):
            continue  # "Look who's having the last laugh", "Guess what": an exclamation
        if lemma in scope.rules.discourse_commands and _frames_a_statement(head):
            continue  # "Remember his excuse was 'locker room talk'", "Believe me": a statement framed
        # the author's command opens the sentence; a quoted one may follow its frame
        lead = command_lead(head, max(head.left_edge.i, scope.sent.start) if reported else scope.sent.start)
        if lead is None:
            continue
        found.append(
            Prescription(
                modal="imperative",
                strength="moderate",
                kind="imperative",
                start=lead[0].i if lead else head.i,
                action_start=head.i,
                action_head=act,
                subject=None,
            )
        )
    return found


def _quotation_openers(scope: Scope) -> list[Token]:
    """Bare verbs that open a quotation a colon introduces ('told the show: "Let's just
    apologise ..."'): the quoted words are a clause of their own, wherever the parser hung
    them. (A quoted phrase inside a sentence, '"spout the Putin line"', is no command.)"""
    sent = scope.sent
    return [
        t
        for t in sent[2:]
        if t.tag_ == "VB" and t.doc[t.i - 1].tag_ == "``" and t.doc[t.i - 2].text == ":" and scope.reported(t)
    ]


#: The subject of a first-person plural command: "let's go", "let us work together".
_HORTATIVE_SUBJECTS = frozenset({"'s", "’s", "us"})


def _hortative_act(let: Token, rules: PrescriptiveRules) -> Token | None:
    """What a command with "let" asks: "let's do" / "let us do" urges the speaker's own
    side, unless it frames the talk itself ("let's face it", "let's hope", "let us know");
    "let me" is a figure of speech ("let me be clear"); "let X do" asks the hearer to allow
    or stop it ("Don't let Washington ruin you"), so the command is "let" itself."""
    for c in let.children:
        subject = child(c, "nsubj")
        if c.dep_ not in ("ccomp", "xcomp") or c.tag_ != "VB" or subject is None:
            continue
        if subject.lower_ in _HORTATIVE_SUBJECTS:
            return None if c.lemma_.lower() in rules.hortative_frames else c
        return None if subject.lower_ == "me" else let
    return None


def _frames_a_statement(head: Token) -> bool:
    """Does the command only frame a statement: a clause with its own subject ("Remember
    his excuse was ...", "Note that the figures are rough") or the speaker as its object
    ("Believe me", "Trust me")?"""
    return any(
        (
            c.dep_ == "ccomp"
            and (
                c.tag_ in ("VBD", "VBZ", "VBP")
                or any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
            )
        )
        or (c.dep_ == "dobj" and c.lower_ == "me")
        for c in head.children
    )


def _wh_complement(head: Token) -> bool:
    """Does a clause opened by a wh-word complete the verb ("look [who's back]")?"""
    return any(
        c.dep_ in ("ccomp", "dobj", "xcomp", "advcl")
        and c.left_edge.tag_ in ("WP", "WRB", "WDT")
        and c.i > head.i
        for c in head.children
    )


#: Fewest words of a command in the author's voice: "Vote the Turtleboy Ticket." has four.
_AUTHOR_COMMAND_WORDS = 4


def _author_command(head: Token, scope: Scope) -> bool:
    """Can a command in the author's voice be advice here: a finished body sentence (a
    full stop or an exclamation mark), not a list item, with a verb that is no page's
    furniture?"""
    sent = scope.sent
    words = [t for t in sent if not (t.is_punct or t.is_space or t.is_quote)]
    ending = [t for t in sent if not (t.is_space or t.is_quote)]
    return (
        bool(ending)
        and ending[-1].text in (".", "!")
        and ending[0].text not in scope.rules.bullet_marks
        and len(words) >= _AUTHOR_COMMAND_WORDS
        and _commanded_act(head, scope.rules).lemma_.lower() not in scope.rules.page_actions
    )


def _commanded_act(head: Token, rules: PrescriptiveRules) -> Token:
    """The act a command asks for: the verb itself, or what "be sure to", "make sure to"
    or "don't forget to" asks ("Be sure to check out all the park has to offer" asks to
    check it out)."""
    if head.lemma_.lower() == "let":
        return _hortative_act(head, rules) or head
    if head.lemma_.lower() in ("forget", "remember"):  # "Don't forget to subscribe"
        act = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if act is not None:
            return act
    if head.lemma_.lower() in ("be", "make") and any(c.lower_ == "sure" for c in head.children):
        act = next((c for c in head.subtree if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if act is not None:
            return act
    return head
