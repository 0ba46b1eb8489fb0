"""The export dialog: format, scope, text, output path; the export runs off the GUI thread.

The work is `core.export.export`, run by `ExportThread` on its own read-only
connection (one writer per database: the GUI keeps writing meanwhile). The
dialog shows progress with Cancel and, when done, the report's summary line and
one line per thing the format could not express.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import UserError
from core.store import Store
from gui.settings import settings

try:  # core/export.py is written alongside; the dialog says so instead of crashing
    from core import export as core_export
except ImportError:  # pragma: no cover - only before core/export.py exists
    core_export = None

FORMATS = ("pizhu", "doccano", "labelstudio", "brat", "conll", "csv", "spacy")
SCOPES = ("all", "done", "reviewed")


class ExportThread(QThread):
    """Runs one export; `progressed(done, total)`, then `succeeded(report)` or `failed(msg)`."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: Path, fmt: str, out_path: Path, scope: str, text: str,
                 parent=None) -> None:
        super().__init__(parent)
        self.args = (db_path, fmt, out_path, scope, text)
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancelled

    def run(self) -> None:
        db_path, fmt, out_path, scope, text = self.args
        if core_export is None:
            self.failed.emit(self.tr("Export is not available in this build."))
            return
        try:
            with Store(db_path, readonly=True) as store:
                report = core_export.export(store, fmt, out_path, scope=scope, text=text,
                                            progress=self._progress)
        except (UserError, OSError) as exc:
            self.failed.emit(str(exc))
            return
        self.succeeded.emit(report)


def report_lines(report) -> list[str]:
    """The summary line, then one line per kind of thing the format dropped."""
    lines = [report.summary()]
    lines += [f"  {n} × {what}" for what, n in sorted(report.dropped.items())]
    return lines


class ExportDialog(QDialog):
    finished_export = Signal(bool)  # True when the file was written

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.thread: ExportThread | None = None
        self.report = None
        self._outcome = ("", False)
        self.setWindowTitle(self.tr("Export"))
        self.resize(560, 380)
        self._build()
        self.format_box.setCurrentText(settings.get("export_format"))
        self._suggest_path()

    def _build(self) -> None:
        form = QFormLayout()
        self.format_box = QComboBox()
        self.format_box.addItems(FORMATS)
        self.format_box.currentTextChanged.connect(self._suggest_path)
        form.addRow(self.tr("Format"), self.format_box)
        self.scope_group = self._radio_row(form, self.tr("Scope"), SCOPES, (
            self.tr("All articles"), self.tr("Done articles"), self.tr("Reviewed annotations")))
        self.text_group = self._radio_row(form, self.tr("Text"), ("clean", "raw"),
                                          (self.tr("Clean"), self.tr("Raw (original)")))
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose_path)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        form.addRow(self.tr("Output"), row)
        self.progress = QProgressBar()
        self.progress.hide()
        self.log = QPlainTextEdit(readOnly=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.cancel_or_close)
        layout = QVBoxLayout(self)
        for item in (form, self.progress, self.log, self.buttons):
            (layout.addLayout if isinstance(item, QFormLayout) else layout.addWidget)(item)

    def _radio_row(self, form, title, values, texts) -> QButtonGroup:
        group, box = QButtonGroup(self), QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for n, (value, text) in enumerate(zip(values, texts, strict=True)):
            button = QRadioButton(text, checked=n == 0)
            button.setProperty("value", value)
            group.addButton(button)
            row.addWidget(button)
        row.addStretch()
        form.addRow(title, box)
        return group

    def option(self, group: QButtonGroup) -> str:
        return group.checkedButton().property("value")

    def set_option(self, group: QButtonGroup, value: str) -> None:
        next(b for b in group.buttons() if b.property("value") == value).setChecked(True)

    def _suggest_path(self) -> None:
        folder = Path(settings.get("export_dir") or Path(self.session.store.path).parent)
        stem = Path(self.session.store.path).stem
        fmt = self.format_box.currentText()
        suffix = _format_suffix(fmt)
        self.path_edit.setText(str(folder / f"{stem}-{fmt}{suffix}"))

    def choose_path(self) -> None:
        current = self.path_edit.text()
        if _format_kind(self.format_box.currentText()) == "folder":
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), current)
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to file"), current)
        if chosen:
            self.path_edit.setText(chosen)

    def start(self) -> None:
        out = Path(self.path_edit.text().strip())
        fmt = self.format_box.currentText()
        settings.set("export_format", fmt)
        settings.set("export_dir", str(out.parent))
        self.log.setPlainText(self.tr("Exporting…"))
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.thread = ExportThread(Path(self.session.store.path), fmt, out,
                                   self.option(self.scope_group), self.option(self.text_group), self)
        self.thread.progressed.connect(self._progressed)
        self.thread.succeeded.connect(self._succeeded)
        self.thread.failed.connect(lambda message: self._set_outcome(message, False))
        self.thread.finished.connect(self._finished)
        self.thread.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _succeeded(self, report) -> None:
        self.report = report
        self._set_outcome("\n".join(report_lines(report)), True)

    def _set_outcome(self, text: str, ok: bool) -> None:
        self._outcome = (text, ok)

    def _finished(self) -> None:
        """The thread has ended (not merely sent its result): show and announce the outcome."""
        text, ok = self._outcome
        self.progress.hide()
        self.log.setPlainText(text)
        self.export_button.setEnabled(True)
        self.finished_export.emit(ok)

    def cancel_or_close(self) -> None:
        self.reject()

    def done(self, result: int) -> None:
        """Closing cancels a running export (nothing is written) and waits for its thread."""
        if self.thread is not None and self.thread.isRunning():
            self.thread.cancel()
            self.thread.wait()
        super().done(result)


def _format_module(fmt: str):
    try:
        from core.formats import load

        return load(fmt)
    except (ImportError, UserError):
        return None


def _format_suffix(fmt: str) -> str:
    return getattr(_format_module(fmt), "SUFFIX", "")


def _format_kind(fmt: str) -> str:
    return getattr(_format_module(fmt), "KIND", "file")
