"""First run: ask the annotator's name once, and show the main keys in a banner once.

`ask_annotator(parent)` returns the saved name, asking for it (QInputDialog)
only when none is saved; the name is recorded on every edit. `show_key_hint(widget)`
lays a dismissible, non-modal banner over the bottom of `widget` (the reader)
unless it was dismissed before; typing and annotating keep working under it.
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from gui.settings import settings


def default_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (containers, some Windows setups)
        return "annotator"


def ask_annotator(parent: QWidget | None = None) -> str:
    """The annotator's name: saved, or asked once (a cancelled dialog keeps the login name)."""
    saved = settings.get("annotator").strip()
    if saved:
        return saved
    name, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("FirstRun", "Welcome to Pizhu 批注"),
        QCoreApplication.translate("FirstRun", "Your name, recorded on every annotation you make:"),
        text=default_name())
    name = name.strip() if ok and name.strip() else default_name()
    settings.set("annotator", name)
    return name


def key_hint_text() -> str:
    keys = list(settings.label_keys().values())
    text = QCoreApplication.translate(
        "KeyHint", "Select text and press %1 to label it · A accept · X reject · Del delete ·"
        " N / P next / previous suggestion · Ctrl+Z undo")
    return text.replace("%1", f"{keys[0]}…{keys[-1]}")


class KeyHint(QFrame):
    """A banner with the main keys over the bottom of its parent; "Got it" hides it for good."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("keyHint")
        self.setStyleSheet("#keyHint { background: rgba(40, 44, 52, 230); border-radius: 6px; }"
                           " QLabel { color: white; } QPushButton { padding: 3px 10px; }")
        self.label = QLabel(key_hint_text())
        self.label.setWordWrap(True)
        close = QPushButton(self.tr("Got it"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never steals the reader's keys
        close.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 8, 8)
        row.addWidget(self.label, 1)
        row.addWidget(close)
        parent.installEventFilter(self)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        width = min(parent.width() - 24, 720)
        height = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        self.setGeometry((parent.width() - width) // 2, parent.height() - height - 12, width, height)

    def dismiss(self) -> None:
        settings.set("hint_shown", True)
        self.hide()
        self.deleteLater()


def show_key_hint(widget: QWidget, *, force: bool = False) -> KeyHint | None:
    """Show the banner over `widget` unless it was dismissed before (or `force`)."""
    if settings.get("hint_shown") and not force:
        return None
    hint = KeyHint(widget)
    hint.show()
    hint.raise_()
    return hint
