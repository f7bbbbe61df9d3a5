"""How blind set 2026-12h was drawn (run from the repository root at commit 9ff8a29, before
the set itself was committed: later gold sets are excluded from the pool too).

Pool: articles that no earlier gold set, cleaning set, test, bench or doc names. The web
corpus is nearly used up for international affairs (after seven blind sets only six
unused articles reach 6 international keywords per 1,000 words), so this set takes ten
web articles and six BBC ones instead of twelve and four. Web articles: English,
250-1,800 words, >= 5.4 international keywords per 1,000 words, one per site, densest
first. BBC: politics and business articles with >= 12 per 1,000 words, six drawn with
random.Random(20261207), none of the dev gold's.

The pool and the draw are bench/gold/blind_pool.py's.

    python bench/gold/select_blind_2026_12h.py
"""

from __future__ import annotations

from blind_pool import draw, print_draw  # the script's own folder is on the path

if __name__ == "__main__":
    print_draw(
        draw(web_density=5.4, web_count=10, bbc_sections=("politics", "business"), bbc_count=6, seed=20261207)
    )
