"""The data card (README.md) of a release: what it is, how it was made, its limits.

Everything about tables and columns is generated from the pandera models (through
``schema_docs``, which also writes the project README's column tables), and everything
about this release from its manifest, so the card cannot say something the data does
not do.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from geodiscourse.release.schema_docs import table_markdown
from geodiscourse.schemas import TABLES

DATACARD_FILENAME = "README.md"
#: A licence recorded as this (the flow's default) was not given by whoever made the release.
UNRECORDED_LICENCE = "not recorded"
#: Beyond this many inputs the card names the count and points at manifest.json.
INPUT_LIST_LIMIT = 50

#: What a user must know before trusting a number from this dataset.
KNOWN_LIMITATIONS = (
    "Extraction is rule-based (lexicons, dependency patterns, gazetteers): it misses events, claims "
    "and recommendations phrased in ways the rules do not know, and some rows are wrong. The "
    "`confidence` column ranks rows by how reliable their rule is; filter on it to trade recall "
    "for precision.",
    "Only English text is processed: a text that the py3langid language-identification model "
    "reads as another language is not in `documents` but listed in `rejected`, with "
    "`rejected.reason` not_english and the language in `detail`; texts under 12 letters are not judged.",
    "Page furniture of web articles (captions, credits, advertising, newsletter and comment lines) "
    "is removed by patterns and by the shape of each paragraph; some stays, and a line that is only "
    "a caption-like label inside the body may go with it.",
    "Actors are resolved with a gazetteer and in-document aliases; unknown actors get a slug of "
    "their name and may split one real actor into several ids. Pronouns are resolved by a heuristic.",
    "Event dates are resolved against the article's publication date (`documents.date_source` says "
    "whether it came from the text or the metadata sidecar); without one, relative dates ('last "
    "Tuesday') stay unresolved (null).",
    "One row per mention: the same real-world event reported twice gives two event rows.",
    "Offsets count Unicode code points (Python string indices) in `documents.clean_text`.",
)


def _front_matter(manifest: Mapping[str, Any], licences: Mapping[str, str]) -> list[str]:
    """YAML front matter of a Hugging Face dataset card: written by hand (no YAML library
    at publish time), every string JSON-quoted, which YAML reads as the same string."""
    given = sorted({text for text in licences.values() if not text.startswith(UNRECORDED_LICENCE)})
    title = "geodiscourse dataset, release " + str(manifest.get("release_id"))
    lines = [
        "---",
        f"pretty_name: {json.dumps(title)}",
        "language:",
        "- en",
        "license: other",
        f"license_name: {json.dumps('; '.join(given) if given else 'not recorded')}",
        "tags:",
        "- geopolitics",
        "- event-data",
        "- plover",
        "configs:",
    ]
    for name, info in (manifest.get("tables") or {}).items():
        lines += [
            f"- config_name: {name}",
            "  data_files:",
            "  - split: train",
            f"    path: {json.dumps(str(info.get('file')))}",
        ]
    return [*lines, "---", ""]


def _quality(quality: Mapping[str, Any] | None) -> list[str]:
    """The measured-quality table (quality.json): per gold set and table, the score and,
    where the scorer gives them, precision and recall."""
    if not quality or not quality.get("sets"):
        return ["Not measured for this code (run `bench/quality.py`)."]
    tables = ["documents", "mentions", "events", "claims", "recommendations"]
    lines = [
        f"Measured on {quality.get('measured_on')} at commit {quality.get('commit')} with "
        f"{quality.get('scorer')}. {quality.get('caveat')} Cells: score (precision / recall).",
        "",
        "| set | kind | articles | " + " | ".join(tables) + " |",
        "|---|---|---:|" + "---|" * len(tables),
    ]
    for entry in quality["sets"]:
        cells = []
        for table in tables:
            got = entry["tables"].get(table)
            if got is None:
                cells.append("")
                continue
            extra = f" ({got['precision']:.2f} / {got['recall']:.2f})" if "precision" in got else ""
            cells.append(f"{got['score']:.2f}{extra}")
        lines.append(
            f"| {_cell(entry['set'])} ({_cell(entry['about'])}) | {_cell(entry['kind'])} | {entry['documents']} | "
            + " | ".join(cells)
            + " |"
        )
    return lines


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
        lines += [
            "| input | licence |",
            "|---|---|",
            *(f"| {_cell(w)} | {_cell(lic)} |" for w, lic in licences.items()),
        ]
    if not licences or any(lic.strip().lower().startswith(UNRECORDED_LICENCE) for lic in licences.values()):
        lines += [
            "",
            "The licences of the inputs were not recorded for this release: check them before reuse. "
            "To record them, publish with `geodiscourse run --licence TEXT` or `geodiscourse serve --licence TEXT`.",
        ]
    if inputs and len(inputs) <= INPUT_LIST_LIMIT:
        lines += ["", "| source_name | sha256 | bytes |", "|---|---|---:|"]
        lines += [
            f"| {_cell(str(i['source_name']))} | `{str(i['sha256'])[:16]}…` | {i['size_bytes']} |"
            for i in inputs
        ]
    return lines


def _usage(rid: str, previous: str | None, root: str | Path | None) -> list[str]:
    """Snippets that load, check, compare and export this release: each runs as written."""
    where = str(root) if root is not None else "data/processed"
    note = (
        "" if Path(where).is_absolute() else f" ({where} is relative to the folder the release was made in)"
    )
    arg, literal = shlex.quote(where), json.dumps(where, ensure_ascii=False)
    lines = [
        f"Load it in Python{note}; passing this folder's path instead of the id works too:",
        "",
        "```python",
        "import geodiscourse",
        "",
        f'tables = geodiscourse.load("{rid}", root={literal})  # polars LazyFrames',
        f'con = geodiscourse.connect("{rid}", root={literal})  # DuckDB views (needs duckdb)',
        'print(tables["events"].collect().height, con.execute("SELECT count(*) FROM events").fetchone())',
        "```",
        "",
        "Check it, compare it and export it as CSV for a spreadsheet from the command line:",
        "",
        "```shell",
        f"geodiscourse validate {rid} --out {arg}",
    ]
    if previous:
        lines.append(f"geodiscourse diff {previous} {rid} --out {arg}")
    lines += [f"geodiscourse export {rid} --out {arg} --format csv --to {rid}-csv", "```"]
    return lines


def render_datacard(
    manifest: Mapping[str, Any],
    *,
    licences: Mapping[str, str] | None = None,
    limitations: Sequence[str] = KNOWN_LIMITATIONS,
    root: str | Path | None = None,
    figures: Mapping[str, str] | None = None,
    quality: Mapping[str, Any] | None = None,
) -> str:
    """README.md of a release: what it is, how it was made, its tables, limits and inputs.

    It opens with YAML front matter in the Hugging Face dataset-card format (one config
    per table, its Parquet file as the data), so hub tooling loads each table by name;
    ``figures`` (path in the release -> title) are shown under "Figures".

    root is the output folder the release is published under (``--out``); the card's
    snippets name it, so they work for any output folder, not only the default one.
    """
    rid = manifest.get("release_id")
    table_info: Mapping[str, Any] = manifest.get("tables") or {}
    lines = [
        *_front_matter(manifest, licences or {}),
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
    lines += ["", "## Measured quality", "", *_quality(quality)]
    if figures:
        lines += ["", "## Figures", ""]
        for path, title in figures.items():
            lines += [f"### {title}", "", f"![{title}]({path})", ""]
        lines.pop()
    lines += ["", "## Columns", "", "\n\n".join(table_markdown(n) for n in table_info if n in TABLES)]
    lines += ["", "## Known limitations", ""] + [f"- {item}" for item in limitations]
    lines += ["", "## Inputs and licences", "", *_inputs(manifest, licences or {})]
    lines += [
        "",
        "## Files and how to use them",
        "",
        "- `*.parquet`: the tables, sorted by primary key.",
        "- `manifest.json`: provenance; `datapackage.json`: Frictionless Data Package description.",
        "- `CHANGES.md`: rows added, removed and changed per table since the previous release, the "
        "source files added, removed and changed, events by type; `diff.json`: the same with every row id.",
        "- `SHA256SUMS`: verify the files with `sha256sum -c SHA256SUMS` in this folder.",
        "",
        *_usage(str(rid), manifest.get("previous_release"), root),
    ]
    return "\n".join(lines) + "\n"


__all__ = ["DATACARD_FILENAME", "KNOWN_LIMITATIONS", "render_datacard"]
