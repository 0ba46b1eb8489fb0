"""Keyboard annotation: what each Annotate action does to the current pane.

A label key on a text selection creates a manual entity (snapped to
characters, or to jieba words when the toggle is on); on a selected span it
relabels it. A / X / Del accept, reject, delete the selected span; N / P walk
the pending suggestions. Every edit is an undo command (gui/undo.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from core.model import ArticleStatus, Label, Status
from gui import undo
from gui.keys import snap_to_chars, snap_to_words, warm_jieba


class Annotator(QObject):
    def __init__(self, session, reader, actions, corpus_panel=None, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.reader = reader
        self.corpus_panel = corpus_panel
        self.actions = actions
        a = actions
        for label, action in a.labels.items():
            action.triggered.connect(lambda _=False, lab=label: self.label_key(lab))
        a.accept.triggered.connect(lambda: self.set_status(Status.ACCEPTED))
        a.reject.triggered.connect(lambda: self.set_status(Status.REJECTED))
        a.delete.triggered.connect(self.delete)
        a.next_suggestion.triggered.connect(lambda: self.step(True))
        a.previous_suggestion.triggered.connect(lambda: self.step(False))
        a.accept_all.triggered.connect(self.accept_all)
        a.done_next.triggered.connect(self.done_next)
        a.label_occurrences.triggered.connect(self.label_occurrences)
        a.snap_words.toggled.connect(lambda on: on and warm_jieba())

    @property
    def pane(self):
        pane = self.reader.current
        return pane if pane is not None and pane.article is not None else None

    def label_key(self, label: Label) -> None:
        pane = self.pane
        if pane is None:
            return
        span = pane.selection_span()
        if span is not None:
            self.add_entity(pane, span, label)
        elif pane.selected_entity is not None and pane.selected_entity.label is not label:
            entity = pane.selected_entity
            self.session.push(undo.RelabelCommand(self.session, pane.article_id, entity.id, label))

    def add_entity(self, pane, span: tuple[int, int], label: Label) -> int | None:
        snap = snap_to_words if self.actions.snap_words.isChecked() else snap_to_chars
        start, end = snap(pane.article.clean_text, *span)
        if start >= end:
            self.session.report_error(self.tr("Select some text first"))
            return None
        command = undo.AddEntityCommand(self.session, pane.article_id, start, end, label)
        self.session.push(command)
        if command.ok:
            pane.select_entity(command.entity_id)
        return command.entity_id

    def set_status(self, status: Status) -> None:
        pane = self.pane
        entity = pane.selected_entity if pane else None
        if entity is None or entity.status is status:
            return
        self.session.push(undo.SetStatusCommand(self.session, pane.article_id, [entity.id], status))
        if entity.status is Status.SUGGESTED:
            pane.step_suggestion(True)

    def delete(self) -> None:
        pane = self.pane
        entity = pane.selected_entity if pane else None
        if entity is not None:
            self.session.push(undo.DeleteEntityCommand(self.session, pane.article_id, entity.id))

    def step(self, forward: bool) -> None:
        if self.pane is not None:
            self.pane.step_suggestion(forward)

    def accept_all(self) -> None:
        pane = self.pane
        command = undo.accept_all_command(self.session, pane.article_id) if pane else None
        if command is not None:
            self.session.push(command)

    def done_next(self) -> None:
        pane = self.pane
        if pane is None:
            return
        article_id = pane.article_id
        self.session.push(undo.ArticleStatusCommand(self.session, article_id, ArticleStatus.DONE))
        following = self.corpus_panel.next_id(article_id) if self.corpus_panel else None
        if following is not None:
            self.reader.open(following)
            self.corpus_panel.show_article(following)

    def label_occurrences(self) -> None:
        pane = self.pane
        entity = pane.selected_entity if pane else None
        if entity is None:
            self.session.report_error(self.tr("Select a span first"))
            return
        try:
            from gui.occurrences_dialog import OccurrencesDialog
        except ImportError:
            self.session.report_error(self.tr("Label all occurrences is not available yet"))
            return
        OccurrencesDialog(self.session, entity.text, entity.label, self.reader.window()).exec()
