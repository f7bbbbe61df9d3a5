"""Reading the rule and lexicon files kept as data in ``geodiscourse/rules/``.

Every extractor's vocabulary lives in those small commented YAML/CSV files; this is
the one place that finds and parses them, so a missing or malformed file always gives
the same kind of error, naming the file and how to fix it.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

#: Next to the code, so editable and wheel installs agree (tests may point it elsewhere).
RULES_DIR = Path(__file__).resolve().parent


class RuleFileError(ValueError):
    """A rule file is missing or malformed; the message names it and the fix."""


def rule_text(name: str) -> str:
    path = RULES_DIR / name
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise RuleFileError(
            f"rule file {path} is missing: restore it from git or reinstall the geodiscourse package"
        ) from err


#: libyaml's parser where PyYAML was built with it (its wheels are): the rule files are
#: read by every worker at start, and the pure-Python parser takes about a second for them.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """A YAML loader that refuses a key given twice in one mapping: YAML would keep the
    last silently, and a rule written twice loses its first reading without a word."""


def _unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} is given twice in one mapping", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def read_yaml(name: str) -> Any:
    """A rule file's parsed YAML (any top-level type)."""
    try:
        return yaml.load(rule_text(name), Loader=_UniqueKeyLoader)  # a SafeLoader: no object tags
    except yaml.YAMLError as err:
        raise RuleFileError(f"geodiscourse/rules/{name} is not valid YAML: {err}") from err


def read_yaml_mapping(name: str) -> dict[str, Any]:
    """A rule file that must hold a YAML mapping at the top level."""
    data = read_yaml(name)
    if not isinstance(data, dict):
        raise RuleFileError(
            f"geodiscourse/rules/{name} must be a YAML mapping at the top level, got {type(data).__name__}: "
            "check its indentation"
        )
    return data


def read_csv_rows(name: str) -> list[dict[str, str]]:
    """A CSV rule file's rows by header; lines starting with # are comments."""
    lines = [line for line in rule_text(name).splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))
