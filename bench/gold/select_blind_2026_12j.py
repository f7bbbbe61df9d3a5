"""How blind set 2026-12j was drawn (run from the repository root at commit 792c076, before
the set itself was committed: later gold sets are excluded from the pool too).

Pool: articles that no earlier gold set, cleaning set, test, bench or doc names. After
nine blind sets the web corpus has few unused articles that name political actors at
all, so this set takes web articles from 1.5 international keywords per 1,000 words,
densest first, one per site, skipping three that report no political act (a film
review, an animal-rescue story, a 2012 football piece). Eight BBC politics and business
articles with >= 12 per 1,000 words are drawn with random.Random(20261209), none of the
dev gold's.

The pool and the draw are bench/gold/blind_pool.py's.

    python bench/gold/select_blind_2026_12j.py
"""

from __future__ import annotations

from blind_pool import draw, print_draw  # the script's own folder is on the path

NO_POLITICAL_ACT = ("0000455-laweekly.txt", "0000245-honesttopaws.txt", "0000296-nfl.txt")

if __name__ == "__main__":
    print_draw(
        draw(
            web_density=1.5,
            web_count=8,
            bbc_sections=("politics", "business"),
            bbc_count=8,
            seed=20261209,
            skipped=NO_POLITICAL_ACT,
        )
    )
