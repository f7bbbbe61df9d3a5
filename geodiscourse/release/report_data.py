"""What a release's report and figures show, as small tables computed from its Parquet files.

Every chart of the report and of the data card's figures is drawn from one of these
tables, and each table is printed beside its chart, so a number in a picture can always
be read exactly. Names, not ids, are shown: actors by their ``name``, documents by title.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from geodiscourse.release.read import scan_release

#: Actors in the who-acts-on-whom matrix, and per list of "top" actors.
MATRIX_ACTORS = 12
TOP = 10
#: Rows of each table the report's browser carries (the whole table below this).
BROWSER_ROWS_PER_TABLE = 5000


@dataclass(frozen=True)
class ReportData:
    """The release at a glance and the tables behind each chart."""

    release_id: str
    overview: dict[str, Any]
    events_by_month: pl.DataFrame  # month, event_type, events
    top_actors: pl.DataFrame  # actor, role, events (all types)
    top_actors_by_type: pl.DataFrame  # event_type, role, actor, events
    actor_matrix: pl.DataFrame  # source, target, events (top actors only)
    recommendations_by_addressee: pl.DataFrame  # addressee, recommender, recommendations
    claims_by_claimant: pl.DataFrame  # claimant, claim_type, claims
    browser_rows: list[dict[str, Any]]


def _names(actors: pl.DataFrame) -> pl.DataFrame:
    return actors.select(pl.col("actor_id"), pl.col("name"))


def _named(df: pl.DataFrame, column: str, names: pl.DataFrame, label: str) -> pl.DataFrame:
    """df with the actor name of ``column`` as ``label`` ("(none)" for a null actor)."""
    renamed = names.rename({"actor_id": column, "name": label})
    return df.join(renamed, on=column, how="left").with_columns(pl.col(label).fill_null("(none)"))


def _overview(release: Path, tables: Mapping[str, pl.DataFrame]) -> dict[str, Any]:
    import json

    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    docs, events, rejected = tables["documents"], tables["events"], tables["rejected"]

    def span(column: pl.Series) -> list[str | None]:
        dated = column.drop_nulls()
        return [str(dated.min()), str(dated.max())] if dated.len() else [None, None]

    return {
        "release_id": manifest.get("release_id", release.name),
        "created_at": manifest.get("created_at"),
        "rows": {name: info["rows"] for name, info in manifest.get("tables", {}).items()},
        "documents": docs.height,
        "published": span(docs["published_date"]),
        "documents_dated": int(docs["published_date"].is_not_null().sum()),
        "events_dated": int(events["date_start"].is_not_null().sum()),
        "event_dates": span(events["date_start"]),
        "rejected": [
            {"reason": reason, "files": count}
            for reason, count in rejected.group_by("reason")
            .len()
            .sort(["len", "reason"], descending=[True, False])
            .rows()
        ],
    }


def _events_by_month(events: pl.DataFrame, docs: pl.DataFrame) -> pl.DataFrame:
    """Events per type and month of the event's date, or of its document's publication
    date when the event has none (what the report says it shows)."""
    dated = events.join(docs.select("doc_id", "published_date"), on="doc_id", how="left").with_columns(
        pl.coalesce("date_start", "published_date").dt.truncate("1mo").alias("month")
    )
    return (
        dated.filter(pl.col("month").is_not_null())
        .group_by("month", "event_type")
        .len("events")
        .sort("month", "event_type")
        .with_columns(pl.col("month").dt.strftime("%Y-%m"))
    )


def _top_actors_by_type(events: pl.DataFrame, names: pl.DataFrame) -> pl.DataFrame:
    frames = []
    for role, column in (("source", "source_actor_id"), ("target", "target_actor_id")):
        counted = (
            events.filter(pl.col(column).is_not_null())
            .group_by("event_type", column)
            .len("events")
            .sort(["event_type", "events", column], descending=[False, True, False])
            .group_by("event_type", maintain_order=True)
            .head(3)
        )
        frames.append(
            _named(counted, column, names, "actor").select(
                "event_type", pl.lit(role).alias("role"), "actor", "events"
            )
        )
    return pl.concat(frames).sort(
        ["event_type", "role", "events", "actor"], descending=[False, False, True, False]
    )


def _top_actors(events: pl.DataFrame, names: pl.DataFrame) -> pl.DataFrame:
    frames = []
    for role, column in (("source", "source_actor_id"), ("target", "target_actor_id")):
        counted = events.filter(pl.col(column).is_not_null()).group_by(column).len("events")
        frames.append(
            _named(counted, column, names, "actor").select("actor", pl.lit(role).alias("role"), "events")
        )
    return pl.concat(frames).sort(["events", "actor", "role"], descending=[True, False, False]).head(15)


def _actor_matrix(events: pl.DataFrame, names: pl.DataFrame) -> pl.DataFrame:
    pairs = events.filter(pl.col("source_actor_id").is_not_null() & pl.col("target_actor_id").is_not_null())
    involvement = (
        pl.concat(
            [
                pairs.select(pl.col("source_actor_id").alias("a")),
                pairs.select(pl.col("target_actor_id").alias("a")),
            ]
        )
        .group_by("a")
        .len()
        .sort(["len", "a"], descending=[True, False])
        .head(MATRIX_ACTORS)["a"]
    )
    kept = pairs.filter(
        pl.col("source_actor_id").is_in(involvement.implode())
        & pl.col("target_actor_id").is_in(involvement.implode())
    )
    counted = kept.group_by("source_actor_id", "target_actor_id").len("events")
    counted = _named(_named(counted, "source_actor_id", names, "source"), "target_actor_id", names, "target")
    return counted.select("source", "target", "events").sort(
        ["events", "source", "target"], descending=[True, False, False]
    )


def _top_counts(rows: pl.DataFrame, key: str, split: str, count: str) -> pl.DataFrame:
    """Rows counted per (key, split), for the TOP keys with the most rows in all."""
    counted = rows.group_by(key, split).len(count)
    top = (
        counted.group_by(key)
        .agg(pl.col(count).sum())
        .sort([count, key], descending=[True, False])
        .head(TOP)[key]
    )
    return counted.filter(pl.col(key).is_in(top.implode())).sort(
        [count, key, split], descending=[True, False, False]
    )


def _recommendations(recs: pl.DataFrame, names: pl.DataFrame) -> pl.DataFrame:
    """Recommendations per addressee, split by whether the author or someone reported made them."""
    labelled = _named(recs, "addressee_actor_id", names, "addressee").with_columns(
        pl.col("addressee").replace("(none)", "(no addressee)"),
        pl.when(pl.col("recommender_actor_id").is_null() & pl.col("recommender_text").is_null())
        .then(pl.lit("author"))
        .otherwise(pl.lit("reported"))
        .alias("recommender"),
    )
    return _top_counts(labelled, "addressee", "recommender", "recommendations")


def _claims(claims: pl.DataFrame, names: pl.DataFrame) -> pl.DataFrame:
    labelled = _named(claims, "claimant_actor_id", names, "claimant").with_columns(
        pl.when(pl.col("is_author"))
        .then(pl.lit("(the author)"))
        .when(pl.col("claimant_actor_id").is_null())
        .then(pl.lit("(unresolved speaker)"))
        .otherwise(pl.col("claimant"))
        .alias("claimant")
    )
    return _top_counts(labelled, "claimant", "claim_type", "claims")


def _browser_rows(tables: Mapping[str, pl.DataFrame], names: pl.DataFrame) -> list[dict[str, Any]]:
    """Events, claims and recommendations as the browser shows them: kind, type, actors,
    document, and the sentence with the row's span marked by offsets into it."""
    sentences = tables["sentences"].select(
        "sentence_id", pl.col("char_start").alias("s_start"), pl.col("text").alias("sentence")
    )
    titles = tables["documents"].select("doc_id", pl.coalesce("title", "source_name").alias("document"))
    specs = {
        "event": (tables["events"], "event_type", "source_actor_id", "target_actor_id"),
        "claim": (tables["claims"], "claim_type", "claimant_actor_id", None),
        "recommendation": (
            tables["recommendations"],
            "strength",
            "recommender_actor_id",
            "addressee_actor_id",
        ),
    }
    rows: list[dict[str, Any]] = []
    for kind, (df, type_column, first, second) in specs.items():
        frame = df.head(BROWSER_ROWS_PER_TABLE).join(sentences, on="sentence_id").join(titles, on="doc_id")
        frame = _named(frame, first, names, "actor_1")
        frame = (
            _named(frame, second, names, "actor_2")
            if second
            else frame.with_columns(pl.lit("").alias("actor_2"))
        )
        for row in frame.iter_rows(named=True):
            start = row["char_start"] - row["s_start"]
            rows.append(
                {
                    "kind": kind,
                    "type": row[type_column],
                    "actors": [a for a in (row["actor_1"], row["actor_2"]) if a and a != "(none)"],
                    "document": row["document"],
                    "sentence": row["sentence"],
                    "start": max(0, start),
                    "end": max(0, min(len(row["sentence"]), row["char_end"] - row["s_start"])),
                }
            )
    return rows


def report_data(release: Path, tables: Mapping[str, pl.DataFrame] | None = None) -> ReportData:
    """The report's tables for the release folder ``release``; ``tables`` are its tables
    when the caller holds them already (publishing), else they are read from its files."""
    if tables is None:
        tables = {name: frame.collect() for name, frame in scan_release(release).items()}
    names = _names(tables["actors"])
    overview = _overview(release, tables)
    return ReportData(
        release_id=str(overview["release_id"]),
        overview=overview,
        events_by_month=_events_by_month(tables["events"], tables["documents"]),
        top_actors=_top_actors(tables["events"], names),
        top_actors_by_type=_top_actors_by_type(tables["events"], names),
        actor_matrix=_actor_matrix(tables["events"], names),
        recommendations_by_addressee=_recommendations(tables["recommendations"], names),
        claims_by_claimant=_claims(tables["claims"], names),
        browser_rows=_browser_rows(tables, names),
    )
