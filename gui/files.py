"""Databases and files: new/open database, recent databases, import, export, drops.

Each open database gets its own main window (one Session, one Store, one
undo stack); opening another database opens a window for it and closes
the current one. Recent databases are kept in settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from core.errors import UserError
from core.store import Store
from gui.settings import settings

DB_FILTER = "Pizhu database (*.db *.sqlite *.pizhu);;All files (*)"
IMPORT_FILTER = "Articles (*.txt *.html *.htm *.json *.jsonl *.csv);;All files (*)"
_windows: list = []  # open main windows, kept alive here


def open_window(path: str | Path, annotator: str, *, previous=None):
    """Open the database at path in a new main window; None (and a message) on failure."""
    from gui.main_window import MainWindow
    from gui.session import Session

    try:
        session = Session(Store(path), annotator)
    except (UserError, OSError) as exc:
        QMessageBox.warning(previous, "Pizhu", str(exc))
        return None
    window = MainWindow(session)
    _windows.append(window)
    window.destroyed.connect(lambda *_: _windows.remove(window) if window in _windows else None)
    settings.add_recent_database(str(Path(path).resolve()))
    window.show()
    if previous is not None:
        previous.close()
    return window


class Files(QObject):
    """The File menu's handlers for one main window."""

    def __init__(self, window, background) -> None:
        super().__init__(window)
        self.window = window
        self.background = background
        self.recent_menu = QMenu(self.tr("Open &Recent"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    @property
    def session(self):
        return self.window.session

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("New Database"),
                                              str(self._folder() / "corpus.db"), DB_FILTER)
        if path:  # an existing file is opened as it is, never truncated
            self.open_database(path)

    def open_database(self, path: str = "") -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open Database"),
                                                  str(self._folder()), DB_FILTER)
        if path and Path(path).resolve() != self.session.store.path.resolve():
            open_window(path, self.session.annotator, previous=self.window)

    def _folder(self) -> Path:
        return self.session.store.path.resolve().parent

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in settings.get("recent_databases"):
            action = self.recent_menu.addAction(path, lambda p=path: self.open_database(p))
            action.setEnabled(Path(path).exists())
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import Files"),
                                                str(Path.home()), IMPORT_FILTER)
        self.background.import_paths(paths)

    def import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self.window, self.tr("Import Folder"),
                                                str(Path.home()))
        if path:
            self.background.import_paths([path])

    def export(self) -> None:
        try:
            from gui.export_dialog import ExportDialog
        except ImportError:
            self.session.report_error(self.tr("Export is not available in this build"))
            return
        ExportDialog(self.session, self.window).exec()

    # -- drag and drop -------------------------------------------------------------

    @staticmethod
    def dropped_paths(urls: list[QUrl]) -> list[str]:
        return [u.toLocalFile() for u in urls if u.isLocalFile() and u.toLocalFile()]

    def drop(self, urls: list[QUrl]) -> bool:
        """Import dropped files/folders, or open a dropped database."""
        paths = self.dropped_paths(urls)
        databases = [p for p in paths if Path(p).suffix.lower() in (".db", ".sqlite", ".pizhu")]
        if len(paths) == 1 and databases:
            self.open_database(databases[0])
            return True
        return self.background.import_paths(paths) is not None
