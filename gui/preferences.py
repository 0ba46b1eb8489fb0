"""The preferences dialog: annotator name, language, label keys, word snapping, font size.

It edits gui.settings and nothing else; widgets that care listen to
`settings.changed`. A language change takes effect for windows opened
afterwards (and fully after a restart).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from gui.settings import default_labels, settings

LANGUAGE_NAMES = (("auto", QT_TRANSLATE_NOOP("PreferencesDialog", "System default")), ("zh_CN", "中文（简体）"), ("en", "English"))
RESERVED_KEYS = set("AXNP")  # accept, reject, next, previous (issue 4)


class PreferencesDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.key_edits: dict[str, QLineEdit] = {}
        self._build()
        self.load()

    def _build(self) -> None:
        form = QFormLayout()
        self.annotator = QLineEdit()
        form.addRow(self.tr("Annotator name"), self.annotator)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(self.tr(name) if code == "auto" else name, code)
        form.addRow(self.tr("Language"), self.language)
        self.snap = QCheckBox(self.tr("Snap selections to word boundaries (jieba)"))
        form.addRow("", self.snap)
        self.font_size = QSpinBox(minimum=8, maximum=40, suffix=" pt")
        form.addRow(self.tr("Reader font size"), self.font_size)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._keys_box())
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_default_keys)
        layout.addWidget(buttons)

    def _keys_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Label keys"))
        grid = QGridLayout(box)
        for n, info in enumerate(settings.labels()):
            edit = QLineEdit(maxLength=1)
            edit.setFixedWidth(36)
            self.key_edits[info.name] = edit
            row, column = divmod(n, 2)
            grid.addWidget(QLabel(f"{info.name} {info.zh}"), row, column * 2)
            grid.addWidget(edit, row, column * 2 + 1)
        return box

    def load(self) -> None:
        self.annotator.setText(settings.get("annotator"))
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        self.snap.setChecked(settings.get("snap_to_words"))
        self.font_size.setValue(settings.get("font_size"))
        for name, key in settings.label_keys().items():
            self.key_edits[name].setText(key)

    def restore_default_keys(self) -> None:
        for info in default_labels():
            self.key_edits[info.name].setText(info.key)

    def key_problem(self) -> str:
        """Why the label keys cannot be saved, or "" when they can."""
        keys = {name: edit.text().strip().upper() for name, edit in self.key_edits.items()}
        if any(not k for k in keys.values()):
            return self.tr("Every label needs a key.")
        if len(set(keys.values())) < len(keys):
            return self.tr("Two labels share a key.")
        if RESERVED_KEYS & set(keys.values()):
            return self.tr("A, X, N and P are taken by accept, reject, next and previous.")
        return ""

    def accept(self) -> None:
        problem = self.key_problem()
        if problem:
            self.error.setText(problem)
            return
        self.save()
        super().accept()

    def save(self) -> None:
        defaults = {info.name: info.key for info in default_labels()}
        keys = {name: edit.text().strip().upper() for name, edit in self.key_edits.items()}
        settings.set("label_keys", {n: k for n, k in keys.items() if k != defaults[n]})
        if self.annotator.text().strip():
            settings.set("annotator", self.annotator.text().strip())
        settings.set("language", self.language.currentData())
        settings.set("snap_to_words", self.snap.isChecked())
        settings.set("font_size", self.font_size.value())
