"""The word lists compiled from published resources are what their build scripts make.

``tools/build_evaluation_lexicon.py`` compiles VADER's rated lexicon into the evaluative
words of judgments, ``tools/build_event_nouns.py`` the nouns of the CAMEO verbs' events
(checked against WordNet's noun index in the pinned spaCy model). Each committed file is
rebuilt and compared byte for byte; the rules that select entries are pinned on small
cases.
"""

from __future__ import annotations

import importlib.util

import pytest

from tests.rules.tool_scripts import load_tool

evaluation = load_tool("build_evaluation_lexicon")
nouns = load_tool("build_event_nouns")


@pytest.mark.skipif(
    importlib.util.find_spec("vaderSentiment") is None, reason="needs the dev extra vaderSentiment"
)
def test_evaluative_words_are_what_the_script_builds() -> None:
    assert evaluation.OUT.read_text(encoding="utf-8") == evaluation.build(evaluation.vader_lexicon()), (
        "rules/events/evaluative_words.json is stale: run tools/build_evaluation_lexicon.py"
    )


def test_event_nouns_are_what_the_script_builds() -> None:
    assert nouns.OUT.read_text(encoding="utf-8") == nouns.build(nouns.noun_index()), (
        "rules/events/cameo_nouns.json is stale: run tools/build_event_nouns.py"
    )


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("naive\t-1.1\t1.22066\t[]", True),  # a judgment
        ("hoax\t-1.1\t1.04403\t[]", True),
        ("attack\t-2.1\t0.83066\t[]", False),  # names an event: coded as that event
        ("killed\t-3.5\t0.67082\t[]", False),  # an inflection of an event verb
        ("criticism\t-1.9\t0.53852\t[]", True),  # coded ACCUSE only: a judgment
        ("serious\t-0.3\t0.45826\t[]", False),  # too weak
        ("nuts\t-1.3\t2.5\t[]", False),  # raters disagree
        ("like\t1.5\t0.67082\t[]", False),  # grammatical
        (":-)\t1.3\t0.45826\t[]", False),  # not a word
    ],
)
def test_evaluative_word_selection(line: str, kept: bool) -> None:
    word = line.split("\t")[0]
    assert (word in evaluation.build(line + "\n")) is kept


@pytest.mark.parametrize(
    ("verb", "known", "expected"),
    [
        ("investigate", {"investigation"}, {"investigation"}),
        ("appoint", {"appointment"}, {"appointment"}),
        ("withdraw", {"withdrawal"}, {"withdrawal"}),
        ("invade", {"invasion"}, {"invasion"}),
        ("expel", {"expulsion"}, {"expulsion"}),
        ("ban", {"ban", "banning"}, {"ban", "banning"}),
        # WordNet nouns that only look derived are not taken
        ("accord", {"accordion"}, set()),
        ("serve", {"serval"}, set()),
        # an institution is not the act
        ("govern", {"government"}, set()),
    ],
)
def test_noun_derivations(verb: str, known: set[str], expected: set[str]) -> None:
    assert nouns._nouns_of(verb, frozenset(known)) == expected
