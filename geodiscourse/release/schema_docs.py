"""Markdown column tables generated from the pandera models.

README's table reference and each release's data card are written from these, and a
test fails when README differs from what the schemas say, so docs cannot drift.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import polars as pl

from geodiscourse.schemas import TABLES

START, END = (
    "<!-- columns:start (generated from schemas/ by `python -m geodiscourse.release.schema_docs`) -->",
    "<!-- columns:end -->",
)


_SIMPLE = {pl.String: "str", pl.Int64: "int", pl.Float64: "float", pl.Boolean: "bool", pl.Date: "date"}


def type_name(dtype: object) -> str:
    """A short, Python-flavoured name for a polars dtype ("list[str]", "date")."""
    if isinstance(dtype, pl.List):
        return f"list[{type_name(dtype.inner)}]"
    if isinstance(dtype, pl.Struct):
        return "struct{" + ", ".join(f"{f.name}: {type_name(f.dtype)}" for f in dtype.fields) + "}"
    for simple, name in _SIMPLE.items():
        if dtype == simple:
            return name
    return str(dtype)


def table_markdown(table: str) -> str:
    """One table's heading, description, primary key and column table."""
    spec = TABLES[table]
    schema = spec.model.to_schema()
    lines = [
        f"### {table}",
        "",
        f"{spec.description} Primary key: `{', '.join(spec.primary_key)}`.",
        "",
        "| column | type | null | meaning |",
        "|---|---|---|---|",
    ]
    for name, column in schema.columns.items():
        nullable = "yes" if column.nullable else "no"
        description = (column.description or "").replace("|", "\\|")
        lines.append(f"| {name} | {type_name(column.dtype.type)} | {nullable} | {description} |")
    return "\n".join(lines)


def columns_markdown() -> str:
    return "\n\n".join(table_markdown(table) for table in TABLES)


def render_into(text: str) -> str:
    """The text with the generated block between the markers replaced."""
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(text):
        raise ValueError(f"markers {START!r} ... {END!r} not found")
    return pattern.sub(lambda _: f"{START}\n\n{columns_markdown()}\n\n{END}", text)


def main() -> None:
    parser = argparse.ArgumentParser(description="Regenerate README's column tables from the schemas.")
    parser.add_argument("readme", type=Path, nargs="?", default=Path("README.md"))
    args = parser.parse_args()
    args.readme.write_text(render_into(args.readme.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
