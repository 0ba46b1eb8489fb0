"""Every QAction of the main window, named once, with its text and shortcut.

Handlers live in the feature modules (gui/annotate.py, gui/files.py,
gui/background.py); the main window only connects them and places the
actions in menus and the toolbar. Standard keys use QKeySequence.StandardKey.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from core.model import Label
from gui.keys import LabelInfo, label_infos

SK = QKeySequence.StandardKey


class Actions(QObject):
    def __init__(self, parent, infos: tuple[LabelInfo, ...] | None = None) -> None:
        super().__init__(parent)
        self._file()
        self._edit()
        self._view()
        self._annotate()
        self._extract()
        self.about = self._make("about", self.tr("&About Pizhu"))
        self.key_help = self._make("key_help", self.tr("&Keyboard Shortcuts"), "F1")
        self.labels: dict[Label, QAction] = {}
        self.set_label_keys(infos or label_infos())

    def _make(self, name: str, text: str, shortcut=None, *, tip: str = "",
              checkable: bool = False) -> QAction:
        action = QAction(text, self.parent())
        action.setObjectName(name)
        if shortcut is not None:
            if isinstance(shortcut, SK):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(tip or text.replace("&", ""))
        action.setCheckable(checkable)
        return action

    def _file(self) -> None:
        self.new_db = self._make("new_db", self.tr("&New Database…"), SK.New)
        self.open_db = self._make("open_db", self.tr("&Open Database…"), SK.Open)
        self.import_files = self._make("import_files", self.tr("&Import Files…"), "Ctrl+I")
        self.import_folder = self._make("import_folder", self.tr("Import &Folder…"), "Ctrl+Shift+I")
        self.export = self._make("export", self.tr("&Export…"), "Ctrl+E")
        self.quit = self._make("quit", self.tr("&Quit"), SK.Quit)

    def _edit(self) -> None:
        self.undo = self._make("undo", self.tr("&Undo"), SK.Undo)
        self.redo = self._make("redo", self.tr("&Redo"), SK.Redo)
        self.find = self._make("find", self.tr("&Find in Corpus"), SK.Find)
        self.preferences = self._make("preferences", self.tr("&Preferences…"), SK.Preferences)
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

    def _view(self) -> None:
        self.open_beside = self._make("open_beside", self.tr("Open &Beside"), "Ctrl+Shift+Return",
                                      tip=self.tr("Open the chosen article in a new pane beside"))
        self.close_pane = self._make("close_pane", self.tr("&Close Pane"), SK.Close)
        self.toggle_raw = self._make("toggle_raw", self.tr("Show &Raw Text"), "Ctrl+R",
                                     checkable=True)

    def _annotate(self) -> None:
        self.accept = self._make("accept", self.tr("&Accept"), "A")
        self.reject = self._make("reject", self.tr("Re&ject"), "X")
        self.delete = self._make("delete", self.tr("&Delete Entity"), SK.Delete)
        self.next_suggestion = self._make("next_suggestion", self.tr("&Next Suggestion"), "N")
        self.previous_suggestion = self._make("previous_suggestion",
                                              self.tr("&Previous Suggestion"), "P")
        self.accept_all = self._make("accept_all", self.tr("Accept A&ll Suggestions"),
                                     "Ctrl+Shift+A")
        self.done_next = self._make("done_next", self.tr("Mark &Done && Next Article"),
                                    "Ctrl+Return")
        self.label_occurrences = self._make("label_occurrences",
                                            self.tr("Label All &Occurrences…"), "Ctrl+Shift+L")
        self.snap_words = self._make("snap_words", self.tr("Snap Selection to &Words"),
                                     checkable=True)

    def _extract(self) -> None:
        self.extract_current = self._make("extract_current", self.tr("Extract &Current Article"),
                                          "Ctrl+Shift+E")
        self.extract_selected = self._make("extract_selected",
                                           self.tr("Extract &Selected Articles"))
        self.extract_all = self._make("extract_all", self.tr("Extract &Whole Corpus"))

    def set_label_keys(self, infos: tuple[LabelInfo, ...]) -> None:
        """(Re)create the label actions: one per label, its key from labels.json or settings."""
        for info in infos:
            action = self.labels.get(info.label)
            if action is None:
                action = self._make(f"label_{info.label.value}",
                                    f"{info.label.value} {info.zh}".strip())
                action.setData(info.label.value)
                self.labels[info.label] = action
            action.setShortcut(QKeySequence(info.key))

    def annotate_actions(self) -> list[QAction]:
        return [self.accept, self.reject, self.delete, self.next_suggestion,
                self.previous_suggestion, self.accept_all, self.done_next,
                self.label_occurrences]

    def all(self) -> list[QAction]:
        return [a for a in self.parent().findChildren(QAction) if a.objectName()]
