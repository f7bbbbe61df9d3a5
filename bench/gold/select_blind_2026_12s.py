"""How blind set 2026-12s was drawn (run from the repository root at commit 6c98f55, before
the set itself was committed: later gold sets are excluded from the pool too).

Pool: articles that no earlier gold set, cleaning set, test, bench or doc names. After
12r only short web articles naming international actors rarely are left, so this set takes
the eight densest unused web articles of 120-2,500 words at >= 4 international keywords
per 1,000, one per site (local news and short posts: a genre no earlier set held), and ten
BBC politics and business articles at >= 6 per 1,000 drawn with random.Random(20261215),
none of the dev gold's.

The pool and the draw are bench/gold/blind_pool.py's.

    python bench/gold/select_blind_2026_12s.py
"""

from __future__ import annotations

from blind_pool import draw, print_draw  # the script's own folder is on the path

if __name__ == "__main__":
    print_draw(
        draw(
            web_density=4,
            web_count=8,
            web_words=(120, 2500),
            bbc_sections=("politics", "business"),
            bbc_count=10,
            bbc_density=6,
            seed=20261215,
        )
    )
