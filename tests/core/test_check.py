"""`pizhu check`: finds spans that no longer match, dangling slots, a stale index; repairs safely."""

from __future__ import annotations

from core import operations as ops
from core.check import find_problems, repair
from core.model import FactType, Label, SlotValue, Status
from core.store import NewArticle
from core.text import OffsetMap

TEXT = "记者王志强报道，德州经开区投资2.1亿元。"


def setup(store):
    store.add_articles([NewArticle("t", TEXT, TEXT, OffsetMap.identity(len(TEXT)), "simplified")])
    person = ops.add_entity(store, 1, 2, 5, Label.PERSON, annotator="me").entity_id
    title = ops.add_entity(store, 1, 0, 2, Label.TITLE, annotator="me").entity_id
    ops.add_fact(store, 1, FactType.POSITION,
                 {"person": SlotValue(entity=person), "title": SlotValue(entity=title)}, annotator="me")
    return person


def test_a_healthy_database_has_no_problems(fresh_store):
    setup(fresh_store)
    assert find_problems(fresh_store) == []


def test_a_shifted_text_is_found_and_spans_are_moved_back(fresh_store):
    setup(fresh_store)
    shifted = "【快讯】" + TEXT  # someone edited the text behind Pizhu's back
    fresh_store.conn.execute("UPDATE articles SET clean_text = ? WHERE id = 1", (shifted,))
    problems = find_problems(fresh_store)
    assert {p.kind for p in problems} == {"span"} and len(problems) == 2
    done = repair(fresh_store, problems)
    assert len(done) == 2 and find_problems(fresh_store) == []
    assert [(e.text, e.start) for e in fresh_store.entities(1)] == [("记者", 4), ("王志强", 6)]
    assert {e.status for e in fresh_store.entities(1)} == {Status.MANUAL}


def test_a_human_span_that_cannot_be_placed_is_reported_not_deleted(fresh_store):
    setup(fresh_store)
    fresh_store.conn.execute("UPDATE articles SET clean_text = ? WHERE id = 1", (TEXT.replace("王志强", "李爱军"),))
    problems = find_problems(fresh_store)
    repair(fresh_store, problems)
    assert len(fresh_store.entities(1)) == 2
    assert [p.kind for p in find_problems(fresh_store)] == ["span"]


def test_dangling_slots_and_stale_index_are_repaired(fresh_store):
    person = setup(fresh_store)
    fresh_store.conn.execute("PRAGMA foreign_keys = OFF")
    fresh_store.conn.execute("DELETE FROM entities WHERE id = ?", (person,))
    fresh_store.conn.execute("DELETE FROM articles_fts")
    fresh_store.conn.execute("PRAGMA foreign_keys = ON")
    kinds = sorted(p.kind for p in find_problems(fresh_store))
    assert "dangling-slot" in kinds and "search-index" in kinds
    repair(fresh_store, find_problems(fresh_store))
    remaining = [p.kind for p in find_problems(fresh_store)]
    assert remaining == ["fact"]  # the fact lost its required person: reported, left to a person
    assert fresh_store.article_ids(query="经开区") == [1]
