"""The action a recommendation asks for, and the condition attached to it.

The action is the verb phrase after the prescriptive expression, as written, cut where
another recommendation of the same sentence begins ("must realise X and should focus
on Y" gives two), and without a trailing condition clause, which goes to ``condition``:
"on the condition that Moscow end its aggression", "if necessary", "when possible".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from geodiscourse.extract.recommendations.lexicon import PrescriptiveRules
from geodiscourse.nlp.text import doc_tokens, span_text

#: Part-of-speech of words that may not end an action ("... architecture—all", "and").
_TRAILING_POS = frozenset({"PUNCT", "CCONJ", "SCONJ", "DET"})
#: Adverbs that lean on what follows them ("..., particularly if ...") and so may not end one.
_TRAILING_ADVERBS = frozenset(
    {
        "all",
        "both",
        "only",
        "even",
        "just",
        "particularly",
        "especially",
        "also",
        "then",
        "thus",
        "so",
        "however",
        "but",
        "perhaps",
        "preferably",
        "ideally",
    }
)


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})
#: What may follow an inverting auxiliary as its subject ("should it", "were Iran", "had the talks").
_SUBJECT_POS = frozenset({"PRON", "PROPN", "NOUN", "DET", "NUM"})
#: Punctuation that closes an inverted condition clause.
_CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")"})


@dataclass(frozen=True)
class TokenRange:
    start: int
    end: int  # exclusive

    def text(self, doc: Doc) -> str:
        return doc[self.start : self.end].text


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation, conjunctions and dangling words from both ends."""
    while end > start and (
        doc[end - 1].pos_ in _TRAILING_POS
        or doc[end - 1].is_space
        or doc[end - 1].is_quote
        or doc[end - 1].lower_ in _TRAILING_ADVERBS
    ):
        if doc[end - 1].is_quote and sum(t.is_quote for t in doc_tokens(doc)[start:end]) % 2 == 0:
            break  # the closing mark of a quotation the span opens: "on "failing states""
        end -= 1
    while start < end and (
        doc[start].is_punct or doc[start].is_space or doc[start].lower_ in ("and", "or", "but")
    ):
        start += 1
    return start, end


def _phrase_at(words: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    for phrase in phrases:
        if tuple(words[i : i + len(phrase)]) == phrase:
            return phrase
    return None


def find_condition(doc: Doc, lo: int, hi: int, rules: PrescriptiveRules) -> TokenRange | None:
    """The first condition in tokens lo..hi: a fixed phrase ("if necessary") or a
    clause opened by a condition mark, up to the end of that clause."""
    words = [t.lower_ for t in doc_tokens(doc)[lo:hi]]
    for offset in range(len(words)):
        fixed = _phrase_at(words, offset, rules.condition_phrases)
        if fixed is not None:
            return TokenRange(lo + offset, lo + offset + len(fixed))
        inverted = _inverted_clause(doc[lo + offset], hi, rules)
        if inverted is not None:
            start, end = _trim(doc, lo + offset, inverted)
            if end > start + 1:
                return TokenRange(start, end)
        mark = _phrase_at(words, offset, rules.condition_marks)
        if mark is None:
            continue
        last = doc[lo + offset + len(mark) - 1]
        clause = _clause_after(last, hi)
        if clause is None:
            continue
        start, end = _trim(doc, lo + offset, min(clause.right_edge.i + 1, hi))
        if end > start + len(mark):
            return TokenRange(start, end)
    return None


def _breaks_clause(token: Token) -> bool:
    """Punctuation or a modal that ends an inverted condition; a spaced dash does, the
    hyphen inside "state-owned" does not."""
    spaced_dash = token.tag_ == "HYPH" and bool(token.nbor(-1).whitespace_)
    return token.text in _CLAUSE_BREAKS or token.tag_ == "MD" or spaced_dash


def _inverted_clause(aux: Token, hi: int, rules: PrescriptiveRules) -> int | None:
    """The end of a condition opened by inversion ("should it become a state-owned
    company", "were Iran to refuse", "had the talks failed"): a clause set off by
    punctuation whose auxiliary comes before its subject. Found on the words, not the
    tree: the parser often takes such a clause for the main one. Not in a question,
    where the same order asks ("Should Britain act?")."""
    doc = aux.doc
    if aux.lower_ not in rules.inverted_condition_auxiliaries or span_text(aux.sent).rstrip().endswith("?"):
        return None
    opens = aux.i == aux.sent.start or doc[aux.i - 1].is_punct
    if not opens or aux.i + 2 >= hi or doc[aux.i + 1].pos_ not in _SUBJECT_POS:
        return None
    end = aux.i + 2
    while end < hi and not _breaks_clause(doc[end]):
        end += 1
    if not any(t.tag_ in ("VB", "VBN") for t in doc_tokens(doc)[aux.i + 2 : end]):
        return None  # ", had the biggest impact": a main verb, no condition
    return end


def _clause_after(mark: Token, hi: int) -> Token | None:
    """The verb of the clause a condition mark opens: its head when the parser made it a
    mark, else the next verb (the parser often misreads "provided", "as long as")."""
    if mark.dep_ == "mark" and mark.head.i > mark.i:
        return mark.head
    if mark.lower_ in ("once", "provided", "providing") and mark.dep_ not in ("mark", "ROOT", "advcl", "acl"):
        return None  # "once again", "provided funds": no condition
    for token in mark.doc[mark.i + 1 : hi]:
        if token.pos_ in ("VERB", "AUX") and token.tag_ != "MD":
            return token
    return None


def action_and_condition(
    sent: Span, action_start: int, head: Token, stop: int, rules: PrescriptiveRules
) -> tuple[TokenRange, TokenRange | None]:
    """The action's tokens (condition clause at its end removed) and the condition.

    ``stop`` is where the next recommendation of the sentence starts (or the sentence
    end). A condition before the action ("If Russia withdraws, Washington should ...")
    is searched from the sentence start.
    """
    doc = sent.doc
    end = min(max(head.right_edge.i + 1, action_start + 1), stop, sent.end, _new_clause(head))
    if end <= action_start:
        end = min(stop, sent.end)
    condition = find_condition(doc, action_start, end, rules)
    if condition is not None and condition.start > action_start:
        tail = _trim(doc, condition.end, end)
        if tail[1] <= tail[0]:
            end = condition.start  # the condition closes the action: cut it off
    elif condition is None:
        before = find_condition(doc, sent.start, action_start, rules)
        if before is not None and (_governs(head, doc[before.start]) or _next_to(before, head)):
            condition = before
    if condition is None:
        condition = _after_reporting_clause(head, sent, rules)
    start = action_start
    if condition is not None and condition.start == action_start:
        start = condition.end  # "When possible, taking fissile material ..."
    start, end = _trim(doc, start, end)
    if end <= start:
        start, end = _trim(doc, action_start, min(stop, sent.end))
    return TokenRange(start, end), condition


def _new_clause(head: Token) -> int:
    """Where a clause that is not part of the action begins: a coordinated verb with a
    subject or tense of its own ("should sack Mr Brown, but did not believe ...") or a
    contrasting clause ("..., while 39% opposed it")."""
    cut = head.doc.__len__()
    for c in head.children:
        if c.i <= head.i:
            continue
        own = c.dep_ == "conj" and (
            any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            or c.tag_ in _FINITE
            or any(g.dep_ == "aux" and g.tag_ in _FINITE for g in c.children)
        )
        contrast = c.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in _CONTRAST_MARKS for g in c.children
        )
        if own or contrast:
            cut = min(cut, c.left_edge.i)
    return cut


def _reporting_verb(head: Token) -> Token | None:
    """The verb of a reporting clause that follows the action's clause and takes it as
    its complement ("Deficits should be allowed to rise, Mr Schroeder argued, ...")."""
    node = head
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head.i > node.i:
            verb = node.head
            return verb if any(c.dep_ == "nsubj" for c in verb.children) else None
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _after_reporting_clause(head: Token, sent: Span, rules: PrescriptiveRules) -> TokenRange | None:
    """A condition that the parser hung on a reporting clause set inside the advice:
    "Deficits should be allowed to rise above 3%, Mr Schroeder argued, if countries
    meet several criteria". The condition belongs to what was argued, not to the arguing."""
    verb = _reporting_verb(head)
    if verb is None:
        return None
    for clause in verb.rights:
        if clause.dep_ != "advcl":
            continue
        found = find_condition(sent.doc, clause.left_edge.i, min(clause.right_edge.i + 1, sent.end), rules)
        if found is not None and found.start == clause.left_edge.i:
            return found
    return None


def _next_to(condition: TokenRange, head: Token) -> bool:
    """Does the condition end just before the verb's own auxiliaries ("Rosneft, should it
    become state-owned, must be privatised"), with only punctuation between?"""
    doc = head.doc
    return condition.end < head.i and all(
        t.is_punct or (t.head.i == head.i and t.dep_ in ("aux", "auxpass", "neg", "advmod"))
        for t in doc_tokens(doc)[condition.end : head.i]
    )


def _governs(head: Token, token: Token) -> bool:
    """Is ``token`` in the clause of ``head`` (a condition fronted before the subject
    belongs to the main verb, or to the modal's verb it heads)?"""
    node = token
    for _ in range(12):
        if node.i in (head.i, head.head.i):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False
