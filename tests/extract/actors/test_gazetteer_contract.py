"""Every actor the gazetteer can produce already satisfies the actors table's contract,
so a new entry can never make a release fail validation at publish time."""

from __future__ import annotations

from geodiscourse.core.tables import frame
from geodiscourse.extract.actors.lexicon import load_lexicon
from geodiscourse.schemas.actors import ActorsSchema


def test_every_gazetteer_actor_passes_the_actors_schema() -> None:
    rows = [
        {"actor_id": a.actor_id, "name": a.name, "kind": a.kind, "country": a.country, "sector": a.sector}
        for a in load_lexicon().actors.values()
    ]
    assert len(rows) > 300
    ActorsSchema.validate(frame("actors", rows), lazy=True)
    assert frame("actors", rows)["actor_id"].is_unique().all()
