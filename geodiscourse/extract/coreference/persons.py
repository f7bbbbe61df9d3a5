"""Mentions without a name: role nouns ("the prime minister") and personal pronouns ("he said").

Both resolve to a person named earlier in the same document, so that claims and events
extracted from "he said ..." or "the UK leader wants ..." are attributed to that person.
They run inside actor resolution because they shape the person's record (gender, the
offices and so the state a person is given); pronouns and "the government" standing
for states and bodies are resolved right after it, in ``coreference.discourse``.

- A role noun with "the" ("the home secretary") resolves to the person last given that title
  ("Home Secretary Charles Clarke"). When nobody had the title, a role noun that is a clause's
  subject ("the prime minister wanted ...") resolves to a person named earlier only if that
  person is the only one so far who could hold the office and was named within the two
  previous sentences: persons with another office ("senator John McCain", "journalist Robert
  Peston") or of another state than the phrase names ("the French president") or, when it
  names none, than the state the document is mostly about are no candidates, and two candidates leave it unresolved ("Tony Blair ... Gordon Brown.
  Meanwhile, the chancellor ..." is left alone).
- he/him/his and she/her resolve to the most recent person of compatible gender who is the
  main clause's subject in this or the previous sentence, else to the most recent compatible subject within
  three sentences, else to the most recent compatible person there; persons named inside
  quotations only when nobody else fits. Inside quotation marks "he" is usually someone
  the speaker talks about, not the speaker: when the sentence names the speaker outside
  the quotation, the pronoun resolves to the most recent other person of its gender named
  outside quotations; otherwise it is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from geodiscourse.extract.actors.affiliation import describing_tokens
from geodiscourse.extract.actors.gazetteer import GazetteerMatch
from geodiscourse.extract.actors.lexicon import Lexicon
from geodiscourse.extract.actors.persons import EXPLICIT, PersonCluster, PersonMention
from geodiscourse.nlp.text import doc_tokens

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_LESSER_OFFICES = frozenset({"deputy", "vice", "shadow", "assistant", "under", "former", "junior"})
_ROLE_WINDOW_SENTENCES = 2
_PRONOUN_WINDOW_SENTENCES = 3
_OPENING_QUOTES = frozenset({"\u201c", "``"})
_CLOSING_QUOTES = frozenset({"\u201d", "''"})


def quoted_tokens(doc: Doc) -> list[bool]:
    """Which tokens lie inside double quotation marks; a paragraph break closes any quote."""
    inside = [False] * len(doc)
    open_quote = False
    for token in doc_tokens(doc):
        if "\n" in token.text:
            open_quote = False
        elif token.text in _OPENING_QUOTES:
            open_quote = True
        elif token.text in _CLOSING_QUOTES:
            open_quote = False
        elif token.text == '"':
            open_quote = not open_quote
        else:
            inside[token.i] = open_quote
    return inside


def _role_phrase_start(doc: Doc, head: Token, taken: Sequence[bool], lexicon: Lexicon) -> int:
    start = head.i
    while start > 0 and not taken[start - 1]:
        before = doc[start - 1]
        if before.head.i != head.i or before.lower_ not in lexicon.title_words:
            break
        start -= 1
    return start


def _state_named(head: Token, owner: Sequence[GazetteerMatch | None]) -> str | None:
    for token in describing_tokens(head, owner):
        match = owner[token.i]
        actor = match.alias.actor if match is not None else None
        if actor is not None and actor.affiliates and actor.country:
            return actor.country
    return None


def _compatible(cluster: PersonCluster, state: str | None) -> bool:
    country = cluster.country()
    return state is None or country is None or country == state


def _role_candidate(
    head: Token,
    phrase: tuple[str, ...],
    state: str | None,
    before: Sequence[PersonMention],
    clusters: Sequence[PersonCluster],
    sentence_index: Sequence[int],
    dominant: str | None,
) -> int | None:
    for mention in reversed(before):
        cluster = clusters[mention.cluster]
        if _compatible(cluster, state) and any(_same_office(title, phrase) for title in cluster.titles):
            return mention.cluster
    if head.dep_ not in _SUBJECT_DEPS or not before:
        return None
    if sentence_index[before[-1].start] < sentence_index[head.i] - _ROLE_WINDOW_SENTENCES:
        return None
    fitting: set[int] = set()
    for mention in before:
        cluster = clusters[mention.cluster]
        other_office = cluster.titles and not any(_office_fits(title, phrase) for title in cluster.titles)
        if not other_office and _compatible(cluster, state or dominant):
            fitting.add(mention.cluster)
    return fitting.pop() if len(fitting) == 1 else None


def _office_fits(title: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """Could a person with this title be meant by the role phrase? A "minister" may be "the
    foreign minister"; a senator or a deputy prime minister is not "the prime minister"."""
    if _same_office(title, phrase) or phrase == ("leader",):
        return True
    return len(title) < len(phrase) and phrase[-len(title) :] == title


def _same_office(title: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """Does a title name the office a role phrase names? "The home secretary" is the Home
    Secretary; "the secretary" may be any secretary but not a deputy or shadow one; "the prime
    minister" is not the Deputy Prime Minister."""
    if title == phrase:
        return True
    return len(phrase) == 1 and title[-1] == phrase[0] and title[0] not in _LESSER_OFFICES


def resolve_roles(
    doc: Doc,
    mentions: Sequence[PersonMention],
    clusters: Sequence[PersonCluster],
    owner: Sequence[GazetteerMatch | None],
    sentence_index: Sequence[int],
    lexicon: Lexicon,
    dominant: str | None = None,
) -> list[PersonMention]:
    """Mentions (method 'title') of role nouns that stand for a person named earlier; a role
    noun that names no state ("the prime minister") is an office of the document's
    ``dominant`` state when nobody was given that title."""
    taken = [m is not None for m in owner]
    for mention in mentions:
        for i in range(mention.start, mention.end):
            taken[i] = True
    ordered = sorted(mentions, key=lambda m: m.start)
    found: list[PersonMention] = []
    cursor = 0
    for token in doc_tokens(doc):
        if token.lower_ not in lexicon.role_heads or taken[token.i] or token.tag_ not in ("NN", "NNP"):
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            continue
        if any(c.dep_ in ("appos", "compound") and taken[c.i] and owner[c.i] is None for c in token.children):
            continue  # "the president, George Bush": the name is the mention
        if token.i + 1 < len(doc) and taken[token.i + 1] and owner[token.i + 1] is None:
            continue
        while cursor < len(ordered) and ordered[cursor].start < token.i:
            cursor += 1
        start = _role_phrase_start(doc, token, taken, lexicon)
        phrase = tuple(t.lower_ for t in doc_tokens(doc)[start : token.i + 1])
        state = _state_named(token, owner)
        before = sorted([*ordered[:cursor], *found], key=lambda m: m.start)
        cluster = _role_candidate(token, phrase, state, before, clusters, sentence_index, dominant)
        if cluster is None:
            continue
        clusters[cluster].add_evidence(EXPLICIT, state)
        clusters[cluster].titles.append(phrase)
        found.append(PersonMention(start, token.i + 1, start, cluster, "title"))
        for i in range(start, token.i + 1):
            taken[i] = True
    return found


def resolve_pronouns(
    doc: Doc,
    mentions: Sequence[PersonMention],
    clusters: Sequence[PersonCluster],
    sentence_index: Sequence[int],
) -> list[PersonMention]:
    """Mentions (method 'pronoun') of he/she and their other forms, outside quotations."""
    quoted = quoted_tokens(doc)
    ordered = sorted(mentions, key=lambda m: m.start)
    history: list[PersonMention] = []
    found: list[PersonMention] = []
    cursor = 0
    for token in doc_tokens(doc):
        gender = PRONOUN_GENDER.get(token.lower_)
        if gender is None or token.pos_ != "PRON":
            continue
        while cursor < len(ordered) and ordered[cursor].start < token.i:
            history.append(ordered[cursor])
            cursor += 1
        if quoted[token.i]:
            antecedent = _quoted_antecedent(
                doc, token, gender, history, ordered, clusters, sentence_index, quoted
            )
        else:
            antecedent = _antecedent(doc, token, gender, history, clusters, sentence_index, quoted)
        if antecedent is not None:
            clusters[antecedent].gender = gender
            resolved = PersonMention(token.i, token.i + 1, token.i, antecedent, "pronoun")
            found.append(resolved)
            history.append(resolved)
    return found


def _quoted_speaker(
    doc: Doc,
    pronoun: Token,
    mentions: Sequence[PersonMention],
    sentence_index: Sequence[int],
    quoted: Sequence[bool],
) -> int | None:
    """The cluster of the person the quotation's sentence names as a subject outside the
    quotation ("'...,' Clinton said"): its speaker."""
    here = sentence_index[pronoun.i]
    for mention in mentions:
        if sentence_index[mention.start] != here or quoted[mention.start]:
            continue
        root = doc[mention.start : mention.end].root
        if root.dep_ in _SUBJECT_DEPS and not quoted[root.head.i]:
            return mention.cluster
    return None


def _subject_clusters(pronoun: Token, history: Sequence[PersonMention]) -> set[int]:
    """The persons the subject of the pronoun's own clause stands for: "he mocked him"
    cannot be one man mocking himself."""
    if pronoun.dep_ in _SUBJECT_DEPS:
        return set()
    verb = pronoun.head
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            return {m.cluster for m in history if m.start <= subject.i < m.end}
        if verb.dep_ not in ("conj", "advcl", "xcomp", "prep", "pobj") or verb.head.i == verb.i:
            break
        verb = verb.head
    return set()


def _quoted_antecedent(
    doc: Doc,
    pronoun: Token,
    gender: str,
    history: Sequence[PersonMention],
    mentions: Sequence[PersonMention],
    clusters: Sequence[PersonCluster],
    sentence_index: Sequence[int],
    quoted: Sequence[bool],
) -> int | None:
    """A he or she inside a quotation whose speaker the sentence names is someone the
    speaker talks about: the most recent other person of that gender named outside
    quotations ("Donald Trump ... '{He} mocked a reporter,' Clinton said" -> Trump). With
    no speaker in the sentence the pronoun is left alone: it may be the speaker."""
    speaker = _quoted_speaker(doc, pronoun, mentions, sentence_index, quoted)
    if speaker is None:
        return None
    here = sentence_index[pronoun.i]
    excluded = {speaker, *_subject_clusters(pronoun, history)}
    candidates = [
        m.cluster
        for m in reversed(history)
        if sentence_index[m.start] >= here - _PRONOUN_WINDOW_SENTENCES
        and not quoted[m.start]
        and m.cluster not in excluded
        and m.method != "pronoun"
    ]
    # a person known to be of the pronoun's gender before one of unknown gender
    for genders in ((gender,), (None,)):
        found = next((c for c in candidates if clusters[c].gender in genders), None)
        if found is not None:
            return found
    return None


def _main_clause(verb: Token) -> bool:
    """Is this verb the sentence's main one, or joined to it ("He woke up ... but declined")?
    A subject in a clause below it ("thinking Mr Kerry might have won") is seldom the topic."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _antecedent(
    doc: Doc,
    pronoun: Token,
    gender: str,
    history: Sequence[PersonMention],
    clusters: Sequence[PersonCluster],
    sentence_index: Sequence[int],
    quoted: Sequence[bool],
) -> int | None:
    """The most recent compatible main-clause subject in this or the previous sentence, else the most
    recent compatible person earlier in the same sentence ("congratulated President Bush on his
    victory"), else the most recent compatible subject within the window, else the most recent
    compatible person ("Professor Etzioni was an adviser to President Carter's White House. ... he says" ->
    Etzioni). Persons named inside quotations come last: in "'President Bush is there for
    four years,' he argued" the pronoun is the speaker, not the man he talks about."""
    here = sentence_index[pronoun.i]
    near_subject = far_subject = same_sentence = other = in_quote = None
    for mention in reversed(history):
        sentence = sentence_index[mention.start]
        if sentence < here - _PRONOUN_WINDOW_SENTENCES:
            break
        if clusters[mention.cluster].gender not in (None, gender):
            continue
        if quoted[mention.start]:
            in_quote = mention.cluster if in_quote is None else in_quote
            continue
        root = doc[mention.start : mention.end].root
        if root.dep_ in _SUBJECT_DEPS:
            if sentence >= here - 1 and _main_clause(root.head):
                near_subject = mention.cluster
                break
            far_subject = mention.cluster if far_subject is None else far_subject
        if sentence == here and same_sentence is None:
            same_sentence = mention.cluster
        other = mention.cluster if other is None else other
    for choice in (near_subject, same_sentence, far_subject, other, in_quote):
        if choice is not None:
            return choice
    return None
