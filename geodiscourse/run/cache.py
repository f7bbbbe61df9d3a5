"""A content-addressed cache of each article's extracted rows.

An article whose raw bytes, code (package source and rules) and model are unchanged is
not parsed again: its rows are read back from ``<out>/cache/``. Keys hash all three,
so a stale entry can never be returned; entries are written atomically (temporary
file, then rename), so a killed run leaves no half-written entry.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from geodiscourse.core.rows import RejectedRow
from geodiscourse.core.tables import polars_schema

log = logging.getLogger(__name__)
CACHE_FORMAT = "1"


@dataclass(frozen=True)
class DocumentOutput:
    """Everything one article contributes to a release: rows by table, or a rejection."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rejected: RejectedRow | None = None


def _encode(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode_rows(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    date_columns = [name for name, dtype in polars_schema(table).items() if dtype == pl.Date]
    for row in rows:
        for name in date_columns:
            if row.get(name) is not None:
                row[name] = datetime.date.fromisoformat(row[name])
    return rows


class ExtractionCache:
    """Rows per article, keyed by (raw sha256, code fingerprint, model fingerprint)."""

    def __init__(self, root: Path, code_fingerprint: str, model_fingerprint: str) -> None:
        self.root = root
        self._salt = f"{CACHE_FORMAT}|{code_fingerprint}|{model_fingerprint}"

    def _path(self, raw_sha256: str) -> Path:
        key = hashlib.sha256(f"{self._salt}|{raw_sha256}".encode()).hexdigest()
        return self.root / key[:2] / f"{key}.json"

    def has(self, raw_sha256: str) -> bool:
        return self._path(raw_sha256).is_file()

    def get(self, raw_sha256: str) -> DocumentOutput | None:
        path = self._path(raw_sha256)
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as err:
            log.warning("ignoring unreadable cache entry %s: %s", path, err)
            return None
        rows = {table: _decode_rows(table, table_rows) for table, table_rows in payload["rows"].items()}
        return DocumentOutput(rows=rows, rejected=payload.get("rejected"))

    def put(self, raw_sha256: str, output: DocumentOutput) -> None:
        path = self._path(raw_sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"rows": output.rows, "rejected": output.rejected}
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, default=_encode, ensure_ascii=False)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
