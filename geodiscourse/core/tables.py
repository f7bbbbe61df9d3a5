"""Typed rows to polars DataFrames with exactly the dtypes the schemas promise.

The polars schema of each table is read off its pandera model, so a column added to a
model is picked up here without a second list to keep in step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import polars as pl

from geodiscourse.schemas import TABLES


@cache
def polars_schema(table: str) -> pl.Schema:
    """Column names and dtypes of a table, in the model's column order."""
    columns = TABLES[table].model.to_schema().columns
    return pl.Schema({name: column.dtype.type for name, column in columns.items()})


def frame(table: str, rows: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
    """Rows of one table as a DataFrame with the table's dtypes, sorted by its key."""
    schema = polars_schema(table)
    data = [{name: row[name] for name in schema.names()} for row in rows]
    df = pl.DataFrame(data, schema=schema, orient="row") if data else pl.DataFrame(schema=schema)
    return sort_by_key(table, df)


def empty(table: str) -> pl.DataFrame:
    return pl.DataFrame(schema=polars_schema(table))


def sort_by_key(table: str, df: pl.DataFrame) -> pl.DataFrame:
    """Sorted by the primary key: polars' group_by, unique and joins do not keep
    order, and a release must be byte-reproducible."""
    return df.sort(list(TABLES[table].primary_key), maintain_order=True)


def merge_actors(parts: Sequence[pl.DataFrame]) -> pl.DataFrame:
    """One row per actor_id from the actor rows of every document of a release.

    Each document that names an actor contributes one row, its own reading of the
    actor; documents may disagree (two call John Harrow British, three American; one
    names a person's country, another does not). Each column takes the value most
    documents give (nulls do not vote), ties broken alphabetically. The vote must see
    all documents at once: a majority of per-batch majorities depends on how the
    documents were batched and which came from the cache.
    """
    if not parts:
        return empty("actors")
    combined = pl.concat(parts, how="vertical")

    def mode(column: str) -> pl.Expr:
        return pl.col(column).drop_nulls().mode().sort().first().alias(column)

    merged = combined.group_by("actor_id").agg(mode("name"), mode("kind"), mode("country"), mode("sector"))
    return sort_by_key("actors", merged.select(polars_schema("actors").names()).cast(polars_schema("actors")))
