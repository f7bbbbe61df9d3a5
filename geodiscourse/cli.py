"""The ``geodiscourse`` command: run the pipeline, validate, list, diff and schedule releases.

Only this module prints; everything it calls returns data or raises errors that say
what went wrong and how to fix it.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from geodiscourse import __version__
from geodiscourse.run.batches import DEFAULT_BATCH_SIZE, BatchSummary

app = typer.Typer(
    name="geodiscourse",
    help="Turn articles on geopolitics into a versioned, validated Parquet dataset.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=False)
errors = Console(stderr=True)

RawOption = Annotated[
    Path, typer.Option("--raw", help="Folder of raw UTF-8 articles (searched recursively).")
]
OutOption = Annotated[
    Path, typer.Option("--out", help="Output root: releases go to OUT/releases/<YYYY-MM-DD>[.N]/.")
]


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


def _prefect_defaults() -> None:
    """Before Prefect is imported: its local server sends no usage analytics unless the
    operator asks for them."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


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
    console.print(f"release: {summary['path']}")


@app.command()
def run(
    raw: RawOption = Path("data/raw"),
    out: OutOption = Path("data/processed"),
    release_id: Annotated[
        str | None,
        typer.Option("--release-id", help="Release id; default: today's UTC date, then .2, .3 ..."),
    ] = None,
    workers: Annotated[
        int,
        typer.Option("--workers", min=1, help="Processes that parse and extract batches (default: cores)."),
    ] = os.cpu_count() or 1,
    dask_address: Annotated[
        str | None,
        typer.Option(
            "--dask-address", help="Run batches on an existing Dask cluster, e.g. tcp://10.0.0.5:8786."
        ),
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per task.")
    ] = DEFAULT_BATCH_SIZE,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Parse every article again.")] = False,
    licence: Annotated[
        str | None,
        typer.Option("--licence", help="The articles' licence, recorded in the release's data card."),
    ] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")] = True,
    json_summary: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log each step.")] = False,
) -> None:
    """Run the pipeline on RAW and publish a validated, dated release under OUT/releases/."""
    _configure_logging(verbose)
    _prefect_defaults()
    from geodiscourse.flows.release import run_release
    from geodiscourse.release.publish import (
        LockTimeoutError,
        OutputNotWritableError,
        ReleaseExistsError,
        ReleaseValidationError,
        check_output_writable,
    )

    reporter = RichProgress(console) if progress and not json_summary and console.is_terminal else None
    try:
        if not raw.is_dir():  # before Prefect starts: one clear error, no work done
            raise FileNotFoundError(f"raw folder {raw} does not exist or is not a folder: pass --raw DIR")
        check_output_writable(out)
        summary = run_release(
            raw,
            out,
            release_id=release_id,
            workers=workers,
            dask_address=dask_address,
            batch_size=batch_size,
            use_cache=not no_cache,
            licence=licence,
            reporter=reporter,
        )
    except ReleaseValidationError as err:
        errors.print(f"[red]validation failed: nothing was published[/red]\n{err}")
        raise typer.Exit(1) from err
    except (
        ReleaseExistsError,
        OutputNotWritableError,
        LockTimeoutError,
        FileNotFoundError,
        NotADirectoryError,
    ) as err:
        errors.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from err
    if json_summary:
        console.print_json(json.dumps(summary, default=str))
    else:
        _print_summary(summary)


@app.command()
def validate(
    release_dir: Annotated[
        Path, typer.Argument(help="A published release folder, e.g. data/processed/releases/2026-11-22.")
    ],
) -> None:
    """Re-validate a published release: schemas, keys, spans, checksums. Exits 1 on failure."""
    from geodiscourse.release.validate import validate_release

    if not release_dir.is_dir():
        errors.print(f"[red]error:[/red] {release_dir} is not a release folder")
        raise typer.Exit(2)
    report = validate_release(release_dir)
    if report.ok:
        console.print(f"[green]ok[/green]: {release_dir} is valid")
        return
    errors.print(report.to_text())
    raise typer.Exit(1)


@app.command()
def releases(out: OutOption = Path("data/processed")) -> None:
    """List releases with their date, row counts and whether each verifies against SHA256SUMS."""
    from geodiscourse.release.publish import list_releases

    found = list_releases(out)
    if not found:
        console.print(f"no releases under {out / 'releases'}")
        return
    table = Table()
    for column in ("release", "created_at", "documents", "events", "claims", "recommendations", "verified"):
        table.add_column(column)
    for info in found:
        rows = info.row_counts
        table.add_row(
            info.release_id + (" (LATEST)" if info.is_latest else ""),
            str(info.created_at),
            *(str(rows.get(t, "?")) for t in ("documents", "events", "claims", "recommendations")),
            "[green]yes[/green]" if info.verified else "[red]NO[/red]",
        )
    console.print(table)


@app.command()
def diff(
    a: Annotated[str, typer.Argument(help="Older release id (or path).")],
    b: Annotated[str, typer.Argument(help="Newer release id (or path).")],
    out: OutOption = Path("data/processed"),
) -> None:
    """Print ids added, removed and changed per table between two releases."""
    from geodiscourse.release.changes import diff_releases, format_changes

    def resolve(ref: str) -> Path:
        path = Path(ref)
        return path if path.is_dir() else out / "releases" / ref

    for ref in (a, b):
        if not resolve(ref).is_dir():
            errors.print(f"[red]error:[/red] no release {ref!r} (looked in {resolve(ref)})")
            raise typer.Exit(2)
    console.print(format_changes(diff_releases(resolve(a), resolve(b))))


@app.command()
def serve(
    cron: Annotated[
        str, typer.Option("--cron", help="Cron schedule in UTC, e.g. '0 6 * * *'.")
    ] = "0 6 * * *",
    raw: RawOption = Path("data/raw"),
    out: OutOption = Path("data/processed"),
    name: Annotated[str, typer.Option("--name", help="Deployment name.")] = "scheduled",
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes per run (default: cores).")] = (
        os.cpu_count() or 1
    ),
) -> None:
    """Serve a Prefect deployment of the release flow on a cron schedule (runs until stopped)."""
    _prefect_defaults()
    from geodiscourse.flows.release import release_flow, task_runner_for

    release_flow.with_options(task_runner=task_runner_for(workers, None)).serve(
        name=name,
        cron=cron,
        parameters={"raw_dir": str(raw.resolve()), "out_root": str(out.resolve())},
    )


@app.command()
def version() -> None:
    """Print the package version."""
    console.print(__version__)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
