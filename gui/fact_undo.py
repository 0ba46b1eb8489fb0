"""Undo commands for fact edits: add, delete, set one slot, accept or reject.

Each command keeps ids and `Fact` snapshots (never widgets), calls one
core.operations function, and announces the change with
`session.article_changed`, through gui/undo.py's EditCommand: a refused edit (UserError) marks
the command obsolete, so QUndoStack drops it, and `session.report_error` says
why; `command.ok` tells the caller whether it went through:

    command = SetFactSlotCommand(session, fact_id, "amount", SlotValue(entity=7))
    session.push(command)
    if command.ok: ...

Undo writes the snapshot back with `restore_fact` (same id), so redo and undo
can alternate freely.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core import operations as ops
from core.model import Fact, FactType, SlotValue, Status
from gui.undo import EditCommand


class AddFactCommand(EditCommand):
    def __init__(self, session, article_id: int, fact_type: FactType,
                 slots: dict[str, SlotValue] | None = None, status: Status = Status.MANUAL) -> None:
        self.fact_type, self.slots, self.status = FactType(fact_type), dict(slots or {}), status
        self.fact_id: int | None = None
        self._snapshot: Fact | None = None
        super().__init__(session, article_id, QCoreApplication.translate("FactUndo", "Add fact"))

    def _do(self) -> None:
        store = self.session.store
        if self._snapshot is None:
            self.fact_id = ops.add_fact(store, self.article_id, self.fact_type, self.slots,
                                        annotator=self.who, status=self.status)
        else:  # redo after undo: the same fact, same id
            ops.restore_fact(store, self._snapshot, annotator=self.who)

    def _undo(self) -> None:
        self._snapshot = ops.delete_fact(self.session.store, self.fact_id, annotator=self.who)


class DeleteFactCommand(EditCommand):
    def __init__(self, session, fact_id: int) -> None:
        self.fact_id = fact_id
        self._snapshot: Fact | None = None
        text = QCoreApplication.translate("FactUndo", "Delete fact")
        super().__init__(session, session.store.fact(fact_id).article_id, text)

    def _do(self) -> None:
        self._snapshot = ops.delete_fact(self.session.store, self.fact_id, annotator=self.who)

    def _undo(self) -> None:
        ops.restore_fact(self.session.store, self._snapshot, annotator=self.who)


class SetFactSlotCommand(EditCommand):
    """Fill, change or clear (slot=None) one slot; the fact becomes human-owned."""

    def __init__(self, session, fact_id: int, role: str, slot: SlotValue | None) -> None:
        self.fact_id, self.role, self.slot = fact_id, role, slot
        self._snapshot: Fact | None = None
        article_id = session.store.fact(fact_id).article_id
        text = QCoreApplication.translate("FactUndo", "Edit slot “%1”").replace("%1", role)
        super().__init__(session, article_id, text)

    def _do(self) -> None:
        self._snapshot = ops.set_fact_slot(self.session.store, self.fact_id, self.role, self.slot,
                                           annotator=self.who)

    def _undo(self) -> None:
        ops.restore_fact(self.session.store, self._snapshot, annotator=self.who)


class SetFactStatusCommand(EditCommand):
    """Accept or reject facts of one article in one step."""

    def __init__(self, session, fact_ids: list[int], status: Status) -> None:
        self.fact_ids, self.status = list(fact_ids), Status(status)
        self._snapshots: list[Fact] = []
        article_id = session.store.fact(self.fact_ids[0]).article_id
        if status is Status.ACCEPTED:
            text = QCoreApplication.translate("FactUndo", "Accept facts")
        else:
            text = QCoreApplication.translate("FactUndo", "Reject facts")
        super().__init__(session, article_id, text)

    def _do(self) -> None:
        self._snapshots = ops.set_fact_status(self.session.store, self.fact_ids, self.status,
                                              annotator=self.who)

    def _undo(self) -> None:
        for snapshot in self._snapshots:
            ops.restore_fact(self.session.store, snapshot, annotator=self.who)
