"""How blind set 2026-12h was drawn (run from the repository root at commit 9ff8a29, before
the set itself was committed: later gold sets are excluded from the pool too).

Pool: articles that no earlier gold set, cleaning set, test, bench or doc names. The web
corpus is nearly used up for international affairs (after seven blind sets only six
unused articles reach 6 international keywords per 1,000 words), so this set takes ten
web articles and six BBC ones instead of twelve and four. Web articles: English,
250-1,800 words, >= 5.4 international keywords per 1,000 words, one per site, densest
first. BBC: politics and business articles with >= 12 per 1,000 words, six drawn with
random.Random(20261207), none of the dev gold's.

    python bench/gold/select_blind_2026_12h.py
"""

from __future__ import annotations

import glob
import json
import random
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared/corpora"  # ../shared beside the clone
SKIPPED_OFF_TOPIC: set[str] = set()
SCANNED_SUFFIXES = {".json", ".md", ".py", ".csv", ".txt", ".yaml"}
INTERNATIONAL = re.compile(
    r"\b(war|sanction\w*|troops|embass\w*|Russia\w*|China|Chinese|Iran\w*|Israel\w*|Ukrain\w*|Syria\w*"
    r"|North Korea\w*|NATO|United Nations|diplomat\w*|missile\w*|treaty|military|Saudi\w*|Turkey"
    r"|Afghan\w*|Iraq\w*|Palestin\w*|Kremlin|Beijing|Moscow|Tehran|Pyongyang)\b"
)


def names_already_used() -> set[str]:
    """Every article file name that a test, bench, doc or README of the repository names."""
    used: set[str] = set()
    paths = [*glob.glob("tests/**/*", recursive=True), *glob.glob("bench/**/*", recursive=True)]
    paths += [*glob.glob("docs/**/*", recursive=True), "README.md"]
    for name in paths:
        path = Path(name)
        if path.is_file() and path.suffix in SCANNED_SUFFIXES:
            used.update(re.findall(r"[\w\-]+\.txt", path.read_text(errors="ignore")))
    return used


def density(text: str) -> float:
    """International keywords per 1,000 words."""
    return 1000 * len(INTERNATIONAL.findall(text)) / max(1, len(text.split()))


def english(text: str) -> bool:
    return sum(text.count(w) for w in (" the ", " and ", " of ")) / max(1, len(text.split())) >= 0.04


def site(path: Path) -> str:
    return re.sub(r"^\d{7}-", "", path.stem)


def draw() -> list[Path]:
    used = names_already_used()
    web = []
    for path in sorted((SHARED / "hyperpartisan-576/articles").glob("*.txt")):
        text = path.read_text(errors="ignore")
        if path.name in used or path.name in SKIPPED_OFF_TOPIC:
            continue
        if 250 <= len(text.split()) <= 1800 and english(text) and density(text) >= 5.4:
            web.append(path)
    web.sort(key=lambda p: -density(p.read_text(errors="ignore")))
    picks: list[Path] = []
    sites: set[str] = set()
    for path in web:
        if site(path) not in sites:
            sites.add(site(path))
            picks.append(path)
    bbc = [
        p
        for section in ("politics", "business")
        for p in sorted((SHARED / f"bbc-news-2095/news/{section}").glob("*.txt"))
        if p.name not in used and density(p.read_text(errors="ignore")) >= 12
    ]
    random.Random(20261207).shuffle(bbc)
    # the draw first missed the dev gold (../shared/eval/dev-gold.json), which the scan
    # above does not see: its article drawn was replaced by the next draw, as here
    dev_gold = set(json.loads((SHARED.parent / "eval/dev-gold.json").read_text())["documents"])
    return picks[:10] + [p for p in bbc if p.name not in dev_gold][:6]


if __name__ == "__main__":
    for path in draw():
        print(path, len(path.read_text(errors="ignore").split()))
