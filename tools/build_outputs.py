"""The command line both build scripts share: build the committed rule data from
``../shared/reference`` and write it, or with ``--check`` only say which files are stale."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"


def run(description: str | None, build: Callable[[Path], dict[Path, str]]) -> None:
    """Parse ``--reference``/``--check``, build the outputs, and write them (or, checking,
    exit 1 when a committed file differs from what ``build`` makes)."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--check", action="store_true", help="exit 1 if a committed output differs")
    args = parser.parse_args()
    if not args.reference.is_dir():
        sys.exit(f"no reference folder at {args.reference} (pass --reference)")
    outputs = build(args.reference)
    stale = [path for path, text in outputs.items() if not path.exists() or path.read_text() != text]
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        sys.exit(1 if stale else 0)
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({len(text.encode('utf-8'))} bytes)")
