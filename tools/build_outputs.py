"""The command line the build scripts share: build the committed rule data from its
sources and write it, or with ``--check`` only say which files are stale."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"


def run(
    description: str | None, build: Callable[[Path], dict[Path, str]], *, needs_reference: bool = True
) -> None:
    """Parse ``--reference``/``--check``, build the outputs, and write them (or, checking,
    exit 1 when a committed file differs from what ``build`` makes). A script whose
    source is an installed package, not ``../shared/reference``, passes
    ``needs_reference=False`` and its ``build`` ignores the folder."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    if needs_reference:
        parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--check", action="store_true", help="exit 1 if a committed output differs")
    args = parser.parse_args()
    reference: Path = args.reference if needs_reference else DEFAULT_REFERENCE
    if needs_reference and not reference.is_dir():
        sys.exit(f"no reference folder at {reference} (pass --reference)")
    outputs = build(reference)
    stale = [path for path, text in outputs.items() if not path.exists() or path.read_text() != text]
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        sys.exit(1 if stale else 0)
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({len(text.encode('utf-8'))} bytes)")
