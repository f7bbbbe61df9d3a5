"""``geodiscourse server``: a local Prefect server and a warm worker that later runs reuse.

A run with no server configured starts Prefect's temporary server and stops it at the
end, which is most of the time a run of a few files takes. ``server start`` starts one
that stays up; ``run`` then reports to it whenever PREFECT_API_URL is not set. It also
starts the warm worker (cli/warm.py), which has imported everything and loaded the
model, so that a run of a few files skips those seconds too. Nothing here imports
Prefect.
"""

from __future__ import annotations

import typer
from rich.markup import escape

from geodiscourse.cli.common import app, console, errors, prefect_defaults

server_app = typer.Typer(
    name="server",
    help="Start, stop or show the local Prefect server that `run` reuses when PREFECT_API_URL is not set.",
    no_args_is_help=True,
)
app.add_typer(server_app)


def _home_note() -> str:
    from geodiscourse.flows.server import local_server_home

    return f"PREFECT_HOME {local_server_home()} (set GEODISCOURSE_SERVER_HOME to move it)"


@server_app.command("start")
def start() -> None:
    """Start the local Prefect server (or report the one already running)."""
    from geodiscourse.flows.server import local_server_home, start_local_server

    prefect_defaults()
    try:
        server, started = start_local_server(local_server_home())
    except RuntimeError as err:
        errors.print(f"[red]error:[/red] {escape(str(err))}", soft_wrap=True, highlight=False)
        raise typer.Exit(1) from err
    verb = "started" if started else "already running"
    from geodiscourse.cli.warm import start_worker

    try:
        worker, worker_started = start_worker(local_server_home(), server.api_url)
    except RuntimeError as err:
        errors.print(f"[red]error:[/red] {escape(str(err))}", soft_wrap=True, highlight=False)
        raise typer.Exit(1) from err
    console.print(
        f"local Prefect server {verb}: {server.api_url} (pid {server.pid}, UI "
        f"{server.api_url.removesuffix('/api')}); {_home_note()}. `geodiscourse run` reuses it "
        "while PREFECT_API_URL is unset; `geodiscourse server stop` stops it",
        soft_wrap=True,
        highlight=False,
    )
    console.print(
        f"warm worker {'started' if worker_started else 'already running'} (pid {worker['pid']}): "
        "runs of a few files skip imports and the model load",
        highlight=False,
    )


@server_app.command("stop")
def stop() -> None:
    """Stop the local Prefect server and the warm worker."""
    from geodiscourse.cli.warm import stop_worker
    from geodiscourse.flows.server import local_server_home, stop_local_server

    worker = stop_worker(local_server_home())
    if worker is not None:
        console.print(f"stopped the warm worker (pid {worker['pid']})", highlight=False)
    server = stop_local_server(local_server_home())
    if server is None:
        console.print("no local Prefect server was running", highlight=False)
    else:
        console.print(
            f"stopped the local Prefect server {server.api_url} (pid {server.pid})", highlight=False
        )


@server_app.command("status")
def status() -> None:
    """Say whether the local Prefect server runs, and where; exit 1 if it does not."""
    from geodiscourse.flows.server import local_server_home, running_local_server

    server = running_local_server(local_server_home())
    if server is None:
        console.print(f"no local Prefect server is running; {_home_note()}", soft_wrap=True, highlight=False)
        raise typer.Exit(1)
    console.print(
        f"local Prefect server running: {server.api_url} (pid {server.pid}); {_home_note()}",
        soft_wrap=True,
        highlight=False,
    )
    from geodiscourse.cli.warm import worker_state

    worker = worker_state(local_server_home())
    console.print(
        f"warm worker running (pid {worker['pid']})" if worker else "no warm worker is running",
        highlight=False,
    )
