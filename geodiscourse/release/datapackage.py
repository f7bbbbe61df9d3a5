"""datapackage.json: the release described in the Frictionless Data Package standard.

Generated from the pandera models (names, types, descriptions, constraints, keys), so
the description a tool such as ``frictionless validate`` checks is the one our own
validation enforced. Field types follow Table Schema; the exact polars type of each
column is kept in a ``polarsType`` property for readers that want it.

List and struct columns are declared ``any``: frictionless reads Parquet through
pandas, which hands list cells over as numpy arrays, and its ``array`` field only
accepts Python lists or JSON text, so ``array`` would fail on every row. Resources
carry no ``bytes``/``hash``: frictionless reads Parquet through pyarrow, not its byte
stream, so it reports every declared size and hash as a mismatch ("actual is None");
manifest.json and SHA256SUMS carry them instead.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import polars as pl

from geodiscourse.release.manifest import TableFile, utc_timestamp
from geodiscourse.schemas import SCHEMA_VERSION, TABLES, TableSpec

logger = logging.getLogger(__name__)

DATAPACKAGE_FILENAME = "datapackage.json"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def frictionless_type(dtype: pl.DataType) -> str:
    """The Table Schema type of a polars dtype (``any`` for nested columns, see module doc)."""
    if dtype == pl.String or isinstance(dtype, pl.Categorical | pl.Enum):
        return "string"
    if dtype.is_integer():
        return "integer"
    if dtype.is_float() or dtype.is_decimal():
        return "number"
    if dtype == pl.Boolean:
        return "boolean"
    if dtype == pl.Date:
        return "date"
    if isinstance(dtype, pl.Datetime):
        return "datetime"
    if dtype == pl.Time:
        return "time"
    return "any"


def _pattern(regex: str) -> str:
    """Table Schema patterns are implicitly anchored: drop our explicit ^...$."""
    if regex.startswith("^") and regex.endswith("$") and not regex.endswith("\\$"):
        return regex[1:-1]
    return regex


def _constraints(column: Any, field_type: str) -> dict[str, Any]:
    constraints: dict[str, Any] = {}
    if not column.nullable:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    for check in column.checks:
        stats = check.statistics or {}
        name = check.name
        if name == "isin" and field_type != "any":
            constraints["enum"] = list(stats["allowed_values"])
        elif name == "str_matches":
            constraints["pattern"] = _pattern(str(stats["pattern"]))
        elif name == "str_length":
            if stats.get("exact_value") is not None:
                constraints["minLength"] = constraints["maxLength"] = stats["exact_value"]
            if stats.get("min_value") is not None:
                constraints["minLength"] = stats["min_value"]
            if stats.get("max_value") is not None:
                constraints["maxLength"] = stats["max_value"]
        elif name == "greater_than_or_equal_to":
            constraints["minimum"] = stats["min_value"]
        elif name == "less_than_or_equal_to":
            constraints["maximum"] = stats["max_value"]
        elif name == "greater_than":
            constraints["exclusiveMinimum"] = stats["min_value"]
        elif name == "less_than":
            constraints["exclusiveMaximum"] = stats["max_value"]
        elif name == "in_range":
            low = "minimum" if stats.get("include_min", True) else "exclusiveMinimum"
            high = "maximum" if stats.get("include_max", True) else "exclusiveMaximum"
            constraints[low], constraints[high] = stats["min_value"], stats["max_value"]
        else:
            logger.debug("check %s of column %s has no Table Schema constraint", name, column.name)
    return constraints


def table_schema(spec: TableSpec) -> dict[str, Any]:
    """The Table Schema of one table: fields with types and constraints, and its keys."""
    fields = []
    for name, column in spec.model.to_schema().columns.items():
        dtype = column.dtype.type
        field_type = frictionless_type(dtype)
        field: dict[str, Any] = {
            "name": name,
            "type": field_type,
            "description": column.description or "",
            "polarsType": str(dtype),
        }
        constraints = _constraints(column, field_type)
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict[str, Any] = {
        "fields": fields,
        # An empty string is a value here (e.g. an unreadable file's sha256), never "missing".
        "missingValues": [],
        "primaryKey": list(spec.primary_key),
    }
    if spec.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": [fk.column], "reference": {"resource": fk.ref_table, "fields": [fk.ref_column]}}
            for fk in spec.foreign_keys
        ]
    return schema


def build_datapackage(
    *,
    release_id: str,
    created_at: datetime,
    tables: Mapping[str, TableFile],
    licences: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The datapackage.json of a release whose tables were written as ``tables`` says."""
    resources = []
    for name, table in tables.items():
        spec = TABLES[name]
        resources.append(
            {
                "name": name,
                "path": table.file,
                "format": "parquet",
                "mediatype": PARQUET_MEDIATYPE,
                "title": name,
                "description": spec.description,
                "rowCount": table.rows,
                "schema": table_schema(spec),
            }
        )
    return {
        "name": "geodiscourse",
        "title": f"geodiscourse release {release_id}",
        "description": (
            "Actors, events, claims and recommendations extracted by rules from English news and "
            "commentary articles on geopolitics. See README.md for how it was made and its limits."
        ),
        "version": release_id,
        "created": utc_timestamp(created_at),
        "schemaVersion": SCHEMA_VERSION,
        "sources": [{"title": what, "licence": licence} for what, licence in (licences or {}).items()],
        "resources": resources,
    }


__all__ = ["DATAPACKAGE_FILENAME", "build_datapackage", "frictionless_type", "table_schema"]
