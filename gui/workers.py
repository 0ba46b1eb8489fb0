"""Background jobs: a generator consumed on a QThread, with progress and cooperative cancel.

A job's work is a function `work(cancel, progress) -> Iterable` run on a
worker thread; every item it yields comes back to the GUI thread as `result`.
Extraction yields core.jobs JobResults computed in worker processes and the
GUI thread merges each into the one Store (a merge takes milliseconds, and
keeping one writer means human edits and engine results never race). Import
writes through its own Store connection on the worker thread and yields one
ImportReport.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from core.store import Store


class CancelFlag(threading.Event):
    """A threading.Event that can also be called: cancel() -> bool, for either contract."""

    def __call__(self) -> bool:
        return self.is_set()


class _Worker(QObject):
    progress = Signal(int, int)
    result = Signal(object)
    failed = Signal(str)
    done = Signal()

    def __init__(self, work: Callable, cancel: CancelFlag) -> None:
        super().__init__()
        self.work = work
        self.cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            for item in self.work(self.cancel, self._progress) or ():
                self.result.emit(item)
                if self.cancel.is_set():
                    break
        except Exception as exc:  # noqa: BLE001 - reported to the user, never lost
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        finally:
            self.done.emit()

    def _progress(self, done: int, total=0, *_rest) -> None:
        # core.jobs reports (done, total); core.ingest (done, path) with no total known
        self.progress.emit(int(done), total if isinstance(total, int) else 0)


class Job(QObject):
    """One background job; keep a reference until `finished`."""

    progress = Signal(int, int)  # done, total
    result = Signal(object)
    failed = Signal(str)
    finished = Signal(bool)  # True when cancelled

    def __init__(self, title: str, work: Callable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.cancel_flag = CancelFlag()
        self.running = False
        self._thread = QThread(self)
        self._worker = _Worker(work, self.cancel_flag)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.result.connect(self.result)
        self._worker.failed.connect(self.failed)
        self._worker.done.connect(self._thread.quit)
        self._thread.finished.connect(self._finish)

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def cancel(self) -> None:
        self.cancel_flag.set()

    def wait(self, ms: int = 30000) -> bool:
        return self._thread.wait(ms)

    def _finish(self) -> None:
        self.running = False
        self.finished.emit(self.cancel_flag.is_set())


# -- the two jobs the app runs ----------------------------------------------------------


def gui_jobs() -> int:
    """Worker processes for extraction started from the window: one core stays free
    for the GUI, so scrolling and typing keep up (bench/README.md, GUI stall)."""
    return max(1, min(4, (os.cpu_count() or 2) - 1))


def extraction_work(db_path, article_ids: list[int], jobs: int | None = None) -> Callable:
    """The generator factory for extracting `article_ids` in core.jobs worker processes."""

    def work(cancel, progress):
        from core.jobs import iter_analyses

        results = iter_analyses(db_path, list(article_ids), jobs=jobs or gui_jobs(), cancel=cancel)
        for done, item in enumerate(results, 1):
            progress(done, len(article_ids))
            yield item

    return work


def import_work(db_path, paths: list[str]) -> Callable:
    """The generator factory for importing files and folders; yields one ImportReport."""

    def work(cancel, progress):
        from core.ingest import import_paths

        store = Store(db_path)
        try:
            yield import_paths(store, list(paths), progress=progress, cancel=cancel)
        finally:
            store.close()

    return work


def merge_result(session, item) -> str | None:
    """Merge one extraction result on the GUI thread; returns an error line, if any."""
    if item.analysis is None:
        return f"#{item.article_id}: {item.error}"
    try:
        session.store.merge_suggestions(item.article_id, item.analysis)
    except Exception as exc:  # noqa: BLE001 - e.g. the article was deleted meanwhile
        return f"#{item.article_id}: {exc}"
    session.article_changed.emit(item.article_id)
    return None
