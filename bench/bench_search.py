"""Corpus search (core.search through Store.article_ids) for 3-character words over 20,000 articles.

The peer is the bare FTS5 MATCH query on the same index, so the ratio shows
what Pizhu adds around SQLite. A 2-character word takes the LIKE-scan
fallback; it is reported without a target.
"""

from __future__ import annotations

from bench import Context, Row, interleaved, median
from bench.corpus import corpus_db

NAME = "search"
TITLE = "FTS search for a 3-character word over the 20,000-article corpus"
WORDS = ("习近平", "高质量", "经开区", "互联网")  # frequent to rare
SHORT_WORD = "长江"


def run(ctx: Context) -> list[Row]:
    from core.store import Store

    path = corpus_db(ctx)
    rounds = 5 if ctx.quick else 20
    worst = None
    with Store(path, readonly=True) as store:
        store.article_ids(query=WORDS[0])  # page cache warm, as in a running app
        for word in WORDS:
            fts = f'"{word}"'
            hits = len(store.article_ids(query=word))
            times = interleaved({
                "pizhu": lambda w=word: store.article_ids(query=w),
                "raw": lambda q=fts: store.conn.execute(
                    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (q,)).fetchall(),
            }, rounds)
            got = (median(times["pizhu"]), median(times["raw"]), word, hits)
            if worst is None or got[0] > worst[0]:
                worst = got
        short = interleaved({"like": lambda: store.article_ids(query=SHORT_WORD)}, 3)["like"]
        short_hits = len(store.article_ids(query=SHORT_WORD))
    ms, raw_ms, word, hits = worst[0] * 1e3, worst[1] * 1e3, worst[2], worst[3]
    return [
        Row("FTS search, 3-character word (worst of " + "/".join(WORDS) + ")", ms, "ms",
            "bare FTS5 MATCH", raw_ms, ms / raw_ms, "≤ 100 ms", ms <= 100,
            f"worst word {word}: {hits:,} articles; median of {rounds}"),
        Row(f"search, 2-character word {SHORT_WORD} (LIKE scan)", median(short) * 1e3, "ms",
            note=f"{short_hits:,} articles; the fallback for words FTS5 trigrams cannot index"),
    ]
