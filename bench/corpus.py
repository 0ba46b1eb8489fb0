"""The databases the benchmarks share, built once into the cache folder and reused.

* `corpus_db`: the whole news corpus imported through core.ingest, topped up
  to 20,000 articles; article `LONG_TITLE` is the longest text clipped to
  20,000 characters and carries 1,000 entities (the long-article benchmarks).
* `entities_db`: a copy of it with 1,000,000 entities spread over the articles
  in proportion to their length (executemany, not the engine).
* `extract_db`: the first 2,000 news articles, no entities (extraction runs).

A cached file is reused while its stamp (corpus file size and time, schema
version, build version) matches; otherwise it is rebuilt.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

from bench import Context

CORPUS_ARTICLES = 20_000
LONG_CHARS = 20_000
LONG_HIGHLIGHTS = 1_000
LONG_TITLE = "长文基准 20000 字 1000 标注"
ENTITIES = 1_000_000
EXTRACT_ARTICLES = 2_000
BUILD_VERSION = 2
LABEL_CYCLE = ("ORG", "LOC", "PERSON", "DATE", "MONEY", "PROJECT", "TITLE", "QUANTITY")


def _stamp(ctx: Context, kind: str) -> dict:
    from core.schema import SCHEMA_VERSION

    st = ctx.news.stat()
    return {"kind": kind, "corpus": [st.st_size, int(st.st_mtime)], "schema": SCHEMA_VERSION,
            "build": BUILD_VERSION}


def _cached(ctx: Context, name: str, build) -> Path:
    """The cache file `name`, built by `build(tmp_path)` unless its stamp still matches."""
    path = ctx.cache / name
    stamp_file = path.with_suffix(".stamp.json")
    stamp = _stamp(ctx, name)
    if path.exists() and stamp_file.exists() and json.loads(stamp_file.read_text()) == stamp:
        return path
    ctx.cache.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), stamp_file):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    print(f"  building {path} (once; reused while the corpus and schema are unchanged) …", flush=True)
    build(tmp)
    _checkpoint(tmp)
    os.replace(tmp, path)
    stamp_file.write_text(json.dumps(stamp))
    print(f"  built {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def _checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def corpus_db(ctx: Context) -> Path:
    return _cached(ctx, "corpus-20k.db", lambda tmp: _build_corpus(ctx, tmp))


def _build_corpus(ctx: Context, path: Path) -> None:
    from core.ingest import Document, import_paths, prepare
    from core.store import Store

    with Store(path) as store:
        report = import_paths(store, [ctx.news])
        if report.failed:
            print(f"  import: {len(report.failed)} failed, e.g. {report.failed[0]}", flush=True)
        records = ctx.articles()
        longest = max(records, key=lambda r: len(r["text"]))
        extra = [prepare(Document(longest["text"][:LONG_CHARS], LONG_TITLE, "bench:long"))]
        n = 0
        while store.article_count() + len(extra) < CORPUS_ARTICLES:
            rec = records[n % len(records)]
            n += 1
            text = f"{rec['text']}\n（基准副本 {n}）"
            extra.append(prepare(Document(text, rec["title"], f"bench:copy:{n}", rec.get("date"))))
        store.add_articles(extra)
        long_id = long_article_id(store.conn)
        clean = store.article_text(long_id)
        if len(clean) != LONG_CHARS:
            raise RuntimeError(f"the long article has {len(clean)} characters after repair")
        _insert_entities(store.conn, [(long_id, clean)], LONG_HIGHLIGHTS)


def long_article_id(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT id FROM articles WHERE title = ?", (LONG_TITLE,)).fetchone()
    if row is None:
        raise RuntimeError("the cached corpus has no long article; delete bench/.cache")
    return row[0]


def entity_rows(article_id: int, clean: str, count: int, simple: str | None = None):
    """`count` two-character spans at a regular step (a free gap stays after each)."""
    step = max(3, len(clean) // max(1, count))
    simple = simple or clean
    stamp = "2026-01-01T00:00:00.000+00:00"
    for i in range(min(count, len(clean) // step)):
        start = i * step
        while start + 2 <= (i + 1) * step - 1 and (clean[start].isspace() or clean[start + 1].isspace()):
            start += 1  # spans never start or end with whitespace; one free gap stays after
        end = start + 2
        if end > len(clean) or clean[start:end] != clean[start:end].strip():
            continue
        status = ("suggested", "suggested", "accepted", "manual")[i % 4]
        source = "engine:bench" if status == "suggested" else "bench"
        yield (article_id, start, end, LABEL_CYCLE[i % len(LABEL_CYCLE)], clean[start:end],
               simple[start:end], None, source, status, stamp, stamp)


def _insert_entities(conn: sqlite3.Connection, texts, per_article) -> int:
    """executemany of entity rows; per_article is a count or a function of the text."""
    from core.text import simplified_view

    sql = ("INSERT INTO entities (article_id, start, end, label, text, text_s, value, source,"
           " status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
    total = 0
    conn.execute("BEGIN")
    for article_id, clean in texts:
        count = per_article(clean) if callable(per_article) else per_article
        rows = list(entity_rows(article_id, clean, count, simplified_view(clean)))
        conn.executemany(sql, rows)
        total += len(rows)
    conn.execute("COMMIT")
    return total


def entities_db(ctx: Context) -> Path:
    return _cached(ctx, "entities-1m.db", lambda tmp: _build_entities(ctx, tmp))


def _build_entities(ctx: Context, path: Path) -> None:
    shutil.copyfile(corpus_db(ctx), path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    have = conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    texts = conn.execute(  # the long article keeps its own 1,000
        "SELECT id, clean_text FROM articles WHERE id NOT IN (SELECT article_id FROM entities)"
        " ORDER BY id").fetchall()
    chars = sum(len(t) for _, t in texts)
    wanted = ENTITIES - have
    # In proportion to length, at most one per 3 characters; 3% over (spans that would start
    # or end with whitespace are skipped), the surplus deleted below.
    added = _insert_entities(conn, texts,
                             lambda t: min(len(t) // 3, -(-wanted * 103 * len(t) // (100 * chars))))
    surplus = have + added - ENTITIES
    if surplus > 0:  # drop the newest rows beyond one million
        conn.execute("DELETE FROM entities WHERE id IN (SELECT id FROM entities ORDER BY id DESC"
                     " LIMIT ?)", (surplus,))
    n = conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    conn.close()
    if n != ENTITIES:
        raise RuntimeError(f"built {n} entities, wanted {ENTITIES}")


def extract_db(ctx: Context) -> Path:
    return _cached(ctx, "extract-2k.db", lambda tmp: _build_extract(ctx, tmp))


def _build_extract(ctx: Context, path: Path) -> None:
    from core.ingest import Document, prepare
    from core.store import Store

    records = ctx.articles()[:EXTRACT_ARTICLES]
    docs = [prepare(Document(r["text"], r["title"], f"news:{r['id']}", r.get("date")))
            for r in records]
    with Store(path) as store:
        added, _dups = store.add_articles(docs)
    if len(added) != EXTRACT_ARTICLES:
        raise RuntimeError(f"the extraction database has {len(added)} articles, not {EXTRACT_ARTICLES}")


def copy_db(source: Path, target: Path) -> Path:
    """A private writable copy (runs that write must not change the cache)."""
    shutil.copyfile(source, target)
    return target
