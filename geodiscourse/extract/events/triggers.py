"""Finding event triggers in a parsed sentence: verbs, nouns and light-verb phrases.

Only syntax is checked here (lemma, particles, object, complement); whether the
trigger's actors are what a frame needs is decided once roles are known, so a
sentence yields candidates with their frames in lexicon order and the caller keeps
the first frame whose actor conditions hold.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from spacy.tokens import Span, Token

from geodiscourse.extract.events.compiled import (
    ALLEGATION_TARGET_ROLES,
    DEFAULT_CONFIDENCE,
    PATTERN_CONFIDENCE,
    TARGET_ROLES,
    CompiledEvent,
    CompiledPattern,
    compiled_needs,
    compiled_verbs,
)
from geodiscourse.extract.events.lexicon import Lexicon, NounEntry, VerbFrame
from geodiscourse.extract.quantities import number_lexicon
from geodiscourse.nlp.text import span_tokens

#: Children through which a verb reaches its theme: "imposed sanctions", "the ban was imposed".
_THEME_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
#: Prepositions whose object can be a verb's theme: "sign up to a treaty", "provide X with
#: aid", "give millions in aid" (not "give value for money").
_THEME_PREPS = frozenset({"to", "into", "in", "with", "up"})
#: Prepositions through which a light verb reaches its event noun: "went to war", "entered into talks".
_LIGHT_PREPS = frozenset({"to", "into", "in", "at", "on"})
#: Partitive nouns that hand a verb on to the noun of their "of" phrase: "signed a number
#: of agreements", "imposed a raft of sanctions", "held a series of talks".
_PARTITIVES = frozenset(
    {
        "number",
        "series",
        "raft",
        "range",
        "set",
        "package",
        "host",
        "string",
        "couple",
        "pair",
        "round",
        "batch",
        "variety",
        "handful",
        "day",
        "week",
        "month",
        "year",
        "wave",
        "spate",
        "shipment",
        "consignment",
        "ton",
        "tonne",
        "amount",
        "quantity",
    }
)
#: Entity labels of a measured amount, which hands a verb on too: "700 kg of medicine",
#: "$50,000 worth of goods".
_MEASURE_ENTS = frozenset({"QUANTITY", "MONEY"})
#: Light verbs that are auxiliaries to the parser: "Mr Blair is at a summit".
_AUX_LIGHT_VERBS = frozenset({"be"})
#: Tags of a participle or past form that may head a reduced relative clause.
_PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})
#: Particle-like children checked against a frame's particles.
_PARTICLE_DEPS = frozenset({"prt", "prep", "agent", "dative", "advmod"})
#: Clausal children whose marker can carry a frame's particle: "called for the ban to be lifted".
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp", "pcomp"})


@dataclass(frozen=True)
class VerbalCandidate:
    """A verb that matches one or more frames syntactically, each with its matched theme."""

    verb: Token
    frames: tuple[tuple[VerbFrame, Token | None], ...]


@dataclass(frozen=True)
class NominalCandidate:
    """An event noun, alone ("Russia's invasion") or carried by a light verb ("launched a war")."""

    noun: Token
    start: int  # first token of the noun itself (hyphenated nouns span three tokens)
    entry: NounEntry
    light_verb: Token | None
    carrier: Token | None  # a verb of occurring the noun is subject of ("talks took place")
    for_subject: Token | None = None  # X of "a call for X to ...", for nouns with for_clause


def is_partitive(noun: Token) -> bool:
    """Does the noun only measure out the noun of its "of" phrase ("a series of talks",
    "25,000 tons of food aid"), so that a verb acting on it acts on that noun?"""
    return noun.lemma_.lower() in _PARTITIVES or noun.ent_type_ in _MEASURE_ENTS


def _conjuncts(token: Token) -> list[Token]:
    out = [token, *token.conjuncts]
    for noun in list(out):
        if is_partitive(noun):
            out.extend(
                t
                for p in noun.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children
                if g.dep_ == "pobj"
                for t in [g, *g.conjuncts]
            )
    return out


def coordination_head(verb: Token) -> Token:
    """The verb a coordinated verb shares its subject and clause with. The parser hangs
    the second verb of "X said [the ruling was fair] and praised ..." on the reported
    copula; the speaker's verb is the real partner."""
    head = verb.head
    if head.lemma_ == "be" and head.dep_ == "ccomp" and head.head.pos_ == "VERB":
        return head.head
    return head


def themes(verb: Token, via_xcomp: bool = False) -> list[Token]:
    """Nouns the verb acts on: objects, passive subjects, objects of its prepositions,
    the noun a participle modifies ("the sanctions imposed"), with their conjuncts;
    with ``via_xcomp`` also those of its infinitival complement ("invited to take part
    in the meeting")."""
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ in _THEME_DEPS:
            out.extend(_conjuncts(child))
        elif child.dep_ == "prep" and child.lower_ in _THEME_PREPS:
            out.extend(t for g in child.children if g.dep_ == "pobj" for t in _conjuncts(g))
        elif via_xcomp and child.dep_ == "xcomp":
            out.extend(themes(child))
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        out.extend(_noun_chain(verb.head))
    else:
        modified = reduced_relative_head(verb)
        if modified is not None:
            out.extend(_noun_chain(modified))
    raised = raised_subject(verb)
    if raised is not None:
        out.append(raised)
    return out


def _noun_chain(noun: Token) -> list[Token]:
    """A noun and the nouns whose prepositional phrase it closes: a participle after
    "a conference on developing enterprise" or "an agreement with the EU" may modify
    the head of the whole phrase, whatever the parser attached it to."""
    chain = [noun]
    for _ in range(2):
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = noun.head.head
        chain.append(noun)
    return chain


def reduced_relative_head(verb: Token) -> Token | None:
    """The noun a subjectless participle right after it modifies, where the parser hung
    the participle on the clause instead: "the plans agreed in Lisbon", "an agreement
    with the EU, reached in 1992"."""
    if verb.tag_ not in _PARTICIPLE_TAGS or verb.dep_ not in ("advcl", "acl", "relcl"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return None
    doc = verb.doc
    before = verb.i - 1
    if before >= 0 and doc[before].text == ",":
        before -= 1
    if before < 0 or doc[before].pos_ not in ("NOUN", "PROPN") or doc[before].i < verb.sent.start:
        return None
    return doc[before]


def raised_subject(verb: Token) -> Token | None:
    """The subject a passive infinitive shares with the clause above it: "the embargo
    is likely to be lifted", "the ban is expected to be lifted"."""
    if verb.dep_ != "xcomp" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    holder = verb.head
    for _ in range(3):
        subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if holder.head.i == holder.i:
            return None
        holder = holder.head
    return None


def particles(verb: Token) -> set[str]:
    """Lower-cased particles and prepositions right after a verb ("crack down on",
    "called for"; an adverb may come between: "called again for"), and the marker of a
    clausal complement there ("called for the ban to be lifted"). A preposition further
    on belongs to the object or the clause, not the verb: "give millions in aid"."""
    doc = verb.doc
    found: set[str] = set()
    for i in range(verb.i + 1, min(verb.i + 4, len(doc))):
        token = doc[i]
        if (
            token.dep_ == "advmod"
            and token.head.i == verb.i
            and token.lower_ not in ("out", "down", "up", "off", "back")
        ):
            continue
        attached = token.head.i == verb.i or (token.head.head.i == verb.i and token.head.dep_ in _CLAUSE_DEPS)
        if attached and token.dep_ in (*_PARTICLE_DEPS, "mark"):
            found.add(token.lower_)
            continue
        break
    return found


def _after_object(verb: Token, frame: VerbFrame) -> set[str]:
    """The preposition right after a verb's direct object, attached to the verb, when the
    frame takes its target from that object: the frame's particle with the object
    between ("asked Congress for funds", "invited the lawmakers to the White House")."""
    if "dobj" not in frame.targets:
        return set()
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "dobj" and child.i > verb.i:
            after = child.right_edge.i + 1
            if after < len(doc) and doc[after].dep_ == "prep" and doc[after].head.i == verb.i:
                return {doc[after].lower_}
            return set()
    return set()


def xcomp_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)


#: Quantity nouns that hand a phrase on to their "of" phrase: "thousands of students".
QUANTITY_NOUNS = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens", "group", "band"})


def of_objects(quantity: Token) -> list[Token]:
    """What a quantity noun counts: the objects of its "of" ("thousands of Iraqi Kurds")."""
    return [
        g
        for p in quantity.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
    ]


#: Subjects that hand a verb on to their "of" phrase: "dozens of protesters gathered",
#: "a crowd of demonstrators marched".
_COUNTING_SUBJECTS = QUANTITY_NOUNS | {"crowd"}


def _subject_among(verb: Token, lemmas: frozenset[str]) -> bool:
    """Is the verb's active subject (or its conjunct's, or the "of" phrase of a counting
    noun: "dozens of protesters") one of the lemmas?"""
    holder = verb
    while holder.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in holder.children):
        holder = holder.head
    for subject in (c for c in holder.children if c.dep_ == "nsubj"):
        heads = [subject, *subject.conjuncts]
        if subject.lower_ in _COUNTING_SUBJECTS:
            heads += of_objects(subject)
        if any(h.lemma_.lower() in lemmas or h.lower_ in lemmas for h in heads):
            return True
    return False


_PERSONAL_PRONOUNS = frozenset({"him", "her", "he", "she"})


def _names_a_person(verb: Token) -> bool:
    """Is the verb's object (its subject, in the passive) a name or a personal pronoun?"""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    deps = ("nsubjpass",) if passive else ("dobj",)
    return any(
        c.dep_ in deps and (c.pos_ == "PROPN" or c.lower_ in _PERSONAL_PRONOUNS) for c in verb.children
    )


def _is_money(token: Token, objects: frozenset[str]) -> bool:
    """A sum of money ("lent Russia $6bn", "pledged 50m euros") is money to a frame that
    takes money, though its head is a number."""
    if "money" not in objects:
        return False
    currency = number_lexicon()
    return (
        token.ent_type_ == "MONEY"
        or token.lower_ in currency.currency_words
        or token.text[:1] in currency.currency_symbols
        or any(c.text in currency.currency_symbols for c in token.children)
    )


def _frame_matches(verb: Token, frame: VerbFrame) -> tuple[bool, Token | None]:
    theme: Token | None = None
    if frame.objects:
        theme = next(
            (
                t
                for t in themes(verb, frame.theme_via_xcomp)
                if t.lemma_.lower() in frame.objects
                or t.lower_ in frame.objects
                or _is_money(t, frame.objects)
            ),
            None,
        )
        if theme is None:
            return False, None
    if frame.particles and not (frame.particles & (particles(verb) | _after_object(verb, frame))):
        return False, None
    if frame.subjects and not _subject_among(verb, frame.subjects):
        return False, None
    if frame.named_object and not _names_a_person(verb):
        return False, None
    if frame.exclude_deps and any(c.dep_ in frame.exclude_deps for c in verb.children):
        return False, None
    strict = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")} | particles(verb)
    if frame.exclude_particles & strict:
        return False, None
    if frame.needs_xcomp or frame.exclude_xcomp:
        xcomp = xcomp_of(verb)
        if frame.needs_xcomp and xcomp is None:
            return False, None
        if xcomp is not None and xcomp.lemma_.lower() in frame.exclude_xcomp:
            return False, None
    if frame.intransitive and any(c.dep_ == "dobj" for c in verb.children):
        return False, None
    if frame.active_only and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False, None
    if (
        frame.present_is_state
        and verb.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ == "aux" for c in verb.children)
    ):
        return False, None
    return True, theme


def _noun_entry(token: Token, lexicon: Lexicon) -> tuple[NounEntry, int] | None:
    """The noun entry a token heads, with the first token of the noun: "build-up"
    spans three tokens, "bombing" may be tagged as a gerund verb."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        joined = f"{doc[token.i - 2].lower_}-{token.lower_}"
        entry = lexicon.nouns.get(joined)
        if entry is not None:
            return entry, token.i - 2
    if token.pos_ == "NOUN":
        entry = lexicon.nouns.get(token.lemma_.lower())
        if entry is None:
            entry = lexicon.nouns.get(token.lower_)
        return (entry, token.i) if entry is not None else None
    if token.tag_ == "VBG" and any(c.dep_ in ("det", "poss") or c.lower_ == "of" for c in token.children):
        entry = lexicon.nouns.get(token.lower_)
        return (entry, token.i) if entry is not None else None
    return None


def excluded_by_modifier(noun: Token, entry: NounEntry) -> bool:
    """Does a modifier make the noun no event of its entry ("a trade war", "a culture war")?"""
    return bool(entry.exclude_modifiers) and any(
        c.dep_ in ("amod", "compound") and c.lower_ in entry.exclude_modifiers for c in noun.children
    )


def _noun_conditions_hold(noun: Token, entry: NounEntry) -> bool:
    if excluded_by_modifier(noun, entry):
        return False
    if entry.needs_prep and not any(c.dep_ == "prep" and c.lower_ in entry.needs_prep for c in noun.children):
        return False
    if entry.needs_modifier:
        modifiers = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
        doc = noun.doc
        if noun.i >= 1:
            modifiers.add(doc[noun.i - 1].lower_)
        if not (modifiers & entry.needs_modifier):
            return False
    return not (entry.needs_plural and noun.tag_ != "NNS")


def _light_verb(noun: Token, lexicon: Lexicon, entry: NounEntry) -> Token | None:
    """The light verb carrying an event noun, if any: "held talks", "talks were held",
    "went to war", "is at a summit"; a noun that is no event alone also takes an
    announcing verb ("confirmed a new aid package"), and a speech act a verb that
    repeats it ("repeated calls for X to ...": whoever repeats a call makes it)."""
    light = _light_verb_of(noun, lexicon, entry)
    if light is not None and entry.light_only and light.lemma_.lower() not in entry.light_only:
        return None
    return light


def _light_verb_of(noun: Token, lexicon: Lexicon, entry: NounEntry) -> Token | None:
    head = noun.head
    if (
        noun.dep_ == "attr"
        and head.lemma_ == "be"
        and (any(c.dep_ == "expl" for c in head.children) or entry.needs_prep)
    ):
        # existential ("there is full cooperation between X and Y"), or a predicate noun
        # that names its partner ("Macron was the guest of Putin"): its subject takes
        # part. Other predicate nouns characterise ("they are the primary threat").
        return head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB":
        lemma = head.lemma_.lower()
        if (
            lemma in lexicon.light_verbs
            or (not entry.alone and lemma in lexicon.announcing_verbs)
            or (entry.event_type in lexicon.speech_types and lemma in lexicon.reiterating_verbs)
        ):
            return head
    if noun.dep_ == "conj" and noun.head.dep_ in ("dobj", "nsubjpass"):
        return _light_verb_of(noun.head, lexicon, entry)
    if noun.dep_ == "pobj" and head.lower_ == "of" and is_partitive(head.head):
        return _light_verb_of(head.head, lexicon, entry)  # "provide 25,000 tons of food aid"
    if noun.dep_ == "pobj" and head.lower_ in _LIGHT_PREPS:
        verb = head.head
        if verb.dep_ in ("attr", "acomp") and verb.head.lemma_ == "be":
            verb = verb.head  # "troops are on standby" parsed with "on" under an attribute
        lemma = verb.lemma_.lower()
        if lemma in lexicon.light_verbs and (
            verb.pos_ == "VERB" or (verb.pos_ == "AUX" and lemma in _AUX_LIGHT_VERBS)
        ):
            return verb
    return None


def occurrence_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb of occurring whose subject the event noun is: "talks took place",
    "the attacks happened", "the war continued"."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.pos_ != "VERB":
        return None
    return head if says_it_occurred(head, lexicon) else None


def says_it_occurred(verb: Token, lexicon: Lexicon) -> bool:
    """Is the verb one of occurring ("happened", "took place", "continued"; plover.yaml
    occurrence_verbs)?"""
    lemma = verb.lemma_.lower()
    for phrase in lexicon.occurrence_verbs:
        head, _, obj = phrase.partition(" ")
        if lemma == head and (
            not obj or any(c.dep_ == "dobj" and c.lemma_.lower() == obj for c in verb.children)
        ):
            return True
    return False


def for_clause_subject(noun: Token) -> Token | None:
    """X of "a call for X to do Y": the parser hangs it either as the object of "for" with the
    infinitive right after it, or as the subject of an infinitive the noun governs with the
    marker "for". "Demand for oil rose" has none."""
    doc = noun.doc
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            after = pobj.right_edge.i + 1 if pobj is not None else len(doc)
            if (
                pobj is not None
                and after + 1 < len(doc)
                and doc[after].tag_ == "TO"
                and doc[after].dep_ == "aux"
                and doc[after].head.i == after + 1
                and doc[after + 1].pos_ in ("VERB", "AUX")
            ):
                return pobj
        elif child.pos_ in ("VERB", "AUX") and child.i > noun.i:
            marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
            has_to = any(c.dep_ == "aux" and c.tag_ == "TO" for c in child.children)
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if "for" in marks and has_to and subject is not None:
                return subject
    return None


def nominal_candidates(sent: Span, lexicon: Lexicon) -> Iterator[NominalCandidate]:
    for token in span_tokens(sent):
        found = _noun_entry(token, lexicon)
        if found is None:
            continue
        entry, start = found
        for_subject = for_clause_subject(token) if entry.for_clause and token.pos_ == "NOUN" else None
        light = _light_verb(token, lexicon, entry)
        retyped = light is not None and light.lemma_.lower() in entry.light_types
        if for_subject is None and not retyped and not _noun_conditions_hold(token, entry):
            continue
        if light is None and not entry.alone and for_subject is None:
            continue
        carrier = occurrence_verb(token, lexicon) if light is None else None
        yield NominalCandidate(
            noun=token, start=start, entry=entry, light_verb=light, carrier=carrier, for_subject=for_subject
        )


#: Inflectional endings of English verbs, longest first, with what the stem may have
#: lost to them ("raped" -> "rape", "stopped" -> "stop", "carried" -> "carry").
_ENDINGS = (
    ("ied", "y"),
    ("ies", "y"),
    ("ing", "e"),
    ("ing", ""),
    ("ed", "e"),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
)


def verb_lemma(token: Token, *tables: Mapping[str, object]) -> str:
    """The verb's lemma as the lexicons know it. The tagger's lemma comes first; where no
    table holds it, the surface form stripped of its ending may ("raped" is lemmatised
    "rap", a verb no dictionary lists as an event, though "rape" is)."""
    lemma = token.lemma_.lower()
    if any(lemma in table for table in tables):
        return lemma
    form = token.lower_
    for ending, restore in _ENDINGS:
        if form.endswith(ending) and len(form) - len(ending) >= 3:
            stem = form[: -len(ending)]
            for candidate in (stem + restore, stem[:-1] if stem[-1:] == stem[-2:-1] else None):
                if candidate and any(candidate in table for table in tables):
                    return candidate
    return lemma


def verbal_candidates(sent: Span, lexicon: Lexicon, skip: set[int]) -> Iterator[VerbalCandidate]:
    """Verbs of the sentence with the frames they match, except the tokens in ``skip``
    (light verbs already carrying a nominal event)."""
    for token in span_tokens(sent):
        if token.i in skip or token.pos_ != "VERB":
            continue
        lemma = verb_lemma(token, lexicon.verbs, compiled_verbs())
        frames = lexicon.verbs.get(lemma)
        matched = []
        for frame in frames or ():
            ok, theme = _frame_matches(token, frame)
            if ok:
                matched.append((frame, theme))
        # the compiled dictionary reads a verb only where no hand-written frame matched
        # its phrase: those frames were written for it (and the phrase summary is costly)
        compiled = (
            None
            if matched
            else compiled_reading(
                token, has_hand_frames=bool(frames), general=lemma in lexicon.general_verbs, lemma=lemma
            )
        )
        if compiled is not None:
            matched.append(compiled)
        if matched:
            yield VerbalCandidate(verb=token, frames=tuple(matched))


def _names(token: Token) -> frozenset[str]:
    """The words a token answers to in a pattern: lemma and form, alone and with the
    word before it ("fighter jet")."""
    names = {token.lemma_.lower(), token.lower_}
    if token.i > 0:
        before = token.doc[token.i - 1].lower_
        names |= {f"{before} {n}" for n in tuple(names)}
    return frozenset(names)


@dataclass(frozen=True)
class _Phrase:
    """What compiled patterns ask of a verb's phrase, computed once per verb."""

    subject_words: frozenset[str]
    themes: tuple[tuple[Token, frozenset[str], frozenset[str]], ...]  # theme, its names, its modifiers' names
    prep_objects: Mapping[str, frozenset[str]]  # preposition -> names of its objects

    @property
    def words(self) -> frozenset[str]:
        """Every word a pattern slot could match."""
        out = set(self.subject_words)
        for _, names, _ in self.themes:
            out |= names
        for names in self.prep_objects.values():
            out |= names
        return frozenset(out)


def _phrase(verb: Token) -> _Phrase:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    subject_words: set[str] = set()
    if subject is not None:
        subject_words |= _names(subject)
        for c in subject.children:
            if c.dep_ in ("compound", "amod"):
                subject_words |= _names(c)
    found = themes(verb)
    theme_info = tuple(
        (
            t,
            _names(t),
            frozenset(w for c in t.children if c.dep_ in ("amod", "compound", "nmod") for w in _names(c)),
        )
        for t in found
    )
    preps: dict[str, set[str]] = {}
    for holder in (verb, *(t for t in found if t.i > verb.i)):
        for prep in holder.children:
            if prep.dep_ in ("prep", "agent", "dative"):
                words = preps.setdefault(prep.lower_, set())
                for g in prep.children:
                    if g.dep_ == "pobj":
                        words |= _names(g)
    return _Phrase(frozenset(subject_words), theme_info, {k: frozenset(v) for k, v in preps.items()})


def _pattern_theme(phrase: _Phrase, pattern: CompiledPattern) -> tuple[bool, Token | None]:
    """Whether a compiled pattern's slots all match the verb's phrase, with the object
    it matched (the event's theme)."""
    theme: Token | None = None
    if pattern.subjects and not (pattern.subjects & phrase.subject_words):
        return False, None
    if pattern.objects:
        theme = next(
            (
                t
                for t, names, modifiers in phrase.themes
                if pattern.objects & names and (not pattern.modifiers or pattern.modifiers & modifiers)
            ),
            None,
        )
        if theme is None:
            return False, None
    if pattern.preposition is not None and not (
        pattern.prep_objects & phrase.prep_objects.get(pattern.preposition, frozenset())
    ):
        return False, None
    return True, theme


def _compiled_frame(
    lemma: str, event: CompiledEvent, particle: str | None, confidence: float, *, default: bool
) -> VerbFrame:
    return VerbFrame(
        lemma=lemma,
        event_type=event.event_type,
        confidence=confidence,
        objects=frozenset(),
        particles=frozenset({particle}) if particle else frozenset(),
        exclude_particles=frozenset(),
        targets=ALLEGATION_TARGET_ROLES if event.event_type == "ACCUSE" else TARGET_ROLES,
        needs=compiled_needs(event.event_type, default=default, mode=event.mode),
        actor_kinds=frozenset(),
        target_kinds=frozenset(),
        needs_xcomp=False,
        exclude_xcomp=frozenset(),
        intransitive=False,
        target_is_actor=False,
        active_only=False,
        present_is_state=False,
        date_suffices=False,
        theme_via_xcomp=False,
        mode=event.mode,
        contexts=event.contexts,
        compiled=True,
    )


#: Types whose compiled default needs an object: an assault or a coercion is done to
#: someone ("30,000 Americans who die every year" is no assault by Americans).
ACTS_ON_SOMEONE = frozenset({"ASSAULT", "COERCE"})


def _has_patient(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "nsubjpass", "dative") for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ in ("against", "on", "at") for c in verb.children
    )


def _governs_infinitive(verb: Token) -> bool:
    """Does the verb govern an infinitive and no object ("hope to reach", "plan to
    send")? Its content is the embedded event, which the commitment rules code."""
    return any(c.dep_ == "xcomp" for c in verb.children) and not any(c.dep_ == "dobj" for c in verb.children)


def compiled_veto(verb: Token) -> bool:
    """Does the verb's phrase match a compiled pattern that CAMEO codes as no event
    ("killed in a car crash", "killed in an accident")?"""
    readings = compiled_verbs().get(verb.lemma_.lower())
    if not readings:
        return False
    phrase = _phrase(verb)
    words = phrase.words
    for reading in readings:
        for pattern in reading.candidates(words):
            if pattern.event is None and _pattern_theme(phrase, pattern)[0]:
                return True
    return False


def compiled_reading(
    verb: Token, has_hand_frames: bool, general: bool = False, lemma: str | None = None
) -> tuple[VerbFrame, Token | None] | None:
    """The compiled CAMEO reading of a verb (see geodiscourse.extract.events.compiled for
    the precedence): its most specific matching pattern, else its default when no
    hand-written frame exists for the lemma."""
    readings = compiled_verbs().get(lemma or verb.lemma_.lower())
    if not readings:
        return None
    found_particles = particles(verb) | {c.lower_ for c in verb.children if c.dep_ == "prt"}
    phrase = _phrase(verb)
    words = phrase.words
    for reading in readings:
        if reading.particle is not None and reading.particle not in found_particles:
            continue
        for pattern in reading.candidates(words):
            ok, theme = _pattern_theme(phrase, pattern)
            if not ok:
                continue
            if pattern.event is None:
                return None
            return _compiled_frame(
                reading.lemma, pattern.event, reading.particle, PATTERN_CONFIDENCE, default=False
            ), theme
        if (
            reading.default is not None
            and not has_hand_frames
            and not general
            and not _governs_infinitive(verb)
            and (reading.default.event_type not in ACTS_ON_SOMEONE or _has_patient(verb))
        ):
            return _compiled_frame(
                reading.lemma, reading.default, reading.particle, DEFAULT_CONFIDENCE, default=True
            ), None
        if reading.particle is not None:
            return None  # "shoot down" read, with no event: the bare verb does not apply
    return None
