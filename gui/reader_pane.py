"""One article pane: title, the clean (or raw) text, entity highlights, span selection.

The pane is a view: it reads the article and its entities from the store and
re-reads them when `session.article_changed` names its article. It reports
clicks on spans through `session.entity_selected` and exposes the current
selection as a clean-text span for the annotate actions (gui/annotate.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QToolTip,
    QVBoxLayout,
)

from core.errors import UserError
from core.model import Entity, Label, Status
from gui import highlights
from gui.article_view import ArticleView
from gui.corpus_model import article_status_text
from gui.i18n import status_text

# A pane shows well under this many characters: a fresh article's highlights
# beyond it are drawn one event-loop turn later, so opening a long article
# with a thousand highlights paints at once (bench/README.md, pane).
FIRST_SCREEN_CHARS = 2000

TITLE_CHARS = 60


class ReaderPane(QFrame):
    activated = Signal(object)  # this pane got focus
    close_requested = Signal(object)
    entities_loaded = Signal()  # the reader recomputes shared marks
    highlights_drawn = Signal()  # every highlight is on screen (after a deferred pass too)

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.article = None
        self.raw_mode = False
        self.layer = highlights.Layer([], set(Label))
        self.mapper: highlights.SpanMapper | None = None
        self._first_screen = False  # next refresh shows the top of a fresh article first
        self._generation = 0  # a newer refresh cancels a deferred one
        self.setObjectName("reader_pane")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._build()
        session.article_changed.connect(self._article_changed)
        session.entity_selected.connect(self._entity_selected)

    def _build(self) -> None:
        self.title = QLabel(wordWrap=True, objectName="pane_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel(objectName="pane_meta")
        self.raw_button = QToolButton(text=self.tr("Raw"), checkable=True)
        self.raw_button.setToolTip(self.tr("Show the original imported text"))
        self.raw_button.toggled.connect(self.set_raw)
        close = QToolButton(text="✕", autoRaise=True, toolTip=self.tr("Close pane"))
        close.clicked.connect(lambda: self.close_requested.emit(self))
        self.view = ArticleView(self)
        self.view.clicked_at.connect(self._clicked_at)
        self.view.hover_at.connect(self._hover_at)
        self.view.focused.connect(lambda: self.activated.emit(self))
        head = QHBoxLayout()
        head.addWidget(self.meta, 1)
        head.addWidget(self.raw_button)
        head.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(head)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)

    # -- content ------------------------------------------------------------------

    @property
    def article_id(self) -> int | None:
        return self.article.id if self.article else None

    def load(self, article_id: int) -> None:
        self.article = self.session.store.article(article_id)
        self.layer.selected = None
        title = self.article.title
        self.title.setText(title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS] + "…")
        self.title.setToolTip(title)
        self._show_text()
        self._first_screen = True
        self.reload_entities()

    def _show_text(self) -> None:
        a = self.article
        text = a.raw_text if self.raw_mode else a.clean_text
        self.mapper = highlights.SpanMapper(text, a.offsets if self.raw_mode else None)
        self.view.show_text(text)

    def set_raw(self, raw: bool) -> None:
        if raw != self.raw_mode and self.article is not None:
            self.raw_mode = raw
            self.raw_button.setChecked(raw)
            self._show_text()
            self.refresh()

    def reload_entities(self) -> None:
        if self.article is None:
            return
        self.layer.entities = self.session.store.entities(self.article.id)
        if self.layer.selected is not None and self.entity(self.layer.selected) is None:
            self.layer.selected = None
        self._update_meta()
        self.refresh()
        self.entities_loaded.emit()

    def _update_meta(self) -> None:
        ents = [e for e in self.layer.entities if e.status is not Status.REJECTED]
        pending = sum(e.status is Status.SUGGESTED for e in ents)
        self.meta.setText(self.tr("#%1 · %2 · %3 entities · %4 pending")
                          .replace("%1", str(self.article.id))
                          .replace("%2", article_status_text(self.article.status))
                          .replace("%3", str(len(ents))).replace("%4", str(pending)))

    def refresh(self) -> None:
        """Draw the highlights; a freshly loaded long article gets its first screen first."""
        if self.mapper is None:
            return
        self._generation += 1
        first, self._first_screen = self._first_screen, False
        text = self.article.clean_text
        if first and len(text) > FIRST_SCREEN_CHARS:
            self.view.setExtraSelections(highlights.build(
                self.view, self.mapper, self.layer, text, until=FIRST_SCREEN_CHARS))
            generation = self._generation
            QTimer.singleShot(0, self, lambda: self._refresh_rest(generation))
            return
        self.view.setExtraSelections(highlights.build(self.view, self.mapper, self.layer, text))
        self.highlights_drawn.emit()

    def _refresh_rest(self, generation: int) -> None:
        if generation == self._generation and self.mapper is not None:
            self.refresh()

    def set_visible_labels(self, labels: set[Label]) -> None:
        self.layer.visible = set(labels)
        self.refresh()

    def set_shared(self, keys: frozenset[tuple[str, str]]) -> None:
        if keys != self.layer.shared:
            self.layer.shared = keys
            self.refresh()

    def set_echo(self, text: str) -> None:
        if text != self.layer.echo:
            self.layer.echo = text
            self.refresh()

    def entity_keys(self) -> set[tuple[str, str]]:
        return {(e.label.value, e.text) for e in self.layer.entities
                if e.status is not Status.REJECTED}

    # -- selection ------------------------------------------------------------------

    def entity(self, entity_id: int | None) -> Entity | None:
        return next((e for e in self.layer.entities if e.id == entity_id), None)

    @property
    def selected_entity(self) -> Entity | None:
        return self.entity(self.layer.selected)

    def selection_span(self) -> tuple[int, int] | None:
        """The text selection as a clean-text code-point span, or None."""
        cursor = self.view.textCursor()
        if not cursor.hasSelection() or self.mapper is None:
            return None
        return self.mapper.to_clean(cursor.selectionStart(), cursor.selectionEnd())

    def select_entity(self, entity_id: int | None, *, announce: bool = True) -> None:
        entity = self.entity(entity_id)
        self.layer.selected = entity.id if entity else None
        if entity is not None:
            self._scroll_to(entity)
        self.refresh()
        if announce and self.article is not None:
            self.session.entity_selected.emit(self.article.id, entity.id if entity else -1)

    def _scroll_to(self, entity: Entity) -> None:
        """Bring the span into view, centred, unless it is already fully visible."""
        cursor = self.view.textCursor()
        start, _end = self.mapper.to_display(entity.start, entity.end)
        cursor.setPosition(start)
        self.view.setTextCursor(cursor)
        rect = self.view.cursorRect(cursor)
        viewport = self.view.viewport().rect()
        if not viewport.contains(rect):
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() + rect.center().y() - viewport.height() // 2)

    def step_suggestion(self, forward: bool = True) -> Entity | None:
        """Select the next (or previous) pending suggestion after the current position."""
        pending = [e for e in highlights.shown(self.layer) if e.status is Status.SUGGESTED]
        here = self.selected_entity
        pos = here.start if here else self.mapper.clean_index(self.view.textCursor().position())
        if forward:
            after = [e for e in pending if e.start > pos or (here is None and e.start == pos)]
            target = after[0] if after else (pending[0] if pending else None)
        else:
            before = [e for e in pending if e.start < pos]
            target = before[-1] if before else (pending[-1] if pending else None)
        self.select_entity(target.id if target else None)
        return target

    def entity_at(self, clean_index: int) -> Entity | None:
        return next((e for e in highlights.shown(self.layer)
                     if e.start <= clean_index < e.end), None)

    def _clicked_at(self, pos: int) -> None:
        if self.mapper is not None:
            entity = self.entity_at(self.mapper.clean_index(pos))
            self.select_entity(entity.id if entity else None)

    def _hover_at(self, pos: int, global_pos) -> None:
        entity = self.entity_at(self.mapper.clean_index(pos)) if self.mapper else None
        QToolTip.showText(global_pos, self._tooltip(entity) if entity else "", self.view)

    def _tooltip(self, e: Entity) -> str:
        lines = [f"<b>{e.label.value}</b> {e.text}"]
        if e.value is not None:
            lines.append(self.tr("value: %1").replace("%1", str(e.value)))
        lines.append(self.tr("source: %1").replace("%1", e.source))
        lines.append(self.tr("status: %1").replace("%1", status_text(e.status)))
        if (e.label.value, e.text) in self.layer.shared:
            lines.append(self.tr("also in another open article"))
        return "<br>".join(lines)

    # -- session signals -----------------------------------------------------------

    def _article_changed(self, article_id: int) -> None:
        if article_id != self.article_id:
            return
        try:
            self.article.status = self.session.store.article(article_id).status
        except UserError:  # the article is gone
            self.close_requested.emit(self)
            return
        self.reload_entities()

    def _entity_selected(self, article_id: int, entity_id: int) -> None:
        if article_id == self.article_id and entity_id != (self.layer.selected or -1):
            self.select_entity(entity_id if entity_id >= 0 else None, announce=False)

    def set_current(self, current: bool) -> None:
        self.setProperty("current", current)
        self.setStyleSheet("#reader_pane { border: 2px solid palette(highlight); }" if current
                           else "#reader_pane { border: 2px solid transparent; }")
