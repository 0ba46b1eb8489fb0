"""Batch extraction (core.jobs.extract) of 2,000 news articles with --jobs 2 vs --jobs 1.

Each run extracts into a fresh copy of the cached 2,000-article database and
merges every result (one writer), as `pizhu extract DB --jobs N` does. Worker
start-up (spawn, imports, jieba dictionary, tagger) is measured on its own as
the cold start: the time iter_analyses takes to return one short article. The
steady rate is articles / (wall time - cold start); the ratio compares those.
The machine's own ceiling is measured alongside: the same spawn pool running a
pure-CPU loop with 2 processes vs 1 (on a shared machine it can be far below 2).
The writer's CPU per article (the parent process: receiving results and merging
them) is reported too: on two cores `--jobs 2` can reach at most 2A / (A + W)
of `--jobs 1`, A being a worker's CPU per article and W the writer's.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from bench import Context, Row, load_average, median
from bench.corpus import copy_db, extract_db

NAME = "extract"
TITLE = "extract --jobs 2 vs --jobs 1 on 2,000 news articles"
QUICK_ARTICLES = 300


def cold_start(db: Path, article_id: int, jobs: int) -> float:
    from core.jobs import iter_analyses

    t0 = time.perf_counter()
    for result in iter_analyses(str(db), [article_id] * jobs, jobs=jobs):
        if result.analysis is None:
            raise RuntimeError(f"extraction failed: {result.error}")
        break
    return time.perf_counter() - t0


def extract_run(source: Path, tmp: Path, n: int, jobs: int) -> tuple[float, int, int, float]:
    """(wall seconds, articles done, entities merged, the parent's CPU seconds)."""
    from core.jobs import extract
    from core.store import Store

    db = copy_db(source, tmp / f"extract-{jobs}-{time.monotonic_ns()}.db")
    with Store(db) as store:
        ids = store.article_ids()[:n]
        cpu = time.process_time()
        summary = extract(store, ids, jobs=jobs)
        cpu = time.process_time() - cpu
    for f in tmp.glob(f"{db.name}*"):
        f.unlink()
    if summary.failed:
        raise RuntimeError(f"{len(summary.failed)} articles failed, e.g. {summary.failed[0]}")
    return summary.seconds, summary.done, summary.entities_added, cpu


def children_cpu() -> float:
    """CPU seconds of this process's finished children (pool workers once joined); 0 off POSIX."""
    try:
        import resource
    except ImportError:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_ceiling(tasks: int = 16, loops: int = 1_500_000) -> float:
    """How much faster 2 spawned processes finish pure-CPU work than 1, on this machine now."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    seconds = {}
    for jobs in (1, 2):
        with context.Pool(jobs) as pool:
            pool.map(_burn, [1000] * jobs)  # started and warm before timing
            t0 = time.perf_counter()
            pool.map(_burn, [loops] * tasks, chunksize=1)
            seconds[jobs] = time.perf_counter() - t0
    return seconds[1] / seconds[2]


def run(ctx: Context) -> list[Row]:
    source = extract_db(ctx)
    n = QUICK_ARTICLES if ctx.quick else 2000
    rounds = 1 if ctx.quick else 5  # alternated: a busy minute on a shared machine hits both
    wall: dict[int, list[float]] = {1: [], 2: []}
    cold: dict[int, list[float]] = {1: [], 2: []}
    writer: dict[int, list[float]] = {1: [], 2: []}
    worker: dict[int, list[float]] = {1: [], 2: []}
    entities = 0
    with tempfile.TemporaryDirectory(prefix="pizhu-bench-extract-") as tmp_name:
        tmp = Path(tmp_name)
        for _ in range(rounds):
            for jobs in (1, 2):
                start_cpu = children_cpu()
                cold[jobs].append(cold_start(source, 1, jobs))
                run_cpu = children_cpu()
                seconds, done, entities, cpu = extract_run(source, tmp, n, jobs)
                wall[jobs].append(seconds)
                writer[jobs].append(cpu / n * 1000)
                start_up, analysis = run_cpu - start_cpu, children_cpu() - run_cpu
                worker[jobs].append((analysis - start_up) / n * 1000)
        ceiling = machine_ceiling(8 if ctx.quick else 16)
    rate = {j: n / (median(wall[j]) - median(cold[j])) for j in (1, 2)}
    ratio = rate[2] / rate[1]
    total_ratio = median(wall[1]) / median(wall[2])
    a, w = median(worker[2]), median(writer[2])
    return [
        Row(f"extract --jobs 2 vs --jobs 1, {n:,} articles", rate[2], "articles/s",
            "--jobs 1", rate[1], ratio, "≥ 1.7×", ratio >= 1.7,
            f"steady rates (cold start taken out); wall {median(wall[2]):.1f} s vs "
            f"{median(wall[1]):.1f} s ({total_ratio:.2f}×); {entities:,} entities merged; "
            f"CPU per article at --jobs 2: workers A {a:.2f} ms (start-up taken out), writer "
            f"W {w:.2f} ms (--jobs 1: {median(writer[1]):.2f}), so 2A/(A+W) = "
            f"{2 * a / (a + w):.2f}× at most on two cores; {os.cpu_count()} CPUs, "
            f"{load_average()}"),
        Row("pure-CPU work, 2 processes vs 1 (what the machine allows now)", ceiling, "×",
            target="report", note="the same spawn pool running a Python loop; on an idle "
                                  "2-core machine about 2×, far less when others share the cores"),
        Row("extract cold start (spawn + engine load), --jobs 2", median(cold[2]), "s",
            "--jobs 1", median(cold[1]), median(cold[2]) / median(cold[1]),
            note="time for iter_analyses to return its first article, pool start included"),
    ]
