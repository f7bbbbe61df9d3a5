"""The release pipeline as plain functions: raw folder in, release tables out.

The Prefect flow in ``flows/release.py`` wires these into tasks (one task per batch of
documents); tests and the development entry point below call them directly. Documents
stream through in batches: each batch's tables are written to Parquet parts in a work
folder, so no step holds every parsed Doc or every row of the corpus at once.

Development use (no Prefect, no validation, no publishing)::

    python -m geodiscourse.run.batches --raw /path/to/articles --out /tmp/tables
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import polars as pl
from spacy.language import Language

from geodiscourse.core.rows import DocumentRow, RejectedRow
from geodiscourse.core.tables import empty, frame, merge_actors, sort_by_key
from geodiscourse.core.timing import StageTimer
from geodiscourse.extract.document import extract_document, load_extraction_rules
from geodiscourse.ingest.cleaning import CleanedArticle, clean_article
from geodiscourse.ingest.files import IngestResult, RawArticle, read_raw_folder
from geodiscourse.ingest.language import ENGLISH, is_judged, non_english_reason
from geodiscourse.ingest.sidecar import (
    DocumentMetadata,
    ResolvedMetadata,
    Sidecar,
    find_sidecar,
    resolve_metadata,
)
from geodiscourse.nlp.pipeline import load_pipeline, model_fingerprint
from geodiscourse.run.cache import DocumentOutput, ExtractionCache, usable_cache_dir
from geodiscourse.run.defaults import DEFAULT_BATCH_SIZE
from geodiscourse.run.fingerprint import code_fingerprint
from geodiscourse.run.workspace import require_work_dir, storage_error, write_part

log = logging.getLogger(__name__)

#: Tables built from documents, in the order they are written.
DOCUMENT_TABLES = ("documents", "sentences", "mentions", "actors", "events", "claims", "recommendations")


@dataclass(frozen=True)
class BatchSummary:
    """What one batch did, small enough to return from a worker process."""

    index: int
    documents: int
    rejected: int
    parsed: int
    cached: int
    seconds: float
    words: int
    timings: dict[str, float] = field(default_factory=dict)


def batches(articles: Sequence[RawArticle], size: int) -> Iterator[list[RawArticle]]:
    """Consecutive batches of articles (the input order is sorted by source_name)."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    for start in range(0, len(articles), size):
        yield list(articles[start : start + size])


def prepare(article: RawArticle) -> tuple[CleanedArticle | None, RejectedRow | None]:
    """Clean an article, or say why it becomes no document."""
    cleaned = clean_article(article.text)
    if not cleaned.clean_text.strip():
        return None, RejectedRow(
            source_name=article.source_name,
            sha256=article.sha256,
            reason="no_content",
            detail=f"{article.source_name} has no article text once boilerplate is removed: check it is an article",
        )
    # A clean text too short to judge (a few characters of Chinese) is judged by all the
    # text the file had: what cleaning removed is still in its language.
    reason = (
        non_english_reason(cleaned.clean_text)
        if is_judged(cleaned.clean_text)
        else non_english_reason(article.text)
    )
    if reason is not None:
        return None, RejectedRow(
            source_name=article.source_name,
            sha256=article.sha256,
            reason="not_english",
            detail=f"{article.source_name} does not look like English ({reason}): the extractors are English-only",
        )
    return cleaned, None


def duplicate_rejections(article: RawArticle, rejected: RejectedRow) -> list[RejectedRow]:
    """The rejection repeated for each other file with the article's bytes, so that every
    input file is accounted for in ``rejected`` (ingest does the same for its own)."""
    return [
        RejectedRow(
            source_name=name,
            sha256=rejected["sha256"],
            reason=rejected["reason"],
            detail=f"{name} has the same bytes as {article.source_name}: {rejected['detail']}",
        )
        for name in article.duplicate_names
    ]


def article_metadata(article: RawArticle, cleaned: CleanedArticle) -> ResolvedMetadata:
    """The document's metadata from its sidecar row, its page's tags and its text."""
    from_text = DocumentMetadata(
        title=cleaned.title,
        published_date=cleaned.published_date,
        outlet=cleaned.outlet,
        author=cleaned.author,
    )
    return resolve_metadata(from_text, article.page, article.sidecar)


def document_row(
    article: RawArticle, cleaned: CleanedArticle, meta: ResolvedMetadata | None = None
) -> DocumentRow:
    """The documents row; ``meta`` is the article's resolved metadata when the caller has it."""
    meta = meta if meta is not None else article_metadata(article, cleaned)
    return DocumentRow(
        doc_id=article.doc_id,
        source_name=article.source_name,
        title=meta.title,
        author=meta.author,
        outlet=meta.outlet,
        published_date=meta.published_date,
        clean_text=cleaned.clean_text,
        cited_urls=list(cleaned.cited_urls),
        duplicate_names=list(article.duplicate_names),
        encoding=article.encoding,
        source_format=article.source_format,
        url=meta.url,
        language=ENGLISH,
        date_source=meta.date_source,
    )


def with_current_names(output: DocumentOutput, article: RawArticle) -> DocumentOutput:
    """A cached output with this run's file names: the cache is keyed by the bytes alone,
    and since they were cached the same bytes may have been renamed or gained copies."""
    if output.rejected is not None:
        old, detail = output.rejected["source_name"], output.rejected["detail"]
        if detail.startswith(old):
            detail = article.source_name + detail[len(old) :]
        return replace(
            output, rejected={**output.rejected, "source_name": article.source_name, "detail": detail}
        )
    documents = [
        {**row, "source_name": article.source_name, "duplicate_names": list(article.duplicate_names)}
        for row in output.rows.get("documents", [])
    ]
    return replace(output, rows={**output.rows, "documents": documents})


def process_articles(
    articles: Sequence[RawArticle],
    nlp: Callable[[], Language],
    cache: ExtractionCache | None,
    timer: StageTimer,
) -> tuple[list[DocumentOutput], int, int]:
    """Every article's output, in input order, then a rejection for each duplicate name of
    a rejected article; how many articles were parsed, and how many came from the cache.

    ``nlp`` is called only when some article is not in the cache, so a batch served
    wholly from the cache never loads the model. An article the flow sent here as
    cached (``partition_cached``) whose entry then fails its checks is parsed like any
    other: a miss, never an error or a lost article.
    """
    outputs: dict[int, DocumentOutput] = {}
    to_parse: list[tuple[int, RawArticle, CleanedArticle]] = []
    hits = 0
    for index, article in enumerate(articles):
        hit = cache.get(article.sha256, article.cache_variant) if cache is not None else None
        if hit is not None:
            outputs[index] = with_current_names(hit, article)
            hits += 1
            continue
        with timer.stage("cleaning"):
            cleaned, rejected = prepare(article)
        if cleaned is None:
            outputs[index] = DocumentOutput(rejected=rejected)
            if cache is not None:
                cache.put(article.sha256, outputs[index], article.cache_variant)
        else:
            to_parse.append((index, article, cleaned))
    if to_parse:
        texts = (cleaned.clean_text for _, _, cleaned in to_parse)
        with timer.stage("loading"):  # the model and the rules, once per process
            pipeline = nlp()
            load_extraction_rules()
        docs = iter(pipeline.pipe(texts, batch_size=16))
        for index, article, cleaned in to_parse:
            start = time.perf_counter()
            doc = next(docs)
            timer.add("parsing", time.perf_counter() - start)
            meta = article_metadata(article, cleaned)
            rows = extract_document(article.doc_id, doc, meta.published_date, timer)
            rows["documents"] = [dict(document_row(article, cleaned, meta))]
            outputs[index] = DocumentOutput(rows=rows)
            if cache is not None:
                cache.put(article.sha256, outputs[index], article.cache_variant)
    duplicates_rejected = [
        DocumentOutput(rejected=row)
        for index, article in enumerate(articles)
        if (rejected := outputs[index].rejected) is not None
        for row in duplicate_rejections(article, rejected)
    ]
    return [outputs[i] for i in range(len(articles))] + duplicates_rejected, len(to_parse), hits


def open_cache(cache_dir: Path | None, *, new_run: bool = False) -> ExtractionCache | None:
    """The extraction cache for this code and model, or None when caching is off or its
    folder cannot be written (one warning says so: the cache is only an optimisation).
    ``new_run``: see ``usable_cache_dir``."""
    root = usable_cache_dir(cache_dir, new_run=new_run)
    if root is None:
        return None
    return ExtractionCache(root, code_fingerprint(), model_fingerprint())


def partition_cached(
    articles: Sequence[RawArticle], cache: ExtractionCache | None
) -> tuple[list[RawArticle], list[RawArticle]]:
    """(articles already in the cache, articles to parse), each in input order.

    Cached articles are read back where the flow runs; only the others are sent to
    workers, so an unchanged corpus starts no worker and loads no model.
    """
    if cache is None:
        return [], list(articles)
    cached = [a for a in articles if cache.has(a.sha256, a.cache_variant)]
    known = {a.source_name for a in cached}
    return cached, [a for a in articles if a.source_name not in known]


def outputs_to_frames(outputs: Sequence[DocumentOutput]) -> dict[str, pl.DataFrame]:
    """The batch's rows as one DataFrame per table.

    Actors stay one row per document that names them (not merged here): their
    attributes are decided by all the release's documents at once, in ``assemble``, so
    batch size, the cache and worker count cannot change them.
    """
    tables: dict[str, pl.DataFrame] = {}
    for table in DOCUMENT_TABLES:
        rows: list[dict[str, Any]] = [row for out in outputs for row in out.rows.get(table, [])]
        tables[table] = frame(table, rows)
    tables["rejected"] = frame(
        "rejected", [dict(out.rejected) for out in outputs if out.rejected is not None]
    )
    return tables


def run_batch(
    index: int,
    articles: Sequence[RawArticle],
    work_dir: Path,
    cache_dir: Path | None,
    model: str | None = None,
) -> BatchSummary:
    """Parse and extract one batch and write its tables to ``work_dir/<table>/part-<index>.parquet``.

    Runs in whichever process the task runner chooses; the spaCy pipeline is loaded
    once per process. A write that fails raises a WorkspaceError naming the file (a
    full disk: DiskFullError); a batch whose run folder is gone is not run at all.
    """
    require_work_dir(work_dir)
    started = time.perf_counter()
    timer = StageTimer()
    outputs, parsed, cached = process_articles(
        articles, lambda: load_pipeline(model) if model else load_pipeline(), open_cache(cache_dir), timer
    )
    with timer.stage("writing"):
        tables = outputs_to_frames(outputs)
        for table, df in tables.items():
            write_part(df, work_dir / table / f"part-{index:06d}.parquet")
    rejected = tables["rejected"].height
    return BatchSummary(
        index=index,
        documents=tables["documents"].height,
        rejected=rejected,
        parsed=parsed,
        cached=cached,
        seconds=time.perf_counter() - started,
        words=sum(len(a.text.split()) for a in articles),
        timings=timer.as_dict(),
    )


def assemble(work_dir: Path, ingest_rejected: Sequence[RejectedRow]) -> dict[str, pl.DataFrame]:
    """All batch parts as one DataFrame per table, sorted by primary key; each actor's
    attributes by a vote of every document that names it (``merge_actors``)."""
    tables: dict[str, pl.DataFrame] = {}
    for table in (*DOCUMENT_TABLES, "rejected"):
        parts = sorted((work_dir / table).glob("part-*.parquet")) if (work_dir / table).is_dir() else []
        df = pl.concat([pl.read_parquet(p) for p in parts], how="vertical") if parts else empty(table)
        tables[table] = df
    tables["actors"] = merge_actors([tables["actors"]])
    tables["rejected"] = pl.concat(
        [tables["rejected"], frame("rejected", [dict(r) for r in ingest_rejected])]
    )
    return {table: sort_by_key(table, df) for table, df in tables.items()}


def build_tables(
    raw_dir: Path,
    work_dir: Path,
    *,
    cache_dir: Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    sidecar: Sidecar | None = None,
) -> tuple[dict[str, pl.DataFrame], IngestResult, list[BatchSummary]]:
    """The whole pipeline in this process, without Prefect: for tests and development."""
    try:
        work_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise storage_error(err, work_dir) from err
    open_cache(cache_dir, new_run=True)  # warns once here when the cache cannot be written
    ingest = read_raw_folder(raw_dir, sidecar=sidecar)
    summaries = [
        run_batch(i, batch, work_dir, cache_dir)
        for i, batch in enumerate(batches(ingest.articles, batch_size))
    ]
    return assemble(work_dir, ingest.rejected), ingest, summaries


def _main() -> None:
    parser = argparse.ArgumentParser(description="Build release tables without Prefect (development).")
    parser.add_argument("--raw", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--metadata", type=Path, help="metadata sidecar (default: one beside --raw)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="geodiscourse-work-") as work:
        tables, _, _ = build_tables(
            args.raw, Path(work), batch_size=args.batch_size, sidecar=find_sidecar(args.raw, args.metadata)
        )
    for table, df in tables.items():
        df.write_parquet(args.out / f"{table}.parquet")
        log.info("%s: %d rows", table, df.height)


if __name__ == "__main__":
    _main()
