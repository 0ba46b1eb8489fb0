"""Every user edit as one small named operation: one transaction, one journal row.

The GUI wraps these in undo commands that keep ids and snapshots, never
widgets; the crash-safety tests drive the same functions. Each returns what an
undo needs: the new id, or the snapshot of what it replaced.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from core.errors import UserError
from core.model import (
    FACT_SLOTS,
    ArticleStatus,
    Entity,
    Fact,
    FactType,
    Label,
    SlotValue,
    Status,
)
from core.store import Store, now
from core.text import simplified_view


@dataclass(slots=True)
class EntityEdit:
    """Result of an entity edit: the entity after it, and what it displaced."""

    entity_id: int
    edit_id: int
    before: Entity | None = None
    removed: list[Entity] = field(default_factory=list)
    removed_slots: list[tuple[int, str, int]] = field(default_factory=list)


def _owner_status(status: Status) -> Status:
    """A person touching an engine suggestion makes it accepted (human-owned)."""
    return Status.ACCEPTED if status is Status.SUGGESTED else status


def add_entity(store: Store, article_id: int, start: int, end: int, label: Label, *,
               annotator: str, value=None, status: Status = Status.MANUAL) -> EntityEdit:
    """Create a human entity; engine suggestions it overlaps are displaced."""
    text = store.article_text(article_id)
    if not 0 <= start < end <= len(text):
        raise UserError(f"span {start}:{end} is outside the article (length {len(text)})")
    span_text = text[start:end]
    if span_text != span_text.strip():
        raise UserError("a span cannot start or end with whitespace")
    with store.transaction() as conn:
        overlapping = store.entities_overlapping(article_id, start, end)
        blocking = [e for e in overlapping if e.status in (Status.ACCEPTED, Status.MANUAL)]
        overlapping = [e for e in overlapping if e.status is Status.SUGGESTED]
        if blocking:
            b = blocking[0]
            raise UserError(f"overlaps {b.label} “{b.text}” ({b.status}); change that one first")
        removed_slots = _detach(conn, overlapping)
        stamp = now()
        cur = conn.execute(
            "INSERT INTO entities (id, article_id, start, end, label, text, text_s, value, source,"
            " status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (store.next_ids("entities"), article_id, start, end, Label(label).value, span_text,
             simplified_view(span_text), _json(value), annotator, Status(status).value, stamp, stamp),
        )
        edit = store.journal(annotator, "add_entity", article_id, cur.lastrowid, f"{label} {start}:{end}")
    return EntityEdit(cur.lastrowid, edit, None, overlapping, removed_slots)


def _detach(conn, entities: list[Entity]) -> list[tuple[int, str, int]]:
    """Delete entities (and the slots pointing at them); return the slots for undo."""
    slots: list[tuple[int, str, int]] = []
    for e in entities:
        slots += conn.execute(
            "SELECT fact_id, role, entity_id FROM fact_slots WHERE entity_id = ?", (e.id,)
        ).fetchall()
        conn.execute("DELETE FROM entities WHERE id = ?", (e.id,))
    return [tuple(s) for s in slots]


def set_entity_status(store: Store, entity_ids: list[int], status: Status, *,
                      annotator: str) -> list[Entity]:
    """Accept or reject entities in one transaction; returns their previous snapshots."""
    befores = []
    with store.transaction() as conn:
        for entity_id in entity_ids:
            before = store.entity(entity_id)
            befores.append(before)
            conn.execute(
                "UPDATE entities SET status = ?, source = ?, updated_at = ? WHERE id = ?",
                (Status(status).value, annotator, now(), entity_id),
            )
            store.journal(annotator, f"entity_{status}", before.article_id, entity_id)
    return befores


def relabel_entity(store: Store, entity_id: int, label: Label, *, annotator: str) -> Entity:
    """Change an entity's label; it becomes human-owned. Returns the previous snapshot."""
    before = store.entity(entity_id)
    status = Status.ACCEPTED if before.status in (Status.SUGGESTED, Status.REJECTED) else before.status
    with store.transaction() as conn:
        conn.execute(
            "UPDATE entities SET label = ?, value = NULL, status = ?, source = ?, updated_at = ?"
            " WHERE id = ?",
            (Label(label).value, status.value, annotator, now(), entity_id),
        )
        store.journal(annotator, "relabel_entity", before.article_id, entity_id, str(label))
    return before


def delete_entity(store: Store, entity_id: int, *, annotator: str) -> EntityEdit:
    """Delete an entity and the fact slots that pointed at it."""
    before = store.entity(entity_id)
    with store.transaction() as conn:
        slots = _detach(conn, [before])
        edit = store.journal(annotator, "delete_entity", before.article_id, entity_id)
    return EntityEdit(entity_id, edit, before, [before], slots)


def restore_entities(store: Store, snapshots: list[Entity], slots=(), *, annotator: str,
                     remove: tuple[int, ...] = ()) -> None:
    """Undo helper: delete `remove` ids, then write snapshots back exactly (same ids)."""
    with store.transaction() as conn:
        for entity_id in remove:
            conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
        for e in snapshots:
            conn.execute("DELETE FROM entities WHERE id = ?", (e.id,))
            conn.execute(
                "INSERT INTO entities (id, article_id, start, end, label, text, text_s, value,"
                " source, status, model, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (e.id, e.article_id, e.start, e.end, e.label.value, e.text, simplified_view(e.text),
                 _json(e.value), e.source, e.status.value, e.model, e.created_at, e.updated_at),
            )
        for fact_id, role, entity_id in slots:
            if conn.execute("SELECT 1 FROM facts WHERE id = ?", (fact_id,)).fetchone():
                conn.execute(
                    "INSERT OR REPLACE INTO fact_slots (fact_id, role, entity_id) VALUES (?,?,?)",
                    (fact_id, role, entity_id),
                )
        article = snapshots[0].article_id if snapshots else None
        store.journal(annotator, "restore_entities", article, None, json.dumps([e.id for e in snapshots]))


# -- facts ---------------------------------------------------------------------


def add_fact(store: Store, article_id: int, fact_type: FactType, slots: dict[str, SlotValue], *,
             annotator: str, status: Status = Status.MANUAL) -> int:
    fact_type = FactType(fact_type)
    with store.transaction() as conn:
        stamp = now()
        cur = conn.execute(
            "INSERT INTO facts (id, article_id, type, source, status, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (store.next_ids("facts"), article_id, fact_type.value, annotator, Status(status).value,
             stamp, stamp),
        )
        for role, slot in slots.items():
            _write_slot(conn, fact_type, cur.lastrowid, role, slot)
        store.journal(annotator, "add_fact", article_id, cur.lastrowid, fact_type.value)
    return cur.lastrowid


def _write_slot(conn, fact_type: FactType, fact_id: int, role: str, slot: SlotValue | None) -> None:
    if role not in FACT_SLOTS[fact_type]:
        raise UserError(f"a {fact_type} fact has no slot '{role}'")
    conn.execute("DELETE FROM fact_slots WHERE fact_id = ? AND role = ?", (fact_id, role))
    if slot is None:
        return
    if slot.entity is not None:
        allowed = FACT_SLOTS[fact_type][role]
        row = conn.execute("SELECT label FROM entities WHERE id = ?", (slot.entity,)).fetchone()
        if row is None:
            raise UserError(f"no entity with id {slot.entity}")
        if allowed and row[0] not in allowed:
            names = "/".join(allowed)
            raise UserError(f"slot '{role}' of a {fact_type} fact takes {names}, not {row[0]}")
    conn.execute(
        "INSERT INTO fact_slots (fact_id, role, entity_id, literal) VALUES (?,?,?,?)",
        (fact_id, role, slot.entity, slot.literal),
    )


def set_fact_slot(store: Store, fact_id: int, role: str, slot: SlotValue | None, *,
                  annotator: str) -> Fact:
    """Fill, change or clear one slot; the fact becomes human-owned. Returns the snapshot."""
    before = store.fact(fact_id)
    with store.transaction() as conn:
        _write_slot(conn, before.type, fact_id, role, slot)
        conn.execute(
            "UPDATE facts SET status = ?, source = ?, updated_at = ? WHERE id = ?",
            (_owner_status(before.status).value, annotator, now(), fact_id),
        )
        store.journal(annotator, "set_fact_slot", before.article_id, fact_id, role)
    return before


def set_fact_status(store: Store, fact_ids: list[int], status: Status, *, annotator: str) -> list[Fact]:
    befores = [store.fact(i) for i in fact_ids]
    with store.transaction() as conn:
        for before in befores:
            conn.execute(
                "UPDATE facts SET status = ?, source = ?, updated_at = ? WHERE id = ?",
                (Status(status).value, annotator, now(), before.id),
            )
            store.journal(annotator, f"fact_{status}", before.article_id, before.id)
    return befores


def delete_fact(store: Store, fact_id: int, *, annotator: str) -> Fact:
    before = store.fact(fact_id)
    with store.transaction() as conn:
        conn.execute("DELETE FROM facts WHERE id = ?", (fact_id,))
        store.journal(annotator, "delete_fact", before.article_id, fact_id)
    return before


def restore_fact(store: Store, snapshot: Fact, *, annotator: str) -> None:
    """Undo helper: write a fact back exactly as the snapshot holds it (same id)."""
    with store.transaction() as conn:
        conn.execute("DELETE FROM facts WHERE id = ?", (snapshot.id,))
        conn.execute(
            "INSERT INTO facts (id, article_id, type, source, status, model, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (snapshot.id, snapshot.article_id, snapshot.type.value, snapshot.source,
             snapshot.status.value, snapshot.model, snapshot.created_at, snapshot.updated_at),
        )
        for role, slot in snapshot.slots.items():
            live = slot.entity is None or conn.execute(
                "SELECT 1 FROM entities WHERE id = ?", (slot.entity,)).fetchone()
            if live:
                _write_slot(conn, snapshot.type, snapshot.id, role, slot)
        store.journal(annotator, "restore_fact", snapshot.article_id, snapshot.id)


# -- articles ------------------------------------------------------------------


def set_article_status(store: Store, article_id: int, status: ArticleStatus, *,
                       annotator: str) -> ArticleStatus:
    previous = store.article(article_id).status
    with store.transaction() as conn:
        conn.execute("UPDATE articles SET status = ? WHERE id = ?", (ArticleStatus(status).value, article_id))
        store.journal(annotator, "article_status", article_id, article_id, str(status))
    return previous


def accept_all(store: Store, article_id: int, *, annotator: str) -> list[Entity]:
    """Accept every pending suggestion of an article; returns their snapshots."""
    pending = [e.id for e in store.entities(article_id) if e.status is Status.SUGGESTED]
    return set_entity_status(store, pending, Status.ACCEPTED, annotator=annotator) if pending else []


def label_occurrences(store: Store, label: Label, spans: list[tuple[int, int, int]], *,
                      annotator: str) -> list[int]:
    """Create manual entities at (article_id, start, end) spans in one transaction.

    Spans that overlap a human entity are skipped; the ids of new entities are returned.
    """
    created = []
    with store.transaction():
        for article_id, start, end in spans:
            try:
                created.append(add_entity(store, article_id, start, end, label, annotator=annotator).entity_id)
            except UserError:
                continue
    return created


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)

