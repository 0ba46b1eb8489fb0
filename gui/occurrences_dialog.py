""""Label all occurrences": every place a text occurs in the corpus, labelled in one step.

`OccurrencesDialog(session, text, label)` lists the hits of
core.search.occurrences with their context, checked by default except where a
person already decided (the same span labelled, or a human entity in the way).
Applying pushes one `LabelOccurrencesCommand`; its undo removes the entities it
made and puts back the engine suggestions they displaced.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from core import operations as ops
from core.model import Entity, Label, Status
from core.search import occurrences

_ROOT = QModelIndex()
NEW, LABELLED, BLOCKED = "new", "labelled", "blocked"


class LabelOccurrencesCommand(QUndoCommand):
    """Create manual entities at (article_id, start, end) spans; undo deletes exactly those."""

    def __init__(self, session, label: Label, spans: list[tuple[int, int, int]]) -> None:
        text = QCoreApplication.translate("OccurrencesDialog", "Label %n occurrence(s)", "",
                                          len(spans))
        super().__init__(text)
        self.session, self.label, self.spans = session, Label(label), list(spans)
        self.created: list[int] = []
        self._displaced: list[Entity] = []
        self._slots: list[tuple[int, str, int]] = []

    def _articles(self) -> list[int]:
        return sorted({a for a, _, _ in self.spans})

    def redo(self) -> None:
        store = self.session.store
        at_risk = self._suggestions_in_the_way()
        slots = self._slots_pointing_at({e.id for e in at_risk})
        self.created = ops.label_occurrences(store, self.label, self.spans,
                                             annotator=self.session.annotator)
        alive = {e.id for a in self._articles() for e in store.entities(a)}
        self._displaced = [e for e in at_risk if e.id not in alive]
        gone = {e.id for e in self._displaced}
        self._slots = [s for s in slots if s[2] in gone]
        self._announce()

    def undo(self) -> None:
        ops.restore_entities(self.session.store, self._displaced, self._slots,
                             annotator=self.session.annotator, remove=tuple(self.created))
        self._announce()

    def _suggestions_in_the_way(self) -> list[Entity]:
        found = []
        for article_id in self._articles():
            spans = [(s, e) for a, s, e in self.spans if a == article_id]
            found += [x for x in self.session.store.entities(article_id)
                      if x.status is Status.SUGGESTED
                      and any(x.start < e and s < x.end for s, e in spans)]
        return found

    def _slots_pointing_at(self, entity_ids: set[int]) -> list[tuple[int, str, int]]:
        return [(fact.id, role, slot.entity)
                for article_id in self._articles() for fact in self.session.store.facts(article_id)
                for role, slot in fact.slots.items() if slot.entity in entity_ids]

    def _announce(self) -> None:
        for article_id in self._articles():
            self.session.article_changed.emit(article_id)


class OccurrenceModel(QAbstractTableModel):
    """One checkable row per occurrence: article, left context, the text, right context."""

    HEADERS = (QT_TRANSLATE_NOOP("OccurrenceModel", "Article"),
               QT_TRANSLATE_NOOP("OccurrenceModel", "Before"),
               QT_TRANSLATE_NOOP("OccurrenceModel", "Text"),
               QT_TRANSLATE_NOOP("OccurrenceModel", "After"))

    def __init__(self, store, text: str, label: Label, parent=None) -> None:
        super().__init__(parent)
        self.rows = occurrences(store, text)
        ids = sorted({r[0] for r in self.rows})
        self.titles = {s.id: s.title for s in store.summaries(ids)}
        bodies = {a: store.article_text(a) for a in ids}
        self.matches = [bodies[a][s:e] for a, s, e, _, _ in self.rows]  # the article's own script
        self.states = [self._state(store, label, r) for r in self.rows]
        self.checked = [s == NEW for s in self.states]

    @staticmethod
    def _state(store, label: Label, row) -> str:
        article_id, start, end = row[:3]
        for e in store.entities(article_id):
            if e.start < end and start < e.end and e.status is not Status.SUGGESTED:
                same = (e.start, e.end, e.label) == (start, end, label)
                return LABELLED if same else BLOCKED
        return NEW

    def rowCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return self.tr(self.HEADERS[section])

    def flags(self, index):
        flags = super().flags(index)
        if index.column() == 0 and self.states[index.row()] != LABELLED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        article_id, start, end, left, right = self.rows[index.row()]
        column, state = index.column(), self.states[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            texts = (self.titles.get(article_id, f"#{article_id}"), left.replace("\n", " "),
                     self.matches[index.row()], right.replace("\n", " "))
            return texts[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if self.checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and state != NEW:
            return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.ToolTipRole and state != NEW:
            return self._state_tip(state)
        return None

    def _state_tip(self, state: str) -> str:
        if state == LABELLED:
            return self.tr("already labelled")
        return self.tr("overlaps an entity a person made or accepted; skipped")

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.CheckStateRole or not self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        self.checked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [role])
        return True

    def set_all(self, checked: bool) -> None:
        self.checked = [checked and s != LABELLED for s in self.states]
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))

    def checked_spans(self) -> list[tuple[int, int, int]]:
        return [r[:3] for r, on in zip(self.rows, self.checked, strict=True) if on]


class OccurrencesDialog(QDialog):
    """Lists the occurrences of `text`; Apply labels the checked ones as `label`."""

    def __init__(self, session, text: str, label: Label, parent=None) -> None:
        super().__init__(parent)
        self.session, self.text, self.label = session, text, Label(label)
        self.command: LabelOccurrencesCommand | None = None
        self.model = OccurrenceModel(session.store, text, self.label, self)
        self.setWindowTitle(self.tr("Label all occurrences"))
        self.resize(760, 420)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        summary = self.tr("%1 occurrence(s) of “%2” in the corpus; label the checked ones as %3.")
        layout.addWidget(QLabel(summary.replace("%1", str(self.model.rowCount()))
                                .replace("%2", self.text).replace("%3", str(self.label))))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(self.tr("Apply label"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        for text, checked in ((self.tr("Check all"), True), (self.tr("Check none"), False)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, c=checked: self.model.set_all(c))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def apply(self) -> list[int]:
        """Label the checked occurrences in one undoable step; returns the new entity ids."""
        spans = self.model.checked_spans()
        if spans:
            self.command = LabelOccurrencesCommand(self.session, self.label, spans)
            self.session.push(self.command)
        self.accept()
        return self.command.created if self.command else []
