"""The merge rule: engine results replace only what is still an engine suggestion.

Anything a person accepted, rejected, edited or made is never changed. A
suggestion is dropped when it overlaps a human entity, or when people rejected
the same label and text anywhere in the database; a fact is dropped when its
required slots lost their entities or it equals a fact people already decided.

A suggestion the new results repeat keeps its row and id, and new rows take
ids above every id ever deleted (Store.next_ids, schema migration 4), so an id
the GUI read before a background merge still means the same span, or nothing
(tests/robustness/test_races.py).

The work is split in two. `prepare` needs only the analysis, so extraction
workers run it (core/jobs.py): trimmed spans, their simplified texts and JSON
values, as plain tuples that are cheap to send. `merge_prepared` applies the
rule to the database's current state for several articles in one transaction,
the writer's share. It checks each span it stores against the article's text,
read once in that transaction, and fills fact slots only with the article's
own entities, so the schema's per-row triggers step aside for its rows
(core/schema.py, MERGE_CHECKS_ROWS).
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from core.errors import UserError
from core.model import ENGINE_SOURCE_PREFIX, REQUIRED_SLOTS, Analysis, FactType
from core.schema import MERGE_CHECKS_ROWS
from core.store import now
from core.text import simplified_term

# Spans and facts travel as plain tuples, the cheapest to unpickle in the writer
# (NamedTuples cost it ~0.06 ms more per article). A span is (start, end, label,
# text, text_s, value as JSON): text_s is simplified_term(text), the key people's
# rejections are matched on. A fact is (type, ((role, entity index, literal), ...)).
PreparedSpan = tuple[int, int, str, str, str, str | None]
PreparedFact = tuple[str, tuple[tuple[str, int | None, str | None], ...]]


class Prepared(NamedTuple):
    """An analysis as rows for the merge; entities[i] is None where a span trimmed to nothing."""

    entities: tuple[PreparedSpan | None, ...]
    facts: tuple[PreparedFact, ...]
    source: str
    model: str


@dataclass(slots=True)
class MergeResult:
    entities_added: int = 0  # suggestions this analysis stands behind, repeated ones included
    entities_removed: int = 0
    facts_added: int = 0
    facts_removed: int = 0
    skipped_human: int = 0
    skipped_rejected: int = 0


def prepare(analysis: Analysis) -> Prepared:
    """What the merge needs from an analysis, computed from the analysis alone."""
    spans = []
    for span in analysis.entities:
        trimmed = span.text.strip()  # GUIDELINES: spans never start or end with whitespace
        if not trimmed:
            spans.append(None)
            continue
        start, end = span.start, span.end
        if trimmed != span.text:
            start += span.text.index(trimmed)
            end = start + len(trimmed)
        text_s = simplified_term(trimmed)
        value = None if span.value is None else json.dumps(span.value, ensure_ascii=False)
        spans.append((start, end, str(span.label), trimmed,
                      trimmed if text_s == trimmed else text_s,  # one string to send
                      value))
    facts = tuple((str(f.type), tuple((role, s.entity, s.literal) for role, s in f.slots.items()))
                  for f in analysis.facts)
    return Prepared(tuple(spans), facts, f"{ENGINE_SOURCE_PREFIX}:{analysis.engine_version}",
                    analysis.model)


def merge_suggestions(store, article_id: int, analysis: Analysis | Prepared) -> MergeResult:
    """Merge one article's results (an Analysis, or one `prepare`d by a worker)."""
    if isinstance(analysis, Analysis):
        analysis = prepare(analysis)
    (result,) = merge_prepared(store, [(article_id, analysis)])  # one transaction
    if result is None:
        raise UserError(f"no article with id {article_id}")
    return result


def merge_prepared(store, items: list[tuple[int, Prepared]]) -> list[MergeResult | None]:
    """Merge several articles' results in one transaction: all of them, or none.

    Returns one MergeResult per item, None for an article that no longer
    exists. Raises ValueError when a span that would be stored does not match
    its article's text.
    """
    if not items:
        return []
    ids = [article_id for article_id, _ in items]
    if len(set(ids)) != len(ids):  # the second copy would not see the rows the first queued
        raise ValueError("an article appears twice in one merge")
    with store.transaction() as conn:
        rejected = store.rejected_keys()
        writer = _Writer(conn, now(), store.next_ids("entities"), store.next_ids("facts"))
        held = _Stored.read(conn, ids)
        results = [_merge_one(writer, rejected, article_id, prepared, held.get(article_id))
                   for article_id, prepared in items]
        writer.write()
    return results


@contextmanager
def _rows_checked_here(conn):
    """The triggers that check each entity span and fact slot step aside while the merge
    writes rows it checked itself; only inside its transaction, never committed."""
    assert conn.in_transaction
    conn.execute("INSERT INTO meta (key, value) VALUES (?, 'core.merge')", (MERGE_CHECKS_ROWS,))
    try:
        yield
    finally:
        conn.execute("DELETE FROM meta WHERE key = ?", (MERGE_CHECKS_ROWS,))


def _merge_one(writer: _Writer, rejected: set, article_id: int, prepared: Prepared,
               stored: _Stored | None) -> MergeResult | None:
    if stored is None:
        return None
    result = MergeResult()
    index_to_id = _merge_entities(writer, rejected, article_id, prepared, stored, result)
    stale_facts = _merge_facts(writer, article_id, prepared, stored.facts, index_to_id, result)
    gone = set(stored.stale) - set(index_to_id.values())
    writer.delete_facts.extend((i,) for i in stale_facts)
    writer.delete_entities.extend((i,) for i in gone)
    result.facts_removed, result.entities_removed = len(stale_facts), len(gone)
    return result


class _Stored:
    """What one article holds now, as the rule sees it (read inside the merge's transaction)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.facts: dict[int, tuple] = {}  # id -> (type, stale, {role: (entity id, literal)})
        self.pinned: set[int] = set()  # entities named by a fact a person owns
        self.stale: dict[int, tuple] = {}  # engine suggestions a new result replaces
        self.kept: list[tuple] = []  # (id, start, end, label, status)

    @classmethod
    def read(cls, conn, article_ids: list[int]) -> dict[int, _Stored]:
        """Every listed article that exists, in three queries for the whole batch."""
        ids = json.dumps(article_ids)
        # substr() in the span trigger ends at a NUL, as SQLite's text functions do; the check
        # here reads the text the same way, so it refuses what the trigger refuses.
        held = {article_id: cls(text.partition("\0")[0]) for article_id, text in conn.execute(
            "SELECT id, clean_text FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (ids,))}
        for article_id, fact_id, fact_type, stale, role, entity_id, literal in conn.execute(
                "SELECT f.article_id, f.id, f.type, f.status = 'suggested' AND f.source LIKE"
                " 'engine%', s.role, s.entity_id, s.literal FROM facts f"
                " LEFT JOIN fact_slots s ON s.fact_id = f.id"
                " WHERE f.article_id IN (SELECT value FROM json_each(?)) ORDER BY f.id", (ids,)):
            stored = held.get(article_id)
            if stored is None:  # a fact whose article is gone (foreign keys were off)
                continue
            slots = stored.facts.setdefault(fact_id, (fact_type, bool(stale), {}))[2]
            if role is not None:
                slots[role] = (entity_id, literal)
            if not stale and entity_id is not None:
                stored.pinned.add(entity_id)
        for row in conn.execute(
                "SELECT article_id, id, start, end, label, status, source FROM entities"
                " WHERE article_id IN (SELECT value FROM json_each(?))"
                " ORDER BY article_id, start, end, id", (ids,)):
            stored, row = held.get(row[0]), row[1:]
            if stored is None:  # an entity whose article is gone (foreign keys were off)
                continue
            if (row[4] == "suggested" and row[5].startswith(ENGINE_SOURCE_PREFIX)
                    and row[0] not in stored.pinned):
                stored.stale[row[0]] = row
            else:
                stored.kept.append(row)
        return held


def _merge_entities(writer, rejected, article_id, prepared, stored, result) -> dict[int, int]:
    index_to_id: dict[int, int] = {}
    standing = [row for row in stored.kept if row[4] != "rejected"]
    same_span = {(row[1], row[2], row[3]): row[0] for row in standing}
    repeated = {(row[1], row[2], row[3]): row[0] for row in stored.stale.values()}
    occupied = sorted((row[1], row[2]) for row in standing)
    for i, span in enumerate(prepared.entities):
        if span is None:
            continue
        start, end, label, span_text, text_s, _ = span
        key = (start, end, label)
        existing = same_span.get(key)
        if existing is not None:
            index_to_id[i] = existing
            result.skipped_human += 1
        elif (label, text_s) in rejected:
            result.skipped_rejected += 1
        elif occupied and any(s < end and start < e for s, e in occupied):
            result.skipped_human += 1
        elif start < 0 or stored.text[start:end] != span_text:  # what the span trigger checks
            raise ValueError(f"engine span {start}:{end} does not match the text")
        else:
            index_to_id[i] = writer.entity(article_id, span, repeated.pop(key, None), prepared)
            result.entities_added += 1
    return index_to_id


def _merge_facts(writer, article_id, prepared, facts, index_to_id, result) -> set[int]:
    """Insert proposed facts; one equal to a stale suggestion keeps it. Returns the stale rest."""
    stale = {fact_id for fact_id, (_, is_stale, _) in facts.items() if is_stale}
    decided = {_fact_key(t, slots) for t, is_stale, slots in facts.values() if not is_stale}
    repeated = {(t, tuple(sorted(slots.items()))): fact_id
                for fact_id, (t, is_stale, slots) in facts.items() if is_stale}
    for fact_type, proposed in prepared.facts:
        slots = _resolve(fact_type, proposed, index_to_id)
        if slots is None:
            continue
        key = _fact_key(fact_type, slots)
        if key in decided:
            continue
        decided.add(key)
        result.facts_added += 1
        again = repeated.pop((fact_type, tuple(sorted(slots.items()))), None)
        stale.discard(again)  # the same suggested fact again: same row, same id
        writer.fact(article_id, fact_type, slots, again, prepared)
    return stale


class _Writer:
    """The rows a batch of merges writes, with the ids they take, written in a few statements."""

    def __init__(self, conn, stamp: str, next_entity: int, next_fact: int) -> None:
        self.conn, self.stamp = conn, stamp
        # Store.next_ids, inside the write transaction: above every live and every deleted id.
        self.next_entity, self.next_fact = next_entity, next_fact
        self.new_entities, self.new_facts, self.new_slots = [], [], []
        self.update_entities, self.update_facts = [], []
        self.delete_entities, self.delete_facts = [], []

    def entity(self, article_id: int, span: PreparedSpan, again: int | None, prepared) -> int:
        start, end, label, text, text_s, value = span
        if again is not None:  # the same suggestion again: same row, same id
            self.update_entities.append((value, prepared.source, prepared.model, self.stamp, again))
            return again
        entity_id, self.next_entity = self.next_entity, self.next_entity + 1
        self.new_entities.append((entity_id, article_id, start, end, label, text, text_s, value,
                                  prepared.source, prepared.model, self.stamp, self.stamp))
        return entity_id

    def fact(self, article_id: int, fact_type: str, slots: dict, again: int | None,
             prepared) -> None:
        if again is not None:
            self.update_facts.append((prepared.source, prepared.model, self.stamp, again))
            return
        fact_id, self.next_fact = self.next_fact, self.next_fact + 1
        self.new_facts.append((fact_id, article_id, fact_type, prepared.source, prepared.model,
                               self.stamp, self.stamp))
        self.new_slots.extend((fact_id, role, entity, literal)
                              for role, (entity, literal) in slots.items())

    def write(self) -> None:
        """Every span was checked against its article's text (_merge_entities) and every
        slot names an entity of the fact's own article (_resolve maps the article's
        indexes only), so the per-row triggers step aside (core/schema.py)."""
        with _rows_checked_here(self.conn):
            self._write()

    def _write(self) -> None:
        run = self.conn.executemany
        run("INSERT INTO entities (id, article_id, start, end, label, text, text_s, value, source,"
            " status, model, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,'suggested',?,?,?)",
            self.new_entities)
        run("UPDATE entities SET value = ?, source = ?, model = ?, updated_at = ? WHERE id = ?",
            self.update_entities)
        run("INSERT INTO facts (id, article_id, type, source, status, model, created_at, updated_at)"
            " VALUES (?,?,?,?,'suggested',?,?,?)", self.new_facts)
        run("INSERT INTO fact_slots (fact_id, role, entity_id, literal) VALUES (?,?,?,?)",
            self.new_slots)
        run("UPDATE facts SET source = ?, model = ?, updated_at = ? WHERE id = ?", self.update_facts)
        run("DELETE FROM facts WHERE id = ?", self.delete_facts)
        run("DELETE FROM entities WHERE id = ?", self.delete_entities)


def _fact_key(fact_type: str, slots: dict) -> tuple:
    """What makes two facts the same decision: type and its required slots' entities or texts.

    Entities that a stored fact points at survive a re-run and keep their ids,
    so an engine proposal over the same mention maps onto the same key.
    """
    required = REQUIRED_SLOTS[FactType(fact_type)]
    return (fact_type, tuple((r, *slots[r]) for r in required if r in slots))


def _resolve(fact_type: str, proposed: tuple, index_to_id: dict) -> dict | None:
    """Map entity indexes to stored ids: {role: (entity id, literal)}; None when a required
    slot is lost."""
    slots = {}
    for role, entity, literal in proposed:
        if entity is None:
            slots[role] = (None, literal)
        elif entity in index_to_id:
            slots[role] = (index_to_id[entity], None)
    if any(role not in slots for role in REQUIRED_SLOTS[FactType(fact_type)]):
        return None
    return slots
