"""Throughput of core.repair on the news corpus: plain text vs s2t-damaged text.

`python -m bench.bench_repair [PATH] [--articles N] [--rate R]` prints MB/s
(UTF-8 bytes of raw input per second of repair, one article at a time):

* plain: every article as it stands (simplified, full-width punctuation): the
  fast path, the case of nearly every real import;
* damaged: a sample of articles turned into a traditional page (OpenCC s2t,
  ，：；（） folded) and damaged as TEXT-DAMAGE.md describes with a random gloss
  list (core.repair_sim), about ten times the seed's rate of '?'. The wrong
  characters left after repair are counted too.

The tables and the language model are loaded before timing (`warm_up`); that
one-time cost is printed on its own. Also a module of `python -m bench`.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from bench import Context, Row, load_average

NAME = "repair"
TITLE = "core.repair throughput, plain news vs s2t-damaged news"
DEFAULT_PATH = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news" / "news_zh.jsonl"
)
SAMPLE, QUICK_SAMPLE = 1000, 200


def _texts(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def _throughput(raws: list[str]) -> tuple[float, float, list]:
    """MB/s of wall time and of CPU time (the machine is shared: CPU time is steadier)."""
    from core.repair import repair

    results = []
    wall, cpu = time.perf_counter(), time.process_time()
    for raw in raws:
        results.append(repair(raw))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    size = sum(len(r.encode("utf-8")) for r in raws) / 1e6
    return size / wall, size / cpu, results


def _damaged(texts: list[str], sample: int, rate: float) -> tuple[list[str], list[str]]:
    from core import repair_sim

    rng = random.Random(20221021)
    step = max(1, len(texts) // sample)
    clean = [repair_sim.to_traditional(t) for t in texts[::step][:sample]]
    raws = [repair_sim.damage(t, repair_sim.gloss_list(rng, rate)) for t in clean]
    return clean, raws


def measure(path: Path, sample: int, rate: float) -> dict:
    from core import repair_sim
    from core.repair import warm_up

    start = time.perf_counter()
    warm_up()
    warm = time.perf_counter() - start
    texts = _texts(path)
    plain_wall, plain_cpu, _ = _throughput(texts)
    clean, raws = _damaged(texts, sample, rate)
    damaged_wall, damaged_cpu, results = _throughput(raws)
    wrong = sum(repair_sim.wrong_chars(c, r.clean) for c, r in zip(clean, results, strict=True))
    return {
        "plain": (plain_wall, plain_cpu),
        "damaged": (damaged_wall, damaged_cpu),
        "plain_chars": sum(map(len, texts)),
        "damaged_chars": sum(map(len, clean)),
        "questions": sum(r.count("?") for r in raws),
        "wrong": wrong,
        "warm_up_s": warm,
        "articles": len(texts),
        "sample": len(raws),
    }


def run(ctx: Context) -> list[Row]:
    got = measure(ctx.news, QUICK_SAMPLE if ctx.quick else SAMPLE, 0.5)
    (plain, plain_cpu), (damaged, damaged_cpu) = got["plain"], got["damaged"]
    note = (
        f"{got['articles']:,} plain articles ({got['plain_chars']:,} chars); damaged: "
        f"{got['sample']} articles, {got['questions']:,} '?', {got['wrong']} wrong chars left; "
        f"by CPU time {damaged_cpu:.3f} vs {plain_cpu:.0f} MB/s; "
        f"warm-up {got['warm_up_s']:.2f} s; {load_average()}"
    )
    return [
        Row(
            "repair, s2t-damaged news",
            damaged,
            "MB/s",
            "plain news",
            plain,
            damaged / plain,
            note=note,
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--articles", type=int, default=SAMPLE, help="damaged sample size")
    parser.add_argument("--rate", type=float, default=0.5, help="share of glossable chars listed")
    args = parser.parse_args()
    got = measure(args.path, args.articles, args.rate)
    for name, chars, extra in (
        ("plain", got["plain_chars"], f"{got['articles']:,} articles"),
        (
            "damaged",
            got["damaged_chars"],
            f"{got['sample']} articles, {got['questions']:,} '?', {got['wrong']} wrong chars left",
        ),
    ):
        wall, cpu = got[name]
        print(f"{name:8}: {wall:9.3f} MB/s wall, {cpu:9.3f} MB/s CPU  ({chars:,} chars, {extra})")
    print(f"warm-up : {got['warm_up_s']:9.2f} s (tables and language model, once per process)")


if __name__ == "__main__":
    main()
