"""A content-addressed cache of each article's extracted rows.

An article whose raw bytes, code (package source and rules) and model are unchanged is
not parsed again: its rows are read back from ``<out>/cache/``. Keys hash all three,
so a stale entry is never looked up; entries are written atomically (temporary file,
then rename), so a killed run leaves no half-written entry.

Entries are files anyone can edit or damage, and what they hold is published as if
freshly extracted, so none is trusted: each holds its payload with a sha256 over the
payload's canonical JSON, and on reading both the checksum and the payload's shape
(known tables, exactly each table's columns, values of each column's type) are
checked. Any failure is a miss: a warning names the entry, the article is parsed
again and the entry rewritten. The cache is an optimisation, so it never stops a run:
a cache folder that cannot be written is not used (one warning says why), and a write
that fails mid-run (a full disk) stops caching for the rest of the run.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import polars as pl

from geodiscourse.core.folders import prove_writable
from geodiscourse.core.rows import RejectedRow
from geodiscourse.core.tables import polars_schema
from geodiscourse.schemas import TABLES

log = logging.getLogger(__name__)
#: Bumped whenever the entry format changes; part of every key, so older entries are misses.
CACHE_FORMAT = "2"
#: Tables a document's rows may fill (rejections are the entry's own field).
ROW_TABLES = frozenset(TABLES) - {"rejected"}
#: Cache folders this process found unwritable and warned about: one warning per run, not per batch.
_UNWRITABLE: set[Path] = set()


@dataclass(frozen=True)
class DocumentOutput:
    """Everything one article contributes to a release: rows by table, or a rejection."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rejected: RejectedRow | None = None


class CorruptEntryError(ValueError):
    """A cache entry that must not be used; the message says what is wrong with it."""


def _encode(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"cannot cache a {type(value).__name__}")


def canonical_json(payload: Any) -> str:
    """The one JSON text of a payload that its checksum is taken over."""
    return json.dumps(payload, default=_encode, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_text(payload: dict[str, Any]) -> str:
    """A cache file's text: the payload, its format and the sha256 of its canonical JSON."""
    body = canonical_json(payload)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return f'{{"format":"{CACHE_FORMAT}","sha256":"{digest}","payload":{body}}}'


def _unsealed(text: str) -> Any:
    """The payload of a cache file's text, once its format and checksum are right."""
    try:
        entry = json.loads(text)
    except ValueError as err:
        raise CorruptEntryError(f"not JSON ({err})") from err
    if not isinstance(entry, dict) or set(entry) != {"format", "sha256", "payload"}:
        raise CorruptEntryError("not a cache entry (expected format, sha256 and payload)")
    if entry["format"] != CACHE_FORMAT:
        raise CorruptEntryError(f"format {entry['format']!r}, expected {CACHE_FORMAT!r}")
    digest = hashlib.sha256(canonical_json(entry["payload"]).encode("utf-8")).hexdigest()
    if digest != entry["sha256"]:
        raise CorruptEntryError("checksum mismatch: the entry was changed after it was written")
    return entry["payload"]


@cache
def _nullable(table: str) -> dict[str, bool]:
    return {name: column.nullable for name, column in TABLES[table].model.to_schema().columns.items()}


def _valid(value: Any, dtype: Any) -> bool:
    """Whether a JSON value can stand for a value of the polars dtype (null aside)."""
    if value is None:
        return True
    if isinstance(dtype, pl.List):
        return isinstance(value, list) and all(_valid(item, dtype.inner) for item in value)
    if isinstance(dtype, pl.Struct):
        names = {f.name: f.dtype for f in dtype.fields}
        return (
            isinstance(value, dict)
            and set(value) == set(names)
            and all(_valid(value[name], names[name]) for name in names)
        )
    if dtype == pl.String:
        return isinstance(value, str)
    if dtype == pl.Boolean:
        return isinstance(value, bool)
    if dtype == pl.Int64:
        return isinstance(value, int) and not isinstance(value, bool) and -(2**63) <= value < 2**63
    if dtype == pl.Float64:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if dtype == pl.Date:
        try:
            datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        return True
    raise TypeError(f"no cache check for the dtype {dtype}")  # a new column type: add its check


def _checked_rows(table: str, rows: Any) -> list[dict[str, Any]]:
    """A table's rows, checked (exactly the table's columns, each value of its type) and
    with their dates decoded."""
    if not isinstance(rows, list):
        raise CorruptEntryError(f"{table}: not a list of rows")
    schema, nullable = polars_schema(table), _nullable(table)
    for position, row in enumerate(rows):
        if not isinstance(row, dict) or set(row) != set(schema.names()):
            raise CorruptEntryError(f"{table} row {position}: not a row with exactly the table's columns")
        for name, dtype in schema.items():
            if (row[name] is None and not nullable[name]) or not _valid(row[name], dtype):
                raise CorruptEntryError(f"{table} row {position}: bad {name} {row[name]!r}")
            if dtype == pl.Date and row[name] is not None:
                row[name] = datetime.date.fromisoformat(row[name])
    return rows


def checked_output(payload: Any, raw_sha256: str) -> DocumentOutput:
    """The output a payload stands for, or CorruptEntryError when it is not one this
    package could have written for the article with these raw bytes."""
    if not isinstance(payload, dict) or set(payload) != {"rows", "rejected"}:
        raise CorruptEntryError("payload is not {rows, rejected}")
    rows, rejected = payload["rows"], payload["rejected"]
    if not isinstance(rows, dict) or not set(rows) <= ROW_TABLES:
        raise CorruptEntryError(f"rows are not a mapping of the tables {sorted(ROW_TABLES)}")
    checked = {table: _checked_rows(table, table_rows) for table, table_rows in rows.items()}
    if rejected is not None:
        (row,) = _checked_rows("rejected", [rejected]) if isinstance(rejected, dict) else [None]
        if row is None or any(v is None for v in row.values()) or checked:
            raise CorruptEntryError("a rejection must be a full rejected row, with no rows")
        if row["sha256"] != raw_sha256:
            raise CorruptEntryError("the rejection is of another file")
        return DocumentOutput(
            rejected=RejectedRow(
                source_name=row["source_name"],
                sha256=row["sha256"],
                reason=row["reason"],
                detail=row["detail"],
            )
        )
    if len(checked.get("documents", [])) != 1:
        raise CorruptEntryError("a document's rows must include exactly one documents row")
    doc_id = raw_sha256[:16]  # core.ids.doc_id_for
    if any(row.get("doc_id", doc_id) != doc_id for table_rows in checked.values() for row in table_rows):
        raise CorruptEntryError("rows of another document")
    return DocumentOutput(rows=checked)


def cache_dir_problem(root: Path) -> str | None:
    """Why entries cannot be written under ``root``, or None when they can."""
    try:
        prove_writable(root)
    except (FileExistsError, NotADirectoryError):
        return "a file is in the way of the folder"
    except OSError as err:
        return err.strerror or str(err)
    return None


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ExtractionCache:
    """Rows per article, keyed by (raw sha256, code fingerprint, model fingerprint) and,
    where the output also depends on metadata from outside the file (a sidecar's date),
    a variant naming it."""

    def __init__(self, root: Path, code_fingerprint: str, model_fingerprint: str) -> None:
        self.root = root
        self._salt = f"{CACHE_FORMAT}|{code_fingerprint}|{model_fingerprint}"

    def _path(self, raw_sha256: str, variant: str = "") -> Path:
        name = f"{self._salt}|{raw_sha256}|{variant}" if variant else f"{self._salt}|{raw_sha256}"
        key = hashlib.sha256(name.encode()).hexdigest()
        return self.root / key[:2] / f"{key}.json"

    def has(self, raw_sha256: str, variant: str = "") -> bool:
        """Whether an entry exists (not whether it is sound: ``get`` checks that)."""
        return self._path(raw_sha256, variant).is_file()

    def get(self, raw_sha256: str, variant: str = "") -> DocumentOutput | None:
        """The article's cached output, or None: not cached, or an entry that fails a check."""
        path = self._path(raw_sha256, variant)
        try:
            return checked_output(_unsealed(path.read_text(encoding="utf-8")), raw_sha256)
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as err:  # CorruptEntryError and UnicodeDecodeError are ValueErrors
            log.warning("ignoring cache entry %s: %s; the article is parsed again", path, err)
            return None

    def put(self, raw_sha256: str, output: DocumentOutput, variant: str = "") -> None:
        """Store an output; a failed write (full disk, no permission) stops caching for
        the rest of the run, with one warning, and never fails the run."""
        if self.root in _UNWRITABLE:
            return
        path = self._path(raw_sha256, variant)
        try:
            _write_atomically(path, entry_text({"rows": output.rows, "rejected": output.rejected}))
        except OSError as err:
            _UNWRITABLE.add(self.root)
            log.warning(
                "stopped writing the extraction cache: cannot write %s (%s); the run goes on without "
                "caching. Free space or fix the permissions of %s, or pass --no-cache",
                path,
                err.strerror or err,
                self.root,
            )


def usable_cache_dir(root: Path | None, *, new_run: bool = False) -> Path | None:
    """``root``, or None when entries cannot be written there: the run then goes on
    without the cache, and one warning (per process) says why and how to fix it.

    ``new_run`` forgets an earlier run's failures in this process; a batch of a run
    whose cache writes failed (a full disk) keeps running without the cache.
    """
    if root is None:
        return None
    if new_run:
        _UNWRITABLE.discard(root)
    if root in _UNWRITABLE:
        return None
    problem = cache_dir_problem(root)
    if problem is None:
        return root
    _UNWRITABLE.add(root)
    log.warning(
        "running without the extraction cache: cannot write to %s (%s), so every article is parsed. "
        "Make it a writable folder (remove a file in its place or fix its permissions), or pass --no-cache",
        root,
        problem,
    )
    return None
