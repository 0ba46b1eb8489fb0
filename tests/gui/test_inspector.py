"""The inspector: entities by label, the fact table, slot edits through the delegate, undo."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from core import operations as ops  # noqa: E402
from core.model import FactType, SlotValue, Status  # noqa: E402
from gui.inspector import Inspector, SlotDelegate, slot_value_of  # noqa: E402
from gui.inspector_models import CHOICES_ROLE, ID_ROLE  # noqa: E402
from gui.session import Session  # noqa: E402
from tests.gui.pizhu_support import build_corpus  # noqa: E402

# the offscreen platform says this on every first show(); it is not our warning
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

@pytest.fixture
def corpus(fresh_store):
    return build_corpus(fresh_store)


@pytest.fixture
def inspector(qtbot, fresh_store, corpus):
    session = Session(fresh_store, "tester")
    widget = Inspector(session)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(session.current_article_changed):
        session.set_current_article(corpus["article"])
    return widget


def _investment(inspector, corpus, **slots) -> int:
    return ops.add_fact(inspector.session.store, corpus["article"], FactType.INVESTMENT,
                        {k: SlotValue(entity=corpus[v]) for k, v in slots.items()},
                        annotator="engine", status=Status.SUGGESTED)


def _refresh(inspector, corpus):
    inspector.session.article_changed.emit(corpus["article"])


def _cell(inspector, row: int, role: str):
    model = inspector.fact_model
    column = next(c for c in range(model.columnCount()) if model.role_at(model.index(row, c)) == role)
    return model.index(row, column)


def test_models_pass_modeltester(qtmodeltester, inspector, corpus):
    _investment(inspector, corpus, investor="org", amount="money")
    _refresh(inspector, corpus)
    qtmodeltester.check(inspector.entity_model)
    qtmodeltester.check(inspector.fact_model)


def test_entities_grouped_by_label_with_counts(inspector):
    model = inspector.entity_model
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups == ["PERSON 人名 (1)", "ORG 机构 (1)", "PROJECT 项目 (1)", "MONEY 金额 (1)"]
    person = model.index(0, 1, model.index(0, 0))
    assert person.data() == "accepted"


def test_clicking_an_entity_selects_it_in_the_session(qtbot, inspector, corpus):
    model = inspector.entity_model
    inspector.show()
    qtbot.waitExposed(inspector)
    index = model.index(0, 0, model.index(1, 0))
    rect = inspector.tree.visualRect(index)
    with qtbot.waitSignal(inspector.session.entity_selected) as blocker:
        qtbot.mouseClick(inspector.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [corpus["article"], corpus["org"]]


def test_edit_slot_through_delegate_is_stored_human_owned_and_undoable(qtbot, inspector, corpus):
    fact_id = _investment(inspector, corpus, amount="money")
    _refresh(inspector, corpus)
    index = _cell(inspector, 0, "project")
    delegate = SlotDelegate()
    editor = delegate.createEditor(inspector.facts.viewport(), None, index)
    delegate.setEditorData(editor, index)
    editor.setCurrentIndex(editor.findData(corpus["project"]))
    with qtbot.waitSignal(inspector.session.article_changed):
        delegate.setModelData(editor, inspector.fact_model, index)
    stored = inspector.session.store.fact(fact_id)
    assert stored.slots["project"] == SlotValue(entity=corpus["project"])
    assert stored.status is Status.ACCEPTED and stored.source == "tester"
    assert _cell(inspector, 0, "project").data() == "project: 瓶装消毒剂泵头项目"
    inspector.session.undo_stack.undo()
    restored = inspector.session.store.fact(fact_id)
    assert "project" not in restored.slots and restored.status is Status.SUGGESTED
    inspector.session.undo_stack.redo()
    assert inspector.session.store.fact(fact_id).slots["project"].entity == corpus["project"]


def test_delegate_offers_only_entities_of_the_slot_label(inspector, corpus):
    _investment(inspector, corpus)
    _refresh(inspector, corpus)
    choices = _cell(inspector, 0, "investor").data(CHOICES_ROLE)
    assert [entity_id for _, entity_id in choices] == [corpus["org"]]


def test_typed_literal_and_clearing(inspector, corpus):
    fact_id = ops.add_fact(inspector.session.store, corpus["article"], FactType.EVENT, {},
                           annotator="engine", status=Status.SUGGESTED)
    _refresh(inspector, corpus)
    delegate = SlotDelegate()
    index = _cell(inspector, 0, "action")
    editor = delegate.createEditor(inspector.facts.viewport(), None, index)
    delegate.setEditorData(editor, index)
    editor.setEditText("开工")
    assert slot_value_of(editor) == "开工"
    delegate.setModelData(editor, inspector.fact_model, index)
    assert inspector.session.store.fact(fact_id).slots["action"] == SlotValue(literal="开工")
    index = _cell(inspector, 0, "action")
    delegate.setEditorData(editor, index)
    assert editor.currentText() == "开工"
    editor.setCurrentIndex(0)  # "(empty)"
    assert slot_value_of(editor) is None
    delegate.setModelData(editor, inspector.fact_model, index)
    assert "action" not in inspector.session.store.fact(fact_id).slots


def test_wrong_label_is_refused_and_nothing_is_pushed(inspector, corpus):
    fact_id = _investment(inspector, corpus)
    _refresh(inspector, corpus)
    assert not inspector.fact_model.setData(_cell(inspector, 0, "amount"), corpus["org"])
    assert inspector.session.store.fact(fact_id).slots == {}
    assert inspector.session.undo_stack.count() == 0


def test_add_accept_reject_delete_facts_with_undo(qtbot, inspector, corpus):
    stack, store = inspector.session.undo_stack, inspector.session.store
    fact_id = inspector.add_fact(FactType.POSITION)
    assert [f.id for f in store.facts(corpus["article"])] == [fact_id]
    assert inspector.fact_model.index(0, 0).data(ID_ROLE) == fact_id
    inspector.set_status(Status.REJECTED, [fact_id])
    assert store.fact(fact_id).status is Status.REJECTED
    stack.undo()
    assert store.fact(fact_id).status is Status.MANUAL
    inspector.facts.selectRow(0)
    inspector.set_status(Status.ACCEPTED)
    assert store.fact(fact_id).status is Status.ACCEPTED
    inspector.delete_facts()
    assert store.facts(corpus["article"]) == [] and inspector.fact_model.rowCount() == 0
    stack.undo()
    assert store.fact(fact_id).status is Status.ACCEPTED
    stack.undo()
    stack.undo()
    assert store.facts(corpus["article"]) == []
    stack.redo()
    assert store.fact(fact_id).type is FactType.POSITION


def test_follows_current_article(qtbot, inspector, corpus):
    with qtbot.waitSignal(inspector.session.current_article_changed):
        inspector.session.set_current_article(corpus["second"])
    assert inspector.entity_model.rowCount() == 0 and inspector.fact_model.rowCount() == 0
