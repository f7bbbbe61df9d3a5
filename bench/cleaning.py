"""Score the cleaner on a cleaning gold set: prose kept once, furniture gone, metadata right.

Runs only what turns raw bytes into a document row (reading, decoding, HTML extraction,
cleaning, language identification), never the parse, so it takes seconds:

    .venv/bin/python bench/cleaning.py [--gold bench/gold/cleaning-2026-12/gold.json]
        [--corpus ../shared/corpora/hyperpartisan-576] [--verbose]

Prints, for the whole set: must-stay phrases present exactly as often as the gold says
(no prose lost or doubled), must-go phrases gone, and title/author/outlet/published right
(the same tests as ``../shared/eval/score.py``'s documents section). A file the cleaner
rejects keeps none of its phrases and gets every field wrong.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from geodiscourse.ingest.files import read_raw_folder
from geodiscourse.run.batches import prepare

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO / "bench/gold/cleaning-2026-12/gold.json"
DEFAULT_CORPUS = REPO.parent / "shared/corpora/hyperpartisan-576"
QUOTES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
FIELDS = ("title", "author", "outlet", "published")


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").translate(QUOTES)).strip().lower()


def field_ok(value: Any, accepted: list[str | None], prefix: bool = False) -> bool:
    """score.py's test: null matches null; otherwise the accepted text is contained in the
    value (a prefix of it for dates)."""
    value = None if value in (None, "") else str(value)
    for a in accepted:
        if a is None and value is None:
            return True
        if (a is not None and value is not None) and (
            (prefix and value.startswith(a)) or (not prefix and norm(a) in norm(value))
        ):
            return True
    return False


def cleaned_rows(gold: dict[str, Any], corpus: Path) -> dict[str, dict[str, Any] | None]:
    """Each gold file's document fields as the pipeline would write them (None: rejected)."""
    with tempfile.TemporaryDirectory(prefix="geodiscourse-cleaning-") as tmp:
        raw = Path(tmp)
        for name, entry in gold.items():
            shutil.copyfile(corpus / entry["file"], raw / name)
        ingest = read_raw_folder(raw)
    rows: dict[str, dict[str, Any] | None] = dict.fromkeys(gold)
    for article in ingest.articles:
        cleaned, _ = prepare(article)
        if cleaned is not None:
            rows[article.source_name] = {
                "title": cleaned.title,
                "author": cleaned.author,
                "outlet": cleaned.outlet,
                "published": cleaned.published_date,
                "clean_text": cleaned.clean_text,
            }
    return rows


def score(gold: dict[str, Any], rows: dict[str, dict[str, Any] | None], verbose: bool) -> Counter[str]:
    tally: Counter[str] = Counter()
    for name, g in gold.items():
        row = rows[name]
        text = norm(row["clean_text"]) if row else ""
        problems: list[str] = []
        for phrase, count in g["clean_count_exactly"].items():
            tally["stay"] += 1
            found = text.count(norm(phrase))
            if found == count:
                tally["stay_ok"] += 1
            else:
                problems.append(f"  stay {found}x (want {count}): {phrase[:70]!r}")
        for phrase in g["clean_must_not_contain"]:
            tally["go"] += 1
            if norm(phrase) in text:
                problems.append(f"  still there: {phrase[:70]!r}")
            else:
                tally["go_ok"] += 1
        for field in FIELDS:
            accepted = g["title_contains" if field == "title" else field]
            value = row[field] if row else None
            ok = row is not None and field_ok(value, accepted, prefix=field == "published")
            tally[f"{field}_ok"] += ok
            tally[field] += 1
            if not ok:
                problems.append(f"  {field}: got {str(value)[:60]!r}, want {accepted}")
        if row is None:
            problems.insert(0, "  rejected")
        if verbose and problems:
            print(name)
            print("\n".join(problems))
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--verbose", action="store_true", help="list every failed check per article")
    args = parser.parse_args(argv)
    gold = {k: v for k, v in json.loads(args.gold.read_text()).items() if not k.startswith("_")}
    if not args.corpus.is_dir():
        print(f"corpus folder {args.corpus} not found: pass --corpus", file=sys.stderr)
        return 2
    tally = score(gold, cleaned_rows(gold, args.corpus), args.verbose)
    print(f"gold: {args.gold} ({len(gold)} articles)")
    print(
        f"must-stay phrases right: {tally['stay_ok']}/{tally['stay']} ({tally['stay_ok'] / tally['stay']:.1%})"
    )
    print(f"must-go phrases gone:    {tally['go_ok']}/{tally['go']} ({tally['go_ok'] / tally['go']:.1%})")
    fields_ok = sum(tally[f"{f}_ok"] for f in FIELDS[:3])
    print(f"title/author/outlet right: {fields_ok}/{3 * len(gold)} ({fields_ok / (3 * len(gold)):.1%})")
    for field in FIELDS:
        print(f"  {field:<10} {tally[f'{field}_ok']}/{tally[field]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
