#!/usr/bin/env python3
# ruff: noqa
# fmt: off
# A copy of the project's evaluation scorer (../shared/eval/score.py), unchanged below this
# header, kept so tests do not depend on ../shared (a user's clone has none). To refresh:
# copy ../shared/eval/score.py over this file and put this header back after line 1.
"""Score a release's extraction tables against a gold annotation.

    python score.py RELEASE_DIR GOLD.json [--json] [--verbose]

RELEASE_DIR holds the Parquet tables of ../spec/data-contract.md. GOLD.json follows
the format of dev-gold.json (see its "_about"). Only documents named in the gold are
scored. The last line printed is a one-line summary; --json prints a JSON object
instead. Needs polars.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import polars as pl

TABLES = ["documents", "sentences", "actors", "mentions", "events", "claims", "recommendations"]
REQUIRED = {
    "documents": ["doc_id", "source_name", "title", "author", "outlet", "published_date", "clean_text", "cited_urls"],
    "sentences": ["sentence_id", "doc_id", "text"],
    "actors": ["actor_id", "name", "kind", "country"],
    "mentions": ["doc_id", "actor_id", "text"],
    "events": ["doc_id", "sentence_id", "event_type", "source_actor_id", "target_actor_id", "date_start", "modality", "confidence"],
    "claims": ["doc_id", "sentence_id", "text", "is_author", "claimant_actor_id", "claimant_text", "hedged", "quantities", "confidence"],
    "recommendations": ["doc_id", "sentence_id", "text", "recommender_actor_id", "addressee_actor_id", "condition", "confidence"],
}
HONORIFICS = r"^(the |mr\.? |mrs\.? |ms\.? |dr\.? |prof\.? |professor |president |sir |lord |lady )+"
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").translate(QUOTES)).strip().lower()


def surface(text: str | None) -> str:
    """A mention's surface form without leading article/honorific or possessive ending."""
    s = re.sub(HONORIFICS, "", norm(text))
    return re.sub(r"('s|')$", "", s).strip()


def f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def ratio(good: int, total: int) -> float:
    return 1.0 if total == 0 else good / total


class Release:
    def __init__(self, folder: Path):
        missing = [t for t in TABLES if not (folder / f"{t}.parquet").exists()]
        if missing:
            sys.exit(f"score: {folder} lacks {', '.join(m + '.parquet' for m in missing)}")
        self.t = {name: pl.read_parquet(folder / f"{name}.parquet") for name in TABLES}
        for name, cols in REQUIRED.items():
            lacking = [c for c in cols if c not in self.t[name].columns]
            if lacking:
                sys.exit(f"score: {name}.parquet lacks column(s) {', '.join(lacking)} (see data-contract.md)")
        docs = self.t["documents"]
        self.doc_by_name = {Path(n).name: d for n, d in zip(docs["source_name"], docs["doc_id"])}
        self.doc_rows = {d: row for d, row in zip(docs["doc_id"], docs.iter_rows(named=True))}
        sents = self.t["sentences"]
        self.sentence = dict(zip(sents["sentence_id"], sents["text"]))
        self.actor = {row["actor_id"]: row for row in self.t["actors"].iter_rows(named=True)}

    def doc(self, name: str) -> str | None:
        return self.doc_by_name.get(Path(name).name)

    def rows(self, table: str, doc_name: str) -> list[dict]:
        doc_id = self.doc(doc_name)
        if doc_id is None:
            return []
        frame = self.t[table].filter(pl.col("doc_id") == doc_id)
        return list(frame.iter_rows(named=True))

    def sentence_of(self, row: dict) -> str:
        return norm(self.sentence.get(row.get("sentence_id")) or row.get("text") or "")

    def actor_is(self, actor_id: str | None, code: str | None, persons_stand_for_states: bool = True) -> bool:
        """Does actor_id satisfy a gold code (see the gold file's _about)?

        A person satisfies a state code through their country (a leader acting for a
        state), except where persons_stand_for_states is False (mention resolution)."""
        if code == "*":
            return True
        if code is None:
            return actor_id is None
        if "|" in code:
            return any(self.actor_is(actor_id, c, persons_stand_for_states) for c in code.split("|"))
        if code == "nonauthor":
            return actor_id is not None
        if actor_id is None:
            return False
        actor = self.actor.get(actor_id) or {"actor_id": actor_id, "name": actor_id, "kind": None, "country": None}
        name = norm(actor.get("name")) + " " + norm(actor_id).replace("-", " ")
        if code.startswith("person:"):
            _, surname, country = code.split(":")
            return (actor.get("kind") == "person" and re.search(rf"\b{re.escape(surname)}\b", name) is not None
                    and actor.get("country") == country)
        if code.startswith("name:"):
            return re.search(rf"\b{re.escape(code[5:])}\b", name) is not None
        if actor_id == code:
            return True
        if actor.get("kind") == "person":
            return persons_stand_for_states and actor.get("country") == code
        return actor.get("kind") is not None and actor.get("country") == code


def contains(sentence: str, quote: str) -> bool:
    q = norm(quote)
    return q in sentence or (len(sentence) >= 25 and sentence in q)


def score_documents(rel: Release, gold: dict, notes: list[str]) -> float:
    good = total = 0
    for name, g in gold["documents"].items():
        doc_id = rel.doc(name)
        if doc_id is None:
            notes.append(f"documents: {name} is missing")
            total += 5 + len(g["clean_must_not_contain"]) + len(g["clean_count_exactly"])
            continue
        row = rel.doc_rows[doc_id]

        def field_ok(value, accepted, prefix=False) -> bool:
            value = None if value in (None, "") else str(value)
            for a in accepted:
                if a is None and value is None:
                    return True
                if a is not None and value is not None:
                    if (prefix and value.startswith(a)) or (not prefix and norm(a) in norm(value)):
                        return True
            return False

        checks = {
            "title": field_ok(row.get("title"), g["title_contains"]),
            "author": field_ok(row.get("author"), g["author"]),
            "outlet": field_ok(row.get("outlet"), g["outlet"]),
            "published_date": field_ok(row.get("published_date"), g["published"], prefix=True),
            "cited_urls": list(row.get("cited_urls") or []) == g["cited_urls"],
        }
        text = row.get("clean_text") or ""
        for bad in g["clean_must_not_contain"]:
            checks[f"clean_text has no {bad!r}"] = norm(bad) not in norm(text)
        for phrase, count in g["clean_count_exactly"].items():
            checks[f"clean_text has {phrase!r} {count}x"] = norm(text).count(norm(phrase)) == count
        for what, ok in checks.items():
            total += 1
            good += ok
            if not ok:
                notes.append(f"documents: {name}: {what} wrong (got {str(row.get(what.split()[0]))[:80]!r})")
    return ratio(good, total)


def score_mentions(rel: Release, gold: dict, notes: list[str]) -> float:
    good = total = 0
    for name, text, code in gold["mentions"]:
        total += 1
        found = [m for m in rel.rows("mentions", name) if surface(m["text"]) == surface(text)]
        if not found:
            notes.append(f"mentions: {name}: no mention {text!r}")
            continue
        ids = [m["actor_id"] for m in found]
        majority = max(ids, key=ids.count)
        if rel.actor_is(majority, code, persons_stand_for_states=False):
            good += 1
        else:
            notes.append(f"mentions: {name}: {text!r} -> {majority!r}, want {code}")
    for name, text in gold.get("not_state_mentions", []):
        total += 1
        found = [m for m in rel.rows("mentions", name) if surface(m["text"]) == surface(text)]
        wrong = [m["actor_id"] for m in found if (rel.actor.get(m["actor_id"]) or {}).get("kind") == "state"]
        if wrong:
            notes.append(f"mentions: {name}: {text!r} resolved to state {wrong[0]}")
        else:
            good += 1
    return ratio(good, total)


def assign(rows: list[dict], golds: list, quote_of, fits, rel: Release, optional: set[str], name: str,
           notes: list[str], table: str) -> tuple[dict[int, list[dict]], int]:
    """Give each predicted row of one document at most one gold item.

    A row is matched by its own text first, then by its sentence. It takes a gold item
    it fits (fits(row, item), e.g. the same event type) that no row holds yet, else any
    item not yet held; a row that fits an item already held is a harmless duplicate. A
    row left with nothing to hold (a wrong extra row in a gold sentence, or a row in a
    sentence with neither gold nor optional items) is a false positive."""
    hit: dict[int, list[dict]] = {}
    false_pos = 0
    ordered = sorted(rows, key=lambda r: -(r.get("confidence") or 0.0))
    for row in ordered:
        own, sent = norm(row.get("text")), rel.sentence_of(row)
        cands = [i for i, g in enumerate(golds) if contains(own, quote_of(g)) and own] or \
                [i for i, g in enumerate(golds) if contains(sent, quote_of(g))]
        fitting = [i for i in cands if fits(row, golds[i])]
        choice = next((i for i in fitting if i not in hit), None)
        if choice is None:
            choice = next((i for i in cands if i not in hit), None)
        if choice is not None:
            hit.setdefault(choice, []).append(row)
        elif fitting:
            hit[fitting[0]].append(row)  # a second row for an item already held: neither gained nor lost
        elif any(contains(sent, q) for q in optional):
            continue
        else:
            false_pos += 1
            label = row.get("event_type") or ""
            notes.append(f"{table}: {name}: false positive {label}: {sent[:90]!r}")
    return hit, false_pos


def best(rows: list[dict]) -> dict:
    """The row a gold item is judged by: the most confident one that holds it."""
    return max(rows, key=lambda r: r.get("confidence") or 0.0)


def score_recommendations(rel: Release, gold: dict, notes: list[str]) -> tuple[float, dict]:
    g = gold["recommendations"]
    hit: dict[int, list[dict]] = {}
    false_pos = 0
    required_all = [(r[0], r[1], r[2], r[3] if len(r) > 3 else None) for r in g["required"]]
    for name in gold["documents"]:
        idx = [i for i, r in enumerate(required_all) if r[0] == name]
        golds = [required_all[i] for i in idx]
        optional = {q for d, q in g["optional"] if d == name}
        h, fp = assign(rel.rows("recommendations", name), golds, lambda r: r[1], lambda row, r: True,
                       rel, optional, name, notes, "recommendations")
        false_pos += fp
        for local, rows in h.items():
            hit[idx[local]] = rows
    tp = len(hit)
    recall, precision = ratio(tp, len(required_all)), ratio(tp, tp + false_pos)
    fields_good = fields_total = 0
    for i, r in enumerate(required_all):
        name, quote, addressees, recommender = r
        if i not in hit:
            notes.append(f"recommendations: {name}: missed {quote!r}")
            continue
        rec = best(hit[i])
        fields_total += 2
        if any(rel.actor_is(rec.get("addressee_actor_id"), a) for a in addressees):
            fields_good += 1
        else:
            notes.append(f"recommendations: {quote[:50]!r}: addressee {rec.get('addressee_actor_id')!r}, want {addressees}")
        if rel.actor_is(rec.get("recommender_actor_id"), recommender):
            fields_good += 1
        else:
            notes.append(f"recommendations: {quote[:50]!r}: recommender {rec.get('recommender_actor_id')!r}, want {recommender}")
    for name, quote, condition in g.get("conditions", []):
        fields_total += 1
        held = [best(hit[i]) for i, r in enumerate(required_all) if r[:2] == (name, quote) and i in hit]
        if any(norm(condition) in norm(rec.get("condition")) for rec in held):
            fields_good += 1
        else:
            notes.append(f"recommendations: {quote[:50]!r}: condition {condition!r} not found")
    field_acc = ratio(fields_good, fields_total)
    return f1(precision, recall) * field_acc, {"precision": precision, "recall": recall, "fields": field_acc}


def date_ok(event: dict, accepted: list | None) -> bool:
    if accepted is None:
        return True
    value = event.get("date_start")
    value = None if value is None else str(value)
    return any((a is None and value is None) or (a is not None and value is not None and value.startswith(a))
               for a in accepted)


def score_events(rel: Release, gold: dict, notes: list[str]) -> tuple[float, dict]:
    g = gold["events"]
    required = g["required"]
    hit: dict[int, list[dict]] = {}
    false_pos = 0
    for name in gold["documents"]:
        idx = [i for i, e in enumerate(required) if e["doc"] == name]
        golds = [required[i] for i in idx]
        optional = {q for d, q in g["optional_quotes"] if d == name}
        events = rel.rows("events", name)
        asserted = [e for e in events if (e.get("modality") or "asserted") == "asserted"]
        for ev in asserted:
            s = rel.sentence_of(ev)
            if not any(contains(s, e["quote"]) for e in golds) and \
                    any(d == name and contains(s, q) for d, q in g["not_asserted"]):
                notes.append(f"events: {name}: asserted, but is not: {s[:90]!r}")
        h, fp = assign(asserted, golds, lambda e: e["quote"], lambda row, e: row.get("event_type") in e["types"],
                       rel, optional, name, notes, "events")
        false_pos += fp
        for local, rows in h.items():
            hit[idx[local]] = rows
    tp = len(hit)
    recall, precision = ratio(tp, len(required)), ratio(tp, tp + false_pos)
    scores = {"type": 0, "source": 0, "target": 0, "date": 0}
    for i, e in enumerate(required):
        if i not in hit:
            notes.append(f"events: {e['doc']}: missed {e['types'][0]} {e['quote']!r}")
            continue
        typed = [ev for ev in hit[i] if ev.get("event_type") in e["types"]]
        ev = best(typed or hit[i])
        got = {
            "type": ev.get("event_type") in e["types"],
            "source": any(rel.actor_is(ev.get("source_actor_id"), c) for c in e["source"]),
            "target": any(rel.actor_is(ev.get("target_actor_id"), c) for c in e["target"]),
            "date": date_ok(ev, e["date"]),
        }
        for k, ok in got.items():
            scores[k] += ok
        wrong = [k for k, ok in got.items() if not ok]
        if wrong:
            notes.append(f"events: {e['quote'][:50]!r}: wrong {wrong} (got {ev.get('event_type')} "
                         f"{ev.get('source_actor_id')}->{ev.get('target_actor_id')} {ev.get('date_start')})")
    field_acc = {k: ratio(v, tp) for k, v in scores.items()}
    mean_field = sum(field_acc.values()) / len(field_acc)
    return f1(precision, recall) * mean_field, {"precision": precision, "recall": recall, **field_acc}


def score_claims(rel: Release, gold: dict, notes: list[str]) -> float:
    """Each gold item is judged on one claim: the one whose own text holds the quote
    (else whose sentence does), the most confident first."""
    g = gold["claims"]
    good = total = 0

    def claims_for(name: str, quote: str) -> list[dict]:
        rows = rel.rows("claims", name)
        own = [c for c in rows if contains(norm(c.get("text")), quote)]
        return own or [c for c in rows if contains(rel.sentence_of(c), quote)]

    def judged(name: str, quote: str) -> dict | None:
        cs = claims_for(name, quote)
        return best(cs) if cs else None

    def check(ok: bool, note: str) -> None:
        nonlocal good, total
        total += 1
        good += ok
        if not ok:
            notes.append("claims: " + note)

    for name, quote, code in g["attributed"]:
        c = judged(name, quote)
        claimant = None if c is None else (c.get("claimant_actor_id") or ("nonauthor" if c.get("claimant_text") else None))
        check(c is not None and not c.get("is_author") and rel.actor_is(claimant, code),
              f"{quote[:50]!r}: claimant {None if c is None else c.get('claimant_actor_id')!r}, want {code}")
    for name, quote in g["author_claims"]:
        c = judged(name, quote)
        check(c is not None and bool(c.get("is_author")), f"{quote[:50]!r}: no author claim")
    for name, quote, hedged in g["hedged"]:
        c = judged(name, quote)
        check(c is not None and bool(c.get("hedged")) == hedged, f"{quote[:50]!r}: hedged should be {hedged}")
    for name, quote, value in g["quantities"]:
        c = judged(name, quote)
        values = [] if c is None else [q.get("value") for q in (c.get("quantities") or [])]
        check(any(v is not None and abs(v - value) <= 1e-6 * max(1.0, abs(value)) for v in values),
              f"{quote[:50]!r}: quantity {value} not in {values}")
    for name, quote in g["not_claims"]:
        check(not claims_for(name, quote), f"{quote[:50]!r} is not a claim")
    return ratio(good, total)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("release", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list every miss and false positive")
    args = parser.parse_args()
    rel = Release(args.release)
    gold = json.loads(args.gold.read_text())
    notes: list[str] = []
    recs, rec_detail = score_recommendations(rel, gold, notes)
    events, ev_detail = score_events(rel, gold, notes)
    result = {
        "documents": score_documents(rel, gold, notes),
        "mentions": score_mentions(rel, gold, notes),
        "recommendations": recs,
        "events": events,
        "claims": score_claims(rel, gold, notes),
    }
    result["overall"] = sum(result.values()) / len(result)
    detail = {"recommendations": rec_detail, "events": ev_detail}
    if args.json:
        print(json.dumps({"scores": result, "detail": detail, "notes": notes}, indent=2))
        return
    if args.verbose:
        print("\n".join(notes))
    for table, d in detail.items():
        print(table + ": " + " ".join(f"{k}={v:.2f}" for k, v in d.items()))
    print(" ".join(f"{k}={v:.2f}" for k, v in [("overall", result.pop("overall")), *result.items()]))


if __name__ == "__main__":
    main()
