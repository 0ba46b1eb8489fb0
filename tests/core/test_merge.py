"""The merge rule: engine results never change what a person decided."""

from __future__ import annotations

import pytest

from core import operations as ops
from core.model import Analysis, FactProposal, FactType, Label, SlotValue, Span, Status
from core.store import NewArticle
from core.text import OffsetMap

TEXT = "区行政审批部副部长李爱军介绍，上海逸众医疗科技有限公司投资2.1亿元。"


def span(text: str, label: Label, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return Span(start, start + len(text), label, text)


ANALYSIS = Analysis(
    entities=[
        span("区行政审批部", Label.ORG),
        span("副部长", Label.TITLE),
        span("李爱军", Label.PERSON),
        span("上海逸众医疗科技有限公司", Label.ORG),
        span("2.1亿元", Label.MONEY),
    ],
    facts=[
        FactProposal(FactType.POSITION, {"person": SlotValue(entity=2), "title": SlotValue(entity=1),
                                         "org": SlotValue(entity=0)}),
        FactProposal(FactType.INVESTMENT, {"investor": SlotValue(entity=3), "amount": SlotValue(entity=4)}),
    ],
    engine_version="test-engine",
    model="m1",
)


@pytest.fixture
def store(fresh_store):
    fresh_store.add_articles([NewArticle("t", TEXT, TEXT, OffsetMap.identity(len(TEXT)), "simplified")])
    return fresh_store


def by_text(store):
    return {e.text: e for e in store.entities(1)}


def test_first_merge_stores_suggestions_with_provenance(store):
    result = store.merge_suggestions(1, ANALYSIS)
    assert (result.entities_added, result.facts_added) == (5, 2)
    entity = by_text(store)["李爱军"]
    assert (entity.status, entity.source, entity.model) == (Status.SUGGESTED, "engine:test-engine", "m1")
    position = next(f for f in store.facts(1) if f.type is FactType.POSITION)
    assert store.entity(position.slots["person"].entity).text == "李爱军"


def test_rerun_replaces_suggestions_but_keeps_every_human_decision(store):
    store.merge_suggestions(1, ANALYSIS)
    e = by_text(store)
    ops.set_entity_status(store, [e["李爱军"].id], Status.ACCEPTED, annotator="ann")
    ops.set_entity_status(store, [e["副部长"].id], Status.REJECTED, annotator="ann")
    ops.relabel_entity(store, e["区行政审批部"].id, Label.LOC, annotator="ann")
    ops.delete_entity(store, e["2.1亿元"].id, annotator="ann")
    manual = ops.add_entity(store, 1, TEXT.index("介绍"), TEXT.index("介绍") + 2, Label.DOC, annotator="ann")
    before = {x.id: (x.label, x.status, x.source) for x in store.entities(1) if x.status.human}

    store.merge_suggestions(1, ANALYSIS)

    after = {x.id: (x.label, x.status, x.source) for x in store.entities(1) if x.status.human}
    assert after == before
    labels = {(x.text, x.label) for x in store.entities(1) if x.status is not Status.REJECTED}
    assert ("副部长", Label.TITLE) not in labels  # rejected: never suggested again
    assert ("区行政审批部", Label.ORG) not in labels  # a person relabelled it
    assert ("2.1亿元", Label.MONEY) in labels  # deleted suggestions may come back
    assert store.entity(manual.entity_id).label is Label.DOC


def test_rejected_text_is_not_suggested_in_other_articles(store):
    other = "李爱军来到德州。"
    store.add_articles([NewArticle("o", other, other, OffsetMap.identity(len(other)), "simplified")])
    store.merge_suggestions(1, ANALYSIS)
    ops.set_entity_status(store, [by_text(store)["李爱军"].id], Status.REJECTED, annotator="ann")
    store.merge_suggestions(2, Analysis([Span(0, 3, Label.PERSON, "李爱军")], [], "test-engine"))
    assert store.entities(2) == []


def test_human_edited_fact_survives_and_is_not_duplicated(store):
    store.merge_suggestions(1, ANALYSIS)
    fact = next(f for f in store.facts(1) if f.type is FactType.INVESTMENT)
    ops.set_fact_slot(store, fact.id, "date", SlotValue(literal="今年"), annotator="ann")
    store.merge_suggestions(1, ANALYSIS)
    investments = [f for f in store.facts(1) if f.type is FactType.INVESTMENT]
    assert [f.id for f in investments] == [fact.id]
    assert investments[0].status is Status.ACCEPTED and investments[0].slots["date"].literal == "今年"


def test_fact_losing_a_required_slot_is_dropped(store):
    store.merge_suggestions(1, ANALYSIS)
    ops.set_entity_status(store, [by_text(store)["2.1亿元"].id], Status.REJECTED, annotator="ann")
    store.merge_suggestions(1, ANALYSIS)
    assert [f.type for f in store.facts(1)] == [FactType.POSITION]


def test_merge_refuses_spans_that_do_not_match(store):
    bad = Analysis([Span(0, 3, Label.ORG, "不对的")], [], "test-engine")
    with pytest.raises(ValueError):
        store.merge_suggestions(1, bad)
    assert store.entities(1) == []


def test_engine_spans_with_whitespace_edges_are_trimmed(store):
    spaced_text = "区行政审批部 "
    store.conn.execute("UPDATE articles SET clean_text = ? WHERE id = 1", (spaced_text + TEXT[7:],))
    padded = Analysis([Span(0, 7, Label.ORG, spaced_text)], [], "test-engine")
    store.merge_suggestions(1, padded)
    assert [(e.start, e.end, e.text) for e in store.entities(1)] == [(0, 6, "区行政审批部")]
