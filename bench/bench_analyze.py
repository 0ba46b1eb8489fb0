"""The engine's speed in one process: repair + t2s + analyze, chars/s, vs jieba on the same text.

A fixed sample of news articles (every n-th record) goes through
core.text.repair and core.extract.analyze (which takes the t2s view itself),
with the shipped tagger as in a worker process. The peers segment the same
repaired texts with jieba.posseg.lcut and jieba.lcut. Loading (jieba's
dictionary, the tagger) happens before timing; rounds alternate the three so
noise from other work on the machine hits each alike; the best round counts.

Standalone, on any news JSONL (`{"text", "date"?}` per line), as a table:

    python -m bench.bench_analyze [NEWS_JSONL] [-n N] [--no-tagger]
    python bench/bench_analyze.py [NEWS_JSONL] [-n N] [--no-tagger]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: python bench/bench_analyze.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import DEFAULT_DATA, NEWS, CannotRun, Context, Row, interleaved, load_average

NAME = "analyze"
TITLE = "repair + t2s + analyze, chars/s, vs jieba.posseg.lcut and jieba.lcut"


def sample(ctx: Context) -> list[dict]:
    records = ctx.articles()
    n = 60 if ctx.quick else 400
    step = max(1, len(records) // n)
    return records[::step][:n]


def run(ctx: Context) -> list[Row]:
    try:
        from core.extract import analyze
    except ImportError as exc:
        raise CannotRun(f"core.extract.analyze is not importable: {exc}") from exc
    import jieba
    import jieba.posseg

    from core.text import repair

    jieba.setLogLevel(60)
    records = sample(ctx)
    raws = [(r["text"], r.get("date")) for r in records]
    cleans = [repair(text).clean for text, _ in raws]
    chars = sum(len(c) for c in cleans)
    jieba.initialize()
    for warm in cleans[:3]:  # loads the tagger, compiles the gazetteer patterns, fills caches
        analyze(warm)
        jieba.posseg.lcut(warm)
        jieba.lcut(warm)
    from core.extract import default_tagger

    tagger = default_tagger()
    tagger_note = (f"tagger {getattr(tagger, 'model_name', '') or 'loaded'}" if tagger
                   else "NO TAGGER MODEL (rules only)")

    def engine():
        for text, date in raws:
            analyze(repair(text).clean, article_date=date)

    def posseg():
        for clean in cleans:
            jieba.posseg.lcut(clean)

    def lcut():
        for clean in cleans:
            jieba.lcut(clean)

    times = interleaved({"engine": engine, "posseg": posseg, "lcut": lcut}, 2 if ctx.quick else 3)
    speed = {name: chars / min(t) for name, t in times.items()}
    ratio = speed["engine"] / speed["posseg"]
    note = (f"{len(cleans)} articles, {chars:,} characters, best of {len(times['engine'])}; "
            f"{tagger_note}; {load_average()}")
    return [
        Row("repair + t2s + analyze vs jieba.posseg.lcut", speed["engine"], "chars/s",
            "posseg", speed["posseg"], ratio, "≥ 2× posseg", ratio >= 2, note),
        Row("repair + t2s + analyze vs jieba.lcut", speed["engine"], "chars/s",
            "lcut", speed["lcut"], speed["engine"] / speed["lcut"]),
    ]


def _load(path: Path, n: int) -> list[tuple[str, str | None]]:
    """(text, date) of the first n non-empty articles of a news JSONL file."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= n:
                break
            record = json.loads(line)
            if (record.get("text") or "").strip():
                out.append((record["text"], record.get("date")))
    return out


def _best(fn, rounds: int = 3) -> float:
    """Best wall time of fn over rounds (noise on a shared machine only adds time)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    """Table of chars/s: analyze (on repaired text) vs jieba.posseg.lcut and jieba.lcut."""
    parser = argparse.ArgumentParser(prog="python -m bench.bench_analyze", description=TITLE)
    parser.add_argument("news", nargs="?", type=Path, default=DEFAULT_DATA / NEWS)
    parser.add_argument("-n", type=int, default=400, help="number of articles (default 400)")
    parser.add_argument("--no-tagger", action="store_true", help="rules only (no CRF name tagger)")
    args = parser.parse_args(argv)
    if not args.news.is_file():
        print(f"no news file at {args.news}", file=sys.stderr)
        return 2
    import jieba
    import jieba.posseg

    from core.extract import analyze
    from core.text import repair

    jieba.setLogLevel(60)
    records = _load(args.news, args.n)
    cleans = [(repair(text).clean, date) for text, date in records]
    tagger = False if args.no_tagger else None
    jieba.posseg.lcut("德州经开区。")
    analyze("德州经开区。", tagger=tagger)  # load gazetteers (and the tagger) before timing
    chars = sum(len(c) for c, _ in cleans)
    runs = {
        "analyze" + (" (rules only)" if args.no_tagger else ""):
            lambda: [analyze(c, article_date=d, tagger=tagger) for c, d in cleans],
        "jieba.posseg.lcut": lambda: [jieba.posseg.lcut(c) for c, _ in cleans],
        "jieba.lcut": lambda: [jieba.lcut(c) for c, _ in cleans],
    }
    speed = {name: chars / _best(fn) for name, fn in runs.items()}
    posseg = speed["jieba.posseg.lcut"]
    print(f"{len(cleans)} articles, {chars:,} characters from {args.news}; best of 3 rounds")
    print(f"{'engine':<26}{'chars/s':>12}{'× posseg':>10}")
    for name, cps in speed.items():
        print(f"{name:<26}{cps:>12,.0f}{cps / posseg:>10.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
