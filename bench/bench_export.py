"""Export of the whole annotated corpus (20,000 articles, 1,000,000 entities) to Pizhu JSONL and CoNLL.

core.export.export reads every article in scope, validates every span, then
writes the file atomically; the figure is the whole call. Reported, no target.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench import Context, Row, load_average
from bench.corpus import corpus_db, entities_db

NAME = "export"
TITLE = "export the whole corpus to Pizhu JSONL and to CoNLL"
FORMATS = (("pizhu", "corpus.jsonl"), ("conll", "corpus.conll"))


def run(ctx: Context) -> list[Row]:
    from core.export import export
    from core.store import Store

    path = corpus_db(ctx) if ctx.quick else entities_db(ctx)
    rows = []
    with Store(path, readonly=True) as store, \
            tempfile.TemporaryDirectory(prefix="pizhu-bench-export-") as tmp:
        articles = store.article_count()
        entities = store.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
        for fmt, name in FORMATS:
            out = Path(tmp) / name
            t0 = time.perf_counter()
            report = export(store, fmt, out)
            seconds = time.perf_counter() - t0
            size = out.stat().st_size / 2**20
            rows.append(Row(
                f"export {articles:,} articles, {entities:,} entities to {fmt}", seconds, "s",
                note=f"{fmt}: {report.written.get('articles', 0) / seconds:,.0f} articles/s, "
                     f"{size:,.0f} MiB written; {load_average()}"))
            out.unlink()
    return rows
