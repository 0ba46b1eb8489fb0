"""One edit saved (core.operations.add_entity, one transaction) in a database of 1,000,000 entities.

Each edit creates a one-character entity in a free gap of a random article
(articles drawn uniformly, seed fixed); the created entities and their
journal rows are deleted afterwards so the cached database stays as built.
The peer, run after every edit, is 0.5 ms of pure Python CPU work: its tail
is what the machine's scheduling alone adds, so a wall-time p99 near the
peer's is noise, not the edit.
"""

from __future__ import annotations

import random
import time

from bench import Context, Row, load_average, percentile
from bench.corpus import entities_db

NAME = "edit"
TITLE = "one edit saved (add_entity) in a database with 1,000,000 entities"
ANNOTATOR = "bench-edit"


def free_spans(store, n: int, seed: int = 8) -> list[tuple[int, int]]:
    """(article_id, start) of n one-character spans touching no entity, never whitespace."""
    rng = random.Random(seed)
    ids = [r[0] for r in store.conn.execute("SELECT id FROM articles")]
    spans, used = [], set()
    while len(spans) < n:
        article_id = rng.choice(ids)
        text = store.article_text(article_id)
        taken = bytearray(len(text))
        for start, end in store.conn.execute(
                "SELECT start, end FROM entities WHERE article_id = ?", (article_id,)):
            taken[start:end] = b"\x01" * (end - start)
        free = [i for i in range(len(text)) if not taken[i] and not text[i].isspace()
                and (article_id, i) not in used]
        if free:
            start = rng.choice(free)
            used.add((article_id, start))
            spans.append((article_id, start))
    return spans


def spin(loops: int) -> None:
    """Pure CPU work, no I/O: its wall-time tail is the machine's scheduling noise."""
    total = 0
    for i in range(loops):
        total += i


def calibrate_spin(seconds: float) -> int:
    t0 = time.thread_time()
    spin(200_000)
    return max(1, int(200_000 * seconds / max(1e-6, time.thread_time() - t0)))


def run(ctx: Context) -> list[Row]:
    from core.model import Label
    from core.operations import add_entity
    from core.store import Store

    path = entities_db(ctx)
    n = 200 if ctx.quick else 1000
    warm = 20
    with Store(path) as store:
        total = store.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
        annotator = store.ensure_annotator(ANNOTATOR)
        spans = free_spans(store, n + warm)
        times, cpu, spins = [], [], []
        loops = calibrate_spin(0.0005)
        try:
            for i, (article_id, start) in enumerate(spans):
                t0, c0 = time.perf_counter(), time.thread_time()
                add_entity(store, article_id, start, start + 1, Label.ORG, annotator=annotator)
                t1 = time.perf_counter()
                spin(loops)
                if i >= warm:
                    times.append(t1 - t0)
                    cpu.append(time.thread_time() - c0 - (time.perf_counter() - t1))
                    spins.append(time.perf_counter() - t1)
        finally:
            with store.transaction() as conn:
                conn.execute("DELETE FROM entities WHERE source = ?", (ANNOTATOR,))
                conn.execute("DELETE FROM edits WHERE annotator = ?", (ANNOTATOR,))
    p50, p99 = percentile(times, 50) * 1e3, percentile(times, 99) * 1e3
    cpu50, cpu99 = percentile(cpu, 50) * 1e3, percentile(cpu, 99) * 1e3
    spin50, spin99 = percentile(spins, 50) * 1e3, percentile(spins, 99) * 1e3
    return [
        Row("one edit saved (add_entity), p50", p50, "ms", "0.5 ms of pure CPU, p50", spin50,
            p50 / spin50),
        Row(f"one edit saved (add_entity), p99, {total:,} entities", p99, "ms",
            "0.5 ms of pure CPU, p99", spin99, p99 / spin99, "p99 ≤ 5 ms", p99 <= 5,
            note=f"{n} edits in random articles, max {max(times) * 1e3:.1f} ms; CPU time of the "
                 f"thread p50 {cpu50:.2f} ms, p99 {cpu99:.2f} ms (wall minus CPU is waiting: "
                 f"I/O or other processes); {load_average()}"),
    ]
