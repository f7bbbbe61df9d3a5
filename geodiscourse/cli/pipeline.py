"""``geodiscourse run`` and ``geodiscourse serve``: the commands that start the flow.

Prefect is imported only inside the commands, after its defaults are set, so
``--help`` and the release commands never pay for it.
"""

from __future__ import annotations

import functools
import json
import signal
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from geodiscourse.cli.common import (
    DEFAULT_WORKERS,
    BatchSizeOption,
    DaskAddressOption,
    LicenceOption,
    MetadataOption,
    NoCacheOption,
    OutOption,
    RawOption,
    WorkersOption,
    app,
    configure_logging,
    console,
    errors,
    prefect_defaults,
)
from geodiscourse.run.defaults import DEFAULT_BATCH_SIZE

if TYPE_CHECKING:
    from geodiscourse.run.batches import BatchSummary


class RichProgress:
    """A progress bar per finished batch, with documents per second, for terminals."""

    def __init__(self, console: Console) -> None:
        self._progress = Progress(
            TextColumn("[bold]articles"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} docs/s"),
            TextColumn("parsed {task.fields[parsed]}, cached {task.fields[cached]}"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self._task: Any = None
        self._started = time.perf_counter()
        self._parsed = self._cached = self._done = 0

    def start(self, total_documents: int, total_batches: int) -> None:
        self._started = time.perf_counter()
        self._progress.start()
        self._task = self._progress.add_task("run", total=total_documents, rate=0.0, parsed=0, cached=0)

    def batch_done(self, summary: BatchSummary) -> None:
        self._done += summary.documents + summary.rejected
        self._parsed += summary.parsed
        self._cached += summary.cached
        rate = self._done / max(time.perf_counter() - self._started, 1e-9)
        self._progress.update(
            self._task, completed=self._done, rate=rate, parsed=self._parsed, cached=self._cached
        )

    def finish(self) -> None:
        self._progress.stop()


def _print_summary(summary: dict[str, Any]) -> None:
    table = Table(title=f"release {summary['release_id']}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in summary["row_counts"].items():
        table.add_row(name, str(count))
    console.print(table)
    console.print(
        f"inputs: {summary['inputs']} files -> {summary['documents']} documents, {summary['rejected']} rejected; "
        f"parsed {summary['parsed']}, from cache {summary['cached']}"
    )
    metadata = summary.get("metadata")
    if metadata:
        unmatched = metadata["rows_unmatched"]
        console.print(
            f"metadata: {metadata['path']}: {metadata['rows_matched']} rows used"
            + (f", {len(unmatched)} naming no raw file (listed in the manifest)" if unmatched else ""),
            soft_wrap=True,
        )
    console.print(f"release: {summary['path']}")


def _interrupted(signum: int) -> None:
    """The one line a run stopped by SIGINT or SIGTERM prints (it then exits 128 + signum)."""
    if console.is_terminal:
        console.show_cursor(True)  # a progress bar hides it
    errors.print(
        f"\n[red]interrupted by {signal.Signals(signum).name}[/red]: stopped the workers and any Prefect "
        "server the run started, removed its work folder; nothing was published",
        highlight=False,
    )


def _run_release(
    raw: Path,
    out: Path,
    release_id: str | None,
    workers: int,
    dask_address: str | None,
    batch_size: int,
    no_cache: bool,
    licence: str | None,
    progress: bool,
    metadata: Path | None = None,
) -> dict[str, Any]:
    """``run`` less its output: errors become one message and exit code 1 or 2."""
    from geodiscourse.flows.release import run_release
    from geodiscourse.ingest.sidecar import SidecarError, find_sidecar
    from geodiscourse.release.publish import (
        LockTimeoutError,
        OutputNotWritableError,
        ReleaseExistsError,
        ReleaseValidationError,
        check_output_writable,
    )
    from geodiscourse.run.workspace import WorkspaceError

    reporter = RichProgress(console) if progress and console.is_terminal else None
    try:
        if not raw.is_dir():  # before Prefect starts: one clear error, no work done
            raise FileNotFoundError(f"raw folder {raw} does not exist or is not a folder: pass --raw DIR")
        check_output_writable(out)
        find_sidecar(raw, metadata)  # a sidecar that cannot be read stops the run here
        return run_release(
            raw,
            out,
            release_id=release_id,
            workers=workers,
            dask_address=dask_address,
            batch_size=batch_size,
            use_cache=not no_cache,
            licence=licence,
            reporter=reporter,
            metadata=metadata,
        )
    except ReleaseValidationError as err:
        errors.print(f"[red]validation failed: nothing was published[/red]\n{err}")
        raise typer.Exit(1) from err
    except (
        ReleaseExistsError,
        OutputNotWritableError,
        LockTimeoutError,
        WorkspaceError,
        FileNotFoundError,
        NotADirectoryError,
        SidecarError,
    ) as err:
        errors.print(f"[red]error:[/red] {escape(str(err))}", soft_wrap=True, highlight=False)
        raise typer.Exit(2) from err


@app.command()
def run(
    raw: RawOption = Path("data/raw"),
    out: OutOption = Path("data/processed"),
    release_id: Annotated[
        str | None,
        typer.Option("--release-id", help="Release id; default: today's UTC date, then .2, .3 ..."),
    ] = None,
    workers: WorkersOption = DEFAULT_WORKERS,
    dask_address: DaskAddressOption = None,
    batch_size: BatchSizeOption = DEFAULT_BATCH_SIZE,
    no_cache: NoCacheOption = False,
    licence: LicenceOption = None,
    metadata: MetadataOption = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")] = True,
    json_summary: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log each step.")] = False,
) -> None:
    """Run the pipeline on RAW and publish a validated, dated release under OUT/releases/."""

    from geodiscourse.release.publish import InvalidReleaseIdError, check_release_id

    try:  # before anything is read or created: exit 2 with one line
        check_release_id(release_id)
    except InvalidReleaseIdError as err:
        errors.print(f"[red]error:[/red] {escape(str(err))}", soft_wrap=True, highlight=False)
        raise typer.Exit(2) from err
    params = {
        "raw": str(raw),
        "out": str(out),
        "release_id": release_id,
        "workers": workers,
        "dask_address": dask_address,
        "batch_size": batch_size,
        "no_cache": no_cache,
        "licence": licence,
        "metadata": str(metadata) if metadata else None,
        "progress": progress,
        "json_summary": json_summary,
        "verbose": verbose,
    }
    code = _run_warm(params)
    if code is not None:
        raise typer.Exit(code)
    _run_here(params)


def _run_warm(params: dict[str, Any]) -> int | None:
    """The run handed to the warm worker (cli/warm.py), or None to run it here: it takes
    runs that need no worker pool, no Dask cluster and no verbose Prefect logging, while
    the local Prefect server it reports to is up and PREFECT_API_URL names no other."""
    import os

    from geodiscourse.cli.warm import run_warm, worker_state
    from geodiscourse.flows.server import local_server_home, running_local_server
    from geodiscourse.ingest.files import count_input_files

    raw = Path(params["raw"])
    if params["verbose"] or params["dask_address"] or os.environ.get("PREFECT_API_URL") or not raw.is_dir():
        return None
    if params["workers"] > 1 and count_input_files(raw) > params["batch_size"]:
        return None
    home = local_server_home()
    # the worker's record first: reading a file is cheaper than asking the server's health
    if worker_state(home) is None or running_local_server(home) is None:
        return None
    prefect_defaults(quiet=True)  # as the worker and a cold run set them
    return run_warm(
        home,
        params,
        say=lambda line: errors.print(escape(line), soft_wrap=True, highlight=False),
        quiet=params["json_summary"],
    )


def run_here(params: Mapping[str, Any]) -> int:
    """One run in this process, as the warm worker's fork runs it: its exit code."""
    try:
        _run_here(params)
    except typer.Exit as done:
        return done.exit_code
    return 0


def _run_here(params: Mapping[str, Any]) -> None:
    """``run`` in this process: its output, or typer.Exit with the code of a failure."""
    verbose, json_summary = params["verbose"], params["json_summary"]
    configure_logging(verbose)
    prefect_defaults(quiet=not verbose)
    from geodiscourse.flows.interrupt import stop_on_signals
    from geodiscourse.flows.server import reuse_local_server

    reused = reuse_local_server()  # `geodiscourse server start`: no temporary server to start
    if reused is not None and not json_summary:
        errors.print(f"Prefect server: the local one at {reused.api_url}", highlight=False)

    with stop_on_signals(_interrupted):  # from before Prefect is imported to the summary
        summary = _run_release(
            Path(params["raw"]),
            Path(params["out"]),
            params["release_id"],
            params["workers"],
            params["dask_address"],
            params["batch_size"],
            params["no_cache"],
            params["licence"],
            params["progress"] and not json_summary,
            Path(params["metadata"]) if params["metadata"] else None,
        )
    if json_summary:
        console.print_json(json.dumps(summary, default=str))
    else:
        _print_summary(summary)


DEFAULT_CRON = "0 6 * * *"


@app.command()
def serve(
    cron: Annotated[
        str | None,
        typer.Option("--cron", help=f"Cron schedule in UTC (default, without --interval: '{DEFAULT_CRON}')."),
    ] = None,
    interval: Annotated[
        int | None, typer.Option("--interval", min=1, help="Run every SECONDS instead of on a cron schedule.")
    ] = None,
    raw: RawOption = Path("data/raw"),
    out: OutOption = Path("data/processed"),
    name: Annotated[str, typer.Option("--name", help="Deployment name.")] = "scheduled",
    workers: WorkersOption = DEFAULT_WORKERS,
    dask_address: DaskAddressOption = None,
    batch_size: BatchSizeOption = DEFAULT_BATCH_SIZE,
    no_cache: NoCacheOption = False,
    licence: LicenceOption = None,
    metadata: MetadataOption = None,
    prefect_home: Annotated[
        Path | None,
        typer.Option(
            "--prefect-home",
            help="PREFECT_HOME of the local Prefect server started when PREFECT_API_URL is not set "
            "(default: OUT/.prefect).",
        ),
    ] = None,
) -> None:
    """Run the release flow on a schedule until stopped (Ctrl-C or SIGTERM).

    Uses the Prefect server named by PREFECT_API_URL, or starts a local one (and stops it
    on exit): Prefect's temporary server runs no scheduler, so nothing would ever run."""
    from geodiscourse.release.publish import OutputNotWritableError, check_output_writable

    if cron is not None and interval is not None:
        errors.print("[red]error:[/red] give --cron or --interval, not both")
        raise typer.Exit(2)
    schedule: dict[str, Any] = {"interval": interval} if interval else {"cron": cron or DEFAULT_CRON}
    try:
        if not raw.is_dir():
            raise FileNotFoundError(f"raw folder {raw} does not exist or is not a folder: pass --raw DIR")
        check_output_writable(out)
    except (FileNotFoundError, OutputNotWritableError) as err:
        errors.print(f"[red]error:[/red] {escape(str(err))}", soft_wrap=True, highlight=False)
        raise typer.Exit(2) from err
    prefect_defaults()
    from geodiscourse.flows.server import serve_until_stopped

    parameters = {  # every option of `run` a scheduled run needs: see scheduled_release_flow
        "raw_dir": str(raw.resolve()),
        "out_root": str(out.resolve()),
        "workers": workers,
        "dask_address": dask_address,
        "batch_size": batch_size,
        "use_cache": not no_cache,
        "licence": licence,
        "metadata": str(metadata.resolve()) if metadata else None,
    }
    say = functools.partial(console.print, soft_wrap=True)
    try:
        home = (prefect_home or out / ".prefect").resolve()
        serve_until_stopped(home, name, parameters, schedule, say)
    except KeyboardInterrupt:
        pass
    except RuntimeError as err:  # the local server did not start
        errors.print(f"[red]error:[/red] {escape(str(err))}", soft_wrap=True, highlight=False)
        raise typer.Exit(1) from err
    finally:
        console.print("serve stopped")
