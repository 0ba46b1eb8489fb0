"""Counts over a database, for `pizhu stats` and the GUI's status bar."""

from __future__ import annotations


def collect(store) -> dict:
    conn = store.conn
    stats = {
        "articles": store.article_count(),
        "article_status": dict(conn.execute(
            "SELECT status, count(*) FROM articles GROUP BY status ORDER BY status")),
        "entities": conn.execute("SELECT count(*) FROM entities").fetchone()[0],
        "facts": conn.execute("SELECT count(*) FROM facts").fetchone()[0],
        "entities_by_label": {},
        "facts_by_type": {},
    }
    for label, status, n in conn.execute(
        "SELECT label, status, count(*) FROM entities GROUP BY label, status ORDER BY label, status"
    ):
        stats["entities_by_label"].setdefault(label, {})[status] = n
    for fact_type, status, n in conn.execute(
        "SELECT type, status, count(*) FROM facts GROUP BY type, status ORDER BY type, status"
    ):
        stats["facts_by_type"].setdefault(fact_type, {})[status] = n
    return stats
