"""Validation of a release's tables before anything is published.

Pandera checks each table against its model (lazily, so one run reports every
problem); the checks pandera cannot express across tables are written here: primary
keys, foreign keys, spans inside their sentence and document, span texts equal to the
clean_text they point at, and every input file accounted for. What a failure records
and how reports show it is ``validation_report``.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import pandera.errors as pa_errors
import polars as pl

from geodiscourse.release.actor_support import actor_support_failures
from geodiscourse.release.manifest import (
    CHECKSUMS_FILENAME,
    MANIFEST_FILENAME,
    ManifestError,
    file_sha256,
    load_manifest,
    verify_checksums,
)
from geodiscourse.release.validation_report import (
    EXAMPLE_ROWS,
    ValidationFailure,
    ValidationReport,
    example_rows,
    failure,
    jsonable,
)
from geodiscourse.schemas import TABLES

logger = logging.getLogger(__name__)

#: Tables whose rows carry a span (char_start, char_end) inside one sentence.
SPAN_TABLES = ("mentions", "events", "claims", "recommendations")
#: Tables whose ``text`` column must equal the clean_text their span points at.
TEXT_SPAN_TABLES = ("sentences", "mentions")
#: pandera checks that mean a column is absent or mistyped: our own checks skip it.
_STRUCTURAL = ("column_in_dataframe", "dtype(")


def _pandera_failures(name: str, df: pl.DataFrame) -> tuple[list[ValidationFailure], set[str]]:
    """Run the table's pandera model; return failures and the columns unfit for our checks."""
    try:
        TABLES[name].model.validate(df, lazy=True)
    except pa_errors.SchemaErrors as exc:
        cases: pl.DataFrame = exc.failure_cases
    else:
        return [], set()
    failures: list[ValidationFailure] = []
    unfit: set[str] = set()
    model_name = TABLES[name].model.to_schema().name
    for (column, check), group in cases.group_by(["column", "check"], maintain_order=True):
        column, check = str(column), str(check)
        if check in ("column_in_dataframe", "column_in_schema"):
            # The column is named in failure_case; the "column" is the model's name.
            for missing in group["failure_case"].to_list():
                failures.append(ValidationFailure(name, str(missing), check, 1, []))
                unfit.add(str(missing))
            continue
        if check.startswith(_STRUCTURAL):
            unfit.add(column)
        indices = group["index"].drop_nulls().unique(maintain_order=True)
        if len(indices) and indices.max() < df.height:  # type: ignore[operator]
            examples = example_rows(df[indices.head(EXAMPLE_ROWS).to_list()])
        else:
            examples = [{"failure_case": jsonable(v)} for v in group["failure_case"].head(EXAMPLE_ROWS)]
        # A check of the whole row (a model's dataframe_check) is reported under no column,
        # not under the model's class name, which is what pandera puts there.
        where = None if column == model_name else column
        failures.append(ValidationFailure(name, where, check, group.height, examples))
    return failures, unfit


def _usable(
    tables: Mapping[str, pl.DataFrame], unfit: Mapping[str, set[str]], table: str, *cols: str
) -> bool:
    """Whether our own check may read these columns (present and typed as the model says)."""
    return table in tables and all(c in tables[table].columns and c not in unfit[table] for c in cols)


def _key_failures(name: str, df: pl.DataFrame) -> list[ValidationFailure]:
    pk = list(TABLES[name].primary_key)
    label = ",".join(pk)
    failures = []
    nulls = df.filter(pl.any_horizontal(pl.col(pk).is_null()))
    if nulls.height:
        failures.append(failure(name, label, "primary_key_not_null", nulls))
    key = pl.col(pk[0]) if len(pk) == 1 else pl.struct(pk)
    dupes = df.filter(key.is_duplicated()).sort(pk)
    if dupes.height:
        failures.append(failure(name, label, "primary_key_unique", dupes))
    return failures


def _foreign_key_failures(
    tables: Mapping[str, pl.DataFrame], unfit: Mapping[str, set[str]]
) -> list[ValidationFailure]:
    failures = []
    for name, spec in TABLES.items():
        for fk in spec.foreign_keys:
            if not (
                _usable(tables, unfit, name, fk.column)
                and _usable(tables, unfit, fk.ref_table, fk.ref_column)
            ):
                continue
            keys = tables[fk.ref_table].select(pl.col(fk.ref_column).alias(fk.column)).unique()
            bad = tables[name].filter(pl.col(fk.column).is_not_null()).join(keys, on=fk.column, how="anti")
            if bad.height:
                check = f"foreign_key({fk.ref_table}.{fk.ref_column})"
                failures.append(failure(name, fk.column, check, bad))
    return failures


def _text_at(start: str, end: str) -> pl.Expr:
    return pl.col("_clean_text").str.slice(pl.col(start), pl.col(end) - pl.col(start))


def _sentence_failures(
    tables: Mapping[str, pl.DataFrame], unfit: Mapping[str, set[str]]
) -> list[ValidationFailure]:
    """Sentences lie inside their document's clean_text, say what is there, and are numbered once."""
    cols = ("sentence_id", "doc_id", "position", "char_start", "char_end", "text")
    if not (
        _usable(tables, unfit, "sentences", *cols)
        and _usable(tables, unfit, "documents", "doc_id", "clean_text")
    ):
        return []
    docs = (
        tables["documents"]
        .select(
            "doc_id",
            pl.col("clean_text").alias("_clean_text"),
            pl.col("clean_text").str.len_chars().alias("_doc_len"),
        )
        .unique("doc_id", keep="first")
    )
    joined = tables["sentences"].join(docs, on="doc_id", how="inner")
    inside = (
        (pl.col("char_start") >= 0)
        & (pl.col("char_start") < pl.col("char_end"))
        & (pl.col("char_end") <= pl.col("_doc_len"))
    )
    failures = []
    outside = joined.filter(~inside)
    if outside.height:
        failures.append(
            failure("sentences", "char_start,char_end", "span_inside_document", _drop_helpers(outside))
        )
    wrong = joined.filter(inside & (pl.col("text") != _text_at("char_start", "char_end")))
    if wrong.height:
        failures.append(failure("sentences", "text", "text_matches_clean_text", _drop_helpers(wrong)))
    repeated = (
        tables["sentences"].filter(pl.struct("doc_id", "position").is_duplicated()).sort("doc_id", "position")
    )
    if repeated.height:
        failures.append(failure("sentences", "position", "position_unique_in_document", repeated))
    return failures


def _drop_helpers(df: pl.DataFrame) -> pl.DataFrame:
    return df.drop([c for c in df.columns if c.startswith("_")])


def _span_failures(
    tables: Mapping[str, pl.DataFrame], unfit: Mapping[str, set[str]]
) -> list[ValidationFailure]:
    """Every extracted span lies inside its sentence, in the same document; mention texts match."""
    sent_cols = ("sentence_id", "doc_id", "char_start", "char_end")
    if not _usable(tables, unfit, "sentences", *sent_cols):
        return []
    sentences = (
        tables["sentences"]
        .select(
            "sentence_id",
            pl.col("doc_id").alias("_sentence_doc_id"),
            pl.col("char_start").alias("_sentence_start"),
            pl.col("char_end").alias("_sentence_end"),
        )
        .unique("sentence_id", keep="first")
    )
    docs = None
    if _usable(tables, unfit, "documents", "doc_id", "clean_text"):
        docs = (
            tables["documents"].select("doc_id", pl.col("clean_text").alias("_clean_text")).unique("doc_id")
        )
    failures = []
    for name in SPAN_TABLES:
        if not _usable(tables, unfit, name, "doc_id", "sentence_id", "char_start", "char_end"):
            continue
        joined = tables[name].join(sentences, on="sentence_id", how="inner")
        inside = (
            (pl.col("char_start") >= pl.col("_sentence_start"))
            & (pl.col("char_start") < pl.col("char_end"))
            & (pl.col("char_end") <= pl.col("_sentence_end"))
        )
        outside = joined.filter(~inside)
        if outside.height:
            failures.append(failure(name, "char_start,char_end", "span_inside_sentence", outside))
        elsewhere = joined.filter(pl.col("doc_id") != pl.col("_sentence_doc_id"))
        if elsewhere.height:
            failures.append(failure(name, "doc_id", "same_document_as_sentence", elsewhere))
        if name in TEXT_SPAN_TABLES and docs is not None and _usable(tables, unfit, name, "text"):
            with_text = joined.filter(inside).join(docs, on="doc_id", how="inner")
            wrong = with_text.filter(pl.col("text") != _text_at("char_start", "char_end"))
            if wrong.height:
                failures.append(failure(name, "text", "text_matches_clean_text", _drop_helpers(wrong)))
    return failures


def _input_failures(
    tables: Mapping[str, pl.DataFrame], unfit: Mapping[str, set[str]], source_names: Collection[str]
) -> list[ValidationFailure]:
    """Every input is a document (by name or as a duplicate) or a rejected row, and nothing else is."""
    if not (
        _usable(tables, unfit, "documents", "source_name", "duplicate_names")
        and _usable(tables, unfit, "rejected", "source_name")
    ):
        return []
    docs = tables["documents"]
    covered = set(docs["source_name"].to_list())
    covered.update(docs["duplicate_names"].explode().drop_nulls().to_list())
    covered.update(tables["rejected"]["source_name"].to_list())
    wanted = set(source_names)
    failures = []
    missing = sorted(wanted - covered)
    if missing:
        examples = [{"source_name": n} for n in missing[:EXAMPLE_ROWS]]
        failures.append(
            ValidationFailure("documents", "source_name", "input_accounted_for", len(missing), examples)
        )
    for name in ("documents", "rejected"):
        unknown = tables[name].filter(~pl.col("source_name").is_in(sorted(wanted)))
        if unknown.height:
            failures.append(failure(name, "source_name", "source_is_an_input", unknown))
    return failures


def validate_tables(
    tables: Mapping[str, pl.DataFrame | pl.LazyFrame], *, source_names: Collection[str] | None = None
) -> ValidationReport:
    """Check a release's tables against the schemas and each other; never raises on bad data.

    ``source_names``, when given, are the input files' names: each must end up as a
    document, a duplicate of one, or a rejected row.
    """
    # One chunk per column: frames concatenated from many batches are much slower to check.
    frames = {
        name: (t.collect() if isinstance(t, pl.LazyFrame) else t).rechunk() for name, t in tables.items()
    }
    failures: list[ValidationFailure] = []
    unfit: dict[str, set[str]] = {name: set() for name in frames}
    for name in TABLES:
        if name not in frames:
            failures.append(ValidationFailure(name, None, "table_present", 1, []))
    for name in frames:
        if name not in TABLES:
            failures.append(ValidationFailure(name, None, "table_in_schema", 1, []))
    for name, spec in TABLES.items():
        if name not in frames:
            continue
        found, unfit[name] = _pandera_failures(name, frames[name])
        failures.extend(found)
        if _usable(frames, unfit, name, *spec.primary_key):
            failures.extend(_key_failures(name, frames[name]))
    failures.extend(_foreign_key_failures(frames, unfit))
    failures.extend(_sentence_failures(frames, unfit))
    failures.extend(_span_failures(frames, unfit))
    failures.extend(actor_support_failures(frames, unfit))
    if source_names is not None:
        failures.extend(_input_failures(frames, unfit, source_names))
    rows = {name: frames[name].height for name in TABLES if name in frames}
    report = ValidationReport(failures, rows)
    logger.info("validated %d tables: %d failed check(s)", len(frames), len(failures))
    return report


def validate_release(release_dir: Path) -> ValidationReport:
    """Re-check a published release: its checksums, its manifest, and its tables."""
    failures: list[ValidationFailure] = []
    digests: dict[str, str] = {}  # file name -> sha256, each table file hashed once
    for problem in verify_checksums(release_dir, digests=digests):
        file = problem.split(":", 1)[0]
        table = file.removesuffix(".parquet") if file.endswith(".parquet") else file
        failures.append(ValidationFailure(table, None, "sha256sums", 1, [{"file": file, "problem": problem}]))
    try:
        manifest: dict[str, Any] | None = load_manifest(release_dir)
    except ManifestError as exc:
        failures.append(ValidationFailure(MANIFEST_FILENAME, None, "well_formed", 1, [{"problem": str(exc)}]))
        manifest = None
    if manifest is not None:
        paths = {name: release_dir / str(info["file"]) for name, info in manifest["tables"].items()}
    else:  # still check the tables the release should have, from their own folder only
        paths = {name: release_dir / f"{name}.parquet" for name in TABLES}
        paths = {name: path for name, path in paths.items() if path.is_file()}
    frames: dict[str, pl.DataFrame] = {}
    for name, path in paths.items():
        try:
            frames[name] = pl.read_parquet(path)
        except (OSError, pl.exceptions.PolarsError) as exc:
            failures.append(
                ValidationFailure(name, None, "readable", 1, [{"file": path.name, "problem": str(exc)}])
            )
    source_names = None
    if manifest is not None:
        source_names = [str(i["source_name"]) for i in manifest.get("inputs", [])]
        for name, info in manifest["tables"].items():
            if name in frames and info["rows"] != frames[name].height:
                example = {"manifest_rows": info["rows"], "file_rows": frames[name].height}
                failures.append(ValidationFailure(name, None, "manifest_row_count", 1, [example]))
            if paths[name].is_file() and info["sha256"] != (
                digests.get(paths[name].name) or file_sha256(paths[name])
            ):
                example = {"file": paths[name].name, "manifest_sha256": info["sha256"]}
                failures.append(ValidationFailure(name, None, "manifest_sha256", 1, [example]))
    table_report = validate_tables(frames, source_names=source_names)
    # A table that could not be read is already reported; do not report it missing too.
    unreadable = {f.table for f in failures if f.check == "readable"}
    failures.extend(
        f for f in table_report.failures if not (f.check == "table_present" and f.table in unreadable)
    )
    logger.info("checked %s against %s and its manifest", release_dir, CHECKSUMS_FILENAME)
    return ValidationReport(failures, table_report.rows)


__all__ = ["SPAN_TABLES", "ValidationFailure", "ValidationReport", "validate_release", "validate_tables"]
