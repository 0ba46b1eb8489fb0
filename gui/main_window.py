"""The main window: composes the corpus dock, the reader, the inspector and the menus.

Composition only: every feature lives in its own module (actions, annotate,
files, background, reader, corpus_panel, legend, status). Geometry, docks,
the splitter and hidden labels are kept in settings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox

from core import __version__
from core.model import Label
from gui.actions import Actions
from gui.annotate import Annotator
from gui.background import Background
from gui.corpus_panel import CorpusPanel
from gui.files import Files
from gui.legend import Legend
from gui.menus import build_menus, build_toolbars
from gui.reader import Reader
from gui.settings import settings
from gui.status import JobProgress


class MainWindow(QMainWindow):
    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("main_window")
        self.setWindowTitle(f"{session.store.path.name} — Pizhu 批注 {__version__}")
        self.actions = Actions(self)
        self.background = Background(session, self)
        self.reader = Reader(session, self)
        self.setCentralWidget(self.reader)
        self.corpus = CorpusPanel(session, self)
        self.corpus_dock = self._dock("corpus_dock", self.tr("Corpus"), self.corpus,
                                      Qt.DockWidgetArea.LeftDockWidgetArea)
        self.inspector_dock = self._inspector()
        self.legend = Legend(self)
        self.files = Files(self, self.background)
        self.annotator = Annotator(session, self.reader, self.actions, self.corpus, self)
        self.progress = JobProgress(self)
        self.statusBar().addPermanentWidget(self.progress)
        build_menus(self)
        build_toolbars(self)
        self._connect()
        self._restore()
        self.setAcceptDrops(True)

    def _dock(self, name: str, title: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self, objectName=name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _inspector(self) -> QDockWidget | None:
        try:
            from gui.inspector import Inspector
        except ImportError:
            return None
        return self._dock("inspector_dock", self.tr("Inspector"),
                          Inspector(self.session, self), Qt.DockWidgetArea.RightDockWidgetArea)

    def _connect(self) -> None:
        a, s = self.actions, self.session
        a.undo.triggered.connect(s.undo_stack.undo)
        a.redo.triggered.connect(s.undo_stack.redo)
        s.undo_stack.canUndoChanged.connect(a.undo.setEnabled)
        s.undo_stack.canRedoChanged.connect(a.redo.setEnabled)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        s.error.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.corpus.open_requested.connect(lambda aid, beside: self.reader.open(aid, beside=beside))
        self.corpus.extract_requested.connect(self.background.extract)
        self.legend.visible_changed.connect(self._labels_toggled)
        self.background.job_started.connect(self.progress.track)
        self.background.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.background.report.connect(self._show_report)
        self.reader.current_changed.connect(self._pane_changed)
        settings.changed.connect(self._setting_changed)

    # -- handlers that only route -------------------------------------------------------

    def _labels_toggled(self, visible: set) -> None:
        self.reader.set_visible_labels(visible)
        settings.set("hidden_labels", sorted(label.value for label in set(Label) - visible))

    def _pane_changed(self, pane) -> None:
        self.actions.toggle_raw.setChecked(bool(pane and pane.raw_mode))

    def _show_report(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text.splitlines()[0], parent=self)
        box.setDetailedText(text)
        box.open()

    def _setting_changed(self, name: str) -> None:
        if name == "label_keys":
            from gui.keys import label_infos

            self.actions.set_label_keys(label_infos())
            self.legend.set_keys(label_infos())
        elif name == "font_size":
            for pane in self.reader.panes:
                pane.view.apply_font_size()

    def open_initial(self) -> None:
        """At start: the first two articles side by side (the seeds, on a first run)."""
        ids = self.corpus.model.first_ids(2)
        for i, article_id in enumerate(ids):
            self.reader.open(article_id, beside=i > 0)
        if ids:
            self.reader.set_current(self.reader.panes[0])
            self.reader.splitter.restoreState(settings.get("reader_splitter"))

    # -- settings and lifetime -----------------------------------------------------------

    def _restore(self) -> None:
        geometry = settings.get("window_geometry")
        if geometry.isEmpty():
            self._first_geometry()
            docks = [d for d in (self.corpus_dock, self.inspector_dock) if d is not None]
            self.resizeDocks(docks, [400, 390][: len(docks)], Qt.Orientation.Horizontal)
        else:
            self.restoreGeometry(geometry)
        self.restoreState(settings.get("window_state"))
        hidden = {Label(v) for v in settings.get("hidden_labels") if v in Label.__members__}
        for label in hidden:
            self.legend.buttons[label].setChecked(False)
        self.actions.snap_words.setChecked(settings.get("snap_to_words"))
        self.actions.snap_words.toggled.connect(lambda on: settings.set("snap_to_words", on))

    def _first_geometry(self) -> None:
        area = self.screen().availableGeometry()
        self.resize(min(1600, int(area.width() * 0.94)), min(1000, int(area.height() * 0.94)))
        self.move(area.center() - self.rect().center())

    def closeEvent(self, event) -> None:  # noqa: N802
        settings.set("window_geometry", self.saveGeometry())
        settings.set("window_state", self.saveState())
        settings.set("reader_splitter", self.reader.splitter.saveState())
        self.background.shutdown()
        super().closeEvent(event)
        if event.isAccepted():
            self.hide()  # views may still read rows while the window goes away
            self.session.store.close()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        if self.files.drop(event.mimeData().urls()):
            event.acceptProposedAction()
