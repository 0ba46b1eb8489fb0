"""The open database as the GUI sees it: store, annotator, undo stack, change signals.

Views never hold truth: they listen to `article_changed` / `corpus_changed` and
re-read from the store. Every edit goes through an undo command (gui/undo.py,
gui/fact_undo.py) that calls a core operation and then announces the change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from core.store import Store


class Session(QObject):
    article_changed = Signal(int)  # entities, facts or status of that article changed
    corpus_changed = Signal()  # articles were added or removed
    entity_selected = Signal(int, int)  # article id, entity id (-1 for none)
    current_article_changed = Signal(int)  # the article of the focused pane
    error = Signal(str)  # an edit was refused (UserError); the message says why

    def __init__(self, store: Store, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.annotator = store.ensure_annotator(annotator) if not store.readonly else annotator
        self.undo_stack = QUndoStack(self)
        self.current_article: int | None = None

    def push(self, command: QUndoCommand) -> None:
        """Run an edit (its redo) and keep it for undo."""
        self.undo_stack.push(command)

    def report_error(self, message: str) -> None:
        self.error.emit(message)

    def set_current_article(self, article_id: int) -> None:
        if article_id != self.current_article:
            self.current_article = article_id
            self.current_article_changed.emit(article_id)
