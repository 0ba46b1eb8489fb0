"""The status-bar progress indicator of background jobs, shown only after 600 ms.

Fast jobs never flash a bar; a slow one shows its title, a progress bar and
a Cancel button that asks the job to stop between items.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

SHOW_AFTER_MS = 600


class JobProgress(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("job_progress")
        self.jobs: list = []
        self.label = QLabel()
        self.bar = QProgressBar(maximumWidth=220, textVisible=True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._timer = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS,
                             timeout=self._maybe_show)
        self.hide()

    def track(self, job) -> None:
        """Follow a started job; the newest running job is the one displayed."""
        self.jobs.append(job)
        job.progress.connect(lambda done, total, j=job: self._progress(j, done, total))
        job.finished.connect(lambda _cancelled, j=job: self._finished(j))
        self._display(job)
        if not self.isVisible():
            self._timer.start()

    def _display(self, job) -> None:
        self.label.setText(job.title)
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel_button.setEnabled(True)

    def _progress(self, job, done: int, total: int) -> None:
        if self.jobs and job is self.jobs[-1]:
            self.bar.setRange(0, max(total, 0))  # 0..0: busy, the total is not known
            self.bar.setValue(done)
            self.bar.setFormat(f"{done} / {total}" if total > 0 else str(done))

    def _finished(self, job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if self.jobs:
            self._display(self.jobs[-1])
            return
        self._timer.stop()
        self.hide()

    def _maybe_show(self) -> None:
        if self.jobs:
            self.show()

    def _cancel(self) -> None:
        if self.jobs:
            self.jobs[-1].cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))
