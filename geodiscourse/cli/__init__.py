"""The ``geodiscourse`` command: run the pipeline, schedule it, and inspect releases.

``common`` holds the Typer app and what the commands share; ``pipeline`` the commands
that start the flow (run, serve); ``releases`` those that read published releases
(validate, releases, diff, export); ``server`` the local Prefect server runs reuse.
Importing them registers their commands.
"""

from __future__ import annotations

from geodiscourse import __version__
from geodiscourse.cli import pipeline, releases, server
from geodiscourse.cli.common import app, console

__all__ = ["app", "main", "pipeline", "releases", "server"]


@app.command()
def version() -> None:
    """Print the package version."""
    console.print(__version__)


def main() -> None:  # pragma: no cover - console entry point
    app()
