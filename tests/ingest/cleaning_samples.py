"""Article text shared by the cleaning tests: prose paragraphs and the seed articles.

Furniture tests put these paragraphs around the lines they expect dropped; property
tests build random pages from them.
"""

from __future__ import annotations

from geodiscourse.ingest.cleaning import CleanedArticle, clean_article
from tests.paths import SEEDS

PROSE_1 = (
    "Moscow has long seen itself as a great power whose interests must be respected by its "
    "neighbours and by the West, officials in the Kremlin said on Tuesday."
)
PROSE_2 = (
    "The European Union agreed on Monday to extend its sanctions for another six months, "
    "diplomats said, despite objections from Hungary and Slovakia."
)
BODY_PARAGRAPH = (
    "The buildup is leading to alarm. To be sure, this is an opportune time for Russia to raise the "
    "stakes in Ukraine. Washington's focus has shifted to China."
)


def seed(name_prefix: str) -> CleanedArticle:
    """The cleaned seed article whose file name starts with the prefix."""
    (path,) = SEEDS.glob(f"{name_prefix}_*.txt")
    return clean_article(path.read_text(encoding="utf-8"))


def assert_well_formed(clean_text: str) -> None:
    """Paragraphs separated by one blank line, no surrounding space on any line."""
    assert clean_text == clean_text.strip()
    assert "\n\n\n" not in clean_text
    for line in clean_text.split("\n"):
        assert line == line.strip()
    for paragraph in clean_text.split("\n\n"):
        assert paragraph.strip()
