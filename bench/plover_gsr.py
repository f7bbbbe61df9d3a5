"""Sentence-level benchmark on PLOVER's gold-standard records (GSR).

Each record is one news sentence reporting one event, labelled with a PLOVER type and
its source and target actor codes. The sentence is parsed and extracted on its own, as
a document with no publication date and no cleaning (a one-line text must not lose its
only line as a headline), and the sentence's predicted type is that of its event row
highest in the parse (the main clause's event; then the most confident), whatever its modality ("agreed to meet" is labelled AGREE whether
or not the meeting happens). The labels follow PLOVER 0.5; they are mapped to the
current 16 types as the codebook's history does: DEMAND is REQUEST, DISAPPROVE and
INVESTIGATE are ACCUSE, FIGHT is ASSAULT; DOCUMENT records document the file and are
skipped.

It prints, per type, precision, recall and F1 of the predicted type against the label,
their macro average over the types present in the gold, coverage (the share of
sentences with any event row), and, over the sentences typed right, how often the
source and target actor matches a labelled code. The codes match an actor whose id or
country is the code (a person stands for their state), or any IGO or bloc for the
generic code ``IGO``.

    python bench/plover_gsr.py [--gsr FILE] [--errors] [--json OUT]

Any file in the GSR's JSON format can be scored the same way (``--gsr``).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_GSR = HERE.parents[1] / "shared/reference/plover/PLOVER_GSR_CAMEO.txt"
#: PLOVER 0.5 labels of the GSR mapped to the current types.
LABEL_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
SKIPPED_LABELS = frozenset({"DOCUMENT"})
#: GSR country codes that are not ISO 3166 alpha-3 (left from CAMEO).
CODE_ALIASES = {"JAP": "JPN", "UK": "GBR", "GER": "DEU"}
IGO_KINDS = frozenset({"igo", "bloc"})


@dataclass
class Record:
    record_id: str
    text: str
    label: str
    sources: list[str]
    targets: list[str]


@dataclass
class Outcome:
    record: Record
    predicted: str | None
    source_ok: bool | None = None
    target_ok: bool | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)


def _codes(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    out = []
    for actor in value:
        if isinstance(actor, dict) and actor.get("code"):
            code = str(actor["code"]).upper()
            out.append(CODE_ALIASES.get(code, code))
    return out


def load_records(path: Path) -> list[Record]:
    records = []
    for raw in json.loads(path.read_text(encoding="utf-8")):
        label = str(raw.get("event", "")).upper()
        if label in SKIPPED_LABELS or not raw.get("text"):
            continue
        records.append(
            Record(
                record_id=str(raw.get("id", len(records))),
                text=str(raw["text"]),
                label=LABEL_MAP.get(label, label),
                sources=_codes(raw.get("source")),
                targets=_codes(raw.get("target")),
            )
        )
    return records


def _actor_matches(actor_id: str | None, codes: list[str], actors: dict[str, dict[str, Any]]) -> bool:
    if not codes:
        return actor_id is None
    if actor_id is None:
        return False
    actor = actors.get(actor_id, {})
    ids = {actor_id.upper(), str(actor.get("country") or "").upper()}
    if actor.get("kind") in IGO_KINDS:
        ids.add("IGO")
    return bool(ids & set(codes))


def _depth(doc: Any, event: dict[str, Any]) -> int:
    """How far below the sentence's root the event's trigger sits (its shallowest
    token): the sentence's own event is the one its main clause reports."""
    depths = []
    for token in doc:
        if event["char_start"] <= token.idx < event["char_end"]:
            depth, node = 0, token
            while node.head.i != node.i and depth < 50:
                node, depth = node.head, depth + 1
            depths.append(depth)
    return min(depths, default=99)


def run(records: list[Record]) -> list[Outcome]:
    from geodiscourse.extract.document import extract_document
    from geodiscourse.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    outcomes = []
    docs = nlp.pipe((r.text for r in records), batch_size=64)
    for record, doc in zip(records, docs, strict=True):
        tables = extract_document(f"gsr-{record.record_id}", doc, None)
        events = tables["events"]
        actors = {a["actor_id"]: a for a in tables["actors"]}
        if not events:
            outcomes.append(Outcome(record, None))
            continue
        best = min(events, key=lambda e: (_depth(doc, e), -e["confidence"], e["char_start"]))
        outcome = Outcome(record, best["event_type"], rows=events)
        if best["event_type"] == record.label:
            outcome.source_ok = _actor_matches(best["source_actor_id"], record.sources, actors)
            outcome.target_ok = _actor_matches(best["target_actor_id"], record.targets, actors)
        outcomes.append(outcome)
    return outcomes


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def summarise(outcomes: list[Outcome]) -> dict[str, Any]:
    labels = sorted({o.record.label for o in outcomes})
    per_type: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for o in outcomes if o.record.label == label and o.predicted == label)
        fp = sum(1 for o in outcomes if o.record.label != label and o.predicted == label)
        fn = sum(1 for o in outcomes if o.record.label == label and o.predicted != label)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        per_type[label] = {"n": tp + fn, "precision": p, "recall": r, "f1": _f1(p, r)}
    typed = [o for o in outcomes if o.source_ok is not None]
    return {
        "sentences": len(outcomes),
        "per_type": per_type,
        "macro_f1": sum(t["f1"] for t in per_type.values()) / len(per_type) if per_type else 0.0,
        "accuracy": sum(o.predicted == o.record.label for o in outcomes) / len(outcomes),
        "coverage": sum(o.predicted is not None for o in outcomes) / len(outcomes),
        "typed_right": len(typed),
        "source_accuracy": sum(bool(o.source_ok) for o in typed) / len(typed) if typed else 0.0,
        "target_accuracy": sum(bool(o.target_ok) for o in typed) / len(typed) if typed else 0.0,
    }


def print_summary(summary: dict[str, Any], source: Path) -> None:
    print(f"gold: {source} ({summary['sentences']} sentences)")
    print(f"{'type':<10} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for label, t in summary["per_type"].items():
        print(f"{label:<10} {t['n']:>4} {t['precision']:>6.2f} {t['recall']:>6.2f} {t['f1']:>6.2f}")
    print(
        f"macro-F1 {summary['macro_f1']:.2f}  accuracy {summary['accuracy']:.2f}  "
        f"coverage {summary['coverage']:.2f}"
    )
    print(
        f"actors, over the {summary['typed_right']} sentences typed right: "
        f"source {summary['source_accuracy']:.2f}  target {summary['target_accuracy']:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gsr", type=Path, default=DEFAULT_GSR, help="a file in the GSR's JSON format")
    parser.add_argument("--errors", action="store_true", help="list every sentence typed wrong or missed")
    parser.add_argument("--json", type=Path, help="also write the summary and outcomes as JSON here")
    args = parser.parse_args()
    if not args.gsr.is_file():
        sys.exit(
            f"no GSR file at {args.gsr}: pass --gsr (the PLOVER reference is in ../shared/reference/plover/)"
        )
    records = load_records(args.gsr)
    outcomes = run(records)
    summary = summarise(outcomes)
    if args.errors:
        for o in outcomes:
            if o.predicted != o.record.label:
                got = ", ".join(f"{e['event_type']}:{e['trigger']!r}" for e in o.rows) or "-"
                print(f"{o.record.label:<9} got {got}  | {o.record.text}")
        print()
    print_summary(summary, args.gsr)
    if args.json:
        detail = [
            {"id": o.record.record_id, "label": o.record.label, "predicted": o.predicted} for o in outcomes
        ]
        args.json.write_text(json.dumps({"summary": summary, "outcomes": detail}, indent=2) + "\n")


if __name__ == "__main__":
    main()
