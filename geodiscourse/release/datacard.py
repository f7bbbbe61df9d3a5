"""The data card (README.md) of a release: what it is, how it was made, its limits.

Everything about tables and columns is generated from the pandera models (through
``schema_docs``, which also writes the project README's column tables), and everything
about this release from its manifest, so the card cannot say something the data does
not do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from geodiscourse.release.schema_docs import table_markdown
from geodiscourse.schemas import TABLES

DATACARD_FILENAME = "README.md"
#: Beyond this many inputs the card names the count and points at manifest.json.
INPUT_LIST_LIMIT = 50

#: What a user must know before trusting a number from this dataset.
KNOWN_LIMITATIONS = (
    "Extraction is rule-based (lexicons, dependency patterns, gazetteers): it misses events, claims "
    "and recommendations phrased in ways the rules do not know, and some rows are wrong. The "
    "`confidence` column ranks rows by how reliable their rule is; filter on it to trade recall "
    "for precision.",
    "Only English text is processed; other languages are flagged in `documents.language_flag` or rejected.",
    "Actors are resolved with a gazetteer and in-document aliases; unknown actors get a slug of "
    "their name and may split one real actor into several ids. Pronouns are resolved by a heuristic.",
    "Event dates are resolved against the article's publication date; when the text states none, "
    "relative dates ('last Tuesday') stay unresolved (null).",
    "One row per mention: the same real-world event reported twice gives two event rows.",
    "Offsets count Unicode code points (Python string indices) in `documents.clean_text`.",
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _provenance(manifest: Mapping[str, Any]) -> list[str]:
    commit = manifest.get("git_commit") or "unknown (not built from a git checkout)"
    if manifest.get("git_dirty"):
        commit += " (with uncommitted changes)"
    lines = [
        f"- Release id: `{manifest.get('release_id')}`",
        f"- Created: {manifest.get('created_at')} (UTC)",
        f"- Code: geodiscourse {manifest.get('package_version')}, git commit {commit}",
        f"- Schema version: {manifest.get('schema_version')}",
        f"- Previous release: {manifest.get('previous_release') or 'none'}",
    ]
    for key, value in (manifest.get("run") or {}).items():
        lines.append(f"- Run {key}: {value}")
    return lines


def _inputs(manifest: Mapping[str, Any], licences: Mapping[str, str]) -> list[str]:
    inputs = list(manifest.get("inputs") or [])
    total = sum(int(i.get("size_bytes", 0)) for i in inputs)
    lines = [
        f"{len(inputs)} input file(s), {total:,} bytes in all; manifest.json lists each with its sha256.",
        "",
    ]
    if licences:
        lines += ["| input | licence |", "|---|---|"]
        lines += [f"| {_cell(what)} | {_cell(licence)} |" for what, licence in licences.items()]
    else:
        lines.append(
            "The licences of the inputs were not recorded for this release: check them before reuse."
        )
    if inputs and len(inputs) <= INPUT_LIST_LIMIT:
        lines += ["", "| source_name | sha256 | bytes |", "|---|---|---:|"]
        lines += [
            f"| {_cell(str(i['source_name']))} | `{str(i['sha256'])[:16]}…` | {i['size_bytes']} |"
            for i in inputs
        ]
    return lines


def render_datacard(
    manifest: Mapping[str, Any],
    *,
    licences: Mapping[str, str] | None = None,
    limitations: Sequence[str] = KNOWN_LIMITATIONS,
) -> str:
    """README.md of a release: what it is, how it was made, its tables, limits and inputs."""
    rid = manifest.get("release_id")
    table_info: Mapping[str, Any] = manifest.get("tables") or {}
    lines = [
        f"# geodiscourse dataset, release {rid}",
        "",
        "Actors, events (PLOVER types), claims and recommendations extracted from English news and "
        "commentary articles on geopolitics, with every row pointing at the sentence and character "
        "span it came from.",
        "",
        "## How it was produced",
        "",
        "Each raw article was decoded, cleaned of boilerplate, split into sentences and parsed with "
        "spaCy; rule-based extractors resolved actor mentions and found events, claims and "
        "recommendations. The tables were validated (schemas, keys, foreign keys, spans) before "
        "publishing; a release that fails validation is never published.",
        "",
        *_provenance(manifest),
        "",
        "## Tables",
        "",
        "| table | rows | file | description |",
        "|---|---:|---|---|",
    ]
    for name, info in table_info.items():
        description = TABLES[name].description if name in TABLES else ""
        lines.append(f"| {name} | {info.get('rows')} | {info.get('file')} | {_cell(description)} |")
    lines += ["", "## Columns", "", "\n\n".join(table_markdown(n) for n in table_info if n in TABLES)]
    lines += ["", "## Known limitations", ""] + [f"- {item}" for item in limitations]
    lines += ["", "## Inputs and licences", "", *_inputs(manifest, licences or {})]
    lines += [
        "",
        "## Files and how to use them",
        "",
        "- `*.parquet`: the tables, sorted by primary key.",
        "- `manifest.json`: provenance; `datapackage.json`: Frictionless Data Package description.",
        "- `CHANGES.md`, `diff.json`: what changed since the previous release, by primary key.",
        "- `SHA256SUMS`: verify the files with `sha256sum -c SHA256SUMS` in this folder.",
        "",
        "```python",
        "import geodiscourse",
        f'tables = geodiscourse.release.read("{rid}")  # dict of polars LazyFrames',
        f'con = geodiscourse.connect("{rid}")   # DuckDB, one view per table',
        "```",
    ]
    return "\n".join(lines) + "\n"


__all__ = ["DATACARD_FILENAME", "KNOWN_LIMITATIONS", "render_datacard"]
