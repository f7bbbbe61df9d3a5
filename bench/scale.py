"""Scale benchmark: the release flow against bare spaCy parsing, memory, and the cache.

Each measurement runs in a child process so that its peak RSS (summed over the child
and its workers, sampled every 0.2 s) is its own.

    python bench/scale.py --raw ../shared/corpora/bbc-news-2095/news --workers 2
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

HERE = Path(__file__).resolve().parent
#: The stages of geodiscourse.extract.document, whose sum is "extraction".
EXTRACTION_STAGES = ("actors", "coreference", "attribution", "events", "recommendations", "claims")


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    try:
        tree = [proc, *proc.children(recursive=True)]
    except psutil.Error:  # the child has just exited
        return 0
    for p in tree:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total


def measure(args: list[str]) -> tuple[dict[str, Any], float, int]:
    """Run this script in a child mode; return its JSON result, wall seconds, peak RSS."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    proc = psutil.Process(child.pid)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = child.communicate()
    stop.set()
    sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"child {args} failed with exit code {child.returncode}")
    return json.loads(out.strip().splitlines()[-1]), time.perf_counter() - started, peak


def child_parse(raw: Path, workers: int) -> None:
    """Bare spaCy: the same cleaned texts, nlp.pipe with the same number of processes,
    the model exactly as spaCy loads it (without the project's sentence rule and its
    faster stand-ins for two components, geodiscourse.nlp.fast_components)."""
    import spacy

    from geodiscourse.ingest.files import read_raw_folder
    from geodiscourse.nlp.model import MODEL_NAME
    from geodiscourse.run.batches import prepare

    texts = []
    for article in read_raw_folder(raw).articles:
        cleaned, _ = prepare(article)
        if cleaned is not None:
            texts.append(cleaned.clean_text)
    nlp = spacy.load(MODEL_NAME)
    started = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=workers))
    print(json.dumps({"docs": count, "parse_seconds": time.perf_counter() - started}))


def child_pipeline(raw: Path, out: Path, workers: int, cache: bool) -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from geodiscourse.flows.release import run_release

    started = time.perf_counter()
    summary = run_release(raw, out, workers=workers, use_cache=cache)
    summary["flow_seconds"] = time.perf_counter() - started
    print(json.dumps(summary, default=str))


def child_incremental(raw: Path, out: Path, workers: int, limit: int) -> None:
    """Two runs over the same ``limit`` articles into one output root, in one process
    (after a warm-up run that starts Prefect's local server, so neither run pays for it)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from geodiscourse.flows.release import run_release

    subset = out / "raw"
    for path in sorted(raw.rglob("*.txt"))[:limit]:
        dest = subset / path.relative_to(raw)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(path.read_bytes())
    warm = out / "warm-raw"
    warm.mkdir()
    run_release(warm, out / "warm-out", workers=1)
    result: dict[str, Any] = {}
    for name in ("first", "second"):
        started = time.perf_counter()
        summary = run_release(subset, out / "out", workers=workers, use_cache=True)
        result[name] = {
            "seconds": time.perf_counter() - started,
            "parsed": summary["parsed"],
            "cached": summary["cached"],
        }
    print(json.dumps(result))


def replicate(raw: Path, target: Path, times: int) -> int:
    """The corpus ``times`` over under distinct names and distinct bytes (copy k gains
    k trailing newlines, which cleaning removes), so nothing is de-duplicated."""
    count = 0
    for path in sorted(raw.rglob("*.txt")):
        data = path.read_bytes()
        for k in range(times):
            dest = target / f"copy{k}" / path.relative_to(raw)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data + b"\n" * k)
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--raw", type=Path, default=Path("../shared/corpora/bbc-news-2095/news"))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--scales", default="1,2,4", help="corpus multiples for the RSS check")
    parser.add_argument("--child", choices=["parse", "pipeline", "incremental"])
    parser.add_argument("--incremental-articles", type=int, default=200)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--cache", action="store_true")
    args = parser.parse_args()
    if args.child == "parse":
        return child_parse(args.raw, args.workers)
    if args.child == "pipeline":
        return child_pipeline(args.raw, args.out, args.workers, args.cache)
    if args.child == "incremental":
        return child_incremental(args.raw, args.out, args.workers, args.incremental_articles)

    texts = sorted(args.raw.rglob("*.txt"))
    words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in texts)
    print(
        f"corpus: {args.raw} ({len(texts)} files, {words:,} words); workers={args.workers}; "
        f"machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB"
    )
    with tempfile.TemporaryDirectory(prefix="geodiscourse-bench-") as tmp:
        base = ["--raw", str(args.raw), "--workers", str(args.workers)]
        parse, parse_wall, parse_rss = measure([*base, "--child", "parse"])
        run, wall, rss = measure([*base, "--child", "pipeline", "--out", f"{tmp}/out"])
        print(
            f"pipeline: {wall:.1f} s wall ({run['flow_seconds']:.1f} s in the flow), "
            f"{len(texts) / wall:.1f} docs/s, {words / wall:,.0f} words/s, peak RSS {rss / 2**30:.2f} GiB"
        )
        print(
            f"bare spaCy parse: {parse['parse_seconds']:.1f} s ({parse_wall:.1f} s with model loading), "
            f"peak RSS {parse_rss / 2**30:.2f} GiB"
        )
        print(f"ratio pipeline/parse: {wall / parse_wall:.2f} (target <= 1.10)")
        print("time per stage (seconds summed over workers):")
        for stage, seconds in sorted(run["timings"].items(), key=lambda kv: -kv[1]):
            print(f"  {stage:<16} {seconds:8.1f}")
        extraction = sum(run["timings"].get(stage, 0.0) for stage in EXTRACTION_STAGES)
        print(
            f"extraction CPU / the pipeline's parsing CPU: {extraction / run['timings']['parsing']:.1%} "
            f"({' + '.join(EXTRACTION_STAGES)})"
        )
        inc, _, _ = measure(
            [
                *base,
                "--child",
                "incremental",
                "--out",
                f"{tmp}/inc",
                "--incremental-articles",
                str(args.incremental_articles),
            ]
        )
        first, second = inc["first"], inc["second"]
        print(
            f"incremental ({args.incremental_articles} articles): first run {first['seconds']:.1f} s "
            f"(parsed {first['parsed']}), second run {second['seconds']:.1f} s (parsed {second['parsed']}, "
            f"cached {second['cached']}): {first['seconds'] / second['seconds']:.1f}x faster (target >= 5x)"
        )
        rss_by_scale: dict[int, float] = {}
        for times in [int(s) for s in args.scales.split(",")]:
            raw = Path(tmp) / f"x{times}"
            n = replicate(args.raw, raw, times)
            _, scaled_wall, scaled_rss = measure(
                [
                    "--raw",
                    str(raw),
                    "--workers",
                    str(args.workers),
                    "--child",
                    "pipeline",
                    "--out",
                    f"{tmp}/o{times}",
                ]
            )
            rss_by_scale[times] = scaled_rss / 2**30
            print(f"  {times}x: {n} files, {scaled_wall:.1f} s, peak RSS {rss_by_scale[times]:.2f} GiB")
        low = min(rss_by_scale.values())
        print(
            f"RSS growth from smallest to largest corpus: {max(rss_by_scale.values()) / low - 1:+.0%} (target within 20%)"
        )


if __name__ == "__main__":
    main()
