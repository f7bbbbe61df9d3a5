"""Reading the raw folder: every input file is opened here (by way of opening.py).

Every file under the raw folder ends up either as a RawArticle (or among the
duplicate_names of one) or as a RejectedRow saying why and what to do about it, so a
release accounts for all of its inputs. Decoding is strict: UTF-8, or cp1252 /
latin-1 when the bytes are clearly that and nothing else; text that would come out
garbled is rejected rather than guessed at.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from geodiscourse.core.ids import doc_id_for
from geodiscourse.core.rows import RejectedRow
from geodiscourse.ingest.cleaning.html import extract_html, looks_like_html
from geodiscourse.ingest.opening import InputFile, load_file
from geodiscourse.ingest.opening import Rejected as _Rejected
from geodiscourse.ingest.sidecar import DocumentMetadata, Sidecar

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5_000_000
#: Share of control bytes (other than tab, line breaks and form feed) above which a
#: file is binary even without NUL bytes.
BINARY_CONTROL_SHARE = 0.01
#: Share of bytes >= 0x80 above which non-UTF-8 bytes are some other legacy encoding
#: (Cyrillic, Greek, CJK), not English text with a few cp1252 quotes and accents.
LEGACY_HIGH_BYTE_SHARE = 0.25
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_CP1252_ONLY = re.compile(rb"[\x80-\x9f]")
_HIGH_BYTES = re.compile(rb"[\x80-\xff]")
#: One well-formed UTF-8 multibyte sequence (RFC 3629: no overlong forms, no surrogates).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
    (b"\xff\xfe", "utf-16", "utf-16"),
    (b"\xfe\xff", "utf-16", "utf-16"),
)


@dataclass(frozen=True)
class RawArticle:
    source_name: str
    sha256: str
    doc_id: str
    text: str
    encoding: str
    source_format: str
    duplicate_names: tuple[str, ...]
    #: what an HTML page states about itself (title, author, date, site name)
    page: DocumentMetadata | None = None
    #: the metadata sidecar's row for this file
    sidecar: DocumentMetadata | None = None

    @property
    def cache_variant(self) -> str:
        """What besides the bytes the extraction depends on: the sidecar row, whose date
        changes how relative dates resolve ("" without one)."""
        return "" if self.sidecar is None else self.sidecar.fingerprint()


@dataclass(frozen=True)
class IngestResult:
    articles: list[RawArticle]
    rejected: list[RejectedRow]
    inputs: list[InputFile]
    #: the metadata sidecar's summary for the manifest (None: no sidecar)
    metadata: dict[str, object] | None = None


def _walk(raw_dir: Path) -> tuple[list[str], list[str]]:
    """Visible files (relative '/' paths) under raw_dir, and symlinked folders, which
    are not followed (a link loop or a link out of the raw folder would make the input
    set depend on the machine)."""
    files: list[str] = []
    linked_dirs: list[str] = []
    for root, dirs, names in os.walk(raw_dir, followlinks=False):
        rel_root = Path(root).relative_to(raw_dir)
        for d in list(dirs):
            if d.startswith("."):
                dirs.remove(d)
            elif (Path(root) / d).is_symlink():
                linked_dirs.append((rel_root / d).as_posix())
        files.extend((rel_root / n).as_posix() for n in names if not n.startswith("."))
    return sorted(files), sorted(linked_dirs)


def count_input_files(raw_dir: Path) -> int:
    """How many files a run of ``raw_dir`` reads, without reading them (a run sizes its
    worker pool by it)."""
    return len(_walk(raw_dir)[0])


def _printable_name(name: str) -> str:
    """The file name as valid UTF-8 (undecodable bytes of a foreign file system, which
    os.walk returns as surrogates, would break the Parquet tables)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """The text of a file's bytes and the encoding used; raises _Rejected.

    Bytes that are not valid UTF-8 but hold a valid UTF-8 multibyte sequence (such as
    c2 a3, "£") are mixed encodings: UTF-8 text with a stray cp1252 byte pasted in, or
    cp1252 text that already holds UTF-8 read as cp1252. Either way no single encoding
    reads them right (cp1252 would turn "£" into "Â£"), so they are rejected rather than
    published as mojibake. The price is a rare genuine cp1252 file where a capital
    accented letter is followed directly by a Windows quote or symbol ("JOSÉ”" is c9 94,
    also valid UTF-8): it is rejected too, with a detail saying to re-save it as UTF-8.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), label
            except UnicodeDecodeError as err:
                raise _Rejected(
                    "encoding",
                    f"raw file {name} starts with a {label} byte-order mark but is not valid {label} "
                    f"(byte {err.start}): re-save it as UTF-8",
                ) from err
    # A NUL byte anywhere (not only in the sample), as the README promises; the share of
    # other control bytes is judged on the first 64 KiB.
    sample = data[:65536]
    if b"\x00" in data or len(_CONTROL_BYTES.findall(sample)) > BINARY_CONTROL_SHARE * len(sample):
        raise _Rejected(
            "binary",
            f"raw file {name} is binary (it holds NUL or control bytes), not text: "
            "save the article as a UTF-8 .txt or .html file",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        first_bad = err.start
    if _UTF8_MULTIBYTE.search(data):
        raise _Rejected(
            "encoding",
            f"raw file {name} is mostly UTF-8 but has invalid bytes (first at byte {first_bad}): "
            "re-save it as UTF-8",
        )
    high = len(_HIGH_BYTES.findall(data))
    if _CP1252_UNDEFINED.search(data) or high > LEGACY_HIGH_BYTE_SHARE * len(data):
        raise _Rejected(
            "encoding",
            f"raw file {name} is not UTF-8 and not cp1252/latin-1 text (byte {first_bad} "
            "does not fit): re-save it as UTF-8",
        )
    if _CP1252_ONLY.search(data):  # smart quotes and dashes at 0x91-0x97: Windows text
        return data.decode("cp1252"), "cp1252"
    return data.decode("latin-1"), "latin-1"


def _read_one(name: str, data: bytes) -> tuple[str, str, str, DocumentMetadata | None]:
    """(text, encoding, source_format, page metadata) of one file's bytes; raises _Rejected."""
    if not data:
        raise _Rejected(
            "empty", f"raw file {name} is empty (0 bytes): remove it or put the article's text in it"
        )
    text, encoding = decode_bytes(data, name)
    source_format = "text"
    page: DocumentMetadata | None = None
    if looks_like_html(text):
        found = extract_html(text)
        text, source_format = found.text, "html"
        page = DocumentMetadata(
            title=found.title,
            published_date=found.published_date,
            outlet=found.site_name,
            author=found.author,
        )
    if not any(ch.isalnum() for ch in text):
        what = "visible text" if source_format == "html" else "letters or digits"
        raise _Rejected(
            "no_content", f"raw file {name} has no {what}: remove it or put the article's text in it"
        )
    return text, encoding, source_format, page


def _load(raw_root: Path, raw_dir: Path, fs_name: str, max_bytes: int) -> tuple[InputFile, bytes]:
    """A file's manifest entry and bytes; raises _Rejected (carrying the entry)."""
    name = _printable_name(fs_name)
    if name != fs_name:
        raise _Rejected(
            "unreadable",
            f"raw file {name} has a name that is not valid UTF-8: rename it",
            InputFile(name, "", 0),
        )
    return load_file(raw_root, raw_dir / fs_name, name, max_bytes)


def read_raw_folder(
    raw_dir: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, sidecar: Sidecar | None = None
) -> IngestResult:
    """Every visible file under raw_dir (recursively), read as an article or rejected.

    Files with identical bytes make one article, named by the first path in sorted
    order, with the others in duplicate_names. Hidden files and folders (.gitkeep,
    .DS_Store) are skipped; a link to a folder, or to a file outside the raw folder, is
    not followed but rejected, so the input set never depends on what lies outside the
    raw folder. A link to a file inside it is read (a duplicate of its target).

    Each article carries its metadata sidecar row (that of its first name); a sidecar
    kept inside the raw folder is no article.
    """
    raw_dir = Path(raw_dir)
    if not raw_dir.exists():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist: create it and put article files in it")
    if not raw_dir.is_dir():
        raise NotADirectoryError(
            f"raw folder {raw_dir} is not a folder: pass the folder that holds the articles"
        )
    names, linked_dirs = _walk(raw_dir)
    raw_root = Path(os.path.realpath(raw_dir))
    if sidecar is not None and Path(os.path.realpath(sidecar.path)).is_relative_to(raw_root):
        inside = Path(os.path.realpath(sidecar.path)).relative_to(raw_root).as_posix()
        names = [n for n in names if n != inside]
    inputs: list[InputFile] = []
    rejected: list[RejectedRow] = []
    first_of_sha: dict[str, RawArticle] = {}
    duplicates: dict[str, list[str]] = {}

    def reject(name: str, sha: str, rej: _Rejected) -> None:
        log.warning("rejected %s: %s", name, rej.detail)
        rejected.append(RejectedRow(source_name=name, sha256=sha, reason=rej.reason, detail=rej.detail))

    for name in linked_dirs:
        inputs.append(InputFile(name, "", 0))
        reject(name, "", _Rejected("unreadable", f"raw folder entry {name} is a link to a folder, which is "
               "not followed: move or copy its files into the raw folder"))  # fmt: skip
    for fs_name in names:
        try:
            entry, data = _load(raw_root, raw_dir, fs_name, max_bytes)
        except _Rejected as rej:
            seen = rej.entry or InputFile(_printable_name(fs_name), "", 0)
            inputs.append(seen)
            reject(seen.source_name, seen.sha256, rej)
            continue
        inputs.append(entry)
        name, sha = entry.source_name, entry.sha256
        if sha in first_of_sha:
            duplicates[sha].append(name)
            continue
        try:
            text, encoding, source_format, page = _read_one(name, data)
        except _Rejected as rej:
            reject(name, sha, rej)
            continue
        row = sidecar.for_file(name) if sidecar is not None else None
        first_of_sha[sha] = RawArticle(
            name, sha, doc_id_for(data), text, encoding, source_format, (), page, row
        )
        duplicates[sha] = []
    articles = [replace(a, duplicate_names=tuple(sorted(duplicates[sha]))) for sha, a in first_of_sha.items()]
    if sidecar is not None and sidecar.unmatched:
        log.warning(
            "metadata file %s has %d rows naming no file of %s (first: %s): they are listed in the manifest",
            sidecar.path,
            len(sidecar.unmatched),
            raw_dir,
            sidecar.unmatched[0],
        )
    return IngestResult(
        articles=sorted(articles, key=lambda a: a.source_name),
        rejected=sorted(rejected, key=lambda r: r["source_name"]),
        inputs=sorted(inputs, key=lambda f: f.source_name),
        metadata=sidecar.summary() if sidecar is not None else None,
    )
