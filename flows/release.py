"""The release flow: raw articles in, a validated, dated release out.

Each task body is a call or two into the ``geodiscourse`` package. Documents are
processed one task per batch (never per document); which executor runs the batches
is chosen per run: this process, a local process pool (``workers``), or an existing
Dask cluster (``dask_address``). Caching is the package's own content-hash cache
(raw sha256 + code + model), so Prefect's run-scoped task cache is switched off.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from geodiscourse import __version__
from geodiscourse.core.timing import StageTimer
from geodiscourse.flows.interrupt import new_work_dir, reclaim_sigterm, remove_work_dir
from geodiscourse.ingest.files import IngestResult, RawArticle, count_input_files, read_raw_folder
from geodiscourse.ingest.sidecar import find_sidecar
from geodiscourse.nlp.pipeline import model_fingerprint
from geodiscourse.release.publish import (
    PublishedRelease,
    check_output_writable,
    check_release_id,
    publish_release,
)
from geodiscourse.run.batches import (
    DEFAULT_BATCH_SIZE,
    BatchSummary,
    assemble,
    batches,
    open_cache,
    partition_cached,
    run_batch,
)
from geodiscourse.run.fingerprint import code_fingerprint
from geodiscourse.run.progress import LogProgress, ProgressReporter
from geodiscourse.run.workspace import check_work_root

FLOW_NAME = "geodiscourse-release"
SCHEDULED_FLOW_NAME = "geodiscourse-scheduled-release"
DEFAULT_LICENCE = "not recorded: state the articles' licence with --licence"

# The progress reporter of the run this process started. Neither a flow parameter nor
# a global the flow's body names: Prefect pickles the flow (its function by value, with
# the globals it uses) and its parameters for pool workers, and a terminal's progress
# bar holds locks that cannot be pickled (`run --workers 2` in a terminal failed so).
_reporter: ProgressReporter | None = None


def current_reporter() -> ProgressReporter:
    return _reporter if _reporter is not None else LogProgress()


@contextmanager
def reporting(reporter: ProgressReporter | None) -> Iterator[None]:
    global _reporter
    previous, _reporter = _reporter, reporter
    try:
        yield
    finally:
        _reporter = previous


def _in_process() -> TaskRunner[Any]:
    """Batches one after another in this process: the default for scheduled runs."""
    runner: TaskRunner[Any] = ThreadPoolTaskRunner(max_workers=1)
    return runner


@task(name="read-raw-folder", cache_policy=NO_CACHE)
def ingest_task(raw_dir: Path, metadata: Path | None = None) -> IngestResult:
    return read_raw_folder(raw_dir, sidecar=find_sidecar(raw_dir, metadata))


@task(name="parse-and-extract-batch", cache_policy=NO_CACHE, persist_result=False)
def batch_task(
    index: int, articles: list[RawArticle], work_dir: Path, cache_dir: Path | None
) -> BatchSummary:
    return run_batch(index, articles, work_dir, cache_dir)


@task(name="read-cached-articles", cache_policy=NO_CACHE, persist_result=False)
def cached_articles_task(
    index: int, articles: list[RawArticle], work_dir: Path, cache_dir: Path | None
) -> BatchSummary:
    """Runs where the flow runs (called, not submitted): reading the cache needs no worker."""
    return run_batch(index, articles, work_dir, cache_dir)


@task(name="validate-and-publish", cache_policy=NO_CACHE, persist_result=False)
def publish_task(
    work_dir: Path,
    ingest: IngestResult,
    out_root: Path,
    release_id: str | None,
    run_info: dict[str, Any],
    licences: dict[str, str],
) -> PublishedRelease:
    tables = assemble(work_dir, ingest.rejected)
    return publish_release(
        tables, out_root, release_id=release_id, inputs=ingest.inputs, run_info=run_info, licences=licences
    )


def _artifacts(published: PublishedRelease) -> None:
    rows = [{"table": table, "rows": count} for table, count in published.row_counts.items()]
    create_table_artifact(
        key="release-row-counts", table=rows, description=f"Rows per table in {published.release_id}"
    )
    create_markdown_artifact(
        key="release-changes",
        markdown=published.changes_markdown,
        description=f"Changes in {published.release_id}",
    )


@flow(name=FLOW_NAME, version=__version__, task_runner=_in_process())
def release_flow(
    raw_dir: str = "data/raw",
    out_root: str = "data/processed",
    release_id: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    use_cache: bool = True,
    licence: str = DEFAULT_LICENCE,
    metadata: str | None = None,
) -> dict[str, Any]:
    """Read, clean, parse, extract, validate and publish one dated release."""
    reclaim_sigterm()  # a SIGTERM must stop the run at once, not wait on Prefect's API
    raw, out = Path(raw_dir), Path(out_root)
    check_release_id(release_id)  # a bad id is refused before any work, not after it
    check_output_writable(out)
    check_work_root(out)  # before any parsing: one error naming OUT/.work and the fix
    progress = current_reporter()
    ingest = ingest_task(raw, Path(metadata) if metadata else None)
    work_dir = new_work_dir(out)  # removed on a signal too (flows/interrupt.py)
    cache_dir = out / "cache" if use_cache else None
    try:
        cached, fresh = partition_cached(ingest.articles, open_cache(cache_dir))
        groups: Sequence[list[RawArticle]] = list(batches(fresh, batch_size))
        progress.start(len(ingest.articles), len(groups) + bool(cached))
        summaries: list[BatchSummary] = []
        if cached:
            summaries.append(cached_articles_task(len(groups), cached, work_dir, cache_dir))
            progress.batch_done(summaries[-1])
        futures = [batch_task.submit(i, group, work_dir, cache_dir) for i, group in enumerate(groups)]
        for future in as_completed(futures):
            summary = future.result()
            summaries.append(summary)
            progress.batch_done(summary)
        progress.finish()
        timer = StageTimer()
        for summary in summaries:
            timer.merge(summary.timings)
        run_info = {
            "flow": FLOW_NAME,
            "raw_dir": str(raw),
            "batch_size": batch_size,
            "parsed": sum(s.parsed for s in summaries),
            "cached": sum(s.cached for s in summaries),
            "model": model_fingerprint(),
            "code_fingerprint": code_fingerprint(),
            "metadata": ingest.metadata,
        }
        with timer.stage("assemble_validate_publish"):
            published = publish_task(work_dir, ingest, out, release_id, run_info, {str(raw): licence})
        _artifacts(published)
    finally:
        remove_work_dir(work_dir)
    return {
        "release_id": published.release_id,
        "path": str(published.path),
        "row_counts": dict(published.row_counts),
        "inputs": len(ingest.inputs),
        "documents": published.row_counts.get("documents", 0),
        "rejected": published.row_counts.get("rejected", 0),
        "parsed": run_info["parsed"],
        "cached": run_info["cached"],
        "metadata": ingest.metadata,
        "timings": timer.as_dict(),
        "batches": [asdict(s) for s in sorted(summaries, key=lambda s: s.index)],
    }


def task_runner_for(workers: int, dask_address: str | None) -> TaskRunner[Any]:
    """Where batches run: an existing Dask cluster, a local process pool, or this process."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers > 1:
        pool: TaskRunner[Any] = ProcessPoolTaskRunner(max_workers=workers)
        return pool
    return _in_process()


@contextmanager
def shared_api(needed: bool) -> Iterator[None]:
    """Point the flow and its worker processes at one Prefect API.

    With no server configured, a flow starts a temporary local server that worker
    processes cannot see, so each would start its own (about 10 s apiece). Starting
    that temporary server here and naming it in the settings, which Prefect passes on
    to its workers, gives them all the same one.
    """
    if not needed or PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=180)  # a no-op when already running; stopped at interpreter exit
    with temporary_settings({PREFECT_API_URL: server.api_url}):
        yield


def run_release(
    raw_dir: Path,
    out_root: Path,
    *,
    release_id: str | None = None,
    workers: int = 1,
    dask_address: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    use_cache: bool = True,
    licence: str | None = None,
    reporter: ProgressReporter | None = None,
    metadata: Path | None = None,
) -> dict[str, Any]:
    """Run the flow with the executor the caller asks for; returns the run summary.

    Inputs that fit in one batch run in this process whatever ``workers`` says: one batch
    keeps one worker busy, and a pool would only add process start-up, a second model
    load and a shared Prefect server to a run of a few files."""
    if dask_address is None and workers > 1 and raw_dir.is_dir() and count_input_files(raw_dir) <= batch_size:
        workers = 1
    runner = task_runner_for(workers, dask_address)
    configured = release_flow.with_options(task_runner=runner)
    with shared_api(needed=workers > 1 or dask_address is not None), reporting(reporter):
        return configured(
            raw_dir=str(raw_dir),
            out_root=str(out_root),
            release_id=release_id,
            batch_size=batch_size,
            use_cache=use_cache,
            metadata=str(metadata) if metadata else None,
            **({"licence": licence} if licence else {}),
        )


@flow(name=SCHEDULED_FLOW_NAME, version=__version__)
def scheduled_release_flow(
    raw_dir: str = "data/raw",
    out_root: str = "data/processed",
    workers: int = 1,
    dask_address: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    use_cache: bool = True,
    licence: str | None = None,
    metadata: str | None = None,
) -> dict[str, Any]:
    """What ``geodiscourse serve`` deploys. A scheduled run starts in a new process that
    imports this module, so a task runner set on the served flow object would be lost:
    here every option of ``run`` is a parameter, and the release flow runs as a subflow
    with the task runner that ``workers`` and ``dask_address`` choose."""
    return run_release(
        Path(raw_dir),
        Path(out_root),
        workers=workers,
        dask_address=dask_address,
        batch_size=batch_size,
        use_cache=use_cache,
        licence=licence,
        metadata=Path(metadata) if metadata else None,
    )


def serve_release(
    api_url: str,
    *,
    name: str,
    parameters: dict[str, Any],
    cron: str | None = None,
    interval: int | None = None,
) -> None:
    """Serve the scheduled flow on ``api_url`` until stopped, one run at a time: a run
    still going when the next is due delays the next, so two never publish at once."""
    from prefect.deployments.runner import EntrypointType

    with temporary_settings({PREFECT_API_URL: api_url}):
        scheduled_release_flow.serve(
            name=name,
            cron=cron,
            interval=interval,
            parameters=parameters,
            limit=1,
            entrypoint_type=EntrypointType.MODULE_PATH,
        )
