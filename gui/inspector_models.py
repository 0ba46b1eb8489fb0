"""Item models of the inspector: an article's entities by label, and its facts.

Both hold ids and snapshots re-read from the store on `reload()`; the store is
the truth. `FactTableModel.setData` is how a slot gets edited: it pushes a
`SetFactSlotCommand`, whose `article_changed` brings the model up to date.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from core.model import FACT_SLOTS, REQUIRED_SLOTS, Entity, Fact, SlotValue, Status
from gui.fact_undo import SetFactSlotCommand
from gui.i18n import fact_type_text, slot_text, status_text
from gui.settings import default_labels

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # entity or fact id of a row
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 2  # [(shown text, entity id)] for a slot cell
LITERAL_ROLE = Qt.ItemDataRole.UserRole + 3  # True when a slot takes a literal
STATUS_COLORS = {Status.SUGGESTED: "#8a6d00", Status.ACCEPTED: "#1b7a32",
                 Status.REJECTED: "#9a9a9a", Status.MANUAL: "#1f4e9c"}
EVENT_ACTIONS = ("签约", "开工", "奠基", "落户", "续约", "立项", "完工", "投产")
_ROOT = QModelIndex()  # the invisible root, as a default argument
_GROUP = 0  # internalId of a label row; entity rows carry their label's row + 1


class EntityTreeModel(QAbstractItemModel):
    """Label rows (with counts) whose children are that label's entities."""

    HEADERS = (QT_TRANSLATE_NOOP("EntityTreeModel", "Entity"),
               QT_TRANSLATE_NOOP("EntityTreeModel", "Status"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._labels = {info.name: info for info in default_labels()}
        self._groups: list[tuple[str, list[Entity]]] = []

    def reload(self, entities: list[Entity]) -> None:
        self.beginResetModel()
        by_label: dict[str, list[Entity]] = {}
        for e in entities:
            by_label.setdefault(str(e.label), []).append(e)
        self._groups = [(name, by_label[name]) for name in self._labels if name in by_label]
        self.endResetModel()

    def index(self, row, column, parent=_ROOT):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index=_ROOT):
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent=_ROOT):
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent=_ROOT):
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def entity_at(self, index: QModelIndex) -> Entity | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entity = self.entity_at(index)
        if entity is None:
            return self._group_data(index, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return entity.text if index.column() == 0 else status_text(entity.status)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QBrush(QColor(STATUS_COLORS[entity.status]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entity.label} {entity.start}:{entity.end} · {entity.source}"
        return entity.id if role == ID_ROLE else None

    def _group_data(self, index, role):
        name, members = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return f"{name} {self._labels[name].zh} ({len(members)})"
            pending = sum(e.status is Status.SUGGESTED for e in members)
            return self.tr("%n pending", "", pending) if pending else ""
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return QColor(self._labels[name].color)
        return None


class FactTableModel(QAbstractTableModel):
    """One row per fact id: type, status, then its slots in FACT_SLOTS order."""

    FIXED = (QT_TRANSLATE_NOOP("FactTableModel", "Type"),
             QT_TRANSLATE_NOOP("FactTableModel", "Status"))
    MAX_SLOTS = max(len(slots) for slots in FACT_SLOTS.values())

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.article_id: int | None = None
        self._ids: list[int] = []
        self._facts: dict[int, Fact] = {}
        self._entities: dict[int, Entity] = {}

    def reload(self, article_id: int | None, entities: list[Entity]) -> None:
        """Re-read the facts; a changed id list resets, otherwise only data changes."""
        facts = self.session.store.facts(article_id) if article_id is not None else []
        ids = [f.id for f in facts]
        same_rows = ids == self._ids and article_id == self.article_id
        if not same_rows:
            self.beginResetModel()
        self.article_id, self._ids = article_id, ids
        self._facts = {f.id: f for f in facts}
        self._entities = {e.id: e for e in entities}
        if same_rows:
            if ids:
                last = self.index(len(ids) - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.endResetModel()

    def fact_id(self, row: int) -> int:
        return self._ids[row]

    def role_at(self, index: QModelIndex) -> str | None:
        """The slot a cell shows, or None for the fixed columns and unused cells."""
        slot_no = index.column() - len(self.FIXED)
        if not index.isValid() or slot_no < 0:
            return None
        roles = list(FACT_SLOTS[self._facts[self._ids[index.row()]].type])
        return roles[slot_no] if slot_no < len(roles) else None

    def rowCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(self.FIXED) + self.MAX_SLOTS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if section < len(self.FIXED):
            return self.tr(self.FIXED[section])
        return self.tr("Slot %1").replace("%1", str(section - len(self.FIXED) + 1))

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if self.role_at(index) else base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        fact = self._facts[self._ids[index.row()]]
        if role == ID_ROLE:
            return fact.id
        if index.column() < len(self.FIXED):
            return self._fixed_data(fact, index.column(), role)
        slot_role = self.role_at(index)
        return self._slot_data(fact, slot_role, role) if slot_role else None

    def _fixed_data(self, fact: Fact, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return fact_type_text(fact.type)
            return status_text(fact.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QBrush(QColor(STATUS_COLORS[fact.status]))
        return None

    def _slot_data(self, fact: Fact, slot_role: str, role):
        slot = fact.slots.get(slot_role)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{slot_text(slot_role)}: {self.slot_text(slot) or '—'}"
        if role == Qt.ItemDataRole.EditRole:
            return self.slot_text(slot)
        if role == Qt.ItemDataRole.ForegroundRole and slot is None:
            missing = slot_role in REQUIRED_SLOTS[fact.type]
            return QBrush(QColor("#c0392b" if missing else "#9a9a9a"))
        if role == CHOICES_ROLE:
            return self.choices(fact, slot_role)
        if role == LITERAL_ROLE:
            return not FACT_SLOTS[fact.type][slot_role]
        if role == Qt.ItemDataRole.ToolTipRole:
            labels = "/".join(FACT_SLOTS[fact.type][slot_role]) or self.tr("text")
            return f"{slot_text(slot_role)} ({labels}): {self.slot_text(slot) or '—'}"
        return None

    def slot_text(self, slot: SlotValue | None) -> str:
        if slot is None:
            return ""
        if slot.literal is not None:
            return slot.literal
        entity = self._entities.get(slot.entity)
        return entity.text if entity else f"#{slot.entity}"

    def choices(self, fact: Fact, slot_role: str) -> list[tuple[str, int]]:
        """The article's live entities that may fill the slot, as (text · offset, id).

        Literal slots get suggested words instead (id None): the event actions.
        """
        allowed = FACT_SLOTS[fact.type][slot_role]
        if not allowed:
            return [(a, None) for a in EVENT_ACTIONS] if slot_role == "action" else []
        return [(f"{e.text} · {e.start}", e.id) for e in self._entities.values()
                if e.label in allowed and e.status is not Status.REJECTED]

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        """value: a SlotValue, an entity id (int), a literal (str), or None/"" to clear."""
        slot_role = self.role_at(index)
        if role != Qt.ItemDataRole.EditRole or slot_role is None:
            return False
        slot = _as_slot(value)
        fact = self._facts[self._ids[index.row()]]
        if slot == fact.slots.get(slot_role):
            return False
        command = SetFactSlotCommand(self.session, fact.id, slot_role, slot)
        self.session.push(command)
        return command.ok


def _as_slot(value) -> SlotValue | None:
    if isinstance(value, SlotValue) or value is None:
        return value
    if isinstance(value, int):
        return SlotValue(entity=value)
    text = str(value).strip()
    return SlotValue(literal=text) if text else None
