"""The code's measured quality, as every release publishes it (quality.json).

bench/quality.py scores the code on the project's gold sets and writes
geodiscourse/rules/quality/measured.json; publishing copies it into the release and
the data card shows it, so a release says how good rows like its own were measured to be.
"""

from __future__ import annotations

import json
from typing import Any

from geodiscourse.rules import RuleFileError, rule_text

#: A release's copy of the measured quality.
QUALITY_FILENAME = "quality.json"
MEASURED_QUALITY_RULE = "quality/measured.json"


def measured_quality() -> dict[str, Any] | None:
    """The code's measured quality on the project's gold sets, as bench/quality.py last
    wrote it; None when it was never measured."""
    try:
        data = json.loads(rule_text(MEASURED_QUALITY_RULE))
    except RuleFileError:
        return None
    return data if isinstance(data, dict) else None
