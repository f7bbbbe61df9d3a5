"""How blind set 2026-12q was drawn (run from the repository root at commit 9bc7c47, before
the set itself was committed: later gold sets are excluded from the pool too).

Pool: articles that no earlier gold set, cleaning set, test, bench or doc names. Only four
unused web sites were left at 0.8 international keywords per 1,000 words, so this set
takes every unused web article from 0.3, one per site, nothing skipped (seven: op-eds on
Trump, a fact check, a meme explainer, a celebrity interview), and eight BBC politics
and business articles with >= 12 per 1,000 words drawn with random.Random(20261212),
none of the dev gold's.

The pool and the draw are bench/gold/blind_pool.py's.

    python bench/gold/select_blind_2026_12q.py
"""

from __future__ import annotations

from blind_pool import draw, print_draw  # the script's own folder is on the path

if __name__ == "__main__":
    print_draw(
        draw(
            web_density=0.3,
            web_count=8,
            bbc_sections=("politics", "business"),
            bbc_count=8,
            seed=20261212,
        )
    )
