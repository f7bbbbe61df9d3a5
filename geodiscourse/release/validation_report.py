"""What a validation found, and how it is shown to an operator and to a program.

The checks (``validate``) and everything that reports on them (the publish error, the
report files under ``reports/``, ``geodiscourse validate``) share these records: a
failure names the table, column, check, how many rows fail and a few example rows,
which is what an operator needs to find the extractor at fault.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from typing import Any

import polars as pl

EXAMPLE_ROWS = 3
_MAX_STR = 160


@dataclass(frozen=True)
class ValidationFailure:
    """One check that failed on one table column, with the number of failing rows."""

    table: str
    column: str | None
    check: str
    count: int
    examples: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "column": self.column,
            "check": self.check,
            "count": self.count,
            "examples": self.examples,
        }

    def headline(self) -> str:
        where = f"{self.table}.{self.column}" if self.column else self.table
        return f"{where}: check {self.check} failed for {self.count} row(s)"


@dataclass(frozen=True)
class ValidationReport:
    """Every failure found; ``ok`` when there is none."""

    failures: list[ValidationFailure]
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures

    def find(
        self, table: str, column: str | None = None, check: str | None = None
    ) -> list[ValidationFailure]:
        """Failures of a table, optionally only for one column and a check name prefix."""
        return [
            f
            for f in self.failures
            if f.table == table
            and (column is None or f.column == column)
            and (check is None or f.check.startswith(check))
        ]

    def to_text(self) -> str:
        if self.ok:
            counts = ", ".join(f"{name} {n}" for name, n in self.rows.items())
            return f"Validation passed ({counts or 'no tables'}).\n"
        tables = sorted({f.table for f in self.failures})
        lines = [
            f"Validation failed: {len(self.failures)} check(s) failed in {len(tables)} table(s) "
            f"({', '.join(tables)}). Nothing was published.",
            "",
        ]
        for found in self.failures:
            lines.append(
                f"- table {found.table}, column {found.column or '-'}, check {found.check}: "
                f"{found.count} row(s)"
            )
            for example in found.examples:
                lines.append(f"    e.g. {json.dumps(example, ensure_ascii=False, default=str)}")
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "rows": self.rows, "failures": [f.to_dict() for f in self.failures]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, default=str) + "\n"


def jsonable(value: Any) -> Any:
    """A value as JSON can hold it, long strings cut to a readable length."""
    if isinstance(value, str):
        return value if len(value) <= _MAX_STR else value[:_MAX_STR] + f"... ({len(value)} chars)"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value


def example_rows(rows: pl.DataFrame) -> list[dict[str, Any]]:
    """The first few rows, as a report shows them."""
    return [jsonable(row) for row in rows.head(EXAMPLE_ROWS).to_dicts()]


def failure(table: str, column: str | None, check: str, bad: pl.DataFrame) -> ValidationFailure:
    """A failed check with its failing rows counted and a few shown."""
    return ValidationFailure(table, column, check, bad.height, example_rows(bad))
