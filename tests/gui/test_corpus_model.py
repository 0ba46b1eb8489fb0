"""The corpus model: ids up front, rows in batches; the panel's search and status filter."""

from __future__ import annotations

import pytest

from core.model import ArticleStatus
from core.store import NewArticle
from core.text import OffsetMap
from gui import corpus_model
from gui.corpus_model import ARTICLE_ID_ROLE, CorpusModel

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("propagateSizeHints")]


def _many(store, n: int) -> list[int]:
    articles = [NewArticle(f"标题{i}", f"第{i}篇 德州经开区", f"第{i}篇 德州经开区",
                           OffsetMap.identity(len(f"第{i}篇 德州经开区")), "simplified")
                for i in range(n)]
    added, _ = store.add_articles(articles)
    return added


def test_qtmodeltester_seeds(qtmodeltester, suggested_store):
    model = CorpusModel(suggested_store)
    model.set_ids(suggested_store.article_ids())
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2
    assert model.index(0, 3).data() > 0  # pending suggestions counted


def test_qtmodeltester_many_lazy(qtmodeltester, fresh_store, monkeypatch):
    ids = _many(fresh_store, 1000)
    asked: list[list[int]] = []
    real = fresh_store.summaries
    monkeypatch.setattr(fresh_store, "summaries", lambda wanted: asked.append(wanted) or real(wanted))
    model = CorpusModel(fresh_store)
    model.set_ids(ids)
    assert model.rowCount() == corpus_model.BATCH and model.total() == 1000
    assert asked == []  # nothing read before a row is shown
    assert model.index(5, 0).data() == "标题5"
    assert len(asked) == 1 and len(asked[0]) == corpus_model.BATCH
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 2 * corpus_model.BATCH
    assert model.index(250, 0).data(ARTICLE_ID_ROLE) == ids[250]
    qtmodeltester.check(model, force_py=True)


def test_panel_search_and_status_filter(window, qtbot, suggested_store):
    panel = window.corpus
    assert panel.model.total() == 2
    for query, expected in (("漳州", 1), ("label:LOC 德州", 1), ("", 2)):
        with qtbot.waitSignal(panel.model.modelReset, timeout=2000):
            panel.search.setText(query)
        assert panel.model.total() == expected, query
    found = suggested_store.article_ids(query="label:LOC 德州")
    assert found and "德州" in suggested_store.article_text(found[0])
    panel.search.setText("label:NOPE")
    qtbot.waitUntil(lambda: "unknown label" in panel.count.text(), timeout=2000)
    with qtbot.waitSignal(panel.model.modelReset, timeout=2000):
        panel.search.setText("")
    first = suggested_store.article_ids()[0]
    window.session.store.conn.execute("UPDATE articles SET status = 'done' WHERE id = ?", (first,))
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(ArticleStatus.DONE.value))
    assert panel.model.total() == 1 and panel.model.article_id(0) == first


def test_panel_opens_beside_on_request(window):
    ids = window.session.store.article_ids()
    window.reader.close_pane()
    assert len(window.reader.panes) == 1
    window.corpus.open_requested.emit(ids[0], True)
    assert len(window.reader.panes) == 2
    assert window.reader.current.article_id == ids[0]
