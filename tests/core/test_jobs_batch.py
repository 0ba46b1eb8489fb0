"""Merging in batches: worker-prepared rows, one transaction per chunk, progress after commit."""

from __future__ import annotations

import pickle
import sqlite3

import pytest

from core import merge
from core.jobs import JobResult, _gathered, _merge_chunk, extract
from core.merge import merge_prepared, prepare
from core.model import Analysis, FactProposal, FactType, Label, SlotValue, Span
from core.schema import MERGE_CHECKS_ROWS
from core.store import NewArticle, Store
from core.text import OffsetMap

TEXTS = ["区行政审批部副部长李爱军介绍，上海逸众医疗科技有限公司投资2.1亿元。",
         "德州經開區管委會主任王强表示，今年投资5亿元。",
         "他说好风景真好看。"]


def span(text: str, part: str, label: Label) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), label, part)


def analysis_for(text: str) -> Analysis:
    money = text.index("亿元") - 1 if "亿元" in text else None
    entities = [span(text, text[:3], Label.ORG)]
    facts = []
    if money is not None:
        entities.append(Span(money, money + 3, Label.MONEY, text[money : money + 3]))
        facts.append(FactProposal(FactType.INVESTMENT, {"amount": SlotValue(entity=1),
                                                         "investor": SlotValue(entity=0)}))
    return Analysis(entities, facts, "batch-engine", "m")


def fill(store: Store, texts=TEXTS) -> list[int]:
    ids, _ = store.add_articles(
        [NewArticle(t[:4], t, t, OffsetMap.identity(len(t)), "simplified") for t in texts])
    return ids


def rows(store: Store) -> tuple:
    conn = store.conn
    return (conn.execute("SELECT id, article_id, start, end, label, text, text_s, value, source,"
                         " status, model FROM entities ORDER BY id").fetchall(),
            conn.execute("SELECT id, article_id, type, source, status FROM facts ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM fact_slots ORDER BY fact_id, role").fetchall())


def test_prepare_trims_and_simplifies():
    prepared = prepare(Analysis([Span(0, 6, Label.ORG, "德州經開區 "), Span(5, 6, Label.LOC, " "),
                                 Span(6, 8, Label.DATE, "今年", {"year": 2024})], [], "e", "m"))
    org, blank, date = prepared.entities
    assert org == (0, 5, "ORG", "德州經開區", "德州经开区", None)
    assert blank is None  # whitespace only: dropped, indexes of later spans unchanged
    assert date == (6, 8, "DATE", "今年", "今年", '{"year": 2024}')
    assert (prepared.source, prepared.model) == ("engine:e", "m")
    assert pickle.loads(pickle.dumps(prepared)) == prepared


def test_a_batch_stores_what_one_merge_per_article_stores(tmp_path):
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "batch.db") as batch:
        ids = fill(one)
        fill(batch)
        for article_id, text in zip(ids, TEXTS, strict=True):
            one.merge_suggestions(article_id, analysis_for(text))
        results = merge_prepared(batch, [(article_id, prepare(analysis_for(text)))
                                         for article_id, text in zip(ids, TEXTS, strict=True)])
        assert [r.entities_added for r in results] == [2, 2, 1]
        assert rows(batch)[0] and rows(batch) == rows(one)


def test_a_deleted_article_is_reported_and_the_rest_merged(fresh_store):
    ids = fill(fresh_store)
    prepared = [(article_id, prepare(analysis_for(t))) for article_id, t in zip(ids, TEXTS, strict=True)]
    fresh_store.conn.execute("DELETE FROM articles WHERE id = ?", (ids[1],))
    results = merge_prepared(fresh_store, prepared)
    assert results[1] is None and results[0].entities_added == 2 and results[2].entities_added == 1


def test_no_deleted_id_is_handed_to_another_article_in_the_same_batch(fresh_store):
    ids = fill(fresh_store)
    fresh_store.merge_suggestions(ids[0], analysis_for(TEXTS[0]))
    top = max(e.id for e in fresh_store.entities(ids[0]))
    merge_prepared(fresh_store, [(ids[0], prepare(Analysis([], [], "batch-engine"))),
                                 (ids[2], prepare(analysis_for(TEXTS[2])))])
    assert fresh_store.entities(ids[0]) == []
    assert [e.id > top for e in fresh_store.entities(ids[2])] == [True]


def test_one_bad_article_fails_alone_and_its_chunk_is_merged(fresh_store):
    ids = fill(fresh_store)
    chunk = [JobResult(a, prepare(analysis_for(t))) for a, t in zip(ids, TEXTS, strict=True)]
    fresh_store.conn.execute("UPDATE articles SET clean_text = ? WHERE id = ?",  # edited meanwhile
                             ("某" * len(TEXTS[1]), ids[1]))
    chunk.append(JobResult(99, None, "article no longer exists"))
    outcomes = _merge_chunk(fresh_store, chunk)
    assert "does not match" in outcomes[1] and outcomes[3] == "article no longer exists"
    assert outcomes[0].entities_added == 2 and outcomes[2].entities_added == 1
    assert fresh_store.entities(ids[1]) == [] and len(fresh_store.entities(ids[0])) == 2


BAD_SPAN = ("INSERT INTO entities (article_id, start, end, label, text, text_s, source, status,"
            " created_at, updated_at) VALUES (?, 0, 2, 'LOC', '不对', '不对', 'x', 'manual', '', '')")


def assert_rows_are_checked(store: Store, article_id: int) -> None:
    """The span trigger refuses a bad span again, here and on another connection."""
    assert store.conn.execute("SELECT count(*) FROM meta WHERE key = ?",
                              (MERGE_CHECKS_ROWS,)).fetchone()[0] == 0
    other = sqlite3.connect(store.path)
    for conn in (store.conn, other):
        with pytest.raises(sqlite3.IntegrityError, match="does not match"):
            conn.execute(BAD_SPAN, (article_id,))
    other.close()


@pytest.mark.parametrize(("start", "end", "text"),
                         [(0, 4, "德州经开"), (-1, 2, "。德州"), (30, 40, "超过了文章的末尾的字")])
def test_the_merge_checks_each_span_it_writes_and_the_triggers_come_back(
        fresh_store, start, end, text):
    """The merge writes its rows past the per-row triggers, so it refuses a bad span itself."""
    ids = fill(fresh_store)
    good = prepare(analysis_for(TEXTS[0]))
    bad = prepare(Analysis([Span(start, end, Label.ORG, text)], [], "batch-engine"))  # 德州經開區…
    with pytest.raises(ValueError, match="does not match the text"):
        merge_prepared(fresh_store, [(ids[0], good), (ids[1], bad)])
    assert rows(fresh_store) == ([], [], [])
    assert_rows_are_checked(fresh_store, ids[0])
    merge_prepared(fresh_store, [(ids[0], good)])
    assert len(rows(fresh_store)[0]) == 2 and len(rows(fresh_store)[2]) == 2  # stored, slots too
    assert_rows_are_checked(fresh_store, ids[0])


def test_after_a_nul_the_merge_refuses_spans_as_the_trigger_does(fresh_store):
    """SQLite's substr() ends at a NUL; the merge's own check reads the text the same way."""
    ids = fill(fresh_store, ["德州\0经开区管委会"])
    after = prepare(Analysis([Span(3, 6, Label.LOC, "经开区")], [], "batch-engine"))
    with pytest.raises(ValueError, match="does not match the text"):
        merge_prepared(fresh_store, [(ids[0], after)])
    with pytest.raises(sqlite3.IntegrityError, match="does not match"):
        fresh_store.conn.execute(BAD_SPAN.replace("0, 2, 'LOC', '不对', '不对'",
                                                  "3, 6, 'LOC', '经开区', '经开区'"), (ids[0],))
    before = prepare(Analysis([Span(0, 2, Label.LOC, "德州")], [], "batch-engine"))
    assert merge_prepared(fresh_store, [(ids[0], before)])[0].entities_added == 1


def test_rows_left_by_an_article_deleted_without_foreign_keys_do_not_stop_a_merge(fresh_store):
    ids = fill(fresh_store)
    merge_prepared(fresh_store, [(a, prepare(analysis_for(t))) for a, t in zip(ids, TEXTS, strict=True)])
    fresh_store.conn.execute("PRAGMA foreign_keys = OFF")  # as in the sqlite3 shell
    fresh_store.conn.execute("DELETE FROM articles WHERE id = ?", (ids[0],))
    fresh_store.conn.execute("PRAGMA foreign_keys = ON")
    results = merge_prepared(fresh_store, [(a, prepare(analysis_for(t)))
                                           for a, t in zip(ids, TEXTS, strict=True)])
    assert results[0] is None and results[1].entities_added == 2


def test_a_merge_inside_a_longer_transaction_leaves_the_checks_on_for_what_follows(fresh_store):
    ids = fill(fresh_store)
    with fresh_store.transaction() as conn:
        merge_prepared(fresh_store, [(ids[0], prepare(analysis_for(TEXTS[0])))])
        with pytest.raises(sqlite3.IntegrityError, match="does not match"):
            conn.execute(BAD_SPAN, (ids[1],))
    assert len(rows(fresh_store)[0]) == 2


def test_an_interrupted_batch_leaves_every_article_untouched(fresh_store, monkeypatch):
    ids = fill(fresh_store)
    real = merge._Writer.write

    def interrupted(writer):
        real(writer)  # every row is written, the commit never comes
        raise KeyboardInterrupt

    monkeypatch.setattr(merge._Writer, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        merge_prepared(fresh_store, [(a, prepare(analysis_for(t))) for a, t in zip(ids, TEXTS, strict=True)])
    assert rows(fresh_store) == ([], [], [])


def test_an_article_reported_done_is_already_committed(fresh_store):
    texts = [f"{i}月{i}日，德州经开区管委会主任李爱军介绍，今年投资{i}.5亿元。" for i in range(1, 97)]  # chunks of 6, batches of several
    fill(fresh_store, texts)
    reader = sqlite3.connect(fresh_store.path)  # another connection sees committed rows only
    unseen = []

    def progress(done, total, result):
        count = reader.execute("SELECT count(*) FROM entities WHERE article_id = ?",
                               (result.article_id,)).fetchone()[0]
        if not count:
            unseen.append(result.article_id)

    summary = extract(fresh_store, jobs=2, progress=progress)
    reader.close()
    assert summary.done == len(texts) and not summary.failed and unseen == []


class Arrivals:
    """Stands in for the pool's result iterator: chunks ready now, then a wait that times out."""

    def __init__(self, chunks):
        self.chunks = list(chunks)

    def next(self, timeout=None):
        from multiprocessing import TimeoutError as PoolTimeout

        if not self.chunks:
            raise PoolTimeout
        return self.chunks.pop(0)


@pytest.mark.parametrize(("gather", "gathered", "left"), [(1, 2, 3), (4, 4, 2), (5, 6, 1), (99, 9, 0)])
def test_chunks_are_gathered_up_to_the_batch_size(gather, gathered, left):
    arrivals = Arrivals([[3, 4], [5, 6], [7, 8, 9]])
    assert _gathered(arrivals, [1, 2], gather, lambda: False) == list(range(1, gathered + 1))
    assert len(arrivals.chunks) == left


def test_gathering_stops_when_cancelled():
    arrivals = Arrivals([[3], [4]])
    assert _gathered(arrivals, [1], 10, lambda: True) == [1] and len(arrivals.chunks) == 2


def test_an_article_twice_in_one_merge_is_refused_and_extract_runs_it_once(fresh_store):
    ids = fill(fresh_store)
    twice = [(ids[0], prepare(analysis_for(TEXTS[0])))] * 2
    with pytest.raises(ValueError, match="twice"):
        merge_prepared(fresh_store, twice)
    assert fresh_store.entities(ids[0]) == []  # refused before anything was written
    summary = extract(fresh_store, [ids[0], ids[0], ids[1]], jobs=1)
    assert summary.done == 2 and not summary.failed
    spans = [(e.start, e.end, e.label) for e in fresh_store.entities(ids[0])]
    assert spans and len(spans) == len(set(spans))  # no duplicate rows
