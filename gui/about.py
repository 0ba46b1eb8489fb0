"""The About box: version (from pyproject, via core.__version__), license, data locations."""

from __future__ import annotations

import html
import sys
from importlib import resources

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout

from core import __version__
from gui.settings import data_dir, settings


def app_icon() -> QIcon:
    """The application icon (resources/icons/pizhu.svg, with its PNG render as fallback)."""
    icons = resources.files("resources").joinpath("icons")
    icon = QIcon()
    for name in ("pizhu.svg", "pizhu.png"):
        path = icons.joinpath(name)
        if path.is_file():
            icon.addFile(str(path))
    return icon


def data_locations(database: str | None) -> list[tuple[str, str]]:
    """(what, where) pairs shown in the About box and useful in bug reports."""
    return [
        (QCoreApplication.translate("AboutDialog", "Database"),
         database or QCoreApplication.translate("AboutDialog", "none open")),
        (QCoreApplication.translate("AboutDialog", "Settings"), settings.file_name()),
        (QCoreApplication.translate("AboutDialog", "Data folder"), str(data_dir())),
    ]


class AboutDialog(QDialog):
    def __init__(self, database: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Pizhu"))
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self.body(database))
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        self.text.setMinimumWidth(420)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def body(self, database: str | None) -> str:
        places = "".join(f"<tr><td><b>{html.escape(what)}</b>&nbsp;</td><td>{html.escape(where)}</td></tr>"
                         for what, where in data_locations(database))
        python = ".".join(map(str, sys.version_info[:3]))
        blurb = self.tr("A desktop reader and annotator for Chinese news.")
        license_text = self.tr("License: MIT. The bundled fallback font is a subset of "
                               "Noto Sans CJK SC under the SIL Open Font License 1.1.")
        return (
            f"<h2>Pizhu 批注 {html.escape(__version__)}</h2>"
            f"<p>{blurb}</p><p>{license_text}</p><table>{places}</table>"
            f"<p><small>Qt for Python {pyside_version} · Python {python}</small></p>"
        )


def show_about(parent=None) -> None:
    """Open the About box for a main window (its session names the database)."""
    session = getattr(parent, "session", None)
    database = str(session.store.path) if session is not None else None
    AboutDialog(database, parent).exec()
