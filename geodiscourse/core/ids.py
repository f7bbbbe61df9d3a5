"""Identifiers derived from content and position, never from counters or clocks.

Stable ids let an analyst join tables across releases: the same article gets the same
doc_id, the same sentence the same sentence_id, in every release made from it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path


def sha256_hex(data: bytes) -> str:
    """The full sha256 of some bytes, in lower-case hex."""
    return hashlib.sha256(data).hexdigest()


def stream_sha256(
    read: Callable[[int], bytes], head: bytes = b"", chunk_bytes: int = 1 << 20
) -> tuple[str, int]:
    """sha256 and size of ``head`` followed by everything ``read`` returns, read in
    chunks so that a large file never fills memory."""
    digest = hashlib.sha256(head)
    size = len(head)
    while chunk := read(chunk_bytes):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def file_sha256(path: Path, chunk_bytes: int = 1 << 20) -> str:
    """The sha256 of a file's bytes, read in chunks so a large file never fills memory."""
    with path.open("rb") as handle:
        return stream_sha256(handle.read, chunk_bytes=chunk_bytes)[0]


def doc_id_for(raw_bytes: bytes) -> str:
    """A document's id: the first 16 hex digits of its raw bytes' sha256."""
    return sha256_hex(raw_bytes)[:16]


def row_id(prefix: str, *parts: object) -> str:
    """An id for a derived row: a short prefix plus a hash of its defining parts.

    Parts are joined with a separator that cannot occur in their str() forms' joins
    ambiguously (a unit separator), so ("a", "bc") and ("ab", "c") differ.
    """
    joined = "\x1f".join(str(p) for p in parts)
    return f"{prefix}_{hashlib.sha256(joined.encode('utf-8')).hexdigest()[:16]}"


def sentence_id_for(doc_id: str, char_start: int, char_end: int) -> str:
    return row_id("s", doc_id, char_start, char_end)
