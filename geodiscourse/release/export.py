"""Export a release's tables as CSV or JSON Lines, for spreadsheets and tools without Parquet.

One file per table, named after it. CSV has no lists, so the list and struct columns
(documents.cited_urls, documents.duplicate_names, events.event_contexts, claims.quantities)
become JSON text in their cell, which a spreadsheet shows as is and any language parses
back; a null stays an empty cell, apart from an empty list's ``[]``. Dates are ISO 8601
(2014-09-10) in both formats; files are UTF-8.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Literal, get_args

import polars as pl

from geodiscourse.release.read import table_paths

#: The formats ``geodiscourse export --format`` writes (also the files' extensions).
ExportFormat = Literal["csv", "jsonl"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)


class ExportError(OSError):
    """The export folder cannot be written."""


def _nested(dtype: pl.DataType) -> bool:
    return isinstance(dtype, pl.List | pl.Array | pl.Struct)


def _json_text(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def spreadsheet_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with every list or struct column turned into JSON text (null stays null)."""
    nested = [name for name, dtype in frame.schema.items() if _nested(dtype)]
    return frame.with_columns(
        pl.Series(name, [_json_text(v) for v in frame[name].to_list()], dtype=pl.Utf8) for name in nested
    )


def _write(frame: pl.DataFrame, path: Path, fmt: ExportFormat) -> None:
    # Written beside the target and renamed, so a file is either the old one or complete.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if fmt == "csv":
            spreadsheet_frame(frame).write_csv(tmp, date_format="%Y-%m-%d")
        else:
            frame.write_ndjson(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def export_release(release_dir: Path, to: Path, fmt: ExportFormat) -> dict[str, Path]:
    """Write each table of release_dir to ``to/<table>.<fmt>``; the files written, by table.

    Existing files of the same names are replaced. Raises ExportError when ``to`` cannot be
    created or written, or lies inside the release itself.
    """
    if fmt not in FORMATS:
        raise ValueError(f"cannot export as {fmt!r}: the formats are {', '.join(FORMATS)}")
    if to.resolve().is_relative_to(release_dir.resolve()):
        raise ExportError(
            f"cannot write the export to {to}: it is inside release {release_dir.name}, and a "
            "published release is never modified (its SHA256SUMS would no longer hold); pick another --to"
        )
    try:
        to.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot write the export to {to}: {exc.strerror or exc}") from exc
    written = {}
    for name, source in table_paths(release_dir).items():
        path = to / f"{name}.{fmt}"
        try:
            _write(pl.read_parquet(source), path, fmt)
        except OSError as exc:
            raise ExportError(f"cannot write the export to {path}: {exc.strerror or exc}") from exc
        written[name] = path
    return written


__all__ = ["FORMATS", "ExportError", "ExportFormat", "export_release", "spreadsheet_frame"]
