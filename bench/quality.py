"""Measure the current code on the project's gold sets and write what every release publishes.

Runs the pipeline (without Prefect) on each gold set's raw articles, scores the tables
with the project's copy of the evaluation scorer (`tests/second_dev_set/score.py`, the
same as `../shared/eval/score.py`), and writes `geodiscourse/rules/quality/measured.json`:
per set and table the score, precision and recall where the scorer gives them, the
set's size and kind (dev: rules were tuned on it; blind: scored once, then dev), with
the date and commit. Every release copies the file and its data card shows it.

    .venv/bin/python bench/quality.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import datetime
import glob
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from geodiscourse.run.batches import build_tables

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "geodiscourse/rules/quality/measured.json"
SCORER = REPO / "tests/second_dev_set/score.py"

#: (name, kind, gold file relative to the repository or to --shared, what the set is)
SETS = (
    ("dev gold", "dev", "eval/dev-gold.json", "5 BBC politics articles"),
    ("second dev set", "dev", "tests/second_dev_set/gold.json", "5 BBC articles"),
    (
        "blind-2026-12c",
        "blind (scored once in issue 11, dev since)",
        "tests/blind_set_2026_12c/gold.json",
        "16 articles: 12 web (mostly US politics), 4 BBC; events only",
    ),
    (
        "blind-2026-12d",
        "blind (scored once in issue 12, dev since)",
        "tests/blind_set_2026_12d/gold.json",
        "16 articles: 12 web (US politics, tweets, op-eds), 4 BBC; no events",
    ),
    (
        "blind-2026-12e",
        "blind (scored once in issue 11's third round, dev since)",
        "tests/blind_set_2026_12e/gold.json",
        "16 articles: 12 web (US politics, entertainment, opinion), 4 BBC; all tables",
    ),
    (
        "blind-2026-12f",
        "blind (scored once after 2026-12e, for issue 14's reliability table; dev since)",
        "tests/blind_set_2026_12f/gold.json",
        "16 articles: 12 web naming international actors, 4 BBC business on foreign affairs; all tables",
    ),
    (
        "blind-2026-12g",
        "blind (scored once at the end of issue 11's fourth round, dev since)",
        "tests/blind_set_2026_12g/gold.json",
        "16 articles: 12 web from 12 sites (US politics and foreign policy), 4 BBC politics on foreign affairs; all tables",
    ),
    (
        "blind-2026-12h",
        "blind (scored once at the end of issue 11's fifth round, dev since)",
        "tests/blind_set_2026_12h/gold.json",
        "16 articles: 10 web from 10 sites (US politics, Russia, energy), 6 BBC politics and business; all tables",
    ),
    (
        "blind-2026-12i",
        "blind (scored once at the end of issue 11's sixth round, dev since)",
        "tests/blind_set_2026_12i/gold.json",
        "16 articles: 8 web from 8 sites (US politics and opinion), 8 BBC business and politics; all tables",
    ),
    (
        "blind-2026-12j",
        "blind (scored once at the end of issue 11's seventh round, dev since)",
        "tests/blind_set_2026_12j/gold.json",
        "16 articles: 8 web from 8 sites (US politics, opinion, a transcript), 8 BBC business and politics; all tables",
    ),
    (
        "blind-2026-12k",
        "blind (scored once at the end of issue 11's eighth round, dev since)",
        "tests/blind_set_2026_12k/gold.json",
        "16 articles: 8 web from 8 sites (opinion, local politics, a fact check, a satire), 8 BBC business; all tables",
    ),
    (
        "blind-2026-12l",
        "blind (scored once at the end of issue 11's ninth round, dev since)",
        "tests/blind_set_2026_12l/gold.json",
        "16 articles: 8 web from 8 sites (an FBI explainer, a takedown, op-eds, a rally), 8 BBC business and politics; all tables",
    ),
    (
        "blind-2026-12m",
        "blind (scored once at the end of issue 11's tenth round, dev since)",
        "tests/blind_set_2026_12m/gold.json",
        "16 articles: 8 web from 8 sites (media criticism, op-eds, a fact check, an interview), 8 BBC politics and business; all tables",
    ),
    (
        "blind-2026-12n",
        "blind (scored once at the end of issue 11's eleventh round, dev since)",
        "tests/blind_set_2026_12n/gold.json",
        "16 articles: 8 web from 8 sites (a judicial nominee, anthem protests, a fact check, a web host's ban), 8 BBC politics and business; all tables",
    ),
    (
        "blind-2026-12o",
        "blind (scored once at the end of issue 11's twelfth round, dev since)",
        "tests/blind_set_2026_12o/gold.json",
        "16 articles: 8 web from 8 sites (a headline page, op-eds, a shooting, a TV interview, a feud), 8 BBC business; all tables",
    ),
    (
        "blind-2026-12p",
        "blind (scored once at the end of issue 11's thirteenth round, dev since)",
        "tests/blind_set_2026_12p/gold.json",
        "16 articles: 8 web from 8 sites (US election commentary, leaked e-mails, a TV transcript, a sports column), 8 BBC business and politics; all tables",
    ),
    (
        "blind-2026-12q",
        "blind (scored once at the end of issue 11's fourteenth round, dev since)",
        "tests/blind_set_2026_12q/gold.json",
        "15 articles: 7 web from 7 sites (op-eds, a fact check, a meme explainer, an interview), 8 BBC business and politics; all tables",
    ),
    (
        "blind-2026-12r",
        "blind (scored once at the end of issue 11's fifteenth round, dev since)",
        "tests/blind_set_2026_12r/gold.json",
        "18 articles: 8 short web from 8 sites (a satire, a fact-check list, news items, a meme explainer), 10 BBC business and politics; all tables",
    ),
    (
        "blind-2026-12s",
        "blind (scored once at the end of issue 11's sixteenth round, dev since)",
        "tests/blind_set_2026_12s/gold.json",
        "18 articles: 8 short web from 8 sites (local news and short posts), 10 BBC politics and business; all tables",
    ),
    (
        "blind-2026-12t",
        "blind (scored once at the end of issue 11's seventeenth round, dev since)",
        "tests/blind_set_2026_12t/gold.json",
        "18 articles: 8 web from 8 sites (US domestic politics), 10 BBC politics, business and technology; all tables",
    ),
    (
        "blind-2026-12u",
        "blind (scored once at the end of issue 11's eighteenth round, dev since)",
        "tests/blind_set_2026_12u/gold.json",
        "18 articles: 8 web from 8 sites (US domestic politics), 10 BBC technology, business and politics; all tables",
    ),
    (
        "blind-2026-12v",
        "blind (scored once at the end of issue 11's nineteenth round, dev since)",
        "tests/blind_set_2026_12v/gold.json",
        "18 articles: 8 web from 8 sites (US domestic politics), 10 BBC business, technology and politics; all tables",
    ),
    (
        "blind-2026-12w",
        "blind (scored once at the end of issue 11's twenty-first round, dev since)",
        "tests/blind_set_2026_12w/gold.json",
        "18 articles: 8 web from 8 sites (US domestic politics), 10 BBC business, politics and technology; all tables",
    ),
    (
        "blind-2026-12x",
        "blind (scored once at the end of issue 11's twenty-second round; the latest blind figures)",
        "tests/blind_set_2026_12x/gold.json",
        "18 articles: 8 web from 8 sites (US domestic politics), 10 BBC politics and business; all tables",
    ),
)


def _raw_file(shared: Path, name: str) -> Path:
    found = glob.glob(str(shared / "corpora/hyperpartisan-576/articles" / name)) + glob.glob(
        str(shared / "corpora/bbc-news-2095/news/*" / name)
    )
    if not found:
        raise FileNotFoundError(f"raw article {name} is in neither corpus under {shared}/corpora")
    return Path(found[0])


def _annotated(part: Any) -> bool:
    """Whether a gold set annotates a table: a non-empty list, or a mapping of lists
    ({"required": [...], "optional": [...]}) with any item."""
    if isinstance(part, dict):
        return any(bool(v) for v in part.values())
    return bool(part)


def measure(gold_path: Path, shared: Path) -> dict[str, Any]:
    """Scores of the current code on one gold set."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="geodiscourse-quality-") as tmp:
        raw, work, out = Path(tmp) / "raw", Path(tmp) / "work", Path(tmp) / "out"
        raw.mkdir()
        out.mkdir()
        for name in gold["documents"]:
            shutil.copy(_raw_file(shared, name), raw / name)
        tables, _, _ = build_tables(raw, work)
        for table, df in tables.items():
            df.write_parquet(out / f"{table}.parquet")
        done = subprocess.run(
            [sys.executable, str(SCORER), str(out), str(gold_path), "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
    result = json.loads(done.stdout)
    tables_out: dict[str, dict[str, float]] = {}
    for table, score in result["scores"].items():
        if table == "overall" or not _annotated(gold.get(table)):
            continue  # a table the set does not annotate has no score
        entry = {"score": round(score, 3)}
        for key in ("precision", "recall"):
            if key in result["detail"].get(table, {}):
                entry[key] = round(result["detail"][table][key], 3)
        tables_out[table] = entry
    return {"documents": len(gold["documents"]), "tables": tables_out}


def _commit() -> str | None:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return done.stdout.strip() or None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args(argv)
    sets = []
    for name, kind, gold, about in SETS:
        path = args.shared / gold if gold.startswith("eval/") else REPO / gold
        measured = measure(path, args.shared)
        sets.append({"set": name, "kind": kind, "about": about, **measured})
        scores = " ".join(f"{t}={v['score']:.2f}" for t, v in measured["tables"].items())
        print(f"{name}: {scores}")
    payload = {
        "measured_on": datetime.date.today().isoformat(),
        "commit": _commit(),
        "scorer": "../shared/eval/score.py (an F1 times field accuracy per table)",
        "caveat": "The sets are small (5 to 16 articles); dev sets overstate quality on new text.",
        "sets": sets,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
