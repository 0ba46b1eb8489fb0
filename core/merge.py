"""The merge rule: engine results replace only what is still an engine suggestion.

Anything a person accepted, rejected, edited or made is never changed. A
suggestion is dropped when it overlaps a human entity, or when people rejected
the same label and text anywhere in the database; a fact is dropped when its
required slots lost their entities or it equals a fact people already decided.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from core.model import ENGINE_SOURCE_PREFIX, REQUIRED_SLOTS, Analysis, FactProposal, Status
from core.text import simplified_view


@dataclass(slots=True)
class MergeResult:
    entities_added: int = 0
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
        result.facts_removed = conn.execute(
            "DELETE FROM facts WHERE article_id = ? AND status = 'suggested' AND source LIKE 'engine%'",
            (article_id,),
        ).rowcount
        result.entities_removed = conn.execute(
            "DELETE FROM entities WHERE article_id = ? AND status = 'suggested' AND source LIKE 'engine%'"
            " AND id NOT IN (SELECT entity_id FROM fact_slots WHERE entity_id IS NOT NULL)",
            (article_id,),
        ).rowcount
        kept = store.entities(article_id)
        rejected = store.rejected_keys()
        index_to_id = _insert_entities(conn, article_id, analysis, text, kept, rejected, source, result)
        _insert_facts(store, conn, article_id, analysis, index_to_id, source, result)
    return result


def _insert_entities(conn, article_id, analysis, text, kept, rejected, source, result) -> dict:
    from core.store import now

    stamp = now()
    index_to_id: dict[int, int] = {}
    same_span = {(e.start, e.end, e.label): e for e in kept if e.status is not Status.REJECTED}
    occupied = sorted((e.start, e.end) for e in kept if e.status is not Status.REJECTED)
    for i, span in enumerate(analysis.entities):
        existing = same_span.get((span.start, span.end, span.label))
        if existing is not None:
            index_to_id[i] = existing.id
            result.skipped_human += 1
            continue
        if (span.label.value, simplified_view(span.text)) in rejected:
            result.skipped_rejected += 1
            continue
        if any(s < span.end and span.start < e for s, e in occupied):
            result.skipped_human += 1
            continue
        if text[span.start : span.end] != span.text:
            raise ValueError(f"engine span {span.start}:{span.end} does not match the text")
        cur = conn.execute(
            "INSERT INTO entities (article_id, start, end, label, text, text_s, value, source, status,"
            " model, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,'suggested',?,?,?)",
            (article_id, span.start, span.end, span.label.value, span.text,
             simplified_view(span.text),
             None if span.value is None else json.dumps(span.value, ensure_ascii=False),
             source, analysis.model, stamp, stamp),
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


def _insert_facts(store, conn, article_id, analysis, index_to_id, source, result) -> None:
    from core.model import SlotValue
    from core.store import now

    decided = {_fact_key(f.type, f.slots) for f in store.facts(article_id)}
    stamp = now()
    for proposal in analysis.facts:
        slots = _resolve(proposal, index_to_id, SlotValue)
        if slots is None:
            continue
        key = _fact_key(proposal.type, slots)
        if key in decided:
            continue
        decided.add(key)
        cur = conn.execute(
            "INSERT INTO facts (article_id, type, source, status, model, created_at, updated_at)"
            " VALUES (?,?,?,'suggested',?,?,?)",
            (article_id, proposal.type.value, source, analysis.model, stamp, stamp),
        )
        conn.executemany(
            "INSERT INTO fact_slots (fact_id, role, entity_id, literal) VALUES (?,?,?,?)",
            [(cur.lastrowid, role, s.entity, s.literal) for role, s in slots.items()],
        )
        result.facts_added += 1


def _resolve(proposal: FactProposal, index_to_id: dict, slot_type) -> dict | None:
    """Map entity indexes to stored ids; None when a required slot is lost."""
    slots = {}
    for role, slot in proposal.slots.items():
        if slot.entity is None:
            slots[role] = slot
        elif slot.entity in index_to_id:
            slots[role] = slot_type(entity=index_to_id[slot.entity])
    if any(role not in slots for role in REQUIRED_SLOTS[proposal.type]):
        return None
    return slots
