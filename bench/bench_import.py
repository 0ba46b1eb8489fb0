"""Import of the whole news corpus through core.ingest vs a raw sqlite-utils insert of the same rows.

Both read and parse the same JSONL file into a fresh database file. Pizhu
also repairs each text, keeps raw and clean copies, hashes for dedup and fills
the FTS5 trigram index; the raw insert writes the records as they are.
"""

from __future__ import annotations

import itertools
import json
import tempfile
import time
from pathlib import Path

from bench import Context, Row, interleaved, load_average, median

NAME = "import"
TITLE = "import the news corpus (articles/s) vs raw sqlite-utils insert"
QUICK_ARTICLES = 3_000


def pizhu_import(path: Path, db: Path) -> int:
    from core.ingest import import_paths
    from core.store import Store

    with Store(db) as store:
        report = import_paths(store, [path])
    if report.failed:
        raise RuntimeError(f"import failed for {len(report.failed)} records: {report.failed[:3]}")
    return len(report.added)


def raw_insert(path: Path, db: Path) -> int:
    import sqlite_utils

    database = sqlite_utils.Database(db)
    with open(path, encoding="utf-8") as f:
        records = (json.loads(line) for line in f if line.strip())
        database["articles"].insert_all(records, batch_size=500)
    n = database["articles"].count
    database.close()
    return n


def run(ctx: Context) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="pizhu-bench-import-") as tmp_name:
        tmp = Path(tmp_name)
        source = ctx.news
        if ctx.quick:
            source = tmp / "news_sample.jsonl"
            with open(ctx.news, encoding="utf-8") as f:
                source.write_text("".join(itertools.islice(f, QUICK_ARTICLES)), encoding="utf-8")
        with open(source, encoding="utf-8") as f:
            records = sum(1 for line in f if line.strip())
        counter = itertools.count()
        counts: dict[str, int] = {}
        cpu: dict[str, list[float]] = {"pizhu": [], "raw": []}

        def fresh(kind: str):
            def go():
                db = tmp / f"{kind}-{next(counter)}.db"
                c0 = time.process_time()
                counts[kind] = (pizhu_import if kind == "pizhu" else raw_insert)(source, db)
                cpu[kind].append(time.process_time() - c0)
                for f in tmp.glob(f"{db.name}*"):
                    f.unlink()
            return go

        times = interleaved({"pizhu": fresh("pizhu"), "raw": fresh("raw")}, 1 if ctx.quick else 2)
    pizhu = counts["pizhu"] / median(times["pizhu"])
    raw = counts["raw"] / median(times["raw"])
    return [Row(
        f"import {records:,} news articles", pizhu, "articles/s", "raw sqlite-utils", raw,
        pizhu / raw, "≥ 0.5× raw", pizhu / raw >= 0.5,
        f"{counts['pizhu']:,} stored (duplicates skipped) in {median(times['pizhu']):.1f} s vs "
        f"raw {median(times['raw']):.1f} s; CPU {median(cpu['pizhu']):.1f} s vs "
        f"{median(cpu['raw']):.1f} s ({median(cpu['raw']) / median(cpu['pizhu']):.2f}× in CPU "
        f"terms); {load_average()}",
    )]
