"""How blind set 2026-12r was drawn (run from the repository root at commit 9205757, before
the set itself was committed: later gold sets are excluded from the pool too).

Pool: articles that no earlier gold set, cleaning set, test, bench or doc names. The long
international web articles are used up (12q took the last seven at 0.3 keywords per 1,000
words), so this set widens the length range to 120-2,500 words and takes the eight densest
unused web articles at >= 7 international keywords per 1,000, one per site (short news
items, a satire, a fact-check list, a meme explainer), and ten BBC politics and business
articles at >= 6 per 1,000 drawn with random.Random(20261214), none of the dev gold's.

The pool and the draw are bench/gold/blind_pool.py's.

    python bench/gold/select_blind_2026_12r.py
"""

from __future__ import annotations

from blind_pool import draw, print_draw  # the script's own folder is on the path

if __name__ == "__main__":
    print_draw(
        draw(
            web_density=7,
            web_count=8,
            web_words=(120, 2500),
            bbc_sections=("politics", "business"),
            bbc_count=10,
            bbc_density=6,
            seed=20261214,
        )
    )
