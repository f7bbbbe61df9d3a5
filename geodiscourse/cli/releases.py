"""The commands that read published releases: validate, releases, diff and export.

Each takes a release as 'latest', an id under ``--out`` or a release folder, resolved
once by ``release_or_exit``; none of them imports Prefect or the extractors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from geodiscourse.cli.common import ReleaseArgument, RootOption, app, console, errors, release_or_exit


@app.command()
def validate(release: ReleaseArgument = "latest", out: RootOption = Path("data/processed")) -> None:
    """Re-validate a published release: schemas, keys, spans, checksums. Exits 1 on failure."""
    from geodiscourse.release.validate import validate_release

    release_dir = release_or_exit(release, out)
    report = validate_release(release_dir)
    if report.ok:
        console.print(f"[green]ok[/green]: {escape(str(release_dir))} is valid", soft_wrap=True)
        return
    errors.print(report.to_text(), markup=False, highlight=False)
    raise typer.Exit(1)


@app.command()
def releases(out: RootOption = Path("data/processed")) -> None:
    """List releases with their date, row counts and whether each verifies against SHA256SUMS."""
    from geodiscourse.release.read import list_releases

    found = list_releases(out)
    if not found:
        console.print(f"no releases under {out / 'releases'}")
        return
    # Fits 80 columns: no vertical rules, short headers, and an id column that never truncates.
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 1, 0, 0),
        caption="docs: documents, recs: recommendations",
    )
    table.add_column("release", no_wrap=True, overflow="fold")
    table.add_column("created (UTC)", no_wrap=True)
    for header in ("docs", "events", "claims", "recs"):
        table.add_column(header, justify="right")
    table.add_column("verified")
    for info in found:
        rows = info.row_counts
        table.add_row(
            info.release_id + (" LATEST" if info.is_latest else ""),
            (info.created_at or "?").replace("T", " ")[:16],
            *(str(rows.get(t, "?")) for t in ("documents", "events", "claims", "recommendations")),
            "[green]yes[/green]" if info.verified else "[red]NO[/red]",
        )
    console.print(table)
    for info in found:
        if info.problems:
            more = f" (and {len(info.problems) - 1} more)" if len(info.problems) > 1 else ""
            console.print(f"{info.release_id}: {escape(info.problems[0])}{more}", soft_wrap=True)


@app.command()
def diff(
    a: Annotated[str, typer.Argument(help="Older release: 'latest', an id or a release folder.")],
    b: Annotated[str, typer.Argument(help="Newer release: 'latest', an id or a release folder.")],
    out: RootOption = Path("data/processed"),
) -> None:
    """Print rows added, removed and changed per table, source files and events by type."""
    from geodiscourse.release.changes import diff_releases, format_changes

    dir_a, dir_b = release_or_exit(a, out), release_or_exit(b, out)
    console.print(format_changes(diff_releases(dir_a, dir_b)), markup=False, highlight=False)


@app.command()
def export(
    to: Annotated[Path, typer.Option("--to", help="Folder for the files, one per table (created).")],
    release: ReleaseArgument = "latest",
    fmt: Annotated[
        Literal["csv", "jsonl"], typer.Option("--format", help="csv (lists as JSON text) or jsonl.")
    ] = "csv",
    out: RootOption = Path("data/processed"),
) -> None:
    """Write each table of a release as UTF-8 CSV or JSON Lines, dates ISO, for spreadsheets."""
    from geodiscourse.release.export import ExportError, export_release

    release_dir = release_or_exit(release, out)
    try:
        written = export_release(release_dir, to, fmt)
    except ExportError as err:
        errors.print(f"[red]error:[/red] {escape(str(err))}", soft_wrap=True)
        raise typer.Exit(2) from err
    console.print(f"release {release_dir.name}: {len(written)} {fmt} files in {escape(str(to))}")


@app.command()
def report(
    release: ReleaseArgument = "latest",
    to: Annotated[
        Path | None,
        typer.Option(
            "--to", help="The HTML file to write (default: report.html beside the releases folder)."
        ),
    ] = None,
    out: RootOption = Path("data/processed"),
) -> None:
    """Write one self-contained HTML file to browse a release offline: charts with their
    numbers, and the rows with their sentences, filtered by kind, type, actor and document."""
    from geodiscourse.release.report import REPORT_FILENAME, write_report

    release_dir = release_or_exit(release, out)
    target = to if to is not None else out / "reports" / release_dir.name / REPORT_FILENAME
    try:
        written = write_report(release_dir, target)
    except OSError as err:
        errors.print(
            f"[red]error:[/red] cannot write {escape(str(target))}: {escape(err.strerror or str(err))}"
        )
        raise typer.Exit(2) from err
    size = written.stat().st_size
    console.print(
        f"report of release {release_dir.name}: {escape(str(written))} ({size / 1e6:.1f} MB)", soft_wrap=True
    )
