"""The corpus table model: article ids in order, summary rows fetched lazily in batches.

Only ids are held up front (a 20,000-article corpus is 20,000 ints); rows
appear in batches through canFetchMore/fetchMore, and each batch's summaries
are read with one `store.summaries` query when first displayed.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from core.model import ArticleStatus
from core.store import ArticleSummary

BATCH = 200
COLUMNS = ("title", "status", "entities", "pending", "imported")
HEADERS = {
    "title": QT_TRANSLATE_NOOP("CorpusModel", "Title"),
    "status": QT_TRANSLATE_NOOP("CorpusModel", "Status"),
    "entities": QT_TRANSLATE_NOOP("CorpusModel", "Entities"),
    "pending": QT_TRANSLATE_NOOP("CorpusModel", "Pending"),
    "imported": QT_TRANSLATE_NOOP("CorpusModel", "Imported"),
}
STATUS_TEXT = {
    ArticleStatus.TODO: QT_TRANSLATE_NOOP("ArticleStatus", "todo"),
    ArticleStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("ArticleStatus", "in progress"),
    ArticleStatus.DONE: QT_TRANSLATE_NOOP("ArticleStatus", "done"),
}


def article_status_text(status: ArticleStatus) -> str:
    return QCoreApplication.translate("ArticleStatus", STATUS_TEXT[ArticleStatus(status)])
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class CorpusModel(QAbstractTableModel):
    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}  # id -> row, so one row's refresh is O(1)
        self._loaded = 0
        self._rows: dict[int, ArticleSummary] = {}

    # -- what the panel calls -------------------------------------------------

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = {article_id: row for row, article_id in enumerate(self._ids)}
        self._loaded = min(BATCH, len(self._ids))
        self._rows.clear()
        self.endResetModel()

    def total(self) -> int:
        return len(self._ids)

    def first_ids(self, n: int) -> list[int]:
        return self._ids[:n]

    def article_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, article_id: int) -> int:
        row = self._row_of.get(article_id, -1)
        return row if row < self._loaded else -1

    def next_id(self, article_id: int) -> int | None:
        """The article after this one in the current order (for 'done & next')."""
        row = self._row_of.get(article_id)
        if row is None:
            return self._ids[0] if self._ids else None
        return self._ids[row + 1] if row + 1 < len(self._ids) else None

    def refresh(self, article_id: int) -> None:
        """Re-read one article's row after an edit."""
        row = self.row_of(article_id)
        if row < 0:
            return
        self._rows.pop(article_id, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- Qt model interface ------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid():
            return
        more = min(BATCH, len(self._ids) - self._loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return self.tr(HEADERS[COLUMNS[section]])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._loaded:
            return None
        article_id = self._ids[index.row()]
        if role == ARTICLE_ID_ROLE:
            return article_id
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(self._summary(article_id), column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return self._summary(article_id).title
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("entities", "pending"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, summary: ArticleSummary | None, column: str):
        if summary is None:
            return "…" if column == "title" else None
        if column == "title":
            return summary.title
        if column == "status":
            return article_status_text(summary.status)
        if column == "entities":
            return summary.n_entities
        if column == "pending":
            return summary.n_pending
        return summary.imported_at[:10]

    def _summary(self, article_id: int) -> ArticleSummary | None:
        if article_id not in self._rows:
            self._load_batch_around(article_id)
        return self._rows.get(article_id)

    def _load_batch_around(self, article_id: int) -> None:
        row = self._row_of[article_id]
        first = row - row % BATCH
        wanted = [i for i in self._ids[first : first + BATCH] if i not in self._rows]
        for summary in self.store.summaries(wanted):
            self._rows[summary.id] = summary
