"""Opening one raw file: never a file outside the raw folder, never more than max_bytes.

A release publishes the text of what it reads, so reading must not reach past the
raw folder: a link in it to /etc/passwd or to a private memo elsewhere would put that
file in documents.clean_text. A link to a file inside the raw folder is read (it is a
duplicate of its target by bytes); a link out of it is refused before anything is
opened. The file actually opened is the resolved path, opened without following a
link (O_NOFOLLOW) and checked to be the file that was inspected, so a file swapped for
a link between the check and the open is refused too.

A file's size from stat is not trusted either: files under /proc say 0 and a file
being rewritten grows while it is read. At most max_bytes + 1 bytes are read into
memory; a file found larger, by stat or while reading, is only hashed, in chunks.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from geodiscourse.core.ids import sha256_hex, stream_sha256

READ_CHUNK_BYTES = 1 << 20
#: O_NOFOLLOW: a path swapped for a link is not followed; O_NONBLOCK: one swapped for a
#: FIFO does not block the open (fstat then refuses it). Both absent on Windows.
_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
)


@dataclass(frozen=True)
class InputFile:
    """One file seen in the raw folder, for the release manifest."""

    source_name: str
    sha256: str
    size_bytes: int


class Rejected(Exception):
    """A file that becomes no document: its reason code and the operator's next step."""

    def __init__(self, reason: str, detail: str, entry: InputFile | None = None) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
        self.entry = entry


def load_file(raw_root: Path, path: Path, name: str, max_bytes: int) -> tuple[InputFile, bytes]:
    """A raw file's manifest entry and bytes; raises Rejected (carrying the entry).

    raw_root is the raw folder with its links resolved (os.path.realpath), path the
    file as found by walking the raw folder, name its source_name.
    """
    unknown = InputFile(name, "", 0)
    try:
        fd = _open_inside(raw_root, path, name)
    except Rejected as rej:
        raise Rejected(rej.reason, rej.detail, unknown) from None
    except OSError as err:
        raise Rejected(
            "unreadable",
            f"raw file {name} cannot be read ({err.strerror or err}): "
            "check that it exists and that its permissions allow reading",
            unknown,
        ) from err
    try:
        return _read_at_most(fd, name, max_bytes)
    except OSError as err:
        raise Rejected(
            "unreadable", f"raw file {name} cannot be read ({err.strerror or err}): check the disk", unknown
        ) from err
    finally:
        os.close(fd)


def _open_inside(raw_root: Path, path: Path, name: str) -> int:
    """An open descriptor of the regular file that path is or links to, inside raw_root;
    raises Rejected (outside, not regular, changed) or OSError (broken link, loop, permissions)."""
    real = Path(os.path.realpath(path))
    if not real.is_relative_to(raw_root):
        what = "a link to a file" if os.path.islink(path) else "a file reached through a link"
        raise Rejected(
            "unreadable",
            f"raw file {name} is {what} outside the raw folder, which is not read: "
            "copy the file into the raw folder instead of linking to it",
        )
    os.stat(path)  # a broken or looping link fails here, with its own message
    seen = os.lstat(real)
    if not stat.S_ISREG(seen.st_mode):
        raise Rejected("unreadable", f"raw file {name} is not a regular file: replace it with a text file")
    try:
        fd = os.open(real, _OPEN_FLAGS)
    except OSError as err:
        if err.errno == errno.ELOOP:  # real was no link a moment ago
            raise _changed(name) from err
        raise
    opened = os.fstat(fd)
    if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (seen.st_dev, seen.st_ino):
        os.close(fd)
        raise _changed(name)
    return fd


def _changed(name: str) -> Rejected:
    return Rejected(
        "unreadable",
        f"raw file {name} was replaced (by a link or another file) while it was read: "
        "run again once nothing is writing to the raw folder",
    )


def _read_at_most(fd: int, name: str, max_bytes: int) -> tuple[InputFile, bytes]:
    """The file's entry and bytes, or Rejected too_large when it has more than max_bytes:
    by its size (nothing of it is held in memory) or by reading max_bytes + 1 of them."""
    data = b""
    if os.fstat(fd).st_size <= max_bytes:
        data = _read(fd, max_bytes + 1)
        if len(data) <= max_bytes:
            return InputFile(name, sha256_hex(data), len(data)), data
    sha, size = stream_sha256(functools.partial(os.read, fd), head=data, chunk_bytes=READ_CHUNK_BYTES)
    raise Rejected(
        "too_large",
        f"raw file {name} has {size:,} bytes, more than the limit of {max_bytes:,}: "
        "split it into one file per article or raise max_bytes",
        InputFile(name, sha, size),
    )


def _read(fd: int, limit: int) -> bytes:
    """Up to limit bytes from fd, fewer only at the end of the file."""
    parts: list[bytes] = []
    left = limit
    while left > 0 and (chunk := os.read(fd, min(left, READ_CHUNK_BYTES))):
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)
