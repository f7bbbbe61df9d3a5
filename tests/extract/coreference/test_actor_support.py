"""The invariant coreference exists for: every actor an event, claim or recommendation
names has a mention row with that id in the same document.

Built end to end (``build_tables``) on the seed articles and the second dev set, so
that a rule resolving an actor outside the shared context (an extractor's own pronoun
memory, a private copy of the mentions) shows up here.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from geodiscourse.release.actor_support import actor_support_failures, actor_support_shares
from geodiscourse.run.batches import build_tables
from tests.paths import REPO, SEEDS

FOLDERS = {"seeds": SEEDS, "second_dev_set": REPO / "tests" / "second_dev_set" / "articles"}


@pytest.fixture(scope="module", params=sorted(FOLDERS))
def tables(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, pl.DataFrame]:
    folder: Path = FOLDERS[request.param]
    built, _, _ = build_tables(folder, tmp_path_factory.mktemp(f"{request.param}-work"))
    return built


@pytest.mark.slow
def test_every_named_actor_is_mentioned_in_its_document(tables: dict[str, pl.DataFrame]) -> None:
    failures = actor_support_failures(tables)
    assert not failures, "\n".join(f"{f.headline()}: {f.examples}" for f in failures)


@pytest.mark.slow
def test_the_check_sees_the_actor_columns(tables: dict[str, pl.DataFrame]) -> None:
    """The articles name actors in every column the check reads, so it checks something."""
    shares = actor_support_shares(tables)
    assert sorted(shares) == [
        "claims.claimant_actor_id",
        "events.source_actor_id",
        "events.target_actor_id",
        "recommendations.addressee_actor_id",
        "recommendations.recommender_actor_id",
    ]
    assert all(named > 0 for named, _, _ in shares.values()), shares


@pytest.mark.slow
def test_resolved_pronouns_have_mention_rows(tables: dict[str, pl.DataFrame]) -> None:
    """Pronouns standing for states and bodies ("it said", "its plan") are mention rows,
    not only a private decision of one extractor."""
    actors = tables["actors"].select("actor_id", "kind").unique("actor_id")
    pronouns = tables["mentions"].filter(pl.col("method") == "pronoun").join(actors, on="actor_id")
    assert pronouns.filter(pl.col("kind") != "person").height > 0
