"""The one month table: names and abbreviations to month numbers.

Publication datelines, event dates and the quantity reader all need to know that
"Dec." is December; the table lives once, in ``rules/dates/date_expressions.yaml``,
written as news prose capitalises it. Readers that match case-insensitively (datelines,
quantities) use the lower-cased view.
"""

from __future__ import annotations

from functools import cache

from geodiscourse.rules import RuleFileError, read_yaml_mapping

MONTHS_FILE = "dates/date_expressions.yaml"


@cache
def month_table() -> dict[str, int]:
    """Month names, then abbreviations, as written ("March", "Dec"), to 1-12."""
    raw = read_yaml_mapping(MONTHS_FILE)
    table: dict[str, int] = {}
    for key in ("months", "month_abbreviations"):
        entries = raw.get(key)
        if not isinstance(entries, dict) or not entries:
            raise RuleFileError(f"geodiscourse/rules/{MONTHS_FILE} needs a non-empty mapping '{key}'")
        for name, number in entries.items():
            if not isinstance(number, int) or not 1 <= number <= 12:
                raise RuleFileError(
                    f"geodiscourse/rules/{MONTHS_FILE}: month '{name}' must map to a number 1-12, got {number!r}"
                )
            table[str(name)] = number
    return table


@cache
def month_numbers() -> dict[str, int]:
    """The month table lower-cased, for case-insensitive readers ("dec" -> 12)."""
    return {name.lower(): number for name, number in month_table().items()}
