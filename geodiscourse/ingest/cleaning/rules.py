"""The cleaning rules, read from the YAML files in geodiscourse/rules/ once per process.

Patterns live in data files so that a new site's furniture is a line of YAML with a
comment, not a code change; this module only compiles them and fails loudly, naming the
file and entry, when one does not compile.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from geodiscourse.rules import read_yaml_mapping

BOILERPLATE_FILE = "ingest/boilerplate.yaml"
METADATA_FILE = "ingest/cleaning_metadata.yaml"


@dataclass(frozen=True)
class BoilerplateRules:
    """Each list of patterns is joined into one alternation: one regex call a line."""

    drop_line: re.Pattern[str]
    head_drop_line: re.Pattern[str]
    body_prompt_line: re.Pattern[str]
    tail_start: re.Pattern[str]
    block_start: re.Pattern[str]
    bullet_line: re.Pattern[str]
    editor_note_label: re.Pattern[str]
    editor_note_line: re.Pattern[str]
    editor_note_sentence: re.Pattern[str]
    category_words: frozenset[str]


@dataclass(frozen=True)
class MetadataRules:
    byline: re.Pattern[str]
    byline_located: re.Pattern[str]
    byline_max_words: int
    byline_max_rest_words: int
    outlet_lines: tuple[re.Pattern[str], ...]
    outlet_copyright: re.Pattern[str]
    outlet_copyright_inline: re.Pattern[str]
    outlet_prompts: tuple[re.Pattern[str], ...]
    outlet_wire: re.Pattern[str]
    wire_dateline: re.Pattern[str]
    outlet_stopwords: frozenset[str]
    source_list_header: re.Pattern[str]
    source_list_item: re.Pattern[str]
    url: re.Pattern[str]


def load_rule_file(name: str) -> dict[str, Any]:
    """The parsed YAML mapping of one file in geodiscourse/rules/."""
    return read_yaml_mapping(name)


def _compile(pattern: str, where: str, flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as err:
        raise ValueError(f"{where}: pattern {pattern!r} does not compile ({err}): fix it") from err


def _compile_all(data: dict[str, Any], key: str, file: str, flags: int) -> tuple[re.Pattern[str], ...]:
    return tuple(_compile(p, f"geodiscourse/rules/{file} {key}[{i}]", flags) for i, p in enumerate(data[key]))


def _compile_alternation(data: dict[str, Any], key: str, file: str, flags: int) -> re.Pattern[str]:
    """One pattern matching where any entry matches; entries are compiled one by one
    first, so an error names the entry at fault."""
    patterns = _compile_all(data, key, file, flags)
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), flags)


@lru_cache(maxsize=1)
def boilerplate_rules() -> BoilerplateRules:
    data = load_rule_file(BOILERPLATE_FILE)
    where = f"geodiscourse/rules/{BOILERPLATE_FILE}"
    ci = re.IGNORECASE
    return BoilerplateRules(
        drop_line=_compile_alternation(data, "drop_line", BOILERPLATE_FILE, ci),
        head_drop_line=_compile_alternation(data, "head_drop_line", BOILERPLATE_FILE, ci),
        body_prompt_line=_compile_alternation(data, "body_prompt_line", BOILERPLATE_FILE, ci),
        tail_start=_compile_alternation(data, "tail_start", BOILERPLATE_FILE, ci),
        block_start=_compile_alternation(data, "block_start", BOILERPLATE_FILE, ci),
        bullet_line=_compile(data["bullet_line"], f"{where} bullet_line"),
        editor_note_label=_compile(data["editor_note_label"], f"{where} editor_note_label", ci),
        editor_note_line=_compile(data["editor_note_line"], f"{where} editor_note_line", ci),
        editor_note_sentence=_compile(data["editor_note_sentence"], f"{where} editor_note_sentence", ci),
        category_words=frozenset(str(w).lower() for w in data["category_words"]),
    )


@lru_cache(maxsize=1)
def metadata_rules() -> MetadataRules:
    data = load_rule_file(METADATA_FILE)
    where = f"geodiscourse/rules/{METADATA_FILE}"
    ci = re.IGNORECASE
    name = data["byline_name"]
    return MetadataRules(
        byline=_compile(data["byline"].replace("{name}", name), f"{where} byline"),
        byline_located=_compile(data["byline_located"].replace("{name}", name), f"{where} byline_located"),
        byline_max_words=int(data["byline_max_words"]),
        byline_max_rest_words=int(data["byline_max_rest_words"]),
        outlet_lines=_compile_all(data, "outlet_lines", METADATA_FILE, 0),
        outlet_copyright=_compile(data["outlet_copyright"], f"{where} outlet_copyright"),
        outlet_copyright_inline=_compile(data["outlet_copyright_inline"], f"{where} outlet_copyright_inline"),
        outlet_prompts=_compile_all(data, "outlet_prompts", METADATA_FILE, 0),
        outlet_wire=_compile(data["outlet_wire"], f"{where} outlet_wire"),
        wire_dateline=_compile(data["wire_dateline"], f"{where} wire_dateline"),
        outlet_stopwords=frozenset(str(w).lower() for w in data["outlet_stopwords"]),
        source_list_header=_compile(data["source_list_header"], f"{where} source_list_header", ci),
        source_list_item=_compile(data["source_list_item"], f"{where} source_list_item"),
        url=_compile(data["url"], f"{where} url", ci),
    )
