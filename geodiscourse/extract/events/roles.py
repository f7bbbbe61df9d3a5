"""Who acts and who is acted upon, read off the dependency parse.

Source is the grammatical agent (the subject, a passive's "by" phrase, the controller
of an infinitive: "the EU pledged to work towards lifting" -> EU lifts); target is the
object, the passive subject, or a preposition the frame names ("call on X", "sanctions
on X"). Nominal events take them from possessors and modifiers ("Russia's invasion",
"a Chinese crackdown") and from prepositions ("of Ukraine", "in the US"). Every actor
comes from ``DocContext.actor_of``: this module never resolves a name itself, and
leaves a role null when no resolved actor fills it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from geodiscourse.extract.events.compiled import CONFLICT_TYPES, compiled_verbs
from geodiscourse.extract.events.evaluations import disapproves
from geodiscourse.extract.events.intent import modals_of
from geodiscourse.extract.events.lexicon import NounEntry, VerbFrame, plover_lexicon
from geodiscourse.extract.events.triggers import (
    QUANTITY_NOUNS,
    coordination_head,
    of_objects,
    reduced_relative_head,
)
from geodiscourse.extract.phrases import represented_actor
from geodiscourse.nlp.context import DocContext
from geodiscourse.rules.word_lists import POLITICAL_SECTORS, phoenix_agents

_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
#: Prepositions followed one level further down a restriction or target phrase:
#: "a ban on arms exports to China" -> China.
_NESTED_PREPS = frozenset({"to", "from", "on", "against", "of", "into"})
#: The preposition through which an object that names no actor itself reaches the one
#: it belongs to: "the trade policies of the G7 nations", "reform of the EU's pact".
_OWNER_PREPS = frozenset({"of"})
#: Prepositions through which a verb's object that names no actor reaches the one the act
#: is aimed at: "threatened further action against Russia", "signed a deal with Japan".
_OBJECT_PREPS = _OWNER_PREPS | {"against", "on", "upon", "to", "toward", "towards", "with"}


def phrase_actor(ctx: DocContext, token: Token | None, strict: bool = False) -> str | None:
    """The actor a noun phrase names: its head's or modifiers' mention, the noun a
    relative pronoun stands for, the first resolvable conjunct ("Germany and France"),
    or the "of/from" phrase of an agent noun ("officials from the EU").

    ``strict``: the phrase must itself stand for an actor, so its head is a mention or
    an agent noun ("British officials"), not a thing owned by one ("his concerns").
    """
    if token is None:
        return None
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        token = token.head.head
    return represented_actor(ctx, token, strict=strict)


def between_actors(ctx: DocContext, holders: Iterable[Token | None]) -> tuple[str | None, str | None]:
    """Both sides of "between X and Y" on any of the holders ("signed between Russia and Japan")."""
    for holder in holders:
        if holder is None:
            continue
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "between":
                pobj = _pobj(prep)
                first = phrase_actor(ctx, pobj)
                if first is not None:
                    return first, conjunct_actor(ctx, pobj, first)
    return None, None


def conjunct_actor(ctx: DocContext, token: Token | None, exclude: str | None) -> str | None:
    """The actor of a later conjunct of a phrase, other than ``exclude``: the second
    side of "Blair and Bush met"."""
    if token is None:
        return None
    for part in token.conjuncts:
        found = ctx.actor_of(part)
        if found is not None and found != exclude:
            return found
    return None


def _child(token: Token, deps: Iterable[str]) -> Token | None:
    wanted = set(deps)
    return next((c for c in token.children if c.dep_ in wanted), None)


def _pobj(prep: Token) -> Token | None:
    return next((g for g in prep.children if g.dep_ == "pobj"), None)


def passive_agent(verb: Token) -> Token | None:
    """The noun of a passive's "by" phrase ("killed by a gunman": gunman)."""
    agent = _child(verb, ("agent",))
    return None if agent is None else _pobj(agent)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The token naming who does what the verb says, following shared subjects of
    coordinated verbs, controllers of infinitives (object control for "press the US
    to cut") and participles ("..., branding it ...")."""
    if depth > 6:
        return None
    subject = _child(verb, ("nsubj", "csubj"))
    if subject is not None:
        return subject
    agent = _child(verb, ("agent",))
    if agent is not None:
        return _pobj(agent)  # "welcomed by Beijing"
    if is_passive(verb) or reduced_relative_head(verb) is not None:
        return None
    head, dep = verb.head, verb.dep_
    if head.i == verb.i:
        return None
    if dep == "conj":
        return subject_of(coordination_head(verb), depth + 1)
    if dep == "xcomp":
        controller = _child(head, ("dobj",))
        return controller if controller is not None else subject_of(head, depth + 1)
    if dep == "ccomp" and head.pos_ == "ADJ":
        return subject_of(head, depth + 1)
    if dep == "advcl" and head.pos_ in ("VERB", "AUX"):
        return subject_of(head, depth + 1)
    if dep in ("acomp", "oprd") and head.pos_ in ("VERB", "AUX"):
        return subject_of(head, depth + 1)  # "Russia is likely to invade"
    if dep == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head, depth + 1)
    if dep == "acl" and verb.tag_ == "VBG":
        return head
    if (
        dep in ("acl", "relcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and head.dep_ == "attr"
        and head.head.lemma_ == "be"
    ):
        # an infinitival relative on a predicate noun: the copula's subject acts
        # ("Jordan is the second nation to have signed", "X were the last nations to agree")
        return subject_of(head.head, depth + 1)
    return None


def _prep_actor(
    ctx: DocContext,
    holder: Token,
    name: str,
    nested: bool | frozenset[str],
    strict: bool = False,
    owner: bool = False,
) -> str | None:
    """The actor of the holder's ``name`` phrase; ``nested`` (True: any of _NESTED_PREPS,
    or a set of prepositions) lets a phrase that names none give the actor of one of its
    own prepositional phrases ("a ban on arms exports to China"); ``owner`` reads the
    phrase as a matter and gives whose it is (``_owner_of``)."""
    inner_preps = _NESTED_PREPS if nested is True else (nested or frozenset())
    for prep in holder.children:
        if prep.dep_ not in ("prep", "agent", "dative") or prep.lower_ != name:
            continue
        pobj = _pobj(prep)
        if owner:
            found = _owner_of(ctx, pobj)
        else:
            found = phrase_actor(ctx, pobj, strict) or inner_actor(ctx, pobj, inner_preps)
        if found is not None:
            return found
    return None


def inner_actor(ctx: DocContext, phrase: Token | None, preps: frozenset[str] = _OWNER_PREPS) -> str | None:
    """The actor one level inside a phrase that names none itself: the object of one of
    its prepositions ("the policies of the G7 nations" -> G7), with that object's own
    possessor or modifier ("reform of the EU's stability pact" -> EU)."""
    if phrase is None or not preps:
        return None
    for inner in phrase.children:
        if inner.dep_ == "prep" and inner.lower_ in preps:
            found = phrase_actor(ctx, _pobj(inner))
            if found is not None:
                return found
    return None


def _particle_objects(verb: Token) -> list[Token]:
    """Objects of the prepositions right after a verb: "agreed to [a ceasefire with X]"."""
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.i == verb.i + 1:
            pobj = _pobj(child)
            if pobj is not None:
                out.append(pobj)
    return out


#: Types whose verb acts on the one it asks, forces or warns to act ("implored X to",
#: "forced X to", "warned X not to"); "wanted X to" wishes, and acts on no one.
_CONTROL_TYPES = frozenset({"REQUEST", "COERCE", "THREATEN"})


def _controlled_subjects(verb: Token) -> list[Token]:
    """The object of "V X to do" where the parser made X the subject of the infinitive
    ("implored [Dorgan ... not to do it]", "urged [his administration to investigate]"):
    in English X is the verb's object, the one asked, forced or allowed to act."""
    for clause in verb.children:
        if (
            clause.dep_ in ("ccomp", "xcomp")
            and clause.tag_ == "VB"
            and clause.i > verb.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        ):
            subject = _child(clause, ("nsubj",))
            return [] if subject is None else [subject]
    return []


def verbal_target(ctx: DocContext, verb: Token, frame: VerbFrame, theme: Token | None) -> str | None:
    """The first target the frame's ``targets`` list yields."""
    passive = is_passive(verb)
    strict = frame.target_is_actor
    for role in frame.targets:
        found: str | None = None
        if role == "dobj":
            objects = [c for c in verb.children if c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass")]
            if not objects and not passive and frame.event_type in _CONTROL_TYPES:
                objects = _controlled_subjects(verb)  # "implored Dorgan not to do it"
            if verb.dep_ == "acl" and verb.tag_ == "VBN":
                objects.append(verb.head)
            elif verb.dep_ == "relcl" and not objects and _child(verb, ("nsubj",)) is not None:
                objects.append(verb.head)  # a contact clause: "the country Russia invaded"
            for obj in objects:
                if theme is not None and obj.i == theme.i:
                    continue
                found = phrase_actor(ctx, obj, strict) or (
                    None if strict else inner_actor(ctx, obj, _OBJECT_PREPS)
                )
                if found is not None:
                    break
        elif role == "dative":
            found = phrase_actor(ctx, _child(verb, ("dative",)), strict)
        elif role == "theme_owner":
            found = phrase_actor(ctx, theme)  # whose claim is dismissed: "dismissed the US complaint"
        elif role == "xcomp_dobj":
            xcomp = _child(verb, ("xcomp",))
            found = None if xcomp is None else phrase_actor(ctx, _child(xcomp, ("dobj",)))
        elif role == "ccomp_subj":
            ccomp = _child(verb, ("ccomp",))
            found = None if ccomp is None else phrase_actor(ctx, _child(ccomp, ("nsubj", "nsubjpass")))
        elif role == "alleged_subj":
            # "Yukos claimed that Russia imposed the tax bill to destroy it": the one the
            # allegation is about, when what is alleged is bad (evaluations.disapproves)
            ccomp = _child(verb, ("ccomp",))
            if ccomp is not None and _alleged_against_subject(ctx, ccomp):
                found = phrase_actor(ctx, _child(ccomp, ("nsubj", "nsubjpass")))
        elif role == "for_subj":
            for clause in verb.children:
                if clause.dep_ in ("advcl", "ccomp", "xcomp") and any(
                    g.dep_ == "mark" and g.lower_ == "for" for g in clause.children
                ):
                    found = phrase_actor(ctx, _child(clause, ("nsubj", "nsubjpass")))
                    break
            if found is None:
                found = _prep_actor(ctx, verb, "for", nested=_OWNER_PREPS)
        else:
            found = _prep_actor(ctx, verb, role, nested=not strict, strict=strict)
            for holder in (theme, *_particle_objects(verb)):
                if found is None and holder is not None:
                    found = _prep_actor(ctx, holder, role, nested=True)
            xcomp = _child(verb, ("xcomp",))
            if found is None and xcomp is not None:  # "offered to supply oil to China"
                found = _prep_actor(ctx, xcomp, role, nested=not strict, strict=strict)
        if found is not None:
            return found
    return None


def _predicates(clause: Token) -> list[Token]:
    """The clause's own verbs: its head, coordinated verbs and their infinitives ("imposed
    the tax bill and forced the sale"), not verbs of its arguments ("troops deployed in
    Iraq should be replaced")."""
    out, todo = [], [clause]
    while todo:
        token = todo.pop()
        out.append(token)
        todo.extend(c for c in token.children if c.dep_ in ("conj", "xcomp"))
    return out


def _alleged_against_subject(ctx: DocContext, clause: Token) -> bool:
    """Is what a clause alleges held against its subject: a bad judgment of it, or a
    hostile act of its ("that Trump's campaign had forced the paper to ...", "that Iran
    released the footage to embarrass the US")? A neutral report ("that Mr Sharon was
    committed to the roadmap") or a guess ("could declare it bankrupt") is not."""
    if disapproves(ctx, clause):
        return True
    lexicon = plover_lexicon()
    compiled = compiled_verbs()
    for token in _predicates(clause):
        if token.pos_ != "VERB" or modals_of(token):
            continue
        lemma = token.lemma_.lower()
        types = {f.event_type for f in lexicon.verbs.get(lemma, ())}
        types |= {v.default.event_type for v in compiled.get(lemma, ()) if v.default is not None}
        if types & CONFLICT_TYPES:
            return True
    return False


def verbal_source(ctx: DocContext, verb: Token) -> str | None:
    return phrase_actor(ctx, subject_of(verb))


def _after_anti(modifier: Token) -> bool:
    """Is the modifier the X of "anti-X", the one an act is against ("anti-French protests")?"""
    doc = modifier.doc
    return modifier.i >= 2 and doc[modifier.i - 1].text == "-" and doc[modifier.i - 2].lower_ == "anti"


def _agentive_participle(modifier: Token) -> bool:
    """Is the modifier a participle like "led" in "Iraqi-led", whose compounded actor acts?"""
    return (
        modifier.dep_ == "amod"
        and modifier.tag_ == "VBN"
        and modifier.lemma_.lower() in plover_lexicon().agentive_participles
    )


def _compounded_actor(ctx: DocContext, participle: Token) -> str | None:
    """The actor written before the participle ("Iraqi" of "Iraqi-led")."""
    for child in participle.children:
        if child.i < participle.i and child.dep_ in ("npadvmod", "compound", "nmod", "amod", "advmod"):
            found = ctx.mention_at(child)
            if found is not None and found.actor_id:
                return found.actor_id
    return None


def nominal_roles(
    ctx: DocContext, noun: Token, entry: NounEntry, light_verb: Token | None, carrier: Token | None = None
) -> tuple[str | None, str | None]:
    """Source and target of a nominal event from its dependents, by the entry's roles;
    a light verb's subject acts ("Moscow launched a war"), the prepositions of a verb
    of occurring count as the noun's own ("talks took place with US officials"), and a
    coordinated noun shares its first conjunct's possessor ("Russia's invasion of
    Ukraine and annexation of Crimea")."""
    source: str | None = None
    target: str | None = None
    led_by: str | None = None
    holders = [noun]
    if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        holders.append(noun.head)
    for holder in holders:
        for child in holder.children:
            if holder.i != noun.i and child.dep_ != "poss":
                continue
            if child.dep_ in ("poss", "amod", "compound", "nmod") and _after_anti(child):
                role, actor = "target", ctx.actor_of(child)  # "anti-French demonstrations"
            elif _agentive_participle(child):
                led_by = led_by or _compounded_actor(ctx, child)  # "the Iraqi-led attack"
                continue
            elif child.dep_ in ("poss", "amod", "compound", "nmod"):
                key = "compound" if child.dep_ == "nmod" else child.dep_
                role = entry.roles.get(key, "none")
                actor = ctx.actor_of(child) if role != "none" else None
            elif child.dep_ == "prep":
                role = entry.roles.get(child.lower_) or _default_nominal_role(child.lower_, entry)
                if role == "none":
                    continue
                pobj = _pobj(child)
                if role == "both" and pobj is not None:
                    source = source or ctx.actor_of(pobj)
                    others = [c for c in pobj.conjuncts if ctx.actor_of(c) is not None]
                    target = target or (ctx.actor_of(others[0]) if others else None)
                    continue
                if role == "owner":  # "an investigation into Clinton's emails": Clinton
                    actor = _owner_of(ctx, pobj)
                    role = "target"
                else:
                    actor = phrase_actor(ctx, pobj)
            else:
                continue
            if actor is None:
                continue
            if role == "source" and source is None:
                source = actor
            elif role == "target" and target is None:
                target = actor
    if source is None and target is None:  # "US-brokered talks between A and B": A and B talk
        source = led_by
    if light_verb is not None and source is None:
        source = verbal_source(ctx, light_verb)
    if light_verb is None and noun.dep_ == "dobj":
        undergoer = noun.head
        if undergoer.lemma_.lower() in plover_lexicon().undergoing_verbs and not modals_of(undergoer):
            if target is None:
                target = phrase_actor(
                    ctx, subject_of(undergoer), strict=True
                )  # "Kenya has experienced attacks"
            if source is None:  # "the plan drew criticism from Germany": the act comes from Germany
                source = _prep_actor(ctx, undergoer, _ORIGIN_PREP, nested=False)
    if target is None and noun.dep_ == "pobj" and noun.head.lower_ == _UNDERGOING_PREP:
        target = _undergoer(ctx, noun.head.head)  # "Trump is under investigation"
    if (
        target is None
        and noun.dep_ == "pobj"
        and noun.head.lower_ in _CONFINED_PREPS
        and noun.lemma_.lower() in plover_lexicon().confinement_nouns
    ):
        target = _undergoer(ctx, noun.head.head)  # "Mr Khodorkovsky is in jail"
    verb = light_verb if light_verb is not None else carrier
    if verb is not None and target is None:
        aimed = {_AIMED_PREP: _default_nominal_role(_AIMED_PREP, entry)} if light_verb is not None else {}
        for name, role in {**aimed, **entry.roles}.items():
            if name in ("poss", "amod", "compound"):
                continue
            if role in ("target", "owner"):  # "launched an investigation into Trump"
                target = _prep_actor(ctx, verb, name, nested=False, owner=role == "owner")
            if target is not None:
                break
    return source, target


#: Who is "under" an act undergoes it: "is under investigation", "came under attack".
_UNDERGOING_PREP = "under"
#: Who is "in" or "behind" a place of confinement is held there: "is in jail".
_CONFINED_PREPS = frozenset({"in", "behind"})


def _undergoer(ctx: DocContext, holder: Token) -> str | None:
    """The actor a clause puts "under" an act: the subject of "be", "come", "remain",
    "fall" or "put" (passive: "was put under investigation"), or the noun "under" hangs on."""
    if holder.pos_ in ("NOUN", "PROPN"):
        return phrase_actor(ctx, holder, strict=True)  # "the convoy under attack"
    if holder.pos_ not in ("VERB", "AUX"):
        return None
    return phrase_actor(ctx, _child(holder, ("nsubj", "nsubjpass")), strict=True)


def _owner_of(ctx: DocContext, phrase: Token | None) -> str | None:
    """The actor a phrase is, or failing that the actor whose matter it is: its possessor
    or its nationality ("Trump", "Clinton's use of a server", "Russian meddling"). What is
    investigated is usually someone's conduct, and that someone is the one investigated."""
    if phrase is None:
        return None
    actor = phrase_actor(ctx, phrase, strict=True)
    if actor is not None:
        return actor
    owners = (c for c in phrase.children if c.dep_ in ("poss", "amod", "compound", "nmod"))
    return next((a for c in owners if (a := ctx.actor_of(c)) is not None), None)


#: Prepositions that mark a nominal event's agent or patient in English whatever the
#: noun ("an attack by the group", "protests against the government"); the "on" of an
#: act of force ("attacks on civilians") names its target too.
_AGENT_PREPS = frozenset({"by"})
#: An act comes "from" who performs it: a speech act from its speaker ("criticism from
#: Germany", "calls from Britain for a ceasefire"), and what is received from its giver
#: ("received aid from Russia").
_ORIGIN_PREP = "from"
_PATIENT_PREPS = frozenset({"against"})
_FORCE_PATIENT_PREPS = frozenset({"on", "upon"})
_FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
#: Words and blows are aimed "at" whom they fall on: "criticism at Berlin", "lobbed
#: attacks at Trump", "fire at the crowd".
_AIMED_PREP = "at"


def _default_nominal_role(prep: str, entry: NounEntry) -> str:
    """The role a preposition the entry does not list plays on its event noun."""
    if prep in _AGENT_PREPS or (prep == _ORIGIN_PREP and entry.event_type in plover_lexicon().speech_types):
        return "source"
    if prep in _PATIENT_PREPS or (prep in _FORCE_PATIENT_PREPS and entry.event_type in _FORCE_TYPES):
        return "target"
    if prep == _AIMED_PREP and (
        entry.event_type in _FORCE_TYPES or entry.event_type in plover_lexicon().speech_types
    ):
        return "target"
    return "none"


def nominal_groups(noun: Token, entry: NounEntry) -> tuple[bool, bool]:
    """Whether a nominal event's agent and its patient are unnamed people: "attacks by
    the militants", "attacks on civilians" (see is_group_agent, is_group_patient)."""
    agent = patient = False
    for prep in noun.children:
        if prep.dep_ != "prep":
            continue
        role = entry.roles.get(prep.lower_) or _default_nominal_role(prep.lower_, entry)
        pobj = _pobj(prep)
        if role == "source" and is_group_agent(pobj, entry.event_type):
            agent = True
        elif (
            role == "target"
            and entry.event_type in plover_lexicon().group_patient_types
            and is_group_patient(pobj)
        ):
            patient = True
    return agent, patient


def restriction_roles(ctx: DocContext, noun: Token) -> tuple[str | None, str | None]:
    """Who imposes a restriction and on whom, from the restriction noun itself:
    "the EU embargo on arms exports to China" -> (EU, CHN)."""
    source: str | None = None
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            source = ctx.actor_of(child)
            if source is not None:
                break
    target: str | None = None
    for name in ("on", "against", "to", "upon"):
        target = _prep_actor(ctx, noun, name, nested=True)
        if target is not None:
            break
    return source, target


def modifier_actor(ctx: DocContext, noun: Token) -> str | None:
    """The actor a possessor, compound or adjective in front of a noun names ("Washington's
    call", "an EU demand", "the American request")."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < noun.i:
            actor = ctx.actor_of(child)
            if actor is not None:
                return actor
    return None


#: Phoenix sectors whose members act as a political group in any event (POLITICAL_SECTORS).
#: Anyone else ("students", "workers", "people") acts as a group only in a protest, and
#: firms never.
_POLITICAL_SECTORS = POLITICAL_SECTORS
_NON_POLITICAL_SECTORS = frozenset({"BUS"})


#: Quantity nouns that, modified and with no "of" phrase, name a group themselves: "the
#: terror group", "an armed band".
_COLLECTIVE_NOUNS = frozenset({"group", "band"})


#: Phoenix sectors of people who use force outside the state: armed groups, criminals, rebels.
_VIOLENT_SECTORS = ("UAF", "CRM", "REB")


def _violent_agent(token: Token, event_type: str | None) -> bool:
    """One attacker named by what they do, with a determiner, as the agent of force:
    "the gunman opened fire", "a suicide bomber blew himself up" (see
    violent_agent_nouns in rules/events/plover.yaml)."""
    if event_type not in _FORCE_TYPES or not any(
        c.dep_ in ("det", "amod", "compound", "nummod") for c in token.children
    ):
        return False
    lemma = token.lemma_.lower()
    sector = phoenix_agents().get(lemma)
    return lemma in plover_lexicon().violent_agent_nouns or (
        sector is not None and sector.startswith(_VIOLENT_SECTORS)
    )


def is_group_agent(token: Token | None, event_type: str | None = None) -> bool:
    """Does the phrase name an unnamed group that can act: "Afghan rebels", "riot police",
    "2,000 protesters", "thousands of Iraqi Kurds", "Palestinians"? Such a subject
    makes a verb's event specific though no actor resolves (the source stays null).
    The nouns are Phoenix's agents (rules/shared/phoenix_agents.json), by sector (see
    _POLITICAL_SECTORS). Speech acts (the lexicon's speech_types) take people of any
    sector but business: "local residents accused ...", "journalists condemned ..."
    report an accusation whoever voices it, where "residents demolished" needs a
    political agent to be an event."""
    if token is None or token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.lower_ in _COLLECTIVE_NOUNS and any(c.dep_ in ("amod", "compound") for c in token.children):
        return not any(p.dep_ == "prep" and p.lower_ == "of" for p in token.children)  # "an armed group"
    if token.lower_ in QUANTITY_NOUNS:
        return any(is_group_agent(g, event_type) for g in of_objects(token))
    if token.ent_type_ == "NORP" and token.tag_ in ("NNS", "NNPS"):
        return True
    if _violent_agent(token, event_type):
        return True
    sector = phoenix_agents().get(token.lemma_.lower())
    if sector is None and token.lemma_.lower() in plover_lexicon().group_agent_nouns:
        sector = "GOV"  # the project's own agent nouns: officials, parties, forces
    if sector is None:
        # a plural of people named by where they are from: "Palestinian prisoners"
        return (
            event_type == "PROTEST"
            and token.tag_ == "NNS"
            and any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in token.children)
        )
    if sector in _NON_POLITICAL_SECTORS or (
        event_type != "PROTEST"
        and event_type not in plover_lexicon().speech_types
        and not sector.startswith(_POLITICAL_SECTORS)
    ):
        return False
    return token.tag_ in ("NNS", "NNPS") or any(
        c.dep_ in ("amod", "compound", "nummod", "nmod") for c in token.children
    )


def is_group_patient(token: Token | None) -> bool:
    """Does the phrase name unnamed people an act falls on: "refugees", "civilians",
    "thousands of Kurds", "Palestinian prisoners", "a journalist"? Such an object makes
    an act by a named actor specific though the target stays null ("the UN will
    provide food aid to refugees"). People are the victim nouns of rules/events/plover.yaml,
    Phoenix's agents of any sector but business, and plural nationality words."""
    if token is None or token.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = token.lemma_.lower()
    if token.lower_ in QUANTITY_NOUNS:
        return any(is_group_patient(g) for g in of_objects(token))
    if token.ent_type_ == "NORP" and token.tag_ in ("NNS", "NNPS"):
        return True
    if lemma in plover_lexicon().victim_nouns:
        return True
    sector = phoenix_agents().get(lemma)
    return sector is not None and sector not in _NON_POLITICAL_SECTORS and token.tag_ in ("NNS", "NNPS")


def group_target(verb: Token, frame: VerbFrame, theme: Token | None) -> bool:
    """Does a phrase in one of the frame's target roles name unnamed people (see
    is_group_patient)? The counterpart of verbal_target for people no actor stands for."""
    passive = is_passive(verb)
    for role in frame.targets:
        if role == "dobj":
            phrases = [c for c in verb.children if c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass")]
            phrases = [p for p in phrases if theme is None or p.i != theme.i]
        elif role == "dative":
            phrases = [c for c in verb.children if c.dep_ == "dative"]
        elif role in ("theme_owner", "xcomp_dobj", "ccomp_subj", "alleged_subj", "for_subj"):
            continue
        else:
            holders = [verb, *([theme] if theme is not None else [])]
            phrases = [
                g
                for holder in holders
                for p in holder.children
                if p.dep_ in ("prep", "dative") and p.lower_ == role
                for g in p.children
                if g.dep_ == "pobj"
            ]
        if any(is_group_patient(p) for p in phrases):
            return True
    return False
