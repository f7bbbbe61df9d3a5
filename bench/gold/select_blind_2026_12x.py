"""How blind set 2026-12x was drawn (run from the repository root at commit 7750347, before
the set itself was committed: later gold sets are excluded from the pool too).

Pool: articles that no earlier gold set, cleaning set, test, bench or doc names. The web
articles naming international actors are used up (one is left), so this set takes the
eight web articles of 150-2,000 words densest in words of US domestic politics and law
(Trump, Congress, FBI, police, court, arrest, election ...: blind_pool.DOMESTIC), one per
site (the next eight after 2026-12w's, which the pool now excludes), none of the 200 files
issue 12's hand check ran the pipeline on and sampled rows from (the first 200 by name
less 12s's); and ten BBC politics, business and technology articles at >= 4
international keywords per 1,000, drawn with random.Random(20261220), none of the dev
gold's. Technology is a section only 2026-12t and 2026-12u drew from before.

    python bench/gold/select_blind_2026_12v.py
"""

from __future__ import annotations

from blind_pool import DOMESTIC, draw, hand_check_files, print_draw  # the script's own folder is on the path

if __name__ == "__main__":
    print_draw(
        draw(
            web_density=0,
            web_count=8,
            web_words=(150, 2000),
            web_keywords=DOMESTIC,
            bbc_sections=("politics", "business", "tech"),
            bbc_count=10,
            bbc_density=4,
            seed=20261220,
            skipped=hand_check_files(),
        )
    )
