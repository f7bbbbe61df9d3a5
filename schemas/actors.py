"""The actors table: one row per canonical actor named anywhere in the release."""

from __future__ import annotations

import pandera.polars as pa

ACTOR_KINDS = ["state", "igo", "bloc", "person", "organization", "group", "region", "media", "other"]
#: Sectors, PLOVER/Phoenix-style (geodiscourse/rules/actors/sectors.yaml holds the same list,
#: checked by tests/rules).
SECTORS = [
    "government",
    "legislature",
    "judiciary",
    "military",
    "police",
    "intelligence",
    "party",
    "opposition",
    "rebel",
    "armed_group",
    "criminal",
    "business",
    "media",
    "ngo",
    "igo",
    "religious",
    "education",
    "health",
    "labour",
    "agriculture",
    "civilian",
    "refugee",
    "environment",
    "elite",
]


class ActorsSchema(pa.DataFrameModel):
    """Canonical actors: ISO3 states, bloc acronyms, person and organisation slugs."""

    actor_id: str = pa.Field(
        unique=True,
        str_matches=r"^([A-Z][A-Z0-9]{1,19}|[a-z0-9]+(-[a-z0-9]+)*)$",
        description="ISO3 for a state, upper-case acronym for an IGO or bloc (WEST for the West), lower-case slug otherwise.",
    )
    name: str = pa.Field(description="Canonical name ('Russia', 'Vladimir Putin').")
    kind: str = pa.Field(isin=ACTOR_KINDS, description="One of " + ", ".join(ACTOR_KINDS) + ".")
    country: str = pa.Field(
        nullable=True,
        str_matches=r"^[A-Z]{3}$",
        description="ISO3 of the actor's state (a state's own code; a person's state); null for IGOs and blocs.",
    )

    sector: str = pa.Field(
        nullable=True,
        isin=SECTORS,
        description="The actor's sector where the text (a person's title) or a dictionary (Phoenix, the US "
        "Congress) says: one of " + ", ".join(SECTORS) + "; null where neither says.",
    )

    class Config:
        strict = True
        coerce = False
