"""The corpus panel (left dock): search box, status filter and the article table.

The search box takes full text and `label:ORG 山东` / `status:done` filters
(core/search.py); it re-queries 250 ms after typing stops. Enter or a
double-click opens the article in the current pane, Ctrl+click or the context
menu opens it beside.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.errors import UserError
from core.model import ArticleStatus
from gui.corpus_model import ARTICLE_ID_ROLE, STATUS_TEXT, CorpusModel, article_status_text


class CorpusPanel(QWidget):
    open_requested = Signal(int, bool)  # article id, beside the current pane
    extract_requested = Signal(list)  # article ids

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = CorpusModel(session.store, self)
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=250, timeout=self.requery)
        self.search.textChanged.connect(self._timer.start)
        self.status_filter.currentIndexChanged.connect(self.requery)
        session.corpus_changed.connect(self.requery)
        session.article_changed.connect(self.model.refresh)
        self.requery()

    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Search…  e.g. 经开区, label:ORG 山东"))
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("corpus_search")
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All"), None)
        for status in STATUS_TEXT:
            self.status_filter.addItem(article_status_text(status), status.value)
        self.count = QLabel()
        self.table = self._make_table()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="corpus_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        # Not ResizeToContents: that re-measures every loaded row on each dataChanged,
        # i.e. on every merged extraction result (bench/README.md, GUI stall).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.model.modelReset.connect(lambda: table.resizeColumnsToContents())
        table.activated.connect(lambda index: self._open(index, beside=False))
        table.clicked.connect(self._clicked)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        return table

    def requery(self) -> None:
        status = self.status_filter.currentData()
        try:
            ids = self.session.store.article_ids(
                status=ArticleStatus(status) if status else None, query=self.search.text())
        except UserError as exc:
            self.count.setText(str(exc))
            return
        self.model.set_ids(ids)
        total = self.session.store.article_count()
        self.count.setText(self.tr("%n article(s)", "", len(ids)) if len(ids) == total
                           else self.tr("%1 of %2 articles").replace("%1", str(len(ids)))
                           .replace("%2", str(total)))

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.article_id(r) for r in rows]

    def next_id(self, article_id: int) -> int | None:
        return self.model.next_id(article_id)

    def show_article(self, article_id: int) -> None:
        row = self.model.row_of(article_id)
        if row >= 0:
            self.table.selectRow(row)

    def _clicked(self, index) -> None:
        from PySide6.QtWidgets import QApplication

        ctrl = QApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier
        self._open(index, beside=bool(ctrl))

    def _open(self, index, *, beside: bool) -> None:
        if index.isValid():
            self.open_requested.emit(index.data(ARTICLE_ID_ROLE), beside)

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self._open(index, beside=False))
        menu.addAction(self.tr("Open Beside"), lambda: self._open(index, beside=True))
        menu.addSeparator()
        ids = self.selected_ids() or [index.data(ARTICLE_ID_ROLE)]
        menu.addAction(self.tr("Extract %n Article(s)", "", len(ids)),
                       lambda: self.extract_requested.emit(ids))
        menu.exec(self.table.viewport().mapToGlobal(pos))
