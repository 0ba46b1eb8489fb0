"""Importing Pizhu JSONL into a database: exact restore when empty, merge otherwise.

An empty database receives every article, entity and fact with the ids,
statuses and timestamps of the file, so export → import → export gives the same
bytes. A database that already holds articles gets new articles whole (new
ids) and, for articles it knows by text hash, only the human annotations
(everything but pending suggestions) that it does not have yet.
"""

from __future__ import annotations

from core.formats.loader import add_entities, add_facts, find_article, insert_article
from core.formats.pizhu import article_record, records
from core.store import Store


def is_empty(store: Store) -> bool:
    return not store.conn.execute(
        "SELECT 1 FROM articles UNION ALL SELECT 1 FROM entities UNION ALL SELECT 1 FROM facts"
        " LIMIT 1").fetchone()


def import_into(store: Store, path, report, *, annotator: str) -> None:
    exact = is_empty(store)
    used: dict[str, set] = {"articles": set(), "entities": set(), "facts": set()}
    with store.transaction():
        for where, rec in records(path, report):
            art, why = article_record(rec)
            if art is None:
                report.problem(where, why)
                continue
            _one(store, where, rec, art, report, used if exact else None, annotator)
            report.added["lines"] += 1


def _one(store: Store, where: str, rec: dict, art: dict, report, used: dict | None,
         annotator: str) -> None:
    article_id = find_article(store.conn, art["text"])
    whole = article_id is None
    if whole:
        wanted = _fresh(rec.get("id"), used, "articles")
        article_id = insert_article(store.conn, art, wanted)
        report.added["articles"] += 1
    else:
        report.added["articles merged"] += 1
    entities = [_entity_row(e, used) for e in _list(rec, "entities") if whole or _human(e)]
    keys = add_entities(store, article_id, art["text"], entities, where, report,
                        keep_ids=used is not None)
    facts = [_fact_row(f, used) for f in _list(rec, "facts") if whole or _human(f)]
    add_facts(store, article_id, facts, keys, where, report, keep_ids=used is not None)
    store.journal(annotator, "import", article_id, None, "pizhu")


def _fresh(wanted, used: dict | None, table: str):
    """The file's id when restoring exactly and still free, else None (a new id)."""
    if used is None or not isinstance(wanted, int) or wanted in used[table]:
        return None
    used[table].add(wanted)
    return wanted


def _list(rec: dict, key: str) -> list[dict]:
    items = rec.get(key)
    return [x for x in items if isinstance(x, dict)] if isinstance(items, list) else []


def _human(item: dict) -> bool:
    return item.get("status", "manual") != "suggested"


def _entity_row(e: dict, used: dict | None) -> dict:
    row = dict(e, key=e.get("id"), status=e.get("status", "manual"))
    row["id"] = _fresh(e.get("id"), used, "entities")
    return row


def _fact_row(f: dict, used: dict | None) -> dict:
    slots = {}
    for role, slot in (f.get("slots") or {}).items():
        if isinstance(slot, dict) and "entity" in slot:
            slots[role] = ("entity", slot["entity"])
        elif isinstance(slot, dict) and "literal" in slot:
            slots[role] = ("literal", slot["literal"])
    row = dict(f, slots=slots, status=f.get("status", "manual"))
    row["id"] = _fresh(f.get("id"), used, "facts")
    return row
