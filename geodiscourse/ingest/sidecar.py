"""Metadata from outside the text: a sidecar file from the crawler, and a page's own tags.

Real collections come with what the crawler knew (URL, publication date, outlet), and
most article texts do not state it: BBC texts carry no date, so without a sidecar
relative dates ("on Monday", "last month") cannot be resolved. A sidecar is a CSV or
JSON Lines file with one row per raw file:

    source_name, title, published_date, outlet, author, url, licence

any of which but source_name may be missing or empty. ``file`` is accepted for
source_name and ``published_at``/``date`` for published_date (the column names of
``hyperpartisan-576/metadata.csv``). A row's path is read relative to the sidecar's
folder, then relative to the raw folder, so a sidecar beside the raw folder can name
"articles/x.txt" and one inside it "x.txt". Sidecar values win over values read from
the text (the crawler saw the page); a row naming no file of the raw folder is reported,
never silently dropped, and a malformed date is an error naming the row.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

#: Looked for beside the raw folder (in its parent folder) when no sidecar is given.
DEFAULT_SIDECAR_NAMES = ("metadata.csv", "metadata.jsonl")
FIELDS = ("title", "published_date", "outlet", "author", "url", "licence")
#: Other names of a column, as real sidecars spell them.
ALIASES = {
    "file": "source_name",
    "path": "source_name",
    "published_at": "published_date",
    "date": "published_date",
    "license": "licence",
    "site": "outlet",
    "site_name": "outlet",
}


class SidecarError(ValueError):
    """A sidecar that cannot be read as a whole: the message names the file and row."""


@dataclass(frozen=True)
class DocumentMetadata:
    """What is known of a document besides its text; None where nothing is known."""

    title: str | None = None
    published_date: datetime.date | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    licence: str | None = None

    def fingerprint(self) -> str:
        """A stable digest of the values: part of the extraction cache key, since the
        publication date changes how relative dates resolve."""
        payload = {k: (v.isoformat() if isinstance(v, datetime.date) else v) for k, v in asdict(self).items()}
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class Sidecar:
    """The rows that name files of the raw folder, by source_name, and those that do not."""

    path: Path
    sha256: str
    entries: dict[str, DocumentMetadata]
    unmatched: tuple[str, ...]

    def for_file(self, source_name: str) -> DocumentMetadata | None:
        return self.entries.get(source_name)

    def summary(self) -> dict[str, Any]:
        """What a release's manifest records of the sidecar: which file (by hash), how
        many rows named files, the rows that named none, and the licences it gives."""
        licences = Counter(entry.licence for entry in self.entries.values() if entry.licence)
        return {
            "path": str(self.path),
            "sha256": self.sha256,
            "rows_matched": len(self.entries),
            "rows_unmatched": list(self.unmatched),
            "licences": dict(sorted(licences.items())),
        }


def _rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, row) of a CSV or JSON Lines file's text."""
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise SidecarError(f"metadata file {path}, line {number}: not JSON ({err.msg})") from err
            if not isinstance(row, dict):
                raise SidecarError(f"metadata file {path}, line {number}: expected a JSON object per line")
            yield number, row
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for row in reader:  # line_num: where the row ends, a quoted cell may span lines
        yield reader.line_num, {k: v for k, v in row.items() if k is not None}


def _canonical(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        name = str(key).strip().lower()
        out[ALIASES.get(name, name)] = value
    return out


def _text(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _date(value: Any, where: str) -> datetime.date | None:
    text = _text(value)
    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError as err:
        raise SidecarError(f"{where}: published_date {text!r} is not a date (write YYYY-MM-DD)") from err


def _source_name(raw_path: str, sidecar_dir: Path, raw_dir: Path, raw_root: Path) -> str | None:
    """The raw folder's name for a row's file: its path read from the sidecar's folder,
    else from the raw folder (whose links resolve to raw_root); None when neither is a
    file inside the raw folder."""
    for base in (sidecar_dir, raw_dir):
        candidate = Path(os.path.realpath(base / raw_path))
        if candidate.is_file() and candidate.is_relative_to(raw_root):
            return candidate.relative_to(raw_root).as_posix()
    return None


def read_sidecar(path: Path, raw_dir: Path) -> Sidecar:
    """The sidecar's rows, matched to the files of raw_dir."""
    path = Path(path)
    if not path.is_file():
        raise SidecarError(
            f"metadata file {path} does not exist: pass the CSV or JSON Lines file of the crawl"
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SidecarError(f"metadata file {path} cannot be read ({err.strerror or err})") from err
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SidecarError(f"metadata file {path} is not UTF-8 text: re-save it as UTF-8") from err
    entries: dict[str, DocumentMetadata] = {}
    unmatched: list[str] = []
    raw_root = Path(os.path.realpath(raw_dir))
    for number, raw_row in _rows(path, text):
        row = _canonical(raw_row)
        where = f"metadata file {path}, row {number}"
        name = _text(row.get("source_name"))
        if name is None:
            raise SidecarError(f"{where}: no source_name (or file) column value: name the raw file")
        source_name = _source_name(name, path.parent, raw_dir, raw_root)
        if source_name is None:
            unmatched.append(name)
            continue
        entries[source_name] = DocumentMetadata(
            title=_text(row.get("title")),
            published_date=_date(row.get("published_date"), where),
            outlet=_text(row.get("outlet")),
            author=_text(row.get("author")),
            url=_text(row.get("url")),
            licence=_text(row.get("licence")),
        )
    return Sidecar(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        entries=entries,
        unmatched=tuple(sorted(unmatched)),
    )


def find_sidecar(raw_dir: Path, given: Path | None) -> Sidecar | None:
    """The sidecar a run uses: the one given, else one beside the raw folder, else none."""
    path = given if given is not None else default_sidecar(raw_dir)
    return read_sidecar(path, raw_dir) if path is not None else None


def default_sidecar(raw_dir: Path) -> Path | None:
    """A metadata.csv or metadata.jsonl beside the raw folder, if there is one."""
    parent = Path(raw_dir).resolve().parent
    for name in DEFAULT_SIDECAR_NAMES:
        if (parent / name).is_file():
            return parent / name
    return None


@dataclass(frozen=True)
class ResolvedMetadata:
    """A document's metadata once every source has spoken."""

    title: str | None
    author: str | None
    outlet: str | None
    published_date: datetime.date | None
    #: where published_date came from: "metadata" (the sidecar), "text" (the file), or None
    date_source: str | None
    url: str | None


def resolve_metadata(
    from_text: DocumentMetadata, page: DocumentMetadata | None, sidecar: DocumentMetadata | None
) -> ResolvedMetadata:
    """Each field from the first source that has it: the sidecar (the crawler saw the
    page), then an HTML page's own tags, then what the cleaner read in the text."""
    sources = [s for s in (sidecar, page, from_text) if s is not None]

    def first(field: str) -> Any:
        return next((getattr(s, field) for s in sources if getattr(s, field) is not None), None)

    published, date_source = first("published_date"), None
    if sidecar is not None and sidecar.published_date is not None:
        date_source = "metadata"
    elif published is not None:
        date_source = "text"
    elif (from_url := url_date(first("url"))) is not None:
        published, date_source = from_url, "metadata"  # the crawl's URL: /2017-10-19/
    return ResolvedMetadata(
        title=first("title"),
        author=first("author"),
        outlet=first("outlet"),
        published_date=published,
        date_source=date_source,
        url=first("url"),
    )


#: A full date written in a URL's path, as news sites do: /2017/10/12/, /2017-10-19/.
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/-]|$)")


def url_date(url: str | None) -> datetime.date | None:
    """The publication date a URL's path states, if it states a whole one; the weakest
    source of a date, used only when neither the sidecar nor the text gives one."""
    m = _URL_DATE.search(url or "")
    if m is None:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
