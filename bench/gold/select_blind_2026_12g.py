"""How blind set 2026-12g was drawn (run from the repository root at commit 4a81bc5, before
the set itself was committed: later gold sets are excluded from the pool too).

Pool: articles that no earlier gold set, cleaning set, test, bench or doc names. Web
articles: English, 250-1,800 words, >= 9 international keywords per 1,000 words, one per
site, densest first; topics off international affairs (NFL protest, Ghanaian party
politics) skipped by hand. BBC: politics articles with >= 12 per 1,000 words, four drawn
with random.Random(20261209).
"""
import glob, random, re
from pathlib import Path
SHARED = Path(__file__).resolve().parents[3] / "shared/corpora"  # ../shared beside the clone
SKIP = {"0000066-ghanaweb.txt", "0000003-redcuprebellion.txt"}
used = set()
for f in glob.glob("tests/**/*", recursive=True) + glob.glob("bench/**/*", recursive=True) + glob.glob("docs/**/*", recursive=True) + ["README.md"]:
    p = Path(f)
    if p.is_file() and p.suffix in {".json", ".md", ".py", ".csv", ".txt", ".yaml"}:
        used.update(re.findall(r"[\w\-]+\.txt", p.read_text(errors="ignore")))
KEY = re.compile(r"\b(war|sanction\w*|troops|embass\w*|Russia\w*|China|Chinese|Iran\w*|Israel\w*|Ukrain\w*|Syria\w*|North Korea\w*|NATO|United Nations|diplomat\w*|missile\w*|treaty|military|Saudi\w*|Turkey|Afghan\w*|Iraq\w*|Palestin\w*|Kremlin|Beijing|Moscow|Tehran|Pyongyang)\b")
def density(t): return 1000 * len(KEY.findall(t)) / max(1, len(t.split()))
def english(t): return sum(t.count(x) for x in (" the ", " and ", " of ")) / max(1, len(t.split())) >= 0.04
def site(p): return re.sub(r"^\d{7}-", "", p.stem)
web = []
for p in sorted((SHARED / "hyperpartisan-576/articles").glob("*.txt")):
    t = p.read_text(errors="ignore")
    if p.name not in used and p.name not in SKIP and 250 <= len(t.split()) <= 1800 and english(t) and density(t) >= 9:
        web.append(p)
web.sort(key=lambda p: -density(p.read_text(errors="ignore")))
picks, sites = [], set()
for p in web:
    if site(p) not in sites:
        sites.add(site(p)); picks.append(p)
picks = picks[:12]
bbc = [p for p in sorted((SHARED / "bbc-news-2095/news/politics").glob("*.txt"))
       if p.name not in used and density(p.read_text(errors="ignore")) >= 12]
random.Random(20261209).shuffle(bbc)
picks += bbc[:4]
for p in picks: print(p, len(p.read_text(errors="ignore").split()))
