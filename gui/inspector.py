"""The inspector dock: the current article's entities by label, and its facts.

A view over `EntityTreeModel` and `FactTableModel` (gui/inspector_models.py).
Clicking an entity announces it with `session.entity_selected`; fact edits go
through the undo commands of gui/fact_undo.py; the inspector re-reads the store
whenever `session.article_changed` names the article it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.model import FactType, Status
from gui.fact_undo import AddFactCommand, DeleteFactCommand, SetFactStatusCommand
from gui.i18n import fact_type_text
from gui.inspector_models import (
    CHOICES_ROLE,
    EntityTreeModel,
    FactTableModel,
)

CLEAR = -1  # item data of the combo entry that empties a slot


class SlotDelegate(QStyledItemDelegate):
    """An editable combo: the article's entities of the slot's labels, or typed text."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return combo

    def setEditorData(self, editor, index):
        editor.clear()
        editor.addItem(self.tr("(empty)"), CLEAR)
        for text, entity_id in index.data(CHOICES_ROLE) or []:
            editor.addItem(text, entity_id)
        editor.view().setMinimumWidth(editor.view().sizeHintForColumn(0) + 24)
        current = index.data(Qt.ItemDataRole.EditRole) or ""
        found = next((i for i in range(editor.count())
                      if editor.itemText(i).split(" · ")[0] == current), -1)
        if found >= 0:
            editor.setCurrentIndex(found)
        else:
            editor.setEditText(current)

    def setModelData(self, editor, model, index):
        model.setData(index, slot_value_of(editor))


def slot_value_of(combo: QComboBox):
    """An entity id when the shown text is a listed entity, else the typed literal."""
    i = combo.currentIndex()
    if i >= 0 and combo.itemText(i) == combo.currentText() and combo.itemData(i) is not None:
        return None if combo.itemData(i) == CLEAR else int(combo.itemData(i))
    return combo.currentText().strip() or None


class Inspector(QWidget):
    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.article_id: int | None = None
        self.entity_model = EntityTreeModel(self)
        self.fact_model = FactTableModel(session, self)
        self._build()
        session.current_article_changed.connect(self.show_article)
        session.article_changed.connect(self._on_article_changed)
        session.entity_selected.connect(self._select_entity)
        if session.current_article is not None:
            self.show_article(session.current_article)

    def _build(self) -> None:
        self.tree = QTreeView()
        self.tree.setModel(self.entity_model)
        self.tree.setUniformRowHeights(True)
        self.tree.clicked.connect(self._entity_clicked)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.facts = self._fact_table()
        facts_box = QWidget()
        box = QVBoxLayout(facts_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self._fact_bar())
        box.addWidget(self.facts)
        self.message = QLabel(wordWrap=True, styleSheet="color: #c0392b")
        box.addWidget(self.message)
        if hasattr(self.session, "error"):
            self.session.error.connect(self.message.setText)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(facts_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def _fact_table(self) -> QTableView:
        table = QTableView(wordWrap=False)
        table.setModel(self.fact_model)
        table.setItemDelegate(SlotDelegate(table))
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QTableView.EditTrigger.DoubleClicked
                              | QTableView.EditTrigger.EditKeyPressed
                              | QTableView.EditTrigger.AnyKeyPressed)
        header = table.horizontalHeader()
        header.setDefaultSectionSize(150)  # slots elide; the tooltip has the whole value
        for column in range(len(FactTableModel.FIXED)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _fact_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Facts")))
        bar.addStretch()
        self.add_button = QToolButton(text=self.tr("Add"), toolTip=self.tr("Add a fact"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_button)
        for fact_type in FactType:
            action = menu.addAction(fact_type_text(fact_type))
            action.triggered.connect(lambda _=False, t=fact_type: self.add_fact(t))
        self.add_button.setMenu(menu)
        self.accept_button = QToolButton(text=self.tr("Accept"))
        self.reject_button = QToolButton(text=self.tr("Reject"))
        self.delete_button = QToolButton(text=self.tr("Delete"))
        self.accept_button.clicked.connect(lambda: self.set_status(Status.ACCEPTED))
        self.reject_button.clicked.connect(lambda: self.set_status(Status.REJECTED))
        self.delete_button.clicked.connect(lambda: self.delete_facts())
        for button in (self.add_button, self.accept_button, self.reject_button, self.delete_button):
            bar.addWidget(button)
        return bar

    # -- following the session ------------------------------------------------

    def show_article(self, article_id: int) -> None:
        self.article_id = article_id if article_id is not None and article_id >= 0 else None
        self.refresh()

    def _on_article_changed(self, article_id: int) -> None:
        if article_id == self.article_id:
            self.refresh()

    def refresh(self) -> None:
        store = self.session.store
        entities = store.entities(self.article_id) if self.article_id is not None else []
        self.entity_model.reload(entities)
        self.tree.expandAll()
        self.fact_model.reload(self.article_id, entities)
        self.message.clear()

    def _entity_clicked(self, index: QModelIndex) -> None:
        entity = self.entity_model.entity_at(index)
        if entity is not None:
            self.session.entity_selected.emit(entity.article_id, entity.id)

    def _select_entity(self, article_id: int, entity_id: int) -> None:
        if article_id != self.article_id:
            return
        for row in range(self.entity_model.rowCount()):
            group = self.entity_model.index(row, 0)
            for child in range(self.entity_model.rowCount(group)):
                index = self.entity_model.index(child, 0, group)
                if self.entity_model.entity_at(index).id == entity_id:
                    self.tree.setCurrentIndex(index)
                    return

    # -- fact edits -------------------------------------------------------------

    def selected_fact_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.facts.selectionModel().selectedRows()})
        return [self.fact_model.fact_id(r) for r in rows]

    def add_fact(self, fact_type: FactType) -> int | None:
        if self.article_id is None:
            return None
        command = self._push(AddFactCommand(self.session, self.article_id, fact_type))
        return command.fact_id if command else None

    def set_status(self, status: Status, fact_ids: list[int] | None = None) -> None:
        ids = self.selected_fact_ids() if fact_ids is None else fact_ids
        if ids:
            self._push(SetFactStatusCommand(self.session, ids, status))

    def delete_facts(self, fact_ids: list[int] | None = None) -> None:
        ids = self.selected_fact_ids() if fact_ids is None else fact_ids
        if not ids:
            return
        self.session.undo_stack.beginMacro(self.tr("Delete facts"))
        for fact_id in ids:
            self._push(DeleteFactCommand(self.session, fact_id))
        self.session.undo_stack.endMacro()

    def _push(self, command):
        """Push a command; None when it was refused (the session reported why)."""
        self.session.push(command)
        return command if command.ok else None

