"""Every user setting, declared once with its type and default, kept in QSettings.

Use the module-level instance::

    from gui.settings import settings

    name = settings.get("annotator")          # typed: str
    settings.set("font_size", 16)             # emits settings.changed("font_size")
    keys = settings.label_keys()              # {"PERSON": "1", ...} defaults + overrides
    settings.changed.connect(on_setting)      # str: the setting's name

Names are the keys of `DECLARED` below; an unknown name raises KeyError, so a
typo fails loudly instead of silently reading a default. Byte settings
(window geometry and state) take and return `QByteArray`.

Where the file lives: QSettings' native location for organisation and
application "Pizhu" in INI format (`~/.config/Pizhu/Pizhu.ini` on Linux), or an INI file
under `$PIZHU_CONFIG_DIR` when that is set, or wherever `settings.configure(path)`
points it (tests pass a file in `tmp_path`, so they never touch a real user's
settings).

Data (not settings) lives in `data_dir()`: platformdirs' user data folder for
"Pizhu" (`~/.local/share/Pizhu` on Linux), or `$PIZHU_DATA_DIR`; the database
opened on first run is `default_database()` inside it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

ORGANIZATION = "Pizhu"
APPLICATION = "Pizhu"
LANGUAGES = ("auto", "zh_CN", "en")


@dataclass(frozen=True, slots=True)
class Setting:
    key: str  # the QSettings key
    type: type
    default: Any
    doc: str


DECLARED: dict[str, Setting] = {
    "annotator": Setting("general/annotator", str, "", "annotator name recorded on every edit"),
    "language": Setting("general/language", str, "auto", "UI language: auto, zh_CN or en"),
    "hint_shown": Setting("general/hint_shown", bool, False, "the main-keys hint was dismissed"),
    "last_database": Setting("general/last_database", str, "", "database opened at start"),
    "recent_databases": Setting("general/recent_databases", list, [], "most recent first"),
    "label_keys": Setting("annotate/label_keys", dict, {}, "label -> key, over labels.json"),
    "snap_to_words": Setting("annotate/snap_to_words", bool, False, "snap to jieba words"),
    "font_size": Setting("reader/font_size", int, 15, "reader font size in points"),
    "hidden_labels": Setting("reader/hidden_labels", list, [], "labels off in the legend"),
    "window_geometry": Setting("window/geometry", QByteArray, QByteArray(), "saveGeometry()"),
    "window_state": Setting("window/state", QByteArray, QByteArray(), "saveState(): docks"),
    "reader_splitter": Setting("window/reader_splitter", QByteArray, QByteArray(), "splitter"),
    "export_format": Setting("export/format", str, "pizhu", "format chosen last for export"),
    "export_dir": Setting("export/dir", str, "", "folder chosen last for export"),
}

MAX_RECENT = 10


def data_dir() -> Path:
    """Where databases live by default ($PIZHU_DATA_DIR overrides; not created here)."""
    if os.environ.get("PIZHU_DATA_DIR"):
        return Path(os.environ["PIZHU_DATA_DIR"])
    import platformdirs

    return Path(platformdirs.user_data_dir(APPLICATION, appauthor=False))


def default_database() -> Path:
    return data_dir() / "pizhu.db"


@dataclass(frozen=True, slots=True)
class LabelInfo:
    name: str
    key: str
    color: str
    zh: str


def default_labels() -> list[LabelInfo]:
    """The label configuration shipped in resources/labels.json."""
    data = json.loads(resources.files("resources").joinpath("labels.json").read_text("utf-8"))
    return [LabelInfo(d["name"], d["key"], d["color"], d["zh"]) for d in data["labels"]]


def _convert(setting: Setting, raw: Any) -> Any:
    """QSettings hands INI values back as strings; turn them into the declared type."""
    kind = setting.type
    if kind is bool:
        return raw.lower() in ("true", "1") if isinstance(raw, str) else bool(raw)
    if kind is int:
        return int(raw)
    if kind is list:
        return [raw] if isinstance(raw, str) else list(raw or [])
    if kind is dict:
        return json.loads(raw) if isinstance(raw, str) else dict(raw)
    if kind is QByteArray:
        return QByteArray(raw)
    return kind(raw)


class Settings(QObject):
    """Typed access to the declared settings; `changed` names the setting that changed."""

    changed = Signal(str)

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        super().__init__()
        self._path = path
        self._store: QSettings | None = None

    def configure(self, path: str | os.PathLike | None = None) -> None:
        """Point at an INI file (tests, portable use); None: the default location."""
        self._path = path
        self._store = None

    @property
    def configured_path(self) -> str | os.PathLike | None:
        """What `configure` was given (None: $PIZHU_CONFIG_DIR or the default place)."""
        return self._path

    @property
    def qsettings(self) -> QSettings:
        if self._store is None:
            self._store = self._open()
        return self._store

    def _open(self) -> QSettings:
        path = self._path
        if path is None and os.environ.get("PIZHU_CONFIG_DIR"):
            path = Path(os.environ["PIZHU_CONFIG_DIR"]) / "pizhu.ini"
        if path is not None:
            return QSettings(str(path), QSettings.Format.IniFormat)
        return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                         ORGANIZATION, APPLICATION)

    def file_name(self) -> str:
        return self.qsettings.fileName()

    def get(self, name: str) -> Any:
        setting = DECLARED[name]
        raw = self.qsettings.value(setting.key)
        if raw is None:
            return _copy(setting.default)
        try:
            return _convert(setting, raw)
        except (TypeError, ValueError):  # a hand-edited file: fall back, never crash
            return _copy(setting.default)

    def set(self, name: str, value: Any) -> None:
        setting = DECLARED[name]
        stored = json.dumps(value, ensure_ascii=False) if setting.type is dict else value
        self.qsettings.setValue(setting.key, stored)
        self.qsettings.sync()
        self.changed.emit(name)

    def reset(self, name: str) -> None:
        self.qsettings.remove(DECLARED[name].key)
        self.changed.emit(name)

    def label_keys(self) -> dict[str, str]:
        """Label name -> shortcut key: labels.json defaults with the user's overrides."""
        keys = {info.name: info.key for info in default_labels()}
        keys.update({k: v for k, v in self.get("label_keys").items() if k in keys})
        return keys

    def labels(self) -> list[LabelInfo]:
        """The label configuration with the user's keys applied."""
        keys = self.label_keys()
        return [LabelInfo(i.name, keys[i.name], i.color, i.zh) for i in default_labels()]

    def add_recent_database(self, path: str) -> None:
        recent = [p for p in self.get("recent_databases") if p != path]
        self.set("recent_databases", [path, *recent][:MAX_RECENT])
        self.set("last_database", path)


def _copy(value: Any) -> Any:
    if isinstance(value, list | dict):
        return type(value)(value)
    return QByteArray(value) if isinstance(value, QByteArray) else value


settings = Settings()
