"""Undo commands for entity and article edits: each calls one core operation.

A command keeps ids and snapshots (core.model.Entity), never widgets. The
first redo() runs the operation; undo() writes the snapshots back exactly with
core.operations.restore_entities (same ids, so later commands stay valid); a
later redo() repeats the operation or restores its result. A refused edit
(UserError) marks the command obsolete, so QUndoStack drops it, and the
session reports the reason.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from core import operations as ops
from core.errors import UserError
from core.model import ArticleStatus, Entity, Label, Status


class EditCommand(QUndoCommand):
    """Runs `_do` / `_undo`, announces the change, turns a refusal into a message."""

    def __init__(self, session, article_id: int, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.article_id = article_id
        self.ok = False

    @property
    def store(self):
        return self.session.store

    @property
    def who(self) -> str:
        return self.session.annotator

    def redo(self) -> None:
        try:
            self._do()
        except UserError as exc:
            self.setObsolete(True)
            self.session.report_error(str(exc))
            return
        self.ok = True
        self.session.article_changed.emit(self.article_id)

    def undo(self) -> None:
        self._undo()
        self.session.article_changed.emit(self.article_id)

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddEntityCommand(EditCommand):
    def __init__(self, session, article_id: int, start: int, end: int, label: Label) -> None:
        super().__init__(session, article_id, f"Add {label}")
        self.span = (start, end, Label(label))
        self.entity_id: int | None = None
        self.created: Entity | None = None
        self.edit: ops.EntityEdit | None = None

    def _do(self) -> None:
        if self.created is None:
            start, end, label = self.span
            self.edit = ops.add_entity(self.store, self.article_id, start, end, label,
                                       annotator=self.who)
            self.entity_id = self.edit.entity_id
            self.created = self.store.entity(self.entity_id)
        else:
            displaced = tuple(e.id for e in self.edit.removed)
            ops.restore_entities(self.store, [self.created], annotator=self.who, remove=displaced)

    def _undo(self) -> None:
        ops.restore_entities(self.store, self.edit.removed, self.edit.removed_slots,
                             annotator=self.who, remove=(self.entity_id,))


class SetStatusCommand(EditCommand):
    """Accept or reject entities (also 'accept all', which passes every pending id)."""

    def __init__(self, session, article_id: int, entity_ids: list[int], status: Status,
                 text: str | None = None) -> None:
        super().__init__(session, article_id, text or f"{Status(status).value.title()} entity")
        self.entity_ids = list(entity_ids)
        self.status = Status(status)
        self.befores: list[Entity] = []

    def _do(self) -> None:
        self.befores = ops.set_entity_status(self.store, self.entity_ids, self.status,
                                             annotator=self.who)

    def _undo(self) -> None:
        ops.restore_entities(self.store, self.befores, annotator=self.who)


def accept_all_command(session, article_id: int) -> SetStatusCommand | None:
    pending = [e.id for e in session.store.entities(article_id) if e.status is Status.SUGGESTED]
    if not pending:
        return None
    return SetStatusCommand(session, article_id, pending, Status.ACCEPTED,
                            f"Accept all ({len(pending)})")


class RelabelCommand(EditCommand):
    def __init__(self, session, article_id: int, entity_id: int, label: Label) -> None:
        super().__init__(session, article_id, f"Relabel as {label}")
        self.entity_id = entity_id
        self.label = Label(label)
        self.before: Entity | None = None

    def _do(self) -> None:
        self.before = ops.relabel_entity(self.store, self.entity_id, self.label,
                                         annotator=self.who)

    def _undo(self) -> None:
        ops.restore_entities(self.store, [self.before], annotator=self.who)


class DeleteEntityCommand(EditCommand):
    def __init__(self, session, article_id: int, entity_id: int) -> None:
        super().__init__(session, article_id, "Delete entity")
        self.entity_id = entity_id
        self.edit: ops.EntityEdit | None = None

    def _do(self) -> None:
        self.edit = ops.delete_entity(self.store, self.entity_id, annotator=self.who)

    def _undo(self) -> None:
        ops.restore_entities(self.store, [self.edit.before], self.edit.removed_slots,
                             annotator=self.who)


class ArticleStatusCommand(EditCommand):
    def __init__(self, session, article_id: int, status: ArticleStatus) -> None:
        super().__init__(session, article_id, f"Mark article {ArticleStatus(status).value}")
        self.status = ArticleStatus(status)
        self.previous: ArticleStatus | None = None

    def _do(self) -> None:
        self.previous = ops.set_article_status(self.store, self.article_id, self.status,
                                               annotator=self.who)

    def _undo(self) -> None:
        ops.set_article_status(self.store, self.article_id, self.previous, annotator=self.who)
