"""The pool blind sets are drawn from, and the draw itself, shared by the selection scripts.

Pool: articles that no gold set, cleaning set, test, bench or doc of the repository names,
nor the dev gold (``../shared/eval/dev-gold.json``). Web articles must be English, 250 to
1,800 words unless ``web_words`` says otherwise, and name international actors or acts at least ``web_density`` times per
1,000 words; they are taken one per site, densest first. BBC articles come from the given
sections with at least ``bbc_density`` such words per 1,000, shuffled with a fixed seed.
Run from the repository root: the scan reads tests/, bench/, docs/ and README.md.
"""

from __future__ import annotations

import glob
import json
import random
import re
from collections.abc import Collection, Sequence
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared/corpora"  # ../shared beside the clone
SCANNED_SUFFIXES = {".json", ".md", ".py", ".csv", ".txt", ".yaml"}
INTERNATIONAL = re.compile(
    r"\b(war|sanction\w*|troops|embass\w*|Russia\w*|China|Chinese|Iran\w*|Israel\w*|Ukrain\w*|Syria\w*"
    r"|North Korea\w*|NATO|United Nations|diplomat\w*|missile\w*|treaty|military|Saudi\w*|Turkey"
    r"|Afghan\w*|Iraq\w*|Palestin\w*|Kremlin|Beijing|Moscow|Tehran|Pyongyang)\b"
)
# Domestic politics and law, for sets drawn once the international web articles ran out.
DOMESTIC = re.compile(
    r"\b(Trump|Clinton|Obama|Congress\w*|Senat\w*|Republican\w*|Democrat\w*|governor|president"
    r"|FBI|police|court|judge|law\w*|protest\w*|arrest\w*|charged|election|vote\w*|campaign)\b"
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


#: The web articles of blind set 2026-12s, which issue 12's hand check leaves out.
BLIND_12S_WEB = frozenset(
    {
        "0000365-nytimes.txt",
        "0000495-wthr.txt",
        "0000031-mamaroneck.txt",
        "0000546-us.txt",
        "0000338-puppetstringnews.txt",
        "0000625-12news.txt",
        "0000474-texashillcountry.txt",
        "0000492-wptv.txt",
    }
)


def hand_check_files() -> set[str]:
    """The 200 web articles issue 12's hand check runs the pipeline on and samples rows
    from (the first 200 by name less 12s's): blind sets drawn after it leave them out."""
    names = sorted(p.name for p in (SHARED / "hyperpartisan-576/articles").glob("*.txt"))
    return set([n for n in names if n not in BLIND_12S_WEB][:200])


def density(text: str, keywords: re.Pattern[str] = INTERNATIONAL) -> float:
    """Keywords (international ones unless told) per 1,000 words."""
    return 1000 * len(keywords.findall(text)) / max(1, len(text.split()))


def english(text: str) -> bool:
    return sum(text.count(w) for w in (" the ", " and ", " of ")) / max(1, len(text.split())) >= 0.04


def site(path: Path) -> str:
    return re.sub(r"^\d{7}-", "", path.stem)


def draw(
    *,
    web_density: float,
    web_count: int,
    bbc_sections: Sequence[str],
    bbc_count: int,
    seed: int,
    skipped: Collection[str] = (),
    bbc_density: float = 12,
    web_words: tuple[int, int] = (250, 1800),
    web_keywords: re.Pattern[str] = INTERNATIONAL,
) -> list[Path]:
    """The web articles, then the BBC ones, of a blind set."""
    used = names_already_used()
    web = []
    for path in sorted((SHARED / "hyperpartisan-576/articles").glob("*.txt")):
        text = path.read_text(errors="ignore")
        if path.name in used or path.name in skipped:
            continue
        low, high = web_words
        if low <= len(text.split()) <= high and english(text) and density(text, web_keywords) >= web_density:
            web.append(path)
    web.sort(key=lambda p: -density(p.read_text(errors="ignore"), web_keywords))
    picks: list[Path] = []
    sites: set[str] = set()
    for path in web:
        if site(path) not in sites:
            sites.add(site(path))
            picks.append(path)
    bbc = [
        p
        for section in bbc_sections
        for p in sorted((SHARED / f"bbc-news-2095/news/{section}").glob("*.txt"))
        if p.name not in used and density(p.read_text(errors="ignore")) >= bbc_density
    ]
    random.Random(seed).shuffle(bbc)
    dev_gold = set(json.loads((SHARED.parent / "eval/dev-gold.json").read_text())["documents"])
    return picks[:web_count] + [p for p in bbc if p.name not in dev_gold][:bbc_count]


def print_draw(paths: Sequence[Path]) -> None:
    for path in paths:
        print(path, len(path.read_text(errors="ignore").split()))
