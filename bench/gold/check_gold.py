"""Structural check of a gold set in dev-gold.json's format: the keys score.py reads, every
quote an exact substring of its raw article (inside one paragraph), event types and actor
codes well formed. Reads the raw files only, never runs the pipeline.

    python bench/gold/check_gold.py tests/blind_set_2026_12d [SHARED_DIR]

finds a set's raw articles in the corpora of the shared folder (default: the one beside the
repository); bench/gold/blind-2026-12/validate.py checks that older set.
"""

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from geodiscourse.schemas.events import PLOVER_TYPES

TYPES = set(PLOVER_TYPES)


def code_ok(code):
    if code is None or code in ("*", "nonauthor"):
        return True
    for c in code.split("|"):
        if c.startswith("person:"):
            parts = c.split(":")
            if len(parts) != 3 or not re.fullmatch(r"[A-Z]{3}", parts[2]):
                return False
        elif c.startswith("name:"):
            if c != c.lower() or len(c) < 6:
                return False
        elif not re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", c):
            return False
    return True


def check(gold_path: Path, raw_path: Callable[[str], Path]) -> list[str]:
    """Every problem found in the gold file (none: it is well formed)."""
    errors: list[str] = []

    def err(msg: str) -> None:
        errors.append(msg)

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for key in [
        "_about",
        "documents",
        "mentions",
        "not_state_mentions",
        "recommendations",
        "events",
        "claims",
    ]:
        if key not in gold:
            err(f"missing key {key}")
    text = {}
    for name, d in gold["documents"].items():
        p = raw_path(name)
        if not p.exists():
            err(f"no raw file {p}")
            continue
        text[name] = p.read_text(encoding="utf-8")
        for f in [
            "title_contains",
            "outlet",
            "author",
            "published",
            "clean_must_not_contain",
            "clean_count_exactly",
            "cited_urls",
        ]:
            if f not in d:
                err(f"documents {name}: lacks {f}")
        assert isinstance(d["clean_count_exactly"], dict) and isinstance(d["cited_urls"], list)
        for f in ["title_contains", "outlet", "author", "published"]:
            assert isinstance(d[f], list) and d[f], (name, f)
        for bad in d["clean_must_not_contain"]:
            if bad not in text[name]:
                err(f"documents {name}: clean_must_not_contain {bad!r} not even in raw")

    def quote(doc, q, where):
        if doc not in text:
            err(f"{where}: unknown document {doc}")
        elif q not in text[doc]:
            err(f"{where}: quote not in raw {doc}: {q!r}")
        elif "\n" in q:
            err(f"{where}: quote spans paragraphs: {q!r}")

    for doc, t, code in gold["mentions"]:
        quote(doc, t, "mentions")
        if not code_ok(code):
            err(f"mentions: bad code {code}")
    for doc, t in gold["not_state_mentions"]:
        quote(doc, t, "not_state_mentions")
    ev = gold["events"]
    for k in ["required", "optional_quotes", "not_asserted"]:
        if k not in ev:
            err(f"events lacks {k}")
    for e in ev["required"]:
        if set(e) != {"doc", "quote", "types", "source", "target", "date"}:
            err(f"events: keys {sorted(e)}")
        quote(e["doc"], e["quote"], "events.required")
        if not e["types"] or set(e["types"]) - TYPES:
            err(f"events: bad types {e['types']}")
        for c in e["source"] + e["target"]:
            if not code_ok(c):
                err(f"events: bad code {c}")
        if e["date"] is not None and not all(
            d is None or re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", d) for d in e["date"]
        ):
            err(f"events: bad date {e['date']}")
    for doc, q in ev["optional_quotes"]:
        quote(doc, q, "events.optional_quotes")
    for doc, q in ev["not_asserted"]:
        quote(doc, q, "events.not_asserted")
    cl = gold["claims"]
    for k in ["attributed", "author_claims", "hedged", "quantities", "not_claims"]:
        if k not in cl:
            err(f"claims lacks {k}")
    for doc, q, code in cl["attributed"]:
        quote(doc, q, "claims.attributed")
        if not code_ok(code):
            err(f"claims: bad code {code}")
    for doc, q in cl["author_claims"]:
        quote(doc, q, "claims.author_claims")
    for doc, q, h in cl["hedged"]:
        quote(doc, q, "claims.hedged")
        assert isinstance(h, bool)
    for doc, q, v in cl["quantities"]:
        quote(doc, q, "claims.quantities")
        assert isinstance(v, (int, float))
    for doc, q in cl["not_claims"]:
        quote(doc, q, "claims.not_claims")
    rc = gold["recommendations"]
    for k in ["required", "optional"]:
        if k not in rc:
            err(f"recommendations lacks {k}")
    for r in rc["required"]:
        if len(r) not in (3, 4):
            err(f"recommendations: bad row {r}")
        quote(r[0], r[1], "recommendations.required")
        for c in r[2] + ([r[3]] if len(r) > 3 else []):
            if not code_ok(c):
                err(f"recommendations: bad code {c}")
    for doc, q in rc["optional"]:
        quote(doc, q, "recommendations.optional")
    for doc, q, cond in rc.get("conditions", []):
        quote(doc, q, "recommendations.conditions")
        quote(doc, cond, "recommendations.conditions")

    print(
        "documents",
        len(gold["documents"]),
        "| mentions",
        len(gold["mentions"]),
        "| not_state_mentions",
        len(gold["not_state_mentions"]),
    )
    print(
        "events required",
        len(ev["required"]),
        "optional",
        len(ev["optional_quotes"]),
        "not_asserted",
        len(ev["not_asserted"]),
    )
    print("claims", {k: len(v) for k, v in cl.items()})
    print("recommendations", {k: len(v) for k, v in rc.items()})
    return errors


#: The corpora, under the shared folder, that the gold sets' articles come from.
CORPORA = (
    "corpora/hyperpartisan-576/articles",
    "corpora/bbc-news-2095/news/business",
    "corpora/bbc-news-2095/news/politics",
    "corpora/bbc-news-2095/news/tech",
)


def main(argv: list[str]) -> int:
    """Check ``argv[1]``/gold.json against its raw articles; 1 when it has a problem."""
    set_dir = Path(argv[1])
    shared = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parents[3] / "shared"
    folders = [shared / corpus for corpus in CORPORA]

    def raw_path(name: str) -> Path:
        return next((folder / name for folder in folders if (folder / name).exists()), folders[0] / name)

    errors = check(set_dir / "gold.json", raw_path)
    print("\n".join(errors) if errors else "OK: structure and all quotes check out")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
