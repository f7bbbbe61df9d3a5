#!/usr/bin/env python3
"""Structural check of this set's gold.json (see ../check_gold.py); reads the raw files only.

python validate.py [CORPUS_ARTICLES_DIR]   (default ../shared/corpora/hyperpartisan-576/articles)
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from check_gold import check  # noqa: E402

RAW = (
    Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[3] / "shared/corpora/hyperpartisan-576/articles"
)
errors = check(HERE / "gold.json", lambda name: RAW / name)
print("\n".join(errors) if errors else "OK: structure and all quotes check out")
sys.exit(1 if errors else 0)
