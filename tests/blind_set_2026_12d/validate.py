#!/usr/bin/env python3
"""Structural check of this set's gold.json (see bench/gold/check_gold.py); reads the raw
files only, from the two corpora its articles come from.

    python validate.py [SHARED_DIR]   (default: the shared/ folder beside the repository)
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "bench" / "gold"))

from check_gold import check  # noqa: E402

SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared"
CORPORA = [
    SHARED / "corpora/hyperpartisan-576/articles",
    SHARED / "corpora/bbc-news-2095/news/business",
    SHARED / "corpora/bbc-news-2095/news/politics",
]


def raw_path(name: str) -> Path:
    return next((folder / name for folder in CORPORA if (folder / name).exists()), CORPORA[0] / name)


errors = check(HERE / "gold.json", raw_path)
print("\n".join(errors) if errors else "OK: structure and all quotes check out")
sys.exit(1 if errors else 0)
