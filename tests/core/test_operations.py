"""Edit operations: one transaction each, journaled, exactly undoable."""

from __future__ import annotations

import pytest

from core import operations as ops
from core.errors import UserError
from core.model import ArticleStatus, FactType, Label, SlotValue, Status
from core.store import NewArticle
from core.text import OffsetMap

TEXT = "记者王志强报道，德州经开区 𠀀 今年投资2.1亿元。"


@pytest.fixture
def store(fresh_store):
    fresh_store.add_articles([NewArticle("t", TEXT, TEXT, OffsetMap.identity(len(TEXT)), "simplified")])
    return fresh_store


def at(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


def snapshot(store):
    return [(e.id, e.start, e.end, e.label, e.status, e.source) for e in store.entities(1)], [
        (f.id, f.type, f.status, sorted(f.slots.items())) for f in store.facts(1)
    ]


def test_add_entity_records_the_annotator_and_a_journal_row(store):
    edit = ops.add_entity(store, 1, *at("王志强"), Label.PERSON, annotator="林")
    entity = store.entity(edit.entity_id)
    assert (entity.text, entity.status, entity.source) == ("王志强", Status.MANUAL, "林")
    op = store.conn.execute("SELECT annotator, op, target FROM edits WHERE id = ?", (edit.edit_id,)).fetchone()
    assert op == ("林", "add_entity", edit.entity_id)


@pytest.mark.parametrize("bad", [(0, 0), (5, 3), (0, 999), (12, 14)])
def test_bad_spans_are_refused_and_nothing_is_stored(store, bad):
    with pytest.raises(UserError):
        ops.add_entity(store, 1, *bad, Label.LOC, annotator="me")
    assert store.entities(1) == []


def test_a_span_after_an_astral_character_counts_code_points(store):
    edit = ops.add_entity(store, 1, *at("今年"), Label.DATE, annotator="me")
    assert store.entity(edit.entity_id).text == "今年"


def test_manual_entity_displaces_overlapping_suggestions_and_undo_brings_them_back(store):
    from core.model import Analysis, Span

    start, end = at("德州经开区")
    store.merge_suggestions(1, Analysis([Span(start, start + 2, Label.LOC, "德州")], [], "e"))
    before = snapshot(store)
    edit = ops.add_entity(store, 1, start, end, Label.LOC, annotator="me")
    assert [e.text for e in store.entities(1)] == ["德州经开区"]
    ops.restore_entities(store, edit.removed, edit.removed_slots, annotator="me", remove=(edit.entity_id,))
    assert snapshot(store) == before


def test_overlapping_a_human_entity_is_refused(store):
    ops.add_entity(store, 1, *at("德州经开区"), Label.LOC, annotator="me")
    with pytest.raises(UserError, match="overlaps"):
        ops.add_entity(store, 1, *at("德州"), Label.ORG, annotator="me")


def test_delete_and_restore_round_trip_with_fact_slots(store):
    person = ops.add_entity(store, 1, *at("王志强"), Label.PERSON, annotator="me").entity_id
    title = ops.add_entity(store, 1, *at("记者"), Label.TITLE, annotator="me").entity_id
    ops.add_fact(store, 1, FactType.POSITION,
                 {"person": SlotValue(entity=person), "title": SlotValue(entity=title)}, annotator="me")
    before = snapshot(store)
    edit = ops.delete_entity(store, person, annotator="me")
    assert "person" not in store.facts(1)[0].slots
    ops.restore_entities(store, edit.removed, edit.removed_slots, annotator="me")
    assert snapshot(store) == before


def test_fact_slot_checks_labels_and_makes_the_fact_human(store):
    from core.model import Analysis, FactProposal, Span

    s_person, s_title = at("王志强"), at("记者")
    store.merge_suggestions(1, Analysis(
        [Span(*s_title, Label.TITLE, "记者"), Span(*s_person, Label.PERSON, "王志强")],
        [FactProposal(FactType.POSITION, {"person": SlotValue(entity=1), "title": SlotValue(entity=0)})],
        "e"))
    fact = store.facts(1)[0]
    with pytest.raises(UserError, match="takes ORG"):
        ops.set_fact_slot(store, fact.id, "org", SlotValue(entity=fact.slots["person"].entity), annotator="me")
    before = ops.set_fact_slot(store, fact.id, "org", SlotValue(literal="德州新闻网"), annotator="me")
    assert store.fact(fact.id).status is Status.ACCEPTED and store.fact(fact.id).source == "me"
    ops.restore_fact(store, before, annotator="me")
    assert store.fact(fact.id) == before


def test_delete_fact_and_restore(store):
    fid = ops.add_fact(store, 1, FactType.EVENT, {"action": SlotValue(literal="签约")}, annotator="me")
    before = ops.delete_fact(store, fid, annotator="me")
    assert store.facts(1) == []
    ops.restore_fact(store, before, annotator="me")
    assert store.facts(1) == [before]


def test_accept_all_and_article_status(store):
    from core.model import Analysis, Span

    store.merge_suggestions(1, Analysis([Span(*at("记者"), Label.TITLE, "记者"),
                                         Span(*at("2.1亿元"), Label.MONEY, "2.1亿元")], [], "e"))
    assert len(ops.accept_all(store, 1, annotator="me")) == 2
    assert {e.status for e in store.entities(1)} == {Status.ACCEPTED}
    assert ops.set_article_status(store, 1, ArticleStatus.DONE, annotator="me") is ArticleStatus.TODO
    assert store.article(1).status is ArticleStatus.DONE


def test_a_failed_edit_leaves_no_trace(store, monkeypatch):
    calls = store.conn.execute("SELECT count(*) FROM edits").fetchone()[0]
    monkeypatch.setattr(store, "journal", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        ops.add_entity(store, 1, *at("王志强"), Label.PERSON, annotator="me")
    assert store.entities(1) == []
    assert store.conn.execute("SELECT count(*) FROM edits").fetchone()[0] == calls


def test_a_rejected_suggestion_does_not_block_the_right_span(store):
    from core.model import Analysis, Span

    start, end = at("德州经开区")
    store.merge_suggestions(1, Analysis([Span(start, start + 2, Label.PERSON, "德州")], [], "e"))
    [wrong] = store.entities(1)
    ops.set_entity_status(store, [wrong.id], Status.REJECTED, annotator="me")
    edit = ops.add_entity(store, 1, start, end, Label.LOC, annotator="me")
    assert edit.removed == []  # the rejection stays on record
    assert {(e.text, e.status) for e in store.entities(1)} == {
        ("德州", Status.REJECTED), ("德州经开区", Status.MANUAL)}
