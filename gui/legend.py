"""The legend: one toggle per label in its colour, showing its key; hides labels in all panes.

A label toggled off is hidden in every pane; the key shown is the one that
creates or relabels a span with that label.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from core.model import Label
from gui.keys import LabelInfo, label_infos


class Legend(QWidget):
    visible_changed = Signal(set)  # set[Label] now shown

    def __init__(self, parent=None, infos: tuple[LabelInfo, ...] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.buttons: dict[Label, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(3)
        hint = QLabel(self.tr("Labels:"))
        layout.addWidget(hint)
        for info in infos or label_infos():
            button = self._button(info)
            self.buttons[info.label] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def _button(self, info: LabelInfo) -> QToolButton:
        zh = f" {info.zh}" if info.zh else ""
        button = QToolButton(text=f"{info.key} {info.label.value}", checkable=True, checked=True)
        button.setObjectName(f"legend_{info.label.value}")
        button.setToolTip(self.tr("%1%2 — key %3; click to show or hide")
                          .replace("%1", info.label.value).replace("%2", zh)
                          .replace("%3", info.key))
        button.setStyleSheet(_style(info.color))
        button.toggled.connect(lambda _on: self.visible_changed.emit(self.visible()))
        return button

    def visible(self) -> set[Label]:
        return {label for label, b in self.buttons.items() if b.isChecked()}

    def set_keys(self, infos: tuple[LabelInfo, ...]) -> None:
        for info in infos:
            if info.label in self.buttons:
                self.buttons[info.label].setText(f"{info.key} {info.label.value}")


def _style(color: str) -> str:
    border = QColor(color).darker(140).name()
    return (
        f"QToolButton {{ border: 1px solid {border}; border-radius: 3px; padding: 1px 5px;"
        f" background: palette(base); color: palette(text); }}"
        f" QToolButton:checked {{ background: {color}; color: black; }}"
    )
