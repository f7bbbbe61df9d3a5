"""Compile a published sentiment lexicon into the evaluative words events are judged by.

Source: VADER's ``vader_lexicon.txt`` (Hutto & Gilbert 2014, "VADER: A Parsimonious
Rule-based Model for Sentiment Analysis of Social Media Text"), shipped in the
``vaderSentiment`` 3.3.2 wheel on the package index, MIT licence, github.com/cjhutto/
vaderSentiment. Each entry is the mean of ten raters' valences on -4..+4 and their
standard deviation. The product never reads the wheel at run time: this script writes
``geodiscourse/rules/events/evaluative_words.json`` and that file is committed.

Why a sentiment lexicon: PLOVER codes a speaker's disapproval as ACCUSE (its
DISAPPROVE mode: "criticize, ... denounce") and praise or endorsement as SUPPORT. In
news prose most of these are not made with a verb of accusing but with the words a
speaker is reported to have used: "said Mr Straw was 'naive beyond belief'", "called
the ruling 'a substantial victory'". Which words carry such a judgment is what VADER's
raters scored.

What is kept, and why:

- single lowercase words (letters, inner hyphens): multi-word and emoticon entries
  cannot be matched on one token;
- mean valence of at least ``MIN_VALENCE`` in size, with raters agreeing (standard
  deviation at most ``MAX_SPREAD``): weak or disputed words make judgments of nothing;
- not a word that names an event of another kind ("attack", "kill", "war", "agree"):
  a speaker reporting an attack reports an event, which the event lexicon codes as what
  it is, so these words cannot also be read as the speaker's judgment. The event words
  are the committed CAMEO verbs with a code (``cameo_verbs.json``) and the hand-written
  verbs and nouns of ``plover.yaml``; words coded only as ACCUSE or SUPPORT ("criticism",
  "praise") are judgments and stay;
- not a word whose common use is grammatical rather than evaluative (``GRAMMATICAL``).

    python tools/build_evaluation_lexicon.py [--check]
"""

from __future__ import annotations

import json
import re
import sys
from importlib import resources

import yaml
from build_outputs import ROOT, run

OUT = ROOT / "geodiscourse" / "rules" / "events" / "evaluative_words.json"
CAMEO = ROOT / "geodiscourse" / "rules" / "events" / "cameo_verbs.json"
PLOVER = ROOT / "geodiscourse" / "rules" / "events" / "plover.yaml"
SOURCE = (
    "vaderSentiment 3.3.2 (pypi.org/project/vaderSentiment), vader_lexicon.txt, MIT, Hutto & Gilbert 2014"
)

MIN_VALENCE = 1.0
MAX_SPREAD = 1.5
#: Words VADER scores whose everyday use in news prose is grammatical, not a judgment:
#: "like the US", "well over", "please", "no one", "yes", "kind of", "pretty much".
GRAMMATICAL = frozenset(
    {"like", "likes", "liked", "well", "please", "no", "yes", "kind", "pretty", "mean", "lol", "ok", "okay"}
)
_WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
_INFLECTIONS = ("ing", "ed", "es", "s", "d", "ment", "ion")


#: Event types that are themselves a speaker's judgment: words coded with them stay.
JUDGMENT_TYPES = frozenset({"ACCUSE", "SUPPORT"})


def event_words() -> frozenset[str]:
    """Lemmas that name an event other than a judgment in the committed event lexicons:
    CAMEO verbs with a default code and hand-written verbs and nouns, whatever they
    code, less those coded only as ACCUSE or SUPPORT."""
    types: dict[str, set[str]] = {}
    cameo = json.loads(CAMEO.read_text(encoding="utf-8"))
    for block in cameo["blocks"]:
        for verb, event in block["verbs"].items():
            if event is not None:
                types.setdefault(verb.split()[0].lower(), set()).add(str(event["type"]))
    plover = yaml.safe_load(PLOVER.read_text(encoding="utf-8"))
    for verb, frames in plover.get("verbs", {}).items():
        for frame in frames:
            types.setdefault(str(verb).split()[0].lower(), set()).add(str(frame["type"]))
    for noun, entry in plover.get("nouns", {}).items():
        types.setdefault(str(noun).split()[0].lower(), set()).add(str(entry["type"]))
    return frozenset(word for word, coded in types.items() if not coded <= JUDGMENT_TYPES)


def _names_event(word: str, events: frozenset[str]) -> bool:
    """Is the word, or its stem with a common ending taken off, one of ``events``?"""
    if word in events:
        return True
    for ending in _INFLECTIONS:
        stem = word.removesuffix(ending)
        if stem == word:
            continue
        doubled = len(stem) > 2 and stem[-1] == stem[-2]  # "planned" -> "plan"
        if stem in events or stem + "e" in events or (doubled and stem[:-1] in events):
            return True
    return False


def build(lexicon_text: str) -> str:
    events = event_words()
    kept: dict[str, float] = {}
    for line in lexicon_text.splitlines():
        fields = line.split("\t")
        if len(fields) < 3 or not _WORD.match(fields[0]):
            continue
        word, mean, spread = fields[0], float(fields[1]), float(fields[2])
        if abs(mean) < MIN_VALENCE or spread > MAX_SPREAD or word in GRAMMATICAL:
            continue
        if _names_event(word, events):
            continue
        kept[word] = mean
    data = {
        "_about": [
            "GENERATED by tools/build_evaluation_lexicon.py -- do not edit; edit the script.",
            f"From {SOURCE}.",
            f"Single words with |mean valence| >= {MIN_VALENCE} and rater spread <= {MAX_SPREAD},",
            "less words that name events in cameo_verbs.json or plover.yaml and grammatical words.",
            "words: word -> mean valence on VADER's -4..+4 scale.",
        ],
        "words": dict(sorted(kept.items())),
    }
    return json.dumps(data, indent=0, ensure_ascii=False) + "\n"


def vader_lexicon() -> str:
    try:
        return resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        sys.exit("needs the vaderSentiment package: pip install -e '.[dev]'")


def main() -> None:
    run(__doc__, lambda _reference: {OUT: build(vader_lexicon())}, needs_reference=False)


if __name__ == "__main__":
    main()
