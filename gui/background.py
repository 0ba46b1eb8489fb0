"""Running extraction and import in the background for one session.

Extraction results are merged on the GUI thread as they arrive, so open panes
update article by article; an import is followed by extraction of what it
added. Reports (skipped files, engine errors) go to `message` and `report`.
"""

from __future__ import annotations

from collections import deque
from time import perf_counter

from PySide6.QtCore import QObject, QTimer, Signal

from gui.workers import Job, extraction_work, import_work, merge_result

# Merging results on the GUI thread gets at most this much time per event-loop
# turn; the rest waits for the next turn, so typing and scrolling stay smooth
# however fast the workers deliver (bench/README.md, GUI stall).
MERGE_BUDGET_S = 0.008


class Background(QObject):
    message = Signal(str)  # one line for the status bar
    report = Signal(str, str)  # title, details worth a dialog
    job_started = Signal(object)  # gui.workers.Job
    extraction_finished = Signal(object, bool)  # job, cancelled: every result is merged

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.jobs: list[Job] = []
        self.closed = False  # the window closed: late results are dropped
        self._pending: deque = deque()  # (result, errors list) waiting to be merged
        self._finishing: list = []  # jobs that ended while their results were still queued
        self._drain = QTimer(self, singleShot=True, interval=0)
        self._drain.timeout.connect(self._merge_some)

    @property
    def db_path(self):
        return self.session.store.path

    def extract(self, article_ids: list[int], *, work=None) -> Job | None:
        """Run the engine over these articles; `work` replaces the engine (tests)."""
        ids = list(article_ids)
        if not ids:
            return None
        job = Job(self.tr("Extracting %n article(s)", "", len(ids)),
                  work or extraction_work(self.db_path, ids), self)
        errors: list[str] = []
        job.result.connect(lambda item: self._queue(item, errors))
        job.failed.connect(errors.append)
        job.finished.connect(lambda cancelled: self._extracted(job, len(ids), errors, cancelled))
        return self._start(job)

    def _queue(self, item, errors: list[str]) -> None:
        self._pending.append((item, errors))
        if not self._drain.isActive():
            self._drain.start()

    def _merge_some(self) -> None:
        """Merge queued results for up to MERGE_BUDGET_S, then yield to the event loop."""
        deadline = perf_counter() + MERGE_BUDGET_S
        while self._pending and not self.closed:
            item, errors = self._pending.popleft()
            error = merge_result(self.session, item)
            if error:
                errors.append(error)
            if perf_counter() > deadline:
                break
        if self._pending and not self.closed:
            self._drain.start()
        elif self._finishing:
            finishing, self._finishing = self._finishing, []
            for args in finishing:
                self._announce(*args)

    def _extracted(self, job: Job, total: int, errors: list[str], cancelled: bool) -> None:
        if self.closed:
            self._forget(job)
            return
        if self._pending:  # announce once the queue is merged, still within the time budget
            self._finishing.append((job, total, errors, cancelled))
        else:
            self._announce(job, total, errors, cancelled)

    def _announce(self, job: Job, total: int, errors: list[str], cancelled: bool) -> None:
        self._forget(job)
        self.session.corpus_changed.emit()
        state = self.tr("cancelled") if cancelled else self.tr("done")
        self.message.emit(self.tr("Extraction %1: %2 article(s), %3 error(s)")
                          .replace("%1", state).replace("%2", str(total))
                          .replace("%3", str(len(errors))))
        if errors:
            self.report.emit(self.tr("Extraction problems"), "\n".join(errors[:200]))
        self.extraction_finished.emit(job, cancelled)

    def import_paths(self, paths: list[str], *, extract_after: bool = True) -> Job | None:
        if not paths:
            return None
        job = Job(self.tr("Importing"), import_work(self.db_path, [str(p) for p in paths]), self)
        reports: list = []
        job.result.connect(reports.append)
        job.failed.connect(lambda text: self.report.emit(self.tr("Import failed"), text))
        job.finished.connect(lambda _c: self._imported(job, reports, extract_after))
        return self._start(job)

    def _imported(self, job: Job, reports: list, extract_after: bool) -> None:
        self._forget(job)
        if self.closed:
            return
        self.session.corpus_changed.emit()
        if not reports:
            return
        report = reports[0]
        self.message.emit(report.summary())
        if report.failed or report.duplicates:
            self.report.emit(self.tr("Import report"), _details(report))
        if extract_after and report.added:
            self.extract(report.added)

    def _start(self, job: Job) -> Job | None:
        if self.closed:
            return None
        self.jobs.append(job)
        self.job_started.emit(job)
        job.start()
        return job

    def _forget(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        job.deleteLater()

    def shutdown(self) -> None:
        """Cancel every job and wait for its thread (closing the window)."""
        self.closed = True
        for job in list(self.jobs):
            job.cancel()
        for job in list(self.jobs):
            job.wait(10000)


def _details(report) -> str:
    lines = [report.summary(), ""]
    lines += [f"skipped (duplicate): {name}" for name in report.duplicates]
    lines += [f"failed: {path}: {reason}" for path, reason in report.failed]
    return "\n".join(lines)
