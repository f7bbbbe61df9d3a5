"""Coreference: which actor a pronoun or bare "the government" stands for, once per document.

Each case marks the named actors with a small surface table (as the extractor tests do),
runs ``resolve_coreference`` and reads the mention it added at one occurrence of a word:
the actor it names, or None where the word must stay unresolved (dummy "it", a quoted
pronoun, a pronoun whose clause is about its candidate, two governments, ...).
"""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from geodiscourse.extract.coreference import resolve_coreference
from geodiscourse.nlp.context import DocContext
from tests.extract.doc_contexts import context_with_actors

#: Surface form -> (actor_id, kind, country).
ACTORS: dict[str, tuple[str, str, str | None]] = {
    "China": ("CHN", "state", "CHN"),
    "India": ("IND", "state", "IND"),
    "Russia": ("RUS", "state", "RUS"),
    "Iraq": ("IRQ", "state", "IRQ"),
    "Iraqi": ("IRQ", "state", "IRQ"),
    "UK": ("GBR", "state", "GBR"),
    "British": ("GBR", "state", "GBR"),
    "US": ("USA", "state", "USA"),
    "G7": ("G7", "igo", None),
    "The European Union": ("EU", "igo", None),
    "The SEC": ("sec", "organization", "USA"),
    "Barclays": ("barclays", "organization", "GBR"),
    "Microsoft": ("microsoft", "organization", "USA"),
    "The QCA": ("qca", "organization", "GBR"),
    "Sir Anthony Greener": ("anthony-greener", "person", "GBR"),
    "John Kirwan": ("john-kirwan", "person", "NZL"),
}

# (text, word whose first whole-word occurrence is read, expected actor or None)
# fmt: off
CASES = [
    # it/its: the subject earlier in the sentence, else the previous sentence's main subject
    ("China is expected to abandon its fixed exchange rate.", "its", "CHN"),
    ("Russia rejected the plan. It said the offer was unfair.", "It", "RUS"),
    ("Barclays reported a rise in profits, and it has forecast similar gains.", "it", "barclays"),
    ("Microsoft has said repeatedly that it wants to be first to the market.", "it", "microsoft"),
    # he/she: a role phrase that names no person stands for the actor it names
    ("India's finance minister lashed out at the G7. He also called for reform.", "He", "IND"),
    # they: a state or body named by the nearest subject before it in the sentence
    ("The UK and US must realise they cannot prevent all attacks.", "they", "GBR"),
    # the government: the one state whose government the document names
    ("The government must act quickly. The response of the British government will be watched.", "The government", "GBR"),
    # dummy "it" refers to nothing
    ("Russia is big. It is hard to criticise the plan.", "It", None),
    ("Russia is big. It is likely that the talks will fail.", "It", None),
    ("Russia is big. It seems that the talks will fail.", "It", None),
    ("Russia is big. It is in everyone's interest to talk.", "It", None),
    # "it" of a copula whose only complement says where or in what it is: someone
    ("Russia said it was in talks with China.", "it", "RUS"),
    ("Russia rejected the plan. It is at war with Iraq.", "It", "RUS"),
    # a pronoun in quotation marks is the speaker's to resolve
    ("Russia rejected the plan. \"It must stop,\" a diplomat said.", "It", None),
    # an object is not its own verb's subject, nor is the subject of an infinitive it governs
    ("Russia's army shelled it for days.", "it", None),
    ("Russia wants it to fail.", "it", None),
    ("The British government was trying to rush it through.", "it", None),
    # the subject of a clause the pronoun's verb reports is no antecedent
    ("The SEC took the rules into account. The European Union was imposing new standards, it noted.", "it", "sec"),
    ("Iraq, they insisted, would not be a factor for most voters.", "they", None),
    # "they" does not reach into the previous sentence, nor past a nearer subject
    ("Russia rejected the plan. They said the offer was unfair.", "They", None),
    ("Russia waited until somebody said they were willing to pay.", "they", None),
    ("Their coach John Kirwan has warned his side they must eradicate the errors.", "they", None),
    # "they" is many: not one state
    ("Concerns remain as to how the US will fund its deficits should they continue to widen.", "they", None),
    # two governments: "the government" is neither
    ("The Iraqi government met the British government. The government said it would wait.", "The government", None),
    # a generic government is no state's
    ("The British government is wary. A government should never default.", "government", None),
    # the owner of a phrase an appositive names stays unresolved: the phrase is the name
    ("The QCA published a report. Reform is needed, said its chairman, Sir Anthony Greener.", "its", None),
    # information technology
    ("Microsoft sells software. Its rivals invest in IT.", "IT", None),
    # "the firm", "the company": the body the text is about, of those named lately
    ("Microsoft sells software. The company said sales rose.", "The company", "microsoft"),
    ("Barclays met Microsoft, and Barclays signed. The bank said it was pleased.", "The bank", "barclays"),
    # a description with its own modifiers names another body; a firm is no state
    ("Microsoft sells software. The firm behind the leak was fined.", "The firm", None),
    ("Microsoft sells software. The Russian firm was fined.", "firm", None),
    ("Russia rejected the plan. The company said nothing.", "The company", None),
]
# fmt: on


def resolved(nlp: Language, text: str) -> DocContext:
    return resolve_coreference(context_with_actors(nlp, text, ACTORS))


def actor_at(ctx: DocContext, word: str) -> str | None:
    match = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", ctx.doc.text)
    assert match is not None, f"{word!r} not in the text"
    span = ctx.doc.char_span(match.start(), match.end())
    assert span is not None
    mention = ctx.mention_at(span[-1])
    return None if mention is None else mention.actor_id


@pytest.mark.parametrize(("text", "word", "expected"), CASES)
def test_resolves_to(nlp: Language, text: str, word: str, expected: str | None) -> None:
    assert actor_at(resolved(nlp, text), word) == expected


@pytest.mark.parametrize(
    ("text", "word", "method"),
    [
        ("Russia rejected the plan. It said the offer was unfair.", "It", "pronoun"),
        (
            "The government must act. The response of the British government will be watched.",
            "The government",
            "alias",
        ),
    ],
)
def test_method_says_how_it_was_resolved(nlp: Language, text: str, word: str, method: str) -> None:
    ctx = resolved(nlp, text)
    start = text.index(word)
    added = [m for m in ctx.mentions if m.char_start == start]
    assert [(m.text, m.method) for m in added] == [(word, method)]


def test_named_mentions_are_kept_and_sorted(nlp: Language) -> None:
    before = context_with_actors(nlp, "Russia rejected the plan. It said China agreed.", ACTORS)
    after = resolve_coreference(before)
    assert set(before.mentions) < set(after.mentions)
    assert [m.token_start for m in after.mentions] == sorted(m.token_start for m in after.mentions)


def test_nothing_to_resolve_leaves_the_context(nlp: Language) -> None:
    ctx = context_with_actors(nlp, "Russia rejected the plan.", ACTORS)
    assert resolve_coreference(ctx) is ctx
