"""What every ``geodiscourse`` command shares: the Typer app, the consoles, the options.

Only the command modules print; everything they call returns data or raises errors
that say what went wrong and how to fix it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

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

# Options that `run` and `serve` share: a scheduled run takes what a run by hand takes.
DEFAULT_WORKERS = os.cpu_count() or 1
WorkersOption = Annotated[
    int, typer.Option("--workers", min=1, help="Processes that parse and extract batches (default: cores).")
]
DaskAddressOption = Annotated[
    str | None,
    typer.Option("--dask-address", help="Run batches on an existing Dask cluster, e.g. tcp://10.0.0.5:8786."),
]
BatchSizeOption = Annotated[int, typer.Option("--batch-size", min=1, help="Articles per task.")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Parse every article again.")]
MetadataOption = Annotated[
    Path | None,
    typer.Option(
        "--metadata",
        help="CSV or JSON Lines sidecar (source_name, title, published_date, outlet, author, url, licence); "
        "default: metadata.csv or metadata.jsonl beside RAW, if present.",
    ),
]
LicenceOption = Annotated[
    str | None,
    typer.Option("--licence", help="The articles' licence, recorded in each release's data card."),
]


def prefect_defaults(quiet: bool = False) -> None:
    """Before Prefect is imported: its local server sends no usage analytics unless the
    operator asks for them.

    ``quiet`` (a run by hand without --verbose): Prefect logs only what is critical. A
    failing task would otherwise print its traceback two or three times around the one
    line this command prints for the error; --verbose or PREFECT_LOGGING_LEVEL bring
    them back.
    """
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if quiet:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")


def _own_or_serious(record: logging.LogRecord) -> bool:
    """Without --verbose, other libraries' warnings (a Prefect background worker still
    flushing at exit) are noise beside this command's own output: keep ours and errors."""
    return record.name.startswith("geodiscourse") or record.levelno >= logging.ERROR


def configure_logging(verbose: bool) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    if not verbose:
        handler.addFilter(_own_or_serious)
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])


ReleaseArgument = Annotated[
    str,
    typer.Argument(
        metavar="RELEASE",
        help="'latest', a release id such as 2026-11-22 (under --out), or a release folder.",
    ),
]
RootOption = Annotated[
    Path,
    typer.Option("--out", help="Output root whose releases/ holds the releases named by id or 'latest'."),
]


def release_or_exit(ref: str, out: Path) -> Path:
    """The release folder ref names (see resolve_release), or one sentence and exit 2."""
    from geodiscourse.release.read import ReleaseNotFoundError, resolve_release

    try:
        return resolve_release(ref, out)
    except ReleaseNotFoundError as err:
        errors.print(f"[red]error:[/red] {escape(str(err))}", soft_wrap=True)
        raise typer.Exit(2) from err
