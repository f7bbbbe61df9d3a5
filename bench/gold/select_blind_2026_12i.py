"""How blind set 2026-12i was drawn (run from the repository root at commit 63c3361, before
the set itself was committed: later gold sets are excluded from the pool too).

Pool: articles that no earlier gold set, cleaning set, test, bench or doc names. After
eight blind sets the web corpus has no unused article with 5 international keywords per
1,000 words that is about politics, so this set lowers the threshold to 3.9 and takes
what the pipeline must also handle: US domestic politics and opinion from eight sites.
Two articles above the threshold are skipped because they report no political act at
all (plastic-bottle statistics, a climate-science blog post). Web articles: English,
250-1,800 words, one per site, densest first. BBC: politics and business articles with
>= 12 per 1,000 words, eight drawn with random.Random(20261208), none of the dev gold's.

The pool and the draw are bench/gold/blind_pool.py's.

    python bench/gold/select_blind_2026_12i.py
"""

from __future__ import annotations

from blind_pool import draw, print_draw  # the script's own folder is on the path

NO_POLITICAL_ACT = ("0000150-trueactivist.txt", "0000064-ace.txt")

if __name__ == "__main__":
    print_draw(
        draw(
            web_density=3.9,
            web_count=8,
            bbc_sections=("politics", "business"),
            bbc_count=8,
            seed=20261208,
            skipped=NO_POLITICAL_ACT,
        )
    )
