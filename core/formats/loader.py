"""Storing imported articles and annotations: shared by every readable format.

Each article is matched by the hash of its text: a new one is inserted, a known
one gets only the annotations it does not have yet. Entities are checked (label,
range, text, whitespace) and a bad one is reported and skipped, never stored. An
imported entity never displaces a human one; it does displace the engine
suggestions it overlaps. Rows are written with SQL here (not Store.add_articles)
because a Pizhu restore must keep ids, statuses and timestamps exactly.
"""

from __future__ import annotations

import json

from core.model import FACT_SLOTS, REQUIRED_SLOTS, FactType, Label, Status
from core.store import Store, next_id, now, pack_offsets, text_hash
from core.text import OffsetMap, looks_traditional, simplified_view

LABELS = frozenset(label.value for label in Label)
STATUSES = frozenset(status.value for status in Status)
FACT_TYPES = frozenset(t.value for t in FactType)


def plain_article(title: str, text: str, source_path: str) -> dict:
    """The article record of a tool's document: raw and clean are the same text."""
    return {"title": title, "raw_text": text, "text": text, "offsets": OffsetMap.identity(len(text)),
            "script": "traditional" if looks_traditional(text) else "simplified",
            "status": "todo", "imported_at": now(), "source_path": source_path,
            "article_date": None, "repair_report": {}}


def find_article(conn, text: str) -> int | None:
    row = conn.execute("SELECT id FROM articles WHERE hash = ?", (text_hash(text),)).fetchone()
    return row[0] if row else None


def insert_article(conn, art: dict, article_id: int | None = None) -> int:
    clean, raw = art["text"], art.get("raw_text", art["text"])
    cur = conn.execute(
        "INSERT INTO articles (id, title, raw_text, clean_text, offsets, script, hash, status,"
        " imported_at, source_path, article_date, repair_report) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (article_id, art["title"], raw, clean, pack_offsets(art["offsets"], clean, raw),
         art["script"], text_hash(clean), art["status"], art["imported_at"], art["source_path"],
         art["article_date"], json.dumps(art["repair_report"], ensure_ascii=False)),
    )
    conn.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                 (cur.lastrowid, simplified_view(art["title"]), simplified_view(clean)))
    return cur.lastrowid


def entity_problem(row: dict, text: str) -> str | None:
    """Why an imported entity cannot be stored, or None."""
    start, end, label = row.get("start"), row.get("end"), row.get("label")
    if label not in LABELS:
        return f"unknown label {label!r}"
    if row.get("status", "manual") not in STATUSES:
        return f"unknown status {row.get('status')!r}"
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return f"span {start}:{end} is out of range (text length {len(text)})"
    piece = text[start:end]
    if row.get("text") is not None and row["text"] != piece:
        return f"span {start}:{end} text {row['text']!r} does not match the text {piece!r}"
    if piece != piece.strip():
        return f"span {start}:{end} {piece!r} starts or ends with whitespace"
    return None


def add_entities(store: Store, article_id: int, text: str, rows: list[dict], where: str,
                 report, *, keep_ids: bool = False) -> dict:
    """Insert entity rows; returns {row key: stored id} (matches map to existing ids)."""
    conn = store.conn
    existing = store.entities(article_id)
    same = {(e.start, e.end, e.label.value): e.id for e in existing}
    keys: dict = {}
    for row in rows:
        reason = entity_problem(row, text)
        if reason:
            report.problem(where, reason)
            continue
        span = (row["start"], row["end"], row["label"])
        if span in same:
            keys[row.get("key")] = same[span]
            continue
        if row.get("status") != "rejected" and not _make_room(conn, existing, row, where, report):
            continue
        keys[row.get("key")] = same[span] = _insert_entity(conn, article_id, text, row, keep_ids)
        existing.append(store.entity(same[span]))  # later rows of this document must see it
        report.added["entities"] += 1
    return keys


def _make_room(conn, existing, row, where, report) -> bool:
    """Drop engine suggestions under a new entity; refuse when a human one is there."""
    overlapping = [e for e in existing if e.status is not Status.REJECTED
                   and e.start < row["end"] and row["start"] < e.end]
    human = [e for e in overlapping if e.status is not Status.SUGGESTED]
    if human:
        h = human[0]
        report.problem(where, f"span {row['start']}:{row['end']} overlaps {h.label} {h.text!r} "
                              f"({h.status}) already in the database")
        return False
    for e in overlapping:
        conn.execute("DELETE FROM entities WHERE id = ?", (e.id,))
        existing.remove(e)
    return True


def _insert_entity(conn, article_id: int, text: str, row: dict, keep_ids: bool) -> int:
    stamp = now()
    piece = text[row["start"]:row["end"]]
    value = row.get("value")
    cur = conn.execute(
        "INSERT INTO entities (id, article_id, start, end, label, text, text_s, value, source,"
        " status, model, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        ((row.get("id") if keep_ids else None) or next_id(conn, "entities"), article_id, row["start"], row["end"],
         row["label"],
         piece, simplified_view(piece), None if value is None else json.dumps(value, ensure_ascii=False),
         row.get("source", "import"), row.get("status", "manual"), row.get("model", ""),
         row.get("created_at", stamp), row.get("updated_at", row.get("created_at", stamp))),
    )
    return cur.lastrowid


def add_facts(store: Store, article_id: int, rows: list[dict], keys: dict, where: str,
              report, *, keep_ids: bool = False) -> None:
    """Insert fact rows whose slots resolve; a fact equal to a stored one is not repeated."""
    labels = {e.id: e.label for e in store.entities(article_id)}
    known = {_fact_key(f.type.value, {r: (s.entity, s.literal) for r, s in f.slots.items()})
             for f in store.facts(article_id)}
    for row in rows:
        slots = _resolve(row, keys, labels, where, report)
        if slots is None:
            continue
        key = _fact_key(row["type"], slots)
        if key in known:
            continue
        known.add(key)
        _insert_fact(store.conn, article_id, row, slots, keep_ids)
        report.added["facts"] += 1


def _resolve(row: dict, keys: dict, labels: dict, where: str, report) -> dict | None:
    fact_type = row.get("type")
    if fact_type not in FACT_TYPES:
        report.problem(where, f"unknown fact type {fact_type!r}")
        return None
    roles = FACT_SLOTS[FactType(fact_type)]
    slots = {}
    for role, (kind, ref) in row.get("slots", {}).items():
        if role not in roles:
            report.problem(where, f"a {fact_type} fact has no slot {role!r}")
        elif kind == "literal" and isinstance(ref, str) and ref:
            slots[role] = (None, ref)
        elif kind == "entity" and ref in keys:
            if roles[role] and labels[keys[ref]] not in roles[role]:
                report.problem(where, f"slot {role!r} cannot hold a {labels[keys[ref]]}")
            else:
                slots[role] = (keys[ref], None)
    missing = [r for r in REQUIRED_SLOTS[FactType(fact_type)] if r not in slots]
    if missing:
        report.problem(where, f"{fact_type} fact lacks required slot {', '.join(missing)}; skipped")
        return None
    return slots


def _fact_key(fact_type: str, slots: dict) -> tuple:
    return fact_type, tuple(sorted(slots.items(), key=lambda kv: kv[0]))


def _insert_fact(conn, article_id: int, row: dict, slots: dict, keep_ids: bool) -> None:
    stamp = now()
    cur = conn.execute(
        "INSERT INTO facts (id, article_id, type, source, status, model, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?)",
        ((row.get("id") if keep_ids else None) or next_id(conn, "facts"), article_id, row["type"],
         row.get("source", "import"),
         row.get("status", "manual"), row.get("model", ""), row.get("created_at", stamp),
         row.get("updated_at", row.get("created_at", stamp))),
    )
    conn.executemany(
        "INSERT INTO fact_slots (fact_id, role, entity_id, literal) VALUES (?,?,?,?)",
        [(cur.lastrowid, role, entity, literal) for role, (entity, literal) in slots.items()],
    )

