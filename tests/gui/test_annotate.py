"""The main window over a real database: panes side by side, keyboard tagging, undo, reject."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from core.model import ArticleStatus, Label, Status
from tests.gui.conftest import fake_analysis

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("propagateSizeHints")]


def _rows(store, sql: str, *params):
    """Read straight from the SQLite file: what a restart would see."""
    with sqlite3.connect(store.path) as conn:
        return conn.execute(sql, params).fetchall()


def _select(pane, start: int, end: int) -> None:
    a, b = pane.mapper.to_display(start, end)
    cursor = pane.view.textCursor()
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    pane.view.setFocus()


def _free_span(pane, text: str) -> tuple[int, int]:
    """An occurrence of text that no entity overlaps."""
    clean = pane.article.clean_text
    pos = clean.find(text)
    while pos != -1:
        if not any(e.start < pos + len(text) and pos < e.end for e in pane.layer.entities):
            return pos, pos + len(text)
        pos = clean.find(text, pos + 1)
    raise AssertionError(f"no free occurrence of {text}")


def test_seeds_open_side_by_side(window, suggested_store):
    ids = suggested_store.article_ids()
    assert [p.article_id for p in window.reader.panes] == ids[:2]
    assert window.reader.splitter.count() == 2
    for pane in window.reader.panes:
        assert pane.view.toPlainText() == suggested_store.article_text(pane.article_id)
        shown = [e for e in pane.layer.entities if e.status is not Status.REJECTED]
        assert len(pane.view.extraSelections()) == len(shown) > 0


def test_label_key_creates_manual_entity_undo_redo(window, qtbot, suggested_store):
    pane = window.reader.panes[0]
    window.reader.set_current(pane)
    start, end = _free_span(pane, "基層組織")
    _select(pane, start, end)
    qtbot.keyClick(pane.view, Qt.Key.Key_3)  # ORG
    rows = _rows(suggested_store, "SELECT id, label, text, source, status FROM entities"
                 " WHERE article_id = ? AND start = ? AND end = ?", pane.article_id, start, end)
    assert len(rows) == 1
    entity_id, label, text, source, status = rows[0]
    assert (label, text, source, status) == ("ORG", "基層組織", "tester", "manual")
    assert pane.layer.selected == entity_id

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _rows(suggested_store, "SELECT 1 FROM entities WHERE id = ?", entity_id) == []
    qtbot.keyClick(pane.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _rows(suggested_store, "SELECT label, source, status FROM entities WHERE id = ?",
                 entity_id) == [("ORG", "tester", "manual")]


def test_label_key_on_selected_span_relabels(window, qtbot, suggested_store):
    pane = window.reader.panes[0]
    window.reader.set_current(pane)
    target = next(e for e in pane.layer.entities if e.label is Label.LOC)
    pane.select_entity(target.id)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_3)
    assert suggested_store.entity(target.id).label is Label.ORG
    assert suggested_store.entity(target.id).status is Status.ACCEPTED
    window.session.undo_stack.undo()
    assert suggested_store.entity(target.id) == target


def test_reject_survives_rerun_of_extraction(window, qtbot, suggested_store):
    pane = window.reader.panes[0]
    window.reader.set_current(pane)
    qtbot.keyClick(pane.view, Qt.Key.Key_N)
    target = pane.selected_entity
    assert target is not None and target.status is Status.SUGGESTED
    qtbot.keyClick(pane.view, Qt.Key.Key_X)
    assert suggested_store.entity(target.id).status is Status.REJECTED
    assert pane.selected_entity.id != target.id  # moved on to the next suggestion

    window.background.extract(
        [pane.article_id], work=_fake_work(suggested_store, [pane.article_id]))
    with qtbot.waitSignal(window.background.extraction_finished, timeout=10000):
        pass
    same = [e for e in suggested_store.entities(pane.article_id)
            if e.text == target.text and e.label is target.label and e.status is not Status.REJECTED]
    assert same == []
    assert suggested_store.entity(target.id).status is Status.REJECTED
    assert all(e.id != target.id for e in pane.layer.entities if e.status is Status.SUGGESTED)


def test_accept_delete_accept_all_and_done_next(window, qtbot, suggested_store):
    first, second = window.reader.panes
    window.reader.set_current(first)
    article_id = first.article_id
    qtbot.keyClick(first.view, Qt.Key.Key_N)
    accepted = first.selected_entity
    qtbot.keyClick(first.view, Qt.Key.Key_A)
    assert suggested_store.entity(accepted.id).status is Status.ACCEPTED
    first.select_entity(accepted.id)
    qtbot.keyClick(first.view, Qt.Key.Key_Delete)
    assert all(e.id != accepted.id for e in suggested_store.entities(first.article_id))
    window.actions.accept_all.trigger()
    assert not [e for e in suggested_store.entities(first.article_id) if e.status is Status.SUGGESTED]
    window.actions.done_next.trigger()
    assert suggested_store.article(article_id).status is ArticleStatus.DONE
    assert window.reader.current is first and first.article_id == second.article_id
    assert window.session.current_article == second.article_id  # the inspector follows
    for _ in range(4):
        window.session.undo_stack.undo()
    assert suggested_store.article(article_id).status is ArticleStatus.TODO
    assert suggested_store.entity(accepted.id) == accepted


def test_selecting_an_entity_echoes_in_other_panes(window, suggested_store):
    first, second = window.reader.panes
    shared = first.entity_keys() & second.entity_keys()
    assert shared  # 記者 and 生態環境分局 appear in both seeds
    assert first.layer.shared == frozenset(shared) == second.layer.shared
    label, text = sorted(shared)[0]
    entity = next(e for e in first.layer.entities if e.text == text)
    first.select_entity(entity.id)
    assert second.layer.echo == text and first.layer.echo == ""
    echoes = [s for s in second.view.extraSelections() if s.format.background().color().name()
              == "#ffe066"]
    assert echoes and all(s.cursor.selectedText() == text for s in echoes)


def test_raw_view_maps_highlights(window, suggested_store):
    pane = window.reader.panes[0]
    window.reader.set_current(pane)
    window.actions.toggle_raw.setChecked(True)
    assert pane.raw_mode and pane.view.toPlainText() == pane.article.raw_text
    for item in pane.view.extraSelections():
        raw = item.cursor.selectedText()
        assert raw  # every span lands on text
    window.actions.toggle_raw.setChecked(False)
    assert pane.view.toPlainText() == pane.article.clean_text


def _fake_work(store, ids):
    from core.jobs import JobResult

    texts = {i: store.article_text(i) for i in ids}

    def work(cancel, progress):
        for n, article_id in enumerate(ids, 1):
            progress(n, len(ids))
            yield JobResult(article_id, fake_analysis(texts[article_id]))

    return work


def test_manual_span_displaces_suggestions_and_undo_restores_them(window, qtbot, suggested_store):
    pane = window.reader.panes[0]
    window.reader.set_current(pane)
    suggestion = next(e for e in pane.layer.entities
                      if e.status is Status.SUGGESTED and e.end + 2 <= len(pane.article.clean_text)
                      and not pane.article.clean_text[e.start:e.end + 2].isspace())
    _select(pane, suggestion.start, suggestion.end + 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_5)  # PROJECT over the suggestion
    ids = [e.id for e in suggested_store.entities(pane.article_id)]
    assert suggestion.id not in ids
    window.session.undo_stack.undo()
    assert suggested_store.entity(suggestion.id) == suggestion


def test_hover_tooltip_names_label_source_status(window):
    pane = window.reader.panes[0]
    entity = pane.layer.entities[0]
    tip = pane._tooltip(entity)
    assert entity.label.value in tip and entity.source in tip and entity.status.value in tip


def test_pane_context_menu_offers_annotate_actions(window):
    from PySide6.QtCore import QPoint

    pane = window.reader.panes[1]
    menu = window.reader.context_menu(pane, QPoint(20, 20))
    assert window.reader.current is pane
    names = {a.objectName() for a in menu.actions()}
    assert {"accept", "reject", "delete", "label_occurrences"} <= names
    assert any(a.menu() is not None for a in menu.actions())  # the label submenu
