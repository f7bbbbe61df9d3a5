"""Compile the event-data field's dictionaries into geodiscourse's rule data.

Sources (copies kept in ``../shared/reference``, never read by the product at run time):

- PLOVER codebook, ``plover/PLOVER_MANUAL.tex``, and the CAMEO-to-PLOVER table
  ``plover/CAMEO2PLOVER-2021.txt``: github.com/openeventdata/PLOVER at
  5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f, CC BY-SA 4.0, Open Event Data Alliance.
- PETRARCH2's CAMEO verb dictionary, ``petrarch2/CAMEO.2.0.txt``:
  github.com/openeventdata/petrarch2 at 676801cd9cb2924bbbad09f86d15c9323e7097bf, MIT,
  Copyright (c) 2015 Open Event Data Alliance.

Outputs (committed; ``tests/rules/test_generated_dictionaries.py`` checks that they are
exactly what this script writes):

- ``schemas/plover_vocabulary.py``: the codebook's modes per event type and its contexts,
  which the events schema checks ``event_mode`` and ``event_contexts`` against.
- ``geodiscourse/rules/shared/phoenix_agents.json``: the one-word agent nouns of
  PETRARCH2's ``Phoenix.agents.txt`` (same source, MIT) with their Phoenix sector code
  ("rebel" REB, "police" COP): who can act as an unnamed group ("Afghan rebels", "2,000
  protesters").
- ``geodiscourse/rules/events/cameo_verbs.json`` (JSON: it loads in milliseconds): every CAMEO verb with its default code
  and its phrase patterns, each coded with a PLOVER type, mode and contexts.

The codebook is the authority: where the 2021 table names a mode the codebook does not
list for that type, the mode is dropped (or translated, see MODE_ALIASES); where the
table contradicts the codebook's definitions, CODE_OVERRIDES says so with the reason.
CAMEO's 01 (public statements) codes no event; its 02 (appeals) is PLOVER's REQUEST
("all requests, demands, and orders"), which the 2021 table leaves out.

    python tools/build_event_dictionary.py [--reference DIR] [--check]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from build_outputs import ROOT, run

VOCABULARY_OUT = ROOT / "schemas" / "plover_vocabulary.py"
VERBS_OUT = ROOT / "geodiscourse" / "rules" / "events" / "cameo_verbs.json"
AGENTS_OUT = ROOT / "geodiscourse" / "rules" / "shared" / "phoenix_agents.json"
PLOVER_SOURCE = "github.com/openeventdata/PLOVER@5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f (CC BY-SA 4.0)"
PETRARCH_SOURCE = "github.com/openeventdata/petrarch2@676801cd9cb2924bbbad09f86d15c9323e7097bf (MIT)"

#: Modes the 2021 table uses under another name than the codebook's table for the type.
MODE_ALIASES = {
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "massacre"): "targeted",
    ("COERCE", "ban"): "restrict",
    ("PROTEST", "boycott"): "boycott",
    ("MOBILIZE", "police"): "police",
}
#: Codes whose 2021 table entry the codebook contradicts, with the codebook's reason.
CODE_OVERRIDES: dict[str, tuple[str, str | None, tuple[str, ...], str]] = {
    # SANCTION: "International (political or economic) sanctions are coded as 'discontinue'".
    "163": ("SANCTION", "discontinue", ("economic",), "codebook SANCTION modes: sanctions are discontinue"),
    # 02 APPEAL is absent from the table; REQUEST covers "all requests, demands, and orders".
    "02": ("REQUEST", None, (), "codebook REQUEST: all requests"),
}
#: Verbs whose CAMEO default code the codebook's own definitions place elsewhere, with
#: the definition that does: (type, mode, contexts).
LEMMA_OVERRIDES: dict[str, tuple[str, str | None, tuple[str, ...], str]] = {
    "resign": ("RETREAT", "resign", (), "RETREAT covers resignations of government officials"),
    "surrender": ("RETREAT", "disarm", ("military",), "CAMEO 0874 retreat or surrender militarily"),
    "demobilize": ("RETREAT", "disarm", ("military",), "RETREAT disarm: demobilize armed forces"),
    "demobilise": ("RETREAT", "disarm", ("military",), "RETREAT disarm: demobilize armed forces"),
    "sue": ("ACCUSE", "allege", ("legal",), "ACCUSE: sue or bring to court"),
    "indict": ("ACCUSE", "allege", ("legal",), "ACCUSE allege: sue, indict, or charge"),
    "charge": ("ACCUSE", "allege", ("legal",), "ACCUSE allege: sue, indict, or charge"),
    "prosecute": ("ACCUSE", "allege", ("legal",), "ACCUSE allege: bring to trial"),
}
#: CAMEO cue categories that code no PLOVER event: public statements (01).
NO_EVENT_PREFIXES = ("01",)


# ---------------------------------------------------------------------------- codebook


def _latex_name(cell: str) -> str:
    """``\\hyperref[context:x]{political\\_institutions}`` -> political_institutions."""
    cell = re.sub(r"\\hyperref\[[^\]]*\]\{([^}]*)\}", r"\1", cell)
    return cell.replace("\\_", "_").strip()


def _type_sections(manual: str) -> list[tuple[str, str]]:
    """(type, section text) for each event type: the codebook's upper-case sections that
    say whether the type requires a recipient (the contexts LGBT and CBRN say nothing)."""
    return [
        (m.group(1), m.group(2))
        for m in re.finditer(r"\\section\{([A-Z]+)\}(.*?)(?=\\section\{|\Z)", manual, re.S)
        if "Requires recipient" in m.group(2)
    ]


def parse_recipients(manual: str) -> tuple[str, ...]:
    """The event types whose section says "Requires recipient: Yes"."""
    return tuple(t for t, text in _type_sections(manual) if re.search(r"Requires recipient:\s*Yes", text))


def parse_codebook(manual: str) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Modes per event type (from each type's "modes" table; the types are the
    codebook's upper-case sections, in its order) and the general contexts."""
    modes: dict[str, tuple[str, ...]] = {t: () for t, _ in _type_sections(manual)}
    for match in re.finditer(
        r"\\caption\{(?:\\plcat\{)?([A-Z]+)\}? modes[^\n]*\n(.*?)\\end\{tabular\}", manual, re.S
    ):
        event_type = match.group(1)
        names = []
        for line in match.group(2).splitlines():
            line = line.strip()
            if line.startswith("%") or "&" not in line or line.startswith("Name"):
                continue
            name = _latex_name(line.split("&", 1)[0])
            if re.fullmatch(r"[a-z][a-z_-]*", name):
                names.append(name)
        if event_type in modes:
            modes[event_type] = tuple(names)
    table = re.search(r"\\label\{tab:general-contexts\}(.*?)\\end\{longtable\}", manual, re.S)
    if table is None:
        raise SystemExit("PLOVER_MANUAL.tex: no general-contexts table")
    contexts = []
    for line in table.group(1).splitlines():
        if "&" not in line or line.strip().startswith(("Name", "\\hline", "%")):
            continue
        name = _latex_name(line.split("&", 1)[0])
        if re.fullmatch(r"[a-z][a-z_]*", name):
            contexts.append(name)
    return modes, tuple(contexts)


@dataclass(frozen=True)
class PloverCode:
    event_type: str
    mode: str | None
    contexts: tuple[str, ...]


def parse_cameo2plover(
    text: str, modes: dict[str, tuple[str, ...]], contexts: tuple[str, ...]
) -> dict[str, PloverCode]:
    """CAMEO code -> PLOVER type, mode and contexts, checked against the codebook."""
    out: dict[str, PloverCode] = {}
    for line in text.splitlines():
        match = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if match is None:
            continue
        code, fields = match.group(1), [f.strip() for f in match.group(2).split(",")]
        event_type = fields[0].upper()
        if event_type not in modes:
            continue
        raw_mode = fields[1].strip() if len(fields) > 1 else ""
        mode = MODE_ALIASES.get((event_type, raw_mode), raw_mode) or None
        if mode is not None and mode not in modes[event_type]:
            mode = None
        raw_contexts = fields[2] if len(fields) > 2 else ""
        kept = tuple(c.strip() for c in raw_contexts.split(";") if c.strip() in contexts)
        if code not in out:  # the table lists 175 twice, identically
            out[code] = PloverCode(event_type, mode, kept)
    for code, (event_type, mode, kept, _why) in CODE_OVERRIDES.items():
        out[code] = PloverCode(event_type, mode, kept)
    return out


def plover_for(cameo: str, table: dict[str, PloverCode]) -> PloverCode | None:
    """The PLOVER coding of a CAMEO code, falling back to its parent category
    ("0871" -> "087" -> "08"); None for statements and unknown codes."""
    if cameo.startswith(NO_EVENT_PREFIXES):
        return None
    for length in range(len(cameo), 1, -1):
        found = table.get(cameo[:length])
        if found is not None:
            return found
    return None


def _tuple_lines(key: str, values: tuple[str, ...], indent: str) -> list[str]:
    """``key: (values),`` laid out as ruff format lays it out (110 columns)."""
    items = ", ".join(json.dumps(v) for v in values)
    one = f"{indent}{key}({items}{',' if len(values) == 1 else ''}),"
    if len(one) <= 110:
        return [one]
    return [f"{indent}{key}(", *(f"{indent}    {json.dumps(v)}," for v in values), f"{indent}),"]


def vocabulary_module(
    modes: dict[str, tuple[str, ...]], contexts: tuple[str, ...], recipients: tuple[str, ...]
) -> str:
    lines = [
        '"""PLOVER modes per event type and general contexts, from the PLOVER codebook.',
        "",
        "Generated by tools/build_event_dictionary.py from PLOVER_MANUAL.tex",
        f"({PLOVER_SOURCE}); do not edit by hand.",
        '"""',
        "",
        "PLOVER_MODES: dict[str, tuple[str, ...]] = {",
    ]
    for event_type in modes:
        lines.extend(_tuple_lines(f"{json.dumps(event_type)}: ", modes[event_type], "    "))
    lines.append("}")
    lines.append("PLOVER_CONTEXTS: tuple[str, ...] = (")
    lines.extend(f"    {json.dumps(c)}," for c in contexts)
    lines.append(")")
    lines.append(
        "ALL_MODES: tuple[str, ...] = tuple(sorted({m for ms in PLOVER_MODES.values() for m in ms}))"
    )
    lines.append('#: Types whose codebook section says "Requires recipient: Yes".')
    lines.append(f"REQUIRES_RECIPIENT: tuple[str, ...] = ({', '.join(json.dumps(t) for t in recipients)})")
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------- CAMEO verb dictionary


@dataclass
class Pattern:
    """One CAMEO phrase pattern reduced to what a dependency parse can check."""

    code: str
    objects: list[str] = field(default_factory=list)  # head words of the object phrase
    modifiers: list[str] = field(default_factory=list)  # other words of a braced object phrase
    preposition: str | None = None
    prep_objects: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)


@dataclass
class VerbBlock:
    code: str
    verbs: dict[str, tuple[str | None, str | None]]  # "lemma [particle]" -> (own code, particle)
    patterns: list[Pattern]


def _expand_word(word: str, synsets: dict[str, list[str]]) -> list[str]:
    """A pattern word as a lower-case word, or a synset reference (&WEAPON) kept as
    such: the loader expands it from the synsets written beside the verbs."""
    if word.startswith("&"):
        name = word.rstrip("_")
        return [name] if name in synsets else []
    return [word.rstrip("_").replace("_", " ").lower()]


def parse_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        stripped = line.split("#", 1)[0].strip()
        if stripped.startswith("&"):
            current = stripped.rstrip("_")
            synsets[current] = []
        elif stripped.startswith("+") and current is not None:
            synsets[current].append(stripped[1:].rstrip("_").replace("_", " ").lower())
        elif not stripped:
            continue
        else:
            current = None
    return synsets


_CODE = re.compile(r"\[([^\]]*)\]")


def _first_code(raw: str) -> str:
    """The event code of a bracket ("[042:043]" -> 042, "[:173]" -> 173, "[---]")."""
    for part in raw.split(":"):
        part = part.strip()
        if part:
            return part
    return "---"


def _tokens(pattern: str) -> Iterator[str]:
    """Pattern elements: words, braced phrases, parenthesised preposition phrases."""
    for match in re.finditer(r"\{[^}]*\}|\([^)]*\)|\S+", pattern):
        yield match.group(0)


def parse_pattern(body: str, code: str, synsets: dict[str, list[str]]) -> Pattern | None:
    """A pattern with one object phrase, one preposition phrase and one subject noun at
    most; anything else (actor markers inside phrases, several noun phrases, verbs in
    the phrase) is left to the default code of the verb, which is what PETRARCH does
    when a long pattern fails."""
    if "*" not in body:
        return None
    before, after = body.split("*", 1)
    pattern = Pattern(code=code)
    pre = [t for t in _tokens(before) if t not in ("$", "+", "^", "%")]
    if len(pre) > 1 or any(t.startswith("(") for t in pre):
        return None
    if pre:
        words = pre[0].strip("{}").split()
        pattern.subjects = _expand_word(words[-1], synsets)
    for element in _tokens(after):
        if element in ("$", "+", "^", "%"):
            continue
        if element.startswith("("):
            if pattern.preposition is not None:
                return None
            words = [w for w in element.strip("()").replace("{", " ").replace("}", " ").split()]
            words = [w for w in words if w not in ("$", "+", "^", "%")]
            if len(words) < 2:
                return None
            pattern.preposition = words[0].lower()
            pattern.prep_objects = _expand_word(words[-1], synsets)
        else:
            if pattern.objects or pattern.preposition is not None:
                return None
            words = element.strip("{}").split()
            words = [w for w in words if w not in ("$", "+", "^", "%")]
            if not words:
                continue
            pattern.objects = _expand_word(words[-1], synsets)
            pattern.modifiers = [w for word in words[:-1] for w in _expand_word(word, synsets)]
    if not (pattern.objects or pattern.preposition or pattern.subjects):
        return None
    return pattern


def _verb_entry(line: str) -> tuple[str, str | None, str | None] | None:
    """A synonym line -> (lemma, own code, particle). Pre-compounds ("WIRE_+TAP") and
    the multi-word remnants that are no verb ("+KILLED_AND") are left out."""
    body = re.sub(r"\{[^}]*\}", "", line.split("#", 1)[0]).strip()
    code_match = _CODE.search(body)
    code = _first_code(code_match.group(1)) if code_match else None
    body = _CODE.sub("", body).strip()
    if not body or " " in body:
        return None
    if body.startswith("+"):
        parts = body[1:].split("_")
        if len(parts) != 2 or not parts[0].isalpha() or parts[1] in ("AND", "OR", "BY"):
            return None
        return parts[0].lower(), code, parts[1].lower()
    if "+" in body or "_" in body or not re.fullmatch(r"[A-Z][A-Z'-]*", body):
        return None
    return body.lower(), code, None


def parse_verb_blocks(lines: list[str], synsets: dict[str, list[str]]) -> list[VerbBlock]:
    blocks: list[VerbBlock] = []
    current: VerbBlock | None = None
    for line in lines:
        header = re.match(r"^---\s+\S+\s+\[([^\]]*)\]", line)
        if header:
            current = VerbBlock(code=_first_code(header.group(1)), verbs={}, patterns=[])
            blocks.append(current)
            continue
        if current is None or not line.strip() or line.startswith("#") or line.startswith("~"):
            continue
        if line.startswith("-"):
            code_match = _CODE.search(line.split("#", 1)[0])
            if code_match is None:
                continue
            body = line[1 : code_match.start()].strip() if code_match else ""
            parsed = parse_pattern(body, _first_code(code_match.group(1)), synsets)
            if parsed is not None:
                current.patterns.append(parsed)
            continue
        entry = _verb_entry(line)
        if entry is not None:
            lemma, code, particle = entry
            current.verbs.setdefault(f"{lemma} {particle}" if particle else lemma, (code, particle))
    return blocks


def _coded(code: str, table: dict[str, PloverCode]) -> dict[str, object] | None:
    if code in ("---", ""):
        return None
    found = plover_for(code, table)
    if found is None:
        return None
    entry: dict[str, object] = {"cameo": code, "type": found.event_type}
    if found.mode:
        entry["mode"] = found.mode
    if found.contexts:
        entry["contexts"] = list(found.contexts)
    return entry


def _pattern_item(p: Pattern, table: dict[str, PloverCode]) -> dict[str, object]:
    item: dict[str, object] = {}
    if p.subjects:
        item["subject"] = sorted(set(p.subjects))
    if p.objects:
        item["object"] = sorted(set(p.objects))
    if p.modifiers:
        item["modifiers"] = sorted(set(p.modifiers))
    if p.preposition:
        item["preposition"] = p.preposition
        item["prep_object"] = sorted(set(p.prep_objects))
    item["event"] = _coded(p.code, table)  # None: the pattern names a non-event reading
    return item


def _override(key: str) -> dict[str, object] | None:
    found = LEMMA_OVERRIDES.get(key)
    if found is None:
        return None
    event_type, mode, contexts, _why = found
    entry: dict[str, object] = {"cameo": "codebook", "type": event_type}
    if mode:
        entry["mode"] = mode
    if contexts:
        entry["contexts"] = list(contexts)
    return entry


def compile_blocks(blocks: list[VerbBlock], table: dict[str, PloverCode]) -> list[dict[str, object]]:
    """Each CAMEO synonym block: its verbs with the event each codes alone, and the
    patterns they share. Blocks that code no event at all are left out."""
    out: list[dict[str, object]] = []
    for block in blocks:
        verbs = {
            key: _override(key) or _coded(own or block.code, table) for key, (own, _p) in block.verbs.items()
        }
        patterns: list[dict[str, object]] = []
        for p in block.patterns:
            item = _pattern_item(p, table)
            if item not in patterns:
                patterns.append(item)
        if not verbs or (
            all(v is None for v in verbs.values()) and all(p["event"] is None for p in patterns)
        ):
            continue
        out.append({"verbs": verbs, "patterns": patterns})
    return out


def used_synsets(blocks: list[dict[str, object]], synsets: dict[str, list[str]]) -> dict[str, list[str]]:
    names: set[str] = set()
    for block in blocks:
        for p in block["patterns"]:  # type: ignore[attr-defined]
            for key in ("subject", "object", "modifiers", "prep_object"):
                names.update(w for w in p.get(key, []) if w.startswith("&"))
    return {name[1:]: sorted(set(synsets[name])) for name in sorted(names)}


ABOUT = [
    "GENERATED by tools/build_event_dictionary.py -- do not edit; edit the script, or add",
    "hand-written rules to plover.yaml, which take precedence.",
    f"From PETRARCH2's CAMEO verb dictionary ({PETRARCH_SOURCE}),",
    "coded through the CAMEO-to-PLOVER table and checked against the PLOVER codebook",
    f"({PLOVER_SOURCE}).",
    "synsets: the word sets patterns refer to as &NAME.",
    "blocks: CAMEO's synonym blocks. verbs: 'lemma' or 'lemma particle' -> the event the",
    "verb codes alone (null: none). patterns: readings selected by the verb's subject, its",
    "object (head word, with modifiers for a phrase) or a preposition phrase; an event of",
    "null marks a reading that is no event ('killed in an accident'). Each event: its CAMEO",
    "code, PLOVER type, and the mode and contexts where the code fixes them.",
]


def verbs_json(blocks: list[dict[str, object]], synsets: dict[str, list[str]]) -> str:
    data = {"_about": ABOUT, "synsets": used_synsets(blocks, synsets), "blocks": blocks}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


# ----------------------------------------------------------------------------- agents


def parse_agents(text: str) -> dict[str, str]:
    """One-word agent nouns -> Phoenix sector code (the first one listed wins). Phrases,
    stems and the !PERSON!/!MINIST! templates are left out: the extractor matches a
    head noun's lemma."""
    agents: dict[str, str] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        match = re.fullmatch(r"([A-Z][A-Z'-]*)_?\s*(?:\{[^}]*\})?\s*\[~?([A-Z]+)\]", line)
        if match is None:
            continue
        agents.setdefault(match.group(1).lower(), match.group(2))
    return dict(sorted(agents.items()))


def agents_json(agents: dict[str, str]) -> str:
    about = [
        "GENERATED by tools/build_event_dictionary.py -- do not edit.",
        f"One-word agent nouns of PETRARCH2's Phoenix.agents.txt ({PETRARCH_SOURCE})",
        "with their Phoenix sector code (GOV government, MIL military, COP police, REB rebels,",
        "OPP opposition, CVL civilians, BUS business, MED media, JUD judiciary, LEG legislature ...).",
    ]
    return json.dumps({"_about": about, "agents": agents}, indent=1, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------------- main


def build(reference: Path) -> dict[Path, str]:
    manual = (reference / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    modes, contexts = parse_codebook(manual)
    table = parse_cameo2plover(
        (reference / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8"), modes, contexts
    )
    lines = (reference / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    synsets = parse_synsets(lines[:start])
    blocks = compile_blocks(parse_verb_blocks(lines[start:], synsets), table)
    agents = parse_agents((reference / "petrarch2" / "Phoenix.agents.txt").read_text(encoding="latin-1"))
    return {
        VOCABULARY_OUT: vocabulary_module(modes, contexts, parse_recipients(manual)),
        VERBS_OUT: verbs_json(blocks, synsets),
        AGENTS_OUT: agents_json(agents),
    }


def main() -> None:
    run(__doc__, build)


if __name__ == "__main__":
    main()
