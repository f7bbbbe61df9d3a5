"""How blind set 2026-12g was drawn (run from the repository root at commit 4a81bc5, before
the set itself was committed: later gold sets are excluded from the pool too).

Pool: articles that no earlier gold set, cleaning set, test, bench or doc names. Web
articles: English, 250-1,800 words, >= 9 international keywords per 1,000 words, one per
site, densest first; topics off international affairs (NFL protest, Ghanaian party
politics) skipped by hand. BBC: politics articles with >= 12 per 1,000 words, four drawn
with random.Random(20261209), none of the dev gold's.

The pool and the draw are bench/gold/blind_pool.py's.

    python bench/gold/select_blind_2026_12g.py
"""

from __future__ import annotations

from blind_pool import draw, print_draw  # the script's own folder is on the path

if __name__ == "__main__":
    print_draw(
        draw(
            web_density=9,
            web_count=12,
            bbc_sections=("politics",),
            bbc_count=4,
            seed=20261209,
            skipped={"0000066-ghanaweb.txt", "0000003-redcuprebellion.txt"},  # off the topic
        )
    )
