"""How blind set 2026-12k was drawn (run from the repository root at commit e0f7f1c, before
the set itself was committed: later gold sets are excluded from the pool too).

Pool: articles that no earlier gold set, cleaning set, test, bench or doc names. After
ten blind sets the web corpus's unused articles rarely name international actors, so
this set takes web articles from 0.8 international keywords per 1,000 words, densest
first, one per site, skipping the four that report no political act (a film review, an
animal-rescue story, a 2012 football piece, a listicle of fictional countries). Eight
BBC politics and business articles with >= 12 per 1,000 words are drawn with
random.Random(20261210), none of the dev gold's.

The pool and the draw are bench/gold/blind_pool.py's.

    python bench/gold/select_blind_2026_12k.py
"""

from __future__ import annotations

from blind_pool import draw, print_draw  # the script's own folder is on the path

NO_POLITICAL_ACT = (
    "0000455-laweekly.txt",
    "0000245-honesttopaws.txt",
    "0000296-nfl.txt",
    "0000506-wearethemighty.txt",
)

if __name__ == "__main__":
    print_draw(
        draw(
            web_density=0.8,
            web_count=8,
            bbc_sections=("politics", "business"),
            bbc_count=8,
            seed=20261210,
            skipped=NO_POLITICAL_ACT,
        )
    )
