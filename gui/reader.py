"""The reader: article panes side by side in a QSplitter, and which one is current.

It opens an article in the current pane or beside it, closes panes, and ties
the panes together: selecting an entity echoes its text in every other pane,
and entities that two open articles share are marked in both.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMenu, QSplitter, QVBoxLayout, QWidget

from core.model import Label
from gui.reader_pane import ReaderPane


class Reader(QWidget):
    current_changed = Signal(object)  # the current ReaderPane or None
    panes_changed = Signal()

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.panes: list[ReaderPane] = []
        self.current: ReaderPane | None = None
        self.visible_labels: set[Label] = set(Label)
        self.context_actions: list = []  # appended to each pane's text context menu
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="reader_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.placeholder = QLabel(self.tr("Open an article from the corpus (Ctrl+click opens it "
                                          "beside the current one)."),
                                  alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.splitter, 1)
        self.splitter.hide()
        session.entity_selected.connect(self._echo)

    # -- panes ------------------------------------------------------------------------

    def open(self, article_id: int, *, beside: bool = False) -> ReaderPane:
        pane = self.current
        if beside or pane is None:
            pane = self.add_pane()
        if pane.article_id != article_id:
            pane.load(article_id)
        self.set_current(pane)
        self.session.set_current_article(article_id)  # also when the current pane changed article
        return pane

    def add_pane(self) -> ReaderPane:
        pane = ReaderPane(self.session, self)
        pane.set_visible_labels(self.visible_labels)
        pane.activated.connect(self.set_current)
        pane.close_requested.connect(self.close_pane)
        pane.entities_loaded.connect(self._update_shared)
        pane.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        pane.view.customContextMenuRequested.connect(lambda pos, p=pane: self._menu(p, pos))
        index = self.splitter.indexOf(self.current) + 1 if self.current else len(self.panes)
        self.splitter.insertWidget(index, pane)
        self.panes.insert(index, pane)
        self.splitter.setSizes([1] * len(self.panes))
        self._show_splitter()
        self.panes_changed.emit()
        return pane

    def _menu(self, pane: ReaderPane, pos) -> None:
        menu = self.context_menu(pane, pos)
        menu.exec(pane.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self, pane: ReaderPane, pos) -> QMenu:
        """Copy / Select All, then the label menu and annotate actions."""
        self.set_current(pane)
        menu = pane.view.createStandardContextMenu(pos)
        menu.addSeparator()
        for item in self.context_actions:
            if isinstance(item, QMenu):
                menu.addMenu(item)
            else:
                menu.addAction(item)
        return menu

    def close_pane(self, pane: ReaderPane | None = None) -> None:
        pane = pane or self.current
        if pane not in self.panes:
            return
        index = self.panes.index(pane)
        self.panes.remove(pane)
        pane.hide()
        pane.deleteLater()
        if pane is self.current:
            self.current = None
            self.set_current(self.panes[min(index, len(self.panes) - 1)] if self.panes else None)
        self._show_splitter()
        self._update_shared()
        self.panes_changed.emit()

    def set_current(self, pane: ReaderPane | None) -> None:
        if pane is self.current:
            return
        self.current = pane
        for p in self.panes:
            p.set_current(p is pane and len(self.panes) > 1)
        if pane is not None and pane.article_id is not None:
            self.session.set_current_article(pane.article_id)
        self.current_changed.emit(pane)

    def _show_splitter(self) -> None:
        self.splitter.setVisible(bool(self.panes))
        self.placeholder.setVisible(not self.panes)

    def open_ids(self) -> list[int]:
        return [p.article_id for p in self.panes if p.article_id is not None]

    # -- between panes ---------------------------------------------------------------

    def set_visible_labels(self, labels: set[Label]) -> None:
        self.visible_labels = set(labels)
        for pane in self.panes:
            pane.set_visible_labels(self.visible_labels)

    def set_raw(self, raw: bool) -> None:
        if self.current is not None:
            self.current.set_raw(raw)

    def _echo(self, article_id: int, entity_id: int) -> None:
        """Highlight the selected entity's text in every other pane."""
        source = next((p for p in self.panes if p.article_id == article_id), None)
        entity = source.entity(entity_id) if source and entity_id >= 0 else None
        for pane in self.panes:
            pane.set_echo(entity.text if entity and pane is not source else "")
        if source is not None and source is not self.current:
            self.set_current(source)

    def _update_shared(self) -> None:
        keys = {p.article_id: p.entity_keys() for p in self.panes if p.article_id is not None}
        for pane in self.panes:
            mine = keys.get(pane.article_id, set())
            others = set().union(*(k for a, k in keys.items() if a != pane.article_id))
            pane.set_shared(frozenset(mine & others))

    def state(self) -> dict:
        return {"articles": self.open_ids(), "sizes": self.splitter.sizes()}
