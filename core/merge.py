"""The merge rule: engine results replace only what is still an engine suggestion.

Anything a person accepted, rejected, edited or made is never changed. A
suggestion is dropped when it overlaps a human entity, or when people rejected
the same label and text anywhere in the database; a fact is dropped when its
required slots lost their entities or it equals a fact people already decided.

A suggestion the new results repeat keeps its row and id, and new rows are
written before stale ones are deleted, so SQLite never hands a deleted id to a
new suggestion: an id the GUI read before a background merge still means the
same span, or nothing (tests/robustness/test_races.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from core.model import (
    ENGINE_SOURCE_PREFIX,
    REQUIRED_SLOTS,
    Analysis,
    FactProposal,
    SlotValue,
    Status,
)
from core.store import now
from core.text import simplified_term


@dataclass(slots=True)
class MergeResult:
    entities_added: int = 0  # suggestions this analysis stands behind, repeated ones included
    entities_removed: int = 0
    facts_added: int = 0
    facts_removed: int = 0
    skipped_human: int = 0
    skipped_rejected: int = 0


def merge_suggestions(store, article_id: int, analysis: Analysis) -> MergeResult:
    result = MergeResult()
    source = f"{ENGINE_SOURCE_PREFIX}:{analysis.engine_version}"
    with store.transaction() as conn:
        text = store.article_text(article_id)  # also proves the article still exists
        stale_facts = {r[0] for r in conn.execute(
            "SELECT id FROM facts WHERE article_id = ? AND status = 'suggested'"
            " AND source LIKE 'engine%'", (article_id,))}
        pinned = {r[0] for r in conn.execute(  # named by a fact a person owns
            "SELECT s.entity_id FROM fact_slots s JOIN facts f ON f.id = s.fact_id"
            " WHERE f.article_id = ? AND s.entity_id IS NOT NULL"
            " AND NOT (f.status = 'suggested' AND f.source LIKE 'engine%')", (article_id,))}
        entities = store.entities(article_id)
        stale = {e.id: e for e in entities if e.status is Status.SUGGESTED
                 and e.from_engine and e.id not in pinned}
        kept = [e for e in entities if e.id not in stale]
        rejected = store.rejected_keys()
        index_to_id = _insert_entities(conn, article_id, analysis, text, kept, stale, rejected,
                                       source, result)
        _insert_facts(store, conn, article_id, analysis, index_to_id, stale_facts, source, result)
        # Deleted last, after the new rows took higher ids: no deleted id is ever reused.
        gone = set(stale) - set(index_to_id.values())
        conn.executemany("DELETE FROM facts WHERE id = ?", [(i,) for i in stale_facts])
        conn.executemany("DELETE FROM entities WHERE id = ?", [(i,) for i in gone])
        result.facts_removed, result.entities_removed = len(stale_facts), len(gone)
    return result


def _insert_entities(conn, article_id, analysis, text, kept, stale, rejected, source, result) -> dict:
    stamp = now()
    index_to_id: dict[int, int] = {}
    same_span = {(e.start, e.end, e.label): e for e in kept if e.status is not Status.REJECTED}
    repeated = {(e.start, e.end, e.label): e for e in stale.values()}
    occupied = sorted((e.start, e.end) for e in kept if e.status is not Status.REJECTED)
    for i, span in enumerate(analysis.entities):
        span = _trimmed(span)
        if span is None:
            continue
        existing = same_span.get((span.start, span.end, span.label))
        if existing is not None:
            index_to_id[i] = existing.id
            result.skipped_human += 1
            continue
        if (span.label.value, simplified_term(span.text)) in rejected:
            result.skipped_rejected += 1
            continue
        if any(s < span.end and span.start < e for s, e in occupied):
            result.skipped_human += 1
            continue
        if text[span.start : span.end] != span.text:
            raise ValueError(f"engine span {span.start}:{span.end} does not match the text")
        value = None if span.value is None else json.dumps(span.value, ensure_ascii=False)
        again = repeated.pop((span.start, span.end, span.label), None)
        if again is not None:  # the same suggestion again: same row, same id
            conn.execute("UPDATE entities SET value = ?, source = ?, model = ?, updated_at = ?"
                         " WHERE id = ?", (value, source, analysis.model, stamp, again.id))
            index_to_id[i] = again.id
            result.entities_added += 1
            continue
        cur = conn.execute(
            "INSERT INTO entities (article_id, start, end, label, text, text_s, value, source, status,"
            " model, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,'suggested',?,?,?)",
            (article_id, span.start, span.end, span.label.value, span.text,
             simplified_term(span.text), value, source, analysis.model, stamp, stamp),
        )
        index_to_id[i] = cur.lastrowid
        result.entities_added += 1
    return index_to_id


def _fact_key(fact_type, slots: dict) -> tuple:
    """What makes two facts the same decision: type and its required slots' entities or texts.

    Entities that a stored fact points at survive a re-run and keep their ids,
    so an engine proposal over the same mention maps onto the same key.
    """
    required = REQUIRED_SLOTS[fact_type]
    return (str(fact_type), tuple((r, slots[r].entity, slots[r].literal) for r in required if r in slots))


def _insert_facts(store, conn, article_id, analysis, index_to_id, stale_facts, source,
                  result) -> None:
    """Insert proposed facts; one equal to a stale suggestion keeps it (leaves stale_facts)."""
    facts = store.facts(article_id)
    decided = {_fact_key(f.type, f.slots) for f in facts if f.id not in stale_facts}
    repeated = {(f.type, tuple(sorted(f.slots.items()))): f.id for f in facts if f.id in stale_facts}
    stamp = now()
    for proposal in analysis.facts:
        slots = _resolve(proposal, index_to_id)
        if slots is None:
            continue
        key = _fact_key(proposal.type, slots)
        if key in decided:
            continue
        decided.add(key)
        result.facts_added += 1
        again = repeated.pop((proposal.type, tuple(sorted(slots.items()))), None)
        if again is not None:  # the same suggested fact again: same row, same id
            stale_facts.discard(again)
            conn.execute("UPDATE facts SET source = ?, model = ?, updated_at = ? WHERE id = ?",
                         (source, analysis.model, stamp, again))
            continue
        cur = conn.execute(
            "INSERT INTO facts (article_id, type, source, status, model, created_at, updated_at)"
            " VALUES (?,?,?,'suggested',?,?,?)",
            (article_id, proposal.type.value, source, analysis.model, stamp, stamp),
        )
        conn.executemany(
            "INSERT INTO fact_slots (fact_id, role, entity_id, literal) VALUES (?,?,?,?)",
            [(cur.lastrowid, role, s.entity, s.literal) for role, s in slots.items()],
        )


def _trimmed(span):
    """The span without whitespace at its edges (GUIDELINES: spans never start or end with it)."""
    text = span.text.strip()
    if text == span.text:
        return span
    if not text:
        return None
    start = span.start + span.text.index(text)
    return replace(span, start=start, end=start + len(text), text=text)


def _resolve(proposal: FactProposal, index_to_id: dict) -> dict | None:
    """Map entity indexes to stored ids; None when a required slot is lost."""
    slots = {}
    for role, slot in proposal.slots.items():
        if slot.entity is None:
            slots[role] = slot
        elif slot.entity in index_to_id:
            slots[role] = SlotValue(entity=index_to_id[slot.entity])
    if any(role not in slots for role in REQUIRED_SLOTS[proposal.type]):
        return None
    return slots
