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


def prefect_defaults() -> None:
    """Before Prefect is imported: its local server sends no usage analytics unless the
    operator asks for them."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


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
